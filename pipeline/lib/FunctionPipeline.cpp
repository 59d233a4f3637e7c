//===- FunctionPipeline.cpp - The e-graph on every function of a module ----===//
//
// Per module or codegen unit (docs/pipeline.md): prepare each function
// (sequential: the skip policy, the skeleton's optimizations, struct
// layouts), then lift, reassociate, rewrite within the budget, fold phi
// cycles (functions in parallel), cost and extract (costs sequential,
// extraction in parallel), then fold constant branches, elaborate, delete
// the dead skeleton and verify (sequential), and let the loop vectorizer
// at the loops it may widen.
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "egopt/analyses/IRAnalyses.h"
#include "egopt/analyses/PhiRanges.h"
#include "egopt/egraph/Runner.h"
#include "egopt/extract/ExtractFunction.h"
#include "egopt/lift/Lifter.h"
#include "egopt/llvm/AnalysisManagers.h"
#include "egopt/lower/BranchFolding.h"
#include "egopt/lower/Elaborator.h"
#include "egopt/rewrite/Reassociate.h"
#include "egopt/rewrite/RuleCatalog.h"
#include "egopt/skeleton/LoadCombining.h"
#include "egopt/skeleton/SkeletonOptimizer.h"

#include "llvm/IR/Instructions.h"
#include "llvm/IR/Verifier.h"

#include <tbb/parallel_for.h>

