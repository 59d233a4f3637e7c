#include "egopt/egraph/Pattern.h"

#include <algorithm>
#include <cassert>

namespace egopt::eg {

VarIndex VarTable::intern(const std::string &name) {
  if (auto v = find(name)) return *v;
  names.push_back(name);
  return static_cast<VarIndex>(names.size() - 1);
}

std::optional<VarIndex> VarTable::find(const std::string &name) const {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<VarIndex>(i);
  return std::nullopt;
}

uint32_t Pattern::push(PatternNode n) {
  bool ground = !n.isVar;
  if (!n.isVar)
    for (ClassId k : n.node.kids) ground = ground && ground_[k];
  if (n.isVar && std::find(varsInOrder_.begin(), varsInOrder_.end(), n.var) == varsInOrder_.end())
    varsInOrder_.push_back(n.var);
  nodes_.push_back(std::move(n));
  ground_.push_back(ground);
  return static_cast<uint32_t>(nodes_.size() - 1);
}

static llvm::Expected<uint32_t> buildPattern(const Language &lang, const SExpr &e, VarTable &vars,
                                             Pattern &out, std::string_view source,
                                             uint32_t (*push)(Pattern &, PatternNode)) {
  PatternNode pn;
  if (e.isAtom()) {
    if (!e.atom.empty() && e.atom[0] == '?') {
      if (e.atom.size() == 1) return errorAt(source, e.loc, "'?' needs a variable name");
      pn.isVar = true;
      pn.var = vars.intern(e.atom);
      return push(out, std::move(pn));
    }
    if (auto op = lang.lookupOp(e.atom);
        op && lang.op(*op).arity == 0 && !lang.op(*op).hasPayload) {
      pn.node.op = *op;
      return push(out, std::move(pn));
    }
    auto atom = lang.parseAtom(e.atom);
    if (!atom) return errorAt(source, e.loc, "'" + e.atom + "' is not a " + lang.name() + " atom");
    pn.node = std::move(*atom);
    return push(out, std::move(pn));
  }
  auto head = parseApplicationHead(lang, e, source);
  if (!head) return head.takeError();
  pn.node.op = head->op;
  pn.node.flags = head->flags;
  // Languages whose flags only add poison (LLVM's nsw, exact, ...) match an
  // e-node with at least the written flags: a rule true without a flag is
  // true with it. Elsewhere flags are part of the operator: exact match.
  if (lang.flagsAreRequirements()) pn.flagsMask = head->flags;
  for (size_t i = 1; i < e.items.size(); ++i) {
    auto kid = buildPattern(lang, e.items[i], vars, out, source, push);
    if (!kid) return kid.takeError();
    pn.node.kids.push_back(*kid);
  }
  return push(out, std::move(pn));
}

llvm::Expected<Pattern> Pattern::fromSExpr(const Language &lang, const SExpr &e, VarTable &vars,
                                           std::string_view source) {
  Pattern p;
  auto root = buildPattern(lang, e, vars, p, source,
                           [](Pattern &pat, PatternNode n) { return pat.push(std::move(n)); });
  if (!root) return root.takeError();
  if (lang.patternsAreUntyped()) p.ground_.assign(p.ground_.size(), false);
  return p;
}

llvm::Expected<Pattern> Pattern::parse(const Language &lang, std::string_view text,
                                       VarTable &vars) {
  auto e = parseSExpr(text);
  if (!e) return e.takeError();
  return fromSExpr(lang, *e, vars);
}

static void printPattern(const Language &lang, const VarTable &vars,
                         const std::vector<PatternNode> &nodes, uint32_t i, std::string &out) {
  const PatternNode &p = nodes[i];
  if (p.isVar) {
    out += vars.names[p.var];
    return;
  }
  const OpInfo &info = lang.op(p.node.op);
  if (p.node.kids.empty()) {
    out += info.hasPayload ? lang.printAtom(p.node) : lang.printHead(p.node);
    return;
  }
  out += '(';
  out += lang.printHead(p.node);
  for (ClassId k : p.node.kids) {
    out += ' ';
    printPattern(lang, vars, nodes, k, out);
  }
  out += ')';
}

std::string Pattern::print(const Language &lang, const VarTable &vars) const {
  std::string out;
  printPattern(lang, vars, nodes_, root(), out);
  return out;
}

bool Pattern::headMatches(const Language &lang, const PatternNode &p, const ENode &n) {
  const ENode &q = p.node;
  if (n.op != q.op || n.kids.size() != q.kids.size()) return false;
  if ((n.flags & p.flagsMask) != (q.flags & p.flagsMask)) return false;
  if (p.matchType && n.type != q.type) return false;
  if (lang.op(q.op).hasPayload && n.payload != q.payload) return false;
  return true;
}

ClassId Pattern::instantiate(EGraph &g, std::span<const ClassId> subst) const {
  llvm::SmallVector<ClassId, 16> ids(nodes_.size());
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const PatternNode &p = nodes_[i];
    if (p.isVar) {
      ids[i] = subst[p.var];
      continue;
    }
    ENode n = p.node;
    for (ClassId &k : n.kids) k = ids[k];
    ids[i] = g.add(std::move(n));
  }
  return ids.back();
}

