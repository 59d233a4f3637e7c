#include "egopt/egraph/EGraph.h"
#include "egopt/egraph/RecExpr.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <sstream>

namespace egopt::eg {

namespace {
/// Below this many items a phase runs inline: spawning tasks costs more than
/// the work (measured on the math workload, where most rebuilds are tiny).
constexpr size_t kParallelThreshold = 2048;
constexpr size_t kGrain = 512;

template <class Fn> void forEachIndex(size_t n, Fn &&fn) {
  if (n < kParallelThreshold) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, kGrain),
                    [&](const tbb::blocked_range<size_t> &r) {
                      for (size_t i = r.begin(); i != r.end(); ++i) fn(i);
                    });
}

void sortUnique(std::vector<ClassId> &v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
} // namespace

Analysis::~Analysis() = default;

EGraph::EGraph(const Language &lang) : lang_(lang), byOp_(lang.numOps()) {
  // Only repairParents writes the memo from several threads; it switches
  // the locks on for that phase.
  memo_.setConcurrent(false);
}
EGraph::~EGraph() = default;

void EGraph::addAnalysisImpl(std::unique_ptr<Analysis> a) {
  assert(uf_.size() == 0 && "add analyses before adding e-nodes");
  const Analysis &added = *a;
  analysisTypes_.push_back(&typeid(added));
  analyses_.push_back(std::move(a));
  factChanges_.emplace_back();
}

ENode EGraph::canonicalize(const ENode &node) const {
  ENode out = node;
  for (ClassId &k : out.kids) k = uf_.find(k);
  return out;
}

ClassId EGraph::lookup(const ENode &node) const {
  ClassId id = memo_.lookup(canonicalize(node));
  return id == kNoClass ? kNoClass : find(id);
}

ClassId EGraph::add(ENode node) {
  for (ClassId &k : node.kids) k = uf_.find(k);
  // One probe: claim the next id; if the e-node exists, nothing was inserted.
  ClassId id = static_cast<ClassId>(uf_.size());
  if (ClassId existing = memo_.insertOrGet(node, id); existing != kNoClass) return find(existing);

  [[maybe_unused]] ClassId made = uf_.makeSet();
  assert(made == id && id == classes_.size());
  classes_.emplace_back();
  classes_[id].nodes.push_back(node);
  ClassId prevKid = kNoClass;
  for (ClassId k : node.kids) {
    if (k != prevKid) classes_[k].parents.push_back(id);
    prevKid = k;
  }
  opMask_.push_back(uint64_t(1) << (node.op & 63));
  nodeById_.push_back(node);
  clean_ = false;
  ++version_;
  changedAt_.push_back(version_);
  for (auto &changes : factChanges_) changes.push_back(0);
  for (auto &a : analyses_) a->makeClass(*this, id, nodeById_[id]);
  for (size_t i = 0; i < analyses_.size(); ++i) analyses_[i]->modify(*this, find(id));
  return find(id);
}

ClassId EGraph::addExpr(const RecExpr &expr) {
  std::vector<ClassId> ids(expr.size());
  for (size_t i = 0; i < expr.size(); ++i) {
    ENode n = expr[i];
    for (ClassId &k : n.kids) k = ids[k];
    ids[i] = add(std::move(n));
  }
  return ids.empty() ? kNoClass : find(ids.back());
}

ClassId EGraph::lookupExpr(const RecExpr &expr) const {
  std::vector<ClassId> ids(expr.size());
  for (size_t i = 0; i < expr.size(); ++i) {
    ENode n = expr[i];
    for (ClassId &k : n.kids) k = ids[k];
    ids[i] = lookup(n);
    if (ids[i] == kNoClass) return kNoClass;
  }
  return ids.empty() ? kNoClass : ids.back();
}

bool EGraph::merge(ClassId a, ClassId b) {
  ClassId loser = uf_.unite(a, b);
  if (loser == kNoClass) return false;
  absorb(uf_.find(loser), loser);
  return true;
}

