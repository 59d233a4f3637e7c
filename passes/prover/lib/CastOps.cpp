// Integer casts. trunc nuw/nsw: poison when the dropped bits are not all zero
// / not all copies of the result's sign bit; zext nneg: poison on a negative
// input. Other casts (FP conversions, ptrtoint, ...) have no entry yet.
#include "BitVectors.h"
#include "OpSemantics.h"
#include "egopt/lift/IRLanguage.h"

namespace egopt::prover {
using namespace ir;

void addCastOps(OpTable &t) {
  t["trunc"] = {Typing::Narrow, KInt, NUW | NSW, [](const OpCall &c) {
                  const z3::expr &x = c.args[0].value;
                  unsigned from = c.argTypes[0].bits, to = c.type.bits;
                  z3::expr r = x.extract(to - 1, 0);
                  z3::expr np = c.argsNonPoison();
                  if (c.has(NUW)) np = np && z3::zext(r, from - to) == x;
                  if (c.has(NSW)) np = np && z3::sext(r, from - to) == x;
                  return SymValue{r, np};
                }};
  t["zext"] = {Typing::Widen, KInt, NNeg, [](const OpCall &c) {
                 const z3::expr &x = c.args[0].value;
                 z3::expr np = c.argsNonPoison();
                 if (c.has(NNeg)) np = np && !isNegative(x);
                 return SymValue{z3::zext(x, c.type.bits - c.argTypes[0].bits), np};
               }};
  t["sext"] = {Typing::Widen, KInt, 0, [](const OpCall &c) {
                 const z3::expr &x = c.args[0].value;
                 return SymValue{z3::sext(x, c.type.bits - c.argTypes[0].bits), c.argsNonPoison()};
               }};
}

} // namespace egopt::prover
