//===- KnownBitsAnalysis.h - Bits every value of a class has ---------------===//
//
// The fact: an llvm::KnownBits for classes of integer type (scalar, any
// width), computed from each e-node with LLVM's own transfer functions
// (KnownBits::add, shl, ...). Like LLVM's computeKnownBits, a fact describes
// the class's value when it is not poison; rules that rely on one are proven
// with that assumption (docs/prover.md).
// `join`: both facts are true of the class, so their knowledge combines
// (KnownBits::unionWith). A conflict (a bit known 0 and 1) means no
// non-poison value exists; the class keeps the fact it had. Facts only gain
// known bits, so propagation terminates.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"
#include "egopt/lift/Lifter.h"

#include "llvm/Support/KnownBits.h"

#include <optional>

namespace egopt::passes {

class KnownBitsAnalysis final
    : public eg::LatticeAnalysis<KnownBitsAnalysis, std::optional<llvm::KnownBits>> {
public:
  explicit KnownBitsAnalysis(const ir::IRTables &tables) : tables_(tables) {}
  std::string_view name() const override { return "known-bits"; }

  std::optional<llvm::KnownBits> make(const eg::EGraph &g, const eg::ENode &n) const;
  eg::MergeResult join(std::optional<llvm::KnownBits> &to,
                       const std::optional<llvm::KnownBits> &from) const;
  std::string describe(eg::ClassId id) const override;

  /// The fact of any class id (canonicalized), or nullopt.
  const std::optional<llvm::KnownBits> &of(const eg::EGraph &g, eg::ClassId id) const {
    return data(g.find(id));
  }

private:
  const ir::IRTables &tables_;
};

} // namespace egopt::passes
