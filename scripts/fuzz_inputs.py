#!/usr/bin/python3
"""Corrupt inputs must not crash egopt.

Each of N cases takes a seed input (.ll or .bc), damages it (flips 1-3 bits,
half of the time; otherwise truncates it, deletes a run of bytes or
overwrites a few bytes) and runs `EGOPT -O2 -j1` on it. The outcome
must be a compile (the damage may leave a valid module) or the one-line error
a malformed file gets: exit code 1, one line on stderr, no output file. A
signal, LLVM's crash report, any other exit code, a longer message or an
output file left behind is a failure; its input stays in the work dir. A case
that runs past --timeout is reported apart: LLVM's bitcode reader can spend
a minute and many GB on a size it read from a damaged file (docs/pipeline.md).

The default seed inputs are the lit tests' own modules, assembled with
llvm-as into bitcode too. The cases are the same for a given --seed. The last
line printed is `N passed, N failed, N timed out`; the exit status is 1 when
anything failed or timed out, 2 on a usage or setup error.
"""

import argparse
import concurrent.futures
import glob
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from egopt_tools import egopt_problem, which  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
DEFAULT_WORKDIR = os.path.join(REPO, "build", "fuzz-inputs")
LLVM_BIN = "/usr/lib/llvm-22/bin"
# Small modules of our own: a case takes milliseconds.
DEFAULT_SEEDS = ["tests/lit/errors/Inputs/good.ll", "tests/lit/errors/Inputs/reader-crash-source.ll"]


def damage(data, rng):
    """A damaged copy of `data`, and what was done to it."""
    d = bytearray(data)
    # Flips of a few bits find the most: they keep a bitcode file's framing,
    # so its reader gets far into a record before anything looks wrong.
    kind = rng.choices(range(4), weights=(1, 4, 1, 2))[0]
    if kind == 0:
        n = rng.randrange(len(d))
        return bytes(d[:n]), f"truncated to {n} bytes"
    if kind == 1:
        flips = [(rng.randrange(len(d)), rng.randrange(8)) for _ in range(rng.randint(1, 3))]
        for pos, bit in flips:
            d[pos] ^= 1 << bit
        return bytes(d), "bits flipped at " + ", ".join(f"{p}:{b}" for p, b in flips)
    if kind == 2:
        pos, n = rng.randrange(len(d)), rng.randint(1, 64)
        del d[pos:pos + n]
        return bytes(d), f"{n} bytes deleted at {pos}"
    writes = [(rng.randrange(len(d)), rng.randrange(256)) for _ in range(rng.randint(1, 4))]
    for pos, byte in writes:
        d[pos] = byte
    return bytes(d), "bytes overwritten at " + ", ".join(f"{p}={b}" for p, b in writes)


def run_case(i, seed, inputs, cfg):
    """Returns (status, detail): status is pass, fail or timeout."""
    rng = random.Random(f"{seed}/{i}")
    name, data = inputs[rng.randrange(len(inputs))]
    damaged, what = damage(data, rng)
    ext = os.path.splitext(name)[1]
    with tempfile.TemporaryDirectory(dir=cfg.workdir) as tmp:
        src = os.path.join(tmp, "in" + ext)
        out = os.path.join(tmp, "out.o")
        with open(src, "wb") as f:
            f.write(damaged)
        try:
            r = subprocess.run([cfg.egopt, "-O2", "-j1", src, "-o", out], capture_output=True,
                               timeout=cfg.timeout)
        except subprocess.TimeoutExpired:
            keep(cfg, i, ext, damaged)
            return "timeout", f"{os.path.basename(name)}, {what}: ran past {cfg.timeout:g} s"
        err = [l for l in r.stderr.decode(errors="replace").splitlines() if l.strip()]
        if r.returncode == 0 and os.path.exists(out):
            return "pass", ""
        problem = None
        if r.returncode < 0:
            problem = f"killed by signal {-r.returncode}"
        elif r.returncode != 1:
            problem = f"exit code {r.returncode}"
        elif len(err) != 1 or not err[0].startswith("egopt: error: "):
            problem = f"{len(err)} lines on stderr, first: {err[0][:120] if err else '(none)'}"
        elif os.path.exists(out):
            problem = "an output file was left behind"
        if problem is None:
            return "pass", ""
        keep(cfg, i, ext, damaged)
        return "fail", f"{os.path.basename(name)}, {what}: {problem}"


