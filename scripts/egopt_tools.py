"""Helpers shared by egopt's Python tools (scripts/ and bench/harness/)."""
import hashlib
import os
import shutil


def which(name, fallback=None):
    """`name` on PATH, else `fallback` if it is executable, else None."""
    path = shutil.which(name)
    if path:
        return path
    if fallback and os.access(fallback, os.X_OK):
        return fallback
    return None


def egopt_problem(path):
    """None when `path` is an executable file, else the one-line reason
    (`path` made absolute) to report."""
    path = os.path.abspath(path)
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return None
    return f"egopt not found or not executable: {path} (build it, or pass --egopt PATH)"


def sha256(path):
    """The SHA-256 of a file, as hex."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blk in iter(lambda: f.read(1 << 20), b""):
            h.update(blk)
    return h.hexdigest()


def glue_option_values(argv, options):
    """`--egopt-flags -j2` would make argparse take `-j2` for an option of its
    own: glue each named option's value on (`--egopt-flags=-j2`)."""
    out, i = [], 0
    while i < len(argv):
        if argv[i] in options and i + 1 < len(argv):
            out.append(argv[i] + "=" + argv[i + 1])
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out
