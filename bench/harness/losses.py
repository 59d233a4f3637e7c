"""The loss report (--loss-report): where, function by function, egopt's
code runs more instructions than LLVM's on the same workload.

Each corpus program's workload runs once more under callgrind for
`egopt-O2-j1` and for `llvm-O2`; each function's own instructions (its
"self" cost, callees not included) are summed over the runs and the two
builds compared by symbol. A function one side inlined shows up as a loss or
a gain of its caller; the table shows both counts so that a reader sees it.
"""

import concurrent.futures
import csv
import json
import os
import re
import shutil
import time

import hcommon
from hcommon import fail, log
from measure import link_program, run_corpus_workload
from programs import corpus_lib

LOSS_CONFIGS = ("egopt-O2-j1", "llvm-O2")  # the default --loss-pair
LOSS_ROWS = 12  # functions per program in report.md; losses.csv has them all

_NAMED = re.compile(r"^\((\d+)\)(?: (.*))?$")
# Suffixes the two compilers give internal symbols they promote for their
# codegen units: egopt's `.egopt.HASH`, LLVM's `.llvm.NUMBER`; then
# callgrind's `'N`, a recursion level of the function.
_PROMOTED = re.compile(r"\.(egopt\.[0-9a-f]+|llvm\.\d+)$")
_RECURSION = re.compile(r"'\d+$")


def function_key(name):
    """The one name of a function on both sides, whatever its spelling."""
    return _PROMOTED.sub("", _RECURSION.sub("", name))


def _name(table, spec):
    """callgrind's name compression: `(n) name` defines n, `(n)` refers to it."""
    m = _NAMED.match(spec)
    if not m:
        return spec
    if m.group(2) is not None:
        table[m.group(1)] = m.group(2)
    return table.get(m.group(1), spec)


def self_costs(path):
    """{(object, function): self Ir} of one callgrind output file."""
    objs, fns, costs = {}, {}, {}
    ob, fn, skip_next = "", "", False
    with open(path, errors="replace") as f:
        for line in f:
            if not line or line[0] in "\n#":
                continue
            c = line[0]
            if c.isdigit() or c in "+-*":
                if skip_next:  # the inclusive cost of a call: the callee's, not ours
                    skip_next = False
                    continue
                parts = line.split()
                if len(parts) >= 2:
                    key = (ob, fn)
                    costs[key] = costs.get(key, 0) + int(parts[1])
                continue
            key, _, value = line.rstrip("\n").partition("=")
            if key == "ob":
                ob = os.path.basename(_name(objs, value))
            elif key == "fn":
                fn = function_key(_name(fns, value))
            elif key in ("cob", "cfn"):
                _name(objs if key == "cob" else fns, value)
            elif key == "calls":
                skip_next = True
    return costs


def profile_one(pr, cfg_name, cell, clang, timeout):
    """Links the cell's objects and runs the workload under callgrind; the
    summed self costs, or raises corpuslib's Error."""
    d = os.path.join(hcommon.WORK, "losses", pr.name, cfg_name)
    exe, why = link_program(pr, cell, clang, d)
    if not exe:
        raise RuntimeError(f"link: {why}")
    outs = []

    def prefix(k):
        outs.append(os.path.join(d, f"callgrind.{k}.out"))
        return ["valgrind", "--tool=callgrind", f"--callgrind-out-file={outs[-1]}",
                f"--log-file={outs[-1]}.log"]

    cl = corpus_lib()
    results = run_corpus_workload(pr, exe, d, timeout, prefix)
    cl.workload.check(pr.program, results)
    total = {}
    for out in outs:
        for key, n in self_costs(out).items():
            total[key] = total.get(key, 0) + n
    shutil.rmtree(d, ignore_errors=True)
    return total


def compare(egopt, llvm):
    """Rows (function, object, egopt Ir, llvm Ir, delta), largest loss first."""
    keys = set(egopt) | set(llvm)
    rows = [(k[1], k[0], egopt.get(k, 0), llvm.get(k, 0), egopt.get(k, 0) - llvm.get(k, 0))
            for k in keys]
    rows.sort(key=lambda r: (-r[4], r[0], r[1]))
    return rows


