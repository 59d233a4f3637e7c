//===- LifterTest.cpp - LLVM IR functions lifted into an e-graph -----------===//
//
// The split of lifting (Lifter.h): pure instructions become e-nodes (equal
// ones one e-node), everything else stays in the skeleton with its pure
// operands recorded as uses; phis of one class fold; division by a variable
// stays in the skeleton.
//
//===----------------------------------------------------------------------===//
#include "egopt/lift/Lifter.h"
#include "egopt/analyses/IRAnalyses.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace llvm;

namespace {

class LifterTest : public ::testing::Test {
protected:
  void lift(const char *module) {
    SMDiagnostic diag;
    m = parseAssemblyString(module, diag, ctx);
    ASSERT_TRUE(m) << diag.getMessage().str();
    lf = ir::liftFunction(*m->getFunction("f"), passes::addIRAnalyses);
    lf.egraph->rebuild();
  }
  /// The class of the lifted instruction named `name`.
  eg::ClassId classOf(StringRef name) {
    for (size_t i = 0; i < lf.pure.size(); ++i)
      if (lf.pure[i]->getName() == name) return lf.egraph->find(lf.pureClass[i]);
    return eg::kNoClass;
  }
  bool isPure(StringRef name) { return classOf(name) != eg::kNoClass; }

  LLVMContext ctx;
  std::unique_ptr<Module> m;
  ir::LiftedFunction lf;
};

TEST_F(LifterTest, PureInstructionsAreENodesAndEqualOnesShareAClass) {
  lift(R"(
define i32 @f(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %b = add i32 %x, %y
  %c = mul i32 %a, 3
  ret i32 %c
}
)");
  EXPECT_TRUE(isPure("a"));
  EXPECT_TRUE(isPure("c"));
  // Hash-consing: the second add is the first.
  EXPECT_EQ(classOf("a"), classOf("b"));
  EXPECT_NE(classOf("a"), classOf("c"));
  EXPECT_EQ(lf.stats.get("pure_instructions"), 3u);
  // The ret is skeleton; its operand is a use of %c's class.
  ASSERT_EQ(lf.uses.size(), 1u);
  EXPECT_TRUE(isa<ReturnInst>(lf.uses[0].user));
  EXPECT_EQ(lf.egraph->find(lf.uses[0].cls), classOf("c"));
}

TEST_F(LifterTest, EffectsAndTrapsStayInTheSkeleton) {
  lift(R"(
define i32 @f(ptr %p, i32 %x, i32 %y) {
  %v = load i32, ptr %p
  %q = udiv i32 %v, %y
  %k = udiv i32 %v, 7
  store i32 %q, ptr %p
  %r = add i32 %k, %x
  ret i32 %r
}
)");
  // A load and a division by a variable (it may trap) are skeleton; a
  // division by a nonzero constant cannot trap and is pure.
  EXPECT_FALSE(isPure("v"));
  EXPECT_FALSE(isPure("q"));
  EXPECT_TRUE(isPure("k"));
  EXPECT_TRUE(isPure("r"));
  // load, the udiv by %y, store, ret.
  EXPECT_EQ(lf.stats.get("skeleton_instructions"), 4u);
}

TEST_F(LifterTest, PhiOfOneClassFolds) {
  lift(R"(
define i32 @f(i1 %c, i32 %x) {
entry:
  %a = add i32 %x, 1
  br i1 %c, label %l, label %r
l:
  br label %j
r:
  br label %j
j:
  %p = phi i32 [ %a, %l ], [ %a, %r ]
  %s = mul i32 %p, 2
  ret i32 %s
}
)");
  // Both incoming values are %a's class: the phi is that class.
  EXPECT_EQ(classOf("p"), classOf("a"));
  EXPECT_EQ(lf.stats.get("phis_folded"), 1u);
}

TEST_F(LifterTest, ThePhiOfALoopStaysSkeletonAndIsALeaf) {
  lift(R"(
define i32 @f(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i32 %next
}
)");
  EXPECT_FALSE(isPure("i"));
  ASSERT_TRUE(isPure("next"));
  // %next's add has a `skel` leaf (the phi) as an operand.
  const ir::IRLanguage &L = ir::IRLanguage::get();
  bool skelOperand = false;
  for (const eg::ENode &n : lf.egraph->nodes(classOf("next")))
    if (n.op == L.Add)
      for (eg::ClassId k : n.kids)
        for (const eg::ENode &leaf : lf.egraph->nodes(k)) skelOperand |= leaf.op == L.Skel;
  EXPECT_TRUE(skelOperand);
  // The phi's incoming %next is a use of %next's class.
  bool phiUse = false;
  for (const ir::SkeletonUse &u : lf.uses)
    phiUse |= isa<PHINode>(u.user) && lf.egraph->find(u.cls) == classOf("next");
  EXPECT_TRUE(phiUse);
}

TEST_F(LifterTest, TheTablesAreTheEGraphsContext) {
  lift("define i64 @f(i64 %x) {\n  %a = shl i64 %x, 3\n  ret i64 %a\n}\n");
  const auto *tables = lf.egraph->context<ir::IRTables>();
  ASSERT_EQ(tables, lf.tables.get());
  const eg::ENode &n = lf.egraph->nodes(classOf("a")).front();
  EXPECT_TRUE(tables->types[n.type]->isIntegerTy(64));
  // i1 is interned first, so rules that make compares have a type.
  EXPECT_TRUE(tables->types[ir::IRTables::kBoolType]->isIntegerTy(1));
}

} // namespace
