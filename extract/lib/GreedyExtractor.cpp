#include "egopt/extract/GreedyExtractor.h"

#include <cassert>

namespace egopt::extract {
using namespace eg;

GreedyExtractor::GreedyExtractor(const EGraph &g, NodeCostFn nodeCost)
    : g_(g), cost_(g.numIds(), kInfiniteCost), best_(g.numIds(), nullptr) {
  assert(g.isClean() && "extract from a rebuilt e-graph");
  auto classes = g.classIds();
  bool changed = true;
  // Each round can only lower costs, and a class's cost is a sum over a
  // finite tree, so this terminates; on acyclic parts one round in
  // topological order would do, and ids mostly follow creation order.
  while (changed) {
    changed = false;
    ++rounds_;
    for (ClassId c : classes) {
      for (const ENode &n : g.rootNodes(c)) {
        Cost total = nodeCost(c, n);
        for (ClassId k : n.kids) total = addCost(total, cost_[k]);
        if (total < cost_[c]) {
          cost_[c] = total;
          best_[c] = &n;
          changed = true;
        }
      }
    }
  }
}

const ENode *GreedyExtractor::best(ClassId cls) const { return best_[g_.find(cls)]; }
Cost GreedyExtractor::cost(ClassId cls) const { return cost_[g_.find(cls)]; }

} // namespace egopt::extract