RecExpr Pattern::groundTerm(uint32_t i) const {
  assert(ground_[i]);
  RecExpr out;
  std::vector<uint32_t> map(nodes_.size(), ~0u);
  // Nodes are in post-order, so a forward sweep over [0, i] adds children first.
  std::vector<bool> needed(nodes_.size(), false);
  needed[i] = true;
  for (size_t j = i + 1; j-- > 0;)
    if (needed[j])
      for (ClassId k : nodes_[j].node.kids) needed[k] = true;
  for (size_t j = 0; j <= i; ++j) {
    if (!needed[j]) continue;
    ENode n = nodes_[j].node;
    for (ClassId &k : n.kids) k = map[k];
    map[j] = out.add(std::move(n));
  }
  return out;
}

//===----------------------------------------------------------------------===//
// Compilation
//===----------------------------------------------------------------------===//

MatchProgram::MatchProgram(const Language &lang, const Pattern &p, size_t numVars)
    : lang_(lang), pattern_(p), varReg_(numVars, kNoClass), numVars_(numVars) {
  const auto &nodes = p.nodes();
  auto groundSlot = [&](uint32_t node) {
    groundNodes_.push_back(node);
    return static_cast<uint32_t>(groundNodes_.size() - 1);
  };
  // Emits the code for pattern node `n` held in register `reg`.
  std::function<void(uint32_t, uint32_t)> emit = [&](uint32_t n, uint32_t reg) {
    const PatternNode &pn = nodes[n];
    assert(!pn.isVar && !p.isGround(n));
    uint32_t base = numRegs_;
    numRegs_ += pn.node.kids.size();
    Instr bind{Instr::Bind, reg, n, base};
    if (!pn.node.kids.empty()) {
      uint32_t first = pn.node.kids[0];
      const PatternNode &fp = nodes[first];
      if (fp.isVar && varReg_[fp.var] != kNoClass) {
        bind.keyKind = Instr::KeyReg;
        bind.key = varReg_[fp.var];
      } else if (!fp.isVar && p.isGround(first)) {
        bind.keyKind = Instr::KeyGround;
        bind.key = groundSlot(first);
      }
    }
    instrs_.push_back(bind);
    // Cheap filters first: repeated variables and ground children.
    for (size_t i = 0; i < pn.node.kids.size(); ++i) {
      uint32_t kid = pn.node.kids[i], kreg = base + uint32_t(i);
      const PatternNode &kp = nodes[kid];
      if (kp.isVar) {
        if (varReg_[kp.var] == kNoClass)
          varReg_[kp.var] = kreg;
        else
          instrs_.push_back({Instr::Compare, kreg, varReg_[kp.var], 0});
      } else if (p.isGround(kid)) {
        instrs_.push_back({Instr::Lookup, kreg, groundSlot(kid), 0});
      }
    }
    for (size_t i = 0; i < pn.node.kids.size(); ++i) {
      uint32_t kid = pn.node.kids[i];
      if (!nodes[kid].isVar && !p.isGround(kid)) emit(kid, base + uint32_t(i));
    }
  };
  uint32_t root = p.root();
  if (nodes[root].isVar) {
    varReg_[nodes[root].var] = 0;
  } else if (p.isGround(root)) {
    instrs_.push_back({Instr::Lookup, 0, groundSlot(root), 0});
  } else {
    emit(root, 0);
  }
  instrs_.push_back({Instr::Yield, 0, 0, 0});
  for (uint32_t n : groundNodes_) groundTerms_.push_back(p.groundTerm(n));

  // Kids come before their parents, so one backward sweep sees every parent
  // of a node before the node. Ground subterms count to their own root only
  // (a Lookup compares that class; their insides are not visited).
  std::vector<unsigned> depthOf(nodes.size(), 0);
  for (uint32_t n = root + 1; n-- > 0;) {
    depth_ = std::max(depth_, depthOf[n]);
    if (nodes[n].isVar || p.isGround(n)) continue;
    for (ClassId kid : nodes[n].node.kids) depthOf[kid] = std::max(depthOf[kid], depthOf[n] + 1);
  }
  // Asked for every rule in every round: computed once.
  if (!p.rootNode().isVar && !p.isGround(root)) rootOp_ = p.rootNode().node.op;
}

