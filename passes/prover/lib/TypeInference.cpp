#include "TypeInference.h"

#include "OpSemantics.h"
#include "PredicateSemantics.h"
#include "egopt/lift/IRLanguage.h"

#include <numeric>
#include <optional>
#include <set>

namespace egopt::prover {
namespace {

/// What is known of one class of equal types.
struct ClassFacts {
  uint8_t kinds = KAny;
  std::optional<unsigned> bits;
};

/// bits(narrow) < bits(wide), both integers.
struct Narrower {
  size_t narrow, wide;
};

/// Type unification over slots: the LHS nodes, then the RHS nodes, then the
/// variables. A conflict is recorded as the first error.
class Constraints {
public:
  explicit Constraints(size_t n) : parent_(n), facts_(n) {
    std::iota(parent_.begin(), parent_.end(), size_t(0));
  }

  size_t find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  const ClassFacts &facts(size_t x) { return facts_[find(x)]; }

  void unite(size_t a, size_t b, const std::string &where) {
    a = find(a), b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    restrict(a, facts_[b].kinds, where);
    if (facts_[b].bits) fixBits(a, *facts_[b].bits, where);
  }
  void restrict(size_t x, uint8_t kinds, const std::string &where) {
    ClassFacts &f = facts_[find(x)];
    f.kinds &= kinds;
    if (f.kinds == 0) fail(where + ": a value would be both integer and floating point");
  }
  void fixBits(size_t x, unsigned bits, const std::string &where) {
    ClassFacts &f = facts_[find(x)];
    if (f.bits && *f.bits != bits)
      fail(where + ": a value would be both i" + std::to_string(*f.bits) + " and i" +
           std::to_string(bits));
    f.bits = bits;
  }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  const std::string &error() const { return error_; }

  std::vector<Narrower> narrower;

private:
  std::vector<size_t> parent_;
  std::vector<ClassFacts> facts_;
  std::string error_;
};

struct Slots {
  size_t lhs, rhs, vars;
  size_t rhsNode(size_t i) const { return lhs + i; }
  size_t var(size_t v) const { return lhs + rhs + v; }
  size_t total() const { return lhs + rhs + vars; }
};

void constrainPattern(const eg::Pattern &p, size_t base, const Slots &slots, Constraints &c) {
  const auto &lang = ir::IRLanguage::get();
  for (size_t i = 0; i < p.nodes().size(); ++i) {
    const eg::PatternNode &pn = p.nodes()[i];
    size_t self = base + i;
    if (pn.isVar) {
      c.unite(self, slots.var(pn.var), "variable");
      continue;
    }
    const std::string &name = lang.op(pn.node.op).name;
    if (pn.node.op == lang.IConst) {
      c.restrict(self, KInt, "literal");
      continue;
    }
    const OpSpec *spec = findOpSpec(name);
    if (!spec) {
      c.fail("no semantics for operator '" + name + "'");
      return;
    }
    auto kid = [&](size_t k) { return base + pn.node.kids[k]; };
    switch (spec->typing) {
    case Typing::Uniform:
      c.restrict(self, spec->kinds, name);
      for (size_t k = 0; k < pn.node.kids.size(); ++k) c.unite(self, kid(k), name);
      break;
    case Typing::Compare:
      c.restrict(self, KInt, name);
      c.fixBits(self, 1, name);
      c.restrict(kid(0), spec->kinds, name);
      c.unite(kid(0), kid(1), name);
      break;
    case Typing::Select:
      c.restrict(kid(0), KInt, name);
      c.fixBits(kid(0), 1, name);
      c.unite(self, kid(1), name);
      c.unite(self, kid(2), name);
      break;
    case Typing::Widen:
    case Typing::Narrow:
      c.restrict(self, KInt, name);
      c.restrict(kid(0), KInt, name);
      if (spec->typing == Typing::Widen)
        c.narrower.push_back({kid(0), self});
      else
        c.narrower.push_back({self, kid(0)});
      break;
    case Typing::PtrAdd:
      c.restrict(self, KPtr, name);
      c.unite(self, kid(0), name);
      c.restrict(kid(1), KInt, name);
      c.fixBits(kid(1), 64, name);
      break;
    }
  }
}

bool literalFits(uint64_t payload, unsigned bits) {
  if (bits >= 64) return true;
  int64_t low = static_cast<int64_t>(payload << (64 - bits)) >> (64 - bits);
  return static_cast<uint64_t>(low) == payload;
}

/// Enumerates the product of the classes' domains.
class Enumerator {
public:
  Enumerator(const eg::Rule &rule, const Slots &slots, Constraints &c,
             std::span<const unsigned> widths)
      : rule_(rule), slots_(slots), c_(c), widths_(widths) {
    // The root's class first, then the variables', then the rest.
    addClass(c.find(rule.lhs().root()));
    for (size_t v = 0; v < slots.vars; ++v) addClass(c.find(slots.var(v)));
    for (size_t s = 0; s < slots.total(); ++s) addClass(c.find(s));
    chosen_.resize(classes_.size());
  }

