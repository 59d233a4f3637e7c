//===- Rewrite.h - Rules, conditions and passes ---------------------------===//
//
// A rule rewrites a left-hand pattern into a right-hand one, optionally under
// conditions: named predicates implemented in C++ (registered in a
// PredicateRegistry) applied to the match's variables. Rules are grouped into
// named passes, which can be switched on and off.
//
// Rule files are s-expressions:
//   ; a comment
//   (rule-set algebra
//     (rule comm-add   (+ ?a ?b) => (+ ?b ?a))
//     (rule div-canon  (/ ?a ?b) => (* ?a (pow ?b -1)) if (is-not-zero ?b)))
// Errors name the source, line and column.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Pattern.h"

#include "llvm/ADT/StringMap.h"

#include <functional>
#include <memory>
#include <span>

namespace egopt::eg {

/// A condition's code: the e-graph and the classes bound to its arguments.
using PredicateFn = std::function<bool(const EGraph &, std::span<const ClassId> args)>;

struct Predicate {
  std::string name;
  unsigned arity = 1;
  PredicateFn fn;
  std::string doc;
};

class PredicateRegistry {
public:
  void add(std::string name, unsigned arity, PredicateFn fn, std::string doc = "");
  const Predicate *find(std::string_view name) const;
  std::vector<const Predicate *> all() const;

private:
  llvm::StringMap<std::unique_ptr<Predicate>> preds_;
};

struct Condition {
  const Predicate *pred = nullptr;
  std::vector<VarIndex> args;
};

class Rule {
public:
  /// Builds a rule; fails when the right-hand side or a condition uses a
  /// variable the left-hand side does not bind.
  static llvm::Expected<std::unique_ptr<Rule>> create(const Language &lang, std::string name,
                                                      VarTable vars, Pattern lhs, Pattern rhs,
                                                      std::vector<Condition> conditions,
                                                      std::string_view source = "<string>",
                                                      SourceLoc loc = {});
  /// Parses a rule from text: `LHS => RHS [if (pred ?x)...]`.
  static llvm::Expected<std::unique_ptr<Rule>> parse(const Language &lang, std::string name,
                                                     std::string_view text,
                                                     const PredicateRegistry *preds = nullptr);

  const std::string &name() const { return name_; }
  const Pattern &lhs() const { return lhs_; }
  const Pattern &rhs() const { return rhs_; }
  const VarTable &vars() const { return vars_; }
  const std::vector<Condition> &conditions() const { return conditions_; }
  const MatchProgram &program() const { return *program_; }
  SourceLoc loc() const { return loc_; }

  /// True when every condition holds for `subst`.
  bool conditionsHold(const EGraph &g, std::span<const ClassId> subst) const;
  /// Adds the right-hand side for a match at `root`; returns its class, or
  /// kNoClass when the language declines (see Language::instantiate).
  ClassId apply(EGraph &g, ClassId root, std::span<const ClassId> subst) const {
    return lang_->instantiate(g, rhs_, root, subst);
  }
  std::string print(const Language &lang) const;

private:
  Rule() = default;
  const Language *lang_ = nullptr;
  std::string name_;
  VarTable vars_;
  Pattern lhs_, rhs_;
  std::vector<Condition> conditions_;
  std::unique_ptr<MatchProgram> program_;
  SourceLoc loc_;
};

/// A named group of rules, enabled or not as a whole: a rule file's
/// `(rule-set NAME (rule ...) ...)`.
struct RuleSet {
  std::string name;
  bool enabled = true;
  std::vector<std::unique_ptr<Rule>> rules;
};

/// Every rule a run may use, in rule sets, in file order.
class RuleBook {
public:
  /// Parses a rule file's text; rule sets of the same name are joined.
  llvm::Error parse(const Language &lang, const PredicateRegistry &preds, std::string_view text,
                    std::string_view source);
  /// Adds a rule to rule set `set` (created when new). Rule names must be unique.
  llvm::Error addRule(std::string_view set, std::unique_ptr<Rule> rule);

  const std::vector<RuleSet> &ruleSets() const { return sets_; }
  RuleSet *findRuleSet(std::string_view name);
  /// Enables exactly the named rule sets; fails on an unknown name.
  llvm::Error enableOnly(const std::vector<std::string> &names);
  /// The rules of the enabled rule sets, in file order.
  std::vector<const Rule *> enabledRules() const;
  size_t numRules() const;

private:
  std::vector<RuleSet> sets_;
  llvm::StringMap<bool> ruleNames_;
};

} // namespace egopt::eg
