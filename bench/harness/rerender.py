"""Rebuilding report.md, the summaries and the plots of an earlier run from its files."""

import csv
import json
import os
import re

from benchlib import Config
import hcommon
from hcommon import CORPUS_BC
from losses import read_losses, write_losses
from measure import Cell, rounds_of
from programs import VARIANTS, Prog
from report import speedup_series, summarize, write_csvs, write_report


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
    m = re.fullmatch(r"egopt-O(\d)-(\w+)", name)
    variant = next((v for v in VARIANTS if m and v[0] == m.group(2)), None)
    if variant:
        return Config("egopt", int(m.group(1)), 1, variant)
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
              os.path.join(hcommon.WORK, "csmith", "seed-" + name.split("-", 1)[1], "prog.bc"))
        meta["programs"].append({"name": name, "kind": kind, "bc": bc, "bc_kib": int(kib.split()[0]),
                                 "bc_sha": sha, "workload": workload})
    if "## Failures\n\n" in text:
        for line in text.split("## Failures\n\n", 1)[1].split("\n\n", 1)[0].splitlines():
            what, _, why = line[2:].partition(": ")
            meta["failures"].append((what, why))
    return meta


def rerender(out, no_plots):
    out = os.path.abspath(out)
    hcommon.use_work_for(out)
    mp = os.path.join(out, "meta.json")
    meta = json.load(open(mp)) if os.path.exists(mp) else meta_from_report(out)
    progs = []
    for d in meta["programs"]:
        p = Prog(d["name"], d["kind"], [d["bc"]])
        p.workload, p.bc_kib, p.bc_sha = d["workload"], d["bc_kib"], d["bc_sha"]
        p.flavor, p.half = d.get("flavor", "o0"), d.get("half", "")
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
    losses = read_losses(out)
    if losses:
        write_losses(out, losses)
    write_report(out, meta, progs, cfgs, S, plots, losses)
    print(f"harness: re-rendered {os.path.join(out, 'report.md')} from its CSV files and stats/")
    return 0


