//===- Reassociate.h - Trees of one associative operator, in one step ------===//
//
// A chain `a + c1 + ... + c2000` takes rewrite rules one round per halving of
// its constants (add-add-const joins neighbours), and a chain over a few
// arguments needs commutation and factoring that rules can only explore at
// a cost that grows faster than the chain (docs/egraph.md, "Associative
// chains"). This step gives each such tree its normal form directly, in time
// linear in the function, before the rules run:
//   add/sub  sum of coefficient x term, plus one constant
//   mul      product of term^exponent (square and multiply), times a constant
//   xor      the terms that occur an odd number of times, xor one constant
//   and/or   the distinct terms, with one constant
// A tree is the largest set of e-nodes of one operator and type whose inner
// nodes each have exactly one use (LLVM's Reassociate draws the same line):
// a value used twice is a term, so every e-node belongs to at most one tree.
// The normal form is added to the tree root's class when it has fewer
// operations than the tree; extraction then takes it by cost. It computes the
// tree's flag-free value (flags are dropped, a refinement the prover's
// obligations allow: docs/prover.md, "Facts").
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/lift/Lifter.h"

namespace egopt::passes {

/// Adds normal forms to the trees of `lf`'s freshly lifted e-graph (clean,
/// before rewriting); counts the trees and their operations before and
/// after into `stats`. Deterministic; leaves the e-graph clean.
void reassociate(ir::LiftedFunction &lf, eg::Statistics &stats);

} // namespace egopt::passes
