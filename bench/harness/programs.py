"""The programs the harness measures (the corpus, csmith seeds) and the configurations."""

import concurrent.futures
import fnmatch
import hashlib
import os
import subprocess
import sys
import time

import benchlib as bl
from benchlib import Config
import hcommon
from hcommon import (CORPUS_BC, CORPUS_PY, CSMITH_INCLUDE, REPO, SetupError, fail, log,
                     sha256)


# ----------------------------------------------------------------------------- programs

class Prog:
    """One measured program: a corpus program in one input flavor, or a csmith program."""

    def __init__(self, name, kind, modules):
        self.name, self.kind = name, kind
        self.modules = list(modules)   # bitcode modules, each compiled on its own
        self.bc = self.modules[0]
        self.flavor = "o0"
        self.half = ""
        self.program = None            # corpus: the corpuslib Program
        self.libs = []
        self.ref_out = None            # csmith: the reference's stdout and exit code
        self.ref_rc = None
        self.workload = ""
        self.bc_kib = 0
        self.bc_sha = ""

    def note_bitcode(self):
        self.bc_kib = sum(os.path.getsize(m) for m in self.modules) // 1024
        h = hashlib.sha256()
        for m in self.modules:
            h.update(bytes.fromhex(sha256(m)))
        self.bc_sha = h.hexdigest()

    def link_command(self, clang, objs, exe):
        if self.program is not None:
            return self.program.link_command(clang, objs, exe)
        return [clang] + list(objs) + ["-o", exe] + self.libs


def parse_seeds(spec):
    seeds = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            seeds += list(range(int(a), int(b) + 1))
        else:
            seeds.append(int(part))
    return seeds


