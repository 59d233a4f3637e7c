//===- IRRulesTest.cpp - Rules over LLVM IR: flags, types, constants, facts ===//
#include "egopt/analyses/ConstantFold.h"
#include "egopt/analyses/KnownBitsAnalysis.h"
#include "egopt/analyses/RangeAnalysis.h"
#include "egopt/egraph/Runner.h"
#include "egopt/lift/Lifter.h"
#include "egopt/rewrite/Predicates.h"
#include "egopt/rewrite/RuleCatalog.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace llvm;

namespace {

class IRRulesTest : public ::testing::Test {
protected:
  /// Lifts @f of `module` with the three analyses, runs `rules` (rule-file
  /// text, one pass) and returns the report.
  eg::RunReport run(const std::string &module, const std::string &rules) {
    SMDiagnostic diag;
    m = parseAssemblyString(module, diag, ctx);
    EXPECT_TRUE(m) << diag.getMessage().str();
    lf = ir::liftFunction(*m->getFunction("f"), [](eg::EGraph &g, const ir::IRTables &t) {
      g.addAnalysis<passes::IntConstantFold>(t);
      g.addAnalysis<passes::KnownBitsAnalysis>(t);
      g.addAnalysis<passes::RangeAnalysis>(t);
    });
    lf.egraph->rebuild();
    ruleSet = eg::RuleBook();
    if (auto err =
            ruleSet.parse(ir::IRLanguage::get(), passes::irPredicates(), rules, "test.rules"))
      ADD_FAILURE() << toString(std::move(err));
    eg::Runner runner(*lf.egraph);
    return runner.run(ruleSet);
  }

  eg::ClassId classOf(const std::string &name) {
    for (size_t i = 0; i < lf.pure.size(); ++i)
      if (lf.pure[i]->getName() == name) return lf.egraph->find(lf.pureClass[i]);
    ADD_FAILURE() << "no lifted value named " << name;
    return eg::kNoClass;
  }

  /// Whether the classes of two lifted values were merged.
  bool same(const std::string &a, const std::string &b) { return classOf(a) == classOf(b); }

  /// Whether `name`'s class holds an e-node printing as `head`.
  bool holds(const std::string &name, const std::string &head) {
    for (const eg::ENode &n : lf.egraph->nodes(classOf(name)))
      if (ir::IRLanguage::get().printHead(n) == head) return true;
    return false;
  }

  /// Whether `name`'s class holds argument number `k`.
  bool holdsArg(const std::string &name, uint64_t k) {
    for (const eg::ENode &n : lf.egraph->nodes(classOf(name)))
      if (n.op == ir::IRLanguage::get().Arg && n.payload == k) return true;
    return false;
  }

  std::optional<APInt> constant(const std::string &name) {
    return lf.egraph->findAnalysis<passes::IntConstantFold>()->valueOf(classOf(name));
  }

