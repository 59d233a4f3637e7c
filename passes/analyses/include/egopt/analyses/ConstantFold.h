//===- ConstantFold.h - Integer constant folding as an e-class analysis ---===//
//
// The fact: the class's value is a known integer (scalar, up to 64 bits),
// held as an APInt. `make` folds an e-node whose integer operands are known,
// following LLVM's semantics, and declines (no fact) whenever the result
// would be poison: a flag violated (nuw/nsw/exact/nneg/disjoint), a shift by
// the width or more. Declining is always sound; a fact is only ever a value
// every e-node of the class computes.
// `join`: two facts about one class are both true, so they agree. If they
// do not, the class holds two different constants: rules refined a value
// that is always poison in two ways, and the union equates two values. That
// is a conflict (Analysis.h): the fact says so, and the runner stops.
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

/// A class's constant: unknown, one value, or a conflict (two values).
struct ConstantFact {
  std::optional<llvm::APInt> value; ///< set when exactly one value is known
  bool conflict = false;
  bool operator==(const ConstantFact &o) const = default;
};

class IntConstantFold final : public eg::LatticeAnalysis<IntConstantFold, ConstantFact> {
public:
  explicit IntConstantFold(const ir::IRTables &tables) : tables_(tables) {}
  std::string_view name() const override { return "iconst"; }

  ConstantFact make(const eg::EGraph &g, const eg::ENode &n) const;
  eg::MergeResult join(ConstantFact &to, const ConstantFact &from) const;
  /// The constant of a class (a canonical id), or nullopt when unknown or
  /// in conflict.
  const std::optional<llvm::APInt> &valueOf(eg::ClassId id) const { return data(id).value; }
  void modify(eg::EGraph &g, eg::ClassId id) override;
  std::string describe(eg::ClassId id) const override;

  /// Folds were declined because the result would be poison.
  size_t poisonDeclined() const { return poisonDeclined_; }

private:
  std::optional<llvm::APInt> fold(const eg::EGraph &g, const eg::ENode &n) const;
  unsigned widthOf(uint32_t type) const;
  const ir::IRTables &tables_;
  mutable size_t poisonDeclined_ = 0;
};

/// Gives class `id` (an integer class, a canonical id) the `iconst` e-node
/// of `value` and unions them: extraction then picks the constant.
void addConstantNode(eg::EGraph &g, eg::ClassId id, const llvm::APInt &value);

} // namespace egopt::passes
