//===- SmallLoopUnroll.h - Full unrolling, where it can act ----------------===//
//
// LLVM's full unrolling at -O2 accepts a loop whose unrolled size is under
// 150 (its -O3 threshold is 300). LLVM measures after instcombine and GVN
// have shrunk the body; egopt unrolls before the e-graph has, so the same
// loop looks bigger here. At -O2 this pass gives the innermost loops with a
// small constant trip count whose unrolled size, by LLVM's own estimate, is
// under `kSmallLoopUnrolledSize` the `llvm.loop.unroll.full` hint, which the
// full-unroll pass then honours; every other loop keeps LLVM's decision.
//
// It then runs the unroller and what cleans up after it only on functions
// with a loop the unroller may fully unroll (see mayFullyUnroll). Elsewhere
// the loop pass manager's canonical forms (loop-simplify, LCSSA) and the
// unroller's analyses cost compile time for nothing: on xz, 9 in 10 of the
// functions with loops have none the unroller could act on.
// docs/loop-passes.md has the measurements behind both.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Statistic.h"

#include "llvm/IR/PassManager.h"

namespace egopt::passes {

/// Between LLVM's -O2 (150) and -O3 (300) thresholds: zstd's Huffman loops
/// of 4 to 8 symbols fit, and 300 grew code and compile time for almost no
/// fewer instructions (docs/loop-passes.md has the figures).
inline constexpr unsigned kSmallLoopUnrolledSize = 200;

class SmallLoopUnroll : public llvm::PassInfoMixin<SmallLoopUnroll> {
public:
  /// `unrollAndCleanUp`: LLVM's full-unroll loop pass and what follows it.
  /// `stats`, when given, counts what the pass did (loops hinted,
  /// functions unrolled or skipped); a pass manager runs one function pass
  /// at a time, so the pass's copies may share it.
  SmallLoopUnroll(unsigned optLevel, llvm::FunctionPassManager unrollAndCleanUp,
                  eg::Statistics *stats = nullptr)
      : optLevel_(optLevel), unrollAndCleanUp_(std::move(unrollAndCleanUp)), stats_(stats) {}
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);

private:
  unsigned optLevel_;
  llvm::FunctionPassManager unrollAndCleanUp_;
  eg::Statistics *stats_;
};

} // namespace egopt::passes
