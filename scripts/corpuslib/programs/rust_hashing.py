"""Hashing in Rust: RustCrypto's sha2 0.10.5, sha1 0.10.1 and md-5 0.10.1
through digest 0.10.5 (with block-buffer, generic-array, typenum,
crypto-common, cpufeatures, cfg-if), from Debian's librust-sha2-dev,
librust-sha1-dev and librust-md-5-dev. sha2 and sha1 are built with
`force-soft` (the portable code, never SHA-NI/AVX2 picked by CPU detection).
Our workload crate scripts/corpuslib/rust/hashing/ hashes a file whole and in
uneven pieces with MD5, SHA-1 and the SHA-2 family, then generated buffers of
many sizes, then hash chains; prints the digests. Built by corpuslib.rust (one
bitcode module per crate, flavor rs0)."""

from corpuslib.inputs import mixed_data
from corpuslib.model import Run
from corpuslib.rust import RustProgram


class RustHashing(RustProgram):
    def inputs(self):
        return {"data": mixed_data(1 << 19, seed="rust-hashing")}


PROGRAM = RustHashing(
    name="rust_hashing", domain="crypto", graph="hashing",
    debian=["librust-sha2-dev", "librust-sha1-dev", "librust-md-5-dev"],
    runs=[Run(["{in:data}", "800", "40000"])])
