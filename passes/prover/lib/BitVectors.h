//===- BitVectors.h - Small Z3 bit-vector helpers shared by the encodings -===//
#pragma once
#include <z3++.h>

#include <cstdint>

namespace egopt::prover {

/// The low `bits` bits of `v` as a bit-vector constant.
inline z3::expr bvConst(z3::context &c, uint64_t v, unsigned bits) {
  uint64_t mask = bits >= 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
  return c.bv_val(static_cast<uint64_t>(v & mask), bits);
}
inline z3::expr bvConstLike(const z3::expr &like, uint64_t v) {
  return bvConst(like.ctx(), v, like.get_sort().bv_size());
}
/// The signed minimum of `like`'s width: only the sign bit set.
inline z3::expr signedMin(const z3::expr &like) {
  unsigned w = like.get_sort().bv_size();
  return bvConstLike(like, uint64_t(1) << (w - 1));
}
inline z3::expr allOnes(const z3::expr &like) { return bvConstLike(like, ~uint64_t(0)); }
/// An i1 from a Boolean.
inline z3::expr boolToI1(const z3::expr &b) {
  return z3::ite(b, b.ctx().bv_val(1, 1), b.ctx().bv_val(0, 1));
}
/// Exactly one bit set.
inline z3::expr isPowerOfTwo(const z3::expr &x) {
  z3::expr zero = bvConstLike(x, 0);
  return x != zero && (x & (x - bvConstLike(x, 1))) == zero;
}
inline z3::expr isNegative(const z3::expr &v) { return z3::slt(v, bvConstLike(v, 0)); }

/// The wrapping operations that nuw/nsw flags and the no-wrap predicates speak of.
enum class WrapOp : uint8_t { Add, Sub, Mul };
inline z3::expr wrapping(WrapOp op, const z3::expr &a, const z3::expr &b) {
  return op == WrapOp::Add ? a + b : op == WrapOp::Sub ? a - b : a * b;
}
/// The unsigned result fits the width.
inline z3::expr noUnsignedWrap(WrapOp op, const z3::expr &a, const z3::expr &b) {
  switch (op) {
  case WrapOp::Add: return z3::bvadd_no_overflow(a, b, false);
  case WrapOp::Sub: return z3::bvsub_no_underflow(a, b, false);
  case WrapOp::Mul: break;
  }
  return z3::bvmul_no_overflow(a, b, false);
}
/// The signed result fits the width.
inline z3::expr noSignedWrap(WrapOp op, const z3::expr &a, const z3::expr &b) {
  switch (op) {
  case WrapOp::Add: return z3::bvadd_no_overflow(a, b, true) && z3::bvadd_no_underflow(a, b);
  case WrapOp::Sub: return z3::bvsub_no_overflow(a, b) && z3::bvsub_no_underflow(a, b, true);
  case WrapOp::Mul: break;
  }
  return z3::bvmul_no_overflow(a, b, true) && z3::bvmul_no_underflow(a, b);
}

} // namespace egopt::prover
