//===- UnionFindTest.cpp - The concurrent union-find with smallest-id roots ===//
#include "egopt/egraph/UnionFind.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <thread>
#include <utility>
#include <vector>

using namespace egopt::eg;

namespace {

/// A plain, obviously correct union-find: a label per element, relabelled on
/// every union; the label is the smallest member of the set.
class ReferenceUF {
public:
  explicit ReferenceUF(size_t n) : label_(n) { std::iota(label_.begin(), label_.end(), 0); }
  ClassId find(ClassId i) const { return label_[i]; }
  bool unite(ClassId a, ClassId b) {
    ClassId la = label_[a], lb = label_[b];
    if (la == lb) return false;
    ClassId keep = std::min(la, lb), drop = std::max(la, lb);
    for (ClassId &l : label_)
      if (l == drop) l = keep;
    return true;
  }

private:
  std::vector<ClassId> label_;
};

std::vector<std::pair<ClassId, ClassId>> randomPairs(size_t n, size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<ClassId> pick(0, ClassId(n - 1));
  std::vector<std::pair<ClassId, ClassId>> pairs(count);
  for (auto &p : pairs) p = {pick(rng), pick(rng)};
  return pairs;
}

void makeSets(UnionFind &uf, size_t n) {
  for (size_t i = 0; i < n; ++i) uf.makeSet();
}

TEST(UnionFind, MakeSetIdsAreSequential) {
  UnionFind uf;
  EXPECT_EQ(uf.size(), 0u);
  // Past the initial capacity (1024), so growing is exercised too.
  for (ClassId i = 0; i < 3000; ++i) {
    ASSERT_EQ(uf.makeSet(), i);
    ASSERT_EQ(uf.size(), size_t(i) + 1);
  }
  for (ClassId i = 0; i < 3000; ++i) {
    EXPECT_EQ(uf.find(i), i);
    EXPECT_TRUE(uf.isRoot(i));
  }
}

TEST(UnionFind, UniteReturnsLargerRootOrNoClass) {
  UnionFind uf;
  makeSets(uf, 10);
  EXPECT_EQ(uf.unite(3, 7), 7u);
  EXPECT_EQ(uf.unite(7, 3), kNoClass);
  EXPECT_EQ(uf.unite(3, 3), kNoClass);
  // Argument order does not matter: the larger root loses.
  EXPECT_EQ(uf.unite(9, 5), 9u);
  // Uniting non-roots: {3,7} with {5,9}; roots are 3 and 5, so 5 loses.
  EXPECT_EQ(uf.unite(7, 9), 5u);
  EXPECT_EQ(uf.unite(9, 3), kNoClass);
  EXPECT_FALSE(uf.isRoot(5));
  EXPECT_FALSE(uf.isRoot(7));
  EXPECT_FALSE(uf.isRoot(9));
  EXPECT_TRUE(uf.isRoot(3));
  for (ClassId i : {3u, 5u, 7u, 9u}) EXPECT_EQ(uf.find(i), 3u);
  for (ClassId i : {0u, 1u, 2u, 4u, 6u, 8u}) EXPECT_EQ(uf.find(i), i);
  // Joining with 0 makes 0 the root of all of them.
  EXPECT_EQ(uf.unite(9, 0), 3u);
  for (ClassId i : {0u, 3u, 5u, 7u, 9u}) EXPECT_EQ(uf.find(i), 0u);
}

TEST(UnionFind, RootIsSmallestMember) {
  const size_t n = 500;
  UnionFind uf;
  makeSets(uf, n);
  for (auto [a, b] : randomPairs(n, 300, 7)) uf.unite(a, b);
  // The smallest member of each set, computed from the partition alone.
  std::vector<ClassId> smallest(n, kNoClass);
  for (ClassId i = 0; i < n; ++i) {
    ClassId r = uf.find(i);
    smallest[r] = std::min(smallest[r], i);
  }
  for (ClassId i = 0; i < n; ++i) {
    ClassId r = uf.find(i);
    EXPECT_LE(r, i);
    EXPECT_EQ(r, smallest[r]) << "root of " << i;
    EXPECT_TRUE(uf.isRoot(r));
    EXPECT_EQ(uf.findNoCompress(i), r);
  }
}

TEST(UnionFind, AgreesWithReferenceAfterRandomUnions) {
  const size_t n = 2000;
  UnionFind uf;
  ReferenceUF ref(n);
  makeSets(uf, n);
  std::mt19937 rng(12345);
  std::uniform_int_distribution<ClassId> pick(0, ClassId(n - 1));
  for (size_t step = 0; step < 1500; ++step) {
    ClassId a = pick(rng), b = pick(rng);
    ClassId ra = ref.find(a), rb = ref.find(b);
    bool refMerged = ref.unite(a, b);
    ClassId loser = uf.unite(a, b);
    ASSERT_EQ(loser, refMerged ? std::max(ra, rb) : kNoClass) << "step " << step;
    if (step % 100 == 0) {
      for (ClassId i = 0; i < n; ++i) ASSERT_EQ(uf.find(i), ref.find(i)) << "step " << step;
    }
  }
  size_t roots = 0;
  for (ClassId i = 0; i < n; ++i) {
    EXPECT_EQ(uf.find(i), ref.find(i));
    EXPECT_EQ(uf.isRoot(i), ref.find(i) == i);
    roots += uf.isRoot(i);
  }
  // 1500 random unions over 2000 ids leave fewer sets than ids.
  EXPECT_LT(roots, n);
}

TEST(UnionFind, ConcurrentUnitesMatchSequential) {
  const size_t n = 20000;
  const unsigned kThreads = 8;
  const size_t perThread = 2000;
  std::vector<std::vector<std::pair<ClassId, ClassId>>> work;
  for (unsigned t = 0; t < kThreads; ++t) work.push_back(randomPairs(n, perThread, 1000 + t));

  UnionFind seq;
  makeSets(seq, n);
  size_t seqUnions = 0;
  for (const auto &w : work)
    for (auto [a, b] : w) seqUnions += seq.unite(a, b) != kNoClass;

  for (int repeat = 0; repeat < 5; ++repeat) {
    UnionFind par;
    makeSets(par, n);
    std::vector<size_t> unions(kThreads, 0);
    std::vector<std::vector<ClassId>> losers(kThreads);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (auto [a, b] : work[t]) {
          ClassId l = par.unite(a, b);
          if (l != kNoClass) {
            ++unions[t];
            losers[t].push_back(l);
          }
          // Readers run alongside the writers: find must stay in the set.
          (void)par.find(a);
        }
      });
    for (auto &th : threads) th.join();

