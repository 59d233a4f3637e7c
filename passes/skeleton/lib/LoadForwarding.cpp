#include "LoadForwarding.h"
#include "ExpressionNumbering.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/Analysis/MemorySSAUpdater.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/Local.h"

#include <tuple>

namespace egopt::passes {
using namespace llvm;

namespace {

/// Loads that may be merged: the same base, constant offset and type, and the
/// same nearest clobber (so the same memory contents at that location).
using LoadKey = std::tuple<const Value *, int64_t, Type *, const MemoryAccess *>;

/// The base and constant byte offset of `ptr` (getelementptrs with constant
/// indices folded), the base numbered structurally, so that equal addresses
/// spelled by different getelementptrs or different copies of the index
/// arithmetic meet (the IR is not CSE'd before lifting). Flags are ignored
/// (ExpressionNumbering.h): an address is compared only with that of a
/// dominating load, which executed, so its address was not poison.
std::pair<const Value *, int64_t> addressOf(const Value *ptr, const DataLayout &dl,
                                            ExpressionNumbering &numbering) {
  APInt offset(dl.getIndexTypeSizeInBits(ptr->getType()), 0);
  const Value *base = ptr->stripAndAccumulateConstantOffsets(dl, offset, /*AllowNonInbounds=*/true);
  if (offset.getSignificantBits() > 64) return {numbering.representative(ptr), 0};
  return {numbering.representative(base), offset.getSExtValue()};
}

/// The value a simple store clobbering `load` wrote there, if it is exactly
/// what the load reads.
Value *storedValue(const LoadInst &load, const MemoryAccess *clobber, MemorySSA &mssa,
                   AAResults &aa) {
  auto *def = dyn_cast<MemoryDef>(clobber);
  if (!def || mssa.isLiveOnEntryDef(def)) return nullptr;
  auto *store = dyn_cast_or_null<StoreInst>(def->getMemoryInst());
  if (!store || !store->isSimple()) return nullptr;
  Value *v = store->getValueOperand();
  if (v->getType() != load.getType()) return nullptr;
  if (!aa.isMustAlias(MemoryLocation::get(store), MemoryLocation::get(&load))) return nullptr;
  return v;
}

} // namespace

LoadForwardingStats forwardLoads(Function &f, MemorySSA &mssa, AAResults &aa,
                                 const DominatorTree &dt) {
  LoadForwardingStats stats;
  const DataLayout &dl = f.getDataLayout();
  MemorySSAWalker *walker = mssa.getWalker();
  ExpressionNumbering numbering;
  DenseMap<LoadKey, SmallVector<LoadInst *, 2>> available;
  SmallVector<LoadInst *, 16> replaced;
  // Reverse post-order: a dominating load or store is seen first, and a
  // replaced load's users already see its replacement.
  ReversePostOrderTraversal<Function *> rpo(&f);
  for (BasicBlock *bb : rpo)
    for (Instruction &inst : *bb) {
      auto *load = dyn_cast<LoadInst>(&inst);
      if (!load || !load->isSimple()) continue;
      MemoryUseOrDef *access = mssa.getMemoryAccess(load);
      if (!access) continue;
      MemoryAccess *clobber = walker->getClobberingMemoryAccess(access);
      if (Value *v = storedValue(*load, clobber, mssa, aa)) {
        load->replaceAllUsesWith(v);
        replaced.push_back(load);
        ++stats.fromStores;
        continue;
      }
      auto [base, offset] = addressOf(load->getPointerOperand(), dl, numbering);
      auto &earlier = available[{base, offset, load->getType(), clobber}];
      LoadInst *same = nullptr;
      for (LoadInst *e : earlier)
        if (dt.dominates(e, load)) {
          same = e;
          break;
        }
      if (!same) {
        earlier.push_back(load);
        continue;
      }
      // The earlier load now stands for both: keep only the metadata (range,
      // nonnull, ...) both had, or it could turn the later one's value into
      // poison.
      combineMetadataForCSE(same, load, /*DoesKMove=*/false);
      load->replaceAllUsesWith(same);
      replaced.push_back(load);
      ++stats.fromLoads;
    }
  // MemorySSA still refers to the loads; remove their accesses first.
  MemorySSAUpdater updater(&mssa);
  for (LoadInst *load : replaced) {
    updater.removeMemoryAccess(load);
    load->eraseFromParent();
  }
  stats.addressDepthLimitHits = numbering.depthLimitHits();
  return stats;
}

} // namespace egopt::passes
