#include "egopt/egraph/Runner.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>

namespace egopt::eg {

namespace {
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

/// Candidate classes per search task. Small enough to balance rules with few
/// candidates across threads, large enough that task overhead stays below
/// the matching work (each class costs at least one binary search).
constexpr size_t kSearchChunk = 128;

struct SearchTask {
  uint32_t rule;
  uint32_t begin, end; ///< range of the rule's candidate list
};

struct RuleSearch {
  bool active = false;
  size_t limit = 0;
  std::vector<ClassId> ground;
  std::vector<ClassId> scratch;
  std::span<const ClassId> candidates;
  std::atomic<size_t> found{0};
};
} // namespace

std::optional<StopReason> Runner::checkLimits(size_t iterationsDone) const {
  if (Clock::now() - start_ > limits_.time) return StopReason::TimeLimit;
  if (g_.numNodes() > limits_.nodes) return StopReason::NodeLimit;
  if (iterationsDone >= limits_.iterations) return StopReason::IterationLimit;
  return std::nullopt;
}

RunReport Runner::run(const RuleSet &rules) { return run(rules.enabledRules()); }

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

  std::vector<RuleSearch> searches(rules.size());
  std::vector<SearchTask> tasks;
  std::vector<std::vector<ClassId>> taskMatches;

  for (size_t iter = 0;; ++iter) {
    bool hookStop = false;
    for (auto &h : hooks_) hookStop = hookStop || h(g_, iter);
    if (hookStop) {
      report.stopReason = StopReason::HookStopped;
      break;
    }
    IterationStats it;
    it.nodesBefore = g_.numNodes();
    it.classesBefore = g_.numClasses();
    it.rules.resize(rules.size());
    std::optional<StopReason> stop;

    //--- Search (parallel, read-only) -------------------------------------//
    auto t0 = Clock::now();
    tasks.clear();
    for (size_t r = 0; r < rules.size(); ++r) {
      RuleSearch &s = searches[r];
      s.found.store(0, std::memory_order_relaxed);
      s.active = false;
      auto limit = scheduler_->searchLimit(iter, r);
      if (!limit) continue;
      it.rules[r].searched = true;
      s.limit = *limit;
      const MatchProgram &prog = rules[r]->program();
      auto ground = prog.groundClasses(g_);
      if (!ground) continue; // a ground subterm is absent: no match possible
      s.active = true;
      s.ground = std::move(*ground);
      s.candidates = prog.candidates(g_, s.ground, s.scratch);
      for (size_t b = 0; b < s.candidates.size(); b += kSearchChunk)
        tasks.push_back({uint32_t(r), uint32_t(b),
                         uint32_t(std::min(s.candidates.size(), b + kSearchChunk))});
    }
    taskMatches.assign(tasks.size(), {});
    tbb::parallel_for(size_t(0), tasks.size(), [&](size_t t) {
      const SearchTask &task = tasks[t];
      RuleSearch &s = searches[task.rule];
      const Rule &rule = *rules[task.rule];
      std::vector<ClassId> &out = taskMatches[t];
      for (uint32_t i = task.begin; i < task.end; ++i) {
        // Once the rule is over its limit the matches will be dropped, so
        // stop early; whether it is over is the same for every schedule.
        if (s.found.load(std::memory_order_relaxed) > s.limit) return;
        ClassId c = s.candidates[i];
        size_t local = 0;
        rule.program().matchClass(g_, c, s.ground, [&](std::span<const ClassId> subst) {
          ++local;
          if (rule.conditionsHold(g_, subst)) {
            out.push_back(c);
            out.insert(out.end(), subst.begin(), subst.end());
          }
          return true;
        });
        if (local) s.found.fetch_add(local, std::memory_order_relaxed);
      }
    });
    // Concatenate per rule, in task (= candidate) order.
    std::vector<Matches> matches(rules.size());
    for (size_t r = 0; r < rules.size(); ++r)
      matches[r].stride = uint32_t(1 + rules[r]->vars().names.size());
    for (size_t t = 0; t < tasks.size(); ++t) {
      auto &dst = matches[tasks[t].rule].data;
      dst.insert(dst.end(), taskMatches[t].begin(), taskMatches[t].end());
    }
    for (size_t r = 0; r < rules.size(); ++r) {
      if (!it.rules[r].searched) continue;
      RuleSearch &s = searches[r];
      size_t found = std::min(s.found.load(), s.limit + 1);
      if (!scheduler_->acceptMatches(iter, r, found)) {
        it.rules[r].banned = true;
        matches[r].data.clear();
      }
      it.rules[r].matches = matches[r].size();
      it.matches += matches[r].size();
    }
    it.searchSeconds = secondsSince(t0);
    stop = checkLimits(iter);
    if (stop == StopReason::IterationLimit) stop.reset(); // counted after the round

    //--- Apply (sequential: new ids in match order) ------------------------//
    auto t1 = Clock::now();
    if (!stop) {
      for (size_t r = 0; r < rules.size() && !stop; ++r) {
        const Matches &m = matches[r];
        for (size_t i = 0; i < m.size(); ++i) {
          ClassId rhs = rules[r]->apply(g_, m.subst(i));
          if (g_.merge(m.root(i), rhs)) ++it.rules[r].unions;
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
    if (!stop && !changed && scheduler_->canStop(iter)) stop = StopReason::Saturated;
    report.iterations.push_back(std::move(it));
    if (!stop) stop = checkLimits(iter + 1);
    if (stop) {
      report.stopReason = *stop;
      break;
    }
  }
  for (size_t r = 0; r < rules.size(); ++r) report.timesBanned.push_back(scheduler_->timesBanned(r));
  report.totalSeconds = secondsSince(start_);
  return report;
}

} // namespace egopt::eg
