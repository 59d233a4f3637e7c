/* egopt corpus driver for LMDB.
 *
 * usage: lmdb DBFILE NKEYS ROUNDS
 * Creates a new environment in DBFILE (MDB_NOSUBDIR | MDB_NOLOCK |
 * MDB_NOSYNC: single process, no lock file, no fsync) with three named
 * databases: "main" (string keys, values of 8 to 200 bytes and some
 * overflow values of several pages), "pairs" (groups of keys sharing a
 * prefix) and "ints" (MDB_INTEGERKEY). Each round inserts, updates and
 * deletes generated keys in batches of transactions (some aborted, each with
 * a nested child transaction), looks every key up against an in-memory
 * model, and walks the databases with cursors (forward, backward, range
 * seeks, prefix scans, deletes through a cursor). At the end the environment
 * is closed, reopened and walked again. The driver prints counts and
 * checksums of the keys and values only (nothing that depends on the page
 * size or the file system).
 *
 * No MDB_DUPSORT database: LMDB reads the headers of inline duplicate
 * sub-pages through misaligned MDB_page pointers (undefined behaviour that
 * UBSan reports in mdb_xcursor_init1 and others), which an optimizer could
 * legitimately break. The rest of the library runs clean under UBSan. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmdb.h"

#define CHECK(expr)                                                                    \
    do {                                                                               \
        int rc_ = (expr);                                                              \
        if (rc_ != MDB_SUCCESS) {                                                      \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #expr,              \
                    mdb_strerror(rc_));                                                \
            exit(1);                                                                   \
        }                                                                              \
    } while (0)

static unsigned nkeys;
static int *version; /* per key: the version of its value, -1 when absent */
static MDB_env *env;
static MDB_dbi dbi_main, dbi_pairs, dbi_ints;
static long mismatches;

