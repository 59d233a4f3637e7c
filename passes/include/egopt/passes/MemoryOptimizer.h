//===- MemoryOptimizer.h - The skeleton's memory optimizations ------------===//
//
// Runs the memory optimizations of the skeleton on one function at a time,
// before it is lifted: small memory intrinsics as scalar loads and stores
// (SmallMemTransfers.h), load forwarding (LoadForwarding.h), then dead stores
// (DeadStores.h; a forwarded load no longer separates two stores). Alias
// analysis is LLVM's default function pipeline (BasicAA, TBAA, scoped
// no-alias), through one FunctionAnalysisManager per module; the analyses of
// a function are dropped once it is done, since the IR has changed.
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/passes/AnalysisManagers.h"

#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

struct MemoryOptStats {
  size_t loadsFromStores = 0; ///< loads replaced by the stored value
  size_t loadsFromLoads = 0;  ///< loads replaced by an earlier load
  size_t deadStores = 0;      ///< stores overwritten before any read
  size_t smallMemTransfers = 0; ///< memcpy/memmove/memset of 1-8 bytes made scalar
  size_t addressDepthLimitHits = 0; ///< see LoadForwardingStats
};

class MemoryOptimizer {
public:
  MemoryOptStats run(llvm::Function &f);

private:
  AnalysisManagers am_;
};

} // namespace egopt::passes
