#include "egopt/SmallLoopUnroll.h"

#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/CodeMetrics.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Utils/UnrollLoop.h"

namespace egopt {
using namespace llvm;

PreservedAnalyses SmallLoopUnrollHints::run(Function &f, FunctionAnalysisManager &fam) {
  auto &li = fam.getResult<LoopAnalysis>(f);
  if (li.empty()) return PreservedAnalyses::all();
  auto &se = fam.getResult<ScalarEvolutionAnalysis>(f);
  auto &tti = fam.getResult<TargetIRAnalysis>(f);
  auto &ac = fam.getResult<AssumptionAnalysis>(f);
  auto &ore = fam.getResult<OptimizationRemarkEmitterAnalysis>(f);
  for (Loop *l : li.getLoopsInPreorder()) {
    // A loop the source already says how to unroll keeps that.
    if (!l->isInnermost() || hasUnrollTransformation(l) != TM_Unspecified) continue;
    unsigned tripCount = se.getSmallConstantTripCount(l);
    if (tripCount == 0) continue;
    TargetTransformInfo::UnrollingPreferences up = gatherUnrollingPreferences(
        l, se, tti, /*BFI=*/nullptr, /*PSI=*/nullptr, ore, /*OptLevel=*/2, std::nullopt,
        std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    if (tripCount > up.FullUnrollMaxCount) continue;
    SmallPtrSet<const Value *, 32> ephemeral;
    CodeMetrics::collectEphemeralValues(l, &ac, ephemeral);
    UnrollCostEstimator cost(l, tti, ephemeral, up.BEInsns);
    if (!cost.canUnroll() || cost.getUnrolledLoopSize(up, tripCount) >= kSmallLoopUnrolledSize)
      continue;
    addStringMetadataToLoop(l, "llvm.loop.unroll.full");
  }
  // Loop metadata only: no analysis changes.
  return PreservedAnalyses::all();
}

} // namespace egopt
