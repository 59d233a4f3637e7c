#include "EdgeConditions.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Module.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// Blocks walked up the dominator tree, each a query of the branch that
/// ends it: the test that decides is rarely further up than this (a loop's
/// header and its guard), and each step costs a dominance query.
constexpr unsigned kMaxDominatorsWalked = 8;

/// Phis of one incoming value looked through in a row: LCSSA nests one per
/// loop left. The bound also ends a cycle of such phis, which unreachable
/// code may hold.
constexpr unsigned kMaxSinglePhis = 8;

/// LCSSA keeps a loop's values in phis of one incoming value at its exits;
/// the branches test the value itself.
Value *throughSinglePhis(Value *v) {
  for (unsigned i = 0; i < kMaxSinglePhis; ++i) {
    auto *phi = dyn_cast<PHINode>(v);
    if (!phi || phi->getNumIncomingValues() != 1) break;
    v = phi->getIncomingValue(0);
  }
  return v;
}

} // namespace

std::optional<bool> EdgeConditions::onEdge(CmpInst::Predicate pred, Value *x, Value *v,
                                           BasicBlock *from, BasicBlock *to) {
  x = throughSinglePhis(x);
  v = throughSinglePhis(v);
  if (std::optional<bool> known = byBranch(pred, x, v, from, to)) return known;
  return atEnd(pred, x, v, from, /*throughPhis=*/true);
}

/// What the conditional branch ending `from` says on its edge to `to`.
std::optional<bool> EdgeConditions::byBranch(CmpInst::Predicate pred, Value *x, Value *v,
                                             BasicBlock *from, BasicBlock *to) {
  auto *br = dyn_cast<BranchInst>(from->getTerminator());
  if (!br || !br->isConditional() || br->getSuccessor(0) == br->getSuccessor(1)) return {};
  return isImpliedCondition(br->getCondition(), pred, x, v, f_.getDataLayout(),
                            /*LHSIsTrue=*/br->getSuccessor(0) == to);
}

/// What holds at the end of `block`: from the branches above it whose edge
/// dominates it (every path to `block` took that edge), or, when `x` is a
/// phi of a block above, from every edge into that block.
std::optional<bool> EdgeConditions::atEnd(CmpInst::Predicate pred, Value *x, Value *v,
                                          BasicBlock *block, bool throughPhis) {
  const DominatorTree &dt = dominators();
  BasicBlock *current = block;
  for (unsigned i = 0; i < kMaxDominatorsWalked; ++i) {
    if (auto *def = dyn_cast<Instruction>(x); def && def->getParent() == current) {
      // Nothing above the definition speaks of it.
      auto *phi = dyn_cast<PHINode>(def);
      return phi && throughPhis ? throughPhi(pred, *phi, v) : std::nullopt;
    }
    DomTreeNode *node = dt.getNode(current);
    if (!node || !node->getIDom()) return {};
    BasicBlock *above = node->getIDom()->getBlock();
    // Only a conditional branch says anything (a switch's edges are not
    // read): its edge into the way down, if it dominates.
    if (auto *br = dyn_cast<BranchInst>(above->getTerminator()); br && br->isConditional())
      for (BasicBlock *next : br->successors())
        if (dt.dominates(BasicBlockEdge(above, next), current))
          if (std::optional<bool> known = byBranch(pred, x, v, above, next)) return known;
    current = above;
  }
  return {};
}

/// What holds for `phi` at its block's start: the same on every edge in
/// (one level: the incoming values' own phis with several incoming values
/// are not followed). `v` must be one value on all of them, so it is
/// computed before the block (a loop's `nil` loaded before the loop).
std::optional<bool> EdgeConditions::throughPhi(CmpInst::Predicate pred, PHINode &phi, Value *v) {
  BasicBlock *block = phi.getParent();
  if (auto *def = dyn_cast<Instruction>(v);
      def && !dominators().properlyDominates(def->getParent(), block))
    return {};
  if (!isa<Instruction, Argument, Constant>(v)) return {};
  std::optional<bool> all;
  for (unsigned i = 0, n = phi.getNumIncomingValues(); i < n; ++i) {
    Value *in = throughSinglePhis(phi.getIncomingValue(i));
    // The phi again (a loop that keeps it): holds if it held on the last
    // entry from elsewhere, since `v` is the same since then (it is
    // computed before the block).
    if (in == &phi) continue;
    BasicBlock *from = phi.getIncomingBlock(i);
    std::optional<bool> known = byBranch(pred, in, v, from, block);
    if (!known) known = atEnd(pred, in, v, from, /*throughPhis=*/false);
    if (!known || (all && *all != *known)) return {};
    all = known;
  }
  return all;
}

const DominatorTree &EdgeConditions::dominators() {
  if (!dominators_) dominators_.emplace(f_);
  return *dominators_;
}

} // namespace egopt::passes
