//===- SExpr.h - S-expressions with source positions ----------------------===//
#pragma once
#include "llvm/Support/Error.h"

#include <string>
#include <string_view>
#include <vector>

namespace egopt::eg {

struct SourceLoc {
  unsigned line = 1;
  unsigned col = 1;
};

/// An atom or a parenthesized list. `;` starts a comment to the end of line.
struct SExpr {
  bool isList = false;
  std::string atom;
  std::vector<SExpr> items;
  SourceLoc loc;

  bool isAtom() const { return !isList; }
  bool isAtom(std::string_view s) const { return !isList && atom == s; }
  std::string print() const;
};

/// An error at a position, printed as `<source>:line:col: message`.
llvm::Error errorAt(std::string_view source, SourceLoc loc, const llvm::Twine &message);

/// Reads every top-level s-expression of `text`. `source` names the text in
/// errors (a file name, or "<string>").
llvm::Expected<std::vector<SExpr>> parseSExprs(std::string_view text,
                                               std::string_view source = "<string>");
/// Reads exactly one s-expression.
llvm::Expected<SExpr> parseSExpr(std::string_view text, std::string_view source = "<string>");

} // namespace egopt::eg
