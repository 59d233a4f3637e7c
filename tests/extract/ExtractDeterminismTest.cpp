//===- ExtractDeterminismTest.cpp - Same choice for every thread count ----===//
//
// Functions are extracted in parallel; each function's extraction must not
// depend on which thread ran it or on how many ran.
//
//===----------------------------------------------------------------------===//
#include "egopt/Pipeline.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

using namespace egopt;

namespace {

/// Many small functions with loops, shared products and vector work.
std::string manyFunctions() {
  std::string s;
  for (int k = 0; k < 40; ++k) {
    std::string n = std::to_string(k);
    s += "define i32 @f" + n +
         "(i32 %a, i32 %b, i32 %n) {\n"
         "entry:\n  br label %loop\n"
         "loop:\n  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]\n"
         "  %acc = phi i32 [ 0, %entry ], [ %acc.next, %loop ]\n"
         "  %m = mul i32 %a, " +
         std::to_string(k + 3) +
         "\n"
         "  %t = add i32 %m, %i\n  %u = shl i32 %t, 2\n  %v = xor i32 %u, %m\n"
         "  %acc.next = add i32 %acc, %v\n  %i.next = add i32 %i, 1\n"
         "  %c = icmp slt i32 %i.next, %n\n  br i1 %c, label %loop, label %exit\n"
         "exit:\n  %r = mul i32 %acc.next, %m\n  ret i32 %r\n}\n";
  }
  return s;
}

std::string optimize(unsigned threads, Stats &stats) {
  llvm::LLVMContext ctx;
  llvm::SMDiagnostic diag;
  auto m = llvm::parseAssemblyString(manyFunctions(), diag, ctx);
  EXPECT_TRUE(m) << diag.getMessage().str();
  Options opts;
  opts.threads = threads;
  opts.compareExtractors = true;
  EXPECT_FALSE(bool(optimizeModule(*m, opts, &stats)));
  std::string out;
  llvm::raw_string_ostream os(out);
  m->print(os, nullptr);
  return out;
}

TEST(ExtractDeterminismTest, SameOutputAndCostsForOneAndFourThreads) {
  Stats one, four;
  std::string a = optimize(1, one), b = optimize(4, four);
  EXPECT_EQ(a, b);
  EXPECT_GT(one.counters.get("dag_cost"), 0u);
  EXPECT_EQ(one.counters.get("dag_cost"), four.counters.get("dag_cost"));
  EXPECT_EQ(one.counters.get("greedy_dag_cost"), four.counters.get("greedy_dag_cost"));
  EXPECT_EQ(one.counters.get("dag_extractor_dag_cost"),
            four.counters.get("dag_extractor_dag_cost"));
  EXPECT_LE(one.counters.get("dag_extractor_dag_cost"), one.counters.get("greedy_dag_cost"));
}

} // namespace
