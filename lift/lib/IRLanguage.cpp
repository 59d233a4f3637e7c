#include "egopt/lift/IRLanguage.h"

#include "llvm/ADT/StringExtras.h"

#include <charconv>

namespace egopt::ir {
using namespace llvm;
using eg::Op;
using eg::OpInfo;

namespace {
// Binary opcodes in the order their e-graph operators are created.
constexpr unsigned kBinary[] = {
    Instruction::Add,  Instruction::Sub,  Instruction::Mul, Instruction::UDiv, Instruction::SDiv,
    Instruction::URem, Instruction::SRem, Instruction::Shl, Instruction::LShr, Instruction::AShr,
    Instruction::And,  Instruction::Or,   Instruction::Xor, Instruction::FAdd, Instruction::FSub,
    Instruction::FMul, Instruction::FDiv, Instruction::FRem};
constexpr unsigned kNumBinary = sizeof(kBinary) / sizeof(kBinary[0]);
} // namespace

uint16_t encodeFMF(FastMathFlags f) {
  unsigned bits = (f.allowReassoc() << 0) | (f.noNaNs() << 1) | (f.noInfs() << 2) |
                  (f.noSignedZeros() << 3) | (f.allowReciprocal() << 4) | (f.allowContract() << 5) |
                  (f.approxFunc() << 6);
  return static_cast<uint16_t>(bits << kFMFShift);
}

FastMathFlags decodeFMF(uint16_t flags) {
  unsigned bits = flags >> kFMFShift;
  FastMathFlags f;
  f.setAllowReassoc(bits & 1);
  f.setNoNaNs(bits & 2);
  f.setNoInfs(bits & 4);
  f.setNoSignedZeros(bits & 8);
  f.setAllowReciprocal(bits & 16);
  f.setAllowContract(bits & 32);
  f.setApproxFunc(bits & 64);
  return f;
}

const IRLanguage &IRLanguage::get() {
  static const IRLanguage lang;
  return lang;
}

IRLanguage::IRLanguage() : Language("llvm") {
  IConst = addOp({"iconst", 0, true});
  FConst = addOp({"fconst", 0, true});
  Cst = addOp({"cst", 0, true});
  Arg = addOp({"arg", 0, true});
  Skel = addOp({"skel", 0, true});
  binaryBase_ = static_cast<Op>(numOps());
  for (unsigned opc : kBinary) addOp({Instruction::getOpcodeName(opc), 2});
  Add = binaryBase_ + 0;
  Sub = binaryBase_ + 1;
  Mul = binaryBase_ + 2;
  UDiv = binaryBase_ + 3;
  SDiv = binaryBase_ + 4;
  URem = binaryBase_ + 5;
  SRem = binaryBase_ + 6;
  Shl = binaryBase_ + 7;
  LShr = binaryBase_ + 8;
  AShr = binaryBase_ + 9;
  And = binaryBase_ + 10;
  Or = binaryBase_ + 11;
  Xor = binaryBase_ + 12;
  FAdd = binaryBase_ + 13;
  FSub = binaryBase_ + 14;
  FMul = binaryBase_ + 15;
  FDiv = binaryBase_ + 16;
  FRem = binaryBase_ + 17;
  FNeg = addOp({"fneg", 1});
  ICmpFirst = static_cast<Op>(numOps());
  for (unsigned p = CmpInst::FIRST_ICMP_PREDICATE; p <= CmpInst::LAST_ICMP_PREDICATE; ++p)
    addOp({("icmp." + CmpInst::getPredicateName(CmpInst::Predicate(p))).str(), 2});
  FCmpFirst = static_cast<Op>(numOps());
  for (unsigned p = CmpInst::FIRST_FCMP_PREDICATE; p <= CmpInst::LAST_FCMP_PREDICATE; ++p)
    addOp({("fcmp." + CmpInst::getPredicateName(CmpInst::Predicate(p))).str(), 2});
  Select = addOp({"select", 3});
  Freeze = addOp({"freeze", 1});
  CastFirst = static_cast<Op>(numOps());
  for (unsigned c = Instruction::CastOpsBegin; c < Instruction::CastOpsEnd; ++c)
    addOp({Instruction::getOpcodeName(c), 1});
  PtrAdd = addOp({"ptradd", 2});
  ExtractElement = addOp({"extractelement", 2});
  InsertElement = addOp({"insertelement", 3});
  Shuffle = addOp({"shufflevector", 2, true});
  Intrin1 = addOp({"intrin1", 1, true});
  Intrin2 = addOp({"intrin2", 2, true});
  Intrin3 = addOp({"intrin3", 3, true});
  Intrin4 = addOp({"intrin4", 4, true});
  Intrin5 = addOp({"intrin5", 5, true});
  // Computed constants; their result has their first operand's type.
  ComputedFirst = static_cast<Op>(numOps());
  for (const char *name : {"$neg", "$not", "$log2", "$bits", "$smin", "$smax", "$umax"})
    addOp({name, 1});
  for (const char *name : {"$add", "$sub", "$mul", "$and", "$or", "$xor", "$shl", "$lshr", "$ashr"})
    addOp({name, 2});
  ComputedLast = static_cast<Op>(numOps() - 1);
}

std::optional<Op> IRLanguage::binaryOp(unsigned opcode) const {
  for (unsigned i = 0; i < kNumBinary; ++i)
    if (kBinary[i] == opcode) return static_cast<Op>(binaryBase_ + i);
  return std::nullopt;
}

std::optional<unsigned> IRLanguage::opcodeOf(Op op) const {
  if (op >= binaryBase_ && op < binaryBase_ + kNumBinary) return kBinary[op - binaryBase_];
  return std::nullopt;
}

Op IRLanguage::icmp(CmpInst::Predicate p) const {
  return static_cast<Op>(ICmpFirst + (p - CmpInst::FIRST_ICMP_PREDICATE));
}
Op IRLanguage::fcmp(CmpInst::Predicate p) const {
  return static_cast<Op>(FCmpFirst + (p - CmpInst::FIRST_FCMP_PREDICATE));
}
std::optional<CmpInst::Predicate> IRLanguage::predicateOf(Op op) const {
  constexpr unsigned nI = CmpInst::LAST_ICMP_PREDICATE - CmpInst::FIRST_ICMP_PREDICATE + 1;
  constexpr unsigned nF = CmpInst::LAST_FCMP_PREDICATE - CmpInst::FIRST_FCMP_PREDICATE + 1;
  if (op >= ICmpFirst && op < ICmpFirst + nI)
    return CmpInst::Predicate(CmpInst::FIRST_ICMP_PREDICATE + (op - ICmpFirst));
  if (op >= FCmpFirst && op < FCmpFirst + nF)
    return CmpInst::Predicate(CmpInst::FIRST_FCMP_PREDICATE + (op - FCmpFirst));
  return std::nullopt;
}
Op IRLanguage::cast(Instruction::CastOps c) const {
  return static_cast<Op>(CastFirst + (c - Instruction::CastOpsBegin));
}
std::optional<Instruction::CastOps> IRLanguage::castOf(Op op) const {
  unsigned n = Instruction::CastOpsEnd - Instruction::CastOpsBegin;
  if (op >= CastFirst && op < CastFirst + n)
    return Instruction::CastOps(Instruction::CastOpsBegin + (op - CastFirst));
  return std::nullopt;
}
Op IRLanguage::intrin(unsigned numArgs) const { return static_cast<Op>(Intrin1 + (numArgs - 1)); }

std::optional<eg::ENode> IRLanguage::parseAtom(std::string_view token) const {
  // Integer literals: `7`, `-1` (the type comes from where it is used; the
  // payload is the value sign-extended, so i1 `true` is -1, also spelled
  // `true`). On a left-hand side a literal matches only at widths where it
  // fits as a signed value.
  if (token == "true" || token == "false") {
    eg::ENode n;
    n.op = IConst;
    n.payload = token == "true" ? ~uint64_t(0) : 0;
    return n;
  }
  int64_t v = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  eg::ENode n;
  n.op = IConst;
  n.payload = static_cast<uint64_t>(v);
  return n;
}

std::string IRLanguage::printAtom(const eg::ENode &n) const {
  if (n.op == IConst) return std::to_string(static_cast<int64_t>(n.payload));
  if (n.op == Arg) return "%arg" + std::to_string(n.payload);
  if (n.op == Skel) return "%s" + std::to_string(n.payload);
  if (n.op == FConst) return "f0x" + llvm::utohexstr(n.payload);
  return op(n.op).name + "#" + std::to_string(n.payload);
}

} // namespace egopt::ir
