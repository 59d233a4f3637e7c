//===- Runner.h - Equality saturation in rounds, with budgets -------------===//
//
// Each round (iteration):
//   1. hooks run; the budgets are checked;
//   2. search: every enabled rule that the scheduler lets run searches the
//      (clean, read-only) e-graph; a rule whose matches were all applied in
//      an earlier round searches only near the classes changed since
//      (ChangedRegion.h); the work is split into (rule, chunk of candidate
//      classes) tasks run in parallel with oneTBB, and each task's matches
//      are concatenated in chunk order, so the match list is the same for
//      every thread count;
//   3. apply: rules in order, matches in order: the right-hand side is added
//      and unioned with the match root (single-threaded, so new ids are
//      deterministic); the node budget is checked after each rule;
//   4. rebuild (parallel where it pays).
// It stops at the fixed point (a round that changed nothing and a scheduler
// that agrees), at a budget, or at an analysis conflict (Analysis.h), and
// says which.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Rewrite.h"
#include "egopt/egraph/RunReport.h"
#include "egopt/egraph/Scheduler.h"

#include <chrono>
#include <functional>

namespace egopt::eg {

struct RunnerLimits {
  /// egg's defaults; a user of the LLVM pipeline sets them per function.
  size_t iterations = 30;
  size_t nodes = 10'000;
  std::chrono::duration<double> time = std::chrono::seconds(5);
};

class Runner {
public:
  explicit Runner(EGraph &g) : g_(g), scheduler_(std::make_unique<BackoffScheduler>()) {}

  Runner &setLimits(RunnerLimits l) {
    limits_ = l;
    return *this;
  }
  Runner &setScheduler(std::unique_ptr<Scheduler> s) {
    scheduler_ = std::move(s);
    return *this;
  }
  /// Threads for the parallel phases (0: oneTBB's default). The result does
  /// not depend on it.
  Runner &setThreads(unsigned n) {
    threads_ = n;
    return *this;
  }
  /// Incremental search (on by default): a rule whose matches were all
  /// applied searches only where the e-graph changed since. Off, every rule
  /// searches every candidate class each round and re-finds old matches
  /// (which are then skipped); the e-graph reached is the same, but match
  /// counts, and with them the backoff scheduler's bans, differ.
  Runner &setIncrementalSearch(bool on) {
    incremental_ = on;
    return *this;
  }
  /// A hook runs at the start of every round; returning true stops the run
  /// with StopReason::HookStopped.
  Runner &addHook(std::function<bool(const EGraph &, size_t iteration)> hook) {
    hooks_.push_back(std::move(hook));
    return *this;
  }

  RunReport run(const RuleBook &rules);
  RunReport run(const std::vector<const Rule *> &rules);

  EGraph &egraph() { return g_; }
  const Scheduler &scheduler() const { return *scheduler_; }

private:
  RunReport runImpl(const std::vector<const Rule *> &rules);
  std::optional<StopReason> checkLimits(size_t iterationsDone) const;

  EGraph &g_;
  RunnerLimits limits_;
  std::unique_ptr<Scheduler> scheduler_;
  unsigned threads_ = 0;
  bool incremental_ = true;
  std::vector<std::function<bool(const EGraph &, size_t)>> hooks_;
  std::chrono::steady_clock::time_point start_;
};

} // namespace egopt::eg
