#include "egopt/lift/Lifter.h"

#include "LiftStatistics.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

namespace egopt::ir {
using namespace llvm;
using eg::ClassId;
using eg::ENode;
using eg::kNoClass;

EGOPT_STATISTIC(PureInstructions, "03-lift", "pure_instructions",
                "instructions lifted into the e-graph");
EGOPT_STATISTIC(SkeletonInstructions, "03-lift", "skeleton_instructions",
                "instructions kept in the skeleton");
EGOPT_KEYED_STATISTIC(SkeletonByOpcode, "03-lift", "skeleton_by_opcode", "  skeleton: ");
extern const eg::Statistic PhisFolded("03-lift", "phis_folded",
                                      "phis whose incoming values are one class, folded");

uint32_t IRTables::typeId(Type *t) {
  auto [it, inserted] = typeIds.try_emplace(t, uint32_t(types.size()));
  if (inserted) types.push_back(t);
  return it->second;
}

uint32_t IRTables::constantId(Constant *c) {
  auto [it, inserted] = constantIds.try_emplace(c, uint32_t(constants.size()));
  if (inserted) constants.push_back(c);
  return it->second;
}

uint32_t IRTables::maskId(ArrayRef<int> mask) {
  auto [it, inserted] =
      maskIds.try_emplace(std::vector<int>(mask.begin(), mask.end()), uint32_t(masks.size()));
  if (inserted) masks.emplace_back(mask.begin(), mask.end());
  return it->second;
}

namespace {

/// Types the e-graph carries: first-class, sized, fixed-width values.
bool isLiftableType(Type *t) {
  if (auto *vt = dyn_cast<VectorType>(t)) {
    if (isa<ScalableVectorType>(vt)) return false;
    t = vt->getElementType();
  }
  return t->isIntegerTy() || t->isFloatingPointTy() || t->isPointerTy();
}

class Lifter {
public:
  Lifter(Function &fn, const AnalysisSetup &setup)
      : fn_(fn), lang_(IRLanguage::get()), dl_(fn.getDataLayout()) {
    out_.fn = &fn;
    out_.tables = std::make_unique<IRTables>();
    out_.egraph = std::make_unique<eg::EGraph>(lang_);
    out_.egraph->setLanguageContext(out_.tables.get());
    // i1 is type 0 in every function (IRTables::kBoolType): rules may create
    // comparisons, and interning must not happen while rules run.
    out_.tables->typeId(Type::getInt1Ty(fn.getContext()));
    if (setup) setup(*out_.egraph, *out_.tables);
  }

  LiftedFunction run() {
    ReversePostOrderTraversal<Function *> rpo(&fn_);
    for (BasicBlock *bb : rpo)
      for (Instruction &inst : *bb) {
        if (tryLiftPure(inst)) continue;
        if (auto *phi = dyn_cast<PHINode>(&inst); phi && tryFoldPhi(*phi)) continue;
        addSkeleton(inst);
      }
    // Skeleton operands that are pure values, now that every value is known.
    for (BasicBlock *bb : rpo)
      for (Instruction &inst : *bb) {
        if (pureSet_.count(&inst)) continue;
        for (unsigned i = 0, e = inst.getNumOperands(); i < e; ++i)
          if (auto *def = dyn_cast<Instruction>(inst.getOperand(i)))
            if (pureSet_.count(def))
              out_.uses.push_back({&inst, i, out_.egraph->find(valueClass_[def])});
      }
    return std::move(out_);
  }

private:
  eg::EGraph &g() { return *out_.egraph; }
  uint32_t typeId(Type *t) { return out_.tables->typeId(t); }

  /// The class of an operand, or kNoClass when it cannot enter the e-graph.
  ClassId operandClass(Value *v) {
    if (auto *inst = dyn_cast<Instruction>(v)) {
      auto it = valueClass_.find(inst);
      return it == valueClass_.end() ? kNoClass : it->second;
    }
    if (!isLiftableType(v->getType())) return kNoClass;
    if (auto *arg = dyn_cast<Argument>(v)) {
      ENode n;
      n.op = lang_.Arg;
      n.type = typeId(v->getType());
      n.payload = arg->getArgNo();
      return g().add(n);
    }
    if (auto *c = dyn_cast<Constant>(v)) return g().add(constantNode(*out_.tables, *c));
    return kNoClass;
  }

