//===- DagExtractor.h - Cheapest shared selection, by local improvement ---===//
//
// Tree-greedy extraction pays a shared child once per use, so it can pass
// over an e-node whose children are already built for someone else. The DAG
// extractor minimizes the DAG cost (Selection.h): the sum of the own costs
// of the classes reachable from the skeleton's uses, each once.
//
// Exact DAG extraction is NP-hard; this is the usual "greedy, then improve"
// heuristic:
//   1. start from the tree-greedy choice (GreedyExtractor, same costs);
//   2. visit the classes in ascending id order; for a reachable class, try
//      each other e-node: its change to the DAG cost is its own cost minus
//      the old one's, plus the classes it newly reaches, minus those only the
//      old one reached (reference counts over the choice, updated and rolled
//      back); take the best strict improvement that closes no cycle;
//   3. repeat rounds until one improves nothing (or the work limit is hit).
// Every accepted change strictly lowers the DAG cost, so it terminates.
//
// Determinism: a single thread, classes and e-nodes in their sorted order,
// ties kept by the earlier e-node, and a work limit counted in steps (never
// in time): the same e-graph gives the same choice for every thread count.
// Cycles: the tree-greedy choice is acyclic (a cost never strictly drops
// around a cycle), and a change at class c is refused when c is reachable
// from the new e-node's children, so the choice stays acyclic.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/Extractor.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace egopt::extract {

struct DagExtractorStats {
  size_t rounds = 0;       ///< improvement rounds run
  size_t improvements = 0; ///< e-node changes accepted
  size_t cyclesRefused = 0;
  bool workLimitHit = false;
};

class DagExtractor final : public Extractor {
public:
  /// `roots`: the classes the skeleton uses (repeats allowed). `workLimit`:
  /// reference-count steps the improvement may take, per e-node of `g`.
  DagExtractor(const eg::EGraph &g, llvm::ArrayRef<eg::ClassId> roots, NodeCostFn cost,
               size_t workLimitPerNode = 64);

  const eg::ENode *best(eg::ClassId cls) const override;
  /// The DAG cost of the choice reachable from `cls`.
  Cost cost(eg::ClassId cls) const override;
  /// The DAG cost of the choice reachable from the roots.
  Cost totalCost() const { return total_; }
  const DagExtractorStats &stats() const { return stats_; }

private:
  static constexpr uint32_t kNone = UINT32_MAX;

  Cost own(eg::ClassId c, uint32_t node) const { return own_[offset_[c] + node]; }
  Cost ownChosen(eg::ClassId c) const { return own(c, choice_[c]); }
  const eg::ENode &node(eg::ClassId c, uint32_t i) const { return g_.rootNodes(c)[i]; }
  /// Reference counting over the choice: a class is reachable while it has
  /// a reference; reaching or leaving it adds or removes its own cost and
  /// passes the change on to its chosen children. Logged for rollback.
  void addRef(eg::ClassId c);
  void release(eg::ClassId c);
  void rollback(size_t logSize, Cost total);
  /// Switches reachable class c to e-node i (references updated).
  void switchTo(eg::ClassId c, uint32_t i);
  bool reaches(const eg::ENode &from, eg::ClassId target);
  bool improveRound(size_t &work, size_t workLimit);

  const eg::EGraph &g_;
  std::vector<size_t> offset_;                        ///< by class id: its first e-node in own_
  std::vector<Cost> own_;                             ///< each e-node's own cost
  std::vector<uint32_t> choice_;                      ///< by class id: the chosen e-node's index
  std::vector<uint32_t> refs_;                        ///< by class id: references in the choice
  std::vector<std::pair<eg::ClassId, uint32_t>> log_; ///< (class, old refs)
  std::vector<uint32_t> visitMark_;
  uint32_t visitEpoch_ = 0;
  Cost total_ = 0;
  DagExtractorStats stats_;
};

} // namespace egopt::extract
