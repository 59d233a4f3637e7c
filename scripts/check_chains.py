#!/usr/bin/python3
"""Long chains of one associative operator fold as LLVM folds them, correctly,
with work linear in the chain.

For every operator (add, mul, xor, and, or) and kind of terms (mixed, consts,
args: scripts/gen_chains.py) at --length terms:
  - egopt -O2 leaves at most 1.25x + 6 the instructions `opt -O2` leaves
    (opt's own count is printed beside it);
  - the program built from egopt's object prints what the -O0 build prints
    (each function called on a few argument tuples);
  - the e-graph's size (e-nodes, from --stats-json) at twice the length is
    at most 2.2x its size at the length: the work grows linearly.
Compile times are printed, not checked (a benchmark's job). The last line is
`N passed, N failed`; the exit status is 1 when anything failed.

  scripts/check_chains.py --egopt build/tools/egopt/egopt
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from egopt_tools import egopt_problem, which  # noqa: E402

import gen_chains  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LLVM_BIN = "/usr/lib/llvm-22/bin"
ARGS = [(1, 2, 3, 4), (-7, 100003, 65537, -2147483647), (0, -1, 12345678, 31)]


def instruction_counts(ll_text):
    """Instructions (not counting ret) per function of an IR module."""
    counts, current = {}, None
    for line in ll_text.splitlines():
        m = re.match(r"define .*@(\w+)\(", line)
        if m:
            current = m.group(1)
            counts[current] = 0
        elif line.startswith("}"):
            current = None
        elif current and re.match(r"\s+(%\S+ = |store |call |br )", line):
            counts[current] += 1
    return counts


def module(length):
    parts = []
    for op in gen_chains.OPS:
        for kind in gen_chains.KINDS:
            parts.append(gen_chains.chain(op, kind, length, 1))
    return "\n\n".join(parts) + "\n"


def driver_c():
    lines = ["#include <stdio.h>"]
    names = [f"{op}_{kind}" for op in gen_chains.OPS for kind in gen_chains.KINDS]
    for n in names:
        lines.append(f"int {n}(int, int, int, int);")
    lines.append("int main(void) {")
    for a in ARGS:
        for n in names:
            lines.append(f'  printf("{n} %d\\n", {n}({a[0]}, {a[1]}, {a[2]}, {a[3]}));')
    lines.append("  return 0;\n}")
    return "\n".join(lines) + "\n"


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--egopt", default=os.path.join(REPO, "build", "tools", "egopt", "egopt"))
    ap.add_argument("--length", type=int, default=2000)
    ap.add_argument("--workdir", default=None, help="keep the files here (default: a temporary folder)")
    a = ap.parse_args()
    egopt = os.path.abspath(a.egopt)
    if problem := egopt_problem(egopt):
        print(f"check_chains.py: error: {problem}", file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    opt = which("opt-22", LLVM_BIN + "/opt")
    clang = which("clang-22", LLVM_BIN + "/clang")
    if not opt or not clang:
        print("check_chains.py: error: opt-22 and clang-22 are needed (scripts/setup.sh)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    tmp = tempfile.TemporaryDirectory() if a.workdir is None else None
    work = a.workdir or tmp.name
    os.makedirs(work, exist_ok=True)
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        print(("ok    " if ok else "FAIL  ") + what, flush=True)

    sizes, times = {}, {}
    for length in (a.length, 2 * a.length):
        ll = os.path.join(work, f"chains-{length}.ll")
        with open(ll, "w") as f:
            f.write(module(length))
        stats = os.path.join(work, f"stats-{length}.json")
        out_ll = os.path.join(work, f"egopt-{length}.ll")
        t0 = time.time()
        r = run([egopt, "-O2", "-j1", "--emit=llvm", f"--stats-json={stats}", ll, "-o", out_ll])
        times[length] = time.time() - t0
        if r.returncode != 0:
            check(False, f"egopt -O2 on {length}-term chains: {r.stderr.strip()[:200]}")
            continue
        with open(stats) as f:
            sizes[length] = json.load(f)["enodes"]
        if length != a.length:
            continue
        t0 = time.time()
        r = run([opt, "-O2", "-S", ll, "-o", "-"])
        llvm_time = time.time() - t0
        llvm = instruction_counts(r.stdout)
        with open(out_ll) as f:
            ours = instruction_counts(f.read())
        for name in sorted(llvm):
            limit = int(1.25 * llvm[name]) + 6
            check(ours.get(name, 10**9) <= limit,
                  f"{name}: {ours.get(name)} instructions left (opt -O2: {llvm[name]}, limit {limit})")
        print(f"      compile: egopt -O2 --emit=llvm {times[length]:.2f} s, opt -O2 {llvm_time:.2f} s")
        # The program, both ways.
        drv = os.path.join(work, "driver.c")
        with open(drv, "w") as f:
            f.write(driver_c())
        obj = os.path.join(work, "chains.o")
        r = run([egopt, "-O2", ll, "-o", obj])
        ok = r.returncode == 0
        outs = []
        for objects, exe in (([ll], "ref"), ([obj], "opt")):
            exe = os.path.join(work, exe)
            flags = ["-O0", "-w"] if exe.endswith("ref") else ["-w"]
            r = run([clang] + flags + objects + [drv, "-o", exe])
            ok = ok and r.returncode == 0
            outs.append(run([exe]).stdout if ok else None)
        check(bool(ok and outs[0] and outs[0] == outs[1]),
              f"the program built from egopt's object prints what the -O0 build prints "
              f"({len(outs[0].splitlines()) if outs[0] else 0} lines)")
    if len(sizes) == 2:
        ratio = sizes[2 * a.length] / max(1, sizes[a.length])
        check(ratio <= 2.2, f"e-nodes: {sizes[a.length]} at {a.length} terms, {sizes[2 * a.length]} at "
                            f"{2 * a.length}: x{ratio:.2f} (limit 2.2); compile {times[a.length]:.2f} s, "
                            f"{times[2 * a.length]:.2f} s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