  bool addOperands(Instruction &inst, ENode &n, unsigned count) {
    for (unsigned i = 0; i < count; ++i) {
      ClassId c = operandClass(inst.getOperand(i));
      if (c == kNoClass) return false;
      n.kids.push_back(c);
    }
    return true;
  }

  static uint16_t intFlags(const Instruction &inst) {
    uint16_t f = 0;
    if (auto *ob = dyn_cast<OverflowingBinaryOperator>(&inst)) {
      if (ob->hasNoUnsignedWrap()) f |= NUW;
      if (ob->hasNoSignedWrap()) f |= NSW;
    }
    if (auto *pe = dyn_cast<PossiblyExactOperator>(&inst); pe && pe->isExact()) f |= Exact;
    if (auto *pd = dyn_cast<PossiblyDisjointInst>(&inst); pd && pd->isDisjoint()) f |= Disjoint;
    if (auto *ic = dyn_cast<ICmpInst>(&inst); ic && ic->hasSameSign()) f |= SameSign;
    if (auto *nn = dyn_cast<PossiblyNonNegInst>(&inst); nn && nn->hasNonNeg()) f |= NNeg;
    if (auto *tr = dyn_cast<TruncInst>(&inst)) {
      if (tr->hasNoUnsignedWrap()) f |= NUW;
      if (tr->hasNoSignedWrap()) f |= NSW;
    }
    if (isa<FPMathOperator>(&inst)) f |= encodeFMF(inst.getFastMathFlags());
    return f;
  }

  /// Division and remainder are pure only with a divisor that cannot trap.
  static bool divisorIsSafe(const BinaryOperator &bo) {
    auto *c = dyn_cast<ConstantInt>(bo.getOperand(1));
    if (!c || c->isZero()) return false;
    bool isSigned = bo.getOpcode() == Instruction::SDiv || bo.getOpcode() == Instruction::SRem;
    return !(isSigned && c->isMinusOne());
  }

  bool tryLiftPure(Instruction &inst) {
    if (!isLiftableType(inst.getType())) return false;
    ENode n;
    n.type = typeId(inst.getType());
    n.flags = intFlags(inst);
    unsigned numOps = inst.getNumOperands();
    if (auto *bo = dyn_cast<BinaryOperator>(&inst)) {
      auto op = lang_.binaryOp(bo->getOpcode());
      if (!op) return false;
      switch (bo->getOpcode()) {
      case Instruction::UDiv:
      case Instruction::SDiv:
      case Instruction::URem:
      case Instruction::SRem:
        if (!divisorIsSafe(*bo)) return false;
        break;
      default: break;
      }
      n.op = *op;
    } else if (isa<UnaryOperator>(inst) && inst.getOpcode() == Instruction::FNeg) {
      n.op = lang_.FNeg;
    } else if (auto *cmp = dyn_cast<CmpInst>(&inst)) {
      n.op = isa<ICmpInst>(cmp) ? lang_.icmp(cmp->getPredicate()) : lang_.fcmp(cmp->getPredicate());
    } else if (isa<SelectInst>(inst)) {
      n.op = lang_.Select;
    } else if (isa<FreezeInst>(inst)) {
      n.op = lang_.Freeze;
    } else if (auto *ci = dyn_cast<CastInst>(&inst)) {
      if (!isLiftableType(ci->getSrcTy())) return false;
      n.op = lang_.cast(ci->getOpcode());
    } else if (auto *gep = dyn_cast<GetElementPtrInst>(&inst)) {
      return liftGEP(*gep);
    } else if (isa<ExtractElementInst>(inst)) {
      n.op = lang_.ExtractElement;
    } else if (isa<InsertElementInst>(inst)) {
      n.op = lang_.InsertElement;
    } else if (auto *sv = dyn_cast<ShuffleVectorInst>(&inst)) {
      n.op = lang_.Shuffle;
      n.payload = out_.tables->maskId(sv->getShuffleMask());
      numOps = 2;
    } else if (auto *call = dyn_cast<IntrinsicInst>(&inst)) {
      if (call->hasOperandBundles() || call->isConvergent() || call->mayReadOrWriteMemory() ||
          !isSafeToSpeculativelyExecute(call) || call->arg_size() == 0 ||
          call->arg_size() > eg::KidArray::kCapacity || call->isMustTailCall())
        return false;
      n.op = lang_.intrin(call->arg_size());
      n.payload = out_.tables->constantId(call->getCalledFunction());
      numOps = call->arg_size();
    } else {
      return false;
    }
    if (!addOperands(inst, n, numOps)) return false;
    record(inst, g().add(std::move(n)));
    return true;
  }

