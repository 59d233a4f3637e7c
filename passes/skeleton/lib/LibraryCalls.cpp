#include "LibraryCalls.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/SimplifyLibCalls.h"

namespace egopt::passes {
using namespace llvm;

/// How often the call a simplification made is offered to the simplifier
/// again, per call of the function: LLVM's chains are two steps long.
constexpr size_t kMaxResimplified = 1;

size_t simplifyLibraryCalls(Function &f, AnalysisManagers &am) {
  // The candidates first: the simplifier adds calls (fwrite, puts) and
  // erases some, which a walk of the blocks must not meet.
  SmallVector<WeakTrackingVH, 16> calls;
  for (Instruction &i : instructions(f))
    if (auto *call = dyn_cast<CallInst>(&i); call && call->getCalledFunction() &&
                                             !call->isNoBuiltin() && !call->isMustTailCall() &&
                                             !call->isNoTailCall())
      calls.push_back(call);
  if (calls.empty()) return 0;

  auto &tli = am.fam.getResult<TargetLibraryAnalysis>(f);
  auto &dt = am.fam.getResult<DominatorTreeAnalysis>(f);
  auto &ac = am.fam.getResult<AssumptionAnalysis>(f);
  OptimizationRemarkEmitter ore(&f);
  SmallPtrSet<Instruction *, 4> erased;
  LibCallSimplifier simplifier(
      f.getDataLayout(), &tli, &dt, /*DC=*/nullptr, &ac, ore, /*BFI=*/nullptr, /*PSI=*/nullptr,
      [](Instruction *from, Value *with) { from->replaceAllUsesWith(with); },
      [&](Instruction *dead) {
        erased.insert(dead);
        dead->eraseFromParent();
      });

  // A simplified call may simplify again (fputs("x") becomes fwrite of one
  // byte, which becomes fputc): each new call goes to the back of the list,
  // which can at most double (kMaxResimplified per original call).
  size_t simplified = 0;
  const size_t limit = calls.size() * (1 + kMaxResimplified);
  for (size_t k = 0; k < calls.size(); ++k) {
    auto *call = dyn_cast_or_null<CallInst>(calls[k]);
    if (!call || erased.contains(call)) continue;
    IRBuilder<> builder(call);
    Value *with = simplifier.optimizeCall(call, builder);
    // The value replaces the call; when it is the call itself, the
    // simplifier changed it in place (attributes it implies: nonnull, ...).
    if (!with || with == call) continue;
    ++simplified;
    call->replaceAllUsesWith(with);
    call->eraseFromParent();
    if (auto *again = dyn_cast<CallInst>(with);
        again && again->getCalledFunction() && calls.size() < limit)
      calls.push_back(again);
  }
  return simplified;
}

} // namespace egopt::passes
