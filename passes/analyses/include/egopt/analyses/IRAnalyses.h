//===- IRAnalyses.h - The e-class analyses of LLVM IR, registered once -----===//
//
// Every e-graph of a lifted function carries the same analyses: integer
// constants (ConstantFold.h), known bits (KnownBitsAnalysis.h) and ranges
// (RangeAnalysis.h). The rules' predicates read them (Predicates.cpp); one
// missing turns the predicates that need it off without a word, so the
// pipeline and the tests add them through this one function. A new analysis
// is added here.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/EGraph.h"
#include "egopt/lift/Lifter.h"

namespace egopt::passes {

/// Adds the analyses to `g` (empty: before its first e-node). They keep a
/// reference to `tables`, which must outlive the e-graph.
void addIRAnalyses(eg::EGraph &g, const ir::IRTables &tables);

} // namespace egopt::passes
