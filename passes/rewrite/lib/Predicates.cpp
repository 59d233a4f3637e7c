#include "egopt/rewrite/Predicates.h"

#include "egopt/analyses/ConstantFold.h"
#include "egopt/analyses/IntLattices.h"
#include "egopt/analyses/KnownBitsAnalysis.h"
#include "egopt/analyses/RangeAnalysis.h"
#include "egopt/lift/Lifter.h"

#include "llvm/IR/Operator.h"

namespace egopt::passes {
using namespace llvm;
using eg::ClassId;
using eg::EGraph;
using Args = std::span<const ClassId>;

namespace {

/// What the analyses know of one integer class, read together (pointers
/// into the analyses' facts; the e-graph is read-only while rules search).
struct IntFacts {
  const APInt *constant = nullptr;
  const KnownBits *known = nullptr;
  const ConstantRange *range = nullptr;
};

/// The facts of class `c`, or nullopt when they admit no value: an
/// analysis's top ("no value"), a constant conflict, or facts of two
/// analyses that no one value satisfies. Such a class is poison on every
/// execution, so "x is poison or P(x)" holds for every P: two rules could
/// then refine it two ways (`icmp` to true and to false), and the union of
/// both would equate true and false. No predicate holds of it instead.
std::optional<IntFacts> factsOf(const EGraph &g, ClassId c) {
  IntFacts f;
  ClassId root = g.find(c);
  if (const auto *a = g.findAnalysis<IntConstantFold>()) {
    const ConstantFact &fact = a->data(root);
    if (fact.conflict) return std::nullopt;
    if (fact.value) f.constant = &*fact.value;
  }
  if (const auto *a = g.findAnalysis<KnownBitsAnalysis>())
    if (const auto &k = a->data(root)) {
      if (isNoValue(*k)) return std::nullopt;
      f.known = &*k;
    }
  if (const auto *a = g.findAnalysis<RangeAnalysis>())
    if (const auto &r = a->data(root)) {
      if (isNoValue(*r)) return std::nullopt;
      f.range = &*r;
    }
  if (f.constant) {
    const APInt &v = *f.constant;
    if (f.known && (f.known->getBitWidth() != v.getBitWidth() || f.known->Zero.intersects(v) ||
                    !f.known->One.isSubsetOf(v)))
      return std::nullopt;
    if (f.range && (f.range->getBitWidth() != v.getBitWidth() || !f.range->contains(v)))
      return std::nullopt;
  } else if (f.known && f.range && f.known->getBitWidth() == f.range->getBitWidth()) {
    ConstantRange fromBits = ConstantRange::fromKnownBits(*f.known, /*IsSigned=*/false);
    if (f.range->intersectWith(fromBits).isEmptySet()) return std::nullopt;
  }
  return f;
}

std::optional<APInt> constantOf(const EGraph &g, ClassId c) {
  auto f = factsOf(g, c);
  if (!f || !f->constant) return std::nullopt;
  return *f->constant;
}

std::optional<KnownBits> knownBitsOf(const EGraph &g, ClassId c) {
  auto f = factsOf(g, c);
  if (!f || !f->known) return std::nullopt;
  return *f->known;
}

std::optional<ConstantRange> rangeOf(const EGraph &g, ClassId c) {
  auto f = factsOf(g, c);
  if (!f) return std::nullopt;
  if (f->range) return *f->range;
  if (f->known) return ConstantRange::fromKnownBits(*f->known, /*IsSigned=*/false);
  return std::nullopt;
}

Type *typeOf(const EGraph &g, ClassId c) {
  auto nodes = g.nodes(c);
  const auto *tables = g.context<ir::IRTables>();
  if (nodes.empty() || !tables) return nullptr;
  return tables->types[nodes.front().type];
}

/// Ranges of two integer classes of one width, or nullopt.
std::optional<std::pair<ConstantRange, ConstantRange>> rangesOf(const EGraph &g, Args a) {
  auto x = rangeOf(g, a[0]), y = rangeOf(g, a[1]);
  if (!x || !y || x->getBitWidth() != y->getBitWidth()) return std::nullopt;
  return std::make_pair(*x, *y);
}

/// "No wrap" of `op` (an Instruction opcode) for the operands' ranges.
bool noWrap(const EGraph &g, Args a, Instruction::BinaryOps op, unsigned kind) {
  auto r = rangesOf(g, a);
  if (!r) return false;
  ConstantRange region = ConstantRange::makeGuaranteedNoWrapRegion(op, r->second, kind);
  return region.contains(r->first);
}

/// An ordering that holds for every pair of values in the two ranges.
bool always(const EGraph &g, Args a, CmpInst::Predicate pred) {
  auto r = rangesOf(g, a);
  return r && r->first.icmp(pred, r->second);
}

eg::PredicateRegistry build() {
  eg::PredicateRegistry reg;
  reg.add(
      "const", 1, [](const EGraph &g, Args a) { return constantOf(g, a[0]).has_value(); },
      "?x is a known integer constant (never poison)");
  reg.add(
      "pow2", 1,
      [](const EGraph &g, Args a) {
        auto c = constantOf(g, a[0]);
        return c && c->isPowerOf2();
      },
      "?c is a constant power of two");
  reg.add(
      "not-smin", 1,
      [](const EGraph &g, Args a) {
        auto c = constantOf(g, a[0]);
        return c && !c->isMinSignedValue();
      },
      "?c is a constant other than the signed minimum");
  reg.add(
      "not-zero", 1,
      [](const EGraph &g, Args a) {
        auto k = knownBitsOf(g, a[0]);
        if (k && k->isNonZero()) return true;
        auto r = rangeOf(g, a[0]);
        return r && !r->contains(APInt::getZero(r->getBitWidth()));
      },
      "?x is poison or not zero");
  reg.add(
      "nonneg", 1,
      [](const EGraph &g, Args a) {
        auto k = knownBitsOf(g, a[0]);
        if (k && k->isNonNegative()) return true;
        auto r = rangeOf(g, a[0]);
        return r && r->isAllNonNegative();
      },
      "?x is poison or >=s 0");
  reg.add(
      "neg", 1,
      [](const EGraph &g, Args a) {
        auto k = knownBitsOf(g, a[0]);
        if (k && k->isNegative()) return true;
        auto r = rangeOf(g, a[0]);
        return r && r->isAllNegative();
      },
      "?x is poison or <s 0");
  reg.add(
      "no-common-bits", 2,
      [](const EGraph &g, Args a) {
        auto x = knownBitsOf(g, a[0]), y = knownBitsOf(g, a[1]);
        return x && y && x->getBitWidth() == y->getBitWidth() && (x->Zero | y->Zero).isAllOnes();
      },
      "?a or ?b is poison, or ?a & ?b == 0");
  reg.add(
      "mask-noop", 2,
      [](const EGraph &g, Args a) {
        auto x = knownBitsOf(g, a[0]);
        auto m = constantOf(g, a[1]);
        return x && m && x->getBitWidth() == m->getBitWidth() && (x->Zero | *m).isAllOnes();
      },
      "?x is poison, or (and ?x ?m) == ?x for the constant ?m");
  reg.add(
      "or-noop", 2,
      [](const EGraph &g, Args a) {
        auto x = knownBitsOf(g, a[0]);
        auto m = constantOf(g, a[1]);
        return x && m && x->getBitWidth() == m->getBitWidth() && m->isSubsetOf(x->One);
      },
      "?x is poison, or (or ?x ?m) == ?x for the constant ?m");
  reg.add(
      "low-bits-zero", 2,
      [](const EGraph &g, Args a) {
        auto c = constantOf(g, a[0]);
        auto m = constantOf(g, a[1]);
        if (!c || !m || !m->isMask()) return false;
        unsigned k = m->countTrailingOnes();
        return k <= c->getBitWidth() && c->countTrailingZeros() >= k;
      },
      "?m is a constant 2^k-1 (k >= 1) and the k low bits of the constant ?c are zero");
  reg.add(
      "ult-bits", 1,
      [](const EGraph &g, Args a) {
        auto r = rangeOf(g, a[0]);
        return r && r->getUnsignedMax().ult(r->getBitWidth());
      },
      "?x is poison or <u its bit width");
  reg.add(
      "is-i1", 1,
      [](const EGraph &g, Args a) {
        Type *t = typeOf(g, a[0]);
        return t && t->isIntegerTy(1);
      },
      "?x has type i1");
  reg.add(
      "same-type", 2,
      [](const EGraph &g, Args a) {
        Type *t = typeOf(g, a[0]);
        return t && t == typeOf(g, a[1]);
      },
      "?a and ?b have one type");
  using OBO = OverflowingBinaryOperator;
  struct NoWrapPred {
    const char *name;
    Instruction::BinaryOps op;
    unsigned kind;
  };
  for (NoWrapPred p : {NoWrapPred{"no-signed-wrap-add", Instruction::Add, OBO::NoSignedWrap},
                       NoWrapPred{"no-unsigned-wrap-add", Instruction::Add, OBO::NoUnsignedWrap},
                       NoWrapPred{"no-signed-wrap-sub", Instruction::Sub, OBO::NoSignedWrap},
                       NoWrapPred{"no-unsigned-wrap-sub", Instruction::Sub, OBO::NoUnsignedWrap},
                       NoWrapPred{"no-signed-wrap-mul", Instruction::Mul, OBO::NoSignedWrap},
                       NoWrapPred{"no-unsigned-wrap-mul", Instruction::Mul, OBO::NoUnsignedWrap}})
    reg.add(
        p.name, 2, [p](const EGraph &g, Args a) { return noWrap(g, a, p.op, p.kind); },
        "?a or ?b is poison, or the operation does not wrap");
  struct OrderPred {
    const char *name;
    CmpInst::Predicate pred;
  };
  for (OrderPred p : {OrderPred{"ult", CmpInst::ICMP_ULT}, OrderPred{"ule", CmpInst::ICMP_ULE},
                      OrderPred{"slt", CmpInst::ICMP_SLT}, OrderPred{"sle", CmpInst::ICMP_SLE},
                      OrderPred{"ne", CmpInst::ICMP_NE}})
    reg.add(
        p.name, 2, [p](const EGraph &g, Args a) { return always(g, a, p.pred); },
        "?a or ?b is poison, or the relation holds");
  return reg;
}

} // namespace

const eg::PredicateRegistry &irPredicates() {
  static const eg::PredicateRegistry registry = build();
  return registry;
}

} // namespace egopt::passes
