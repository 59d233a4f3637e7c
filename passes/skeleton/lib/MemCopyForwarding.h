//===- MemCopyForwarding.h - A copy of a copy reads the original -----------===//
//
// A skeleton optimization, run on the IR of one function before it is lifted.
// `memcpy(b, a, n); ...; memcpy(c, b + k, m)` with k + m <= n, in one block,
// reads from `a + k` instead when nothing between the two copies may write
// to `a` or `b`, and `c` cannot overlap `a` (alias analysis). Rust moves a
// value through a chain of stack temporaries (`element` to `src` to the
// vector's slot); once the last copy reads the original, the temporaries
// are written and never read, and the write-only-allocas step erases them
// (WriteOnlyAllocas.h). A copy of bytes a memset wrote (`GenericArray`'s
// zeroed default, moved) becomes a memset of the copy's destination. LLVM's
// MemCpyOpt does this and more (call slots); these are its commonest cases. The scan back from a
// copy is bounded (kMaxScan instructions), as the dead-store step's is.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Points each memcpy of `f` that copies a copy at the original; returns
/// how many.
size_t forwardMemCopies(llvm::Function &f, llvm::AAResults &aa);

} // namespace egopt::passes
