"""The harness's shared state and helpers: paths, the log, failures, tool versions."""

import hashlib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "scripts"))
import egopt_tools  # noqa: E402

sha256 = egopt_tools.sha256


CORPUS_PY = os.path.join(REPO, "scripts", "corpus.py")
CORPUS_BC = os.path.join(REPO, "build", "corpus", "bc")
WORK_ROOT = os.path.join(REPO, "build", "bench-harness")
WORK = WORK_ROOT  # the run's own folder under it: use_work_for()
DEFAULT_EGOPT = os.path.join(REPO, "build", "tools", "egopt", "egopt")
CSMITH_INCLUDE = "/usr/include/csmith"


# --quick: a fixed sample from both halves of the corpus (docs/corpus.md), in
# both flavors, one repetition; under 5 minutes on 2 cores.
QUICK_PROGRAMS = "minigzip,zstd,lz4,xz"
QUICK_SEEDS = "1-2"
QUICK_REPS = 1

LOG = None
FAILURES = []   # (what, why)



def use_work_for(out):
    """Objects, programs and the egopt snapshot of the run that writes `out`
    go in a folder of its own: two runs at once (an experiment beside a full
    run) must not link or time each other's files. Read it as hcommon.WORK."""
    global WORK
    out = os.path.abspath(out)
    digest = hashlib.sha256(out.encode()).hexdigest()[:8]
    WORK = os.path.join(WORK_ROOT, f"{os.path.basename(out)}-{digest}")


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


