//===- Language.h - The table of operators an e-graph speaks --------------===//
//
// The engine is language-independent: an e-node's `op` indexes a Language's
// table, which gives the operator's spelling, arity and whether its `payload`
// is part of its identity. A language also reads and prints atoms (the leaves of
// s-expressions, such as numbers and symbols).
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/ENode.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <span>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace egopt::eg {

class EGraph;
class Pattern;
struct VarTable;

struct OpInfo {
  std::string name;
  /// Number of children; kVariadic for any number.
  int arity = 0;
  static constexpr int kVariadic = -1;
  /// True when the e-node's payload is part of its identity and is printed as
  /// an atom (constants, symbols).
  bool hasPayload = false;
};

/// What a language needs to know about one e-graph's payloads and types
/// (for LLVM IR: the function's type and constant tables, ir::IRTables).
/// The engine only holds it; the language's code reads it back with
/// EGraph::context<T>().
class LanguageContext {
public:
  virtual ~LanguageContext();
};

class Language {
public:
  explicit Language(std::string name) : name_(std::move(name)) {}
  virtual ~Language();

  const std::string &name() const { return name_; }
  Op addOp(OpInfo info);
  const OpInfo &op(Op op) const { return ops_[op]; }
  size_t numOps() const { return ops_.size(); }
  /// The operator spelled `name`, or nullopt.
  std::optional<Op> lookupOp(std::string_view name) const;

  /// Reads an atom (a leaf token that is not an operator name applied to
  /// children, such as `42` or `x`). Returns nullopt when it is not one; the
  /// caller reports the error.
  virtual std::optional<ENode> parseAtom(std::string_view token) const = 0;
  /// Prints a leaf e-node (one whose op has a payload) the way parseAtom reads it.
  virtual std::string printAtom(const ENode &node) const = 0;

  /// How an e-node prints at the head of an s-expression (operator name, and
  /// any flags the language wants to show).
  virtual std::string printHead(const ENode &node) const { return ops_[node.op].name; }

  //--- Hooks for typed languages (the defaults suit untyped ones) ---------//

  /// The bits of the flag written `op:name`, or nullopt if `op` has no such flag.
  virtual std::optional<uint16_t> parseFlag(Op op, std::string_view name) const {
    (void)op, (void)name;
    return std::nullopt;
  }
  /// True when a flag only ever restricts an operation (makes more inputs
  /// undefined), so a pattern's flags are requirements (at least these),
  /// not an exact value.
  virtual bool flagsAreRequirements() const { return false; }
  /// True when an e-node's identity includes what a pattern does not write
  /// (LLVM IR: its type). Then a variable-free subpattern such as `0` cannot
  /// be looked up as a term; the matcher binds it like any other node.
  virtual bool patternsAreUntyped() const { return false; }
  /// Checks a rule when it is created (e.g. that every right-hand e-node's
  /// type can be inferred); the message names what is wrong.
  virtual llvm::Error checkRule(const Pattern &lhs, const Pattern &rhs, const VarTable &vars) const;
  /// Adds a rule's right-hand side for a match at `root` and returns its
  /// class, or kNoClass to decline (a typed language declines when the
  /// types do not work out, e.g. a computed constant it cannot evaluate).
  virtual ClassId instantiate(EGraph &g, const Pattern &rhs, ClassId root,
                              std::span<const ClassId> subst) const;

private:
  std::string name_;
  std::vector<OpInfo> ops_;
  llvm::StringMap<Op> byName_;
};

} // namespace egopt::eg
