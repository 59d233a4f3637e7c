#include "ChangedRegion.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace egopt::eg {

ChangedRegion::ChangedRegion(const EGraph &g, uint64_t sinceVersion, unsigned maxDepth)
    : since_(sinceVersion), maxDepth_(maxDepth) {
  assert(g.isClean() && "changedAt and parent lists are exact only when clean");
  constexpr unsigned kUnseen = ~0u;
  std::vector<unsigned> distance(g.numIds(), kUnseen);
  std::vector<ClassId> layer, next;
  for (ClassId c : g.classIds())
    if (g.changedAt(c) > sinceVersion) {
      distance[c] = 0;
      layer.push_back(c);
    }
  numChanged_ = layer.size();
  std::vector<ClassId> reached = layer;
  // Breadth-first up the parent lists: each class gets its least distance.
  for (unsigned d = 1; d <= maxDepth && !layer.empty(); ++d) {
    next.clear();
    for (ClassId c : layer)
      for (ClassId parentNode : g.parentNodeIds(c)) {
        ClassId p = g.find(parentNode);
        if (distance[p] != kUnseen) continue;
        distance[p] = d;
        next.push_back(p);
      }
    reached.insert(reached.end(), next.begin(), next.end());
    layer.swap(next);
  }
  std::sort(reached.begin(), reached.end());
  entries_.reserve(reached.size());
  within_.assign(maxDepth + 1, Within{});
  for (ClassId c : reached) {
    entries_.push_back({c, distance[c]});
    Within &w = within_[distance[c]];
    uint64_t ops = g.opMask(c);
    w.ops |= ops;
    ++w.classes;
    for (; ops; ops &= ops - 1) byOpBit_[std::countr_zero(ops)].push_back(entries_.back());
  }
  for (unsigned d = 1; d <= maxDepth; ++d) {
    within_[d].ops |= within_[d - 1].ops;
    within_[d].classes += within_[d - 1].classes;
  }
}

void ChangedRegion::candidates(unsigned depth, std::optional<Op> op,
                               std::vector<ClassId> &out) const {
  assert(depth <= maxDepth_ && "the region was not grown that far");
  for (const Entry &e : op ? byOpBit_[*op & 63] : entries_)
    if (e.distance <= depth) out.push_back(e.cls);
}

} // namespace egopt::eg
