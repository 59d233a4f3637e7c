//===- Extractor.h - What elaboration asks of an extractor ----------------===//
//
// An extractor chooses one e-node per e-class; elaboration builds the chosen
// e-nodes, children first. Two implementations: GreedyExtractor (cheapest
// tree per class) and DagExtractor (cheapest shared selection), see
// docs/extraction.md.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/EGraph.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>

namespace egopt::extract {

using Cost = uint64_t;
inline constexpr Cost kInfiniteCost = UINT64_MAX;

/// Adds two costs, saturating below kInfiniteCost (which means "no choice").
inline Cost addCost(Cost a, Cost b) {
  if (a == kInfiniteCost || b == kInfiniteCost) return kInfiniteCost;
  return a + b < a ? kInfiniteCost - 1 : a + b;
}

/// An e-node's own cost in root class `cls` (its children are added by the
/// extractor). Called for the class's e-nodes in place, so an implementation
/// may weigh the class (by loop depth) as well as the e-node.
using NodeCostFn = llvm::function_ref<Cost(eg::ClassId cls, const eg::ENode &)>;

enum class ExtractorKind { Dag, Greedy };

/// What an e-node costs on its own (its children are the extractor's
/// business): TTICostTable (TTICost.h) is the pipeline's. Another model is
/// a subclass, built where the pipeline builds the table
/// (pipeline/lib/FunctionPipeline.cpp); extraction takes any.
class CostModel {
public:
  virtual ~CostModel() = default;
  /// The e-node's own cost; 0 for leaves. Called from several threads.
  virtual Cost cost(const eg::ENode &n) const = 0;
};

class Extractor {
public:
  virtual ~Extractor() = default;
  /// The chosen e-node of `cls`'s class (children canonical), or nullptr when
  /// no e-node of the class has a finite cost.
  virtual const eg::ENode *best(eg::ClassId cls) const = 0;
  /// The cost of the class's chosen term, by the extractor's own measure
  /// (tree cost for the greedy extractor, shared-DAG cost for the DAG one).
  virtual Cost cost(eg::ClassId cls) const = 0;
};

} // namespace egopt::extract
