// select, freeze and ptradd.
#include "BitVectors.h"
#include "OpSemantics.h"

#include "llvm/IR/GEPNoWrapFlags.h"

#include <stdexcept>

namespace egopt::prover {

void addStructuralOps(OpTable &t) {
  // Poison when the condition is; otherwise only the chosen arm's poison counts.
  t["select"] = {Typing::Select, KAny, 0, [](const OpCall &c) {
                   const SymValue &cond = c.args[0], &a = c.args[1], &b = c.args[2];
                   z3::expr pick = cond.value == c.z3().bv_val(1, 1);
                   return SymValue{z3::ite(pick, a.value, b.value),
                                   cond.nonPoison && z3::ite(pick, a.nonPoison, b.nonPoison)};
                 }};
  // A poison input becomes an arbitrary, fixed value: one choice per frozen
  // subterm, shared by both sides (docs/prover.md says why that is sound).
  t["freeze"] = {Typing::Uniform, KAny, 0, [](const OpCall &c) {
                   const SymValue &x = c.args[0];
                   z3::expr choice = c.state.freezeChoice(c.key, c.type);
                   return SymValue{z3::ite(x.nonPoison, x.value, choice), c.z3().bool_val(true)};
                 }};
  // Pointers are 64-bit integers (no provenance, no objects): ptradd p, off is
  // p + off. Flags: nuw/nusw make an overflowing address poison; inbounds needs
  // a memory model, so a target that adds it cannot be proven. A source's
  // flags only make it more poisonous, so they are dropped (a stronger check).
  t["ptradd"] = {Typing::PtrAdd, KPtr, 0xffff, [](const OpCall &c) {
                   const z3::expr &p = c.args[0].value, &off = c.args[1].value;
                   z3::expr np = c.argsNonPoison();
                   if (!c.isTarget) return SymValue{p + off, np};
                   auto flags = llvm::GEPNoWrapFlags::fromRaw(c.node.flags);
                   if (flags.isInBounds())
                     throw std::runtime_error("ptradd inbounds in the target needs a memory model");
                   if (flags.hasNoUnsignedWrap()) np = np && z3::bvadd_no_overflow(p, off, false);
                   if (flags.hasNoUnsignedSignedWrap()) {
                     // p (unsigned) + off (signed), exactly in 66 bits, is in [0, 2^64).
                     z3::expr sum = z3::zext(p, 2) + z3::sext(off, 2);
                     np = np && sum.extract(65, 64) == c.z3().bv_val(0, 2);
                   }
                   return SymValue{p + off, np};
                 }};
}

} // namespace egopt::prover
