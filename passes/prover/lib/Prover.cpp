#include "egopt/prover/Prover.h"

#include "BitVectors.h"
#include "Counterexample.h"
#include "PredicateSemantics.h"
#include "SideEncoder.h"
#include "TypeInference.h"
#include "egopt/lift/IRLanguage.h"

#include "llvm/IR/FMF.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>

namespace egopt::prover {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

z3::expr allOf(z3::context &z3, const std::vector<z3::expr> &es) {
  z3::expr r = z3.bool_val(true);
  for (const z3::expr &e : es) r = r && e;
  return r;
}

bool hasNoSignedZeros(const eg::PatternNode &root) {
  llvm::FastMathFlags nsz;
  nsz.setNoSignedZeros(true);
  return !root.isVar && (root.node.flags & ir::encodeFMF(nsz));
}

/// Source and target agree. Floating point: all NaNs are one value (LLVM does
/// not promise NaN payloads), and under the source's nsz the sign of a zero
/// result does not matter.
z3::expr sameValue(const z3::expr &src, const z3::expr &tgt, bool ignoreZeroSign) {
  if (!src.is_fpa()) return src == tgt;
  z3::expr same = (src.mk_is_nan() && tgt.mk_is_nan()) || src == tgt;
  if (ignoreZeroSign) same = same || (src.mk_is_zero() && tgt.mk_is_zero());
  return same;
}

/// Z3 is asked up to this many times per query, with different seeds.
constexpr unsigned kAttempts = 3;

/// Builds the variables and conditions, encodes both sides, asks Z3.
class CaseProver {
public:
  CaseProver(const eg::Rule &rule, const TypeAssignment &types, const ProverOptions &options)
      : rule_(rule), types_(types), options_(options), state_(z3_) {}

  CaseResult run() {
    CaseResult result;
    result.types = types_.label;
    auto start = Clock::now();
    try {
      check(result);
    } catch (const NoSemantics &e) {
      result.verdict = Verdict::Failed;
      result.detail = e.what();
    } catch (const z3::exception &e) {
      result.verdict = Verdict::Failed;
      result.detail = std::string("Z3 error: ") + e.msg();
    }
    result.seconds = secondsSince(start);
    return result;
  }

private:
  void makeVariables() {
    const auto &names = rule_.vars().names;
    for (size_t v = 0; v < names.size(); ++v) {
      IRType t = types_.vars[v];
      SymValue s{z3_.constant(names[v].c_str(), t.sort(z3_)),
                 z3_.bool_const((names[v] + ".nonpoison").c_str())};
      vars_.push_back(s);
      inputs_.push_back({names[v], s, t, z3_.bool_val(true)});
    }
  }

  void assumeConditions() {
    for (const eg::Condition &cond : rule_.conditions()) {
      const PredicateSpec *spec = findPredicateSpec(cond.pred->name);
      if (!spec || spec->arity != cond.args.size())
        throw NoSemantics("no semantics for predicate '" + cond.pred->name + "' with " +
                          std::to_string(cond.args.size()) + " arguments");
      std::vector<SymValue> args;
      std::vector<IRType> types;
      for (eg::VarIndex v : cond.args) {
        args.push_back(vars_[v]);
        types.push_back(types_.vars[v]);
      }
      state_.assumptions.push_back(spec->assume(PredicateCall{z3_, args, types}));
    }
  }

