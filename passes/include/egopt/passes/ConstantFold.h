//===- ConstantFold.h - Integer constant folding as an e-class analysis ---===//
//
// The fact: the class's value is a known integer (scalar, up to 64 bits),
// held as an APInt. `make` folds an e-node whose integer operands are known,
// following LLVM's semantics, and declines (no fact) whenever the result
// would be poison: a flag violated (nuw/nsw/exact/nneg/disjoint), a shift by
// the width or more. Declining is always sound; a fact is only ever a value
// every e-node of the class computes.
// `join`: two facts about one class are both true, so they agree; if they do
// not (only possible on a path that is poison or unreachable) the class keeps
// the fact it had, which is still a refinement.
// `modify`: a class with a known value gets the `iconst` e-node, so
// extraction picks the constant (cost 0) and elaboration needs no instruction.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"
#include "egopt/lift/Lifter.h"

#include "llvm/ADT/APInt.h"

#include <optional>

namespace egopt::passes {

class IntConstantFold final
    : public eg::LatticeAnalysis<IntConstantFold, std::optional<llvm::APInt>> {
public:
  explicit IntConstantFold(const ir::IRTables &tables) : tables_(tables) {}
  std::string_view name() const override { return "iconst"; }

  std::optional<llvm::APInt> make(const eg::EGraph &g, const eg::ENode &n) const;
  eg::MergeResult join(std::optional<llvm::APInt> &to, const std::optional<llvm::APInt> &from) const;
  void modify(eg::EGraph &g, eg::ClassId id) override;
  std::string describe(eg::ClassId id) const override;

  /// Folds were declined because the result would be poison.
  size_t poisonDeclined() const { return poisonDeclined_; }

private:
  unsigned widthOf(uint32_t type) const;
  const ir::IRTables &tables_;
  mutable size_t poisonDeclined_ = 0;
};

} // namespace egopt::passes
