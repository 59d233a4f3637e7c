//===- EGraphTest.cpp - Hash-consing, congruence, invariants, analyses ----===//
#include "MathLanguage.h"

#include "egopt/egraph/RecExpr.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

/// The set of symbols a class's terms mention, as a bitmask (join = OR).
class SymbolSet final : public LatticeAnalysis<SymbolSet, uint64_t> {
public:
  explicit SymbolSet(const MathLanguage &lang) : lang_(lang) {}
  std::string_view name() const override { return "syms"; }
  uint64_t make(const EGraph &g, const ENode &n) const {
    if (n.op == lang_.Sym) return uint64_t(1) << (n.payload % 64);
    uint64_t m = 0;
    for (ClassId k : n.kids) m |= data(g.find(k));
    return m;
  }
  MergeResult join(uint64_t &to, const uint64_t &from) const {
    uint64_t j = to | from;
    MergeResult r{j != to, j != from};
    to = j;
    return r;
  }
  std::string describe(ClassId id) const override { return std::to_string(data(id)); }

private:
  const MathLanguage &lang_;
};

class EGraphTest : public ::testing::Test {
protected:
  ClassId term(EGraph &g, const char *text) {
    auto e = RecExpr::parse(lang, text);
    if (!e) {
      ADD_FAILURE() << text << ": " << llvm::toString(e.takeError());
      return kNoClass;
    }
    return g.addExpr(*e);
  }
  ClassId lookupTerm(const EGraph &g, const char *text) {
    auto e = RecExpr::parse(lang, text);
    if (!e) {
      ADD_FAILURE() << text << ": " << llvm::toString(e.takeError());
      return kNoClass;
    }
    return g.lookupExpr(*e);
  }
  uint64_t symBit(const char *name) { return uint64_t(1) << (lang.sym(name).payload % 64); }

  /// Checks I1-I4 on a clean e-graph. `pruned`: an analysis may have dropped
  /// e-nodes from classes (so the memo may hold more than the classes list).
  void checkInvariants(const EGraph &g, bool pruned) {
    ASSERT_TRUE(g.isClean());
    auto ids = g.classIds();
    EXPECT_EQ(ids.size(), g.numClasses());
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
    // classIds() is exactly the set of roots.
    std::set<ClassId> idSet(ids.begin(), ids.end());
    for (ClassId i = 0; i < g.numIds(); ++i)
      EXPECT_EQ(g.find(i) == i, idSet.count(i) == 1) << "id " << i;

    std::map<ENode, ClassId> owner; // congruence: a canonical e-node lives in one class
    size_t totalNodes = 0;
    for (ClassId c : ids) {
      auto nodes = g.nodes(c);
      EXPECT_FALSE(nodes.empty()) << "class " << c;
      EXPECT_TRUE(std::is_sorted(nodes.begin(), nodes.end())) << "class " << c;
      EXPECT_EQ(std::adjacent_find(nodes.begin(), nodes.end()), nodes.end()) << "class " << c;
      for (const ENode &n : nodes) {
        for (ClassId k : n.kids) EXPECT_EQ(g.find(k), k) << "child of class " << c;
        EXPECT_EQ(g.lookup(n), c) << g.printNode(n);
        auto [it, inserted] = owner.emplace(n, c);
        EXPECT_TRUE(inserted) << g.printNode(n) << " in classes " << it->second << " and " << c;
      }
      totalNodes += nodes.size();
    }
    if (pruned)
      EXPECT_LE(totalNodes, g.numNodes());
    else
      EXPECT_EQ(totalNodes, g.numNodes());

    for (Op op = 0; op < lang.numOps(); ++op) {
      std::vector<ClassId> expected;
      for (ClassId c : ids) {
        auto nodes = g.nodes(c);
        if (std::any_of(nodes.begin(), nodes.end(), [&](const ENode &n) { return n.op == op; }))
          expected.push_back(c);
      }
      auto got = g.classesWithOp(op);
      EXPECT_EQ(std::vector<ClassId>(got.begin(), got.end()), expected)
          << "op " << lang.op(op).name;
    }
  }

