//===- IncrementalSearchTest.cpp - Change stamps, regions, semi-naive search ===//
#include "MathLanguage.h"

#include "ChangedRegion.h"
#include "egopt/egraph/Runner.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

class IncrementalSearchTest : public ::testing::Test {
protected:
  void SetUp() override { registerMathPredicates(preds, lang); }

  RecExpr parsed(const std::string &text) {
    auto e = RecExpr::parse(lang, text);
    EXPECT_TRUE(bool(e)) << text;
    return e ? std::move(*e) : RecExpr();
  }
  ClassId add(EGraph &g, const std::string &text) { return g.addExpr(parsed(text)); }
  ClassId lookup(const EGraph &g, const std::string &text) { return g.lookupExpr(parsed(text)); }
  std::vector<ClassId> candidates(const ChangedRegion &region, unsigned depth,
                                  std::optional<Op> op) {
    std::vector<ClassId> out;
    region.candidates(depth, op, out);
    return out;
  }

  MathLanguage lang;
  PredicateRegistry preds;
};

TEST_F(IncrementalSearchTest, UnionStampsTheWinnerOnly) {
  EGraph g(lang);
  add(g, "(+ (* a b) c)");
  add(g, "d");
  g.rebuild();
  uint64_t before = g.version();
  for (ClassId c : g.classIds()) EXPECT_LE(g.changedAt(c), before);
  g.merge(lookup(g, "a"), lookup(g, "d"));
  g.rebuild();
  ClassId a = lookup(g, "a");
  EXPECT_GT(g.changedAt(a), before);
  for (const char *other : {"b", "c", "(* a b)", "(+ (* a b) c)"})
    EXPECT_LE(g.changedAt(lookup(g, other)), before) << other;
}

