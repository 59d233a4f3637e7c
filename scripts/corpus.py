#!/usr/bin/python3
"""egopt's real-program corpus: C programs and libraries from Debian source packages,
each built into one whole-program bitcode module in two input flavors, with a
deterministic workload (docs/corpus.md).

Subcommands:
  list   the programs: name, half, domain, source package, runs
  fetch  download and unpack the source packages
  build  compile each program to bitcode in both flavors (build/corpus/bc/NAME.FLAVOR.bc),
         build the reference binary (clang -O0) and record its workload's results
  run    compile each program with egopt (both flavors, or --flavors), link, run the
         workload and compare every run with the reference binary's
  all    fetch + build + run

--programs takes names and the halves `tuning` and `validation`. The last line printed by
`run` and `all` is `N passed, N failed`.
"""

import argparse
import os
import re
import shlex
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpuslib.build import build_program  # noqa: E402
from corpuslib.common import (CORPUS, DEFAULT_EGOPT, FLAVORS, LLVM_BIN, Error,  # noqa: E402
                              find_tool, log, run_cmd)
from egopt_tools import egopt_problem, glue_option_values  # noqa: E402
from corpuslib.model import load_programs, select_programs  # noqa: E402
from corpuslib.sources import fetch_packages, install_packages  # noqa: E402
from corpuslib.workload import check, run_workload  # noqa: E402


def cmd_list(args):
    for p in select_programs(args.programs):
        source = p.package or " ".join(getattr(p, "debian", [])) or "-"
        log(f"{p.name:16s} {p.half:10s} {p.domain:14s} {len(p.runs):2d} runs  {source}")
    return 0


def cmd_fetch(args):
    chosen = select_programs(args.programs)
    fetch_packages(args.srcdir, [p.package for p in chosen if p.package])
    install_packages(sorted({d for p in chosen for d in getattr(p, "debian", [])}))
    return 0


def cmd_build(args):
    clang = find_tool("clang-22", LLVM_BIN + "/clang")
    llvm_link = find_tool("llvm-link-22", LLVM_BIN + "/llvm-link")
    ok = bad = 0
    for prog in select_programs(args.programs):
        t0 = time.time()
        try:
            note = build_program(prog, os.path.abspath(args.srcdir), clang, llvm_link, args.jobs,
                                 args.timeout)
            ok += 1
            log(f"build: {prog.name}: ok ({note}; {time.time() - t0:.1f} s)")
        except Error as e:
            bad += 1
            log(f"build: {prog.name}: FAILED: {e}")
    log(f"build: {ok} built, {bad} failed")
    return 0 if bad == 0 else 1


