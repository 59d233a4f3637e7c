//===- KnownBitsAnalysis.h - Bits every value of a class has ---------------===//
//
// The fact: an llvm::KnownBits for classes of integer type (scalar, any
// width), computed from each e-node with LLVM's own transfer functions
// (KnownBits::add, shl, ...). A fact describes the class's *flag-free*
// value when it is not poison: transfer functions ignore nuw, nsw, exact
// and the other poison-generating flags. A union gives a class the facts of
// all its e-nodes, and rules drop flags (an `add nsw` gains a plain `add`,
// which may be a value other code uses): a fact that relied on a flag would
// then be claimed of a value that wraps. The prover checks that every rule
// keeps the flag-free value (docs/prover.md, "Facts").
// `join`: both facts are true of the class, so their knowledge combines
// (LLVMLattices.h). A bit known both 0 and 1 is the top fact, "no value":
// the class is poison on every execution (a shift by the width or more),
// or e-nodes that rules refined from such a value disagree. It licenses
// nothing: predicates read nothing from it (Predicates.h), and operations
// on it read it as unknown. Facts only gain known bits.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"
#include "egopt/lift/Lifter.h"

#include "llvm/Support/KnownBits.h"

#include <optional>

namespace egopt::passes {

class KnownBitsAnalysis final
    : public eg::LatticeAnalysis<KnownBitsAnalysis, std::optional<llvm::KnownBits>> {
public:
  explicit KnownBitsAnalysis(const ir::IRTables &tables) : tables_(tables) {}
  std::string_view name() const override { return "known-bits"; }

  std::optional<llvm::KnownBits> make(const eg::EGraph &g, const eg::ENode &n) const;
  eg::MergeResult join(std::optional<llvm::KnownBits> &to,
                       const std::optional<llvm::KnownBits> &from) const;
  /// A class whose every bit is known gets the `iconst` e-node, as
  /// IntConstantFold does for a folded value: `trunc (shl x, 8) to i1` is 0.
  void modify(eg::EGraph &g, eg::ClassId id) override;
  std::string describe(eg::ClassId id) const override;

  /// The fact of any class id (canonicalized), or nullopt.
  const std::optional<llvm::KnownBits> &of(const eg::EGraph &g, eg::ClassId id) const {
    return data(g.find(id));
  }

private:
  const ir::IRTables &tables_;
};

} // namespace egopt::passes
