"""lz4's command line tool (lz4 1.9.4, Debian `lz4`)."""

from corpuslib.inputs import mixed_data
from corpuslib.model import Program, Run


class Lz4(Program):
    def inputs(self):
        return {"data": mixed_data(1 << 20)}


PROGRAM = Lz4(
    name="lz4", package="lz4", domain="compression",
    files=["lib/*.c", "programs/*.c"],
    flags=["-I{src}/lib", "-I{src}/programs", "-DXXH_NAMESPACE=LZ4_"],
    runs=[Run(["-q", "-c"], stdin="data"), Run(["-q", "-d", "-c"], stdin="@0"),
          Run(["-q", "-c", "-9"], stdin="data"), Run(["-q", "-d", "-c"], stdin="@2")])
