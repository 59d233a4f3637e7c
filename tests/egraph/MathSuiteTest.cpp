//===- MathSuiteTest.cpp - egg's tests/math.rs cases on this engine -------===//
//
// Each case is egg's `start => goal` with the limits and scheduler that file
// gives it (egg's Runner defaults otherwise: 30 iterations, 10,000 e-nodes,
// 5 s, BackoffScheduler(1000, 5)). As egg's test_fn does, a hook stops the run
// once every goal matches the start expression's class; the goals are checked
// again at the end.
//
//===----------------------------------------------------------------------===//
#include "MathLanguage.h"

#include "egopt/egraph/Runner.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

struct MathCase {
  const char *name;
  const char *start;
  std::vector<const char *> goals;
  RunnerLimits limits = {};
  std::vector<const char *> extraExprs = {}; ///< added before `start`
};

class MathSuite : public ::testing::Test {
protected:
  void SetUp() override {
    registerMathPredicates(preds, lang);
    llvm::Error err = rules.parse(lang, preds, mathRulesText(), "math.rules");
    ASSERT_FALSE(err) << llvm::toString(std::move(err));
  }

  /// True when every goal pattern matches in class `root`.
  bool goalsHold(const EGraph &g, ClassId root, const std::vector<Pattern> &goals, size_t nv) {
    for (const Pattern &p : goals) {
      MatchProgram prog(lang, p, nv);
      auto ground = prog.groundClasses(g);
      if (!ground) return false;
      bool found = false;
      prog.matchClass(g, g.find(root), *ground, [&](std::span<const ClassId>) {
        found = true;
        return false;
      });
      if (!found) return false;
    }
    return true;
  }

  /// Runs one case; returns whether every goal was proved.
  bool prove(const MathCase &c, const std::vector<const Rule *> &ruleList,
             std::unique_ptr<Scheduler> sched = nullptr, RunReport *reportOut = nullptr,
             std::unique_ptr<EGraph> *graphOut = nullptr) {
    auto g = makeMathEGraph(lang);
    for (const char *e : c.extraExprs) {
      auto expr = RecExpr::parse(lang, e);
      EXPECT_TRUE(bool(expr));
      g->addExpr(*expr);
    }
    auto start = RecExpr::parse(lang, c.start);
    EXPECT_TRUE(bool(start)) << c.start;
    ClassId root = g->addExpr(*start);
    VarTable vars;
    std::vector<Pattern> goals;
    for (const char *goal : c.goals) {
      auto p = Pattern::parse(lang, goal, vars);
      EXPECT_TRUE(bool(p)) << goal;
      goals.push_back(std::move(*p));
    }
    Runner runner(*g);
    runner.setLimits(c.limits);
    if (sched) runner.setScheduler(std::move(sched));
    runner.addHook(
        [&](const EGraph &eg, size_t) { return goalsHold(eg, root, goals, vars.names.size()); });
    RunReport report = runner.run(ruleList);
    bool ok = goalsHold(*g, root, goals, vars.names.size());
    if (reportOut) *reportOut = report;
    if (graphOut) *graphOut = std::move(g);
    return ok;
  }

  bool proveWithAllRules(const MathCase &c) { return prove(c, rules.enabledRules()); }

  MathLanguage lang;
  PredicateRegistry preds;
  RuleBook rules;
};

TEST_F(MathSuite, RuleFileHasEggsRules) { EXPECT_EQ(rules.numRules(), 36u); }

TEST_F(MathSuite, AssociateAdds) {
  auto comm = Rule::parse(lang, "comm-add", "(+ ?a ?b) => (+ ?b ?a)");
  auto assoc = Rule::parse(lang, "assoc-add", "(+ ?a (+ ?b ?c)) => (+ (+ ?a ?b) ?c)");
  ASSERT_TRUE(bool(comm) && bool(assoc));
  MathCase c{"associate_adds",
             "(+ 1 (+ 2 (+ 3 (+ 4 (+ 5 (+ 6 7))))))",
             {"(+ 7 (+ 6 (+ 5 (+ 4 (+ 3 (+ 2 1))))))"}};
  c.limits.iterations = 7;
  // This case runs with egg's SimpleScheduler and without the constant folder
  // (egg's test uses the `()` analysis); it checks the class count egg checks.
  auto plain = std::make_unique<EGraph>(lang);
  ClassId root = plain->addExpr(*RecExpr::parse(lang, c.start));
  Runner runner(*plain);
  runner.setLimits(c.limits).setScheduler(std::make_unique<SimpleScheduler>());
  runner.run(std::vector<const Rule *>{comm->get(), assoc->get()});
  auto goal = RecExpr::parse(lang, c.goals[0]);
  EXPECT_EQ(plain->lookupExpr(*goal), plain->find(root));
  EXPECT_EQ(plain->numClasses(), 127u);
}

