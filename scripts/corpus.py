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

import argparse
import concurrent.futures
import functools
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from egopt_tools import egopt_problem, glue_option_values, sha256, which  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
CORPUS = os.path.join(REPO, "build", "corpus")
LLVM_BIN = "/usr/lib/llvm-22/bin"

# Flags for every bitcode compile: unoptimized, but without optnone, so that an
# optimizer may still work on the functions; no debug info.
BC_FLAGS = ["-O0", "-Xclang", "-disable-O0-optnone", "-emit-llvm", "-c", "-g0", "-w"]

SOURCE_PACKAGES = ["zlib", "libzstd", "lz4", "xz-utils"]


class Error(Exception):
    """A failure worth one line on stderr."""


def log(msg):
    print(msg, flush=True)


def find_tool(name, fallback):
    path = which(name, fallback)
    if path:
        return path
    raise Error(f"cannot find {name} (nor {fallback}); run scripts/setup.sh")


def run_cmd(cmd, cwd=None, timeout=None, stdin=None, stdout=None, env=None, what=None):
    """Runs cmd; raises Error with the tail of its output when it fails."""
    try:
        p = subprocess.run(cmd, cwd=cwd, timeout=timeout, stdin=stdin,
                           stdout=stdout if stdout is not None else subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env)
    except subprocess.TimeoutExpired:
        raise Error(f"{what or cmd[0]}: timed out after {timeout:g} s")
    except OSError as e:
        raise Error(f"{what or cmd[0]}: {e}")
    if p.returncode != 0:
        err = (p.stderr or b"").decode(errors="replace").strip().splitlines()
        sig = f" (signal {-p.returncode})" if p.returncode < 0 else ""
        tail = f": {err[-1].strip()[:300]}" if err else " (no output)"
        raise Error(f"{what or ' '.join(cmd[:3])}: exit {p.returncode}{sig}{tail}")
    return p


# ----------------------------------------------------------------------------- fetch

