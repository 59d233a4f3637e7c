#include "ExpressionNumbering.h"

#include "llvm/IR/Instructions.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// Whether `i`'s value depends on its operands only (no memory, no side
/// effects, no hidden state such as freeze's choice).
bool isNumberable(const Instruction &i) {
  return isa<BinaryOperator, CastInst, GetElementPtrInst, CmpInst, SelectInst>(i);
}

} // namespace

const Value *ExpressionNumbering::number(const Value *v, unsigned depth) {
  const auto *inst = dyn_cast<Instruction>(v);
  if (!inst || !isNumberable(*inst)) return v;
  if (auto it = representativeOf_.find(v); it != representativeOf_.end()) return it->second;
  if (depth >= kMaxDepth) {
    ++depthLimitHits_;
    return v; // not memoized: a shallower visit may still number it
  }
  std::vector<uintptr_t> key;
  key.reserve(3 + inst->getNumOperands());
  key.push_back(inst->getOpcode());
  key.push_back(reinterpret_cast<uintptr_t>(inst->getType()));
  if (const auto *cmp = dyn_cast<CmpInst>(inst))
    key.push_back(cmp->getPredicate());
  else if (const auto *gep = dyn_cast<GetElementPtrInst>(inst))
    key.push_back(reinterpret_cast<uintptr_t>(gep->getSourceElementType()));
  else
    key.push_back(0);
  for (const Value *op : inst->operands())
    key.push_back(reinterpret_cast<uintptr_t>(number(op, depth + 1)));
  const Value *rep = byExpression_.try_emplace(std::move(key), v).first->second;
  representativeOf_[v] = rep;
  return rep;
}

} // namespace egopt::passes
