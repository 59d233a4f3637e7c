//===- SlotUses.h - Walking an alloca's uses through getelementptrs --------===//
//
// The two alloca steps (ConstantCopies.h, WriteOnlyAllocas.h) judge a stack
// slot by what its uses do; this is their one walk.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

namespace egopt::passes {

/// The allocas of `f`, in instruction order.
inline llvm::SmallVector<llvm::AllocaInst *, 16> allocasOf(llvm::Function &f) {
  llvm::SmallVector<llvm::AllocaInst *, 16> slots;
  for (llvm::Instruction &i : llvm::instructions(f))
    if (auto *slot = llvm::dyn_cast<llvm::AllocaInst>(&i)) slots.push_back(slot);
  return slots;
}

/// Calls `visit(user, pointer)` for each user of `slot` that is not a
/// getelementptr (those are walked through), `pointer` being the slot or the
/// getelementptr it uses; a user comes after the getelementptr it uses.
/// Stops and returns false as soon as `visit` does.
inline bool
visitSlotUses(llvm::AllocaInst &slot,
              llvm::function_ref<bool(llvm::Instruction *user, llvm::Instruction *pointer)> visit) {
  llvm::SmallVector<llvm::Instruction *, 8> worklist{&slot};
  while (!worklist.empty()) {
    llvm::Instruction *pointer = worklist.pop_back_val();
    for (llvm::User *u : pointer->users()) {
      auto *user = llvm::cast<llvm::Instruction>(u);
      if (auto *gep = llvm::dyn_cast<llvm::GetElementPtrInst>(user)) {
        if (!visit(gep, pointer)) return false;
        worklist.push_back(gep);
      } else if (!visit(user, pointer)) {
        return false;
      }
    }
  }
  return true;
}

} // namespace egopt::passes
