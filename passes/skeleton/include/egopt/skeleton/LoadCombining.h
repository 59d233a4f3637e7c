//===- LoadCombining.h - Adjacent narrow loads or-ed into one word ---------===//
//
// `p[0] | p[1] << 8 | p[2] << 16 | p[3] << 24`, each byte zero-extended, is
// one little-endian 32-bit load of p; with the shifts the other way round it
// is that load byte-swapped. C code reads file formats this way (tinycdb's
// `cdb_unpack`, zlib's and the LZ coders' headers). The loads must be in one
// block, with nothing that may write memory between the first and the last;
// the wide load goes where the last one was. What LLVM's
// AggressiveInstCombine does (its `foldConsecutiveLoads`); here a skeleton
// step, since it is memory work, run again after the e-graph (bounds checks
// it removed kept a word's bytes in separate blocks: FunctionPipeline.cpp).
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Combines the loads of `f`; returns how many wide loads it made.
size_t combineLoads(llvm::Function &f);

} // namespace egopt::passes
