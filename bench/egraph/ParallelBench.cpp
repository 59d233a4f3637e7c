//===- ParallelBench.cpp - One round on an e-graph of 100k+ e-nodes -------===//
//
// Builds an e-graph of at least 100,000 e-nodes from random math terms
// (fixed seed), then measures, per thread count:
//   parallel/search/N      the search phase alone (read-only, repeatable);
//   parallel/round/N       a full round: search + apply + rebuild;
//   parallel/rebuild/N     rebuild after a batch of random merges.
// Counters give e-nodes added per second and the matches found.
// On a 2-core machine run with --benchmark_filter='/[12]$'.
//
//===----------------------------------------------------------------------===//
#include "MathLanguage.h"

#include "Search.h"
#include "egopt/egraph/Runner.h"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <random>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

constexpr size_t kTargetNodes = 110'000; // stays above 100k after the merges

struct World {
  MathLanguage lang;
  PredicateRegistry preds;
  RuleBook rules;
  std::vector<const Rule *> ruleList;
  World() {
    registerMathPredicates(preds, lang);
    if (auto err = rules.parse(lang, preds, mathRulesText(), "math.rules")) {
      fprintf(stderr, "%s\n", llvm::toString(std::move(err)).c_str());
      std::abort();
    }
    // The rules whose left-hand side is a bare variable match every class
    // once; they measure the runner's bookkeeping, not e-matching.
    for (const Rule *r : rules.enabledRules())
      if (!r->lhs().rootNode().isVar) ruleList.push_back(r);
  }
};

World &world() {
  static World w;
  return w;
}

ClassId randomTerm(EGraph &g, const MathLanguage &lang, std::mt19937 &rng, int depth) {
  std::uniform_int_distribution<int> pick(0, 9);
  if (depth == 0 || pick(rng) < 2) {
    if (pick(rng) < 7) {
      std::string name = "s";
      name += std::to_string(rng() % 200);
      return g.add(lang.sym(name));
    }
    return g.add(lang.num(double(rng() % 5)));
  }
  static const std::vector<Op> binary = {lang.Add, lang.Sub, lang.Mul, lang.Div,
                                         lang.Pow, lang.Add, lang.Mul};
  static const std::vector<Op> unary = {lang.Sin, lang.Cos, lang.Ln, lang.Sqrt};
  if (pick(rng) < 8) {
    ClassId a = randomTerm(g, lang, rng, depth - 1);
    ClassId b = randomTerm(g, lang, rng, depth - 1);
    return g.add(ENode(binary[rng() % binary.size()], {a, b}));
  }
  ClassId a = randomTerm(g, lang, rng, depth - 1);
  return g.add(ENode(unary[rng() % unary.size()], {a}));
}

/// The benchmark e-graph: random terms until kTargetNodes e-nodes, then a
/// few thousand random merges (so classes hold several e-nodes), rebuilt.
std::unique_ptr<EGraph> buildGraph() {
  World &w = world();
  auto g = std::make_unique<EGraph>(w.lang); // no analysis: pure matching work
  std::mt19937 rng(12345);
  while (g->numNodes() < kTargetNodes) randomTerm(*g, w.lang, rng, 6);
  std::uniform_int_distribution<ClassId> anyId(0, ClassId(g->numIds() - 1));
  for (int i = 0; i < 5000; ++i) g->merge(anyId(rng), anyId(rng));
  g->rebuild();
  return g;
}

/// Every rule searched whole, with no match limit.
std::vector<RuleSearchRequest> noLimits(size_t n) {
  RuleSearchRequest whole;
  whole.limit = std::numeric_limits<size_t>::max() - 1;
  return std::vector<RuleSearchRequest>(n, whole);
}

void BM_Search(benchmark::State &state) {
  static std::unique_ptr<EGraph> g = buildGraph();
  World &w = world();
  tbb::task_arena arena(int(state.range(0)));
  size_t matches = 0;
  for (auto _ : state) {
    arena.execute([&] {
      auto res = searchRules(*g, w.ruleList, noLimits(w.ruleList.size()));
      matches = 0;
      for (auto &r : res) matches += r.matches.size();
      benchmark::DoNotOptimize(res.data());
    });
  }
  state.counters["enodes"] = double(g->numNodes());
  state.counters["matches"] = double(matches);
}

void BM_Round(benchmark::State &state) {
  World &w = world();
  size_t added = 0;
  RunReport report;
  for (auto _ : state) {
    state.PauseTiming();
    auto g = buildGraph();
    size_t before = g->numNodes();
    state.ResumeTiming();
    Runner runner(*g);
    RunnerLimits limits;
    limits.iterations = 1;
    limits.nodes = std::numeric_limits<size_t>::max();
    limits.time = std::chrono::hours(1);
    runner.setLimits(limits)
        .setScheduler(std::make_unique<SimpleScheduler>())
        .setThreads(unsigned(state.range(0)));
    report = runner.run(w.ruleList);
    added = g->numNodes() - before;
    state.PauseTiming();
    g.reset();
    state.ResumeTiming();
  }
  const IterationStats &it = report.iterations.at(0);
  state.counters["enodes_added"] = double(added);
  state.counters["enodes_per_s"] =
      benchmark::Counter(double(added), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["search_ms"] = it.searchSeconds * 1e3;
  state.counters["apply_ms"] = it.applySeconds * 1e3;
  state.counters["rebuild_ms"] = it.rebuildSeconds * 1e3;
}

void BM_Rebuild(benchmark::State &state) {
  World &w = world();
  for (auto _ : state) {
    state.PauseTiming();
    auto g = buildGraph();
    std::mt19937 rng(7);
    std::uniform_int_distribution<ClassId> anyId(0, ClassId(g->numIds() - 1));
    for (int i = 0; i < 20000; ++i) g->merge(anyId(rng), anyId(rng));
    tbb::task_arena arena(int(state.range(0)));
    state.ResumeTiming();
    arena.execute([&] { g->rebuild(); });
    state.PauseTiming();
    g.reset();
    state.ResumeTiming();
  }
  (void)w;
}

/// Every parallel benchmark runs at 1 to 16 threads, timed by the wall clock.
void overThreadCounts(benchmark::internal::Benchmark *b) {
  for (int threads : {1, 2, 4, 8, 16}) b->Arg(threads);
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK(BM_Search)->Name("parallel/search")->Apply(overThreadCounts);
BENCHMARK(BM_Round)->Name("parallel/round")->Apply(overThreadCounts)->Iterations(5);
BENCHMARK(BM_Rebuild)->Name("parallel/rebuild")->Apply(overThreadCounts)->Iterations(5);

} // namespace

BENCHMARK_MAIN();