  /// getelementptr becomes `ptradd base, offset`, the offset being the sum of
  /// the scaled indices (sign-extended or truncated to the index width, as
  /// getelementptr does) and the constant part.
  bool liftGEP(GetElementPtrInst &gep) {
    if (gep.getType()->isVectorTy() || !gep.getPointerOperandType()->isPointerTy()) return false;
    unsigned bits = dl_.getIndexTypeSizeInBits(gep.getType());
    SmallMapVector<Value *, APInt, 4> variable;
    APInt constant(bits, 0);
    if (!gep.collectOffset(dl_, bits, variable, constant)) return false;
    ClassId base = operandClass(gep.getPointerOperand());
    if (base == kNoClass) return false;
    Type *idxTy = IntegerType::get(gep.getContext(), bits);
    uint32_t idxTyId = typeId(idxTy);
    auto iconst = [&](const APInt &v) {
      ENode c;
      c.op = lang_.IConst;
      c.type = idxTyId;
      c.payload = static_cast<uint64_t>(v.getSExtValue());
      return g().add(c);
    };
    if (bits > 64) return false;
    // getelementptr's no-wrap flags stay on the ptradd and say how its
    // offset is computed (LangRef): with `nuw` each index times its scale,
    // and each sum of those, does not wrap unsigned; with `nusw` (implied by
    // `inbounds`) the products do not wrap signed. The sums keep only `nuw`:
    // collectOffset adds up the constant indices (and the scales of an
    // index given twice) out of order, which unsigned terms allow and signed
    // ones do not. Lowered, the flags reach LLVM's analyses after the
    // e-graph (scalar evolution) as a typed getelementptr gives them.
    GEPNoWrapFlags nw = gep.getNoWrapFlags();
    unsigned variableIndices =
        count_if(gep.indices(), [](const Use &u) { return !isa<Constant>(u.get()); });
    uint16_t productFlags =
        (nw.hasNoUnsignedWrap() ? ir::NUW : 0) |
        (nw.hasNoUnsignedSignedWrap() && variableIndices == variable.size() ? ir::NSW : 0);
    uint16_t sumFlags = nw.hasNoUnsignedWrap() ? ir::NUW : 0;
    auto binary = [&](eg::Op op, ClassId a, ClassId b, uint16_t flags) {
      ENode n;
      n.op = op;
      n.type = idxTyId;
      n.flags = flags;
      n.kids = {a, b};
      return g().add(n);
    };
    ClassId offset = kNoClass;
    auto accumulate = [&](ClassId term) {
      offset = offset == kNoClass ? term : binary(lang_.Add, offset, term, sumFlags);
    };
    for (auto &[value, scale] : variable) {
      if (value->getType()->isVectorTy()) return false;
      ClassId idx = operandClass(value);
      if (idx == kNoClass) return false;
      unsigned w = value->getType()->getIntegerBitWidth();
      if (w != bits) {
        ENode ext;
        ext.op = lang_.cast(w < bits ? Instruction::SExt : Instruction::Trunc);
        ext.type = idxTyId;
        ext.kids.push_back(idx);
        idx = g().add(ext);
      }
      accumulate(scale.isOne() ? idx : binary(lang_.Mul, idx, iconst(scale), productFlags));
    }
    if (!constant.isZero() || offset == kNoClass) accumulate(iconst(constant));
    ENode n;
    n.op = lang_.PtrAdd;
    n.type = typeId(gep.getType());
    n.flags = static_cast<uint16_t>(gep.getNoWrapFlags().getRaw());
    n.kids = {base, offset};
    record(gep, g().add(n));
    return true;
  }

