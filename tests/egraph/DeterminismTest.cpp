//===- DeterminismTest.cpp - Same input and budget, same e-graph ----------===//
//
// For a fixed input and a budget other than time, the final e-graph (ids
// included) and the run's per-round statistics must not depend on the number
// of threads, nor change from one run to the next. The workloads are egg's
// math suite cases, one of them large enough (tens of thousands of e-nodes)
// that the parallel search and rebuild paths are taken, and a large random
// e-graph rebuilt under arenas of 1 and 8 threads.
//
//===----------------------------------------------------------------------===//
#include "MathLanguage.h"

#include "egopt/egraph/Runner.h"

#include <gtest/gtest.h>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <random>
#include <sstream>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

/// Everything of a run that must be the same for every thread count (the
/// timings excepted).
struct Outcome {
  std::string dump;
  StopReason stop = StopReason::Saturated;
  size_t numNodes = 0, numClasses = 0, numIds = 0;
  std::string rounds; ///< per-round and per-rule counts, as text

  bool operator==(const Outcome &) const = default;
};

/// The first line where two dumps differ, for failure messages.
std::string firstDifference(const std::string &a, const std::string &b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (size_t line = 1;; ++line) {
    bool ga = bool(std::getline(sa, la)), gb = bool(std::getline(sb, lb));
    if (!ga && !gb) return "identical";
    if (!ga || !gb || la != lb)
      return "line " + std::to_string(line) + ": '" + (ga ? la : "<end>") + "' vs '" +
             (gb ? lb : "<end>") + "'";
  }
}

std::string describeRounds(const RunReport &r) {
  std::ostringstream os;
  for (size_t i = 0; i < r.iterations.size(); ++i) {
    const IterationStats &it = r.iterations[i];
    os << "round " << i << ": nodes " << it.nodesBefore << "->" << it.nodesAfter << " classes "
       << it.classesBefore << "->" << it.classesAfter << " matches " << it.matches << " applied "
       << it.appliedUnions << " congruence " << it.congruenceUnions << "\n";
    for (size_t k = 0; k < it.rules.size(); ++k) {
      const RuleRoundStats &rs = it.rules[k];
      if (!rs.searched) continue;
      os << "  " << r.ruleNames[k] << " m=" << rs.matches << " u=" << rs.unions
         << (rs.banned ? " banned" : "") << "\n";
    }
  }
  for (size_t k = 0; k < r.timesBanned.size(); ++k)
    if (r.timesBanned[k]) os << "banned " << r.ruleNames[k] << " x" << r.timesBanned[k] << "\n";
  return os.str();
}

class Determinism : public ::testing::Test {
protected:
  void SetUp() override {
    registerMathPredicates(preds, lang);
    llvm::Error err = rules.parse(lang, preds, mathRulesText(), "math.rules");
    ASSERT_FALSE(err) << llvm::toString(std::move(err));
  }

  /// Runs the math rules on `start` (after `extra`) with `threads` threads.
  Outcome run(const char *start, RunnerLimits limits, unsigned threads,
              std::vector<const char *> extra = {}) {
    auto g = makeMathEGraph(lang);
    for (const char *e : extra) g->addExpr(*RecExpr::parse(lang, e));
    auto expr = RecExpr::parse(lang, start);
    EXPECT_TRUE(bool(expr)) << start;
    g->addExpr(*expr);
    Runner runner(*g);
    runner.setLimits(limits).setThreads(threads);
    RunReport report = runner.run(rules);
    EXPECT_EQ(report.threads, threads);
    Outcome o;
    o.dump = g->canonicalDump();
    o.stop = report.stopReason;
    o.numNodes = g->numNodes();
    o.numClasses = g->numClasses();
    o.numIds = g->numIds();
    o.rounds = describeRounds(report);
    EXPECT_EQ(report.iterations.back().nodesAfter, g->numNodes());
    return o;
  }

