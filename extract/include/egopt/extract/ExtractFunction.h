//===- ExtractFunction.h - Extraction of one lifted function --------------===//
//
// What the pipeline runs per function, on any thread: loop weights from the
// function's LoopInfo, the chosen extractor over the TTI costs times those
// weights, and the DAG cost of its choice (optionally of both extractors'
// choices, for comparing them on the same e-graph).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/Extractor.h"
#include "egopt/extract/TTICost.h"
#include "egopt/lift/Lifter.h"

#include <memory>

namespace egopt::extract {

struct FunctionExtraction {
  std::unique_ptr<Extractor> extractor;
  Cost dagCost = 0; ///< of the choice reachable from the skeleton's uses
  /// With `compare`: the DAG cost of each extractor's choice.
  Cost greedyDagCost = 0, dagExtractorDagCost = 0;
};

FunctionExtraction extractFunction(const ir::LiftedFunction &lf, const CostModel &costs,
                                   ExtractorKind kind, bool compare);

} // namespace egopt::extract
