//===- IRLanguage.h - LLVM IR's pure operations as an e-graph language ----===//
//
// The operations that live in the e-graph: integer and floating-point
// arithmetic with their flags, comparisons (one operator per predicate, so
// rules can name them), select, casts (the e-node's type is the result type),
// pointer-plus-offset arithmetic (what getelementptr becomes), vector element
// operations, speculatable intrinsics, and leaves: constants, arguments and
// the results of skeleton instructions.
//
// E-node fields:
//   type     the result type, interned in the function's IRTables;
//   flags    nuw/nsw/exact/disjoint/samesign bits, or FastMathFlags for FP ops,
//            or GEP no-wrap flags for ptradd;
//   payload  iconst: the value, sign-extended to 64 bits (widths up to 64, so
//            equal values of one type have equal payloads at every width);
//            fconst: the bit pattern (half, bfloat, float, double);
//            cst: an opaque constant (index into IRTables::constants);
//            arg: the argument number; skel: the skeleton value number;
//            intrin: the callee (index into IRTables::constants);
//            shuffle: the mask (index into IRTables::masks).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Language.h"

#include "llvm/IR/Instruction.h"
#include "llvm/IR/Instructions.h"

#include <optional>

namespace egopt::ir {

/// Integer flags (e-node `flags` of integer arithmetic and icmp).
enum IntFlags : uint16_t {
  NUW = 1 << 0,
  NSW = 1 << 1,
  Exact = 1 << 2,
  Disjoint = 1 << 3,
  SameSign = 1 << 4,
  NNeg = 1 << 5, ///< zext/uitofp nneg
};
/// Fast-math flags sit above the integer flags in `flags`.
constexpr unsigned kFMFShift = 8;
uint16_t encodeFMF(llvm::FastMathFlags fmf);
llvm::FastMathFlags decodeFMF(uint16_t flags);

class IRLanguage final : public eg::Language {
public:
  /// The one instance (the table is immutable after construction).
  static const IRLanguage &get();

  // Leaves.
  eg::Op IConst, FConst, Cst, Arg, Skel;
  // Integer binary operations (IntFlags).
  eg::Op Add, Sub, Mul, UDiv, SDiv, URem, SRem, Shl, LShr, AShr, And, Or, Xor;
  // Floating point (flags: FastMathFlags bits).
  eg::Op FAdd, FSub, FMul, FDiv, FRem, FNeg;
  // Comparisons: ICmpFirst + (pred - FIRST_ICMP_PREDICATE), likewise FCmp.
  eg::Op ICmpFirst, FCmpFirst;
  eg::Op Select, Freeze;
  // Casts, in Instruction::CastOps order from Trunc.
  eg::Op CastFirst;
  eg::Op PtrAdd;
  eg::Op ExtractElement, InsertElement, Shuffle;
  eg::Op Intrin1, Intrin2, Intrin3, Intrin4, Intrin5; ///< by operand count
  /// Computed constants (`$neg`, `$log2`, ...): rule right-hand sides only;
  /// evaluated when the rule fires, so they never enter the e-graph.
  eg::Op ComputedFirst, ComputedLast;
  bool isComputed(eg::Op op) const { return op >= ComputedFirst && op <= ComputedLast; }

  std::optional<eg::Op> binaryOp(unsigned opcode) const;
  std::optional<unsigned> opcodeOf(eg::Op op) const; ///< inverse of binaryOp
  eg::Op icmp(llvm::CmpInst::Predicate p) const;
  eg::Op fcmp(llvm::CmpInst::Predicate p) const;
  std::optional<llvm::CmpInst::Predicate> predicateOf(eg::Op op) const;
  eg::Op cast(llvm::Instruction::CastOps c) const;
  std::optional<llvm::Instruction::CastOps> castOf(eg::Op op) const;
  eg::Op intrin(unsigned numArgs) const;
  bool isIntrin(eg::Op op) const { return op >= Intrin1 && op <= Intrin5; }

  std::optional<eg::ENode> parseAtom(std::string_view token) const override;
  std::string printAtom(const eg::ENode &node) const override;
  std::string printHead(const eg::ENode &node) const override;

  // Rules over LLVM IR (IRRules.cpp): flags, typed right-hand sides.
  std::optional<uint16_t> parseFlag(eg::Op op, std::string_view name) const override;
  /// The flag names `op` can carry, in print order, with their bits.
  std::vector<std::pair<std::string_view, uint16_t>> flagNames(eg::Op op) const;
  bool flagsAreRequirements() const override { return true; }
  llvm::Error checkRule(const eg::Pattern &lhs, const eg::Pattern &rhs,
                        const eg::VarTable &vars) const override;
  eg::ClassId instantiate(eg::EGraph &g, const eg::Pattern &rhs, eg::ClassId root,
                          std::span<const eg::ClassId> subst) const override;

private:
  IRLanguage();
  eg::Op binaryBase_ = 0;
};

} // namespace egopt::ir
