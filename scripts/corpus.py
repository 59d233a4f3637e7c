#!/usr/bin/python3
"""egopt's real-program corpus: four compressors, each as one whole-program bitcode module.

Subcommands:
  fetch  download and unpack the Debian source packages (zlib, libzstd, lz4, xz-utils)
  build  compile each program to one unoptimized bitcode module (build/corpus/bc/NAME.bc)
         plus a reference binary (NAME.ref, clang -O0 from the same bitcode), and check
         the reference's round trip
  run    compile each module with egopt, link, and check the program's round trip
         (compress, decompress, compare) on a fixed generated input
  all    fetch + build + run

Programs: minigzip (zlib), zstd, lz4, xz. The last line printed by `run` and `all` is
`N passed, N failed`. See docs/corpus.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_common import *  # noqa: E402,F401,F403
from corpus_sources import *  # noqa: E402,F401,F403
from corpus_programs import *  # noqa: E402,F401,F403


def compile_bc(clang, src_file, flags, out):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    cmd = [clang] + BC_FLAGS + flags + [src_file, "-o", out]
    run_cmd(cmd, what=f"clang {os.path.basename(src_file)}", timeout=600)
    return cmd


def build_one(prog, args, clang, llvm_link):
    srcdir = source_dir(os.path.abspath(args.srcdir), prog.package)
    if srcdir is None:
        raise Error(f"source package {prog.package} not fetched (run `corpus.py fetch`)")
    objdir = os.path.join(CORPUS, "obj", prog.name)
    bcdir = os.path.join(CORPUS, "bc")
    os.makedirs(bcdir, exist_ok=True)
    t_prep = time.time()
    units = prog.sources(srcdir, objdir, args.jobs)
    t0 = time.time()
    t_prep = t0 - t_prep
    outs, cmds = [], []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = []
        for f, flags in units:
            rel = os.path.relpath(f, srcdir)
            if rel.startswith(".."):
                rel = os.path.relpath(f, objdir)
            out = os.path.join(objdir, "bc", rel[:-2].replace(os.sep, "__") + ".bc")
            outs.append(out)
            futs.append(ex.submit(compile_bc, clang, f, flags, out))
        for fu in futs:
            cmds.append(fu.result())
    with open(os.path.join(objdir, "commands.sh"), "w") as fh:
        fh.write("#!/bin/sh\n# The bitcode compiles of %s (written by scripts/corpus.py).\nset -e\n"
                 % prog.name)
        for c in cmds:
            fh.write(" ".join(shlex.quote(x) for x in c) + "\n")
    t_cc = time.time() - t0
    bc = os.path.join(bcdir, prog.name + ".bc")
    run_cmd([llvm_link] + outs + ["-o", bc + ".tmp"], what=f"llvm-link {prog.name}", timeout=600)
    os.replace(bc + ".tmp", bc)
    ref = os.path.join(bcdir, prog.name + ".ref")
    run_cmd([clang, "-O0", "-w", bc, "-o", ref] + prog.libs, what=f"link {prog.name}.ref",
            timeout=600)
    t_all = time.time() - t0
    # Sanity: the reference binary's round trip; record its compressed outputs so that `run`
    # can check the egopt binary writes the same bytes.
    data = input_file()
    tdir = tempfile.mkdtemp(prefix=f"ref-{prog.name}-", dir=CORPUS)
    try:
        t1 = time.time()
        hashes = round_trip(prog, ref, data, tdir, args.timeout)
        t_rt = time.time() - t1
    finally:
        shutil.rmtree(tdir, ignore_errors=True)
    with open(os.path.join(bcdir, prog.name + ".expect.json"), "w") as fh:
        json.dump({"input_sha256": sha256(data), "compressed_sha256": hashes}, fh, indent=1)
    size = os.path.getsize(bc)
    prep = f"configure+make {t_prep:.1f} s, " if t_prep >= 1 else ""
    return (f"{len(units)} files, {size // 1024} KiB bitcode, {prep}compile {t_cc:.1f} s, "
            f"link+ref {t_all - t_cc:.1f} s, reference round trip {t_rt:.1f} s")


def cmd_build(args):
    clang = find_tool("clang-22", LLVM_BIN + "/clang")
    llvm_link = find_tool("llvm-link-22", LLVM_BIN + "/llvm-link")
    ok = bad = 0
    for prog in select_programs(args.programs):
        t0 = time.time()
        try:
            note = build_one(prog, args, clang, llvm_link)
            ok += 1
            log(f"build: {prog.name}: ok ({note}; {time.time() - t0:.1f} s)")
        except Error as e:
            bad += 1
            log(f"build: {prog.name}: FAILED: {e}")
    log(f"build: {ok} built, {bad} failed")
    return 0 if bad == 0 else 1


# ----------------------------------------------------------------------------- input + round trip

INPUT_SIZE = 4 << 20
INPUT_VERSION = 1

WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at "
         "which but have an they you were her she there been one all we their has would when "
         "if so no what up out who them some could into more other than then its time only "
         "compress data block stream buffer window match literal offset length entropy huffman "
         "table symbol frame header checksum dictionary level fast ultra decode encode").split()


def input_file():
    """A deterministic input of INPUT_SIZE bytes: text, structured binary, noise and runs."""
    path = os.path.join(CORPUS, "data", f"input-v{INPUT_VERSION}.bin")
    if os.path.exists(path) and os.path.getsize(path) == INPUT_SIZE:
        return path
    os.makedirs(os.path.dirname(path), exist_ok=True)
    counter = [0]

    def rand_bytes(n):
        out = bytearray()
        while len(out) < n:
            out += hashlib.sha256(b"egopt-corpus-%d" % counter[0]).digest()
            counter[0] += 1
        return bytes(out[:n])

    chunks, total, kind = [], 0, 0
    while total < INPUT_SIZE:
        r = rand_bytes(64)
        if kind % 4 == 0:      # text: words and lines
            words, n = [], 0
            rb = rand_bytes(8192)
            for i in range(0, len(rb) - 1, 2):
                w = WORDS[(rb[i] * 256 + rb[i + 1]) % len(WORDS)]
                words.append(w + ("\n" if rb[i] % 13 == 0 else " "))
            chunk = "".join(words).encode()
        elif kind % 4 == 1:    # records: counters, small ints, a fixed tag
            base = int.from_bytes(r[:4], "little")
            chunk = b"".join(
                (base + i).to_bytes(4, "little") + (i * 7 % 251).to_bytes(2, "little") + b"RECD"
                + r[i % 32:i % 32 + 6] for i in range(2000))
        elif kind % 4 == 2:    # incompressible noise
            chunk = rand_bytes(4096 + r[0] * 16)
        else:                  # runs of a byte
            chunk = bytes([r[1]]) * (1000 + r[2] * 40) + bytes(r[3] % 4) * 3000
        chunks.append(chunk)
        total += len(chunk)
        kind += 1 + r[5] % 3
    data = b"".join(chunks)[:INPUT_SIZE]
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)
    return path


def same_file(a, b):
    if os.path.getsize(a) != os.path.getsize(b):
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def pipe(binary, argv, src, dst, timeout, what):
    with open(src, "rb") as fi, open(dst, "wb") as fo:
        try:
            p = subprocess.run([binary] + argv, stdin=fi, stdout=fo, stderr=subprocess.PIPE,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Error(f"{what}: timed out after {timeout:g} s")
    if p.returncode != 0:
        err = p.stderr.decode(errors="replace").strip().splitlines()
        sig = f" (signal {-p.returncode})" if p.returncode < 0 else ""
        tail = f": {err[-1].strip()[:300]}" if err else " (no output)"
        raise Error(f"{what}: exit {p.returncode}{sig}{tail}")


def round_trip(prog, binary, data, tdir, timeout):
    """Compresses and decompresses data with each of prog's settings; returns the hashes of
    the compressed outputs. Raises Error on any difference."""
    hashes = {}
    for label, comp, decomp in prog.trips:
        z = os.path.join(tdir, "z")
        back = os.path.join(tdir, "back")
        pipe(binary, comp, data, z, timeout, f"{prog.name} {label} compress")
        pipe(binary, decomp, z, back, timeout, f"{prog.name} {label} decompress")
        if not same_file(data, back):
            raise Error(f"{prog.name} {label}: decompressed output differs from the input")
        if os.path.getsize(z) >= os.path.getsize(data):
            raise Error(f"{prog.name} {label}: output is not smaller than the input")
        hashes[label] = sha256(z)
    return hashes


# ----------------------------------------------------------------------------- run

def cmd_run(args):
    clang = find_tool("clang-22", LLVM_BIN + "/clang")
    egopt = os.path.abspath(args.egopt)
    if problem := egopt_problem(egopt):
        raise Error(problem)
    flags = shlex.split(args.egopt_flags)
    tag = re.sub(r"[^A-Za-z0-9_.=-]+", "_", "".join(flags)) or "default"
    rundir = os.path.join(CORPUS, "run", tag)
    os.makedirs(rundir, exist_ok=True)
    data = input_file()
    data_hash = sha256(data)
    passed = failed = 0
    total_compile = 0.0
    log(f"run: egopt {' '.join(['-O2'] + flags)} ({egopt})")
    for prog in select_programs(args.programs):
        bc = os.path.join(CORPUS, "bc", prog.name + ".bc")
        obj = os.path.join(rundir, prog.name + ".o")
        exe = os.path.join(rundir, prog.name)
        stage, t_compile = "compile", None
        try:
            if not os.path.exists(bc):
                raise Error(f"{bc} missing (run `corpus.py build`)")
            for stale in (obj, exe):
                if os.path.exists(stale):
                    os.remove(stale)
            t0 = time.time()
            run_cmd([egopt, "-O2"] + flags + [bc, "-o", obj], timeout=args.compile_timeout,
                    what="egopt")
            t_compile = time.time() - t0
            total_compile += t_compile
            stage = "link"
            run_cmd([clang, obj, "-o", exe] + prog.libs, what="link", timeout=600)
            stage = "round trip"
            tdir = os.path.join(rundir, prog.name + ".trip")
            if os.path.isdir(tdir):
                shutil.rmtree(tdir)
            os.makedirs(tdir)
            t1 = time.time()
            try:
                hashes = round_trip(prog, exe, data, tdir, args.timeout)
            except Error as e:  # keep the files of a failed round trip
                raise Error(f"{e} (files in {tdir})")
            t_rt = time.time() - t1
            shutil.rmtree(tdir, ignore_errors=True)
            expect = os.path.join(CORPUS, "bc", prog.name + ".expect.json")
            if os.path.exists(expect):
                e = json.load(open(expect))
                if e.get("input_sha256") == data_hash:
                    for label, h in hashes.items():
                        if e["compressed_sha256"].get(label, h) != h:
                            raise Error(f"{prog.name} {label}: compressed output differs from "
                                        f"the reference binary's")
            passed += 1
            log(f"run: {prog.name}: pass (compile {t_compile:.2f} s, round trips {t_rt:.2f} s)")
        except Error as e:
            failed += 1
            ct = f"compile {t_compile:.2f} s, " if t_compile is not None else ""
            log(f"run: {prog.name}: FAIL [{stage}] ({ct.rstrip(', ')}) {e}".replace(" () ", " "))
    log(f"run: total egopt compile time {total_compile:.2f} s")
    log(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def cmd_all(args):
    rc_fetch = cmd_fetch(args)
    rc_build = cmd_build(args)
    rc_run = cmd_run(args)
    return rc_fetch or rc_build or rc_run


# ----------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(
        description="egopt's real-program corpus (minigzip, zstd, lz4, xz): fetch Debian "
                    "sources, build whole-program bitcode, compile with egopt and check "
                    "each program's compress/decompress round trip.",
        epilog="examples:\n  scripts/corpus.py all --egopt /path/to/egopt\n"
               "  scripts/corpus.py run --egopt-flags -j1\n"
               "  scripts/corpus.py run --programs zstd,xz --egopt-flags '-j2'",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", metavar="{fetch,build,run,all}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--workdir", "--srcdir", dest="srcdir",
                        default=os.path.join(CORPUS, "src"),
                        help="where the source packages are unpacked (default: build/corpus/src)")
    common.add_argument("--programs", default="",
                        help="comma-separated subset of minigzip,zstd,lz4,xz (default: all)")
    common.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel compiles during build (default: number of cores)")
    common.add_argument("--timeout", type=float, default=120,
                        help="seconds each compress/decompress may take (default: 120)")
    runopts = argparse.ArgumentParser(add_help=False)
    runopts.add_argument("--egopt", default=DEFAULT_EGOPT,
                         help="the compiler to test (default: build/tools/egopt/egopt)")
    runopts.add_argument("--egopt-flags", default="",
                         help="extra egopt flags after -O2, e.g. \"-j2\"")
    runopts.add_argument("--compile-timeout", type=float, default=600,
                         help="seconds one egopt compile may take (default: 600)")
    sub.add_parser("fetch", parents=[common], help="download and unpack the source packages")
    sub.add_parser("build", parents=[common], help="build the bitcode modules and references")
    sub.add_parser("run", parents=[common, runopts], help="compile with egopt and round-trip")
    sub.add_parser("all", parents=[common, runopts], help="fetch + build + run")
    args = ap.parse_args(fix_argv(sys.argv[1:]))
    if not args.cmd:
        ap.print_help()
        return 2
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    try:
        return {"fetch": cmd_fetch, "build": cmd_build, "run": cmd_run, "all": cmd_all}[args.cmd](args)
    except Error as e:
        print(f"corpus.py {args.cmd}: error: {e}", file=sys.stderr)
        if args.cmd in ("run", "all"):
            # Keep the contract: the closing line says how the run went.
            print(f"0 passed, {len(select_programs_safe(args.programs))} failed")
        return 2
    except KeyboardInterrupt:
        print(f"corpus.py {args.cmd}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        return 1


def fix_argv(argv):
    return glue_option_values(argv, ("--egopt-flags",))


def select_programs_safe(spec):
    try:
        return select_programs(spec)
    except Error:
        return PROGRAMS


if __name__ == "__main__":
    sys.exit(main())
