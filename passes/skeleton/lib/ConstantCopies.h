//===- ConstantCopies.h - Stack copies of constant tables ------------------===//
//
// A skeleton optimization, run on the IR of one function before it is lifted.
// An alloca written only by one memcpy (or memmove) of its whole size from a
// constant global, and otherwise only read (loads, copies out of it, through
// getelementptrs) or given lifetime markers, is that global: its uses read
// the global, and the copy and markers go. Before the copy, and after a
// lifetime end, the slot's contents are undefined, so reading the global
// there is a refinement; InstCombine does the same in LLVM. Rust copies
// constant tables into locals at `opt-level=0` (miniz_oxide copies a 512-byte
// length table per block it compresses, to read one entry). Constant offsets
// into the global then fold (ConstantLoads.h).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Replaces the allocas of `f` that hold a copy of a constant global by the
/// global; returns how many.
size_t replaceConstantCopies(llvm::Function &f);

} // namespace egopt::passes
