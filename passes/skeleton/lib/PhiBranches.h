//===- PhiBranches.h - Branches on a phi of constants, threaded -----------===//
//
// A block made of phis and a `switch` (or `br`) on one of them, on an `icmp`
// of one with a constant, or on a `trunc` of one, decides its successor by
// the edge it was entered on when that edge brings a constant. clang's `-O2`
// front end makes such blocks for every scope with lifetime markers that
// `break`, `continue` or `return` leave: a cleanup slot, promoted by SROA
// into a phi of case numbers and a switch on it. Rust's iterators return an
// `Option` whose tag, after inlining, is a phi of 0 and 1 tested as an i1,
// or for `Option<&T>` a phi of pointers tested against null (the edge that
// brings null is decided).
// An edge that brings another value decides a lone comparison when the
// branches leading to it do (EdgeConditions.h: a list search's exit on a
// match, with `y != nil` known from the loop's tests), and so do they a
// constant's comparison with a value (`0 <u len` where `len != 0`).
// Each such edge is sent straight to the successor taken, so a loop that
// breaks out of a scope no longer compares and jumps twice. Values of the
// block used elsewhere are rebuilt in SSA form (LLVM's SSAUpdater). A
// per-function e-graph sees values, not edges, so this is done on the
// skeleton before lifting.
// Edits the IR: run it on the thread that owns the context.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/IR/Function.h"

#include <cstddef>

namespace egopt::passes {

/// Which decisions are threaded.
enum class PhiBranchScope {
  Every,
  /// Only an `Option` tag: a phi tested as an i1 through a `trunc`, or a
  /// pointer phi tested against null.
  OptionTags,
};

/// Threads such edges in `f`; returns how many.
size_t threadPhiBranches(llvm::Function &f, PhiBranchScope scope = PhiBranchScope::Every);

} // namespace egopt::passes
