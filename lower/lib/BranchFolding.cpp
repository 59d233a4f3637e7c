#include "egopt/lower/BranchFolding.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

#include <optional>

namespace egopt::lower {
using namespace llvm;
using eg::ClassId;

EGOPT_STATISTIC(BranchesFolded, "06-lower.branches", "branches_folded",
                "branches and switches on a constant made unconditional");
EGOPT_STATISTIC(BlocksRemoved, "06-lower.branches", "blocks_removed",
                "blocks left unreachable by those, deleted");

namespace {

/// The known value of a class: the payload of its `iconst` e-node
/// (sign-extended to 64 bits).
std::optional<int64_t> knownValue(const eg::EGraph &g, ClassId c) {
  const ir::IRLanguage &lang = ir::IRLanguage::get();
  for (const eg::ENode &n : g.nodes(c))
    if (n.op == lang.IConst) return static_cast<int64_t>(n.payload);
  return std::nullopt;
}

/// The successor a branch or switch on the value `v` takes.
BasicBlock *takenSuccessor(Instruction &term, int64_t v) {
  if (auto *br = dyn_cast<BranchInst>(&term)) return br->getSuccessor(v ? 0 : 1);
  auto &sw = cast<SwitchInst>(term);
  auto *condTy = cast<IntegerType>(sw.getCondition()->getType());
  return sw.findCaseValue(ConstantInt::get(condTy, v, /*IsSigned=*/true))->getCaseSuccessor();
}

/// Replaces `term` by `br taken`; every other edge out of its block is gone.
void makeUnconditional(Instruction &term, BasicBlock *taken) {
  BasicBlock *bb = term.getParent();
  bool kept = false;
  for (BasicBlock *succ : successors(&term)) {
    if (succ == taken && !kept) {
      kept = true;
      continue;
    }
    succ->removePredecessor(bb, /*KeepOneInputPHIs=*/true);
  }
  BranchInst *br = BranchInst::Create(taken, term.getIterator());
  br->setDebugLoc(term.getDebugLoc());
  term.eraseFromParent();
}

/// The blocks the entry reaches once each branch in `taken` goes only to
/// its successor there.
DenseSet<BasicBlock *> reachableAfterFolding(Function &f,
                                             const DenseMap<Instruction *, BasicBlock *> &taken) {
  DenseSet<BasicBlock *> seen{&f.getEntryBlock()};
  SmallVector<BasicBlock *, 16> stack{&f.getEntryBlock()};
  auto push = [&](BasicBlock *s) {
    if (seen.insert(s).second) stack.push_back(s);
  };
  while (!stack.empty()) {
    BasicBlock *bb = stack.pop_back_val();
    if (auto it = taken.find(bb->getTerminator()); it != taken.end())
      push(it->second);
    else
      for (BasicBlock *s : successors(bb)) push(s);
  }
  return seen;
}

} // namespace

void foldConstantBranches(ir::LiftedFunction &lf, eg::Statistics &stats) {
  // The decisions first, without editing: branch -> the successor taken.
  // A condition is known when it is a constant (a forwarded load may have
  // made it one) or its class has a known value.
  DenseMap<Instruction *, ClassId> conditionClass;
  for (const ir::SkeletonUse &u : lf.uses)
    if (u.operand == 0 && (isa<BranchInst>(u.user) || isa<SwitchInst>(u.user)))
      conditionClass[u.user] = u.cls;
  std::vector<std::pair<Instruction *, BasicBlock *>> folds; // in block order
  for (BasicBlock &bb : *lf.fn) {
    Instruction *term = bb.getTerminator();
    auto *br = dyn_cast<BranchInst>(term);
    if (!(br && br->isConditional()) && !isa<SwitchInst>(term)) continue;
    std::optional<int64_t> v;
    if (auto *ci = dyn_cast<ConstantInt>(term->getOperand(0)); ci && ci->getBitWidth() <= 64)
      v = ci->getSExtValue();
    else if (auto it = conditionClass.find(term); it != conditionClass.end())
      v = knownValue(*lf.egraph, it->second);
    if (v) folds.push_back({term, takenSuccessor(*term, *v)});
  }
  if (folds.empty()) return;

  // Which blocks the folded CFG still reaches; give up if one that would be
  // deleted has its address taken.
  DenseMap<Instruction *, BasicBlock *> taken(folds.begin(), folds.end());
  DenseSet<BasicBlock *> live = reachableAfterFolding(*lf.fn, taken);
  for (BasicBlock &bb : *lf.fn)
    if (!live.count(&bb) && bb.hasAddressTaken()) return;

  // Phi uses name an incoming number, which removing entries shifts: keep
  // them by incoming block, and number them again afterwards.
  std::vector<ir::SkeletonUse> kept;
  std::vector<std::tuple<PHINode *, BasicBlock *, ClassId>> phiUses;
  for (const ir::SkeletonUse &u : lf.uses) {
    if (taken.count(u.user) || !live.count(u.user->getParent())) continue;
    if (auto *phi = dyn_cast<PHINode>(u.user)) {
      BasicBlock *from = phi->getIncomingBlock(u.operand);
      if (live.count(from)) phiUses.emplace_back(phi, from, u.cls);
      continue;
    }
    kept.push_back(u);
  }

  // A branch in a block about to be deleted goes with it.
  for (auto [term, succ] : folds)
    if (live.count(term->getParent())) {
      makeUnconditional(*term, succ);
      stats.add(BranchesFolded);
    }

  // Delete what the entry no longer reaches.
  SmallVector<BasicBlock *, 8> dead;
  for (BasicBlock &bb : *lf.fn)
    if (!live.count(&bb)) dead.push_back(&bb);
  for (BasicBlock *bb : dead)
    for (BasicBlock *succ : successors(bb))
      if (live.count(succ)) succ->removePredecessor(bb, /*KeepOneInputPHIs=*/true);
  std::vector<Instruction *> pure;
  std::vector<ClassId> pureClass;
  for (size_t i = 0; i < lf.pure.size(); ++i)
    if (live.count(lf.pure[i]->getParent())) {
      pure.push_back(lf.pure[i]);
      pureClass.push_back(lf.pureClass[i]);
    }
  lf.pure = std::move(pure);
  lf.pureClass = std::move(pureClass);
  for (BasicBlock *bb : dead) bb->dropAllReferences();
  for (BasicBlock *bb : dead) bb->eraseFromParent();
  stats.add(BlocksRemoved, dead.size());

  // Every incoming entry from a recorded block gets its use again (a block
  // may appear more than once in a phi, always with the same value).
  DenseSet<std::pair<PHINode *, BasicBlock *>> renumbered;
  for (auto &[phi, from, cls] : phiUses)
    if (renumbered.insert({phi, from}).second)
      for (unsigned k = 0, e = phi->getNumIncomingValues(); k < e; ++k)
        if (phi->getIncomingBlock(k) == from) kept.push_back({phi, k, cls});
  lf.uses = std::move(kept);
}

} // namespace egopt::lower
