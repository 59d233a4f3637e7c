//===- HandBuilt.h - E-graphs of the IR language, built by hand ----------===//
#pragma once
#include "egopt/extract/Extractor.h"
#include "egopt/lift/IRLanguage.h"

namespace egopt::testing {

/// Adds e-nodes of the IR language (types and payloads left 0 unless given).
struct HandBuilt {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  eg::EGraph g{L};

  eg::ClassId arg(uint64_t n) {
    eg::ENode e(L.Arg, {});
    e.payload = n;
    return g.add(e);
  }
  eg::ClassId skel(uint64_t n) {
    eg::ENode e(L.Skel, {});
    e.payload = n;
    return g.add(e);
  }
  eg::ClassId op(eg::Op op, std::initializer_list<eg::ClassId> kids) {
    return g.add(eg::ENode(op, kids));
  }
  /// Makes `b` an alternative of `a`'s class and rebuilds.
  eg::ClassId same(eg::ClassId a, eg::ClassId b) {
    g.merge(a, b);
    g.rebuild();
    return g.find(a);
  }
};

/// Own costs by operator: mul 4, shl 2, other operations 1, leaves 0.
inline extract::Cost opCost(const eg::ENode &n) {
  const ir::IRLanguage &L = ir::IRLanguage::get();
  if (n.isLeaf()) return 0;
  if (n.op == L.Mul) return 4;
  if (n.op == L.Shl) return 2;
  return 1;
}
inline extract::Cost opCostIn(eg::ClassId, const eg::ENode &n) { return opCost(n); }

} // namespace egopt::testing
