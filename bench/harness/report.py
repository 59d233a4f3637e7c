"""The report: summaries, CSV files, report.md."""

import csv
import json
import os

import benchlib as bl
from benchlib import fmt_s, fmt_x, geomean, md_table, median, ratio
from hcommon import REPO
from losses import loss_sections
from measure import EG_FIELDS, rounds_count_of, rounds_of, stop_reasons_of
from quality_report import quality_sections


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


def write_report(out, meta, progs, cfgs, S, plots, losses=None):
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
    quality_sections(add, progs, cfgs, S)
    loss_sections(add, losses or {}, md_table, fmt_mi)

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
    if losses:
        add("- `losses.csv`, `losses.json`: every function's instructions under callgrind, "
            "egopt-O2-j1 against llvm-O2 (`--loss-report`)")
    if os.path.exists(os.path.join(out, "egraph_rounds.csv")):
        add("- `egraph_rounds.csv`: e-graph size per round")
    add("")
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write("\n".join(L))


