"""The harness's shared state and helpers: paths, the log, failures, tool versions."""

import argparse
import concurrent.futures
import csv
import fnmatch
import hashlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time


import benchlib as bl  # noqa: E402
from benchlib import Config, median, geomean, ratio, fmt_s, fmt_x, md_table  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import benchlib as bl  # noqa: E402
from benchlib import Config, median, geomean, ratio, fmt_s, fmt_x, md_table  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from egopt_tools import sha256  # noqa: E402

CORPUS_PY = os.path.join(REPO, "scripts", "corpus.py")
CORPUS_BC = os.path.join(REPO, "build", "corpus", "bc")
WORK = os.path.join(REPO, "build", "bench-harness")
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
CSMITH_INCLUDE = "/usr/include/csmith"
CORPUS_NAMES = ["minigzip", "zstd", "lz4", "xz"]

QUICK_PROGRAMS = "minigzip,lz4,xz"
QUICK_SEEDS = "1-3"
QUICK_REPS = 2
QUICK_WORKLOAD_KIB = 128
FULL_WORKLOAD_KIB = 1024

LOG = None
FAILURES = []   # (what, why)



def log(msg=""):
    print(msg, flush=True)
    if LOG:
        LOG.write(msg + "\n")
        LOG.flush()


def fail(what, why):
    FAILURES.append((what, why))
    log(f"FAILED: {what}: {why}")


class SetupError(Exception):
    pass


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("egopt_corpus", CORPUS_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tool_version(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        text = p.stdout.decode(errors="replace")
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    m = re.search(r"LLVM version [\w.\-]+", text) or re.search(r"csmith [\w.\-]+", text)
    if m:
        return m.group(0)
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:80]
    return "unknown"


def git_state():
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short=12", "HEAD"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


