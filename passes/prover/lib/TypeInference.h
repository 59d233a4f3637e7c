//===- TypeInference.h - The type assignments a rule is checked at --------===//
//
// Patterns carry no types: a rule applies at every type its operators allow.
// Inference unifies the types of a rule's nodes and variables (most operators
// keep one type; compares give i1; casts relate two widths; the two roots
// agree; conditions such as `same-type` and `is-i1` add constraints), then
// enumerates every assignment of concrete types from the requested widths
// (integers), half/float/double (floating point) and ptr.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "IRType.h"
#include "egopt/egraph/Rewrite.h"

#include "llvm/Support/Error.h"

#include <span>
#include <string>
#include <vector>

namespace egopt::prover {

/// Concrete types for every node of both sides and every variable.
struct TypeAssignment {
  std::vector<IRType> lhs, rhs, vars;
  /// `i8`, or `i1 ?a:i32` when values differ in type from the root.
  std::string label;
};

/// A type assignment (or a width) the rule cannot be checked at, and why.
struct SkippedTypes {
  std::string label;
  std::string reason;
};

struct TypeEnumeration {
  std::vector<TypeAssignment> assignments;
  std::vector<SkippedTypes> skipped;
};

/// Fails when the rule is ill-typed or uses an operator or predicate that has
/// no semantics.
llvm::Expected<TypeEnumeration> enumerateTypes(const eg::Rule &rule,
                                               std::span<const unsigned> widths);

} // namespace egopt::prover
