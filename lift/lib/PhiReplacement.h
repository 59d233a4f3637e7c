//===- PhiReplacement.h - A skeleton phi becomes an e-class ----------------===//
//
// Shared by the two steps that find a skeleton phi equal to a class after
// lifting (PhiCycles.cpp, PhiSelects.cpp).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/lift/Lifter.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/IR/Instructions.h"

namespace egopt::ir {

/// A skeleton phi, its `skel` leaf, and the class it always equals.
struct PhiReplacement {
  llvm::PHINode *phi;
  eg::ENode leaf;
  eg::ClassId cls;
};

/// Each phi becomes its class, like a phi folded while lifting. The callers
/// have merged its leaf's class into the class (a folder's later decisions
/// may read the merge); here the leaf is dropped from it (so
/// extraction cannot pick the phi), the phi joins the pure instructions
/// lowering erases, and its skeleton users get uses of the class. Counts
/// each phi in `stat`; leaves the e-graph clean.
void replacePhis(LiftedFunction &lf, llvm::ArrayRef<PhiReplacement> phis,
                 const eg::Statistic &stat);

} // namespace egopt::ir
