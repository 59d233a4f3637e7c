#include "egopt/egraph/Runner.h"
#include "Search.h"

#include <tbb/task_arena.h>

#include "absl/container/flat_hash_set.h"

#include <algorithm>
#include <atomic>
#include <cassert>

namespace egopt::eg {

namespace {
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

/// A process-independent fingerprint of a match (canonical root and
/// substitution); the substitution is canonicalized in place.
uint64_t matchFingerprint(ClassId root, llvm::SmallVectorImpl<ClassId> &subst, const EGraph &g) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ root;
  auto mix = [&](uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
  };
  mix(root);
  for (ClassId &c : subst) {
    if (c != kNoClass) c = g.find(c);
    mix(c);
  }
  return h;
}

} // namespace

std::optional<StopReason> Runner::checkLimits(size_t iterationsDone) const {
  if (Clock::now() - start_ > limits_.time) return StopReason::TimeLimit;
  if (g_.numNodes() > limits_.nodes) return StopReason::NodeLimit;
  if (iterationsDone >= limits_.iterations) return StopReason::IterationLimit;
  return std::nullopt;
}

RunReport Runner::run(const RuleBook &rules) { return run(rules.enabledRules()); }

RunReport Runner::run(const std::vector<const Rule *> &rules) {
  tbb::task_arena arena(threads_ ? int(threads_) : tbb::task_arena::automatic);
  RunReport report;
  arena.execute([&] { report = runImpl(rules); });
  report.threads = unsigned(arena.max_concurrency());
  return report;
}

