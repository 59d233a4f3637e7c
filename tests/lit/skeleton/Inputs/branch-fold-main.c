// Runs the functions of ../branch-fold.ll (linked with its object).
#include <stdio.h>

int br_true(int x);
int br_false(int *q);
int switch_known(int *q, int x);
int unknown(int x);
void f(void) {}
void g(void) {}

int main(void) {
  int q = 5;
  printf("%d %d %d %d\n", br_true(1), br_false(&q), switch_known(&q, 3), unknown(3));
  return 0;
}
