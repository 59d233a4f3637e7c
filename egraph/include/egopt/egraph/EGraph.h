//===- EGraph.h - The e-graph: hash-consed e-nodes in e-classes -----------===//
//
// Data structures (see docs/egraph.md for the full story):
//   - a UnionFind over ids; every added e-node gets a fresh id, and the
//     canonical id of a class is the smallest id in it;
//   - the HashCons ("memo"): canonical e-node -> id;
//   - per root class: its e-nodes and its parents (ids of e-nodes that have a
//     child in this class);
//   - per id: the e-node it was created for (kept canonical by repair);
//   - the analyses' facts;
//   - per root class: a change stamp (changedAt), for incremental search.
//
// Two phases, as in egg: writes (add, merge) leave congruence broken; rebuild()
// restores it. Invariants that hold when isClean() (right after rebuild):
//   I1 every memo key is canonical and unique (one per canonical e-node);
//   I2 congruence: two e-nodes with equal canonical forms are in one class;
//   I3 every root class's e-nodes are canonical, sorted and without duplicates;
//   I4 classIds() lists the roots in ascending order; classesWithOp(op) lists
//      the roots holding an `op` e-node, ascending;
//   I5 every analysis fact is the join over the class's e-nodes' make(),
//      except that a class whose fact changed kMaxFactChanges times through
//      propagation keeps that fact (sound, possibly less precise).
// Search (reading) may run on many threads; add/merge are single-threaded;
// rebuild runs its repair and canonicalization phases in parallel with oneTBB,
// and orders everything it writes by id, so its result is the same for every
// thread count.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"
#include "egopt/egraph/HashCons.h"
#include "egopt/egraph/Language.h"
#include "egopt/egraph/UnionFind.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cassert>
#include <memory>
#include <span>
#include <string>
#include <typeinfo>
#include <vector>

namespace egopt::eg {

class RecExpr;

/// Counters of the e-graph's own work, for -stats.
struct EGraphCounters {
  size_t rebuilds = 0;         ///< calls to rebuild() that had work
  size_t congruenceUnions = 0; ///< unions found by rebuild (congruence)
  size_t repairedNodes = 0;    ///< e-nodes re-canonicalized by rebuild
  size_t analysisUpdates = 0;  ///< facts changed by analysis propagation
  /// Joins not made because the class's fact had changed kMaxFactChanges
  /// times (0 on every program measured; docs/egraph.md).
  size_t factChangeLimitHits = 0;
  /// Analysis joins that found a conflict (Analysis.h): the e-graph equates
  /// two different values.
  size_t conflicts = 0;
  /// E-nodes dropped from their class for having it as a child
  /// (setDropSelfLoops).
  size_t selfLoopsDropped = 0;
};

class EGraph {
public:
  /// How many times propagation may change one class's fact in one
  /// analysis. Propagation re-runs make() on the parents of every class
  /// whose fact changed; a cycle of classes can keep refining each other
  /// (a range narrowed by one per lap: 2^32 laps for an i32), so without a
  /// bound its termination would rest on every analysis's lattice height.
  /// A fact that stops changing is still sound. Known bits change at most
  /// once per bit, in practice a few times; a class of 16 changes is a
  /// cycle at work.
  static constexpr unsigned kMaxFactChanges = 16;

  explicit EGraph(const Language &lang);
  ~EGraph();
  EGraph(const EGraph &) = delete;
  EGraph &operator=(const EGraph &) = delete;

  const Language &language() const { return lang_; }
  /// What the language needs to know about this e-graph's payloads and
  /// types (for LLVM IR: the function's ir::IRTables). Opaque to the engine.
  void setLanguageContext(const LanguageContext *context) { languageContext_ = context; }
  /// The context set, as the language's own type T (null when none was
  /// set; T must be the type set, which a debug build checks).
  template <class T> const T *context() const {
    assert((!languageContext_ || dynamic_cast<const T *>(languageContext_)) &&
           "the e-graph's context is of another type");
    return static_cast<const T *>(languageContext_);
  }

