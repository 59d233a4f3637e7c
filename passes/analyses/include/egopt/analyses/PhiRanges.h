//===- PhiRanges.h - Ranges of the phis the skeleton keeps -----------------===//
//
// A phi the lifter could not fold stays in the skeleton, and the e-graph sees
// it as a leaf of any value. Its range is the union of its incoming values'
// ranges, each narrowed by the branches that lead to its edge: on the edge
// out of `if (len <u umin(n, 258))`, `len` is below 258 (what LLVM's SCCP
// reads from PredicateInfo, and LazyValueInfo from edge conditions). Rust's
// bounds checks on an index built from such a phi then fold.
//
// Sound at every step: the ranges start full, and a new range is computed
// from ranges that hold, so it holds too (the class keeps the intersection).
// A loop phi whose latch value depends on itself stays full unless a
// condition bounds it; there is no widening, so a few sweeps settle.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/lift/Lifter.h"

namespace egopt::passes {

/// Narrows the range facts of `lf`'s skeleton phis (freshly lifted and
/// rebuilt, before rewriting); counts the phis narrowed into `stats`.
/// Deterministic; leaves the e-graph clean.
void narrowPhiRanges(ir::LiftedFunction &lf, eg::Statistics &stats);

} // namespace egopt::passes
