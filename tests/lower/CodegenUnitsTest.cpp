//===- CodegenUnitsTest.cpp - Planning and splitting codegen units ---------===//
#include "egopt/lower/CodegenUnits.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

#include <set>

using namespace egopt;
using namespace llvm;

namespace {

/// A module of `n` functions of about `size` instructions each, plus a
/// comdat pair that must stay in one unit.
std::unique_ptr<Module> makeModule(LLVMContext &ctx, unsigned n, unsigned size) {
  std::string text = "$pair = comdat any\n";
  for (unsigned f = 0; f < n; ++f) {
    text += "define i32 @f" + std::to_string(f) + "(i32 %x) {\n  %v0 = add i32 %x, 1\n";
    for (unsigned i = 1; i < size; ++i)
      text += "  %v" + std::to_string(i) + " = mul i32 %v" + std::to_string(i - 1) + ", 3\n";
    text += "  ret i32 %v" + std::to_string(size - 1) + "\n}\n";
  }
  text += "define linkonce_odr i32 @pa(i32 %x) comdat($pair) { ret i32 %x }\n"
          "define linkonce_odr i32 @pb(i32 %x) comdat($pair) { ret i32 %x }\n";
  SMDiagnostic diag;
  auto m = parseAssemblyString(text, diag, ctx);
  EXPECT_TRUE(m) << diag.getMessage().str();
  return m;
}

size_t unitOf(const lower::CGUPlan &plan, StringRef name) {
  for (size_t u = 0; u < plan.numUnits(); ++u)
    for (Function *f : plan.functions[u])
      if (f->getName() == name) return u;
  return ~size_t(0);
}

TEST(CodegenUnits, RequestedCountEveryFunctionOnceComdatsTogether) {
  LLVMContext ctx;
  auto m = makeModule(ctx, 12, 40);
  lower::CGUOptions opts;
  opts.requested = 3;
  opts.minSize = 1;
  lower::CGUPlan plan = lower::planCodegenUnits(*m, opts);
  ASSERT_EQ(plan.numUnits(), 3u);
  std::set<Function *> seen;
  for (auto &unit : plan.functions)
    for (Function *f : unit) EXPECT_TRUE(seen.insert(f).second) << f->getName().str();
  EXPECT_EQ(seen.size(), 14u);
  EXPECT_EQ(unitOf(plan, "pa"), unitOf(plan, "pb"));
  // Largest first onto the smallest unit: the units come out within one
  // function's estimate of each other.
  uint64_t lo = *std::min_element(plan.estimates.begin(), plan.estimates.end());
  uint64_t hi = *std::max_element(plan.estimates.begin(), plan.estimates.end());
  EXPECT_LE(hi - lo, lower::estimateCodegenCost(*m->getFunction("f0")));
}

TEST(CodegenUnits, AutoDependsOnTheModuleAloneAndRespectsTheMinimum) {
  LLVMContext ctx;
  auto m = makeModule(ctx, 12, 40);
  lower::CGUOptions opts; // auto
  lower::CGUPlan a = lower::planCodegenUnits(*m, opts);
  lower::CGUPlan b = lower::planCodegenUnits(*m, opts);
  EXPECT_EQ(a.estimates, b.estimates);
  // A module smaller than the minimum is one unit.
  opts.minSize = 1'000'000;
  EXPECT_EQ(lower::planCodegenUnits(*m, opts).numUnits(), 1u);
}

TEST(CodegenUnits, SplitUnitsDefineWhatThePlanSays) {
  LLVMContext ctx;
  auto m = makeModule(ctx, 6, 20);
  lower::CGUOptions opts;
  opts.requested = 2;
  opts.minSize = 1;
  lower::CGUPlan plan = lower::planCodegenUnits(*m, opts);
  std::vector<std::set<std::string>> planned(plan.numUnits());
  for (size_t u = 0; u < plan.numUnits(); ++u)
    for (Function *f : plan.functions[u]) planned[u].insert(f->getName().str());
  lower::SplitResult split = lower::splitIntoUnits(*m, plan, "test");
  for (size_t u = 0; u < plan.numUnits(); ++u) {
    LLVMContext uctx;
    auto unit = lower::loadUnit(split, u, uctx);
    ASSERT_TRUE(bool(unit)) << toString(unit.takeError());
    std::set<std::string> defined;
    for (Function &f : **unit)
      if (!f.isDeclaration()) defined.insert(f.getName().str());
    EXPECT_EQ(defined, planned[u]) << "unit " << u;
  }
}

} // namespace
