//===- ProveRules.h - Proving whole rule sets, in parallel ----------------===//
#pragma once
#include "egopt/prover/Prover.h"

#include <functional>

namespace egopt::prover {

struct Tally {
  unsigned proven = 0, assumed = 0, skipped = 0, failed = 0, unknown = 0;
  void add(Verdict v);
  bool ok() const { return failed == 0 && unknown == 0; }
  /// `N proven, N assumed, N skipped, N failed, N unknown`.
  std::string str() const;
};

/// Proves `rules` on `threads` threads (each with its own Z3 context);
/// `onResult` is called in rule order as results become available.
Tally proveRules(std::span<const eg::Rule *const> rules, const ProverOptions &options,
                 unsigned threads, const std::function<void(const RuleResult &)> &onResult);

} // namespace egopt::prover
