#include "egopt/egraph/SExpr.h"

#include "llvm/Support/FormatVariadic.h"

#include <cctype>

namespace egopt::eg {

llvm::Error errorAt(std::string_view source, SourceLoc loc, const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 llvm::Twine(llvm::StringRef(source.data(), source.size())) + ":" +
                                     llvm::Twine(loc.line) + ":" + llvm::Twine(loc.col) + ": " +
                                     message);
}

std::string SExpr::print() const {
  if (!isList) return atom;
  std::string s = "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += ' ';
    s += items[i].print();
  }
  return s + ")";
}

namespace {
class Reader {
public:
  Reader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  llvm::Expected<std::vector<SExpr>> readAll() {
    std::vector<SExpr> out;
    for (;;) {
      skipSpace();
      if (pos_ >= text_.size()) return out;
      auto e = read();
      if (!e) return e.takeError();
      out.push_back(std::move(*e));
    }
  }

private:
  SourceLoc here() const { return {line_, col_}; }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++pos_;
  }
  void skipSpace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ';') {
        while (pos_ < text_.size() && text_[pos_] != '\n') advance();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        advance();
      } else {
        return;
      }
    }
  }

  llvm::Expected<SExpr> read() {
    skipSpace();
    SExpr e;
    e.loc = here();
    if (pos_ >= text_.size()) return errorAt(source_, e.loc, "unexpected end of input");
    char c = text_[pos_];
    if (c == ')') return errorAt(source_, e.loc, "unexpected ')'");
    if (c == '(') {
      e.isList = true;
      advance();
      for (;;) {
        skipSpace();
        if (pos_ >= text_.size())
          return errorAt(source_, e.loc, "unclosed '(' (end of input reached)");
        if (text_[pos_] == ')') {
          advance();
          return e;
        }
        auto item = read();
        if (!item) return item.takeError();
        e.items.push_back(std::move(*item));
      }
    }
    while (pos_ < text_.size()) {
      char d = text_[pos_];
      if (std::isspace(static_cast<unsigned char>(d)) || d == '(' || d == ')' || d == ';') break;
      e.atom += d;
      advance();
    }
    return e;
  }

  std::string_view text_;
  std::string_view source_;
  size_t pos_ = 0;
  unsigned line_ = 1, col_ = 1;
};
} // namespace

llvm::Expected<std::vector<SExpr>> parseSExprs(std::string_view text, std::string_view source) {
  return Reader(text, source).readAll();
}

llvm::Expected<SExpr> parseSExpr(std::string_view text, std::string_view source) {
  auto all = parseSExprs(text, source);
  if (!all) return all.takeError();
  if (all->empty()) return errorAt(source, {1, 1}, "expected an expression, found none");
  if (all->size() > 1) return errorAt(source, (*all)[1].loc, "expected one expression, found more");
  return std::move(all->front());
}

} // namespace egopt::eg
