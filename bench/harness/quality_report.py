"""The report's code-quality sections: each corpus program in each input
flavor against LLVM's levels and the floor, the geometric means per half of
the corpus (tuning, validation; docs/corpus.md), the round trip, and the
ablation (what each stage of egopt buys)."""

from benchlib import geomean, md_table, ratio

from programs import ABLATION

HALVES = ("tuning", "validation")


def _dyn(S, p, name):
    s = S.get((p.name, name))
    if not s or s["check"] != "ok":
        return None
    return s["dyn"]


def _r(S, p, a, b):
    return ratio(_dyn(S, p, a), _dyn(S, p, b))


def _x(v):
    return "–" if v is None else f"{v:.3f}"


def group_key(p):
    """(half, flavor): the groups the geometric means are taken over (the
    Rust crate graphs have one flavor, rs0)."""
    return p.half or "–", p.flavor


def quality_sections(add, progs, cfgs, S):
    names = {c.name for c in cfgs}
    corpus = [p for p in progs if p.kind == "corpus"]
    if not corpus or "llvm-O2" not in names:
        return
    add("## Code quality on the corpus, by half and input flavor")
    add("")
    add("Dynamic instructions of each program's workload (cachegrind, whole process), as ratios "
        "(below 1: fewer instructions). `o0`: bitcode from `clang -O0 -Xclang "
        "-disable-O0-optnone`; `o2`: from `clang -O2 -Xclang -disable-llvm-passes`; `rs0`: "
        "`rustc -C opt-level=0` bitcode of each crate of a Rust crate graph. The "
        "tuning half is what egopt's rules and limits were tuned on; the validation half was "
        "never looked at for tuning (docs/corpus.md). `round trip`: `egopt-O2-norules` (lift, "
        "extract and elaborate with no rule) against the floor (the pre-passes and llc alone): "
        "above 1 is code the round trip itself made worse.")
    add("")
    cols = [("floor", "llvm-O2", "floor / O2"), ("llvm-O1", "llvm-O2", "O1 / O2"),
            ("egopt-O2-j1", "llvm-O2", "egopt / O2"), ("egopt-O2-norules", "floor", "round trip")]
    cols = [c for c in cols if c[0] in names and c[1] in names]
    rows = []
    for p in sorted(corpus, key=lambda p: (group_key(p), p.name)):
        half, flavor = group_key(p)
        rows.append([p.name, half, flavor] + [_x(_r(S, p, a, b)) for a, b, _ in cols])
    add(md_table(["program", "half", "flavor"] + [c[2] for c in cols], rows, "lll" + "r" * len(cols)))
    add("")
    groups = {}
    for p in corpus:
        groups.setdefault(group_key(p), []).append(p)
    rows = []
    for key in sorted(groups, key=lambda k: (HALVES.index(k[0]) if k[0] in HALVES else 9, k[1])):
        ps = groups[key]
        r = [key[0], key[1], str(len(ps))]
        for a, b, _ in cols:
            vals = [_r(S, p, a, b) for p in ps]
            r.append(_x(geomean(vals)) if all(v is not None for v in vals) else "–")
        worst = max(((_r(S, p, "egopt-O2-j1", "llvm-O2") or 0), p.name) for p in ps)
        r.append(f"{worst[1]} {worst[0]:.3f}" if worst[0] else "–")
        rows.append(r)
    add("Geometric means per group:")
    add("")
    add(md_table(["half", "flavor", "programs"] + [c[2] for c in cols] + ["worst egopt / O2"],
                 rows, "lll" + "r" * (len(cols) + 1)))
    add("")
    if "egopt-O2-j1" in names:
        rows = []
        for key in sorted(groups):
            ps = groups[key]
            vals = [ratio(S[(p.name, "egopt-O2-j1")]["med"], S[(p.name, "llvm-O2")]["med"])
                    for p in ps]
            if all(v is not None for v in vals):
                rows.append([key[0], key[1], _x(geomean(vals)),
                             _x(max(vals)), max(zip(vals, [p.name for p in ps]))[1]])
        if rows:
            add("Compile time, `egopt-O2-j1` wall / `llvm-O2` wall (opt + llc), medians per "
                "program, then geometric means per group:")
            add("")
            add(md_table(["half", "flavor", "geomean", "largest", "program"], rows, "llrrl"))
            add("")
    present = [c for c in ABLATION if c in names]
    if len(present) >= 3:
        add("### Ablation: what each stage buys")
        add("")
        add("Each column adds one stage to the one before it, at -O2 and one thread: the floor "
            "(pre-passes + llc), `+ pre-passes` (egopt's own pre-passes, no e-graph), `+ e-graph` "
            "(lift, extract, elaborate; no rules, no skeleton optimizations, no loop passes), "
            "`+ rules`, `+ skeleton` (the skeleton's optimizations), `+ loop passes` (= "
            "`egopt-O2-j1`). Cells: dynamic instructions as a ratio to `llvm-O2`.")
        add("")
        label = {"floor": "floor", "egopt-O2-prepasses": "+ pre-passes",
                 "egopt-O2-egraph": "+ e-graph", "egopt-O2-rules": "+ rules",
                 "egopt-O2-skeleton": "+ skeleton", "egopt-O2-j1": "+ loop passes"}
        rows = []
        for p in sorted(corpus, key=lambda p: (group_key(p), p.name)):
            rows.append([p.name] + [_x(_r(S, p, c, "llvm-O2")) for c in present])
        for key in sorted(groups):
            ps = groups[key]
            r = [f"geomean {key[0]} {key[1]}"]
            for c in present:
                vals = [_r(S, p, c, "llvm-O2") for p in ps]
                r.append(_x(geomean(vals)) if all(v is not None for v in vals) else "–")
            rows.append(r)
        add(md_table(["program"] + [label[c] for c in present], rows, "l" + "r" * len(present)))
        add("")
