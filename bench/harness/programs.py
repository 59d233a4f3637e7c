"""The programs the harness measures (the corpus, csmith seeds) and the configurations."""

import argparse
import concurrent.futures
import csv
import fnmatch
import hashlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import benchlib as bl  # noqa: E402
from benchlib import Config, median, geomean, ratio, fmt_s, fmt_x, md_table  # noqa: E402

from hcommon import *  # noqa: E402,F401,F403
import hcommon  # noqa: E402


# ----------------------------------------------------------------------------- programs

class Prog:
    def __init__(self, name, kind, bc):
        self.name, self.kind, self.bc = name, kind, bc
        self.trip = None        # corpus: (label, compress args, decompress args)
        self.libs = []
        self.ref_out = None     # csmith: the reference's stdout and exit code
        self.ref_rc = None
        self.workload = ""
        self.bc_kib = 0
        self.bc_sha = ""

    def note_bitcode(self):
        self.bc_kib = os.path.getsize(self.bc) // 1024
        self.bc_sha = sha256(self.bc)


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


def prepare_corpus(args, corpus):
    names = [n for n in args.programs if n in CORPUS_NAMES]
    if not names:
        return []
    missing = [n for n in names if not os.path.exists(os.path.join(CORPUS_BC, n + ".bc"))]
    if args.rebuild_corpus or missing:
        why = "--rebuild-corpus" if args.rebuild_corpus else f"missing: {', '.join(missing)}"
        log(f"corpus: building ({why}) with scripts/corpus.py fetch + build")
        for sub in (["fetch"], ["build", "--programs", ",".join(names)]):
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
    known = {p.name: p for p in corpus.PROGRAMS}
    for n in names:
        bc = os.path.join(CORPUS_BC, n + ".bc")
        if not os.path.exists(bc):
            fail(f"corpus {n}", f"{bc} was not built (see the corpus.py output above)")
            continue
        pr = Prog(n, "corpus", bc)
        pr.trip = known[n].trips[0]
        pr.libs = list(known[n].libs)
        label, comp, decomp = pr.trip
        pr.workload = (f"`{' '.join([n] + comp)}` then `{' '.join([n] + decomp)}`, "
                       f"{args.workload_kib} KiB")
        progs.append(pr)
    return progs


def prepare_csmith_one(seed, clang, csmith, timeout):
    d = os.path.join(WORK, "csmith", f"seed-{seed}")
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
    pr = Prog(f"csmith-{seed}", "csmith", os.path.join(d, "prog.bc"))
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


def workload_input(corpus, kib):
    full = corpus.input_file()
    path = os.path.join(WORK, "data", f"input-v{corpus.INPUT_VERSION}-{kib}k.bin")
    if not (os.path.exists(path) and os.path.getsize(path) == kib * 1024):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(full, "rb") as f:
            data = f.read(kib * 1024)
        if len(data) < kib * 1024:
            raise SetupError(f"the corpus input {full} is shorter than {kib} KiB")
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)
    return path


# ----------------------------------------------------------------------------- configurations

def all_configs(threads):
    cfgs = [Config("llvm", 1), Config("llvm", 2), Config("llvm", 3), Config("floor")]
    cfgs += [Config("split", 2, n) for n in threads if n > 1]
    for lvl in (1, 2, 3):
        for n in ([1] + [t for t in threads if t > 1]):
            cfgs.append(Config("egopt", lvl, n))
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
    top = max(threads)
    names = {"llvm-O1", "llvm-O2", "llvm-O3", "floor", f"llvm-split-j{top}",
             "egopt-O1-j1", "egopt-O2-j1", "egopt-O3-j1", f"egopt-O2-j{top}"}
    return [c for c in all_configs(threads) if c.name in names]


