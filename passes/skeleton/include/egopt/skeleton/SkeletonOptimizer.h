//===- SkeletonOptimizer.h - The skeleton's optimizations, in order -------===//
//
// What runs on the LLVM IR of each function before it is lifted
// (docs/skeleton.md): unreachable blocks removed; selects a phi receives
// along a deciding edge (EdgeSelects.h); calls whose callee returns an
// argument forwarded, and dead instructions deleted (Calls.h); then the
// memory optimizations: small memory intrinsics as scalar loads and stores
// (SmallMemTransfers.h), load forwarding (LoadForwarding.h), dead stores
// (DeadStores.h; a forwarded load no longer separates two stores); loop
// promotion (LoopPromotion.h) and the loops it leaves only counting
// (DeadLoops.h). Before the memory steps: overflow checks a guard rules out
// (OverflowChecks.h) and branches on a phi of constants (PhiBranches.h).
//
// Every optimization is one step of the same shape, listed once, in the
// order they run, in SkeletonOptimizer.cpp, where its counters are declared.
// Alias analysis is LLVM's default function pipeline (BasicAA, TBAA, scoped
// no-alias), through one FunctionAnalysisManager per optimizer; a function's
// analyses are dropped once it is done, since the IR has changed.
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Statistic.h"
#include "egopt/llvm/AnalysisManagers.h"

#include "llvm/IR/Function.h"

namespace egopt::passes {

class SkeletonOptimizer {
public:
  /// `optimize` off: only the steps lifting requires run (unreachable
  /// blocks removed), for measuring what the others buy.
  explicit SkeletonOptimizer(bool optimize = true) : optimize_(optimize) {}
  /// Runs every step on `f`, a definition the e-graph will take.
  void run(llvm::Function &f, eg::Statistics &stats);

private:
  AnalysisManagers am_;
  bool optimize_;
};

/// Deletes the instructions whose result is unused and that have no effect
/// (one of the steps; the pipeline runs it after lowering too, since
/// rewriting can leave a pure call's result unused).
void deleteDeadInstructions(llvm::Function &f, eg::Statistics &stats);

/// Sends the edges into a block whose branch they decide straight to the
/// successor taken (PhiBranches.h; one of the steps, twice). The pipeline
/// runs it after lowering too: the e-graph merges the values that the
/// branches compare, so more edges are decided there.
/// Returns how many edges moved.
size_t threadDecidedBranches(llvm::Function &f, eg::Statistics &stats);

} // namespace egopt::passes
