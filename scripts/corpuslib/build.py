"""Building a program: bitcode in each flavor, the reference binary, its expectation."""

import concurrent.futures
import os
import shlex
import shutil
import time

from corpuslib.common import (BC_COMMON, BC_DIR, CORPUS, FLAVORS, Error, bc_path, fresh_dir,
                              ref_path, run_cmd)
from corpuslib.model import BuildContext, objdir_of
from corpuslib.sources import source_dir
from corpuslib.workload import record_expectation, run_workload


def _unit_name(f, src, objdir):
    rel = os.path.relpath(f, src)
    if rel.startswith(".."):
        rel = os.path.relpath(f, objdir)
    if rel.startswith(".."):
        rel = os.path.basename(os.path.dirname(f)) + os.sep + os.path.basename(f)
    return os.path.splitext(rel)[0].replace(os.sep, "__") + ".bc"


def compile_flavor(prog, units, flavor, src, objdir, clang, llvm_link, jobs):
    """Compiles every unit in `flavor` and links them into the program's module."""
    bcdir = os.path.join(objdir, "bc-" + flavor)
    os.makedirs(bcdir, exist_ok=True)
    outs, cmds = [], []

    def one(f, flags, out):
        lang = ["-x", "c++"] if f.endswith((".cc", ".cpp")) else []
        cmd = [clang] + FLAVORS[flavor] + BC_COMMON + lang + flags + [f, "-o", out]
        run_cmd(cmd, what=f"{prog.name} ({flavor}): clang {os.path.basename(f)}", timeout=600)
        return cmd

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = []
        for f, flags in units:
            out = os.path.join(bcdir, _unit_name(f, src, objdir))
            outs.append(out)
            futs.append(ex.submit(one, f, flags, out))
        for fu in futs:
            cmds.append(fu.result())
    with open(os.path.join(objdir, f"commands-{flavor}.sh"), "w") as fh:
        fh.write(f"#!/bin/sh\n# The bitcode compiles of {prog.name}, flavor {flavor} "
                 "(written by scripts/corpus.py).\nset -e\n")
        for c in cmds:
            fh.write(" ".join(shlex.quote(x) for x in c) + "\n")
    bc = bc_path(prog.name, flavor)
    run_cmd([llvm_link] + outs + ["-o", bc + ".tmp"], what=f"llvm-link {prog.name} ({flavor})",
            timeout=600)
    os.replace(bc + ".tmp", bc)
    return bc


def build_program(prog, srcroot, clang, llvm_link, jobs, timeout):
    """Builds both flavors, the reference binary and the expectation; returns a note."""
    src = source_dir(srcroot, prog.package) if prog.package else None
    if prog.package and src is None:
        raise Error(f"source package {prog.package} not fetched (run `corpus.py fetch`)")
    objdir = objdir_of(prog)
    os.makedirs(objdir, exist_ok=True)
    os.makedirs(BC_DIR, exist_ok=True)
    t0 = time.time()
    b = BuildContext(prog, src or objdir, objdir, jobs, clang)
    if prog.build_bitcode:
        prog.build_bitcode(b, clang, llvm_link)
        units, t_prep = [], 0.0
    else:
        units = prog.sources(b)
        t_prep = time.time() - t0
        for flavor in prog.flavors:
            compile_flavor(prog, units, flavor, src or objdir, objdir, clang, llvm_link, jobs)
    t_cc = time.time() - t0 - t_prep
    ref = ref_path(prog.name)
    run_cmd(prog.reference_command(clang, ref), what=f"link {prog.name}.ref", timeout=600)
    t2 = time.time()
    wdir = os.path.join(CORPUS, "refrun", prog.name)
    results = run_workload(prog, ref, wdir, timeout)
    bad = [r for r in results if r["rc"] != 0 and not getattr(prog, "nonzero_exit_ok", False)]
    if bad:
        raise Error(f"{prog.name}: the reference binary failed run '{bad[0]['label']}' "
                    f"(exit {bad[0]['rc']}): {bad[0]['stderr'].strip()[-200:]}")
    record_expectation(prog, results)
    shutil.rmtree(wdir, ignore_errors=True)
    t_run = time.time() - t2
    last = prog.flavors[-1]
    size = sum(os.path.getsize(m) for m in prog.modules(last)) // 1024
    prep = f"prepare {t_prep:.1f} s, " if t_prep >= 1 else ""
    files = f"{len(units)} files, " if units else ""
    return (f"{files}{size} KiB bitcode ({last}), {prep}compile {t_cc:.1f} s, "
            f"reference workload {t_run:.2f} s ({len(results)} runs)")


def clean_program(prog):
    fresh_dir(objdir_of(prog))
