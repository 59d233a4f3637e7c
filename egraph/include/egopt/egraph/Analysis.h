//===- Analysis.h - E-class analyses as join-semilattices -----------------===//
//
// An analysis attaches a fact to every e-class (a constant, known bits, a range)
// and keeps it sound as classes merge. Following egg, it has three hooks:
//   make   - the fact an e-node implies, from its children's facts;
//   merge  - the join of two facts about the same value (both are true, so the
//            join keeps what either knows); it must be commutative, associative
//            and idempotent, which is what makes the result independent of the
//            order in which merges happen (and so of the thread count);
//   modify - act on a fact: add an e-node, union, prune (runs sequentially).
// An EGraph holds any number of analyses side by side, each owning its data.
//
// Facts must form a lattice of finite height in practice: the e-graph lets
// each class's fact change at most EGraph::kMaxFactChanges times through
// propagation, and keeps the fact it has after that (docs/egraph.md,
// "Analyses terminate"); a fact must therefore be sound at every step, not
// only at the fixed point.
//
// A join may find a *conflict*: two facts that no single value satisfies,
// where a value was expected (two different constants). Rules proven as
// refinements can do that only to a value that is poison on every
// execution, each refining it another way; the union then equates two
// different values, and nothing extracted from the e-graph can be trusted.
// The e-graph counts conflicts, and the runner stops at the first.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/ENode.h"

#include <string>
#include <string_view>
#include <vector>

namespace egopt::eg {

class EGraph;

/// Which sides of a merge gained information (egg's DidMerge). `toChanged`
/// sends the class's parents back through `make`; `fromChanged` says the
/// merged-away class lacked something the result has.
struct MergeResult {
  bool toChanged = false;
  bool fromChanged = false;
  /// The two facts cannot both hold of one value (see above).
  bool conflict = false;
};

class Analysis {
public:
  virtual ~Analysis();
  virtual std::string_view name() const = 0;

  /// A new class `id` holds just `node` (whose children are canonical).
  virtual void makeClass(const EGraph &g, ClassId id, const ENode &node) = 0;
  /// Class `from` has been merged into `to`: join from's fact into to's.
  virtual MergeResult merge(ClassId to, ClassId from) = 0;
  /// Joins the fact `node` implies into class `id`; `toChanged` says
  /// whether that changed the class's fact.
  virtual MergeResult joinFromNode(const EGraph &g, ClassId id, const ENode &node) = 0;
  /// Called after class `id` was created or its fact may have changed.
  virtual void modify(EGraph &g, ClassId id) {}
  /// A short text of the fact, for dumps; empty when there is nothing to say.
  virtual std::string describe(ClassId id) const { return {}; }
};

/// Implements the Analysis hooks for a lattice of per-class values `Data`.
/// `Derived` provides:
///   Data make(const EGraph &, const ENode &) const;
///   MergeResult join(Data &to, const Data &from) const;
template <class Derived, class Data> class LatticeAnalysis : public Analysis {
public:
  using DataType = Data;
  /// The fact of class `id` (pass a canonical id).
  const Data &data(ClassId id) const { return data_[id]; }

  void makeClass(const EGraph &g, ClassId id, const ENode &node) override {
    if (id >= data_.size()) data_.resize(std::max<size_t>(id + 1, data_.size() * 2));
    data_[id] = self().make(g, node);
  }
  MergeResult merge(ClassId to, ClassId from) override {
    MergeResult r = self().join(data_[to], data_[from]);
    data_[from] = Data();
    return r;
  }
  MergeResult joinFromNode(const EGraph &g, ClassId id, const ENode &node) override {
    Data fromNode = self().make(g, node);
    return self().join(data_[id], fromNode);
  }

protected:
  Data &mutableData(ClassId id) { return data_[id]; }

private:
  const Derived &self() const { return static_cast<const Derived &>(*this); }
  std::vector<Data> data_;
};

} // namespace egopt::eg
