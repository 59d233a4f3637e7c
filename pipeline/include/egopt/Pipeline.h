//===- Pipeline.h - egopt's embedded API -----------------------------------===//
//
// The whole mid-end and back-end, as a library:
//
//   parse ─► pre-passes (SROA, simplifycfg; the inliner at -O2 and up)
//         ─► codegen units (each its own LLVMContext)
//         ─► per unit, in parallel: lift each function, e-graph rounds and
//            extraction (functions in parallel) ─► elaborate ─► LLVM codegen
//         ─► one output (objects joined with `ld.lld -r`), or one per unit.
// Only object output is split: IR and assembly output is one module, made in
// one context (the e-graph work of its functions still runs in parallel).
//
// optimizeModule() is the mid-end alone on one module in the caller's
// context (for embedding, and for the pass plugin); compileModule() is what
// the `egopt` driver runs.
//
//===----------------------------------------------------------------------===//
#pragma once
#include "egopt/TimeTrace.h"
#include "egopt/egraph/Rewrite.h"
#include "egopt/extract/Extractor.h"
#include "egopt/lower/Codegen.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace egopt {

enum class EmitKind { Object, Assembly, LLVM, Bitcode };

struct Options {
  unsigned optLevel = 2;   ///< 0 to 3
  unsigned threads = 0;    ///< 0: every hardware thread
  unsigned cgus = 0;       ///< 0: auto (from the module's size alone)
  uint64_t minCGUSize = 4000;
  EmitKind emit = EmitKind::Object;
  bool splitOutput = false; ///< one output per codegen unit
  /// Identifies the input's contents (e.g. a hash of the file); symbols made
  /// hidden external across codegen units take a suffix derived from it.
  std::string moduleKey;
  lower::CodegenOptions codegen;
  std::string lldPath;      ///< joins per-unit objects; empty: the configured one
  bool verify = true;       ///< run LLVM's verifier on every lowered function
  /// Run the interprocedural pre-passes (IPSCCP, function attributes); off,
  /// functions reach the e-graph as the inliner left them (tests of the
  /// e-graph's own work use that).
  bool interprocedural = true;
  /// At -O2 and up, run LLVM's loop passes: full unrolling of constant trip
  /// counts before the e-graph (which then folds the unrolled copies),
  /// vectorization after it (docs/pipeline.md, "Loop passes").
  bool loopPasses = true;
  extract::ExtractorKind extractor = extract::ExtractorKind::Dag;
  /// Also run the other extractor on each e-graph, for Stats::greedyDagCost
  /// and Stats::dagExtractorDagCost (docs/extraction.md).
  bool compareExtractors = false;
  /// The rewrite rules every function's e-graph runs (passes::loadRules);
  /// null: the built-in passes, loaded once.
  std::shared_ptr<const eg::RuleSet> rules;
  /// Overrides of the per-function e-graph budget (0: from optLevel;
  /// docs/rules.md gives the defaults and why).
  /// Normal forms of associative trees before the rules (Reassociate.h).
  bool reassociate = true;
  size_t maxIterations = 0;
  size_t nodeGrowth = 0; ///< e-nodes allowed per e-node lifted
  TimeTrace *trace = nullptr;
};