  TypeEnumeration run() {
    visit(0);
    for (unsigned w : widths_)
      if (hasIntegerClass_ && !widthsSeen_.count(w))
        out_.skipped.push_back({IRType::integer(w).str(), "no type assignment at this width"});
    return std::move(out_);
  }

private:
  void addClass(size_t root) {
    if (classIndex_.count(root)) return;
    classIndex_[root] = classes_.size();
    classes_.push_back(root);
    domains_.push_back(domain(c_.facts(root)));
  }

  std::vector<IRType> domain(const ClassFacts &f) {
    std::vector<IRType> d;
    if (f.kinds & KInt) {
      hasIntegerClass_ = true;
      if (f.bits)
        d.push_back(IRType::integer(*f.bits));
      else
        for (unsigned w : widths_) d.push_back(IRType::integer(w));
    } else if (f.kinds & KFloat) {
      for (unsigned b : {16u, 32u, 64u}) d.push_back(IRType::floating(b));
    } else {
      d.push_back(IRType::pointer());
    }
    return d;
  }

  IRType typeOf(size_t slot) { return chosen_[classIndex_.at(c_.find(slot))]; }

  void visit(size_t i) {
    if (i < classes_.size()) {
      for (const IRType &t : domains_[i]) {
        chosen_[i] = t;
        visit(i + 1);
      }
      return;
    }
    for (const Narrower &n : c_.narrower)
      if (typeOf(n.narrow).bits >= typeOf(n.wide).bits) return;
    emit();
  }

  void emit() {
    TypeAssignment a;
    for (size_t i = 0; i < slots_.lhs; ++i) a.lhs.push_back(typeOf(i));
    for (size_t i = 0; i < slots_.rhs; ++i) a.rhs.push_back(typeOf(slots_.rhsNode(i)));
    for (size_t v = 0; v < slots_.vars; ++v) a.vars.push_back(typeOf(slots_.var(v)));
    a.label = label(a);
    for (const IRType &t : chosen_)
      if (t.kind == IRType::Int) widthsSeen_.insert(t.bits);
    const auto &lang = ir::IRLanguage::get();
    for (size_t i = 0; i < slots_.lhs; ++i) {
      const eg::PatternNode &pn = rule_.lhs().nodes()[i];
      if (!pn.isVar && pn.node.op == lang.IConst && !literalFits(pn.node.payload, a.lhs[i].bits)) {
        // The e-graph stores i1 true as -1 and i8 255 as -1: a literal that is
        // not the sign extension of its low bits never matches at this width.
        out_.skipped.push_back(
            {a.label, "literal " + lang.printAtom(pn.node) + " cannot match at " + a.lhs[i].str()});
        return;
      }
    }
    out_.assignments.push_back(std::move(a));
  }

  std::string label(const TypeAssignment &a) {
    size_t rootClass = c_.find(rule_.lhs().root());
    std::string s = a.lhs.back().str();
    std::set<size_t> shown = {rootClass};
    for (size_t v = 0; v < slots_.vars; ++v) {
      size_t cls = c_.find(slots_.var(v));
      if (!shown.insert(cls).second) continue;
      s += " " + rule_.vars().names[v] + ":" + a.vars[v].str();
    }
    // Inner types only where they vary (the width a zext goes through).
    for (size_t i = 0; i < classes_.size(); ++i)
      if (!shown.count(classes_[i]) && domains_[i].size() > 1) s += " inner:" + chosen_[i].str();
    return s;
  }

  const eg::Rule &rule_;
  const Slots &slots_;
  Constraints &c_;
  std::span<const unsigned> widths_;
  std::vector<size_t> classes_;
  std::map<size_t, size_t> classIndex_;
  std::vector<std::vector<IRType>> domains_;
  std::vector<IRType> chosen_;
  std::set<unsigned> widthsSeen_;
  bool hasIntegerClass_ = false;
  TypeEnumeration out_;
};

} // namespace

llvm::Expected<TypeEnumeration> enumerateTypes(const eg::Rule &rule,
                                               std::span<const unsigned> widths) {
  Slots slots{rule.lhs().nodes().size(), rule.rhs().nodes().size(), rule.vars().names.size()};
  Constraints c(slots.total());
  constrainPattern(rule.lhs(), 0, slots, c);
  constrainPattern(rule.rhs(), slots.rhsNode(0), slots, c);
  c.unite(rule.lhs().root(), slots.rhsNode(rule.rhs().root()), "the two sides");
  for (const eg::Condition &cond : rule.conditions()) {
    const PredicateSpec *spec = findPredicateSpec(cond.pred->name);
    if (!spec) {
      c.fail("no semantics for predicate '" + cond.pred->name + "'");
      break;
    }
    for (size_t k = 0; k < cond.args.size(); ++k) {
      size_t slot = slots.var(cond.args[k]);
      c.restrict(slot, spec->kinds, cond.pred->name);
      if (spec->bits) c.fixBits(slot, *spec->bits, cond.pred->name);
      if (spec->sameType && k > 0) c.unite(slots.var(cond.args[0]), slot, cond.pred->name);
    }
  }
  if (!c.error().empty()) return llvm::createStringError(llvm::inconvertibleErrorCode(), c.error());
  return Enumerator(rule, slots, c, widths).run();
}

} // namespace egopt::prover
