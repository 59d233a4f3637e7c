//===- MathLanguage.h - egg's `math` language, for tests and benchmarks ---===//
//
// The language of egg's tests/math.rs, restated for this engine: d, i, +, -,
// *, /, pow, ln, sqrt, sin, cos, numbers and symbols, with its constant-folding
// analysis (which prunes folded classes to their leaves, as egg's does) and its
// rule conditions. It lets the engine be checked and measured on egg's own
// workload.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Analysis.h"
#include "egopt/egraph/EGraph.h"
#include "egopt/egraph/Rewrite.h"

#include <mutex>
#include <optional>

namespace egopt::math {

class MathLanguage final : public eg::Language {
public:
  MathLanguage();
  eg::Op Diff, Integral, Add, Sub, Mul, Div, Pow, Ln, Sqrt, Sin, Cos, Num, Sym;

  std::optional<eg::ENode> parseAtom(std::string_view token) const override;
  std::string printAtom(const eg::ENode &node) const override;

  eg::ENode num(double v) const;
  eg::ENode sym(std::string_view name) const;
  std::optional<double> numValue(const eg::ENode &n) const;

private:
  mutable std::mutex symLock_;
  mutable std::vector<std::string> symbols_;
};

/// egg's ConstantFold: the class's value when it is a known constant.
class ConstantFold final : public eg::LatticeAnalysis<ConstantFold, std::optional<double>> {
public:
  explicit ConstantFold(const MathLanguage &lang) : lang_(lang) {}
  std::string_view name() const override { return "const"; }
  std::optional<double> make(const eg::EGraph &g, const eg::ENode &n) const;
  eg::MergeResult join(std::optional<double> &to, const std::optional<double> &from) const;
  void modify(eg::EGraph &g, eg::ClassId id) override;
  std::string describe(eg::ClassId id) const override;

private:
  const MathLanguage &lang_;
};

/// is-not-zero, is-const, is-sym, is-const-or-distinct-var.
void registerMathPredicates(eg::PredicateRegistry &preds, const MathLanguage &lang);

/// The rules of egg's math.rs in this project's rule syntax (tests/common/math.rules).
std::string mathRulesText();

/// Builds an e-graph with the ConstantFold analysis.
std::unique_ptr<eg::EGraph> makeMathEGraph(const MathLanguage &lang);

} // namespace egopt::math
