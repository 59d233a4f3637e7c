//===- Symbolic.h - A value of the encoding: bits plus a poison flag ------===//
//
// As in Alive2, every IR value is a pair: its bits (a Z3 bit-vector or
// floating-point term) and whether it is *not* poison.
//
//===----------------------------------------------------------------------===//
#pragma once
#include <z3++.h>

namespace egopt::prover {

struct SymValue {
  z3::expr value;
  z3::expr nonPoison;
};

} // namespace egopt::prover
