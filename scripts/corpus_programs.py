"""The corpus's programs: how each is built from its source package, and its workload."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_common import *  # noqa: E402,F401,F403
from corpus_sources import *  # noqa: E402,F401,F403


class Program:
    """One corpus program: how to find its sources and how to round-trip data through it."""

    name = ""
    package = ""
    libs = []          # extra link flags
    # Round trips: list of (label, compress args, decompress args). Data goes through
    # stdin/stdout; the decompressed output must equal the input.
    trips = []

    def sources(self, src, objdir, jobs):
        """Returns a list of (source file, [flags]) for the bitcode compiles."""
        raise NotImplementedError


class Minigzip(Program):
    name = "minigzip"
    package = "zlib"
    libs = []
    trips = [("default", [], ["-d"]), ("-9", ["-9"], ["-d"]), ("-1", ["-1"], ["-d"])]

    LIB = ["adler32", "compress", "crc32", "deflate", "gzclose", "gzlib", "gzread",
           "gzwrite", "infback", "inffast", "inflate", "inftrees", "trees", "uncompr", "zutil"]

    def sources(self, src, objdir, jobs):
        # What zlib's ./configure picks on Linux (see its Makefile's CFLAGS).
        flags = ["-I" + src, "-D_LARGEFILE64_SOURCE=1", "-DHAVE_HIDDEN", "-DHAVE_UNISTD_H",
                 "-DHAVE_STDARG_H"]
        files = [os.path.join(src, f + ".c") for f in self.LIB]
        files.append(os.path.join(src, "test", "minigzip.c"))
        return [(f, flags) for f in files]


class Zstd(Program):
    name = "zstd"
    package = "libzstd"
    libs = []
    trips = [("default", ["-q", "-c"], ["-q", "-d", "-c"]),
             ("-12", ["-q", "-c", "-12"], ["-q", "-d", "-c"]),
             ("-1", ["-q", "-c", "-1"], ["-q", "-d", "-c"])]

    def sources(self, src, objdir, jobs):
        lib = os.path.join(src, "lib")
        # Single-threaded (no ZSTD_MULTITHREAD), no zlib/lzma/lz4 formats (no ZSTD_GZCOMPRESS
        # and friends), no legacy formats, no x86-64 assembly (huf_decompress_amd64.S): the
        # C fallback is used instead, so that all code is in the bitcode.
        flags = ["-I" + lib, "-I" + os.path.join(lib, "common"),
                 "-DXXH_NAMESPACE=ZSTD_", "-DZSTD_LEGACY_SUPPORT=0", "-DZSTD_DISABLE_ASM",
                 "-DBACKTRACE_ENABLE=0"]
        files = []
        for sub in ["common", "compress", "decompress", "dictBuilder"]:
            files += sorted(glob.glob(os.path.join(lib, sub, "*.c")))
        files += sorted(glob.glob(os.path.join(src, "programs", "*.c")))
        if len(files) < 20:
            raise Error(f"zstd: only {len(files)} sources found under {src}")
        return [(f, flags + ["-I" + os.path.join(src, "programs")]) for f in files]


class Lz4(Program):
    name = "lz4"
    package = "lz4"
    libs = []
    trips = [("default", ["-q", "-c"], ["-q", "-d", "-c"]),
             ("-9", ["-q", "-c", "-9"], ["-q", "-d", "-c"]),
             ("--fast=3", ["-q", "-c", "--fast=3"], ["-q", "-d", "-c"])]

    def sources(self, src, objdir, jobs):
        lib = os.path.join(src, "lib")
        flags = ["-I" + lib, "-I" + os.path.join(src, "programs"), "-DXXH_NAMESPACE=LZ4_"]
        files = sorted(glob.glob(os.path.join(lib, "*.c")))
        files += sorted(glob.glob(os.path.join(src, "programs", "*.c")))
        if len(files) < 6:
            raise Error(f"lz4: only {len(files)} sources found under {src}")
        return [(f, flags) for f in files]


class Xz(Program):
    name = "xz"
    package = "xz-utils"
    libs = []
    trips = [("default", ["-c"], ["-d", "-c"]), ("-1", ["-c", "-1"], ["-d", "-c"]),
             ("-0e", ["-c", "-0", "-e"], ["-d", "-c"])]

    CONFIGURE = ["--disable-shared", "--disable-nls", "--disable-threads", "--disable-doc",
                 "--disable-scripts", "--disable-xzdec", "--disable-lzmadec",
                 "--disable-lzmainfo", "--disable-lzma-links"]

    def sources(self, src, objdir, jobs):
        # xz needs config.h: configure it once in a private build folder (out of tree), then
        # build liblzma and xz there under `bear` to capture the exact compile commands.
        bdir = os.path.join(objdir, "autotools")
        db = os.path.join(bdir, "compile_commands.json")
        stamp = os.path.join(objdir, "autotools.src")
        if not os.path.exists(db) or not os.path.exists(stamp) or open(stamp).read() != src:
            if os.path.isdir(bdir):
                shutil.rmtree(bdir)
            os.makedirs(bdir)
            env = dict(os.environ, CC="clang-22", CFLAGS="-O0 -g0")
            log("build: xz: ./configure")
            run_cmd([os.path.join(src, "configure"), "-q"] + self.CONFIGURE, cwd=bdir, env=env,
                    what="xz configure", timeout=900)
            if not shutil.which("bear"):
                raise Error("bear not found (apt-get install bear)")
            log("build: xz: make under bear (captures the compile commands)")
            run_cmd(["bear", "--output", db + ".tmp", "--", "make", f"-j{jobs}", "-C", "src/liblzma",
                     "liblzma.la"], cwd=bdir, what="xz make liblzma", timeout=1800)
            run_cmd(["bear", "--append", "--output", db + ".tmp", "--", "make", f"-j{jobs}", "-C",
                     "src/xz", "xz"], cwd=bdir, what="xz make xz", timeout=1800)
            os.rename(db + ".tmp", db)
            with open(stamp, "w") as fh:
                fh.write(src)
        entries = json.load(open(db))
        out, seen = [], set()
        # xz's own objects first: src/common files built into both liblzma and xz keep the
        # xz copy (a static link would pick it too).
        # Sorted by path as well, so that the module does not depend on make's -j order.
        entries.sort(key=lambda e: (0 if os.sep + "src" + os.sep + "xz" in e["directory"] + os.sep
                                    else 1, os.path.normpath(os.path.join(e["directory"], e["file"]))))
        for e in entries:
            args = e.get("arguments") or shlex.split(e["command"])
            f = os.path.normpath(os.path.join(e["directory"], e["file"]))
            if not f.endswith(".c") or f in seen:
                continue
            seen.add(f)
            out.append((f, self._keep_flags(args, e["directory"])))
        if not any("/src/xz/" in f for f, _ in out) or not any("/liblzma/" in f for f, _ in out):
            raise Error(f"xz: the captured compile commands in {db} lack xz or liblzma sources")
        return out

    @staticmethod
    def _keep_flags(args, cwd):
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


PROGRAMS = [Minigzip(), Zstd(), Lz4(), Xz()]


def select_programs(spec):
    if not spec:
        return PROGRAMS
    names = [s.strip() for s in spec.split(",") if s.strip()]
    known = {p.name: p for p in PROGRAMS}
    bad = [n for n in names if n not in known]
    if bad:
        raise Error(f"unknown program {', '.join(bad)} (known: {', '.join(known)})")
    return [known[n] for n in names]