  /// The query is split into cases whose disjunction is true, each of which
  /// Z3 simplifies far better than the whole:
  /// - a variable that must be a power of two (`pow2`) is split into its
  ///   `width` values: a division by a constant power of two folds to a
  ///   shift, where a bit-blasted 64-bit divider takes Z3 a minute or more;
  /// - a variable under a freeze is split into poison / not poison: the
  ///   freeze then folds away, and `x * freeze(y)` is the same multiplier as
  ///   the source's `x * y` instead of one over a select.
  std::vector<z3::expr> splitCases() {
    std::vector<z3::expr> cases = {z3_.bool_val(true)};
    auto refine = [&](const std::vector<z3::expr> &alternatives) {
      std::vector<z3::expr> next;
      for (const z3::expr &c : cases)
        for (const z3::expr &a : alternatives) next.push_back(c && a);
      cases = std::move(next);
    };
    for (const eg::Condition &cond : rule_.conditions()) {
      if (cond.pred->name != "pow2") continue;
      const z3::expr &c = vars_[cond.args[0]].value;
      std::vector<z3::expr> powers;
      for (unsigned k = 0; k < c.get_sort().bv_size(); ++k)
        powers.push_back(c == bvConstLike(c, uint64_t(1) << k));
      refine(powers);
      break;
    }
    for (eg::VarIndex v : frozenVariables()) {
      const z3::expr &np = vars_[v].nonPoison;
      refine({np, !np});
    }
    return cases;
  }

  /// The variables that occur under a freeze on either side.
  std::set<eg::VarIndex> frozenVariables() const {
    std::set<eg::VarIndex> out;
    const auto &lang = ir::IRLanguage::get();
    for (const eg::Pattern *p : {&rule_.lhs(), &rule_.rhs()}) {
      std::vector<bool> frozen(p->nodes().size(), false);
      // Parents come after their children: walk down from the root.
      for (size_t i = p->nodes().size(); i-- > 0;) {
        const eg::PatternNode &n = p->nodes()[i];
        if (n.isVar) {
          if (frozen[i]) out.insert(n.var);
          continue;
        }
        for (eg::ClassId k : n.node.kids)
          frozen[k] = frozen[k] || frozen[i] || n.node.op == lang.Freeze;
      }
    }
    return out;
  }

  bool usesFloat() const {
    auto isFloat = [](const IRType &t) { return t.isFloat(); };
    return std::any_of(types_.lhs.begin(), types_.lhs.end(), isFloat) ||
           std::any_of(types_.rhs.begin(), types_.rhs.end(), isFloat);
  }

  void check(CaseResult &result) {
    makeVariables();
    assumeConditions();
    const eg::VarTable &names = rule_.vars();
    EncodedSide src = encodeSide(rule_.lhs(), types_.lhs, vars_, names, state_, false);
    EncodedSide tgt = encodeSide(rule_.rhs(), types_.rhs, vars_, names, state_, true);
    if (uint16_t added = tgt.relaxingFlags & ~src.relaxingFlags)
      throw NoSemantics("the target adds fast-math flags the source does not have: " +
                        relaxingFlagNames(added));

    z3::expr srcDefined = allOf(z3_, src.defined), tgtDefined = allOf(z3_, tgt.defined);
    z3::expr same =
        sameValue(src.root.value, tgt.root.value, hasNoSignedZeros(rule_.lhs().rootNode()));
    z3::expr refines = z3::implies(
        srcDefined, tgtDefined && z3::implies(src.root.nonPoison, tgt.root.nonPoison && same));
    z3::expr violation = allOf(z3_, state_.assumptions) && !refines;
    Answer answer = solve(violation);
    if (answer.result == z3::unknown) {
      giveUp(result, answer.reason);
      return;
    }
    if (!answer.model) {
      checkFlagFree(result);
      return;
    }
    z3::model *model = &*answer.model;
    IRType rootType = types_.lhs.back();
    std::string cex =
        describeCounterexample(*model, inputs_, {"source", src.root, rootType, srcDefined},
                               {"target", tgt.root, rootType, tgtDefined}, state_.choices());
    if (src.relaxingFlags) {
      // Not bit-exact, but LLVM lets the flag change the result this way.
      result.verdict = Verdict::Assumed;
      result.detail = "needs " + relaxingFlagNames(src.relaxingFlags) +
                      " (bit-exact counterexample: " + cex + ")";
      return;
    }
    result.verdict = Verdict::Failed;
    result.detail = "counterexample " + cex;
  }

  struct Answer {
    z3::check_result result = z3::unsat;
    std::optional<z3::model> model; ///< a counterexample
    std::string reason;             ///< why Z3 gave up
  };

