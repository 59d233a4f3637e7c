#include "egopt/analyses/IntLattices.h"

namespace egopt::passes {

llvm::KnownBits noValueKnownBits(unsigned width) {
  llvm::KnownBits k(width);
  k.Zero.setAllBits();
  k.One.setAllBits();
  return k;
}

MergeResult joinKnownBits(llvm::KnownBits &to, const llvm::KnownBits &from) {
  // Union keeps a conflict of either side: top absorbs.
  llvm::KnownBits joined = to.unionWith(from);
  // All conflicts are one "no value" fact, whichever bits conflicted.
  if (joined.hasConflict()) joined = noValueKnownBits(joined.getBitWidth());
  MergeResult out{joined != to, joined != from};
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

MergeResult joinRanges(llvm::ConstantRange &to, const llvm::ConstantRange &from) {
  // The empty set intersects to the empty set: top absorbs.
  llvm::ConstantRange ab = to.intersectWith(from);
  llvm::ConstantRange ba = from.intersectWith(to);
  // Both cover the intersection with the fewest elements, so neither is
  // larger than `to` or `from`; when they differ, take the first by a fixed
  // order. Either is sound: both contain every value the class can take.
  llvm::ConstantRange joined = rangeLess(ba, ab) ? ba : ab;
  MergeResult out{joined != to, joined != from};
  to = joined;
  return out;
}

} // namespace egopt::passes
