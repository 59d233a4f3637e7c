//===- IRRules.cpp - What rules over LLVM IR need from the language -------===//
//
// Rule patterns are untyped and flag-agnostic text; the e-graph is typed and
// flagged. This file bridges the two:
//   - flags after an operator (`add:nsw`, `fadd:nnan:nsz`), which on a
//     left-hand side are requirements (Language::flagsAreRequirements);
//   - the type of every e-node a right-hand side creates, inferred from the
//     matched classes (all e-nodes of a class have one type) and from how
//     each operator relates its result type to its operands';
//   - computed constants (`$neg ?c`), folded from the matched constants.
// When the types do not work out for a match (e.g. `(trunc (zext ?x)) => ?x`
// where ?x is narrower than the root) the application is declined: the
// e-graph never holds an ill-typed e-node.
//
//===----------------------------------------------------------------------===//
#include "egopt/lift/IRLanguage.h"
#include "egopt/lift/Lifter.h"

#include "egopt/egraph/Pattern.h"

#include "llvm/ADT/APInt.h"

namespace egopt::ir {
using namespace llvm;
using eg::ClassId;
using eg::ENode;
using eg::Op;
using eg::PatternNode;

//===----------------------------------------------------------------------===//
// Flags
//===----------------------------------------------------------------------===//

std::vector<std::pair<std::string_view, uint16_t>> IRLanguage::flagNames(Op op) const {
  auto fmf = [](unsigned bit) { return static_cast<uint16_t>(bit << kFMFShift); };
  const std::vector<std::pair<std::string_view, uint16_t>> fastMath = {
      {"reassoc", fmf(1)}, {"nnan", fmf(2)},      {"ninf", fmf(4)}, {"nsz", fmf(8)},
      {"arcp", fmf(16)},   {"contract", fmf(32)}, {"afn", fmf(64)}};
  if (op == Add || op == Sub || op == Mul || op == Shl || op == cast(Instruction::Trunc))
    return {{"nuw", NUW}, {"nsw", NSW}};
  if (op == UDiv || op == SDiv || op == LShr || op == AShr) return {{"exact", Exact}};
  if (op == Or) return {{"disjoint", Disjoint}};
  if (op == cast(Instruction::ZExt) || op == cast(Instruction::UIToFP)) return {{"nneg", NNeg}};
  if (op == PtrAdd) // GEPNoWrapFlags' raw bits
    return {{"inbounds", 1}, {"nusw", 2}, {"nuw", 4}};
  if (auto pred = predicateOf(op)) {
    if (CmpInst::isIntPredicate(*pred)) return {{"samesign", SameSign}};
    return fastMath;
  }
  if (op == FAdd || op == FSub || op == FMul || op == FDiv || op == FRem || op == FNeg ||
      op == Select)
    return fastMath;
  return {};
}

std::optional<uint16_t> IRLanguage::parseFlag(Op op, std::string_view name) const {
  for (auto [flag, bits] : flagNames(op))
    if (flag == name) return bits;
  return std::nullopt;
}

std::string IRLanguage::printHead(const ENode &n) const {
  std::string s = op(n.op).name;
  for (auto [flag, bits] : flagNames(n.op))
    if ((n.flags & bits) == bits && bits) s.append(":").append(flag);
  return s;
}

//===----------------------------------------------------------------------===//
// Type inference for right-hand sides
//===----------------------------------------------------------------------===//

namespace {

/// How an operator's result type relates to its operands' types.
enum class TypeRel {
  SameAsKids, ///< result and every operand: one type (add, shl, $add, ...)
  FirstKid,   ///< result = operand 0 (ptradd, unary computed constants)
  Select,     ///< result = operands 1 and 2; operand 0 is i1
  Compare,    ///< result i1; the operands share a type
  Free,       ///< not derivable: casts, vector and intrinsic ops, literals
};

TypeRel typeRel(const IRLanguage &L, Op op) {
  if (op == L.Select) return TypeRel::Select;
  if (L.predicateOf(op)) return TypeRel::Compare;
  if (op == L.PtrAdd) return TypeRel::FirstKid;
  if (L.isComputed(op)) return L.op(op).arity == 1 ? TypeRel::FirstKid : TypeRel::SameAsKids;
  if (L.opcodeOf(op) || op == L.FNeg || op == L.Freeze) return TypeRel::SameAsKids;
  return TypeRel::Free;
}

/// The groups of pattern nodes whose types must be equal, and the nodes
/// whose type is i1.
struct TypeConstraints {
  std::vector<std::vector<uint32_t>> equal;
  std::vector<uint32_t> isBool;
};

TypeConstraints constraintsOf(const IRLanguage &L, const eg::Pattern &p) {
  TypeConstraints c;
  const auto &nodes = p.nodes();
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const PatternNode &pn = nodes[i];
    if (pn.isVar) continue;
    const auto &kids = pn.node.kids;
    switch (typeRel(L, pn.node.op)) {
    case TypeRel::SameAsKids: {
      std::vector<uint32_t> group{i};
      group.insert(group.end(), kids.begin(), kids.end());
      c.equal.push_back(std::move(group));
      break;
    }
    case TypeRel::FirstKid: c.equal.push_back({i, kids[0]}); break;
    case TypeRel::Select:
      c.equal.push_back({i, kids[1], kids[2]});
      c.isBool.push_back(kids[0]);
      break;
    case TypeRel::Compare:
      c.equal.push_back({kids[0], kids[1]});
      c.isBool.push_back(i);
      break;
    case TypeRel::Free: break;
    }
  }
  return c;
}

constexpr uint32_t kUnknownType = UINT32_MAX;

/// Propagates known types through the constraints until nothing changes.
/// Returns false when two known types conflict (with `ignoreConflicts`, it
/// goes on, taking the first known type of a group).
bool propagateTypes(const TypeConstraints &c, std::vector<uint32_t> &types, uint32_t boolType,
                    bool ignoreConflicts = false) {
  for (uint32_t i : c.isBool) {
    if (types[i] != kUnknownType && types[i] != boolType && !ignoreConflicts) return false;
    if (types[i] == kUnknownType) types[i] = boolType;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto &group : c.equal) {
      uint32_t known = kUnknownType;
      for (uint32_t i : group) {
        if (types[i] == kUnknownType) continue;
        if (known == kUnknownType)
          known = types[i];
        else if (types[i] != known && !ignoreConflicts)
          return false;
      }
      if (known == kUnknownType) continue;
      for (uint32_t i : group)
        if (types[i] == kUnknownType) {
          types[i] = known;
          changed = true;
        }
    }
  }
  return true;
}

} // namespace

