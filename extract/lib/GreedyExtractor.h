//===- GreedyExtractor.h - Cheapest e-node per class, bottom-up -----------===//
//
// The first extractor: each class's cost is the cheapest of its e-nodes, an
// e-node's cost being its own cost plus its children's (tree cost: a shared
// child is counted once per use). Computed as a fixed point over the classes
// in ascending id order, so cycles are harmless (an e-node on a cycle never
// gets a finite cost through it); a cost is replaced only by a strictly
// lower one, visiting classes and e-nodes in their fixed (sorted) order, so
// the choice is deterministic.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/Extractor.h"

#include <vector>

namespace egopt::extract {

class GreedyExtractor final : public Extractor {
public:
  /// Runs the fixed point on a clean e-graph.
  GreedyExtractor(const eg::EGraph &g, NodeCostFn cost);

  const eg::ENode *best(eg::ClassId cls) const override;
  /// The tree cost of the class's chosen term.
  Cost cost(eg::ClassId cls) const override;
  /// Rounds of the fixed point (for statistics).
  size_t rounds() const { return rounds_; }

private:
  const eg::EGraph &g_;
  std::vector<Cost> cost_; ///< by id; valid for roots
  std::vector<const eg::ENode *> best_;
  size_t rounds_ = 0;
};

} // namespace egopt::extract
