// Input of debuginfo/dbg-value-order.test. Regenerate dbg-value-order.ll with:
//   clang-22 -g -O0 -Xclang -disable-O0-optnone -emit-llvm -S dbg-value-order.c -o dbg-value-order.ll
int g(int);

int f(int a, int b) {
  int x = a * b + 7;
  int y = g(x);
  return y;
}