/// Counters and timings of one compilation (--stats, --stats-json).
struct Stats {
  size_t functions = 0;           ///< definitions seen
  size_t liftedFunctions = 0;     ///< went through the e-graph
  size_t skippedFunctions = 0;    ///< kept as they were (see docs/pipeline.md)
  size_t pureInstructions = 0;
  size_t skeletonInstructions = 0;
  std::map<std::string, size_t> skeletonByOpcode;
  // Skeleton optimizations (docs/skeleton.md).
  size_t loadsFromStores = 0, loadsFromLoads = 0, deadStores = 0;
  /// Address expressions too deep to number (ExpressionNumbering::kMaxDepth).
  size_t addressDepthLimitHits = 0;
  size_t phisFolded = 0, branchesFolded = 0, blocksRemoved = 0;
  size_t eNodes = 0, eClasses = 0;
  /// Rewriting: rounds run, unions rules made, applications declined (types
  /// that did not fit), and how the functions' runs stopped.
  size_t rewriteRounds = 0, rewriteUnions = 0, rewriteDeclined = 0;
  size_t smallMemTransfers = 0; ///< memcpy/memmove/memset of 1-8 bytes made scalar
  size_t returnedArguments = 0; ///< call results forwarded from a `returned` argument
  size_t vectorizedFunctions = 0; ///< functions with loops LLVM's vectorizer widened
  size_t edgeSelects = 0; ///< phi operands decided by their edge (EdgeSelects.h)
  /// Trees of one associative operator given a normal form (Reassociate.h),
  /// and their operations before and after.
  size_t reassociatedTrees = 0, reassociatedOperationsIn = 0, reassociatedOperationsOut = 0;
  /// Analysis joins skipped at a class's fact-change limit (EGraph.h).
  size_t factChangeLimitHits = 0;
  /// Functions left as the pre-passes made them: their e-graph found an
  /// analysis conflict (Analysis.h), so nothing is extracted from it.
  size_t conflictFunctions = 0;
  size_t deadSkeleton = 0; ///< unused instructions without effects, deleted before lifting and after lowering
  /// Full unrolling (SmallLoopUnroll.h): loops hinted, functions the
  /// unroller ran on, functions with loops it was not run on.
  size_t loopsHinted = 0, unrollerRan = 0, unrollerSkipped = 0;
  std::map<std::string, size_t> stopReasons;
  /// Per rule: unions it made (rules that never fired are absent).
  std::map<std::string, size_t> ruleUnions;
  size_t materialized = 0, reused = 0, hoisted = 0, atSource = 0, erased = 0;
  /// Extraction: the DAG cost (TTI costs times loop weights) of the choice
  /// elaboration builds, summed over functions; with compareExtractors, that
  /// of each extractor's choice on the same e-graphs. costKeys: questions
  /// asked of TargetTransformInfo.
  uint64_t dagCost = 0, greedyDagCost = 0, dagExtractorDagCost = 0;
  size_t costKeys = 0;
  size_t externalizedSymbols = 0; ///< internal symbols shared across units
  /// Per codegen unit: the estimate and the measured codegen time.
  std::vector<uint64_t> cguEstimates;
  std::vector<double> cguCodegenSeconds;
  /// Mean absolute deviation between estimated and measured shares.
  double cguEstimateError = 0;
  /// Wall time per phase, summed over units where units run in parallel.
  /// `lift` is the sequential preparation of a unit's functions; `egraph`
  /// is lifting, e-graph work and extraction, with functions in parallel;
  /// `extract` is the part of it spent on costs and extraction.
  double extractSeconds = 0;
  double prePassSeconds = 0, splitSeconds = 0, liftSeconds = 0, egraphSeconds = 0,
         lowerSeconds = 0, codegenSeconds = 0, joinSeconds = 0, totalSeconds = 0;
  /// Wall time of the parallel phase (every unit optimized and compiled).
  double unitsWallSeconds = 0;

  void merge(const Stats &other);
  void print(llvm::raw_ostream &os) const;
  void printTimes(llvm::raw_ostream &os) const;
  std::string toJson() const;
};

/// Runs the pre-passes and the e-graph on every function of `m`, in place.
llvm::Error optimizeModule(llvm::Module &m, const Options &opts, Stats *stats = nullptr);

struct Output {
  std::string suffix; ///< empty for the single output; ".cguN" per unit
  llvm::SmallVector<char, 0> bytes;
};

/// The driver's path: everything from pre-passes to the output bytes.
llvm::Error compileModule(std::unique_ptr<llvm::Module> m, const Options &opts,
                          std::vector<Output> &outputs, Stats &stats);

} // namespace egopt
