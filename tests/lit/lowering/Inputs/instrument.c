/* -finstrument-functions marks each function; LLVM's pipelines at every
   level turn the mark into calls of __cyg_profile_func_enter/exit. */
static int calls;
void __attribute__((no_instrument_function)) __cyg_profile_func_enter(void *fn, void *site) { ++calls; }
void __attribute__((no_instrument_function)) __cyg_profile_func_exit(void *fn, void *site) { ++calls; }
int __attribute__((noinline)) twice(int x) { return 2 * x; }
int printf(const char *, ...);
int main(void) {
  int r = twice(20) + twice(1);
  printf("r=%d calls=%d\n", r, calls);
  return 0;
}
