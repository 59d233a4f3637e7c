//===- Selection.h - Measuring and checking an extractor's choice ---------===//
//
// An extractor's choice, read as a graph: each class points to the classes of
// its chosen e-node's children. What elaboration builds is the part reachable
// from the skeleton's uses, each class once (it is reused where it
// dominates), so that part's cost is the sum of its classes' own costs: the
// DAG cost, by which extractors are compared.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/Extractor.h"

#include "llvm/ADT/ArrayRef.h"

namespace egopt::extract {

/// The DAG cost of the choice reachable from `roots`: every reached class's
/// chosen e-node costed once. kInfiniteCost if a reached class has no choice.
Cost dagCost(const eg::EGraph &g, const Extractor &ex, llvm::ArrayRef<eg::ClassId> roots,
             NodeCostFn cost);

/// Whether the choice reachable from `roots` has no cycle (elaboration
/// would not terminate on one).
bool isAcyclic(const eg::EGraph &g, const Extractor &ex, llvm::ArrayRef<eg::ClassId> roots);

} // namespace egopt::extract