  /// Asks Z3 for a model of `violation`, case by case (splitCases).
  Answer solve(const z3::expr &violation) {
    Answer out;
    for (const z3::expr &split : splitCases()) {
      z3::check_result answer = z3::unknown;
      // Z3's time on one query varies by orders of magnitude with things it
      // hashes (docs/prover.md, "Time"), so a query that runs out of time is
      // retried with other random seeds, each attempt getting a share of the
      // limit.
      for (unsigned seed = 0; seed < kAttempts && answer == z3::unknown; ++seed) {
        // Z3's logic-specific solvers bit-blast up front: faster here than
        // the general one on wide divisions and on floating point.
        z3::solver solver(z3_, usesFloat() ? "QF_FPBV" : "QF_BV");
        z3::params p(z3_);
        p.set("timeout", std::max(1u, options_.timeoutMs / kAttempts));
        p.set("random_seed", seed);
        solver.set(p);
        solver.add(violation && split);
        answer = solver.check();
        if (answer == z3::sat) out.model = solver.get_model();
        if (answer == z3::unknown) out.reason = solver.reason_unknown();
      }
      out.result = answer;
      if (answer == z3::unknown || out.model) return out;
    }
    return out;
  }

  void giveUp(CaseResult &result, const std::string &reason) {
    result.verdict = Verdict::Unknown;
    result.detail = "Z3 gave up (" + reason + ") within " + std::to_string(options_.timeoutMs) +
                    " ms in " + std::to_string(kAttempts) + " attempts";
  }

  /// The second obligation (docs/prover.md, "Facts"): with non-poison
  /// inputs and every integer poison flag ignored, the target is poison
  /// exactly when the source is, and otherwise equal to it. The analyses
  /// compute facts of those flag-free values and a union gives a class the
  /// facts of every e-node in it; a target defined where the source is
  /// poison could take a value the source's facts exclude, and its class,
  /// which other values may use, would take those facts. A constant target
  /// is exempt: the source equals it wherever the source is defined, so
  /// the source's facts hold of it.
  void checkFlagFree(CaseResult &result) {
    result.verdict = Verdict::Proven;
    bool constantTarget = std::none_of(rule_.rhs().nodes().begin(), rule_.rhs().nodes().end(),
                                       [](const eg::PatternNode &n) { return n.isVar; });
    if (constantTarget || usesFloat()) return;
    EncodingState flagFree(z3_);
    flagFree.flagFree = true;
    const eg::VarTable &names = rule_.vars();
    EncodedSide src = encodeSide(rule_.lhs(), types_.lhs, vars_, names, flagFree, false);
    EncodedSide tgt = encodeSide(rule_.rhs(), types_.rhs, vars_, names, flagFree, true);
    z3::expr inputsNonPoison = z3_.bool_val(true);
    for (const SymValue &v : vars_) inputsNonPoison = inputsNonPoison && v.nonPoison;
    z3::expr equal = src.root.nonPoison == tgt.root.nonPoison &&
                     z3::implies(src.root.nonPoison, src.root.value == tgt.root.value);
    z3::expr violation = allOf(z3_, state_.assumptions) && allOf(z3_, flagFree.assumptions) &&
                         inputsNonPoison && allOf(z3_, src.defined) && !equal;
    Answer answer = solve(violation);
    if (answer.result == z3::unknown) {
      giveUp(result, answer.reason);
      return;
    }
    if (!answer.model) return;
    IRType rootType = types_.lhs.back();
    result.verdict = Verdict::Failed;
    result.refinementOnly = true;
    result.detail = "a refinement only: with flags ignored the target differs from the source "
                    "(facts of the source would not hold of it): " +
                    describeCounterexample(*answer.model, inputs_,
                                           {"source", src.root, rootType, allOf(z3_, src.defined)},
                                           {"target", tgt.root, rootType, allOf(z3_, tgt.defined)},
                                           flagFree.choices());
  }

