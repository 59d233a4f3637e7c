/* The corpus's entry point for tinycdb: `-Q DB KEYS` looks up every key of
 * the file KEYS (one a line) in the database DB through the library (mmap
 * reader: cdb_find, cdb_findinit/cdb_findnext, cdb_seqnext; file reader:
 * cdb_seek/cdb_bread for every 64th key) and prints, for every 16th key, the
 * number of its values, the first one's length and a checksum of them (all
 * keys go into a running checksum), then totals. Anything else goes to the cdb
 * tool's own main (cdb.c, compiled with -Dmain=cdb_tool_main). */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cdb.h"

int cdb_tool_main(int argc, char **argv);

static unsigned fnv(unsigned h, const unsigned char *p, unsigned n) {
  while (n--) h = (h ^ *p++) * 16777619u;
  return h;
}

static int query_many(const char *dbname, const char *keysname) {
  struct cdb c;
  struct cdb_find cf;
  char line[4096];
  unsigned long nkeys = 0, nfound = 0, nvals = 0, nbytes = 0;
  unsigned total = 2166136261u;
  unsigned pos;
  unsigned long nseq = 0;
  int fd = open(dbname, O_RDONLY), fd2;
  FILE *keys;
  if (fd < 0 || cdb_init(&c, fd) != 0) {
    fprintf(stderr, "cannot open %s\n", dbname);
    return 2;
  }
  fd2 = open(dbname, O_RDONLY);
  keys = fopen(keysname, "r");
  if (!keys || fd2 < 0) {
    fprintf(stderr, "cannot open %s\n", keysname);
    return 2;
  }
  while (fgets(line, sizeof line, keys)) {
    unsigned klen = strlen(line), n = 0, h = 2166136261u, first = 0;
    int r;
    if (klen && line[klen - 1] == '\n') line[--klen] = 0;
    ++nkeys;
    if (cdb_find(&c, line, klen) > 0) {
      const unsigned char *v = cdb_getdata(&c);
      first = cdb_datalen(&c);
      h = fnv(h, v, first);
    }
    if (cdb_findinit(&cf, &c, line, klen) < 0) {
      fprintf(stderr, "findinit %s failed\n", line);
      return 2;
    }
    while ((r = cdb_findnext(&cf)) > 0) {
      unsigned len = cdb_datalen(&c);
      const unsigned char *v = cdb_getdata(&c);
      ++n;
      nbytes += len;
      h = fnv(h, v, len);
    }
    if (r < 0) {
      fprintf(stderr, "findnext %s failed\n", line);
      return 2;
    }
    if (nkeys % 64 == 0) {
      unsigned dlen = 0;
      r = cdb_seek(fd2, line, klen, &dlen);
      if (r > 0) {
        char vbuf[4096];
        unsigned take = dlen < sizeof vbuf ? dlen : sizeof vbuf;
        if (cdb_bread(fd2, vbuf, take) != 0) {
          fprintf(stderr, "bread failed\n");
          return 2;
        }
        h = fnv(h, (unsigned char *)vbuf, take);
      }
      printf("seek %s %d %u\n", line, r, dlen);
    }
    if (n) ++nfound;
    nvals += n;
    total = fnv(total, (unsigned char *)&h, sizeof h);
    total = fnv(total, (unsigned char *)&n, sizeof n);
    total = fnv(total, (unsigned char *)&first, sizeof first);
    if (nkeys % 16 == 0)
      printf("%s %u %u %08x %08x\n", line, n, first, h, total);
  }
  fclose(keys);
  cdb_seqinit(&pos, &c);
  while (cdb_seqnext(&pos, &c) > 0) {
    ++nseq;
    total = fnv(total, cdb_getkey(&c), cdb_keylen(&c));
    total = fnv(total, cdb_getdata(&c), cdb_datalen(&c));
  }
  printf("keys %lu found %lu values %lu bytes %lu records %lu checksum %08x\n", nkeys, nfound,
         nvals, nbytes, nseq, total);
  cdb_free(&c);
  close(fd);
  close(fd2);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "-Q") == 0)
    return query_many(argv[2], argv[3]);
  return cdb_tool_main(argc, argv);
}
