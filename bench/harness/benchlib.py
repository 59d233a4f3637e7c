"""Measurement code shared by bench/harness/run.py and bench/harness/scaling.py.

Python standard library only: scaling.py runs from a packed copy (pack.sh) on machines
that have no compiler and no extra Python packages.

- measure() runs one command and returns its wall time and peak resident memory (the
  kernel's ru_maxrss from wait4(), the figure `/usr/bin/time -f %M` prints, in KiB; it
  covers the children the command waited for, e.g. the ld.lld that egopt starts).
- Config is one compiler configuration (LLVM's opt + llc, the pre-pass floor, LLVM's
  own parallel codegen with llvm-split, or egopt) and knows how to compile a bitcode
  module into a relocatable object with it.
- machine_info() and CpuMeter describe the machine and how busy other processes kept
  it while we measured.
"""

import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import threading
import time

LLVM_BIN = "/usr/lib/llvm-22/bin"

# What follows every `opt` configuration, and what each llvm-split part goes through.
LLC_FLAGS = ["-O2", "-relocation-model=pic", "-filetype=obj"]

# The pre-passes egopt runs at -O2 (pipeline/lib/Pipeline.cpp runPrePasses), in the new
# pass manager's text syntax: always-inline; SROA + simplifycfg on every function; IPSCCP
# without function specialization; the CGSCC inliner with SROA + simplifycfg + tail-call
# marking interleaved, and function-attribute inference. egopt's own small-loop unroller
# (SmallLoopUnroll) has no text name, so the floor leaves it out.
PRE_PASSES = ("always-inline,function(sroa<modify-cfg>,simplifycfg),ipsccp<no-func-spec>,"
              "cgscc(inline,function(sroa<modify-cfg>,simplifycfg,tailcallelim),function-attrs)")

# egopt's --stats-json "seconds" fields, in pipeline order (Stats::toJson). Fields that
# a later egopt adds are kept too, after these.
EGOPT_PHASES = ["pre_passes", "split", "lift", "egraph", "extract", "lower", "codegen",
                "units_wall", "join", "total"]


# ----------------------------------------------------------------------------- processes

class RunResult:
    def __init__(self, cmd, rc, wall, maxrss_kib, err, timed_out):
        self.cmd, self.rc, self.wall, self.maxrss_kib = cmd, rc, wall, maxrss_kib
        self.err, self.timed_out = err, timed_out

    @property
    def ok(self):
        return self.rc == 0 and not self.timed_out

    def why(self):
        """One line: why the command failed."""
        name = os.path.basename(self.cmd[0]) if self.cmd else "?"
        if self.timed_out:
            return f"{name}: timed out after {self.wall:.0f} s"
        lines = [l.strip() for l in self.err.splitlines() if l.strip()]
        sig = f" (signal {-self.rc})" if self.rc < 0 else ""
        return f"{name}: exit {self.rc}{sig}" + (f": {lines[-1][:240]}" if lines else "")


def _start(cmd, stdin, stdout, env, cwd):
    fin = open(stdin, "rb") if isinstance(stdin, str) else subprocess.DEVNULL
    fout = open(stdout, "wb") if isinstance(stdout, str) else subprocess.DEVNULL
    try:
        # stderr into a pipe read by a thread: a tool that writes much cannot block.
        p = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=subprocess.PIPE, env=env,
                             cwd=cwd, start_new_session=True)
    finally:
        if fin is not subprocess.DEVNULL:
            fin.close()
        if fout is not subprocess.DEVNULL:
            fout.close()
    chunks = []
    t = threading.Thread(target=lambda: chunks.append(p.stderr.read()), daemon=True)
    t.start()
    return p, t, chunks


def _reap(p, t, chunks, t0, timeout):
    """Waits for p with wait4 (for its rusage), killing its process group on timeout."""
    killed = []

    def kill():
        killed.append(True)
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass

    timer = None
    if timeout:
        remaining = max(0.0, timeout - (time.perf_counter() - t0))
        timer = threading.Timer(remaining, kill)
        timer.start()
    while True:
        try:
            _, status, ru = os.wait4(p.pid, 0)
            break
        except InterruptedError:
            continue
    wall = time.perf_counter() - t0
    if timer:
        timer.cancel()
    rc = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    p.returncode = rc  # reaped here; keep subprocess from waiting again
    t.join()
    p.stderr.close()
    err = b"".join(c for c in chunks if c).decode(errors="replace")
    return RunResult(p.args, rc, wall, ru.ru_maxrss, err, bool(killed))


