//===- PredicateSemantics.h - Rule conditions as assumptions --------------===//
//
// A rule's conditions become assumptions on the (value, non-poison) pairs of
// their variables. One table, one line per predicate; a predicate missing
// here fails the rule loudly.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "IRType.h"
#include "Symbolic.h"

#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace egopt::prover {

struct PredicateCall {
  z3::context &z3;
  std::span<const SymValue> args;
  std::span<const IRType> types;
};

struct PredicateSpec {
  std::string_view name;
  unsigned arity = 1;
  /// All arguments have one type.
  bool sameType = false;
  uint8_t kinds = KInt;
  /// The width the predicate fixes (is-i1), if any.
  std::optional<unsigned> bits;
  std::function<z3::expr(const PredicateCall &)> assume;
};

const PredicateSpec *findPredicateSpec(std::string_view name);
const std::vector<PredicateSpec> &predicateSpecs();

} // namespace egopt::prover
