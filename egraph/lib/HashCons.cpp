#include "egopt/egraph/HashCons.h"

namespace egopt::eg {

ClassId HashCons::lookup(const ENode &node) const {
  const Shard &s = shards_[shardOf(node.hash())];
  Guard guard(s, concurrent_);
  auto it = s.map.find(node);
  return it == s.map.end() ? kNoClass : it->second;
}

ClassId HashCons::insertOrGet(const ENode &node, ClassId id) {
  Shard &s = shards_[shardOf(node.hash())];
  Guard guard(s, concurrent_);
  auto [it, inserted] = s.map.try_emplace(node, id);
  if (!inserted) return it->second;
  size_.fetch_add(1, std::memory_order_relaxed);
  return kNoClass;
}

void HashCons::erase(const ENode &node) {
  Shard &s = shards_[shardOf(node.hash())];
  Guard guard(s, concurrent_);
  if (s.map.erase(node)) size_.fetch_sub(1, std::memory_order_relaxed);
}

void HashCons::clear() {
  for (Shard &s : shards_) s.map.clear();
  size_.store(0);
}

} // namespace egopt::eg
