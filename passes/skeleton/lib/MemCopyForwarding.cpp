//===- MemCopyForwarding.cpp - A copy of a copy reads the original ---------===//
#include "MemCopyForwarding.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/IntrinsicInst.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// How far back from a copy the scan for what wrote its source goes.
constexpr unsigned kMaxScan = 64;

/// The earlier memcpy or memset in `copy`'s block that last wrote all of
/// what `copy` reads, with the byte offset of `copy`'s source in its
/// destination; null when another instruction may have written it since.
MemIntrinsic *lastWriter(MemCpyInst &copy, uint64_t length, AAResults &aa, uint64_t &offset) {
  MemoryLocation source = MemoryLocation::getForSource(&copy);
  const DataLayout &dl = copy.getDataLayout();
  unsigned scanned = 0;
  for (Instruction *i = copy.getPrevNode(); i && scanned < kMaxScan;
       i = i->getPrevNode(), ++scanned) {
    if (!isModSet(aa.getModRefInfo(i, source))) continue;
    auto *prior = dyn_cast<MemIntrinsic>(i);
    if (!prior || prior->isVolatile() || !(isa<MemCpyInst>(prior) || isa<MemSetInst>(prior)))
      return nullptr;
    std::optional<APInt> priorLength = prior->getLengthInBytes();
    if (!priorLength) return nullptr;
    // Both addresses as one base plus a constant offset.
    APInt destOffset(dl.getIndexTypeSizeInBits(prior->getRawDest()->getType()), 0);
    APInt sourceOffset = destOffset;
    const Value *destBase = prior->getRawDest()->stripAndAccumulateConstantOffsets(
        dl, destOffset, /*AllowNonInbounds=*/true);
    const Value *sourceBase = copy.getRawSource()->stripAndAccumulateConstantOffsets(
        dl, sourceOffset, /*AllowNonInbounds=*/true);
    if (destBase != sourceBase || sourceOffset.slt(destOffset)) return nullptr;
    offset = (sourceOffset - destOffset).getZExtValue();
    if (offset + length > priorLength->getZExtValue()) return nullptr;
    return prior;
  }
  return nullptr;
}

/// Whether an instruction strictly between `from` and `to` (one block) may
/// write to `loc`.
bool writtenBetween(Instruction *from, Instruction *to, const MemoryLocation &loc, AAResults &aa) {
  for (Instruction *i = from->getNextNode(); i != to; i = i->getNextNode())
    if (isModSet(aa.getModRefInfo(i, loc))) return true;
  return false;
}

bool forward(MemCpyInst &copy, AAResults &aa) {
  if (copy.isVolatile()) return false;
  std::optional<APInt> length = copy.getLengthInBytes();
  if (!length || length->isZero()) return false;
  uint64_t offset = 0;
  MemIntrinsic *writer = lastWriter(copy, length->getZExtValue(), aa, offset);
  if (!writer) return false;
  // A copy of bytes a memset wrote is that memset.
  if (auto *set = dyn_cast<MemSetInst>(writer)) {
    IRBuilder<> builder(&copy);
    CallInst *fill = builder.CreateMemSet(copy.getRawDest(), set->getValue(), copy.getLength(),
                                          copy.getDestAlign());
    fill->copyMetadata(copy);
    copy.eraseFromParent();
    return true;
  }
  auto *prior = cast<MemCpyInst>(writer);
  MemoryLocation original = MemoryLocation::getForSource(prior);
  if (writtenBetween(prior, &copy, original, aa)) return false;
  // memcpy's operands must not overlap.
  if (!aa.isNoAlias(MemoryLocation::getForDest(&copy), original)) return false;
  IRBuilder<> builder(&copy);
  Value *source = prior->getRawSource();
  if (offset) {
    unsigned bits = copy.getDataLayout().getIndexTypeSizeInBits(source->getType());
    source = builder.CreatePtrAdd(source, builder.getIntN(bits, offset));
  }
  copy.setSource(source);
  copy.setSourceAlignment(commonAlignment(prior->getSourceAlign().valueOrOne(), offset));
  return true;
}

} // namespace

size_t forwardMemCopies(Function &f, AAResults &aa) {
  size_t forwarded = 0;
  for (BasicBlock &bb : f)
    for (Instruction &i : make_early_inc_range(bb))
      if (auto *copy = dyn_cast<MemCpyInst>(&i)) forwarded += forward(*copy, aa);
  return forwarded;
}

} // namespace egopt::passes
