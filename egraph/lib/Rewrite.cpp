#include "egopt/egraph/Rewrite.h"

namespace egopt::eg {

void PredicateRegistry::add(std::string name, unsigned arity, PredicateFn fn, std::string doc) {
  auto p = std::make_unique<Predicate>();
  p->name = name;
  p->arity = arity;
  p->fn = std::move(fn);
  p->doc = std::move(doc);
  preds_[name] = std::move(p);
}

const Predicate *PredicateRegistry::find(std::string_view name) const {
  auto it = preds_.find(llvm::StringRef(name.data(), name.size()));
  return it == preds_.end() ? nullptr : it->second.get();
}

std::vector<const Predicate *> PredicateRegistry::all() const {
  std::vector<const Predicate *> out;
  for (const auto &e : preds_) out.push_back(e.second.get());
  std::sort(out.begin(), out.end(), [](auto *a, auto *b) { return a->name < b->name; });
  return out;
}

llvm::Expected<std::unique_ptr<Rule>> Rule::create(const Language &lang, std::string name,
                                                   VarTable vars, Pattern lhs, Pattern rhs,
                                                   std::vector<Condition> conditions,
                                                   std::string_view source, SourceLoc loc) {
  const auto &bound = lhs.vars();
  auto isBound = [&](VarIndex v) {
    return std::find(bound.begin(), bound.end(), v) != bound.end();
  };
  for (VarIndex v : rhs.vars())
    if (!isBound(v))
      return errorAt(source, loc,
                     "rule '" + name + "': right-hand side uses " + vars.names[v] +
                         ", which the left-hand side does not bind");
  for (const Condition &c : conditions)
    for (VarIndex v : c.args)
      if (!isBound(v))
        return errorAt(source, loc,
                       "rule '" + name + "': condition '" + c.pred->name + "' uses " +
                           vars.names[v] + ", which the left-hand side does not bind");
  if (llvm::Error err = lang.checkRule(lhs, rhs, vars))
    return errorAt(source, loc, "rule '" + name + "': " + llvm::toString(std::move(err)));
  auto r = std::unique_ptr<Rule>(new Rule());
  r->lang_ = &lang;
  r->name_ = std::move(name);
  r->vars_ = std::move(vars);
  r->lhs_ = std::move(lhs);
  r->rhs_ = std::move(rhs);
  r->conditions_ = std::move(conditions);
  r->loc_ = loc;
  r->program_ = std::make_unique<MatchProgram>(lang, r->lhs_, r->vars_.names.size());
  return r;
}

bool Rule::conditionsHold(const EGraph &g, std::span<const ClassId> subst) const {
  llvm::SmallVector<ClassId, 4> args;
  for (const Condition &c : conditions_) {
    args.clear();
    for (VarIndex v : c.args) args.push_back(subst[v]);
    if (!c.pred->fn(g, args)) return false;
  }
  return true;
}

std::string Rule::print(const Language &lang) const {
  std::string s =
      "(rule " + name_ + " " + lhs_.print(lang, vars_) + " => " + rhs_.print(lang, vars_);
  if (!conditions_.empty()) {
    s += " if";
    for (const Condition &c : conditions_) {
      s += " (" + c.pred->name;
      for (VarIndex v : c.args) s += " " + vars_.names[v];
      s += ")";
    }
  }
  return s + ")";
}

/// Parses the items of `(rule NAME LHS => RHS [if COND...])` from `first`.
static llvm::Expected<std::unique_ptr<Rule>>
parseRuleBody(const Language &lang, const PredicateRegistry *preds, std::string name,
              const std::vector<SExpr> &items, size_t first, SourceLoc loc,
              std::string_view source) {
  if (items.size() < first + 3)
    return errorAt(source, loc, "rule '" + name + "': expected LHS => RHS");
  if (!items[first + 1].isAtom("=>"))
    return errorAt(source, items[first + 1].loc,
                   "rule '" + name + "': expected '=>' after the left-hand side");
  VarTable vars;
  auto lhs = Pattern::fromSExpr(lang, items[first], vars, source);
  if (!lhs) return lhs.takeError();
  auto rhs = Pattern::fromSExpr(lang, items[first + 2], vars, source);
  if (!rhs) return rhs.takeError();
  std::vector<Condition> conds;
  size_t i = first + 3;
  if (i < items.size()) {
    if (!items[i].isAtom("if"))
      return errorAt(source, items[i].loc,
                     "rule '" + name + "': expected 'if' or the end of the rule");
    if (++i == items.size())
      return errorAt(source, items[i - 1].loc, "rule '" + name + "': 'if' needs a condition");
    for (; i < items.size(); ++i) {
      const SExpr &c = items[i];
      if (!c.isList || c.items.empty() || c.items[0].isList)
        return errorAt(source, c.loc, "a condition looks like (predicate ?var ...)");
      const Predicate *pred = preds ? preds->find(c.items[0].atom) : nullptr;
      if (!pred)
        return errorAt(source, c.items[0].loc, "unknown predicate '" + c.items[0].atom + "'");
      if (c.items.size() - 1 != pred->arity)
        return errorAt(source, c.loc,
                       "predicate '" + pred->name + "' takes " + std::to_string(pred->arity) +
                           " variable(s), given " + std::to_string(c.items.size() - 1));
      Condition cond{pred, {}};
      for (size_t j = 1; j < c.items.size(); ++j) {
        const SExpr &a = c.items[j];
        if (a.isList || a.atom.size() < 2 || a.atom[0] != '?')
          return errorAt(source, a.loc, "a predicate's arguments are variables like ?x");
        cond.args.push_back(vars.intern(a.atom));
      }
      conds.push_back(std::move(cond));
    }
  }
  return Rule::create(lang, std::move(name), std::move(vars), std::move(*lhs), std::move(*rhs),
                      std::move(conds), source, loc);
}

llvm::Expected<std::unique_ptr<Rule>> Rule::parse(const Language &lang, std::string name,
                                                  std::string_view text,
                                                  const PredicateRegistry *preds) {
  auto all = parseSExprs(text);
  if (!all) return all.takeError();
  return parseRuleBody(lang, preds, std::move(name), *all, 0, {1, 1}, "<string>");
}

RuleSet *RuleBook::findRuleSet(std::string_view name) {
  for (RuleSet &s : sets_)
    if (s.name == name) return &s;
  return nullptr;
}

llvm::Error RuleBook::addRule(std::string_view set, std::unique_ptr<Rule> rule) {
  if (!ruleNames_.try_emplace(rule->name(), true).second)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "duplicate rule name '" + rule->name() + "'");
  RuleSet *s = findRuleSet(set);
  if (!s) {
    sets_.push_back(RuleSet{std::string(set), true, {}});
    s = &sets_.back();
  }
  s->rules.push_back(std::move(rule));
  return llvm::Error::success();
}

