#include "egopt/egraph/RecExpr.h"

#include <cassert>

namespace egopt::eg {

uint32_t RecExpr::add(ENode node) {
  for ([[maybe_unused]] ClassId k : node.kids) assert(k < nodes_.size() && "child must come first");
  nodes_.push_back(std::move(node));
  return static_cast<uint32_t>(nodes_.size() - 1);
}

static void printRec(const Language &lang, const std::vector<ENode> &nodes, uint32_t i,
                     std::string &out) {
  const ENode &n = nodes[i];
  const OpInfo &info = lang.op(n.op);
  if (n.kids.empty() && info.hasPayload) {
    out += lang.printAtom(n);
    return;
  }
  if (n.kids.empty() && info.arity == 0) {
    out += lang.printHead(n);
    return;
  }
  out += '(';
  out += lang.printHead(n);
  for (ClassId k : n.kids) {
    out += ' ';
    printRec(lang, nodes, k, out);
  }
  out += ')';
}

std::string RecExpr::print(const Language &lang) const {
  std::string out;
  if (!nodes_.empty()) printRec(lang, nodes_, root(), out);
  return out;
}

llvm::Expected<Head> parseApplicationHead(const Language &lang, const SExpr &e,
                                          std::string_view source) {
  if (e.items.empty() || e.items[0].isList)
    return errorAt(source, e.loc, "expected an operator name after '('");
  std::string_view text = e.items[0].atom;
  size_t colon = text.find(':');
  std::string_view name = text.substr(0, colon);
  auto op = lang.lookupOp(name);
  if (!op)
    return errorAt(source, e.items[0].loc,
                   "unknown " + lang.name() + " operator '" + std::string(name) + "'");
  Head head{*op, 0};
  while (colon != std::string_view::npos) {
    text = text.substr(colon + 1);
    colon = text.find(':');
    std::string_view flag = text.substr(0, colon);
    auto bits = lang.parseFlag(*op, flag);
    if (!bits) {
      std::string msg = "'";
      msg.append(flag).append("' is not a flag of '").append(name).append("'");
      return errorAt(source, e.items[0].loc, msg);
    }
    head.flags |= *bits;
  }
  const OpInfo &info = lang.op(*op);
  size_t nkids = e.items.size() - 1;
  if (nkids > KidArray::kCapacity)
    return errorAt(source, e.loc,
                   "'" + info.name + "' has " + std::to_string(nkids) +
                       " operands; e-nodes hold at most " + std::to_string(KidArray::kCapacity));
  if (info.arity != OpInfo::kVariadic && size_t(info.arity) != nkids)
    return errorAt(source, e.loc,
                   "'" + info.name + "' takes " + std::to_string(info.arity) +
                       " operand(s), given " + std::to_string(nkids));
  return head;
}

static llvm::Expected<uint32_t> build(const Language &lang, const SExpr &e, RecExpr &out,
                                      std::string_view source) {
  if (e.isAtom()) {
    if (auto op = lang.lookupOp(e.atom);
        op && lang.op(*op).arity == 0 && !lang.op(*op).hasPayload) {
      ENode n;
      n.op = *op;
      return out.add(std::move(n));
    }
    if (auto atom = lang.parseAtom(e.atom)) return out.add(std::move(*atom));
    return errorAt(source, e.loc, "'" + e.atom + "' is not a " + lang.name() + " atom");
  }
  auto head = parseApplicationHead(lang, e, source);
  if (!head) return head.takeError();
  ENode n;
  n.op = head->op;
  n.flags = head->flags;
  for (size_t i = 1; i < e.items.size(); ++i) {
    auto kid = build(lang, e.items[i], out, source);
    if (!kid) return kid.takeError();
    n.kids.push_back(*kid);
  }
  return out.add(std::move(n));
}

llvm::Expected<RecExpr> RecExpr::fromSExpr(const Language &lang, const SExpr &e,
                                           std::string_view source) {
  RecExpr out;
  auto root = build(lang, e, out, source);
  if (!root) return root.takeError();
  return out;
}

llvm::Expected<RecExpr> RecExpr::parse(const Language &lang, std::string_view text) {
  auto e = parseSExpr(text);
  if (!e) return e.takeError();
  return fromSExpr(lang, *e);
}

} // namespace egopt::eg
