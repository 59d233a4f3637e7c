// Input of cgu/debug-info-units.test. Regenerate static-debug.ll with:
//   clang-22 -g -O0 -Xclang -disable-O0-optnone -emit-llvm -S static-debug.c -o static-debug.ll
int printf(const char *, ...);

static int counter = 5;          // used by two functions
static int only_in_peek = 3;     // used by one function

__attribute__((noinline)) int bump(int x) { counter += x; return counter; }
__attribute__((noinline)) int peek(int x) { only_in_peek += x; return only_in_peek * 2; }

int main(void) {
  int r = bump(2) + peek(1) + counter;
  printf("static %d\n", r);   // a string literal: a private global with debug info
  return 0;
}
