//===- TTICostTest.cpp - E-node costs asked of TargetTransformInfo --------===//
#include "egopt/extract/TTICost.h"
#include "egopt/lower/Codegen.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

using namespace egopt;
using namespace egopt::extract;

namespace {

const char *kModule = R"(
define void @f(i32 %x, i32 %y, double %d, <4 x i32> %v, ptr %p) {
  %add = add i32 %x, %y
  %add2 = add i32 %y, %x
  %fadd = fadd double %d, %d
  %fdiv = fdiv double %d, 3.0
  %mul7 = mul <4 x i32> %v, splat (i32 7)
  %mul8 = mul <4 x i32> %v, splat (i32 8)
  %wide = zext i32 %x to i64
  %lane = extractelement <4 x i32> %v, i32 1
  %s = call i32 @llvm.smax.i32(i32 %x, i32 %y)
  %sum = add i32 %add, %add2
  %sum4 = add i32 %sum, %lane
  %sum5 = add i32 %sum4, %s
  %neg = sub i32 0, %x
  %rsub = sub i32 64, %x
  store i32 %sum5, ptr %p
  store i32 %neg, ptr %p
  store i32 %rsub, ptr %p
  store double %fadd, ptr %p
  store double %fdiv, ptr %p
  store i64 %wide, ptr %p
  store <4 x i32> %mul7, ptr %p
  store <4 x i32> %mul8, ptr %p
  ret void
}
declare i32 @llvm.smax.i32(i32, i32)
)";

class TTICostTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SMDiagnostic diag;
    m = llvm::parseAssemblyString(kModule, diag, ctx);
    ASSERT_TRUE(m) << diag.getMessage().str();
    lower::CodegenOptions cg;
    cg.triple = "x86_64-unknown-linux-gnu";
    auto created = lower::createTargetMachine(*m, cg);
    ASSERT_TRUE(bool(created)) << llvm::toString(created.takeError());
    tm = std::move(*created);
    lf = ir::liftFunction(*m->getFunction("f"));
    lf.egraph->rebuild();
  }
  Cost costOf(const TTICostTable &t, llvm::StringRef name) {
    for (size_t k = 0; k < lf.pure.size(); ++k)
      if (lf.pure[k]->getName() == name) {
        auto nodes = lf.egraph->nodes(lf.pureClass[k]);
        return t.cost(nodes.back()); // the operation (constants sort first)
      }
    ADD_FAILURE() << "no lifted value " << name.str();
    return 0;
  }

  llvm::LLVMContext ctx;
  std::unique_ptr<llvm::Module> m;
  std::unique_ptr<llvm::TargetMachine> tm;
  ir::LiftedFunction lf;
};

TEST_F(TTICostTest, X86CostsFollowTheTarget) {
  TTICostTable t = TTICostTable::build(*lf.egraph, *lf.tables, tm->getTargetTransformInfo(*lf.fn));
  EXPECT_GT(costOf(t, "fdiv"), costOf(t, "fadd"));
  // A multiply by a power of two is a shift; SSE2 has no 32-bit lane multiply.
  EXPECT_LT(costOf(t, "mul8"), costOf(t, "mul7"));
  EXPECT_GE(costOf(t, "add"), 1u);
  EXPECT_GE(costOf(t, "s"), 1u);
  EXPECT_EQ(costOf(t, "wide"), 0u); // writing a 32-bit register clears the top half
  EXPECT_EQ(costOf(t, "add"), costOf(t, "add2"));
  // TTI prices both subtractions alike; `64 - x` needs 64 in a register
  // first, `0 - x` is one negate: a sixteenth apart.
  EXPECT_EQ(costOf(t, "rsub"), costOf(t, "neg") + 1);
}

TEST_F(TTICostTest, OneQuestionPerKind) {
  TTICostTable t = TTICostTable::build(*lf.egraph, *lf.tables, tm->getTargetTransformInfo(*lf.fn));
  // add/add2/sum/sum4/sum5: one kind (i32 add of two non-constants).
  // fadd, fdiv, the two vector multiplies, zext, extractelement, smax, and
  // the two subtractions from a constant: one each.
  EXPECT_EQ(t.numKeys(), 10u);
}

TEST_F(TTICostTest, DefaultTTIAnswersWithoutATarget) {
  llvm::TargetTransformInfo tti(m->getDataLayout());
  TTICostTable t = TTICostTable::build(*lf.egraph, *lf.tables, tti);
  EXPECT_GE(costOf(t, "add"), 1u);
  EXPECT_GE(costOf(t, "fdiv"), 1u);
}

} // namespace
