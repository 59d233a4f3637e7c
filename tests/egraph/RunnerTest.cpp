//===- RunnerTest.cpp - Budgets, stop reasons, schedulers, statistics -----===//
#include "MathLanguage.h"

#include "egopt/egraph/Runner.h"

#include <gtest/gtest.h>

#include <numeric>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

/// Limits that never stop a run by themselves.
RunnerLimits unlimited() {
  RunnerLimits l;
  l.iterations = 1000;
  l.nodes = 10'000'000;
  l.time = std::chrono::hours(1);
  return l;
}

/// `(+ a1 (+ a2 (+ ... an)))`: n - 1 additions.
std::string sumOf(int n) {
  std::string s;
  for (int i = 1; i < n; ++i) {
    s += "(+ a";
    s += std::to_string(i);
    s += ' ';
  }
  s += 'a';
  s += std::to_string(n);
  s.append(size_t(n - 1), ')');
  return s;
}

class RunnerTest : public ::testing::Test {
protected:
  void SetUp() override { registerMathPredicates(preds, lang); }

  const Rule *rule(const char *name, const char *text) {
    auto r = Rule::parse(lang, name, text, &preds);
    EXPECT_TRUE(bool(r)) << name << ": " << (r ? "" : llvm::toString(r.takeError()));
    if (!r) return nullptr;
    owned.push_back(std::move(*r));
    return owned.back().get();
  }
  const Rule *commAdd() { return rule("comm-add", "(+ ?a ?b) => (+ ?b ?a)"); }
  const Rule *commMul() { return rule("comm-mul", "(* ?a ?b) => (* ?b ?a)"); }
  const Rule *assocAdd() { return rule("assoc-add", "(+ ?a (+ ?b ?c)) => (+ (+ ?a ?b) ?c)"); }

  ClassId add(EGraph &g, const std::string &text) {
    auto e = RecExpr::parse(lang, text);
    EXPECT_TRUE(bool(e)) << text;
    return g.addExpr(*e);
  }
  ClassId lookup(const EGraph &g, const std::string &text) {
    auto e = RecExpr::parse(lang, text);
    EXPECT_TRUE(bool(e)) << text;
    return g.lookupExpr(*e);
  }

  MathLanguage lang;
  PredicateRegistry preds;
  std::vector<std::unique_ptr<Rule>> owned;
};

//===----------------------------------------------------------------------===//
// Stop reasons
//===----------------------------------------------------------------------===//

TEST_F(RunnerTest, Saturated) {
  EGraph g(lang);
  ClassId root = add(g, "(+ x 0)");
  Runner runner(g);
  runner.setLimits(unlimited());
  RunReport report = runner.run(std::vector<const Rule *>{rule("zero-add", "(+ ?a 0) => ?a")});
  EXPECT_EQ(report.stopReason, StopReason::Saturated);
  // Round 1 merges (+ x 0) with x; round 2 changes nothing.
  ASSERT_EQ(report.iterations.size(), 2u);
  EXPECT_EQ(report.iterations[0].appliedUnions, 1u);
  EXPECT_EQ(report.iterations[1].appliedUnions, 0u);
  EXPECT_EQ(report.iterations[1].matches, 1u);
  EXPECT_EQ(g.find(root), lookup(g, "x"));
  EXPECT_EQ(g.numClasses(), 2u); // {x, (+ x 0)} and {0}
  EXPECT_STREQ(stopReasonName(report.stopReason), stopReasonName(StopReason::Saturated));
  EXPECT_STRNE(stopReasonName(StopReason::Saturated), stopReasonName(StopReason::NodeLimit));
}

TEST_F(RunnerTest, SaturatedWithNoMatches) {
  EGraph g(lang);
  add(g, "(* x y)");
  Runner runner(g);
  RunReport report = runner.run(std::vector<const Rule *>{rule("zero-add", "(+ ?a 0) => ?a")});
  EXPECT_EQ(report.stopReason, StopReason::Saturated);
  ASSERT_EQ(report.iterations.size(), 1u);
  EXPECT_EQ(report.iterations[0].matches, 0u);
}

