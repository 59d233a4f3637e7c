//===- SmallLoopUnroll.h - Full-unroll hints for small counted loops ------===//
//
// LLVM's full unrolling at -O2 accepts a loop whose unrolled size is under
// 150 (its -O3 threshold is 300). LLVM measures after instcombine and GVN
// have shrunk the body; egopt unrolls before the e-graph has, so the same
// loop looks bigger here. This pass gives the innermost loops with a small
// constant trip count whose unrolled size, by LLVM's own estimate, is under
// `kSmallLoopUnrolledSize` the `llvm.loop.unroll.full` hint, which the
// full-unroll pass then honours; every other loop keeps LLVM's decision.
// docs/pipeline.md, "Loop passes", has the measurements behind the limit.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/PassManager.h"

namespace egopt {

/// Between LLVM's -O2 (150) and -O3 (300) thresholds: zstd's Huffman loops
/// of 4 to 8 symbols fit; at 300, xz's code grows 5% and its compile time
/// 7-10% for 0.1% fewer instructions.
inline constexpr unsigned kSmallLoopUnrolledSize = 200;

struct SmallLoopUnrollHints : llvm::PassInfoMixin<SmallLoopUnrollHints> {
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);
};

} // namespace egopt
