// Floating-point arithmetic and compares in Z3's IEEE theory, rounding to
// nearest-even. Fast-math flags: nnan/ninf make a NaN/Inf operand or result
// poison; nsz lets the *target* give either sign to a zero result (a fresh
// choice the proof must hold for); reassoc/arcp/contract/afn have no exact
// meaning and are handled by the prover (a rule needing them is `assumed`).
// frem has no entry: Z3's fp.rem is IEEE remainder, LLVM's frem is fmod.
#include "BitVectors.h"
#include "OpSemantics.h"
#include "egopt/lift/IRLanguage.h"

#include "llvm/IR/FMF.h"

#include <utility>

namespace egopt::prover {
namespace {

uint16_t fmfBit(void (llvm::FastMathFlags::*set)(bool)) {
  llvm::FastMathFlags f;
  (f.*set)(true);
  return ir::encodeFMF(f);
}
const uint16_t kNoNaNs = fmfBit(&llvm::FastMathFlags::setNoNaNs);
const uint16_t kNoInfs = fmfBit(&llvm::FastMathFlags::setNoInfs);
const uint16_t kNoSignedZeros = fmfBit(&llvm::FastMathFlags::setNoSignedZeros);
const uint16_t kReassoc = fmfBit(&llvm::FastMathFlags::setAllowReassoc);
const uint16_t kRecip = fmfBit(&llvm::FastMathFlags::setAllowReciprocal);
const uint16_t kContract = fmfBit(&llvm::FastMathFlags::setAllowContract);
const uint16_t kApprox = fmfBit(&llvm::FastMathFlags::setApproxFunc);
const uint16_t kAllFMF =
    kNoNaNs | kNoInfs | kNoSignedZeros | kReassoc | kRecip | kContract | kApprox;

z3::expr roundNearestEven(z3::context &c) { return z3::expr(c, Z3_mk_fpa_rne(c)); }

/// Applies the fast-math flags to an operation's result.
SymValue withFastMath(const OpCall &c, z3::expr result) {
  z3::expr np = c.argsNonPoison();
  auto forbid = [&](const z3::expr &v) {
    if (c.has(kNoNaNs)) np = np && !v.mk_is_nan();
    if (c.has(kNoInfs)) np = np && !v.mk_is_inf();
  };
  for (const SymValue &a : c.args) forbid(a.value);
  if (result.is_fpa()) {
    forbid(result);
    if (c.has(kNoSignedZeros) && c.isTarget) {
      z3::expr flip = c.state.freshChoice("nsz-sign " + c.key);
      result = z3::ite(result.mk_is_zero() && flip, -result, result);
    }
  }
  return {result, np};
}

using RoundedFn = Z3_ast (*)(Z3_context, Z3_ast, Z3_ast, Z3_ast);
/// `commutative`: the operands are put in a canonical order, so `x + y` and
/// `y + x` are one term. Bit-blasted, they are two adders a SAT solver takes
/// minutes to prove equal at float and double; in SMT-LIB's FP theory (one
/// NaN) fp.add and fp.mul are exactly commutative, so nothing is assumed.
OpSpec arithmetic(RoundedFn fn, bool commutative) {
  return {Typing::Uniform, KFloat, kAllFMF, [=](const OpCall &c) {
            z3::context &z = c.z3();
            z3::expr a = c.args[0].value, b = c.args[1].value;
            if (commutative && Z3_get_ast_id(z, b) < Z3_get_ast_id(z, a)) std::swap(a, b);
            z3::expr r(z, fn(z, roundNearestEven(z), a, b));
            return withFastMath(c, r);
          }};
}

using RelationFn = Z3_ast (*)(Z3_context, Z3_ast, Z3_ast);
/// `ordered`: false when either operand is NaN; otherwise true then.
OpSpec compare(RelationFn relation, bool ordered) {
  return {Typing::Compare, KFloat, kAllFMF, [=](const OpCall &c) {
            z3::context &z = c.z3();
            const z3::expr &a = c.args[0].value, &b = c.args[1].value;
            z3::expr unordered = a.mk_is_nan() || b.mk_is_nan();
            z3::expr holds = relation ? z3::expr(z, relation(z, a, b)) : z.bool_val(ordered);
            z3::expr r = ordered ? !unordered && holds : unordered || holds;
            return withFastMath(c, boolToI1(r));
          }};
}

OpSpec constantCompare(bool value) {
  return {Typing::Compare, KFloat, kAllFMF,
          [=](const OpCall &c) { return withFastMath(c, c.z3().bv_val(value ? 1 : 0, 1)); }};
}

Z3_ast notEqual(Z3_context c, Z3_ast a, Z3_ast b) { return Z3_mk_not(c, Z3_mk_fpa_eq(c, a, b)); }

} // namespace

uint16_t relaxingFastMathFlags() { return kReassoc | kRecip | kContract | kApprox; }

std::string relaxingFlagNames(uint16_t flags) {
  std::string s;
  auto add = [&](uint16_t bit, const char *name) {
    if (!(flags & bit)) return;
    if (!s.empty()) s += ",";
    s += name;
  };
  add(kReassoc, "reassoc");
  add(kRecip, "arcp");
  add(kContract, "contract");
  add(kApprox, "afn");
  return s;
}

void addFloatOps(OpTable &t) {
  t["fadd"] = arithmetic(Z3_mk_fpa_add, true);
  t["fsub"] = arithmetic(Z3_mk_fpa_sub, false);
  t["fmul"] = arithmetic(Z3_mk_fpa_mul, true);
  t["fdiv"] = arithmetic(Z3_mk_fpa_div, false);
  t["fneg"] = {Typing::Uniform, KFloat, kAllFMF,
               [](const OpCall &c) { return withFastMath(c, -c.args[0].value); }};
  // Ordered predicates are false on NaN, unordered ones true.
  t["fcmp.false"] = constantCompare(false);
  t["fcmp.oeq"] = compare(Z3_mk_fpa_eq, true);
  t["fcmp.ogt"] = compare(Z3_mk_fpa_gt, true);
  t["fcmp.oge"] = compare(Z3_mk_fpa_geq, true);
  t["fcmp.olt"] = compare(Z3_mk_fpa_lt, true);
  t["fcmp.ole"] = compare(Z3_mk_fpa_leq, true);
  t["fcmp.one"] = compare(notEqual, true);
  t["fcmp.ord"] = compare(nullptr, true);
  t["fcmp.ueq"] = compare(Z3_mk_fpa_eq, false);
  t["fcmp.ugt"] = compare(Z3_mk_fpa_gt, false);
  t["fcmp.uge"] = compare(Z3_mk_fpa_geq, false);
  t["fcmp.ult"] = compare(Z3_mk_fpa_lt, false);
  t["fcmp.ule"] = compare(Z3_mk_fpa_leq, false);
  t["fcmp.une"] = compare(notEqual, false);
  t["fcmp.uno"] = compare(nullptr, false);
  t["fcmp.true"] = constantCompare(true);
}

} // namespace egopt::prover
