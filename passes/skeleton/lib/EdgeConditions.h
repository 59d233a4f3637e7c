//===- EdgeConditions.h - What a comparison is on an edge ----------------===//
//
// Whether `x pred v` is known to hold on the edge from one block to another,
// from the conditional branches that lead there: the edge's own branch, the
// branches above it whose edge dominates it, and, when `x` is a phi, the
// same on every edge into the phi's block. A linked-list search,
// `for (y = l; y != nil; y = y->next) if (match) break; if (y != nil) ...`,
// leaves its loop on the match with `y != nil` known from the loop's own
// tests, though no branch tests it there (PhiBranches.h then sends that
// edge past the second test). Only implications LLVM's
// `isImpliedCondition` proves (the same operands, ranges against constants,
// and the like).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"

#include <optional>

namespace egopt::passes {

class EdgeConditions {
public:
  explicit EdgeConditions(llvm::Function &f) : f_(f) {}

  /// Whether `x pred v` holds whenever the edge `from` -> `to` is taken;
  /// nullopt when the branches leading there do not tell.
  std::optional<bool> onEdge(llvm::CmpInst::Predicate pred, llvm::Value *x, llvm::Value *v,
                             llvm::BasicBlock *from, llvm::BasicBlock *to);

  /// The CFG changed: the dominator tree is rebuilt when next needed.
  void cfgChanged() { dominators_.reset(); }

private:
  std::optional<bool> atEnd(llvm::CmpInst::Predicate pred, llvm::Value *x, llvm::Value *v,
                            llvm::BasicBlock *block, bool throughPhis);
  std::optional<bool> byBranch(llvm::CmpInst::Predicate pred, llvm::Value *x, llvm::Value *v,
                               llvm::BasicBlock *from, llvm::BasicBlock *to);
  std::optional<bool> throughPhi(llvm::CmpInst::Predicate pred, llvm::PHINode &phi, llvm::Value *v);
  const llvm::DominatorTree &dominators();

  llvm::Function &f_;
  std::optional<llvm::DominatorTree> dominators_;
};

} // namespace egopt::passes
