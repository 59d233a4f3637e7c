#!/usr/bin/python3
"""Differential testing of egopt with csmith.

For each of N random programs (csmith --seed SEED_BASE+i) and each input flavor:
  reference:  clang-22 -O0 prog.c -o ref
  candidate:  clang-22 FLAVOR -emit-llvm -c prog.c -o prog.bc
              EGOPT -O2 [FLAGS] prog.bc -o prog.o
              clang-22 prog.o -o opt
where FLAVOR is `-O0 -Xclang -disable-O0-optnone` (o0: every function noinline) or
`-O2 -Xclang -disable-llvm-passes` (o2: what a real pipeline hands a mid-end: no
noinline, TBAA, lifetime markers); --flavor both tests each program both ways.
Both binaries run under a timeout; their stdout (csmith prints a checksum) and exit codes
must agree. A reference that times out is skipped, after egopt has compiled the program
(a crash still counts). Failures are classified as crash (egopt
failed), link, mismatch or timeout (the optimized binary ran too long); their files stay in
the work dir, with a repro.sh. The last line printed is `N passed, N failed, N skipped`;
the exit status is 1 when anything failed, 2 on a usage or setup error.
"""

import argparse
import concurrent.futures
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from egopt_tools import egopt_problem, glue_option_values, which  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
DEFAULT_WORKDIR = os.path.join(REPO, "build", "csmith")
CSMITH_INCLUDE = "/usr/include/csmith"
LLVM_BIN = "/usr/lib/llvm-22/bin"

PASS, FAIL, SKIP = "pass", "fail", "skip"

# The bitcode flags of each input flavor.
FLAVORS = {
    "o0": ["-O0", "-Xclang", "-disable-O0-optnone"],
    "o2": ["-O2", "-Xclang", "-disable-llvm-passes"],
}


class SetupError(Exception):
    pass


def find_tool(name, fallback=None):
    path = which(name, fallback)
    if path:
        return path
    raise SetupError(f"cannot find {name}; run scripts/setup.sh")


class Step:
    """The outcome of one command."""

    def __init__(self, cmd, rc, out, err, secs, timed_out):
        self.cmd, self.rc, self.out, self.err = cmd, rc, out, err
        self.secs, self.timed_out = secs, timed_out

    def err_line(self):
        lines = [l for l in self.err.decode(errors="replace").splitlines() if l.strip()]
        if self.timed_out:
            return f"timed out after {self.secs:.0f} s"
        sig = f" (signal {-self.rc})" if self.rc < 0 else ""
        return f"exit {self.rc}{sig}" + (f": {lines[-1].strip()[:200]}" if lines else "")


# The commands running now. A signal that stops this script stops them too:
# a csmith program that never ends would otherwise run on, orphaned.
_CHILDREN = set()
_CHILDREN_LOCK = threading.Lock()


def run(cmd, cwd, timeout):
    t0 = time.time()
    try:
        p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    except OSError as e:
        return Step(cmd, 127, b"", str(e).encode(), time.time() - t0, False)
    with _CHILDREN_LOCK:
        _CHILDREN.add(p)
    try:
        out, err = p.communicate(timeout=timeout)
        return Step(cmd, p.returncode, out, err, time.time() - t0, False)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return Step(cmd, None, out, err, time.time() - t0, True)
    finally:
        with _CHILDREN_LOCK:
            _CHILDREN.discard(p)


def stop_children(signum, _frame):
    with _CHILDREN_LOCK:
        for p in _CHILDREN:
            p.kill()
    os._exit(128 + signum)


def quote(cmd):
    return " ".join(shlex.quote(c) for c in cmd)


def first_diff(a, b):
    la, lb = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
    for x, y in zip(la, lb):
        if x != y:
            return f"ref '{x[:80]}' vs opt '{y[:80]}'"
    return f"ref {len(la)} lines vs opt {len(lb)} lines"


def case_name(seed, flavor, cfg):
    return f"seed-{seed}" if len(cfg.flavors) == 1 else f"seed-{seed}-{flavor}"


