//===- LoopWeightsTest.cpp - Loop depth weights and how they change a choice ===//
#include "HandBuilt.h"

#include "DagExtractor.h"
#include "GreedyExtractor.h"
#include "LoopWeights.h"
#include "egopt/lift/Lifter.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace egopt::extract;
using egopt::testing::HandBuilt;
using egopt::testing::opCost;

namespace {

TEST(LoopWeightsTest, WeightGrowsByEightPerLoopUpToTheCap) {
  EXPECT_EQ(loopDepthWeight(0), 1u);
  EXPECT_EQ(loopDepthWeight(1), 8u);
  EXPECT_EQ(loopDepthWeight(2), 64u);
  EXPECT_EQ(loopDepthWeight(kMaxWeightedLoopDepth), loopDepthWeight(kMaxWeightedLoopDepth + 3));
}

/// In a loop (depth 1), x = f(i, a) where i changes per iteration and a is
/// an argument: either (a*a) + i, whose product is loop-invariant and so
/// computed once before the loop, or (a << i), one shift in the loop.
/// Unweighted, the shift is cheaper (2 against 4 + 1); weighted, the add is
/// (8 * 1 + 4 against 8 * 2).
struct InvariantProduct : HandBuilt {
  eg::ClassId a = arg(0), i = skel(0);
  eg::ClassId sq = op(L.Mul, {a, a});
  eg::ClassId x = same(op(L.Add, {sq, i}), op(L.Shl, {a, i}));
  std::vector<eg::ClassId> roots{x};

  std::vector<uint32_t> weights() {
    std::pair<eg::ClassId, unsigned> uses[] = {{x, 1}};
    return classWeights(g, uses, [&](const eg::ENode &n) { return n.op == L.Skel ? 1u : 0u; });
  }
};

TEST(LoopWeightsTest, InvariantOperandsArePlacedOutsideTheLoop) {
  InvariantProduct e;
  std::vector<uint32_t> w = e.weights();
  EXPECT_EQ(w[e.g.find(e.x)], 8u);
  EXPECT_EQ(w[e.g.find(e.sq)], 1u);
}

TEST(LoopWeightsTest, WeightingChangesTheChoice) {
  InvariantProduct e;
  auto flat = [](eg::ClassId, const eg::ENode &n) { return opCost(n); };
  std::vector<uint32_t> w = e.weights();
  auto weighted = [&](eg::ClassId c, const eg::ENode &n) { return opCost(n) * w[c]; };
  EXPECT_EQ(GreedyExtractor(e.g, flat).best(e.x)->op, e.L.Shl);
  EXPECT_EQ(DagExtractor(e.g, e.roots, flat).best(e.x)->op, e.L.Shl);
  EXPECT_EQ(GreedyExtractor(e.g, weighted).best(e.x)->op, e.L.Add);
  DagExtractor dag(e.g, e.roots, weighted);
  EXPECT_EQ(dag.best(e.x)->op, e.L.Add);
  EXPECT_EQ(dag.totalCost(), 8u + 4u);
}

TEST(LoopWeightsTest, FromTheFunctionsLoops) {
  llvm::LLVMContext ctx;
  llvm::SMDiagnostic diag;
  auto m = llvm::parseAssemblyString(R"(
define void @f(i32 %n, i32 %a, i32 %b, ptr %p) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %inv = mul i32 %a, %b
  %var = add i32 %i, %inv
  store i32 %var, ptr %p
  %i.next = add i32 %i, 1
  %c = icmp slt i32 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  %after = xor i32 %i.next, %a
  store i32 %after, ptr %p
  ret void
}
)",
                                     diag, ctx);
  ASSERT_TRUE(m) << diag.getMessage().str();
  ir::LiftedFunction lf = ir::liftFunction(*m->getFunction("f"));
  lf.egraph->rebuild();
  std::vector<uint32_t> w = classWeights(lf);
  auto weightOf = [&](llvm::StringRef name) {
    for (size_t k = 0; k < lf.pure.size(); ++k)
      if (lf.pure[k]->getName() == name) return w[lf.egraph->find(lf.pureClass[k])];
    ADD_FAILURE() << "no lifted value " << name.str();
    return 0u;
  };
  EXPECT_EQ(weightOf("inv"), 1u);    // hoisted by LICM
  EXPECT_EQ(weightOf("var"), 8u);    // depends on the phi
  EXPECT_EQ(weightOf("i.next"), 8u); // used by the phi, from the latch
  EXPECT_EQ(weightOf("after"), 1u);  // after the loop
}

} // namespace