def measure(cmd, timeout=None, stdin=None, stdout=None, env=None, cwd=None):
    """Runs cmd; returns a RunResult (wall seconds, peak RSS in KiB, stderr)."""
    t0 = time.perf_counter()
    try:
        p, t, chunks = _start(cmd, stdin, stdout, env, cwd)
    except OSError as e:
        return RunResult(cmd, 127, time.perf_counter() - t0, 0, str(e), False)
    return _reap(p, t, chunks, t0, timeout)


def measure_parallel(cmds, timeout=None, env=None, cwd=None):
    """Starts every command at once and waits for all. Returns (wall, summed peak RSS,
    [RunResult]): the summed peaks bound the memory the commands held together."""
    t0 = time.perf_counter()
    started, results = [], [None] * len(cmds)
    for i, c in enumerate(cmds):
        try:
            started.append((i, _start(c, None, None, env, cwd)))
        except OSError as e:
            results[i] = RunResult(c, 127, 0.0, 0, str(e), False)
    waiters = []
    for i, (p, t, chunks) in started:
        def wait(i=i, p=p, t=t, chunks=chunks):
            results[i] = _reap(p, t, chunks, t0, timeout)
        w = threading.Thread(target=wait)
        w.start()
        waiters.append(w)
    for w in waiters:
        w.join()
    wall = time.perf_counter() - t0
    return wall, sum(r.maxrss_kib for r in results), results


# ----------------------------------------------------------------------------- tools

class Tools:
    """Where the compilers are, and how to start them.

    `prefix` goes before every command: empty normally; for a packed copy run on a
    machine whose C library is older than the one the tools were built against, the
    packed dynamic loader (`ld-linux-x86-64.so.2 --library-path ...`). `lld_for_egopt`
    is what egopt gets as --lld (None: its configured ld.lld)."""

    def __init__(self, opt, llc, llvm_split, ld_lld, egopt, prefix=(), env=None,
                 lld_for_egopt=None):
        self.opt, self.llc, self.llvm_split, self.ld_lld = opt, llc, llvm_split, ld_lld
        self.egopt = egopt
        self.prefix = list(prefix)
        self.env = env
        self.lld_for_egopt = lld_for_egopt

    def cmd(self, tool, *args):
        return self.prefix + [getattr(self, tool)] + [str(a) for a in args]

    def missing(self):
        return [f"{n} ({getattr(self, n)})" for n in ("opt", "llc", "llvm_split", "ld_lld", "egopt")
                if not (os.path.isfile(getattr(self, n)) and os.access(getattr(self, n), os.X_OK))]

    @staticmethod
    def system(egopt, llvm_bin=LLVM_BIN):
        return Tools(os.path.join(llvm_bin, "opt"), os.path.join(llvm_bin, "llc"),
                     os.path.join(llvm_bin, "llvm-split"), os.path.join(llvm_bin, "ld.lld"),
                     egopt)


# ----------------------------------------------------------------------------- configurations

class Outcome:
    """One compile: wall seconds, peak KiB, seconds per step, egopt's stats, or an error."""

    def __init__(self):
        self.wall = 0.0
        self.peak_kib = 0
        self.steps = {}
        self.stats = None
        self.error = None


