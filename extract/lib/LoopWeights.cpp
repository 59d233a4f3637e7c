#include "LoopWeights.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"

#include <algorithm>

namespace egopt::extract {
using namespace llvm;
using eg::ClassId;
using eg::ENode;

uint32_t loopDepthWeight(unsigned depth) {
  return uint32_t(1) << (3 * std::min(depth, kMaxWeightedLoopDepth));
}

namespace {
constexpr unsigned kUnknown = UINT32_MAX;

/// The depth where each class's operands are all available (kUnknown for a
/// class whose every e-node sits on a cycle of unknown classes).
std::vector<unsigned> readyDepths(const eg::EGraph &g,
                                  function_ref<unsigned(const ENode &)> leafDepth) {
  std::vector<unsigned> ready(g.numIds(), kUnknown);
  // Lowered only, so this terminates; ids mostly follow creation order, so
  // one or two rounds do.
  for (bool changed = true; changed;) {
    changed = false;
    for (ClassId c : g.classIds()) {
      unsigned best = ready[c];
      for (const ENode &n : g.rootNodes(c)) {
        unsigned d = n.isLeaf() ? leafDepth(n) : 0;
        for (ClassId k : n.kids) d = std::max(d, ready[k]);
        best = std::min(best, d);
      }
      if (best < ready[c]) {
        ready[c] = best;
        changed = true;
      }
    }
  }
  return ready;
}
} // namespace

std::vector<uint32_t> classWeights(const eg::EGraph &g, ArrayRef<std::pair<ClassId, unsigned>> uses,
                                   function_ref<unsigned(const ENode &)> leafDepth) {
  std::vector<unsigned> ready = readyDepths(g, leafDepth);
  std::vector<unsigned> useDepth(g.numIds(), 0);
  auto placement = [&](ClassId c) { return std::min(useDepth[c], ready[c]); };
  std::vector<ClassId> work;
  for (auto [cls, depth] : uses) {
    ClassId c = g.find(cls);
    if (depth > useDepth[c]) useDepth[c] = depth;
    work.push_back(c);
  }
  // Raised only, to at most the deepest use: terminates.
  while (!work.empty()) {
    ClassId c = work.back();
    work.pop_back();
    unsigned d = placement(c);
    for (const ENode &n : g.rootNodes(c))
      for (ClassId k : n.kids)
        if (useDepth[k] < d) {
          useDepth[k] = d;
          work.push_back(k);
        }
  }
  std::vector<uint32_t> weights(g.numIds(), 1);
  for (ClassId c : g.classIds())
    weights[c] = loopDepthWeight(placement(c) == kUnknown ? 0 : placement(c));
  return weights;
}

std::vector<uint32_t> classWeights(const ir::LiftedFunction &lf) {
  DominatorTree dt(*lf.fn);
  LoopInfo li(dt);
  std::vector<std::pair<ClassId, unsigned>> uses;
  uses.reserve(lf.uses.size());
  for (const ir::SkeletonUse &u : lf.uses) {
    const BasicBlock *bb = u.user->getParent();
    if (auto *phi = dyn_cast<PHINode>(u.user)) bb = phi->getIncomingBlock(u.operand);
    uses.push_back({u.cls, li.getLoopDepth(bb)});
  }
  const ir::IRLanguage &L = ir::IRLanguage::get();
  auto leafDepth = [&](const ENode &n) -> unsigned {
    if (n.op != L.Skel) return 0;
    return li.getLoopDepth(lf.tables->skeletonValues[n.payload]->getParent());
  };
  return classWeights(*lf.egraph, uses, leafDepth);
}

} // namespace egopt::extract