static uint32_t mix32(uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

/* The key of index i: a scrambled decimal, so that inserts are in random order. */
static size_t make_key(unsigned i, char *buf) {
    return (size_t)sprintf(buf, "k%08x.%u", mix32(i * 2654435761U + 17), i % 97);
}

/* The value of key i at version v (deterministic bytes). */
static size_t make_value(unsigned i, int v, unsigned char *buf) {
    uint32_t h = mix32(i ^ ((uint32_t)v * 0x9E3779B9U));
    size_t len = 8 + h % 193;
    if (h % 101 == 0) len = 3000 + h % 9000; /* an overflow value */
    uint32_t s = h | 1;
    for (size_t j = 0; j < len; j++) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        buf[j] = (unsigned char)(s >> 24);
    }
    memcpy(buf, &i, sizeof i);
    memcpy(buf + 4, &v, sizeof v);
    return len;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
    const unsigned char *c = p;
    for (size_t j = 0; j < n; j++) {
        h ^= c[j];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static unsigned char vbuf[16384];

static void put_main(MDB_txn *txn, unsigned i, int v) {
    char kb[32];
    MDB_val k, d;
    k.mv_size = make_key(i, kb);
    k.mv_data = kb;
    d.mv_size = make_value(i, v, vbuf);
    d.mv_data = vbuf;
    CHECK(mdb_put(txn, dbi_main, &k, &d, 0));
}

static void del_main(MDB_txn *txn, unsigned i) {
    char kb[32];
    MDB_val k;
    k.mv_size = make_key(i, kb);
    k.mv_data = kb;
    CHECK(mdb_del(txn, dbi_main, &k, NULL));
}

/* Inserts, updates and deletes in batches; returns the number of changes. */
static long mutate(unsigned round) {
    long changes = 0;
    unsigned batch = 500;
    for (unsigned start = 0; start < nkeys; start += batch) {
        unsigned end = start + batch < nkeys ? start + batch : nkeys;
        int abort_it = (start / batch) % 7 == 3;
        int *saved = NULL;
        MDB_txn *txn;
        CHECK(mdb_txn_begin(env, NULL, 0, &txn));
        if (abort_it) {
            saved = malloc(sizeof *saved * (end - start));
            memcpy(saved, version + start, sizeof *saved * (end - start));
        }
        for (unsigned j = start; j < end; j++) {
            unsigned i = mix32(j + round * 7919) % nkeys;
            uint32_t op = mix32(i + round * 104729) % 10;
            if (i < start || i >= end) i = start + (i % (end - start));
            if (version[i] < 0) {
                if (op < 8) {
                    version[i] = (int)round;
                    put_main(txn, i, version[i]);
                    changes++;
                }
            } else if (op < 3) {
                del_main(txn, i);
                version[i] = -1;
                changes++;
            } else if (op < 7) {
                version[i]++;
                put_main(txn, i, version[i]);
                changes++;
            }
        }
        /* A nested transaction: every other one is aborted. */
        {
            MDB_txn *child;
            int keep = (start / batch) % 2 == 0;
            int *saved2 = malloc(sizeof *saved2 * (end - start));
            memcpy(saved2, version + start, sizeof *saved2 * (end - start));
            CHECK(mdb_txn_begin(env, txn, 0, &child));
            for (unsigned j = start; j < end; j += 5) {
                if (version[j] >= 0) {
                    version[j] += 100;
                    put_main(child, j, version[j]);
                }
            }
            if (keep) {
                CHECK(mdb_txn_commit(child));
            } else {
                mdb_txn_abort(child);
                memcpy(version + start, saved2, sizeof *saved2 * (end - start));
            }
            free(saved2);
        }
        if (abort_it) {
            mdb_txn_abort(txn);
            memcpy(version + start, saved, sizeof *saved * (end - start));
            free(saved);
        } else {
            CHECK(mdb_txn_commit(txn));
        }
    }
    return changes;
}

/* Every key looked up against the model. */
static void lookup_all(void) {
    MDB_txn *txn;
    CHECK(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn));
    for (unsigned i = 0; i < nkeys; i++) {
        char kb[32];
        MDB_val k, d;
        k.mv_size = make_key(i, kb);
        k.mv_data = kb;
        int rc = mdb_get(txn, dbi_main, &k, &d);
        if (version[i] < 0) {
            if (rc != MDB_NOTFOUND) mismatches++;
        } else if (rc != MDB_SUCCESS) {
            mismatches++;
        } else {
            size_t len = make_value(i, version[i], vbuf);
            if (d.mv_size != len || memcmp(d.mv_data, vbuf, len) != 0) mismatches++;
        }
    }
    mdb_txn_abort(txn);
}

/* Forward and backward walks of "main"; prints count and checksum. */
static void walk_main(const char *what) {
    MDB_txn *txn;
    MDB_cursor *cur;
    MDB_val k, d;
    MDB_stat st;
    uint64_t h = 0xcbf29ce484222325ULL, hb = h;
    long n = 0, nb = 0, present = 0;
    int rc;
    char prev[32] = "";
    for (unsigned i = 0; i < nkeys; i++) present += version[i] >= 0;
    CHECK(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn));
    CHECK(mdb_cursor_open(txn, dbi_main, &cur));
    for (rc = mdb_cursor_get(cur, &k, &d, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &d, MDB_NEXT)) {
        char kb[32];
        if (k.mv_size >= sizeof kb) exit(3);
        memcpy(kb, k.mv_data, k.mv_size);
        kb[k.mv_size] = 0;
        if (strcmp(prev, kb) >= 0) mismatches++; /* keys must come sorted */
        strcpy(prev, kb);
        h = fnv(h, k.mv_data, k.mv_size);
        h = fnv(h, d.mv_data, d.mv_size);
        n++;
    }
    if (rc != MDB_NOTFOUND) CHECK(rc);
    for (rc = mdb_cursor_get(cur, &k, &d, MDB_LAST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &d, MDB_PREV)) {
        hb = fnv(hb, k.mv_data, k.mv_size);
        nb++;
    }
    /* Range seeks: the first key at or after a few prefixes. */
    uint64_t hr = 0;
    for (unsigned p = 0; p < 256; p++) {
        char pb[8];
        sprintf(pb, "k%02x", p);
        k.mv_data = pb;
        k.mv_size = 3;
        rc = mdb_cursor_get(cur, &k, &d, MDB_SET_RANGE);
        if (rc == 0) hr = fnv(hr, k.mv_data, k.mv_size);
    }
    CHECK(mdb_stat(txn, dbi_main, &st));
    mdb_cursor_close(cur);
    mdb_txn_abort(txn);
    if (n != present || nb != n || (long)st.ms_entries != n) mismatches++;
    printf("%s: main entries=%ld fwd=%016llx bwd=%016llx range=%016llx\n", what, n,
           (unsigned long long)h, (unsigned long long)hb, (unsigned long long)hr);
}

