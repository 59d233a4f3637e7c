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
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import benchlib as bl  # noqa: E402
from benchlib import Config, median, geomean, ratio, fmt_s, fmt_x, md_table  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from egopt_tools import sha256  # noqa: E402

CORPUS_PY = os.path.join(REPO, "scripts", "corpus.py")
CORPUS_BC = os.path.join(REPO, "build", "corpus", "bc")
WORK = os.path.join(REPO, "build", "bench-harness")
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
CSMITH_INCLUDE = "/usr/include/csmith"
CORPUS_NAMES = ["minigzip", "zstd", "lz4", "xz"]

QUICK_PROGRAMS = "minigzip,lz4,xz"
QUICK_SEEDS = "1-3"
QUICK_REPS = 2
QUICK_WORKLOAD_KIB = 128
FULL_WORKLOAD_KIB = 1024

LOG = None
FAILURES = []   # (what, why)


def log(msg=""):
    print(msg, flush=True)
    if LOG:
        LOG.write(msg + "\n")
        LOG.flush()


def fail(what, why):
    FAILURES.append((what, why))
    log(f"FAILED: {what}: {why}")


class SetupError(Exception):
    pass


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("egopt_corpus", CORPUS_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tool_version(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        text = p.stdout.decode(errors="replace")
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    m = re.search(r"LLVM version [\w.\-]+", text) or re.search(r"csmith [\w.\-]+", text)
    if m:
        return m.group(0)
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:80]
    return "unknown"


def git_state():
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short=12", "HEAD"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


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


# ----------------------------------------------------------------------------- measuring

class Cell:
    """Everything measured for one program with one configuration."""

    def __init__(self):
        self.walls, self.peaks, self.steps, self.stats, self.shas = [], [], [], [], []
        self.error = None
        self.obj = None
        self.size = None      # {"text":, "data":, "bss":}
        self.dyn = None       # total dynamic instructions
        self.dyn_parts = None
        self.check = None     # "ok" or why not
        self.irefs = None     # compile instructions, all steps (--compile-instructions)


def timed_phase(args, tools, progs, cfgs, cells, out):
    raw_path = os.path.join(out, "times.csv")
    fh = open(raw_path, "w", newline="")
    w = csv.writer(fh)
    header = ["rep", "seq", "program", "kind", "config", "family", "opt_level", "threads", "status",
              "wall_s", "peak_kib", "opt_s", "split_s", "llc_s", "join_s", "egopt_seconds_json",
              "object_sha256", "error"]
    w.writerow(header)
    seq = 0
    stats_dir = os.path.join(out, "stats")
    n_total = args.reps * len(progs) * len(cfgs)
    total_bytes = args.reps * sum(os.path.getsize(p.bc) for p in progs)
    done_bytes = 0
    t_start = time.time()
    for rep in range(args.reps):
        # Rotate the order each repetition too: no configuration always runs first.
        k = rep % len(cfgs)
        order = cfgs[k:] + cfgs[:k]
        cs_sum = {}
        for pr in progs:
            line = []
            for cfg in order:
                cell = cells[(pr.name, cfg.name)]
                if cell.error:
                    continue  # it failed in an earlier repetition: do not retry
                objdir = os.path.join(WORK, "obj", pr.name)
                os.makedirs(objdir, exist_ok=True)
                obj = os.path.join(objdir, cfg.name + ".o")
                o = cfg.compile(tools, pr.bc, obj, os.path.join(WORK, "tmp"), args.compile_timeout)
                seq += 1
                sha = ""
                if o.error:
                    cell.error = o.error
                    fail(f"{pr.name} {cfg.name} (rep {rep + 1})", o.error)
                else:
                    sha = sha256(obj)
                    cell.walls.append(o.wall)
                    cell.peaks.append(o.peak_kib)
                    cell.steps.append(o.steps)
                    cell.shas.append(sha)
                    cell.obj = obj
                    if o.stats is not None:
                        cell.stats.append(o.stats)
                        d = os.path.join(stats_dir, pr.name)
                        os.makedirs(d, exist_ok=True)
                        with open(os.path.join(d, f"{cfg.name}.rep{rep + 1}.json"), "w") as f:
                            json.dump(o.stats, f, indent=1)
                    line.append(f"{cfg.name} {o.wall:.2f}")
                    cs_sum[cfg.name] = cs_sum.get(cfg.name, 0.0) + o.wall
                w.writerow([rep + 1, seq, pr.name, pr.kind, cfg.name, cfg.family, cfg.level,
                            cfg.threads, "error" if o.error else "ok", f"{o.wall:.4f}", o.peak_kib,
                            *(f"{o.steps[s]:.4f}" if s in o.steps else "" for s in
                              ("opt", "split", "llc", "join")),
                            json.dumps(bl.egopt_seconds(o.stats)) if o.stats else "", sha,
                            o.error or ""])
                fh.flush()
            # Time left, from the time per bitcode byte so far (compile time follows size).
            done_bytes += os.path.getsize(pr.bc)
            eta = (time.time() - t_start) / done_bytes * (total_bytes - done_bytes)
            tail = f"  [{seq}/{n_total}, about {eta / 60:.1f} min left]"
            if pr.kind == "corpus":
                log(f"rep {rep + 1}/{args.reps} {pr.name}: " + ", ".join(line) + tail)
                cs_sum = {}
            elif pr is progs[-1]:
                n_cs = sum(1 for p in progs if p.kind == "csmith")
                log(f"rep {rep + 1}/{args.reps} csmith ×{n_cs} (summed): "
                    + ", ".join(f"{c.name} {cs_sum[c.name]:.2f}" for c in order if c.name in cs_sum)
                    + tail)
    fh.close()


def under_cachegrind(cmd, logfile):
    """`cmd` counted by cachegrind (instructions only), its summary in `logfile`."""
    return ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
            f"--log-file={logfile}"] + cmd


def irefs_in(logfile):
    """The `I refs` count of a cachegrind summary, or None."""
    m = re.search(r"I\s+refs:\s+([\d,]+)", bl._read(logfile))
    return int(m.group(1).replace(",", "")) if m else None