llvm::Error IRLanguage::checkRule(const eg::Pattern &lhs, const eg::Pattern &rhs,
                                  const eg::VarTable &) const {
  auto error = [](const Twine &msg) { return createStringError(inconvertibleErrorCode(), msg); };
  for (const PatternNode &pn : lhs.nodes())
    if (!pn.isVar && isComputed(pn.node.op))
      return error("computed constant '" + op(pn.node.op).name +
                   "' may only appear on the right-hand side");
  // Every right-hand e-node must get a type from the variables, the root,
  // or the operators' relations. Each variable stands for a type of its own
  // (the root has one too); only resolution is checked here, the types of
  // an actual match are checked when it is applied.
  const auto &nodes = rhs.nodes();
  std::vector<uint32_t> types(nodes.size(), kUnknownType);
  uint32_t next = 1; // 0 is i1
  for (uint32_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].isVar) types[i] = next + nodes[i].var;
  if (types.back() == kUnknownType) types.back() = UINT32_MAX - 1; // the root's type
  // Conflicts between symbolic types are not errors (two variables may have
  // one type).
  (void)propagateTypes(constraintsOf(*this, rhs), types, 0, /*ignoreConflicts=*/true);
  for (uint32_t i = 0; i < nodes.size(); ++i)
    if (types[i] == kUnknownType)
      return error("cannot infer the type of '" + printHead(nodes[i].node) +
                   "' on the right-hand side; tie it to a variable, the root or its parent");
  return Error::success();
}