  /// Runs with 1, 2 and 8 threads, and 8 again; all must agree.
  Outcome checkSameForAllThreadCounts(const char *start, RunnerLimits limits,
                                      std::vector<const char *> extra = {}) {
    Outcome one = run(start, limits, 1, extra);
    // A time limit would make the comparison meaningless.
    EXPECT_NE(one.stop, StopReason::TimeLimit) << start;
    for (unsigned threads : {2u, 8u, 8u}) {
      Outcome other = run(start, limits, threads, extra);
      EXPECT_EQ(other.stop, one.stop) << start << " threads=" << threads;
      EXPECT_EQ(other.numNodes, one.numNodes) << start << " threads=" << threads;
      EXPECT_EQ(other.numClasses, one.numClasses) << start << " threads=" << threads;
      EXPECT_EQ(other.numIds, one.numIds) << start << " threads=" << threads;
      EXPECT_EQ(other.rounds, one.rounds) << start << " threads=" << threads;
      // The dumps are long; report only whether they match.
      EXPECT_TRUE(other.dump == one.dump)
          << start << " threads=" << threads << ": canonicalDump differs at "
          << firstDifference(one.dump, other.dump);
    }
    return one;
  }

  static RunnerLimits limits(size_t nodes, size_t iterations) {
    RunnerLimits l;
    l.nodes = nodes;
    l.iterations = iterations;
    l.time = std::chrono::hours(1);
    return l;
  }

  // Let arenas really have 8 threads on a machine with fewer cores.
  tbb::global_control allowEight{tbb::global_control::max_allowed_parallelism, 8};
  MathLanguage lang;
  PredicateRegistry preds;
  RuleBook rules;
};

