#include "DeadLoops.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/IR/Constants.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// An exit value worth computing before the loop: a few operations (the
/// count's start plus the trip count times its step is 3 to 5).
constexpr unsigned kMaxExitValueSize = 6;

/// Gives each use after `l` of a value the loop defines the value it ends
/// with, computed before the loop, where scalar evolution knows it; returns
/// how many. The loop leaves only through its latch, so the value used after
/// it is the last iteration's.
size_t replaceExitValues(Loop &l, ScalarEvolution &se) {
  SCEVExpander expander(se, "exit", /*PreserveLCSSA=*/false);
  Instruction *before = l.getLoopPreheader()->getTerminator();
  size_t replaced = 0;
  for (BasicBlock *bb : l.blocks())
    for (Instruction &i : *bb) {
      if (!se.isSCEVable(i.getType()) || i.getType()->isPointerTy()) continue;
      SmallVector<Use *, 4> outside;
      for (Use &u : i.uses())
        if (!l.contains(cast<Instruction>(u.getUser()))) outside.push_back(&u);
      if (outside.empty()) continue;
      const SCEV *end = se.getSCEVAtScope(&i, l.getParentLoop());
      if (isa<SCEVCouldNotCompute>(end) || !se.isLoopInvariant(end, &l) ||
          end->getExpressionSize() > kMaxExitValueSize || !expander.isSafeToExpandAt(end, before))
        continue;
      Value *value = expander.expandCodeFor(end, i.getType(), before->getIterator());
      for (Use *u : outside) u->set(value);
      se.forgetValue(&i);
      replaced += outside.size();
    }
  return replaced;
}

/// Whether `l` has no effect and no value used after it.
bool isDead(const Loop &l) {
  for (BasicBlock *bb : l.blocks())
    for (Instruction &i : *bb) {
      if (i.mayHaveSideEffects() || i.isEHPad()) return false;
      for (const User *u : i.users())
        if (!l.contains(cast<Instruction>(u))) return false;
    }
  return true;
}

} // namespace

DeadLoopStats deleteCountingLoops(LoopInfo &li, DominatorTree &dt, ScalarEvolution &se) {
  DeadLoopStats stats;
  SmallVector<Loop *, 8> innermost;
  for (Loop *l : li.getLoopsInPreorder())
    if (l->isInnermost()) innermost.push_back(l);
  for (Loop *l : innermost) {
    // deleteDeadLoop's preconditions, and a finite loop with one way out.
    BasicBlock *latch = l->getLoopLatch();
    if (!l->getLoopPreheader() || !latch || l->getExitingBlock() != latch ||
        !l->getUniqueExitBlock() || !l->hasDedicatedExits())
      continue;
    if (isa<SCEVCouldNotCompute>(se.getBackedgeTakenCount(l))) continue;
    stats.exitValues += replaceExitValues(*l, se);
    if (!isDead(*l)) continue;
    deleteDeadLoop(l, &dt, &se, &li);
    ++stats.deleted;
  }
  return stats;
}

} // namespace egopt::passes
