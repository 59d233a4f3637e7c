#include "egopt/passes/KnownBitsAnalysis.h"

#include "egopt/egraph/EGraph.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Instructions.h"

namespace egopt::passes {
using namespace llvm;
using eg::ENode;

std::optional<KnownBits> KnownBitsAnalysis::make(const eg::EGraph &g, const ENode &n) const {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  Type *ty = tables_.types[n.type];
  if (!ty->isIntegerTy()) return std::nullopt;
  unsigned w = ty->getIntegerBitWidth();
  if (n.op == L.IConst) {
    if (w > 64) return std::nullopt;
    return KnownBits::makeConstant(APInt(w, n.payload, /*isSigned=*/true, /*implicitTrunc=*/true));
  }
  auto kid = [&](size_t i) -> const std::optional<KnownBits> & { return data(g.find(n.kids[i])); };
  auto kidOrUnknown = [&](size_t i, unsigned width) {
    const auto &k = kid(i);
    return k ? *k : KnownBits(width);
  };
  if (n.op == L.Select) {
    const auto &a = kid(1), &b = kid(2);
    if (!a || !b) return std::nullopt;
    return a->intersectWith(*b);
  }
  if (n.op == L.Freeze) return kid(0); // poison becomes any value: the fact holds when not poison
  bool nuw = n.flags & ir::NUW, nsw = n.flags & ir::NSW, exact = n.flags & ir::Exact;
  if (auto opc = L.opcodeOf(n.op)) {
    if (!kid(0) && !kid(1)) return std::nullopt;
    KnownBits a = kidOrUnknown(0, w), b = kidOrUnknown(1, w);
    KnownBits r(w);
    switch (*opc) {
    case Instruction::Add: r = KnownBits::add(a, b, nsw, nuw); break;
    case Instruction::Sub: r = KnownBits::sub(a, b, nsw, nuw); break;
    case Instruction::Mul: r = KnownBits::mul(a, b); break;
    case Instruction::UDiv: r = KnownBits::udiv(a, b, exact); break;
    case Instruction::SDiv: r = KnownBits::sdiv(a, b, exact); break;
    case Instruction::URem: r = KnownBits::urem(a, b); break;
    case Instruction::SRem: r = KnownBits::srem(a, b); break;
    case Instruction::Shl: r = KnownBits::shl(a, b, nuw, nsw); break;
    case Instruction::LShr: r = KnownBits::lshr(a, b, /*ShAmtNonZero=*/false, exact); break;
    case Instruction::AShr: r = KnownBits::ashr(a, b, /*ShAmtNonZero=*/false, exact); break;
    case Instruction::And: r = a & b; break;
    case Instruction::Or: r = a | b; break;
    case Instruction::Xor: r = a ^ b; break;
    default: return std::nullopt;
    }
    if (r.hasConflict()) return std::nullopt; // only poison inputs reach here
    return r;
  }
  if (auto pred = L.predicateOf(n.op)) {
    if (!CmpInst::isIntPredicate(*pred) || w != 1 || !kid(0) || !kid(1)) return std::nullopt;
    std::optional<bool> r;
    const KnownBits &a = *kid(0), &b = *kid(1);
    switch (*pred) {
    case CmpInst::ICMP_EQ: r = KnownBits::eq(a, b); break;
    case CmpInst::ICMP_NE: r = KnownBits::ne(a, b); break;
    case CmpInst::ICMP_UGT: r = KnownBits::ugt(a, b); break;
    case CmpInst::ICMP_UGE: r = KnownBits::uge(a, b); break;
    case CmpInst::ICMP_ULT: r = KnownBits::ult(a, b); break;
    case CmpInst::ICMP_ULE: r = KnownBits::ule(a, b); break;
    case CmpInst::ICMP_SGT: r = KnownBits::sgt(a, b); break;
    case CmpInst::ICMP_SGE: r = KnownBits::sge(a, b); break;
    case CmpInst::ICMP_SLT: r = KnownBits::slt(a, b); break;
    case CmpInst::ICMP_SLE: r = KnownBits::sle(a, b); break;
    default: break;
    }
    if (!r) return KnownBits(1);
    return KnownBits::makeConstant(APInt(1, *r));
  }
  if (auto cop = L.castOf(n.op)) {
    const auto &a = kid(0);
    if (!a) return std::nullopt;
    switch (*cop) {
    case Instruction::Trunc: return a->trunc(w);
    case Instruction::ZExt: return a->zext(w);
    case Instruction::SExt: return a->sext(w);
    default: return std::nullopt;
    }
  }
  return std::nullopt;
}

eg::MergeResult KnownBitsAnalysis::join(std::optional<KnownBits> &to,
                                        const std::optional<KnownBits> &from) const {
  if (!from) return {false, bool(to)};
  if (!to) {
    to = from;
    return {true, false};
  }
  if (to->getBitWidth() != from->getBitWidth()) return {false, true};
  KnownBits both = to->unionWith(*from);
  if (both.hasConflict()) return {false, true};
  bool toChanged = both != *to, fromChanged = both != *from;
  to = both;
  return {toChanged, fromChanged};
}

std::string KnownBitsAnalysis::describe(eg::ClassId id) const {
  const auto &k = data(id);
  if (!k || k->isUnknown()) return {};
  return "zero=" + llvm::toString(k->Zero, 16, false) + " one=" + llvm::toString(k->One, 16, false);
}

} // namespace egopt::passes
