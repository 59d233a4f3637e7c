// The rule prover: true rules are proven, wrong ones get a counterexample, and
// poison, flags, UB and types are taken into account.
#include "PredicateSemantics.h"
#include "egopt/lift/IRLanguage.h"
#include "egopt/prover/ProveRules.h"
#include "egopt/rewrite/Predicates.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace egopt::prover;

namespace {

/// The predicates of egopt, plus one that has no semantics in the prover, to
/// check that it fails loudly. Parsing needs only names and arities.
const eg::PredicateRegistry &parsingPredicates() {
  static const eg::PredicateRegistry reg = [] {
    eg::PredicateRegistry r;
    for (const eg::Predicate *p : passes::irPredicates().all()) r.add(p->name, p->arity, p->fn);
    r.add("unknown-to-the-prover", 1,
          [](const eg::EGraph &, std::span<const eg::ClassId>) { return false; });
    return r;
  }();
  return reg;
}

RuleResult prove(std::string_view text, std::vector<unsigned> widths = {1, 8, 16, 32, 64}) {
  auto rule = eg::Rule::parse(ir::IRLanguage::get(), "r", text, &parsingPredicates());
  if (!rule) {
    ADD_FAILURE() << llvm::toString(rule.takeError());
    return {};
  }
  ProverOptions options;
  options.widths = std::move(widths);
  RuleResult r = proveRule(**rule, options);
  SCOPED_TRACE(formatResult(r, true));
  return r;
}

void expectProven(std::string_view text) {
  RuleResult r = prove(text);
  EXPECT_EQ(r.verdict, Verdict::Proven) << formatResult(r, true);
}

/// Fails, with a counterexample naming the source and target values.
void expectCounterexample(std::string_view text,
                          std::vector<unsigned> widths = {1, 8, 16, 32, 64}) {
  RuleResult r = prove(text, std::move(widths));
  ASSERT_EQ(r.verdict, Verdict::Failed) << formatResult(r, true);
  EXPECT_TRUE(r.error.empty()) << r.error;
  EXPECT_NE(formatResult(r, false).find("counterexample"), std::string::npos)
      << formatResult(r, false);
}

/// Proven as a refinement, but not the source's flag-free value: fails the
/// facts obligation (docs/prover.md, "Facts").
void expectRefinementOnly(std::string_view text) {
  RuleResult r = prove(text);
  ASSERT_EQ(r.verdict, Verdict::Failed) << formatResult(r, true);
  EXPECT_NE(formatResult(r, false).find("a refinement only"), std::string::npos)
      << formatResult(r, false);
  for (const CaseResult &c : r.cases)
    EXPECT_TRUE(c.verdict != Verdict::Failed || c.refinementOnly) << formatResult(r, true);
}

const CaseResult *findCase(const RuleResult &r, std::string_view types) {
  for (const CaseResult &c : r.cases)
    if (c.types == types) return &c;
  return nullptr;
}

/// Proven, with the assignment `types` skipped.
void expectProvenSkipping(std::string_view text, std::string_view types) {
  RuleResult r = prove(text);
  EXPECT_EQ(r.verdict, Verdict::Proven) << formatResult(r, true);
  const CaseResult *c = findCase(r, types);
  ASSERT_NE(c, nullptr) << formatResult(r, true);
  EXPECT_EQ(c->verdict, Verdict::Skipped);
}

TEST(Prover, IdentitiesAreProvenAtEveryWidth) {
  RuleResult r = prove("(add ?a 0) => ?a");
  EXPECT_EQ(r.verdict, Verdict::Proven) << formatResult(r, true);
  EXPECT_EQ(formatResult(r, false), "r: proven at i1, i8, i16, i32, i64");
  expectProven("(sub ?a ?a) => 0");
  expectProven("(xor ?a ?a) => 0");
  expectProven("(and ?a -1) => ?a");
  expectProven("(mul ?a ?b) => (mul ?b ?a)");
  expectProven("(shl ?a ?b) => (mul ?a (shl 1 ?b))");
}

TEST(Prover, LiteralsMatchOnlyWhereTheyAreTheSignExtensionOfTheirBits) {
  // The e-graph stores i1 true as -1, so `2` never matches an i1.
  expectProvenSkipping("(mul ?a 2) => (shl ?a 1)", "i1");
  // On the right-hand side a literal is cut to its low bits: 255 at i8 is -1.
  EXPECT_EQ(prove("(xor ?a -1) => (xor ?a 255)", {8}).verdict, Verdict::Proven);
  EXPECT_EQ(prove("(xor ?a -1) => (xor ?a 255)", {16}).verdict, Verdict::Failed);
}

TEST(Prover, ShiftByOneIsPoisonAtI1) {
  // a + a is 0 at i1, but a shift by 1 is by the width: poison.
  RuleResult r = prove("(add ?a ?a) => (shl ?a 1)");
  ASSERT_EQ(r.verdict, Verdict::Failed);
  EXPECT_EQ(r.cases.front().types, "i1");
  EXPECT_NE(r.cases.front().detail.find("target = poison"), std::string::npos)
      << r.cases.front().detail;
  EXPECT_EQ(prove("(add ?a ?a) => (shl ?a 1)", {8, 16, 32, 64}).verdict, Verdict::Proven);
}

TEST(Prover, WrongRulesGetACounterexample) {
  expectCounterexample("(add ?a 1) => ?a");
  expectCounterexample("(udiv ?a 2) => (ashr ?a 1)", {8});
  expectCounterexample("(shl ?a ?b) => (mul ?a ?b)");
  expectCounterexample("(icmp.ule ?a ?b) => (icmp.ult ?a ?b)");
  expectCounterexample("(sub ?a ?b) => (sub ?b ?a)");
}

TEST(Prover, CounterexamplesShowInputsAndBothSides) {
  RuleResult r = prove("(add ?a 1) => ?a", {8});
  ASSERT_EQ(r.verdict, Verdict::Failed);
  const std::string &d = r.cases.front().detail;
  EXPECT_NE(d.find("?a = "), std::string::npos) << d;
  EXPECT_NE(d.find("source = 0x"), std::string::npos) << d;
  EXPECT_NE(d.find("target = 0x"), std::string::npos) << d;
}

TEST(Prover, PoisonFlowsThroughSelect) {
  expectProven("(select ?c ?a ?a) => ?a");
  // x & 0 is poison for a poison x; the select that skips x is not: fine one way...
  expectProven("(and ?x (select ?c ?y 0)) => (select ?c (and ?x ?y) 0)");
  // ...and more poisonous the other way.
  expectCounterexample("(select ?c (and ?x ?y) 0) => (and ?x (select ?c ?y 0))");
}

TEST(Prover, FreezeRemovesPoison) {
  expectProven("(freeze (freeze ?x)) => (freeze ?x)");
  expectProven("(add ?x 0) => (freeze ?x)");
  expectCounterexample("(freeze ?x) => ?x");
  // x * y is poison for a poison y even where x is 0; x * freeze(y) is not.
  expectCounterexample("(select (icmp.eq ?x 0) 0 (mul ?x ?y)) => (mul ?x ?y)");
  // Splitting ?y into poison / not poison keeps this to one multiplier.
  expectProven("(select (icmp.eq ?x 0) 0 (mul ?x ?y)) => (mul ?x (freeze ?y))");
}

TEST(Prover, ConditionsAreAssumptions) {
  // A 64-bit divider takes Z3 seconds: two widths are enough here.
  EXPECT_EQ(prove("(urem ?a ?c) => (and ?a (add ?c -1))", {8, 16}).verdict, Verdict::Failed);
  EXPECT_EQ(prove("(urem ?a ?c) => (and ?a (add ?c -1)) if (pow2 ?c)", {8, 16}).verdict,
            Verdict::Proven);
  expectProven("(icmp.slt ?a ?b) => (icmp.ult ?a ?b) if (nonneg ?a) (nonneg ?b)");
  expectProven("(or ?a ?b) => (xor ?a ?b) if (no-common-bits ?a ?b)");
  expectProven("(sub ?a ?b) => (add ?a (sub 0 ?b))");
}

TEST(Prover, DivisionByZeroInTheTargetIsRejected) {
  // The source is UB-free in the e-graph; the target must stay so.
  expectProven("(udiv ?a 1) => ?a");
  expectCounterexample("(and ?a 0) => (udiv 0 ?a)", {8});
  expectCounterexample("(sub 0 ?a) => (sdiv ?a -1)", {8});
}

TEST(Prover, CastsRelateWidths) {
  RuleResult r = prove("(trunc (zext ?x)) => ?x");
  EXPECT_EQ(r.verdict, Verdict::Proven) << formatResult(r, true);
  // i8 through i16 back to i8: one of the assignments with an inner width.
  EXPECT_NE(findCase(r, "i8 inner:i16"), nullptr) << formatResult(r, true);
  expectCounterexample("(zext ?x) => (sext ?x)");
  expectProven("(zext ?x) => (sext ?x) if (nonneg ?x)");
}

TEST(Prover, LowBitsZeroComparesAcrossWidths) {
  expectProven("(and (sub ?c ?x) ?m) => (and (sub 0 ?x) ?m) if (low-bits-zero ?c ?m)");
  // The constant is wider than the mask: only its low bits are asked about.
  RuleResult r =
      prove("(and (trunc (sub ?c ?x)) ?m) => (and (trunc (sub 0 ?x)) ?m) if (low-bits-zero ?c ?m)");
  EXPECT_EQ(r.verdict, Verdict::Proven) << formatResult(r, true);
  EXPECT_NE(findCase(r, "i8 ?c:i64"), nullptr) << formatResult(r, true);
  // Without the predicate (any constants) it is wrong, and with it a low
  // bit of the new constant still shows.
  expectCounterexample("(and (sub ?c ?x) ?m) => (and (sub 0 ?x) ?m) if (const ?c) (const ?m)");
  expectCounterexample("(and (sub ?c ?x) ?m) => (and (sub 1 ?x) ?m) if (low-bits-zero ?c ?m)");
}

TEST(Prover, IsI1FixesTheWidth) {
  expectProvenSkipping("(select ?c -1 0) => ?c if (is-i1 ?c)", "i8");
}

TEST(Prover, FloatingPointIsIEEE) {
  RuleResult r = prove("(fadd ?x ?y) => (fadd ?y ?x)");
  EXPECT_EQ(formatResult(r, false), "r: proven at half, float, double");
  expectProven("(fneg (fneg ?x)) => ?x");
  expectProven("(fcmp.ord ?x ?x) => (fcmp.oeq ?x ?x)");
  expectCounterexample("(fcmp.ueq ?x ?y) => (fcmp.oeq ?x ?y)");
  expectCounterexample("(fadd (fadd ?x ?y) ?z) => (fadd ?x (fadd ?y ?z))");
  // x - y and x + (-y) differ only in... nothing: fneg is exact.
  expectProven("(fsub ?x ?y) => (fadd ?x (fneg ?y))");
}

TEST(Prover, FlagsAddPoison) {
  expectProven("(add:nsw ?a ?b) => (add ?a ?b)");
  // Adding a flag makes the target more poisonous.
  RuleResult r = prove("(add ?a ?b) => (add:nsw ?a ?b)");
  ASSERT_EQ(r.verdict, Verdict::Failed);
  EXPECT_NE(r.cases.front().detail.find("target = poison"), std::string::npos);
  expectProven("(add ?a ?b) => (add:nsw ?a ?b) if (no-signed-wrap-add ?a ?b)");
  expectProven("(sub:nuw ?a ?b) => (sub ?a ?b)");
  expectCounterexample("(mul:nuw ?a ?b) => (mul:nsw ?a ?b)", {8});
  // Refinements whose target is right only because a flag makes the other
  // inputs poison: true, but not the flag-free value, so not rules.
  expectRefinementOnly("(or:disjoint ?a ?b) => (xor ?a ?b)");
  expectRefinementOnly("(shl (lshr:exact ?a ?c) ?c) => ?a");
  expectCounterexample("(shl (lshr ?a ?c) ?c) => ?a");
  expectRefinementOnly("(zext:nneg ?x) => (sext ?x)");
  expectRefinementOnly("(zext (trunc:nuw ?x)) => ?x");
  expectCounterexample("(zext (trunc:nsw ?x)) => ?x");
  expectRefinementOnly("(icmp.ult:samesign ?a ?b) => (icmp.slt ?a ?b)");
  expectCounterexample("(icmp.ult ?a ?b) => (icmp.ult:samesign ?a ?b)");
  // Flags on the target, justified by a condition, keep the value: fine.
  expectProven("(or ?a ?b) => (or:disjoint ?a ?b) if (no-common-bits ?a ?b)");
  // A constant target is exempt: wherever the source is defined it is that
  // constant, so the source's facts hold of it.
  expectProven("(shl 0 ?x) => 0");
}

TEST(Prover, ComputedConstantsFoldTheirOperands) {
  expectProven("(add (add ?x ?a) ?b) => (add ?x ($add ?a ?b)) if (const ?a) (const ?b)");
  // Shifts by the sum can reach the width: 0 in the source, poison in the target.
  expectCounterexample("(shl (shl ?x ?a) ?b) => (shl ?x ($add ?a ?b)) if (const ?a) (const ?b)");
  // A pow2 variable is split into its values: a 64-bit divider is then quick.
  expectProven("(udiv ?x ?c) => (lshr ?x ($log2 ?c)) if (pow2 ?c)");
  expectCounterexample("(udiv ?x ?c) => (ashr ?x ($log2 ?c)) if (pow2 ?c)");
  expectProven("(icmp.sge ?x 0) => (icmp.ult ?x ($smin ?x))");
  expectProven("(lshr ?x ?c) => 0 if (const ?c) (ult-bits ?c) (ult ?x ?c)");
  expectProven("(sub ?x ?x) => ($sub ($bits ?x) ($bits ?x))");
}

TEST(Prover, FastMathFlags) {
  expectProven("(fcmp.ord:nnan ?x ?y) => true");
  expectCounterexample("(fcmp.ord ?x ?y) => true");
  // Reassociation is not bit-exact: LLVM's reassoc allows it.
  RuleResult r =
      prove("(fadd:reassoc (fadd:reassoc ?x ?y) ?z) => (fadd:reassoc ?x (fadd:reassoc ?y ?z))");
  EXPECT_EQ(r.verdict, Verdict::Assumed) << formatResult(r, true);
  EXPECT_NE(formatResult(r, false).find("needs reassoc"), std::string::npos)
      << formatResult(r, false);
  // A target may not license what the source did not.
  EXPECT_EQ(prove("(fadd ?x ?y) => (fadd:reassoc ?x ?y)").verdict, Verdict::Failed);
  // x + (-0.0) is x, but only up to the sign of zero: x - x is +0, fneg gives -0.
  expectCounterexample("(fsub ?x ?x) => (fneg (fsub ?x ?x))");
  expectProven("(fsub:nsz ?x ?x) => (fneg (fsub ?x ?x))");
  // A target with nsz may pick either sign of zero.
  expectCounterexample("(fsub ?x ?x) => (fsub:nsz ?x ?x)");
}

TEST(Prover, EveryPredicateOfEgoptHasSemantics) {
  for (const eg::Predicate *p : passes::irPredicates().all()) {
    const PredicateSpec *spec = findPredicateSpec(p->name);
    ASSERT_NE(spec, nullptr) << "no semantics for predicate " << p->name;
    EXPECT_EQ(spec->arity, p->arity) << p->name;
  }
}

TEST(Prover, WhatHasNoSemanticsFailsLoudly) {
  RuleResult op = prove("(frem ?x ?y) => (frem ?x ?y)");
  EXPECT_EQ(op.verdict, Verdict::Failed);
  EXPECT_NE(op.error.find("frem"), std::string::npos) << op.error;
  RuleResult pred = prove("?x => ?x if (unknown-to-the-prover ?x)");
  EXPECT_EQ(pred.verdict, Verdict::Failed);
  EXPECT_NE(pred.error.find("unknown-to-the-prover"), std::string::npos) << pred.error;
  RuleResult typing = prove("(add ?x (fadd ?y ?z)) => ?x");
  EXPECT_EQ(typing.verdict, Verdict::Failed);
}

TEST(Prover, RuleSetsAreProvenInOrderOnSeveralThreads) {
  eg::RuleBook set;
  llvm::cantFail(set.parse(ir::IRLanguage::get(), parsingPredicates(),
                           "(rule-set p (rule a (add ?a 0) => ?a) (rule b (add ?a 1) => ?a)"
                           " (rule c (mul ?a 1) => ?a))",
                           "<test>"));
  std::vector<std::string> order;
  Tally t = proveRules(set.enabledRules(), ProverOptions{{8, 16}, 10000}, 2,
                       [&](const RuleResult &r) { order.push_back(r.rule); });
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(t.proven, 2u);
  EXPECT_EQ(t.failed, 1u);
  EXPECT_FALSE(t.ok());
}

} // namespace
