// Integer arithmetic, bitwise operations, shifts and compares (LLVM LangRef):
// flags turn overflow, lost bits or a nonzero remainder into poison; a shift
// by the width or more is poison; division by zero (or INT_MIN / -1) is UB.
#include "BitVectors.h"
#include "OpSemantics.h"
#include "egopt/lift/IRLanguage.h"

namespace egopt::prover {
using namespace ir;

namespace {

using BinaryFn = z3::expr (*)(const z3::expr &, const z3::expr &);

/// An operation whose only poison comes from its operands.
OpSpec plain(BinaryFn fn) {
  return {Typing::Uniform, KInt, 0, [fn](const OpCall &c) {
            return SymValue{fn(c.args[0].value, c.args[1].value), c.argsNonPoison()};
          }};
}

/// add, sub, mul: nuw/nsw make a result that wraps poison.
OpSpec wrappingArithmetic(WrapOp op) {
  return {Typing::Uniform, KInt, NUW | NSW, [op](const OpCall &c) {
            const z3::expr &a = c.args[0].value, &b = c.args[1].value;
            z3::expr np = c.argsNonPoison();
            if (c.has(NUW)) np = np && noUnsignedWrap(op, a, b);
            if (c.has(NSW)) np = np && noSignedWrap(op, a, b);
            return SymValue{wrapping(op, a, b), np};
          }};
}

/// UB unless the divisor is non-poison, nonzero and, for signed division, the
/// quotient fits (INT_MIN / -1 overflows; a poison dividend might be INT_MIN).
void requireDivisionDefined(const OpCall &c, bool isSigned) {
  const SymValue &x = c.args[0], &d = c.args[1];
  z3::expr ok = d.nonPoison && d.value != bvConstLike(d.value, 0);
  if (isSigned)
    ok = ok && !(d.value == allOnes(d.value) && (!x.nonPoison || x.value == signedMin(x.value)));
  c.defined.push_back(ok);
}

OpSpec division(BinaryFn quotient, BinaryFn remainder, bool isSigned, bool isRemainder) {
  return {Typing::Uniform, KInt, isRemainder ? uint16_t(0) : uint16_t(Exact), [=](const OpCall &c) {
            requireDivisionDefined(c, isSigned);
            const z3::expr &a = c.args[0].value, &b = c.args[1].value;
            z3::expr np = c.argsNonPoison();
            if (c.has(Exact)) np = np && remainder(a, b) == bvConstLike(a, 0);
            return SymValue{isRemainder ? remainder(a, b) : quotient(a, b), np};
          }};
}

z3::expr inRangeShift(const z3::expr &amount) {
  return z3::ult(amount, bvConstLike(amount, amount.get_sort().bv_size()));
}

OpSpec rightShift(BinaryFn shift) {
  return {Typing::Uniform, KInt, Exact, [shift](const OpCall &c) {
            const z3::expr &a = c.args[0].value, &b = c.args[1].value;
            z3::expr r = shift(a, b);
            z3::expr np = c.argsNonPoison() && inRangeShift(b);
            if (c.has(Exact)) np = np && z3::shl(r, b) == a;
            return SymValue{r, np};
          }};
}

OpSpec compare(BinaryFn relation) {
  return {Typing::Compare, KInt | KPtr, SameSign, [relation](const OpCall &c) {
            const z3::expr &a = c.args[0].value, &b = c.args[1].value;
            z3::expr np = c.argsNonPoison();
            if (c.has(SameSign)) np = np && isNegative(a) == isNegative(b);
            return SymValue{boolToI1(relation(a, b)), np};
          }};
}

z3::expr sdiv(const z3::expr &a, const z3::expr &b) { return a / b; }
z3::expr udiv(const z3::expr &a, const z3::expr &b) { return z3::udiv(a, b); }
z3::expr srem(const z3::expr &a, const z3::expr &b) { return z3::srem(a, b); }
z3::expr urem(const z3::expr &a, const z3::expr &b) { return z3::urem(a, b); }
z3::expr lshr(const z3::expr &a, const z3::expr &b) { return z3::lshr(a, b); }
z3::expr ashr(const z3::expr &a, const z3::expr &b) { return z3::ashr(a, b); }
z3::expr bitAnd(const z3::expr &a, const z3::expr &b) { return a & b; }
z3::expr bitXor(const z3::expr &a, const z3::expr &b) { return a ^ b; }

} // namespace

void addIntegerOps(OpTable &t) {
  t["add"] = wrappingArithmetic(WrapOp::Add);
  t["sub"] = wrappingArithmetic(WrapOp::Sub);
  t["mul"] = wrappingArithmetic(WrapOp::Mul);
  t["udiv"] = division(udiv, urem, false, false);
  t["sdiv"] = division(sdiv, srem, true, false);
  t["urem"] = division(udiv, urem, false, true);
  t["srem"] = division(sdiv, srem, true, true);
  t["shl"] = {Typing::Uniform, KInt, NUW | NSW, [](const OpCall &c) {
                const z3::expr &a = c.args[0].value, &b = c.args[1].value;
                z3::expr r = z3::shl(a, b);
                z3::expr np = c.argsNonPoison() && inRangeShift(b);
                if (c.has(NUW)) np = np && z3::lshr(r, b) == a;
                if (c.has(NSW)) np = np && z3::ashr(r, b) == a;
                return SymValue{r, np};
              }};
  t["lshr"] = rightShift(lshr);
  t["ashr"] = rightShift(ashr);
  t["and"] = plain(bitAnd);
  t["xor"] = plain(bitXor);
  t["or"] = {Typing::Uniform, KInt, Disjoint, [](const OpCall &c) {
               const z3::expr &a = c.args[0].value, &b = c.args[1].value;
               z3::expr np = c.argsNonPoison();
               if (c.has(Disjoint)) np = np && (a & b) == bvConstLike(a, 0);
               return SymValue{a | b, np};
             }};
  t["icmp.eq"] = compare([](const z3::expr &a, const z3::expr &b) { return a == b; });
  t["icmp.ne"] = compare([](const z3::expr &a, const z3::expr &b) { return a != b; });
  t["icmp.ugt"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::ugt(a, b); });
  t["icmp.uge"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::uge(a, b); });
  t["icmp.ult"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::ult(a, b); });
  t["icmp.ule"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::ule(a, b); });
  t["icmp.sgt"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::sgt(a, b); });
  t["icmp.sge"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::sge(a, b); });
  t["icmp.slt"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::slt(a, b); });
  t["icmp.sle"] = compare([](const z3::expr &a, const z3::expr &b) { return z3::sle(a, b); });
}

} // namespace egopt::prover
