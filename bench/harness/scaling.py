#!/usr/bin/env python3
"""Compile-time scaling with threads: egopt -jN against LLVM's own parallel codegen
(opt, llvm-split into N parts, N llc in parallel, ld.lld -r) at each N.

Python standard library only. It runs in two places:

- from a packed copy (bench/harness/pack.sh) unpacked on another machine, which needs
  no compiler: the tools are in ./bin, their libraries in ./lib, the bitcode in ./bc;
- from the source tree (the system's LLVM 22 tools, build/tools/egopt/egopt and the
  corpus bitcode in build/corpus/bc).

It writes scaling.csv (every compile), scaling-summary.csv and scaling.md (the table).
The last line printed sums the run up; the exit status is 1 when a compile failed, 2
on a usage or setup error. See docs/benchmarking.md.
"""

import argparse
import csv
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import benchlib as bl  # noqa: E402
from benchlib import Config, median, ratio, fmt_s, fmt_x, md_table  # noqa: E402

PACKED = os.path.isfile(os.path.join(HERE, "bin", "egopt"))
REPO = None if PACKED else os.path.dirname(os.path.dirname(HERE))
# The default: the first corpus programs, -O0 flavor (scripts/corpus.py names
# bitcode NAME.FLAVOR.bc; the larger corpus is for quality, not for scaling).
CORPUS_ORDER = ["minigzip.o0", "zstd.o0", "lz4.o0", "xz.o0"]


def log(msg, fh=None):
    print(msg, flush=True)
    if fh:
        fh.write(msg + "\n")
        fh.flush()


