"""Fetching and unpacking the corpus's Debian source packages (corpus.py fetch)."""

import functools
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time

from corpuslib.common import Error, log, run_cmd


def deb_src_configured():
    files = []
    if os.path.exists("/etc/apt/sources.list"):
        files.append("/etc/apt/sources.list")
    files += glob.glob("/etc/apt/sources.list.d/*.list")
    files += glob.glob("/etc/apt/sources.list.d/*.sources")
    for f in files:
        try:
            text = open(f, encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        if f.endswith(".sources"):
            if re.search(r"^Types:.*\bdeb-src\b", text, re.M):
                return True
        elif re.search(r"^\s*deb-src\s", text, re.M):
            return True
    return False


def make_deb_src():
    """Writes /etc/apt/sources.list.d/egopt-src.sources derived from the machine's own entries."""
    src = "/etc/apt/sources.list.d/debian.sources"
    if os.path.exists(src):
        text = open(src, encoding="utf-8").read()
        new, n = re.subn(r"^Types:\s*deb\s*$", "Types: deb-src", text, flags=re.M)
        if n == 0:
            raise Error(f"{src} has no 'Types: deb' entry to derive a deb-src entry from")
        dest = "/etc/apt/sources.list.d/egopt-src.sources"
    elif os.path.exists("/etc/apt/sources.list"):
        lines = [l for l in open("/etc/apt/sources.list", encoding="utf-8")
                 if re.match(r"^\s*deb\s", l)]
        if not lines:
            raise Error("/etc/apt/sources.list has no 'deb' line to derive a deb-src line from")
        new = "".join(re.sub(r"^\s*deb\s", "deb-src ", l, count=1) for l in lines)
        dest = "/etc/apt/sources.list.d/egopt-src.list"
    else:
        raise Error("no apt sources found to derive a deb-src entry from")
    header = "# Written by egopt's scripts/corpus.py: source packages for the corpus.\n"
    try:
        with open(dest, "w", encoding="utf-8") as f:
            f.write(header + new)
    except OSError as e:
        raise Error(f"cannot write {dest}: {e} (run as root)")
    log(f"fetch: wrote {dest}")


def as_root(cmd):
    if os.geteuid() == 0:
        return cmd
    if shutil.which("sudo"):
        return ["sudo"] + cmd
    raise Error(f"{cmd[0]} needs root (and sudo is not available)")


def install_packages(packages):
    """Installs the Debian packages not yet installed (the Rust graphs' crate
    sources). --no-install-recommends: the recommends pull in reserved crates."""
    missing = [p for p in packages if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL).stdout.decode().find("install ok installed") < 0]
    if not missing:
        return
    log(f"fetch: apt-get install {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run_cmd(as_root(["apt-get", "install", "-y", "-qq", "--no-install-recommends"] + missing),
            env=env, what="apt-get install")


def marker_path(workdir, pkg):
    return os.path.join(workdir, f".{pkg}.dir")


def source_dir(workdir, pkg):
    """The unpacked source tree of a package, or None."""
    m = marker_path(workdir, pkg)
    if os.path.exists(m):
        d = os.path.join(workdir, open(m).read().strip())
        if os.path.isdir(d):
            return d
    return None


def fetch_packages(workdir, packages):
    """Downloads and unpacks the source packages not yet in `workdir`."""
    workdir = os.path.abspath(workdir)
    os.makedirs(workdir, exist_ok=True)
    packages = sorted(set(packages))
    missing = [p for p in packages if source_dir(workdir, p) is None]
    if not missing:
        log(f"fetch: all {len(packages)} source packages present in {workdir}")
        return 0
    if not shutil.which("dpkg-source"):
        raise Error("dpkg-source not found: apt-get source needs dpkg-dev (run scripts/setup.sh)")
    if not deb_src_configured():
        if os.geteuid() != 0:
            raise Error("no deb-src entry configured and not root: run `corpus.py fetch` as root")
        make_deb_src()
        t0 = time.time()
        run_cmd(as_root(["apt-get", "update", "-qq"]), what="apt-get update", timeout=900)
        log(f"fetch: apt-get update ({time.time() - t0:.1f} s)")
    for pkg in missing:
        # `apt-cache showsrc` fails without source indices: update once then.
        p = subprocess.run(["apt-cache", "showsrc", pkg], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if p.returncode != 0 or not p.stdout.strip():
            log("fetch: no source index yet; apt-get update")
            run_cmd(as_root(["apt-get", "update", "-qq"]), what="apt-get update", timeout=900)
            p = subprocess.run(["apt-cache", "showsrc", pkg], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
            if p.returncode != 0 or not p.stdout.strip():
                raise Error(f"apt-cache showsrc {pkg}: no such source package")
        t0 = time.time()
        # Unpack into a scratch folder first so a half-finished run leaves nothing behind.
        scratch = tempfile.mkdtemp(prefix=f".{pkg}-", dir=workdir)
        try:
            fetch_some_version(pkg, source_versions(p.stdout.decode()), scratch)
            dirs = [d for d in os.listdir(scratch) if os.path.isdir(os.path.join(scratch, d))]
            if len(dirs) != 1:
                raise Error(f"apt-get source {pkg}: expected one unpacked folder, got {dirs}")
            for name in os.listdir(scratch):
                dest = os.path.join(workdir, name)
                if os.path.isdir(dest):
                    shutil.rmtree(dest)
                elif os.path.exists(dest):
                    os.remove(dest)
                os.rename(os.path.join(scratch, name), dest)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        with open(marker_path(workdir, pkg), "w") as f:
            f.write(dirs[0] + "\n")
        log(f"fetch: {pkg} -> {os.path.join(workdir, dirs[0])} ({time.time() - t0:.1f} s)")
    return 0


def source_versions(showsrc):
    """The versions `apt-cache showsrc` lists, newest first, each once."""
    versions = []
    for line in showsrc.splitlines():
        if line.startswith("Version:"):
            v = line.split(":", 1)[1].strip()
            if v not in versions:
                versions.append(v)
    versions.sort(key=functools.cmp_to_key(compare_debian_versions), reverse=True)
    return versions


def compare_debian_versions(a, b):
    p = subprocess.run(["dpkg", "--compare-versions", a, "lt", b])
    return -1 if p.returncode == 0 else (0 if a == b else 1)


def fetch_some_version(pkg, versions, scratch):
    """`apt-get source` of the newest version the mirror serves: a security
    mirror can list a version in its index yet answer 404 for its files, and
    then an older version from the main archive still builds the corpus."""
    errors = []
    for v in versions or [None]:
        spec = pkg if v is None else f"{pkg}={v}"
        try:
            run_cmd(["apt-get", "source", "-qq", spec], cwd=scratch,
                    what=f"apt-get source {spec}", timeout=900)
            if v is not None and v != versions[0]:
                log(f"fetch: {pkg}: the newest version could not be fetched; using {v}")
            return
        except Error as e:
            errors.append(str(e).splitlines()[0])
            for name in os.listdir(scratch):
                path = os.path.join(scratch, name)
                shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    raise Error(f"apt-get source {pkg}: no version could be fetched ({'; '.join(errors)})")


# ----------------------------------------------------------------------------- build
