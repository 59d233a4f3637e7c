//===- IntLattices.h - Joins of LLVM's integer facts, for analyses --------===//
//
// The lattices the known-bits and integer-range analyses of LLVM IR use. A
// fact holds of every value its class computes when that value is not
// poison. In an e-class every e-node computes the class's value, so two
// facts about a class are both true, and their join keeps what either says:
//   KnownBits:     a bit known in either is known (Zero |= , One |=);
//   ConstantRange: the value lies in both ranges (intersection).
// Bottom is "nothing known" (std::nullopt). Top is "no value": facts that
// no value satisfies (a bit known both 0 and 1; the empty range), which
// means the class is poison on every execution. Top absorbs: once a class
// is known to be always poison it stays so, whatever joins it later.
//
// Every join here is commutative and monotone: the result never knows
// fewer bits, and is never a larger range, than either side. That is what
// lets facts only climb (propagation cannot oscillate) and makes the result
// independent of the order in which classes merge.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"

#include "llvm/IR/ConstantRange.h"
#include "llvm/Support/KnownBits.h"

#include <optional>

namespace egopt::passes {

using eg::MergeResult;

/// Top of the known-bits lattice: no value has these bits.
inline bool isNoValue(const llvm::KnownBits &k) { return k.hasConflict(); }
/// Top of the range lattice: no value lies in it.
inline bool isNoValue(const llvm::ConstantRange &r) { return r.isEmptySet(); }

/// The known-bits fact with no value, for `width` bits.
llvm::KnownBits noValueKnownBits(unsigned width);

/// Joins `from` into `to` (widths must agree): the union of the known bits.
MergeResult joinKnownBits(llvm::KnownBits &to, const llvm::KnownBits &from);
/// Joins `from` into `to` by intersection (widths must agree). When the
/// intersection is two pieces, ConstantRange can hold only a range covering
/// both; of the two smallest such, the first by a fixed order (size, then
/// bounds) is kept, so the join is commutative.
MergeResult joinRanges(llvm::ConstantRange &to, const llvm::ConstantRange &from);

/// Joins optional facts: nullopt is "nothing known" (bottom). Facts of
/// different widths never meet in one class; if they did, `to` is kept.
template <class T, class JoinFn>
MergeResult joinOptional(std::optional<T> &to, const std::optional<T> &from, JoinFn join) {
  if (!from) return {false, to.has_value()};
  if (!to) {
    to = from;
    return {true, false};
  }
  if (to->getBitWidth() != from->getBitWidth()) return {false, true};
  return join(*to, *from);
}

} // namespace egopt::passes
