//===- LoopUnrolling.cpp - LLVM's partial and runtime loop unrolling -------===//
//
// After the vectorizers, at -O2 and up (docs/loop-passes.md).
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "egopt/skeleton/LoopPromotion.h"

#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Transforms/Scalar/LoopUnrollPass.h"

namespace egopt {
using namespace llvm;

EGOPT_STATISTIC(UnrolledFunctions, "07-loops.unroll", "runtime_unrolled_functions",
                "functions whose loops LLVM's partial and runtime unroller changed");
EGOPT_STATISTIC(PromotedAfterUnrolling, "07-loops.unroll", "promoted_after_unrolling",
                "locations kept in a register across a loop the unroller made innermost");

/// LLVM's loop unroller as its -O2 pipeline runs it after the vectorizers:
/// loops whose trip count is unknown get their body repeated (up to the
/// target's loop buffer, for x86 a few dozen micro-operations) with a
/// remainder loop for the leftover iterations. A short hash or checksum loop
/// (`h = (h ^ *p++) * k`) then runs a test and an increment per four bytes
/// instead of per byte. Loops whose trip count the e-graph made constant, or
/// that were over the pre-passes' limit (SmallLoopUnroll.h), may be unrolled
/// fully here, by LLVM's own cost model: on the tuning half that bought
/// expat and FLAC's `o2` flavor 1 to 2% more than partial unrolling alone
/// (docs/loop-passes.md).
///
/// Where it changed a function, scalar promotion runs again (LoopPromotion.h),
/// as LLVM's pipeline runs LICM after its unroller: a loop whose inner loop
/// was unrolled fully here is innermost only now (FLAC's 16-lag
/// autocorrelation keeps its sums in registers).
///
/// No InstCombine after it, unlike LLVM's pipeline: the copies' offsets
/// (`p + i + 1`, `p + i + 2`, ...) are what code generation folds into
/// addressing modes, and the remainder's trip count is one `and`.
void unrollLoops(ArrayRef<Function *> functions, FunctionAnalysisManager &fam,
                 eg::Statistics &stats) {
  LoopUnrollPass unroll(
      LoopUnrollOptions(/*OptLevel=*/2, /*OnlyWhenForced=*/false, /*ForgetSCEV=*/false));
  forEachFunction(functions, fam, [&](Function &f) {
    // A function without loops is skipped before the unroller's analyses.
    if (fam.getResult<LoopAnalysis>(f).empty()) return;
    // The loop form the unroller makes first (a preheader, dedicated exits,
    // LCSSA), made here, so that what it adds after is the repeated body.
    formLoops(f, fam, /*lcssa=*/true);
    size_t before = f.getInstructionCount();
    PreservedAnalyses kept = unroll.run(f, fam);
    if (f.getInstructionCount() <= before) return;
    stats.add(UnrolledFunctions);
    fam.invalidate(f, kept);
    passes::LoopPromotionStats lp = passes::promoteLoopMemory(
        fam.getResult<LoopAnalysis>(f), fam.getResult<DominatorTreeAnalysis>(f),
        fam.getResult<AAManager>(f));
    stats.add(PromotedAfterUnrolling, lp.promoted);
  });
}

} // namespace egopt