  /// Adds random terms over a few leaves, with random merges and rebuilds.
  /// `reverseMerges` performs each batch of merges in reverse order with the
  /// arguments swapped (the result must not change).
  void buildRandom(EGraph &g, unsigned seed, bool reverseMerges, size_t extraMerges = 0) {
    std::mt19937 rng(seed);
    std::vector<ClassId> pool;
    for (const char *s : {"x", "y", "z", "w"}) pool.push_back(g.add(lang.sym(s)));
    for (double v : {0.0, 1.0, 2.0}) pool.push_back(g.add(lang.num(v)));
    const Op binary[] = {lang.Add, lang.Sub, lang.Mul, lang.Div, lang.Pow};
    const Op unary[] = {lang.Ln, lang.Sqrt, lang.Sin, lang.Cos};
    auto pick = [&] {
      return pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)];
    };
    for (int round = 0; round < 4; ++round) {
      for (int i = 0; i < 60; ++i) {
        if (rng() % 3 == 0)
          pool.push_back(g.add(ENode(unary[rng() % 4], {pick()})));
        else
          pool.push_back(g.add(ENode(binary[rng() % 5], {pick(), pick()})));
      }
      std::vector<std::pair<ClassId, ClassId>> merges;
      size_t n = 6 + (round == 3 ? extraMerges : 0);
      for (size_t i = 0; i < n; ++i) merges.push_back({pick(), pick()});
      if (reverseMerges) {
        std::reverse(merges.begin(), merges.end());
        for (auto &[a, b] : merges) std::swap(a, b);
      }
      for (auto [a, b] : merges) g.merge(a, b);
      g.rebuild();
    }
  }

  MathLanguage lang;
};

TEST_F(EGraphTest, AddingTheSameTermTwiceIsHashConsed) {
  EGraph g(lang);
  ClassId t1 = term(g, "(+ x (sin (* x 2)))");
  size_t nodes = g.numNodes(), ids = g.numIds();
  EXPECT_EQ(nodes, 5u); // x, 2, (* x 2), (sin ..), (+ ..)
  ClassId t2 = term(g, "(+ x (sin (* x 2)))");
  EXPECT_EQ(t1, t2);
  EXPECT_EQ(g.numNodes(), nodes);
  EXPECT_EQ(g.numIds(), ids);
  // The same e-node added directly is found too.
  ClassId x = g.add(lang.sym("x"));
  EXPECT_EQ(g.numIds(), ids);
  EXPECT_EQ(g.lookup(lang.sym("x")), x);
  // A different term is not.
  ClassId t3 = term(g, "(+ x (sin (* 2 x)))");
  EXPECT_NE(t3, t1);
  EXPECT_EQ(g.numNodes(), nodes + 3); // (* 2 x), its sin, and the +
  EXPECT_EQ(lookupTerm(g, "(+ x (sin (* x 2)))"), t1);
  EXPECT_EQ(lookupTerm(g, "(+ y (sin (* x 2)))"), kNoClass);
  g.rebuild();
  EXPECT_EQ(g.numClasses(), g.numNodes());
}

TEST_F(EGraphTest, CongruenceAfterMerge) {
  EGraph g(lang);
  ClassId a = g.add(lang.sym("a"));
  ClassId b = g.add(lang.sym("b"));
  ClassId sa = g.add(ENode(lang.Sin, {a}));
  ClassId sb = g.add(ENode(lang.Sin, {b}));
  EXPECT_EQ(g.rebuild(), 0u);
  EXPECT_EQ(g.numNodes(), 4u);
  EXPECT_EQ(g.numClasses(), 4u);
  EXPECT_NE(g.find(sa), g.find(sb));

  EXPECT_TRUE(g.merge(a, b));
  EXPECT_FALSE(g.merge(b, a)); // already one class
  EXPECT_FALSE(g.isClean());
  EXPECT_EQ(g.find(a), g.find(b));
  EXPECT_EQ(g.find(b), std::min(a, b)); // the smallest id is the root

  EXPECT_EQ(g.rebuild(), 1u); // one congruence union: sin a = sin b
  EXPECT_TRUE(g.isClean());
  EXPECT_EQ(g.find(sa), g.find(sb));
  EXPECT_EQ(g.numNodes(), 3u);
  EXPECT_EQ(g.numClasses(), 2u);
  auto sinNodes = g.nodes(sa);
  ASSERT_EQ(sinNodes.size(), 1u);
  EXPECT_EQ(sinNodes[0], ENode(lang.Sin, {g.find(a)}));
  EXPECT_EQ(g.lookup(ENode(lang.Sin, {b})), g.find(sa));
  EXPECT_EQ(g.nodes(a).size(), 2u); // sym a and sym b
  EXPECT_EQ(g.counters().congruenceUnions, 1u);
  checkInvariants(g, false);
}

