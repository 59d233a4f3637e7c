//===- ExpressionNumbering.h - One key for equal pure expressions ---------===//
//
// The IR reaches the skeleton optimizations before any CSE: the address of
// `p[i]`, written three times in the source, is three getelementptr trees over
// three copies of `zext`/`shl`. Structural numbering gives all copies one
// representative, so passes that compare addresses (load forwarding) see them
// as equal without asking alias analysis about every pair.
//
// Two expressions get the same representative when they have the same
// opcode, result type, predicate or source element type, and operands with
// the same representatives. Flags (nuw, nsw, exact, inbounds, ...) are
// ignored: an expression with flags equals its flagless twin wherever it is
// not poison. A caller must use the numbers only where that suffices (an
// earlier load that executed had a non-poison address).
//
// Only side-effect-free instructions whose value is a function of their
// operands are numbered (binary operators, casts, getelementptr, compares,
// select); any other value, and any instruction past the depth limit, is its
// own representative.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/Value.h"

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <vector>

namespace egopt::passes {

class ExpressionNumbering {
public:
  /// How deep an expression tree is numbered. Addresses are shallow (a base,
  /// an extension, a scale); a deep chain of arithmetic (10^5 adds in a
  /// generated input) would otherwise recurse that deep. Deeper operands are
  /// their own representatives: equal trees may then get different keys,
  /// which only loses a merge.
  static constexpr unsigned kMaxDepth = 16;

  /// The representative of `v`: the first-numbered value structurally equal
  /// to it.
  const llvm::Value *representative(const llvm::Value *v) { return number(v, 0); }

  /// Values past kMaxDepth left unnumbered.
  size_t depthLimitHits() const { return depthLimitHits_; }

private:
  const llvm::Value *number(const llvm::Value *v, unsigned depth);

  llvm::DenseMap<const llvm::Value *, const llvm::Value *> representativeOf_;
  /// (opcode, type, predicate or element type, operand representatives...)
  /// to the first value numbered with that key.
  absl::flat_hash_map<std::vector<uintptr_t>, const llvm::Value *> byExpression_;
  size_t depthLimitHits_ = 0;
};

} // namespace egopt::passes
