#include "EdgeSelects.h"

#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"

namespace egopt::passes {
using namespace llvm;
using namespace llvm::PatternMatch;

namespace {

/// What taking the edge `from -> to` says about `c`: true, false, or nothing.
std::optional<bool> edgeImplies(BasicBlock *from, BasicBlock *to, Value *c) {
  auto *br = dyn_cast<BranchInst>(from->getTerminator());
  if (!br || !br->isConditional() || br->getSuccessor(0) == br->getSuccessor(1))
    return std::nullopt;
  bool taken = br->getSuccessor(0) == to;
  Value *cond = br->getCondition();
  if (cond == c) return taken;
  // cond = c && d: the true edge implies c. cond = c || d: the false edge
  // implies !c. (select c, d, false) and (select c, true, d) are the
  // poison-safe spellings of && and ||.
  if (taken && (match(cond, m_LogicalAnd(m_Specific(c), m_Value())) ||
                match(cond, m_LogicalAnd(m_Value(), m_Specific(c)))))
    return true;
  if (!taken && (match(cond, m_LogicalOr(m_Specific(c), m_Value())) ||
                 match(cond, m_LogicalOr(m_Value(), m_Specific(c)))))
    return false;
  return std::nullopt;
}

} // namespace

size_t simplifyEdgeSelects(Function &f) {
  size_t changed = 0;
  for (BasicBlock &bb : f)
    for (PHINode &phi : bb.phis())
      for (unsigned i = 0, e = phi.getNumIncomingValues(); i < e; ++i) {
        auto *sel = dyn_cast<SelectInst>(phi.getIncomingValue(i));
        if (!sel || sel->getCondition()->getType()->isVectorTy()) continue;
        auto known = edgeImplies(phi.getIncomingBlock(i), &bb, sel->getCondition());
        if (!known) continue;
        phi.setIncomingValue(i, *known ? sel->getTrueValue() : sel->getFalseValue());
        ++changed;
      }
  return changed;
}

} // namespace egopt::passes
