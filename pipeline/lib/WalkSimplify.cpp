//===- WalkSimplify.cpp - The e-graph inside the inliner's walk ------------===//
#include "WalkSimplify.h"

#include "Stages.h"

namespace egopt {
using namespace llvm;

EGOPT_STATISTIC(WalkSimplified, "01-functions", "walk_simplified",
                "function visits simplified inside the inliner's walk");

WalkSimplify::WalkSimplify(const Options &opts, TargetMachine *tm, eg::Statistics &stats,
                           std::shared_ptr<std::string> firstError)
    : opts_(&opts), tm_(tm), stats_(&stats), firstError_(std::move(firstError)),
      skeleton_(std::make_shared<passes::SkeletonOptimizer>(opts.skeleton)) {}

PreservedAnalyses WalkSimplify::run(Function &f, FunctionAnalysisManager &) {
  if (!firstError_->empty()) return PreservedAnalyses::all();
  // The walk's counts would double the ones of the e-graph after it (lifted
  // functions, e-nodes, ...): only the visits are counted.
  eg::Statistics scratch;
  if (Error e = simplifyFunction(f, *skeleton_, *opts_, scratch, tm_)) {
    *firstError_ = toString(std::move(e));
    return PreservedAnalyses::none();
  }
  stats_->add(WalkSimplified);
  return PreservedAnalyses::none();
}

} // namespace egopt
