//===- DeadStores.h - Stores overwritten before anything reads them -------===//
//
// A skeleton optimization, run on the IR of one function before it is lifted.
// A simple store is dead when, later in its block, a store of the same size
// to a must-alias location overwrites it, and no instruction in between may
// read the location (alias analysis), unwind or fail to reach the next
// instruction (a handler or another thread could otherwise see the first
// value). Only the block is scanned: no post-dominance is needed, and the
// scan is bounded (kMaxScan instructions) to keep compile time linear.
// Stores to allocas that are never read are SROA's (a pre-pass).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Erases the overwritten stores of `f`; returns how many.
size_t eraseOverwrittenStores(llvm::Function &f, llvm::AAResults &aa);

} // namespace egopt::passes
