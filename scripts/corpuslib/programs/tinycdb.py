"""tinycdb: the cdb constant database library and its `cdb` tool (tinycdb
0.78, Debian `tinycdb`).

Built from the library sources of its Makefile (LIB_SRCS: cdb_init.c ...
cdb_hash.c) and cdb.c, the tool, whose main is renamed cdb_tool_main: our
driver (drivers/tinycdb_main.c) adds one mode, `-Q DB KEYS`, that looks up
every key of a file through the library (mmap reader: cdb_find,
cdb_findinit/cdb_findnext, cdb_seqnext; file reader: cdb_seek/cdb_bread), and
hands every other command line to the tool. The nss_cdb module is left out.

Workload: the tool creates databases from generated records (native
`+klen,vlen:key->value` format with duplicate keys, and the `key value` map
format in add, insert-if-new (-u), replace (-r) and zero-fill replace (-0)
modes); dumps (-d), lists (-l) and gives statistics (-s) of them; queries a
few keys (-q); and the driver looks up many keys (present and absent) in two
of them.
"""

from corpuslib.inputs import WORDS, Stream
from corpuslib.model import Program, Run

N_RECS = 80000
N_MAP = 50000
N_SMALL = 1500


def _key(s, n):
    kind = s.below(4)
    i = s.below(n)
    if kind == 0:
        return f"user{i:06d}"
    if kind == 1:
        return f"{s.choice(WORDS)}.{s.choice(WORDS)}.{i}"
    if kind == 2:
        return f"/var/lib/{s.choice(WORDS)}/{i:x}"
    return f"k{i}"


def _value(s):
    n = s.below(12)
    if s.below(20) == 0:
        n += 60
    return " ".join(s.choice(WORDS) for _ in range(n))


class Tinycdb(Program):
    def sources(self, b):
        lib = ["cdb_init", "cdb_find", "cdb_findnext", "cdb_seq", "cdb_seek", "cdb_unpack",
               "cdb_make_add", "cdb_make_put", "cdb_make", "cdb_hash"]
        flags = ["-I" + b.src, "-D_FILE_OFFSET_BITS=64"]
        units = [(b.path(f + ".c"), flags) for f in lib]
        units.append((b.path("cdb.c"), flags + ["-Dmain=cdb_tool_main"]))
        units.append((b.driver("tinycdb_main.c"), flags))
        return units

    def inputs(self):
        s = Stream("tinycdb")
        keys = []

        def native(n, space):
            out = []
            for _ in range(n):
                k = _key(s, space).encode()
                v = _value(s).encode()
                if s.below(9) == 0:  # binary values
                    v = s.bytes(s.below(40))
                out.append(b"+%d,%d:%s->%s\n" % (len(k), len(v), k, v))
                keys.append(k)
            for i in range(3):  # a key with several values, queried by -q
                v = b"value %d" % i
                out.insert(n // (i + 2), b"+9,%d:fixed.key->%s\n" % (len(v), v))
            return b"".join(out) + b"\n"

        recs = native(N_RECS, N_RECS // 2)
        small = native(N_SMALL, N_SMALL // 3)
        lines = []
        for i in range(N_MAP):
            if s.below(50) == 0:
                lines.append("# comment " + _value(s))
            elif s.below(80) == 0:
                lines.append("")
            k = _key(s, N_MAP)
            lines.append(("\t" if s.below(10) == 0 else "") + k + " " + _value(s))
            keys.append(k.encode())
        lines.insert(N_MAP // 3, "fixed.map first value")
        lines.insert(N_MAP // 2, "fixed.map second value")
        look = []
        for i in range(200000):
            if s.below(4) == 0:
                look.append(_key(s, N_RECS * 4).encode())  # mostly absent
            else:
                look.append(keys[s.below(len(keys))])
        return {"recs": recs, "small": small, "map": ("\n".join(lines) + "\n").encode(),
                "keys": b"\n".join(look) + b"\n"}


PROGRAM = Tinycdb(
    name="tinycdb", package="tinycdb", domain="database",
    runs=[
        Run(["-c", "{tmp}/a.cdb", "{in:recs}"], outputs=["{tmp}/a.cdb"]),
        Run(["-c", "-m", "-u", "{tmp}/b.cdb", "{in:map}"], outputs=["{tmp}/b.cdb"]),
        Run(["-c", "-m", "-0", "-t", "{tmp}/c.tmp", "{tmp}/c.cdb", "{in:map}"],
            outputs=["{tmp}/c.cdb"]),
        Run(["-c", "-r", "{tmp}/d.cdb", "{in:small}"], outputs=["{tmp}/d.cdb"]),
        Run(["-d", "{tmp}/a.cdb"]),
        Run(["-l", "{tmp}/a.cdb"]),
        Run(["-d", "-m", "{tmp}/b.cdb"]),
        Run(["-d", "{tmp}/c.cdb"]),
        Run(["-d", "{tmp}/d.cdb"]),
        Run(["-s", "{tmp}/a.cdb"]),
        Run(["-s", "{tmp}/c.cdb"]),
        Run(["-q", "{tmp}/a.cdb", "fixed.key"]),
        Run(["-q", "-n", "2", "{tmp}/a.cdb", "fixed.key"]),
        Run(["-q", "-m", "{tmp}/b.cdb", "fixed.map"]),
        Run(["-q", "-m", "{tmp}/c.cdb", "fixed.map"]),
        Run(["-Q", "{tmp}/a.cdb", "{in:keys}"]),
        Run(["-Q", "{tmp}/b.cdb", "{in:keys}"]),
        Run(["-Q", "{tmp}/d.cdb", "{in:keys}"]),
    ])
