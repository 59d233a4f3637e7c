"""deflate in Rust: miniz_oxide 0.6.2 (with adler 1.0.2), from Debian's
librust-miniz-oxide-dev; our workload crate scripts/corpuslib/rust/deflate/
compresses a file at several levels (raw deflate and zlib framing), decompresses
each stream again and checks the round trip; prints sizes and FNV-1a hashes.
Built by corpuslib.rust (one bitcode module per crate, flavor rs0)."""

from corpuslib.inputs import mixed_data
from corpuslib.model import Run
from corpuslib.rust import RustProgram


class RustDeflate(RustProgram):
    def inputs(self):
        return {"data": mixed_data(1 << 20, seed="rust-deflate")}


PROGRAM = RustDeflate(
    name="rust_deflate", domain="compression", graph="deflate",
    debian=["librust-miniz-oxide-dev"],
    runs=[Run(["{in:data}", "1", "6"]), Run(["{in:data}", "z9", "0"])])
