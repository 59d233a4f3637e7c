"""xz and liblzma (xz-utils 5.4.1, Debian `xz-utils`), configured and built as
its own make does (the compile commands captured with bear)."""

from corpuslib.common import Error
from corpuslib.inputs import mixed_data
from corpuslib.model import Program, Run

CONFIGURE = ["--disable-shared", "--disable-nls", "--disable-threads", "--disable-doc",
             "--disable-scripts", "--disable-xzdec", "--disable-lzmadec", "--disable-lzmainfo",
             "--disable-lzma-links"]


class Xz(Program):
    def sources(self, b):
        # xz's own objects first: src/common files built into both liblzma and
        # xz keep the xz copy (a static link would pick it too); then by path.
        units = b.autotools(CONFIGURE, [("src/liblzma", "liblzma.la"), ("src/xz", "xz")],
                            order=lambda f, d: (0 if "/src/xz" in d + "/" else 1, f))
        if not any("/src/xz/" in f for f, _ in units) or not any("/liblzma/" in f for f, _ in units):
            raise Error("xz: the captured compile commands lack xz or liblzma sources")
        return units

    def inputs(self):
        return {"data": mixed_data(1 << 19)}


PROGRAM = Xz(
    name="xz", package="xz-utils", domain="compression",
    runs=[Run(["-c"], stdin="data"), Run(["-d", "-c"], stdin="@0"),
          Run(["-c", "-1"], stdin="data"), Run(["-d", "-c"], stdin="@2")])
