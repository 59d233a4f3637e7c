#include "SideEncoder.h"

#include "BitVectors.h"
#include "egopt/lift/IRLanguage.h"

#include "llvm/ADT/StringExtras.h"

namespace egopt::prover {

EncodedSide encodeSide(const eg::Pattern &p, std::span<const IRType> types,
                       std::span<const SymValue> vars, const eg::VarTable &names,
                       EncodingState &state, bool isTarget) {
  const auto &lang = ir::IRLanguage::get();
  EncodedSide side{{state.z3.bool_val(true), state.z3.bool_val(true)}, {}, 0};
  std::vector<SymValue> values;
  // A structural key per subterm, the same on both sides for equal subterms.
  std::vector<std::string> keys;
  for (size_t i = 0; i < p.nodes().size(); ++i) {
    const eg::PatternNode &pn = p.nodes()[i];
    if (pn.isVar) {
      values.push_back(vars[pn.var]);
      keys.push_back(names.names[pn.var]);
      continue;
    }
    const eg::ENode &n = pn.node;
    const std::string &name = lang.op(n.op).name;
    if (n.op == lang.IConst) {
      // The literal's low bits: `255` at i8 is -1.
      values.push_back({bvConst(state.z3, n.payload, types[i].bits), state.z3.bool_val(true)});
      keys.push_back(lang.printAtom(n) + ":" + types[i].str());
      continue;
    }
    const OpSpec *spec = findOpSpec(name);
    if (!spec) throw NoSemantics("no semantics for operator '" + name + "'");
    if (n.flags & ~spec->flags)
      throw NoSemantics("flag bits 0x" + llvm::utohexstr(n.flags & ~spec->flags) + " of '" + name +
                        "' have no semantics");
    std::string key = "(" + name + ":" + std::to_string(n.flags) + ":" + types[i].str();
    std::vector<SymValue> args;
    std::vector<IRType> argTypes;
    for (eg::ClassId k : n.kids) {
      args.push_back(values[k]);
      argTypes.push_back(types[k]);
      key += " " + keys[k];
    }
    key += ")";
    side.relaxingFlags |= n.flags & relaxingFastMathFlags() & spec->flags;
    OpCall call{state, n, args, argTypes, types[i], isTarget, key, side.defined};
    values.push_back(spec->encode(call));
    keys.push_back(std::move(key));
  }
  side.root = values.back();
  return side;
}

} // namespace egopt::prover
