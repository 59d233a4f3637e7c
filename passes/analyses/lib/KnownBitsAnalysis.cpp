#include "egopt/analyses/KnownBitsAnalysis.h"

#include "egopt/analyses/ConstantFold.h"
#include "egopt/analyses/IntLattices.h"
#include "egopt/analyses/RangeAnalysis.h"
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
  // An operand's fact, or nullopt when nothing is known of it. "No value"
  // (the class is always poison, or its e-nodes' facts disagree) licenses
  // nothing: it reads as nothing known.
  auto kid = [&](size_t i) -> std::optional<KnownBits> {
    const auto &k = data(g.find(n.kids[i]));
    if (k && isNoValue(*k)) return std::nullopt;
    return k;
  };
  if (n.op == L.Select) {
    auto a = kid(1), b = kid(2);
    if (!a || !b) return std::nullopt;
    return a->intersectWith(*b);
  }
  if (n.op == L.Freeze) {
    // freeze of poison is any value, so only a fact that pins one value
    // (a constant, which cannot be poison) carries over.
    auto k = kid(0);
    if (k && k->isConstant()) return k;
    return KnownBits(w);
  }
  if (auto opc = L.opcodeOf(n.op)) {
    auto ka = kid(0), kb = kid(1);
    if (!ka && !kb) return std::nullopt;
    KnownBits a = ka ? *ka : KnownBits(w), b = kb ? *kb : KnownBits(w);
    // Flags are not used: a fact is of the flag-free value (header).
    KnownBits r(w);
    switch (*opc) {
    case Instruction::Add: r = KnownBits::add(a, b); break;
    case Instruction::Sub: r = KnownBits::sub(a, b); break;
    case Instruction::Mul: r = KnownBits::mul(a, b); break;
    case Instruction::UDiv: r = KnownBits::udiv(a, b); break;
    case Instruction::SDiv: r = KnownBits::sdiv(a, b); break;
    case Instruction::URem: r = KnownBits::urem(a, b); break;
    case Instruction::SRem: r = KnownBits::srem(a, b); break;
    case Instruction::Shl: r = KnownBits::shl(a, b); break;
    case Instruction::LShr: r = KnownBits::lshr(a, b); break;
    case Instruction::AShr: r = KnownBits::ashr(a, b); break;
    case Instruction::And: r = a & b; break;
    case Instruction::Or: r = a | b; break;
    case Instruction::Xor: r = a ^ b; break;
    default: return std::nullopt;
    }
    // A conflict: every shift amount is the width or more, so the result
    // is always poison.
    if (r.hasConflict()) return noValueKnownBits(w);
    return r;
  }
  if (auto pred = L.predicateOf(n.op)) {
    auto ka = kid(0), kb = kid(1);
    if (!CmpInst::isIntPredicate(*pred) || w != 1 || !ka || !kb) return std::nullopt;
    std::optional<bool> r;
    const KnownBits &a = *ka, &b = *kb;
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
    auto a = kid(0);
    if (!a) return std::nullopt;
    switch (*cop) {
    case Instruction::Trunc: return a->trunc(w);
    case Instruction::ZExt: return a->zext(w);
    case Instruction::SExt: return a->sext(w);
    default: break;
    }
  }
  // Leaves and what has no transfer function: nothing known, but a fact, so
  // operations on them still compute one.
  return KnownBits(w);
}

eg::MergeResult KnownBitsAnalysis::join(std::optional<KnownBits> &to,
                                        const std::optional<KnownBits> &from) const {
  return joinOptional(to, from, joinKnownBits);
}

void KnownBitsAnalysis::modify(eg::EGraph &g, eg::ClassId id) {
  const auto &k = data(id);
  if (!k || isNoValue(*k) || !k->isConstant() || k->getBitWidth() > 64) return;
  // Only what can be true: the constant fold declines a value that is
  // poison (its class has no constant fact), and so does this; a class
  // that holds its constant already needs nothing.
  const ir::IRLanguage &L = ir::IRLanguage::get();
  auto nodes = g.nodes(id);
  if (nodes.empty() || any_of(nodes, [&](const ENode &n) { return n.op == L.IConst; })) return;
  for (const ENode &n : nodes)
    if (n.flags && (L.opcodeOf(n.op) || L.castOf(n.op))) return;
  // A shift by the width is poison without a flag: its range is "no value".
  if (const auto *ranges = g.findAnalysis<RangeAnalysis>())
    if (const auto &r = ranges->of(g, id); r && (isNoValue(*r) || !r->contains(k->getConstant())))
      return;
  addConstantNode(g, id, k->getConstant());
}

std::string KnownBitsAnalysis::describe(eg::ClassId id) const {
  const auto &k = data(id);
  if (!k || k->isUnknown()) return {};
  if (isNoValue(*k)) return "no-value";
  return "zero=" + llvm::toString(k->Zero, 16, false) + " one=" + llvm::toString(k->One, 16, false);
}

} // namespace egopt::passes