  /// Whether rebuild drops, from every class it touches, the e-nodes that
  /// have the class itself as a child (x = (and x m), once a rule proved the
  /// mask changes nothing). Extraction can never use such an e-node, and
  /// matching through it multiplies: a chain of n masks that all change
  /// nothing becomes one class of n such e-nodes, and `(and (and ?x ?a) ?b)`
  /// then matches n^2 ways. The memo keeps them, so adding one again finds
  /// the class. Off by default, as in egg (whose match counts the engine's
  /// benchmarks compare with); the LLVM pipeline turns it on.
  void setDropSelfLoops(bool on) { dropSelfLoops_ = on; }

  /// Adds an analysis; must happen before the first e-node is added.
  template <class A, class... Args> A &addAnalysis(Args &&...args) {
    auto owned = std::make_unique<A>(std::forward<Args>(args)...);
    A &ref = *owned;
    addAnalysisImpl(std::move(owned));
    return ref;
  }
  /// The first analysis of exactly type A, else the first derived from A,
  /// or nullptr. Rule conditions ask on every check: the exact type is found
  /// by comparing type_info addresses, without dynamic_cast's walk.
  template <class A> const A *findAnalysis() const {
    for (size_t i = 0; i < analyses_.size(); ++i)
      if (analysisTypes_[i] == &typeid(A)) return static_cast<const A *>(analyses_[i].get());
    for (const auto &a : analyses_)
      if (auto *p = dynamic_cast<const A *>(a.get())) return p;
    return nullptr;
  }
  template <class A> A *findAnalysis() {
    return const_cast<A *>(static_cast<const EGraph &>(*this).findAnalysis<A>());
  }
  size_t numAnalyses() const { return analyses_.size(); }
  const Analysis &analysis(size_t i) const { return *analyses_[i]; }

  //--- Writing (single-threaded) ------------------------------------------//

  /// Adds an e-node (children need not be canonical); returns its class.
  ClassId add(ENode node);
  /// Adds every node of a term; returns the class of its root.
  ClassId addExpr(const RecExpr &expr);
  /// Unions the classes of a and b; true if they were different. Congruence
  /// is restored by the next rebuild().
  bool merge(ClassId a, ClassId b);
  /// Drops the e-nodes of class `id` for which keep() is false (egg's pruning;
  /// the memo still maps them to the class).
  void retainNodes(ClassId id, llvm::function_ref<bool(const ENode &)> keep);
  /// Runs every analysis's make() on e-node `node` (an id add() returned)
  /// again at the next rebuild(), joining the result into its class: for a
  /// fact that reads more than the e-node's children (a phi's incoming
  /// values, PhiRanges.h), which the e-graph cannot know changed.
  void reanalyze(ClassId node);
  /// Restores the invariants I1-I5. Returns the number of congruence unions.
  size_t rebuild();
  bool isClean() const { return clean_; }

  //--- Reading (thread-safe when no writer runs) ---------------------------//

  ClassId find(ClassId id) const { return uf_.find(id); }
  /// The class of `node` (after canonicalizing it), or kNoClass.
  ClassId lookup(const ENode &node) const;
  ClassId lookupExpr(const RecExpr &expr) const;
  ENode canonicalize(const ENode &node) const;

  /// Distinct canonical e-nodes (egg's total_size).
  size_t numNodes() const { return memo_.size(); }
  size_t numClasses() const { return roots_.size(); }
  /// Ids handed out so far (roots and merged-away ids).
  size_t numIds() const { return uf_.size(); }
  /// Root ids, ascending (I4; valid when clean).
  std::span<const ClassId> classIds() const { return roots_; }
  /// The e-nodes of `id`'s class (sorted when clean).
  std::span<const ENode> nodes(ClassId id) const { return classes_[find(id)].nodes; }
  /// Like nodes(), for an id known to be a root (no find).
  std::span<const ENode> rootNodes(ClassId root) const { return classes_[root].nodes; }
  /// False when root class `root` surely holds no `op` e-node (valid when
  /// clean). A 64-bit summary per class, kept apart from the e-nodes so the
  /// matcher can reject a class without touching its e-node array (usually a
  /// cache miss); exact for languages of up to 64 operators.
  bool mayHaveOp(ClassId root, Op op) const { return (opMask_[root] >> (op & 63)) & 1; }
  /// The summary itself: bit (op mod 64) set for each operator of the class.
  uint64_t opMask(ClassId root) const { return opMask_[root]; }
  /// Roots holding at least one `op` e-node, ascending (valid when clean).
  std::span<const ClassId> classesWithOp(Op op) const;