TEST_F(Determinism, DiffPowerHarder) {
  Outcome o = checkSameForAllThreadCounts("(d x (- (pow x 3) (* 7 (pow x 2))))",
                                          limits(100'000, 20), {"(* x (- (* 3 x) 14))"});
  EXPECT_GT(o.numNodes, 1000u);
}

TEST_F(Determinism, IntegPart3) {
  Outcome o = checkSameForAllThreadCounts("(i (ln x) x)", limits(50'000, 40));
  EXPECT_GT(o.numNodes, 100u);
}

TEST_F(Determinism, SimplifyRootLarge) {
  // Tens of thousands of e-nodes: candidate lists, repair work lists and
  // dirty-class lists pass the 2048-item threshold of the parallel paths.
  Outcome o = checkSameForAllThreadCounts(
      "(/ 1 (- (/ (+ 1 (sqrt five)) 2) (/ (- 1 (sqrt five)) 2)))", limits(75'000, 60));
  EXPECT_GT(o.numNodes, 20'000u);
  EXPECT_EQ(o.stop, StopReason::NodeLimit);
}

TEST_F(Determinism, SmallCasesSaturateTheSame) {
  for (const char *start : {"(d x (+ 1 (* 2 x)))", "(+ 1 (- a (* (- 2 1) a)))", "(* x 1)"}) {
    Outcome o = checkSameForAllThreadCounts(start, limits(5'000, 12));
    EXPECT_GT(o.numNodes, 1u) << start;
  }
}

//===----------------------------------------------------------------------===//
// Rebuild of a large random e-graph
//===----------------------------------------------------------------------===//

/// Builds a random e-graph: `terms` random math terms, then rounds of random
/// merges, each followed by a rebuild inside `arena`.
std::string buildRandom(const MathLanguage &lang, bool withAnalysis, unsigned seed, size_t terms,
                        tbb::task_arena &arena, size_t *congruenceOut = nullptr,
                        size_t *maxRepairOut = nullptr) {
  std::unique_ptr<EGraph> g = withAnalysis ? makeMathEGraph(lang) : std::make_unique<EGraph>(lang);
  std::mt19937 rng(seed);
  std::vector<ClassId> ids;
  const Op binary[] = {lang.Add, lang.Sub, lang.Mul, lang.Div, lang.Pow};
  const Op unary[] = {lang.Ln, lang.Sqrt, lang.Sin, lang.Cos};
  const char *syms[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
  auto leaf = [&]() -> ClassId {
    unsigned k = rng() % 12;
    if (k < 8) return g->add(lang.sym(syms[k]));
    return g->add(lang.num(double(k - 8)));
  };
  auto pick = [&]() -> ClassId {
    if (ids.empty() || rng() % 4 == 0) return leaf();
    return ids[rng() % ids.size()];
  };
  for (size_t t = 0; t < terms; ++t) {
    ENode n;
    if (rng() % 3 == 0) {
      n.op = unary[rng() % 4];
      n.kids.push_back(pick());
    } else {
      n.op = binary[rng() % 5];
      n.kids.push_back(pick());
      n.kids.push_back(pick());
    }
    ids.push_back(g->add(std::move(n)));
  }
  size_t congruence = 0, maxRepair = 0;
  auto rebuild = [&] {
    size_t before = g->counters().repairedNodes;
    arena.execute([&] { congruence += g->rebuild(); });
    maxRepair = std::max(maxRepair, g->counters().repairedNodes - before);
  };
  rebuild();
  // Merges in waves, so several rebuilds have thousands of parents to repair.
  for (int wave = 0; wave < 4; ++wave) {
    for (size_t m = 0; m < terms / 100; ++m)
      g->merge(ids[rng() % ids.size()], ids[rng() % ids.size()]);
    // Merging two leaves makes thousands of parents congruent at once.
    if (wave == 1 || wave == 3) {
      ClassId x = g->add(lang.sym(wave == 1 ? "a" : "c"));
      ClassId y = wave == 1 ? g->add(lang.sym("b")) : g->add(lang.num(3));
      g->merge(x, y);
    }
    // New terms over the merged (now non-canonical) ids.
    for (size_t t = 0; t < terms / 20; ++t) {
      ENode n;
      n.op = binary[rng() % 5];
      n.kids.push_back(pick());
      n.kids.push_back(pick());
      ids.push_back(g->add(std::move(n)));
    }
    rebuild();
    EXPECT_TRUE(g->isClean());
  }
  if (congruenceOut) *congruenceOut = congruence;
  if (maxRepairOut) *maxRepairOut = maxRepair;
  return g->canonicalDump();
}

TEST(RebuildDeterminism, LargeRandomEGraphSameForOneAndEightThreads) {
  tbb::global_control allowEight(tbb::global_control::max_allowed_parallelism, 8);
  MathLanguage lang;
  // Intern the symbols in a fixed order first: the symbol table is shared.
  for (const char *s : {"a", "b", "c", "d", "e", "f", "g", "h"}) lang.sym(s);
  tbb::task_arena one(1), eight(8);
  for (bool withAnalysis : {false, true}) {
    size_t c1 = 0, c8 = 0, c8again = 0, repair = 0;
    std::string d1 = buildRandom(lang, withAnalysis, 7, 50'000, one, &c1, &repair);
    std::string d8 = buildRandom(lang, withAnalysis, 7, 50'000, eight, &c8);
    std::string d8again = buildRandom(lang, withAnalysis, 7, 50'000, eight, &c8again);
    // Congruence closure did real work: a rebuild repaired more e-nodes than
    // the parallel threshold (2048), and found many unions...
    EXPECT_GT(repair, 2048u) << "analysis=" << withAnalysis;
    EXPECT_GT(c1, 1000u) << "analysis=" << withAnalysis;
    EXPECT_EQ(c1, c8) << "analysis=" << withAnalysis;
    EXPECT_EQ(c1, c8again) << "analysis=" << withAnalysis;
    // ...and the result is identical, ids included.
    EXPECT_TRUE(d1 == d8) << "analysis=" << withAnalysis << ": dumps differ (1 vs 8 threads) at "
                          << firstDifference(d1, d8);
    EXPECT_TRUE(d8 == d8again) << "analysis=" << withAnalysis << ": dumps differ between runs at "
                               << firstDifference(d8, d8again);
    EXPECT_GT(d1.size(), 500'000u);
  }
  // A different seed gives a different e-graph (the comparison can fail).
  tbb::task_arena arena(8);
  EXPECT_NE(buildRandom(lang, false, 7, 5'000, arena), buildRandom(lang, false, 8, 5'000, arena));
}

} // namespace