class Config:
    """A way to compile bitcode to an object.

    family: "llvm" (opt -O<level> + llc), "floor" (opt with egopt's pre-passes only +
    llc), "split" (opt -O<level>, llvm-split into <threads> parts, <threads> llc in
    parallel, ld.lld -r), "egopt" (egopt -O<level> -j<threads>)."""

    def __init__(self, family, level=2, threads=1, variant=None):
        self.family, self.level, self.threads = family, level, threads
        # An egopt variant: (name, extra flags), for the ablation and the
        # round trip (`egopt-O2-norules`, ...).
        self.variant = variant
        # Flags every egopt configuration of a run adds (run.py --egopt-flags).
        self.extra_flags = []
        if family == "egopt" and variant:
            self.name = f"egopt-O{level}-{variant[0]}"
        elif family == "llvm":
            self.name = f"llvm-O{level}"
        elif family == "floor":
            self.name = "floor"
        elif family == "split":
            self.name = f"llvm-split-j{threads}"
        elif family == "egopt":
            self.name = f"egopt-O{level}-j{threads}"
        else:
            raise ValueError(family)

    def __repr__(self):
        return self.name

    def describe(self):
        if self.family == "llvm":
            return f"`opt -O{self.level}` + `llc {' '.join(LLC_FLAGS)}`"
        if self.family == "floor":
            return f"`opt -passes='{PRE_PASSES}'` + `llc {' '.join(LLC_FLAGS)}`"
        if self.family == "split":
            return (f"`opt -O{self.level}`, `llvm-split -j {self.threads}`, {self.threads} `llc` "
                    f"in parallel, `ld.lld -r`")
        flags = (list(self.variant[1]) if self.variant else []) + self.extra_flags
        extra = "".join(" " + f for f in flags)
        return f"`egopt -O{self.level} -j{self.threads}{extra}`"

    def compile(self, tools, bc, obj, tmpdir, timeout=None, wrap=None):
        """wrap(step, cmd) -> cmd, when given, rewrites each step's command line (to run it
        under valgrind, say); the split family's steps are not wrapped."""
        os.makedirs(tmpdir, exist_ok=True)
        run = wrap or (lambda step, cmd: cmd)
        for f in os.listdir(tmpdir):
            os.remove(os.path.join(tmpdir, f))
        if os.path.exists(obj):
            os.remove(obj)
        out = Outcome()
        t0 = time.perf_counter()

        def step(name, result):
            out.steps[name] = out.steps.get(name, 0.0) + result.wall
            out.peak_kib = max(out.peak_kib, result.maxrss_kib)
            if not result.ok and out.error is None:
                out.error = result.why()
            return result.ok

        def left():
            return None if timeout is None else max(1.0, timeout - (time.perf_counter() - t0))

        env = tools.env
        if self.family in ("llvm", "floor"):
            mid = os.path.join(tmpdir, "opt.bc")
            passes = f"-O{self.level}" if self.family == "llvm" else f"-passes={PRE_PASSES}"
            if step("opt", measure(run("opt", tools.cmd("opt", passes, bc, "-o", mid)), left(),
                                   env=env)):
                step("llc", measure(run("llc", tools.cmd("llc", *LLC_FLAGS, mid, "-o", obj)), left(),
                                    env=env))
        elif self.family == "split":
            mid = os.path.join(tmpdir, "opt.bc")
            prefix = os.path.join(tmpdir, "part")
            n = self.threads
            if (step("opt", measure(tools.cmd("opt", f"-O{self.level}", bc, "-o", mid), left(),
                                    env=env))
                    and step("split", measure(tools.cmd("llvm_split", "-j", n, "-o", prefix, mid),
                                              left(), env=env))):
                parts = [f"{prefix}{i}" for i in range(n)]
                wall, rss, results = measure_parallel(
                    [tools.cmd("llc", *LLC_FLAGS, p, "-o", p + ".o") for p in parts], left(), env=env)
                out.steps["llc"] = wall
                out.peak_kib = max(out.peak_kib, rss)
                bad = [r for r in results if not r.ok]
                if bad:
                    out.error = bad[0].why()
                else:
                    step("join", measure(tools.cmd("ld_lld", "-r", *[p + ".o" for p in parts],
                                                   "-o", obj), left(), env=env))
        else:
            js = os.path.join(tmpdir, "stats.json")
            extra = [f"--lld={tools.lld_for_egopt}"] if tools.lld_for_egopt else []
            if self.variant:
                extra += list(self.variant[1])
            extra += self.extra_flags
            r = measure(run("egopt", tools.cmd("egopt", f"-O{self.level}", "-j", self.threads, *extra,
                                               bc, "-o", obj, f"--stats-json={js}")), left(), env=env)
            out.peak_kib = r.maxrss_kib
            if not r.ok:
                out.error = r.why()
            else:
                try:
                    with open(js) as f:
                        out.stats = json.load(f)
                except (OSError, ValueError) as e:
                    out.error = f"egopt: cannot read --stats-json: {e}"
        out.wall = time.perf_counter() - t0
        if out.error is None and not os.path.exists(obj):
            out.error = f"{self.name}: exited 0 but wrote no {os.path.basename(obj)}"
        return out


def egopt_seconds(stats):
    """The phase seconds of an egopt --stats-json, known phases first."""
    sec = (stats or {}).get("seconds") or {}
    keys = [k for k in EGOPT_PHASES if k in sec] + sorted(k for k in sec if k not in EGOPT_PHASES)
    return {k: sec[k] for k in keys if isinstance(sec[k], (int, float))}


# ----------------------------------------------------------------------------- numbers

def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return None
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def parse_threads(spec):
    out = []
    for part in str(spec).split(","):
        part = part.strip()
        if not part:
            continue
        n = int(part)
        if n < 1:
            raise ValueError(f"thread count {n} must be at least 1")
        if n not in out:
            out.append(n)
    if not out:
        raise ValueError("no thread counts given")
    return out


def md_table(headers, rows, align=None):
    """A GitHub-flavoured markdown table; align: a string of 'l'/'r' per column."""
    align = align or ("l" + "r" * (len(headers) - 1))
    sep = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(str(h) for h in headers) + " |", "| " + " | ".join(sep) + " |"]
    for r in rows:
        lines.append("| " + " | ".join("" if c is None else str(c) for c in r) + " |")
    return "\n".join(lines)


def fmt_s(x):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def fmt_x(x):
    return "–" if x is None else f"{x:.2f}×"


# ----------------------------------------------------------------------------- the machine

