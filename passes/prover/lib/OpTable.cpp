#include "OpSemantics.h"

namespace egopt::prover {

const OpSpec *findOpSpec(std::string_view name) {
  static const OpTable table = [] {
    OpTable t;
    addIntegerOps(t);
    addFloatOps(t);
    addCastOps(t);
    addStructuralOps(t);
    addComputedConstants(t);
    return t;
  }();
  auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

z3::expr OpCall::argsNonPoison() const {
  z3::expr np = z3().bool_val(true);
  for (const SymValue &a : args) np = np && a.nonPoison;
  return np;
}

z3::expr EncodingState::freezeChoice(const std::string &key, IRType type) {
  auto it = freeze_.find(key);
  if (it != freeze_.end()) return it->second;
  std::string name = "freeze" + key;
  z3::expr v = z3.constant(name.c_str(), type.sort(z3));
  freeze_.emplace(key, v);
  choices_.emplace_back(name, v);
  return v;
}

z3::expr EncodingState::freshChoice(const std::string &hint) {
  std::string name = hint + "#" + std::to_string(choices_.size());
  z3::expr v = z3.bool_const(name.c_str());
  choices_.emplace_back(name, v);
  return v;
}

} // namespace egopt::prover
