//===- ExtraPasses.cpp - An experiment's own LLVM passes -------------------===//
//
// `--extra-pre-passes` and `--extra-post-passes` (docs/pipeline.md,
// "Experiments"): LLVM passes in opt's -passes syntax, before lifting on the
// whole module, and after lowering (and the vectorizer) on each function.
// For measuring what a pass would buy before it becomes part of a level.
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "egopt/llvm/AnalysisManagers.h"

#include "llvm/Passes/PassBuilder.h"

namespace egopt {
using namespace llvm;

Error addExtraPrePasses(PassBuilder &pb, ModulePassManager &mpm, StringRef text) {
  if (text.empty()) return Error::success();
  if (Error e = pb.parsePassPipeline(mpm, text))
    return createStringError("--extra-pre-passes: " + toString(std::move(e)));
  return Error::success();
}

Error checkExtraPasses(const Options &opts) {
  PassBuilder pb;
  ModulePassManager mpm;
  if (Error e = addExtraPrePasses(pb, mpm, opts.extraPrePasses)) return e;
  FunctionPassManager fpm;
  if (!opts.extraPostPasses.empty())
    if (Error e = pb.parsePassPipeline(fpm, opts.extraPostPasses))
      return createStringError("--extra-post-passes: " + toString(std::move(e)));
  return Error::success();
}

void runExtraPostPasses(ArrayRef<Function *> functions, const Options &opts, TargetMachine *tm) {
  if (opts.extraPostPasses.empty()) return;
  passes::AnalysisManagers am(tm);
  PassBuilder pb(tm);
  FunctionPassManager fpm;
  // checkExtraPasses accepted the text before anything ran.
  cantFail(pb.parsePassPipeline(fpm, opts.extraPostPasses));
  for (Function *f : functions) fpm.run(*f, am.fam);
}

} // namespace egopt
