//===- ControlFlowCleanup.cpp - LLVM's simplifycfg after the e-graph -------===//
//
// The pre-passes' simplifycfg saw every load and value as written; the
// e-graph and the skeleton then merged loads and values, so a chain of
// branches on copies of one byte (`c == '\n'`, then `c == ' '`, ...) is
// now a chain on one value, which simplifycfg turns into a `switch` and
// code generation into a jump table or a bit test. Run last, after the
// vectorizers and the unroller, with LLVM's default options less block
// speculation: a branch extraction kept stays a branch (docs/pipeline.md,
// "After the e-graph", has the options measured). Between two runs, edges
// whose branches decide a join's test are threaded past it (the skeleton's
// step, docs/skeleton.md): the e-graph has merged what they compare.
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "egopt/skeleton/SkeletonOptimizer.h"

#include "llvm/Transforms/Scalar/SimplifyCFG.h"

namespace egopt {
using namespace llvm;

EGOPT_STATISTIC(CleanedUpFunctions, "06-lower.cfg", "cfg_cleaned_up_functions",
                "functions simplifycfg changed after the e-graph");

void cleanUpControlFlow(ArrayRef<Function *> functions, FunctionAnalysisManager &fam,
                        eg::Statistics &stats) {
  SimplifyCFGPass simplify(SimplifyCFGOptions().speculateBlocks(false));
  forEachFunction(functions, fam, [&](Function &f) {
    bool changed = !simplify.run(f, fam).areAllPreserved();
    if (passes::threadDecidedBranches(f, stats)) {
      fam.invalidate(f, PreservedAnalyses::none());
      simplify.run(f, fam);
      changed = true;
    }
    if (changed) stats.add(CleanedUpFunctions);
  });
}

} // namespace egopt
