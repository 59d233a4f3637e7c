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
#include "ChangedRegion.h"
#include "egopt/egraph/Rewrite.h"

#include <optional>
#include <vector>

namespace egopt::eg {

/// What one rule's search of a round is asked to do.
struct RuleSearchRequest {
  uint32_t rule = 0; ///< index into the rules
  /// The number of matches acceptable: the search may stop once it has found
  /// one more.
  size_t limit = 0;
  /// When set, only the region's classes within the rule's depth are tried as
  /// roots: the matches new since the region's version (ChangedRegion.h).
  const ChangedRegion *region = nullptr;
};

struct RuleSearchResult {
  Matches matches; ///< matches whose conditions hold (root + subst)
  /// Matches found before conditions, capped at limit + 1: a count above the
  /// limit means the search stopped early.
  size_t found = 0;
  double cpuSeconds = 0; ///< summed over this rule's tasks
};

/// Runs the searches `requests` asks for; result i answers requests[i].
/// Must be called on a clean e-graph, inside the task arena whose threads
/// should do the work.
std::vector<RuleSearchResult> searchRules(const EGraph &g, const std::vector<const Rule *> &rules,
                                          const std::vector<RuleSearchRequest> &requests);

} // namespace egopt::eg
