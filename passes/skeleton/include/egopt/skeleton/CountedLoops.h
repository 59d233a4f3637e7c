//===- CountedLoops.h - Iterator loops made countable, before unrolling ---===//
//
// LLVM's full unroller counts a loop with scalar evolution, which cannot see
// through two shapes Rust's `for i in 0..n` leaves after inlining: the
// counter stepped by `checked_add` behind a branch to a panic, and the
// `Option` the iterator returns, whose tag is a phi of 0 and 1 that the loop
// then tests. In LLVM's pipeline correlated value propagation and jump
// threading remove both before the unroller; here two skeleton steps do,
// inside the inliner's walk, just before it: overflow checks the loop's own
// guard rules out (OverflowChecks.h) and branches on an `Option` tag, a phi
// of constants tested through a `trunc` to i1 (PhiBranches.h). Both run
// again in the skeleton before lifting, where every branch on a phi of
// constants is threaded.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Statistic.h"

#include "llvm/IR/PassManager.h"

namespace egopt::passes {

class CountedLoops : public llvm::PassInfoMixin<CountedLoops> {
public:
  /// `stats`, when given, counts what the pass did; a pass manager runs one
  /// function pass at a time, so the pass's copies may share it.
  explicit CountedLoops(eg::Statistics *stats = nullptr) : stats_(stats) {}
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);

private:
  eg::Statistics *stats_;
};

/// After loop rotation, before induction-variable simplification: Rust's
/// slice iterators test the `Option<&T>` their `next` returns against null
/// (NullTests.h). Once the loop is rotated its guard says the start pointer
/// is not null, so the test is the iterator's own compare of its pointer
/// with the end, and the back edge's select of the next pointer its `else`
/// arm (edge selects): a loop scalar evolution counts.
class RotatedLoopTests : public llvm::PassInfoMixin<RotatedLoopTests> {
public:
  explicit RotatedLoopTests(eg::Statistics *stats = nullptr) : stats_(stats) {}
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);

private:
  eg::Statistics *stats_;
};

} // namespace egopt::passes
