//===- BranchFolding.h - Branches on constants, and the blocks they orphan ===//
//
// After the e-graph run, before elaboration: a conditional `br` or a `switch`
// whose condition is a constant (a forwarded load can make it one) or a class
// holding an `iconst` e-node (the constant-folding analysis found its value;
// every e-node of the class computes it) becomes
// an unconditional `br` to the target taken; the successors no longer taken
// lose the phi entries for this block. Blocks no longer reachable from the
// entry are then deleted, with their lifted instructions and skeleton uses,
// so elaboration never sees them. Phis keep single entries (they stay
// skeleton values the e-graph refers to); LLVM's codegen folds them.
// Nothing is folded in a function where a block to delete has its address
// taken (a `blockaddress` refers to it).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/lift/Lifter.h"

#include <cstddef>

namespace egopt::lower {

/// Makes branches and switches on a constant class unconditional and deletes
/// the blocks that leaves unreachable; counts both into `stats`.
void foldConstantBranches(ir::LiftedFunction &lf, eg::Statistics &stats);

} // namespace egopt::lower