    size_t parUnions = 0;
    std::vector<ClassId> allLosers;
    for (unsigned t = 0; t < kThreads; ++t) {
      parUnions += unions[t];
      allLosers.insert(allLosers.end(), losers[t].begin(), losers[t].end());
    }
    // Every successful unite retires exactly one root, and no root twice.
    EXPECT_EQ(parUnions, seqUnions);
    std::sort(allLosers.begin(), allLosers.end());
    EXPECT_EQ(std::adjacent_find(allLosers.begin(), allLosers.end()), allLosers.end());
    for (ClassId l : allLosers) EXPECT_FALSE(par.isRoot(l));
    size_t mismatches = 0;
    for (ClassId i = 0; i < n; ++i) mismatches += par.find(i) != seq.find(i);
    ASSERT_EQ(mismatches, 0u) << "repeat " << repeat;
  }
}

TEST(UnionFind, CompressAllKeepsPartition) {
  const size_t n = 3000;
  UnionFind uf;
  ReferenceUF ref(n);
  makeSets(uf, n);
  // Chains of unions build deep trees, so compression has work to do.
  for (ClassId i = n - 1; i > 0; i -= 3) {
    if (i < 3) break;
    uf.unite(i, i - 3);
    ref.unite(i, i - 3);
  }
  for (auto [a, b] : randomPairs(n, 200, 99)) {
    uf.unite(a, b);
    ref.unite(a, b);
  }
  uf.compressAll();
  for (ClassId i = 0; i < n; ++i) {
    EXPECT_EQ(uf.find(i), ref.find(i));
    EXPECT_EQ(uf.findNoCompress(i), ref.find(i));
  }
  // Unions keep working after compression.
  bool refMerged = ref.unite(0, 1);
  EXPECT_EQ(uf.unite(0, 1) != kNoClass, refMerged);
  uf.compressAll();
  for (ClassId i = 0; i < n; ++i) EXPECT_EQ(uf.find(i), ref.find(i));
}

} // namespace
