//===- ConstantFoldTest.cpp - The integer constant-folding analysis -------===//
#include "egopt/analyses/ConstantFold.h"
#include "egopt/lift/Lifter.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace llvm;

namespace {

class ConstantFoldTest : public ::testing::Test {
protected:
  /// Lifts @f of `body` (an LLVM IR module) with the analysis; returns the
  /// fact of the class of the value named `name`.
  std::optional<APInt> factOf(const std::string &module, const std::string &name) {
    SMDiagnostic diag;
    m = parseAssemblyString(module, diag, ctx);
    EXPECT_TRUE(m) << diag.getMessage().str();
    Function *f = m->getFunction("f");
    lf = ir::liftFunction(*f, [](eg::EGraph &g, const ir::IRTables &t) {
      g.addAnalysis<passes::IntConstantFold>(t);
    });
    lf.egraph->rebuild();
    const auto *cf = lf.egraph->findAnalysis<passes::IntConstantFold>();
    for (size_t i = 0; i < lf.pure.size(); ++i)
      if (lf.pure[i]->getName() == name) return cf->valueOf(lf.egraph->find(lf.pureClass[i]));
    ADD_FAILURE() << "no lifted value named " << name;
    return std::nullopt;
  }

  std::optional<APInt> fold(const std::string &type, const std::string &inst) {
    return factOf(
        "define " + type + " @f(i32 %x) {\n  %v = " + inst + "\n  ret " + type + " %v\n}\n", "v");
  }

  LLVMContext ctx;
  std::unique_ptr<Module> m;
  ir::LiftedFunction lf;
};

TEST_F(ConstantFoldTest, FoldsArithmetic) {
  EXPECT_EQ(fold("i32", "add i32 2, 3"), APInt(32, 5));
  EXPECT_EQ(fold("i8", "mul i8 16, 17"), APInt(8, 16)); // wraps without flags
  EXPECT_EQ(fold("i32", "sub i32 2, 5"), APInt(32, -3, true));
  EXPECT_EQ(fold("i32", "udiv i32 17, 5"), APInt(32, 3));
  EXPECT_EQ(fold("i32", "sdiv i32 -17, 5"), APInt(32, -3, true));
  EXPECT_EQ(fold("i32", "srem i32 -17, 5"), APInt(32, -2, true));
  EXPECT_EQ(fold("i32", "shl i32 3, 4"), APInt(32, 48));
  EXPECT_EQ(fold("i32", "ashr i32 -16, 2"), APInt(32, -4, true));
  EXPECT_EQ(fold("i32", "xor i32 12, 10"), APInt(32, 6));
  EXPECT_EQ(fold("i64", "zext i32 -1 to i64"), APInt(64, 0xffffffffULL));
  EXPECT_EQ(fold("i64", "sext i32 -1 to i64"), APInt(64, -1, true));
  EXPECT_EQ(fold("i8", "trunc i32 300 to i8"), APInt(8, 44));
}

TEST_F(ConstantFoldTest, FoldsComparesAndSelects) {
  EXPECT_EQ(fold("i1", "icmp slt i32 -1, 0"), APInt(1, 1));
  EXPECT_EQ(fold("i1", "icmp ult i32 -1, 0"), APInt(1, 0));
  EXPECT_EQ(fold("i32", "select i1 true, i32 7, i32 %x"), APInt(32, 7));
  EXPECT_EQ(fold("i32", "select i1 false, i32 %x, i32 9"), APInt(32, 9));
  EXPECT_EQ(fold("i32", "select i1 true, i32 %x, i32 9"), std::nullopt);
}

TEST_F(ConstantFoldTest, DeclinesPoison) {
  EXPECT_EQ(fold("i32", "add nsw i32 2147483647, 1"), std::nullopt);
  EXPECT_EQ(fold("i32", "add nuw i32 -1, 1"), std::nullopt);
  EXPECT_EQ(fold("i32", "add i32 2147483647, 1"), APInt(32, 0x80000000ULL));
  EXPECT_EQ(fold("i32", "mul nsw i32 65536, 65536"), std::nullopt);
  EXPECT_EQ(fold("i32", "shl i32 1, 32"), std::nullopt);
  EXPECT_EQ(fold("i32", "shl nuw i32 -1, 1"), std::nullopt);
  EXPECT_EQ(fold("i32", "lshr exact i32 5, 1"), std::nullopt);
  EXPECT_EQ(fold("i32", "udiv exact i32 7, 2"), std::nullopt);
  EXPECT_EQ(fold("i32", "or disjoint i32 3, 1"), std::nullopt);
  EXPECT_EQ(fold("i8", "trunc nuw i32 300 to i8"), std::nullopt);
  EXPECT_EQ(fold("i64", "zext nneg i32 -1 to i64"), std::nullopt);
  EXPECT_EQ(fold("i1", "icmp samesign ult i32 -1, 1"), std::nullopt);
}

TEST_F(ConstantFoldTest, ChainsAndAddsTheConstant) {
  auto v = factOf("define i32 @f(i32 %x) {\n  %a = add i32 2, 3\n  %b = mul i32 %a, 4\n"
                  "  %c = add i32 %x, %b\n  ret i32 %c\n}\n",
                  "b");
  EXPECT_EQ(v, APInt(32, 20));
  // The folded class holds the constant e-node, which extraction will prefer.
  bool hasConst = false;
  for (size_t i = 0; i < lf.pure.size(); ++i)
    if (lf.pure[i]->getName() == "b")
      for (const eg::ENode &n : lf.egraph->nodes(lf.pureClass[i]))
        hasConst |= n.op == ir::IRLanguage::get().IConst && int64_t(n.payload) == 20;
  EXPECT_TRUE(hasConst);
}

TEST_F(ConstantFoldTest, UnknownOperandsStayUnknown) {
  EXPECT_EQ(fold("i32", "add i32 %x, 1"), std::nullopt);
}

} // namespace
