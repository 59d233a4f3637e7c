#include "SmallMemTransfers.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// The constant length when it is 1, 2, 4 or 8 bytes.
std::optional<unsigned> smallLength(const MemIntrinsic &mi) {
  auto *len = dyn_cast<ConstantInt>(mi.getLength());
  if (!len || mi.isVolatile()) return std::nullopt;
  uint64_t n = len->getZExtValue();
  if (n != 1 && n != 2 && n != 4 && n != 8) return std::nullopt;
  return unsigned(n);
}

Align alignOf(MaybeAlign a) { return a.valueOrOne(); }

} // namespace

size_t expandSmallMemTransfers(Function &f) {
  SmallVector<MemIntrinsic *, 8> work;
  for (Instruction &i : instructions(f))
    if (auto *mi = dyn_cast<MemIntrinsic>(&i))
      if (smallLength(*mi) &&
          (isa<MemTransferInst>(mi) || isa<ConstantInt>(cast<MemSetInst>(mi)->getValue())))
        work.push_back(mi);
  for (MemIntrinsic *mi : work) {
    unsigned bytes = *smallLength(*mi);
    IRBuilder<> b(mi);
    Type *ty = b.getIntNTy(bytes * 8);
    StoreInst *store;
    if (auto *mt = dyn_cast<MemTransferInst>(mi)) {
      LoadInst *load = b.CreateAlignedLoad(ty, mt->getSource(), alignOf(mt->getSourceAlign()));
      load->copyMetadata(
          *mi, {LLVMContext::MD_tbaa, LLVMContext::MD_alias_scope, LLVMContext::MD_noalias});
      store = b.CreateAlignedStore(load, mt->getDest(), alignOf(mt->getDestAlign()));
    } else {
      auto *byte = cast<ConstantInt>(cast<MemSetInst>(mi)->getValue());
      APInt splat = APInt::getSplat(bytes * 8, byte->getValue().zextOrTrunc(8));
      store = b.CreateAlignedStore(ConstantInt::get(ty, splat), mi->getDest(),
                                   alignOf(mi->getDestAlign()));
    }
    store->copyMetadata(
        *mi, {LLVMContext::MD_tbaa, LLVMContext::MD_alias_scope, LLVMContext::MD_noalias});
    store->setDebugLoc(mi->getDebugLoc());
    mi->eraseFromParent();
  }
  return work.size();
}

} // namespace egopt::passes
