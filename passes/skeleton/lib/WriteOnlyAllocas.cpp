//===- WriteOnlyAllocas.cpp - Stack slots written and never read -----------===//
#include "WriteOnlyAllocas.h"

#include "SlotUses.h"

#include "llvm/IR/IntrinsicInst.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// The alloca's users, through getelementptrs, when each only writes to it
/// or marks its lifetime; false when one may read it or let it escape.
/// Volatile writes stay: they are observable.
bool collectWrites(AllocaInst &slot, SmallVectorImpl<Instruction *> &users) {
  return visitSlotUses(slot, [&](Instruction *i, Instruction *ptr) {
    if (auto *store = dyn_cast<StoreInst>(i)) {
      if (store->isVolatile() || store->getValueOperand() == ptr) return false;
    } else if (auto *mem = dyn_cast<MemIntrinsic>(i)) {
      if (mem->isVolatile() || mem->getRawDest() != ptr) return false;
      if (auto *transfer = dyn_cast<MemTransferInst>(mem);
          transfer && transfer->getRawSource() == ptr)
        return false;
    } else if (auto *intrin = dyn_cast<IntrinsicInst>(i);
               intrin && intrin->isLifetimeStartOrEnd()) {
    } else if (!isa<GetElementPtrInst>(i)) {
      return false;
    }
    users.push_back(i);
    return true;
  });
}

} // namespace

size_t eraseWriteOnlyAllocas(Function &f) {
  size_t erased = 0;
  SmallVector<Instruction *, 16> users;
  for (AllocaInst *slot : allocasOf(f)) {
    users.clear();
    if (!collectWrites(*slot, users)) continue;
    // A user comes after the getelementptr it uses: erased first.
    for (Instruction *i : reverse(users)) i->eraseFromParent();
    slot->eraseFromParent();
    ++erased;
  }
  return erased;
}

} // namespace egopt::passes
