#include "egopt/lift/Lifter.h"

#include "PhiReplacement.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/Dominators.h"

#include <unordered_map>

namespace egopt::ir {
using namespace llvm;
using eg::ClassId;
using eg::ENode;
using eg::kNoClass;

EGOPT_STATISTIC(PhiSelectsFolded, "03-lift", "phi_selects_folded",
                "phis that repeat a dominating phi's decisions, folded");

namespace {

/// Branches read per phi at most: a macro's `?:` chain (a UTF-8 character's
/// width, four tests) fits; the bound keeps the walk linear in the function.
constexpr unsigned kMaxConditions = 8;

/// Blocks walked per phi at most, unconditional branches included, so that
/// a long straight chain above many phis costs a bounded walk for each.
constexpr unsigned kMaxBlocks = 32;

class PhiSelectFolder {
public:
  explicit PhiSelectFolder(LiftedFunction &lf) : lf_(lf), g_(*lf.egraph) {
    for (size_t i = 0; i < lf.pure.size(); ++i) pureClass_[lf.pure[i]] = lf.pureClass[i];
  }

  size_t run() {
    DominatorTree dt(*lf_.fn);
    // The phis of each decision, in the order of a walk that visits a block
    // after its dominators (reverse post-order would do; the dominator
    // tree's preorder is at hand).
    DenseMap<ClassId, SmallVector<PHINode *, 2>> phisOf;
    for (DomTreeNode *node : depth_first(dt.getRootNode())) {
      if (!node->getIDom()) continue;
      for (PHINode &phi : node->getBlock()->phis()) {
        if (!leafNode(*lf_.tables, phi)) continue;
        ClassId key = decisionOf(phi, *node->getIDom()->getBlock());
        if (key != kNoClass) phisOf[key].push_back(&phi);
      }
    }
    // A phi another phi of its decision dominates is that phi: the first
    // such (a root of the group's dominance forest) keeps its leaf.
    std::vector<PhiReplacement> folded;
    for (auto &[key, phis] : phisOf) {
      SmallVector<PHINode *, 2> roots;
      for (PHINode *phi : phis) {
        auto root = find_if(
            roots, [&](PHINode *r) { return dt.dominates(r->getParent(), phi->getParent()); });
        if (root == roots.end()) {
          roots.push_back(phi);
          continue;
        }
        ENode leaf = *leafNode(*lf_.tables, *phi);
        ClassId rootClass = g_.lookup(*leafNode(*lf_.tables, **root));
        if (g_.lookup(leaf) != kNoClass && rootClass != kNoClass)
          folded.push_back({phi, leaf, rootClass});
      }
    }
    // Function order, so the e-graph's merges do not depend on the map's.
    llvm::sort(folded, [&](const PhiReplacement &a, const PhiReplacement &b) {
      return g_.lookup(a.leaf) < g_.lookup(b.leaf);
    });
    for (const PhiReplacement &r : folded) g_.merge(g_.lookup(r.leaf), r.cls);
    replacePhis(lf_, folded, PhiSelectsFolded);
    return folded.size();
  }

private:
  /// A key for the phi as a select of the branches from `top` (its block's
  /// immediate dominator) to it, or kNoClass. Every block between is reached
  /// from `top` by one path and computes only lifted values, so the phi is
  /// a function of the branches' conditions and its incoming values, all
  /// computed in `top` or above. Two phis with one key have one value
  /// wherever both are defined.
  ClassId decisionOf(PHINode &phi, BasicBlock &top) {
    conditions_ = 0;
    blocks_ = 0;
    edgesIn_ = 0;
    ClassId key = blockValue(phi, top, /*isTop=*/true);
    return edgesIn_ == phi.getNumIncomingValues() ? key : kNoClass;
  }

  /// The phi's value when control leaves `bb` towards it.
  ClassId blockValue(PHINode &phi, BasicBlock &bb, bool isTop) {
    if (++blocks_ > kMaxBlocks || (!isTop && !onlyLifted(bb))) return kNoClass;
    auto *br = dyn_cast<BranchInst>(bb.getTerminator());
    if (!br) return kNoClass;
    if (br->isUnconditional()) return edgeValue(phi, bb, *br->getSuccessor(0));
    if (br->getSuccessor(0) == br->getSuccessor(1) || ++conditions_ > kMaxConditions)
      return kNoClass;
    ClassId cond = valueClass(*br->getCondition());
    if (cond == kNoClass) return kNoClass;
    ClassId ifTrue = edgeValue(phi, bb, *br->getSuccessor(0));
    if (ifTrue == kNoClass) return kNoClass;
    ClassId ifFalse = edgeValue(phi, bb, *br->getSuccessor(1));
    if (ifFalse == kNoClass) return kNoClass;
    if (ifTrue == ifFalse) return ifTrue;
    // Numbered here, above every class id: the e-graph is left alone.
    ENode sel(IRLanguage::get().Select, {cond, ifTrue, ifFalse});
    sel.type = lf_.tables->typeId(phi.getType());
    return selects_.try_emplace(sel, kSelectBase + ClassId(selects_.size())).first->second;
  }

  ClassId edgeValue(PHINode &phi, BasicBlock &from, BasicBlock &to) {
    if (&to == phi.getParent()) {
      ++edgesIn_;
      return valueClass(*phi.getIncomingValueForBlock(&from));
    }
    if (to.getSinglePredecessor() != &from) return kNoClass;
    return blockValue(phi, to, /*isTop=*/false);
  }

  /// The canonical class of a lifted value, a leaf or a constant (added:
  /// a constant leaf costs nothing); kNoClass for anything else.
  ClassId valueClass(Value &v) {
    if (auto *inst = dyn_cast<Instruction>(&v)) {
      if (auto it = pureClass_.find(inst); it != pureClass_.end()) return g_.find(it->second);
    } else if (auto *c = dyn_cast<Constant>(&v)) {
      if (!lf_.tables->typeIds.count(c->getType())) return kNoClass;
      return g_.find(g_.add(constantNode(*lf_.tables, *c)));
    }
    std::optional<ENode> leaf = leafNode(*lf_.tables, v);
    ClassId c = leaf ? g_.lookup(*leaf) : kNoClass;
    return c == kNoClass ? kNoClass : g_.find(c);
  }

  /// Every instruction but the terminator was lifted: the block adds no
  /// skeleton value (a load, a call) the decision could depend on.
  bool onlyLifted(BasicBlock &bb) {
    for (Instruction &i : bb)
      if (&i != bb.getTerminator() && !pureClass_.count(&i)) return false;
    return true;
  }

  static constexpr ClassId kSelectBase = ClassId(1) << 31;
  LiftedFunction &lf_;
  eg::EGraph &g_;
  DenseMap<const Instruction *, ClassId> pureClass_;
  std::unordered_map<ENode, ClassId, eg::ENodeHash> selects_;
  unsigned conditions_ = 0, blocks_ = 0, edgesIn_ = 0;
};

} // namespace

size_t foldPhiSelects(LiftedFunction &lf) { return PhiSelectFolder(lf).run(); }

} // namespace egopt::ir