def test_one(seed, flavor, cfg):
    """Returns (status, kind, detail, egopt seconds)."""
    d = os.path.join(cfg.workdir, case_name(seed, flavor, cfg))
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    cmds = []

    def step(cmd, timeout, save=None, record=True):
        if record:
            cmds.append(cmd)
        r = run(cmd, d, timeout)
        if save:  # keep the output for a failure report; removed with the folder on a pass
            with open(os.path.join(d, save + ".stdout"), "wb") as f:
                f.write(r.out)
            with open(os.path.join(d, save + ".stderr"), "wb") as f:
                f.write(r.err)
        return r

    def finish(status, kind, detail, egopt_secs=None):
        if status == FAIL or cfg.keep:
            with open(os.path.join(d, "reason.txt"), "w") as f:
                f.write(f"{kind}: {detail}\n")
            with open(os.path.join(d, "repro.sh"), "w") as f:
                f.write("#!/bin/sh\n# Reproduces csmith seed %d (written by scripts/csmith_diff.py).\n"
                        "cd \"$(dirname \"$0\")\"\n" % seed)
                for c in cmds:
                    f.write(quote(c) + "\n")
                t = f"timeout {cfg.timeout:g}"
                f.write(f"{t} ./ref > ref.out; echo \"ref exit $?\"\n"
                        f"{t} ./opt > opt.out; echo \"opt exit $?\"\n"
                        "cmp ref.out opt.out && echo same output\n")
            os.chmod(os.path.join(d, "repro.sh"), 0o755)
        else:
            shutil.rmtree(d, ignore_errors=True)
        return status, kind, detail, egopt_secs

    gen = step([cfg.csmith, "--seed", str(seed), "--output", "prog.c"] + cfg.csmith_flags, 120)
    if gen.rc != 0:
        return finish(SKIP, "csmith", gen.err_line())
    inc = ["-I" + CSMITH_INCLUDE]
    ref_build = step([cfg.clang, "-O0", "-w"] + inc + ["prog.c", "-o", "ref"], 300)
    if ref_build.rc != 0:
        return finish(SKIP, "ref-build", ref_build.err_line())
    bc = step([cfg.clang] + FLAVORS[flavor] + ["-emit-llvm", "-c", "-w"] + inc
              + ["prog.c", "-o", "prog.bc"], 300)
    if bc.rc != 0:
        return finish(SKIP, "bitcode", bc.err_line())
    # egopt compiles every program, so a crash is caught even where the
    # reference runs too long to compare outputs.
    eg = step([cfg.egopt, "-O2"] + cfg.egopt_flags + ["prog.bc", "-o", "prog.o"],
              cfg.compile_timeout, save="egopt")
    if eg.rc != 0:
        return finish(FAIL, "crash", "egopt " + eg.err_line(), eg.secs)
    if not os.path.exists(os.path.join(d, "prog.o")):
        return finish(FAIL, "crash", "egopt exited 0 but wrote no prog.o", eg.secs)
    ref = step(["./ref"], cfg.timeout, save="ref", record=False)
    if ref.timed_out:
        return finish(SKIP, "ref-timeout", f"reference ran past {cfg.timeout:g} s (egopt compiled it)",
                      eg.secs)
    link = step([cfg.clang, "prog.o", "-o", "opt"], 300, save="link")
    if link.rc != 0:
        return finish(FAIL, "link", link.err_line(), eg.secs)
    opt = step(["./opt"], cfg.timeout, save="opt", record=False)
    if opt.timed_out:
        return finish(FAIL, "timeout",
                      f"optimized binary ran past {cfg.timeout:g} s (reference: {ref.secs:.1f} s)",
                      eg.secs)
    if opt.rc != ref.rc:
        sig = f" (signal {-opt.rc})" if opt.rc < 0 else ""
        return finish(FAIL, "mismatch", f"exit code: ref {ref.rc}, opt {opt.rc}{sig}", eg.secs)
    if opt.out != ref.out:
        return finish(FAIL, "mismatch", "stdout: " + first_diff(ref.out, opt.out), eg.secs)
    return finish(PASS, "", "", eg.secs)


def fix_argv(argv):
    return glue_option_values(argv, ("--egopt-flags", "--csmith-flags"))


