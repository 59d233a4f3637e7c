//===- Lifter.h - LLVM IR function -> e-graph + skeleton ------------------===//
//
// Lifting splits a function in two (Cranelift's ægraph design):
//   - the pure operations (IRLanguage) become e-nodes; equal ones are one
//     e-node already, by hash-consing;
//   - everything else is the *skeleton*: loads, stores, calls, atomics,
//     fences, allocas, phis, terminators, and any instruction the lifter does
//     not understand. Skeleton instructions stay where they are, with their
//     metadata and attributes; the operands that are pure values are recorded
//     as uses of e-classes, and their results enter the e-graph as `skel`
//     leaves. Division and remainder are skeleton unless the divisor is a
//     constant that cannot trap (they are undefined behaviour otherwise, and
//     must not be hoisted).
// A phi whose incoming values are all one class (or the phi itself) is lifted
// as that class (docs/skeleton.md), like a pure instruction.
// Lifting never fails: what it cannot express stays in the skeleton.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/EGraph.h"
#include "egopt/egraph/Statistic.h"
#include "egopt/lift/IRLanguage.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DebugLoc.h"
#include "llvm/IR/Function.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace egopt::ir {

/// What a function's e-nodes' payloads and types refer to.
struct IRTables : eg::LanguageContext {
  /// i1 is interned first, so comparisons made by rules have a type.
  static constexpr uint32_t kBoolType = 0;
  std::vector<llvm::Type *> types;
  llvm::DenseMap<llvm::Type *, uint32_t> typeIds;
  std::vector<llvm::Constant *> constants;
  llvm::DenseMap<llvm::Constant *, uint32_t> constantIds;
  std::vector<llvm::SmallVector<int, 8>> masks;
  std::map<std::vector<int>, uint32_t> maskIds; ///< equal masks, one id
  std::vector<llvm::Instruction *> skeletonValues;
  /// Each skeleton value's index in skeletonValues (its `skel` payload).
  llvm::DenseMap<const llvm::Instruction *, uint32_t> skeletonIndex;

  uint32_t typeId(llvm::Type *t);
  uint32_t constantId(llvm::Constant *c);
  uint32_t maskId(llvm::ArrayRef<int> mask);
};

/// A pure value used by a skeleton instruction: operand `operand` of `user`
/// (for a phi, the incoming value number) is the value of class `cls`.
struct SkeletonUse {
  llvm::Instruction *user;
  unsigned operand;
  eg::ClassId cls;
};

struct LiftedFunction {
  llvm::Function *fn = nullptr;
  std::unique_ptr<eg::EGraph> egraph;
  /// Behind a pointer so analyses can hold a reference that survives moves.
  std::unique_ptr<IRTables> tables;
  std::vector<SkeletonUse> uses;
  /// The lifted instructions, in program order; lowering erases them.
  std::vector<llvm::Instruction *> pure;
  /// For each lifted instruction, the class it went into (same order as
  /// `pure`), for debug locations and names of the values lowering creates.
  std::vector<eg::ClassId> pureClass;
  /// What lifting and phi folding counted (lifted functions are lifted in
  /// parallel; the pipeline merges these in function order).
  eg::Statistics stats;
};

/// Adds analyses to a function's new, empty e-graph (they may keep a
/// reference to the tables, which live as long as the LiftedFunction).
using AnalysisSetup = std::function<void(eg::EGraph &, const IRTables &)>;

/// The leaf e-node that stands for `v`: an argument's `arg`, or a skeleton
/// value's `skel`; nullopt for anything else, or a type never lifted. The
/// e-graph has it when the lifter gave `v` a class.
std::optional<eg::ENode> leafNode(const IRTables &tables, const llvm::Value &v);

/// The leaf e-node of a constant of a liftable type: `iconst` (up to 64
/// bits), `fconst`, or an opaque `cst`. Interns its type and, for `cst`, the
/// constant.
eg::ENode constantNode(IRTables &tables, const llvm::Constant &c);

/// Lifts `fn` (a definition). Unreachable blocks must have been removed.
/// Reads the IR only, but asks the module's DataLayout for struct layouts
/// (which it caches): call it from the thread that owns the context.
LiftedFunction liftFunction(llvm::Function &fn, const AnalysisSetup &setup = nullptr);

} // namespace egopt::ir

namespace egopt::ir {

/// After rewriting: a group of skeleton phis whose incoming values are each
/// other or one e-class C (a pointer reset to its start on every path of a
/// loop, as `scan` in zlib's longest_match; often equal only once rules have
/// run) can only ever hold C. Each such phi becomes C, like a phi folded
/// while lifting: its leaf's class is merged into C, the leaf is dropped
/// from the class (so extraction cannot pick the phi), the phi joins the
/// pure instructions lowering erases, and its skeleton users get uses of C.
/// Returns how many phis were folded; leaves the e-graph clean.
size_t foldPhiCycles(LiftedFunction &lf);

/// Before rewriting: a skeleton phi whose block is reached from its
/// immediate dominator only through branches on lifted conditions, across
/// blocks that compute only lifted values, is a function of those
/// conditions and its incoming values (`?:` chains that -O0 code and
/// macros leave as branches). A phi whose block another phi of the same
/// function dominates (one macro expanded twice) becomes that phi's class,
/// as in foldPhiCycles; nothing is speculated. Returns how many phis were
/// folded; leaves the e-graph clean.
size_t foldPhiSelects(LiftedFunction &lf);

} // namespace egopt::ir
