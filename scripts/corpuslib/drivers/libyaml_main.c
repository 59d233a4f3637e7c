/* The corpus's driver for libyaml. Usage: libyaml MODE [options] FILE
 *   scan    FILE   tokens of the stream (yaml_parser_scan): counts per type
 *   parse   FILE   events (yaml_parser_parse): counts per type, scalar bytes,
 *                  a checksum of anchors, tags and values
 *   emit [-c] [-u] [-i N] [-w N] [-crlf] [-utf16] FILE
 *                  parses FILE and emits its events again on stdout (a
 *                  reformatter; -c canonical, -u unicode, -i indent, -w width)
 *   load [-c] [-u] FILE
 *                  loads every document (yaml_parser_load), prints its node
 *                  counts, and dumps it again on stdout (yaml_emitter_dump)
 * FILE "-" is stdin. A parser error is reported on stdout with its position,
 * and the exit code is 0: the workload checks error paths too. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned hash_bytes(unsigned h, const unsigned char *p, size_t n) {
  while (n--) h = (h ^ *p++) * 16777619u;
  return h;
}

static unsigned hash_str(unsigned h, const unsigned char *s) {
  return s ? hash_bytes(h, s, strlen((const char *)s)) : h * 31u + 7u;
}

static void parser_error(yaml_parser_t *p) {
  static const char *kinds[] = {"none", "memory", "reader", "scanner", "parser",
                                "composer", "writer", "emitter"};
  printf("error: %s: %s", kinds[p->error], p->problem ? p->problem : "?");
  if (p->error == YAML_READER_ERROR)
    printf(" (value %d at offset %lu)\n", p->problem_value, (unsigned long)p->problem_offset);
  else
    printf(" at line %lu column %lu%s%s\n", (unsigned long)p->problem_mark.line + 1,
           (unsigned long)p->problem_mark.column + 1, p->context ? ", " : "",
           p->context ? p->context : "");
}

static FILE *open_input(const char *name) {
  FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", name);
    exit(2);
  }
  return f;
}

static int do_scan(FILE *f) {
  yaml_parser_t parser;
  yaml_token_t token;
  unsigned long counts[YAML_SCALAR_TOKEN + 1] = {0};
  unsigned long bytes = 0, total = 0;
  unsigned h = 2166136261u;
  int done = 0, k;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_file(&parser, f);
  while (!done) {
    if (!yaml_parser_scan(&parser, &token)) {
      parser_error(&parser);
      break;
    }
    done = token.type == YAML_STREAM_END_TOKEN;
    counts[token.type]++;
    total++;
    switch (token.type) {
    case YAML_SCALAR_TOKEN:
      bytes += token.data.scalar.length;
      h = hash_bytes(h, token.data.scalar.value, token.data.scalar.length);
      h = h * 33u + token.data.scalar.style;
      break;
    case YAML_ANCHOR_TOKEN:
      h = hash_str(h, token.data.anchor.value);
      break;
    case YAML_ALIAS_TOKEN:
      h = hash_str(h, token.data.alias.value);
      break;
    case YAML_TAG_TOKEN:
      h = hash_str(hash_str(h, token.data.tag.handle), token.data.tag.suffix);
      break;
    default:
      h = h * 31u + (unsigned)token.start_mark.line * 7u + (unsigned)token.start_mark.column;
    }
    yaml_token_delete(&token);
  }
  for (k = 0; k <= YAML_SCALAR_TOKEN; k++)
    printf("token %d: %lu\n", k, counts[k]);
  printf("tokens %lu scalar bytes %lu checksum %08x\n", total, bytes, h);
  yaml_parser_delete(&parser);
  return 0;
}

static int do_parse(FILE *f) {
  yaml_parser_t parser;
  yaml_event_t event;
  unsigned long counts[YAML_MAPPING_END_EVENT + 1] = {0};
  unsigned long bytes = 0, total = 0, depth = 0, maxdepth = 0, docs = 0;
  unsigned h = 2166136261u;
  int done = 0, k;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_file(&parser, f);
  while (!done) {
    if (!yaml_parser_parse(&parser, &event)) {
      parser_error(&parser);
      break;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    counts[event.type]++;
    total++;
    switch (event.type) {
    case YAML_DOCUMENT_START_EVENT:
      docs++;
      if (event.data.document_start.version_directive)
        h = h * 31u + event.data.document_start.version_directive->minor;
      for (yaml_tag_directive_t *t = event.data.document_start.tag_directives.start;
           t != event.data.document_start.tag_directives.end; t++)
        h = hash_str(hash_str(h, t->handle), t->prefix);
      break;
    case YAML_SCALAR_EVENT:
      bytes += event.data.scalar.length;
      h = hash_str(h, event.data.scalar.anchor);
      h = hash_str(h, event.data.scalar.tag);
      h = hash_bytes(h, event.data.scalar.value, event.data.scalar.length);
      h = h * 33u + event.data.scalar.style * 4u + event.data.scalar.plain_implicit * 2u +
          event.data.scalar.quoted_implicit;
      break;
    case YAML_ALIAS_EVENT:
      h = hash_str(h, event.data.alias.anchor);
      break;
    case YAML_SEQUENCE_START_EVENT:
      h = hash_str(hash_str(h, event.data.sequence_start.anchor), event.data.sequence_start.tag);
      h = h * 31u + event.data.sequence_start.style;
      if (++depth > maxdepth) maxdepth = depth;
      break;
    case YAML_MAPPING_START_EVENT:
      h = hash_str(hash_str(h, event.data.mapping_start.anchor), event.data.mapping_start.tag);
      h = h * 31u + event.data.mapping_start.style;
      if (++depth > maxdepth) maxdepth = depth;
      break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      depth--;
      break;
    default:
      break;
    }
    yaml_event_delete(&event);
  }
  for (k = 0; k <= YAML_MAPPING_END_EVENT; k++)
    printf("event %d: %lu\n", k, counts[k]);
  printf("documents %lu events %lu scalar bytes %lu max depth %lu checksum %08x\n", docs, total,
         bytes, maxdepth, h);
  yaml_parser_delete(&parser);
  return 0;
}

struct emit_opts {
  int canonical, unicode, indent, width, crlf, utf16;
};

static void setup_emitter(yaml_emitter_t *e, const struct emit_opts *o) {
  yaml_emitter_initialize(e);
  yaml_emitter_set_output_file(e, stdout);
  yaml_emitter_set_canonical(e, o->canonical);
  yaml_emitter_set_unicode(e, o->unicode);
  if (o->indent) yaml_emitter_set_indent(e, o->indent);
  if (o->width) yaml_emitter_set_width(e, o->width);
  if (o->crlf) yaml_emitter_set_break(e, YAML_CRLN_BREAK);
  if (o->utf16) yaml_emitter_set_encoding(e, YAML_UTF16LE_ENCODING);
}

static int do_emit(FILE *f, const struct emit_opts *o) {
  yaml_parser_t parser;
  yaml_emitter_t emitter;
  yaml_event_t event;
  unsigned long n = 0;
  int done = 0;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_file(&parser, f);
  setup_emitter(&emitter, o);
  while (!done) {
    if (!yaml_parser_parse(&parser, &event)) {
      fflush(stdout);
      parser_error(&parser);
      break;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    if (o->utf16 && event.type == YAML_STREAM_START_EVENT)
      event.data.stream_start.encoding = YAML_UTF16LE_ENCODING;
    n++;
    if (!yaml_emitter_emit(&emitter, &event)) {
      fprintf(stderr, "emitter error: %s\n", emitter.problem ? emitter.problem : "?");
      return 1;
    }
  }
  yaml_parser_delete(&parser);
  yaml_emitter_delete(&emitter);
  fprintf(stderr, "%lu events\n", n);
  return 0;
}

static void count_nodes(yaml_document_t *doc, unsigned long c[4], unsigned *h) {
  yaml_node_t *node;
  for (node = doc->nodes.start; node < doc->nodes.top; node++) {
    c[node->type]++;
    *h = hash_str(*h, node->tag);
    if (node->type == YAML_SCALAR_NODE)
      *h = hash_bytes(*h, node->data.scalar.value, node->data.scalar.length);
    else if (node->type == YAML_SEQUENCE_NODE)
      *h = *h * 31u + (unsigned)(node->data.sequence.items.top - node->data.sequence.items.start);
    else if (node->type == YAML_MAPPING_NODE)
      *h = *h * 37u + (unsigned)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
  }
}

static int do_load(FILE *f, const struct emit_opts *o) {
  yaml_parser_t parser;
  yaml_emitter_t emitter;
  yaml_document_t doc;
  unsigned long docs = 0, c[4] = {0};
  unsigned h = 2166136261u;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_file(&parser, f);
  setup_emitter(&emitter, o);
  yaml_emitter_open(&emitter);
  for (;;) {
    if (!yaml_parser_load(&parser, &doc)) {
      fflush(stdout);
      parser_error(&parser);
      break;
    }
    if (!yaml_document_get_root_node(&doc)) {
      yaml_document_delete(&doc);
      break;
    }
    docs++;
    count_nodes(&doc, c, &h);
    /* yaml_emitter_dump deletes the document. */
    if (!yaml_emitter_dump(&emitter, &doc)) {
      fprintf(stderr, "emitter error: %s\n", emitter.problem ? emitter.problem : "?");
      return 1;
    }
  }
  yaml_emitter_close(&emitter);
  yaml_emitter_flush(&emitter);
  printf("# documents %lu scalars %lu sequences %lu mappings %lu checksum %08x\n", docs,
         c[YAML_SCALAR_NODE], c[YAML_SEQUENCE_NODE], c[YAML_MAPPING_NODE], h);
  yaml_parser_delete(&parser);
  yaml_emitter_delete(&emitter);
  return 0;
}

