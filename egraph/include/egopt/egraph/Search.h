//===- Search.h - Parallel, deterministic search of many rules ------------===//
//
// The search phase of a round, on its own so it can be measured and reused.
// The work is split into (rule, chunk of candidate classes) tasks that oneTBB
// runs in parallel over the clean, read-only e-graph. Each task writes its own
// buffer; buffers are concatenated in task order, which is candidate order, so
// the result is the same for every thread count and schedule.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Rewrite.h"

#include <optional>
#include <vector>

namespace egopt::eg {

struct RuleSearchResult {
  bool searched = false;  ///< false when the rule had no limit (skipped)
  Matches matches;        ///< matches whose conditions hold (root + subst)
  /// Matches found before conditions, capped at limit + 1: a count above the
  /// limit means the search stopped early.
  size_t found = 0;
  double cpuSeconds = 0;  ///< summed over this rule's tasks
};

/// Searches every rule; `limits[r]` is the number of matches acceptable for
/// rule r (nullopt: skip it). Must be called on a clean e-graph, inside the
/// task arena whose threads should do the work.
std::vector<RuleSearchResult> searchRules(const EGraph &g, const std::vector<const Rule *> &rules,
                                          const std::vector<std::optional<size_t>> &limits);

} // namespace egopt::eg
