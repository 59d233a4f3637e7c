#include "egopt/lower/Elaborator.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugProgramInstruction.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"

namespace egopt::lower {
using namespace llvm;
using eg::ClassId;
using eg::ENode;

EGOPT_STATISTIC(Materialized, "06-lower.elaborate", "materialized",
                "instructions materialized by elaboration");
EGOPT_STATISTIC(Reused, "06-lower.elaborate", "reused", "uses served by a dominating copy (GVN)");
EGOPT_STATISTIC(Hoisted, "06-lower.elaborate", "hoisted",
                "values hoisted to a shallower loop (LICM)");
EGOPT_STATISTIC(AtSource, "06-lower.elaborate", "at_source",
                "values built where the source computed them");
EGOPT_STATISTIC(Erased, "06-lower.elaborate", "erased", "lifted instructions erased");

namespace {

class Elaborator {
public:
  Elaborator(ir::LiftedFunction &lf, const extract::Extractor &ex, eg::Statistics &stats)
      : lf_(lf), ex_(ex), g_(*lf.egraph), lang_(ir::IRLanguage::get()), fn_(*lf.fn), dt_(fn_),
        li_(dt_), builder_(fn_.getContext()), stats_(stats) {
    dt_.updateDFSNumbers();
    for (BasicBlock &bb : fn_) {
      unsigned index = 0, calls = 0;
      for (Instruction &i : bb) {
        position_[&i] = {index++, calls, /*created=*/false};
        if (auto *cb = dyn_cast<CallBase>(&i); cb && !isa<IntrinsicInst>(cb)) ++calls;
      }
    }
    // The first lifted instruction of each class gives its location and name.
    for (size_t i = 0; i < lf.pure.size(); ++i)
      origin_.try_emplace(g_.find(lf.pureClass[i]), lf.pure[i]);
    for (const ir::SkeletonUse &u : lf.uses) {
      if (auto *phi = dyn_cast<PHINode>(u.user))
        phiUses_[phi->getIncomingBlock(u.operand)].push_back(u);
      else
        uses_[u.user].push_back(u);
    }
  }

  void run() {
    // Preorder walk of the dominator tree, children in their stored order.
    std::vector<DomTreeNode *> stack{dt_.getRootNode()};
    while (!stack.empty()) {
      DomTreeNode *node = stack.back();
      stack.pop_back();
      visitBlock(*node->getBlock());
      for (auto it = node->end(); it != node->begin();) stack.push_back(*--it);
    }
    // Names are given once the lifted instructions are gone, so the new ones
    // take them as they were (no ".1" suffixes).
    std::vector<std::pair<Instruction *, std::string>> names;
    for (auto [inst, origin] : named_) names.push_back({inst, origin->getName().str()});
    eraseLifted();
    for (auto &[inst, name] : names) inst->setName(name);
  }

private:
  bool dominates(const BasicBlock *a, const BasicBlock *b) const {
    const DomTreeNode *na = dt_.getNode(a), *nb = dt_.getNode(b);
    return na->getDFSNumIn() <= nb->getDFSNumIn() && nb->getDFSNumOut() <= na->getDFSNumOut();
  }

  void visitBlock(BasicBlock &bb) {
    for (Instruction *inst = &bb.front(); inst;) {
      Instruction *next = inst->getNextNode();
      if (!isa<PHINode>(inst)) {
        if (auto it = uses_.find(inst); it != uses_.end()) {
          BasicBlock *useBB = &bb;
          Instruction *at = inst;
          // An EH pad must stay first in its block: its operands come from
          // the dominating block.
          if (inst->isEHPad())
            for (DomTreeNode *n = dt_.getNode(&bb)->getIDom(); n; n = n->getIDom())
              if (canTakeAtEnd(n->getBlock())) {
                useBB = n->getBlock();
                at = useBB->getTerminator();
                break;
              }
          for (const ir::SkeletonUse &u : it->second)
            inst->setOperand(u.operand, materialize(u.cls, useBB, at));
        }
        if (inst->isTerminator()) {
          if (auto it = phiUses_.find(&bb); it != phiUses_.end())
            for (const ir::SkeletonUse &u : it->second)
              cast<PHINode>(u.user)->setIncomingValue(u.operand, materialize(u.cls, &bb, inst));
        }
      }
      inst = next;
    }
  }