TEST_F(RunnerTest, IterationLimit) {
  EGraph g(lang);
  add(g, sumOf(6));
  Runner runner(g);
  RunnerLimits l = unlimited();
  l.iterations = 3;
  runner.setLimits(l).setScheduler(std::make_unique<SimpleScheduler>());
  RunReport report = runner.run(std::vector<const Rule *>{commAdd(), assocAdd()});
  EXPECT_EQ(report.stopReason, StopReason::IterationLimit);
  ASSERT_EQ(report.iterations.size(), 3u);
  // It was still growing: not a fixed point.
  EXPECT_GT(report.iterations.back().appliedUnions, 0u);
  EXPECT_EQ(report.ruleNames, (std::vector<std::string_view>{"comm-add", "assoc-add"}));
}

TEST_F(RunnerTest, NodeLimit) {
  EGraph g(lang);
  add(g, sumOf(8));
  Runner runner(g);
  RunnerLimits l = unlimited();
  l.nodes = 200;
  l.iterations = 100;
  runner.setLimits(l).setScheduler(std::make_unique<SimpleScheduler>());
  RunReport report = runner.run(std::vector<const Rule *>{assocAdd(), commAdd()});
  EXPECT_EQ(report.stopReason, StopReason::NodeLimit);
  EXPECT_GT(g.numNodes(), 200u);
  ASSERT_FALSE(report.iterations.empty());
  EXPECT_LT(report.iterations.size(), 100u);
  EXPECT_GT(report.iterations.back().nodesAfter, 200u);
  // It stopped at the first round that went over: every earlier round ended
  // within the budget.
  for (size_t i = 0; i + 1 < report.iterations.size(); ++i)
    EXPECT_LE(report.iterations[i].nodesAfter, 200u) << "round " << i;
  // Associativity and commutativity of 7 additions saturate far above 200
  // e-nodes, so the run really was cut short.
  EGraph full(lang);
  add(full, sumOf(8));
  Runner fullRunner(full);
  fullRunner.setLimits(unlimited()).setScheduler(std::make_unique<SimpleScheduler>());
  RunReport fullReport = fullRunner.run(std::vector<const Rule *>{assocAdd(), commAdd()});
  EXPECT_EQ(fullReport.stopReason, StopReason::Saturated);
  EXPECT_GT(full.numNodes(), g.numNodes());
}

TEST_F(RunnerTest, NodeLimitAlreadyExceeded) {
  EGraph g(lang);
  add(g, sumOf(8)); // 15 e-nodes
  Runner runner(g);
  RunnerLimits l = unlimited();
  l.nodes = 10;
  runner.setLimits(l).setScheduler(std::make_unique<SimpleScheduler>());
  size_t before = g.numNodes();
  RunReport report = runner.run(std::vector<const Rule *>{commAdd()});
  EXPECT_EQ(report.stopReason, StopReason::NodeLimit);
  ASSERT_EQ(report.iterations.size(), 1u);
  // The budget is checked before applying: nothing was added.
  EXPECT_EQ(report.iterations[0].appliedUnions, 0u);
  EXPECT_EQ(g.numNodes(), before);
}

TEST_F(RunnerTest, TimeLimit) {
  EGraph g(lang);
  add(g, sumOf(8));
  Runner runner(g);
  RunnerLimits l = unlimited();
  l.time = std::chrono::duration<double>(0);
  runner.setLimits(l).setScheduler(std::make_unique<SimpleScheduler>());
  size_t before = g.numNodes();
  RunReport report = runner.run(std::vector<const Rule *>{commAdd(), assocAdd()});
  EXPECT_EQ(report.stopReason, StopReason::TimeLimit);
  ASSERT_EQ(report.iterations.size(), 1u);
  // The budget was spent before applying anything.
  EXPECT_EQ(report.iterations[0].appliedUnions, 0u);
  EXPECT_EQ(g.numNodes(), before);
}

