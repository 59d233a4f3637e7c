#include "EdgeSelects.h"

#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"

namespace egopt::passes {
using namespace llvm;
using namespace llvm::PatternMatch;

namespace {

/// Whether `v` is `c` (true), its negation (false: `!c`, or the compare
/// with the inverse predicate on the same operands), or neither.
std::optional<bool> sameOrNegated(Value *v, Value *c) {
  if (v == c) return true;
  if (match(v, m_Not(m_Specific(c)))) return false;
  auto *a = dyn_cast<CmpInst>(v), *b = dyn_cast<CmpInst>(c);
  if (a && b && a->getOperand(0) == b->getOperand(0) && a->getOperand(1) == b->getOperand(1) &&
      a->getPredicate() == b->getInversePredicate())
    return false;
  return std::nullopt;
}

/// What taking the edge `from -> to` says about `c`: true, false, or nothing.
std::optional<bool> edgeImplies(BasicBlock *from, BasicBlock *to, Value *c) {
  auto *br = dyn_cast<BranchInst>(from->getTerminator());
  if (!br || !br->isConditional() || br->getSuccessor(0) == br->getSuccessor(1))
    return std::nullopt;
  bool taken = br->getSuccessor(0) == to;
  Value *cond = br->getCondition();
  if (auto same = sameOrNegated(cond, c)) return *same == taken;
  // cond = l && r: the true edge implies both. cond = l || r: the false
  // edge implies neither. (select l, r, false) and (select l, true, r) are
  // the poison-safe spellings of && and ||.
  Value *l, *r;
  if (taken ? match(cond, m_LogicalAnd(m_Value(l), m_Value(r)))
            : match(cond, m_LogicalOr(m_Value(l), m_Value(r))))
    for (Value *part : {l, r})
      if (auto same = sameOrNegated(part, c)) return *same == taken;
  return std::nullopt;
}

/// How many blocks up a chain of single predecessors a phi's edge is traced:
/// a loop's preheader (one block) below its guard's branch, or the blocks
/// an inlined call leaves between them.
constexpr unsigned kMaxSinglePredecessors = 4;

/// What reaching `to` through `from` says about `c`: the edge itself, or an
/// edge above `from` that every path to it takes.
std::optional<bool> pathImplies(BasicBlock *from, BasicBlock *to, Value *c) {
  for (unsigned up = 0;; ++up) {
    if (auto known = edgeImplies(from, to, c)) return known;
    BasicBlock *pred = from->getSinglePredecessor();
    if (!pred || up == kMaxSinglePredecessors) return std::nullopt;
    to = from;
    from = pred;
  }
}

} // namespace

size_t simplifyEdgeSelects(Function &f) {
  size_t changed = 0;
  for (BasicBlock &bb : f)
    for (PHINode &phi : bb.phis())
      for (unsigned i = 0, e = phi.getNumIncomingValues(); i < e; ++i) {
        auto *sel = dyn_cast<SelectInst>(phi.getIncomingValue(i));
        if (!sel || sel->getCondition()->getType()->isVectorTy()) continue;
        auto known = pathImplies(phi.getIncomingBlock(i), &bb, sel->getCondition());
        if (!known) continue;
        phi.setIncomingValue(i, *known ? sel->getTrueValue() : sel->getFalseValue());
        ++changed;
      }
  return changed;
}

} // namespace egopt::passes
