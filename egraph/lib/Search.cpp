#include "Search.h"

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
  uint32_t request;
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
                                          const std::vector<RuleSearchRequest> &requests) {
  assert(g.isClean() && "search needs a rebuilt e-graph");
  std::vector<RuleSearchResult> results(requests.size());
  std::vector<RuleState> states(requests.size());
  std::vector<SearchTask> tasks;
  for (size_t q = 0; q < requests.size(); ++q) {
    const RuleSearchRequest &req = requests[q];
    const MatchProgram &prog = rules[req.rule]->program();
    results[q].matches.stride = uint32_t(1 + rules[req.rule]->vars().names.size());
    RuleState &s = states[q];
    s.limit = req.limit;
    if (prog.rootOperatorAbsent(g)) continue;
    // A ground root is one class: it is searched whole.
    bool incremental = req.region && !prog.rootIsGround();
    if (incremental) {
      std::optional<Op> rootOp = prog.rootOperator();
      if (!req.region->mayHold(prog.depth(), rootOp)) continue;
      req.region->candidates(prog.depth(), rootOp, s.scratch);
      if (s.scratch.empty()) continue;
    }
    auto ground = prog.groundClasses(g);
    if (!ground) continue; // a ground subterm is absent: nothing can match
    s.ground = std::move(*ground);
    s.candidates =
        incremental ? std::span<const ClassId>(s.scratch) : prog.candidates(g, s.ground, s.scratch);
    for (size_t b = 0; b < s.candidates.size(); b += kSearchChunk)
      tasks.push_back(
          {uint32_t(q), uint32_t(b), uint32_t(std::min(s.candidates.size(), b + kSearchChunk))});
  }

  std::vector<std::vector<ClassId>> taskMatches(tasks.size());
  size_t totalCandidates = 0;
  for (const SearchTask &t : tasks) totalCandidates += t.end - t.begin;
  auto runTask = [&](size_t t) {
    const SearchTask &task = tasks[t];
    RuleState &s = states[task.request];
    const Rule &rule = *rules[requests[task.request].rule];
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
    auto &dst = results[tasks[t].request].matches.data;
    dst.insert(dst.end(), taskMatches[t].begin(), taskMatches[t].end());
  }
  for (size_t q = 0; q < requests.size(); ++q) {
    results[q].found = std::min(states[q].found.load(), states[q].limit + 1);
    results[q].cpuSeconds = double(states[q].nanos.load()) * 1e-9;
  }
  return results;
}

} // namespace egopt::eg
