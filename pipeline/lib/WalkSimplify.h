//===- WalkSimplify.h - The e-graph inside the inliner's walk --------------===//
//
// LLVM's inliner walks the call graph bottom-up and judges each call by the
// callee's size as it is then. In LLVM's own pipeline the callee has been
// through its whole function simplification pipeline by that time; here the
// skeleton and the e-graph play that part, so a callee is judged simplified
// (docs/pipeline.md, "Pre-passes"). The e-graph runs again on every function
// after the walk, in its codegen unit: inlining exposes new folds.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/Pipeline.h"
#include "egopt/skeleton/SkeletonOptimizer.h"

#include "llvm/IR/PassManager.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace egopt {

class WalkSimplify : public llvm::PassInfoMixin<WalkSimplify> {
public:
  /// `stats` counts the functions simplified; `firstError` receives the
  /// first failure (a function invalid after lowering), and the pass does
  /// nothing more once one is there.
  WalkSimplify(const Options &opts, llvm::TargetMachine *tm, eg::Statistics &stats,
               std::shared_ptr<std::string> firstError);
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);

private:
  const Options *opts_;
  llvm::TargetMachine *tm_;
  eg::Statistics *stats_;
  std::shared_ptr<std::string> firstError_;
  /// Shared by the pass manager's copies of the pass: one analysis manager.
  std::shared_ptr<passes::SkeletonOptimizer> skeleton_;
};

} // namespace egopt
