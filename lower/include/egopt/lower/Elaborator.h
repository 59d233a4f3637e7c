//===- Elaborator.h - E-graph + skeleton -> LLVM IR ------------------------===//
//
// Elaboration (Cranelift's term): walk the dominator tree in preorder; at
// each skeleton instruction, materialize the classes its operands need from
// the extracted e-nodes, children first, and point the operands at them.
//   - Scoped GVN: a class materialized in block B is reused by every use that
//     B dominates; each class is materialized once per dominating scope.
//   - LICM: a value is placed in the block, on the dominator path between its
//     operands' definitions and the use, with the smallest loop depth (the
//     deepest such block, to avoid hoisting further than needed).
//   - DCE: classes no skeleton instruction needs are never materialized.
// Phi inputs are materialized at the end of the incoming block. Constants,
// arguments and skeleton results need no instruction. New instructions get
// the debug location (and name) of an instruction lifted into their class.
// Finally the lifted instructions are erased; debug records that described
// them are pointed at the new value where it dominates them.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/Extractor.h"
#include "egopt/lift/Lifter.h"

namespace egopt::lower {

/// Rebuilds `lf`'s function from the extractor's choice; counts what it
/// materialized, reused, hoisted and erased into `stats`.
void elaborate(ir::LiftedFunction &lf, const extract::Extractor &ex, eg::Statistics &stats);

} // namespace egopt::lower
