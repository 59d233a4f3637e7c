"""Rust crate graphs in the corpus.

A RustProgram is a workload binary crate of ours (scripts/corpuslib/rust/GRAPH/:
Cargo.toml, src/main.rs, Cargo.lock) plus the crates it depends on, taken from
Debian's librust-*-dev packages (crate sources under /usr/share/cargo/registry;
`apt-get install -y librust-NAME-dev`). Its one input flavor, rs0, is one
unoptimized bitcode module per crate of the graph (rustc opt-level=0,
codegen-units=1, no LTO, no debug info, no debug assertions nor overflow
checks: release semantics, unoptimized code), which egopt compiles one by one;
the objects are then linked with the Rust standard library the toolchain ships
(precompiled rlibs), with the very link command rustc used.

The build (build_bitcode):
  1. cargo resolves the graph offline (cargo metadata; this writes Cargo.lock
     when there is none) from a directory source replacing crates.io (the Debian
     registry): no reserved crate (common.RESERVED) may be in it, not even an
     unbuilt one;
  2. cargo builds it, in a fresh target folder, with the rustc flags
     `--emit=llvm-bc,link -C codegen-units=1 -C linker=<recorder>` (and path
     remappings, so that the bitcode does not depend on where the checkout is)
     for the target crates only: `--target` is given, so build scripts and proc
     macros, which run at build time only, are built without them and give no
     module;
  3. the recorder (a linker wrapper) saves the command rustc runs to link the
     binary and copies the objects it names that rustc deletes afterwards (the
     `symbols.o` that keeps symbols alive, the allocator shim), then runs `cc`;
  4. the modules, in the order of that command (our crate, then the dependencies
     from dependents to dependencies), are copied to build/corpus/bc/NAME.rs0/
     CRATE.bc, the two objects to linkK*.o beside them, with a manifest
     (modules.json) that holds the link command: our crate's object and the
     dependencies' rlibs are replaced by the compiled modules; the two objects,
     the standard library's rlibs, the system libraries and rust-lld (the
     toolchain's self-contained linker, through `-B.../gcc-ld -fuse-ld=lld`) stay.
     A dependency rustc did not link (nothing of it used) gives no module.
The reference binary is that link with every module compiled by clang -O0.

What the modules hold: the crates' own functions and the instances of generic
functions (std's included: Vec, iterators, ...) each crate uses, except those
std already exports (at opt-level 0 rustc shares generics: an instance std's
rlibs have is used from there), and the non-generic std code, which runs
precompiled and optimized from the rlibs.
"""

import json
import os
import re
import shlex
import shutil
import stat
import subprocess

from corpuslib.common import BC_DIR, RESERVED, Error, fresh_dir, log
from corpuslib.model import Program

HERE = os.path.dirname(os.path.abspath(__file__))
RUST_DIR = os.path.join(HERE, "rust")
REGISTRY = "/usr/share/cargo/registry"
TARGET = "x86_64-unknown-linux-gnu"
FLAVOR = "rs0"

# cargo's dev profile, made what the rs0 flavor is.
PROFILE = {
    "opt-level": "0",
    "debug": "false",
    "codegen-units": "1",
    "incremental": "false",
    "lto": "false",
    "debug-assertions": "false",
    "overflow-checks": "false",
    "panic": '"unwind"',
}

# The linker wrapper: records rustc's link command and the objects it names
# (the temporary ones are gone once rustc is done), then links.
RECORDER = r'''#!/usr/bin/python3
import json, os, shutil, sys
out = os.environ["EGOPT_RUST_LINK_CAPTURE"]
args = sys.argv[1:]
copies = {}
for i, a in enumerate(args):
    if a.startswith("@"):
        sys.exit("rust link recorder: response files are not supported: " + a)
    if a.endswith(".o") and os.path.isfile(a):
        dst = os.path.join(out, "%02d-%s" % (i, os.path.basename(a)))
        shutil.copyfile(a, dst)
        copies[a] = dst
with open(os.path.join(out, "link.json"), "w") as f:
    json.dump({"args": args, "copies": copies}, f, indent=1)
os.execvp("cc", ["cc"] + args)
'''


