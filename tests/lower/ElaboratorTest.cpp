//===- ElaboratorTest.cpp - E-graphs elaborated back into LLVM IR ----------===//
//
// Lifting, extraction with no rules, constant-branch folding and
// elaboration of small functions (Elaborator.h, BranchFolding.h): the
// result is valid IR computing the same values, one instruction per class
// that is used (GVN), placed where its operands are available.
//
//===----------------------------------------------------------------------===//
#include "egopt/lower/Elaborator.h"
#include "egopt/analyses/IRAnalyses.h"
#include "egopt/egraph/Statistic.h"
#include "egopt/extract/ExtractFunction.h"
#include "egopt/lift/Lifter.h"
#include "egopt/lower/BranchFolding.h"

#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace llvm;

namespace {

class ElaboratorTest : public ::testing::Test {
protected:
  /// Lifts @f of `module`, extracts without rules, folds branches and
  /// elaborates; returns @f.
  Function &roundTrip(const char *module) {
    SMDiagnostic diag;
    m = parseAssemblyString(module, diag, ctx);
    EXPECT_TRUE(m) << diag.getMessage().str();
    Function &f = *m->getFunction("f");
    ir::LiftedFunction lf = ir::liftFunction(f, passes::addIRAnalyses);
    lf.egraph->rebuild();
    auto costs = extract::TTICostTable::build(*lf.egraph, *lf.tables,
                                              TargetTransformInfo(m->getDataLayout()));
    auto ex = extract::extractFunction(lf, costs, extract::ExtractorKind::Dag, false);
    lower::foldConstantBranches(lf, stats);
    lower::elaborate(lf, *ex.extractor, stats);
    std::string msg;
    raw_string_ostream os(msg);
    EXPECT_FALSE(verifyFunction(f, &os)) << msg;
    return f;
  }
  size_t count(Function &f, unsigned opcode) {
    size_t n = 0;
    for (Instruction &i : instructions(f)) n += i.getOpcode() == opcode;
    return n;
  }

  LLVMContext ctx;
  std::unique_ptr<Module> m;
  eg::Statistics stats;
};

TEST_F(ElaboratorTest, EqualValuesAreComputedOnce) {
  Function &f = roundTrip(R"(
define i32 @f(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %b = add i32 %x, %y
  %c = mul i32 %a, %b
  ret i32 %c
}
)");
  EXPECT_EQ(count(f, Instruction::Add), 1u);
  EXPECT_EQ(count(f, Instruction::Mul), 1u);
  EXPECT_GT(stats.get("erased"), 0u);
}

TEST_F(ElaboratorTest, ConstantsFoldAndTheirBranchesGo) {
  Function &f = roundTrip(R"(
define i32 @f(i32 %x) {
entry:
  %k = add i32 2, 3
  %c = icmp eq i32 %k, 5
  br i1 %c, label %yes, label %no
yes:
  %r = add i32 %x, %k
  ret i32 %r
no:
  ret i32 0
}
)");
  // 2 + 3 folded to 5, the compare to true, the branch made unconditional
  // and the dead block deleted.
  EXPECT_EQ(stats.get("branches_folded"), 1u);
  EXPECT_EQ(stats.get("blocks_removed"), 1u);
  EXPECT_EQ(f.size(), 2u);
  EXPECT_EQ(count(f, Instruction::ICmp), 0u);
  bool addsFive = false;
  for (Instruction &i : instructions(f))
    if (auto *c = dyn_cast<ConstantInt>(i.getOperand(i.getNumOperands() - 1)))
      addsFive |= i.getOpcode() == Instruction::Add && c->getZExtValue() == 5;
  EXPECT_TRUE(addsFive);
}

TEST_F(ElaboratorTest, ADominatingCopyServesLaterUses) {
  // The product is used in the entry block and again in a branch: the
  // branch reuses the entry's copy (scoped GVN over the dominator tree).
  Function &f = roundTrip(R"(
define i32 @f(i1 %c, ptr %p) {
entry:
  %v = load i32, ptr %p
  %a = mul i32 %v, %v
  store i32 %a, ptr %p
  br i1 %c, label %l, label %r
l:
  %b = mul i32 %v, %v
  ret i32 %b
r:
  ret i32 0
}
)");
  EXPECT_EQ(count(f, Instruction::Mul), 1u);
  EXPECT_EQ(stats.get("reused"), 1u);
}

TEST_F(ElaboratorTest, SiblingBranchesGetTheirOwnCopies) {
  // Used only in two sibling branches, the product is built in each, where
  // it is used, not hoisted to where both are dominated (no partial
  // redundancy elimination: a branch that does not need it pays nothing).
  Function &f = roundTrip(R"(
define i32 @f(i1 %c, ptr %p) {
entry:
  %v = load i32, ptr %p
  br i1 %c, label %l, label %r
l:
  %a = mul i32 %v, %v
  ret i32 %a
r:
  %b = mul i32 %v, %v
  %s = add i32 %b, 1
  ret i32 %s
}
)");
  EXPECT_EQ(count(f, Instruction::Mul), 2u);
  for (Instruction &i : instructions(f)) {
    if (i.getOpcode() == Instruction::Mul) {
      EXPECT_NE(i.getParent()->getName(), "entry");
    }
  }
  EXPECT_EQ(stats.get("reused"), 0u);
}

} // namespace
