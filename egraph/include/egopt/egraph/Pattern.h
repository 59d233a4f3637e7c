//===- Pattern.h - Patterns and their compiled e-matching programs --------===//
//
// A pattern is a term with variables: `(+ ?a (* ?b 0))`. Patterns are stored
// flat (children before parents, root last). Before searching, a pattern is
// compiled into a small program for an e-matching machine, in the style of
// egg's (after de Moura and Bjørner's "Efficient E-matching"):
//   Bind r, n, o    for each e-node of class reg[r] that fits pattern node n,
//                   load its children into reg[o..], run the rest (when the
//                   first child is already known, binary-search for it)
//   Compare r, s    go on only if reg[r] == reg[s] (a repeated variable)
//   Lookup r, g     go on only if reg[r] is the class of ground term g
//   Yield           a match: the variables' registers form a substitution
// Filters (Compare, Lookup) are emitted right after the Bind that loads their
// register, so failing branches are cut before deeper Binds.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/EGraph.h"
#include "egopt/egraph/RecExpr.h"
#include "egopt/egraph/SExpr.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace egopt::eg {

using VarIndex = uint32_t;

/// Names of pattern variables; a rule's LHS, RHS and conditions share one.
struct VarTable {
  std::vector<std::string> names;
  VarIndex intern(const std::string &name);
  std::optional<VarIndex> find(const std::string &name) const;
};

struct PatternNode {
  bool isVar = false;
  VarIndex var = 0;
  /// For non-variables: the e-node to match; kids index earlier PatternNodes.
  ENode node;
  /// Which flag bits must equal node.flags (0: any flags).
  uint16_t flagsMask = 0xffff;
  /// Whether node.type must match (false: any type).
  bool matchType = false;
};

class Pattern {
public:
  /// Parses `(op ...)`, `?var` and atoms. Variables are interned in `vars`.
  static llvm::Expected<Pattern> fromSExpr(const Language &lang, const SExpr &e, VarTable &vars,
                                           std::string_view source = "<string>");
  static llvm::Expected<Pattern> parse(const Language &lang, std::string_view text, VarTable &vars);

  const std::vector<PatternNode> &nodes() const { return nodes_; }
  uint32_t root() const { return static_cast<uint32_t>(nodes_.size() - 1); }
  const PatternNode &rootNode() const { return nodes_.back(); }
  /// True when the subpattern at `i` has no variables.
  bool isGround(uint32_t i) const { return ground_[i]; }
  /// The variables that occur, in first-occurrence order.
  const std::vector<VarIndex> &vars() const { return varsInOrder_; }
  std::string print(const Language &lang, const VarTable &vars) const;

  /// Whether the e-node `n` fits the (non-variable) pattern node `p`, ignoring children.
  static bool headMatches(const Language &lang, const PatternNode &p, const ENode &n);

  /// Adds the pattern to the e-graph with variables replaced by `subst[var]`;
  /// returns the class of its root.
  ClassId instantiate(EGraph &g, std::span<const ClassId> subst) const;
  /// The ground subterm at `i` as a RecExpr.
  RecExpr groundTerm(uint32_t i) const;

private:
  uint32_t push(PatternNode n);
  std::vector<PatternNode> nodes_;
  std::vector<bool> ground_;
  std::vector<VarIndex> varsInOrder_;
};

/// Matches found by one search: each is a root class followed by one class per
/// variable of the VarTable (stride = 1 + number of variables).
struct Matches {
  uint32_t stride = 1;
  std::vector<ClassId> data;
  size_t size() const { return data.size() / stride; }
  ClassId root(size_t i) const { return data[i * stride]; }
  std::span<const ClassId> subst(size_t i) const {
    return {data.data() + i * stride + 1, stride - 1};
  }
};

class MatchProgram {
public:
  struct Instr {
    enum Kind : uint8_t { Bind, Compare, Lookup, Yield } kind;
    uint32_t reg = 0;
    uint32_t arg = 0;     ///< Bind: pattern node; Compare: other reg; Lookup: ground index
    uint32_t outBase = 0; ///< Bind: first register for the children
    /// Bind: when the first child is known before the Bind (a bound variable
    /// or a ground term), only e-nodes with that first child are visited,
    /// found by binary search (class e-nodes are sorted by op, arity, children).
    enum KeyKind : uint8_t { NoKey, KeyReg, KeyGround } keyKind = NoKey;
    uint32_t key = 0;
  };

  /// Compiles `p`; `numVars` is the size of the rule's VarTable.
  MatchProgram(const Language &lang, const Pattern &p, size_t numVars);

  /// The classes the pattern's ground subterms live in, or nullopt when one is
  /// absent from the e-graph (then nothing can match). Computed once per search.
  std::optional<std::vector<ClassId>> groundClasses(const EGraph &g) const;
  /// The root's operator is in no class: nothing can match. A test before
  /// groundClasses, which hashes every ground subterm; most of a
  /// catalogue's root operators are absent from a small function's e-graph.
  bool rootOperatorAbsent(const EGraph &g) const;
  /// The classes worth trying as match roots (ascending).
  std::span<const ClassId> candidates(const EGraph &g, const std::vector<ClassId> &ground,
                                      std::vector<ClassId> &scratch) const;
  /// Runs the program on class `root`; calls onMatch(subst) per match, where
  /// subst has one class per variable (unused variables hold kNoClass). Stops
  /// early when onMatch returns false; returns false then.
  bool matchClass(const EGraph &g, ClassId root, const std::vector<ClassId> &ground,
                  llvm::function_ref<bool(std::span<const ClassId>)> onMatch) const;

  const std::vector<Instr> &instructions() const { return instrs_; }
  std::string print() const;
  /// The most parent steps from the root class to a class the program binds
  /// or checks (0 for a lone variable or atom): a match's classes all lie
  /// within this many steps below its root.
  unsigned depth() const { return depth_; }
  /// The root's operator, or nullopt when the root is a variable or a ground
  /// term (then candidates() is every class, or the ground class).
  std::optional<Op> rootOperator() const { return rootOp_; }
  bool rootIsGround() const { return pattern_.isGround(pattern_.root()); }

private:
  const Language &lang_;
  const Pattern &pattern_;
  std::vector<Instr> instrs_;
  std::vector<uint32_t> groundNodes_; ///< pattern node index per ground slot
  std::vector<RecExpr> groundTerms_;  ///< the ground subterm per slot
  std::vector<uint32_t> varReg_;      ///< register per variable (kNoClass if unused)
  uint32_t numRegs_ = 1;
  unsigned depth_ = 0;
  std::optional<Op> rootOp_;
  size_t numVars_;
};

/// Searches the whole (clean) e-graph for `p` single-threaded; for tools and
/// tests. The Runner searches in parallel with the same MatchProgram.
Matches searchPattern(const EGraph &g, const Pattern &p, size_t numVars);

} // namespace egopt::eg
