//===- Calls.h - Calls the pre-passes' attributes let go -------------------===//
//
// The function-attribute pre-pass infers `returned` parameters (zstd's
// `HUF_getNbBitsFast(x) { return x; }`) and `memory(none) nounwind
// willreturn` callees. A call to a function that returns one of its
// arguments has that argument's value: its users take the argument, and the
// call, if it has no effect, is then dead. Instructions whose result is
// unused and that have no effect go: chiefly calls to such callees (the
// e-graph drops unused pure values itself, not skeleton ones).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Points the users of such calls at the argument; returns how many calls.
size_t forwardReturnedArguments(llvm::Function &f);
/// Deletes dead instructions (LLVM's isInstructionTriviallyDead, with what
/// they leave dead); returns how many.
size_t deleteTriviallyDeadInstructions(llvm::Function &f);

} // namespace egopt::passes
