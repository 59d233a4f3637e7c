//===- OpSemantics.h - What each IR operator means, for Z3 ----------------===//
//
// One table, keyed by the operator's spelling in IRLanguage (`add`,
// `icmp.ult`, `$log2`, ...). An entry says how the operator types its operands
// and result, which of its flag bits it gives a meaning to, and how it builds
// its (value, non-poison) pair. An operator or flag missing here makes the
// prover fail the rule loudly: it never proves what it cannot encode.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "IRType.h"
#include "Symbolic.h"
#include "egopt/egraph/ENode.h"
#include "egopt/lift/IRLanguage.h"

#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace egopt::prover {

/// How an operator relates the types of its operands and result.
enum class Typing : uint8_t {
  Uniform, ///< operands and result share one type
  Compare, ///< operands share one type; the result is i1
  Select,  ///< (select i1 T T) : T
  Widen,   ///< integer cast to a wider integer (zext, sext)
  Narrow,  ///< integer cast to a narrower integer (trunc)
  PtrAdd,  ///< (ptradd ptr i64) : ptr
};

/// What an encoding may ask of the rule being encoded.
class EncodingState {
public:
  explicit EncodingState(z3::context &z3) : z3(z3) {}
  z3::context &z3;
  /// Encode integer operations as if their poison-generating flags (nuw,
  /// nsw, exact, disjoint, samesign, nneg) were absent: the semantics the
  /// e-class analyses compute facts in (docs/prover.md, "Facts").
  bool flagFree = false;
  /// Assumptions: the rule's conditions, and the cases where the rule is
  /// declined at run time (a computed shift by the width or more, ...).
  std::vector<z3::expr> assumptions;
  /// The value a freeze of the subterm `key` picks for a poison input.
  /// Identical subterms share one choice (see docs/prover.md).
  z3::expr freezeChoice(const std::string &key, IRType type);
  /// A fresh Boolean for a choice the target may make (the sign of a zero
  /// under nsz).
  z3::expr freshChoice(const std::string &hint);
  /// Every choice variable, to show them in counterexamples.
  const std::vector<std::pair<std::string, z3::expr>> &choices() const { return choices_; }

private:
  std::map<std::string, z3::expr> freeze_;
  std::vector<std::pair<std::string, z3::expr>> choices_;
};

/// The integer flags that make a result poison.
constexpr uint16_t kIntPoisonFlags =
    ir::NUW | ir::NSW | ir::Exact | ir::Disjoint | ir::SameSign | ir::NNeg;

/// One operator application being encoded.
struct OpCall {
  EncodingState &state;
  const eg::ENode &node;
  std::span<const SymValue> args;
  std::span<const IRType> argTypes;
  IRType type;
  bool isTarget;
  /// The subterm's structural key (for freeze choices).
  const std::string &key;
  /// Conditions under which the operation is defined (not UB) on this side.
  std::vector<z3::expr> &defined;

  z3::context &z3() const { return state.z3; }
  bool has(uint16_t flag) const {
    if (state.flagFree) flag &= ~kIntPoisonFlags;
    return (node.flags & flag) != 0;
  }
  /// Non-poison of all operands.
  z3::expr argsNonPoison() const;
};

struct OpSpec {
  Typing typing = Typing::Uniform;
  /// The kinds the operands may have (Compare, Uniform); results follow.
  uint8_t kinds = KInt;
  /// The flag bits this entry encodes; any other bit fails the rule.
  uint16_t flags = 0;
  std::function<SymValue(const OpCall &)> encode;
};

using OpTable = std::map<std::string, OpSpec, std::less<>>;

/// The entry for operator `name`, or null when it has no semantics.
const OpSpec *findOpSpec(std::string_view name);

// The table is filled by one function per family of operators.
void addIntegerOps(OpTable &table);
void addFloatOps(OpTable &table);
void addCastOps(OpTable &table);
void addStructuralOps(OpTable &table);
void addComputedConstants(OpTable &table);

/// Fast-math flags that license results other than the IEEE ones (reassoc,
/// arcp, contract, afn): a rule needing them is reported `assumed`.
uint16_t relaxingFastMathFlags();
/// `reassoc,arcp` for the relaxing flags among `flags`.
std::string relaxingFlagNames(uint16_t flags);

} // namespace egopt::prover