llvm::Error RuleBook::parse(const Language &lang, const PredicateRegistry &preds,
                            std::string_view text, std::string_view source) {
  auto top = parseSExprs(text, source);
  if (!top) return top.takeError();
  for (const SExpr &setExpr : *top) {
    if (!setExpr.isList || setExpr.items.size() < 2 || !setExpr.items[0].isAtom("rule-set") ||
        setExpr.items[1].isList)
      return errorAt(source, setExpr.loc, "expected (rule-set NAME (rule ...) ...)");
    const std::string &setName = setExpr.items[1].atom;
    for (size_t i = 2; i < setExpr.items.size(); ++i) {
      const SExpr &r = setExpr.items[i];
      if (!r.isList || r.items.size() < 2 || !r.items[0].isAtom("rule") || r.items[1].isList)
        return errorAt(source, r.loc, "expected (rule NAME LHS => RHS [if (PRED ?x)...])");
      auto rule = parseRuleBody(lang, &preds, r.items[1].atom, r.items, 2, r.loc, source);
      if (!rule) return rule.takeError();
      if (auto err = addRule(setName, std::move(*rule)))
        return errorAt(source, r.loc, llvm::toString(std::move(err)));
    }
  }
  return llvm::Error::success();
}

llvm::Error RuleBook::enableOnly(const std::vector<std::string> &names) {
  for (const std::string &n : names)
    if (!findRuleSet(n))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "unknown rule set '" + n + "'");
  for (RuleSet &s : sets_) s.enabled = std::find(names.begin(), names.end(), s.name) != names.end();
  return llvm::Error::success();
}

std::vector<const Rule *> RuleBook::enabledRules() const {
  std::vector<const Rule *> out;
  for (const RuleSet &s : sets_)
    if (s.enabled)
      for (const auto &r : s.rules) out.push_back(r.get());
  return out;
}

size_t RuleBook::numRules() const {
  size_t n = 0;
  for (const RuleSet &s : sets_) n += s.rules.size();
  return n;
}

} // namespace egopt::eg