TEST_F(IncrementalSearchTest, RegionHoldsAncestorsWithTheirDistance) {
  EGraph g(lang);
  add(g, "(+ (* a b) c)");
  add(g, "(- c e)");
  g.rebuild();
  uint64_t before = g.version();
  add(g, "(ln a)"); // a new class above a: a itself is unchanged
  g.merge(lookup(g, "a"), lookup(g, "e"));
  g.rebuild();
  ClassId a = lookup(g, "a"), mul = lookup(g, "(* a b)"), sum = lookup(g, "(+ (* a b) c)");
  ClassId sub = lookup(g, "(- c e)"), ln = lookup(g, "(ln a)");

  ChangedRegion region(g, before, 2);
  EXPECT_EQ(region.numChanged(), 2u); // a (the union's winner) and (ln a), new
  // Distance 0: the changed classes; 1: their parents; 2: grandparents. b and
  // c did not change and are no ancestor of a change.
  auto sorted = [](std::vector<ClassId> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(candidates(region, 0, std::nullopt), sorted({a, ln}));
  EXPECT_EQ(candidates(region, 1, std::nullopt), sorted({a, ln, mul, sub}));
  EXPECT_EQ(candidates(region, 2, std::nullopt), sorted({a, ln, mul, sub, sum}));
  EXPECT_EQ(candidates(region, 2, lang.Mul), std::vector<ClassId>{mul});
  EXPECT_EQ(candidates(region, 1, lang.Add), std::vector<ClassId>{});
  EXPECT_TRUE(region.mayHold(2, lang.Add));
  EXPECT_FALSE(region.mayHold(1, lang.Add));
  EXPECT_FALSE(region.mayHold(2, lang.Div));
  EXPECT_TRUE(region.mayHold(0, std::nullopt));

  ChangedRegion none(g, g.version(), 2);
  EXPECT_EQ(none.size(), 0u);
  EXPECT_FALSE(none.mayHold(2, std::nullopt));
}

TEST_F(IncrementalSearchTest, ProgramDepthCountsToTheDeepestBinding) {
  auto depthOf = [&](const char *lhs) {
    auto r = Rule::parse(lang, "r", std::string(lhs) + " => 0", &preds);
    EXPECT_TRUE(bool(r)) << lhs;
    return r ? (*r)->program().depth() : ~0u;
  };
  EXPECT_EQ(depthOf("?a"), 0u);
  EXPECT_EQ(depthOf("(+ ?a ?b)"), 1u);
  EXPECT_EQ(depthOf("(+ ?a (* ?b ?c))"), 2u);
  EXPECT_EQ(depthOf("(+ (* ?a (- ?b ?c)) ?d)"), 3u);
  // A ground subterm is compared as one class: its own insides do not count.
  EXPECT_EQ(depthOf("(+ ?a (* 2 3))"), 1u);
}

/// Runs the math rules on `term` with or without incremental search.
struct Outcome {
  std::string dump;
  RunReport report;
};
Outcome runMath(const MathLanguage &lang, const PredicateRegistry &preds, const std::string &term,
                bool incremental, std::unique_ptr<Scheduler> scheduler) {
  RuleBook rules;
  llvm::Error err = rules.parse(lang, preds, mathRulesText(), "math.rules");
  EXPECT_FALSE(err) << llvm::toString(std::move(err));
  auto g = makeMathEGraph(lang);
  auto e = RecExpr::parse(lang, term);
  EXPECT_TRUE(bool(e)) << term;
  g->addExpr(*e);
  Runner runner(*g);
  RunnerLimits limits;
  limits.iterations = 7;
  limits.nodes = 40'000;
  limits.time = std::chrono::hours(1);
  runner.setLimits(limits).setThreads(1).setScheduler(std::move(scheduler));
  runner.setIncrementalSearch(incremental);
  Outcome out;
  out.report = runner.run(rules);
  out.dump = g->canonicalDump();
  return out;
}

TEST_F(IncrementalSearchTest, SameEGraphAsSearchingEverything) {
  // With a scheduler that never bans, a full search finds the incremental
  // search's matches plus old ones, which are all no-ops: the e-graphs must
  // be identical, ids included, round by round.
  for (const char *term :
       {"(d x (+ 1 (* 2 x)))", "(* (+ x 3) (+ x 1))", "(+ 1 (- a (* (- 2 1) a)))",
        "(/ 1 (- (/ (+ 1 (sqrt five)) 2) (/ (- 1 (sqrt five)) 2)))", "(d x (pow x 3))",
        "(i (* (cos x) x) x)"}) {
    Outcome full = runMath(lang, preds, term, false, std::make_unique<SimpleScheduler>());
    Outcome incr = runMath(lang, preds, term, true, std::make_unique<SimpleScheduler>());
    EXPECT_EQ(full.dump, incr.dump) << term;
    EXPECT_EQ(full.report.stopReason, incr.report.stopReason) << term;
    ASSERT_EQ(full.report.iterations.size(), incr.report.iterations.size()) << term;
    size_t fullMatches = 0, incrMatches = 0, incrementalRules = 0;
    for (size_t i = 0; i < full.report.iterations.size(); ++i) {
      const IterationStats &f = full.report.iterations[i], &n = incr.report.iterations[i];
      EXPECT_EQ(f.nodesAfter, n.nodesAfter) << term << " round " << i;
      EXPECT_EQ(f.classesAfter, n.classesAfter) << term << " round " << i;
      EXPECT_EQ(f.appliedUnions, n.appliedUnions) << term << " round " << i;
      EXPECT_EQ(f.incrementalRules, 0u);
      fullMatches += f.matches;
      incrMatches += n.matches;
      incrementalRules += n.incrementalRules;
    }
    // Rounds after the first search near the changes only, and old matches
    // are not found again.
    if (full.report.iterations.size() > 1) {
      EXPECT_GT(incrementalRules, 0u) << term;
      EXPECT_LT(incrMatches, fullMatches) << term;
    }
  }
}

TEST_F(IncrementalSearchTest, FindsAMatchThatAChangeFarBelowItsRootMade) {
  // Round 0 unites (+ (sin z) 0) with (sin z): only (sin z)'s class is
  // stamped. The deep rule's match appears at the ln class, two parent steps
  // above it, and binds ?x three steps below: it is found in round 1 only if
  // the region reaches that far up.
  for (bool incremental : {false, true}) {
    std::vector<std::unique_ptr<Rule>> owned;
    for (auto [name, text] : {std::pair{"zero-add", "(+ ?a 0) => ?a"},
                              std::pair{"deep", "(ln (sqrt (sin ?x))) => (cos ?x)"}}) {
      auto r = Rule::parse(lang, name, text, &preds);
      ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
      owned.push_back(std::move(*r));
    }
    EGraph g(lang);
    ClassId root = add(g, "(ln (sqrt (+ (sin z) 0)))");
    Runner runner(g);
    runner.setScheduler(std::make_unique<SimpleScheduler>()).setIncrementalSearch(incremental);
    RunReport report = runner.run(std::vector<const Rule *>{owned[0].get(), owned[1].get()});
    EXPECT_EQ(report.stopReason, StopReason::Saturated);
    ASSERT_GE(report.iterations.size(), 2u);
    EXPECT_EQ(report.iterations[0].rules[1].matches, 0u);
    EXPECT_EQ(report.iterations[1].rules[1].matches, 1u) << "incremental " << incremental;
    EXPECT_EQ(report.iterations[1].incrementalRules, incremental ? 2u : 0u);
    EXPECT_EQ(g.find(root), lookup(g, "(cos z)")) << "incremental " << incremental;
  }
}

TEST_F(IncrementalSearchTest, BackoffStillReachesTheProof) {
  // Incremental counts are of new matches, so bans differ from a full
  // search's; the default runner still proves d/dx (1 + 2x) = 2.
  RuleBook rules;
  llvm::Error err = rules.parse(lang, preds, mathRulesText(), "math.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  auto g = makeMathEGraph(lang);
  ClassId goal = add(*g, "(d x (+ 1 (* 2 x)))");
  Runner runner(*g);
  RunReport report = runner.run(rules);
  EXPECT_EQ(g->find(goal), lookup(*g, "2"));
  size_t incrementalRules = 0;
  for (const IterationStats &it : report.iterations) incrementalRules += it.incrementalRules;
  EXPECT_GT(incrementalRules, 0u);
}

} // namespace