  void record(Instruction &inst, ClassId c) {
    recordAs(inst, c);
    out_.stats.add(PureInstructions);
  }

  /// `inst` is the value of class `c`: its users are lifted over the class,
  /// and lowering erases it.
  void recordAs(Instruction &inst, ClassId c) {
    valueClass_[&inst] = c;
    pureSet_.insert(&inst);
    out_.pure.push_back(&inst);
    out_.pureClass.push_back(c);
  }

  /// A phi whose incoming values are all one class (or the phi itself) is
  /// that class. The common class's term is available at the end of every
  /// predecessor, so its leaves dominate the phi's block and it can stand for
  /// the phi at every use. An incoming value not lifted yet (a back edge)
  /// leaves the phi in the skeleton.
  bool tryFoldPhi(PHINode &phi) {
    if (!isLiftableType(phi.getType())) return false;
    ClassId same = kNoClass;
    for (Value *v : phi.incoming_values()) {
      if (v == &phi) continue;
      ClassId c = operandClass(v);
      if (c == kNoClass) return false;
      c = g().find(c);
      if (same != kNoClass && c != same) return false;
      same = c;
    }
    if (same == kNoClass) return false;
    recordAs(phi, same);
    out_.stats.add(PhisFolded);
    return true;
  }

  void addSkeleton(Instruction &inst) {
    out_.stats.add(SkeletonInstructions);
    out_.stats.add(SkeletonByOpcode, inst.getOpcodeName());
    if (!isLiftableType(inst.getType())) return;
    ENode n;
    n.op = lang_.Skel;
    n.type = typeId(inst.getType());
    n.payload = out_.tables->skeletonValues.size();
    out_.tables->skeletonIndex[&inst] = out_.tables->skeletonValues.size();
    out_.tables->skeletonValues.push_back(&inst);
    valueClass_[&inst] = g().add(n);
  }

  Function &fn_;
  const IRLanguage &lang_;
  const DataLayout &dl_;
  LiftedFunction out_;
  DenseMap<Instruction *, ClassId> valueClass_;
  SmallPtrSet<Instruction *, 32> pureSet_;
};

} // namespace

std::optional<ENode> leafNode(const IRTables &tables, const Value &v) {
  auto type = tables.typeIds.find(v.getType());
  if (type == tables.typeIds.end()) return std::nullopt;
  ENode n;
  n.type = type->second;
  if (auto *arg = dyn_cast<Argument>(&v)) {
    n.op = IRLanguage::get().Arg;
    n.payload = arg->getArgNo();
    return n;
  }
  auto *inst = dyn_cast<Instruction>(&v);
  auto index = inst ? tables.skeletonIndex.find(inst) : tables.skeletonIndex.end();
  if (index == tables.skeletonIndex.end()) return std::nullopt;
  n.op = IRLanguage::get().Skel;
  n.payload = index->second;
  return n;
}

ENode constantNode(IRTables &tables, const Constant &c) {
  const IRLanguage &lang = IRLanguage::get();
  ENode n;
  n.type = tables.typeId(c.getType());
  if (auto *ci = dyn_cast<ConstantInt>(&c); ci && ci->getBitWidth() <= 64) {
    n.op = lang.IConst;
    n.payload = static_cast<uint64_t>(ci->getSExtValue());
  } else if (auto *cf = dyn_cast<ConstantFP>(&c); cf &&
                                                  cf->getType()->getPrimitiveSizeInBits() <= 64 &&
                                                  !cf->getType()->isX86_FP80Ty()) {
    n.op = lang.FConst;
    n.payload = cf->getValueAPF().bitcastToAPInt().getZExtValue();
  } else {
    n.op = lang.Cst;
    n.payload = tables.constantId(const_cast<Constant *>(&c));
  }
  return n;
}

LiftedFunction liftFunction(Function &fn, const AnalysisSetup &setup) {
  return Lifter(fn, setup).run();
}

} // namespace egopt::ir