def run_cachegrind(cmd, stdin, stdout, logfile, timeout):
    r = bl.measure(under_cachegrind(cmd, logfile), timeout=timeout, stdin=stdin, stdout=stdout)
    return r, irefs_in(logfile)


def quality_one(pr, cfg, cell, args, clang, llvm_size, data):
    """Object size, link, and the workload under cachegrind. Returns a list of failures."""
    errs = []
    obj = cell.obj
    p = subprocess.run([llvm_size, "-A", obj], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode == 0:
        size = {"text": 0, "data": 0, "bss": 0}
        for line in p.stdout.decode().splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                sec, n = parts[0], int(parts[1])
                if sec.startswith(".text"):
                    size["text"] += n
                elif sec.startswith((".data", ".rodata")):
                    size["data"] += n
                elif sec.startswith(".bss"):
                    size["bss"] += n
        cell.size = size
    else:
        errs.append(("size", p.stderr.decode(errors="replace").strip()[:200]))
    d = os.path.join(WORK, "run", pr.name, cfg.name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    exe = os.path.join(d, "prog")
    r = bl.measure([clang, obj, "-o", exe] + pr.libs, timeout=300)
    if not r.ok:
        cell.check = "link failed"
        return errs + [("link", r.why())]
    if pr.kind == "corpus":
        label, comp, decomp = pr.trip
        z, back = os.path.join(d, "z"), os.path.join(d, "back")
        r1, n1 = run_cachegrind([exe] + comp, data, z, os.path.join(d, "vg-compress.log"), args.run_timeout)
        if not r1.ok or n1 is None:
            cell.check = "compress failed"
            return errs + [("cachegrind compress", r1.why() if not r1.ok else "no 'I refs' line")]
        r2, n2 = run_cachegrind([exe] + decomp, z, back, os.path.join(d, "vg-decompress.log"),
                                args.run_timeout)
        if not r2.ok or n2 is None:
            cell.check = "decompress failed"
            return errs + [("cachegrind decompress", r2.why() if not r2.ok else "no 'I refs' line")]
        cell.dyn, cell.dyn_parts = n1 + n2, (n1, n2)
        if sha256(back) != sha256(data):
            cell.check = "round trip differs"
            errs.append(("check", "the decompressed output differs from the input"))
        else:
            cell.check = "ok"
    else:
        outf = os.path.join(d, "out")
        r1, n1 = run_cachegrind([exe], None, outf, os.path.join(d, "vg.log"), args.run_timeout)
        if r1.timed_out or n1 is None:
            cell.check = "run failed"
            return errs + [("cachegrind", r1.why() if r1.timed_out else "no 'I refs' line")]
        cell.dyn, cell.dyn_parts = n1, (n1,)
        with open(outf, "rb") as f:
            got = f.read()
        if r1.rc != pr.ref_rc or got != pr.ref_out:
            cell.check = "output differs from -O0"
            errs.append(("check", f"exit {r1.rc} vs reference {pr.ref_rc}, output "
                                  f"{'same' if got == pr.ref_out else 'differs'}"))
        else:
            cell.check = "ok"
    if not errs:
        shutil.rmtree(d, ignore_errors=True)
    return errs


def instruction_configs(cfgs):
    """The configurations whose compile is counted by --compile-instructions: one thread
    each, so that the count is the work of a one-core compile."""
    return [c for c in cfgs if c.threads == 1 and c.family != "split"]


def instructions_one(pr, cfg, cell, tools):
    """Compiles once with every step under cachegrind; returns a list of failures."""
    d = os.path.join(WORK, "icount", pr.name, cfg.name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    logs = []

    def wrap(step, cmd):
        logs.append(os.path.join(d, f"vg-{step}.log"))
        return under_cachegrind(cmd, logs[-1])

    o = cfg.compile(tools, pr.bc, os.path.join(d, "out.o"), os.path.join(d, "tmp"), None, wrap)
    if o.error:
        return [("compile under cachegrind", o.error)]
    counts = [irefs_in(log) for log in logs]
    if None in counts:
        return [("compile under cachegrind", f"no 'I refs' line in {logs[counts.index(None)]}")]
    cell.irefs = sum(counts)
    shutil.rmtree(d, ignore_errors=True)
    return []


def run_jobs(what, jobs, n, fn):
    """Runs fn(pr, cfg, cell) for each (pr, cfg, cell), n at a time; logs the failures
    each returns (a list of (what, why)) and keeps going."""
    log(f"{what}: {len(jobs)} ({n} at a time)")
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(n) as ex:
        futs = {ex.submit(fn, pr, cfg, cell): (pr, cfg) for pr, cfg, cell in jobs}
        for fu in concurrent.futures.as_completed(futs):
            pr, cfg = futs[fu]
            try:
                errs = fu.result()
            except Exception as e:  # a bug in the harness: report it, keep going
                errs = [("internal", f"{type(e).__name__}: {e}")]
            for w, why in errs:
                fail(f"{pr.name} {cfg.name} {w}", why)
    log(f"{what}: done ({time.time() - t0:.0f} s)")


def instructions_phase(args, tools, progs, cfgs, cells):
    jobs = [(pr, cfg, cells[(pr.name, cfg.name)]) for pr in progs if pr.kind == "corpus"
            for cfg in instruction_configs(cfgs) if not cells[(pr.name, cfg.name)].error]
    run_jobs("compile instructions: compiles under cachegrind", jobs, args.jobs,
             lambda pr, cfg, cell: instructions_one(pr, cfg, cell, tools))


def quality_phase(args, progs, cfgs, cells, clang, llvm_size, data):
    jobs = [(pr, cfg, cells[(pr.name, cfg.name)]) for pr in progs for cfg in cfgs
            if cells[(pr.name, cfg.name)].obj and not cells[(pr.name, cfg.name)].error]
    run_jobs("quality: objects (size, link, workload under cachegrind)", jobs, args.jobs,
             lambda pr, cfg, cell: quality_one(pr, cfg, cell, args, clang, llvm_size,
                                               data if pr.kind == "corpus" else None))


# ----------------------------------------------------------------------------- e-graph stats

def rounds_of(stats):
    """Per-round e-graph sizes, when a future egopt reports them: a list of dicts under
    'rounds', 'iterations' or 'per_round' with 'enodes'/'nodes'. None when absent."""
    for key in ("rounds", "iterations", "per_round"):
        v = stats.get(key)
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            out = []
            for x in v:
                n = next((x[k] for k in ("enodes", "nodes", "nodes_after", "e_nodes") if k in x), None)
                c = next((x[k] for k in ("eclasses", "classes", "classes_after") if k in x), None)
                out.append({"enodes": n, "eclasses": c})
            return out
    return None


def stop_reasons_of(stats):
    for key in ("stop_reasons", "stop_reason"):
        v = stats.get(key)
        if isinstance(v, dict):
            return ", ".join(f"{k} {n}" for k, n in sorted(v.items()))
        if isinstance(v, str):
            return v
    return None


def rounds_count_of(stats):
    for key in ("rewrite_rounds", "rounds_run", "iterations_run", "rounds_total"):
        if isinstance(stats.get(key), (int, float)):
            return stats[key]
    v = stats.get("rounds")
    if isinstance(v, (int, float)):
        return v
    r = rounds_of(stats)
    return len(r) if r else None


EG_FIELDS = ["functions", "lifted_functions", "skipped_functions", "pure_instructions",
             "skeleton_instructions", "enodes", "eclasses", "materialized", "reused", "hoisted",
             "erased"]


# ----------------------------------------------------------------------------- report

def fmt_int(n):
    return "–" if n is None else f"{n:,}"


def fmt_mi(n):
    return "–" if n is None else (f"{n / 1e6:.1f} M" if n >= 1e7 else f"{n / 1e6:.2f} M")


def summarize(progs, cfgs, cells):
    """Per (program, config): the numbers the tables and CSVs show."""
    S = {}
    for pr in progs:
        for cfg in cfgs:
            c = cells[(pr.name, cfg.name)]
            s = {"med": median(c.walls), "min": min(c.walls) if c.walls else None,
                 "max": max(c.walls) if c.walls else None, "n": len(c.walls),
                 "peak": median(c.peaks) if c.peaks else None, "size": c.size, "dyn": c.dyn,
                 "check": c.check, "error": c.error, "stable": len(set(c.shas)) <= 1,
                 "sha": c.shas[-1] if c.shas else None, "walls": list(c.walls),
                 "irefs": c.irefs}
            steps = {}
            for st in c.steps:
                for k, v in st.items():
                    steps.setdefault(k, []).append(v)
            s["steps"] = {k: median(v) for k, v in steps.items()}
            if c.stats:
                secs = {}
                for st in c.stats:
                    for k, v in bl.egopt_seconds(st).items():
                        secs.setdefault(k, []).append(v)
                s["phases"] = {k: median(v) for k, v in secs.items()}
                s["stats"] = c.stats[-1]
                s["cgu_err"] = median([st.get("cgu_estimate_error", 0) or 0 for st in c.stats])
            S[(pr.name, cfg.name)] = s
    return S


def paired_ratios(s, base):
    """This configuration's wall time divided by the base configuration's in
    the same repetition, per repetition."""
    a, b = s.get("walls") or [], base.get("walls") or []
    return [x / y for x, y in zip(a, b) if y]


def paired_ratio(s, base):
    """The median over repetitions of this configuration's wall time divided by
    the base configuration's in the same repetition. The two ran minutes apart
    at most, so a machine that slows down or speeds up during the run moves
    both; the ratio of the two medians can mix a fast repetition of one with a
    slow one of the other."""
    pairs = paired_ratios(s, base)
    return median(pairs) if pairs else None


def write_csvs(out, progs, cfgs, S, threads):
    with open(os.path.join(out, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["program", "kind", "config", "family", "opt_level", "threads", "reps",
                    "wall_median_s", "wall_min_s", "wall_max_s", "peak_kib_median",
                    "text_bytes", "data_bytes", "bss_bytes", "dyn_instructions",
                    "wall_vs_llvm_O2", "wall_vs_llvm_O2_paired", "dyn_vs_llvm_O2", "text_vs_llvm_O2", "check",
                    "object_stable_across_reps", "error", "compile_instructions",
                    "compile_instructions_vs_llvm_O2"])
        for pr in progs:
            base = S.get((pr.name, "llvm-O2"), {})
            for cfg in cfgs:
                s = S[(pr.name, cfg.name)]
                sz = s["size"] or {}
                bt = (base.get("size") or {}).get("text")
                w.writerow([pr.name, pr.kind, cfg.name, cfg.family, cfg.level, cfg.threads, s["n"],
                            s["med"], s["min"], s["max"], s["peak"], sz.get("text"), sz.get("data"),
                            sz.get("bss"), s["dyn"], ratio(s["med"], base.get("med")),
                            paired_ratio(s, base) if base else None,
                            ratio(s["dyn"], base.get("dyn")), ratio(sz.get("text"), bt),
                            s["check"], s["stable"], s["error"] or "", s["irefs"],
                            ratio(s["irefs"], base.get("irefs"))])
    eg = [c for c in cfgs if c.family == "egopt"]
    phase_keys = []
    for pr in progs:
        for cfg in eg:
            for k in S[(pr.name, cfg.name)].get("phases", {}):
                if k not in phase_keys:
                    phase_keys.append(k)
    with open(os.path.join(out, "egopt_stats.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["program", "kind", "config", "opt_level", "threads"] + EG_FIELDS
                   + ["skeleton_by_opcode", "cgus", "cgu_estimate_error", "rounds", "stop_reasons",
                      "wall_median_s"]
                   + [f"{k}_s" for k in phase_keys])
        for pr in progs:
            for cfg in eg:
                s = S[(pr.name, cfg.name)]
                st = s.get("stats")
                if not st:
                    continue
                w.writerow([pr.name, pr.kind, cfg.name, cfg.level, cfg.threads]
                           + [st.get(k) for k in EG_FIELDS]
                           + [json.dumps(st.get("skeleton_by_opcode") or {}, sort_keys=True),
                              len(st.get("cgu_estimates") or []), s.get("cgu_err"),
                              rounds_count_of(st), stop_reasons_of(st), s["med"]]
                           + [s["phases"].get(k) for k in phase_keys])
    rows = []
    for pr in progs:
        for cfg in eg:
            st = S[(pr.name, cfg.name)].get("stats")
            r = rounds_of(st) if st else None
            for i, x in enumerate(r or []):
                rows.append([pr.name, cfg.name, i + 1, x["enodes"], x["eclasses"]])
    if rows:
        with open(os.path.join(out, "egraph_rounds.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["program", "config", "round", "enodes", "eclasses"])
            w.writerows(rows)
    with open(os.path.join(out, "speedup.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["program", "kind", "series", "threads", "wall_median_s", "speedup_vs_1_thread",
                    "units_wall_speedup"])
        for pr in progs:
            for series, base, fam in speedup_series(cfgs):
                for n, name in fam:
                    s = S[(pr.name, name)]
                    b = S[(pr.name, base)]
                    uw = ratio((b.get("phases") or {}).get("units_wall"),
                               (s.get("phases") or {}).get("units_wall"))
                    w.writerow([pr.name, pr.kind, series, n, s["med"], ratio(b["med"], s["med"]), uw])


def speedup_series(cfgs):
    """[(series name, 1-thread config, [(threads, config)])] for every series present."""
    names = {c.name for c in cfgs}
    out = []
    for lvl in (1, 2, 3):
        base = f"egopt-O{lvl}-j1"
        fam = [(c.threads, c.name) for c in cfgs if c.family == "egopt" and c.level == lvl]
        if base in names and len(fam) > 1:
            out.append((f"egopt -O{lvl}", base, sorted(fam)))
    split = [(c.threads, c.name) for c in cfgs if c.family == "split"]
    if "llvm-O2" in names and split:
        out.append(("LLVM -O2 (llvm-split)", "llvm-O2", [(1, "llvm-O2")] + sorted(split)))
    return out


def header_lines(args, meta, cpu):
    """The machine-and-tools block of the report (kept in meta.json for --rerender)."""
    L = bl.machine_lines(meta["machine"])
    L.append(bl.cpu_line(cpu))
    L.append(f"- egopt: `{os.path.relpath(args.egopt, REPO) if args.egopt.startswith(REPO) else args.egopt}`, "
             f"source {meta['git']}, binary sha256 {meta['egopt_sha']} (copied at the start, so a "
             f"rebuild during the run changes nothing)")
    L.append(f"- LLVM: {meta['llvm']} (`{args.llvm_bin}`); csmith: {meta['csmith']}; "
             f"valgrind: {meta['valgrind']}")
    return L


def write_report(out, meta, progs, cfgs, S, plots):
    L = []
    corpus = [p for p in progs if p.kind == "corpus"]
    cs = [p for p in progs if p.kind == "csmith"]
    reps = meta["reps"]
    add = L.append
    add(f"# egopt vs LLVM: side-by-side benchmark ({meta['mode']} run)")
    add("")
    add(f"Command: `{meta['command']}`  ")
    add(f"Started {meta['started']}, took {meta['elapsed_min']:.1f} min. Every number and ratio "
        f"below comes from this run, on this machine; compile times are the median of {reps} "
        f"repetition{'s' if reps != 1 else ''} "
        f"(min–max in parentheses), and every repetition ran all configurations, interleaved.")
    add("")
    add("## Machine and tools")
    add("")
    L += meta["header"]
    add("")
    add("## Configurations")
    add("")
    add(md_table(["name", "what runs"], [[f"`{c.name}`", c.describe()] for c in cfgs], "ll"))
    add("")
    add("Peak memory is the largest peak RSS of the steps (for the parallel `llc` of "
        "`llvm-split`, the sum of their peaks). `llvm-split` is LLVM's module splitter with "
        "its default (name-hash) partitioning, as LTO's parallel code generation uses it; "
        "its 1-thread point in the speedup table is `llvm-O2`.")
    add("")
    add("## Programs")
    add("")
    rows = []
    for p in progs:
        rows.append([p.name, p.kind, f"{p.bc_kib} KiB", p.bc_sha[:12], p.workload])
    add(md_table(["program", "kind", "bitcode", "sha256", "workload (dynamic instructions)"], rows, "llrll"))
    add("")
    add("Corpus bitcode: `build/corpus/bc` (scripts/corpus.py). csmith programs: `csmith --seed S`, "
        "compiled as scripts/csmith_diff.py does (`clang-22 -O0 -Xclang -disable-O0-optnone "
        "-emit-llvm -c -w`). Dynamic instructions: `valgrind --tool=cachegrind --cache-sim=no`, "
        "I refs of the whole process (the corpus: compress + decompress; each result is checked: "
        "the round trip must give the input back, a csmith program must print what its "
        "`clang -O0` build prints).")
    add("")

    # Headline.
    add("## Summary (geometric means of ratios to `llvm-O2`, per program, then over programs)")
    add("")
    rows = []
    for cfg in cfgs:
        r = [f"`{cfg.name}`"]
        for group in (corpus, cs):
            if not group:
                continue
            t = geomean([ratio(S[(p.name, cfg.name)]["med"], S[(p.name, "llvm-O2")]["med"])
                         for p in group]) if "llvm-O2" in {c.name for c in cfgs} else None
            d = geomean([ratio(S[(p.name, cfg.name)]["dyn"], S[(p.name, "llvm-O2")]["dyn"])
                         for p in group]) if "llvm-O2" in {c.name for c in cfgs} else None
            z = geomean([ratio((S[(p.name, cfg.name)]["size"] or {}).get("text"),
                               (S[(p.name, "llvm-O2")]["size"] or {}).get("text"))
                         for p in group]) if "llvm-O2" in {c.name for c in cfgs} else None
            tot = sum(S[(p.name, cfg.name)]["med"] or 0 for p in group)
            r += [fmt_s(tot), fmt_x(t), fmt_x(d), fmt_x(z)]
        rows.append(r)
    hdr = ["config"]
    if corpus:
        hdr += ["corpus: compile s (sum)", "time", "dyn. instr.", ".text"]
    if cs:
        hdr += [f"csmith ×{len(cs)}: compile s (sum)", "time", "dyn. instr.", ".text"]
    add(md_table(hdr, rows))
    add("")
    add("Time, dynamic instructions and .text are ratios to `llvm-O2` (below 1: faster, "
        "fewer, smaller).")
    add("")

    def grid(title, group, cellfn, note=None):
        if not group:
            return
        add(f"### {title}")
        add("")
        rows = [[f"`{cfg.name}`"] + [cellfn(p, cfg) for p in group] for cfg in cfgs]
        add(md_table(["config"] + [p.name for p in group], rows))
        add("")
        if note:
            add(note)
            add("")

    def t_cell(p, cfg):
        s = S[(p.name, cfg.name)]
        if s["error"]:
            return "failed"
        if s["med"] is None:
            return "–"
        if s["n"] > 1:
            return f"{fmt_s(s['med'])} ({fmt_s(s['min'])}–{fmt_s(s['max'])})"
        return fmt_s(s["med"])

    def tmed_cell(p, cfg):
        s = S[(p.name, cfg.name)]
        return "failed" if s["error"] else fmt_s(s["med"])

    def rel_cell(p, cfg):
        s, base = S[(p.name, cfg.name)], S.get((p.name, "llvm-O2"))
        if s["error"] or not base or base["error"] or s["med"] is None:
            return "–"
        r1, pairs = ratio(s["med"], base["med"]), paired_ratios(s, base)
        if r1 is None or not pairs:
            return "–"
        spread = (f" ({min(pairs):.2f}–{max(pairs):.2f})"
                  if len(pairs) > 1 and cfg.name != "llvm-O2" else "")
        return f"{r1:.3f}× / {median(pairs):.3f}×{spread}"

    add("## Compile time (wall seconds)")
    add("")
    grid("Corpus: median (min–max)", corpus, t_cell)
    if "llvm-O2" in {c.name for c in cfgs}:
        grid("Corpus: relative to `llvm-O2`", corpus, rel_cell,
             "Each cell: the ratio of the two medians, then the median of the per-repetition "
             "ratios (each repetition compiles every configuration of a program back to back, "
             "so a slow spell of the machine weighs on both sides of a pair), then the smallest "
             "and largest per-repetition ratio: how far one repetition can mislead.")
    grid("csmith: median", cs, tmed_cell)

    def irefs_cell(p, cfg):
        s = S[(p.name, cfg.name)]
        if s["irefs"] is None:
            return "–"
        r = ratio(s["irefs"], S.get((p.name, "llvm-O2"), {}).get("irefs"))
        return fmt_mi(s["irefs"]) + (f" ({r:.3f}×)" if r else "")
    if any(S[(p.name, c.name)]["irefs"] is not None for p in corpus for c in cfgs):
        grid("Corpus: compile instructions (ratio to llvm-O2)", corpus, irefs_cell,
             "`--compile-instructions`: one more compile of each one-thread configuration, every "
             "step under `valgrind --tool=cachegrind --cache-sim=no`, the `I refs` summed over "
             "the steps. Unlike the wall times these repeat to the last few digits, so they show "
             "a change between two egopt builds that the noise of the machine hides. They count "
             "instructions, not cycles, and the tools differ in time per instruction: the ratios "
             "here need not match the wall-time ratios above.")

    add("## Peak memory (MiB, median over repetitions)")
    add("")
    mem = lambda p, cfg: ("–" if S[(p.name, cfg.name)]["peak"] is None
                          else f"{S[(p.name, cfg.name)]['peak'] / 1024:.0f}")
    grid("Corpus", corpus, mem)
    if cs:
        add(f"csmith programs: largest peak over the {len(cs)} programs: " + ", ".join(
            f"`{cfg.name}` {max((S[(p.name, cfg.name)]['peak'] or 0) for p in cs) / 1024:.0f}"
            for cfg in cfgs) + " MiB.")
        add("")

    add("## Code quality: dynamic instructions of the workload")
    add("")

    def dyn_cell(p, cfg):
        s = S[(p.name, cfg.name)]
        if s["dyn"] is None:
            return "failed" if (s["error"] or s["check"]) else "–"
        b = S.get((p.name, "llvm-O2"), {}).get("dyn")
        mark = "" if s["check"] == "ok" else " (CHECK FAILED)"
        r = ratio(s["dyn"], b)
        return f"{fmt_mi(s['dyn'])} ({r:.3f})" + mark if r else fmt_mi(s["dyn"]) + mark
    grid("Corpus: instructions (ratio to llvm-O2)", corpus, dyn_cell)
    grid("csmith: instructions (ratio to llvm-O2)", cs, dyn_cell)

    add("## Object size (.text bytes, `llvm-size -A`)")
    add("")
    size_cell = lambda p, cfg: fmt_int((S[(p.name, cfg.name)]["size"] or {}).get("text"))
    grid("Corpus", corpus, size_cell)
    if cs:
        add("csmith: sum of .text over the programs: " + ", ".join(
            f"`{cfg.name}` {sum(((S[(p.name, cfg.name)]['size'] or {}).get('text') or 0) for p in cs):,}"
            for cfg in cfgs) + ".")
        add("")

    eg = [c for c in cfgs if c.family == "egopt"]
    if eg:
        add("## egopt: where the time goes (median seconds, from `--stats-json`)")
        add("")
        keys = []
        for p in progs:
            for c in eg:
                for k in (S[(p.name, c.name)].get("phases") or {}):
                    if k not in keys:
                        keys.append(k)
        rows = []
        for p in corpus:
            for c in eg:
                s = S[(p.name, c.name)]
                ph = s.get("phases")
                if not ph:
                    continue
                outside = (s["med"] - ph["total"]) if "total" in ph and s["med"] else None
                rows.append([p.name, f"`{c.name}`"] + [fmt_s(ph.get(k)) for k in keys]
                            + [fmt_s(s["med"]), fmt_s(outside)])
        if cs:
            for c in eg:
                tot = {k: sum((S[(p.name, c.name)].get("phases") or {}).get(k, 0) for p in cs) for k in keys}
                wall = sum(S[(p.name, c.name)]["med"] or 0 for p in cs)
                rows.append([f"csmith (sum of {len(cs)})", f"`{c.name}`"] + [fmt_s(tot[k]) for k in keys]
                            + [fmt_s(wall), fmt_s(wall - tot.get("total", 0))])
        add(md_table(["program", "config"] + keys + ["wall (harness)", "outside"], rows, "ll" + "r" * (len(keys) + 2)))
        add("")
        add("`pre_passes`, `split`, `units_wall`, `join` and `total` are wall time; `lift`, "
            "`egraph` (e-graph rounds and extraction), `lower` (elaboration and verification) "
            "and `codegen` are summed over codegen units, so at -jN they can add up to more "
            "than `units_wall`. `outside` is the harness's wall time minus `total`: process "
            "start, parsing the bitcode, writing the object.")
        add("")

        add("## E-graph statistics (from `--stats-json`, at -j1)")
        add("")
        j1 = [c for c in eg if c.threads == 1]
        rows = []
        extra_rounds = any(rounds_count_of(S[(p.name, c.name)].get("stats") or {}) is not None
                           for p in progs for c in j1)
        extra_stop = any(stop_reasons_of(S[(p.name, c.name)].get("stats") or {}) is not None
                         for p in progs for c in j1)
        for p in progs:
            for c in j1:
                st = S[(p.name, c.name)].get("stats")
                if not st:
                    continue
                r = [p.name, f"-O{c.level}"] + [fmt_int(st.get(k)) for k in EG_FIELDS]
                r.append(len(st.get("cgu_estimates") or []))
                if extra_rounds:
                    r.append(fmt_int(rounds_count_of(st)))
                if extra_stop:
                    r.append(stop_reasons_of(st) or "–")
                rows.append(r)
        hdr = ["program", "level", "functions", "lifted", "skipped", "pure instr.", "skeleton instr.",
               "e-nodes", "e-classes", "materialized", "reused (GVN)", "hoisted (LICM)", "erased", "CGUs"]
        if extra_rounds:
            hdr.append("rounds (all functions)")
        if extra_stop:
            hdr.append("stop reasons")
        add(md_table(hdr, rows, "ll" + "r" * (len(hdr) - 2)))
        add("")
        skel = {}
        for p in progs:
            for c in j1:
                st = S[(p.name, c.name)].get("stats") or {}
                for op, n in (st.get("skeleton_by_opcode") or {}).items():
                    skel[op] = skel.get(op, 0) + n
        if skel:
            ops = sorted(skel, key=lambda o: -skel[o])
            top = ops[:9]
            lvl = 2 if any(c.level == 2 for c in j1) else j1[0].level
            cfg2 = next(c for c in j1 if c.level == lvl)
            rows = []
            for p in progs:
                st = S[(p.name, cfg2.name)].get("stats")
                if not st:
                    continue
                by = st.get("skeleton_by_opcode") or {}
                rest = sum(n for o, n in by.items() if o not in top)
                rows.append([p.name] + [fmt_int(by.get(o, 0)) for o in top] + [fmt_int(rest)])
            add(f"Skeleton instructions by opcode (at -O{lvl}; what stays out of the e-graph):")
            add("")
            add(md_table(["program"] + top + ["other"], rows))
            add("")
        if not extra_rounds and not extra_stop:
            add("This egopt's `--stats-json` reports no rewrite rounds or stop reasons.")
            add("")

        add("## Codegen-unit estimate error")
        add("")
        add("Mean absolute deviation between each unit's estimated share and its measured share "
            "of codegen time (`cgu_estimate_error`, median over repetitions); 0 with one unit.")
        add("")
        rows = []
        for p in progs:
            r = [p.name]
            for c in eg:
                s = S[(p.name, c.name)]
                st = s.get("stats")
                r.append("–" if not st else f"{len(st.get('cgu_estimates') or [])} / {s['cgu_err']:.3f}")
            rows.append(r)
        add(md_table(["program"] + [f"`{c.name}` units / error" for c in eg], rows))
        add("")

    series = speedup_series(cfgs)
    if series:
        add("## Speedup with threads")
        add("")
        add("Median wall time at 1 thread divided by the median at N threads, same program, same "
            "run. For egopt, `units` is the same ratio for the parallel phase alone (`units_wall`). "
            "The last columns compare egopt -O2 at N threads with LLVM -O2 at 1 thread and with "
            "LLVM's own parallel codegen at N threads (above 1: egopt is faster).")
        add("")
        hdr = ["program"]
        cols = []
        for name, base, fam in series:
            for n, cname in fam:
                if n == 1:
                    continue
                hdr.append(f"{name} ×{n}")
                cols.append((base, cname, "wall"))
                if cname.startswith("egopt"):
                    hdr.append("units")
                    cols.append((base, cname, "units"))
        names = {c.name for c in cfgs}
        vs = []
        for n in sorted({c.threads for c in cfgs if c.family == "egopt"}):
            e = f"egopt-O2-j{n}"
            if e in names and "llvm-O2" in names:
                hdr.append(f"egopt -O2 -j{n} vs llvm-O2")
                vs.append(("llvm-O2", e))
            if e in names and f"llvm-split-j{n}" in names:
                hdr.append(f"egopt -O2 -j{n} vs llvm-split-j{n}")
                vs.append((f"llvm-split-j{n}", e))
        rows = []
        for p in progs:
            if p.kind != "corpus" and p is not progs[-1]:
                continue
            group = [p] if p.kind == "corpus" else cs
            label = p.name if p.kind == "corpus" else f"csmith (sum of {len(cs)})"

            def med(name, what="wall"):
                if what == "units":
                    return sum(((S[(q.name, name)].get("phases") or {}).get("units_wall") or 0)
                               for q in group) or None
                vals = [S[(q.name, name)]["med"] for q in group]
                return None if any(v is None for v in vals) else sum(vals)
            r = [label]
            for base, cname, what in cols:
                r.append(fmt_x(ratio(med(base, what), med(cname, what))))
            for a, b in vs:
                r.append(fmt_x(ratio(med(a), med(b))))
            rows.append(r)
        add(md_table(hdr, rows))
        add("")

    # Checks.
    add("## Checks")
    add("")
    det = []
    for p in progs:
        for lvl in (1, 2, 3):
            fam = [c for c in eg if c.level == lvl]
            shas = {S[(p.name, c.name)]["sha"] for c in fam if S[(p.name, c.name)]["sha"]}
            if len(fam) > 1 and len(shas) > 1:
                det.append(f"{p.name} -O{lvl}")
    unstable = [f"{p.name} {c.name}" for p in progs for c in cfgs if not S[(p.name, c.name)]["stable"]]
    badcheck = [f"{p.name} {c.name} ({S[(p.name, c.name)]['check']})" for p in progs for c in cfgs
                if S[(p.name, c.name)]["check"] not in (None, "ok")]
    nchk = sum(1 for p in progs for c in cfgs if S[(p.name, c.name)]["check"] == "ok")
    add(f"- Workload results checked: {nchk} passed" + (f"; failed: {', '.join(badcheck)}" if badcheck else "") + ".")
    if any(len(set(c.threads for c in eg if c.level == l)) > 1 for l in (1, 2, 3)):
        add("- egopt objects identical at every thread count: "
            + ("yes, for every program and level." if not det else f"**no**: {', '.join(det)}."))
    add("- Objects identical across repetitions: "
        + ("yes." if not unstable else f"**no**: {', '.join(unstable)}."))
    add("")
    if meta.get("failures"):
        add("## Failures")
        add("")
        for what, why in meta["failures"]:
            add(f"- {what}: {why}")
        add("")
    if plots:
        add("## Plots")
        add("")
        for title, fn in plots:
            add(f"### {title}")
            add("")
            add(f"![{title}]({fn})")
            add("")
    add("## Files")
    add("")
    add("- `times.csv`: every compile (repetition, order, wall, peak memory, steps, egopt phases)")
    add("- `summary.csv`: per program and configuration (medians, sizes, dynamic instructions, ratios)")
    add("- `egopt_stats.csv`: e-graph statistics and phase medians; `stats/`: each `--stats-json`")
    add("- `speedup.csv`: speedup per thread count; `harness.log`: the console output; "
        "`meta.json`: what `run.py --rerender` needs to rebuild this report")
    if os.path.exists(os.path.join(out, "egraph_rounds.csv")):
        add("- `egraph_rounds.csv`: e-graph size per round")
    add("")
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write("\n".join(L))


# ----------------------------------------------------------------------------- rerender

def config_from_name(name):
    m = re.fullmatch(r"llvm-O(\d)", name)
    if m:
        return Config("llvm", int(m.group(1)))
    if name == "floor":
        return Config("floor")
    m = re.fullmatch(r"llvm-split-j(\d+)", name)
    if m:
        return Config("split", 2, int(m.group(1)))
    m = re.fullmatch(r"egopt-O(\d)-j(\d+)", name)
    if m:
        return Config("egopt", int(m.group(1)), int(m.group(2)))
    raise ValueError(f"unknown configuration {name!r}")


def meta_from_report(out):
    """For a run made before meta.json existed: what the old report.md says."""
    text = open(os.path.join(out, "report.md")).read()
    started = re.search(r"^Started (.+?), took ([\d.]+) min\.", text, re.M)
    meta = {"mode": re.search(r"\((quick|full) run\)", text).group(1),
            "command": re.search(r"^Command: `(.*)`", text, re.M).group(1),
            "started": started.group(1), "elapsed_min": float(started.group(2)),
            "reps": int(re.search(r"median of (\d+) repetition", text).group(1)),
            "header": text.split("## Machine and tools\n\n", 1)[1]
                          .split("\n\n## Configurations", 1)[0].splitlines(),
            "programs": [], "failures": []}
    table = text.split("## Programs\n\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    for row in table:
        name, kind, kib, sha, workload = [c.strip() for c in row.strip("|").split(" | ")]
        bc = (os.path.join(CORPUS_BC, name + ".bc") if kind == "corpus" else
              os.path.join(WORK, "csmith", "seed-" + name.split("-", 1)[1], "prog.bc"))
        meta["programs"].append({"name": name, "kind": kind, "bc": bc, "bc_kib": int(kib.split()[0]),
                                 "bc_sha": sha, "workload": workload})
    if "## Failures\n\n" in text:
        for line in text.split("## Failures\n\n", 1)[1].split("\n\n", 1)[0].splitlines():
            what, _, why = line[2:].partition(": ")
            meta["failures"].append((what, why))
    return meta


def rerender(out, no_plots):
    out = os.path.abspath(out)
    mp = os.path.join(out, "meta.json")
    meta = json.load(open(mp)) if os.path.exists(mp) else meta_from_report(out)
    progs = []
    for d in meta["programs"]:
        p = Prog(d["name"], d["kind"], d["bc"])
        p.workload, p.bc_kib, p.bc_sha = d["workload"], d["bc_kib"], d["bc_sha"]
        progs.append(p)
    rows = list(csv.DictReader(open(os.path.join(out, "times.csv"))))
    names = meta.get("configs") or list(dict.fromkeys(r["config"] for r in rows))
    cfgs = [config_from_name(n) for n in names]
    cells = {(p.name, c.name): Cell() for p in progs for c in cfgs}
    for r in rows:
        cell = cells.get((r["program"], r["config"]))
        if cell is None:
            continue
        if r["status"] != "ok":
            cell.error = r["error"]
            continue
        cell.walls.append(float(r["wall_s"]))
        cell.peaks.append(int(r["peak_kib"]))
        cell.steps.append({k: float(r[k + "_s"]) for k in ("opt", "split", "llc", "join") if r[k + "_s"]})
        cell.shas.append(r["object_sha256"])
        cell.obj = "(measured)"
    for p in progs:
        for c in cfgs:
            if c.family != "egopt":
                continue
            d = os.path.join(out, "stats", p.name)
            files = sorted((f for f in (os.listdir(d) if os.path.isdir(d) else [])
                            if f.startswith(c.name + ".rep") and f.endswith(".json")),
                           key=lambda f: int(f[len(c.name) + 4:-5]))
            cells[(p.name, c.name)].stats = [json.load(open(os.path.join(d, f))) for f in files]
    num = lambda v: int(float(v)) if v not in ("", None) else None
    for r in csv.DictReader(open(os.path.join(out, "summary.csv"))):
        cell = cells.get((r["program"], r["config"]))
        if cell is None:
            continue
        if r["text_bytes"] != "":
            cell.size = {"text": num(r["text_bytes"]), "data": num(r["data_bytes"]), "bss": num(r["bss_bytes"])}
        cell.dyn = num(r["dyn_instructions"])
        cell.irefs = num(r.get("compile_instructions"))
        cell.check = r["check"] or None
    S = summarize(progs, cfgs, cells)
    write_csvs(out, progs, cfgs, S, None)
    plots = []
    if not no_plots:
        import plots as P
        plots = P.make_all(out, progs, cfgs, S, speedup_series(cfgs), rounds_of)
    write_report(out, meta, progs, cfgs, S, plots)
    print(f"harness: re-rendered {os.path.join(out, 'report.md')} from its CSV files and stats/")
    return 0


# ----------------------------------------------------------------------------- main

def default_out(quick):
    base = os.path.join(REPO, "bench", "results", time.strftime("%Y-%m-%d") + ("-quick" if quick else ""))
    out, k = base, 2
    while os.path.exists(out) and os.listdir(out):
        out = f"{base}-{k}"
        k += 1
    return out


def main():
    global LOG
    ap = argparse.ArgumentParser(
        description="egopt against LLVM on the same bitcode: compile time, peak memory, "
                    "dynamic instructions, object size, e-graph statistics, speedup with threads; "
                    "writes report.md, CSV files and plots.",
        epilog="examples:\n  bench/harness/run.py --quick\n  bench/harness/run.py\n"
               "  bench/harness/run.py --threads 1,2 --reps 5 --out bench/results/today\n"
               "  bench/harness/run.py --programs zstd --configs 'llvm-O2,egopt-O2-*'",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help=f"a few minutes: {QUICK_REPS} repetitions, programs {QUICK_PROGRAMS}, "
                         f"csmith seeds {QUICK_SEEDS}, fewer configurations, a "
                         f"{QUICK_WORKLOAD_KIB} KiB workload")
    ap.add_argument("--threads", default=None,
                    help="thread counts, e.g. 1,2 (default: 1 and the number of CPUs)")
    ap.add_argument("--reps", type=int, default=None, help="repetitions (default: 5; --quick: 2)")
    ap.add_argument("--out", default=None,
                    help="result folder (default: bench/results/DATE, DATE-quick with --quick)")
    ap.add_argument("--programs", default=None,
                    help="corpus programs, comma-separated (default: minigzip,zstd,lz4,xz)")
    ap.add_argument("--csmith-seeds", default=None,
                    help="csmith seeds, e.g. 1-10 or 1,5,7 (default: 1-10; --quick: 1-3; "
                         "'none' for no csmith programs)")
    ap.add_argument("--configs", default=None,
                    help="configurations to run, comma-separated names or globs "
                         "(e.g. 'llvm-O2,floor,egopt-O2-*'; default: all; --quick: a subset)")
    ap.add_argument("--workload-kib", type=int, default=None,
                    help=f"corpus workload input size (default: {FULL_WORKLOAD_KIB}; "
                         f"--quick: {QUICK_WORKLOAD_KIB})")
    ap.add_argument("--compile-instructions", action="store_true",
                    help="also compile each corpus program once more with every one-thread "
                         "configuration under cachegrind, and report the instructions each "
                         "compile took: a figure the machine's noise does not move (about 7 "
                         "minutes on 2 cores, most of it zstd)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel jobs for the untimed parts (csmith, cachegrind runs); "
                         "compiles are always timed one at a time (default: number of CPUs)")
    ap.add_argument("--egopt", default=DEFAULT_EGOPT, help="egopt binary (default: build/tools/egopt/egopt)")
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
    args.workload_kib = args.workload_kib or (QUICK_WORKLOAD_KIB if args.quick else FULL_WORKLOAD_KIB)
    args.programs = [s.strip() for s in (args.programs or (QUICK_PROGRAMS if args.quick else
                                                           ",".join(CORPUS_NAMES))).split(",") if s.strip()]
    bad = [p for p in args.programs if p not in CORPUS_NAMES]
    if bad:
        ap.error(f"--programs: unknown {', '.join(bad)} (known: {', '.join(CORPUS_NAMES)})")
    args.seeds_spec = args.csmith_seeds or (QUICK_SEEDS if args.quick else "1-10")
    try:
        args.seeds = [] if args.seeds_spec == "none" else parse_seeds(args.seeds_spec)
    except ValueError:
        ap.error(f"--csmith-seeds: cannot read {args.seeds_spec!r}")
    args.egopt = os.path.abspath(args.egopt)
    out = os.path.abspath(args.out) if args.out else default_out(args.quick)
    try:
        if args.configs:
            cfgs = select_configs(all_configs(threads), args.configs)
        else:
            cfgs = quick_configs(threads) if args.quick else all_configs(threads)
        if not args.no_plots:
            if importlib.util.find_spec("matplotlib") is None:
                raise SetupError("matplotlib is missing (apt-get install python3-matplotlib, or "
                                 "scripts/setup.sh), or pass --no-plots")
        tools = bl.Tools.system(args.egopt, args.llvm_bin)
        if not tools.missing():
            # A snapshot: a rebuild of egopt during the run must not change what is measured.
            snap = os.path.join(WORK, "egopt-snapshot")
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
    LOG = open(os.path.join(out, "harness.log"), "w")
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
        corpus = load_corpus_module()
        progs = prepare_corpus(args, corpus)
        progs += prepare_csmith(args, clang, csmith)
        data = workload_input(corpus, args.workload_kib) if any(p.kind == "corpus" for p in progs) else None
    except SetupError as e:
        fail("setup", str(e))
        progs, data = [], None
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
        cfg.compile(tools, smallest.bc, os.path.join(WORK, "tmp-warm.o"), os.path.join(WORK, "tmp"),
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
    quality_phase(args, progs, cfgs, cells, clang, llvm_size, data)

    S = summarize(progs, cfgs, cells)
    write_csvs(out, progs, cfgs, S, threads)
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
                           "bc_sha": p.bc_sha, "workload": p.workload} for p in progs],
             "configs": [c.name for c in cfgs], "failures": FAILURES, "cpu": cpu,
             "machine": machine}
    with open(os.path.join(out, "meta.json"), "w") as f:
        json.dump(rmeta, f, indent=1)
    write_report(out, rmeta, progs, cfgs, S, plots)
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
