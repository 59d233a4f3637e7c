//===- RecExpr.h - Terms as a flat list of nodes (egg's RecExpr) ----------===//
//
// A term is a vector of e-nodes whose children are indices of earlier
// entries; the last entry is the root. Shared subterms may be stored once.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Language.h"
#include "egopt/egraph/SExpr.h"

#include <vector>

namespace egopt::eg {

/// An application's head: the operator and the flags written after it
/// (`add:nsw` is `add` with the language's `nsw` bit).
struct Head {
  Op op = 0;
  uint16_t flags = 0;
};

/// Checks that `e` is `(op[:flag...] child...)` with a known operator of the
/// right arity and flags the language knows, shared by terms and patterns.
llvm::Expected<Head> parseApplicationHead(const Language &lang, const SExpr &e,
                                          std::string_view source);

class RecExpr {
public:
  /// Appends a node (children must index earlier nodes); returns its index.
  uint32_t add(ENode node);
  size_t size() const { return nodes_.size(); }
  bool empty() const { return nodes_.empty(); }
  const ENode &operator[](size_t i) const { return nodes_[i]; }
  const std::vector<ENode> &nodes() const { return nodes_; }
  uint32_t root() const { return static_cast<uint32_t>(nodes_.size() - 1); }

  /// Prints as an s-expression, e.g. `(+ x (* 2 y))`.
  std::string print(const Language &lang) const;
  static llvm::Expected<RecExpr> parse(const Language &lang, std::string_view text);
  static llvm::Expected<RecExpr> fromSExpr(const Language &lang, const SExpr &e,
                                           std::string_view source = "<string>");

  friend bool operator==(const RecExpr &, const RecExpr &) = default;

private:
  std::vector<ENode> nodes_;
};

} // namespace egopt::eg