def deb_src_configured():
    files = []
    if os.path.exists("/etc/apt/sources.list"):
        files.append("/etc/apt/sources.list")
    files += glob.glob("/etc/apt/sources.list.d/*.list")
    files += glob.glob("/etc/apt/sources.list.d/*.sources")
    for f in files:
        try:
            text = open(f, encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        if f.endswith(".sources"):
            if re.search(r"^Types:.*\bdeb-src\b", text, re.M):
                return True
        elif re.search(r"^\s*deb-src\s", text, re.M):
            return True
    return False


def make_deb_src():
    """Writes /etc/apt/sources.list.d/egopt-src.sources derived from the machine's own entries."""
    src = "/etc/apt/sources.list.d/debian.sources"
    if os.path.exists(src):
        text = open(src, encoding="utf-8").read()
        new, n = re.subn(r"^Types:\s*deb\s*$", "Types: deb-src", text, flags=re.M)
        if n == 0:
            raise Error(f"{src} has no 'Types: deb' entry to derive a deb-src entry from")
        dest = "/etc/apt/sources.list.d/egopt-src.sources"
    elif os.path.exists("/etc/apt/sources.list"):
        lines = [l for l in open("/etc/apt/sources.list", encoding="utf-8")
                 if re.match(r"^\s*deb\s", l)]
        if not lines:
            raise Error("/etc/apt/sources.list has no 'deb' line to derive a deb-src line from")
        new = "".join(re.sub(r"^\s*deb\s", "deb-src ", l, count=1) for l in lines)
        dest = "/etc/apt/sources.list.d/egopt-src.list"
    else:
        raise Error("no apt sources found to derive a deb-src entry from")
    header = "# Written by egopt's scripts/corpus.py: source packages for the corpus.\n"
    try:
        with open(dest, "w", encoding="utf-8") as f:
            f.write(header + new)
    except OSError as e:
        raise Error(f"cannot write {dest}: {e} (run as root)")
    log(f"fetch: wrote {dest}")


def as_root(cmd):
    if os.geteuid() == 0:
        return cmd
    if shutil.which("sudo"):
        return ["sudo"] + cmd
    raise Error(f"{cmd[0]} needs root (and sudo is not available)")


def marker_path(workdir, pkg):
    return os.path.join(workdir, f".{pkg}.dir")


def source_dir(workdir, pkg):
    """The unpacked source tree of a package, or None."""
    m = marker_path(workdir, pkg)
    if os.path.exists(m):
        d = os.path.join(workdir, open(m).read().strip())
        if os.path.isdir(d):
            return d
    return None


def cmd_fetch(args):
    workdir = os.path.abspath(args.srcdir)
    os.makedirs(workdir, exist_ok=True)
    missing = [p for p in SOURCE_PACKAGES if source_dir(workdir, p) is None]
    if not missing:
        log(f"fetch: all {len(SOURCE_PACKAGES)} source packages present in {workdir}")
        return 0
    if not shutil.which("dpkg-source"):
        raise Error("dpkg-source not found: apt-get source needs dpkg-dev (run scripts/setup.sh)")
    if not deb_src_configured():
        if os.geteuid() != 0:
            raise Error("no deb-src entry configured and not root: run `corpus.py fetch` as root")
        make_deb_src()
        t0 = time.time()
        run_cmd(as_root(["apt-get", "update", "-qq"]), what="apt-get update", timeout=900)
        log(f"fetch: apt-get update ({time.time() - t0:.1f} s)")
    for pkg in missing:
        # `apt-cache showsrc` fails without source indices: update once then.
        p = subprocess.run(["apt-cache", "showsrc", pkg], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if p.returncode != 0 or not p.stdout.strip():
            log("fetch: no source index yet; apt-get update")
            run_cmd(as_root(["apt-get", "update", "-qq"]), what="apt-get update", timeout=900)
            p = subprocess.run(["apt-cache", "showsrc", pkg], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
            if p.returncode != 0 or not p.stdout.strip():
                raise Error(f"apt-cache showsrc {pkg}: no such source package")
        t0 = time.time()
        # Unpack into a scratch folder first so a half-finished run leaves nothing behind.
        scratch = tempfile.mkdtemp(prefix=f".{pkg}-", dir=workdir)
        try:
            fetch_some_version(pkg, source_versions(p.stdout.decode()), scratch)
            dirs = [d for d in os.listdir(scratch) if os.path.isdir(os.path.join(scratch, d))]
            if len(dirs) != 1:
                raise Error(f"apt-get source {pkg}: expected one unpacked folder, got {dirs}")
            for name in os.listdir(scratch):
                dest = os.path.join(workdir, name)
                if os.path.isdir(dest):
                    shutil.rmtree(dest)
                elif os.path.exists(dest):
                    os.remove(dest)
                os.rename(os.path.join(scratch, name), dest)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        with open(marker_path(workdir, pkg), "w") as f:
            f.write(dirs[0] + "\n")
        log(f"fetch: {pkg} -> {os.path.join(workdir, dirs[0])} ({time.time() - t0:.1f} s)")
    return 0


def source_versions(showsrc):
    """The versions `apt-cache showsrc` lists, newest first, each once."""
    versions = []
    for line in showsrc.splitlines():
        if line.startswith("Version:"):
            v = line.split(":", 1)[1].strip()
            if v not in versions:
                versions.append(v)
    versions.sort(key=functools.cmp_to_key(compare_debian_versions), reverse=True)
    return versions


def compare_debian_versions(a, b):
    p = subprocess.run(["dpkg", "--compare-versions", a, "lt", b])
    return -1 if p.returncode == 0 else (0 if a == b else 1)


def fetch_some_version(pkg, versions, scratch):
    """`apt-get source` of the newest version the mirror serves: a security
    mirror can list a version in its index yet answer 404 for its files, and
    then an older version from the main archive still builds the corpus."""
    errors = []
    for v in versions or [None]:
        spec = pkg if v is None else f"{pkg}={v}"
        try:
            run_cmd(["apt-get", "source", "-qq", spec], cwd=scratch,
                    what=f"apt-get source {spec}", timeout=900)
            if v is not None and v != versions[0]:
                log(f"fetch: {pkg}: the newest version could not be fetched; using {v}")
            return
        except Error as e:
            errors.append(str(e).splitlines()[0])
            for name in os.listdir(scratch):
                path = os.path.join(scratch, name)
                shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    raise Error(f"apt-get source {pkg}: no version could be fetched ({'; '.join(errors)})")


# ----------------------------------------------------------------------------- build

class Program:
    """One corpus program: how to find its sources and how to round-trip data through it."""

    name = ""
    package = ""
    libs = []          # extra link flags
    # Round trips: list of (label, compress args, decompress args). Data goes through
    # stdin/stdout; the decompressed output must equal the input.
    trips = []

    def sources(self, src, objdir, jobs):
        """Returns a list of (source file, [flags]) for the bitcode compiles."""
        raise NotImplementedError


class Minigzip(Program):
    name = "minigzip"
    package = "zlib"
    libs = []
    trips = [("default", [], ["-d"]), ("-9", ["-9"], ["-d"]), ("-1", ["-1"], ["-d"])]

    LIB = ["adler32", "compress", "crc32", "deflate", "gzclose", "gzlib", "gzread",
           "gzwrite", "infback", "inffast", "inflate", "inftrees", "trees", "uncompr", "zutil"]

    def sources(self, src, objdir, jobs):
        # What zlib's ./configure picks on Linux (see its Makefile's CFLAGS).
        flags = ["-I" + src, "-D_LARGEFILE64_SOURCE=1", "-DHAVE_HIDDEN", "-DHAVE_UNISTD_H",
                 "-DHAVE_STDARG_H"]
        files = [os.path.join(src, f + ".c") for f in self.LIB]
        files.append(os.path.join(src, "test", "minigzip.c"))
        return [(f, flags) for f in files]


class Zstd(Program):
    name = "zstd"
    package = "libzstd"
    libs = []
    trips = [("default", ["-q", "-c"], ["-q", "-d", "-c"]),
             ("-12", ["-q", "-c", "-12"], ["-q", "-d", "-c"]),
             ("-1", ["-q", "-c", "-1"], ["-q", "-d", "-c"])]

    def sources(self, src, objdir, jobs):
        lib = os.path.join(src, "lib")
        # Single-threaded (no ZSTD_MULTITHREAD), no zlib/lzma/lz4 formats (no ZSTD_GZCOMPRESS
        # and friends), no legacy formats, no x86-64 assembly (huf_decompress_amd64.S): the
        # C fallback is used instead, so that all code is in the bitcode.
        flags = ["-I" + lib, "-I" + os.path.join(lib, "common"),
                 "-DXXH_NAMESPACE=ZSTD_", "-DZSTD_LEGACY_SUPPORT=0", "-DZSTD_DISABLE_ASM",
                 "-DBACKTRACE_ENABLE=0"]
        files = []
        for sub in ["common", "compress", "decompress", "dictBuilder"]:
            files += sorted(glob.glob(os.path.join(lib, sub, "*.c")))
        files += sorted(glob.glob(os.path.join(src, "programs", "*.c")))
        if len(files) < 20:
            raise Error(f"zstd: only {len(files)} sources found under {src}")
        return [(f, flags + ["-I" + os.path.join(src, "programs")]) for f in files]


class Lz4(Program):
    name = "lz4"
    package = "lz4"
    libs = []
    trips = [("default", ["-q", "-c"], ["-q", "-d", "-c"]),
             ("-9", ["-q", "-c", "-9"], ["-q", "-d", "-c"]),
             ("--fast=3", ["-q", "-c", "--fast=3"], ["-q", "-d", "-c"])]

    def sources(self, src, objdir, jobs):
        lib = os.path.join(src, "lib")
        flags = ["-I" + lib, "-I" + os.path.join(src, "programs"), "-DXXH_NAMESPACE=LZ4_"]
        files = sorted(glob.glob(os.path.join(lib, "*.c")))
        files += sorted(glob.glob(os.path.join(src, "programs", "*.c")))
        if len(files) < 6:
            raise Error(f"lz4: only {len(files)} sources found under {src}")
        return [(f, flags) for f in files]


class Xz(Program):
    name = "xz"
    package = "xz-utils"
    libs = []
    trips = [("default", ["-c"], ["-d", "-c"]), ("-1", ["-c", "-1"], ["-d", "-c"]),
             ("-0e", ["-c", "-0", "-e"], ["-d", "-c"])]

    CONFIGURE = ["--disable-shared", "--disable-nls", "--disable-threads", "--disable-doc",
                 "--disable-scripts", "--disable-xzdec", "--disable-lzmadec",
                 "--disable-lzmainfo", "--disable-lzma-links"]

    def sources(self, src, objdir, jobs):
        # xz needs config.h: configure it once in a private build folder (out of tree), then
        # build liblzma and xz there under `bear` to capture the exact compile commands.
        bdir = os.path.join(objdir, "autotools")
        db = os.path.join(bdir, "compile_commands.json")
        stamp = os.path.join(objdir, "autotools.src")
        if not os.path.exists(db) or not os.path.exists(stamp) or open(stamp).read() != src:
            if os.path.isdir(bdir):
                shutil.rmtree(bdir)
            os.makedirs(bdir)
            env = dict(os.environ, CC="clang-22", CFLAGS="-O0 -g0")
            log("build: xz: ./configure")
            run_cmd([os.path.join(src, "configure"), "-q"] + self.CONFIGURE, cwd=bdir, env=env,
                    what="xz configure", timeout=900)
            if not shutil.which("bear"):
                raise Error("bear not found (apt-get install bear)")
            log("build: xz: make under bear (captures the compile commands)")
            run_cmd(["bear", "--output", db + ".tmp", "--", "make", f"-j{jobs}", "-C", "src/liblzma",
                     "liblzma.la"], cwd=bdir, what="xz make liblzma", timeout=1800)
            run_cmd(["bear", "--append", "--output", db + ".tmp", "--", "make", f"-j{jobs}", "-C",
                     "src/xz", "xz"], cwd=bdir, what="xz make xz", timeout=1800)
            os.rename(db + ".tmp", db)
            with open(stamp, "w") as fh:
                fh.write(src)
        entries = json.load(open(db))
        out, seen = [], set()
        # xz's own objects first: src/common files built into both liblzma and xz keep the
        # xz copy (a static link would pick it too).
        # Sorted by path as well, so that the module does not depend on make's -j order.
        entries.sort(key=lambda e: (0 if os.sep + "src" + os.sep + "xz" in e["directory"] + os.sep
                                    else 1, os.path.normpath(os.path.join(e["directory"], e["file"]))))
        for e in entries:
            args = e.get("arguments") or shlex.split(e["command"])
            f = os.path.normpath(os.path.join(e["directory"], e["file"]))
            if not f.endswith(".c") or f in seen:
                continue
            seen.add(f)
            out.append((f, self._keep_flags(args, e["directory"])))
        if not any("/src/xz/" in f for f, _ in out) or not any("/liblzma/" in f for f, _ in out):
            raise Error(f"xz: the captured compile commands in {db} lack xz or liblzma sources")
        return out

    @staticmethod
    def _keep_flags(args, cwd):
        """The preprocessor and language flags of a captured compile command."""
        keep, i = [], 1
        while i < len(args):
            a = args[i]
            if a in ("-I", "-D", "-U", "-include", "-isystem"):
                v = args[i + 1]
                if a in ("-I", "-isystem", "-include") and not os.path.isabs(v):
                    v = os.path.normpath(os.path.join(cwd, v))
                keep += [a, v]
                i += 2
                continue
            if a.startswith("-I") or a.startswith("-isystem"):
                p = a[2:] if a.startswith("-I") else a[8:]
                if not os.path.isabs(p):
                    p = os.path.normpath(os.path.join(cwd, p))
                keep.append(("-I" if a.startswith("-I") else "-isystem") + p)
            elif a.startswith("-D") or a.startswith("-U") or a.startswith("-std=") or a == "-pthread":
                keep.append(a)
            elif a in ("-o", "-MT", "-MF", "-MQ"):
                i += 1
            i += 1
        return keep


PROGRAMS = [Minigzip(), Zstd(), Lz4(), Xz()]


def select_programs(spec):
    if not spec:
        return PROGRAMS
    names = [s.strip() for s in spec.split(",") if s.strip()]
    known = {p.name: p for p in PROGRAMS}
    bad = [n for n in names if n not in known]
    if bad:
        raise Error(f"unknown program {', '.join(bad)} (known: {', '.join(known)})")
    return [known[n] for n in names]


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
