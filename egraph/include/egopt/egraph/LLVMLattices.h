//===- LLVMLattices.h - Joins of LLVM's integer facts, for analyses -------===//
//
// The hooks the known-bits and integer-range analyses of LLVM IR build on.
// In an e-class every e-node computes the same value, so two facts about a
// class are both true and their join keeps what either says:
//   KnownBits:     a bit known in either is known (Zero |= , One |=);
//   ConstantRange: the value lies in both ranges (intersection).
// A join that proves the class empty (a bit known both 0 and 1, or disjoint
// ranges) means the class is unreachable or poison; it is reported, and the
// fact keeps the first side, so merging stays sound and order-independent.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"

#include "llvm/IR/ConstantRange.h"
#include "llvm/Support/KnownBits.h"

#include <optional>

namespace egopt::eg {

struct JoinOutcome {
  MergeResult merge;
  bool contradiction = false;
};

/// Joins `from` into `to` (widths must agree).
JoinOutcome joinKnownBits(llvm::KnownBits &to, const llvm::KnownBits &from);
/// Joins `from` into `to` by intersection (widths must agree). When the
/// intersection is two pieces, the smaller covering range (by a fixed order)
/// is kept, so the join is commutative.
JoinOutcome joinRanges(llvm::ConstantRange &to, const llvm::ConstantRange &from);

/// Joins optional facts: nullopt is "nothing known" (bottom of information).
template <class T, class JoinFn>
JoinOutcome joinOptional(std::optional<T> &to, const std::optional<T> &from, JoinFn join) {
  if (!from) return {{false, to.has_value()}, false};
  if (!to) {
    to = from;
    return {{true, false}, false};
  }
  return join(*to, *from);
}

} // namespace egopt::eg
