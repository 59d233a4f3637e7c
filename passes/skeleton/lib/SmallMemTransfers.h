//===- SmallMemTransfers.h - memcpy/memmove/memset of 1-8 bytes as scalars -===//
//
// A `memcpy(dst, src, N)` or `memmove` with a constant N of 1, 2, 4 or 8 is
// one integer load and one store (a single load before the store is also
// right when the ranges overlap); a `memset(dst, C, N)` with constant C and N
// is one store of the byte repeated. The loads and stores then take part in
// load forwarding and dead-store elimination, and their values enter the
// e-graph (what InstCombine does with small memory intrinsics; C code copies
// unaligned words this way: `memcpy(&v, p, sizeof v)`). Volatile intrinsics
// are left alone. Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Rewrites the small memory intrinsics of `f`; returns how many.
size_t expandSmallMemTransfers(llvm::Function &f);

} // namespace egopt::passes
