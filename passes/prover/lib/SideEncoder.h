//===- SideEncoder.h - One side of a rule as a Z3 term --------------------===//
#pragma once
#include "OpSemantics.h"
#include "egopt/egraph/Pattern.h"

#include <stdexcept>

namespace egopt::prover {

/// Thrown when a rule uses something the prover has no semantics for; the
/// rule then fails (it is never proven).
struct NoSemantics : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct EncodedSide {
  SymValue root;
  /// The side is defined (no UB) when all of these hold.
  std::vector<z3::expr> defined;
  /// The relaxing fast-math flags (reassoc, arcp, ...) its nodes carry.
  uint16_t relaxingFlags = 0;
};

/// Encodes `p` with node types `types` and the rule's variables bound to
/// `vars`. The target (`isTarget`) is where nondeterminism is universal.
EncodedSide encodeSide(const eg::Pattern &p, std::span<const IRType> types,
                       std::span<const SymValue> vars, const eg::VarTable &names,
                       EncodingState &state, bool isTarget);

} // namespace egopt::prover
