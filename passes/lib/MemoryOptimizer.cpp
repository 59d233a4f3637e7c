#include "egopt/passes/MemoryOptimizer.h"

#include "egopt/passes/DeadStores.h"
#include "egopt/passes/LoadForwarding.h"
#include "egopt/passes/SmallMemTransfers.h"

#include "llvm/Analysis/MemorySSA.h"
#include "llvm/Passes/PassBuilder.h"

namespace egopt::passes {
using namespace llvm;

MemoryOptimizer::MemoryOptimizer() {
  PassBuilder pb;
  pb.registerModuleAnalyses(mam_);
  pb.registerCGSCCAnalyses(cgam_);
  pb.registerFunctionAnalyses(fam_);
  pb.registerLoopAnalyses(lam_);
  pb.crossRegisterProxies(lam_, fam_, cgam_, mam_);
}

MemoryOptStats MemoryOptimizer::run(Function &f) {
  MemoryOptStats stats;
  stats.smallMemTransfers = expandSmallMemTransfers(f);
  auto &dt = fam_.getResult<DominatorTreeAnalysis>(f);
  auto &aa = fam_.getResult<AAManager>(f);
  auto &mssa = fam_.getResult<MemorySSAAnalysis>(f).getMSSA();
  LoadForwardingStats lf = forwardLoads(f, mssa, aa, dt);
  stats.loadsFromStores = lf.fromStores;
  stats.loadsFromLoads = lf.fromLoads;
  // Alias analysis keeps nothing about instructions between queries, so it
  // still serves after the loads are gone.
  stats.deadStores = eraseOverwrittenStores(f, aa);
  fam_.clear(f, f.getName());
  return stats;
}

} // namespace egopt::passes