  /// Whether instructions may be inserted before `bb`'s terminator. Not in a
  /// catchswitch block: the catchswitch is both its first non-phi (as an EH
  /// pad must be) and its terminator.
  static bool canTakeAtEnd(const BasicBlock *bb) {
    return !isa<CatchSwitchInst>(bb->getTerminator());
  }

  /// The block an operand value is defined in (nullptr: anywhere).
  static BasicBlock *defBlock(Value *v) {
    if (auto *i = dyn_cast<Instruction>(v)) return i->getParent();
    return nullptr;
  }

  Value *leafValue(const ENode &n) {
    const ir::IRTables &t = *lf_.tables;
    Type *ty = t.types[n.type];
    if (n.op == lang_.IConst) {
      unsigned bits = ty->getScalarSizeInBits();
      return ConstantInt::get(ty,
                              APInt(bits, n.payload, /*isSigned=*/true, /*implicitTrunc=*/true));
    }
    if (n.op == lang_.FConst) {
      Type *scalar = ty->getScalarType();
      APFloat v(scalar->getFltSemantics(), APInt(scalar->getPrimitiveSizeInBits(), n.payload));
      return ConstantFP::get(ty, v);
    }
    if (n.op == lang_.Cst) return t.constants[n.payload];
    if (n.op == lang_.Arg) return fn_.getArg(unsigned(n.payload));
    assert(n.op == lang_.Skel);
    return t.skeletonValues[n.payload];
  }

  /// A copy of `cls` usable at `at` in `useBB`, made if there is none.
  Value *materialize(ClassId root, BasicBlock *useBB, Instruction *at) {
    struct Frame {
      ClassId cls;
      const ENode *node;
      unsigned nextKid;
      SmallVector<Value *, 4> kids;
    };
    SmallVector<Frame, 16> stack;
    Value *result = nullptr;
    auto start = [&](ClassId c) -> Value * {
      c = g_.find(c);
      if (Value *v = lookup(c, useBB)) {
        stats_.add(Reused);
        return v;
      }
      const ENode *best = ex_.best(c);
      assert(best && "extraction left a needed class without an e-node");
      if (best->kids.empty()) return leafValue(*best);
      stack.push_back({c, best, 0, {}});
      return nullptr;
    };
    result = start(root);
    while (!stack.empty()) {
      Frame &f = stack.back();
      if (f.nextKid < f.node->kids.size()) {
        ClassId kid = f.node->kids[f.nextKid++];
        if (Value *v = start(kid)) stack.back().kids.push_back(v);
        continue;
      }
      Value *v = build(f.cls, *f.node, f.kids, useBB, at);
      stack.pop_back();
      if (stack.empty())
        result = v;
      else
        stack.back().kids.push_back(v);
    }
    return result;
  }

  Value *lookup(ClassId c, const BasicBlock *useBB) const {
    auto it = placed_.find(c);
    if (it == placed_.end()) return nullptr;
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e)
      if (dominates(e->first, useBB)) return e->second;
    return nullptr;
  }

  /// Chooses the block: on the dominator path from the operands' deepest
  /// definition down to the use, the deepest block of least loop depth.
  BasicBlock *placement(ArrayRef<Value *> kids, BasicBlock *useBB) {
    BasicBlock *deepest = nullptr;
    unsigned deepestLevel = 0;
    // A value defined by a terminator (invoke, callbr) is available only in
    // the blocks its block branches to, never at its block's end.
    bool deepestIsTerminator = false;
    for (Value *k : kids)
      if (BasicBlock *d = defBlock(k)) {
        unsigned level = dt_.getNode(d)->getLevel();
        bool isTerm = cast<Instruction>(k)->isTerminator();
        if (!deepest || level > deepestLevel) {
          deepest = d;
          deepestLevel = level;
          deepestIsTerminator = isTerm;
        } else if (d == deepest) {
          deepestIsTerminator |= isTerm;
        }
      }
    BasicBlock *best = useBB;
    unsigned bestDepth = li_.getLoopDepth(useBB);
    if (bestDepth == 0 || deepest == useBB) return best;
    for (DomTreeNode *n = dt_.getNode(useBB)->getIDom(); n; n = n->getIDom()) {
      BasicBlock *b = n->getBlock();
      if (b == deepest && deepestIsTerminator) break;
      unsigned depth = li_.getLoopDepth(b);
      if (depth < bestDepth && canTakeAtEnd(b)) {
        best = b;
        bestDepth = depth;
      }
      if (b == deepest) break;
    }
    return best;
  }

