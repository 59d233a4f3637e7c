//===- DeadLoops.h - Loops left only counting, deleted --------------------===//
//
// After loop promotion a loop may do nothing but count: Rust's
// `GenericArray` builder zeroes its bytes (a memset since loop idiom
// recognition) and counts them in a field, which promotion keeps in a
// register. The count after the loop is a value scalar evolution knows
// (start + trip count × step): its uses after the loop take it, computed
// before the loop, and a loop left without effects or results is deleted. This is the part
// of LLVM's induction-variable simplification (exit values) and loop
// deletion that promotion makes necessary; the e-graph cannot count a loop.
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/IR/Dominators.h"

#include <cstddef>

namespace egopt::passes {

struct DeadLoopStats {
  size_t exitValues = 0; ///< uses after a loop given the value it ends with
  size_t deleted = 0;    ///< loops deleted
};

/// Does both on the innermost loops of `li`, keeping `dt`, `se` and `li`
/// up to date.
DeadLoopStats deleteCountingLoops(llvm::LoopInfo &li, llvm::DominatorTree &dt,
                                  llvm::ScalarEvolution &se);

} // namespace egopt::passes
