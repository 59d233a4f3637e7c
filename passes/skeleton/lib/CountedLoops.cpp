#include "egopt/skeleton/CountedLoops.h"

#include "EdgeSelects.h"
#include "NullTests.h"
#include "OverflowChecks.h"
#include "PhiBranches.h"

#include "llvm/Analysis/LoopInfo.h"

namespace egopt::passes {
using namespace llvm;

EGOPT_STATISTIC(CountedLoopOverflowChecks, "07-loops.unroll", "unroll_overflow_checks_removed",
                "overflow checks removed before the full unroller (its guard rules them out)");
EGOPT_STATISTIC(CountedLoopNullTests, "07-loops.unroll", "unroll_null_tests_folded",
                "tests of pointers against null folded before the full unroller");
EGOPT_STATISTIC(CountedLoopEdgeSelects, "07-loops.unroll", "unroll_edge_selects",
                "selects a phi receives along a deciding edge, before the full unroller");
EGOPT_STATISTIC(RotatedNullTests, "07-loops.rotate", "rotated_null_tests_folded",
                "tests of pointers against null folded after loop rotation");
EGOPT_STATISTIC(RotatedEdgeSelects, "07-loops.rotate", "rotated_edge_selects",
                "selects a phi receives along a deciding edge, after loop rotation");
EGOPT_STATISTIC(CountedLoopPhiBranches, "07-loops.unroll", "unroll_phi_branches_threaded",
                "branches on an Option tag threaded before the full unroller");

PreservedAnalyses CountedLoops::run(Function &f, FunctionAnalysisManager &fam) {
  // Only loops gain: elsewhere both steps wait for the skeleton.
  if (fam.getResult<LoopAnalysis>(f).empty()) return PreservedAnalyses::all();
  // First the `Option<&T>` tests: the loop's exit is then the iterator's
  // own compare, and the back edge's select of the next pointer its
  // `else` arm (edge selects).
  NullTestsFolded nullTests = foldNullTests(f, fam);
  size_t edgeSelects = nullTests.tests ? simplifyEdgeSelects(f) : 0;
  size_t overflowChecks = removeImpossibleOverflowChecks(f, fam);
  // Only Option tags: threading C's cleanup switches this early, before
  // the callers are inlined and the loops rotated, cost lz4 2% and zstd 1%
  // (docs/quality.md); the skeleton threads those later.
  size_t threaded = threadPhiBranches(f, PhiBranchScope::OptionTags);
  if (stats_) {
    stats_->add(CountedLoopNullTests, nullTests.tests);
    stats_->add(CountedLoopEdgeSelects, edgeSelects);
    stats_->add(CountedLoopOverflowChecks, overflowChecks);
    stats_->add(CountedLoopPhiBranches, threaded);
  }
  bool changed = nullTests.any() || edgeSelects + overflowChecks + threaded;
  return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

PreservedAnalyses RotatedLoopTests::run(Function &f, FunctionAnalysisManager &fam) {
  if (fam.getResult<LoopAnalysis>(f).empty()) return PreservedAnalyses::all();
  NullTestsFolded nullTests = foldNullTests(f, fam);
  // Always: the back edge's select of the next pointer is decided by the
  // latch's branch only now that the loop is rotated, also where the
  // null tests were folded before the full unroller.
  size_t edgeSelects = simplifyEdgeSelects(f);
  if (stats_) {
    stats_->add(RotatedNullTests, nullTests.tests);
    stats_->add(RotatedEdgeSelects, edgeSelects);
  }
  if (!nullTests.any() && !edgeSelects) return PreservedAnalyses::all();
  // The control flow is the same: the loops and their dominator trees stay.
  PreservedAnalyses kept;
  kept.preserveSet<CFGAnalyses>();
  return kept;
}

} // namespace egopt::passes
