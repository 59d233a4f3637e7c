//===- IRCost.h - A first cost model for LLVM IR e-nodes ------------------===//
//
// Rough per-operation latencies: the costs of the first extractor, kept as
// the fallback of the TTI cost table (TTICost.h) where TargetTransformInfo has
// no answer (freeze, or an invalid cost). Leaves (constants, arguments,
// skeleton results) cost nothing: they need no instruction.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/Extractor.h"
#include "egopt/lift/IRLanguage.h"

namespace egopt::extract {

Cost irNodeCost(const eg::ENode &n);

} // namespace egopt::extract
