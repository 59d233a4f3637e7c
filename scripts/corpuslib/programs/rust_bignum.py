"""Big integers in Rust: num-bigint 0.4.3 with num-integer 0.1.44 and num-traits
0.2.15, from Debian's librust-num-bigint-dev. Our workload crate
scripts/corpuslib/rust/bignum/ computes factorials (product tree), powers,
Fibonacci numbers, gcds and lcms, modular exponentiations modulo 2^521-1,
integer square and cube roots, long divisions, and decimal/hex conversions both
ways; prints digit counts, digit sums and a few digits of each. Built by
corpuslib.rust (one bitcode module per crate, flavor rs0)."""

from corpuslib.model import Run
from corpuslib.rust import RustProgram

PROGRAM = RustProgram(
    name="rust_bignum", domain="bignum", graph="bignum",
    debian=["librust-num-bigint-dev"],
    runs=[Run(["2"]), Run(["3"])])
