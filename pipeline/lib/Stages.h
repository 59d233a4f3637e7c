//===- Stages.h - The pipeline's stages, as compileModule calls them -------===//
//
// docs/pipeline.md draws the data flow; each stage is one file:
//   PrePasses.cpp        LLVM's pre-passes and lowerings, on the whole module
//   FunctionPipeline.cpp per module (or codegen unit): prepare each function
//                        (skip policy, skeleton optimizations), lift, rewrite,
//                        extract (functions in parallel), fold branches,
//                        elaborate, verify
//   LoopPolicy.cpp       which loops LLVM's vectorizer may widen, after that
//   StraightLineVectorizer.cpp  then LLVM's SLP vectorizer, where it pays
//   LoopUnrolling.cpp    then LLVM's partial and runtime loop unrolling
//   ControlFlowCleanup.cpp  then LLVM's simplifycfg, on what the e-graph merged
//   Units.cpp            codegen units: split, each unit optimized and
//                        compiled in parallel, in its own context
//   Join.cpp             the units' objects joined with `ld.lld -r`
//   ExtraPasses.cpp      an experiment's own LLVM passes (--extra-*-passes)
// Pipeline.cpp strings them together (compileModule, optimizeModule).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/Pipeline.h"
#include "egopt/lower/CodegenUnits.h"
#include "egopt/skeleton/SkeletonOptimizer.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <tbb/global_control.h>

#include <chrono>
#include <optional>

namespace egopt {

using Clock = std::chrono::steady_clock;
inline double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}
inline llvm::Error errorf(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// The threads to run with: -j N may ask for more than the machine has
/// (oneTBB would otherwise cap its workers and warn).
struct ThreadLimit {
  explicit ThreadLimit(unsigned threads) {
    if (threads) control.emplace(tbb::global_control::max_allowed_parallelism, threads);
  }
  std::optional<tbb::global_control> control;
};

// Timers every stage adds to (declared in Stats.cpp, in report order).
extern const eg::Statistic PrePassSeconds, SplitSeconds, PrepareSeconds, EGraphSeconds,
    ExtractSeconds, LowerSeconds, CodegenSeconds, UnitsWallSeconds, JoinSeconds, TotalSeconds;

/// PrePasses.cpp: the pre-passes for `opts.optLevel` on the whole module,
/// then `opts.extraPrePasses`; an error when that text is not a pipeline.
llvm::Error runPrePasses(llvm::Module &m, const Options &opts, llvm::TargetMachine *tm,
                         eg::Statistics &stats);

/// ExtraPasses.cpp: an experiment's own passes (Options::extraPrePasses,
/// extraPostPasses). checkExtraPasses: an error when either text is not a
/// pipeline, before any work; the other two assume it passed.
llvm::Error checkExtraPasses(const Options &opts);
llvm::Error addExtraPrePasses(llvm::PassBuilder &pb, llvm::ModulePassManager &mpm,
                              llvm::StringRef text);
void runExtraPostPasses(llvm::ArrayRef<llvm::Function *> functions, const Options &opts,
                        llvm::TargetMachine *tm);

/// FunctionPipeline.cpp: the e-graph on every function of `m`, in place.
/// `tm`: the unit's target (costs, vectorization); null: LLVM's default
/// costs and no vectorization.
llvm::Error optimizeFunctions(llvm::Module &m, const Options &opts, eg::Statistics &stats,
                              llvm::TargetMachine *tm);

/// FunctionPipeline.cpp: the same work on one function, in the inliner's
/// walk (WalkSimplify in PrePasses.cpp): `skeleton` is the walk's.
llvm::Error simplifyFunction(llvm::Function &f, passes::SkeletonOptimizer &skeleton,
                             const Options &opts, eg::Statistics &stats, llvm::TargetMachine *tm);

/// Runs `body` on each of `functions`, then drops `fam`'s analyses of that
/// function: the stages after lowering each run one LLVM pass over a unit's
/// functions, and share one analysis manager.
template <typename Body>
void forEachFunction(llvm::ArrayRef<llvm::Function *> functions, llvm::FunctionAnalysisManager &fam,
                     Body &&body) {
  for (llvm::Function *f : functions) {
    body(*f);
    fam.clear(*f, f->getName());
  }
}

/// LoopPolicy.cpp: each top-level loop of `f` in LLVM's simplified form (a
/// preheader, one latch, dedicated exits), and in LCSSA form when `lcssa`,
/// as the vectorizer and the unroller want them; updates `fam`'s loop info,
/// dominator tree and scalar evolution.
void formLoops(llvm::Function &f, llvm::FunctionAnalysisManager &fam, bool lcssa);

/// LoopPolicy.cpp: LLVM's loop vectorizer on the lowered functions, on the
/// loops egopt lets it widen; counts the functions it changed. `fam`: the
/// unit's target's analyses (the vectorizers' cost models need the target);
/// each function's are dropped once it is done.
void vectorizeLoops(llvm::ArrayRef<llvm::Function *> functions, llvm::FunctionAnalysisManager &fam,
                    eg::Statistics &stats);

/// StraightLineVectorizer.cpp: LLVM's SLP vectorizer on the lowered
/// functions that compute with floating-point values, after the loop
/// vectorizer; counts the functions it changed.
void vectorizeStraightLine(llvm::ArrayRef<llvm::Function *> functions,
                           llvm::FunctionAnalysisManager &fam, eg::Statistics &stats);

/// LoopUnrolling.cpp: LLVM's partial and runtime loop unroller on the
/// lowered functions that have loops, after the vectorizers; counts the
/// functions whose loops it repeated.
void unrollLoops(llvm::ArrayRef<llvm::Function *> functions, llvm::FunctionAnalysisManager &fam,
                 eg::Statistics &stats);

/// Units.cpp: optimizes and compiles `m` as `plan`'s units (more than one),
/// in parallel; one output per unit, in unit order.
llvm::Error compileUnits(llvm::Module &m, const lower::CGUPlan &plan, const Options &opts,
                         const lower::CodegenOptions &cg, Stats &stats,
                         std::vector<llvm::SmallVector<char, 0>> &unitOutputs);

/// Join.cpp: the relocatable objects joined into one with `ld.lld -r`.
llvm::Error joinObjects(const std::vector<llvm::SmallVector<char, 0>> &objects,
                        const std::string &lld, llvm::SmallVectorImpl<char> &out);

/// ControlFlowCleanup.cpp: LLVM's simplifycfg on each of `functions`, after
/// the e-graph (branch chains on one merged value become switches).
void cleanUpControlFlow(llvm::ArrayRef<llvm::Function *> functions,
                        llvm::FunctionAnalysisManager &fam, eg::Statistics &stats);

} // namespace egopt
