//===- WriteOnlyAllocas.h - Stack slots written and never read -------------===//
//
// A skeleton optimization, run on the IR of one function before it is lifted.
// An alloca whose every use, through getelementptrs, is a write to it (a
// simple store into it, a memcpy/memmove/memset with it as destination) or a
// lifetime marker is never read: the alloca and all of them go. SROA splits
// such a slot but keeps the writes when they cannot be split: Rust copies a
// constant table into a local array and, once the skeleton has folded the
// loads of its elements, only the copy is left (md5's round constants: a
// 252-byte memcpy per block).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Erases the write-only allocas of `f` with their writes; returns how
/// many allocas.
size_t eraseWriteOnlyAllocas(llvm::Function &f);

} // namespace egopt::passes