def probe(tools):
    """Can the tools start here? Returns None or why not."""
    for t in ("egopt", "opt", "llc", "llvm_split", "ld_lld"):
        try:
            p = subprocess.run(tools.cmd(t, "--version"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=tools.env, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"{t}: {e}"
        if p.returncode != 0:
            err = p.stderr.decode(errors="replace").strip().splitlines()
            return f"{t}: exit {p.returncode}" + (f": {err[-1][:200]}" if err else "")
    return None


def packed_tools(mode):
    """The packed tools, started either with LD_LIBRARY_PATH=lib (the machine's own C
    library) or, where that C library is too old, through the packed dynamic loader."""
    b, lib, glibc = (os.path.join(HERE, d) for d in ("bin", "lib", os.path.join("lib", "glibc")))
    env = dict(os.environ)
    paths = [p for p in env.get("LD_LIBRARY_PATH", "").split(":") if p and os.path.abspath(p) != lib]
    env["LD_LIBRARY_PATH"] = ":".join([lib] + paths)
    names = dict(opt=os.path.join(b, "opt"), llc=os.path.join(b, "llc"),
                 llvm_split=os.path.join(b, "llvm-split"), ld_lld=os.path.join(b, "ld.lld"),
                 egopt=os.path.join(b, "egopt"))
    if mode == "system-libc":
        return bl.Tools(**names, env=env, lld_for_egopt=names["ld_lld"])
    loader = os.path.join(glibc, "ld-linux-x86-64.so.2")
    return bl.Tools(**names, env=env, prefix=[loader, "--library-path", f"{lib}:{glibc}"],
                    lld_for_egopt=os.path.join(b, "ld.lld-loader.sh"))


def choose_tools(args):
    if args.egopt or args.llvm_bin or not PACKED:
        egopt = args.egopt or (os.path.join(REPO, "build", "tools", "egopt", "egopt") if REPO else None)
        if not egopt:
            raise SystemExit("scaling.py: error: pass --egopt PATH")
        return bl.Tools.system(os.path.abspath(egopt), args.llvm_bin or bl.LLVM_BIN), "system tools"
    modes = {"auto": ["system-libc", "packed-loader"], "never": ["system-libc"],
             "always": ["packed-loader"]}[args.loader]
    whys = []
    for mode in modes:
        if mode == "packed-loader" and not os.path.exists(os.path.join(HERE, "lib", "glibc")):
            whys.append("packed-loader: the pack has no lib/glibc")
            continue
        tools = packed_tools(mode)
        why = probe(tools)
        if why is None:
            if mode == "system-libc":
                return tools, "packed tools, LD_LIBRARY_PATH=lib, this machine's C library"
            return tools, ("packed tools through the packed dynamic loader and C library "
                           "(lib/glibc)" + (f"; with this machine's own: {whys[0]}" if whys else ""))
        whys.append(f"{mode}: {why}")
    raise RuntimeError("the packed tools do not start here: " + "; ".join(whys))


def bitcode_dir(args):
    if args.bc:
        return os.path.abspath(args.bc)
    if PACKED:
        return os.path.join(HERE, "bc")
    return os.path.join(REPO, "build", "corpus", "bc")


def pick_programs(bcdir, spec):
    have = sorted(f[:-3] for f in os.listdir(bcdir) if f.endswith(".bc")) if os.path.isdir(bcdir) else []
    if spec:
        names = [s.strip() for s in spec.split(",") if s.strip()]
        bad = [n for n in names if n not in have]
        if bad:
            raise ValueError(f"no bitcode for {', '.join(bad)} in {bcdir} (have: {', '.join(have)})")
        return names
    # Default: the corpus programs (csmith programs are too small to scale).
    names = [n for n in CORPUS_ORDER if n in have]
    if not names:
        raise ValueError(f"no bitcode in {bcdir}")
    return names


def split_config(level, n):
    c = Config("split", level, n)
    if level != 2:
        c.name = f"llvm-O{level}-split-j{n}"
    return c


def configs(threads, levels):
    out = []
    for lvl in levels:
        out.append(Config("llvm", lvl))
        out += [split_config(lvl, n) for n in threads if n > 1]
        out += [Config("egopt", lvl, n) for n in sorted(set([1] + threads))]
    return out


def default_threads():
    n = os.cpu_count() or 1
    out, k = [1], 2
    while k < n:
        out.append(k)
        k *= 2
    if n > 1:
        out.append(n)
    return ",".join(map(str, out))


def main():
    ap = argparse.ArgumentParser(
        description="Compile-time scaling: egopt -jN against opt + llvm-split + N llc + ld.lld -r, "
                    "for the given thread counts. Standard library only; runs from a pack made "
                    "by bench/harness/pack.sh or from the source tree.",
        epilog="examples (in the unpacked folder):\n"
               "  ./scaling.py --threads 1,2,4,8,16 --reps 5\n"
               "  ./scaling.py --threads 1,8 --programs zstd --reps 3 --out /tmp/zstd-scaling",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", default=default_threads(),
                    help="thread counts (default: 1, powers of two, and the number of CPUs: "
                         f"{default_threads()} here)")
    ap.add_argument("--reps", type=int, default=5, help="repetitions (default: 5)")
    ap.add_argument("--programs", default="",
                    help="programs (bitcode names), comma-separated (default: the corpus programs)")
    ap.add_argument("--levels", default="2", help="optimization levels, e.g. 2 or 1,2,3 (default: 2)")
    ap.add_argument("--out", default=None, help="result folder (default: ./scaling-DATE-HOST)")
    ap.add_argument("--bc", default=None, help="bitcode folder (default: ./bc in a pack, "
                                               "build/corpus/bc in the source tree)")
    ap.add_argument("--egopt", default=None, help="use this egopt instead of the packed one")
    ap.add_argument("--llvm-bin", default=None, help="use these LLVM tools instead of the packed ones")
    ap.add_argument("--loader", choices=["auto", "always", "never"], default="auto",
                    help="start the packed tools through the packed dynamic loader: 'auto' (when "
                         "this machine's C library is too old), 'always', 'never' (default: auto)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per compile (default: 900)")
    args = ap.parse_args()
    t_begin = time.time()
    try:
        threads = bl.parse_threads(args.threads)
        levels = [int(x) for x in args.levels.split(",") if x.strip()]
        if not levels or any(l not in (1, 2, 3) for l in levels):
            raise ValueError("--levels takes 1, 2 and 3")
        if args.reps < 1:
            raise ValueError("--reps must be at least 1")
        bcdir = bitcode_dir(args)
        progs = pick_programs(bcdir, args.programs)
        tools, how = choose_tools(args)
        if tools.missing():
            raise RuntimeError("missing: " + ", ".join(tools.missing()))
    except (ValueError, RuntimeError, OSError) as e:
        print(f"scaling.py: error: {e}", file=sys.stderr)
        print("scaling: nothing ran (setup error)")
        return 2
    host = bl.machine_info()
    stamp = time.strftime("%Y-%m-%d")
    out = os.path.abspath(args.out or f"scaling-{stamp}-{host['hostname'] or 'host'}")
    k, base = 2, out
    while not args.out and os.path.exists(out) and os.listdir(out):
        out = f"{base}-{k}"
        k += 1
    os.makedirs(out, exist_ok=True)
    logf = open(os.path.join(out, "scaling.log"), "w")
    cfgs = configs(threads, levels)
    work = os.path.join(out, "work")
    os.makedirs(work, exist_ok=True)
    command = "scaling.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    log(f"scaling: {command.strip()}", logf)
    log(f"scaling: {how}", logf)
    log(f"scaling: {host['cpu_model']}, {host['logical_cpus']} CPUs, {host['memory_gib']} GiB; "
        f"{len(progs)} programs × {len(cfgs)} configurations × {args.reps} repetitions", logf)
    over = [n for n in threads if n > (host["usable_cpus"] or host["logical_cpus"] or 1)]
    if over:
        log(f"scaling: note: {over} threads exceed the CPUs this process may use", logf)

    # Warm-up (untimed): load every tool and its libraries once.
    smallest = min(progs, key=lambda p: os.path.getsize(os.path.join(bcdir, p + ".bc")))
    for c in cfgs:
        c.compile(tools, os.path.join(bcdir, smallest + ".bc"), os.path.join(work, "warm.o"),
                  os.path.join(work, "tmp"), args.timeout)

    res = {(p, c.name): {"walls": [], "peaks": [], "units": [], "shas": set(), "error": None}
           for p in progs for c in cfgs}
    failures = []
    fh = open(os.path.join(out, "scaling.csv"), "w", newline="")
    w = csv.writer(fh)
    w.writerow(["rep", "seq", "program", "config", "family", "opt_level", "threads", "status", "wall_s",
                "peak_kib", "opt_s", "split_s", "llc_s", "join_s", "egopt_units_wall_s",
                "egopt_total_s", "error"])
    meter = bl.CpuMeter()
    seq, total = 0, args.reps * len(progs) * len(cfgs)
    for rep in range(args.reps):
        order = cfgs[rep % len(cfgs):] + cfgs[:rep % len(cfgs)]
        for p in progs:
            bc = os.path.join(bcdir, p + ".bc")
            line = []
            for c in order:
                r = res[(p, c.name)]
                if r["error"]:
                    continue
                obj = os.path.join(work, f"{p}.{c.name}.o")
                o = c.compile(tools, bc, obj, os.path.join(work, "tmp"), args.timeout)
                seq += 1
                sec = bl.egopt_seconds(o.stats) if o.stats else {}
                if o.error:
                    r["error"] = o.error
                    failures.append(f"{p} {c.name}: {o.error}")
                    log(f"FAILED: {p} {c.name}: {o.error}", logf)
                else:
                    r["walls"].append(o.wall)
                    r["peaks"].append(o.peak_kib)
                    if "units_wall" in sec:
                        r["units"].append(sec["units_wall"])
                    with open(obj, "rb") as f:
                        r["shas"].add(hashlib.sha256(f.read()).hexdigest())
                    line.append(f"{c.name} {o.wall:.2f}")
                w.writerow([rep + 1, seq, p, c.name, c.family, c.level, c.threads,
                            "error" if o.error else "ok", f"{o.wall:.4f}", o.peak_kib,
                            *(f"{o.steps[s]:.4f}" if s in o.steps else "" for s in
                              ("opt", "split", "llc", "join")),
                            sec.get("units_wall", ""), sec.get("total", ""), o.error or ""])
                fh.flush()
            log(f"rep {rep + 1}/{args.reps} {p}: " + ", ".join(line) + f"  [{seq}/{total}]", logf)
    fh.close()
    cpu = meter.stop()

    # Summary.
    summ = os.path.join(out, "scaling-summary.csv")
    with open(summ, "w", newline="") as f:
        sw = csv.writer(f)
        sw.writerow(["program", "config", "family", "opt_level", "threads", "reps", "wall_median_s",
                     "wall_min_s", "wall_max_s", "peak_kib_median", "speedup_vs_1_thread",
                     "units_wall_median_s", "units_speedup_vs_1_thread"])
        for p in progs:
            for c in cfgs:
                r = res[(p, c.name)]
                base = res[(p, f"egopt-O{c.level}-j1" if c.family == "egopt" else f"llvm-O{c.level}")]
                m = median(r["walls"])
                sw.writerow([p, c.name, c.family, c.level, c.threads, len(r["walls"]), m,
                             min(r["walls"], default=None), max(r["walls"], default=None),
                             median(r["peaks"]), ratio(median(base["walls"]), m),
                             median(r["units"]), ratio(median(base["units"]), median(r["units"]))])

    L = ["# Compile-time scaling: egopt -jN and LLVM's parallel codegen", "",
         f"Command: `{command.strip()}` ({how}); {args.reps} repetitions, configurations "
         f"interleaved; took {(time.time() - t_begin) / 60:.1f} min.", ""]
    L += bl.machine_lines(host)
    L.append(bl.cpu_line(cpu))
    L += ["", "Median wall seconds (min–max); speedup is the median at 1 thread over the median "
          "at N threads, same program, same run. LLVM at N threads is `opt -O<level>`, "
          "`llvm-split -j N`, N `llc -O2 -relocation-model=pic -filetype=obj` in parallel and "
          "`ld.lld -r`; at 1 thread, `opt` + `llc`. `units` is egopt's speedup of its parallel "
          "phase alone (`units_wall` from `--stats-json`). `egopt vs LLVM` is LLVM's median "
          "over egopt's at the same N (above 1: egopt is faster).", ""]
    for lvl in levels:
        rows = []
        for p in progs:
            for n in sorted(set([1] + threads)):
                e = res[(p, f"egopt-O{lvl}-j{n}")]
                lname = f"llvm-O{lvl}" if n == 1 else split_config(lvl, n).name
                l = res[(p, lname)]
                eb, lb = res[(p, f"egopt-O{lvl}-j1")], res[(p, f"llvm-O{lvl}")]

                def cell(r):
                    if r["error"]:
                        return "failed"
                    if not r["walls"]:
                        return "–"
                    return (f"{fmt_s(median(r['walls']))} ({fmt_s(min(r['walls']))}–"
                            f"{fmt_s(max(r['walls']))})")
                rows.append([p, n, cell(e), fmt_x(ratio(median(eb["walls"]), median(e["walls"]))),
                             fmt_x(ratio(median(eb["units"]), median(e["units"]))), cell(l),
                             fmt_x(ratio(median(lb["walls"]), median(l["walls"]))),
                             fmt_x(ratio(median(l["walls"]), median(e["walls"]))),
                             f"{(median(e['peaks']) or 0) / 1024:.0f} / {(median(l['peaks']) or 0) / 1024:.0f}"])
        L += [f"## -O{lvl}", "",
              md_table(["program", "threads", f"egopt -O{lvl} s", "speedup", "units",
                        f"LLVM -O{lvl} s", "speedup", "egopt vs LLVM", "peak MiB egopt / LLVM"], rows),
              ""]
    nondet = [f"{p} -O{lvl}" for p in progs for lvl in levels
              if len(set().union(*[res[(p, f"egopt-O{lvl}-j{n}")]["shas"]
                                   for n in sorted(set([1] + threads))])) > 1]
    L.append("egopt objects identical at every thread count: "
             + ("yes." if not nondet else f"**no**: {', '.join(nondet)}."))
    if failures:
        L += ["", "## Failures", ""] + [f"- {f}" for f in failures]
    L += ["", "Files: `scaling.csv` (every compile), `scaling-summary.csv`, `scaling.log`.", ""]
    with open(os.path.join(out, "scaling.md"), "w") as f:
        f.write("\n".join(L))
    if not failures:
        shutil.rmtree(work, ignore_errors=True)
    log(f"scaling: {len(progs)} programs × {len(cfgs)} configurations × {args.reps} repetitions: "
        f"{seq} compiles, {len(failures)} failed; table {os.path.join(out, 'scaling.md')}; "
        f"{(time.time() - t_begin) / 60:.1f} min", logf)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("scaling.py: interrupted", file=sys.stderr)
        sys.exit(130)
