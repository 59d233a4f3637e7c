#!/usr/bin/python3
"""egopt against LLVM, side by side, on the same bitcode, in one run: a report with tables,
CSV files and plots.

Programs: the real-program corpus (minigzip, zstd, lz4, xz; built by scripts/corpus.py)
and csmith programs from fixed seeds (unoptimized bitcode made as scripts/csmith_diff.py
makes it). Configurations: opt -O1/-O2/-O3 + llc, the pre-pass floor + llc, LLVM's own
parallel codegen (llvm-split + N llc + ld.lld -r), egopt -O1/-O2/-O3 at -j1 and -jN.
Each repetition compiles every program with every configuration, interleaved, so that
drift in the machine's speed hits every configuration alike. Then each object is
measured (size), linked and run under cachegrind (dynamic instruction count).

The last line printed sums the run up; the exit status is 0 when everything ran, 1
when something failed to compile, link, run or check, 2 on a usage or setup error.
See docs/benchmarking.md.
"""

import argparse
import importlib.util
import json
import os
import shlex
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import benchlib as bl  # noqa: E402
import hcommon  # noqa: E402
from hcommon import (CSMITH_INCLUDE, DEFAULT_EGOPT, FAILURES, QUICK_PROGRAMS, QUICK_REPS,  # noqa: E402
                     QUICK_SEEDS, REPO, SetupError, fail, git_state, log, sha256,
                     tool_version)
from losses import LOSS_CONFIGS, loss_phase, write_losses  # noqa: E402
from measure import Cell, instructions_phase, quality_phase, rounds_of, timed_phase  # noqa: E402
from programs import (all_configs, parse_seeds, prepare_corpus, prepare_csmith,  # noqa: E402
                      quick_configs, select_configs)
from report import header_lines, speedup_series, summarize, write_csvs, write_report  # noqa: E402
from rerender import rerender  # noqa: E402


# ----------------------------------------------------------------------------- main

def default_out(quick):
    base = os.path.join(REPO, "bench", "results", time.strftime("%Y-%m-%d") + ("-quick" if quick else ""))
    out, k = base, 2
    while os.path.exists(out) and os.listdir(out):
        out = f"{base}-{k}"
        k += 1
    return out


