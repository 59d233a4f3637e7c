#include "egopt/egraph/Scheduler.h"

#include <algorithm>
#include <limits>

namespace egopt::eg {

Scheduler::~Scheduler() = default;

std::optional<size_t> SimpleScheduler::searchLimit(size_t, size_t) {
  return std::numeric_limits<size_t>::max() - 1;
}

void BackoffScheduler::reset(size_t numRules) { stats_.assign(numRules, RuleStats{}); }

size_t BackoffScheduler::threshold(size_t rule) const {
  size_t shift = std::min<size_t>(stats_[rule].timesBanned, 40);
  return matchLimit_ << shift;
}

std::optional<size_t> BackoffScheduler::searchLimit(size_t iteration, size_t rule) {
  if (iteration < stats_[rule].bannedUntil) return std::nullopt;
  return threshold(rule);
}

bool BackoffScheduler::acceptMatches(size_t iteration, size_t rule, size_t found) {
  RuleStats &s = stats_[rule];
  if (found > threshold(rule)) {
    size_t ban = banLength_ << std::min<size_t>(s.timesBanned, 40);
    ++s.timesBanned;
    s.bannedUntil = iteration + ban;
    return false;
  }
  ++s.timesApplied;
  return true;
}

bool BackoffScheduler::canStop(size_t iteration) {
  // Saturated only if no rule is banned; otherwise move every ban forward so
  // the earliest-ending one ends now (egg's behaviour), and go on.
  size_t minBan = std::numeric_limits<size_t>::max();
  for (const RuleStats &s : stats_)
    if (s.bannedUntil > iteration) minBan = std::min(minBan, s.bannedUntil);
  if (minBan == std::numeric_limits<size_t>::max()) return true;
  size_t delta = minBan - iteration;
  for (RuleStats &s : stats_)
    if (s.bannedUntil > iteration) s.bannedUntil -= delta;
  return false;
}

} // namespace egopt::eg
