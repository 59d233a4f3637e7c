//===- DotAndReportTest.cpp - Graphviz output and the JSON run report -----===//
#include "MathLanguage.h"

#include "egopt/egraph/Dot.h"
#include "egopt/egraph/RecExpr.h"
#include "egopt/egraph/Runner.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <set>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

size_t countOf(const std::string &text, const std::string &needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size()))
    ++n;
  return n;
}

class DotTest : public ::testing::Test {
protected:
  void SetUp() override {
    g = makeMathEGraph(lang);
    // x, y, (+ x y), (sin x), (* (+ x y) (sin x)), and a folded (+ 1 2).
    auto e = RecExpr::parse(lang, "(* (+ x y) (sin x))");
    ASSERT_TRUE(bool(e));
    root = g->addExpr(*e);
    auto f = RecExpr::parse(lang, "(+ 1 2)");
    ASSERT_TRUE(bool(f));
    folded = g->addExpr(*f);
    g->rebuild();
  }
  size_t totalKids() const {
    size_t n = 0;
    for (ClassId c : g->classIds())
      for (const ENode &node : g->nodes(c)) n += node.kids.size();
    return n;
  }

  MathLanguage lang;
  std::unique_ptr<EGraph> g;
  ClassId root = kNoClass, folded = kNoClass;
};

TEST_F(DotTest, OneClusterPerClassAndOneEdgePerChild) {
  std::string dot = toDot(*g);
  EXPECT_EQ(dot.rfind("digraph", 0), 0u) << dot;
  EXPECT_EQ(dot.back(), '\n');
  EXPECT_EQ(countOf(dot, "subgraph cluster_"), g->numClasses()) << dot;
  for (ClassId c : g->classIds())
    EXPECT_EQ(countOf(dot, "subgraph cluster_" + std::to_string(c) + " {"), 1u) << "class " << c;
  // (+ x y): 2 kids, (sin x): 1, (* ..): 2; the folded class is only leaves.
  EXPECT_EQ(totalKids(), 5u);
  EXPECT_EQ(countOf(dot, " -> "), totalKids()) << dot;
  // Each edge goes from the e-node to its child's cluster.
  for (ClassId c : g->classIds()) {
    auto nodes = g->nodes(c);
    for (size_t i = 0; i < nodes.size(); ++i)
      for (ClassId k : nodes[i].kids) {
        std::string edge;
        llvm::raw_string_ostream(edge)
            << "n" << c << "_" << i << " -> a" << k << " [lhead=cluster_" << k;
        EXPECT_NE(dot.find(edge), std::string::npos) << edge << "\n" << dot;
      }
  }
  // Labels: operator heads and atoms, and the ConstantFold fact of the folded class.
  EXPECT_NE(dot.find("label=\"sin\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"x\""), std::string::npos);
  std::string foldedLabel;
  llvm::raw_string_ostream(foldedLabel) << "label=\"c" << g->find(folded) << "\\nconst=3\"";
  EXPECT_NE(dot.find(foldedLabel), std::string::npos) << foldedLabel << "\n" << dot;
  // Balanced braces: a well-formed file.
  EXPECT_EQ(countOf(dot, "{"), countOf(dot, "}"));
}

TEST_F(DotTest, AnalysesCanBeHidden) {
  DotOptions opts;
  opts.showAnalyses = false;
  std::string dot = toDot(*g, opts);
  EXPECT_EQ(dot.find("const="), std::string::npos);
  EXPECT_EQ(countOf(dot, "subgraph cluster_"), g->numClasses());
}

