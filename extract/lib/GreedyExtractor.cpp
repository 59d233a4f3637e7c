#include "GreedyExtractor.h"

#include <cassert>

namespace egopt::extract {
using namespace eg;

namespace {
/// At equal cost, the e-node that says more: the same operation on the same
/// operands with strictly more flags (a proven `nsw`, `or disjoint`, `zext
/// nneg`). Every e-node of a class computes its value, so the flags are
/// true, and they help LLVM's code generator. Costs do not change, so the
/// fixed point is unaffected.
bool saysMore(const ENode &n, const ENode &than) {
  return n.op == than.op && n.kids == than.kids && n.type == than.type &&
         n.payload == than.payload && n.flags != than.flags && (n.flags & than.flags) == than.flags;
}
} // namespace

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
        } else if (total == cost_[c] && best_[c] && saysMore(n, *best_[c])) {
          best_[c] = &n;
        }
      }
    }
  }
}

const ENode *GreedyExtractor::best(ClassId cls) const { return best_[g_.find(cls)]; }
Cost GreedyExtractor::cost(ClassId cls) const { return cost_[g_.find(cls)]; }

} // namespace egopt::extract
