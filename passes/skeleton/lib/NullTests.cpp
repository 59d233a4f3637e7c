#include "NullTests.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/LazyValueInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/Transforms/Utils/Local.h"

namespace egopt::passes {
using namespace llvm;
using namespace llvm::PatternMatch;

namespace {

using Builder = IRBuilderBase;

/// How far a test follows selects, phis and getelementptrs. LLVM's value
/// tracking stops at the same depth (MaxAnalysisRecursionDepth): Rust's
/// iterators nest two or three such values.
constexpr unsigned kMaxDepth = 6;

class NullTestFolder {
public:
  explicit NullTestFolder(Function &f) : f_(f), dl_(f.getDataLayout()) {}

  /// Without LVI: rewrites the tests of `f` it can; returns how many.
  size_t run();
  /// With LVI, asked of `fam` only when `f` has a pointer test left: each
  /// use of a test of a pointer against null that the use's place decides
  /// (a loop's guard and its latch share one invariant test) takes the
  /// constant; returns how many uses.
  size_t runAtUses(FunctionAnalysisManager &fam);

private:
  /// The pointer `cmp` tests against null (through a `ptrtoint` to the
  /// pointer's width), or nullptr.
  Value *testedPointer(ICmpInst &cmp) const;
  /// `f`'s tests against null with their pointers; only pointer compares
  /// when `pointerOnly` (not a `ptrtoint`'s).
  SmallVector<std::pair<ICmpInst *, Value *>, 16> tests(bool pointerOnly) const;
  /// "`p` is null" (`null` true) or "`p` is not null", folded, built
  /// before `b`'s insertion point; nullptr when nothing folds.
  Value *test(Value *p, bool null, Builder &b, unsigned depth);
  /// Whether `p` is non-null wherever `cxt` runs. `assumed` holds the phis
  /// whose proof is under way: on a cycle through one the induction holds
  /// (every value entering the cycle is non-null, every step keeps it so).
  bool nonNull(Value *p, Instruction *cxt, SmallPtrSetImpl<PHINode *> &assumed, unsigned depth);
  bool inBoundsOfObject(const GEPOperator &gep) const {
    return gep.isInBounds() && !NullPointerIsDefined(&f_, gep.getPointerAddressSpace());
  }

