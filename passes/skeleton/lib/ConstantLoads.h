//===- ConstantLoads.h - Loads of constant memory, folded -----------------===//
//
// A skeleton optimization: a simple load from a constant address into a
// global constant with a definitive initializer (a string literal, a lookup
// table at a constant index) has a value known now; its users take the
// constant (LLVM's ConstantFoldLoadFromConstPtr) and the load goes. The
// e-graph then folds what depends on it. Loads whose address only the
// e-graph makes constant are not seen here.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Folds the loads of constant memory of `f`; returns how many.
size_t foldConstantLoads(llvm::Function &f);

} // namespace egopt::passes
