//===- IRType.h - The types a rule is checked at -------------------------===//
//
// A rule is proven once per assignment of concrete types to its values:
// integers of the requested widths, the IEEE formats half/float/double, and
// pointers (modeled as 64-bit integers, see docs/prover.md).
//
//===----------------------------------------------------------------------===//
#pragma once
#include <z3++.h>

#include <string>

namespace egopt::prover {

struct IRType {
  enum Kind : uint8_t { Int, Float, Ptr };
  Kind kind = Int;
  unsigned bits = 0;

  static IRType integer(unsigned bits) { return {Int, bits}; }
  static IRType floating(unsigned bits) { return {Float, bits}; }
  static IRType pointer() { return {Ptr, 64}; }

  bool isFloat() const { return kind == Float; }
  /// Integers and pointers are bit-vectors in the encoding.
  bool isBitVector() const { return kind != Float; }
  /// `i8`, `half`, `float`, `double`, `ptr`.
  std::string str() const;
  /// The Z3 sort of values of this type.
  z3::sort sort(z3::context &c) const;

  friend bool operator==(const IRType &, const IRType &) = default;
};

/// Bits of a kind set: which kinds of type a value may have.
enum KindMask : uint8_t { KInt = 1, KFloat = 2, KPtr = 4, KAny = KInt | KFloat | KPtr };

} // namespace egopt::prover
