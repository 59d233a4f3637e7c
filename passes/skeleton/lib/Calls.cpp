#include "Calls.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/ValueHandle.h"
#include "llvm/Transforms/Utils/Local.h"

namespace egopt::passes {
using namespace llvm;

size_t forwardReturnedArguments(Function &f) {
  size_t forwarded = 0;
  for (Instruction &i : instructions(f))
    if (auto *call = dyn_cast<CallBase>(&i); call && !call->use_empty())
      if (Value *arg = call->getReturnedArgOperand(); arg && arg->getType() == call->getType()) {
        call->replaceAllUsesWith(arg);
        ++forwarded;
      }
  return forwarded;
}

size_t deleteTriviallyDeadInstructions(Function &f) {
  SmallVector<WeakTrackingVH, 16> dead;
  for (Instruction &i : instructions(f))
    if (isInstructionTriviallyDead(&i)) dead.push_back(&i);
  if (dead.empty()) return 0;
  // Counted as they go: Function::getInstructionCount walks every block.
  size_t deleted = 0;
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(dead, nullptr, nullptr,
                                                       [&](Value *) { ++deleted; });
  return deleted;
}

} // namespace egopt::passes
