#include "OverflowChecks.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/LazyValueInfo.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

namespace egopt::passes {
using namespace llvm;

namespace {

bool cannotOverflow(WithOverflowInst &call, LazyValueInfo &lvi) {
  ConstantRange lhs = lvi.getConstantRangeAtUse(call.getOperandUse(0), /*UndefAllowed=*/false);
  ConstantRange rhs = lvi.getConstantRangeAtUse(call.getOperandUse(1), /*UndefAllowed=*/false);
  return ConstantRange::makeGuaranteedNoWrapRegion(call.getBinaryOp(), rhs, call.getNoWrapKind())
      .contains(lhs);
}

/// The call becomes `{op, false}`: each `extractvalue` of it takes its part,
/// any other use (the pair returned whole) a rebuilt pair.
void replace(WithOverflowInst &call) {
  auto *op = BinaryOperator::Create(call.getBinaryOp(), call.getLHS(), call.getRHS(),
                                    call.getName(), call.getIterator());
  if (call.isSigned())
    op->setHasNoSignedWrap();
  else
    op->setHasNoUnsignedWrap();
  op->setDebugLoc(call.getDebugLoc());
  Constant *noOverflow = ConstantInt::getFalse(call.getContext());
  SmallVector<User *, 4> users(call.users());
  Value *pair = nullptr;
  for (User *u : users) {
    auto *part = dyn_cast<ExtractValueInst>(u);
    if (part && part->getNumIndices() == 1) {
      part->replaceAllUsesWith(part->getIndices()[0] == 0 ? static_cast<Value *>(op) : noOverflow);
      part->eraseFromParent();
      continue;
    }
    if (!pair) {
      auto *first =
          InsertValueInst::Create(PoisonValue::get(call.getType()), op, 0, "", call.getIterator());
      pair = InsertValueInst::Create(first, noOverflow, 1, "", call.getIterator());
    }
    u->replaceUsesOfWith(&call, pair);
  }
  call.eraseFromParent();
}

} // namespace

size_t removeImpossibleOverflowChecks(Function &f, FunctionAnalysisManager &fam) {
  SmallVector<WithOverflowInst *, 8> calls;
  for (Instruction &i : instructions(f))
    if (auto *call = dyn_cast<WithOverflowInst>(&i);
        call && !call->getLHS()->getType()->isVectorTy())
      calls.push_back(call);
  if (calls.empty()) return 0;
  auto &lvi = fam.getResult<LazyValueAnalysis>(f);
  size_t removed = 0;
  for (WithOverflowInst *call : calls) {
    if (!cannotOverflow(*call, lvi)) continue;
    // The call's users change and it goes: LVI must forget what it cached.
    lvi.forgetValue(call);
    replace(*call);
    ++removed;
  }
  return removed;
}

} // namespace egopt::passes
