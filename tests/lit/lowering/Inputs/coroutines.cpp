// C++20 coroutines: a generator (co_yield, suspended and resumed from a
// loop) and an async-style task (co_await of another task, resumed by
// symmetric transfer). No standard library beyond <coroutine>, so the
// program links with the C++ runtime alone.
#include <coroutine>
#include <cstdio>

struct Generator {
  struct promise_type {
    int current = 0;
    Generator get_return_object() {
      return Generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) noexcept {
      current = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { __builtin_trap(); }
  };
  explicit Generator(std::coroutine_handle<promise_type> h) : handle(h) {}
  Generator(Generator &&other) : handle(other.handle) { other.handle = nullptr; }
  ~Generator() {
    if (handle) handle.destroy();
  }
  bool next() {
    handle.resume();
    return !handle.done();
  }
  int value() const { return handle.promise().current; }
  std::coroutine_handle<promise_type> handle;
};

Generator fibonacci(int n) {
  int a = 0, b = 1;
  for (int i = 0; i < n; ++i) {
    co_yield a;
    int next = a + b;
    a = b;
    b = next;
  }
}

/// A lazily started task whose awaiter resumes it and, when it finishes,
/// transfers control back to the awaiting coroutine.
struct Task {
  struct promise_type {
    long result = 0;
    std::coroutine_handle<> continuation = std::noop_coroutine();
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        return h.promise().continuation;
      }
      void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void return_value(long v) { result = v; }
    void unhandled_exception() { __builtin_trap(); }
  };
  explicit Task(std::coroutine_handle<promise_type> h) : handle(h) {}
  Task(Task &&other) : handle(other.handle) { other.handle = nullptr; }
  ~Task() {
    if (handle) handle.destroy();
  }
  bool await_ready() { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
    handle.promise().continuation = awaiting;
    return handle;
  }
  long await_resume() { return handle.promise().result; }
  long run() {
    handle.resume();
    return handle.promise().result;
  }
  std::coroutine_handle<promise_type> handle;
};

Task square(long x) { co_return x *x; }

Task sumOfSquares(int n) {
  long total = 0;
  for (int i = 1; i <= n; ++i) total += co_await square(i);
  co_return total;
}

int main() {
  long fibSum = 0;
  int count = 0;
  Generator g = fibonacci(40);
  while (g.next()) {
    fibSum += g.value();
    ++count;
  }
  Task t = sumOfSquares(100);
  std::printf("generator %d values, sum %ld\n", count, fibSum);
  std::printf("task %ld\n", t.run());
  return 0;
}