TEST_F(EGraphTest, CongruencePropagatesThroughChains) {
  EGraph g(lang);
  ClassId t1 = term(g, "(* (sin (cos a)) a)");
  ClassId t2 = term(g, "(* (sin (cos b)) b)");
  ClassId u1 = term(g, "(ln (sin (cos a)))");
  ClassId other = term(g, "(sin (cos c))");
  g.rebuild();
  EXPECT_EQ(g.numNodes(), 12u);
  EXPECT_NE(g.find(t1), g.find(t2));

  g.merge(lookupTerm(g, "a"), lookupTerm(g, "b"));
  // cos a = cos b, then sin .. = sin .., then (* ..) = (* ..).
  EXPECT_EQ(g.rebuild(), 3u);
  EXPECT_EQ(g.find(t1), g.find(t2));
  EXPECT_EQ(lookupTerm(g, "(sin (cos a))"), lookupTerm(g, "(sin (cos b))"));
  EXPECT_EQ(lookupTerm(g, "(cos a)"), lookupTerm(g, "(cos b)"));
  EXPECT_EQ(lookupTerm(g, "(ln (sin (cos b)))"), g.find(u1)); // found through congruence
  EXPECT_NE(g.find(other), g.find(lookupTerm(g, "(sin (cos a))")));
  EXPECT_EQ(g.numNodes(), 9u);
  EXPECT_EQ(g.numClasses(), 8u); // {a,b}, cos, sin, *, ln, c, cos c, sin cos c
  checkInvariants(g, false);
}

TEST_F(EGraphTest, CongruenceAcrossTwoArgumentsAndCycles) {
  EGraph g(lang);
  ClassId x = term(g, "x"), y = term(g, "y");
  ClassId p = term(g, "(+ x y)"), q = term(g, "(+ y x)");
  ClassId f = term(g, "(sin (+ x y))");
  g.rebuild();
  EXPECT_NE(g.find(p), g.find(q));
  g.merge(x, y);
  g.rebuild();
  EXPECT_EQ(g.find(p), g.find(q));
  // x = sin(x + y): a cycle through the class itself.
  g.merge(x, f);
  g.rebuild();
  EXPECT_EQ(g.find(f), g.find(x));
  EXPECT_EQ(g.lookup(ENode(lang.Sin, {p})), g.find(x));
  EXPECT_EQ(g.numClasses(), 2u);
  checkInvariants(g, false);
}

TEST_F(EGraphTest, InvariantsAfterRandomMergesAndRebuilds) {
  for (unsigned seed : {1u, 2u, 3u}) {
    SCOPED_TRACE(seed);
    EGraph g(lang);
    buildRandom(g, seed, false);
    checkInvariants(g, false);
    EXPECT_LT(g.numClasses(), g.numIds()); // the merges did something
  }
}

TEST_F(EGraphTest, InvariantsWithConstantFolding) {
  for (unsigned seed : {4u, 5u}) {
    SCOPED_TRACE(seed);
    auto g = makeMathEGraph(lang);
    buildRandom(*g, seed, false);
    checkInvariants(*g, true);
    // I5 for ConstantFold: a class holding a number has that number as its data
    // (the first number, as ConstantFold keeps the first known value).
    const auto *cf = g->findAnalysis<ConstantFold>();
    ASSERT_NE(cf, nullptr);
    for (ClassId c : g->classIds()) {
      bool hasNum = false;
      for (const ENode &n : g->nodes(c)) hasNum |= n.op == lang.Num;
      if (hasNum) {
        EXPECT_TRUE(cf->data(c).has_value()) << "class " << c;
      }
      // Folded classes are pruned to their leaves.
      if (cf->data(c) && std::isfinite(*cf->data(c))) {
        for (const ENode &n : g->nodes(c)) EXPECT_TRUE(n.isLeaf()) << g->printNode(n);
      }
    }
  }
}

TEST_F(EGraphTest, CanonicalDumpIsReproducible) {
  EGraph g1(lang), g2(lang), g3(lang);
  buildRandom(g1, 11, false);
  buildRandom(g2, 11, false);
  buildRandom(g3, 11, false, /*extraMerges=*/3);
  EXPECT_EQ(g1.canonicalDump(), g2.canonicalDump());
  EXPECT_NE(g1.canonicalDump(), g3.canonicalDump());
  EXPECT_NE(g1.canonicalDump().find("classes=" + std::to_string(g1.numClasses())),
            std::string::npos);
}

TEST_F(EGraphTest, MergeOrderDoesNotChangeTheEGraph) {
  // The same merges in reverse order (arguments swapped) give the same
  // partition, roots and e-node lists.
  for (unsigned seed : {21u, 22u}) {
    SCOPED_TRACE(seed);
    EGraph g1(lang), g2(lang);
    buildRandom(g1, seed, false);
    buildRandom(g2, seed, true);
    ASSERT_EQ(g1.numIds(), g2.numIds());
    for (ClassId i = 0; i < g1.numIds(); ++i) ASSERT_EQ(g1.find(i), g2.find(i)) << "id " << i;
    EXPECT_EQ(g1.canonicalDump(), g2.canonicalDump());
  }
}

