#include "egopt/rewrite/Reassociate.h"

#include "egopt/analyses/ConstantFold.h"
#include "egopt/egraph/Statistic.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

namespace egopt::passes {
using namespace llvm;
using eg::ClassId;
using eg::ENode;

EGOPT_STATISTIC(ReassociatedTrees, "04-rewrite.normal-forms", "reassociated_trees",
                "trees of one associative operator given a normal form");
EGOPT_STATISTIC(ReassociatedOperationsIn, "04-rewrite.normal-forms", "reassociated_operations_in",
                "  their operations");
EGOPT_STATISTIC(ReassociatedOperationsOut, "04-rewrite.normal-forms", "reassociated_operations_out",
                "  the normal forms' operations");

namespace {

enum class Family : uint8_t { None, Add, Mul, Xor, And, Or };

/// Collects the terms of one tree and builds its normal form.
class Reassociator {
public:
  explicit Reassociator(ir::LiftedFunction &lf)
      : g_(*lf.egraph), tables_(*lf.tables), L_(ir::IRLanguage::get()),
        constants_(g_.findAnalysis<IntConstantFold>()) {
    countUses(lf);
  }

  void run(eg::Statistics &stats) {
    // Descending: an e-node's operands were lifted before it, so a tree's
    // root comes before its inner nodes, which collect() marks. Classes the
    // normal forms add come after the last lifted id and are not visited.
    std::vector<ClassId> roots(g_.classIds().begin(), g_.classIds().end());
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) {
      ClassId c = *it;
      if (inner_.contains(c)) continue;
      const ENode *n = single(c);
      if (!n || familyOf(*n) == Family::None || !scalarWidth(n->type) || constantOf(c)) continue;
      Tree t = collect(c, *n);
      auto [form, ops] = build(t);
      if (form == eg::kNoClass || ops >= t.operations) continue;
      g_.merge(c, form);
      stats.add(ReassociatedTrees);
      stats.add(ReassociatedOperationsIn, t.operations);
      stats.add(ReassociatedOperationsOut, ops);
    }
    g_.rebuild();
  }

private:
  struct Tree {
    Family family = Family::None;
    uint32_t type = 0;
    unsigned width = 0;
    /// Per term, in order of first occurrence: the coefficient (add), the
    /// exponent (mul), the count (xor, and, or).
    MapVector<ClassId, APInt> terms;
    APInt constant;
    size_t operations = 0;
  };

  void countUses(const ir::LiftedFunction &lf) {
    uses_.assign(g_.numIds(), 0);
    for (ClassId c : g_.classIds())
      for (const ENode &n : g_.rootNodes(c))
        for (ClassId k : n.kids) ++uses_[g_.find(k)];
    for (const ir::SkeletonUse &u : lf.uses) uses_[g_.find(u.cls)] += 2; // a use outside any tree
  }

  /// The one e-node of class `c`, or null when it has several (a folded
  /// constant, a class hash-consing merged).
  const ENode *single(ClassId c) const {
    auto nodes = g_.nodes(c);
    return nodes.size() == 1 ? &nodes.front() : nullptr;
  }

  Family familyOf(const ENode &n) const {
    if (n.op == L_.Add || n.op == L_.Sub) return Family::Add;
    if (n.op == L_.Mul) return Family::Mul;
    if (n.op == L_.Xor) return Family::Xor;
    if (n.op == L_.And) return Family::And;
    if (n.op == L_.Or) return Family::Or;
    return Family::None;
  }

  /// The width of a scalar integer type of at most 64 bits, else 0.
  unsigned scalarWidth(uint32_t type) const {
    Type *t = tables_.types[type];
    return t->isIntegerTy() && t->getIntegerBitWidth() <= 64 ? t->getIntegerBitWidth() : 0;
  }

  const std::optional<APInt> *constantOf(ClassId c) const {
    if (!constants_) return nullptr;
    const auto &v = constants_->valueOf(g_.find(c));
    return v ? &v : nullptr;
  }

