//===- RunReport.h - What a saturation run did, round by round ------------===//
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace egopt::eg {

enum class StopReason {
  Saturated,      ///< a round changed nothing and the scheduler had no bans
  IterationLimit, ///< RunnerLimits::iterations rounds ran
  NodeLimit,      ///< the e-graph grew past RunnerLimits::nodes e-nodes
  TimeLimit,      ///< RunnerLimits::time passed
  HookStopped,    ///< a hook asked to stop (e.g. a goal was proved)
  Conflict,       ///< an analysis found a conflict (Analysis.h): do not extract
};
const char *stopReasonName(StopReason r);

struct RuleRoundStats {
  size_t matches = 0;  ///< matches accepted (0 when banned or skipped)
  size_t unions = 0;   ///< unions that merged two different classes
  size_t declined = 0; ///< matches whose right-hand side the language declined
  bool searched = false;
  double searchSeconds = 0; ///< CPU time of this rule's search tasks
  bool banned = false;      ///< found more than its limit this round
};

struct IterationStats {
  size_t nodesBefore = 0, classesBefore = 0;
  size_t nodesAfter = 0, classesAfter = 0;
  size_t matches = 0, appliedUnions = 0, congruenceUnions = 0;
  /// Matches not applied because the same canonical match was applied before.
  size_t skippedMatches = 0;
  /// Rules not searched: the e-graph had not changed since all their matches
  /// were applied (their matches count as found and skipped).
  size_t unchangedRules = 0;
  /// Rules searched only near the classes changed since their matches were
  /// all applied (incremental search; ChangedRegion.h).
  size_t incrementalRules = 0;
  double searchSeconds = 0, applySeconds = 0, rebuildSeconds = 0;
  std::vector<RuleRoundStats> rules; ///< per rule, in rule order
};

struct RunReport {
  StopReason stopReason = StopReason::Saturated;
  /// The rules' names, in rule order: views of the names the rules own,
  /// valid while the rules live (one run per function: no copies).
  std::vector<std::string_view> ruleNames;
  std::vector<IterationStats> iterations;
  std::vector<size_t> timesBanned; ///< per rule, over the whole run
  double totalSeconds = 0;
  unsigned threads = 0;

  /// The report as JSON (rounds, per-rule counts, timings, stop reason).
  std::string toJson() const;
  /// A few human lines.
  std::string summary() const;
};

} // namespace egopt::eg
