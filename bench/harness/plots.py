"""The harness's plots (matplotlib, Agg backend: no display needed)."""

import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from benchlib import geomean, ratio  # noqa: E402

STYLE = {"llvm": ("tab:blue", "o"), "floor": ("tab:gray", "s"), "split": ("tab:green", "^"),
         "egopt": ("tab:red", "D")}


def config_style(cfg, cfgs):
    """A distinct (color, marker) per configuration: the family picks the hue, the level
    the shade, the thread count the marker."""
    markers = ["D", "o", "s", "^", "v", "P", "X", "*"]
    threads = sorted({c.threads for c in cfgs})
    tm = markers[threads.index(cfg.threads) % len(markers)]
    if cfg.family == "llvm":
        return {1: "#9ecae1", 2: "#3182bd", 3: "#08519c"}.get(cfg.level, "tab:blue"), "o"
    if cfg.family == "floor":
        return "black", "s"
    if cfg.family == "split":
        return "tab:green", tm
    return {1: "#fd8d3c", 2: "#e31a1c", 3: "#810f7c"}.get(cfg.level, "tab:red"), tm


def _panels(n):
    cols = min(n, 3) if n > 1 else 1
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(5.2 * cols, 4.2 * rows), squeeze=False)
    flat = [a for row in axes for a in row]
    for a in flat[n:]:
        a.axis("off")
    return fig, flat[:n]


def _groups(progs):
    """Corpus programs one by one, csmith programs as one group."""
    out = [(p.name, [p]) for p in progs if p.kind == "corpus"]
    cs = [p for p in progs if p.kind == "csmith"]
    if cs:
        out.append((f"csmith (sum of {len(cs)})", cs))
    return out


def _sum(S, group, name, key="med"):
    vals = [S[(p.name, name)][key] for p in group]
    return None if any(v is None for v in vals) else sum(vals)


def compile_vs_quality(out, progs, cfgs, S):
    groups = _groups(progs)
    if "llvm-O2" not in {c.name for c in cfgs}:
        return None
    fig, axes = _panels(len(groups))
    for ax, (title, group) in zip(axes, groups):
        for cfg in cfgs:
            x = _sum(S, group, cfg.name)
            y = geomean([ratio(S[(p.name, cfg.name)]["dyn"], S[(p.name, "llvm-O2")]["dyn"]) for p in group])
            if x is None or y is None:
                continue
            color, marker = config_style(cfg, cfgs)
            ax.scatter([x], [y], color=color, marker=marker, s=46, zorder=3, alpha=0.85,
                       edgecolors="white", linewidths=0.5)
        ax.set_title(title)
        ax.set_xlabel("compile time, median (s)" + (", summed" if len(group) > 1 else ""))
        ax.set_ylabel("dynamic instructions / llvm-O2" + (" (geomean)" if len(group) > 1 else ""))
        ax.axhline(1.0, color="#3182bd", lw=0.6, ls=":")
        ax.grid(alpha=0.3)
    handles = []
    for cfg in cfgs:
        color, marker = config_style(cfg, cfgs)
        handles.append(plt.Line2D([], [], color=color, marker=marker, ls="", label=cfg.name))
    spare = [a for a in fig.axes if not a.axison]
    fig.suptitle("Compile time vs code quality (lower left is better)")
    if spare:  # an empty panel holds the legend
        spare[0].legend(handles=handles, loc="center", ncol=2 if len(handles) > 8 else 1,
                        frameon=False, fontsize=8)
        fig.tight_layout(rect=(0, 0, 1, 0.96))
    else:
        fig.legend(handles=handles, loc="lower center", ncol=min(7, len(handles)), frameon=False,
                   fontsize=8)
        rows = (len(cfgs) + 6) // 7
        fig.tight_layout(rect=(0, 0.04 + 0.035 * rows, 1, 0.96))
    fn = "compile_vs_quality.png"
    fig.savefig(os.path.join(out, fn), dpi=110)
    plt.close(fig)
    return ("Compile time vs code quality", fn)


def speedup(out, progs, cfgs, S, series):
    if not series:
        return None
    groups = _groups(progs)
    fig, axes = _panels(len(groups))
    for ax, (title, group) in zip(axes, groups):
        top = 1
        for name, base, fam in series:
            b = _sum(S, group, base)
            xs, ys = [], []
            for n, cname in fam:
                v = _sum(S, group, cname)
                if b and v:
                    xs.append(n)
                    ys.append(b / v)
                    top = max(top, n)
            if xs:
                color = "tab:green" if "LLVM" in name else None
                ax.plot(xs, ys, marker="o", label=name, color=color)
        ax.plot([1, top], [1, top], ls="--", color="black", lw=0.7, label="ideal")
        ax.set_xticks(sorted({n for _, _, fam in series for n, _ in fam}))
        ax.set_title(title)
        ax.set_xlabel("threads")
        ax.set_ylabel("speedup over 1 thread")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle("Speedup with threads (median wall time)")
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    fn = "speedup.png"
    fig.savefig(os.path.join(out, fn), dpi=110)
    plt.close(fig)
    return ("Speedup with threads", fn)