/* The "pairs" database (keys "gGROUP/VALUE": groups of related keys, found
 * by prefix seeks) and the integer-key database. */
static void fill_side(unsigned round) {
    MDB_txn *txn;
    MDB_cursor *cur;
    MDB_val k, d;
    CHECK(mdb_txn_begin(env, NULL, 0, &txn));
    unsigned groups = nkeys / 16 + 1;
    for (unsigned j = 0; j < nkeys; j++) {
        uint32_t g = mix32(j + round) % groups, dv = mix32(j * 31 + round) % 100000;
        char kb[32];
        k.mv_size = (size_t)sprintf(kb, "g%05u/%06u", g, dv);
        k.mv_data = kb;
        d.mv_size = sizeof j;
        d.mv_data = &j;
        int rc = mdb_put(txn, dbi_pairs, &k, &d, MDB_NOOVERWRITE);
        if (rc != MDB_KEYEXIST) CHECK(rc);
        uint32_t ik = mix32(j ^ (round << 20)) % (nkeys * 4);
        k.mv_size = sizeof ik;
        k.mv_data = &ik;
        rc = mdb_put(txn, dbi_ints, &k, &d, MDB_NOOVERWRITE);
        if (rc != MDB_KEYEXIST) CHECK(rc);
    }
    /* Delete every third key of every fifth group through a cursor: seek
     * the group's prefix (MDB_SET_RANGE), delete with mdb_cursor_del (the
     * cursor then stands on the next key: MDB_GET_CURRENT). */
    CHECK(mdb_cursor_open(txn, dbi_pairs, &cur));
    long deleted = 0;
    for (unsigned g = 0; g < groups; g += 5) {
        char pb[16];
        size_t plen = (size_t)sprintf(pb, "g%05u/", g);
        k.mv_size = plen;
        k.mv_data = pb;
        int rc = mdb_cursor_get(cur, &k, &d, MDB_SET_RANGE);
        unsigned idx = 0;
        while (rc == 0 && k.mv_size >= plen && memcmp(k.mv_data, pb, plen) == 0) {
            if (idx++ % 3 == 0) {
                CHECK(mdb_cursor_del(cur, 0));
                deleted++;
                rc = mdb_cursor_get(cur, &k, &d, MDB_GET_CURRENT);
            } else {
                rc = mdb_cursor_get(cur, &k, &d, MDB_NEXT);
            }
        }
        if (rc != 0 && rc != MDB_NOTFOUND) CHECK(rc);
    }
    mdb_cursor_close(cur);
    CHECK(mdb_txn_commit(txn));
    printf("round %u: pairs deleted=%ld\n", round, deleted);
}