namespace {

/// The integer constant held by class `c` (an `iconst` e-node), if any.
std::optional<APInt> classConstant(const eg::EGraph &g, const IRTables &t, ClassId c) {
  const IRLanguage &L = IRLanguage::get();
  for (const ENode &n : g.nodes(c))
    if (n.op == L.IConst) {
      Type *ty = t.types[n.type];
      if (!ty->isIntegerTy() || ty->getIntegerBitWidth() > 64) return std::nullopt;
      return APInt(ty->getIntegerBitWidth(), n.payload, /*isSigned=*/true, /*implicitTrunc=*/true);
    }
  return std::nullopt;
}

/// Evaluates a computed constant; nullopt when undefined (a shift by the
/// width or more, log2 of a non-power of two).
std::optional<APInt> evaluateComputed(const IRLanguage &L, Op op, const APInt &a, const APInt *b) {
  unsigned w = a.getBitWidth();
  std::string_view name = L.op(op).name;
  if (name == "$neg") return -a;
  if (name == "$not") return ~a;
  if (name == "$log2") {
    if (!a.isPowerOf2()) return std::nullopt;
    return APInt(w, a.logBase2());
  }
  if (name == "$bits") return APInt(w, w, /*isSigned=*/false, /*implicitTrunc=*/true);
  if (name == "$smin") return APInt::getSignedMinValue(w);
  if (name == "$smax") return APInt::getSignedMaxValue(w);
  if (name == "$umax") return APInt::getAllOnes(w);
  if (!b || b->getBitWidth() != w) return std::nullopt;
  if (name == "$add") return a + *b;
  if (name == "$sub") return a - *b;
  if (name == "$mul") return a * *b;
  if (name == "$and") return a & *b;
  if (name == "$or") return a | *b;
  if (name == "$xor") return a ^ *b;
  if (b->uge(w)) return std::nullopt;
  if (name == "$shl") return a.shl(*b);
  if (name == "$lshr") return a.lshr(*b);
  if (name == "$ashr") return a.ashr(*b);
  return std::nullopt;
}

bool isSmallInt(Type *t) { return t->isIntegerTy() && t->getIntegerBitWidth() <= 64; }

ENode iconstNode(uint32_t type, const APInt &v) {
  ENode n;
  n.op = IRLanguage::get().IConst;
  n.type = type;
  n.payload = static_cast<uint64_t>(v.getSExtValue());
  return n;
}

/// Integer casts must change the width the right way (`(sext ?c)` of an i1
/// into an i1 root is not an instruction).
bool castWidthsFit(const ENode &n, const eg::EGraph &g, const IRTables &t) {
  auto cop = IRLanguage::get().castOf(n.op);
  if (!cop ||
      (*cop != Instruction::Trunc && *cop != Instruction::ZExt && *cop != Instruction::SExt))
    return true;
  auto kidNodes = g.nodes(n.kids[0]);
  if (kidNodes.empty()) return false;
  Type *from = t.types[kidNodes.front().type], *to = t.types[n.type];
  if (!from->isIntOrIntVectorTy() || !to->isIntOrIntVectorTy()) return false;
  unsigned fw = from->getScalarSizeInBits(), tw = to->getScalarSizeInBits();
  return *cop == Instruction::Trunc ? fw > tw : fw < tw;
}

uint32_t classType(const eg::EGraph &g, ClassId c) {
  auto nodes = g.nodes(c);
  return nodes.empty() ? kUnknownType : nodes.front().type;
}

} // namespace

ClassId IRLanguage::instantiate(eg::EGraph &g, const eg::Pattern &rhs, ClassId root,
                                std::span<const ClassId> subst) const {
  const auto *tables = g.context<IRTables>();
  assert(tables && "the lifter sets the e-graph's language context");
  const auto &nodes = rhs.nodes();
  // Types: the variables' classes and the root's, then the relations.
  std::vector<uint32_t> types(nodes.size(), kUnknownType);
  for (uint32_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].isVar) types[i] = classType(g, subst[nodes[i].var]);
  uint32_t rootType = classType(g, root);
  if (types.back() != kUnknownType && types.back() != rootType) return eg::kNoClass;
  types.back() = rootType;
  if (!propagateTypes(constraintsOf(*this, rhs), types, IRTables::kBoolType)) return eg::kNoClass;

  llvm::SmallVector<ClassId, 16> ids(nodes.size());
  llvm::SmallVector<std::optional<APInt>, 16> values(nodes.size());
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const PatternNode &p = nodes[i];
    if (p.isVar) {
      ids[i] = subst[p.var];
      continue;
    }
    uint32_t type = types[i];
    if (type == kUnknownType) return eg::kNoClass;
    Type *ty = tables->types[type];
    if (p.node.op == IConst || isComputed(p.node.op)) {
      // Constants are scalar integers up to 64 bits (wider ones and vector
      // splats are opaque `cst` leaves).
      if (!isSmallInt(ty)) return eg::kNoClass;
      unsigned w = ty->getIntegerBitWidth();
      std::optional<APInt> v;
      if (p.node.op == IConst) {
        v = APInt(w, p.node.payload, /*isSigned=*/true, /*implicitTrunc=*/true);
      } else {
        auto operand = [&](uint32_t k) -> std::optional<APInt> {
          if (values[k]) return values[k];
          if (nodes[k].isVar) return classConstant(g, *tables, subst[nodes[k].var]);
          return std::nullopt;
        };
        // `$bits ?x` and the like need only ?x's type, not its value.
        std::string_view name = op(p.node.op).name;
        bool typeOnly = name == "$bits" || name == "$smin" || name == "$smax" || name == "$umax";
        std::optional<APInt> a = typeOnly ? APInt(w, 0) : operand(p.node.kids[0]);
        if (!a) return eg::kNoClass;
        std::optional<APInt> b;
        if (p.node.kids.size() > 1 && !(b = operand(p.node.kids[1]))) return eg::kNoClass;
        v = evaluateComputed(*this, p.node.op, a->zextOrTrunc(w), b ? &*b : nullptr);
        if (!v) return eg::kNoClass;
      }
      values[i] = v;
      ids[i] = g.add(iconstNode(type, *v));
      continue;
    }
    ENode n = p.node;
    n.type = type;
    for (ClassId &k : n.kids) k = ids[k];
    if (!castWidthsFit(n, g, *tables)) return eg::kNoClass;
    ids[i] = g.add(std::move(n));
  }
  return ids.back();
}

} // namespace egopt::ir
