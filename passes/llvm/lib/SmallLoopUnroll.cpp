#include "egopt/llvm/SmallLoopUnroll.h"

#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/CodeMetrics.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Utils/UnrollLoop.h"

namespace egopt::passes {
using namespace llvm;

EGOPT_STATISTIC(LoopsHinted, "07-loops.unroll", "loops_hinted",
                "small counted loops given the full-unroll hint");
EGOPT_STATISTIC(UnrollerRan, "07-loops.unroll", "unroller_ran",
                "functions the full unroller ran on");
EGOPT_STATISTIC(UnrollerSkipped, "07-loops.unroll", "unroller_skipped",
                "functions with loops, none the full unroller could unroll (not run)");

namespace {

/// The smallest exact trip count of any exit of `l` (0: none known), as
/// LLVM's unroller computes it: a search loop with an early exit counts.
unsigned smallestExitTripCount(Loop &l, ScalarEvolution &se) {
  SmallVector<BasicBlock *, 8> exiting;
  l.getExitingBlocks(exiting);
  unsigned smallest = 0;
  for (BasicBlock *b : exiting)
    if (unsigned tc = se.getSmallConstantTripCount(&l, b); tc && (!smallest || tc < smallest))
      smallest = tc;
  return smallest;
}

/// The source's own unroll metadata: LLVM's hasUnrollTransformation does not
/// read `llvm.loop.unroll.full`, which the unroller honours.
bool hasUnrollPragma(const Loop &l) {
  return hasUnrollTransformation(&l) != TM_Unspecified ||
         findOptionMDForLoop(&l, "llvm.loop.unroll.full");
}

} // namespace

PreservedAnalyses SmallLoopUnroll::run(Function &f, FunctionAnalysisManager &fam) {
  auto &li = fam.getResult<LoopAnalysis>(f);
  if (li.empty()) return PreservedAnalyses::all();
  auto &se = fam.getResult<ScalarEvolutionAnalysis>(f);
  auto &tti = fam.getResult<TargetIRAnalysis>(f);
  auto &ac = fam.getResult<AssumptionAnalysis>(f);
  auto &ore = fam.getResult<OptimizationRemarkEmitterAnalysis>(f);

  // Whether LLVM's full unroller may change some loop. It fully unrolls a
  // loop with a known trip count (exact for some exit, or a maximum that is
  // the trip count or zero) whose unrolled size is under its threshold, or,
  // up to `MaxIterationsCountToAnalyze` iterations, whose simulated unrolled
  // cost is under the threshold boosted by up to `MaxPercentThresholdBoost`;
  // or a loop whose source asks for it. (Its full-unroll mode does not peel
  // or unroll partially.)
  bool mayFullyUnroll = false;
  for (Loop *l : li.getLoopsInPreorder()) {
    if (hasUnrollPragma(*l)) {
      mayFullyUnroll = mayFullyUnroll || hasUnrollTransformation(l) != TM_SuppressedByUser;
      continue;
    }
    unsigned tripCount = smallestExitTripCount(*l, se);
    if (!tripCount && se.isBackedgeTakenCountMaxOrZero(l))
      tripCount = se.getSmallConstantMaxTripCount(l);
    if (tripCount == 0) continue;
    TargetTransformInfo::UnrollingPreferences up = gatherUnrollingPreferences(
        l, se, tti, /*BFI=*/nullptr, /*PSI=*/nullptr, ore, int(optLevel_), std::nullopt,
        std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    if (tripCount > up.FullUnrollMaxCount) continue;
    SmallPtrSet<const Value *, 32> ephemeral;
    CodeMetrics::collectEphemeralValues(l, &ac, ephemeral);
    UnrollCostEstimator cost(l, tti, ephemeral, up.BEInsns);
    if (!cost.canUnroll()) continue;
    uint64_t size = cost.getUnrolledLoopSize(up, tripCount);
    // The -O2 hint: the innermost loops only, as the body is what shrinks.
    if (optLevel_ == 2 && l->isInnermost() && size < kSmallLoopUnrolledSize) {
      addStringMetadataToLoop(l, "llvm.loop.unroll.full");
      if (stats_) stats_->add(LoopsHinted);
      mayFullyUnroll = true;
      continue;
    }
    if (size < up.Threshold || tripCount <= up.MaxIterationsCountToAnalyze) mayFullyUnroll = true;
  }
  if (!mayFullyUnroll) {
    if (stats_) stats_->add(UnrollerSkipped);
    // Loop metadata only: no analysis changes.
    return PreservedAnalyses::all();
  }
  if (stats_) stats_->add(UnrollerRan);
  return unrollAndCleanUp_.run(f, fam);
}

} // namespace egopt::passes
