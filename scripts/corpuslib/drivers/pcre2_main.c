/* The corpus's driver for PCRE2 (8-bit library, interpreter only: no JIT, no
 * Unicode). Usage: pcre2 PATTERNS SUBJECT
 *
 * PATTERNS has one pattern a line: FLAGS<TAB>PATTERN[<TAB>REPLACEMENT].
 * FLAGS letters: i caseless, m multiline, s dotall, x extended, U ungreedy,
 * n no auto capture, A anchored, D dollar endonly, d match with
 * pcre2_dfa_match, l match each line of the subject on its own (like grep)
 * instead of the whole subject, r substitute (global) with REPLACEMENT, c
 * copy named/numbered substrings of each match, '-' nothing.
 *
 * For each pattern it prints its compile error, or its pattern info and
 * the number of matches, a checksum of all match offsets and the first
 * matches' offsets. Matches are found globally, as pcre2demo does (an
 * empty match is retried with PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED). */

#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pcre2.h"

static unsigned mix(unsigned h, unsigned long v) {
  h ^= (unsigned)v + 0x9e3779b9u + (h << 6) + (h >> 2);
  return h;
}

static char *read_file(const char *name, size_t *len) {
  FILE *f = fopen(name, "rb");
  char *buf;
  long n;
  if (!f) {
    fprintf(stderr, "cannot open %s\n", name);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc(n + 1);
  if (fread(buf, 1, n, f) != (size_t)n) {
    fprintf(stderr, "cannot read %s\n", name);
    exit(2);
  }
  buf[n] = 0;
  fclose(f);
  *len = n;
  return buf;
}

struct stats {
  unsigned long matches, errors, limit_hits;
  unsigned h;
  int shown;
};

static void note_match(struct stats *st, PCRE2_SIZE base, PCRE2_SIZE *ov, int rc) {
  int i;
  st->matches++;
  for (i = 0; i < rc; i++) {
    st->h = mix(st->h, ov[2 * i] == PCRE2_UNSET ? 0xffffffffu : base + ov[2 * i]);
    st->h = mix(st->h, ov[2 * i + 1] == PCRE2_UNSET ? 0xfffffffeu : base + ov[2 * i + 1]);
  }
  if (st->shown < 4) {
    printf(" [%lu,%lu)", (unsigned long)(base + ov[0]), (unsigned long)(base + ov[1]));
    st->shown++;
  }
}

/* All matches of `code` in subj[0, len); offsets reported relative to base. */
static void match_all(const pcre2_code *code, const char *flags, PCRE2_SPTR subj, PCRE2_SIZE len,
                      PCRE2_SIZE base, pcre2_match_data *md, pcre2_match_context *mc,
                      struct stats *st) {
  int dfa = strchr(flags, 'd') != NULL, copy = strchr(flags, 'c') != NULL;
  static int workspace[4096];
  PCRE2_SIZE start = 0;
  uint32_t opts = 0;
  for (;;) {
    int rc;
    PCRE2_SIZE *ov;
    if (start > len) break;
    if (dfa)
      rc = pcre2_dfa_match(code, subj, len, start, opts, md, mc, workspace,
                           sizeof workspace / sizeof workspace[0]);
    else
      rc = pcre2_match(code, subj, len, start, opts, md, mc);
    if (rc == PCRE2_ERROR_NOMATCH) {
      if (opts == 0) break;
      /* An empty match could not be extended: step over one character. */
      start++;
      opts = 0;
      continue;
    }
    if (rc < 0) {
      if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
          rc == PCRE2_ERROR_HEAPLIMIT)
        st->limit_hits++;
      else
        st->errors++;
      st->h = mix(st->h, (unsigned long)-rc);
      /* Skip on past the failing start. */
      start++;
      opts = 0;
      continue;
    }
    ov = pcre2_get_ovector_pointer(md);
    if (rc == 0) rc = (int)pcre2_get_ovector_count(md);
    note_match(st, base, ov, dfa ? 1 : rc);
    if (dfa) st->h = mix(st->h, (unsigned long)rc); /* number of alternative lengths */
    if (copy && !dfa) {
      PCRE2_UCHAR buf[256];
      PCRE2_SIZE blen;
      int i;
      for (i = 1; i < rc; i++) {
        blen = sizeof buf;
        if (pcre2_substring_copy_bynumber(md, i, buf, &blen) == 0)
          st->h = mix(st->h, blen * 131u + buf[0] + (blen ? buf[blen - 1] : 0));
      }
      blen = sizeof buf;
      if (pcre2_substring_copy_byname(md, (PCRE2_SPTR) "w", buf, &blen) == 0)
        st->h = mix(st->h, blen);
    }
    if (ov[1] == ov[0]) {
      if (ov[0] == len) break;
      opts = PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED;
    } else {
      opts = 0;
    }
    start = ov[1];
    if (ov[1] < ov[0]) break; /* \K oddities */
  }
}

