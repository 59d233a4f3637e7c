#include "IRType.h"

namespace egopt::prover {

std::string IRType::str() const {
  switch (kind) {
  case Int: {
    // Appending (not `"i" + ...`) avoids GCC 12's false -Wrestrict.
    std::string s = "i";
    s += std::to_string(bits);
    return s;
  }
  case Ptr: return "ptr";
  case Float: break;
  }
  return bits == 16 ? "half" : bits == 32 ? "float" : "double";
}

z3::sort IRType::sort(z3::context &c) const {
  if (kind != Float) return c.bv_sort(bits);
  // IEEE binary16/32/64: exponent bits, significand bits (with the hidden bit).
  if (bits == 16) return c.fpa_sort(5, 11);
  if (bits == 32) return c.fpa_sort(8, 24);
  return c.fpa_sort(11, 53);
}

} // namespace egopt::prover
