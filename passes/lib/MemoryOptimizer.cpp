#include "egopt/passes/MemoryOptimizer.h"

#include "egopt/passes/DeadStores.h"
#include "egopt/passes/LoadForwarding.h"
#include "egopt/passes/SmallMemTransfers.h"

#include "llvm/Analysis/MemorySSA.h"

namespace egopt::passes {
using namespace llvm;

MemoryOptStats MemoryOptimizer::run(Function &f) {
  MemoryOptStats stats;
  stats.smallMemTransfers = expandSmallMemTransfers(f);
  auto &dt = am_.fam.getResult<DominatorTreeAnalysis>(f);
  auto &aa = am_.fam.getResult<AAManager>(f);
  auto &mssa = am_.fam.getResult<MemorySSAAnalysis>(f).getMSSA();
  LoadForwardingStats lf = forwardLoads(f, mssa, aa, dt);
  stats.loadsFromStores = lf.fromStores;
  stats.loadsFromLoads = lf.fromLoads;
  stats.addressDepthLimitHits = lf.addressDepthLimitHits;
  // Alias analysis keeps nothing about instructions between queries, so it
  // still serves after the loads are gone.
  stats.deadStores = eraseOverwrittenStores(f, aa);
  am_.fam.clear(f, f.getName());
  return stats;
}

} // namespace egopt::passes
