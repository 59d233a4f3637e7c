"""LMDB, the Lightning memory-mapped B+tree key-value store (lmdb 0.9.24,
Debian `lmdb`), with a driver of ours.

Built from libraries/liblmdb/mdb.c and midl.c (as its Makefile compiles
them) plus drivers/lmdb.c. The driver makes an environment in {tmp}
(MDB_NOSUBDIR | MDB_NOLOCK | MDB_NOSYNC | MDB_NOTLS: one process, no lock
file, no fsync; no threads are created) with a string-keyed database whose
values run from 8 bytes to several pages (overflow pages), a MDB_DUPSORT and a
MDB_INTEGERKEY database. Each round inserts, updates and deletes generated
keys in batches of write transactions (some aborted, each with a nested child
transaction, every other one aborted), looks every key up against an
in-memory model, walks the databases with cursors (forward, backward,
MDB_SET_RANGE seeks, duplicates, deletes through a cursor); at the end the
environment is closed, reopened and checked again. It prints counts and
checksums of keys and values only (the database file is not compared: LMDB
writes page padding it never initialised).
"""

from corpuslib.model import Program, Run


class Lmdb(Program):
    def sources(self, b):
        d = b.path("libraries", "liblmdb")
        flags = ["-I" + d]
        files = [b.path("libraries", "liblmdb", f) for f in ("mdb.c", "midl.c")]
        return [(f, flags) for f in files + [b.driver("lmdb.c")]]


PROGRAM = Lmdb(
    name="lmdb", package="lmdb", domain="database", libs=["-lpthread"],
    runs=[Run(["{tmp}/a.mdb", "20000", "6"]), Run(["{tmp}/b.mdb", "3000", "20"])])
