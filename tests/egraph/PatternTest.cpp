//===- PatternTest.cpp - Pattern parsing, e-matching, compilation ---------===//
//
// Parse errors name line and column; the compiled e-matching machine agrees
// with a naive recursive matcher on randomized e-graphs; the compiled program
// has the documented shape; instantiate adds the right term.
//
//===----------------------------------------------------------------------===//
#include "MathLanguage.h"

#include "egopt/egraph/Pattern.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace egopt;
using namespace egopt::eg;
using namespace egopt::math;

namespace {

/// The error text of a failed parse ("" when it succeeded).
std::string parseError(const MathLanguage &lang, std::string_view text) {
  VarTable vars;
  auto p = Pattern::parse(lang, text, vars);
  if (p) return "";
  return llvm::toString(p.takeError());
}

TEST(PatternParse, ValidPatternsRoundTrip) {
  MathLanguage lang;
  for (const char *text : {"(+ ?a ?b)", "(* ?a (+ ?b ?c))", "(sin (cos ?x))", "(+ ?a 0)",
                           "(pow ?x -1)", "?a", "(+ 1 2)", "(d ?x (pow ?f ?g))"}) {
    VarTable vars;
    auto p = Pattern::parse(lang, text, vars);
    ASSERT_TRUE(bool(p)) << text << ": " << llvm::toString(p.takeError());
    EXPECT_EQ(p->print(lang, vars), text);
  }
}

TEST(PatternParse, VariablesAndGroundness) {
  MathLanguage lang;
  VarTable vars;
  auto p = Pattern::parse(lang, "(+ (* ?x ?y) (+ ?x (sin 1)))", vars);
  ASSERT_TRUE(bool(p)) << llvm::toString(p.takeError());
  ASSERT_EQ(vars.names.size(), 2u);
  EXPECT_EQ(vars.names[0], "?x");
  EXPECT_EQ(vars.names[1], "?y");
  EXPECT_EQ(p->vars(), (std::vector<VarIndex>{0, 1}));
  // Children before parents, root last.
  const auto &nodes = p->nodes();
  ASSERT_EQ(nodes.size(), 8u);
  EXPECT_FALSE(p->isGround(p->root()));
  EXPECT_EQ(p->rootNode().node.op, lang.Add);
  size_t groundCount = 0;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    for (ClassId k : nodes[i].node.kids) EXPECT_LT(k, i);
    if (p->isGround(i)) {
      ++groundCount;
      EXPECT_FALSE(nodes[i].isVar);
    }
  }
  EXPECT_EQ(groundCount, 2u); // 1 and (sin 1)
  // Interning is shared: a second pattern reuses ?y and adds ?z.
  auto q = Pattern::parse(lang, "(- ?y ?z)", vars);
  ASSERT_TRUE(bool(q));
  EXPECT_EQ(vars.names.size(), 3u);
  EXPECT_EQ(q->vars(), (std::vector<VarIndex>{1, 2}));
}

TEST(PatternParse, ErrorsCarryLineAndColumn) {
  MathLanguage lang;
  struct Case {
    const char *text;
    const char *where;
    const char *message;
  };
  const Case cases[] = {
      {"(+ ?a", "<string>:1:1:", "unclosed '('"},
      {"(foo ?a)", "<string>:1:2:", "unknown math operator 'foo'"},
      {"(+ ?a)", "<string>:1:1:", "'+' takes 2 operand(s), given 1"},
      {"(+ ? 1)", "<string>:1:4:", "'?' needs a variable name"},
      {")", "<string>:1:1:", "unexpected ')'"},
      {"(+ 1 2) (+ 3 4)", "<string>:1:9:", "expected one expression, found more"},
      {"(sin ?a ?b)", "<string>:1:1:", "'sin' takes 1 operand(s), given 2"},
      {"(+ ?a #)", "<string>:1:7:", "'#' is not a math atom"},
      {"()", "<string>:1:1:", "expected an operator name"},
      {"   ", "<string>:1:1:", "expected an expression, found none"},
  };
  for (const Case &c : cases) {
    std::string err = parseError(lang, c.text);
    ASSERT_FALSE(err.empty()) << "parsed without error: " << c.text;
    EXPECT_EQ(err.rfind(c.where, 0), 0u) << c.text << " -> " << err;
    EXPECT_NE(err.find(c.message), std::string::npos) << c.text << " -> " << err;
  }
}

