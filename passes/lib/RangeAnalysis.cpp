#include "egopt/passes/RangeAnalysis.h"

#include "egopt/egraph/EGraph.h"

#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"

namespace egopt::passes {
using namespace llvm;
using eg::ENode;

std::optional<ConstantRange> RangeAnalysis::make(const eg::EGraph &g, const ENode &n) const {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  Type *ty = tables_.types[n.type];
  if (!ty->isIntegerTy()) return std::nullopt;
  unsigned w = ty->getIntegerBitWidth();
  if (n.op == L.IConst) {
    if (w > 64) return std::nullopt;
    return ConstantRange(APInt(w, n.payload, /*isSigned=*/true, /*implicitTrunc=*/true));
  }
  auto kid = [&](size_t i) {
    const auto &k = data(g.find(n.kids[i]));
    return k ? *k : ConstantRange::getFull(w); // binary operands have the result's width
  };
  auto known = [&](size_t i) { return bool(data(g.find(n.kids[i]))); };
  if (n.op == L.Select) {
    if (!known(1) || !known(2)) return std::nullopt;
    return kid(1).unionWith(kid(2));
  }
  if (n.op == L.Freeze) return data(g.find(n.kids[0]));
  if (auto opc = L.opcodeOf(n.op)) {
    if (!known(0) && !known(1)) return std::nullopt;
    ConstantRange a = kid(0), b = kid(1);
    unsigned noWrap = ((n.flags & ir::NUW) ? OverflowingBinaryOperator::NoUnsignedWrap : 0) |
                      ((n.flags & ir::NSW) ? OverflowingBinaryOperator::NoSignedWrap : 0);
    switch (*opc) {
    case Instruction::Add: return noWrap ? a.addWithNoWrap(b, noWrap) : a.add(b);
    case Instruction::Sub: return noWrap ? a.subWithNoWrap(b, noWrap) : a.sub(b);
    case Instruction::Mul: return noWrap ? a.multiplyWithNoWrap(b, noWrap) : a.multiply(b);
    case Instruction::UDiv: return a.udiv(b);
    case Instruction::SDiv: return a.sdiv(b);
    case Instruction::URem: return a.urem(b);
    case Instruction::SRem: return a.srem(b);
    case Instruction::Shl: return a.shl(b);
    case Instruction::LShr: return a.lshr(b);
    case Instruction::AShr: return a.ashr(b);
    case Instruction::And: return a.binaryAnd(b);
    case Instruction::Or: return a.binaryOr(b);
    case Instruction::Xor: return a.binaryXor(b);
    default: return std::nullopt;
    }
  }
  if (auto cop = L.castOf(n.op)) {
    if (!known(0)) return std::nullopt;
    ConstantRange a = *data(g.find(n.kids[0]));
    switch (*cop) {
    case Instruction::Trunc: return a.truncate(w);
    case Instruction::ZExt: return a.zeroExtend(w);
    case Instruction::SExt: return a.signExtend(w);
    default: return std::nullopt;
    }
  }
  return std::nullopt;
}

eg::MergeResult RangeAnalysis::join(std::optional<ConstantRange> &to,
                                    const std::optional<ConstantRange> &from) const {
  if (!from) return {false, bool(to)};
  if (!to) {
    to = from;
    return {true, false};
  }
  if (to->getBitWidth() != from->getBitWidth()) return {false, true};
  ConstantRange both = to->intersectWith(*from);
  // An empty intersection means no non-poison value: keep what we had.
  if (both.isEmptySet()) return {false, true};
  bool toSmaller = both.isSizeStrictlySmallerThan(*to);
  if (toSmaller) to = both;
  return {toSmaller, *to != *from};
}

std::string RangeAnalysis::describe(eg::ClassId id) const {
  const auto &r = data(id);
  if (!r || r->isFullSet()) return {};
  std::string s;
  raw_string_ostream os(s);
  r->print(os);
  return s;
}

} // namespace egopt::passes
