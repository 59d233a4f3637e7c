#include "ConstantLoads.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// Address chains of GEPs deeper than this are not followed (front ends
/// make one or two; the bound keeps the walk linear).
constexpr unsigned kMaxAddressDepth = 8;

/// The address as a constant, when it is one: a constant, or a GEP with
/// constant operands (at the skeleton's time, GEPs are still instructions).
Constant *constantAddress(Value *address, const DataLayout &dl, unsigned depth = 0) {
  if (auto *c = dyn_cast<Constant>(address)) return c;
  auto *gep = dyn_cast<GetElementPtrInst>(address);
  if (!gep || depth == kMaxAddressDepth) return nullptr;
  SmallVector<Constant *, 4> operands;
  Constant *base = constantAddress(gep->getPointerOperand(), dl, depth + 1);
  if (!base) return nullptr;
  operands.push_back(base);
  for (Use &index : gep->indices()) {
    auto *c = dyn_cast<Constant>(index);
    if (!c) return nullptr;
    operands.push_back(c);
  }
  return ConstantFoldInstOperands(gep, operands, dl);
}

} // namespace

size_t foldConstantLoads(Function &f) {
  const DataLayout &dl = f.getDataLayout();
  SmallVector<LoadInst *, 8> folded;
  for (Instruction &i : instructions(f)) {
    auto *load = dyn_cast<LoadInst>(&i);
    if (!load || !load->isSimple()) continue;
    Constant *address = constantAddress(load->getPointerOperand(), dl);
    if (!address) continue;
    if (Constant *value = ConstantFoldLoadFromConstPtr(address, load->getType(), dl)) {
      load->replaceAllUsesWith(value);
      folded.push_back(load);
    }
  }
  for (LoadInst *load : folded) load->eraseFromParent();
  return folded.size();
}

} // namespace egopt::passes
