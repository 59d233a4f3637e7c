#include "egopt/egraph/LLVMLattices.h"

namespace egopt::eg {

JoinOutcome joinKnownBits(llvm::KnownBits &to, const llvm::KnownBits &from) {
  llvm::KnownBits joined = to.unionWith(from);
  JoinOutcome out;
  if (joined.hasConflict()) {
    out.contradiction = true;
    return out;
  }
  out.merge.toChanged = joined != to;
  out.merge.fromChanged = joined != from;
  to = joined;
  return out;
}

namespace {
/// A total order on ranges: smaller set first, then by bounds. Used to pick
/// between the two over-approximations of an intersection that is not one
/// range, so the join does not depend on argument order.
bool rangeLess(const llvm::ConstantRange &a, const llvm::ConstantRange &b) {
  if (a.isSizeStrictlySmallerThan(b)) return true;
  if (b.isSizeStrictlySmallerThan(a)) return false;
  if (a.getLower() != b.getLower()) return a.getLower().ult(b.getLower());
  return a.getUpper().ult(b.getUpper());
}
} // namespace

JoinOutcome joinRanges(llvm::ConstantRange &to, const llvm::ConstantRange &from) {
  JoinOutcome out;
  llvm::ConstantRange ab = to.intersectWith(from);
  llvm::ConstantRange ba = from.intersectWith(to);
  if (ab.isEmptySet() && !to.isEmptySet() && !from.isEmptySet()) {
    out.contradiction = true;
    return out;
  }
  // When the intersection is two pieces, intersectWith returns one of two
  // covering ranges depending on argument order; take the smaller (by a
  // fixed order), so join(a, b) == join(b, a). Both contain every value the
  // class can take, so either is sound.
  llvm::ConstantRange joined = rangeLess(ba, ab) ? ba : ab;
  out.merge.toChanged = joined != to;
  out.merge.fromChanged = joined != from;
  to = joined;
  return out;
}

} // namespace egopt::eg
