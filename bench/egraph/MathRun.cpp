//===- MathRun.cpp - Run egg's math cases once each and print a table -----===//
//
// Usage: egraph_math_run [-j N] [-n REPEATS] [CASE...]
// For profiling (valgrind, perf) and quick comparisons; the benchmark proper
// is egraph_math_bench.
//
//===----------------------------------------------------------------------===//
#include "MathCases.h"
#include "MathLanguage.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

int main(int argc, char **argv) {
  unsigned threads = 1, repeats = 1;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "-j") && i + 1 < argc)
      threads = unsigned(atoi(argv[++i]));
    else if (!strcmp(argv[i], "-n") && i + 1 < argc)
      repeats = unsigned(atoi(argv[++i]));
    else
      only.push_back(argv[i]);
  }
  MathLanguage lang;
  PredicateRegistry preds;
  registerMathPredicates(preds, lang);
  RuleBook rules;
  if (auto err = rules.parse(lang, preds, mathRulesText(), "math.rules")) {
    fprintf(stderr, "error: %s\n", llvm::toString(std::move(err)).c_str());
    return 1;
  }
  std::vector<const Rule *> assocRules;
  for (const Rule *r : rules.enabledRules())
    if (r->name() == "comm-add" || r->name() == "assoc-add") assocRules.push_back(r);

  printf("%-20s %7s %9s %9s %10s %s\n", "case", "rounds", "e-nodes", "classes", "median ms",
         "stop");
  double total = 0;
  for (const auto &c : bench::mathBenchCases()) {
    if (!only.empty() && std::find(only.begin(), only.end(), c.name) == only.end()) continue;
    std::vector<double> times;
    RunReport report;
    size_t nodes = 0, classes = 0;
    for (unsigned rep = 0; rep < repeats; ++rep) {
      auto t0 = std::chrono::steady_clock::now();
      std::unique_ptr<EGraph> g =
          c.onlyAssocRules ? std::make_unique<EGraph>(lang) : makeMathEGraph(lang);
      for (const char *e : c.extraExprs) g->addExpr(*RecExpr::parse(lang, e));
      g->addExpr(*RecExpr::parse(lang, c.start));
      Runner runner(*g);
      runner.setLimits(c.limits).setThreads(threads);
      if (c.simpleScheduler) runner.setScheduler(std::make_unique<SimpleScheduler>());
      report = c.onlyAssocRules ? runner.run(assocRules) : runner.run(rules);
      nodes = g->numNodes();
      classes = g->numClasses();
      g.reset(); // construction and destruction count, as in egg's figures
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    double med = times[times.size() / 2];
    total += med;
    printf("%-20s %7zu %9zu %9zu %10.3f %s\n", c.name, report.iterations.size(), nodes, classes,
           med * 1e3, stopReasonName(report.stopReason));
  }
  printf("%-20s %7s %9s %9s %10.3f\n", "total", "", "", "", total * 1e3);
  return 0;
}
