#include "egopt/lift/Lifter.h"

#include "LiftStatistics.h"
#include "PhiReplacement.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/Instructions.h"

namespace egopt::ir {
using namespace llvm;
using eg::ClassId;
using eg::ENode;
using eg::kNoClass;

namespace {

/// Phis explored from one start at most: the groups worth finding are small
/// (a loop's reset value across a few merges), and the bound keeps the
/// search linear in the function's phis.
constexpr unsigned kMaxGroup = 16;

class PhiCycleFolder {
public:
  explicit PhiCycleFolder(LiftedFunction &lf) : lf_(lf), g_(*lf.egraph) {
    for (const SkeletonUse &u : lf.uses)
      if (isa<PHINode>(u.user)) useClass_[{u.user, u.operand}] = u.cls;
  }

  size_t run() {
    std::vector<PhiReplacement> folded;
    for (BasicBlock &bb : *lf_.fn)
      for (PHINode &phi : bb.phis()) {
        auto leaf = leafOf(&phi);
        if (!leaf) continue;
        ClassId c = groupClass(phi);
        if (c == kNoClass) continue;
        // Merged at once: the next phis' groups see this one's class.
        g_.merge(g_.lookup(*leaf), c);
        folded.push_back({&phi, *leaf, c});
      }
    replacePhis(lf_, folded, PhisFolded);
    return folded.size();
  }

private:
  /// The phi's `skel` leaf, when it is a skeleton phi with one.
  std::optional<ENode> leafOf(PHINode *p) {
    std::optional<ENode> n = leafNode(*lf_.tables, *p);
    if (!n || g_.lookup(*n) == kNoClass) return std::nullopt;
    return n;
  }

  /// The one class the skeleton phis reachable from `start` through phi
  /// operands pass around, or kNoClass. An operand that is neither such a
  /// phi nor a recorded pure value (an argument, a constant, a load) makes
  /// it kNoClass.
  ClassId groupClass(PHINode &start) {
    SmallPtrSet<PHINode *, kMaxGroup> seen;
    seen.insert(&start);
    SmallVector<PHINode *, kMaxGroup> stack{&start};
    ClassId only = kNoClass;
    while (!stack.empty()) {
      PHINode *p = stack.pop_back_val();
      for (unsigned i = 0, e = p->getNumIncomingValues(); i < e; ++i) {
        if (auto *q = dyn_cast<PHINode>(p->getIncomingValue(i));
            q && lf_.tables->skeletonIndex.count(q)) {
          if (seen.contains(q)) continue;
          if (seen.size() == kMaxGroup) return kNoClass;
          seen.insert(q);
          stack.push_back(q);
          continue;
        }
        auto it = useClass_.find({p, i});
        if (it == useClass_.end()) return kNoClass;
        ClassId c = g_.find(it->second);
        if (only != kNoClass && c != only) return kNoClass;
        only = c;
      }
    }
    return only;
  }

  LiftedFunction &lf_;
  eg::EGraph &g_;
  DenseMap<std::pair<Instruction *, unsigned>, ClassId> useClass_;
};

} // namespace

size_t foldPhiCycles(LiftedFunction &lf) { return PhiCycleFolder(lf).run(); }

} // namespace egopt::ir
