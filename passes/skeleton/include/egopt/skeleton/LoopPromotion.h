//===- LoopPromotion.h - Memory a loop keeps in a register -----------------===//
//
// A skeleton optimization, run on the IR of one function before it is lifted,
// and again after LLVM's late unroller on the functions it changed (a loop
// whose inner loop it unrolled fully is innermost only then; LLVM's pipeline
// runs LICM after its unroller: pipeline/lib/LoopUnrolling.cpp).
// In an innermost loop, a location at a loop-invariant address that the loop
// loads and stores, and that nothing else in the loop may touch (alias
// analysis), is kept in a register: loaded once before the loop, carried in
// a phi, and stored once on each exit (LLVM's LICM calls this scalar
// promotion). flac's autocorrelation adds into `autoc[j]` for each sample;
// with the lags unrolled, each `autoc[j]` is one promoted accumulator. A load
// of memory nothing in the loop writes, run in every iteration, is hoisted
// before the loop (flac's residual filter reads `qlp_coeff[k]` per sample).
// The e-graph sees values, not memory, so this is done on the skeleton.
//
// When it is sound: a store to the location runs in every iteration that
// completes or exits (its block dominates the latch and every exiting
// block), and every instruction of the loop passes control on
// (`isGuaranteedToTransferExecutionToSuccessor`: nothing throws, exits or
// loops inside), so the location is written whenever the loop is entered:
// the load before the loop cannot trap where the program did not, and the
// stores on the exits write only where the loop would have. An exit that
// the path around the loop shares (`for (i = 0; i < n; i++)` as clang emits
// it) is split first, as LLVM's loop-simplify form has it, so the stores
// run only after the loop; the dominator tree and loop info are kept up to
// date, other analyses are not (`exitsSplit`). Loops whose exits are EH
// pads are left alone, and so are loops with more than
// kMaxMemoryInstructions memory instructions (the alias queries grow with
// their square).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

struct LoopPromotionStats {
  size_t promoted = 0;     ///< locations kept in a register
  size_t hoistedLoads = 0; ///< loads of memory the loop only reads, hoisted
  size_t exitsSplit = 0;   ///< loops given exits of their own (the CFG changed)
};

/// Promotes and hoists what it may in the innermost loops of `loops`.
LoopPromotionStats promoteLoopMemory(llvm::LoopInfo &loops, llvm::DominatorTree &dt,
                                     llvm::AAResults &aa);

} // namespace egopt::passes
