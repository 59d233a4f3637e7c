//===- DagExtractorTest.cpp - Shared children, cycles, random e-graphs ----===//
#include "HandBuilt.h"

#include "DagExtractor.h"
#include "GreedyExtractor.h"
#include "Selection.h"

#include <gtest/gtest.h>

#include <random>

using namespace egopt;
using namespace egopt::extract;
using egopt::testing::HandBuilt;
using egopt::testing::opCostIn;

namespace {

/// m = a*b (cost 4) is used by the skeleton itself; x is either m + a
/// (cost 1 + 4 as a tree) or a << b (cost 2). Tree-greedy takes the shift;
/// with m built anyway, the add costs only 1 more.
struct SharedProduct : HandBuilt {
  eg::ClassId a = arg(0), b = arg(1);
  eg::ClassId m = op(L.Mul, {a, b});
  eg::ClassId x = same(op(L.Add, {m, a}), op(L.Shl, {a, b}));
};

TEST(DagExtractorTest, SharedChildMakesTheDifference) {
  SharedProduct e;
  std::vector<eg::ClassId> roots{e.m, e.x};
  GreedyExtractor greedy(e.g, opCostIn);
  DagExtractor dag(e.g, roots, opCostIn);
  EXPECT_EQ(greedy.best(e.x)->op, e.L.Shl);
  EXPECT_EQ(dag.best(e.x)->op, e.L.Add);
  EXPECT_EQ(dagCost(e.g, greedy, roots, opCostIn), 6u);
  EXPECT_EQ(dagCost(e.g, dag, roots, opCostIn), 5u);
  EXPECT_EQ(dag.totalCost(), 5u);
  EXPECT_EQ(dag.stats().improvements, 1u);
}

TEST(DagExtractorTest, WithoutTheSharedUseTheTreeChoiceStands) {
  SharedProduct e;
  std::vector<eg::ClassId> roots{e.x};
  DagExtractor dag(e.g, roots, opCostIn);
  EXPECT_EQ(dag.best(e.x)->op, e.L.Shl);
  EXPECT_EQ(dag.totalCost(), 2u);
  EXPECT_EQ(dag.stats().improvements, 0u);
}

TEST(DagExtractorTest, CostOfAClassCountsSharedChildrenOnce) {
  HandBuilt e;
  eg::ClassId a = e.arg(0), b = e.arg(1);
  eg::ClassId m = e.op(e.L.Mul, {a, b});
  eg::ClassId sq = e.op(e.L.Add, {m, m});
  e.g.rebuild();
  std::vector<eg::ClassId> roots{sq};
  DagExtractor dag(e.g, roots, opCostIn);
  GreedyExtractor greedy(e.g, opCostIn);
  EXPECT_EQ(dag.cost(sq), 5u);    // the product once
  EXPECT_EQ(greedy.cost(sq), 9u); // the product per use
}

TEST(DagExtractorTest, SelfLoopIsNeverChosen) {
  HandBuilt e;
  eg::ClassId a = e.arg(0);
  eg::ENode zero(e.L.IConst, {});
  eg::ClassId z = e.g.add(zero);
  // x == x + 0 == %arg0: the class holds an e-node that uses itself.
  eg::ClassId x = e.same(a, e.op(e.L.Add, {a, z}));
  std::vector<eg::ClassId> roots{x};
  DagExtractor dag(e.g, roots, opCostIn);
  EXPECT_EQ(dag.best(x)->op, e.L.Arg);
  EXPECT_TRUE(isAcyclic(e.g, dag, roots));
}

/// p is a*b (4) or q^a (1); q is b*a (4) or p|b (1). Once p takes q^a, q
/// would like p|b, which closes the cycle p -> q -> p.
TEST(DagExtractorTest, ImprovementThatClosesACycleIsRefused) {
  HandBuilt e;
  eg::ClassId a = e.arg(0), b = e.arg(1);
  eg::ClassId p = e.op(e.L.Mul, {a, b});
  eg::ClassId q = e.op(e.L.Mul, {b, a});
  p = e.same(p, e.op(e.L.Xor, {q, a}));
  q = e.same(q, e.op(e.L.Or, {p, b}));
  std::vector<eg::ClassId> roots{p, q};
  DagExtractor dag(e.g, roots, opCostIn);
  EXPECT_TRUE(isAcyclic(e.g, dag, roots));
  EXPECT_EQ(dag.totalCost(), 5u); // one product, one cheap operation on it
  EXPECT_GE(dag.stats().cyclesRefused, 1u);
  GreedyExtractor greedy(e.g, opCostIn);
  EXPECT_EQ(dagCost(e.g, greedy, roots, opCostIn), 8u);
}

/// Random e-graphs: a pool of leaves and operations over earlier classes,
/// then random merges (which make cycles too).
void buildRandom(HandBuilt &e, unsigned seed, std::vector<eg::ClassId> &roots) {
  std::mt19937 rng(seed);
  std::vector<eg::ClassId> pool;
  for (unsigned i = 0; i < 4; ++i) pool.push_back(e.arg(i));
  const eg::Op ops[] = {e.L.Add, e.L.Mul, e.L.Shl, e.L.Xor, e.L.Sub};
  for (unsigned i = 0; i < 200; ++i) {
    eg::ClassId l = pool[rng() % pool.size()], r = pool[rng() % pool.size()];
    pool.push_back(e.op(ops[rng() % 5], {l, r}));
  }
  for (unsigned i = 0; i < 60; ++i) e.g.merge(pool[4 + rng() % 200], pool[4 + rng() % 200]);
  e.g.rebuild();
  for (unsigned i = 0; i < 12; ++i) roots.push_back(pool[pool.size() - 1 - rng() % 100]);
}

TEST(DagExtractorTest, RandomEGraphsNeverWorseThanGreedyAndAcyclic) {
  size_t strictlyBetter = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    HandBuilt e;
    std::vector<eg::ClassId> roots;
    buildRandom(e, seed, roots);
    GreedyExtractor greedy(e.g, opCostIn);
    DagExtractor dag(e.g, roots, opCostIn);
    ASSERT_TRUE(isAcyclic(e.g, dag, roots)) << "seed " << seed;
    Cost g = dagCost(e.g, greedy, roots, opCostIn), d = dagCost(e.g, dag, roots, opCostIn);
    EXPECT_EQ(d, dag.totalCost()) << "seed " << seed;
    EXPECT_LE(d, g) << "seed " << seed;
    strictlyBetter += d < g;
  }
  EXPECT_GT(strictlyBetter, 0u);
}

TEST(DagExtractorTest, WorkLimitKeepsAValidChoice) {
  HandBuilt e;
  std::vector<eg::ClassId> roots;
  buildRandom(e, 7, roots);
  DagExtractor limited(e.g, roots, opCostIn, /*workLimitPerNode=*/0);
  EXPECT_TRUE(limited.stats().workLimitHit);
  EXPECT_EQ(limited.stats().improvements, 0u);
  GreedyExtractor greedy(e.g, opCostIn);
  EXPECT_EQ(limited.totalCost(), dagCost(e.g, greedy, roots, opCostIn));
}

} // namespace
