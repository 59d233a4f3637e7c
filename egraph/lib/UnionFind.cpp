#include "egopt/egraph/UnionFind.h"

#include <algorithm>
#include <cassert>

namespace egopt::eg {

void UnionFind::grow(size_t newCapacity) {
  auto fresh = std::make_unique<std::atomic<ClassId>[]>(newCapacity);
  for (size_t i = 0; i < size_; ++i)
    fresh[i].store(parents_[i].load(std::memory_order_relaxed), std::memory_order_relaxed);
  parents_ = std::move(fresh);
  capacity_ = newCapacity;
}

ClassId UnionFind::makeSet() {
  if (size_ == capacity_) grow(std::max<size_t>(1024, capacity_ * 2));
  assert(size_ < kNoClass && "class id space exhausted");
  ClassId id = static_cast<ClassId>(size_);
  parents_[id].store(id, std::memory_order_relaxed);
  ++size_;
  return id;
}

ClassId UnionFind::findNoCompress(ClassId id) const {
  assert(id < size_);
  for (;;) {
    ClassId p = parent(id).load(std::memory_order_acquire);
    if (p == id) return id;
    id = p;
  }
}

ClassId UnionFind::find(ClassId id) const {
  assert(id < size_);
  for (;;) {
    ClassId p = parent(id).load(std::memory_order_acquire);
    if (p == id) return id;
    ClassId gp = parent(p).load(std::memory_order_acquire);
    if (gp != p) {
      // Path halving: skip a level. A failed CAS only means someone else
      // already moved the link (always towards the root), which is fine.
      parent(id).compare_exchange_weak(p, gp, std::memory_order_acq_rel, std::memory_order_relaxed);
    }
    id = gp;
  }
}

ClassId UnionFind::unite(ClassId a, ClassId b) {
  for (;;) {
    a = find(a);
    b = find(b);
    if (a == b) return kNoClass;
    if (a > b) std::swap(a, b);
    // b is the larger root: link it under a. Fails if b stopped being a root
    // meanwhile; then retry from the new roots.
    ClassId expected = b;
    if (parent(b).compare_exchange_strong(expected, a, std::memory_order_acq_rel,
                                          std::memory_order_acquire))
      return b;
  }
}

void UnionFind::compressAll() {
  for (size_t i = 0; i < size_; ++i)
    parents_[i].store(findNoCompress(static_cast<ClassId>(i)), std::memory_order_relaxed);
}

} // namespace egopt::eg
