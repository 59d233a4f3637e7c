"""zstd's command line tool (zstd 1.5.4, Debian `libzstd`)."""

from corpuslib.common import Error
from corpuslib.inputs import mixed_data
from corpuslib.model import Program, Run


class Zstd(Program):
    def sources(self, b):
        lib = b.path("lib")
        # Single-threaded (no ZSTD_MULTITHREAD), no zlib/lzma/lz4 formats, no
        # legacy formats, no x86-64 assembly (huf_decompress_amd64.S): the C
        # fallback is used instead, so that all code is in the bitcode.
        flags = ["-I" + lib, "-I" + b.path("lib", "common"), "-I" + b.path("programs"),
                 "-DXXH_NAMESPACE=ZSTD_", "-DZSTD_LEGACY_SUPPORT=0", "-DZSTD_DISABLE_ASM",
                 "-DBACKTRACE_ENABLE=0"]
        files = b.glob("lib/common/*.c", "lib/compress/*.c", "lib/decompress/*.c",
                       "lib/dictBuilder/*.c", "programs/*.c")
        if len(files) < 20:
            raise Error(f"zstd: only {len(files)} sources found under {b.src}")
        return [(f, flags) for f in files]

    def inputs(self):
        return {"data": mixed_data(1 << 20)}


PROGRAM = Zstd(
    name="zstd", package="libzstd", domain="compression",
    runs=[Run(["-q", "-c"], stdin="data"), Run(["-q", "-d", "-c"], stdin="@0"),
          Run(["-q", "-c", "-12"], stdin="data"), Run(["-q", "-d", "-c"], stdin="@2")])
