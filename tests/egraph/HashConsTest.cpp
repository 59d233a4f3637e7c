//===- HashConsTest.cpp - The sharded, concurrent hash-cons table ---------===//
#include "egopt/egraph/HashCons.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>
#include <vector>

using namespace egopt::eg;

namespace {

/// A family of distinct e-nodes: key k differs in op, payload and children.
ENode key(uint32_t k) {
  ENode n(Op(k % 5), {ClassId(k / 5), ClassId(k % 7)});
  n.payload = k;
  return n;
}

TEST(HashCons, LookupInsertEraseSize) {
  HashCons memo;
  EXPECT_EQ(memo.size(), 0u);
  ENode a(1, {0, 1});
  ENode b(1, {1, 0}); // same op, children swapped: a different e-node
  ENode c(2, {});
  c.payload = 42;
  ENode c2 = c;
  c2.payload = 43;

  EXPECT_EQ(memo.lookup(a), kNoClass);
  EXPECT_EQ(memo.insertOrGet(a, 10), kNoClass);
  EXPECT_EQ(memo.size(), 1u);
  EXPECT_EQ(memo.lookup(a), 10u);
  EXPECT_EQ(memo.lookup(b), kNoClass);

  // A second insert of an equal node returns the stored id and changes nothing.
  EXPECT_EQ(memo.insertOrGet(ENode(1, {0, 1}), 99), 10u);
  EXPECT_EQ(memo.lookup(a), 10u);
  EXPECT_EQ(memo.size(), 1u);

  EXPECT_EQ(memo.insertOrGet(b, 11), kNoClass);
  EXPECT_EQ(memo.insertOrGet(c, 12), kNoClass);
  EXPECT_EQ(memo.insertOrGet(c2, 13), kNoClass); // payload is part of identity
  EXPECT_EQ(memo.size(), 4u);
  EXPECT_EQ(memo.lookup(b), 11u);
  EXPECT_EQ(memo.lookup(c), 12u);
  EXPECT_EQ(memo.lookup(c2), 13u);

  // flags and type are part of identity too.
  ENode aFlags = a;
  aFlags.flags = 1;
  ENode aType = a;
  aType.type = 3;
  EXPECT_EQ(memo.lookup(aFlags), kNoClass);
  EXPECT_EQ(memo.lookup(aType), kNoClass);

  memo.erase(a);
  EXPECT_EQ(memo.size(), 3u);
  EXPECT_EQ(memo.lookup(a), kNoClass);
  EXPECT_EQ(memo.lookup(b), 11u);
  // Erasing an absent node is a no-op.
  memo.erase(a);
  memo.erase(aFlags);
  EXPECT_EQ(memo.size(), 3u);

  // After erase the key can be inserted again with a new id.
  EXPECT_EQ(memo.insertOrGet(a, 20), kNoClass);
  EXPECT_EQ(memo.lookup(a), 20u);
  EXPECT_EQ(memo.size(), 4u);

  std::map<ClassId, ENode> seen;
  memo.forEach([&](const ENode &n, ClassId id) { seen.emplace(id, n); });
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen.at(20), a);
  EXPECT_EQ(seen.at(11), b);
  EXPECT_EQ(seen.at(12), c);
  EXPECT_EQ(seen.at(13), c2);

  memo.clear();
  EXPECT_EQ(memo.size(), 0u);
  EXPECT_EQ(memo.lookup(b), kNoClass);
}

TEST(HashCons, ManyKeysAcrossShards) {
  HashCons memo;
  const uint32_t n = 5000;
  for (uint32_t k = 0; k < n; ++k) ASSERT_EQ(memo.insertOrGet(key(k), k), kNoClass) << k;
  EXPECT_EQ(memo.size(), n);
  for (uint32_t k = 0; k < n; ++k) ASSERT_EQ(memo.lookup(key(k)), k);
  for (uint32_t k = 0; k < n; k += 2) memo.erase(key(k));
  EXPECT_EQ(memo.size(), n / 2);
  for (uint32_t k = 0; k < n; ++k) ASSERT_EQ(memo.lookup(key(k)), k % 2 ? k : kNoClass) << k;
  size_t visited = 0;
  memo.forEach([&](const ENode &node, ClassId id) {
    ++visited;
    EXPECT_EQ(node, key(id));
  });
  EXPECT_EQ(visited, n / 2);
}

TEST(HashCons, ConcurrentInsertOrGetOneWinnerPerKey) {
  const unsigned kThreads = 8;
  const uint32_t kDistinct = 4000;
  const uint32_t kPerThread = 3000;
  HashCons memo;

  // Thread t inserts keys [t*kStep, t*kStep + kPerThread) mod kDistinct, in a
  // thread-specific order; neighbouring threads overlap heavily.
  const uint32_t kStep = 500;
  struct Result {
    uint32_t key;
    ClassId offered;
    ClassId returned;
  };
  std::vector<std::vector<Result>> results(kThreads);
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto &out = results[t];
      out.reserve(kPerThread);
      for (uint32_t i = 0; i < kPerThread; ++i) {
        uint32_t j = (t % 2) ? kPerThread - 1 - i : i; // half go backwards
        uint32_t k = (t * kStep + j) % kDistinct;
        ClassId offered = ClassId(t) * 1'000'000 + k; // unique per (thread, key)
        out.push_back({k, offered, memo.insertOrGet(key(k), offered)});
      }
    });
  for (auto &th : threads) th.join();

  std::set<uint32_t> distinct;
  for (unsigned t = 0; t < kThreads; ++t)
    for (uint32_t i = 0; i < kPerThread; ++i) distinct.insert((t * kStep + i) % kDistinct);
  EXPECT_EQ(memo.size(), distinct.size());

  // The winner of each key: the one insert that got kNoClass back.
  std::map<uint32_t, ClassId> winner;
  std::map<uint32_t, int> wins;
  for (const auto &rs : results)
    for (const Result &r : rs)
      if (r.returned == kNoClass) {
        ++wins[r.key];
        winner[r.key] = r.offered;
      }
  EXPECT_EQ(wins.size(), distinct.size());
  for (auto [k, count] : wins) EXPECT_EQ(count, 1) << "key " << k;

  // Every loser saw the winner's id; the table holds the winner's id.
  size_t inconsistent = 0;
  for (const auto &rs : results)
    for (const Result &r : rs)
      if (r.returned != kNoClass) inconsistent += r.returned != winner.at(r.key);
  EXPECT_EQ(inconsistent, 0u);
  for (uint32_t k : distinct) EXPECT_EQ(memo.lookup(key(k)), winner.at(k)) << "key " << k;
}

TEST(HashCons, ConcurrentInsertAndEraseOfDisjointKeys) {
  // Threads insert their own keys and erase half of them again, while sharing
  // shards with each other; the final contents are exactly the survivors.
  const unsigned kThreads = 6;
  const uint32_t kPerThread = 2000;
  HashCons memo;
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (uint32_t i = 0; i < kPerThread; ++i) {
        uint32_t k = t * kPerThread + i;
        EXPECT_EQ(memo.insertOrGet(key(k), k), kNoClass);
        if (i % 2 == 0) memo.erase(key(k));
      }
    });
  for (auto &th : threads) th.join();
  EXPECT_EQ(memo.size(), kThreads * kPerThread / 2);
  for (uint32_t k = 0; k < kThreads * kPerThread; ++k)
    ASSERT_EQ(memo.lookup(key(k)), (k % kPerThread) % 2 ? k : kNoClass) << k;
}

} // namespace
