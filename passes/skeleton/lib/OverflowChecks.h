//===- OverflowChecks.h - Overflow tests a guard rules out, removed -------===//
//
// `llvm.{s,u}{add,sub,mul}.with.overflow` whose operands' ranges, at the
// call, rule the overflow out: the overflow bit is `false` and the value a
// plain operation with `nsw` or `nuw`. Rust's `Range<i32>::next` steps its
// counter with `checked_add` behind the loop's own `start < end` test; the
// dead overflow branch hides the counter's step from scalar evolution, so
// the full unroller cannot count the loop, and code generation keeps a `jo`
// per iteration. The ranges are LLVM's lazy value analysis (LVI), which
// reads the dominating branch conditions; the rewrite is egopt's.
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"
#include "llvm/IR/PassManager.h"

#include <cstddef>

namespace egopt::passes {

/// Replaces such calls in `f`; returns how many. Asks `fam` for LVI only
/// when `f` has such a call; a caller that changed something invalidates
/// `f`'s analyses. (LVI computes the dominator tree: a step after that
/// changes the control flow must invalidate it too.)
size_t removeImpossibleOverflowChecks(llvm::Function &f, llvm::FunctionAnalysisManager &fam);

} // namespace egopt::passes
