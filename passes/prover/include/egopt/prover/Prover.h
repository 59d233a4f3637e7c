//===- Prover.h - Proving one rewrite rule sound with Z3 ------------------===//
//
// For each type assignment, the rule is sound when, for all inputs and all
// choices of the target,
//     assumptions ∧ source defined →
//         target defined ∧ (source not poison → target not poison ∧ src == tgt)
// and, for integer rules whose target is not a constant, when with inputs
// not poison and poison flags ignored the target is the source's value and
// poison exactly when it is (the facts obligation, docs/prover.md).
// Z3 is asked for a model of the negation: none (unsat) proves the case, a
// model is a counterexample, and a timeout is `unknown` (a failure).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Rewrite.h"

#include <string>
#include <vector>

namespace egopt::prover {

struct ProverOptions {
  std::vector<unsigned> widths = {1, 8, 16, 32, 64};
  /// Per Z3 query.
  unsigned timeoutMs = 30000;
};

enum class Verdict : uint8_t {
  Proven,
  /// Holds only under a fast-math flag's licence (reassoc, arcp, ...).
  Assumed,
  Skipped,
  Failed,
  /// Z3 gave up (timeout): counts as a failure.
  Unknown,
};
const char *verdictName(Verdict v);
bool isFailure(Verdict v);

/// The outcome at one type assignment.
struct CaseResult {
  std::string types;
  Verdict verdict = Verdict::Proven;
  /// Counterexample, reason for skipping or giving up, or assumed flags.
  std::string detail;
  /// Failed only the second obligation: a refinement whose target is not
  /// the source's flag-free value (docs/prover.md, "Facts").
  bool refinementOnly = false;
  double seconds = 0;
};

struct RuleResult {
  std::string rule;
  /// Failed when any case failed; Unknown when any was unknown (and none
  /// failed); Assumed when any was; Proven when at least one case was proven
  /// and the rest were proven or skipped; Skipped when nothing was checked.
  Verdict verdict = Verdict::Proven;
  /// Why the rule could not be encoded at all (unknown op, ill-typed, ...).
  std::string error;
  std::vector<CaseResult> cases;
  double seconds = 0;
};

RuleResult proveRule(const eg::Rule &rule, const ProverOptions &options);

/// `rule-name: proven at i8, i16` or `rule-name: FAILED at i8: ...`; with
/// `verbose`, one line per case.
std::string formatResult(const RuleResult &result, bool verbose);

} // namespace egopt::prover
