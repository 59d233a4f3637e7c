#include "egopt/analyses/ConstantFold.h"

#include "egopt/egraph/EGraph.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Instructions.h"

namespace egopt::passes {
using namespace llvm;
using eg::ENode;

unsigned IntConstantFold::widthOf(uint32_t type) const {
  Type *t = tables_.types[type];
  if (!t->isIntegerTy()) return 0;
  unsigned w = t->getIntegerBitWidth();
  return w <= 64 ? w : 0;
}

ConstantFact IntConstantFold::make(const eg::EGraph &g, const ENode &n) const {
  return {fold(g, n)};
}

std::optional<APInt> IntConstantFold::fold(const eg::EGraph &g, const ENode &n) const {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  unsigned w = widthOf(n.type);
  if (n.op == L.IConst) {
    if (!w) return std::nullopt;
    return APInt(w, n.payload, /*isSigned=*/true, /*implicitTrunc=*/true);
  }
  auto kid = [&](size_t i) -> const std::optional<APInt> & { return valueOf(g.find(n.kids[i])); };
  for (const eg::ClassId k : n.kids)
    if (!valueOf(g.find(k))) {
      // select and freeze can fold with an unknown operand; the rest cannot.
      if (n.op != L.Select) return std::nullopt;
      break;
    }
  auto poison = [&]() -> std::optional<APInt> {
    ++poisonDeclined_;
    return std::nullopt;
  };
  if (n.op == L.Select) {
    const auto &c = kid(0);
    if (!c || c->getBitWidth() != 1) return std::nullopt;
    return c->isOne() ? kid(1) : kid(2);
  }
  if (n.op == L.Freeze) return kid(0);
  if (auto opc = L.opcodeOf(n.op)) {
    if (!w) return std::nullopt;
    const APInt &a = *kid(0), &b = *kid(1);
    bool nuw = n.flags & ir::NUW, nsw = n.flags & ir::NSW, exact = n.flags & ir::Exact;
    bool ov = false;
    switch (*opc) {
    case Instruction::Add: {
      APInt r = nsw ? a.sadd_ov(b, ov) : a + b;
      if (ov) return poison();
      if (nuw) {
        (void)a.uadd_ov(b, ov);
        if (ov) return poison();
      }
      return r;
    }
    case Instruction::Sub: {
      APInt r = nsw ? a.ssub_ov(b, ov) : a - b;
      if (ov) return poison();
      if (nuw) {
        (void)a.usub_ov(b, ov);
        if (ov) return poison();
      }
      return r;
    }
    case Instruction::Mul: {
      APInt r = nsw ? a.smul_ov(b, ov) : a * b;
      if (ov) return poison();
      if (nuw) {
        (void)a.umul_ov(b, ov);
        if (ov) return poison();
      }
      return r;
    }
    case Instruction::UDiv:
      if (b.isZero()) return std::nullopt;
      if (exact && !a.urem(b).isZero()) return poison();
      return a.udiv(b);
    case Instruction::SDiv:
      if (b.isZero() || (b.isAllOnes() && a.isMinSignedValue())) return std::nullopt;
      if (exact && !a.srem(b).isZero()) return poison();
      return a.sdiv(b);
    case Instruction::URem:
      if (b.isZero()) return std::nullopt;
      return a.urem(b);
    case Instruction::SRem:
      if (b.isZero() || (b.isAllOnes() && a.isMinSignedValue())) return std::nullopt;
      return a.srem(b);
    case Instruction::Shl: {
      if (b.uge(w)) return poison();
      APInt r = a.shl(b);
      if (nuw && r.lshr(b) != a) return poison();
      if (nsw && r.ashr(b) != a) return poison();
      return r;
    }
    case Instruction::LShr:
      if (b.uge(w)) return poison();
      if (exact && a.countr_zero() < b.getZExtValue()) return poison();
      return a.lshr(b);
    case Instruction::AShr:
      if (b.uge(w)) return poison();
      if (exact && a.countr_zero() < b.getZExtValue()) return poison();
      return a.ashr(b);
    case Instruction::And: return a & b;
    case Instruction::Or:
      if ((n.flags & ir::Disjoint) && (a & b) != 0) return poison();
      return a | b;
    case Instruction::Xor: return a ^ b;
    default: return std::nullopt;
    }
  }
  if (auto pred = L.predicateOf(n.op)) {
    if (!CmpInst::isIntPredicate(*pred) || w != 1) return std::nullopt;
    const APInt &a = *kid(0), &b = *kid(1);
    if ((n.flags & ir::SameSign) && a.isNegative() != b.isNegative()) return poison();
    return APInt(1, ICmpInst::compare(a, b, *pred));
  }
  if (auto cop = L.castOf(n.op)) {
    if (!w) return std::nullopt;
    const APInt &a = *kid(0);
    switch (*cop) {
    case Instruction::Trunc: {
      APInt r = a.trunc(w);
      if ((n.flags & ir::NUW) && r.zext(a.getBitWidth()) != a) return poison();
      if ((n.flags & ir::NSW) && r.sext(a.getBitWidth()) != a) return poison();
      return r;
    }
    case Instruction::ZExt:
      if ((n.flags & ir::NNeg) && a.isNegative()) return poison();
      return a.zext(w);
    case Instruction::SExt: return a.sext(w);
    default: return std::nullopt;
    }
  }
  return std::nullopt;
}

eg::MergeResult IntConstantFold::join(ConstantFact &to, const ConstantFact &from) const {
  // Unknown < a value < conflict; a conflict absorbs.
  ConstantFact joined = to;
  if (from.conflict || (to.value && from.value && *to.value != *from.value))
    joined = {std::nullopt, true};
  else if (!to.conflict && !to.value)
    joined = from;
  eg::MergeResult r{joined != to, joined != from};
  r.conflict = joined.conflict && !to.conflict && !from.conflict;
  to = std::move(joined);
  return r;
}

void addConstantNode(eg::EGraph &g, eg::ClassId id, const APInt &value) {
  // The class's type: any of its e-nodes has it.
  auto nodes = g.nodes(id);
  if (nodes.empty()) return;
  ENode c;
  c.op = ir::IRLanguage::get().IConst;
  c.type = nodes.front().type;
  c.payload = static_cast<uint64_t>(value.getSExtValue());
  g.merge(id, g.add(c));
}

void IntConstantFold::modify(eg::EGraph &g, eg::ClassId id) {
  if (const std::optional<APInt> &v = valueOf(id)) addConstantNode(g, id, *v);
}

std::string IntConstantFold::describe(eg::ClassId id) const {
  const ConstantFact &f = data(id);
  if (f.conflict) return "conflict";
  return f.value ? llvm::toString(*f.value, 10, /*Signed=*/true) : std::string();
}

} // namespace egopt::passes
