//===- LibraryCalls.h - Calls to the C library, simplified ----------------===//
//
// A skeleton optimization: calls to functions of the C library whose
// arguments make a cheaper call or a value of their own (fputs of a known
// string to fwrite, printf("x\n") to puts, strlen of a constant, strcmp
// against "" to a load, ...). LLVM's LibCallSimplifier does the work, as
// InstCombine asks it to; the calls are skeleton, so the rules never see
// them. Which functions are library functions is the target's
// TargetLibraryInfo, -fno-builtin included; a `nobuiltin` call is left alone.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/llvm/AnalysisManagers.h"

#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Simplifies the library calls of `f`; returns how many were replaced.
size_t simplifyLibraryCalls(llvm::Function &f, AnalysisManagers &am);

} // namespace egopt::passes
