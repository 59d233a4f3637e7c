//===- Scheduler.h - Which rules search in a round, and how much ----------===//
//
// SimpleScheduler runs every rule every round. BackoffScheduler is egg's:
// a rule that finds more than its match limit is banned for a while, and both
// its limit and its ban length double each time (limit << times_banned,
// ban << times_banned). Rationale: a few explosive rules (associativity,
// commutativity, distribution) would otherwise fill the node budget before
// cheaper rules get a turn. Every ban is counted.
//
//===----------------------------------------------------------------------===//
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace egopt::eg {

class Scheduler {
public:
  virtual ~Scheduler();
  virtual std::string name() const = 0;
  /// Called once before a run with the number of rules.
  virtual void reset(size_t numRules) = 0;
  /// nullopt to skip `rule` this iteration; otherwise the number of matches
  /// that is acceptable (the search may stop once it has found one more).
  virtual std::optional<size_t> searchLimit(size_t iteration, size_t rule) = 0;
  /// Told how many matches were found (capped at limit + 1); false discards them.
  virtual bool acceptMatches(size_t iteration, size_t rule, size_t found) = 0;
  /// Asked when a round changed nothing: may the run stop as saturated?
  virtual bool canStop(size_t iteration) = 0;
  /// How many times `rule` was banned so far.
  virtual size_t timesBanned(size_t rule) const { return 0; }
  virtual std::unique_ptr<Scheduler> clone() const = 0;
};

class SimpleScheduler final : public Scheduler {
public:
  std::string name() const override { return "simple"; }
  void reset(size_t) override {}
  std::optional<size_t> searchLimit(size_t, size_t) override;
  bool acceptMatches(size_t, size_t, size_t) override { return true; }
  bool canStop(size_t) override { return true; }
  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<SimpleScheduler>(); }
};

class BackoffScheduler final : public Scheduler {
public:
  /// egg's defaults: 1,000 matches, 5 iterations.
  explicit BackoffScheduler(size_t matchLimit = 1000, size_t banLength = 5)
      : matchLimit_(matchLimit), banLength_(banLength) {}
  std::string name() const override { return "backoff"; }
  void reset(size_t numRules) override;
  std::optional<size_t> searchLimit(size_t iteration, size_t rule) override;
  bool acceptMatches(size_t iteration, size_t rule, size_t found) override;
  bool canStop(size_t iteration) override;
  size_t timesBanned(size_t rule) const override { return stats_[rule].timesBanned; }
  size_t bannedUntil(size_t rule) const { return stats_[rule].bannedUntil; }
  std::unique_ptr<Scheduler> clone() const override {
    return std::make_unique<BackoffScheduler>(matchLimit_, banLength_);
  }

private:
  struct RuleStats {
    size_t timesApplied = 0;
    size_t bannedUntil = 0;
    size_t timesBanned = 0;
  };
  size_t threshold(size_t rule) const;
  size_t matchLimit_, banLength_;
  std::vector<RuleStats> stats_;
};

} // namespace egopt::eg