  Value *build(ClassId c, const ENode &n, ArrayRef<Value *> kids, BasicBlock *useBB,
               Instruction *at) {
    BasicBlock *where = placement(kids, useBB);
    Instruction *origin = nullptr;
    if (auto it = origin_.find(c); it != origin_.end()) origin = it->second;
    Instruction *insertBefore = where == useBB ? at : where->getTerminator();
    bool atSource = false;
    if (where != useBB)
      stats_.add(Hoisted);
    else if (atOrigin(origin, kids, at)) {
      insertBefore = origin;
      atSource = true;
      stats_.add(AtSource);
    }
    builder_.SetInsertPoint(insertBefore);
    builder_.SetCurrentDebugLocation(origin ? origin->getDebugLoc() : DebugLoc());
    Value *v = create(n, kids);
    if (auto *inst = dyn_cast<Instruction>(v)) {
      Position anchor = position_.lookup(insertBefore);
      position_[inst] = {anchor.index, anchor.callsBefore, /*created=*/true, atSource};
      stats_.add(Materialized);
      if (origin && origin->hasName()) named_.push_back({inst, origin});
    }
    placed_[c].push_back({where, v});
    return v;
  }

  /// Whether a value used at `at` may be built where the source computed
  /// it: `origin` (a lifted instruction, still in place) before `at` in the
  /// same block, after every operand; and either a call lies between
  /// `origin` and `at`, or the value consumes a value of the block that the
  /// source computed there too (a load, a call's result, or a value itself
  /// built at its source's place). Built at the use instead, a chain
  /// `s += c[k] * x[k]` would keep every loaded `x[k]` live until the end of
  /// the chain (docs/pipeline.md, "Elaboration").
  bool atOrigin(Instruction *origin, ArrayRef<Value *> kids, Instruction *at) const {
    if (!origin || origin->getParent() != at->getParent() || isa<PHINode>(origin)) return false;
    Position o = position_.lookup(origin), u = position_.lookup(at);
    if (o.index >= u.index) return false;
    bool consumesInPlace = false;
    for (Value *k : kids) {
      auto *ki = dyn_cast<Instruction>(k);
      if (!ki || ki->getParent() != at->getParent()) continue;
      // A created instruction sits just before its anchor, after the ones
      // created there earlier: before `origin` if anchored at it or above.
      Position p = position_.lookup(ki);
      if (p.created ? p.index > o.index : p.index >= o.index) return false;
      consumesInPlace |= p.created ? p.atSource : !isa<PHINode>(ki);
    }
    return o.callsBefore != u.callsBefore || consumesInPlace;
  }

  /// The depth of the loop that computes `v`; 0 for arguments and constants.
  unsigned loopDepth(Value *v) const {
    auto *i = dyn_cast<Instruction>(v);
    return i ? li_.getLoopDepth(i->getParent()) : 0;
  }