TEST_F(EGraphTest, ConstantFoldAddsTheValueAndPrunes) {
  auto g = makeMathEGraph(lang);
  const auto *cf = g->findAnalysis<ConstantFold>();
  ASSERT_NE(cf, nullptr);
  ClassId c = term(*g, "(+ 1 2)");
  g->rebuild();
  c = g->find(c);
  ASSERT_TRUE(cf->data(c).has_value());
  EXPECT_EQ(*cf->data(c), 3.0);
  EXPECT_EQ(g->lookup(lang.num(3)), c);
  auto nodes = g->nodes(c);
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0], lang.num(3));
  for (const ENode &n : nodes) EXPECT_TRUE(n.isLeaf());
  // The memo still knows the folded term.
  EXPECT_EQ(lookupTerm(*g, "(+ 1 2)"), c);
  // The operands are untouched.
  EXPECT_EQ(*cf->data(g->lookup(lang.num(1))), 1.0);
  EXPECT_NE(g->lookup(lang.num(1)), c);
  // Nested folding: (* (+ 1 2) (- 5 1)) = 12.
  ClassId d = term(*g, "(* (+ 1 2) (- 5 1))");
  g->rebuild();
  d = g->find(d);
  ASSERT_TRUE(cf->data(d).has_value());
  EXPECT_EQ(*cf->data(d), 12.0);
  EXPECT_EQ(g->lookup(lang.num(12)), d);
  // Not foldable: a symbol, and what depends on it.
  ClassId e = term(*g, "(+ x 1)");
  g->rebuild();
  EXPECT_FALSE(cf->data(g->find(e)).has_value());
  EXPECT_EQ(g->nodes(e).size(), 1u);
  checkInvariants(*g, true);
}

TEST_F(EGraphTest, MergeWithConstantPropagatesToParents) {
  // Both orders: x created before the constant (x's id wins) and after it
  // (the constant's id wins).
  for (bool constantFirst : {false, true}) {
    SCOPED_TRACE(constantFirst);
    MathLanguage l;
    auto g = makeMathEGraph(l);
    const auto *cf = g->findAnalysis<ConstantFold>();
    ClassId two = kNoClass;
    if (constantFirst) two = g->add(l.num(2));
    ClassId x = g->add(l.sym("x"));
    ClassId one = g->add(l.num(1));
    ClassId plus = g->add(ENode(l.Add, {x, one}));
    ClassId times = g->add(ENode(l.Mul, {plus, g->add(l.num(4))}));
    ClassId s = g->add(ENode(l.Sin, {plus}));
    if (!constantFirst) two = g->add(l.num(2));
    g->rebuild();
    EXPECT_FALSE(cf->data(g->find(plus)).has_value());
    EXPECT_FALSE(cf->data(g->find(times)).has_value());

    EXPECT_TRUE(g->merge(x, two));
    g->rebuild();
    ASSERT_TRUE(cf->data(g->find(x)).has_value());
    EXPECT_EQ(*cf->data(g->find(x)), 2.0);
    ASSERT_TRUE(cf->data(g->find(plus)).has_value());
    EXPECT_EQ(*cf->data(g->find(plus)), 3.0);
    EXPECT_EQ(g->find(plus), g->lookup(l.num(3)));
    ASSERT_TRUE(cf->data(g->find(times)).has_value());
    EXPECT_EQ(*cf->data(g->find(times)), 12.0);
    EXPECT_EQ(g->find(times), g->lookup(l.num(12)));
    // sin is not folded, but its child is now the constant class.
    EXPECT_FALSE(cf->data(g->find(s)).has_value());
    auto sNodes = g->nodes(s);
    ASSERT_EQ(sNodes.size(), 1u);
    EXPECT_EQ(sNodes[0], ENode(l.Sin, {g->lookup(l.num(3))}));
    // Pruned: x's class keeps only leaves (x and 2), (+ x 1)'s only 3.
    for (const ENode &n : g->nodes(plus)) EXPECT_TRUE(n.isLeaf());
    EXPECT_EQ(g->nodes(x).size(), 2u);
  }
}

