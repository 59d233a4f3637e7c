// Input of debuginfo/debug-info.test. Regenerate debuginfo.ll with:
//   clang-22 -g -O0 -Xclang -disable-O0-optnone -emit-llvm -S debuginfo.c -o debuginfo.ll
// With -DINLINE the two functions are always_inline (inlined at every level).
int printf(const char *, ...);
#ifdef INLINE
#define MAYBE_NOINLINE static inline __attribute__((always_inline))
#else
#define MAYBE_NOINLINE __attribute__((noinline))
#endif

int table[16];

MAYBE_NOINLINE int sum(int n, int k) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    int scale = k * 3 + 1;   // invariant: hoisted out of the loop
    int idx = (i + k) & 15;
    s += table[idx] * scale;
  }
  return s;
}

MAYBE_NOINLINE int twice(int a, int b) {
  int x = a * b + 7;
  int y = a * b + 7;         // the same value: one computation
  return x ^ (y >> 1);
}

int main(void) {
  for (int i = 0; i < 16; i++)
    table[i] = i;
  int r = sum(10, 2) + twice(3, 5);
  printf("result %d\n", r);
  return 0;
}
