"""The corpus's shared paths, input flavors, halves, errors and command runner."""

import hashlib
import os
import shutil
import subprocess
import sys

SCRIPTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS)
from egopt_tools import which  # noqa: E402

REPO = os.path.dirname(SCRIPTS)
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
CORPUS = os.path.join(REPO, "build", "corpus")
BC_DIR = os.path.join(CORPUS, "bc")
DATA_DIR = os.path.join(CORPUS, "data")
LLVM_BIN = "/usr/lib/llvm-22/bin"

# The two input flavors every C program is built in (docs/corpus.md):
#   o0  what `clang -O0` hands a tool, without optnone so an optimizer may still
#       work on the functions (every function is noinline);
#   o2  what a real pipeline hands a mid-end: clang -O2 with LLVM's passes off
#       (no noinline, TBAA, lifetime markers).
FLAVORS = {
    "o0": ["-O0", "-Xclang", "-disable-O0-optnone"],
    "o2": ["-O2", "-Xclang", "-disable-llvm-passes"],
}
# Every bitcode compile: no debug info, no warnings.
BC_COMMON = ["-emit-llvm", "-c", "-g0", "-w"]

# Never in the corpus, never tuned on, never looked at: kept for the
# acceptance checks (docs/corpus.md).
RESERVED = {"sqlite3", "sqlite", "lua5.1", "lua5.2", "lua5.3", "lua5.4", "lua", "bzip2",
            "regex", "regex-syntax", "aho-corasick", "memchr"}

HALVES = ("tuning", "validation")


def half_of(name):
    """The corpus half of a program, fixed by a hash of its name: changes are
    tuned on one half and must help the other too."""
    h = hashlib.sha256(("egopt-corpus-half:" + name).encode()).digest()[0]
    return HALVES[h % 2]


def bc_path(name, flavor):
    return os.path.join(BC_DIR, f"{name}.{flavor}.bc")


def ref_path(name):
    return os.path.join(BC_DIR, f"{name}.ref")


def expect_path(name):
    return os.path.join(BC_DIR, f"{name}.expect.json")


class Error(Exception):
    """A failure worth one line on stderr."""


def log(msg):
    print(msg, flush=True)


def find_tool(name, fallback):
    path = which(name, fallback)
    if path:
        return path
    raise Error(f"cannot find {name} (nor {fallback}); run scripts/setup.sh")


def run_cmd(cmd, cwd=None, timeout=None, stdin=None, stdout=None, env=None, what=None):
    """Runs cmd; raises Error with the tail of its output when it fails."""
    try:
        p = subprocess.run(cmd, cwd=cwd, timeout=timeout, stdin=stdin,
                           stdout=stdout if stdout is not None else subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env)
    except subprocess.TimeoutExpired:
        raise Error(f"{what or cmd[0]}: timed out after {timeout:g} s")
    except OSError as e:
        raise Error(f"{what or cmd[0]}: {e}")
    if p.returncode != 0:
        err = (p.stderr or b"").decode(errors="replace").strip().splitlines()
        sig = f" (signal {-p.returncode})" if p.returncode < 0 else ""
        tail = f": {err[-1].strip()[:300]}" if err else " (no output)"
        raise Error(f"{what or ' '.join(cmd[:3])}: exit {p.returncode}{sig}{tail}")
    return p


def fresh_dir(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    return path