  Function &f_;
  LazyValueInfo *lvi_ = nullptr;
  const DataLayout &dl_;
};

Value *NullTestFolder::testedPointer(ICmpInst &cmp) const {
  if (!cmp.isEquality() || cmp.getType()->isVectorTy()) return nullptr;
  Value *lhs = cmp.getOperand(0), *rhs = cmp.getOperand(1);
  if (isa<Constant>(lhs)) std::swap(lhs, rhs);
  auto *zero = dyn_cast<Constant>(rhs);
  if (!zero || !zero->isNullValue()) return nullptr;
  Value *p = lhs;
  if (auto *cast = dyn_cast<PtrToIntInst>(lhs)) {
    p = cast->getPointerOperand();
    if (dl_.getTypeSizeInBits(p->getType()) != dl_.getTypeSizeInBits(cast->getType()))
      return nullptr;
  }
  if (!p->getType()->isPointerTy()) return nullptr;
  if (NullPointerIsDefined(&f_, p->getType()->getPointerAddressSpace())) return nullptr;
  return p;
}

bool NullTestFolder::nonNull(Value *p, Instruction *cxt, SmallPtrSetImpl<PHINode *> &assumed,
                             unsigned depth) {
  if (isa<ConstantPointerNull>(p)) return false;
  // Arguments marked nonnull, allocas, globals, `gep inbounds` by a
  // non-zero constant, loads marked `!nonnull`.
  if (isKnownNonZero(p, SimplifyQuery(dl_, cxt))) return true;
  if (depth < kMaxDepth) {
    if (auto *gep = dyn_cast<GEPOperator>(p); gep && inBoundsOfObject(*gep))
      return nonNull(gep->getPointerOperand(), cxt, assumed, depth + 1);
    if (auto *sel = dyn_cast<SelectInst>(p))
      return nonNull(sel->getTrueValue(), cxt, assumed, depth + 1) &&
             nonNull(sel->getFalseValue(), cxt, assumed, depth + 1);
    if (auto *phi = dyn_cast<PHINode>(p)) {
      if (!assumed.insert(phi).second) return true;
      for (unsigned i = 0; i < phi->getNumIncomingValues(); ++i)
        if (!nonNull(phi->getIncomingValue(i), phi->getIncomingBlock(i)->getTerminator(), assumed,
                     depth + 1))
          return false;
      return true;
    }
  }
  if (!lvi_ || !cxt) return false;
  auto *null = ConstantPointerNull::get(cast<PointerType>(p->getType()));
  Constant *eq = lvi_->getPredicateAt(CmpInst::ICMP_EQ, p, null, cxt, /*UseBlockValue=*/true);
  return eq && eq->isZeroValue();
}

/// `!c`: a compare is inverted (a new one, its users may need `c`).
Value *negate(Value *c, Builder &b) {
  if (auto *cmp = dyn_cast<CmpInst>(c))
    return b.CreateCmp(cmp->getInversePredicate(), cmp->getOperand(0), cmp->getOperand(1));
  return b.CreateNot(c);
}

/// `select c, t, f` of i1s in LLVM's canonical spellings: a constant arm
/// makes it `c`, `!c`, `c || f` (`select c, true, f`) or `c && t`
/// (`select c, t, false`), the forms lazy value info and edge selects read.
Value *combine(Value *c, Value *t, Value *f, Builder &b) {
  if (t == f) return t;
  if (match(t, m_One()) && match(f, m_Zero())) return c;
  if (match(t, m_Zero()) && match(f, m_One())) return negate(c, b);
  if (match(t, m_One())) return b.CreateLogicalOr(c, f);
  if (match(f, m_Zero())) return b.CreateLogicalAnd(c, t);
  if (match(t, m_Zero())) return b.CreateLogicalAnd(negate(c, b), f);
  if (match(f, m_One())) return b.CreateLogicalOr(negate(c, b), t);
  return b.CreateSelect(c, t, f);
}

Value *NullTestFolder::test(Value *p, bool null, Builder &b, unsigned depth) {
  auto *nullPtr = ConstantPointerNull::get(cast<PointerType>(p->getType()));
  auto compare = [&](Value *q) {
    return b.CreateICmp(null ? CmpInst::ICMP_EQ : CmpInst::ICMP_NE, q, nullPtr);
  };
  if (isa<ConstantPointerNull>(p)) return b.getInt1(null);
  SmallPtrSet<PHINode *, 8> assumed;
  if (nonNull(p, &*b.GetInsertPoint(), assumed, 0)) return b.getInt1(!null);
  if (depth >= kMaxDepth) return nullptr;
  if (auto *gep = dyn_cast<GEPOperator>(p); gep && inBoundsOfObject(*gep)) {
    Value *base = gep->getPointerOperand();
    if (Value *folded = test(base, null, b, depth + 1)) return folded;
    return compare(base);
  }
  auto *sel = dyn_cast<SelectInst>(p);
  if (!sel) return nullptr;
  Value *onTrue = test(sel->getTrueValue(), null, b, depth + 1);
  Value *onFalse = test(sel->getFalseValue(), null, b, depth + 1);
  // Only where an arm folds to a constant: a select of two tests would
  // grow the code.
  if (!isa_and_present<Constant>(onTrue) && !isa_and_present<Constant>(onFalse)) return nullptr;
  if (!onTrue) onTrue = compare(sel->getTrueValue());
  if (!onFalse) onFalse = compare(sel->getFalseValue());
  return combine(sel->getCondition(), onTrue, onFalse, b);
}

/// Whether `cmp` tests its pointer through a `ptrtoint` (its operands are
/// integers), whichever side the `ptrtoint` stands on.
bool throughInteger(const ICmpInst &cmp) { return !cmp.getOperand(0)->getType()->isPointerTy(); }

SmallVector<std::pair<ICmpInst *, Value *>, 16> NullTestFolder::tests(bool pointerOnly) const {
  SmallVector<std::pair<ICmpInst *, Value *>, 16> found;
  for (Instruction &i : instructions(f_))
    if (auto *cmp = dyn_cast<ICmpInst>(&i))
      if (Value *p = testedPointer(*cmp); p && !(pointerOnly && throughInteger(*cmp)))
        found.push_back({cmp, p});
  return found;
}

size_t NullTestFolder::run() {
  size_t folded = 0;
  // What a test built and then did not use (an arm of a select whose other
  // arm did not fold) is deleted at the end.
  SmallVector<WeakTrackingVH, 16> built;
  IRBuilder<ConstantFolder, IRBuilderCallbackInserter> b(
      f_.getContext(), ConstantFolder(),
      IRBuilderCallbackInserter([&](Instruction *i) { built.push_back(i); }));
  for (auto [cmp, p] : tests(/*pointerOnly=*/false)) {
    b.SetInsertPoint(cmp);
    bool null = cmp->getPredicate() == CmpInst::ICMP_EQ;
    Value *result = test(p, null, b, 0);
    // A `ptrtoint` test becomes a pointer test even when nothing folds:
    // LVI and the second round read pointer tests only.
    if (!result && !throughInteger(*cmp)) continue;
    if (!result)
      result = b.CreateICmp(cmp->getPredicate(), p,
                            ConstantPointerNull::get(cast<PointerType>(p->getType())));
    cmp->replaceAllUsesWith(result);
    RecursivelyDeleteTriviallyDeadInstructions(cmp);
    ++folded;
  }
  for (WeakTrackingVH &v : built)
    if (auto *i = dyn_cast_or_null<Instruction>(v)) RecursivelyDeleteTriviallyDeadInstructions(i);
  return folded;
}

/// An `Option`'s tag read from the select that made it: `trunc` to i1, or a
/// compare with a constant, of `select c, K1, K2` is `c`, `!c` or a
/// constant. A negation only conditional branches use swaps their
/// successors instead, so lazy value info and edge selects read `c`.
size_t foldTagTests(Function &f) {
  SmallVector<Instruction *, 16> tests;
  for (Instruction &i : instructions(f)) {
    if (!i.getType()->isIntegerTy(1)) continue;
    auto *sel = dyn_cast<SelectInst>(i.getOperand(0));
    if (!sel || !isa<ConstantInt>(sel->getTrueValue()) || !isa<ConstantInt>(sel->getFalseValue()))
      continue;
    if (isa<TruncInst>(i) || (isa<ICmpInst>(i) && isa<ConstantInt>(i.getOperand(1))))
      tests.push_back(&i);
  }
  size_t folded = 0;
  for (Instruction *test : tests) {
    auto *sel = cast<SelectInst>(test->getOperand(0));
    auto arm = [&](Value *k) {
      const APInt &v = cast<ConstantInt>(k)->getValue();
      if (isa<TruncInst>(test)) return v[0];
      auto *cmp = cast<ICmpInst>(test);
      return ICmpInst::compare(v, cast<ConstantInt>(cmp->getOperand(1))->getValue(),
                               cmp->getPredicate());
    };
    bool onTrue = arm(sel->getTrueValue()), onFalse = arm(sel->getFalseValue());
    Value *c = sel->getCondition();
    IRBuilder<> b(test);
    Value *result;
    if (onTrue == onFalse) {
      result = b.getInt1(onTrue);
    } else if (onTrue) {
      result = c;
    } else if (all_of(test->users(), [](User *u) {
                 auto *br = dyn_cast<BranchInst>(u);
                 return br && br->isConditional();
               })) {
      for (User *u : test->users()) cast<BranchInst>(u)->swapSuccessors();
      result = c;
    } else {
      result = negate(c, b);
    }
    test->replaceAllUsesWith(result);
    RecursivelyDeleteTriviallyDeadInstructions(test);
    ++folded;
  }
  return folded;
}

size_t NullTestFolder::runAtUses(FunctionAnalysisManager &fam) {
  auto pointerTests = tests(/*pointerOnly=*/true);
  if (pointerTests.empty()) return 0;
  lvi_ = &fam.getResult<LazyValueAnalysis>(f_);
  size_t folded = 0;
  SmallSetVector<SelectInst *, 8> decided;
  for (auto [cmp, p] : pointerTests) {
    Constant *whenNonNull =
        ConstantInt::getBool(cmp->getType(), cmp->getPredicate() == CmpInst::ICMP_NE);
    for (Use &u : make_early_inc_range(cmp->uses())) {
      auto *user = cast<Instruction>(u.getUser());
      Instruction *cxt = user;
      if (auto *phi = dyn_cast<PHINode>(user)) cxt = phi->getIncomingBlock(u)->getTerminator();
      SmallPtrSet<PHINode *, 8> assumed;
      if (!nonNull(p, cxt, assumed, 0)) continue;
      u.set(whenNonNull);
      ++folded;
      if (auto *sel = dyn_cast<SelectInst>(user); sel && sel->getType()->isIntegerTy(1))
        decided.insert(sel);
    }
    if (cmp->use_empty()) {
      lvi_->forgetValue(cmp);
      cmp->eraseFromParent();
    }
  }
  // A logical `and`/`or` left with two constant arms is its condition.
  for (SelectInst *sel : decided) {
    auto *t = dyn_cast<ConstantInt>(sel->getTrueValue());
    auto *f = dyn_cast<ConstantInt>(sel->getFalseValue());
    if (!t || !f) continue;
    IRBuilder<> b(sel);
    Value *v = combine(sel->getCondition(), t, f, b);
    lvi_->forgetValue(sel);
    sel->replaceAllUsesWith(v);
    sel->eraseFromParent();
  }
  return folded;
}

/// `extractvalue` of an `insertvalue` chain (or of a constant) is the
/// inserted value; returns how many were folded.
size_t foldExtractValues(Function &f) {
  size_t folded = 0;
  SmallVector<ExtractValueInst *, 16> extracts;
  for (Instruction &i : instructions(f))
    if (auto *ev = dyn_cast<ExtractValueInst>(&i)) extracts.push_back(ev);
  for (ExtractValueInst *ev : extracts) {
    Value *v = FindInsertedValue(ev->getAggregateOperand(), ev->getIndices());
    if (!v || v == ev) continue;
    ev->replaceAllUsesWith(v);
    RecursivelyDeleteTriviallyDeadInstructions(ev);
    ++folded;
  }
  return folded;
}

} // namespace

NullTestsFolded foldNullTests(Function &f, FunctionAnalysisManager &fam) {
  NullTestsFolded done;
  done.extracts = foldExtractValues(f);
  // First without LVI: a test a later one dominates reads, rewritten, as
  // the condition LVI needs (the loop's own test on its back edge).
  done.tests = NullTestFolder(f).run();
  done.tests += foldTagTests(f);
  done.tests += NullTestFolder(f).runAtUses(fam);
  return done;
}

} // namespace egopt::passes