int main(int argc, char **argv) {
  struct emit_opts o = {0, 0, 0, 0, 0, 0};
  const char *mode, *file = NULL;
  int k, rc;
  FILE *f;
  if (argc < 3) {
    fprintf(stderr, "usage: %s scan|parse|emit|load [options] FILE\n", argv[0]);
    return 2;
  }
  mode = argv[1];
  for (k = 2; k < argc; k++) {
    if (strcmp(argv[k], "-c") == 0) o.canonical = 1;
    else if (strcmp(argv[k], "-u") == 0) o.unicode = 1;
    else if (strcmp(argv[k], "-crlf") == 0) o.crlf = 1;
    else if (strcmp(argv[k], "-utf16") == 0) o.utf16 = 1;
    else if (strcmp(argv[k], "-i") == 0 && k + 1 < argc) o.indent = atoi(argv[++k]);
    else if (strcmp(argv[k], "-w") == 0 && k + 1 < argc) o.width = atoi(argv[++k]);
    else file = argv[k];
  }
  if (!file) {
    fprintf(stderr, "no input file\n");
    return 2;
  }
  f = open_input(file);
  if (strcmp(mode, "scan") == 0) rc = do_scan(f);
  else if (strcmp(mode, "parse") == 0) rc = do_parse(f);
  else if (strcmp(mode, "emit") == 0) rc = do_emit(f, &o);
  else if (strcmp(mode, "load") == 0) rc = do_load(f, &o);
  else {
    fprintf(stderr, "unknown mode %s\n", mode);
    rc = 2;
  }
  if (f != stdin) fclose(f);
  return rc;
}