TEST_F(EGraphTest, CustomAnalysisIsIndependentOfMergeOrder) {
  // Terms, then merges given as pairs of terms.
  const char *terms[] = {"a",
                         "b",
                         "c",
                         "d",
                         "(sin a)",
                         "(cos b)",
                         "(+ c d)",
                         "(* (sin a) (cos b))",
                         "(+ (sin a) c)",
                         "(ln d)",
                         "(pow (+ c d) e)",
                         "(sqrt f)"};
  const std::pair<const char *, const char *> merges[] = {
      {"a", "(cos b)"}, {"(sin a)", "c"}, {"(sqrt f)", "(+ c d)"}, {"(ln d)", "d"}};

  auto build = [&](EGraph &g) {
    g.addAnalysis<SymbolSet>(lang);
    for (const char *t : terms) term(g, t);
    g.rebuild();
  };
  EGraph g1(lang), g2(lang);
  build(g1);
  build(g2);
  // g1: in order, rebuilding after each; g2: reversed, arguments swapped, one rebuild.
  for (auto [l, r] : merges) {
    g1.merge(lookupTerm(g1, l), lookupTerm(g1, r));
    g1.rebuild();
  }
  for (size_t i = std::size(merges); i-- > 0;)
    g2.merge(lookupTerm(g2, merges[i].second), lookupTerm(g2, merges[i].first));
  g2.rebuild();

  const auto *s1 = g1.findAnalysis<SymbolSet>();
  const auto *s2 = g2.findAnalysis<SymbolSet>();
  ASSERT_TRUE(s1 && s2);
  auto ids1 = g1.classIds(), ids2 = g2.classIds();
  ASSERT_EQ(std::vector<ClassId>(ids1.begin(), ids1.end()),
            std::vector<ClassId>(ids2.begin(), ids2.end()));
  for (ClassId c : ids1) EXPECT_EQ(s1->data(c), s2->data(c)) << "class " << c;
  EXPECT_EQ(g1.canonicalDump(), g2.canonicalDump());

  // The facts are the expected ones (they changed through propagation).
  uint64_t A = symBit("a"), B = symBit("b"), C = symBit("c"), D = symBit("d"), E = symBit("e"),
           F = symBit("f");
  for (EGraph *g : {&g1, &g2}) {
    const auto *s = g->findAnalysis<SymbolSet>();
    EXPECT_EQ(s->data(lookupTerm(*g, "a")), A | B);
    // sin a = c, so c's class mentions a, b (through a = cos b) and c.
    EXPECT_EQ(s->data(lookupTerm(*g, "c")), A | B | C);
    EXPECT_EQ(s->data(lookupTerm(*g, "(+ c d)")), A | B | C | D | F);
    EXPECT_EQ(s->data(lookupTerm(*g, "(pow (+ c d) e)")), A | B | C | D | E | F);
    EXPECT_EQ(s->data(lookupTerm(*g, "(ln d)")), D);
    // I5: every fact is the join of its e-nodes' make().
    for (ClassId c : g->classIds()) {
      uint64_t joined = 0;
      for (const ENode &n : g->nodes(c)) joined |= s->make(*g, n);
      EXPECT_EQ(s->data(c), joined) << "class " << c;
    }
  }
}

} // namespace

namespace {

/// An analysis whose lattice has no useful height: a class's fact is one
/// more than its children's largest. On a cycle (x = (sin x)) each lap of
/// propagation raises it again, as a range narrowed by one per lap would.
class Depth final : public LatticeAnalysis<Depth, uint64_t> {
public:
  std::string_view name() const override { return "depth"; }
  uint64_t make(const EGraph &g, const ENode &n) const {
    uint64_t d = 0;
    for (ClassId k : n.kids) d = std::max(d, data(g.find(k)) + 1);
    return d;
  }
  MergeResult join(uint64_t &to, const uint64_t &from) const {
    uint64_t j = std::max(to, from);
    MergeResult r{j != to, j != from};
    to = j;
    return r;
  }
};

TEST_F(EGraphTest, PropagationTerminatesOnAnUnboundedLattice) {
  EGraph g(lang);
  g.addAnalysis<Depth>();
  ClassId x = term(g, "x");
  ClassId sinX = term(g, "(sin x)");
  term(g, "(cos (sin x))");
  g.rebuild();
  g.merge(x, sinX); // x = sin x: the cycle
  g.rebuild();      // returns: each class's fact changes at most the limit
  EXPECT_TRUE(g.isClean());
  EXPECT_GT(g.counters().factChangeLimitHits, 0u);
  const auto *d = g.findAnalysis<Depth>();
  // Propagation stopped at the limit: x's fact climbed kMaxFactChanges
  // times past its merge value (1), and no further.
  EXPECT_EQ(d->data(g.find(x)), 1 + EGraph::kMaxFactChanges);
  EXPECT_FALSE(g.hasConflict());
}

} // namespace
