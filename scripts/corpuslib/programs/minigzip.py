"""zlib's minigzip: deflate compression (zlib 1.2.13, Debian `zlib`)."""

from corpuslib.inputs import mixed_data
from corpuslib.model import Program, Run

LIB = ["adler32", "compress", "crc32", "deflate", "gzclose", "gzlib", "gzread", "gzwrite",
       "infback", "inffast", "inflate", "inftrees", "trees", "uncompr", "zutil"]


class Minigzip(Program):
    def sources(self, b):
        # What zlib's ./configure picks on Linux (its Makefile's CFLAGS).
        flags = ["-I" + b.src, "-D_LARGEFILE64_SOURCE=1", "-DHAVE_HIDDEN", "-DHAVE_UNISTD_H",
                 "-DHAVE_STDARG_H"]
        files = [b.path(f + ".c") for f in LIB] + [b.path("test", "minigzip.c")]
        return [(f, flags) for f in files]

    def inputs(self):
        return {"data": mixed_data(1 << 20)}


PROGRAM = Minigzip(
    name="minigzip", package="zlib", domain="compression",
    runs=[Run([], stdin="data"), Run(["-d"], stdin="@0"),
          Run(["-9"], stdin="data"), Run(["-d"], stdin="@2")])
