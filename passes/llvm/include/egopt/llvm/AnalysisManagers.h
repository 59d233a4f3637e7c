//===- AnalysisManagers.h - LLVM's four analysis managers, wired ----------===//
//
// The new pass manager needs a loop, function, CGSCC and module analysis
// manager, each with the pass builder's analyses registered and proxies
// between them. Every place that runs LLVM passes or asks for LLVM analyses
// (the pre-passes, the skeleton's memory optimizer, the vectorizer) makes
// them the same way; the target machine, when given, supplies TTI and AA.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/Passes/PassBuilder.h"

namespace egopt::passes {

struct AnalysisManagers {
  explicit AnalysisManagers(llvm::TargetMachine *tm = nullptr) {
    llvm::PassBuilder pb(tm);
    pb.registerModuleAnalyses(mam);
    pb.registerCGSCCAnalyses(cgam);
    pb.registerFunctionAnalyses(fam);
    pb.registerLoopAnalyses(lam);
    pb.crossRegisterProxies(lam, fam, cgam, mam);
  }
  AnalysisManagers(const AnalysisManagers &) = delete;
  AnalysisManagers &operator=(const AnalysisManagers &) = delete;

  // LLVM's order (PassBuilder's documentation): the module manager, whose
  // proxies reach into the others, is destroyed first.
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
};

} // namespace egopt::passes
