//===- NullTests.h - Null tests of pointers, folded ------------------------===//
//
// Rust's `Option<&T>` is a pointer that is null for `None`. An inlined slice
// iterator's `next` returns `select done, null, p` (or the pointer of a
// zipped element), and the loop tests it with `ptrtoint` and `icmp eq 0`.
// The test is the iterator's own `done` once p is known non-null, but LLVM's
// scalar evolution, its unroller and its vectorizer see a pointer compare
// they cannot count, and the e-graph's rules do not reason about pointers.
// This step rewrites each `icmp eq/ne` of a pointer (or of its `ptrtoint`
// to the pointer's width) against null:
//   - a `select` with an arm whose test folds distributes over its arms;
//   - `getelementptr inbounds p, off` is null only when p is (LangRef: the
//     only in-bounds address of null is null itself), and never when `off`
//     is a non-zero constant;
//   - a phi or select whose every input is non-null is non-null;
//   - a value LLVM's value tracking, or its lazy value analysis (LVI, which
//     reads the dominating branch conditions), proves non-null.
// It also folds `extractvalue` of `insertvalue` chains (the pairs SROA leaves
// of an iterator's `{ptr, ptr}`), so scalar evolution sees the slice's end as
// its start plus the length.
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"
#include "llvm/IR/PassManager.h"

#include <cstddef>

namespace egopt::passes {

struct NullTestsFolded {
  size_t tests = 0, extracts = 0;
  bool any() const { return tests + extracts != 0; }
};

/// Rewrites such tests in `f` and folds such `extractvalue`s. Asks `fam` for
/// LVI only when a pointer test is left that it could decide; a caller that
/// changed something invalidates `f`'s analyses.
NullTestsFolded foldNullTests(llvm::Function &f, llvm::FunctionAnalysisManager &fam);

} // namespace egopt::passes