def egraph_size(out, progs, cfgs, S, rounds_of):
    eg = [c for c in cfgs if c.family == "egopt" and c.threads == 1]
    if not eg:
        return None
    per_round = {}
    for p in progs:
        for c in eg:
            st = S[(p.name, c.name)].get("stats")
            r = rounds_of(st) if st else None
            if r and any(x["enodes"] is not None for x in r):
                per_round[(p.name, c.name)] = r
    fig, ax = plt.subplots(figsize=(max(6, 0.7 * len(progs) + 3), 4.5))
    if per_round:
        for (pn, cn), r in sorted(per_round.items()):
            ax.plot(range(1, len(r) + 1), [x["enodes"] for x in r], marker=".", label=f"{pn} {cn}")
        ax.set_xlabel("round")
        ax.set_ylabel("e-nodes")
        ax.set_yscale("log")
        ax.legend(fontsize=6, ncol=2)
        ax.set_title("E-graph size per round")
    else:
        width = 0.8 / len(eg)
        for i, c in enumerate(eg):
            vals = [((S[(p.name, c.name)].get("stats") or {}).get("enodes") or 0) for p in progs]
            ax.bar([k + i * width for k in range(len(progs))], vals, width, label=f"-O{c.level}")
        ax.set_xticks([k + 0.4 - width / 2 for k in range(len(progs))])
        ax.set_xticklabels([p.name for p in progs], rotation=45, ha="right", fontsize=8)
        ax.set_yscale("log")
        ax.set_ylabel("e-nodes (whole module)")
        ax.legend()
        ax.set_title("E-graph size per program (no per-round data yet)")
    ax.grid(alpha=0.3, axis="y")
    fig.tight_layout()
    fn = "egraph_size.png"
    fig.savefig(os.path.join(out, fn), dpi=110)
    plt.close(fig)
    return ("E-graph size", fn)


def phases(out, progs, cfgs, S):
    eg = [c for c in cfgs if c.family == "egopt"]
    rows = []
    for title, group in _groups(progs):
        for c in eg:
            ph = [S[(p.name, c.name)].get("phases") for p in group]
            if any(not x for x in ph):
                continue
            wall = _sum(S, group, c.name)
            rows.append((f"{title} {c.name.replace('egopt-', '')}", group, c, ph, wall))
    if not rows:
        return None
    parts = ["pre_passes", "split", "lift", "egraph", "extract", "lower", "codegen", "join"]
    parts = [k for k in parts if any(k in x for r in rows for x in r[3])]
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(rows) + 1.6))
    colors = plt.get_cmap("tab10")
    for i, (label, group, c, ph, wall) in enumerate(rows):
        left = 0.0
        unit_keys = ("lift", "egraph", "extract", "lower", "codegen")
        unit_sum = sum(x.get(k, 0) for x in ph for k in unit_keys)
        unit_wall = sum(x.get("units_wall", 0) for x in ph)
        scale = unit_wall / unit_sum if unit_sum > 0 and unit_wall > 0 else 1.0
        for j, k in enumerate(parts):
            v = sum(x.get(k, 0) for x in ph)
            if k in unit_keys:
                v *= scale  # summed over units: shown as its share of the parallel phase
            ax.barh(i, v, left=left, color=colors(j), label=k if i == 0 else None)
            left += v
        outside = max(0.0, wall - sum(x.get("total", 0) for x in ph))
        ax.barh(i, outside, left=left, color="lightgray", label="outside" if i == 0 else None)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r[0] for r in rows], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("seconds (per-unit phases as their share of the parallel phase's wall time)")
    ax.set_title("egopt: time per phase (median)")
    ax.legend(fontsize=7, ncol=5, loc="lower right")
    ax.grid(alpha=0.3, axis="x")
    fig.tight_layout()
    fn = "egopt_phases.png"
    fig.savefig(os.path.join(out, fn), dpi=110)
    plt.close(fig)
    return ("egopt: time per phase", fn)


def compile_times(out, progs, cfgs, S):
    groups = _groups(progs)
    fig, axes = _panels(len(groups))
    for ax, (title, group) in zip(axes, groups):
        names, meds, lo, hi, colors = [], [], [], [], []
        for c in cfgs:
            m = _sum(S, group, c.name)
            if m is None:
                continue
            mn, mx = _sum(S, group, c.name, "min"), _sum(S, group, c.name, "max")
            names.append(c.name)
            meds.append(m)
            lo.append(m - mn)
            hi.append(mx - m)
            colors.append(STYLE[c.family][0])
        ax.barh(range(len(names)), meds, xerr=[lo, hi], color=colors, capsize=2)
        ax.set_yticks(range(len(names)))
        ax.set_yticklabels(names, fontsize=7)
        ax.invert_yaxis()
        ax.set_title(title)
        ax.set_xlabel("compile time (s), median, min–max")
        ax.grid(alpha=0.3, axis="x")
    fig.tight_layout()
    fn = "compile_time.png"
    fig.savefig(os.path.join(out, fn), dpi=110)
    plt.close(fig)
    return ("Compile time per configuration", fn)


def make_all(out, progs, cfgs, S, series, rounds_of):
    made = [compile_vs_quality(out, progs, cfgs, S), speedup(out, progs, cfgs, S, series),
            egraph_size(out, progs, cfgs, S, rounds_of), compile_times(out, progs, cfgs, S),
            phases(out, progs, cfgs, S)]
    return [m for m in made if m]
