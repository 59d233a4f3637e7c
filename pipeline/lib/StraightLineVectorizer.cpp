//===- StraightLineVectorizer.cpp - LLVM's SLP vectorizer, where it pays ---===//
//
// After the loop vectorizer, at -O2 and up (docs/loop-passes.md).
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Vectorize/SLPVectorizer.h"

namespace egopt {
using namespace llvm;

EGOPT_STATISTIC(SLPFunctions, "07-loops.vectorize", "slp_vectorized_functions",
                "functions LLVM's straight-line (SLP) vectorizer changed");
EGOPT_STATISTIC(SLPSkipped, "07-loops.vectorize", "slp_skipped_functions",
                "functions without floating-point arithmetic, not given to the SLP vectorizer");

namespace {

/// Whether `f` has floating-point values (arithmetic, `llvm.fmuladd`,
/// conversions, loads). The SLP vectorizer paid
/// on the corpus where independent floating-point chains sit side by side
/// (FLAC's unrolled autocorrelation, Opus's filters); on integer code it
/// cost compile time (zstd's `o2` flavor: 6%) for almost nothing
/// (docs/loop-passes.md).
bool computesFloats(Function &f) {
  for (Instruction &i : instructions(f))
    if (i.getType()->isFPOrFPVectorTy()) return true;
  return false;
}

} // namespace

void vectorizeStraightLine(ArrayRef<Function *> functions, FunctionAnalysisManager &fam,
                           eg::Statistics &stats) {
  SLPVectorizerPass slp;
  forEachFunction(functions, fam, [&](Function &f) {
    if (!computesFloats(f)) {
      stats.add(SLPSkipped);
      return;
    }
    // No InstCombine after it, unlike after the loop vectorizer: it was
    // measured to help only through scalar folds the e-graph should make
    // (docs/loop-passes.md).
    if (!slp.run(f, fam).areAllPreserved()) stats.add(SLPFunctions);
  });
}

} // namespace egopt
