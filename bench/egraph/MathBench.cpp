//===- MathBench.cpp - egg's math workload, each case run to its limits ---===//
//
// As the reference figures for egg 0.9.5 were taken: every case of
// tests/math.rs with that file's limits and BackoffScheduler, run to its
// limits or saturation (no goal hook). Counters: rounds, final e-nodes, and
// e-nodes added per second.
//
//===----------------------------------------------------------------------===//
#include "MathCases.h"
#include "MathLanguage.h"

#include <benchmark/benchmark.h>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

struct MathWorld {
  MathLanguage lang;
  PredicateRegistry preds;
  RuleBook rules;
  std::vector<const Rule *> assocRules;
  MathWorld() {
    registerMathPredicates(preds, lang);
    if (auto err = rules.parse(lang, preds, mathRulesText(), "math.rules")) {
      fprintf(stderr, "%s\n", llvm::toString(std::move(err)).c_str());
      std::abort();
    }
    for (const Rule *r : rules.enabledRules())
      if (r->name() == "comm-add" || r->name() == "assoc-add") assocRules.push_back(r);
  }
};

MathWorld &world() {
  static MathWorld w;
  return w;
}

struct CaseResult {
  size_t rounds = 0, nodes = 0, added = 0;
};

CaseResult runCase(const bench::MathBenchCase &c, unsigned threads) {
  MathWorld &w = world();
  std::unique_ptr<EGraph> g =
      c.onlyAssocRules ? std::make_unique<EGraph>(w.lang) : makeMathEGraph(w.lang);
  for (const char *e : c.extraExprs) g->addExpr(*RecExpr::parse(w.lang, e));
  g->addExpr(*RecExpr::parse(w.lang, c.start));
  size_t before = g->numNodes();
  Runner runner(*g);
  runner.setLimits(c.limits).setThreads(threads);
  if (c.simpleScheduler) runner.setScheduler(std::make_unique<SimpleScheduler>());
  RunReport r = c.onlyAssocRules ? runner.run(w.assocRules) : runner.run(w.rules);
  if (const char *dump = getenv("EGOPT_BENCH_REPORT"); dump && std::string(dump) == c.name)
    fprintf(stderr, "%s\n", r.toJson().c_str());
  return {r.iterations.size(), g->numNodes(), g->numNodes() - before};
}

void BM_MathCase(benchmark::State &state, bench::MathBenchCase c) {
  CaseResult res;
  for (auto _ : state) res = runCase(c, unsigned(state.range(0)));
  state.counters["rounds"] = double(res.rounds);
  state.counters["enodes"] = double(res.nodes);
  state.counters["enodes_per_s"] =
      benchmark::Counter(double(res.added), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_MathAll(benchmark::State &state) {
  size_t added = 0;
  for (auto _ : state) {
    added = 0;
    for (const auto &c : bench::mathBenchCases())
      added += runCase(c, unsigned(state.range(0))).added;
  }
  state.counters["enodes_per_s"] =
      benchmark::Counter(double(added), benchmark::Counter::kIsIterationInvariantRate);
}

int registerAll = [] {
  for (const auto &c : bench::mathBenchCases())
    benchmark::RegisterBenchmark((std::string("math/") + c.name).c_str(), BM_MathCase, c)
        ->Arg(1)
        ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("math/all_20_cases", BM_MathAll)
      ->Arg(1)
      ->Unit(benchmark::kMillisecond);
  return 0;
}();

} // namespace

BENCHMARK_MAIN();
