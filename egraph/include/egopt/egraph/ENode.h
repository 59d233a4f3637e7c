//===- ENode.h - E-nodes: operator, flags, type, payload, children ---------===//
#pragma once
#include "egopt/egraph/Id.h"

#include <algorithm>
#include <cassert>
#include <compare>
#include <cstring>
#include <initializer_list>

namespace egopt::eg {

/// The children of an e-node, stored inline. A fixed capacity keeps ENode
/// trivially copyable and 40 bytes: e-nodes are copied, hashed, compared and
/// sorted on every hot path (hash-consing, rebuild, e-matching), and a heap
/// pointer per e-node would cost an allocation and a cache miss each time.
/// Operations with more operands stay outside the e-graph (in LLVM terms: in
/// the skeleton); see docs/egraph.md.
class KidArray {
public:
  static constexpr unsigned kCapacity = 5;

  KidArray() = default;
  KidArray(std::initializer_list<ClassId> ids) {
    for (ClassId id : ids) push_back(id);
  }
  void push_back(ClassId id) {
    assert(size_ < kCapacity && "e-node has too many children");
    ids_[size_++] = id;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ClassId &operator[](size_t i) { return ids_[i]; }
  ClassId operator[](size_t i) const { return ids_[i]; }
  ClassId *begin() { return ids_; }
  ClassId *end() { return ids_ + size_; }
  const ClassId *begin() const { return ids_; }
  const ClassId *end() const { return ids_ + size_; }
  const ClassId *data() const { return ids_; }
  void clear() { size_ = 0; }

  friend bool operator==(const KidArray &a, const KidArray &b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

private:
  ClassId ids_[kCapacity] = {};
  uint8_t size_ = 0;
};

/// An e-node: an operator applied to e-classes. The meaning of `flags`, `type`
/// and `payload` belongs to the Language (e.g. nsw/nuw bits, an interned LLVM
/// type, an interned constant or symbol). Two e-nodes are equal when every field
/// is equal; hash-consing keeps one e-node per canonical form.
struct ENode {
  Op op = 0;
  uint16_t flags = 0;
  uint32_t type = 0;
  uint64_t payload = 0;
  KidArray kids;

  ENode() = default;
  ENode(Op op, std::initializer_list<ClassId> children) : op(op), kids(children) {}

  bool isLeaf() const { return kids.empty(); }

  friend bool operator==(const ENode &a, const ENode &b) {
    return a.op == b.op && a.flags == b.flags && a.type == b.type && a.payload == b.payload &&
           a.kids == b.kids;
  }
  /// Total order used to sort the e-nodes of a class: op, arity, then the
  /// children, so the matcher can binary-search an operator's range and,
  /// within it, the e-nodes whose first child is already known.
  friend std::strong_ordering operator<=>(const ENode &a, const ENode &b) {
    if (auto c = a.op <=> b.op; c != 0) return c;
    if (auto c = a.kids.size() <=> b.kids.size(); c != 0) return c;
    for (size_t i = 0; i < a.kids.size(); ++i)
      if (auto c = a.kids[i] <=> b.kids[i]; c != 0) return c;
    if (auto c = a.flags <=> b.flags; c != 0) return c;
    if (auto c = a.type <=> b.type; c != 0) return c;
    return a.payload <=> b.payload;
  }

  /// A 64-bit hash that does not depend on the process (no random seed), so
  /// shard choice is reproducible.
  uint64_t hash() const {
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t(op) << 48) ^ (uint64_t(flags) << 32) ^ type;
    auto mix = [&](uint64_t v) {
      h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
      h *= 0xff51afd7ed558ccdULL;
      h ^= h >> 33;
    };
    mix(payload);
    for (ClassId k : kids) mix(k);
    mix(kids.size());
    return h;
  }
};

struct ENodeHash {
  size_t operator()(const ENode &n) const { return n.hash(); }
};

} // namespace egopt::eg