def cmd_run(args):
    clang = find_tool("clang-22", LLVM_BIN + "/clang")
    egopt = os.path.abspath(args.egopt)
    if problem := egopt_problem(egopt):
        raise Error(problem)
    flags = shlex.split(args.egopt_flags)
    flavors = [f.strip() for f in args.flavors.split(",") if f.strip()]
    if bad := [f for f in flavors if f not in FLAVORS]:
        raise Error(f"unknown flavor {', '.join(bad)} (known: {', '.join(FLAVORS)})")
    tag = re.sub(r"[^A-Za-z0-9_.=-]+", "_", "".join(flags)) or "default"
    rundir = os.path.join(CORPUS, "run", tag)
    os.makedirs(rundir, exist_ok=True)
    passed = failed = 0
    total_compile = 0.0
    log(f"run: egopt {' '.join(['-O2'] + flags)} ({egopt}), flavors {','.join(flavors)}")
    for prog in select_programs(args.programs):
        for flavor in [f for f in prog.flavors if f in flavors or not set(prog.flavors) & set(FLAVORS)]:
            what = f"{prog.name} ({flavor})"
            exe = os.path.join(rundir, f"{prog.name}.{flavor}")
            stage, t_compile = "compile", None
            try:
                objs = []
                t0 = time.time()
                for k, bc in enumerate(prog.modules(flavor)):
                    if not os.path.exists(bc):
                        raise Error(f"{bc} missing (run `corpus.py build`)")
                    obj = os.path.join(rundir, f"{prog.name}.{flavor}.{k}.o")
                    if os.path.exists(obj):
                        os.remove(obj)
                    run_cmd([egopt, "-O2"] + flags + [bc, "-o", obj],
                            timeout=args.compile_timeout, what=f"egopt {os.path.basename(bc)}")
                    objs.append(obj)
                if os.path.exists(exe):
                    os.remove(exe)
                t_compile = time.time() - t0
                total_compile += t_compile
                stage = "link"
                run_cmd(prog.link_command(clang, objs, exe), what="link", timeout=600)
                stage = "workload"
                wdir = os.path.join(rundir, f"{prog.name}.{flavor}.work")
                t1 = time.time()
                results = run_workload(prog, exe, wdir, args.timeout)
                check(prog, results)
                shutil.rmtree(wdir, ignore_errors=True)
                passed += 1
                log(f"run: {what}: pass (compile {t_compile:.2f} s, workload "
                    f"{time.time() - t1:.2f} s)")
            except Error as e:
                failed += 1
                ct = f" (compile {t_compile:.2f} s)" if t_compile is not None else ""
                log(f"run: {what}: FAIL [{stage}]{ct} {e}")
    log(f"run: total egopt compile time {total_compile:.2f} s")
    log(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def cmd_all(args):
    rc_fetch = cmd_fetch(args)
    rc_build = cmd_build(args)
    rc_run = cmd_run(args)
    return rc_fetch or rc_build or rc_run


def main():
    ap = argparse.ArgumentParser(
        description="egopt's real-program corpus: fetch Debian sources, build whole-program "
                    "bitcode in two flavors, compile with egopt and check each program's "
                    "workload against its reference binary.",
        epilog="examples:\n  scripts/corpus.py all --egopt /path/to/egopt\n"
               "  scripts/corpus.py run --programs validation --flavors o2\n"
               "  scripts/corpus.py run --programs zstd,xz --egopt-flags '-j2'",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", metavar="{list,fetch,build,run,all}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--workdir", "--srcdir", dest="srcdir",
                        default=os.path.join(CORPUS, "src"),
                        help="where the source packages are unpacked (default: build/corpus/src)")
    common.add_argument("--programs", default="",
                        help="comma-separated programs or halves (tuning, validation; "
                             "default: all; `corpus.py list` shows them)")
    common.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel compiles during build (default: number of cores)")
    common.add_argument("--timeout", type=float, default=None,
                        help="seconds each run of a workload may take (default: the program's)")
    runopts = argparse.ArgumentParser(add_help=False)
    runopts.add_argument("--egopt", default=DEFAULT_EGOPT,
                         help="the compiler to test (default: build/tools/egopt/egopt)")
    runopts.add_argument("--egopt-flags", default="",
                         help="extra egopt flags after -O2, e.g. \"-j2\"")
    runopts.add_argument("--flavors", default=",".join(FLAVORS),
                         help="input flavors to run (default: o0,o2)")
    runopts.add_argument("--compile-timeout", type=float, default=600,
                         help="seconds one egopt compile may take (default: 600)")
    sub.add_parser("list", parents=[common], help="the programs")
    sub.add_parser("fetch", parents=[common], help="download and unpack the source packages")
    sub.add_parser("build", parents=[common], help="build the bitcode modules and references")
    sub.add_parser("run", parents=[common, runopts], help="compile with egopt and run")
    sub.add_parser("all", parents=[common, runopts], help="fetch + build + run")
    args = ap.parse_args(glue_option_values(sys.argv[1:], ("--egopt-flags",)))
    if not args.cmd:
        ap.print_help()
        return 2
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    cmds = {"list": cmd_list, "fetch": cmd_fetch, "build": cmd_build, "run": cmd_run,
            "all": cmd_all}
    try:
        return cmds[args.cmd](args)
    except Error as e:
        print(f"corpus.py {args.cmd}: error: {e}", file=sys.stderr)
        if args.cmd in ("run", "all"):
            # Keep the contract: the closing line says how the run went.
            try:
                n = len(select_programs(args.programs))
            except Error:
                n = len(load_programs())
            print(f"0 passed, {n} failed")
        return 2
    except KeyboardInterrupt:
        print(f"corpus.py {args.cmd}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        return 1


if __name__ == "__main__":
    sys.exit(main())