  Value *create(const ENode &n, ArrayRef<Value *> k) {
    Type *ty = lf_.tables->types[n.type];
    FastMathFlags fmf = ir::decodeFMF(n.flags);
    auto setIntFlags = [&](Value *v) {
      auto *inst = dyn_cast<Instruction>(v);
      if (!inst) return v;
      if (isa<OverflowingBinaryOperator>(inst)) {
        inst->setHasNoUnsignedWrap(n.flags & ir::NUW);
        inst->setHasNoSignedWrap(n.flags & ir::NSW);
      }
      if (isa<PossiblyExactOperator>(inst)) inst->setIsExact(n.flags & ir::Exact);
      if (auto *pd = dyn_cast<PossiblyDisjointInst>(inst))
        pd->setIsDisjoint(n.flags & ir::Disjoint);
      if (auto *nn = dyn_cast<PossiblyNonNegInst>(inst)) nn->setNonNeg(n.flags & ir::NNeg);
      if (auto *tr = dyn_cast<TruncInst>(inst)) {
        tr->setHasNoUnsignedWrap(n.flags & ir::NUW);
        tr->setHasNoSignedWrap(n.flags & ir::NSW);
      }
      if (auto *ic = dyn_cast<ICmpInst>(inst)) ic->setSameSign(n.flags & ir::SameSign);
      if (isa<FPMathOperator>(inst)) inst->setFastMathFlags(fmf);
      return v;
    };
    if (auto opc = lang_.opcodeOf(n.op)) {
      // A commutative operator takes the operand that varies in a deeper
      // loop first, as LLVM's Reassociate ranks them: x86's two-address
      // forms overwrite the first operand, and a loop-invariant one lives on.
      if (Instruction::isCommutative(*opc) && loopDepth(k[0]) < loopDepth(k[1]))
        return setIntFlags(builder_.CreateBinOp(Instruction::BinaryOps(*opc), k[1], k[0]));
      return setIntFlags(builder_.CreateBinOp(Instruction::BinaryOps(*opc), k[0], k[1]));
    }
    if (auto pred = lang_.predicateOf(n.op)) {
      Value *v = CmpInst::isIntPredicate(*pred) ? builder_.CreateICmp(*pred, k[0], k[1])
                                                : builder_.CreateFCmp(*pred, k[0], k[1]);
      return setIntFlags(v);
    }
    if (auto cop = lang_.castOf(n.op)) return setIntFlags(builder_.CreateCast(*cop, k[0], ty));
    if (n.op == lang_.FNeg) return setIntFlags(builder_.CreateFNeg(k[0]));
    if (n.op == lang_.Select) return setIntFlags(builder_.CreateSelect(k[0], k[1], k[2]));
    if (n.op == lang_.Freeze) return builder_.CreateFreeze(k[0]);
    if (n.op == lang_.PtrAdd)
      return builder_.CreatePtrAdd(k[0], k[1], "", GEPNoWrapFlags::fromRaw(n.flags));
    if (n.op == lang_.ExtractElement) return builder_.CreateExtractElement(k[0], k[1]);
    if (n.op == lang_.InsertElement) return builder_.CreateInsertElement(k[0], k[1], k[2]);
    if (n.op == lang_.Shuffle)
      return builder_.CreateShuffleVector(k[0], k[1], lf_.tables->masks[n.payload]);
    assert(lang_.isIntrin(n.op));
    auto *callee = cast<Function>(lf_.tables->constants[n.payload]);
    CallInst *call = builder_.CreateCall(callee->getFunctionType(), callee, k);
    return setIntFlags(call);
  }

  /// Whether another record of r's variable sits between r (attached to
  /// `from`) and the end of `to`: moving r past it would show a stale value.
  static bool variableChangesBetween(const DbgVariableRecord *r, Instruction *from,
                                     Instruction *to) {
    for (Instruction *i = from; i; i = i->getNextNode()) {
      for (DbgVariableRecord &other : filterDbgVars(i->getDbgRecordRange()))
        if (&other != r && other.getVariable() == r->getVariable()) return true;
      if (i == to) break;
    }
    return false;
  }

  /// Orders `records` (findDbgUsers gives use-list order) so that records
  /// at one instruction keep their order there when they move together.
  static void sortByPosition(SmallVectorImpl<DbgVariableRecord *> &records) {
    if (records.size() < 2) return;
    DenseMap<const DbgMarker *, unsigned> markerRank;
    auto key = [&](DbgVariableRecord *r) {
      unsigned indexInMarker = 0;
      for (DbgRecord &other : r->getMarker()->getDbgRecordRange()) {
        if (&other == r) break;
        ++indexInMarker;
      }
      return std::make_pair(markerRank.try_emplace(r->getMarker(), markerRank.size()).first->second,
                            indexInMarker);
    };
    SmallVector<std::pair<std::pair<unsigned, unsigned>, DbgVariableRecord *>, 4> keyed;
    for (DbgVariableRecord *r : records) keyed.push_back({key(r), r});
    llvm::stable_sort(keyed, llvm::less_first());
    for (size_t k = 0; k < keyed.size(); ++k) records[k] = keyed[k].second;
  }

