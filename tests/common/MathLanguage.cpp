#include "MathLanguage.h"

#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace egopt::math {
using namespace eg;

MathLanguage::MathLanguage() : Language("math") {
  Diff = addOp({"d", 2});
  Integral = addOp({"i", 2});
  Add = addOp({"+", 2});
  Sub = addOp({"-", 2});
  Mul = addOp({"*", 2});
  Div = addOp({"/", 2});
  Pow = addOp({"pow", 2});
  Ln = addOp({"ln", 1});
  Sqrt = addOp({"sqrt", 1});
  Sin = addOp({"sin", 1});
  Cos = addOp({"cos", 1});
  Num = addOp({"num", 0, /*hasPayload=*/true});
  Sym = addOp({"sym", 0, /*hasPayload=*/true});
}

ENode MathLanguage::num(double v) const {
  ENode n;
  n.op = Num;
  if (v == 0) v = 0; // one zero: -0.0 and 0.0 are the same constant
  n.payload = std::bit_cast<uint64_t>(v);
  return n;
}

ENode MathLanguage::sym(std::string_view name) const {
  std::lock_guard<std::mutex> guard(symLock_);
  ENode n;
  n.op = Sym;
  for (size_t i = 0; i < symbols_.size(); ++i)
    if (symbols_[i] == name) {
      n.payload = i;
      return n;
    }
  symbols_.emplace_back(name);
  n.payload = symbols_.size() - 1;
  return n;
}

std::optional<double> MathLanguage::numValue(const ENode &n) const {
  if (n.op != Num) return std::nullopt;
  return std::bit_cast<double>(n.payload);
}

std::optional<ENode> MathLanguage::parseAtom(std::string_view token) const {
  if (token.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec == std::errc() && end == token.data() + token.size() && std::isfinite(v)) return num(v);
  unsigned char c0 = static_cast<unsigned char>(token[0]);
  if (!std::isalpha(c0) && c0 != '_') return std::nullopt;
  for (char c : token)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;
  return sym(token);
}

std::string MathLanguage::printAtom(const ENode &n) const {
  if (n.op == Num) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::bit_cast<double>(n.payload));
    return std::string(buf, end);
  }
  std::lock_guard<std::mutex> guard(symLock_);
  return symbols_[n.payload];
}

std::optional<double> ConstantFold::make(const EGraph &g, const ENode &n) const {
  if (auto v = lang_.numValue(n)) return v;
  auto val = [&](size_t i) { return data(g.find(n.kids[i])); };
  if (n.op == lang_.Add || n.op == lang_.Sub || n.op == lang_.Mul || n.op == lang_.Div) {
    auto a = val(0), b = val(1);
    if (!a || !b) return std::nullopt;
    if (n.op == lang_.Add) return *a + *b;
    if (n.op == lang_.Sub) return *a - *b;
    if (n.op == lang_.Mul) return *a * *b;
    if (*b == 0) return std::nullopt;
    return *a / *b;
  }
  return std::nullopt;
}

MergeResult ConstantFold::join(std::optional<double> &to, const std::optional<double> &from) const {
  // As egg's: keep a known value; two known values are not compared (floating
  // point folds of equal terms may round differently).
  if (!to && from) {
    to = from;
    return {true, false};
  }
  if (to && !from) return {false, true};
  return {false, false};
}

void ConstantFold::modify(EGraph &g, ClassId id) {
  std::optional<double> v = data(id);
  if (!v || !std::isfinite(*v)) return;
  ClassId c = g.add(lang_.num(*v));
  g.merge(id, c);
  // Prune: a folded class keeps only its leaves (egg does the same).
  g.retainNodes(id, [](const ENode &n) { return n.isLeaf(); });
}

std::string ConstantFold::describe(ClassId id) const {
  if (!data(id)) return {};
  ENode n = lang_.num(*data(id));
  return lang_.printAtom(n);
}

/// The constant value of class c, when the e-graph has a ConstantFold
/// analysis and it knows one.
static std::optional<double> constValue(const EGraph &g, ClassId c) {
  const auto *cf = g.findAnalysis<ConstantFold>();
  return cf ? cf->data(g.find(c)) : std::nullopt;
}
static bool isSym(const EGraph &g, const MathLanguage &lang, ClassId c) {
  for (const ENode &n : g.nodes(c))
    if (n.op == lang.Sym) return true;
  return false;
}

void registerMathPredicates(PredicateRegistry &preds, const MathLanguage &lang) {
  preds.add(
      "is-not-zero", 1,
      [](const EGraph &g, std::span<const ClassId> a) {
        auto v = constValue(g, a[0]);
        return !v || *v != 0.0;
      },
      "the class is not the constant 0");
  preds.add(
      "is-const", 1,
      [](const EGraph &g, std::span<const ClassId> a) { return constValue(g, a[0]).has_value(); },
      "the class is a known constant");
  preds.add(
      "is-sym", 1,
      [&lang](const EGraph &g, std::span<const ClassId> a) { return isSym(g, lang, a[0]); },
      "the class holds a symbol");
  preds.add(
      "is-const-or-distinct-var", 2,
      [&lang](const EGraph &g, std::span<const ClassId> a) {
        return g.find(a[0]) != g.find(a[1]) &&
               (constValue(g, a[0]).has_value() || isSym(g, lang, a[0]));
      },
      "the first class is a constant or a symbol other than the second");
}

std::string mathRulesText() {
  std::ifstream in(EGOPT_MATH_RULES_FILE);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::unique_ptr<EGraph> makeMathEGraph(const MathLanguage &lang) {
  auto g = std::make_unique<EGraph>(lang);
  g->addAnalysis<ConstantFold>(lang);
  return g;
}

} // namespace egopt::math
