//===- CodegenUnits.h - Splitting a module into codegen units -------------===//
//
// Formation (after rustc's partitioner, measured as LLVM's ParallelCG does):
//   - each function gets a codegen-cost estimate (instructions, weighted:
//     calls and memory operations cost more, as do blocks);
//   - functions that must stay together (a comdat; an alias or ifunc with its
//     aliasee) form one group; global variables go with the first unit;
//   - the unit count is the request (--cgus=N) or, for `auto`, a function of
//     the module's total estimate alone, never of the thread count, so the
//     output is the same however many threads run; either way no unit is
//     planned smaller than the minimum size unless the module is;
//   - groups are placed largest first onto the currently smallest unit.
// Splitting: internal symbols referenced from another unit than their own are
// renamed with a suffix unique to the module and made hidden external, so the
// units link with each other and with nothing else; the module is written to
// bitcode once, and each unit reads it lazily into its own LLVMContext, its
// own definitions only (the others become declarations unread). Module-level
// inline asm goes to the first unit only (it may define symbols), and a
// variable's debug-info attachment only to the unit that defines it (a
// declaration's would ask the linker for its address).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/ADT/SmallString.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace egopt::lower {

struct CGUOptions {
  unsigned requested = 0;  ///< 0: auto
  uint64_t minSize = 4000; ///< estimate units (≈ weighted instructions)
  uint64_t autoTargetSize = 40000;
  unsigned autoMax = 16;
};

/// The codegen-cost estimate of one function definition.
uint64_t estimateCodegenCost(const llvm::Function &fn);

struct CGUPlan {
  std::vector<std::vector<llvm::Function *>> functions; ///< per unit
  std::vector<uint64_t> estimates;                      ///< per unit
  size_t numUnits() const { return functions.size(); }
};

CGUPlan planCodegenUnits(llvm::Module &m, const CGUOptions &opts);

struct SplitResult {
  static constexpr uint32_t kNoUnit = ~0u;
  llvm::SmallString<0> bitcode; ///< the whole module, symbols externalized
  /// Per global value, in `Module::global_values()` order: the unit that
  /// defines it, or kNoUnit for a declaration.
  std::vector<uint32_t> homeUnit;
  size_t externalized = 0; ///< symbols made hidden external
};
/// Externalizes what must cross units and writes the module as bitcode once.
/// `m` is modified (externalized symbols) and can be discarded afterwards.
/// `moduleKey` identifies the module's contents (the driver passes a hash of
/// the input file): renamed symbols get a suffix derived from it, so two
/// different inputs never clash, even with the same file name.
SplitResult splitIntoUnits(llvm::Module &m, const CGUPlan &plan, llvm::StringRef moduleKey);
/// Reads unit `unit` into `ctx`: the bitcode is loaded lazily and the other
/// units' definitions become declarations before their bodies are read, so
/// each unit reads only its own functions.
llvm::Expected<std::unique_ptr<llvm::Module>> loadUnit(const SplitResult &split, size_t unit,
                                                       llvm::LLVMContext &ctx);
/// Makes `part` unit `unit`: the other units' definitions become
/// declarations. `part` is the bitcode read back (loadUnit) or the split
/// module itself, which is how unit 0 is made: the same module, with no
/// write and read of its functions.
llvm::Error restrictToUnit(llvm::Module &part, const SplitResult &split, size_t unit);
} // namespace egopt::lower
