//===- UnionFind.h - A concurrent union-find with smallest-id roots --------===//
//
// Invariant: the root of every set is the smallest id in it. `unite` always
// points the larger root at the smaller one, so the partition *and* the
// representative are the same whatever order (or thread) the unions come in:
// this is what makes canonical ids deterministic.
//
// Concurrency: `find`, `unite` and `isRoot` may be called from many threads at
// once (lock-free, compare-and-swap on parent links, path halving). `makeSet`
// and `reserve` may not run concurrently with anything else; the engine only
// creates ids in its sequential phases.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Id.h"

#include <atomic>
#include <cstddef>
#include <memory>

namespace egopt::eg {

class UnionFind {
public:
  UnionFind() = default;
  UnionFind(const UnionFind &) = delete;
  UnionFind &operator=(const UnionFind &) = delete;

  /// Creates a singleton set; its id is the number of sets made before it.
  ClassId makeSet();
  size_t size() const { return size_; }

  /// The representative of `id`'s set. Compresses paths (path halving) with
  /// compare-and-swap, which is safe alongside concurrent unions.
  ClassId find(ClassId id) const;
  /// Like find, but never writes (for readers that want no cache traffic).
  ClassId findNoCompress(ClassId id) const;
  bool isRoot(ClassId id) const { return parent(id).load(std::memory_order_acquire) == id; }

  /// Joins the sets of a and b. Returns the id that stopped being a root
  /// (always the larger of the two roots), or kNoClass if they were joined already.
  ClassId unite(ClassId a, ClassId b);

  /// Points every id straight at its root. Not concurrent with unite.
  void compressAll();

private:
  std::atomic<ClassId> &parent(ClassId id) const { return parents_[id]; }
  void grow(size_t newCapacity);

  std::unique_ptr<std::atomic<ClassId>[]> parents_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

} // namespace egopt::eg
