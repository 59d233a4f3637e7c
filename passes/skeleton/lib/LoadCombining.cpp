#include "egopt/skeleton/LoadCombining.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/Transforms/Utils/Local.h"

#include <algorithm>

namespace egopt::passes {
using namespace llvm;
using namespace llvm::PatternMatch;

namespace {

/// Parts of one value at most: eight bytes make a 64-bit word.
constexpr unsigned kMaxParts = 8;

/// Instructions between the first and the last load that are checked for
/// writes to memory at most; the bytes of one word are read close together.
constexpr unsigned kMaxSpan = 64;

/// One leaf of the or-tree: `zext(load p + offset)`, shifted left by `shift`
/// on its way to the root.
struct Part {
  LoadInst *load;
  int64_t offset;
  uint64_t shift;
};

/// Where a part's load reads: `index` (null for none) scaled by `scale`
/// from `base`, plus `offset` bytes. `p + (i - 1)` and `p + i` then share a
/// base and an index (Rust's `u16::from_le_bytes([b[i - 1], b[i]])`, whose
/// bounds checks the e-graph removed, leaving the two loads in one block).
struct Address {
  const Value *base = nullptr, *index = nullptr;
  uint64_t scale = 0;
  int64_t offset = 0;
  bool sameWord(const Address &o) const {
    return base == o.base && index == o.index && scale == o.scale;
  }
};

Address addressOf(const Value *pointer, const DataLayout &dl) {
  Address a;
  a.base = GetPointerBaseWithConstantOffset(pointer, a.offset, dl);
  auto *gep = dyn_cast<GEPOperator>(a.base);
  if (!gep || gep->getNumIndices() != 1) return a;
  const Value *index = gep->getOperand(1);
  TypeSize size = dl.getTypeAllocSize(gep->getSourceElementType());
  // A narrower index is sign-extended after the addition: `i + 1` may wrap
  // where the address would not.
  if (size.isScalable() || isa<Constant>(index) ||
      index->getType()->getScalarSizeInBits() != dl.getIndexTypeSizeInBits(gep->getType()))
    return a;
  const Value *x;
  const APInt *c;
  int64_t delta = 0;
  // Small constants only, so that the offset in bytes cannot overflow.
  auto small = [&] { return c->getSignificantBits() <= 32 && size.getFixedValue() <= 1u << 16; };
  if ((match(index, m_Add(m_Value(x), m_APInt(c))) ||
       match(index, m_DisjointOr(m_Value(x), m_APInt(c)))) &&
      small())
    delta = c->getSExtValue();
  else if (match(index, m_Sub(m_Value(x), m_APInt(c))) && small())
    delta = -c->getSExtValue();
  else
    x = index;
  a.base = gep->getPointerOperand();
  a.index = x;
  a.scale = size.getFixedValue();
  a.offset += delta * int64_t(a.scale);
  return a;
}

/// The leaves of the or-tree under `v` (the root, or a value only the tree
/// uses), each shifted left by `shift` more, or false when one is something
/// else. A shift of a subtree counts for all its leaves, so the flat form
/// (`b0 | b1 << 8 | ...`) and Horner's (`((b1 << 8) | b0)`, tinycdb's
/// `n <<= 8; n |= buf[k]`) both match.
bool collectParts(Value *v, uint64_t shift, bool isRoot, const DataLayout &dl, Address &word,
                  SmallVectorImpl<Part> &parts) {
  if (!isRoot && !v->hasOneUse()) return false;
  Value *a, *b;
  const APInt *by;
  if (match(v, m_Or(m_Value(a), m_Value(b))))
    return collectParts(a, shift, false, dl, word, parts) &&
           collectParts(b, shift, false, dl, word, parts);
  if (match(v, m_Shl(m_Value(a), m_APInt(by))))
    return by->ult(v->getType()->getIntegerBitWidth()) &&
           collectParts(a, shift + by->getZExtValue(), false, dl, word, parts);
  Value *narrow;
  if (!match(v, m_ZExt(m_Value(narrow)))) return false;
  auto *load = dyn_cast<LoadInst>(narrow);
  if (!load || !load->isSimple() || !load->hasOneUse() || parts.size() == kMaxParts) return false;
  Address at = addressOf(load->getPointerOperand(), dl);
  if (parts.empty())
    word = at;
  else if (!word.sameWord(at))
    return false;
  parts.push_back({load, at.offset, shift});
  return true;
}

/// Whether nothing between the first and the last load may write memory
/// (a call that frees it included), and the loads share a block.
bool noWritesBetween(ArrayRef<Part> parts, Instruction *&last) {
  BasicBlock *bb = parts[0].load->getParent();
  for (const Part &p : parts)
    if (p.load->getParent() != bb) return false;
  Instruction *first = nullptr;
  unsigned seen = 0, span = 0;
  for (Instruction &i : *bb) {
    bool isPart = any_of(parts, [&](const Part &p) { return p.load == &i; });
    if (isPart && !first) first = &i;
    if (first && !isPart && i.mayWriteToMemory()) return false;
    if (first && ++span > kMaxSpan) return false;
    if (isPart && ++seen == parts.size()) {
      last = &i;
      return true;
    }
  }
  return false;
}

/// Replaces the or-tree rooted at `root` by one load when its parts are the
/// bytes (or halves) of one word in order; returns whether it did.
bool combine(BinaryOperator &root, const DataLayout &dl) {
  auto *wide = dyn_cast<IntegerType>(root.getType());
  if (!wide || !dl.isLittleEndian()) return false;
  unsigned bits = wide->getBitWidth();
  if (bits != 16 && bits != 32 && bits != 64) return false;
  Address where;
  SmallVector<Part, kMaxParts> parts;
  if (!collectParts(&root, 0, /*isRoot=*/true, dl, where, parts) || parts.size() < 2) return false;
  Type *partType = parts[0].load->getType();
  unsigned partBits = partType->getIntegerBitWidth();
  if (partBits % 8 || partBits * parts.size() != bits ||
      any_of(parts, [&](const Part &p) { return p.load->getType() != partType; }))
    return false;
  llvm::sort(parts, [](const Part &a, const Part &b) { return a.offset < b.offset; });
  // In memory order, each part one part's size after the last, its shift
  // growing (little-endian) or, for bytes, shrinking (big-endian: a swap).
  bool little = true, big = partBits == 8;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (parts[k].offset != parts[0].offset + int64_t(k * partBits / 8)) return false;
    little &= parts[k].shift == k * partBits;
    big &= parts[k].shift == bits - (k + 1) * partBits;
  }
  if (!little && !big) return false;
  Instruction *last = nullptr;
  if (!noWritesBetween(parts, last)) return false;
  LoadInst *lowest = parts[0].load;
  IRBuilder<> builder(last->getNextNode());
  LoadInst *word = builder.CreateAlignedLoad(wide, lowest->getPointerOperand(), lowest->getAlign(),
                                             root.getName() + ".word");
  Value *value = word;
  if (!little) value = builder.CreateUnaryIntrinsic(Intrinsic::bswap, word);
  root.replaceAllUsesWith(value);
  RecursivelyDeleteTriviallyDeadInstructions(&root);
  return true;
}

} // namespace

size_t combineLoads(Function &f) {
  const DataLayout &dl = f.getDataLayout();
  SmallVector<BinaryOperator *, 16> roots;
  for (Instruction &i : instructions(f))
    if (auto *bo = dyn_cast<BinaryOperator>(&i); bo && bo->getOpcode() == Instruction::Or) {
      // A root: no `or` or `shl` of a tree above it.
      bool inner = bo->hasOneUse() &&
                   match(bo->user_back(),
                         m_CombineOr(m_Or(m_Value(), m_Value()), m_Shl(m_Value(), m_Value())));
      if (!inner) roots.push_back(bo);
    }
  size_t combined = 0;
  for (BinaryOperator *root : roots) combined += combine(*root, dl);
  return combined;
}

} // namespace egopt::passes