TEST_F(MathSuite, Fail) {
  // egg expects "Could not prove goal 0": x + y is not x / y.
  EXPECT_FALSE(proveWithAllRules({"fail", "(+ x y)", {"(/ x y)"}}));
}

TEST_F(MathSuite, SimplifyAdd) {
  EXPECT_TRUE(proveWithAllRules({"simplify_add", "(+ x (+ x (+ x x)))", {"(* 4 x)"}}));
}
TEST_F(MathSuite, Powers) {
  EXPECT_TRUE(proveWithAllRules({"powers", "(* (pow 2 x) (pow 2 y))", {"(pow 2 (+ x y))"}}));
}
TEST_F(MathSuite, SimplifyConst) {
  EXPECT_TRUE(proveWithAllRules({"simplify_const", "(+ 1 (- a (* (- 2 1) a)))", {"1"}}));
}
TEST_F(MathSuite, SimplifyRoot) {
  MathCase c{"simplify_root",
             "(/ 1 (- (/ (+ 1 (sqrt five)) 2) (/ (- 1 (sqrt five)) 2)))",
             {"(/ 1 (sqrt five))"}};
  c.limits.nodes = 75'000;
  EXPECT_TRUE(proveWithAllRules(c));
}
TEST_F(MathSuite, SimplifyFactor) {
  EXPECT_TRUE(
      proveWithAllRules({"simplify_factor", "(* (+ x 3) (+ x 1))", {"(+ (+ (* x x) (* 4 x)) 3)"}}));
}
TEST_F(MathSuite, DiffSame) { EXPECT_TRUE(proveWithAllRules({"diff_same", "(d x x)", {"1"}})); }
TEST_F(MathSuite, DiffDifferent) {
  EXPECT_TRUE(proveWithAllRules({"diff_different", "(d x y)", {"0"}}));
}
TEST_F(MathSuite, DiffSimple1) {
  EXPECT_TRUE(proveWithAllRules({"diff_simple1", "(d x (+ 1 (* 2 x)))", {"2"}}));
}
TEST_F(MathSuite, DiffSimple2) {
  EXPECT_TRUE(proveWithAllRules({"diff_simple2", "(d x (+ 1 (* y x)))", {"y"}}));
}
TEST_F(MathSuite, DiffLn) {
  EXPECT_TRUE(proveWithAllRules({"diff_ln", "(d x (ln x))", {"(/ 1 x)"}}));
}
TEST_F(MathSuite, DiffPowerSimple) {
  EXPECT_TRUE(proveWithAllRules({"diff_power_simple", "(d x (pow x 3))", {"(* 3 (pow x 2))"}}));
}
TEST_F(MathSuite, DiffPowerHarder) {
  MathCase c{"diff_power_harder", "(d x (- (pow x 3) (* 7 (pow x 2))))", {"(* x (- (* 3 x) 14))"}};
  c.limits.time = std::chrono::seconds(10);
  c.limits.iterations = 60;
  c.limits.nodes = 100'000;
  c.extraExprs = {"(* x (- (* 3 x) 14))"}; // egg: "this needs to see the end expression"
  EXPECT_TRUE(proveWithAllRules(c));
}
TEST_F(MathSuite, IntegOne) { EXPECT_TRUE(proveWithAllRules({"integ_one", "(i 1 x)", {"x"}})); }
TEST_F(MathSuite, IntegSin) {
  EXPECT_TRUE(proveWithAllRules({"integ_sin", "(i (cos x) x)", {"(sin x)"}}));
}
TEST_F(MathSuite, IntegX) {
  EXPECT_TRUE(proveWithAllRules({"integ_x", "(i (pow x 1) x)", {"(/ (pow x 2) 2)"}}));
}
TEST_F(MathSuite, IntegPart1) {
  EXPECT_TRUE(
      proveWithAllRules({"integ_part1", "(i (* x (cos x)) x)", {"(+ (* x (sin x)) (cos x))"}}));
}
TEST_F(MathSuite, IntegPart2) {
  EXPECT_TRUE(
      proveWithAllRules({"integ_part2", "(i (* (cos x) x) x)", {"(+ (* x (sin x)) (cos x))"}}));
}
TEST_F(MathSuite, IntegPart3) {
  EXPECT_TRUE(proveWithAllRules({"integ_part3", "(i (ln x) x)", {"(- (* x (ln x)) x)"}}));
}

TEST_F(MathSuite, AssocMulSaturates) {
  // egg's assoc_mul_saturates: (* x 1) saturates within 3 iterations.
  auto g = makeMathEGraph(lang);
  g->addExpr(*RecExpr::parse(lang, "(* x 1)"));
  Runner runner(*g);
  RunnerLimits l;
  l.iterations = 3;
  runner.setLimits(l);
  RunReport report = runner.run(rules);
  EXPECT_EQ(report.stopReason, StopReason::Saturated);
}

} // namespace
