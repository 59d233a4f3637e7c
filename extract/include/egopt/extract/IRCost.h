//===- IRCost.h - A first cost model for LLVM IR e-nodes ------------------===//
//
// Rough per-operation latencies, used until extraction asks the target's
// TargetTransformInfo (a later step). Leaves (constants, arguments, skeleton
// results) cost nothing: they need no instruction.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/GreedyExtractor.h"
#include "egopt/lift/IRLanguage.h"

namespace egopt::extract {

Cost irNodeCost(const eg::ENode &n);

} // namespace egopt::extract