  /// Erases the lifted instructions. Debug records that described one follow
  /// its class's new value: directly when the value is available at the
  /// record, moved down to just after the value when it is computed later in
  /// the record's block; otherwise they lose their location, as LLVM's passes
  /// do for values they delete.
  void eraseLifted() {
    SmallVector<DbgVariableRecord *, 4> records;
    DenseMap<Instruction *, DbgRecord *> lastMoved;
    for (size_t i = 0; i < lf_.pure.size(); ++i) {
      Instruction *old = lf_.pure[i];
      records.clear();
      findDbgUsers(old, records);
      if (records.empty()) continue;
      sortByPosition(records);
      ClassId c = g_.find(lf_.pureClass[i]);
      for (DbgVariableRecord *r : records) {
        if (r->getNumVariableLocationOps() != 1) {
          r->setKillLocation();
          continue;
        }
        Instruction *pos = r->getMarker()->MarkedInstr;
        Value *replacement = nullptr;
        Instruction *moveAfter = nullptr;
        if (pos) {
          BasicBlock *bb = pos->getParent();
          auto available = [&](Value *v) {
            auto *vi = dyn_cast<Instruction>(v);
            if (!vi) return true;
            if (vi->getParent() != bb) return dominates(vi->getParent(), bb);
            return vi->comesBefore(pos);
          };
          auto consider = [&](Value *v) {
            if (replacement) return;
            if (available(v)) {
              replacement = v;
            } else if (auto *vi = dyn_cast<Instruction>(v); vi && vi->getParent() == bb &&
                                                            !vi->isTerminator() &&
                                                            !variableChangesBetween(r, pos, vi)) {
              replacement = v;
              moveAfter = vi;
            }
          };
          if (auto it = placed_.find(c); it != placed_.end())
            for (auto &[where, v] : it->second) consider(v);
          if (const ENode *best = ex_.best(c); best && best->kids.empty())
            consider(leafValue(*best));
        }
        if (!replacement) {
          r->setKillLocation();
          continue;
        }
        r->replaceVariableLocationOp(old, replacement);
        if (moveAfter) {
          // Records moved to one place keep their original order.
          r->removeFromParent();
          DbgRecord *&last = lastMoved[moveAfter];
          if (last)
            r->insertAfter(last);
          else
            moveAfter->getParent()->insertDbgRecordAfter(r, moveAfter);
          last = r;
        }
      }
    }
    for (Instruction *old : lf_.pure) old->dropAllReferences();
    for (Instruction *old : lf_.pure) {
      if (!old->use_empty()) old->replaceAllUsesWith(PoisonValue::get(old->getType()));
      old->eraseFromParent();
      stats_.add(Erased);
    }
  }

  ir::LiftedFunction &lf_;
  const extract::Extractor &ex_;
  const eg::EGraph &g_;
  const ir::IRLanguage &lang_;
  Function &fn_;
  DominatorTree dt_;
  LoopInfo li_;
  IRBuilder<> builder_;
  DenseMap<ClassId, Instruction *> origin_;
  /// Where an instruction stands in its block, without Instruction's order
  /// numbers (each insertion would renumber the block: quadratic in long
  /// ones). Lifted and skeleton instructions: their index and the calls
  /// (not intrinsics) before them; created ones: those of the instruction
  /// they were inserted before.
  struct Position {
    unsigned index = 0, callsBefore = 0;
    bool created = false;
    bool atSource = false; // created at its source's place (atOrigin)
  };
  DenseMap<const Instruction *, Position> position_;
  DenseMap<Instruction *, SmallVector<ir::SkeletonUse, 2>> uses_;
  DenseMap<BasicBlock *, SmallVector<ir::SkeletonUse, 4>> phiUses_;
  DenseMap<ClassId, SmallVector<std::pair<BasicBlock *, Value *>, 1>> placed_;
  std::vector<std::pair<Instruction *, Instruction *>> named_;
  eg::Statistics &stats_;
};

} // namespace

void elaborate(ir::LiftedFunction &lf, const extract::Extractor &ex, eg::Statistics &stats) {
  Elaborator(lf, ex, stats).run();
}

} // namespace egopt::lower