TEST_F(RunnerTest, HookStopped) {
  EGraph g(lang);
  add(g, sumOf(6));
  Runner runner(g);
  runner.setLimits(unlimited()).setScheduler(std::make_unique<SimpleScheduler>());
  std::vector<size_t> calls;
  runner.addHook([&](const EGraph &eg, size_t iteration) {
    EXPECT_EQ(&eg, &g);
    EXPECT_TRUE(eg.isClean());
    calls.push_back(iteration);
    return iteration == 2;
  });
  RunReport report = runner.run(std::vector<const Rule *>{commAdd(), assocAdd()});
  EXPECT_EQ(report.stopReason, StopReason::HookStopped);
  EXPECT_EQ(report.iterations.size(), 2u);
  EXPECT_EQ(calls, (std::vector<size_t>{0, 1, 2}));
}

TEST_F(RunnerTest, HookSeesTheGoal) {
  // As egg's test_fn: stop once (+ b a) is in the start class.
  EGraph g(lang);
  ClassId root = add(g, "(+ a (+ b c))");
  auto goal = RecExpr::parse(lang, "(+ (+ b a) c)");
  ASSERT_TRUE(bool(goal));
  Runner runner(g);
  runner.setLimits(unlimited());
  runner.addHook([&](const EGraph &eg, size_t) { return eg.lookupExpr(*goal) == eg.find(root); });
  RunReport report = runner.run(std::vector<const Rule *>{commAdd(), assocAdd()});
  EXPECT_EQ(report.stopReason, StopReason::HookStopped);
  EXPECT_EQ(g.lookupExpr(*goal), g.find(root));
  EXPECT_GE(report.iterations.size(), 2u); // needs assoc then comm
}