def keep(cfg, i, ext, damaged):
    with open(os.path.join(cfg.workdir, f"case{i}{ext}"), "wb") as f:
        f.write(damaged)


def main():
    ap = argparse.ArgumentParser(
        description="Damages small modules and checks that egopt answers each with a compile "
                    "or a one-line error: never a crash.",
        epilog="examples:\n  scripts/fuzz_inputs.py                       # 300 cases, seed 1\n"
               "  scripts/fuzz_inputs.py --count 2000 --seed 7\n"
               "  scripts/fuzz_inputs.py --inputs a.ll b.bc --egopt /path/to/egopt",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", "-n", type=int, default=300, help="number of cases (default: 300)")
    ap.add_argument("--seed", type=int, default=1, help="picks the cases (default: 1)")
    ap.add_argument("--inputs", nargs="+", default=None,
                    help="seed modules, .ll or .bc (default: two of the lit tests' modules, "
                         "as text and as bitcode)")
    ap.add_argument("--egopt", default=DEFAULT_EGOPT,
                    help="the compiler under test (default: build/tools/egopt/egopt)")
    ap.add_argument("--timeout", type=float, default=20, help="seconds per case (default: 20)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="cases run in parallel (default: number of cores)")
    ap.add_argument("--workdir", default=DEFAULT_WORKDIR,
                    help="where failing cases are kept (default: build/fuzz-inputs)")
    cfg = ap.parse_args()
    if cfg.count < 0 or cfg.jobs < 1 or cfg.timeout <= 0:
        ap.error("--count must not be negative, --jobs and --timeout must be positive")

    try:
        cfg.egopt = os.path.abspath(cfg.egopt)
        if problem := egopt_problem(cfg.egopt):
            raise OSError(problem)
        cfg.workdir = os.path.abspath(cfg.workdir)
        os.makedirs(cfg.workdir, exist_ok=True)
        for old in glob.glob(os.path.join(cfg.workdir, "case*")):
            os.remove(old)
        inputs = []
        names = cfg.inputs or [os.path.join(REPO, p) for p in DEFAULT_SEEDS]
        llvm_as = which("llvm-as-22", LLVM_BIN + "/llvm-as")
        for name in names:
            with open(name, "rb") as f:
                inputs.append((name, f.read()))
            if cfg.inputs is None:
                if not llvm_as:
                    raise OSError("cannot find llvm-as-22; run scripts/setup.sh")
                bc = subprocess.run([llvm_as, name, "-o", "-"], capture_output=True, check=True)
                inputs.append((os.path.splitext(name)[0] + ".bc", bc.stdout))
        if any(not data for _, data in inputs):
            raise OSError("an input is empty")
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"fuzz_inputs.py: error: {e}", file=sys.stderr)
        print(f"0 passed, {cfg.count} failed, 0 timed out")
        return 2

    print(f"fuzz_inputs: {cfg.count} cases, seed {cfg.seed}, {len(inputs)} inputs, "
          f"egopt -O2 -j1 ({cfg.egopt}), {cfg.jobs} jobs", flush=True)
    counts = {"pass": 0, "fail": 0, "timeout": 0}
    with concurrent.futures.ThreadPoolExecutor(cfg.jobs) as ex:
        futs = {ex.submit(run_case, i, cfg.seed, inputs, cfg): i for i in range(cfg.count)}
        for fu in concurrent.futures.as_completed(futs):
            status, detail = fu.result()
            counts[status] += 1
            if status != "pass":
                print(f"case {futs[fu]}: {status.upper()}: {detail}", flush=True)
    if counts["fail"] or counts["timeout"]:
        print(f"failing cases kept in {cfg.workdir} (case<N>.ll / .bc)")
    print(f"{counts['pass']} passed, {counts['fail']} failed, {counts['timeout']} timed out")
    return 1 if counts["fail"] or counts["timeout"] else 0


if __name__ == "__main__":
    sys.exit(main())