def main():
    ap = argparse.ArgumentParser(
        description="Differential testing of egopt with csmith: each random program is built "
                    "at clang -O0 (the reference) and through egopt -O2; both run and their "
                    "output and exit code must agree.",
        epilog="examples:\n  scripts/csmith_diff.py --count 100 --egopt build/tools/egopt/egopt\n"
               "  scripts/csmith_diff.py --seed-base 5000 --egopt-flags \"-j2\"\n"
               "  scripts/csmith_diff.py --seed-base random --count 500 --jobs 2",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", "-n", type=int, default=30, help="number of programs (default: 30)")
    ap.add_argument("--seed-base", default="1",
                    help="program i uses csmith --seed SEED_BASE+i (default: 1); "
                         "'random' picks one and prints it")
    ap.add_argument("--egopt", default=DEFAULT_EGOPT,
                    help="the compiler under test (default: build/tools/egopt/egopt)")
    ap.add_argument("--egopt-flags", default="", help="extra egopt flags after -O2, e.g. \"-j2\"")
    ap.add_argument("--csmith-flags", default="", help="extra csmith flags")
    ap.add_argument("--flavor", choices=["o0", "o2", "both"], default="o0",
                    help="bitcode input flavor: o0 (clang -O0 -disable-O0-optnone), o2 (clang -O2 "
                         "-disable-llvm-passes), or both, each program twice (default: o0)")
    ap.add_argument("--timeout", type=float, default=10,
                    help="seconds each binary may run (default: 10)")
    ap.add_argument("--compile-timeout", type=float, default=300,
                    help="seconds egopt may take on one program (default: 300)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="programs tested in parallel (default: number of cores)")
    ap.add_argument("--workdir", default=DEFAULT_WORKDIR,
                    help="where failing programs are kept (default: build/csmith)")
    ap.add_argument("--keep", action="store_true", help="keep the files of every program")
    ap.add_argument("--verbose", "-v", action="store_true", help="a line for every program")
    cfg = ap.parse_args(fix_argv(sys.argv[1:]))

    cfg.flavors = ["o0", "o2"] if cfg.flavor == "both" else [cfg.flavor]
    if cfg.count < 0:
        ap.error("--count must not be negative")
    if cfg.jobs < 1:
        ap.error("--jobs must be at least 1")
    if cfg.seed_base == "random":
        seed_base = random.SystemRandom().randrange(1, 2**31 - 100000)
    else:
        try:
            seed_base = int(cfg.seed_base)
        except ValueError:
            ap.error(f"--seed-base must be an integer or 'random', not {cfg.seed_base!r}")
        if seed_base < 0:
            ap.error("--seed-base must not be negative")
    try:
        cfg.egopt_flags = shlex.split(cfg.egopt_flags)
        cfg.csmith_flags = shlex.split(cfg.csmith_flags)
    except ValueError as e:
        ap.error(f"cannot split flags: {e}")
    try:
        cfg.csmith = find_tool("csmith")
        cfg.clang = find_tool("clang-22", LLVM_BIN + "/clang")
        if not os.path.isdir(CSMITH_INCLUDE):
            raise SetupError(f"{CSMITH_INCLUDE} missing (apt-get install libcsmith-dev)")
        cfg.egopt = os.path.abspath(cfg.egopt)
        if problem := egopt_problem(cfg.egopt):
            raise SetupError(problem)
        cfg.workdir = os.path.abspath(cfg.workdir)
        os.makedirs(cfg.workdir, exist_ok=True)
    except (SetupError, OSError) as e:
        print(f"csmith_diff.py: error: {e}", file=sys.stderr)
        # Keep the contract of a closing summary line: nothing could be tested.
        print(f"0 passed, {cfg.count * len(cfg.flavors)} failed, 0 skipped")
        return 2

    print(f"csmith_diff: {cfg.count} programs, seeds {seed_base}..{seed_base + cfg.count - 1}, "
          f"flavor {'+'.join(cfg.flavors)}, egopt {' '.join(['-O2'] + cfg.egopt_flags)} "
          f"({cfg.egopt}), {cfg.jobs} jobs", flush=True)
    total_cases = cfg.count * len(cfg.flavors)
    t0 = time.time()
    counts = {PASS: 0, FAIL: 0, SKIP: 0}
    kinds = {}
    egopt_times = []
    lock = threading.Lock()
    done = [0]
    interrupted = False
    futs = {}
    # Ctrl-C (below) lets the running programs finish; kill and hang-up stop them.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop_children)
    ex = concurrent.futures.ThreadPoolExecutor(max_workers=cfg.jobs)
    try:
        futs = {ex.submit(test_one, seed_base + i, fl, cfg): (seed_base + i, fl)
                for i in range(cfg.count) for fl in cfg.flavors}
        for fu in concurrent.futures.as_completed(futs):
            seed, flavor = futs[fu]
            name = case_name(seed, flavor, cfg)
            try:
                status, kind, detail, secs = fu.result()
            except Exception as e:  # a bug here, not in egopt: report it as a failure
                status, kind, detail, secs = FAIL, "internal", f"{type(e).__name__}: {e}", None
            with lock:
                done[0] += 1
                counts[status] += 1
                if secs is not None:
                    egopt_times.append((secs, name))
                if status != PASS:
                    kinds[(status, kind)] = kinds.get((status, kind), 0) + 1
                if status == FAIL:
                    print(f"FAIL {name}: {kind}: {detail} "
                          f"[{os.path.join(cfg.workdir, name)}]", flush=True)
                elif cfg.verbose:
                    extra = f" ({kind}: {detail})" if status == SKIP else f" (egopt {secs:.2f} s)"
                    print(f"[{done[0]}/{total_cases}] {name}: {status}{extra}", flush=True)
    except KeyboardInterrupt:
        interrupted = True
        print("csmith_diff: interrupted; waiting for running programs", file=sys.stderr)
        for fu in futs:
            fu.cancel()
    ex.shutdown(wait=True)

    if egopt_times:
        total = sum(s for s, _ in egopt_times)
        worst = max(egopt_times)
        print(f"csmith_diff: egopt time total {total:.1f} s, mean {total / len(egopt_times):.2f} s, "
              f"max {worst[0]:.2f} s ({worst[1]}); wall {time.time() - t0:.1f} s")
    if kinds:
        print("csmith_diff: " + ", ".join(f"{n} {st} {k}" for (st, k), n in sorted(kinds.items())))
    print(f"{counts[PASS]} passed, {counts[FAIL]} failed, {counts[SKIP]} skipped", flush=True)
    if interrupted:
        return 130
    return 1 if counts[FAIL] else 0


if __name__ == "__main__":
    sys.exit(main())