def loss_phase(args, progs, cells, clang):
    """{program: {"egopt": total, "llvm": total, "rows": compare(...)}}."""
    pair = tuple(args.loss_pair.split(","))
    corpus = [p for p in progs if p.kind == "corpus"]
    jobs = [(p, c) for p in corpus for c in pair
            if (p.name, c) in cells and cells[(p.name, c)].objs and not cells[(p.name, c)].error]
    log(f"losses: {len(jobs)} workloads under callgrind ({args.jobs} at a time)")
    t0 = time.time()
    got = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = {ex.submit(profile_one, p, c, cells[(p.name, c)], clang, args.run_timeout * 4):
                (p, c) for p, c in jobs}
        for fu in concurrent.futures.as_completed(futs):
            p, c = futs[fu]
            try:
                got[(p.name, c)] = fu.result()
            except Exception as e:  # corpuslib's Error, a failed link, a harness bug
                fail(f"{p.name} {c} under callgrind", f"{type(e).__name__}: {e}")
    losses = {}
    for p in corpus:
        e, l = got.get((p.name, pair[0])), got.get((p.name, pair[1]))
        if e is not None and l is not None:
            losses[p.name] = {"egopt": sum(e.values()), "llvm": sum(l.values()),
                              "rows": compare(e, l), "configs": list(pair)}
    log(f"losses: done ({time.time() - t0:.0f} s)")
    return losses


def write_losses(out, losses):
    with open(os.path.join(out, "losses.csv"), "w", newline="") as f:
        w = csv.writer(f)
        pair = next(iter(losses.values())).get("configs", LOSS_CONFIGS)
        w.writerow(["program", "function", "object", *(f"{c}_ir" for c in pair), "delta"])
        for prog in sorted(losses):
            for row in losses[prog]["rows"]:
                w.writerow([prog, *row])
    with open(os.path.join(out, "losses.json"), "w") as f:
        json.dump(losses, f)


def read_losses(out):
    path = os.path.join(out, "losses.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        data = json.load(f)
    for v in data.values():
        # Older runs kept recursion levels apart: merge them into their function.
        egopt, llvm = {}, {}
        for fn, ob, e, l, _ in v["rows"]:
            k = (ob, function_key(fn))
            egopt[k] = egopt.get(k, 0) + e
            llvm[k] = llvm.get(k, 0) + l
        v["rows"] = compare(egopt, llvm)
    return data


def loss_sections(add, losses, md_table, fmt_mi):
    """The report's loss tables: per program, the functions egopt loses most on."""
    if not losses:
        return
    mine, theirs = next(iter(losses.values())).get("configs", LOSS_CONFIGS)
    add("## Where egopt loses (`--loss-report`)")
    add("")
    add("Self instructions per function (callees not included) of the workload under "
        f"`valgrind --tool=callgrind`, `{mine}` against `{theirs}`, largest loss first. "
        "`share` is the function's part of the sum of all losses of that program (the "
        "functions where egopt runs more). A function inlined by one side and not the "
        "other appears with 0 on that side, and its cost moves into its callers. All rows: "
        "`losses.csv`.")
    add("")
    for prog in sorted(losses):
        v = losses[prog]
        rows = v["rows"]
        lost = sum(r[4] for r in rows if r[4] > 0)
        gap = v["egopt"] - v["llvm"]
        add(f"### {prog}: {mine} {fmt_mi(v['egopt'])}, {theirs} {fmt_mi(v['llvm'])} "
            f"({gap / v['llvm'] * 100:+.2f}%)" if v["llvm"] else f"### {prog}")
        add("")
        table = []
        for fn, obj, e, l, delta in rows[:LOSS_ROWS]:
            if delta <= 0:
                break
            table.append([f"`{fn}`", obj, fmt_mi(e), fmt_mi(l), f"{delta:+,}",
                          f"{delta / lost * 100:.1f}%" if lost else "–"])
        if table:
            add(md_table(["function", "object", mine, theirs, "loss", "share"], table,
                         "llrrrr"))
        else:
            add("No function runs more instructions with egopt.")
        gains = [r for r in reversed(rows[-3:]) if r[4] < 0]
        if gains:
            add("")
            add("Largest gains (often a caller that took in a function the other side kept): "
                + ", ".join(f"`{r[0]}` {r[4]:+,}" for r in gains) + ".")
        add("")