TEST_F(DotTest, MaxClassesLimitsTheOutput) {
  ASSERT_GT(g->numClasses(), 3u);
  DotOptions opts;
  opts.maxClasses = 2;
  std::string dot = toDot(*g, opts);
  EXPECT_EQ(countOf(dot, "subgraph cluster_"), 2u) << dot;
  auto ids = g->classIds();
  // The first two classes (in id order) are shown, the rest are not.
  EXPECT_NE(dot.find("subgraph cluster_" + std::to_string(ids[0]) + " {"), std::string::npos);
  EXPECT_NE(dot.find("subgraph cluster_" + std::to_string(ids[1]) + " {"), std::string::npos);
  for (size_t i = 2; i < ids.size(); ++i)
    EXPECT_EQ(dot.find("subgraph cluster_" + std::to_string(ids[i]) + " {"), std::string::npos);
  // Only the shown classes' e-nodes have edges.
  size_t shownKids = 0;
  for (size_t i = 0; i < 2; ++i)
    for (const ENode &n : g->nodes(ids[i])) shownKids += n.kids.size();
  EXPECT_EQ(countOf(dot, " -> "), shownKids);
  EXPECT_NE(dot.find("}\n"), std::string::npos);

  opts.maxClasses = 0;
  std::string empty = toDot(*g, opts);
  EXPECT_EQ(countOf(empty, "subgraph cluster_"), 0u);
  EXPECT_EQ(countOf(empty, " -> "), 0u);
  EXPECT_EQ(empty.rfind("digraph", 0), 0u);
}

TEST_F(DotTest, MergedClassesShareACluster) {
  ClassId x = g->lookup(lang.sym("x"));
  ClassId y = g->lookup(lang.sym("y"));
  g->merge(x, y);
  g->rebuild();
  std::string dot = toDot(*g);
  EXPECT_EQ(countOf(dot, "subgraph cluster_"), g->numClasses());
  // y's id is no longer a class.
  EXPECT_EQ(dot.find("subgraph cluster_" + std::to_string(std::max(x, y)) + " {"),
            std::string::npos);
  EXPECT_EQ(countOf(dot, " -> "), totalKids());
}

class ReportTest : public ::testing::Test {
protected:
  void SetUp() override {
    registerMathPredicates(preds, lang);
    llvm::Error err = rules.parse(lang, preds, mathRulesText(), "math.rules");
    ASSERT_FALSE(err) << llvm::toString(std::move(err));
  }
  MathLanguage lang;
  PredicateRegistry preds;
  RuleBook rules;
};

