// Each predicate's meaning as an assumption on its arguments' (value,
// non-poison) pairs, as passes/lib/Predicates.cpp decides it. Facts from
// analyses describe a value when it is not poison, so those predicates hold of
// poison vacuously; a predicate that asks for a constant (const, pow2,
// not-smin, the constant of mask-noop/or-noop) also says it is not poison.
// One line per predicate.
#include "PredicateSemantics.h"

#include "BitVectors.h"

namespace egopt::prover {
namespace {

using Call = PredicateCall;
const z3::expr &v(const Call &c, size_t i) { return c.args[i].value; }
/// `relation` of the values when all arguments are non-poison.
z3::expr unlessPoison(const Call &c, const z3::expr &relation) {
  z3::expr np = c.z3.bool_val(true);
  for (const SymValue &a : c.args) np = np && a.nonPoison;
  return z3::implies(np, relation);
}
z3::expr zero(const Call &c, size_t i) { return bvConstLike(v(c, i), 0); }

/// ?m is 2^k-1 (k >= 1) and the k low bits of ?c are zero; the two may
/// differ in width (a mask applied after a trunc).
z3::expr lowBitsZero(const Call &c) {
  const z3::expr &cv = v(c, 0), &m = v(c, 1);
  unsigned wc = c.types[0].bits, wm = c.types[1].bits;
  z3::expr isMask = m != zero(c, 1) && (m & (m + bvConstLike(m, 1))) == zero(c, 1);
  z3::expr fits = c.z3.bool_val(true);
  z3::expr mAtC = m;
  if (wm > wc) {
    fits = m.extract(wm - 1, wc) == c.z3.bv_val(0, wm - wc);
    mAtC = m.extract(wc - 1, 0);
  } else if (wm < wc) {
    mAtC = z3::zext(m, wc - wm);
  }
  return c.args[0].nonPoison && c.args[1].nonPoison && isMask && fits && (cv & mAtC) == zero(c, 0);
}

} // namespace

const std::vector<PredicateSpec> &predicateSpecs() {
  static const std::vector<PredicateSpec> specs = {
      // name, arity, same type, kinds, fixed width, assumption
      {"const", 1, false, KAny, {}, [](const Call &c) { return c.args[0].nonPoison; }},
      {"pow2",
       1,
       false,
       KInt,
       {},
       [](const Call &c) { return c.args[0].nonPoison && isPowerOfTwo(v(c, 0)); }},
      {"not-zero",
       1,
       false,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, v(c, 0) != zero(c, 0)); }},
      {"nonneg",
       1,
       false,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, z3::sge(v(c, 0), zero(c, 0))); }},
      {"neg",
       1,
       false,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, z3::slt(v(c, 0), zero(c, 0))); }},
      {"no-common-bits",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, (v(c, 0) & v(c, 1)) == zero(c, 0)); }},
      {"ult-bits",
       1,
       false,
       KInt,
       {},
       [](const Call &c) {
         return unlessPoison(c, z3::ult(v(c, 0), bvConstLike(v(c, 0), c.types[0].bits)));
       }},
      {"is-i1", 1, false, KInt, 1u, [](const Call &c) { return c.z3.bool_val(true); }},
      {"same-type", 2, true, KAny, {}, [](const Call &c) { return c.z3.bool_val(true); }},
      {"no-signed-wrap-add",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, noSignedWrap(WrapOp::Add, v(c, 0), v(c, 1))); }},
      {"no-unsigned-wrap-add",
       2,
       true,
       KInt,
       {},
       [](const Call &c) {
         return unlessPoison(c, noUnsignedWrap(WrapOp::Add, v(c, 0), v(c, 1)));
       }},
      {"no-signed-wrap-sub",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, noSignedWrap(WrapOp::Sub, v(c, 0), v(c, 1))); }},
      {"no-unsigned-wrap-sub",
       2,
       true,
       KInt,
       {},
       [](const Call &c) {
         return unlessPoison(c, noUnsignedWrap(WrapOp::Sub, v(c, 0), v(c, 1)));
       }},
      {"no-signed-wrap-mul",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, noSignedWrap(WrapOp::Mul, v(c, 0), v(c, 1))); }},
      {"no-unsigned-wrap-mul",
       2,
       true,
       KInt,
       {},
       [](const Call &c) {
         return unlessPoison(c, noUnsignedWrap(WrapOp::Mul, v(c, 0), v(c, 1)));
       }},
      {"ult",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, z3::ult(v(c, 0), v(c, 1))); }},
      {"ule",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, z3::ule(v(c, 0), v(c, 1))); }},
      {"slt",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, z3::slt(v(c, 0), v(c, 1))); }},
      {"sle",
       2,
       true,
       KInt,
       {},
       [](const Call &c) { return unlessPoison(c, z3::sle(v(c, 0), v(c, 1))); }},
      {"not-smin",
       1,
       false,
       KInt,
       {},
       [](const Call &c) { return c.args[0].nonPoison && v(c, 0) != signedMin(v(c, 0)); }},
      {"mask-noop",
       2,
       true,
       KInt,
       {},
       [](const Call &c) {
         return c.args[1].nonPoison &&
                z3::implies(c.args[0].nonPoison, (v(c, 0) & v(c, 1)) == v(c, 0));
       }},
      {"or-noop",
       2,
       true,
       KInt,
       {},
       [](const Call &c) {
         return c.args[1].nonPoison &&
                z3::implies(c.args[0].nonPoison, (v(c, 0) | v(c, 1)) == v(c, 0));
       }},
      {"low-bits-zero", 2, false, KInt, {}, lowBitsZero},
      {"ne", 2, true, KAny, {}, [](const Call &c) { return unlessPoison(c, v(c, 0) != v(c, 1)); }},
  };
  return specs;
}

const PredicateSpec *findPredicateSpec(std::string_view name) {
  for (const PredicateSpec &s : predicateSpecs())
    if (s.name == name) return &s;
  return nullptr;
}

} // namespace egopt::prover
