//===- Counterexample.h - Printing a Z3 model as a counterexample --------===//
#pragma once
#include "IRType.h"
#include "Symbolic.h"

#include <string>
#include <vector>

namespace egopt::prover {

struct NamedValue {
  std::string name;
  SymValue value;
  IRType type;
  /// Whether the value is defined (false: UB); true for inputs.
  z3::expr defined;
};

/// `?a = 0xff (255, -1), ?b = poison; source = 0x1 (1); target = poison`,
/// then the target's choices (freeze values, signs of zero) if any.
std::string describeCounterexample(const z3::model &m, const std::vector<NamedValue> &inputs,
                                   const NamedValue &source, const NamedValue &target,
                                   const std::vector<std::pair<std::string, z3::expr>> &choices);

} // namespace egopt::prover