  const eg::Rule &rule_;
  const TypeAssignment &types_;
  const ProverOptions &options_;
  z3::context z3_;
  EncodingState state_;
  std::vector<SymValue> vars_;
  std::vector<NamedValue> inputs_;
};

Verdict combine(const std::vector<CaseResult> &cases) {
  bool any = false, proven = false, assumed = false, unknown = false;
  for (const CaseResult &c : cases) {
    any = any || c.verdict != Verdict::Skipped;
    proven = proven || c.verdict == Verdict::Proven;
    assumed = assumed || c.verdict == Verdict::Assumed;
    unknown = unknown || c.verdict == Verdict::Unknown;
    if (c.verdict == Verdict::Failed) return Verdict::Failed;
  }
  if (unknown) return Verdict::Unknown;
  if (assumed) return Verdict::Assumed;
  return proven ? Verdict::Proven : Verdict::Skipped;
}

} // namespace

const char *verdictName(Verdict v) {
  switch (v) {
  case Verdict::Proven: return "proven";
  case Verdict::Assumed: return "assumed";
  case Verdict::Skipped: return "skipped";
  case Verdict::Failed: return "FAILED";
  case Verdict::Unknown: return "UNKNOWN";
  }
  return "?";
}

bool isFailure(Verdict v) { return v == Verdict::Failed || v == Verdict::Unknown; }

RuleResult proveRule(const eg::Rule &rule, const ProverOptions &options) {
  auto start = Clock::now();
  RuleResult r;
  r.rule = rule.name();
  auto types = enumerateTypes(rule, options.widths);
  if (!types) {
    r.verdict = Verdict::Failed;
    r.error = llvm::toString(types.takeError());
    r.seconds = secondsSince(start);
    return r;
  }
  for (const TypeAssignment &a : types->assignments) {
    r.cases.push_back(CaseProver(rule, a, options).run());
    // One counterexample is enough to reject a rule. A case that failed
    // only the facts obligation does not stop the search: a plain
    // counterexample at another type says more.
    if (r.cases.back().verdict == Verdict::Failed && !r.cases.back().refinementOnly) break;
  }
  for (const SkippedTypes &s : types->skipped)
    r.cases.push_back({s.label, Verdict::Skipped, s.reason, 0});
  r.verdict = combine(r.cases);
  r.seconds = secondsSince(start);
  return r;
}

std::string formatResult(const RuleResult &r, bool verbose) {
  std::string s = r.rule + ": ";
  if (!r.error.empty()) return s + "FAILED: " + r.error;
  auto labels = [&](Verdict v) {
    std::string out;
    for (const CaseResult &c : r.cases)
      if (c.verdict == v) out += (out.empty() ? "" : ", ") + c.types;
    return out;
  };
  if (verbose) {
    s += verdictName(r.verdict);
    char time[32];
    for (const CaseResult &c : r.cases) {
      snprintf(time, sizeof time, "%.3fs", c.seconds);
      s += "\n  " + c.types + ": " + verdictName(c.verdict) + " " + time;
      if (!c.detail.empty()) s += ": " + c.detail;
    }
    return s;
  }
  // The case to show: the first with the rule's verdict, a plain
  // counterexample before a facts-obligation failure.
  const CaseResult *first = nullptr;
  for (const CaseResult &c : r.cases)
    if (c.verdict == r.verdict && (!first || (first->refinementOnly && !c.refinementOnly)))
      first = &c;
  switch (r.verdict) {
  case Verdict::Proven: s += "proven at " + labels(Verdict::Proven); break;
  case Verdict::Skipped:
    s += "skipped: " + (first ? first->types + ": " + first->detail : std::string());
    return s;
  case Verdict::Assumed:
  case Verdict::Failed:
  case Verdict::Unknown:
    s += std::string(verdictName(r.verdict)) + " at " + first->types + ": " + first->detail;
    if (std::string p = labels(Verdict::Proven); !p.empty()) s += "; proven at " + p;
    break;
  }
  if (std::string k = labels(Verdict::Skipped); !k.empty()) s += "; skipped " + k;
  return s;
}

} // namespace egopt::prover