TEST(PatternParse, MultiLineErrorPosition) {
  MathLanguage lang;
  // The unknown operator 'bar' is on line 3, column 8.
  std::string err = parseError(lang, "(+ ?a\n"
                                     "   (* ?b\n"
                                     "      (bar ?c)))");
  EXPECT_EQ(err.rfind("<string>:3:8:", 0), 0u) << err;
  EXPECT_NE(err.find("unknown math operator 'bar'"), std::string::npos) << err;

  // Arity errors point at the list's '(' (line 3, column 4), past a comment.
  err = parseError(lang, "; leading comment\n"
                         "(* ?x\n"
                         "   (pow ?y))");
  EXPECT_EQ(err.rfind("<string>:3:4:", 0), 0u) << err;
  EXPECT_NE(err.find("'pow' takes 2 operand(s), given 1"), std::string::npos) << err;

  // Unclosed list: the error names where the list opened (line 2, column 3).
  err = parseError(lang, "\n"
                         "  (+ ?a\n"
                         "     ?b");
  EXPECT_EQ(err.rfind("<string>:2:3:", 0), 0u) << err;
  EXPECT_NE(err.find("unclosed"), std::string::npos) << err;
}

//===----------------------------------------------------------------------===//
// E-matching vs. a naive matcher
//===----------------------------------------------------------------------===//

using Subst = std::vector<ClassId>;

/// Every substitution extending `in` under which pattern node `pi` matches
/// class `cls`. Straight from the definition: a variable binds (or must equal
/// its binding); an operator node matches any e-node of the class with the
/// same head whose children match the sub-patterns.
std::vector<Subst> naiveMatch(const EGraph &g, const Pattern &p, uint32_t pi, ClassId cls,
                              const Subst &in) {
  const PatternNode &pn = p.nodes()[pi];
  cls = g.find(cls);
  if (pn.isVar) {
    if (in[pn.var] == kNoClass) {
      Subst s = in;
      s[pn.var] = cls;
      return {s};
    }
    if (g.find(in[pn.var]) == cls) return {in};
    return {};
  }
  std::vector<Subst> out;
  for (const ENode &n : g.nodes(cls)) {
    if (!Pattern::headMatches(g.language(), pn, n)) continue;
    std::vector<Subst> cur{in};
    for (size_t k = 0; k < n.kids.size() && !cur.empty(); ++k) {
      std::vector<Subst> next;
      for (const Subst &s : cur) {
        auto more = naiveMatch(g, p, pn.node.kids[k], n.kids[k], s);
        next.insert(next.end(), more.begin(), more.end());
      }
      cur = std::move(next);
    }
    out.insert(out.end(), cur.begin(), cur.end());
  }
  return out;
}

