//===- RuleParseTest.cpp - Rule files: rule sets, rules, errors, printing -===//
#include "MathLanguage.h"

#include "egopt/egraph/Rewrite.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

class RuleParse : public ::testing::Test {
protected:
  void SetUp() override { registerMathPredicates(preds, lang); }

  /// Parses `text` into a fresh RuleBook; returns the error text ("" if none).
  std::string parseError(std::string_view text, std::string_view source = "test.rules") {
    RuleBook rs;
    llvm::Error err = rs.parse(lang, preds, text, source);
    if (!err) return "";
    return llvm::toString(std::move(err));
  }

  static std::vector<std::string> names(const std::vector<const Rule *> &rules) {
    std::vector<std::string> out;
    for (const Rule *r : rules) out.push_back(r->name());
    return out;
  }

  MathLanguage lang;
  PredicateRegistry preds;
};

const char *kTwoPasses = R"(; two rule sets
(rule-set algebra
  (rule comm-add (+ ?a ?b) => (+ ?b ?a))
  (rule zero-add (+ ?a 0) => ?a)
  (rule cancel-div (/ ?a ?a) => 1 if (is-not-zero ?a)))

(rule-set calculus ; a trailing comment
  (rule d-sin (d ?x (sin ?x)) => (cos ?x))
  (rule d-constant (d ?x ?c) => 0 if (is-sym ?x) (is-const-or-distinct-var ?c ?x)))
)";