static void walk_side(const char *what) {
    MDB_txn *txn;
    MDB_cursor *cur;
    MDB_val k, d;
    MDB_stat st;
    uint64_t hd = 0xcbf29ce484222325ULL, hi = hd;
    long nd = 0, ngroups = 0, ni = 0, run = 0, maxrun = 0;
    char group[8] = "";
    int rc;
    CHECK(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn));
    CHECK(mdb_cursor_open(txn, dbi_pairs, &cur));
    for (rc = mdb_cursor_get(cur, &k, &d, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &d, MDB_NEXT)) {
        if (k.mv_size < 7) exit(3);
        if (memcmp(group, k.mv_data, 7) != 0) {
            memcpy(group, k.mv_data, 7);
            ngroups++;
            run = 0;
        }
        if (++run > maxrun) maxrun = run;
        hd = fnv(hd, k.mv_data, k.mv_size);
        hd = fnv(hd, d.mv_data, d.mv_size);
        nd++;
    }
    mdb_cursor_close(cur);
    CHECK(mdb_stat(txn, dbi_pairs, &st));
    if ((long)st.ms_entries != nd) mismatches++;
    CHECK(mdb_cursor_open(txn, dbi_ints, &cur));
    uint32_t last = 0;
    for (rc = mdb_cursor_get(cur, &k, &d, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &d, MDB_NEXT)) {
        uint32_t ik;
        memcpy(&ik, k.mv_data, sizeof ik);
        if (ni && ik <= last) mismatches++;
        last = ik;
        hi = fnv(hi, k.mv_data, k.mv_size);
        hi = fnv(hi, d.mv_data, d.mv_size);
        ni++;
    }
    mdb_cursor_close(cur);
    mdb_txn_abort(txn);
    printf("%s: pairs groups=%ld items=%ld maxgroup=%ld sum=%016llx ints=%ld sum=%016llx\n",
           what, ngroups, nd, maxrun, (unsigned long long)hd, ni, (unsigned long long)hi);
}

static void open_env(const char *path) {
    MDB_txn *txn;
    CHECK(mdb_env_create(&env));
    CHECK(mdb_env_set_maxdbs(env, 4));
    CHECK(mdb_env_set_mapsize(env, (size_t)1 << 30));
    CHECK(mdb_env_open(env, path, MDB_NOSUBDIR | MDB_NOLOCK | MDB_NOSYNC | MDB_NOTLS, 0644));
    CHECK(mdb_txn_begin(env, NULL, 0, &txn));
    CHECK(mdb_dbi_open(txn, "main", MDB_CREATE, &dbi_main));
    CHECK(mdb_dbi_open(txn, "pairs", MDB_CREATE, &dbi_pairs));
    CHECK(mdb_dbi_open(txn, "ints", MDB_CREATE | MDB_INTEGERKEY, &dbi_ints));
    CHECK(mdb_txn_commit(txn));
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s DBFILE NKEYS ROUNDS\n", argv[0]);
        return 2;
    }
    const char *path = argv[1];
    nkeys = (unsigned)atoi(argv[2]);
    unsigned rounds = (unsigned)atoi(argv[3]);
    if (nkeys < 16) nkeys = 16;
    unlink(path);
    version = malloc(sizeof *version * nkeys);
    for (unsigned i = 0; i < nkeys; i++) version[i] = -1;
    open_env(path);
    for (unsigned r = 0; r < rounds; r++) {
        long changes = mutate(r);
        lookup_all();
        char what[32];
        sprintf(what, "round %u", r);
        printf("round %u: changes=%ld\n", r, changes);
        walk_main(what);
        fill_side(r);
        walk_side(what);
    }
    /* Empty "ints" in one transaction, then close and reopen. */
    {
        MDB_txn *txn;
        CHECK(mdb_txn_begin(env, NULL, 0, &txn));
        CHECK(mdb_drop(txn, dbi_ints, 0));
        CHECK(mdb_txn_commit(txn));
    }
    mdb_env_close(env);
    open_env(path);
    lookup_all();
    walk_main("reopened");
    walk_side("reopened");
    mdb_env_close(env);
    free(version);
    printf("mismatches=%ld\n", mismatches);
    return mismatches != 0;
}
