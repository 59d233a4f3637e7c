//===- RuleCatalog.h - The built-in rule files, and the user's -------------===//
//
// The built-in rule sets are the rule files in passes/rewrite/rules/, one
// rule set per file, embedded in the library at build time. A user adds
// files of their own (`egopt --rules=FILE`) and chooses the rule sets that
// run (`--rule-sets=...`).
// Rules are parsed once per compilation and shared, read-only, by every
// function's runner.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/egraph/Rewrite.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace egopt::passes {

struct RuleFile {
  std::string_view name; ///< the file's stem: `algebra` for algebra.rules
  std::string_view text;
};

/// The built-in rule files, sorted by name.
std::span<const RuleFile> builtinRuleFiles();

struct RuleOptions {
  bool builtin = true;            ///< load passes/rewrite/rules/*.rules
  std::vector<std::string> files; ///< more rule files to load, in order
  /// When non-empty, exactly these rule sets run (by name); an unknown name
  /// is an error.
  std::vector<std::string> ruleSets;
};

/// Parses the rules `opts` asks for; errors name the file, line and column.
llvm::Expected<std::unique_ptr<eg::RuleBook>> loadRules(const RuleOptions &opts);

} // namespace egopt::passes