  Tree collect(ClassId root, const ENode &rootNode) {
    Tree t;
    t.family = familyOf(rootNode);
    t.type = rootNode.type;
    t.width = scalarWidth(t.type);
    unsigned w = t.width;
    switch (t.family) {
    case Family::Add:
    case Family::Xor:
    case Family::Or: t.constant = APInt(w, 0); break;
    case Family::Mul: t.constant = APInt(w, 1); break;
    case Family::And: t.constant = APInt::getAllOnes(w); break;
    case Family::None: break;
    }
    // Depth first, left operand first, so terms keep their source order.
    // Each entry: a class, and (add) the coefficient it is multiplied by.
    std::vector<std::pair<ClassId, APInt>> stack;
    auto expand = [&](const ENode &n, const APInt &k) {
      ++t.operations;
      bool negateRight = n.op == L_.Sub;
      stack.push_back({g_.find(n.kids[1]), negateRight ? -k : k});
      stack.push_back({g_.find(n.kids[0]), k});
    };
    expand(rootNode, APInt(w, 1));
    while (!stack.empty()) {
      auto [c, k] = stack.back();
      stack.pop_back();
      const ENode *n = single(c);
      if (auto *v = constantOf(c)) {
        foldConstant(t, **v, k);
      } else if (n && c < uses_.size() && uses_[c] == 1 && familyOf(*n) == t.family &&
                 n->type == t.type) {
        inner_.insert(c);
        expand(*n, k);
      } else {
        // Coefficients wrap at the type's width; counts are plain numbers.
        unsigned bits = t.family == Family::Add ? w : 64;
        auto [it, fresh] = t.terms.insert({c, APInt(bits, 0)});
        addTerm(t.family, it->second, k);
      }
    }
    return t;
  }

  static void foldConstant(Tree &t, const APInt &v, const APInt &k) {
    switch (t.family) {
    case Family::Add: t.constant += v * k; break;
    case Family::Mul: t.constant *= v; break;
    case Family::Xor: t.constant ^= v; break;
    case Family::And: t.constant &= v; break;
    case Family::Or: t.constant |= v; break;
    case Family::None: break;
    }
  }

  static void addTerm(Family f, APInt &count, const APInt &k) {
    if (f == Family::Add)
      count += k;
    else
      count += 1; // exponent, or occurrences (xor: parity; and/or: presence)
  }

  ClassId constant(const Tree &t, const APInt &v) {
    ENode c;
    c.op = L_.IConst;
    c.type = t.type;
    c.payload = static_cast<uint64_t>(v.getSExtValue());
    return g_.add(c);
  }

  ClassId binary(const Tree &t, eg::Op op, ClassId a, ClassId b, size_t &ops) {
    ENode n(op, {a, b});
    n.type = t.type;
    ++ops;
    return g_.add(n);
  }

  /// The highest bit set in any term's exponent (a mul tree).
  static unsigned topExponentBit(const Tree &t) {
    unsigned top = 0;
    for (const auto &[c, e] : t.terms) top = std::max(top, e.getActiveBits() - 1);
    return top;
  }

