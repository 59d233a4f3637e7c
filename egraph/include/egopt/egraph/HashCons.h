//===- HashCons.h - The concurrent hash-cons table (the "memo") ------------===//
//
// Maps each canonical e-node to an id of the e-class that holds it. Sharded by
// the e-node's (process-independent) hash; each shard is an abseil flat map
// behind its own spin lock, so threads that touch different shards never wait
// on each other. All operations are safe to call concurrently.
//
// Invariant (after EGraph::rebuild): every key is canonical (its children are
// roots) and no two keys are equal, i.e. there is one entry per distinct
// canonical e-node. Between rebuilds, keys may be stale (non-canonical).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/ENode.h"

#include "absl/container/flat_hash_map.h"

#include <array>
#include <atomic>
#include <mutex>

namespace egopt::eg {

class HashCons {
public:
  /// The id stored for `node`, or kNoClass.
  ClassId lookup(const ENode &node) const;
  /// Inserts node -> id unless the node is present; returns the id that was
  /// there (kNoClass when this call inserted).
  ClassId insertOrGet(const ENode &node, ClassId id);
  /// Removes `node` if present.
  void erase(const ENode &node);
  size_t size() const { return size_.load(std::memory_order_relaxed); }
  void clear();

  /// Shard locks are taken only in concurrent mode (the default). The e-graph
  /// turns it off except around its parallel phases, so its single-threaded
  /// phases (adding e-nodes, most of the traffic) pay no atomic operation per
  /// access. Must not be switched while other threads use the table.
  void setConcurrent(bool on) { concurrent_ = on; }
  bool concurrent() const { return concurrent_; }

  /// Calls fn(node, id) for every entry (not concurrent with writers).
  template <class Fn> void forEach(Fn &&fn) const {
    for (const Shard &s : shards_)
      for (const auto &[node, id] : s.map) fn(node, id);
  }

private:
  static constexpr unsigned kShardBits = 6;
  static constexpr size_t kShards = size_t(1) << kShardBits;

  class SpinLock {
  public:
    void lock() {
      while (flag_.test_and_set(std::memory_order_acquire))
        while (flag_.test(std::memory_order_relaxed)) {
        }
    }
    void unlock() { flag_.clear(std::memory_order_release); }

  private:
    std::atomic_flag flag_;
  };

  struct alignas(64) Shard {
    mutable SpinLock lock;
    absl::flat_hash_map<ENode, ClassId, ENodeHash> map;
  };

  static size_t shardOf(uint64_t hash) { return hash >> (64 - kShardBits); }

  /// Locks a shard when in concurrent mode.
  class Guard {
  public:
    Guard(const Shard &s, bool on) : lock_(on ? &s.lock : nullptr) {
      if (lock_) lock_->lock();
    }
    ~Guard() {
      if (lock_) lock_->unlock();
    }
    Guard(const Guard &) = delete;
    Guard &operator=(const Guard &) = delete;

  private:
    SpinLock *lock_;
  };

  std::array<Shard, kShards> shards_;
  std::atomic<size_t> size_{0};
  bool concurrent_ = true;
};

} // namespace egopt::eg
