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

JoinOutcome joinRanges(llvm::ConstantRange &to, const llvm::ConstantRange &from) {
  llvm::ConstantRange joined = to.intersectWith(from);
  JoinOutcome out;
  if (joined.isEmptySet() && !to.isEmptySet() && !from.isEmptySet()) {
    out.contradiction = true;
    return out;
  }
  // intersectWith may return a superset of the exact intersection; keep the
  // join monotone (never lose information).
  if (to.isSizeStrictlySmallerThan(joined)) joined = to;
  out.merge.toChanged = joined != to;
  out.merge.fromChanged = joined != from;
  to = joined;
  return out;
}

} // namespace egopt::eg