def _tool(name):
    for cand in (shutil.which(name), os.path.expanduser(f"~/.cargo/bin/{name}"),
                 f"/root/.cargo/bin/{name}"):
        if cand and os.path.exists(cand):
            return cand
    raise Error(f"cannot find {name} (a rustup toolchain: rustc/cargo 1.95)")


def _dq(text):
    """text quoted for the inside of a shell's double quotes."""
    return re.sub(r'([\\"$`])', r"\\\1", text)


def _lock_packages(lock_path):
    """[(name, version, from the registry?)] of a Cargo.lock."""
    out, cur = [], None
    for line in open(lock_path):
        line = line.strip()
        if line == "[[package]]":
            cur = {}
            out.append(cur)
        elif cur is not None and " = " in line:
            k, v = line.split(" = ", 1)
            if k in ("name", "version", "source"):
                cur[k] = v.strip('"')
    return [(p["name"], p.get("version", "?"), "source" in p) for p in out]


class RustProgram(Program):
    """A Rust crate graph (see the module docstring). Fields of its own:

    graph:  the folder of the workload crate under scripts/corpuslib/rust/;
    debian: the librust-*-dev packages the graph's crates come from (for the
            error message when a crate is missing).
    """

    graph = ""
    debian = []
    flavors = (FLAVOR,)

    # The build's output: build/corpus/bc/NAME.rs0/.
    def bc_dir(self):
        return os.path.join(BC_DIR, f"{self.name}.{FLAVOR}")

    def _manifest(self):
        path = os.path.join(self.bc_dir(), "modules.json")
        if not os.path.exists(path):
            return None
        return json.load(open(path))

    def modules(self, flavor):
        m = self._manifest()
        if flavor != FLAVOR or m is None:
            return [os.path.join(self.bc_dir(), "(not built).bc")]
        return [os.path.join(self.bc_dir(), f"{c}.bc") for c in m["modules"]]

    def link_command(self, clang, objects, exe):
        m = self._manifest()
        if m is None:
            raise Error(f"{self.bc_dir()}/modules.json missing (run `corpus.py build`)")
        cmd = [clang]
        for a in m["link"]:
            if a == "{objects}":
                cmd += list(objects)
            elif a == "{exe}":
                cmd.append(exe)
            else:
                cmd.append(a.replace("{bcdir}", self.bc_dir()))
        for a in cmd[1:]:
            if a.endswith(".rlib") and not os.path.exists(a):
                raise Error(f"{self.name}: {a} is gone (the Rust toolchain changed? rebuild: "
                            f"`corpus.py build --programs {self.name}`)")
        return cmd

    def reference_command(self, clang, exe):
        # clang compiles each bitcode module at -O0, then links like link_command.
        cmd = self.link_command(clang, self.modules(FLAVOR), exe)
        return cmd[:1] + ["-O0", "-w"] + cmd[1:]

    def build_bitcode(self, b, clang, llvm_link):
        cargo = _tool("cargo")
        crate = os.path.join(RUST_DIR, self.graph)
        if not os.path.exists(os.path.join(crate, "Cargo.toml")):
            raise Error(f"{self.name}: {crate}/Cargo.toml missing")
        if not os.path.isdir(REGISTRY):
            raise Error(f"{REGISTRY} missing: apt-get install -y {' '.join(self.debian)}")
        target = fresh_dir(os.path.join(b.objdir, "target"))
        capture = fresh_dir(os.path.join(b.objdir, "link"))
        recorder = os.path.join(b.objdir, "link-recorder.py")
        with open(recorder, "w") as f:
            f.write(RECORDER)
        os.chmod(recorder, os.stat(recorder).st_mode | stat.S_IXUSR)

        rustflags = ["--emit=llvm-bc,link", "-C", "codegen-units=1", "-C", f"linker={recorder}",
                     f"--remap-path-prefix={crate}=/corpus/{self.graph}",
                     f"--remap-path-prefix={REGISTRY}=/registry",
                     f"--remap-path-prefix={b.objdir}=/obj"]
        config = ['source.crates-io.replace-with="debian-registry"',
                  f'source.debian-registry.directory="{REGISTRY}"']
        config += [f"profile.dev.{k}={v}" for k, v in PROFILE.items()]
        cmd = [cargo, "build", "--offline", "--bin", self._bin_name(crate),
               "--target", TARGET, "--target-dir", target, "-j", str(b.jobs)]
        for c in config:
            cmd += ["--config", c]
        env = {k: v for k, v in os.environ.items()
               if not (k.startswith("CARGO_") or k.startswith("RUSTC") or k == "RUSTFLAGS"
                       or k == "RUSTDOCFLAGS")}
        env["PATH"] = os.path.dirname(cargo) + os.pathsep + env.get("PATH", "")
        env["CARGO_ENCODED_RUSTFLAGS"] = "\x1f".join(rustflags)
        env["EGOPT_RUST_LINK_CAPTURE"] = capture
        with open(os.path.join(b.objdir, f"commands-{FLAVOR}.sh"), "w") as fh:
            fh.write(f"#!/bin/sh\n# The cargo build of {self.name} (written by scripts/corpus.py).\n"
                     f"set -e\ncd {shlex.quote(crate)}\n"
                     f"US=$(printf '\\037')\n"
                     f"export CARGO_ENCODED_RUSTFLAGS=\"{'${US}'.join(map(_dq, rustflags))}\"\n"
                     f"export EGOPT_RUST_LINK_CAPTURE={shlex.quote(capture)}\n"
                     + " ".join(shlex.quote(x) for x in cmd) + "\n")

        # Resolve first (this writes Cargo.lock when there is none): no
        # reserved crate may be in the graph, not even unbuilt.
        versions = self._lib_versions(cargo, crate, config, env, b.objdir)
        packages = _lock_packages(os.path.join(crate, "Cargo.lock"))
        if bad := sorted({n for n, _, _ in packages if n in RESERVED}):
            raise Error(f"{self.name}: Cargo.lock has reserved crates {', '.join(bad)}")

        log(f"build: {self.name}: cargo build")
        self._cargo(cmd, crate, env, os.path.join(b.objdir, "cargo-build.log"))

        rec_path = os.path.join(capture, "link.json")
        if not os.path.exists(rec_path):
            raise Error(f"{self.name}: cargo did not link the binary (no link command recorded)")
        rec = json.load(open(rec_path))
        modules, link = self._collect(rec, target, versions)

        bcdir = fresh_dir(self.bc_dir())
        for name, src in modules:
            shutil.copyfile(src, os.path.join(bcdir, f"{name}.bc"))
        for k, a in enumerate(link):
            if a in rec["copies"]:
                dst = f"link{k}-symbols.o" if os.path.basename(a) == "symbols.o" else f"link{k}.o"
                shutil.copyfile(rec["copies"][a], os.path.join(bcdir, dst))
                link[k] = "{bcdir}/" + dst
        manifest = {"modules": [n for n, _ in modules],
                    "versions": {n: versions.get(n, "?") for n, _ in modules},
                    "link": link}
        with open(os.path.join(bcdir, "modules.json"), "w") as f:
            json.dump(manifest, f, indent=1)
        deps = os.path.join(target, TARGET, "debug", "deps")
        linked = {os.path.basename(bc) for _, bc in modules}
        if unused := sorted(f.rsplit("-", 1)[0] for f in os.listdir(deps)
                            if f.endswith(".bc") and f not in linked):
            # A dependency rustc did not link: nothing of it is used.
            log(f"build: {self.name}: built but not linked (unused): {', '.join(unused)}")
        log(f"build: {self.name}: {len(modules)} modules: " +
            ", ".join(f"{n} {versions.get(n, '?')}" for n, _ in modules))

    def _cargo(self, cmd, crate, env, logfile):
        """Runs cargo (its standard error goes to logfile); returns its output."""
        try:
            p = subprocess.run(cmd, cwd=crate, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=1800)
        except subprocess.TimeoutExpired:
            raise Error(f"{self.name}: cargo {cmd[1]} timed out")
        with open(logfile, "wb") as f:
            f.write(p.stderr)
        if p.returncode != 0:
            text = p.stderr.decode(errors="replace")
            errs = [x for x in text.splitlines() if x.startswith("error")] or text.splitlines()[-1:]
            hint = ""
            if "no matching package" in text or "failed to select a version" in text:
                hint = f" (apt-get install -y {' '.join(self.debian)})"
            raise Error(f"{self.name}: cargo {cmd[1]} failed: {errs[0][:300] if errs else ''}"
                        f"{hint}; see {logfile}")
        return p.stdout

    def _lib_versions(self, cargo, crate, config, env, objdir):
        """{crate name as rustc knows it (the lib target): "package version"}
        of the resolved graph (cargo metadata)."""
        cmd = [cargo, "metadata", "--offline", "--format-version", "1", "--filter-platform",
               TARGET]
        for c in config:
            cmd += ["--config", c]
        meta = json.loads(self._cargo(cmd, crate, env, os.path.join(objdir, "cargo-metadata.log")))
        if bad := sorted({q["name"] for q in meta["packages"] if q["name"] in RESERVED}):
            raise Error(f"{self.name}: the crate graph has reserved crates {', '.join(bad)}")
        out = {}
        for q in meta["packages"]:
            for t in q["targets"]:
                if "bin" in t["kind"] or "lib" in t["kind"] or "rlib" in t["kind"]:
                    name = t["name"].replace("-", "_")
                    label = q["version"] if name == q["name"].replace("-", "_") else \
                        f"{q['name']} {q['version']}"
                    out[name] = label
        return out

    def _bin_name(self, crate):
        text = open(os.path.join(crate, "Cargo.toml")).read()
        m = re.search(r'^name\s*=\s*"([^"]+)"', text, re.M)
        if not m:
            raise Error(f"{self.name}: no package name in {crate}/Cargo.toml")
        return m.group(1)

    def _collect(self, rec, target, versions):
        """The modules [(crate, .bc path)] in link order, and the link command
        with placeholders: {objects} (the compiled modules), {exe}."""
        deps = os.path.join(target, TARGET, "debug", "deps")
        args, modules, link = rec["args"], [], []
        placed = False
        i = 0
        while i < len(args):
            a = args[i]
            if a == "-o":
                link += ["-o", "{exe}"]
                i += 2
                continue
            if a == "-L" and i + 1 < len(args) and args[i + 1].startswith(deps):
                i += 2  # rustc's temporary folder (raw-dylibs), empty
                continue
            base = os.path.basename(a)
            m = re.fullmatch(r"([A-Za-z0-9_]+)-([0-9a-f]{16})\.\1\.[0-9a-f]+-cgu\.0\.rcgu\.o", base)
            if m and os.path.dirname(a) == deps:
                # Our crate's object: the modules go here.
                bc = os.path.join(deps, f"{m.group(1)}-{m.group(2)}.bc")
                modules.insert(0, (m.group(1), bc))
                link.append("{objects}")
                placed = True
            elif a.endswith(".rlib") and os.path.dirname(a) == deps:
                m = re.fullmatch(r"lib([A-Za-z0-9_]+)-([0-9a-f]{16})\.rlib", base)
                if not m:
                    raise Error(f"{self.name}: unexpected rlib on the link line: {a}")
                modules.append((m.group(1), os.path.join(deps, f"{m.group(1)}-{m.group(2)}.bc")))
            elif a.endswith(".o") and a.startswith(target) and a not in rec["copies"]:
                raise Error(f"{self.name}: an object of the build not recorded: {a}")
            else:
                link.append(a)
            i += 1
        if not placed:
            raise Error(f"{self.name}: the binary crate's object is not on the link line")
        names = [n for n, _ in modules]
        if len(set(names)) != len(names):
            raise Error(f"{self.name}: a crate twice in the graph (two versions?): {names}")
        for n, bc in modules:
            if not os.path.exists(bc):
                raise Error(f"{self.name}: no bitcode for crate {n} ({bc})")
        if set(names) - set(versions):
            raise Error(f"{self.name}: crates not in Cargo.lock: {set(names) - set(versions)}")
        return modules, link
