"""A program's workload: its inputs, its runs, and the check against the reference.

The inputs are made once (deterministic bytes, build/corpus/data/NAME/). A
workload runs each Run of the program with a binary; `wrap` may prefix each
command (the harness runs them under cachegrind or callgrind). The result of
each run (exit code, hashes of stdout and output files) must equal what the
reference binary gave at build time (NAME.expect.json).
"""

import hashlib
import json
import os
import subprocess
import threading
import time

from corpuslib.common import DATA_DIR, Error, expect_path, fresh_dir
from egopt_tools import sha256


def _recipe_digest(prog):
    h = hashlib.sha256()
    for f in prog.recipe_files:
        with open(f, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


def input_paths(prog):
    """Makes the program's inputs (once, and again when the files that make
    them change: the stamp holds their digest); returns {name: path}."""
    d = os.path.join(DATA_DIR, prog.name)
    os.makedirs(d, exist_ok=True)
    paths = {}
    made = None
    recipe = _recipe_digest(prog)
    for name in sorted(_input_names(prog)):
        path = os.path.join(d, name)
        stamp = path + ".recipe"
        fresh = os.path.exists(path) and os.path.exists(stamp)
        if fresh:
            with open(stamp) as f:
                fresh = f.read().strip() == recipe
        if not fresh:
            if made is None:
                made = prog.inputs()
            data = made[name]
            # A name of its own: two workloads of one program may make the
            # inputs at once (the harness runs them in parallel).
            tmp = f"{path}.tmp{os.getpid()}-{threading.get_ident()}"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
            with open(stamp, "w") as f:
                f.write(recipe)
        paths[name] = path
    return paths


def _input_names(prog):
    names = set()
    for r in prog.runs:
        if r.stdin and not r.stdin.startswith("@"):
            names.add(r.stdin)
        for a in r.args:
            while "{in:" in a:
                i = a.index("{in:")
                j = a.index("}", i)
                names.add(a[i + 4:j])
                a = a[j + 1:]
    return names


def _subst(arg, paths, tmp):
    out = arg.replace("{tmp}", tmp)
    for name, path in paths.items():
        out = out.replace("{in:" + name + "}", path)
    return out


def run_workload(prog, binary, workdir, timeout=None, wrap=None):
    """Runs the workload with `binary` in `workdir` (emptied first); returns a
    list of {"label", "rc", "stdout", "outputs", "seconds"} per run. `wrap(cmd,
    k)` returns the command to run for run k (default: cmd itself)."""
    paths = input_paths(prog)
    fresh_dir(workdir)
    tmp = fresh_dir(os.path.join(workdir, "tmp"))
    results = []
    for k, r in enumerate(prog.runs):
        cmd = [binary] + [_subst(a, paths, tmp) for a in r.args]
        if wrap:
            cmd = wrap(cmd, k)
        out_path = os.path.join(workdir, f"run{k}.out")
        if r.stdin is None:
            stdin = subprocess.DEVNULL
        elif r.stdin.startswith("@"):
            stdin = open(os.path.join(workdir, f"run{int(r.stdin[1:])}.out"), "rb")
        else:
            stdin = open(paths[r.stdin], "rb")
        t0 = time.time()
        try:
            with open(out_path, "wb") as out:
                p = subprocess.run(cmd, stdin=stdin, stdout=out, stderr=subprocess.PIPE,
                                   cwd=tmp, timeout=timeout or prog.timeout)
        except subprocess.TimeoutExpired:
            raise Error(f"{prog.name} run {k} ({r.label}): timed out after "
                        f"{timeout or prog.timeout:g} s")
        finally:
            if stdin not in (subprocess.DEVNULL, None):
                stdin.close()
        outputs = {}
        for o in r.outputs:
            path = _subst(o, paths, tmp)
            outputs[o] = sha256(path) if os.path.exists(path) else None
        results.append({"label": r.label, "rc": p.returncode, "stdout": sha256(out_path),
                        "outputs": outputs, "seconds": time.time() - t0,
                        "stderr": p.stderr.decode(errors="replace")[-300:]})
    return results


def record_expectation(prog, results):
    with open(expect_path(prog.name), "w") as f:
        json.dump([{k: r[k] for k in ("label", "rc", "stdout", "outputs")} for r in results], f,
                  indent=1)


def check(prog, results):
    """Raises Error when the results differ from the reference binary's."""
    path = expect_path(prog.name)
    if not os.path.exists(path):
        raise Error(f"{path} missing (run `corpus.py build`)")
    expect = json.load(open(path))
    if len(expect) != len(results):
        raise Error(f"{prog.name}: {len(results)} runs, the reference had {len(expect)} "
                    f"(rebuild: `corpus.py build --programs {prog.name}`)")
    for k, (e, r) in enumerate(zip(expect, results)):
        what = f"{prog.name} run {k} ({r['label']})"
        if r["rc"] != e["rc"]:
            sig = f" (signal {-r['rc']})" if r["rc"] < 0 else ""
            raise Error(f"{what}: exit {r['rc']}{sig}, the reference's {e['rc']}: "
                        f"{r['stderr'].strip()[-200:]}")
        if r["stdout"] != e["stdout"]:
            raise Error(f"{what}: standard output differs from the reference's")
        for o, h in e["outputs"].items():
            if r["outputs"].get(o) != h:
                raise Error(f"{what}: {o} differs from the reference's")