/// All (root, subst...) rows of the naive matcher over every class, sorted.
std::vector<std::vector<ClassId>> naiveSearch(const EGraph &g, const Pattern &p, size_t numVars) {
  std::vector<std::vector<ClassId>> rows;
  for (ClassId c : g.classIds())
    for (const Subst &s : naiveMatch(g, p, p.root(), c, Subst(numVars, kNoClass))) {
      std::vector<ClassId> row{c};
      row.insert(row.end(), s.begin(), s.end());
      rows.push_back(std::move(row));
    }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<std::vector<ClassId>> engineSearch(const EGraph &g, const Pattern &p, size_t numVars) {
  Matches m = searchPattern(g, p, numVars);
  EXPECT_EQ(m.stride, 1 + numVars);
  EXPECT_EQ(m.data.size() % m.stride, 0u);
  std::vector<std::vector<ClassId>> rows;
  for (size_t i = 0; i < m.size(); ++i) {
    std::vector<ClassId> row{m.root(i)};
    auto s = m.subst(i);
    row.insert(row.end(), s.begin(), s.end());
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

/// Random math terms over a, b, c and 0, 1, 2; subterms are sometimes
/// existing classes, so terms share structure.
class RandomTerms {
public:
  RandomTerms(const MathLanguage &lang, EGraph &g, std::mt19937 &rng)
      : lang_(lang), g_(g), rng_(rng) {}

  ClassId leaf() {
    switch (rng_() % 6) {
    case 0: return g_.add(lang_.sym("a"));
    case 1: return g_.add(lang_.sym("b"));
    case 2: return g_.add(lang_.sym("c"));
    case 3: return g_.add(lang_.num(0));
    case 4: return g_.add(lang_.num(1));
    default: return g_.add(lang_.num(2));
    }
  }

  ClassId term(int depth) {
    ClassId id;
    if (depth == 0 || rng_() % 4 == 0) {
      if (!ids_.empty() && rng_() % 3 == 0) return ids_[rng_() % ids_.size()];
      id = leaf();
    } else {
      static const int weights[] = {4, 1, 4, 1, 2, 1, 1, 2, 2, 1, 1};
      const Op ops[] = {lang_.Add,  lang_.Sub, lang_.Mul, lang_.Div,  lang_.Pow,     lang_.Ln,
                        lang_.Sqrt, lang_.Sin, lang_.Cos, lang_.Diff, lang_.Integral};
      int total = 0;
      for (int w : weights) total += w;
      int pick = int(rng_() % unsigned(total));
      size_t k = 0;
      while (pick >= weights[k]) pick -= weights[k++];
      Op op = ops[k];
      ENode n;
      n.op = op;
      int arity = lang_.op(op).arity;
      for (int i = 0; i < arity; ++i) n.kids.push_back(term(depth - 1));
      id = g_.add(std::move(n));
    }
    ids_.push_back(id);
    return id;
  }

  void randomMerges(size_t count) {
    for (size_t i = 0; i < count; ++i)
      g_.merge(ids_[rng_() % ids_.size()], ids_[rng_() % ids_.size()]);
  }

  const std::vector<ClassId> &ids() const { return ids_; }

private:
  const MathLanguage &lang_;
  EGraph &g_;
  std::mt19937 &rng_;
  std::vector<ClassId> ids_;
};

TEST(EMatching, AgreesWithNaiveMatcherOnRandomEGraphs) {
  MathLanguage lang;
  const std::vector<const char *> patternTexts = {
      "(+ ?a ?b)",
      "(+ ?a ?a)",
      "(* ?a (+ ?b ?c))",
      "(+ (* ?x ?y) (* ?x ?z))",
      "(sin (cos ?x))",
      "(+ ?a 0)",
      "(pow ?x 2)",
      "?a",
      "(+ 1 2)",
      "(- ?a ?a)",
      "(+ ?a (+ ?b ?c))",
      "(* (pow ?a ?b) (pow ?a ?c))",
      "(d ?x (sin ?x))",
      "(i (+ ?f ?g) ?x)",
      "0",
      "(* ?a (sin ?a))",
      "(+ 1 ?a)",
      "(pow ?x (+ ?x 1))",
      "(* 2 (+ ?a ?a))",
      "(d ?x (pow ?x ?n))",
      "(+ (sin 0) ?a)",
      "(- ?a (* ?a ?b))",
  };
  std::vector<size_t> totals(patternTexts.size(), 0);
  for (unsigned seed = 1; seed <= 50; ++seed) {
    std::mt19937 rng(seed);
    auto g = std::make_unique<EGraph>(lang);
    RandomTerms gen(lang, *g, rng);
    size_t terms = 100 + rng() % 200;
    for (size_t t = 0; t < terms; ++t) gen.term(1 + int(rng() % 4));
    if (seed % 2) g->addExpr(*RecExpr::parse(lang, "(+ 1 2)"));
    gen.randomMerges(terms / 15);
    g->rebuild();
    // A second wave: terms over (now non-canonical) old ids, more merges.
    for (size_t t = 0; t < terms / 2; ++t) gen.term(1 + int(rng() % 3));
    gen.randomMerges(terms / 30);
    g->rebuild();
    ASSERT_TRUE(g->isClean());

    for (size_t pi = 0; pi < patternTexts.size(); ++pi) {
      VarTable vars;
      auto p = Pattern::parse(lang, patternTexts[pi], vars);
      ASSERT_TRUE(bool(p)) << llvm::toString(p.takeError());
      size_t nv = vars.names.size();
      auto expected = naiveSearch(*g, *p, nv);
      auto actual = engineSearch(*g, *p, nv);
      ASSERT_EQ(actual, expected) << "seed " << seed << ", pattern " << patternTexts[pi]
                                  << ": engine found " << actual.size() << ", naive "
                                  << expected.size();
      totals[pi] += expected.size();
    }
  }
  // The comparison must not be vacuous: every pattern matched somewhere.
  for (size_t pi = 0; pi < patternTexts.size(); ++pi)
    EXPECT_GT(totals[pi], 0u) << patternTexts[pi] << " never matched";
}

TEST(EMatching, MatchClassStopsEarly) {
  MathLanguage lang;
  EGraph g(lang);
  ClassId a = g.addExpr(*RecExpr::parse(lang, "(+ x y)"));
  g.merge(a, g.addExpr(*RecExpr::parse(lang, "(+ y z)")));
  g.merge(a, g.addExpr(*RecExpr::parse(lang, "(+ z x)")));
  g.rebuild();
  VarTable vars;
  auto p = Pattern::parse(lang, "(+ ?a ?b)", vars);
  ASSERT_TRUE(bool(p));
  MatchProgram prog(lang, *p, vars.names.size());
  auto ground = prog.groundClasses(g);
  ASSERT_TRUE(ground.has_value());
  size_t all = 0;
  EXPECT_TRUE(prog.matchClass(g, g.find(a), *ground, [&](std::span<const ClassId>) {
    ++all;
    return true;
  }));
  EXPECT_EQ(all, 3u);
  size_t seen = 0;
  EXPECT_FALSE(prog.matchClass(g, g.find(a), *ground, [&](std::span<const ClassId>) {
    ++seen;
    return false;
  }));
  EXPECT_EQ(seen, 1u);
}

TEST(EMatching, AbsentGroundTermMeansNoMatch) {
  MathLanguage lang;
  EGraph g(lang);
  g.addExpr(*RecExpr::parse(lang, "(+ x 1)"));
  g.rebuild();
  VarTable vars;
  auto p = Pattern::parse(lang, "(+ ?a 0)", vars);
  ASSERT_TRUE(bool(p));
  MatchProgram prog(lang, *p, vars.names.size());
  EXPECT_FALSE(prog.groundClasses(g).has_value());
  EXPECT_EQ(searchPattern(g, *p, vars.names.size()).size(), 0u);
  VarTable vars2;
  auto q = Pattern::parse(lang, "(+ ?a 1)", vars2);
  ASSERT_TRUE(bool(q));
  Matches m = searchPattern(g, *q, vars2.names.size());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m.root(0), g.lookupExpr(*RecExpr::parse(lang, "(+ x 1)")));
  EXPECT_EQ(m.subst(0)[0], g.lookupExpr(*RecExpr::parse(lang, "x")));
}

//===----------------------------------------------------------------------===//
// Compiled programs
//===----------------------------------------------------------------------===//

TEST(MatchProgram, PrintShowsBindCompareLookup) {
  MathLanguage lang;
  VarTable vars;
  // ?a repeats (a Compare) and 2 is a ground child (a Lookup).
  auto p = Pattern::parse(lang, "(+ ?a (* ?a 2))", vars);
  ASSERT_TRUE(bool(p));
  MatchProgram prog(lang, *p, vars.names.size());
  // The inner Bind knows its first child (?a, in r1) before it runs.
  EXPECT_EQ(prog.print(), "bind r0 + -> r1\n"
                          "bind r2 * -> r3 first=r1\n"
                          "compare r3 r1\n"
                          "lookup r4 g0\n"
                          "yield\n");
  const auto &ins = prog.instructions();
  ASSERT_EQ(ins.size(), 5u);
  EXPECT_EQ(ins[0].kind, MatchProgram::Instr::Bind);
  EXPECT_EQ(ins[1].kind, MatchProgram::Instr::Bind);
  EXPECT_EQ(ins[2].kind, MatchProgram::Instr::Compare);
  EXPECT_EQ(ins[3].kind, MatchProgram::Instr::Lookup);
  EXPECT_EQ(ins[4].kind, MatchProgram::Instr::Yield);
  EXPECT_EQ(ins[0].keyKind, MatchProgram::Instr::NoKey);
  EXPECT_EQ(ins[1].keyKind, MatchProgram::Instr::KeyReg);
  EXPECT_EQ(ins[1].key, 1u);
  EXPECT_EQ(ins[2].reg, 3u);
  EXPECT_EQ(ins[2].arg, 1u);
}

TEST(MatchProgram, FiltersComeRightAfterTheirBind) {
  MathLanguage lang;
  VarTable vars;
  // The root's ground child is checked before the deeper Bind of (sin ?x).
  auto p = Pattern::parse(lang, "(+ (sin ?x) 1)", vars);
  ASSERT_TRUE(bool(p));
  EXPECT_EQ(MatchProgram(lang, *p, vars.names.size()).print(), "bind r0 + -> r1\n"
                                                               "lookup r2 g0\n"
                                                               "bind r1 sin -> r3\n"
                                                               "yield\n");
  // Each Bind's filters follow it: the Compare of the second ?x and the
  // Lookup of (sin 1) come right after the Bind that loads r5 and r6.
  VarTable vars2;
  auto q = Pattern::parse(lang, "(+ (* ?x ?y) (+ ?x (sin 1)))", vars2);
  ASSERT_TRUE(bool(q));
  MatchProgram prog(lang, *q, vars2.names.size());
  EXPECT_EQ(prog.print(), "bind r0 + -> r1\n"
                          "bind r1 * -> r3\n"
                          "bind r2 + -> r5 first=r3\n"
                          "compare r5 r3\n"
                          "lookup r6 g0\n"
                          "yield\n");
  // A repeated variable at the root and a ground root.
  VarTable v3;
  auto r = Pattern::parse(lang, "(+ ?a ?a)", v3);
  ASSERT_TRUE(bool(r));
  EXPECT_EQ(MatchProgram(lang, *r, v3.names.size()).print(),
            "bind r0 + -> r1\ncompare r2 r1\nyield\n");
  // A ground first child keys the Bind by its class (and is still checked).
  VarTable v6;
  auto u = Pattern::parse(lang, "(+ 1 (sin ?x))", v6);
  ASSERT_TRUE(bool(u));
  EXPECT_EQ(MatchProgram(lang, *u, v6.names.size()).print(), "bind r0 + -> r1 first=g0\n"
                                                             "lookup r1 g1\n"
                                                             "bind r2 sin -> r3\n"
                                                             "yield\n");
  VarTable v4;
  auto s = Pattern::parse(lang, "(+ 1 2)", v4);
  ASSERT_TRUE(bool(s));
  EXPECT_EQ(MatchProgram(lang, *s, v4.names.size()).print(), "lookup r0 g0\nyield\n");
  VarTable v5;
  auto t = Pattern::parse(lang, "?z", v5);
  ASSERT_TRUE(bool(t));
  EXPECT_EQ(MatchProgram(lang, *t, v5.names.size()).print(), "yield\n");
}

//===----------------------------------------------------------------------===//
// Instantiation
//===----------------------------------------------------------------------===//

TEST(PatternInstantiate, AddsTheSubstitutedTerm) {
  MathLanguage lang;
  EGraph g(lang);
  ClassId x = g.addExpr(*RecExpr::parse(lang, "x"));
  ClassId y = g.addExpr(*RecExpr::parse(lang, "(sin y)"));
  g.rebuild();
  VarTable vars;
  auto p = Pattern::parse(lang, "(+ ?a (* ?b 2))", vars);
  ASSERT_TRUE(bool(p));
  auto expected = RecExpr::parse(lang, "(+ x (* (sin y) 2))");
  ASSERT_TRUE(bool(expected));
  EXPECT_EQ(g.lookupExpr(*expected), kNoClass);
  size_t before = g.numNodes();
  std::vector<ClassId> subst{x, y};
  ClassId c = p->instantiate(g, subst);
  EXPECT_EQ(g.numNodes(), before + 3); // 2, (* ...), (+ ...)
  EXPECT_EQ(g.lookupExpr(*expected), g.find(c));
  // The swapped substitution is a different term.
  auto swapped = RecExpr::parse(lang, "(+ (sin y) (* x 2))");
  EXPECT_EQ(g.lookupExpr(*swapped), kNoClass);
  // Instantiating again adds nothing and gives the same class.
  EXPECT_EQ(p->instantiate(g, subst), g.find(c));
  EXPECT_EQ(g.numNodes(), before + 3);
  // Children need not be canonical: after merging x into (sin y), the term
  // (+ (sin y) (* (sin y) 2)) is congruent to the first one.
  g.merge(x, y);
  g.rebuild();
  std::vector<ClassId> both{y, y};
  EXPECT_EQ(p->instantiate(g, both), g.find(c));
}

TEST(PatternInstantiate, GroundTermAndVariableRoot) {
  MathLanguage lang;
  EGraph g(lang);
  ClassId x = g.addExpr(*RecExpr::parse(lang, "x"));
  VarTable vars;
  auto p = Pattern::parse(lang, "(- ?a (+ 1 (sqrt 2)))", vars);
  ASSERT_TRUE(bool(p));
  // The ground subterm (+ 1 (sqrt 2)) is node 4 of [?a, 1, 2, sqrt, +, -].
  ASSERT_TRUE(p->isGround(4));
  RecExpr ground = p->groundTerm(4);
  EXPECT_EQ(ground.print(lang), "(+ 1 (sqrt 2))");
  std::vector<ClassId> subst{x};
  ClassId c = p->instantiate(g, subst);
  EXPECT_EQ(g.lookupExpr(*RecExpr::parse(lang, "(- x (+ 1 (sqrt 2)))")), g.find(c));
  EXPECT_NE(g.lookupExpr(ground), kNoClass);

  VarTable v2;
  auto q = Pattern::parse(lang, "?q", v2);
  ASSERT_TRUE(bool(q));
  size_t before = g.numNodes();
  EXPECT_EQ(q->instantiate(g, subst), x);
  EXPECT_EQ(g.numNodes(), before);
}

} // namespace