def main():
    ap = argparse.ArgumentParser(
        description="egopt against LLVM on the same bitcode: compile time, peak memory, "
                    "dynamic instructions, object size, e-graph statistics, speedup with threads; "
                    "writes report.md, CSV files and plots.",
        epilog="examples:\n  bench/harness/run.py --quick\n  bench/harness/run.py\n"
               "  bench/harness/run.py --threads 1,2 --reps 5 --out bench/results/today\n"
               "  bench/harness/run.py --programs zstd --configs 'llvm-O2,egopt-O2-*'",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help=f"under 5 minutes: {QUICK_REPS} repetition, programs {QUICK_PROGRAMS} "
                         f"(both halves), csmith seeds {QUICK_SEEDS}, fewer configurations")
    ap.add_argument("--threads", default=None,
                    help="thread counts, e.g. 1,2 (default: 1 and the number of CPUs)")
    ap.add_argument("--reps", type=int, default=None, help="repetitions (default: 5; --quick: 2)")
    ap.add_argument("--out", default=None,
                    help="result folder (default: bench/results/DATE, DATE-quick with --quick)")
    ap.add_argument("--programs", default=None,
                    help="corpus programs or halves (tuning, validation), comma-separated "
                         "(default: all; `scripts/corpus.py list`); 'none' for no corpus")
    ap.add_argument("--flavors", default="o0,o2",
                    help="input flavors of the C programs (default: o0,o2)")
    ap.add_argument("--loss-report", action="store_true",
                    help="also run the workloads of egopt-O2-j1 and llvm-O2 under callgrind and "
                         "list, per program, the functions where egopt runs more instructions")
    ap.add_argument("--loss-pair", default=",".join(LOSS_CONFIGS),
                    help="the two configurations the loss report compares, the one that loses "
                         "first (default: %(default)s; 'egopt-O2-norules,floor' shows what the "
                         "round trip loses)")
    ap.add_argument("--csmith-seeds", default=None,
                    help="csmith seeds, e.g. 1-10 or 1,5,7 (default: 1-10; --quick: 1-3; "
                         "'none' for no csmith programs)")
    ap.add_argument("--configs", default=None,
                    help="configurations to run, comma-separated names or globs "
                         "(e.g. 'llvm-O2,floor,egopt-O2-*'; default: all; --quick: a subset)")
    ap.add_argument("--compile-instructions", action="store_true",
                    help="also compile each corpus program once more with every one-thread "
                         "configuration under cachegrind, and report the instructions each "
                         "compile took: a figure the machine's noise does not move (about 7 "
                         "minutes on 2 cores, most of it zstd)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel jobs for the untimed parts (csmith, cachegrind runs); "
                         "compiles are always timed one at a time (default: number of CPUs)")
    ap.add_argument("--egopt", default=DEFAULT_EGOPT, help="egopt binary (default: build/tools/egopt/egopt)")
    ap.add_argument("--egopt-flags", default="",
                    help="flags every egopt configuration adds (an experiment: "
                         "--egopt-flags='--extra-pre-passes=function(jump-threading)')")
    ap.add_argument("--egopt-source", default=None,
                    help="what the report says egopt was built from (default: this tree's commit "
                         "when egopt is under it)")
    ap.add_argument("--llvm-bin", default=bl.LLVM_BIN, help=f"LLVM tools (default: {bl.LLVM_BIN})")
    ap.add_argument("--rebuild-corpus", action="store_true",
                    help="run scripts/corpus.py fetch + build even when the bitcode exists")
    ap.add_argument("--compile-timeout", type=float, default=600, help="seconds per compile (default: 600)")
    ap.add_argument("--run-timeout", type=float, default=300,
                    help="seconds per program run, under cachegrind too (default: 300)")
    ap.add_argument("--no-plots", action="store_true", help="skip the plots (no matplotlib needed)")
    ap.add_argument("--rerender", metavar="DIR", default=None,
                    help="measure nothing: rebuild report.md, the summary CSVs and the plots of an "
                         "earlier run in DIR from its times.csv, summary.csv and stats/")
    args = ap.parse_args()
    if args.rerender:
        return rerender(args.rerender, args.no_plots)
    t_begin = time.time()
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")

    try:
        threads = bl.parse_threads(args.threads or f"1,{os.cpu_count() or 1}")
    except ValueError as e:
        ap.error(f"--threads: {e}")
    args.reps = args.reps or (QUICK_REPS if args.quick else 5)
    if args.reps < 1:
        ap.error("--reps must be at least 1")
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    spec = args.programs or (QUICK_PROGRAMS if args.quick else "")
    args.programs = [] if spec == "none" else [s.strip() for s in spec.split(",") if s.strip()]
    args.no_corpus = spec == "none"
    args.flavors = [f.strip() for f in args.flavors.split(",") if f.strip()]
    args.seeds_spec = args.csmith_seeds or (QUICK_SEEDS if args.quick else "1-10")
    try:
        args.seeds = [] if args.seeds_spec == "none" else parse_seeds(args.seeds_spec)
    except ValueError:
        ap.error(f"--csmith-seeds: cannot read {args.seeds_spec!r}")
    args.egopt = os.path.abspath(args.egopt)
    out = os.path.abspath(args.out) if args.out else default_out(args.quick)
    hcommon.use_work_for(out)
    try:
        if args.configs:
            cfgs = select_configs(all_configs(threads), args.configs)
        else:
            cfgs = quick_configs(threads) if args.quick else all_configs(threads)
        for c in cfgs:
            if c.family == "egopt":
                c.extra_flags = shlex.split(args.egopt_flags)
        pair = args.loss_pair.split(",")
        names = {c.name for c in cfgs}
        if args.loss_report and (len(pair) != 2 or not set(pair) <= names):
            ap.error(f"--loss-pair: two of the configurations that run ({', '.join(sorted(names))}),"
                     f" not {args.loss_pair!r}")
        if not args.no_plots:
            if importlib.util.find_spec("matplotlib") is None:
                raise SetupError("matplotlib is missing (apt-get install python3-matplotlib, or "
                                 "scripts/setup.sh), or pass --no-plots")
        tools = bl.Tools.system(args.egopt, args.llvm_bin)
        if not tools.missing():
            # A snapshot: a rebuild of egopt during the run must not change what is measured.
            snap = os.path.join(hcommon.WORK, "egopt-snapshot")
            os.makedirs(snap, exist_ok=True)
            shutil.copy2(args.egopt, os.path.join(snap, "egopt.tmp"))
            os.replace(os.path.join(snap, "egopt.tmp"), os.path.join(snap, "egopt"))
            tools.egopt = os.path.join(snap, "egopt")
        if tools.missing():
            raise SetupError("missing: " + ", ".join(tools.missing()) +
                             " (build egopt, or pass --egopt / --llvm-bin)")
        clang = bl.which("clang-22", os.path.join(args.llvm_bin, "clang"))
        llvm_size = bl.which("llvm-size-22", os.path.join(args.llvm_bin, "llvm-size"))
        csmith = bl.which("csmith")
        for name, path in (("clang-22", clang), ("llvm-size", llvm_size), ("valgrind", bl.which("valgrind"))):
            if not path:
                raise SetupError(f"{name} not found (run scripts/setup.sh)")
        if args.seeds and (not csmith or not os.path.isdir(CSMITH_INCLUDE)):
            raise SetupError("csmith or /usr/include/csmith missing (apt-get install csmith "
                             "libcsmith-dev), or pass --csmith-seeds none")
        os.makedirs(out, exist_ok=True)
    except (SetupError, OSError) as e:
        print(f"run.py: error: {e}", file=sys.stderr)
        print("harness: nothing ran (setup error)")
        return 2
    hcommon.LOG = open(os.path.join(out, "harness.log"), "w")
    command = "bench/harness/run.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    log(f"harness: {command.strip()}")
    log(f"harness: results in {os.path.relpath(out, REPO) if out.startswith(REPO) else out}")
    machine = bl.machine_info()
    log(f"harness: {machine['cpu_model']}, {machine['logical_cpus']} CPUs, {machine['memory_gib']} GiB, "
        f"load {' '.join(machine['loadavg'])}")
    if float(machine["loadavg"][0]) > 0.5:
        log("harness: note: the machine is busy; the report will say how much other processes ran")
    over = [n for n in threads if n > (os.cpu_count() or 1)]
    if over:
        log(f"harness: note: thread counts {over} exceed the {os.cpu_count()} CPUs of this machine")

    try:
        progs = [] if args.no_corpus else prepare_corpus(args)
        progs += prepare_csmith(args, clang, csmith)
    except SetupError as e:
        fail("setup", str(e))
        progs = []
    if not progs:
        log("harness: no program to measure")
        log(f"harness: 0 compiles; {len(FAILURES)} failures")
        return 1

    if args.egopt_source:
        source = args.egopt_source
    elif args.egopt.startswith(REPO + os.sep):
        source = git_state()
    else:
        source = "not in this source tree (--egopt-source describes it)"
    for p in progs:
        p.note_bitcode()
    meta = {"command": command.strip(), "machine": machine, "git": source,
            "egopt_sha": sha256(tools.egopt)[:12],
            "llvm": tool_version([tools.opt, "--version"]),
            "csmith": tool_version([csmith, "--version"]) if csmith else "–",
            "valgrind": tool_version(["valgrind", "--version"])}
    log(f"harness: {len(progs)} programs × {len(cfgs)} configurations × {args.reps} repetitions; "
        f"configurations: {', '.join(c.name for c in cfgs)}")

    # Warm-up: every tool once, untimed, so that the first timed compile does not pay for
    # loading libLLVM from disk.
    smallest = min(progs, key=lambda p: os.path.getsize(p.bc))
    for cfg in cfgs:
        cfg.compile(tools, smallest.bc, os.path.join(hcommon.WORK, "tmp-warm.o"), os.path.join(hcommon.WORK, "tmp"),
                    args.compile_timeout)

    cells = {(p.name, c.name): Cell() for p in progs for c in cfgs}
    meter = bl.CpuMeter()
    t0 = time.time()
    timed_phase(args, tools, progs, cfgs, cells, out)
    cpu = meter.stop()
    log(f"timed: done ({(time.time() - t0) / 60:.1f} min); "
        + bl.cpu_line(cpu).lstrip("- ").replace("**", ""))

    if args.compile_instructions:
        instructions_phase(args, tools, progs, cfgs, cells)
    quality_phase(args, progs, cfgs, cells, clang, llvm_size)
    losses = loss_phase(args, progs, cells, clang) if args.loss_report else {}

    S = summarize(progs, cfgs, cells)
    write_csvs(out, progs, cfgs, S, threads)
    if losses:
        write_losses(out, losses)
    plots = []
    if not args.no_plots:
        try:
            import plots as P
            plots = P.make_all(out, progs, cfgs, S, speedup_series(cfgs), rounds_of)
        except Exception as e:  # a plot must not lose the tables
            fail("plots", f"{type(e).__name__}: {e}")
    elapsed = time.time() - t_begin
    rmeta = {"mode": "quick" if args.quick else "full", "command": meta["command"], "started": started,
             "elapsed_min": elapsed / 60, "reps": args.reps, "header": header_lines(args, meta, cpu),
             "programs": [{"name": p.name, "kind": p.kind, "bc": p.bc, "bc_kib": p.bc_kib,
                           "bc_sha": p.bc_sha, "workload": p.workload, "flavor": p.flavor,
                           "half": p.half} for p in progs],
             "configs": [c.name for c in cfgs], "failures": FAILURES, "cpu": cpu,
             "machine": machine}
    with open(os.path.join(out, "meta.json"), "w") as f:
        json.dump(rmeta, f, indent=1)
    write_report(out, rmeta, progs, cfgs, S, plots, losses)
    n_comp = sum(len(c.walls) for c in cells.values())
    n_err = sum(1 for c in cells.values() if c.error)
    n_ok = sum(1 for c in cells.values() if c.check == "ok")
    rel = os.path.relpath(out, REPO) if out.startswith(REPO) else out
    log(f"harness: {len(progs)} programs, {len(cfgs)} configurations, {args.reps} repetitions: "
        f"{n_comp} compiles ({n_err} failed), {n_ok} workload checks passed, "
        f"{len(FAILURES)} failures; report {rel}/report.md; {elapsed / 60:.1f} min")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("run.py: interrupted", file=sys.stderr)
        sys.exit(130)

