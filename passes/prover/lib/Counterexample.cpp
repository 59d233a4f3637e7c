#include "Counterexample.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

namespace egopt::prover {
namespace {

llvm::APInt bitsOf(const z3::model &m, const z3::expr &bv) {
  z3::expr v = m.eval(bv, true);
  unsigned w = bv.get_sort().bv_size();
  return llvm::APInt(w, Z3_get_numeral_string(v.ctx(), v), 10);
}

/// `0xff (255, -1)`: hex, unsigned, and signed when it differs.
std::string formatInt(const llvm::APInt &v) {
  std::string s = "0x" + llvm::toString(v, 16, false, false) + " (" + llvm::toString(v, 10, false);
  if (v.isNegative()) s += ", " + llvm::toString(v, 10, true);
  return s + ")";
}

const llvm::fltSemantics &semanticsOf(IRType t) {
  if (t.bits == 16) return llvm::APFloat::IEEEhalf();
  if (t.bits == 32) return llvm::APFloat::IEEEsingle();
  return llvm::APFloat::IEEEdouble();
}

std::string formatFloat(const z3::model &m, const z3::expr &f, IRType t) {
  if (m.eval(f.mk_is_nan(), true).is_true()) return "NaN";
  z3::expr bits(f.ctx(), Z3_mk_fpa_to_ieee_bv(f.ctx(), f));
  llvm::APInt raw = bitsOf(m, bits);
  llvm::SmallString<32> text;
  llvm::APFloat(semanticsOf(t), raw).toString(text);
  return "0x" + llvm::toString(raw, 16, false, false) + " (" + std::string(text) + ")";
}

std::string formatValue(const z3::model &m, const NamedValue &v) {
  if (!m.eval(v.defined, true).is_true()) return "UB";
  if (!m.eval(v.value.nonPoison, true).is_true()) return "poison";
  if (v.type.isFloat()) return formatFloat(m, v.value.value, v.type);
  return formatInt(bitsOf(m, v.value.value));
}

} // namespace

std::string describeCounterexample(const z3::model &m, const std::vector<NamedValue> &inputs,
                                   const NamedValue &source, const NamedValue &target,
                                   const std::vector<std::pair<std::string, z3::expr>> &choices) {
  std::string s;
  for (const NamedValue &in : inputs) {
    if (!s.empty()) s += ", ";
    s += in.name + " = " + formatValue(m, in);
  }
  s += "; source = " + formatValue(m, source) + "; target = " + formatValue(m, target);
  for (const auto &[name, choice] : choices) {
    z3::expr v = m.eval(choice, true);
    s += "; choice " + name + " = ";
    if (choice.is_bool())
      s += v.is_true() ? "true" : "false";
    else if (choice.is_bv())
      s += formatInt(bitsOf(m, choice));
    else
      s += formatFloat(m, choice,
                       IRType::floating(choice.get_sort().fpa_ebits() == 5   ? 16
                                        : choice.get_sort().fpa_ebits() == 8 ? 32
                                                                             : 64));
  }
  return s;
}

} // namespace egopt::prover
