//===- ConstantCopies.cpp - Stack copies of constant tables ----------------===//
#include "ConstantCopies.h"

#include "SlotUses.h"

#include "llvm/IR/IntrinsicInst.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// The global constant `copy` reads, when its source is one at a constant
/// address (a constant expression: it dominates every use of the slot).
Constant *constantSource(MemTransferInst &copy) {
  auto *source = dyn_cast<Constant>(copy.getRawSource());
  if (!source) return nullptr;
  auto *global = dyn_cast<GlobalVariable>(source->stripInBoundsConstantOffsets());
  if (!global || !global->isConstant() || !global->hasDefinitiveInitializer()) return nullptr;
  return source;
}

/// What the slot's uses are, through getelementptrs: the one copy into it,
/// the lifetime markers, and the largest alignment a read claims. False when
/// a use may write it otherwise or let it escape.
struct SlotUses {
  MemTransferInst *copy = nullptr;
  SmallVector<Instruction *, 4> markers;
  Align readAlign;
};

bool classifyUses(AllocaInst &slot, SlotUses &uses) {
  bool ok = visitSlotUses(slot, [&](Instruction *i, Instruction *ptr) {
    if (isa<GetElementPtrInst>(i)) return true;
    if (auto *load = dyn_cast<LoadInst>(i)) {
      uses.readAlign = std::max(uses.readAlign, load->getAlign());
      return load->isSimple();
    }
    if (auto *intrin = dyn_cast<IntrinsicInst>(i); intrin && intrin->isLifetimeStartOrEnd()) {
      uses.markers.push_back(i);
      return true;
    }
    auto *transfer = dyn_cast<MemTransferInst>(i);
    if (!transfer || transfer->isVolatile()) return false;
    if (transfer->getRawSource() == ptr && transfer->getRawDest() != ptr) {
      uses.readAlign = std::max(uses.readAlign, transfer->getSourceAlign().valueOrOne());
      return true;
    }
    // The one write: the whole slot, at its start.
    if (uses.copy || ptr != &slot || transfer->getRawSource() == ptr) return false;
    auto *length = dyn_cast<ConstantInt>(transfer->getLength());
    std::optional<TypeSize> size = slot.getAllocationSize(slot.getDataLayout());
    if (!length || !size || size->isScalable() || length->getZExtValue() != size->getFixedValue())
      return false;
    uses.copy = transfer;
    return true;
  });
  return ok && uses.copy != nullptr;
}

} // namespace

size_t replaceConstantCopies(Function &f) {
  const DataLayout &dl = f.getDataLayout();
  size_t replaced = 0;
  for (AllocaInst *slot : allocasOf(f)) {
    SlotUses uses;
    if (!classifyUses(*slot, uses)) continue;
    Constant *source = constantSource(*uses.copy);
    // Every read keeps its alignment claim: the global must have it.
    if (!source || source->getPointerAlignment(dl) < uses.readAlign) continue;
    for (Instruction *marker : uses.markers) marker->eraseFromParent();
    uses.copy->eraseFromParent();
    slot->replaceAllUsesWith(source);
    slot->eraseFromParent();
    ++replaced;
  }
  return replaced;
}

} // namespace egopt::passes
