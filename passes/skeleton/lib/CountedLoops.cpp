#include "egopt/skeleton/CountedLoops.h"

#include "OverflowChecks.h"
#include "PhiBranches.h"

#include "llvm/Analysis/LoopInfo.h"

namespace egopt::passes {
using namespace llvm;

EGOPT_STATISTIC(CountedLoopOverflowChecks, "07-loops.unroll", "unroll_overflow_checks_removed",
                "overflow checks removed before the full unroller (its guard rules them out)");
EGOPT_STATISTIC(CountedLoopPhiBranches, "07-loops.unroll", "unroll_phi_branches_threaded",
                "branches on an Option tag threaded before the full unroller");

PreservedAnalyses CountedLoops::run(Function &f, FunctionAnalysisManager &fam) {
  // Only loops gain: elsewhere both steps wait for the skeleton.
  if (fam.getResult<LoopAnalysis>(f).empty()) return PreservedAnalyses::all();
  size_t overflowChecks = removeImpossibleOverflowChecks(f, fam);
  // Only Option tags: threading C's cleanup switches this early, before
  // the callers are inlined and the loops rotated, cost lz4 2% and zstd 1%
  // (docs/quality.md); the skeleton threads those later.
  size_t threaded = threadPhiBranches(f, PhiBranchScope::OptionTags);
  if (stats_) {
    stats_->add(CountedLoopOverflowChecks, overflowChecks);
    stats_->add(CountedLoopPhiBranches, threaded);
  }
  return overflowChecks + threaded ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace egopt::passes