RunReport Runner::runImpl(const std::vector<const Rule *> &rules) {
  RunReport report;
  for (const Rule *r : rules) report.ruleNames.push_back(r->name());
  scheduler_->reset(rules.size());
  start_ = Clock::now();
  g_.rebuild();

  std::vector<absl::flat_hash_set<uint64_t>> applied(rules.size());
  // Per rule: the e-graph version at which its last search was accepted (so
  // every match was then applied), with its counts.
  struct FullyApplied {
    uint64_t version;
    size_t found, matches;
  };
  constexpr uint64_t kNever = ~uint64_t(0);
  std::vector<FullyApplied> fullyApplied(rules.size(), {kNever, 0, 0});

  // The regions of a round, one per version some rule was fully applied at
  // (usually one: the previous round's), grown as deep as the deepest rule.
  unsigned maxDepth = 0;
  for (const Rule *r : rules) maxDepth = std::max(maxDepth, r->program().depth());
  std::vector<std::unique_ptr<ChangedRegion>> regions;
  auto regionSince = [&](uint64_t version) -> const ChangedRegion * {
    for (const auto &region : regions)
      if (region->sinceVersion() == version) return region.get();
    regions.push_back(std::make_unique<ChangedRegion>(g_, version, maxDepth));
    return regions.back().get();
  };

  for (size_t iter = 0;; ++iter) {
    bool hookStop = false;
    for (auto &h : hooks_) hookStop = hookStop || h(g_, iter);
    if (hookStop) {
      report.stopReason = StopReason::HookStopped;
      break;
    }
    regions.clear();
    IterationStats it;
    it.nodesBefore = g_.numNodes();
    it.classesBefore = g_.numClasses();
    it.rules.resize(rules.size());
    std::optional<StopReason> stop;

    //--- Search (parallel, read-only) -------------------------------------//
    // A rule whose root operator is in no class cannot match: it is not
    // offered to the scheduler and counts as applied at this version (a
    // first match, once one appears, binds a class changed since).
    // A rule whose matches were all applied at some version is searched only
    // where the e-graph changed since (ChangedRegion.h): the matches found
    // are the new ones. When nothing changed at all it is not searched.
    // Without incremental search, a rule unchanged since its last accepted
    // search is not searched either; its last counts are reported (the
    // scheduler sees the same count, so its decision is the same too).
    auto t0 = Clock::now();
    std::vector<RuleSearchRequest> requests;
    for (uint32_t r = 0; r < rules.size(); ++r) {
      if (rules[r]->program().rootOperatorAbsent(g_)) {
        fullyApplied[r] = {g_.version(), 0, 0};
        continue;
      }
      std::optional<size_t> limit = scheduler_->searchLimit(iter, r);
      if (!limit) continue;
      uint64_t since = fullyApplied[r].version;
      if (since == g_.version()) {
        it.rules[r].searched = true;
        // Incremental counts are of new matches: none here.
        FullyApplied last = incremental_ ? FullyApplied{since, 0, 0} : fullyApplied[r];
        [[maybe_unused]] bool accepted = scheduler_->acceptMatches(iter, r, last.found);
        assert(accepted && "a count accepted before is accepted again");
        it.rules[r].matches = last.matches;
        it.matches += last.matches;
        it.skippedMatches += last.matches;
        ++it.unchangedRules;
        continue;
      }
      RuleSearchRequest req{r, *limit, nullptr};
      if (incremental_ && since != kNever) {
        req.region = regionSince(since);
        ++it.incrementalRules;
      }
      requests.push_back(req);
    }
    std::vector<RuleSearchResult> found = searchRules(g_, rules, requests);
    for (size_t q = 0; q < requests.size(); ++q) {
      uint32_t r = requests[q].rule;
      RuleSearchResult &res = found[q];
      it.rules[r].searched = true;
      it.rules[r].searchSeconds = res.cpuSeconds;
      if (!scheduler_->acceptMatches(iter, r, res.found)) {
        it.rules[r].banned = true;
        res.matches.data.clear();
        fullyApplied[r].version = kNever;
      } else {
        fullyApplied[r] = {g_.version(), res.found, res.matches.size()};
      }
      it.rules[r].matches = res.matches.size();
      it.matches += res.matches.size();
    }
    it.searchSeconds = secondsSince(t0);
    stop = checkLimits(iter);
    if (stop == StopReason::IterationLimit) stop.reset(); // counted after the round

    //--- Apply (sequential: new ids in match order) ------------------------//
    auto t1 = Clock::now();
    if (!stop) {
      for (size_t q = 0; q < requests.size() && !stop; ++q) {
        uint32_t r = requests[q].rule;
        const Matches &m = found[q].matches;
        if (m.size() == 0) continue;
        auto &seen = applied[r];
        llvm::SmallVector<ClassId, 8> subst;
        for (size_t i = 0; i < m.size(); ++i) {
          // A match applied before with the same canonical root and
          // substitution is a no-op: its right-hand side is already in the
          // root's class (unions only grow, and the memo keeps every e-node).
          // Skipping it is sound even on a fingerprint collision (it only
          // drops an application), and depends on nothing but the e-graph.
          ClassId root = g_.find(m.root(i));
          subst.assign(m.subst(i).begin(), m.subst(i).end());
          uint64_t fp = matchFingerprint(root, subst, g_);
          if (!seen.insert(fp).second) {
            ++it.skippedMatches;
            continue;
          }
          ClassId rhs = rules[r]->apply(g_, root, subst);
          if (rhs == kNoClass) {
            ++it.rules[r].declined;
            continue;
          }
          if (g_.merge(root, rhs)) ++it.rules[r].unions;
        }
        it.appliedUnions += it.rules[r].unions;
        if (g_.numNodes() > limits_.nodes) stop = StopReason::NodeLimit;
      }
    }
    it.applySeconds = secondsSince(t1);

    //--- Rebuild ------------------------------------------------------------//
    auto t2 = Clock::now();
    it.congruenceUnions = g_.rebuild();
    it.rebuildSeconds = secondsSince(t2);
    it.nodesAfter = g_.numNodes();
    it.classesAfter = g_.numClasses();

    bool changed = it.appliedUnions != 0 || it.nodesAfter != it.nodesBefore ||
                   it.classesAfter != it.classesBefore;
    // Before any other reason: the e-graph is no longer a sound description.
    if (g_.hasConflict()) stop = StopReason::Conflict;
    if (!stop && !changed && scheduler_->canStop(iter)) stop = StopReason::Saturated;
    report.iterations.push_back(std::move(it));
    if (!stop) stop = checkLimits(iter + 1);
    if (stop) {
      report.stopReason = *stop;
      break;
    }
  }
  for (size_t r = 0; r < rules.size(); ++r)
    report.timesBanned.push_back(scheduler_->timesBanned(r));
  report.totalSeconds = secondsSince(start_);
  return report;
}

} // namespace egopt::eg