  /// The normal form's class and its number of operations; kNoClass when
  /// it is not worth building (it would not be smaller).
  std::pair<ClassId, size_t> build(const Tree &t) {
    size_t ops = 0;
    // Count first, on a dry run of the shape, so nothing is added for a
    // tree that is already as small as its normal form.
    size_t expected = expectedOperations(t);
    if (expected >= t.operations) return {eg::kNoClass, expected};
    ClassId acc = eg::kNoClass;
    auto chain = [&](eg::Op op, ClassId term) {
      acc = acc == eg::kNoClass ? term : binary(t, op, acc, term, ops);
    };
    switch (t.family) {
    case Family::Add: {
      std::vector<ClassId> negative;
      for (const auto &[c, k] : t.terms) {
        if (k.isZero()) continue;
        bool neg = k.isNegative();
        APInt magnitude = neg ? -k : k;
        ClassId term = magnitude.isOne() ? c : binary(t, L_.Mul, c, constant(t, magnitude), ops);
        if (neg)
          negative.push_back(term);
        else
          chain(L_.Add, term);
      }
      bool constantUsed = false;
      if (acc == eg::kNoClass && !negative.empty()) {
        acc = constant(t, t.constant);
        constantUsed = true;
      }
      for (ClassId term : negative) acc = binary(t, L_.Sub, acc, term, ops);
      if (!constantUsed && !t.constant.isZero()) chain(L_.Add, constant(t, t.constant));
      if (acc == eg::kNoClass) acc = constant(t, t.constant);
      break;
    }
    case Family::Mul: {
      if (t.constant.isZero()) return {constant(t, t.constant), 0};
      // All powers share one chain of squarings (Shamir's trick): from the
      // highest exponent bit down, square what there is, then multiply in
      // the terms whose exponent has the bit.
      for (unsigned bit = topExponentBit(t) + 1; bit-- > 0;) {
        if (acc != eg::kNoClass) acc = binary(t, L_.Mul, acc, acc, ops);
        for (const auto &[c, e] : t.terms)
          if (e[bit]) chain(L_.Mul, c);
      }
      if (!t.constant.isOne() || acc == eg::kNoClass) chain(L_.Mul, constant(t, t.constant));
      break;
    }
    case Family::Xor:
      for (const auto &[c, n] : t.terms)
        if (n[0]) chain(L_.Xor, c);
      if (!t.constant.isZero() || acc == eg::kNoClass) chain(L_.Xor, constant(t, t.constant));
      break;
    case Family::And:
      if (t.constant.isZero()) return {constant(t, t.constant), 0};
      for (const auto &[c, n] : t.terms) chain(L_.And, c);
      if (!t.constant.isAllOnes() || acc == eg::kNoClass) chain(L_.And, constant(t, t.constant));
      break;
    case Family::Or:
      if (t.constant.isAllOnes()) return {constant(t, t.constant), 0};
      for (const auto &[c, n] : t.terms) chain(L_.Or, c);
      if (!t.constant.isZero() || acc == eg::kNoClass) chain(L_.Or, constant(t, t.constant));
      break;
    case Family::None: return {eg::kNoClass, 0};
    }
    return {acc, ops};
  }

  /// The operations build() would create for `t` (a constant alone is 0).
  static size_t expectedOperations(const Tree &t) {
    size_t terms = 0, extra = 0;
    bool constant = false;
    switch (t.family) {
    case Family::Add: {
      size_t positive = 0;
      for (const auto &[c, k] : t.terms)
        if (!k.isZero()) {
          ++terms;
          positive += !k.isNegative();
          APInt magnitude = k.isNegative() ? -k : k;
          extra += !magnitude.isOne();
        }
      constant = !t.constant.isZero();
      // Only subtracted terms: they are subtracted from the constant, or
      // from 0, which costs one operation more.
      if (terms && !positive && !constant) ++extra;
      break;
    }
    case Family::Mul:
      if (t.constant.isZero()) return 0;
      // Squarings, then one multiply per exponent bit set beyond the first
      // use of each term.
      for (const auto &[c, e] : t.terms) {
        ++terms;
        extra += e.popcount() - 1;
      }
      if (terms) extra += topExponentBit(t);
      constant = !t.constant.isOne();
      break;
    case Family::Xor:
      for (const auto &[c, n] : t.terms) terms += n[0];
      constant = !t.constant.isZero();
      break;
    case Family::And:
      if (t.constant.isZero()) return 0;
      terms = t.terms.size();
      constant = !t.constant.isAllOnes();
      break;
    case Family::Or:
      if (t.constant.isAllOnes()) return 0;
      terms = t.terms.size();
      constant = !t.constant.isZero();
      break;
    case Family::None: return 0;
    }
    size_t operands = terms + (constant ? 1 : 0);
    return extra + (operands ? operands - 1 : 0);
  }

  eg::EGraph &g_;
  const ir::IRTables &tables_;
  const ir::IRLanguage &L_;
  const IntConstantFold *constants_;
  std::vector<uint32_t> uses_;
  /// Classes found inside a tree (collect() marks them), so they are not
  /// taken as roots of trees of their own.
  DenseSet<ClassId> inner_;
};

} // namespace

void reassociate(ir::LiftedFunction &lf, eg::Statistics &stats) { Reassociator(lf).run(stats); }

} // namespace egopt::passes
