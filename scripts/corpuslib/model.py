"""What a corpus program is: its sources, its inputs and its workload.

A program is one file in scripts/corpuslib/programs/ defining PROGRAM, an
instance of Program (or of a subclass that overrides sources()). The build
compiles its sources to bitcode in each input flavor, links them into one
module, and builds a reference binary (clang -O0); the workload is a list of
Runs of the binary, whose exit codes, standard outputs and output files must
match the reference binary's.
"""

import glob as globmod
import importlib
import json
import os
import shlex
import shutil

from corpuslib.common import CORPUS, Error, RESERVED, bc_path, half_of, log, run_cmd


class Run:
    """One command of a workload.

    args:   the program's arguments; "{in:NAME}" is the path of input NAME,
            "{tmp}" a scratch folder (empty before the workload starts).
    stdin:  None, an input's name, or "@k": the standard output of run k.
    outputs: files under {tmp} the run writes, checked like its stdout.
    """

    def __init__(self, args, stdin=None, outputs=(), label=None):
        self.args = list(args)
        self.stdin = stdin
        self.outputs = list(outputs)
        self.label = label or " ".join(args) or "(no arguments)"


class BuildContext:
    """What sources() gets: where things are, and helpers."""

    def __init__(self, prog, src, objdir, jobs, clang):
        self.prog = prog
        self.src = src                          # the unpacked source package
        self.objdir = objdir                    # the program's scratch folder
        self.gen = os.path.join(objdir, "gen")  # generated headers (add -I yourself)
        self.jobs = jobs
        self.clang = clang
        os.makedirs(self.gen, exist_ok=True)

    def path(self, *parts):
        return os.path.join(self.src, *parts)

    def glob(self, *patterns):
        """Sorted files of the source package matching the patterns."""
        out = []
        for p in patterns:
            out += globmod.glob(os.path.join(self.src, p), recursive=True)
        return sorted(set(out))

    def write(self, name, text):
        """Writes a generated file under gen/ (only when it changed); returns its path."""
        path = os.path.join(self.gen, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)
        return path

    def copy(self, src_rel, name):
        """Copies a file of the package under gen/ (e.g. a config.h.generic)."""
        return self.write(name, open(self.path(src_rel)).read())

    def driver(self, name):
        """A driver source of ours, from scripts/corpuslib/drivers/."""
        return os.path.join(os.path.dirname(os.path.abspath(__file__)), "drivers", name)

    def autotools(self, configure_args, make_targets, env_extra=None, order=None):
        """Configures the package out of tree (once) and captures the compile
        commands its make runs (bear); returns [(file, flags)] sorted by
        `order` (a key of (file, directory); default: the path), a file
        compiled twice kept once, as the first in that order."""
        bdir = os.path.join(self.objdir, "autotools")
        db = os.path.join(bdir, "compile_commands.json")
        stamp = os.path.join(self.objdir, "autotools.stamp")
        key = json.dumps([self.src, configure_args, make_targets])
        if not (os.path.exists(db) and os.path.exists(stamp) and open(stamp).read() == key):
            if os.path.isdir(bdir):
                shutil.rmtree(bdir)
            os.makedirs(bdir)
            env = dict(os.environ, CC="clang-22", CFLAGS="-O0 -g0", **(env_extra or {}))
            log(f"build: {self.prog.name}: ./configure")
            run_cmd([self.path("configure"), "-q"] + configure_args, cwd=bdir, env=env,
                    what=f"{self.prog.name} configure", timeout=900)
            if not shutil.which("bear"):
                raise Error("bear not found (apt-get install bear)")
            for i, (sub, target) in enumerate(make_targets):
                run_cmd(["bear"] + (["--append"] if i else []) + ["--output", db + ".tmp", "--",
                                                                   "make", f"-j{self.jobs}", "-C",
                                                                   sub, target],
                        cwd=bdir, env=env, what=f"{self.prog.name} make {target}", timeout=1800)
            os.rename(db + ".tmp", db)
            with open(stamp, "w") as fh:
                fh.write(key)
        entries = json.load(open(db))
        path = lambda e: os.path.normpath(os.path.join(e["directory"], e["file"]))  # noqa: E731
        entries.sort(key=lambda e: order(path(e), e["directory"]) if order else path(e))
        out, seen = [], set()
        for e in entries:
            args = e.get("arguments") or shlex.split(e["command"])
            f = os.path.normpath(os.path.join(e["directory"], e["file"]))
            if not f.endswith(".c") or f in seen:
                continue
            seen.add(f)
            out.append((f, keep_flags(args, e["directory"])))
        return out