namespace egopt {
using namespace llvm;

EGOPT_STATISTIC(Functions, "01-functions", "functions", "functions defined");
EGOPT_STATISTIC(LoadsCombinedAfterEGraph, "06-lower.elaborate", "loads_combined_after_egraph",
                "wide loads made of narrow ones after the e-graph");
EGOPT_STATISTIC(LiftedFunctions, "01-functions", "lifted_functions",
                "functions lifted into the e-graph");
EGOPT_STATISTIC(SkippedFunctions, "01-functions", "skipped_functions",
                "functions kept as they were (optnone, musttail)");
EGOPT_STATISTIC(ENodes, "04-rewrite", "enodes", "e-nodes");
EGOPT_STATISTIC(EClasses, "04-rewrite", "eclasses", "e-classes");
EGOPT_STATISTIC(FactChangeLimitHits, "04-rewrite", "fact_change_limit_hits",
                "analysis joins skipped: the class's fact had changed its limit of times");
EGOPT_STATISTIC(ConflictFunctions, "04-rewrite", "conflict_functions",
                "functions left as they were: an analysis conflict in their e-graph");
EGOPT_STATISTIC(RewriteRounds, "04-rewrite", "rewrite_rounds",
                "rewrite rounds (summed over functions)");
EGOPT_STATISTIC(RewriteUnions, "04-rewrite", "rewrite_unions", "unions made by rewrite rules");
EGOPT_STATISTIC(RewriteDeclined, "04-rewrite", "rewrite_declined",
                "rule applications declined (types did not fit)");
EGOPT_KEYED_STATISTIC(StopReasons, "04-rewrite", "stop_reasons", "  functions stopped: ");
EGOPT_KEYED_STATISTIC_JSON_ONLY(RuleUnions, "04-rewrite", "rule_unions", "unions by rule ");
EGOPT_STATISTIC(CostKeys, "05-extract", "cost_keys", "e-node kinds costed by TargetTransformInfo");
EGOPT_STATISTIC(DagCost, "05-extract", "dag_cost",
                "DAG cost of the extracted selection (TTI costs x loop weights)");
EGOPT_STATISTIC_IF_NONZERO(GreedyDagCost, "05-extract", "greedy_dag_cost",
                           "  DAG cost of the greedy extractor's selection");
EGOPT_STATISTIC_IF_NONZERO(DagExtractorDagCost, "05-extract", "dag_extractor_dag_cost",
                           "  DAG cost of the DAG extractor's selection");

namespace {

/// Functions the e-graph leaves alone, and why (docs/pipeline.md).
bool shouldSkip(const Function &f) {
  if (f.hasOptNone()) return true; // the user asked for it
  for (const BasicBlock &bb : f)
    for (const Instruction &i : bb)
      if (auto *call = dyn_cast<CallInst>(&i); call && call->isMustTailCall())
        return true; // nothing may be placed between a musttail call and its ret
  return false;
}

/// Counts a function's rewrite run. The run's report holds a row per rule
/// per round (tens of MB over a large program's functions); it is folded
/// into the function's statistics as soon as the run ends.
void countRewrite(const eg::RunReport &r, eg::Statistics &stats) {
  if (r.ruleNames.empty()) return; // no rules ran
  stats.add(StopReasons, eg::stopReasonName(r.stopReason));
  stats.add(RewriteRounds, r.iterations.size());
  std::vector<size_t> unions(r.ruleNames.size(), 0);
  for (const eg::IterationStats &it : r.iterations)
    for (size_t k = 0; k < it.rules.size(); ++k) {
      unions[k] += it.rules[k].unions;
      stats.add(RewriteDeclined, it.rules[k].declined);
    }
  for (size_t k = 0; k < unions.size(); ++k) {
    stats.add(RewriteUnions, unions[k]);
    if (unions[k]) stats.add(RuleUnions, r.ruleNames[k], unions[k]);
  }
}

struct FunctionWork {
  ir::LiftedFunction lifted;
  /// What this function's e-graph work counted (merged in function order).
  eg::Statistics stats;
  /// The e-graph equates two different values (Analysis.h): the function
  /// keeps the form the pre-passes gave it, and nothing is extracted.
  bool conflict = false;
  std::optional<extract::TTICostTable> costs;
  extract::FunctionExtraction extraction;
};

/// The function's TargetTransformInfo: the target machine's, or LLVM's
/// target-independent default (optimizeModule has no target machine).
TargetTransformInfo functionTTI(const Function &f, TargetMachine *tm) {
  return tm ? tm->getTargetTransformInfo(f) : TargetTransformInfo(f.getDataLayout());
}

/// Computes (and so caches) the layout of every struct type a getelementptr
/// of `f` may ask about. DataLayout caches struct layouts without a lock; once
/// they are all cached, lifting only reads them and can run in parallel.
void warmStructLayouts(const Function &f, const DataLayout &dl, SmallPtrSetImpl<Type *> &seen) {
  std::function<void(Type *)> warm = [&](Type *t) {
    if (!seen.insert(t).second) return;
    if (auto *st = dyn_cast<StructType>(t)) {
      if (st->isSized()) (void)dl.getStructLayout(st);
      for (Type *e : st->elements()) warm(e);
    } else if (auto *at = dyn_cast<ArrayType>(t)) {
      warm(at->getElementType());
    } else if (auto *vt = dyn_cast<VectorType>(t)) {
      warm(vt->getElementType());
    }
  };
  for (const BasicBlock &bb : f)
    for (const Instruction &i : bb)
      if (auto *gep = dyn_cast<GetElementPtrInst>(&i)) {
        warm(gep->getSourceElementType());
        warm(gep->getResultElementType());
      }
}

/// The per-function budget. Rounds: each round can expose the next fold,
/// but the catalogue's rules mostly fire in the first few; nodes: a growth
/// factor over the function's own size, so a large function gets room in
/// proportion and a pathological one cannot run away. No time limit: it
/// would make the output depend on the machine's speed.
eg::RunnerLimits budgetFor(const eg::EGraph &g, const Options &opts) {
  eg::RunnerLimits l;
  unsigned level = std::min(opts.optLevel, 3u);
  static constexpr size_t kIterations[] = {0, 3, 8, 16};
  static constexpr size_t kGrowth[] = {0, 2, 4, 8};
  l.iterations = opts.maxIterations ? opts.maxIterations : kIterations[level];
  size_t growth = opts.nodeGrowth ? opts.nodeGrowth : kGrowth[level];
  l.nodes = g.numNodes() * growth + 1000;
  // In effect none: a real time limit would make the output depend on the
  // machine's speed. The rounds and e-nodes above bound the work.
  l.time = std::chrono::hours(1);
  return l;
}

/// Equality saturation on one function's e-graph, within its budget.
eg::RunReport rewrite(eg::EGraph &g, const std::vector<const eg::Rule *> &rules,
                      const Options &opts) {
  if (rules.empty()) return {};
  eg::Runner runner(g);
  runner.setLimits(budgetFor(g, opts));
  // egg's backoff: a rule matching more than 1000 times in a round sits out
  // a couple of rounds (the per-rule match limit that stops one rule's blow-up).
  runner.setScheduler(std::make_unique<eg::BackoffScheduler>(1000, 2));
  return runner.run(rules);
}

/// The built-in passes, parsed once per process.
const eg::RuleBook &builtinRules() {
  static const std::unique_ptr<eg::RuleBook> builtin = [] {
    auto r = passes::loadRules({});
    if (!r) report_fatal_error(Twine("built-in rules: ") + toString(r.takeError()));
    return std::move(*r);
  }();
  return *builtin;
}

/// The skip policy and the skeleton's optimizations on one definition;
/// false when the e-graph leaves it alone.
bool prepareFunction(Function &f, passes::SkeletonOptimizer &skeleton, eg::Statistics &stats) {
  stats.add(Functions);
  if (shouldSkip(f)) {
    stats.add(SkippedFunctions);
    return false;
  }
  skeleton.run(f, stats);
  return true;
}

/// Sequential: whatever writes to the context (removing unreachable blocks
/// and the skeleton's memory optimizations edit use lists of shared
/// constants; struct layouts are cached). Returns the functions to lift.
std::vector<Function *> prepareFunctions(Module &m, const Options &opts, eg::Statistics &stats) {
  auto t0 = Clock::now();
  TimeTrace::Scope span(opts.trace, "prepare", m.getModuleIdentifier());
  std::vector<Function *> functions;
  SmallPtrSet<Type *, 32> warmed;
  passes::SkeletonOptimizer skeleton(opts.skeleton);
  for (Function &f : m) {
    if (f.isDeclaration()) continue;
    if (!prepareFunction(f, skeleton, stats)) continue;
    warmStructLayouts(f, m.getDataLayout(), warmed);
    functions.push_back(&f);
  }
  stats.addSeconds(PrepareSeconds, since(t0));
  return functions;
}

/// Parallel: lifting only reads the IR; the e-graph work is plain data.
void rewriteFunctions(ArrayRef<Function *> functions, const Options &opts,
                      std::vector<FunctionWork> &work) {
  std::vector<const eg::Rule *> rules = (opts.rules ? *opts.rules : builtinRules()).enabledRules();
  tbb::parallel_for(size_t(0), functions.size(), [&](size_t i) {
    Function &f = *functions[i];
    TimeTrace::Scope span(opts.trace, "function", f.getName().str());
    FunctionWork &w = work[i];
    w.lifted = ir::liftFunction(f, [](eg::EGraph &g, const ir::IRTables &tables) {
      g.setDropSelfLoops(true);
      passes::addIRAnalyses(g, tables);
    });
    w.lifted.egraph->rebuild();
    if (!rules.empty()) ir::foldPhiSelects(w.lifted);
    // Trees of one associative operator get their normal form in one step,
    // before the rules (Reassociate.h); with no rules, nothing is rewritten.
    if (!rules.empty() && opts.reassociate) passes::reassociate(w.lifted, w.stats);
    if (!rules.empty()) passes::narrowPhiRanges(w.lifted, w.stats);
    countRewrite(rewrite(*w.lifted.egraph, rules, opts), w.stats);
    w.conflict = w.lifted.egraph->hasConflict();
    if (!w.conflict) ir::foldPhiCycles(w.lifted);
  });
}

/// Costs (sequential: TTI may create types in the context, TTICost.h), then
/// extraction (parallel).
void extractFunctions(ArrayRef<Function *> functions, const Options &opts, TargetMachine *tm,
                      std::vector<FunctionWork> &work) {
  for (size_t i = 0; i < functions.size(); ++i)
    if (!work[i].conflict)
      work[i].costs.emplace(extract::TTICostTable::build(
          *work[i].lifted.egraph, *work[i].lifted.tables, functionTTI(*functions[i], tm)));
  tbb::parallel_for(size_t(0), functions.size(), [&](size_t i) {
    TimeTrace::Scope span(opts.trace, "extract", functions[i]->getName().str());
    FunctionWork &w = work[i];
    if (w.conflict) return;
    w.extraction =
        extract::extractFunction(w.lifted, *w.costs, opts.extractor, opts.compareExtractors);
  });
}

/// Counts each function's e-graph and extraction, in function order.
void countFunctions(std::vector<FunctionWork> &work, eg::Statistics &stats) {
  for (FunctionWork &w : work) {
    stats.add(LiftedFunctions);
    stats.merge(w.lifted.stats);
    stats.merge(w.stats);
    const eg::EGraph &g = *w.lifted.egraph;
    stats.add(ENodes, g.numNodes());
    stats.add(EClasses, g.numClasses());
    stats.add(FactChangeLimitHits, g.counters().factChangeLimitHits);
    stats.add(ConflictFunctions, w.conflict);
    if (w.conflict) continue;
    stats.add(CostKeys, w.costs->numKeys());
    stats.add(DagCost, w.extraction.dagCost);
    stats.add(GreedyDagCost, w.extraction.greedyDagCost);
    stats.add(DagExtractorDagCost, w.extraction.dagExtractorDagCost);
  }
}

/// Sequential: each function rebuilt from its extraction and verified.
Error lowerFunctions(std::vector<FunctionWork> &work, const Options &opts, eg::Statistics &stats) {
  for (FunctionWork &w : work) {
    if (w.conflict) {
      w.lifted.egraph.reset();
      continue;
    }
    lower::foldConstantBranches(w.lifted, stats);
    lower::elaborate(w.lifted, *w.extraction.extractor, stats);
    // Rewriting can leave a pure call's result unused (its users folded
    // away); elaboration drops dead pure values, this the dead skeleton.
    passes::deleteDeadInstructions(*w.lifted.fn, stats);
    if (opts.verify) {
      std::string msg;
      raw_string_ostream os(msg);
      if (verifyFunction(*w.lifted.fn, &os))
        return errorf("internal error: function '" + w.lifted.fn->getName() +
                      "' is invalid after lowering: " + StringRef(msg).split('\n').first.trim());
    }
    w.lifted.egraph.reset();
  }
  return Error::success();
}

/// The e-graph's work on `functions`, prepared: rewrite and extract them
/// (in parallel), count, then lower them.
Error rewriteAndLower(ArrayRef<Function *> functions, const Options &opts, eg::Statistics &stats,
                      TargetMachine *tm) {
  if (functions.empty()) return Error::success();
  std::vector<FunctionWork> work(functions.size());
  auto tEGraph = Clock::now();
  rewriteFunctions(functions, opts, work);
  auto tExtract = Clock::now();
  extractFunctions(functions, opts, tm, work);
  stats.addSeconds(ExtractSeconds, since(tExtract));
  countFunctions(work, stats);
  stats.addSeconds(EGraphSeconds, since(tEGraph));
  auto tLower = Clock::now();
  TimeTrace::Scope span(opts.trace, "lower", functions.front()->getParent()->getModuleIdentifier());
  Error e = lowerFunctions(work, opts, stats);
  stats.addSeconds(LowerSeconds, since(tLower));
  return e;
}

} // namespace

Error simplifyFunction(Function &f, passes::SkeletonOptimizer &skeleton, const Options &opts,
                       eg::Statistics &stats, TargetMachine *tm) {
  if (!prepareFunction(f, skeleton, stats) || !opts.egraph) return Error::success();
  Function *one[] = {&f};
  return rewriteAndLower(one, opts, stats, tm);
}

Error optimizeFunctions(Module &m, const Options &opts, eg::Statistics &stats, TargetMachine *tm) {
  std::vector<Function *> functions = prepareFunctions(m, opts, stats);
  if (opts.egraph)
    if (Error e = rewriteAndLower(functions, opts, stats, tm)) return e;
  // Lowering rewrites each function in place: the vectorizer and an
  // experiment's passes see the same functions, and count as lowering.
  auto tLower = Clock::now();
  bool loops = opts.optLevel >= 2 && opts.loopPasses && tm;
  bool cleanUp = opts.egraph && opts.cfgCleanup;
  if (loops || cleanUp) {
    passes::AnalysisManagers am(tm); // one set of analyses for all four
    if (loops) {
      vectorizeLoops(functions, am.fam, stats);
      vectorizeStraightLine(functions, am.fam, stats);
      unrollLoops(functions, am.fam, stats);
    }
    if (cleanUp) cleanUpControlFlow(functions, am.fam, stats);
  }
  // Again once the e-graph's folded branches are gone: the bounds checks
  // it removed kept a word's bytes in separate blocks when the skeleton
  // looked (a Rust `u16::from_le_bytes([b[i - 1], b[i]])`).
  if (opts.egraph && opts.skeleton)
    for (Function *f : functions) stats.add(LoadsCombinedAfterEGraph, passes::combineLoads(*f));
  runExtraPostPasses(functions, opts, tm);
  stats.addSeconds(LowerSeconds, since(tLower));
  return Error::success();
}

} // namespace egopt
