#include "egopt/extract/TTICost.h"

#include "IRCost.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"

namespace egopt::extract {
using namespace llvm;
using eg::ClassId;
using eg::ENode;
using TTI = TargetTransformInfo;

namespace {
/// Packs an operand description into 4 bits (kind, property: 2 bits each).
uint64_t packInfo(TTI::OperandValueInfo info) {
  return uint64_t(info.Kind) | uint64_t(info.Properties) << 2;
}
TTI::OperandValueInfo unpackInfo(uint64_t bits) {
  return {TTI::OperandValueKind(bits & 3), TTI::OperandValueProperties((bits >> 2) & 3)};
}
constexpr uint64_t kUnknownLane = UINT32_MAX;
} // namespace

TTICostTable TTICostTable::build(const eg::EGraph &g, const ir::IRTables &tables, const TTI &tti) {
  TTICostTable table(g, tables);
  table.operandInfo_.assign(g.numIds(), 0);
  for (ClassId c : g.classIds())
    table.operandInfo_[c] = uint8_t(packInfo(table.describeOperand(c)));
  for (ClassId c : g.classIds())
    for (const ENode &n : g.rootNodes(c)) {
      if (n.isLeaf()) continue;
      Key key = table.keyOf(n);
      if (!table.costs_.contains(key)) table.costs_[key] = table.ask(n, key, tti);
    }
  return table;
}

Cost TTICostTable::cost(const ENode &n) const {
  if (n.isLeaf()) return 0;
  auto it = costs_.find(keyOf(n));
  assert(it != costs_.end() && "an e-node of a kind the table was not built for");
  return it->second;
}

uint32_t TTICostTable::typeOf(ClassId cls) const { return g_->nodes(cls).front().type; }

std::optional<uint64_t> TTICostTable::intConstant(ClassId cls) const {
  // Leaves' operators sort first: a constant class shows it in its first e-node.
  const ENode &first = g_->nodes(cls).front();
  if (first.op != ir::IRLanguage::get().IConst) return std::nullopt;
  return first.payload;
}

TTI::OperandValueInfo TTICostTable::describeOperand(ClassId cls) const {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  auto uniform = [](const APInt &v) -> TTI::OperandValueInfo {
    TTI::OperandValueProperties prop = v.isPowerOf2()          ? TTI::OP_PowerOf2
                                       : v.isNegatedPowerOf2() ? TTI::OP_NegatedPowerOf2
                                                               : TTI::OP_None;
    return {TTI::OK_UniformConstantValue, prop};
  };
  // Classes are sorted by operator and the leaves' operators come first: a
  // constant class shows it in its first e-node.
  const ENode &first = g_->nodes(cls).front();
  if (first.op == L.IConst) {
    unsigned bits = tables_->types[first.type]->getScalarSizeInBits();
    return uniform(APInt(bits, first.payload, /*isSigned=*/true, /*implicitTrunc=*/true));
  }
  if (first.op == L.FConst) return {TTI::OK_UniformConstantValue, TTI::OP_None};
  if (first.op == L.Cst && tables_->constants[first.payload]->getType()->isVectorTy()) {
    Constant *c = tables_->constants[first.payload];
    if (auto *splat = dyn_cast_or_null<ConstantInt>(c->getSplatValue()))
      return uniform(splat->getValue());
    if (isa<ConstantDataVector, ConstantVector>(c))
      return {TTI::OK_NonUniformConstantValue, TTI::OP_None};
  }
  return {TTI::OK_AnyValue, TTI::OP_None};
}

/// The fourth part of the key is what the cost depends on beyond the
/// operator, flags and result type:
///   binary, fneg:        the operands' descriptions (constant, power of two);
///   compare, cast:       the operand type; select: the condition type;
///   ptradd:              the offset type;
///   extract/insert:      the lane when it is a constant;
///   shuffle:             the mask id and the source type;
///   intrinsic:           the callee.
TTICostTable::Key TTICostTable::keyOf(const ENode &n) const {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  uint64_t detail = 0;
  auto lane = [&](ClassId cls) -> uint64_t {
    std::optional<uint64_t> c = intConstant(cls);
    return c && *c < kUnknownLane ? *c : kUnknownLane;
  };
  if (auto opc = L.opcodeOf(n.op); opc || n.op == L.FNeg) {
    detail = operandInfo_[g_->find(n.kids[0])];
    if (n.kids.size() > 1) detail |= uint64_t(operandInfo_[g_->find(n.kids[1])]) << 4;
    if (opc == Instruction::Sub) {
      std::optional<uint64_t> c = intConstant(n.kids[0]);
      if (c && *c != 0) detail |= kConstantMinus;
    }
  } else if (auto pred = L.predicateOf(n.op)) {
    detail = typeOf(n.kids[0]);
    if (comparesWithZeroByFlags(*pred, n.kids[1])) detail |= kFlagsCompare;
  } else if (L.castOf(n.op)) {
    detail = typeOf(n.kids[0]);
  } else if (n.op == L.Select) {
    detail = typeOf(n.kids[0]);
  } else if (n.op == L.PtrAdd) {
    detail = typeOf(n.kids[1]);
  } else if (n.op == L.ExtractElement) {
    detail = uint64_t(typeOf(n.kids[0])) << 32 | lane(n.kids[1]);
  } else if (n.op == L.InsertElement) {
    detail = lane(n.kids[2]);
  } else if (n.op == L.Shuffle) {
    detail = uint64_t(typeOf(n.kids[0])) << 32 | n.payload;
  } else if (L.isIntrin(n.op)) {
    detail = n.payload;
  }
  return {n.op, n.flags, n.type, detail};
}

Cost TTICostTable::ask(const ENode &n, const Key &key, const TTI &tti) const {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  constexpr auto kind = TTI::TCK_RecipThroughput;
  Type *ty = tables_->types[n.type];
  uint64_t detail = std::get<3>(key);
  auto type = [&](uint64_t id) { return tables_->types[id & UINT32_MAX]; };
  InstructionCost c = InstructionCost::getInvalid();
  if (auto opc = L.opcodeOf(n.op)) {
    c = tti.getArithmeticInstrCost(*opc, ty, kind, unpackInfo(detail), unpackInfo(detail >> 4));
  } else if (n.op == L.FNeg) {
    c = tti.getArithmeticInstrCost(Instruction::FNeg, ty, kind, unpackInfo(detail));
  } else if (auto pred = L.predicateOf(n.op)) {
    unsigned opc = CmpInst::isIntPredicate(*pred) ? Instruction::ICmp : Instruction::FCmp;
    c = tti.getCmpSelInstrCost(opc, type(detail), ty, *pred, kind);
  } else if (n.op == L.Select) {
    c = tti.getCmpSelInstrCost(Instruction::Select, ty, type(detail), CmpInst::BAD_ICMP_PREDICATE,
                               kind);
  } else if (auto cop = L.castOf(n.op)) {
    c = tti.getCastInstrCost(*cop, ty, type(detail), TTI::CastContextHint::None, kind);
  } else if (n.op == L.PtrAdd) {
    // Not getGEPCost: it assumes the address folds into a load's or store's
    // addressing mode (free), while a ptradd class may as well feed a
    // compare, a phi or a call. Charged as the add of the offset it is then.
    c = tti.getArithmeticInstrCost(Instruction::Add, type(detail), kind);
  } else if (n.op == L.ExtractElement) {
    c = tti.getVectorInstrCost(Instruction::ExtractElement, type(detail >> 32), kind,
                               unsigned(detail & UINT32_MAX));
  } else if (n.op == L.InsertElement) {
    c = tti.getVectorInstrCost(Instruction::InsertElement, ty, kind, unsigned(detail));
  } else if (n.op == L.Shuffle) {
    auto *dst = dyn_cast<VectorType>(ty);
    auto *src = dyn_cast<VectorType>(type(detail >> 32));
    ArrayRef<int> mask = tables_->masks[detail & UINT32_MAX];
    if (dst && src) {
      int srcLanes = int(src->getElementCount().getKnownMinValue());
      TTI::ShuffleKind sk = ShuffleVectorInst::isSingleSourceMask(mask, srcLanes)
                                ? TTI::SK_PermuteSingleSrc
                                : TTI::SK_PermuteTwoSrc;
      c = tti.getShuffleCost(sk, dst, src, mask, kind);
    }
  } else if (L.isIntrin(n.op)) {
    auto *callee = cast<Function>(tables_->constants[detail]);
    SmallVector<Type *, 4> params(callee->getFunctionType()->params());
    IntrinsicCostAttributes attrs(callee->getIntrinsicID(), ty, params, ir::decodeFMF(n.flags));
    c = tti.getIntrinsicInstrCost(attrs, kind);
  }
  // TTI has no question for freeze, and may answer "invalid" (e.g. types it
  // cannot legalize): the hand table (IRCost.h) answers there.
  Cost units =
      c.isValid() ? Cost(std::max<InstructionCost::CostType>(c.getValue(), 0)) : irNodeCost(n);
  Cost scaled = units * kCostScale;
  // A sign or zero test of a value an arithmetic instruction computes is
  // read from that instruction's flags on most targets (x86 `dec; jne`,
  // AArch64 `subs`): a hair cheaper than a compare with another constant.
  // It only breaks ties: `x - 1 != 0` when `x - 1` is built anyway.
  if ((detail & kFlagsCompare) && scaled > 0) scaled -= 1;
  // Also a tie-breaker: `(64 - n) & 63` and `-n & 63` are one TTI cost.
  if ((detail & kConstantMinus) && scaled > 0) scaled += 1;
  return scaled;
}

bool TTICostTable::comparesWithZeroByFlags(CmpInst::Predicate pred, ClassId rhs) const {
  if (pred != CmpInst::ICMP_EQ && pred != CmpInst::ICMP_NE && pred != CmpInst::ICMP_SLT &&
      pred != CmpInst::ICMP_SGT)
    return false;
  return intConstant(rhs) == uint64_t(0);
}

} // namespace egopt::extract
