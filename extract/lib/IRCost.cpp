#include "IRCost.h"

namespace egopt::extract {
using namespace llvm;

Cost irNodeCost(const eg::ENode &n) {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  if (n.kids.empty()) return 0;
  if (auto opc = L.opcodeOf(n.op)) {
    switch (*opc) {
    case Instruction::Mul: return 3;
    case Instruction::UDiv:
    case Instruction::SDiv:
    case Instruction::URem:
    case Instruction::SRem: return 20;
    case Instruction::FAdd:
    case Instruction::FSub:
    case Instruction::FMul: return 4;
    case Instruction::FDiv:
    case Instruction::FRem: return 15;
    default: return 1;
    }
  }
  if (L.predicateOf(n.op)) return CmpInst::isFPPredicate(*L.predicateOf(n.op)) ? 3 : 1;
  if (L.isIntrin(n.op)) return 4;
  if (n.op == L.Shuffle || n.op == L.InsertElement || n.op == L.ExtractElement) return 2;
  return 1;
}

} // namespace egopt::extract
