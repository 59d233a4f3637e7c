"""xxhsum, xxHash's command line tool (xxhash 0.8.1, Debian `xxhash`).

Built from xxhash.c (the library: XXH32, XXH64, XXH3 and XXH128) and the
command line tool's cli/*.c, as its Makefile's `xxhsum` target does without
DISPATCH=1: xxh_x86dispatch.c (run-time AVX2/AVX-512 selection through target
attributes) is left out, so XXH3 uses the x86-64 default, SSE2 intrinsics,
which clang turns into ordinary vector IR (no assembly).

The workload hashes a generated 40 MiB input (read from standard input, so no
path is printed) with each algorithm (-H0 XXH32, -H1 XXH64, -H2 XXH128, -H3
XXH3 in BSD format, and XXH128 in BSD little-endian format), then checks each
of those checksum listings with -c against the same input; `-V` runs xxhsum's
built-in sanity check (hundreds of test vectors of every length class, seeds
and custom secrets; it prints to stderr only and aborts on a mismatch).
"""

from corpuslib.inputs import Stream
from corpuslib.model import Program, Run

SIZE = 40 << 20


class Xxhash(Program):
    def sources(self, b):
        flags = ["-I" + b.src]
        files = [b.path("xxhash.c")] + b.glob("cli/xsum_*.c") + [b.path("cli", "xxhsum.c")]
        return [(f, flags) for f in files]

    def inputs(self):
        s = Stream("xxhash/big")
        return {"big": b"".join(s.bytes(4096) for _ in range(SIZE // 4096))}


HASH = [["-H0", "-"], ["-H1", "-"], ["-H2", "-"], ["-H3", "-"],
        ["--tag", "--little-endian", "-H2", "-"]]
# The listing of hash run k is its standard output, {tmp}/../run{k}.out (the
# workload's layout: each run's stdout is saved next to the scratch folder);
# every line names "stdin", which -c reads from standard input.
CHECK = [["-c", "{tmp}/../run%d.out" % k] for k in range(4)] + \
        [["-c", "--little-endian", "{tmp}/../run4.out"]]

PROGRAM = Xxhash(
    name="xxhash", package="xxhash", domain="hashing",
    runs=[Run(a, stdin="big") for a in HASH] + [Run(a, stdin="big") for a in CHECK]
    + [Run(["-V"])])