std::optional<std::vector<ClassId>> MatchProgram::groundClasses(const EGraph &g) const {
  std::vector<ClassId> out;
  out.reserve(groundNodes_.size());
  for (const RecExpr &term : groundTerms_) {
    ClassId c = g.lookupExpr(term);
    if (c == kNoClass) return std::nullopt;
    out.push_back(c);
  }
  return out;
}

bool MatchProgram::rootOperatorAbsent(const EGraph &g) const {
  std::optional<Op> op = rootOperator();
  return op && g.classesWithOp(*op).empty();
}

std::span<const ClassId> MatchProgram::candidates(const EGraph &g,
                                                  const std::vector<ClassId> &ground,
                                                  std::vector<ClassId> &scratch) const {
  const PatternNode &root = pattern_.rootNode();
  if (root.isVar) return g.classIds();
  if (pattern_.isGround(pattern_.root())) {
    scratch.assign(1, ground[instrs_.front().arg]);
    return scratch;
  }
  return g.classesWithOp(root.node.op);
}

namespace {
/// The machine's state for one root class; `run` recurses once per Bind.
struct MatchState {
  const EGraph &g;
  const Language &lang;
  const std::vector<PatternNode> &pnodes;
  const std::vector<MatchProgram::Instr> &instrs;
  const std::vector<ClassId> &ground;
  const std::vector<uint32_t> &varReg;
  llvm::function_ref<bool(std::span<const ClassId>)> onMatch;
  ClassId *regs;
  ClassId *subst;
  size_t numVars;

