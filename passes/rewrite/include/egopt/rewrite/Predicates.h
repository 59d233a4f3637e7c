//===- Predicates.h - The conditions rules over LLVM IR may use ------------===//
//
// Each predicate reads the facts of the analyses (IntConstantFold,
// KnownBitsAnalysis, RangeAnalysis) and the classes' types. Facts describe a
// class's value when it is not poison, so a predicate says "x is poison or
// P(x)"; the prover assumes exactly that (docs/prover.md lists each
// predicate's meaning). A predicate whose analysis is absent answers false:
// declining a rewrite is always sound. So does every predicate over a class
// whose facts admit no value (always poison): there "poison or P(x)" would
// hold for every P at once, and rules would refine the class in ways that
// contradict each other.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Rewrite.h"

namespace egopt::passes {

/// The registry of every predicate, built once.
const eg::PredicateRegistry &irPredicates();

} // namespace egopt::passes