  const EGraphCounters &counters() const { return counters_; }
  /// True once an analysis found a conflict (Analysis.h).
  bool hasConflict() const { return counters_.conflicts != 0; }
  /// Changes whenever the e-graph changes: an e-node added, a union, an
  /// analysis fact changed, e-nodes pruned. Equal versions mean an identical
  /// e-graph (the runner uses it to skip searches that cannot find anything new).
  uint64_t version() const { return version_; }
  /// The version() right after root class `root` last changed: created, took
  /// part in a union, had an analysis fact change or e-nodes pruned. A class
  /// whose stamp is <= v holds the same e-nodes and facts as at version v
  /// (canonical forms aside: a child's union stamps the child). Valid for
  /// roots when clean; the runner's incremental search reads it.
  uint64_t changedAt(ClassId root) const { return changedAt_[root]; }
  /// Ids of the e-nodes with a child in root class `root` (find() of an id
  /// is the class holding that e-node); may repeat an e-node.
  std::span<const ClassId> parentNodeIds(ClassId root) const { return classes_[root].parents; }

  /// A text dump listing every class with its e-nodes and facts, ids included,
  /// in id order. Equal dumps mean equal e-graphs; used by determinism tests.
  std::string canonicalDump() const;
  /// Prints one e-node as `head(k1 k2)` / atom, children as class ids.
  std::string printNode(const ENode &node) const;

private:
  struct EClass {
    std::vector<ENode> nodes;
    std::vector<ClassId> parents; ///< ids of e-nodes with a child here
  };

  void addAnalysisImpl(std::unique_ptr<Analysis> a);
  /// Moves the data of `loser` (no longer a root) into `winner`.
  void absorb(ClassId winner, ClassId loser);
  /// Re-canonicalizes the e-nodes whose children were merged; records the
  /// losers of the congruence unions this finds.
  void repairParents(std::vector<ClassId> &stale, std::vector<ClassId> &losers);
  void propagateAnalyses();
  void canonicalizeClasses();

  const Language &lang_;
  const LanguageContext *languageContext_ = nullptr;
  UnionFind uf_;
  HashCons memo_;
  std::vector<EClass> classes_; ///< indexed by id; only roots hold data
  std::vector<ENode> nodeById_; ///< the e-node each id was created for
  std::vector<std::unique_ptr<Analysis>> analyses_;
  /// Per analysis, per id: times propagation changed the fact (capped).
  std::vector<std::vector<uint8_t>> factChanges_;
  std::vector<const std::type_info *> analysisTypes_; ///< typeid of each analysis

  std::vector<ClassId> pending_;         ///< e-node ids whose children merged
  std::vector<ClassId> analysisPending_; ///< e-node ids to re-run make() on
  std::vector<ClassId> dirty_;           ///< classes whose node lists changed
  std::vector<ClassId> roots_;
  size_t rootsUpTo_ = 0; ///< ids below this are in roots_ (if root)
  std::vector<std::vector<ClassId>> byOp_;
  std::vector<uint64_t> opMask_;    ///< per id: ops present (mod 64)
  std::vector<uint64_t> changedAt_; ///< per id: see changedAt()
  bool clean_ = true;
  bool dropSelfLoops_ = false;
  uint64_t version_ = 0;
  EGraphCounters counters_;
};

} // namespace egopt::eg
