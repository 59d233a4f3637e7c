// Computed constants (`$add`, `$log2`, `$bits`, ...): folded when a rule fires,
// from constant operands, into a constant of the first operand's type. Where
// the rule is declined at run time (a shift by the width or more, the log2 of a
// non-power of two), the case is an assumption: the target never exists then.
#include "BitVectors.h"
#include "OpSemantics.h"

namespace egopt::prover {
namespace {

using UnaryFn = z3::expr (*)(const z3::expr &);
using BinaryFn = z3::expr (*)(const z3::expr &, const z3::expr &);

OpSpec unary(UnaryFn fn) {
  return {Typing::Uniform, KInt, 0,
          [fn](const OpCall &c) { return SymValue{fn(c.args[0].value), c.argsNonPoison()}; }};
}
OpSpec binary(BinaryFn fn) {
  return {Typing::Uniform, KInt, 0, [fn](const OpCall &c) {
            return SymValue{fn(c.args[0].value, c.args[1].value), c.argsNonPoison()};
          }};
}
OpSpec shift(BinaryFn fn) {
  return {Typing::Uniform, KInt, 0, [fn](const OpCall &c) {
            const z3::expr &amount = c.args[1].value;
            unsigned w = amount.get_sort().bv_size();
            c.state.assumptions.push_back(z3::ult(amount, bvConstLike(amount, w)));
            return SymValue{fn(c.args[0].value, amount), c.argsNonPoison()};
          }};
}
/// A constant that depends only on the operand's type.
OpSpec ofType(uint64_t (*fn)(unsigned bits)) {
  return {Typing::Uniform, KInt, 0, [fn](const OpCall &c) {
            return SymValue{bvConst(c.z3(), fn(c.type.bits), c.type.bits), c.z3().bool_val(true)};
          }};
}

} // namespace

void addComputedConstants(OpTable &t) {
  t["$neg"] = unary([](const z3::expr &a) { return -a; });
  t["$not"] = unary([](const z3::expr &a) { return ~a; });
  t["$add"] = binary([](const z3::expr &a, const z3::expr &b) { return a + b; });
  t["$sub"] = binary([](const z3::expr &a, const z3::expr &b) { return a - b; });
  t["$mul"] = binary([](const z3::expr &a, const z3::expr &b) { return a * b; });
  t["$and"] = binary([](const z3::expr &a, const z3::expr &b) { return a & b; });
  t["$or"] = binary([](const z3::expr &a, const z3::expr &b) { return a | b; });
  t["$xor"] = binary([](const z3::expr &a, const z3::expr &b) { return a ^ b; });
  t["$shl"] = shift([](const z3::expr &a, const z3::expr &b) { return z3::shl(a, b); });
  t["$lshr"] = shift([](const z3::expr &a, const z3::expr &b) { return z3::lshr(a, b); });
  t["$ashr"] = shift([](const z3::expr &a, const z3::expr &b) { return z3::ashr(a, b); });
  t["$log2"] = {Typing::Uniform, KInt, 0, [](const OpCall &c) {
                  const z3::expr &x = c.args[0].value;
                  unsigned w = x.get_sort().bv_size();
                  c.state.assumptions.push_back(isPowerOfTwo(x));
                  // For a power of two, the index of its one set bit.
                  z3::expr r = bvConstLike(x, 0);
                  for (unsigned i = 1; i < w; ++i)
                    r = z3::ite(x.extract(i, i) == c.z3().bv_val(1, 1), bvConstLike(x, i), r);
                  return SymValue{r, c.argsNonPoison()};
                }};
  t["$bits"] = ofType([](unsigned bits) { return uint64_t(bits); });
  t["$smin"] = ofType([](unsigned bits) { return uint64_t(1) << (bits - 1); });
  t["$smax"] = ofType([](unsigned bits) { return (uint64_t(1) << (bits - 1)) - 1; });
  t["$umax"] = ofType([](unsigned) { return ~uint64_t(0); });
}

} // namespace egopt::prover
