//===- egopt-prove.cpp - Prove rewrite rules sound with Z3 ---------------===//
//
//   egopt-prove [--widths=1,8,16,32,64] [--timeout-ms=N] [--jobs=N]
//               [--rule=NAME] [-v] FILE...
//   egopt-prove --all-builtin [--rules-dir=DIR]
//
// One line per rule, a summary, the time; exit status 1 when a rule is not
// proven (failed, or Z3 gave up). See docs/prover.md.
//
//===----------------------------------------------------------------------===//
#include "egopt/lift/IRLanguage.h"
#include "egopt/prover/ProveRules.h"
#include "egopt/rewrite/Predicates.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <thread>

using namespace llvm;
using namespace egopt;

static cl::list<std::string> files(cl::Positional, cl::desc("<rule files>"));
static cl::list<unsigned> widths("widths", cl::CommaSeparated,
                                 cl::desc("integer widths to prove at (default 1,8,16,32,64)"));
static cl::opt<unsigned> timeoutMs("timeout-ms", cl::init(30000),
                                   cl::desc("Z3 time limit per query; a timeout is a failure"));
static cl::opt<unsigned> jobs("jobs", cl::init(0), cl::desc("threads (default: all cores)"));
static cl::list<std::string> onlyRules("rule", cl::desc("prove only the named rule(s)"));
static cl::opt<bool> verbose("v", cl::desc("one line per type assignment, with times"));
static cl::opt<bool> allBuiltin("all-builtin", cl::desc("prove the built-in rule files"));
static cl::opt<std::string> rulesDir("rules-dir", cl::init(EGOPT_RULES_DIR),
                                     cl::desc("where --all-builtin finds *.rules"));

/// The exit status when --all-builtin finds no rule file (ctest: skipped).
constexpr int kNoBuiltinRules = 77;

/// The `*.rules` files of `dir`, sorted.
static std::vector<std::string> builtinRuleFiles(StringRef dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    if (sys::path::extension(it->path()) == ".rules") out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "egopt-prove: prove rewrite rules sound with Z3\n");
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> paths(files.begin(), files.end());
  if (allBuiltin) {
    std::vector<std::string> builtin = builtinRuleFiles(rulesDir);
    if (builtin.empty()) {
      errs() << "egopt-prove: no *.rules files in " << rulesDir << "\n";
      return kNoBuiltinRules;
    }
    paths.insert(paths.end(), builtin.begin(), builtin.end());
  }
  if (paths.empty()) {
    errs() << "egopt-prove: no rule files (give FILE... or --all-builtin)\n";
    return 1;
  }

  eg::RuleBook rules;
  const eg::PredicateRegistry &preds = passes::irPredicates();
  for (const std::string &path : paths) {
    auto buf = MemoryBuffer::getFile(path);
    if (!buf) {
      errs() << "egopt-prove: cannot read " << path << ": " << buf.getError().message() << "\n";
      return 1;
    }
    if (Error e = rules.parse(ir::IRLanguage::get(), preds, (*buf)->getBuffer(), path)) {
      errs() << "egopt-prove: " << toString(std::move(e)) << "\n";
      return 1;
    }
  }
  std::vector<const eg::Rule *> selected;
  for (const eg::Rule *r : rules.enabledRules())
    if (onlyRules.empty() || is_contained(onlyRules, r->name())) selected.push_back(r);
  if (selected.empty()) {
    errs() << "egopt-prove: no rule to prove\n";
    return 1;
  }

  prover::ProverOptions options;
  if (!widths.empty()) options.widths.assign(widths.begin(), widths.end());
  options.timeoutMs = timeoutMs;
  unsigned threads = jobs ? unsigned(jobs) : std::max(1u, std::thread::hardware_concurrency());
  prover::Tally tally =
      prover::proveRules(selected, options, threads, [](const prover::RuleResult &r) {
        outs() << prover::formatResult(r, verbose) << "\n";
        outs().flush();
      });
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outs() << tally.str() << " (" << selected.size() << " rules, " << format("%.1f", seconds)
         << " s)\n";
  return tally.ok() ? 0 : 1;
}
