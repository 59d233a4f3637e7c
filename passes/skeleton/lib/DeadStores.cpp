#include "DeadStores.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Instructions.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// How far past a store the scan for its overwrite goes.
constexpr unsigned kMaxScan = 64;

bool isOverwritten(StoreInst &store, AAResults &aa) {
  MemoryLocation loc = MemoryLocation::get(&store);
  unsigned scanned = 0;
  for (Instruction *i = store.getNextNode(); i && scanned < kMaxScan;
       i = i->getNextNode(), ++scanned) {
    if (auto *later = dyn_cast<StoreInst>(i); later && later->isSimple()) {
      MemoryLocation laterLoc = MemoryLocation::get(later);
      if (laterLoc.Size == loc.Size && aa.isMustAlias(laterLoc, loc)) return true;
    }
    if (!isGuaranteedToTransferExecutionToSuccessor(i)) return false;
    if (isRefSet(aa.getModRefInfo(i, loc))) return false;
  }
  return false;
}

} // namespace

size_t eraseOverwrittenStores(Function &f, AAResults &aa) {
  SmallVector<StoreInst *, 8> dead;
  for (BasicBlock &bb : f)
    for (Instruction &i : bb)
      if (auto *store = dyn_cast<StoreInst>(&i);
          store && store->isSimple() && isOverwritten(*store, aa))
        dead.push_back(store);
  for (StoreInst *store : dead) store->eraseFromParent();
  return dead.size();
}

} // namespace egopt::passes
