/* The bundled example for scripts/example.sh: a small program with loops,
 * loop-invariant arithmetic, repeated subexpressions and address arithmetic,
 * whose output must not change when egopt compiles it. */
#include <stdint.h>
#include <stdio.h>

#define N 4096

static uint32_t table[256];

static void init_table(uint32_t poly) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? (poly ^ (c >> 1)) : (c >> 1);
    table[i] = c;
  }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; i++) c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

struct point { int32_t x, y, z; };

static int64_t weigh(const struct point *pts, int n, int scale, int bias) {
  int64_t s = 0;
  for (int i = 0; i < n; i++) {
    int w = scale * 3 + bias;            /* invariant: hoisted out of the loop */
    s += (int64_t)pts[i].x * w + pts[i].y * (scale * 3 + bias) - pts[i].z / 4;
  }
  return s;
}

int main(int argc, char **argv) {
  static uint8_t buf[N];
  static struct point pts[N];
  (void)argv;
  for (int i = 0; i < N; i++) {
    buf[i] = (uint8_t)(i * 31 + argc);
    pts[i].x = i - 100;
    pts[i].y = (i * 7) % 13;
    pts[i].z = i * i % 1000;
  }
  init_table(0xedb88320u);
  printf("crc32  = %08x\n", crc32(buf, N));
  printf("weight = %lld\n", (long long)weigh(pts, N, argc + 1, 5));
  return 0;
}
