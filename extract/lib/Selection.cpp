#include "Selection.h"

#include <vector>

namespace egopt::extract {
using eg::ClassId;
using eg::ENode;

Cost dagCost(const eg::EGraph &g, const Extractor &ex, llvm::ArrayRef<ClassId> roots,
             NodeCostFn cost) {
  std::vector<bool> seen(g.numIds(), false);
  std::vector<ClassId> stack;
  Cost total = 0;
  for (ClassId r : roots) stack.push_back(g.find(r));
  while (!stack.empty()) {
    ClassId c = stack.back();
    stack.pop_back();
    if (seen[c]) continue;
    seen[c] = true;
    const ENode *n = ex.best(c);
    if (!n) return kInfiniteCost;
    total = addCost(total, cost(c, *n));
    for (ClassId k : n->kids) stack.push_back(g.find(k));
  }
  return total;
}

bool isAcyclic(const eg::EGraph &g, const Extractor &ex, llvm::ArrayRef<ClassId> roots) {
  enum : uint8_t { Unvisited, OnPath, Done };
  std::vector<uint8_t> state(g.numIds(), Unvisited);
  // Depth-first, iteratively: (class, next child to visit).
  std::vector<std::pair<ClassId, unsigned>> path;
  for (ClassId r : roots) {
    r = g.find(r);
    if (state[r] != Unvisited) continue;
    state[r] = OnPath;
    path.push_back({r, 0});
    while (!path.empty()) {
      auto &[c, next] = path.back();
      const ENode *n = ex.best(c);
      if (!n || next == n->kids.size()) {
        state[c] = Done;
        path.pop_back();
        continue;
      }
      ClassId k = g.find(n->kids[next++]);
      if (state[k] == OnPath) return false;
      if (state[k] == Unvisited) {
        state[k] = OnPath;
        path.push_back({k, 0});
      }
    }
  }
  return true;
}

} // namespace egopt::extract