  bool run(size_t pc) {
    for (;; ++pc) {
      const MatchProgram::Instr &in = instrs[pc];
      switch (in.kind) {
      case MatchProgram::Instr::Compare:
        if (regs[in.reg] != regs[in.arg]) return true;
        continue;
      case MatchProgram::Instr::Lookup:
        if (regs[in.reg] != ground[in.arg]) return true;
        continue;
      case MatchProgram::Instr::Yield:
        for (size_t v = 0; v < numVars; ++v)
          subst[v] = varReg[v] == kNoClass ? kNoClass : regs[varReg[v]];
        return onMatch({subst, numVars});
      case MatchProgram::Instr::Bind: {
        const PatternNode &pn = pnodes[in.arg];
        // Registers hold roots: the e-graph is clean while it is searched.
        if (!g.mayHaveOp(regs[in.reg], pn.node.op)) return true;
        auto nodes = g.rootNodes(regs[in.reg]);
        // Class nodes are sorted by op: jump to this op's range.
        Op op = pn.node.op;
        auto it = std::lower_bound(nodes.begin(), nodes.end(), op,
                                   [](const ENode &n, Op o) { return n.op < o; });
        auto end = nodes.end();
        if (in.keyKind != MatchProgram::Instr::NoKey) {
          // Within the op's range, e-nodes are ordered by arity then first child.
          struct Key {
            Op op;
            size_t arity;
            ClassId first;
          } key{op, pn.node.kids.size(),
                in.keyKind == MatchProgram::Instr::KeyReg ? regs[in.key] : ground[in.key]};
          auto less = [](const ENode &n, const Key &k) {
            if (n.op != k.op) return n.op < k.op;
            if (n.kids.size() != k.arity) return n.kids.size() < k.arity;
            return n.kids[0] < k.first;
          };
          auto greater = [](const Key &k, const ENode &n) {
            if (n.op != k.op) return k.op < n.op;
            if (n.kids.size() != k.arity) return k.arity < n.kids.size();
            return k.first < n.kids[0];
          };
          it = std::lower_bound(it, end, key, less);
          end = std::upper_bound(it, end, key, greater);
        }
        for (; it != end && it->op == op; ++it) {
          if (!Pattern::headMatches(lang, pn, *it)) continue;
          for (size_t k = 0, e = it->kids.size(); k < e; ++k) regs[in.outBase + k] = it->kids[k];
          if (!run(pc + 1)) return false;
        }
        return true;
      }
      }
    }
  }
};
} // namespace

bool MatchProgram::matchClass(const EGraph &g, ClassId root, const std::vector<ClassId> &ground,
                              llvm::function_ref<bool(std::span<const ClassId>)> onMatch) const {
  llvm::SmallVector<ClassId, 16> regs(numRegs_, kNoClass);
  llvm::SmallVector<ClassId, 8> subst(numVars_, kNoClass);
  regs[0] = g.find(root);
  MatchState st{g,       lang_,   pattern_.nodes(), instrs_,      ground,
                varReg_, onMatch, regs.data(),      subst.data(), numVars_};
  return st.run(0);
}

std::string MatchProgram::print() const {
  std::string s;
  for (const Instr &in : instrs_) {
    switch (in.kind) {
    case Instr::Bind:
      s += "bind r" + std::to_string(in.reg) + " " +
           lang_.op(pattern_.nodes()[in.arg].node.op).name + " -> r" + std::to_string(in.outBase);
      if (in.keyKind == Instr::KeyReg) s += " first=r" + std::to_string(in.key);
      if (in.keyKind == Instr::KeyGround) s += " first=g" + std::to_string(in.key);
      s += "\n";
      break;
    case Instr::Compare:
      s += "compare r" + std::to_string(in.reg) + " r" + std::to_string(in.arg) + "\n";
      break;
    case Instr::Lookup:
      s += "lookup r" + std::to_string(in.reg) + " g" + std::to_string(in.arg) + "\n";
      break;
    case Instr::Yield: s += "yield\n"; break;
    }
  }
  return s;
}

Matches searchPattern(const EGraph &g, const Pattern &p, size_t numVars) {
  MatchProgram prog(g.language(), p, numVars);
  Matches out;
  out.stride = static_cast<uint32_t>(1 + numVars);
  auto ground = prog.groundClasses(g);
  if (!ground) return out;
  std::vector<ClassId> scratch;
  for (ClassId c : prog.candidates(g, *ground, scratch))
    prog.matchClass(g, c, *ground, [&](std::span<const ClassId> subst) {
      out.data.push_back(c);
      out.data.insert(out.data.end(), subst.begin(), subst.end());
      return true;
    });
  return out;
}

} // namespace egopt::eg
