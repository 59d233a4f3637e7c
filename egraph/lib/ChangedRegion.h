//===- ChangedRegion.h - Where new matches can be, after a change ---------===//
//
// Incremental (semi-naive) search. Let every match of a rule have been
// applied when the e-graph was at version v. A match present now that was not
// present at v binds some class that changed since v: an e-node added to it,
// a union, a fact changed or e-nodes pruned all stamp the class
// (EGraph::changedAt), and a child's union stamps the child, which the match
// binds too. Every class a match program binds lies at most depth() parent
// steps below the match root, so the root lies at most depth() steps above a
// changed class. A ChangedRegion holds every root class within `maxDepth`
// steps above a class changed since v, with its distance; a rule of depth d
// searches the region's classes at distance <= d, not all its candidates,
// and finds every match that is new since v (docs/egraph.md, "Incremental
// search").
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/EGraph.h"

#include <array>
#include <cassert>
#include <optional>
#include <vector>

namespace egopt::eg {

class ChangedRegion {
public:
  /// Needs a clean e-graph.
  ChangedRegion(const EGraph &g, uint64_t sinceVersion, unsigned maxDepth);

  uint64_t sinceVersion() const { return since_; }
  /// Classes in the region (changed ones and their ancestors).
  size_t size() const { return entries_.size(); }
  /// Classes that changed since the version (distance 0).
  size_t numChanged() const { return numChanged_; }

  /// False when no class at distance <= `depth` can hold an `op` e-node
  /// (no class at all when `op` is nullopt): a quick test before candidates().
  bool mayHold(unsigned depth, std::optional<Op> op) const {
    assert(depth <= maxDepth_ && "the region was not grown that far");
    const Within &w = within_[depth];
    return op ? (w.ops >> (*op & 63)) & 1 : w.classes != 0;
  }

  /// Appends to `out` the region's classes at distance <= `depth` that may
  /// hold an `op` e-node (every one when `op` is nullopt), ascending.
  void candidates(unsigned depth, std::optional<Op> op, std::vector<ClassId> &out) const;

private:
  struct Entry {
    ClassId cls;
    unsigned distance;
  };
  struct Within {
    uint64_t ops = 0;   ///< operators (mod 64) of the classes at distance <= d
    size_t classes = 0; ///< how many classes are at distance <= d
  };
  std::vector<Entry> entries_; ///< ascending by class
  /// Per operator bit (op mod 64): the entries whose class has that bit,
  /// ascending. Each searched rule reads the bucket of its root operator,
  /// not the whole region (there is one search per rule per round).
  std::array<std::vector<Entry>, 64> byOpBit_;
  std::vector<Within> within_; ///< indexed by distance d, 0..maxDepth
  uint64_t since_;
  unsigned maxDepth_;
  size_t numChanged_ = 0;
};

} // namespace egopt::eg