TEST_F(RuleParse, TwoPasses) {
  RuleBook rs;
  llvm::Error err = rs.parse(lang, preds, kTwoPasses, "two.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  ASSERT_EQ(rs.ruleSets().size(), 2u);
  EXPECT_EQ(rs.ruleSets()[0].name, "algebra");
  EXPECT_EQ(rs.ruleSets()[1].name, "calculus");
  EXPECT_EQ(rs.ruleSets()[0].rules.size(), 3u);
  EXPECT_EQ(rs.ruleSets()[1].rules.size(), 2u);
  EXPECT_TRUE(rs.ruleSets()[0].enabled);
  EXPECT_TRUE(rs.ruleSets()[1].enabled);
  EXPECT_EQ(rs.numRules(), 5u);
  EXPECT_EQ(
      names(rs.enabledRules()),
      (std::vector<std::string>{"comm-add", "zero-add", "cancel-div", "d-sin", "d-constant"}));

  // Conditions, variables and locations were recorded.
  const Rule &dc = *rs.ruleSets()[1].rules[1];
  ASSERT_EQ(dc.conditions().size(), 2u);
  EXPECT_EQ(dc.conditions()[0].pred->name, "is-sym");
  EXPECT_EQ(dc.conditions()[1].pred->name, "is-const-or-distinct-var");
  ASSERT_EQ(dc.conditions()[1].args.size(), 2u);
  EXPECT_EQ(dc.vars().names[dc.conditions()[1].args[0]], "?c");
  EXPECT_EQ(dc.vars().names[dc.conditions()[1].args[1]], "?x");
  EXPECT_EQ(dc.loc().line, 9u);
  EXPECT_EQ(dc.loc().col, 3u);
  const Rule &zero = *rs.ruleSets()[0].rules[1];
  EXPECT_EQ(zero.lhs().print(lang, zero.vars()), "(+ ?a 0)");
  EXPECT_EQ(zero.rhs().print(lang, zero.vars()), "?a");
  EXPECT_TRUE(zero.conditions().empty());
  EXPECT_EQ(zero.loc().line, 4u);

  ASSERT_NE(rs.findRuleSet("calculus"), nullptr);
  EXPECT_EQ(rs.findRuleSet("calculus")->rules.size(), 2u);
  EXPECT_EQ(rs.findRuleSet("geometry"), nullptr);
}

TEST_F(RuleParse, PassesOfTheSameNameAreJoined) {
  RuleBook rs;
  llvm::Error err = rs.parse(lang, preds, R"(
(rule-set a (rule r1 (+ ?x 0) => ?x))
(rule-set b (rule r2 (* ?x 1) => ?x))
(rule-set a (rule r3 (* ?x 0) => 0))
)",
                             "joined.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  ASSERT_EQ(rs.ruleSets().size(), 2u);
  EXPECT_EQ(rs.ruleSets()[0].name, "a");
  ASSERT_EQ(rs.ruleSets()[0].rules.size(), 2u);
  EXPECT_EQ(rs.ruleSets()[0].rules[0]->name(), "r1");
  EXPECT_EQ(rs.ruleSets()[0].rules[1]->name(), "r3");
  EXPECT_EQ(rs.ruleSets()[1].rules.size(), 1u);
  // A second parse into the same set adds to it (and checks names across files).
  err = rs.parse(lang, preds, "(rule-set b (rule r4 (- ?x 0) => ?x))", "more.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  EXPECT_EQ(rs.numRules(), 4u);
  EXPECT_EQ(rs.ruleSets()[1].rules.size(), 2u);
  err = rs.parse(lang, preds, "(rule-set c (rule r1 (- ?x ?x) => 0))", "dup.rules");
  ASSERT_TRUE(bool(err));
  EXPECT_NE(llvm::toString(std::move(err)).find("duplicate rule name 'r1'"), std::string::npos);
}

TEST_F(RuleParse, EnableOnly) {
  RuleBook rs;
  llvm::Error err = rs.parse(lang, preds, kTwoPasses, "two.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));

  err = rs.enableOnly({"calculus"});
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  EXPECT_FALSE(rs.ruleSets()[0].enabled);
  EXPECT_TRUE(rs.ruleSets()[1].enabled);
  EXPECT_EQ(names(rs.enabledRules()), (std::vector<std::string>{"d-sin", "d-constant"}));
  EXPECT_EQ(rs.numRules(), 5u); // disabled rules still count

  err = rs.enableOnly({});
  ASSERT_FALSE(err);
  EXPECT_TRUE(rs.enabledRules().empty());

  err = rs.enableOnly({"calculus", "algebra"});
  ASSERT_FALSE(err);
  // File order, not the order of the names given.
  EXPECT_EQ(
      names(rs.enabledRules()),
      (std::vector<std::string>{"comm-add", "zero-add", "cancel-div", "d-sin", "d-constant"}));

  err = rs.enableOnly({"algebra"});
  ASSERT_FALSE(err);
  // An unknown rule set is an error and changes nothing.
  err = rs.enableOnly({"calculus", "geometry"});
  ASSERT_TRUE(bool(err));
  std::string msg = llvm::toString(std::move(err));
  EXPECT_NE(msg.find("unknown rule set 'geometry'"), std::string::npos) << msg;
  EXPECT_TRUE(rs.ruleSets()[0].enabled);
  EXPECT_FALSE(rs.ruleSets()[1].enabled);
  EXPECT_EQ(names(rs.enabledRules()),
            (std::vector<std::string>{"comm-add", "zero-add", "cancel-div"}));
}

TEST_F(RuleParse, DuplicateRuleName) {
  std::string err = parseError("(rule-set p\n"
                               "  (rule r (+ ?a 0) => ?a)\n"
                               "  (rule r (* ?a 1) => ?a))");
  EXPECT_EQ(err.rfind("test.rules:3:3:", 0), 0u) << err;
  EXPECT_NE(err.find("duplicate rule name 'r'"), std::string::npos) << err;

  // Through addRule directly.
  RuleBook rs;
  auto r1 = Rule::parse(lang, "same", "(+ ?a 0) => ?a");
  auto r2 = Rule::parse(lang, "same", "(* ?a 1) => ?a");
  ASSERT_TRUE(bool(r1) && bool(r2));
  EXPECT_FALSE(bool(rs.addRule("p", std::move(*r1))));
  llvm::Error e = rs.addRule("q", std::move(*r2));
  ASSERT_TRUE(bool(e));
  EXPECT_NE(llvm::toString(std::move(e)).find("duplicate rule name 'same'"), std::string::npos);
  EXPECT_EQ(rs.numRules(), 1u);
  EXPECT_EQ(rs.ruleSets().size(), 1u); // the failed add made no rule set
}

struct ErrorCase {
  const char *what;
  const char *text;
  const char *where;   ///< "file:line:col:" prefix
  const char *message; ///< a substring of the message
};

TEST_F(RuleParse, ErrorsCarryLineAndColumn) {
  const ErrorCase cases[] = {
      {"missing => (wrong token)",
       "(rule-set p\n"
       "  (rule r (+ ?a ?b) -> (+ ?b ?a)))",
       "test.rules:2:21:", "expected '=>' after the left-hand side"},
      {"missing => (too few items)",
       "(rule-set p\n"
       "  (rule r (+ ?a ?b) (+ ?b ?a)))",
       "test.rules:2:3:", "expected LHS => RHS"},
      {"unknown predicate",
       "(rule-set p\n"
       "  (rule r (/ ?a ?a) => 1\n"
       "     if (is-nonzero ?a)))",
       "test.rules:3:10:", "unknown predicate 'is-nonzero'"},
      {"wrong predicate arity",
       "(rule-set p\n"
       "  (rule r (/ ?a ?b) => 1 if (is-not-zero ?a ?b)))",
       "test.rules:2:29:", "predicate 'is-not-zero' takes 1 variable(s), given 2"},
      {"RHS variable unbound",
       "(rule-set p\n"
       "  (rule ok (+ ?a 0) => ?a)\n"
       "  (rule bad (+ ?a ?b) => (+ ?b ?c)))",
       "test.rules:3:3:", "right-hand side uses ?c, which the left-hand side does not bind"},
      {"condition variable unbound",
       "(rule-set p\n"
       "  (rule bad (/ ?a ?b) => (* ?a (pow ?b -1)) if (is-not-zero ?z)))",
       "test.rules:2:3:", "condition 'is-not-zero' uses ?z"},
      {"top-level form is not a rule set",
       "(rule-set p (rule ok (+ ?a 0) => ?a))\n"
       "  (rule r (+ ?a 0) => ?a)",
       "test.rules:2:3:", "expected (rule-set NAME"},
      {"garbage after the RHS",
       "(rule-set p\n"
       "  (rule r (/ ?a ?a) => 1 when (is-not-zero ?a)))",
       "test.rules:2:26:", "expected 'if' or the end of the rule"},
      {"if without condition",
       "(rule-set p\n"
       "  (rule r (/ ?a ?a) => 1 if))",
       "test.rules:2:26:", "'if' needs a condition"},
      {"condition is not a list", "(rule-set p (rule r (/ ?a ?a) => 1 if is-not-zero))",
       "test.rules:1:39:", "a condition looks like"},
      {"predicate argument is not a variable",
       "(rule-set p (rule r (/ ?a ?a) => 1 if (is-not-zero 0)))",
       "test.rules:1:52:", "arguments are variables"},
      {"rule-set member is not a rule",
       "(rule-set p\n"
       "  (rule ok (+ ?a 0) => ?a)\n"
       "  (rewrite r (+ ?a 0) => ?a))",
       "test.rules:3:3:", "expected (rule NAME"},
      {"rule set without a name", "(rule-set)", "test.rules:1:1:", "expected (rule-set NAME"},
      {"bad pattern inside a rule",
       "(rule-set p\n"
       "  (rule r (+ ?a 0) =>\n"
       "    (tan ?a)))",
       "test.rules:3:6:", "unknown math operator 'tan'"},
      {"unbalanced file",
       "(rule-set p\n"
       "  (rule r (+ ?a 0) => ?a)",
       "test.rules:1:1:", "unclosed"},
  };
  for (const ErrorCase &c : cases) {
    std::string err = parseError(c.text);
    ASSERT_FALSE(err.empty()) << c.what << ": parsed without error";
    EXPECT_EQ(err.rfind(c.where, 0), 0u) << c.what << ": " << err;
    EXPECT_NE(err.find(c.message), std::string::npos) << c.what << ": " << err;
  }
}

TEST_F(RuleParse, ErrorsNameTheSource) {
  std::string err = parseError("(rule-set p (rule r (+ ?a) => ?a))", "my/file.rules");
  EXPECT_EQ(err.rfind("my/file.rules:1:21:", 0), 0u) << err;
  EXPECT_NE(err.find("'+' takes 2 operand(s), given 1"), std::string::npos) << err;
}

TEST_F(RuleParse, RuleParseFromText) {
  auto r =
      Rule::parse(lang, "div-canon", "(/ ?a ?b) => (* ?a (pow ?b -1)) if (is-not-zero ?b)", &preds);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ((*r)->name(), "div-canon");
  EXPECT_EQ((*r)->print(lang),
            "(rule div-canon (/ ?a ?b) => (* ?a (pow ?b -1)) if (is-not-zero ?b))");
  // Without a registry, conditions cannot be resolved.
  auto noPreds = Rule::parse(lang, "x", "(/ ?a ?b) => ?a if (is-not-zero ?b)");
  ASSERT_FALSE(bool(noPreds));
  std::string msg = llvm::toString(noPreds.takeError());
  EXPECT_EQ(msg.rfind("<string>:1:21:", 0), 0u) << msg;
  EXPECT_NE(msg.find("unknown predicate 'is-not-zero'"), std::string::npos) << msg;
  // RHS variables must be bound.
  auto unbound = Rule::parse(lang, "y", "(+ ?a 0) => ?b");
  ASSERT_FALSE(bool(unbound));
  msg = llvm::toString(unbound.takeError());
  EXPECT_NE(msg.find("right-hand side uses ?b"), std::string::npos) << msg;
}

TEST_F(RuleParse, PrintRoundTrips) {
  RuleBook rs;
  llvm::Error err = rs.parse(lang, preds, mathRulesText(), "math.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  ASSERT_EQ(rs.numRules(), 36u);
  std::string all = "(rule-set again\n";
  for (const Rule *r : rs.enabledRules()) {
    std::string printed = r->print(lang);
    EXPECT_EQ(printed.rfind("(rule " + r->name() + " ", 0), 0u) << printed;
    // Each printed rule parses on its own to the same print.
    RuleBook one;
    llvm::Error e = one.parse(lang, preds, "(rule-set p " + printed + ")", "printed.rules");
    ASSERT_FALSE(e) << printed << ": " << llvm::toString(std::move(e));
    ASSERT_EQ(one.numRules(), 1u);
    const Rule &again = *one.enabledRules()[0];
    EXPECT_EQ(again.print(lang), printed);
    EXPECT_EQ(again.conditions().size(), r->conditions().size()) << printed;
    EXPECT_EQ(again.vars().names, r->vars().names) << printed;
    all += "  " + printed + "\n";
  }
  all += ")";
  // And the whole printed file parses to the same rules.
  RuleBook whole;
  err = whole.parse(lang, preds, all, "printed.rules");
  ASSERT_FALSE(err) << llvm::toString(std::move(err));
  auto a = rs.enabledRules(), b = whole.enabledRules();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i]->print(lang), b[i]->print(lang));
  // Spot-check one print exactly.
  const Rule *dConst = nullptr;
  for (const Rule *r : a)
    if (r->name() == "d-constant") dConst = r;
  ASSERT_NE(dConst, nullptr);
  EXPECT_EQ(dConst->print(lang),
            "(rule d-constant (d ?x ?c) => 0 if (is-sym ?x) (is-const-or-distinct-var ?c ?x))");
}

} // namespace
