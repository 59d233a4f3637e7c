"""Collections and formatting in Rust: hashbrown 0.12.3 (no default features: no
ahash, whose keys are random), smallvec 1.9.0, itoa 1.0.1, ryu 1.0.2 and
base64 0.13.0, from Debian's librust-hashbrown-dev, librust-smallvec-dev,
librust-itoa-dev, librust-ryu-dev and librust-base64-dev. Our workload crate
scripts/corpuslib/rust/collections/ counts the words and word pairs of a text
(hashbrown maps with a deterministic FxHash-style hasher of ours, tokens in a
SmallVec), churns an integer map (inserts, lookups, retain, a set), formats a
report with itoa and ryu, and base64-encodes and decodes the text and the
report. Built by corpuslib.rust (one bitcode module per crate, flavor rs0)."""

from corpuslib.inputs import words
from corpuslib.model import Run
from corpuslib.rust import RustProgram


class RustCollections(RustProgram):
    def inputs(self):
        return {"text": words("rust-collections", 300000).encode()}


PROGRAM = RustCollections(
    name="rust_collections", domain="collections", graph="collections",
    debian=["librust-hashbrown-dev", "librust-smallvec-dev", "librust-itoa-dev",
            "librust-ryu-dev", "librust-base64-dev"],
    runs=[Run(["{in:text}", "900000"])])
