#include "egopt/analyses/PhiRanges.h"

#include "egopt/analyses/IntLattices.h"
#include "egopt/analyses/RangeAnalysis.h"
#include "egopt/egraph/Statistic.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

namespace egopt::passes {
using namespace llvm;
using eg::ClassId;
using eg::kNoClass;

EGOPT_STATISTIC(PhiRangesNarrowed, "04-rewrite", "phi_ranges_narrowed",
                "skeleton phis given a range from their incoming values");

namespace {

/// Sweeps over the phis at most: each sweep lets a narrowed phi narrow the
/// phis that read it (nested loops' preheader phis); a chain longer than
/// this keeps the ranges it has, which hold.
constexpr unsigned kMaxSweeps = 4;
/// Single-predecessor blocks walked up from an incoming edge for the
/// branches that lead to it: the bounds checks between a guard and a loop
/// are a few blocks.
constexpr unsigned kMaxWalk = 8;

class PhiRangeNarrower {
public:
  PhiRangeNarrower(ir::LiftedFunction &lf, RangeAnalysis &ranges)
      : lf_(lf), g_(*lf.egraph), ranges_(ranges) {
    for (const ir::SkeletonUse &u : lf.uses) useClass_[{u.user, u.operand}] = u.cls;
  }

  size_t run() {
    std::vector<std::pair<PHINode *, uint64_t>> phis;
    std::vector<ClassId> leaves;
    for (size_t i = 0; i < lf_.tables->skeletonValues.size(); ++i) {
      auto *phi = dyn_cast<PHINode>(lf_.tables->skeletonValues[i]);
      if (!phi || !phi->getType()->isIntegerTy()) continue;
      ClassId leaf = classOf(*phi);
      if (leaf == kNoClass) continue;
      phis.push_back({phi, i});
      leaves.push_back(leaf);
    }
    DenseSet<PHINode *> narrowed;
    for (unsigned sweep = 0; sweep < kMaxSweeps; ++sweep) {
      bool changed = false;
      for (size_t k = 0; k < phis.size(); ++k) {
        auto [phi, index] = phis[k];
        std::optional<ConstantRange> r = incomingRange(*phi);
        const auto &now = ranges_.of(g_, leaves[k]);
        // The class keeps the intersection: nothing to do unless it shrinks.
        if (!r || (now && (isNoValue(*now) || r->contains(*now)))) continue;
        ranges_.setLeafRange(index, *r);
        g_.reanalyze(leaves[k]);
        narrowed.insert(phi);
        changed = true;
      }
      if (!changed) break;
      g_.rebuild();
    }
    return narrowed.size();
  }

private:
  /// The union of the incoming values' ranges, each narrowed on its edge;
  /// nullopt when one is unknown or nothing is narrower than the type.
  std::optional<ConstantRange> incomingRange(PHINode &phi) {
    unsigned w = phi.getType()->getIntegerBitWidth();
    ConstantRange all = ConstantRange::getEmpty(w);
    for (unsigned i = 0; i < phi.getNumIncomingValues(); ++i) {
      Value *in = phi.getIncomingValue(i);
      if (in == &phi) continue;
      if (auto *ci = dyn_cast<ConstantInt>(in)) {
        all = all.unionWith(ConstantRange(ci->getValue()));
        continue;
      }
      ClassId v = classOf(phi, i);
      if (v == kNoClass) return std::nullopt;
      const auto &r = ranges_.of(g_, v);
      if (!r || isNoValue(*r)) return std::nullopt;
      all = all.unionWith(onEdge(v, *r, phi.getIncomingBlock(i), phi.getParent()));
      if (all.isFullSet()) return std::nullopt;
    }
    if (all.isEmptySet()) return std::nullopt;
    return all;
  }

  /// The class of the phi's incoming value `i`: a pure value's (a skeleton
  /// use), or the leaf of an argument or a skeleton value.
  ClassId classOf(PHINode &phi, unsigned i) {
    if (auto it = useClass_.find({&phi, i}); it != useClass_.end()) return g_.find(it->second);
    return classOf(*phi.getIncomingValue(i));
  }

  /// The class of a leaf (an argument, a skeleton value), or kNoClass.
  ClassId classOf(const Value &v) {
    std::optional<eg::ENode> n = ir::leafNode(*lf_.tables, v);
    ClassId c = n ? g_.lookup(*n) : kNoClass;
    return c == kNoClass ? kNoClass : g_.find(c);
  }

  /// `r`, the range of class `v`, narrowed by the conditional branches on
  /// the way to the edge `from` -> `to`: the edge's own, then those into
  /// each single-predecessor block above it.
  ConstantRange onEdge(ClassId v, ConstantRange r, BasicBlock *from, BasicBlock *to) {
    for (unsigned step = 0; from && step < kMaxWalk; ++step) {
      if (auto *br = dyn_cast<BranchInst>(from->getTerminator());
          br && br->isConditional() && br->getSuccessor(0) != br->getSuccessor(1)) {
        auto it = useClass_.find({br, 0});
        if (it != useClass_.end())
          r = ranges_.constrain(g_, g_.find(it->second), br->getSuccessor(0) == to, v, r);
      }
      to = from;
      from = from->getSinglePredecessor();
    }
    return r;
  }

  ir::LiftedFunction &lf_;
  eg::EGraph &g_;
  RangeAnalysis &ranges_;
  DenseMap<std::pair<Instruction *, unsigned>, ClassId> useClass_;
};

} // namespace

void narrowPhiRanges(ir::LiftedFunction &lf, eg::Statistics &stats) {
  auto *ranges = lf.egraph->findAnalysis<RangeAnalysis>();
  if (!ranges) return;
  stats.add(PhiRangesNarrowed, PhiRangeNarrower(lf, *ranges).run());
}

} // namespace egopt::passes