static uint32_t options_of(const char *flags) {
  uint32_t o = 0;
  for (; *flags; flags++) switch (*flags) {
    case 'i': o |= PCRE2_CASELESS; break;
    case 'm': o |= PCRE2_MULTILINE; break;
    case 's': o |= PCRE2_DOTALL; break;
    case 'x': o |= PCRE2_EXTENDED; break;
    case 'U': o |= PCRE2_UNGREEDY; break;
    case 'n': o |= PCRE2_NO_AUTO_CAPTURE; break;
    case 'A': o |= PCRE2_ANCHORED; break;
    case 'D': o |= PCRE2_DOLLAR_ENDONLY; break;
    }
  return o;
}

int main(int argc, char **argv) {
  size_t plen, slen;
  char *pats, *subject, *line, *next;
  int npat = 0;
  unsigned total = 0;
  unsigned long total_matches = 0;
  pcre2_match_context *mc;
  if (argc != 3) {
    fprintf(stderr, "usage: %s PATTERNS SUBJECT\n", argv[0]);
    return 2;
  }
  pats = read_file(argv[1], &plen);
  subject = read_file(argv[2], &slen);
  mc = pcre2_match_context_create(NULL);
  pcre2_set_match_limit(mc, 200000);
  pcre2_set_depth_limit(mc, 5000);
  for (line = pats; line && *line; line = next) {
    char *flags = line, *pat, *repl = NULL, *tab;
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *code;
    pcre2_match_data *md;
    struct stats st = {0, 0, 0, 2166136261u, 0};
    uint32_t capcount = 0, minlen = 0, namecount = 0, backref = 0;
    next = strchr(line, '\n');
    if (next) *next++ = 0;
    if (!*line) continue;
    tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    pat = tab + 1;
    if ((tab = strchr(pat, '\t')) != NULL) {
      *tab = 0;
      repl = tab + 1;
    }
    npat++;
    code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, options_of(flags), &errcode,
                         &erroff, NULL);
    if (!code) {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message(errcode, msg, sizeof msg);
      printf("%d: error %d at %lu: %s\n", npat, errcode, (unsigned long)erroff, msg);
      total = mix(total, (unsigned long)errcode);
      continue;
    }
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &capcount);
    pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &minlen);
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &namecount);
    pcre2_pattern_info(code, PCRE2_INFO_BACKREFMAX, &backref);
    printf("%d: /%s/%s caps %u min %u names %u backref %u:", npat, pat, flags, capcount, minlen,
           namecount, backref);
    md = pcre2_match_data_create_from_pattern(code, NULL);
    if (strchr(flags, 'r') && repl) {
      PCRE2_SIZE outlen = slen * 2 + 1024;
      PCRE2_UCHAR *out = malloc(outlen);
      int rc = pcre2_substitute(code, (PCRE2_SPTR)subject, slen, 0,
                                PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_EXTENDED, md, mc,
                                (PCRE2_SPTR)repl, PCRE2_ZERO_TERMINATED, out, &outlen);
      if (rc >= 0) {
        PCRE2_SIZE i;
        st.matches = (unsigned long)rc;
        for (i = 0; i < outlen; i++) st.h = (st.h ^ out[i]) * 16777619u;
        printf(" substituted -> %lu bytes:", (unsigned long)outlen);
        fwrite(out, 1, outlen < 60 ? outlen : 60, stdout);
        printf("|");
      } else {
        printf(" substitute error %d", rc);
      }
      free(out);
    } else if (strchr(flags, 'l')) {
      size_t pos = 0;
      unsigned long lines = 0;
      while (pos < slen) {
        char *nl = memchr(subject + pos, '\n', slen - pos);
        size_t end = nl ? (size_t)(nl - subject) : slen;
        unsigned long before = st.matches;
        match_all(code, flags, (PCRE2_SPTR)subject + pos, end - pos, pos, md, mc, &st);
        if (st.matches != before) lines++;
        pos = end + 1;
      }
      printf(" lines %lu", lines);
    } else {
      match_all(code, flags, (PCRE2_SPTR)subject, slen, 0, md, mc, &st);
    }
    printf(" -> %lu matches, %lu limit hits, %lu errors, checksum %08x\n", st.matches,
           st.limit_hits, st.errors, st.h);
    total = mix(total, st.h);
    total_matches += st.matches;
    pcre2_match_data_free(md);
    pcre2_code_free(code);
  }
  printf("%d patterns, %lu matches, checksum %08x\n", npat, total_matches, total);
  pcre2_match_context_free(mc);
  free(pats);
  free(subject);
  return 0;
}