void EGraph::absorb(ClassId winner, ClassId loser) {
  clean_ = false;
  ++version_;
  changedAt_[winner] = version_;
  {
    EClass &w = classes_[winner];
    EClass &l = classes_[loser];
    // The loser's parents now name a non-root child: they need repair.
    pending_.insert(pending_.end(), l.parents.begin(), l.parents.end());
    for (size_t i = 0; i < analyses_.size(); ++i) {
      MergeResult r = analyses_[i]->merge(winner, loser);
      counters_.conflicts += r.conflict;
      auto &changes = factChanges_[i];
      changes[winner] = std::max(changes[winner], changes[loser]);
      if (r.toChanged)
        analysisPending_.insert(analysisPending_.end(), w.parents.begin(), w.parents.end());
      if (r.fromChanged)
        analysisPending_.insert(analysisPending_.end(), l.parents.begin(), l.parents.end());
    }
    // Append the smaller list to the larger (order is restored by rebuild).
    auto concat = [](auto &to, auto &from) {
      if (to.size() < from.size()) std::swap(to, from);
      to.insert(to.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
      from.clear();
      from.shrink_to_fit();
    };
    concat(w.nodes, l.nodes);
    concat(w.parents, l.parents);
    opMask_[winner] |= opMask_[loser];
  }
  dirty_.push_back(winner);
  // modify() may add e-nodes (growing classes_) or merge again.
  for (size_t i = 0; i < analyses_.size(); ++i) analyses_[i]->modify(*this, find(winner));
}

void EGraph::retainNodes(ClassId id, llvm::function_ref<bool(const ENode &)> keep) {
  ++version_;
  changedAt_[find(id)] = version_;
  auto &nodes = classes_[find(id)].nodes;
  nodes.erase(std::remove_if(nodes.begin(), nodes.end(), [&](const ENode &n) { return !keep(n); }),
              nodes.end());
}

void EGraph::repairParents(std::vector<ClassId> &stale, std::vector<ClassId> &losers) {
  sortUnique(stale);
  counters_.repairedNodes += stale.size();
  using Pair = std::pair<ClassId, ClassId>;
  tbb::enumerable_thread_specific<std::vector<Pair>> localPairs;
  memo_.setConcurrent(stale.size() >= kParallelThreshold);
  // Each task owns nodeById_[p] for its own p (stale has no duplicates). Keys
  // erased here are stale (they name a non-root child), so they can never be
  // another e-node's canonical key; see docs/egraph.md, "Parallel repair".
  // The union-find is only read here: every e-node is canonicalized against
  // the partition as it was when the phase began, so what this phase finds
  // does not depend on the schedule.
  forEachIndex(stale.size(), [&](size_t i) {
    ClassId p = stale[i];
    ENode &stored = nodeById_[p];
    ENode canon = canonicalize(stored);
    if (!(canon == stored)) {
      memo_.erase(stored);
      stored = canon;
    }
    ClassId existing = memo_.insertOrGet(stored, p);
    if (existing != kNoClass) localPairs.local().emplace_back(existing, p);
  });
  memo_.setConcurrent(false);
  // Congruent e-nodes share a key, so the pairs found group exactly the
  // e-nodes with equal keys, whichever of them won the insert. Uniting them
  // in any order gives the same partition and (smallest-id roots) the same
  // representatives; the losers, sorted, are the ids that stopped being roots.
  for (auto &v : localPairs)
    for (auto [a, b] : v)
      if (ClassId loser = uf_.unite(a, b); loser != kNoClass) losers.push_back(loser);
  sortUnique(losers);
}

void EGraph::propagateAnalyses() {
  // Terminates: every fact change queues parents, and each class's fact may
  // change at most kMaxFactChanges times here (merges, which also change
  // facts, are bounded by the number of classes).
  for (size_t head = 0; head < analysisPending_.size(); ++head) {
    ClassId p = analysisPending_[head];
    ENode node = canonicalize(nodeById_[p]);
    for (size_t i = 0; i < analyses_.size(); ++i) {
      ClassId c = find(p);
      if (factChanges_[i][c] >= kMaxFactChanges) {
        ++counters_.factChangeLimitHits;
        continue;
      }
      MergeResult r = analyses_[i]->joinFromNode(*this, c, node);
      counters_.conflicts += r.conflict;
      if (r.toChanged) {
        ++factChanges_[i][c];
        ++counters_.analysisUpdates;
        ++version_;
        changedAt_[c] = version_;
        const auto &parents = classes_[c].parents;
        analysisPending_.insert(analysisPending_.end(), parents.begin(), parents.end());
        analyses_[i]->modify(*this, c);
      }
    }
  }
  analysisPending_.clear();
}

void EGraph::canonicalizeClasses() {
  // Classes that gained e-nodes or whose e-nodes' children changed.
  std::vector<ClassId> work;
  work.reserve(dirty_.size());
  for (ClassId c : dirty_) work.push_back(find(c));
  dirty_.clear();
  sortUnique(work);
  std::atomic<size_t> selfLoops{0};
  forEachIndex(work.size(), [&](size_t i) {
    ClassId c = work[i];
    auto &nodes = classes_[c].nodes;
    for (ENode &n : nodes)
      for (ClassId &k : n.kids) k = uf_.findNoCompress(k);
    if (dropSelfLoops_) {
      // See setDropSelfLoops(). A class keeps them all if nothing else is
      // left (its first e-node's children are older classes, so in
      // practice something always is).
      auto isLoop = [&](const ENode &n) {
        return std::find(n.kids.begin(), n.kids.end(), c) != n.kids.end();
      };
      if (!std::all_of(nodes.begin(), nodes.end(), isLoop)) {
        size_t before = nodes.size();
        nodes.erase(std::remove_if(nodes.begin(), nodes.end(), isLoop), nodes.end());
        selfLoops += before - nodes.size();
      }
    }
    uint64_t mask = 0;
    for (const ENode &n : nodes) mask |= uint64_t(1) << (n.op & 63);
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    opMask_[c] = mask;
  });
  counters_.selfLoopsDropped += selfLoops;

  // Roots: the old roots still standing, then the new ids that are roots.
  std::vector<ClassId> roots;
  roots.reserve(roots_.size() + (uf_.size() - rootsUpTo_));
  for (ClassId c : roots_)
    if (uf_.isRoot(c)) roots.push_back(c);
  for (size_t c = rootsUpTo_; c < uf_.size(); ++c)
    if (uf_.isRoot(static_cast<ClassId>(c))) roots.push_back(static_cast<ClassId>(c));
  roots_ = std::move(roots);
  rootsUpTo_ = uf_.size();

  for (auto &v : byOp_) v.clear();
  for (ClassId c : roots_) {
    int prev = -1;
    for (const ENode &n : classes_[c].nodes)
      if (n.op != prev) {
        byOp_[n.op].push_back(c);
        prev = n.op;
      }
  }
}

void EGraph::reanalyze(ClassId node) {
  assert(node < nodeById_.size() && "not an e-node id");
  analysisPending_.push_back(node);
  clean_ = false;
}

size_t EGraph::rebuild() {
  if (clean_) return 0;
  ++counters_.rebuilds;
  size_t unions = 0;
  std::vector<ClassId> stale, losers;
  while (!pending_.empty() || !analysisPending_.empty()) {
    while (!pending_.empty()) {
      stale.swap(pending_);
      pending_.clear();
      losers.clear();
      // Every e-node whose class must be re-sorted: its class is dirty.
      for (ClassId p : stale) dirty_.push_back(p);
      repairParents(stale, losers);
      for (ClassId loser : losers) absorb(find(loser), loser);
      unions += losers.size();
      stale.clear();
    }
    propagateAnalyses();
  }
  canonicalizeClasses();
  uf_.compressAll();
  counters_.congruenceUnions += unions;
  clean_ = true;
  return unions;
}

std::span<const ClassId> EGraph::classesWithOp(Op op) const {
  if (op >= byOp_.size()) return {};
  return byOp_[op];
}

std::string EGraph::printNode(const ENode &node) const {
  const OpInfo &info = lang_.op(node.op);
  std::string s;
  if (info.hasPayload && node.kids.empty()) return lang_.printAtom(node);
  s = lang_.printHead(node);
  if (info.hasPayload) {
    s += '[';
    s += lang_.printAtom(node);
    s += ']';
  }
  if (node.type) {
    s += ":t";
    s += std::to_string(node.type);
  }
  s += "(";
  for (size_t i = 0; i < node.kids.size(); ++i) {
    if (i) s += ' ';
    s += 'c';
    s += std::to_string(node.kids[i]);
  }
  s += ")";
  return s;
}

std::string EGraph::canonicalDump() const {
  std::ostringstream os;
  os << "egraph nodes=" << numNodes() << " classes=" << numClasses() << " ids=" << numIds()
     << (clean_ ? "" : " (dirty)") << "\n";
  for (ClassId c : roots_) {
    os << "c" << c << ":";
    for (const ENode &n : classes_[c].nodes) os << ' ' << printNode(n);
    for (const auto &a : analyses_)
      if (std::string d = a->describe(c); !d.empty()) os << " | " << a->name() << '=' << d;
    os << '\n';
  }
  return os.str();
}

} // namespace egopt::eg
