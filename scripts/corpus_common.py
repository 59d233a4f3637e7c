"""The corpus scripts' shared paths, flags, errors and command runner."""

import argparse
import concurrent.futures
import functools
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from egopt_tools import egopt_problem, glue_option_values, sha256, which  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
CORPUS = os.path.join(REPO, "build", "corpus")
LLVM_BIN = "/usr/lib/llvm-22/bin"

# Flags for every bitcode compile: unoptimized, but without optnone, so that an
# optimizer may still work on the functions; no debug info.
BC_FLAGS = ["-O0", "-Xclang", "-disable-O0-optnone", "-emit-llvm", "-c", "-g0", "-w"]

SOURCE_PACKAGES = ["zlib", "libzstd", "lz4", "xz-utils"]


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


# ----------------------------------------------------------------------------- fetch