def _read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def machine_info():
    cpuinfo = _read("/proc/cpuinfo")
    models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    cores = set()
    phys = None
    for block in cpuinfo.split("\n\n"):
        p = re.search(r"^physical id\s*:\s*(\d+)", block, re.M)
        c = re.search(r"^core id\s*:\s*(\d+)", block, re.M)
        if p and c:
            cores.add((p.group(1), c.group(1)))
    if cores:
        phys = len(cores)
    mhz = re.findall(r"^cpu MHz\s*:\s*([\d.]+)", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.M)
    osrel = re.search(r'^PRETTY_NAME="?([^"\n]+)', _read("/etc/os-release"), re.M)
    try:
        affinity = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        affinity = None
    try:
        libc = os.confstr("CS_GNU_LIBC_VERSION")
    except (ValueError, OSError):
        libc = None
    gov = _read("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor").strip() or None
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "hostname": platform.node(),
        "cpu_model": models[0].strip() if models else platform.processor() or "unknown",
        "logical_cpus": os.cpu_count(),
        "usable_cpus": affinity,
        "physical_cores": phys,
        "cpu_mhz": f"{float(mhz[0]):.0f}" if mhz else None,
        "governor": gov,
        "memory_gib": round(int(mem.group(1)) / 1048576, 1) if mem else None,
        "os": osrel.group(1) if osrel else platform.platform(),
        "kernel": platform.release(),
        "libc": libc,
        "python": platform.python_version(),
        "loadavg": _read("/proc/loadavg").split()[:3],
    }


def machine_lines(m):
    """The machine as markdown bullet lines."""
    cores = f"{m['logical_cpus']} logical CPUs"
    if m.get("physical_cores"):
        cores += f" ({m['physical_cores']} physical cores)"
    if m.get("usable_cpus") and m["usable_cpus"] != m["logical_cpus"]:
        cores += f", {m['usable_cpus']} usable by this process"
    cpu = m["cpu_model"] + (f", {m['cpu_mhz']} MHz" if m.get("cpu_mhz") else "")
    if m.get("governor"):
        cpu += f", governor {m['governor']}"
    return [f"- Date: {m['date']}",
            f"- CPU: {cpu}; {cores}",
            f"- Memory: {m['memory_gib']} GiB",
            f"- OS: {m['os']}, Linux {m['kernel']}, {m.get('libc') or 'unknown libc'}",
            f"- Load average when the run started: {' '.join(m['loadavg'])}"]


class CpuMeter:
    """How much CPU time other processes used while we measured: busy time from
    /proc/stat minus the CPU time of this process and the children it waited for."""

    FIELDS = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")

    def __init__(self):
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self.ncpu = os.cpu_count() or 1
        self.start = self._sample()

    def _sample(self):
        line = _read("/proc/stat").splitlines()[0:1]
        vals = dict(zip(self.FIELDS, map(int, line[0].split()[1:9]))) if line else None
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        me = resource.getrusage(resource.RUSAGE_SELF)
        return time.perf_counter(), vals, ch.ru_utime + ch.ru_stime + me.ru_utime + me.ru_stime

    def stop(self):
        t1, v1, ours1 = self._sample()
        t0, v0, ours0 = self.start
        wall = t1 - t0
        res = {"wall_s": wall, "ncpu": self.ncpu, "ours_cpu_s": ours1 - ours0}
        if v0 and v1:
            d = {k: (v1[k] - v0[k]) / self.tick for k in self.FIELDS}
            busy = d["user"] + d["nice"] + d["system"] + d["irq"] + d["softirq"]
            res["busy_cpu_s"] = busy
            res["steal_cpu_s"] = d["steal"]
            res["foreign_cpu_s"] = max(0.0, busy - res["ours_cpu_s"])
            res["foreign_frac"] = res["foreign_cpu_s"] / (wall * self.ncpu) if wall > 0 else 0.0
        return res


def cpu_line(c):
    if "foreign_frac" not in c:
        return "- Other processes' CPU use during the timed part: unknown (no /proc/stat)"
    s = (f"- Other processes used {c['foreign_cpu_s']:.0f} CPU-seconds during the timed part "
         f"({100 * c['foreign_frac']:.1f}% of {c['ncpu']} CPUs over {c['wall_s']:.0f} s)")
    if c.get("steal_cpu_s", 0) > 1:
        s += f"; the hypervisor stole {c['steal_cpu_s']:.0f} CPU-seconds"
    if c["foreign_frac"] > 0.05:
        s += ". **The machine was not idle: timings are noisier and slower than on a quiet machine.**"
    return s


def which(name, fallback=None):
    p = shutil.which(name)
    if p:
        return p
    if fallback and os.access(fallback, os.X_OK):
        return fallback
    return None