TEST_F(RunnerTest, RunHonoursEnabledPasses) {
  RuleBook rs;
  llvm::Error err = rs.parse(lang, preds,
                             "(rule-set a (rule zero-add (+ ?a 0) => ?a))\n"
                             "(rule-set b (rule one-mul (* ?a 1) => ?a))",
                             "passes.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  ASSERT_FALSE(rs.enableOnly({"b"}));
  EGraph g(lang);
  ClassId sum = add(g, "(+ x 0)");
  ClassId prod = add(g, "(* y 1)");
  Runner runner(g);
  runner.setThreads(2);
  RunReport report = runner.run(rs);
  EXPECT_EQ(report.ruleNames, (std::vector<std::string_view>{"one-mul"}));
  EXPECT_EQ(report.threads, 2u);
  EXPECT_EQ(g.find(prod), lookup(g, "y"));
  EXPECT_NE(g.find(sum), lookup(g, "x"));
}

//===----------------------------------------------------------------------===//
// Schedulers
//===----------------------------------------------------------------------===//

TEST(BackoffSchedulerUnit, BansDoubleLimitAndLength) {
  BackoffScheduler s(10, 2);
  EXPECT_EQ(s.name(), "backoff");
  s.reset(2);
  EXPECT_EQ(s.searchLimit(0, 0), std::optional<size_t>(10));
  EXPECT_EQ(s.timesBanned(0), 0u);
  // At the limit is fine; one more is a ban.
  EXPECT_TRUE(s.acceptMatches(0, 0, 10));
  EXPECT_EQ(s.timesBanned(0), 0u);
  EXPECT_FALSE(s.acceptMatches(0, 0, 11));
  EXPECT_EQ(s.timesBanned(0), 1u);
  EXPECT_EQ(s.bannedUntil(0), 2u); // 0 + ban length 2
  EXPECT_EQ(s.searchLimit(1, 0), std::nullopt);
  // Other rules are unaffected.
  EXPECT_EQ(s.searchLimit(1, 1), std::optional<size_t>(10));
  EXPECT_EQ(s.timesBanned(1), 0u);
  // After the ban: the threshold has doubled.
  EXPECT_EQ(s.searchLimit(2, 0), std::optional<size_t>(20));
  EXPECT_TRUE(s.acceptMatches(2, 0, 20));
  EXPECT_FALSE(s.acceptMatches(3, 0, 21));
  EXPECT_EQ(s.timesBanned(0), 2u);
  EXPECT_EQ(s.bannedUntil(0), 3u + 4u); // the ban length doubled too
  for (size_t it = 3; it < 7; ++it) EXPECT_EQ(s.searchLimit(it, 0), std::nullopt) << it;
  EXPECT_EQ(s.searchLimit(7, 0), std::optional<size_t>(40));
  EXPECT_FALSE(s.acceptMatches(7, 0, 41));
  EXPECT_EQ(s.timesBanned(0), 3u);
  EXPECT_EQ(s.bannedUntil(0), 7u + 8u);
  EXPECT_EQ(s.searchLimit(15, 0), std::optional<size_t>(80));

  // reset forgets everything.
  s.reset(1);
  EXPECT_EQ(s.timesBanned(0), 0u);
  EXPECT_EQ(s.searchLimit(0, 0), std::optional<size_t>(10));
  // clone keeps the parameters, not the state.
  EXPECT_FALSE(s.acceptMatches(0, 0, 11));
  auto c = s.clone();
  c->reset(1);
  EXPECT_EQ(c->name(), "backoff");
  EXPECT_EQ(c->timesBanned(0), 0u);
  EXPECT_EQ(c->searchLimit(0, 0), std::optional<size_t>(10));
  EXPECT_FALSE(c->acceptMatches(0, 0, 11));
  EXPECT_EQ(c->searchLimit(1, 0), std::nullopt);
}

TEST(BackoffSchedulerUnit, CanStopShortensBans) {
  BackoffScheduler s(10, 2);
  s.reset(3);
  EXPECT_TRUE(s.canStop(0)); // nothing banned
  // Rule 0 banned until 2; rule 1 banned twice (until 1 + 2, then 3 + 4 = 7).
  EXPECT_FALSE(s.acceptMatches(0, 0, 11));
  EXPECT_FALSE(s.acceptMatches(1, 1, 11));
  EXPECT_FALSE(s.acceptMatches(3, 1, 21));
  ASSERT_EQ(s.bannedUntil(0), 2u);
  ASSERT_EQ(s.bannedUntil(1), 7u);
  // At iteration 1 the run would stop, but rules are banned: the earliest
  // ban is moved to end now, the others move by as much.
  EXPECT_FALSE(s.canStop(1));
  EXPECT_EQ(s.bannedUntil(0), 1u);
  EXPECT_EQ(s.bannedUntil(1), 6u);
  EXPECT_EQ(s.searchLimit(1, 0), std::optional<size_t>(20)); // unbanned now
  EXPECT_EQ(s.searchLimit(1, 1), std::nullopt);              // still banned
  EXPECT_EQ(s.searchLimit(1, 2), std::optional<size_t>(10));
  // Asked again at the same iteration: rule 1's ban is the earliest left.
  EXPECT_FALSE(s.canStop(1));
  EXPECT_EQ(s.bannedUntil(1), 1u);
  EXPECT_EQ(s.searchLimit(1, 1), std::optional<size_t>(40));
  EXPECT_TRUE(s.canStop(1));
  // Bans do not count again when shortened.
  EXPECT_EQ(s.timesBanned(0), 1u);
  EXPECT_EQ(s.timesBanned(1), 2u);
  EXPECT_EQ(s.timesBanned(2), 0u);
}

TEST(SimpleSchedulerUnit, NeverBans) {
  SimpleScheduler s;
  EXPECT_EQ(s.name(), "simple");
  s.reset(2);
  for (size_t it = 0; it < 5; ++it) {
    auto limit = s.searchLimit(it, 0);
    ASSERT_TRUE(limit.has_value());
    EXPECT_GE(*limit, size_t(1) << 40);
    EXPECT_TRUE(s.acceptMatches(it, 0, *limit));
    EXPECT_TRUE(s.acceptMatches(it, 1, 1'000'000'000));
    EXPECT_TRUE(s.canStop(it));
  }
  EXPECT_EQ(s.timesBanned(0), 0u);
  EXPECT_EQ(s.clone()->name(), "simple");
}

TEST_F(RunnerTest, BackoffBansAnExplosiveRule) {
  // 14 additions: comm-add finds 14 matches, more than the limit of 10.
  // comm-mul changes the e-graph in round 0 only, so round 1 is a round in
  // which comm-add is still banned.
  EGraph g(lang);
  add(g, sumOf(15));
  add(g, "(* p q)");
  Runner runner(g);
  runner.setLimits(unlimited()).setScheduler(std::make_unique<BackoffScheduler>(10, 2));
  RunReport report = runner.run(std::vector<const Rule *>{commAdd(), commMul()});
  ASSERT_GE(report.iterations.size(), 3u);
  const auto &r0 = report.iterations[0].rules[0];
  EXPECT_TRUE(r0.searched);
  EXPECT_TRUE(r0.banned);
  EXPECT_EQ(r0.matches, 0u);
  EXPECT_EQ(report.iterations[0].rules[0].unions, 0u);
  EXPECT_FALSE(report.iterations[0].rules[1].banned);
  EXPECT_EQ(report.iterations[0].rules[1].matches, 1u);
  // Round 1: banned, so not searched.
  const auto &r1 = report.iterations[1].rules[0];
  EXPECT_FALSE(r1.searched);
  EXPECT_FALSE(r1.banned);
  EXPECT_EQ(r1.matches, 0u);
  // Round 2: searched again with the doubled limit (20 >= 14): applied.
  const auto &r2 = report.iterations[2].rules[0];
  EXPECT_TRUE(r2.searched);
  EXPECT_FALSE(r2.banned);
  EXPECT_EQ(r2.matches, 14u);
  EXPECT_EQ(r2.unions, 14u); // each (+ b a) is a new class, merged into its match
  EXPECT_GT(report.iterations[2].nodesAfter, report.iterations[2].nodesBefore);

  size_t bannedRounds = 0;
  for (const auto &it : report.iterations) bannedRounds += it.rules[0].banned;
  ASSERT_EQ(report.timesBanned.size(), 2u);
  EXPECT_GT(report.timesBanned[0], 0u);
  EXPECT_EQ(report.timesBanned[0], bannedRounds);
  EXPECT_EQ(report.timesBanned[0], runner.scheduler().timesBanned(0));
  EXPECT_EQ(report.timesBanned[1], 0u);
  // The run may only stop saturated once nothing is banned, and then every
  // addition has both orders.
  EXPECT_EQ(report.stopReason, StopReason::Saturated);
  EXPECT_FALSE(report.iterations.back().rules[0].banned);
  EXPECT_TRUE(report.iterations.back().rules[0].searched);
  EXPECT_NE(lookup(g, "(+ a15 a14)"), kNoClass);
  EXPECT_NE(lookup(g, "(+ (+ a15 a14) a13)"), kNoClass);
  EXPECT_EQ(lookup(g, "(+ (+ a15 a14) a13)"), lookup(g, "(+ a13 (+ a14 a15))"));
  EXPECT_NE(lookup(g, "(* q p)"), kNoClass);
}

TEST_F(RunnerTest, SimpleSchedulerNeverBans) {
  EGraph g(lang);
  add(g, sumOf(15));
  add(g, "(* p q)");
  Runner runner(g);
  runner.setLimits(unlimited()).setScheduler(std::make_unique<SimpleScheduler>());
  RunReport report = runner.run(std::vector<const Rule *>{commAdd(), commMul()});
  EXPECT_EQ(report.stopReason, StopReason::Saturated);
  ASSERT_FALSE(report.iterations.empty());
  EXPECT_EQ(report.iterations[0].rules[0].matches, 14u);
  for (const auto &it : report.iterations)
    for (const auto &r : it.rules) {
      EXPECT_TRUE(r.searched);
      EXPECT_FALSE(r.banned);
    }
  EXPECT_EQ(report.timesBanned, (std::vector<size_t>{0, 0}));
  EXPECT_EQ(runner.scheduler().timesBanned(0), 0u);
}

//===----------------------------------------------------------------------===//
// Statistics
//===----------------------------------------------------------------------===//

TEST_F(RunnerTest, StatsAreConsistent) {
  RuleBook rules;
  llvm::Error err = rules.parse(lang, preds, mathRulesText(), "math.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  auto g = makeMathEGraph(lang);
  add(*g, "(d x (+ 1 (* 2 x)))");
  add(*g, "(+ (* a (+ b c)) (* a (+ c b)))");
  Runner runner(*g);
  RunnerLimits l = unlimited();
  l.iterations = 8;
  l.nodes = 20'000;
  runner.setLimits(l);
  RunReport report = runner.run(rules);
  ASSERT_FALSE(report.iterations.empty());
  EXPECT_EQ(report.ruleNames.size(), rules.numRules());
  ASSERT_EQ(report.timesBanned.size(), rules.numRules());

  size_t totalUnions = 0;
  std::vector<size_t> bannedRounds(rules.numRules(), 0);
  for (size_t i = 0; i < report.iterations.size(); ++i) {
    const IterationStats &it = report.iterations[i];
    ASSERT_EQ(it.rules.size(), rules.numRules());
    size_t unions = 0, matches = 0;
    for (size_t r = 0; r < it.rules.size(); ++r) {
      const RuleRoundStats &rs = it.rules[r];
      unions += rs.unions;
      matches += rs.matches;
      bannedRounds[r] += rs.banned;
      if (!rs.searched || rs.banned) {
        EXPECT_EQ(rs.matches, 0u) << "round " << i << " rule " << report.ruleNames[r];
        EXPECT_EQ(rs.unions, 0u) << "round " << i << " rule " << report.ruleNames[r];
      }
      if (rs.banned) {
        EXPECT_TRUE(rs.searched);
      }
      EXPECT_LE(rs.unions, rs.matches);
    }
    EXPECT_EQ(unions, it.appliedUnions) << "round " << i;
    EXPECT_EQ(matches, it.matches) << "round " << i;
    totalUnions += unions;
    if (i > 0) {
      EXPECT_EQ(it.nodesBefore, report.iterations[i - 1].nodesAfter) << "round " << i;
      EXPECT_EQ(it.classesBefore, report.iterations[i - 1].classesAfter) << "round " << i;
    }
  }
  EXPECT_GT(totalUnions, 0u);
  EXPECT_EQ(report.iterations.back().nodesAfter, g->numNodes());
  EXPECT_EQ(report.iterations.back().classesAfter, g->numClasses());
  for (size_t r = 0; r < rules.numRules(); ++r) {
    EXPECT_EQ(report.timesBanned[r], runner.scheduler().timesBanned(r)) << report.ruleNames[r];
    EXPECT_EQ(report.timesBanned[r], bannedRounds[r]) << report.ruleNames[r];
  }
  // The first round starts from the added terms.
  EXPECT_LT(report.iterations.front().nodesBefore, report.iterations.front().nodesAfter);
  // It proved d/dx (1 + 2x) = 2 on the way.
  EXPECT_EQ(lookup(*g, "(d x (+ 1 (* 2 x)))"), lookup(*g, "2"));
}

} // namespace
