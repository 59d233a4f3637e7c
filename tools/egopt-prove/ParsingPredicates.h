//===- ParsingPredicates.h - Predicate names for parsing rule files -------===//
//
// Parsing a rule file needs only the predicates' names and arities; the prover
// gives them meaning itself (PredicateSemantics) and never calls them.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Rewrite.h"
#include "egopt/prover/PredicateSemantics.h"

namespace egopt::prove {

inline const eg::PredicateRegistry &parsingPredicates() {
  static const eg::PredicateRegistry reg = [] {
    eg::PredicateRegistry r;
    for (const prover::PredicateSpec &s : prover::predicateSpecs())
      r.add(std::string(s.name), s.arity,
            [](const eg::EGraph &, std::span<const eg::ClassId>) { return false; });
    return r;
  }();
  return reg;
}

} // namespace egopt::prove
