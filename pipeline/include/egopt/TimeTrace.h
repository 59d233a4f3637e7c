//===- TimeTrace.h - Chrome trace spans from many threads -----------------===//
//
// A small collector of timed spans, written as Chrome trace JSON (one track
// per thread). LLVM's TimeTraceProfiler needs each thread to register and
// unregister itself, which oneTBB's pooled workers give no hook for; this one
// keeps one lock-protected list and numbers threads as they first report.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace egopt {

class TimeTrace {
public:
  using Clock = std::chrono::steady_clock;
  void add(std::string name, std::string detail, Clock::time_point start, Clock::time_point end);
  void write(llvm::raw_ostream &os) const;
  bool empty() const;

  /// Records a span from construction to destruction when `trace` is set.
  class Scope {
  public:
    Scope(TimeTrace *trace, std::string name, std::string detail = {})
        : trace_(trace), name_(std::move(name)), detail_(std::move(detail)), start_(Clock::now()) {}
    ~Scope() {
      if (trace_) trace_->add(std::move(name_), std::move(detail_), start_, Clock::now());
    }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

  private:
    TimeTrace *trace_;
    std::string name_, detail_;
    Clock::time_point start_;
  };

private:
  struct Span {
    std::string name, detail;
    unsigned tid;
    int64_t startUs, durUs;
  };
  mutable std::mutex lock_;
  std::vector<Span> spans_;
  std::vector<std::thread::id> threads_;
  Clock::time_point origin_ = Clock::now();
};

} // namespace egopt