def corpus_lib():
    """scripts/corpuslib, imported from the source tree."""
    scripts = os.path.join(REPO, "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import corpuslib.common
    import corpuslib.model
    import corpuslib.workload  # noqa: F401
    return corpuslib


def prepare_corpus(args):
    """The corpus programs of --programs, in the flavors of --flavors; builds
    what is missing with scripts/corpus.py."""
    cl = corpus_lib()
    try:
        chosen = cl.model.select_programs(",".join(args.programs))
    except cl.common.Error as e:
        raise SetupError(str(e))
    if not chosen:
        return []
    missing = [p.name for p in chosen
               if not all(os.path.exists(m) for f in p.flavors for m in p.modules(f))
               or not os.path.exists(cl.common.expect_path(p.name))]
    if args.rebuild_corpus or missing:
        names = ",".join(p.name for p in chosen) if args.rebuild_corpus else ",".join(missing)
        why = "--rebuild-corpus" if args.rebuild_corpus else f"missing: {names}"
        log(f"corpus: building ({why}) with scripts/corpus.py fetch + build")
        for sub in (["fetch", "--programs", names], ["build", "--programs", names]):
            t0 = time.time()
            p = subprocess.run([sys.executable, CORPUS_PY] + sub, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
            for line in p.stdout.decode(errors="replace").splitlines():
                log("  " + line)
            log(f"corpus: {sub[0]} exit {p.returncode} ({time.time() - t0:.0f} s)")
    else:
        log(f"corpus: using the bitcode in {os.path.relpath(CORPUS_BC, REPO)} "
            "(--rebuild-corpus rebuilds it)")
    progs = []
    for prog in chosen:
        try:  # the inputs, made now: the workloads run in parallel later
            cl.workload.input_paths(prog)
        except (cl.common.Error, OSError) as e:
            fail(f"corpus {prog.name}", f"its inputs: {e}")
            continue
        for flavor in prog.flavors:
            if flavor in cl.common.FLAVORS and flavor not in args.flavors:
                continue
            mods = prog.modules(flavor)
            if not all(os.path.exists(m) for m in mods):
                fail(f"corpus {prog.name} ({flavor})", "its bitcode was not built (see the "
                     "corpus.py output above)")
                continue
            pr = Prog(f"{prog.name}.{flavor}", "corpus", mods)
            pr.flavor, pr.half, pr.program, pr.libs = flavor, prog.half, prog, list(prog.libs)
            pr.workload = f"{len(prog.runs)} runs ({prog.domain})"
            progs.append(pr)
    return progs


def prepare_csmith_one(seed, clang, csmith, timeout):
    d = os.path.join(hcommon.WORK, "csmith", f"seed-{seed}")
    os.makedirs(d, exist_ok=True)
    inc = ["-I" + CSMITH_INCLUDE]
    steps = [([csmith, "--seed", str(seed), "--output", "prog.c"], "csmith"),
             ([clang, "-O0", "-w"] + inc + ["prog.c", "-o", "ref"], "reference build"),
             ([clang, "-O0", "-Xclang", "-disable-O0-optnone", "-emit-llvm", "-c", "-w"] + inc
              + ["prog.c", "-o", "prog.bc"], "bitcode")]
    for cmd, what in steps:
        r = bl.measure(cmd, timeout=300, cwd=d)
        if not r.ok:
            return None, f"{what}: {r.why()}"
    r = bl.measure([os.path.join(d, "ref")], timeout=timeout, stdout=os.path.join(d, "ref.out"), cwd=d)
    if r.timed_out:
        return None, f"skipped: the reference ran past {timeout:g} s"
    pr = Prog(f"csmith-{seed}", "csmith", [os.path.join(d, "prog.bc")])
    with open(os.path.join(d, "ref.out"), "rb") as f:
        pr.ref_out = f.read()
    pr.ref_rc = r.rc
    pr.workload = "its own run"
    return pr, None


def prepare_csmith(args, clang, csmith):
    if not args.seeds:
        return []
    log(f"csmith: seeds {args.seeds_spec}: generating and compiling to unoptimized bitcode")
    progs = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = {ex.submit(prepare_csmith_one, s, clang, csmith, args.run_timeout): s for s in args.seeds}
        for fu in futs:
            s = futs[fu]
            pr, why = fu.result()
            if pr:
                progs[s] = pr
            elif why.startswith("skipped"):
                log(f"csmith: seed {s} {why}")
            else:
                fail(f"csmith seed {s}", why)
    return [progs[s] for s in args.seeds if s in progs]


# ----------------------------------------------------------------------------- configurations

# egopt -O2 -j1 with parts of it off. `norules`: the round trip (lift,
# extract, elaborate with no rewriting), which must not lose to the floor.
# The rest is the ablation, each stage adding to the one before:
#   floor, + pre-passes, + e-graph without rules, + rules, + skeleton,
#   + loop passes (= egopt-O2-j1).
VARIANTS = [
    ("norules", ["--no-builtin-rules"]),
    ("prepasses", ["--no-egraph", "--no-skeleton", "--no-loop-passes"]),
    ("egraph", ["--no-builtin-rules", "--no-skeleton", "--no-loop-passes"]),
    ("rules", ["--no-skeleton", "--no-loop-passes"]),
    ("skeleton", ["--no-loop-passes"]),
]
ABLATION = ["floor", "egopt-O2-prepasses", "egopt-O2-egraph", "egopt-O2-rules",
            "egopt-O2-skeleton", "egopt-O2-j1"]


def all_configs(threads):
    cfgs = [Config("llvm", 1), Config("llvm", 2), Config("llvm", 3), Config("floor")]
    cfgs += [Config("split", 2, n) for n in threads if n > 1]
    for lvl in (1, 2, 3):
        for n in ([1] + [t for t in threads if t > 1]):
            cfgs.append(Config("egopt", lvl, n))
    cfgs += [Config("egopt", 2, 1, v) for v in VARIANTS]
    return cfgs


def select_configs(cfgs, spec):
    if not spec:
        return cfgs
    pats = [p.strip() for p in spec.split(",") if p.strip()]
    out = [c for c in cfgs if any(fnmatch.fnmatch(c.name, p) for p in pats)]
    unmatched = [p for p in pats if not any(fnmatch.fnmatch(c.name, p) for c in cfgs)]
    if unmatched:
        raise SetupError(f"--configs: no configuration matches {', '.join(unmatched)} "
                         f"(known: {', '.join(c.name for c in cfgs)})")
    return out


def quick_configs(threads):
    names = {"llvm-O1", "llvm-O2", "floor", "egopt-O2-j1", "egopt-O2-norules"}
    return [c for c in all_configs(threads) if c.name in names]


