//===- LoadForwarding.h - Loads whose value is already known --------------===//
//
// A skeleton optimization, run on the IR of one function before it is lifted.
// A simple (non-volatile, non-atomic) load is replaced by a value it must
// read:
//   - the value of the store MemorySSA's walker finds as the load's nearest
//     clobber, when that store is simple, writes the same type and must-alias
//     the load's location (store-to-load forwarding);
//   - an earlier load of the same type from the same address (the same base
//     and constant offset, the base's expression numbered structurally, see
//     ExpressionNumbering.h) that dominates it and has the same nearest
//     clobber: no write may reach the location between the two (redundant
//     load).
// The load's uses are pointed at the value and the load is erased, so the
// e-graph lifts its users over the value's class (it sees `x + 1` where it
// would have seen `skel(load) + 1`): the equality reaches the e-graph without
// a `skel` leaf that extraction could pick at a point the value does not reach.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/Analysis/MemorySSA.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

struct LoadForwardingStats {
  size_t fromStores = 0; ///< loads replaced by the value a store wrote
  size_t fromLoads = 0;  ///< loads replaced by an earlier load's value
  /// Address expressions deeper than ExpressionNumbering::kMaxDepth.
  size_t addressDepthLimitHits = 0;
};

/// Replaces the uses of the loads whose value is known and erases them.
/// Keeps `mssa` up to date (the erased loads' accesses are removed).
LoadForwardingStats forwardLoads(llvm::Function &f, llvm::MemorySSA &mssa, llvm::AAResults &aa,
                                 const llvm::DominatorTree &dt);

} // namespace egopt::passes