  LLVMContext ctx;
  std::unique_ptr<Module> m;
  ir::LiftedFunction lf;
  eg::RuleBook ruleSet;
};

TEST_F(IRRulesTest, LeftFlagsAreRequirements) {
  std::string module = "define i8 @f(i8 %x, i8 %c) {\n"
                       "  %a = shl nsw i8 %x, %c\n  %b = ashr i8 %a, %c\n"
                       "  %p = shl i8 %x, %c\n  %q = ashr i8 %p, %c\n"
                       "  %r = add i8 %b, %q\n  ret i8 %r\n}\n";
  run(module, "(rule-set p (rule r (ashr (shl:nsw ?x ?c) ?c) => ?x))");
  EXPECT_TRUE(holdsArg("b", 0));              // the nsw form folds
  EXPECT_FALSE(classOf("q") == classOf("b")); // the flagless one does not
}

TEST_F(IRRulesTest, UnflaggedPatternMatchesFlaggedNodes) {
  run("define i32 @f(i32 %x) {\n  %a = add nsw nuw i32 %x, 0\n  %b = mul i32 %a, 3\n  ret i32 "
      "%b\n}\n",
      "(rule-set p (rule add-zero (add ?x 0) => ?x))");
  EXPECT_TRUE(holdsArg("a", 0));
}

TEST_F(IRRulesTest, RightFlagsAreCreated) {
  run("define i32 @f(i32 %x, i32 %y) {\n  %a = or i32 %x, %y\n  ret i32 %a\n}\n",
      "(rule-set p (rule r (or ?x ?y) => (or:disjoint ?x ?y)))");
  EXPECT_TRUE(holds("a", "or:disjoint"));
}

TEST_F(IRRulesTest, ComputedConstantsHaveTheMatchedType) {
  run("define i16 @f(i16 %x) {\n  %a = mul i16 %x, 64\n  ret i16 %a\n}\n",
      "(rule-set p (rule mul-pow2 (mul ?x ?c) => (shl ?x ($log2 ?c)) if (pow2 ?c)))");
  EXPECT_TRUE(holds("a", "shl"));
  // The shift amount is an i16 constant 6: find it among the shl's operands.
  bool found = false;
  for (const eg::ENode &n : lf.egraph->nodes(classOf("a")))
    if (ir::IRLanguage::get().printHead(n) == "shl") {
      auto c =
          lf.egraph->findAnalysis<passes::IntConstantFold>()->valueOf(lf.egraph->find(n.kids[1]));
      ASSERT_TRUE(c);
      EXPECT_EQ(c->getBitWidth(), 16u);
      EXPECT_EQ(c->getZExtValue(), 6u);
      found = true;
    }
  EXPECT_TRUE(found);
}

TEST_F(IRRulesTest, ConditionFailureBlocksTheRule) {
  run("define i32 @f(i32 %x) {\n  %a = mul i32 %x, 12\n  ret i32 %a\n}\n",
      "(rule-set p (rule mul-pow2 (mul ?x ?c) => (shl ?x ($log2 ?c)) if (pow2 ?c)))");
  EXPECT_FALSE(holds("a", "shl"));
}

TEST_F(IRRulesTest, IllTypedApplicationsAreDeclined) {
  // (trunc (zext x)) => x only when x has the result's type.
  auto report = run("define i8 @f(i8 %x, i16 %y) {\n"
                    "  %z = zext i8 %x to i32\n  %t = trunc i32 %z to i8\n"
                    "  %w = zext i16 %y to i32\n  %u = trunc i32 %w to i8\n"
                    "  %r = add i8 %t, %u\n  ret i8 %r\n}\n",
                    "(rule-set p (rule r (trunc (zext ?x)) => ?x))");
  EXPECT_TRUE(holdsArg("t", 0));
  EXPECT_FALSE(holdsArg("u", 1));
  size_t declined = 0;
  for (const auto &it : report.iterations)
    for (const auto &r : it.rules) declined += r.declined;
  EXPECT_GE(declined, 1u);
}

TEST_F(IRRulesTest, KnownBitsDriveConditions) {
  run("define i32 @f(i32 %x) {\n  %m = and i32 %x, 255\n  %n = and i32 %m, 1023\n"
      "  %s = sdiv i32 %m, 4\n  ret i32 %n\n}\n",
      "(rule-set p (rule mask (and ?x ?m) => ?x if (mask-noop ?x ?m))"
      " (rule sdiv-nonneg (sdiv ?x ?y) => (udiv ?x ?y) if (nonneg ?x) (nonneg ?y)))");
  EXPECT_TRUE(same("n", "m"));
  EXPECT_TRUE(holds("s", "udiv"));
}

TEST_F(IRRulesTest, RangesDecideCompares) {
  run("define i1 @f(i8 %x) {\n  %z = zext i8 %x to i32\n  %c = icmp ult i32 %z, 256\n  ret i1 "
      "%c\n}\n",
      "(rule-set p (rule t (icmp.ult ?x ?y) => true if (ult ?x ?y)))");
  auto c = constant("c");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->isOne());
}

TEST_F(IRRulesTest, RuleErrorsNameTheProblem) {
  eg::RuleBook rules;
  auto parse = [&](const char *text) {
    return toString(rules.parse(ir::IRLanguage::get(), passes::irPredicates(), text, "t.rules"));
  };
  EXPECT_NE(
      parse("(rule-set p (rule a (add:bogus ?x 0) => ?x))").find("'bogus' is not a flag of 'add'"),
      std::string::npos);
  EXPECT_NE(parse("(rule-set p (rule b ($neg ?x) => ?x))").find("right-hand side"),
            std::string::npos);
  EXPECT_NE(
      parse("(rule-set p (rule c (add ?x ?y) => (select (icmp.eq (zext ?x) (zext ?y)) ?x ?y)))")
          .find("cannot infer the type"),
      std::string::npos);
}

TEST(RuleCatalogTest, BuiltinPassesLoad) {
  auto rules = passes::loadRules({});
  ASSERT_TRUE(bool(rules)) << toString(rules.takeError());
  std::vector<std::string> names;
  for (const auto &p : (*rules)->ruleSets()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"address", "algebra", "bitwise", "casts", "compare",
                                             "constfold", "float", "knownbits", "shifts"}));
  EXPECT_GT((*rules)->numRules(), 250u);
}

TEST(RuleCatalogTest, PassSelectionAndUnknownPasses) {
  passes::RuleOptions o;
  o.ruleSets = {"algebra"};
  auto rules = passes::loadRules(o);
  ASSERT_TRUE(bool(rules));
  for (const eg::Rule *r : (*rules)->enabledRules())
    EXPECT_EQ((*rules)->ruleSets()[1].name, "algebra") << r->name();
  EXPECT_EQ((*rules)->enabledRules().size(), (*rules)->ruleSets()[1].rules.size());
  o.ruleSets = {"nope"};
  auto bad = passes::loadRules(o);
  ASSERT_FALSE(bool(bad));
  EXPECT_NE(toString(bad.takeError()).find("unknown rule set 'nope'"), std::string::npos);
}

} // namespace
