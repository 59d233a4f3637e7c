//===- LoopWeights.h - How often a class's value is computed -------------===//
//
// Code in a loop runs many times, so extraction multiplies a class's cost by
// the weight of the loop depth where elaboration will place it:
// 8^depth, with the depth capped at 4 (LLVM's block-frequency heuristics
// assume a few iterations per loop, not a thousand; an uncapped power would
// let a deep nest outweigh everything else by orders of magnitude).
//
// The placement is estimated before any e-node is chosen, for every class:
//   use depth    the deepest loop of a skeleton use of the class (a phi's
//                input: its incoming block), and, down the e-graph, of a
//                parent's placement (through every e-node of the parent:
//                whichever is chosen, its children are needed there);
//   ready depth  the loop depth where its operands are all defined: 0 for
//                constants and arguments, the block's for a skeleton result,
//                else the least over its e-nodes of the deepest operand;
//   placement    the smaller of the two, as the elaborator's LICM hoists a
//                value out of the loops its operands do not depend on.
// Both are fixed points of max/min over the e-graph, unique whatever the
// visiting order, so the weights are deterministic.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/EGraph.h"
#include "egopt/lift/Lifter.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace egopt::extract {

inline constexpr unsigned kMaxWeightedLoopDepth = 4;

/// 8^min(depth, kMaxWeightedLoopDepth).
uint32_t loopDepthWeight(unsigned depth);

/// Weights by class id (valid for roots). `uses`: (class, loop depth of the
/// use); `leafDepth`: the loop depth where a leaf e-node's value is defined.
std::vector<uint32_t> classWeights(const eg::EGraph &g,
                                   llvm::ArrayRef<std::pair<eg::ClassId, unsigned>> uses,
                                   llvm::function_ref<unsigned(const eg::ENode &)> leafDepth);

/// The same for a lifted function, with its LoopInfo. Reads the IR only
/// (dominator tree and loops), so any thread may call it.
std::vector<uint32_t> classWeights(const ir::LiftedFunction &lf);

} // namespace egopt::extract
