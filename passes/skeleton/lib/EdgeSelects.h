//===- EdgeSelects.h - Selects a phi receives along a deciding edge -------===//
//
// `x = select c, a, b` flowing into a phi along an edge taken only when c is
// true (the branch condition is c, or `c && d` as `select c, d, false` or
// `and c, d`) is `a` on that edge; on an edge taken only when c is false (c,
// or `c || d`) it is `b`. c's negation (`!c`, the inverse compare) counts
// the other way, and the deciding edge may be up to 4 blocks above the
// phi's along single predecessors (a loop's preheader below its guard).
// SimplifyCFG makes such selects when it speculates a short-circuit:
// `while (p() && --n != 0)` becomes `n' = select p, n-1, n` feeding the back
// edge, which is only taken when p holds. A per-function e-graph sees
// values, not edges, so this is done on the skeleton before lifting.
// Sound: branching on poison is undefined, so on the edge c is not poison
// and has the value the edge implies.
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Replaces such phi operands in `f`; returns how many.
size_t simplifyEdgeSelects(llvm::Function &f);

} // namespace egopt::passes
