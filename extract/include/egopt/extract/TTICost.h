//===- TTICost.h - E-node costs from the target's TargetTransformInfo -----===//
//
// An e-node's own cost is what TargetTransformInfo (TCK_RecipThroughput)
// says the instruction it becomes costs on the function's target: the
// operation, its type, the operand types (casts, compares, selects), whether
// an operand is a constant (and a power of two), the shuffle mask, the vector
// lane, the intrinsic. E-nodes with equal such keys cost the same, so TTI is
// asked once per key.
//
// Thread safety: TTI's cost functions may create types in the LLVMContext
// (type legalization makes EVTs, vector helpers make vector types), so the
// table is filled by build() on the thread that owns the context, while no
// other thread reads that context. Once built it is read-only: cost() may be
// called from any thread.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/extract/Extractor.h"
#include "egopt/lift/Lifter.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Analysis/TargetTransformInfo.h"

#include <optional>
#include <tuple>

namespace egopt::extract {

class TTICostTable final : public CostModel {
public:
  /// Asks `tti` for the cost of every kind of e-node in `g` (a clean e-graph
  /// whose types and payloads refer to `tables`). Owning thread only.
  static TTICostTable build(const eg::EGraph &g, const ir::IRTables &tables,
                            const llvm::TargetTransformInfo &tti);

  /// Costs are in 1/kCostScale of TTI's units, so that a preference TTI does
  /// not see (a compare the target reads from flags) can break ties without
  /// outweighing any real difference.
  static constexpr Cost kCostScale = 16;

  /// The e-node's own cost; 0 for leaves. `n` must be an e-node of the
  /// e-graph the table was built from (or have a key one of them has).
  Cost cost(const eg::ENode &n) const override;
  /// Distinct keys, i.e. questions asked of TTI.
  size_t numKeys() const { return costs_.size(); }

private:
  /// op, flags, result type, and what else the cost depends on (see keyOf).
  using Key = std::tuple<eg::Op, uint16_t, uint32_t, uint64_t>;

  TTICostTable(const eg::EGraph &g, const ir::IRTables &tables) : g_(&g), tables_(&tables) {}
  Key keyOf(const eg::ENode &n) const;
  Cost ask(const eg::ENode &n, const Key &key, const llvm::TargetTransformInfo &tti) const;
  uint32_t typeOf(eg::ClassId cls) const;
  /// The payload of an integer-constant class (stored sign-extended), or
  /// nullopt when the class is not one.
  std::optional<uint64_t> intConstant(eg::ClassId cls) const;
  /// `pred` against the constant 0 in `rhs`: a test codegen takes from the
  /// flags of the instruction that computed the left operand.
  bool comparesWithZeroByFlags(llvm::CmpInst::Predicate pred, eg::ClassId rhs) const;
  /// In a compare's key: it compares with zero that way.
  static constexpr uint64_t kFlagsCompare = uint64_t(1) << 63;
  /// In a subtraction's key: a constant other than 0 minus a value, which
  /// needs the constant in a register first (x86 and AArch64 have no
  /// reversed subtract); `0 - x` is one negate.
  static constexpr uint64_t kConstantMinus = uint64_t(1) << 62;
  /// TTI's operand description of a class: a constant (uniform? a power of
  /// two?) or not. May make constants (splat values): owning thread only.
  llvm::TargetTransformInfo::OperandValueInfo describeOperand(eg::ClassId cls) const;

  const eg::EGraph *g_;
  const ir::IRTables *tables_;
  llvm::DenseMap<Key, Cost> costs_;
  /// By class id: describeOperand() packed in 4 bits, made by build().
  std::vector<uint8_t> operandInfo_;
};

} // namespace egopt::extract
