#include "DagExtractor.h"

#include "GreedyExtractor.h"
#include "Selection.h"

#include <cassert>

namespace egopt::extract {
using eg::ClassId;
using eg::ENode;

DagExtractor::DagExtractor(const eg::EGraph &g, llvm::ArrayRef<ClassId> roots, NodeCostFn cost,
                           size_t workLimitPerNode)
    : g_(g), offset_(g.numIds(), 0), choice_(g.numIds(), kNone), refs_(g.numIds(), 0),
      visitMark_(g.numIds(), 0) {
  assert(g.isClean() && "extract from a rebuilt e-graph");
  for (ClassId c : g.classIds()) {
    offset_[c] = own_.size();
    for (const ENode &n : g.rootNodes(c)) own_.push_back(cost(c, n));
  }
  {
    auto cached = [&](ClassId c, const ENode &n) {
      return own(c, uint32_t(&n - g.rootNodes(c).data()));
    };
    GreedyExtractor greedy(g, cached);
    for (ClassId c : g.classIds())
      if (const ENode *n = greedy.best(c)) choice_[c] = uint32_t(n - g.rootNodes(c).data());
  }
  for (ClassId r : roots) {
    ClassId c = g.find(r);
    if (choice_[c] == kNone) {
      // A root without a finite choice: nothing to build it from. Report it
      // as infinite and leave the choice as greedy made it.
      total_ = kInfiniteCost;
      return;
    }
    addRef(c);
  }
  log_.clear();
  size_t work = 0, workLimit = workLimitPerNode * g.numNodes();
  while (improveRound(work, workLimit)) {
  }
  assert(isAcyclic(g, *this, roots) && "the DAG extractor chose a cycle");
}

const ENode *DagExtractor::best(ClassId cls) const {
  ClassId c = g_.find(cls);
  return choice_[c] == kNone ? nullptr : &node(c, choice_[c]);
}

Cost DagExtractor::cost(ClassId cls) const {
  ClassId root = g_.find(cls);
  return dagCost(g_, *this, {root}, [&](ClassId c, const ENode &) { return ownChosen(c); });
}

void DagExtractor::addRef(ClassId first) {
  llvm::SmallVector<ClassId, 16> stack{g_.find(first)};
  while (!stack.empty()) {
    ClassId c = stack.pop_back_val();
    log_.push_back({c, refs_[c]});
    if (refs_[c]++ != 0) continue;
    total_ += ownChosen(c);
    for (ClassId k : node(c, choice_[c]).kids) stack.push_back(g_.find(k));
  }
}

void DagExtractor::release(ClassId first) {
  llvm::SmallVector<ClassId, 16> stack{g_.find(first)};
  while (!stack.empty()) {
    ClassId c = stack.pop_back_val();
    log_.push_back({c, refs_[c]});
    assert(refs_[c] > 0);
    if (--refs_[c] != 0) continue;
    total_ -= ownChosen(c);
    for (ClassId k : node(c, choice_[c]).kids) stack.push_back(g_.find(k));
  }
}

void DagExtractor::rollback(size_t logSize, Cost total) {
  while (log_.size() > logSize) {
    refs_[log_.back().first] = log_.back().second;
    log_.pop_back();
  }
  total_ = total;
}

void DagExtractor::switchTo(ClassId c, uint32_t i) {
  // Children of the new e-node first, so a child both e-nodes share never
  // drops to zero references on the way.
  uint32_t old = choice_[c];
  for (ClassId k : node(c, i).kids) addRef(k);
  for (ClassId k : node(c, old).kids) release(k);
  choice_[c] = i;
  total_ = total_ + own(c, i) - own(c, old);
}

bool DagExtractor::reaches(const ENode &from, ClassId target) {
  if (++visitEpoch_ == 0) {
    std::fill(visitMark_.begin(), visitMark_.end(), 0);
    visitEpoch_ = 1;
  }
  llvm::SmallVector<ClassId, 32> stack;
  for (ClassId k : from.kids) stack.push_back(g_.find(k));
  while (!stack.empty()) {
    ClassId c = stack.pop_back_val();
    if (c == target) return true;
    if (visitMark_[c] == visitEpoch_) continue;
    visitMark_[c] = visitEpoch_;
    for (ClassId k : node(c, choice_[c]).kids) stack.push_back(g_.find(k));
  }
  return false;
}

bool DagExtractor::improveRound(size_t &work, size_t workLimit) {
  ++stats_.rounds;
  bool improved = false;
  for (ClassId c : g_.classIds()) {
    auto nodes = g_.rootNodes(c);
    if (nodes.size() < 2 || refs_[c] == 0) continue;
    uint32_t current = choice_[c];
    uint32_t bestNode = current;
    Cost bestTotal = total_;
    for (uint32_t i = 0; i < nodes.size(); ++i) {
      if (i == current || own(c, i) == kInfiniteCost) continue;
      bool buildable = true;
      for (ClassId k : nodes[i].kids) buildable &= choice_[g_.find(k)] != kNone;
      if (!buildable) continue;
      if (work >= workLimit) {
        stats_.workLimitHit = true;
        return false;
      }
      Cost before = total_;
      size_t mark = log_.size();
      switchTo(c, i);
      Cost after = total_;
      work += log_.size() - mark;
      choice_[c] = current;
      rollback(mark, before);
      if (after >= bestTotal) continue;
      if (reaches(nodes[i], c)) {
        ++stats_.cyclesRefused;
        continue;
      }
      bestNode = i;
      bestTotal = after;
    }
    if (bestNode != current) {
      switchTo(c, bestNode);
      log_.clear();
      assert(total_ == bestTotal);
      ++stats_.improvements;
      improved = true;
    }
  }
  return improved;
}

} // namespace egopt::extract
