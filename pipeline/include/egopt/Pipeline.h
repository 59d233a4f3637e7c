//===- Pipeline.h - egopt's embedded API -----------------------------------===//
//
// The whole mid-end and back-end, as a library:
//
//   parse ─► pre-passes (SROA, simplifycfg; the inliner at -O2 and up)
//         ─► codegen units (each its own LLVMContext)
//         ─► per unit, in parallel: prepare each function, lift, e-graph
//            rounds and extraction (functions in parallel) ─► elaborate
//            ─► LLVM codegen
//         ─► one output (objects joined with `ld.lld -r`), or one per unit.
// lib/Stages.h lists the stages, one file each.
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
#include "egopt/egraph/Statistic.h"
#include "egopt/extract/Extractor.h"
#include "egopt/lower/Codegen.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace egopt {

enum class EmitKind { Object, Assembly, LLVM, Bitcode };

struct Options {
  unsigned optLevel = 2; ///< 0 to 3
  unsigned threads = 0;  ///< 0: every hardware thread
  unsigned cgus = 0;     ///< 0: auto (from the module's size alone)
  uint64_t minCGUSize = 4000;
  EmitKind emit = EmitKind::Object;
  bool splitOutput = false; ///< one output per codegen unit
  /// Identifies the input's contents (e.g. a hash of the file); symbols made
  /// hidden external across codegen units take a suffix derived from it.
  std::string moduleKey;
  lower::CodegenOptions codegen;
  std::string lldPath; ///< joins per-unit objects; empty: the configured one
  bool verify = true;  ///< run LLVM's verifier on every lowered function
  /// Run the interprocedural pre-passes (IPSCCP, function attributes); off,
  /// functions reach the e-graph as the inliner left them (tests of the
  /// e-graph's own work use that).
  bool interprocedural = true;
  /// At -O2 and up, run LLVM's loop passes: full unrolling of constant trip
  /// counts before the e-graph (which then folds the unrolled copies),
  /// rotation, loop idiom recognition, induction-variable simplification and
  /// loop deletion after the inliner; vectorization, then partial and runtime
  /// unrolling after the e-graph (docs/loop-passes.md).
  bool loopPasses = true;
  /// After the e-graph, run LLVM's simplifycfg: branch chains on a value
  /// the e-graph merged become switches (docs/pipeline.md, "After the
  /// e-graph"); off, tests see the skeleton's and the e-graph's own CFG.
  bool cfgCleanup = true;
  extract::ExtractorKind extractor = extract::ExtractorKind::Dag;
  /// Also run the other extractor on each e-graph, for Stats::greedyDagCost
  /// and Stats::dagExtractorDagCost (docs/extraction.md).
  bool compareExtractors = false;
  /// The rewrite rules every function's e-graph runs (passes::loadRules);
  /// null: the built-in passes, loaded once.
  std::shared_ptr<const eg::RuleBook> rules;
  /// Run the e-graph: lift, rewrite, extract, elaborate. Off, functions keep
  /// the form the pre-passes (and the skeleton's optimizations) gave them:
  /// the "+ pre-passes" stage of the harness's ablation.
  bool egraph = true;
  /// At -O2 and up, also run the skeleton and the e-graph on each function
  /// inside the inliner's walk, once its callees are inlined and before its
  /// callers judge its size. Off: measured, it does not pay yet
  /// (docs/quality.md, "Measured and not taken").
  bool simplifyInWalk = false;
  /// Run the skeleton's optimizations before lifting (docs/skeleton.md);
  /// off, only what lifting requires (unreachable blocks removed).
  bool skeleton = true;
  /// LLVM passes (opt's -passes syntax) run after the pre-passes, before
  /// lifting: for experiments (docs/pipeline.md). Empty: none.
  std::string extraPrePasses;
  /// LLVM function passes run on each function after lowering (and the
  /// vectorizer), in its codegen unit: for experiments. Empty: none.
  std::string extraPostPasses;
  /// Normal forms of associative trees before the rules (Reassociate.h).
  bool reassociate = true;
  /// Overrides of the per-function e-graph budget (0: from optLevel;
  /// docs/rules.md gives the defaults and why).
  size_t maxIterations = 0;
  size_t nodeGrowth = 0; ///< e-nodes allowed per e-node lifted
  TimeTrace *trace = nullptr;
};

/// Counters and timings of one compilation (--stats, --stats-json): every
/// stage's declared statistics (eg::Statistic, declared in the stage's own
/// file), and, per codegen unit, its size estimate and code generation time.
struct Stats {
  eg::Statistics counters;
  std::vector<uint64_t> cguEstimates;
  std::vector<double> cguCodegenSeconds;
  /// Mean absolute deviation between estimated and measured shares.
  double cguEstimateError = 0;

  /// Sets cguEstimateError from the estimates and the codegen times.
  void measureEstimates();
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
