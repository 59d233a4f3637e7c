//===- RangeAnalysis.h - The interval every value of a class lies in -------===//
//
// The fact: an llvm::ConstantRange for classes of integer type, from each
// e-node with ConstantRange's transfer functions (add, shl, ...). As with
// known bits (KnownBitsAnalysis.h), a fact describes the class's flag-free
// value when it is not poison: no transfer function uses a flag. `join`:
// both ranges hold, so the class gets their intersection (LLVMLattices.h:
// commutative; ranges never grow). The empty range is the top fact, "no
// value", which licenses nothing. Rules ask it "can this add overflow", "is
// x below y" (Predicates.h).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"
#include "egopt/lift/Lifter.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/ConstantRange.h"

#include <optional>

namespace egopt::passes {

class RangeAnalysis final
    : public eg::LatticeAnalysis<RangeAnalysis, std::optional<llvm::ConstantRange>> {
public:
  explicit RangeAnalysis(const ir::IRTables &tables) : tables_(tables) {}
  std::string_view name() const override { return "range"; }

  std::optional<llvm::ConstantRange> make(const eg::EGraph &g, const eg::ENode &n) const;
  eg::MergeResult join(std::optional<llvm::ConstantRange> &to,
                       const std::optional<llvm::ConstantRange> &from) const;
  std::string describe(eg::ClassId id) const override;

  /// The range of any class id of integer type (full when unknown).
  std::optional<llvm::ConstantRange> of(const eg::EGraph &g, eg::ClassId id) const {
    return data(g.find(id));
  }

  /// Sets the range of skeleton value `skeletonIndex` (a phi: PhiRanges.h);
  /// its class takes it at the next make(), joined with what it knew.
  void setLeafRange(uint64_t skeletonIndex, const llvm::ConstantRange &r);

  /// `r`, a range of class `value`, narrowed by what class `cond` being
  /// `holds` says of it: each compare of `value` in `cond` against a class
  /// with a range.
  llvm::ConstantRange constrain(const eg::EGraph &g, eg::ClassId cond, bool holds,
                                eg::ClassId value, llvm::ConstantRange r) const;

private:
  std::optional<llvm::ConstantRange> intrinsicRange(const eg::EGraph &g, const eg::ENode &n) const;
  std::optional<llvm::ConstantRange> leafRange(uint64_t skeletonIndex, unsigned width) const;

  const ir::IRTables &tables_;
  llvm::DenseMap<uint64_t, llvm::ConstantRange> leafRanges_;
};

} // namespace egopt::passes