TEST_F(ReportTest, JsonOfARealRun) {
  auto g = makeMathEGraph(lang);
  auto e = RecExpr::parse(lang, "(+ x (+ x (+ x x)))");
  ASSERT_TRUE(bool(e));
  g->addExpr(*e);
  Runner runner(*g);
  RunnerLimits limits;
  limits.iterations = 3;
  limits.time = std::chrono::seconds(60); // never the reason to stop here
  runner.setLimits(limits).setThreads(2);
  RunReport report = runner.run(rules);
  ASSERT_FALSE(report.iterations.empty());
  EXPECT_LE(report.iterations.size(), 3u);
  EXPECT_EQ(report.ruleNames.size(), rules.enabledRules().size());

  std::string text = report.toJson();
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(text);
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError()) << "\n" << text;
  const llvm::json::Object *top = parsed->getAsObject();
  ASSERT_NE(top, nullptr);

  auto stop = top->getString("stop_reason");
  ASSERT_TRUE(stop.has_value());
  EXPECT_EQ(stop->str(), stopReasonName(report.stopReason));
  EXPECT_EQ(top->getInteger("iterations_run"), int64_t(report.iterations.size()));
  EXPECT_EQ(top->getInteger("threads"), int64_t(report.threads));

  const llvm::json::Array *ruleArr = top->getArray("rules");
  ASSERT_NE(ruleArr, nullptr);
  ASSERT_EQ(ruleArr->size(), report.ruleNames.size());
  std::set<std::string> ruleNames;
  for (size_t r = 0; r < ruleArr->size(); ++r) {
    const llvm::json::Object *ro = (*ruleArr)[r].getAsObject();
    ASSERT_NE(ro, nullptr);
    auto name = ro->getString("name");
    ASSERT_TRUE(name.has_value());
    EXPECT_EQ(name->str(), report.ruleNames[r]);
    ruleNames.insert(name->str());
    EXPECT_EQ(ro->getInteger("times_banned"), int64_t(report.timesBanned[r]));
  }

  const llvm::json::Array *its = top->getArray("iterations");
  ASSERT_NE(its, nullptr);
  ASSERT_EQ(its->size(), report.iterations.size());
  size_t totalMatches = 0;
  for (size_t i = 0; i < its->size(); ++i) {
    SCOPED_TRACE(i);
    const IterationStats &st = report.iterations[i];
    const llvm::json::Object *it = (*its)[i].getAsObject();
    ASSERT_NE(it, nullptr);
    EXPECT_EQ(it->getInteger("nodes"), int64_t(st.nodesAfter));
    EXPECT_EQ(it->getInteger("classes"), int64_t(st.classesAfter));
    EXPECT_EQ(it->getInteger("nodes_before"), int64_t(st.nodesBefore));
    EXPECT_EQ(it->getInteger("matches"), int64_t(st.matches));
    EXPECT_EQ(it->getInteger("applied_unions"), int64_t(st.appliedUnions));
    EXPECT_EQ(it->getInteger("congruence_unions"), int64_t(st.congruenceUnions));
    for (const char *key : {"search_seconds", "apply_seconds", "rebuild_seconds"}) {
      auto v = it->getNumber(key);
      ASSERT_TRUE(v.has_value()) << key;
      EXPECT_GE(*v, 0.0) << key;
    }
    const llvm::json::Object *perRule = it->getObject("per_rule");
    ASSERT_NE(perRule, nullptr);
    int64_t matchSum = 0, unionSum = 0;
    size_t searched = 0;
    for (size_t r = 0; r < st.rules.size(); ++r) searched += st.rules[r].searched;
    EXPECT_EQ(perRule->size(), searched);
    for (const auto &kv : *perRule) {
      std::string name = kv.first.str();
      EXPECT_TRUE(ruleNames.count(name)) << name;
      const llvm::json::Object *ro = kv.second.getAsObject();
      ASSERT_NE(ro, nullptr) << name;
      auto m = ro->getInteger("matches");
      auto u = ro->getInteger("unions");
      ASSERT_TRUE(m && u) << name;
      matchSum += *m;
      unionSum += *u;
    }
    EXPECT_EQ(matchSum, int64_t(st.matches));
    EXPECT_EQ(unionSum, int64_t(st.appliedUnions));
    totalMatches += st.matches;
  }
  // The rules do fire on this term (e.g. comm-add), and the graph grows.
  EXPECT_GT(totalMatches, 0u);
  EXPECT_GT(report.iterations.front().nodesAfter, report.iterations.front().nodesBefore);
  EXPECT_FALSE(report.summary().empty());
}

TEST_F(ReportTest, StopReasonsInJson) {
  // A term no rule changes beyond the first rounds saturates; a tiny node
  // budget stops with node-limit. The JSON spells each reason.
  for (auto [limitNodes, expected] :
       {std::pair<size_t, StopReason>{5, StopReason::NodeLimit},
        std::pair<size_t, StopReason>{10'000, StopReason::Saturated}}) {
    auto g = makeMathEGraph(lang);
    auto e = RecExpr::parse(lang, limitNodes == 5 ? "(+ x (+ y (+ z w)))" : "(* x 1)");
    ASSERT_TRUE(bool(e));
    g->addExpr(*e);
    Runner runner(*g);
    RunnerLimits limits;
    limits.nodes = limitNodes;
    limits.iterations = 5;
    limits.time = std::chrono::seconds(60);
    runner.setLimits(limits);
    RunReport report = runner.run(rules);
    EXPECT_EQ(report.stopReason, expected);
    auto parsed = llvm::json::parse(report.toJson());
    ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
    auto stop = parsed->getAsObject()->getString("stop_reason");
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->str(), stopReasonName(expected));
  }
  EXPECT_STREQ(stopReasonName(StopReason::NodeLimit), "node-limit");
  EXPECT_STREQ(stopReasonName(StopReason::Saturated), "saturated");
}

} // namespace
