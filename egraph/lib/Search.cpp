#include "egopt/egraph/Search.h"

#include "llvm/ADT/ScopeExit.h"

#include <tbb/parallel_for.h>

#include <atomic>
#include <cassert>
#include <chrono>

namespace egopt::eg {

namespace {
using Clock = std::chrono::steady_clock;

/// Candidate classes per search task. Small enough to balance rules with few
/// candidates across threads, large enough that task overhead stays below
/// the matching work (each class costs at least one binary search).
constexpr size_t kSearchChunk = 128;
/// Below this many candidate classes in a round, the tasks run inline: on
/// egg's math workload most rounds are this small, and handing them to
/// worker threads cost more than it saved (measured: 2 threads slower than 1).
constexpr size_t kParallelSearchThreshold = 4096;

struct SearchTask {
  uint32_t rule;
  uint32_t begin, end; ///< range of the rule's candidate list
};

struct RuleState {
  size_t limit = 0;
  std::vector<ClassId> ground;
  std::vector<ClassId> scratch;
  std::span<const ClassId> candidates;
  std::atomic<size_t> found{0};
  std::atomic<uint64_t> nanos{0};
};
} // namespace

std::vector<RuleSearchResult> searchRules(const EGraph &g, const std::vector<const Rule *> &rules,
                                          const std::vector<std::optional<size_t>> &limits) {
  assert(g.isClean() && "search needs a rebuilt e-graph");
  std::vector<RuleSearchResult> results(rules.size());
  std::vector<RuleState> states(rules.size());
  std::vector<SearchTask> tasks;
  for (size_t r = 0; r < rules.size(); ++r) {
    results[r].matches.stride = uint32_t(1 + rules[r]->vars().names.size());
    if (!limits[r]) continue;
    results[r].searched = true;
    RuleState &s = states[r];
    s.limit = *limits[r];
    const MatchProgram &prog = rules[r]->program();
    if (prog.rootOperatorAbsent(g)) continue;
    auto ground = prog.groundClasses(g);
    if (!ground) continue; // a ground subterm is absent: nothing can match
    s.ground = std::move(*ground);
    s.candidates = prog.candidates(g, s.ground, s.scratch);
    for (size_t b = 0; b < s.candidates.size(); b += kSearchChunk)
      tasks.push_back({uint32_t(r), uint32_t(b),
                       uint32_t(std::min(s.candidates.size(), b + kSearchChunk))});
  }

  std::vector<std::vector<ClassId>> taskMatches(tasks.size());
  size_t totalCandidates = 0;
  for (const SearchTask &t : tasks) totalCandidates += t.end - t.begin;
  auto runTask = [&](size_t t) {
    const SearchTask &task = tasks[t];
    RuleState &s = states[task.rule];
    const Rule &rule = *rules[task.rule];
    std::vector<ClassId> &out = taskMatches[t];
    auto taskStart = Clock::now();
    llvm::scope_exit account([&] {
      auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - taskStart);
      s.nanos.fetch_add(uint64_t(ns.count()), std::memory_order_relaxed);
    });
    for (uint32_t i = task.begin; i < task.end; ++i) {
      // Once the rule is over its limit its matches will be dropped, so stop
      // early; whether it is over is the same for every schedule.
      if (s.found.load(std::memory_order_relaxed) > s.limit) return;
      ClassId c = s.candidates[i];
      size_t local = 0;
      rule.program().matchClass(g, c, s.ground, [&](std::span<const ClassId> subst) {
        ++local;
        if (rule.conditionsHold(g, subst)) {
          out.push_back(c);
          out.insert(out.end(), subst.begin(), subst.end());
        }
        return true;
      });
      if (local) s.found.fetch_add(local, std::memory_order_relaxed);
    }
  };
  if (totalCandidates < kParallelSearchThreshold) {
    for (size_t t = 0; t < tasks.size(); ++t) runTask(t);
  } else {
    tbb::parallel_for(size_t(0), tasks.size(), runTask);
  }

  for (size_t t = 0; t < tasks.size(); ++t) {
    auto &dst = results[tasks[t].rule].matches.data;
    dst.insert(dst.end(), taskMatches[t].begin(), taskMatches[t].end());
  }
  for (size_t r = 0; r < rules.size(); ++r) {
    if (!results[r].searched) continue;
    results[r].found = std::min(states[r].found.load(), states[r].limit + 1);
    results[r].cpuSeconds = double(states[r].nanos.load()) * 1e-9;
  }
  return results;
}

} // namespace egopt::eg
