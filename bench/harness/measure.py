"""Measuring: timed compiles, objects, workloads under cachegrind, compile instructions, e-graph statistics."""

import concurrent.futures
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import time

import benchlib as bl
import hcommon
from hcommon import fail, log, sha256
from programs import corpus_lib


# ----------------------------------------------------------------------------- measuring

class Cell:
    """Everything measured for one program with one configuration."""

    def __init__(self):
        self.walls, self.peaks, self.steps, self.stats, self.shas = [], [], [], [], []
        self.error = None
        self.obj = None       # the first object; objs: all (one per bitcode module)
        self.objs = []
        self.size = None      # {"text":, "data":, "bss":}
        self.dyn = None       # total dynamic instructions
        self.dyn_parts = None
        self.check = None     # "ok" or why not
        self.irefs = None     # compile instructions, all steps (--compile-instructions)


def compile_program(cfg, tools, pr, objdir, timeout, wrap=None, tmp=None):
    """Compiles each bitcode module of `pr` with `cfg`: one Outcome (walls and
    steps summed, peak the largest, the first error) and the objects."""
    total, objs = None, []
    for k, bc in enumerate(pr.modules):
        suffix = f".{k}" if len(pr.modules) > 1 else ""
        obj = os.path.join(objdir, f"{cfg.name}{suffix}.o")
        o = cfg.compile(tools, bc, obj, tmp or os.path.join(hcommon.WORK, "tmp"), timeout, wrap)
        objs.append(obj)
        if total is None:
            total = o
        else:
            total.wall += o.wall
            total.peak_kib = max(total.peak_kib, o.peak_kib)
            for step, secs in o.steps.items():
                total.steps[step] = total.steps.get(step, 0.0) + secs
            if total.error is None and o.error:
                total.error = o.error
            if o.stats is not None and total.stats is not None:
                total.stats = merge_stats(total.stats, o.stats)
        if total.error:
            break
    return total, objs


def merge_stats(a, b):
    """Two modules' egopt --stats-json summed (numbers added, objects merged)."""
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, (int, float)) and isinstance(out.get(k), (int, float)):
            out[k] = out[k] + v
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge_stats(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + v
        elif k not in out:
            out[k] = v
    return out


def objs_sha(objs):
    if len(objs) == 1:
        return sha256(objs[0])
    h = hashlib.sha256()
    for o in objs:
        h.update(bytes.fromhex(sha256(o)))
    return h.hexdigest()


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
    total_bytes = args.reps * sum(os.path.getsize(m) for p in progs for m in p.modules)
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
                objdir = os.path.join(hcommon.WORK, "obj", pr.name)
                os.makedirs(objdir, exist_ok=True)
                o, objs = compile_program(cfg, tools, pr, objdir, args.compile_timeout)
                obj = objs[0]
                seq += 1
                sha = ""
                if o.error:
                    cell.error = o.error
                    fail(f"{pr.name} {cfg.name} (rep {rep + 1})", o.error)
                else:
                    sha = objs_sha(objs)
                    cell.walls.append(o.wall)
                    cell.peaks.append(o.peak_kib)
                    cell.steps.append(o.steps)
                    cell.shas.append(sha)
                    cell.obj, cell.objs = obj, objs
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
            done_bytes += sum(os.path.getsize(m) for m in pr.modules)
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


def object_sizes(llvm_size, objs):
    size = {"text": 0, "data": 0, "bss": 0}
    for obj in objs:
        p = subprocess.run([llvm_size, "-A", obj], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            return None, p.stderr.decode(errors="replace").strip()[:200]
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
    return size, None


def link_program(pr, cell, clang, d):
    """Links the cell's objects in folder d; returns (exe, error)."""
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    exe = os.path.join(d, "prog")
    r = bl.measure(pr.link_command(clang, cell.objs, exe), timeout=300)
    return (exe, None) if r.ok else (None, r.why())


def run_corpus_workload(pr, exe, d, timeout, tool_prefix):
    """The program's workload, each run under `tool_prefix(k)` (a valgrind
    command, or None); returns the corpuslib results or raises its Error."""
    cl = corpus_lib()
    wrap = (lambda cmd, k: tool_prefix(k) + cmd) if tool_prefix else None
    results = cl.workload.run_workload(pr.program, exe, os.path.join(d, "work"), timeout, wrap)
    return results


def quality_one(pr, cfg, cell, args, clang, llvm_size):
    """Object size, link, and the workload under cachegrind. Returns a list of failures."""
    errs = []
    cell.size, why = object_sizes(llvm_size, cell.objs)
    if why:
        errs.append(("size", why))
    d = os.path.join(hcommon.WORK, "run", pr.name, cfg.name)
    exe, why = link_program(pr, cell, clang, d)
    if not exe:
        cell.check = "link failed"
        return errs + [("link", why)]
    if pr.kind == "corpus":
        cl = corpus_lib()
        logs = []

        def prefix(k):
            logs.append(os.path.join(d, f"vg-run{k}.log"))
            return under_cachegrind([], logs[-1])

        try:
            results = run_corpus_workload(pr, exe, d, args.run_timeout, prefix)
            cl.workload.check(pr.program, results)
            cell.check = "ok"
        except cl.common.Error as e:
            cell.check = "workload differs"
            errs.append(("check", str(e)))
            return errs
        counts = [irefs_in(log) for log in logs]
        if None in counts:
            cell.check = "no count"
            return errs + [("cachegrind", f"no 'I refs' line in {logs[counts.index(None)]}")]
        cell.dyn, cell.dyn_parts = sum(counts), tuple(counts)
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
    d = os.path.join(hcommon.WORK, "icount", pr.name, cfg.name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    logs = []

    def wrap(step, cmd):
        logs.append(os.path.join(d, f"vg-{step}.log"))
        return under_cachegrind(cmd, logs[-1])

    o, _ = compile_program(cfg, tools, pr, d, None, wrap, os.path.join(d, "tmp"))
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


def quality_phase(args, progs, cfgs, cells, clang, llvm_size):
    jobs = [(pr, cfg, cells[(pr.name, cfg.name)]) for pr in progs for cfg in cfgs
            if cells[(pr.name, cfg.name)].obj and not cells[(pr.name, cfg.name)].error]
    run_jobs("quality: objects (size, link, workload under cachegrind)", jobs, args.jobs,
             lambda pr, cfg, cell: quality_one(pr, cfg, cell, args, clang, llvm_size))


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


