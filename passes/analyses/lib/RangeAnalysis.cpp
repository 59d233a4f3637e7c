#include "egopt/analyses/RangeAnalysis.h"

#include "egopt/analyses/IntLattices.h"
#include "egopt/egraph/EGraph.h"

#include "llvm/IR/Function.h"
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
  // An operand's range, or nullopt when nothing is known. "No value"
  // licenses nothing: it reads as nothing known.
  auto fact = [&](size_t i) -> std::optional<ConstantRange> {
    const auto &k = data(g.find(n.kids[i]));
    if (k && isNoValue(*k)) return std::nullopt;
    return k;
  };
  auto kid = [&](size_t i) {
    auto k = fact(i);
    return k ? *k : ConstantRange::getFull(w); // binary operands have the result's width
  };
  if (n.op == L.Select) {
    // Each arm is chosen only where the condition says so: in
    // `c = x <u 258; c ? x : 258` the true arm is below 258.
    ConstantRange t = constrain(g, n.kids[0], true, n.kids[1], kid(1));
    ConstantRange f = constrain(g, n.kids[0], false, n.kids[2], kid(2));
    ConstantRange u = t.unionWith(f);
    if (u.isFullSet() && (!fact(1) || !fact(2))) return std::nullopt;
    return u.isEmptySet() ? ConstantRange::getFull(w) : u;
  }
  if (L.isIntrin(n.op)) return intrinsicRange(g, n);
  if (n.op == L.Skel) return leafRange(n.payload, w);
  if (n.op == L.Freeze) {
    // freeze of poison is any value: only a single value carries over.
    auto k = fact(0);
    if (k && k->isSingleElement()) return k;
    return ConstantRange::getFull(w);
  }
  if (auto opc = L.opcodeOf(n.op)) {
    if (!fact(0) && !fact(1)) return std::nullopt;
    ConstantRange a = kid(0), b = kid(1);
    // Flags are not used: a fact is of the flag-free value (header).
    switch (*opc) {
    case Instruction::Add: return a.add(b);
    case Instruction::Sub: return a.sub(b);
    case Instruction::Mul: return a.multiply(b);
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
    default: return ConstantRange::getFull(w);
    }
  }
  if (auto cop = L.castOf(n.op)) {
    if (!fact(0)) return std::nullopt;
    ConstantRange a = *fact(0);
    switch (*cop) {
    case Instruction::Trunc: return a.truncate(w);
    case Instruction::ZExt: return a.zeroExtend(w);
    case Instruction::SExt: return a.signExtend(w);
    default: break;
    }
  }
  // Leaves (arguments, skeleton results) and what has no transfer function:
  // any value of the type, so operations on them still get a range.
  return ConstantRange::getFull(w);
}

ConstantRange RangeAnalysis::constrain(const eg::EGraph &g, eg::ClassId cond, bool holds,
                                       eg::ClassId value, ConstantRange r) const {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  eg::ClassId v = g.find(value);
  for (const ENode &c : g.nodes(cond)) {
    auto pred = L.predicateOf(c.op);
    if (!pred || !ICmpInst::isIntPredicate(*pred)) continue;
    // `x pred y` with x the value, or `y pred x` read as `x swapped y`.
    eg::ClassId other;
    CmpInst::Predicate p = *pred;
    if (g.find(c.kids[0]) == v) {
      other = c.kids[1];
    } else if (g.find(c.kids[1]) == v) {
      other = c.kids[0];
      p = CmpInst::getSwappedPredicate(p);
    } else {
      continue;
    }
    const auto &o = data(g.find(other));
    if (!o || isNoValue(*o) || o->getBitWidth() != r.getBitWidth()) continue;
    if (!holds) p = CmpInst::getInversePredicate(p);
    r = r.intersectWith(ConstantRange::makeAllowedICmpRegion(p, *o));
  }
  return r;
}

std::optional<ConstantRange> RangeAnalysis::intrinsicRange(const eg::EGraph &g,
                                                           const ENode &n) const {
  auto *fn = dyn_cast<Function>(tables_.constants[n.payload]);
  if (!fn || !ConstantRange::isIntrinsicSupported(fn->getIntrinsicID())) return std::nullopt;
  SmallVector<ConstantRange, 3> args;
  for (eg::ClassId k : n.kids) {
    const auto &r = data(g.find(k));
    if (!r || isNoValue(*r)) return std::nullopt;
    args.push_back(*r);
  }
  return ConstantRange::intrinsic(fn->getIntrinsicID(), args);
}

std::optional<ConstantRange> RangeAnalysis::leafRange(uint64_t skeletonIndex,
                                                      unsigned width) const {
  if (auto it = leafRanges_.find(skeletonIndex); it != leafRanges_.end()) return it->second;
  // A load's !range or a call's range: a value outside is poison.
  const Instruction *inst = tables_.skeletonValues[skeletonIndex];
  if (const MDNode *md = inst->getMetadata(LLVMContext::MD_range))
    return getConstantRangeFromMetadata(*md);
  if (auto *call = dyn_cast<CallBase>(inst))
    if (auto r = call->getRange()) return r;
  return ConstantRange::getFull(width);
}

void RangeAnalysis::setLeafRange(uint64_t skeletonIndex, const ConstantRange &r) {
  leafRanges_.insert_or_assign(skeletonIndex, r);
}

eg::MergeResult RangeAnalysis::join(std::optional<ConstantRange> &to,
                                    const std::optional<ConstantRange> &from) const {
  return joinOptional(to, from, joinRanges);
}

std::string RangeAnalysis::describe(eg::ClassId id) const {
  const auto &r = data(id);
  if (!r || r->isFullSet()) return {};
  if (isNoValue(*r)) return "no-value";
  std::string s;
  raw_string_ostream os(s);
  r->print(os);
  return s;
}

} // namespace egopt::passes