def keep_flags(args, cwd):
    """The preprocessor and language flags of a captured compile command."""
    keep, i = [], 1
    while i < len(args):
        a = args[i]
        if a in ("-I", "-D", "-U", "-include", "-isystem"):
            v = args[i + 1]
            if a in ("-I", "-isystem", "-include") and not os.path.isabs(v):
                v = os.path.normpath(os.path.join(cwd, v))
            keep += [a, v]
            i += 2
            continue
        if a.startswith("-I") or a.startswith("-isystem"):
            p = a[2:] if a.startswith("-I") else a[8:]
            if not os.path.isabs(p):
                p = os.path.normpath(os.path.join(cwd, p))
            keep.append(("-I" if a.startswith("-I") else "-isystem") + p)
        elif a.startswith("-D") or a.startswith("-U") or a.startswith("-std=") or a == "-pthread":
            keep.append(a)
        elif a in ("-o", "-MT", "-MF", "-MQ"):
            i += 1
        i += 1
    return keep


class Program:
    """One corpus program. Subclasses (or instances) set the fields and
    sources(); see the module docstring."""

    name = ""
    package = ""          # the Debian source package
    domain = ""           # compression, interpreter, parser, regex, crypto, ...
    libs = []             # link flags of the binary (e.g. -lm)
    timeout = 120         # seconds one run may take
    recipe_files = []     # set by load_programs: the files inputs() depends on

    def __init__(self, **fields):
        for k, v in fields.items():
            if not hasattr(self, k) and k not in ("runs", "inputs", "files", "flags"):
                raise TypeError(f"unknown program field {k}")
            setattr(self, k, v)

    @property
    def half(self):
        return half_of(self.name)

    # A program sets either files + flags, or overrides sources().
    files = []            # globs under the source package
    flags = []            # preprocessor flags for every file

    def sources(self, b):
        """[(source file, [flags])] of the whole program."""
        files = b.glob(*self.files)
        if not files:
            raise Error(f"{self.name}: no sources match {self.files} under {b.src}")
        flags = [f.replace("{src}", b.src).replace("{gen}", b.gen) for f in self.flags]
        return [(f, flags) for f in files]

    def inputs(self):
        """{name: bytes} of the workload's inputs (deterministic)."""
        return {}

    runs = []

    # The input flavors the program is built in (common.FLAVORS); a program
    # of another language may name its own (a Rust crate graph: "rs0").
    flavors = ("o0", "o2")

    def modules(self, flavor):
        """The bitcode modules of the program in `flavor`: one for C; a Rust
        crate graph has one per crate. Each is compiled on its own."""
        return [bc_path(self.name, flavor)]

    def link_command(self, clang, objects, exe):
        """The command that links the compiled modules into the binary."""
        return [clang] + list(objects) + ["-o", exe] + list(self.libs)

    def reference_command(self, clang, exe):
        """The command that builds the reference binary (unoptimized) from the
        o0 modules."""
        return [clang, "-O0", "-w"] + self.modules(self.flavors[0]) + ["-o", exe] + list(self.libs)

    # build_bitcode(b, clang, llvm_link): a program that is not built as one C
    # module per flavor (a Rust crate graph) defines it to write its
    # modules(); the C build (build.py) is used otherwise.
    build_bitcode = None


def load_programs():
    """Every program of scripts/corpuslib/programs/, sorted by name."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")
    progs = []
    for f in sorted(os.listdir(here)):
        if not f.endswith(".py") or f.startswith("_"):
            continue
        mod = importlib.import_module("corpuslib.programs." + f[:-3])
        p = getattr(mod, "PROGRAM", None)
        if p is None:
            raise Error(f"{f}: defines no PROGRAM")
        if p.name in RESERVED or p.package in RESERVED:
            raise Error(f"{p.name}: reserved for acceptance checks; never in the corpus")
        # What the inputs are made from: a change to it makes them again.
        p.recipe_files = [os.path.join(here, f), os.path.join(os.path.dirname(here), "inputs.py")]
        progs.append(p)
    names = [p.name for p in progs]
    if len(set(names)) != len(names):
        raise Error(f"duplicate program names: {names}")
    return sorted(progs, key=lambda p: p.name)


def select_programs(spec, progs=None):
    progs = progs if progs is not None else load_programs()
    if not spec:
        return progs
    names = [s.strip() for s in spec.split(",") if s.strip()]
    known = {p.name: p for p in progs}
    halves = {"tuning", "validation"}
    out = []
    for n in names:
        if n in halves:
            out += [p for p in progs if p.half == n and p not in out]
        elif n in known:
            if known[n] not in out:
                out.append(known[n])
        else:
            raise Error(f"unknown program {n} (known: {', '.join(known)}, or a half: "
                        f"tuning, validation)")
    return out


def objdir_of(prog):
    return os.path.join(CORPUS, "obj", prog.name)
