#include "egopt/Pipeline.h"
#include "egopt/SmallLoopUnroll.h"

#include "egopt/extract/ExtractFunction.h"
#include "egopt/lift/Lifter.h"
#include "egopt/lower/BranchFolding.h"
#include "egopt/lower/CodegenUnits.h"
#include "egopt/lower/Elaborator.h"
#include "egopt/egraph/Runner.h"
#include "egopt/passes/ConstantFold.h"
#include "egopt/passes/KnownBitsAnalysis.h"
#include "egopt/passes/RangeAnalysis.h"
#include "egopt/passes/RuleCatalog.h"
#include "egopt/passes/AnalysisManagers.h"
#include "egopt/passes/EdgeSelects.h"
#include "egopt/passes/MemoryOptimizer.h"
#include "egopt/passes/Reassociate.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/InlineAdvisor.h"
#include "llvm/Analysis/InlineCost.h"
#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/LoopAccessAnalysis.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Transforms/Coroutines/CoroAnnotationElide.h"
#include "llvm/Transforms/Coroutines/CoroCleanup.h"
#include "llvm/Transforms/Coroutines/CoroEarly.h"
#include "llvm/Transforms/Coroutines/CoroElide.h"
#include "llvm/Transforms/Coroutines/CoroSplit.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Instrumentation/AllocToken.h"
#include "llvm/Transforms/IPO/AlwaysInliner.h"
#include "llvm/Transforms/IPO/FunctionAttrs.h"
#include "llvm/Transforms/IPO/SCCP.h"
#include "llvm/Transforms/IPO/Inliner.h"
#include "llvm/Transforms/IPO/ModuleInliner.h"
#include "llvm/Transforms/Scalar/LoopPassManager.h"
#include "llvm/Transforms/Scalar/LowerConstantIntrinsics.h"
#include "llvm/Transforms/Scalar/LowerExpectIntrinsic.h"
#include "llvm/Transforms/Scalar/LoopUnrollPass.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"
#include "llvm/Transforms/Scalar/TailRecursionElimination.h"
#include "llvm/Transforms/Utils/EntryExitInstrumenter.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/LoopSimplify.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Vectorize/LoopVectorize.h"
#include "llvm/Transforms/Vectorize/VectorCombine.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_for_each.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <mutex>
#include <numeric>
#include <optional>
#include <string_view>

#ifndef EGOPT_DEFAULT_LLD
#define EGOPT_DEFAULT_LLD "ld.lld"
#endif

namespace egopt {
using namespace llvm;
using Clock = std::chrono::steady_clock;

namespace {

/// The threads to run with: -j N may ask for more than the machine has
/// (oneTBB would otherwise cap its workers and warn).
struct ThreadLimit {
  explicit ThreadLimit(unsigned threads) {
    if (threads) control.emplace(tbb::global_control::max_allowed_parallelism, threads);
  }
  std::optional<tbb::global_control> control;
};

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Error errorf(const Twine &msg) { return createStringError(inconvertibleErrorCode(), msg); }

//===----------------------------------------------------------------------===//
// Pre-passes
//===----------------------------------------------------------------------===//

/// SROA (which includes mem2reg) and simplifycfg on every function; at -O2
/// and up the CGSCC inliner runs with them interleaved, as LLVM's own
/// pipeline does. Two interprocedural passes follow the same measurement
/// (docs/pipeline.md): IPSCCP, for constants that cross function boundaries
/// (a noinline `MEM_isLittleEndian()` that returns 1), and the post-order
/// function-attribute inference, which marks such callees `memory(none)
/// nounwind willreturn` so their calls can go. Per-function e-graphs cannot
/// see across calls. LLVM's scalar optimizers (instcombine, GVN, ...) are
/// not run: the e-graph does that work.
///
/// Around them, the lowerings LLVM's pipelines run at every level (-O0
/// included), since egopt replaces those pipelines and code generation
/// cannot do without them or would silently drop what they implement:
/// coroutines split into their ramp, resume and destroy functions (code
/// generation aborts on `llvm.coro.*`), `-finstrument-functions` calls,
/// allocation tokens; and, at -O1 and up as in LLVM, `llvm.expect` turned
/// into branch weights and `llvm.is.constant`/`llvm.objectsize` folded
/// once inlining has run.
void runPrePasses(Module &m, unsigned optLevel, bool interprocedural, bool loopPasses,
                  TargetMachine *tm, Stats &stats) {
  passes::AnalysisManagers am(tm);
  if (optLevel == 0) {
    // LLVM's own -O0 pipeline is exactly those lowerings (and always-inline).
    PassBuilder pb(tm);
    pb.buildO0DefaultPipeline(OptimizationLevel::O0).run(m, am.mam);
    return;
  }

  auto simplify = [](bool markTailCalls) {
    FunctionPassManager fpm;
    fpm.addPass(SROAPass(SROAOptions::ModifyCFG));
    fpm.addPass(SimplifyCFGPass());
    // Marks calls in tail position `tail` (a jump instead of call + return
    // for wrappers like zstd's `XXH_memcpy`); the skeleton keeps the marker.
    // Once, after inlining, as in LLVM's own pipeline: before IPSCCP it
    // changed no output of the corpus and cost 0.1% of xz's compile.
    if (markTailCalls) fpm.addPass(TailCallElimPass());
    return fpm;
  };
  ModulePassManager mpm;
  mpm.addPass(CoroEarlyPass());
  {
    FunctionPassManager early;
    early.addPass(EntryExitInstrumenterPass(/*PostInlining=*/false));
    early.addPass(LowerExpectIntrinsicPass());
    mpm.addPass(createModuleToFunctionPassAdaptor(std::move(early)));
  }
  mpm.addPass(AlwaysInlinerPass());
  // Tail-call marking here only at -O1: at -O2 and up the inliner's walk
  // below marks them.
  mpm.addPass(createModuleToFunctionPassAdaptor(simplify(/*markTailCalls=*/optLevel < 2)));
  // After SROA: on -O0 IR full of allocas IPSCCP finds little.
  // No function specialization: LLVM leaves it to -O3 (and it cost zstd
  // 0.5% of its compile).
  if (interprocedural) mpm.addPass(IPSCCPPass(IPSCCPOptions(/*AllowFuncSpec=*/false)));
  // A coroutine is split in the post-order walk, after its callees, as in
  // LLVM's pipeline (so the inliner sees the split functions).
  if (optLevel >= 2) {
    ModuleInlinerWrapperPass inliner(getInlineParams(optLevel, /*SizeOptLevel=*/0));
    FunctionPassManager fpm = simplify(/*markTailCalls=*/true);
    if (loopPasses) {
      // Loops with a small constant trip count unrolled: zlib's braided CRC
      // runs `for (k = 0; k < W; k++)` per word. The e-graph then folds the
      // copies' induction values into constant offsets. No loop rotation:
      // it cost lz4 4% more instructions and zstd compile time
      // (docs/pipeline.md, "Loop passes"). At -O2 small counted loops get
      // a larger limit than LLVM's: the body is not simplified yet
      // (SmallLoopUnroll.h).
      // The unroller runs only on functions with a loop it may unroll.
      FunctionPassManager unroll;
      unroll.addPass(createFunctionToLoopPassAdaptor(LoopFullUnrollPass(int(optLevel))));
      // The unrolled copies index arrays by constants now: SROA turns
      // them into values (zstd's four Huffman streams' states).
      unroll.addPass(SROAPass(SROAOptions::ModifyCFG));
      unroll.addPass(SimplifyCFGPass()); // joins the unrolled copies' blocks
      fpm.addPass(SmallLoopUnroll(optLevel, std::move(unroll), &stats));
    }
    // A coroutine whose frame does not escape the caller it was inlined
    // into gets its frame on the caller's stack.
    fpm.addPass(CoroElidePass());
    inliner.getPM().addPass(createCGSCCToFunctionPassAdaptor(std::move(fpm)));
    if (interprocedural) inliner.getPM().addPass(PostOrderFunctionAttrsPass());
    inliner.getPM().addPass(CoroSplitPass(/*OptimizeFrame=*/true));
    inliner.getPM().addPass(CoroAnnotationElidePass());
    mpm.addPass(std::move(inliner));
  } else {
    CGSCCPassManager cgpm;
    if (interprocedural) cgpm.addPass(PostOrderFunctionAttrsPass());
    cgpm.addPass(CoroSplitPass(/*OptimizeFrame=*/true));
    mpm.addPass(createModuleToPostOrderCGSCCPassAdaptor(std::move(cgpm)));
  }
  mpm.addPass(CoroCleanupPass());
  mpm.addPass(createModuleToFunctionPassAdaptor(LowerConstantIntrinsicsPass()));
  mpm.addPass(AllocTokenPass());
  mpm.run(m, am.mam);
}

//===----------------------------------------------------------------------===//
// The mid-end on one module (one context, one owning thread)
//===----------------------------------------------------------------------===//

/// Functions the e-graph leaves alone, and why (docs/pipeline.md).
bool shouldSkip(const Function &f) {
  if (f.hasOptNone()) return true; // the user asked for it
  for (const BasicBlock &bb : f)
    for (const Instruction &i : bb)
      if (auto *call = dyn_cast<CallInst>(&i); call && call->isMustTailCall())
        return true; // nothing may be placed between a musttail call and its ret
  return false;
}

/// What the statistics keep of a function's rewrite run. The run's report
/// holds a row per rule per round (zstd: 3,500 rounds x 290 rules, 48 MB);
/// it is folded into this as soon as the run ends.
struct RewriteSummary {
  std::optional<eg::StopReason> stopReason; ///< none: no rules ran
  size_t rounds = 0, unions = 0, declined = 0;
  /// Rules that made unions; the names are the rules' own (they outlive the run).
  std::vector<std::pair<std::string_view, size_t>> unionsByRule;
};

RewriteSummary summarize(const eg::RunReport &r) {
  RewriteSummary s;
  if (r.ruleNames.empty()) return s;
  s.stopReason = r.stopReason;
  s.rounds = r.iterations.size();
  std::vector<size_t> unions(r.ruleNames.size(), 0);
  for (const eg::IterationStats &it : r.iterations)
    for (size_t k = 0; k < it.rules.size(); ++k) {
      unions[k] += it.rules[k].unions;
      s.declined += it.rules[k].declined;
    }
  for (size_t k = 0; k < unions.size(); ++k) {
    s.unions += unions[k];
    if (unions[k]) s.unionsByRule.emplace_back(r.ruleNames[k], unions[k]);
  }
  return s;
}

struct FunctionWork {
  ir::LiftedFunction lifted;
  passes::ReassociateStats reassociated;
  RewriteSummary rewrite;
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
void warmStructLayouts(const Function &f, const DataLayout &dl,
                       SmallPtrSetImpl<Type *> &seen) {
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
eg::RunReport rewrite(eg::EGraph &g, const std::vector<const eg::Rule *> &rules, const Options &opts) {
  if (rules.empty()) return {};
  eg::Runner runner(g);
  runner.setLimits(budgetFor(g, opts));
  // egg's backoff: a rule matching more than 1000 times in a round sits out
  // a couple of rounds (the per-rule match limit that stops one rule's blow-up).
  runner.setScheduler(std::make_unique<eg::BackoffScheduler>(1000, 2));
  return runner.run(rules);
}

/// The built-in passes, parsed once per process.
const eg::RuleSet &builtinRules() {
  static const std::unique_ptr<eg::RuleSet> builtin = [] {
    auto r = passes::loadRules({});
    if (!r) report_fatal_error(Twine("built-in rules: ") + toString(r.takeError()));
    return std::move(*r);
  }();
  return *builtin;
}

/// A call to a function that returns one of its arguments (a `returned`
/// parameter, which the function-attribute pre-pass infers for helpers such
/// as zstd's `HUF_getNbBitsFast(x) { return x; }`) has that argument's value:
/// its users take the argument, and the call, if it has no effect, is then
/// dead. Returns how many calls were forwarded.
size_t forwardReturnedArguments(Function &f) {
  size_t forwarded = 0;
  for (Instruction &i : instructions(f))
    if (auto *call = dyn_cast<CallBase>(&i); call && !call->use_empty())
      if (Value *arg = call->getReturnedArgOperand(); arg && arg->getType() == call->getType()) {
        call->replaceAllUsesWith(arg);
        ++forwarded;
      }
  return forwarded;
}

/// Deletes instructions whose result is unused and that have no effect:
/// chiefly calls to functions the pre-passes proved `memory(none) nounwind
/// willreturn` (an unused pure result of the skeleton; elaboration already
/// drops unused pure values). Returns how many went.
size_t deleteDeadInstructions(Function &f) {
  SmallVector<WeakTrackingVH, 16> dead;
  for (Instruction &i : instructions(f))
    if (isInstructionTriviallyDead(&i)) dead.push_back(&i);
  if (dead.empty()) return 0;
  // Counted as they go: Function::getInstructionCount walks every block.
  size_t deleted = 0;
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(dead, nullptr, nullptr,
                                                       [&](Value *) { ++deleted; });
  return deleted;
}

/// LLVM's loop vectorizer on the lowered functions that have loops; returns
/// how many it changed. After the e-graph: it needs the loops' final form,
/// and its cost model the target's (no target machine, no vectorization).
///
/// Which loops it may widen (docs/pipeline.md, "Loop passes", has the
/// measurements); every other innermost loop gets the vectorizer's own
/// "do not vectorize" hint for the run:
/// - Innermost loops without calls. The vectorizer refuses a loop that calls
///   a function (no vector library is configured, so no call has a vector
///   variant); a function without any other loop is skipped before the
///   vectorizer's analyses are computed, and its loops stay as they are (the
///   vectorizer would put them in LCSSA form even when it widens nothing).
/// - Loops that compute what they store, or store nothing (reductions). A
///   loop that only copies or fills is left scalar: LLVM's own pipeline
///   makes the countable ones memcpy or memset calls, not vector loops, and
///   on the corpus they are the LZ coders' short match and literal copies,
///   whose widened versions ran no program faster.
/// - Loops whose memory accesses need no runtime alias check: the checked
///   vector path of the corpus's such loops (copies whose source and
///   destination overlap by design) ran rarely. Loop access analysis finds
///   them, and the vectorizer then reuses it.
size_t vectorizeLoops(ArrayRef<Function *> functions, TargetMachine &tm) {
  passes::AnalysisManagers am(&tm);
  FunctionAnalysisManager &fam = am.fam;
  FunctionPassManager fpm;
  fpm.addPass(LoopVectorizePass());
  // What the vectorizer leaves for InstCombine and VectorCombine, as in
  // LLVM's own pipeline: the idioms of the widened body (`a >= b ? a - b : 0`
  // is `usub.sat`, one instruction on vectors), then the reverse shuffles
  // around element-wise operations of a loop that walks down an array. Only
  // the functions it changed (1 in minigzip, 4 in zstd); the rest keep the
  // e-graph's choices. In those, InstCombine also sees the scalar code.
  FunctionPassManager cleanup;
  cleanup.addPass(InstCombinePass());
  cleanup.addPass(VectorCombinePass());
  // Calls no function, and computes what it stores or stores nothing: a loop
  // that only moves data stores nothing but values loaded in the loop or
  // invariant (a copy or a fill).
  auto mayWiden = [](const Loop &l) {
    bool stores = false, computes = false;
    for (const BasicBlock *bb : l.blocks())
      for (const Instruction &i : *bb) {
        if (isa<CallBase>(i) && !isa<IntrinsicInst>(i)) return false;
        if (auto *st = dyn_cast<StoreInst>(&i)) {
          stores = true;
          auto *v = dyn_cast<Instruction>(st->getValueOperand());
          computes |= v && l.contains(v) && !isa<LoadInst>(v);
        }
      }
    return computes || !stores;
  };
  // The vectorizer marks the loops it widened (and their scalar remainders).
  auto vectorized = [](const Function &f) {
    for (const BasicBlock &bb : f)
      if (MDNode *loopID = bb.getTerminator()->getMetadata(LLVMContext::MD_loop))
        if (findOptionMDForLoopID(loopID, "llvm.loop.isvectorized")) return true;
    return false;
  };
  size_t changed = 0;
  for (Function *f : functions) {
    scope_exit clearAnalyses([&] { fam.clear(*f, f->getName()); });
    LoopInfo &li = fam.getResult<LoopAnalysis>(*f);
    // Innermost loops, and whether each may be widened.
    SmallVector<std::pair<Loop *, bool>, 8> innermost;
    for (Loop *l : li.getLoopsInPreorder())
      if (l->isInnermost()) innermost.push_back({l, mayWiden(*l)});
    if (none_of(innermost, [](auto &e) { return e.second; }) || vectorized(*f)) continue;
    // Loop access analysis wants the vectorizer's loop form (a preheader,
    // one latch, dedicated exits); the vectorizer would make it anyway.
    auto &dt = fam.getResult<DominatorTreeAnalysis>(*f);
    auto &se = fam.getResult<ScalarEvolutionAnalysis>(*f);
    auto &ac = fam.getResult<AssumptionAnalysis>(*f);
    for (Loop *l : li) simplifyLoop(l, &dt, &li, &se, &ac, nullptr, /*PreserveLCSSA=*/false);
    auto &access = fam.getResult<LoopAccessAnalysis>(*f);
    // Every other innermost loop is told to stay scalar through the
    // vectorizer's own hint, and gets its loop metadata back afterwards.
    SmallVector<std::pair<Instruction *, MDNode *>, 8> hinted;
    size_t widen = 0;
    for (auto [l, may] : innermost) {
      if (may) {
        const LoopAccessInfo &lai = access.getInfo(*l);
        if (!(lai.canVectorizeMemory() && lai.getRuntimePointerChecking()->Need)) {
          ++widen;
          continue;
        }
      }
      Instruction *latchTerm = l->getLoopLatch() ? l->getLoopLatch()->getTerminator() : nullptr;
      if (!latchTerm) continue;
      hinted.push_back({latchTerm, latchTerm->getMetadata(LLVMContext::MD_loop)});
      addStringMetadataToLoop(l, "llvm.loop.vectorize.enable", 0);
    }
    if (widen) {
      fpm.run(*f, fam);
      if (vectorized(*f)) {
        ++changed;
        cleanup.run(*f, fam);
      }
    }
    for (auto [term, loopID] : hinted) term->setMetadata(LLVMContext::MD_loop, loopID);
  }
  return changed;
}

Error optimizeFunctions(Module &m, const Options &opts, Stats &stats, TargetMachine *tm) {
  std::vector<const eg::Rule *> rules =
      (opts.rules ? *opts.rules : builtinRules()).enabledRules();
  // Sequential: whatever writes to the context (removing unreachable blocks
  // and the skeleton's memory optimizations edit use lists of shared
  // constants; struct layouts are cached).
  std::vector<Function *> functions;
  auto t0 = Clock::now();
  {
    TimeTrace::Scope span(opts.trace, "prepare", m.getModuleIdentifier());
    SmallPtrSet<Type *, 32> warmed;
    passes::MemoryOptimizer memory;
    for (Function &f : m) {
      if (f.isDeclaration()) continue;
      ++stats.functions;
      if (shouldSkip(f)) {
        ++stats.skippedFunctions;
        continue;
      }
      removeUnreachableBlocks(f);
      stats.edgeSelects += passes::simplifyEdgeSelects(f);
      stats.returnedArguments += forwardReturnedArguments(f);
      stats.deadSkeleton += deleteDeadInstructions(f);
      passes::MemoryOptStats ms = memory.run(f);
      stats.loadsFromStores += ms.loadsFromStores;
      stats.loadsFromLoads += ms.loadsFromLoads;
      stats.addressDepthLimitHits += ms.addressDepthLimitHits;
      stats.deadStores += ms.deadStores;
      stats.smallMemTransfers += ms.smallMemTransfers;
      warmStructLayouts(f, m.getDataLayout(), warmed);
      functions.push_back(&f);
    }
  }
  stats.liftSeconds += since(t0);

  // Parallel: lifting only reads the IR; the e-graph work is plain data.
  std::vector<FunctionWork> work(functions.size());
  auto t1 = Clock::now();
  tbb::parallel_for(size_t(0), functions.size(), [&](size_t i) {
    Function &f = *functions[i];
    TimeTrace::Scope span(opts.trace, "function", f.getName().str());
    FunctionWork &w = work[i];
    w.lifted = ir::liftFunction(f, [](eg::EGraph &g, const ir::IRTables &tables) {
      g.setDropSelfLoops(true);
      g.addAnalysis<passes::IntConstantFold>(tables);
      g.addAnalysis<passes::KnownBitsAnalysis>(tables);
      g.addAnalysis<passes::RangeAnalysis>(tables);
    });
    w.lifted.egraph->rebuild();
    // Trees of one associative operator get their normal form in one step,
    // before the rules (Reassociate.h); with no rules, nothing is rewritten.
    if (!rules.empty() && opts.reassociate) w.reassociated = passes::reassociate(w.lifted);
    w.rewrite = summarize(rewrite(*w.lifted.egraph, rules, opts));
    w.conflict = w.lifted.egraph->hasConflict();
    if (!w.conflict) ir::foldPhiCycles(w.lifted);
  });
  // Sequential: TTI may create types in the context (TTICost.h).
  auto tCosts = Clock::now();
  for (size_t i = 0; i < functions.size(); ++i)
    if (!work[i].conflict)
      work[i].costs.emplace(extract::TTICostTable::build(
          *work[i].lifted.egraph, *work[i].lifted.tables, functionTTI(*functions[i], tm)));
  tbb::parallel_for(size_t(0), functions.size(), [&](size_t i) {
    TimeTrace::Scope span(opts.trace, "extract", functions[i]->getName().str());
    FunctionWork &w = work[i];
    if (w.conflict) return;
    w.extraction = extract::extractFunction(w.lifted, *w.costs, opts.extractor, opts.compareExtractors);
  });
  stats.extractSeconds += since(tCosts);
  for (FunctionWork &w : work) {
    const RewriteSummary &r = w.rewrite;
    if (!r.stopReason) continue;
    ++stats.stopReasons[eg::stopReasonName(*r.stopReason)];
    stats.rewriteRounds += r.rounds;
    stats.rewriteUnions += r.unions;
    stats.rewriteDeclined += r.declined;
    for (auto &[rule, unions] : r.unionsByRule) stats.ruleUnions[std::string(rule)] += unions;
  }
  for (FunctionWork &w : work) {
    ++stats.liftedFunctions;
    stats.pureInstructions += w.lifted.stats.pureInstructions;
    stats.skeletonInstructions += w.lifted.stats.skeletonInstructions;
    stats.phisFolded += w.lifted.stats.phisFolded;
    for (auto &[name, count] : w.lifted.stats.skeletonByOpcode) stats.skeletonByOpcode[name] += count;
  }
  stats.egraphSeconds += since(t1);
  for (FunctionWork &w : work) {
    stats.eNodes += w.lifted.egraph->numNodes();
    stats.eClasses += w.lifted.egraph->numClasses();
    stats.factChangeLimitHits += w.lifted.egraph->counters().factChangeLimitHits;
    stats.reassociatedTrees += w.reassociated.trees;
    stats.reassociatedOperationsIn += w.reassociated.operationsIn;
    stats.reassociatedOperationsOut += w.reassociated.operationsOut;
    stats.conflictFunctions += w.conflict;
    if (w.conflict) continue;
    stats.costKeys += w.costs->numKeys();
    stats.dagCost += w.extraction.dagCost;
    stats.greedyDagCost += w.extraction.greedyDagCost;
    stats.dagExtractorDagCost += w.extraction.dagExtractorDagCost;
  }

  auto t2 = Clock::now();
  TimeTrace::Scope span(opts.trace, "lower", m.getModuleIdentifier());
  for (FunctionWork &w : work) {
    if (w.conflict) {
      w.lifted.egraph.reset();
      continue;
    }
    lower::BranchFoldingStats bs = lower::foldConstantBranches(w.lifted);
    stats.branchesFolded += bs.branchesFolded;
    stats.blocksRemoved += bs.blocksRemoved;
    lower::ElaborationStats es = lower::elaborate(w.lifted, *w.extraction.extractor);
    // Rewriting can leave a pure call's result unused (its users folded
    // away); elaboration drops dead pure values, this the dead skeleton.
    stats.deadSkeleton += deleteDeadInstructions(*w.lifted.fn);
    stats.materialized += es.materialized;
    stats.reused += es.reused;
    stats.hoisted += es.hoisted;
    stats.atSource += es.atSource;
    stats.erased += es.erased;
    if (opts.verify) {
      std::string msg;
      raw_string_ostream os(msg);
      if (verifyFunction(*w.lifted.fn, &os))
        return errorf("internal error: function '" + w.lifted.fn->getName() +
                      "' is invalid after lowering: " + StringRef(msg).split('\n').first.trim());
    }
    w.lifted.egraph.reset();
  }
  if (opts.optLevel >= 2 && opts.loopPasses && tm) {
    std::vector<Function *> lowered;
    for (FunctionWork &w : work) lowered.push_back(w.lifted.fn);
    stats.vectorizedFunctions += vectorizeLoops(lowered, *tm);
  }
  stats.lowerSeconds += since(t2);
  return Error::success();
}

//===----------------------------------------------------------------------===//
// Codegen units
//===----------------------------------------------------------------------===//

CodeGenFileType fileType(EmitKind k) {
  return k == EmitKind::Assembly ? CodeGenFileType::AssemblyFile : CodeGenFileType::ObjectFile;
}

lower::CodegenOptions codegenOptions(const Options &opts) {
  lower::CodegenOptions c = opts.codegen;
  c.optLevel = opts.optLevel == 0   ? CodeGenOptLevel::None
               : opts.optLevel == 1 ? CodeGenOptLevel::Less
               : opts.optLevel == 2 ? CodeGenOptLevel::Default
                                    : CodeGenOptLevel::Aggressive;
  return c;
}

void writeModule(Module &m, EmitKind kind, SmallVectorImpl<char> &out) {
  raw_svector_ostream os(out);
  if (kind == EmitKind::Bitcode)
    WriteBitcodeToFile(m, os);
  else
    m.print(os, nullptr);
}

/// Joins relocatable objects into one with `ld.lld -r`.
Error joinObjects(const std::vector<SmallVector<char, 0>> &objects, const std::string &lld,
                  SmallVectorImpl<char> &out) {
  std::vector<std::string> inputs;
  scope_exit cleanup([&] {
    for (const std::string &p : inputs) sys::fs::remove(p);
  });
  for (const auto &obj : objects) {
    SmallString<128> path;
    int fd;
    if (std::error_code ec = sys::fs::createTemporaryFile("egopt-cgu", "o", fd, path))
      return errorf("cannot create a temporary file: " + ec.message());
    inputs.push_back(path.str().str());
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os.write(obj.data(), obj.size());
    os.close();
    if (os.has_error()) return errorf("cannot write '" + path + "'");
  }
  SmallString<128> outPath;
  int outFd;
  if (std::error_code ec = sys::fs::createTemporaryFile("egopt-joined", "o", outFd, outPath))
    return errorf("cannot create a temporary file: " + ec.message());
  sys::fs::closeFile(outFd);
  inputs.push_back(outPath.str().str());

  auto program = sys::findProgramByName(lld);
  if (!program) return errorf("cannot find the linker '" + lld + "' (needed to join codegen units; use --cgus=1 or --lld=PATH)");
  std::vector<StringRef> args = {*program, "-r", "-o", outPath};
  for (size_t i = 0; i + 1 < inputs.size(); ++i) args.push_back(inputs[i]);
  std::string errMsg;
  int rc = sys::ExecuteAndWait(*program, args, std::nullopt, {}, 0, 0, &errMsg);
  if (rc != 0) return errorf("'" + lld + " -r' failed joining codegen units" + (errMsg.empty() ? "" : ": " + errMsg));
  auto buf = MemoryBuffer::getFile(outPath);
  if (!buf) return errorf("cannot read the joined object: " + buf.getError().message());
  out.assign((*buf)->getBufferStart(), (*buf)->getBufferEnd());
  return Error::success();
}

} // namespace

//===----------------------------------------------------------------------===//
// Public entry points
//===----------------------------------------------------------------------===//

Error optimizeModule(Module &m, const Options &opts, Stats *statsOut) {
  Stats local;
  Stats &stats = statsOut ? *statsOut : local;
  auto t0 = Clock::now();
  runPrePasses(m, opts.optLevel, opts.interprocedural, opts.loopPasses, nullptr, stats);
  stats.prePassSeconds += since(t0);
  if (opts.optLevel == 0) return Error::success();
  ThreadLimit limit(opts.threads);
  tbb::task_arena arena(opts.threads ? int(opts.threads) : tbb::task_arena::automatic);
  Error err = Error::success();
  arena.execute([&] { err = optimizeFunctions(m, opts, stats, nullptr); });
  return err;
}

Error compileModule(std::unique_ptr<Module> m, const Options &opts, std::vector<Output> &outputs,
                    Stats &stats) {
  auto tStart = Clock::now();
  lower::CodegenOptions cg = codegenOptions(opts);
  // A target machine for the whole module: its triple and data layout, and
  // the inliner's cost model.
  auto tm = lower::createTargetMachine(*m, cg);
  if (!tm) return tm.takeError();
  cg.triple = m->getTargetTriple().str();

  {
    TimeTrace::Scope span(opts.trace, "pre-passes");
    auto t = Clock::now();
    runPrePasses(*m, opts.optLevel, opts.interprocedural, opts.loopPasses, tm->get(), stats);
    stats.prePassSeconds += since(t);
  }

  lower::CGUOptions cguOpts;
  // Units exist for parallel code generation; IR and assembly output is one
  // module, so it is one unit.
  cguOpts.requested = opts.emit == EmitKind::Object ? opts.cgus : 1;
  cguOpts.minSize = opts.minCGUSize;
  lower::CGUPlan plan = lower::planCodegenUnits(*m, cguOpts);
  size_t n = plan.numUnits();
  stats.cguEstimates = plan.estimates;
  stats.cguCodegenSeconds.assign(n, 0);

  ThreadLimit limit(opts.threads);
  tbb::task_arena arena(opts.threads ? int(opts.threads) : tbb::task_arena::automatic);
  bool textual = opts.emit == EmitKind::LLVM || opts.emit == EmitKind::Bitcode;

  if (n == 1) {
    // One unit: no split, the module stays in its context.
    Error err = Error::success();
    auto tUnits = Clock::now();
    arena.execute([&] {
      if (opts.optLevel > 0) err = optimizeFunctions(*m, opts, stats, tm->get());
    });
    if (err) return err;
    outputs.emplace_back();
    auto t = Clock::now();
    if (textual) {
      writeModule(*m, opts.emit, outputs.back().bytes);
    } else {
      TimeTrace::Scope span(opts.trace, "codegen", "unit 0");
      if (Error e = lower::emitCode(*m, **tm, fileType(opts.emit), outputs.back().bytes)) return e;
    }
    stats.codegenSeconds += since(t);
    stats.cguCodegenSeconds[0] = since(t);
    stats.unitsWallSeconds = since(tUnits);
    stats.totalSeconds = since(tStart);
    return Error::success();
  }

  auto tSplit = Clock::now();
  lower::SplitResult split;
  {
    TimeTrace::Scope span(opts.trace, "split");
    split = lower::splitIntoUnits(*m, plan, opts.moduleKey);
  }
  stats.externalizedSymbols = split.externalized;
  // Unit 0 is the split module itself, less the other units' definitions:
  // the same module loadUnit would read back, with no parse (whatever the
  // thread count, so the output does not depend on it).
  if (Error e = lower::restrictToUnit(*m, split, 0)) return e;
  stats.splitSeconds += since(tSplit);
  bool discardNames = m->getContext().shouldDiscardValueNames();

  // Largest unit first, so the longest job starts first.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return plan.estimates[a] > plan.estimates[b]; });
  std::vector<Stats> unitStats(n);
  std::vector<SmallVector<char, 0>> unitOut(n);
  std::vector<Error> unitErr;
  for (size_t i = 0; i < n; ++i) unitErr.push_back(Error::success());

  auto tUnits = Clock::now();
  arena.execute([&] {
    tbb::parallel_for_each(order.begin(), order.end(), [&](size_t u) {
      TimeTrace::Scope span(opts.trace, "unit", "unit " + std::to_string(u));
      // Every other unit has its own context, never shared between threads
      // (declared before its module, which must go first).
      std::optional<LLVMContext> ctx;
      std::unique_ptr<Module> loaded;
      if (u != 0) {
        ctx.emplace();
        ctx->setDiscardValueNames(discardNames); // as the caller's context does
        auto parsed = lower::loadUnit(split, u, *ctx);
        if (!parsed) {
          unitErr[u] = parsed.takeError();
          return;
        }
        loaded = std::move(*parsed);
      }
      Module &um = u == 0 ? *m : *loaded;
      // The unit's own target machine: for extraction's costs, then codegen.
      auto utm = lower::createTargetMachine(um, cg);
      if (!utm) {
        unitErr[u] = utm.takeError();
        return;
      }
      if (opts.optLevel > 0)
        if (Error e = optimizeFunctions(um, opts, unitStats[u], utm->get())) {
          unitErr[u] = std::move(e);
          return;
        }
      auto t = Clock::now();
      {
        TimeTrace::Scope cgSpan(opts.trace, "codegen", "unit " + std::to_string(u));
        if (Error e = lower::emitCode(um, **utm, fileType(opts.emit), unitOut[u])) {
          unitErr[u] = std::move(e);
          return;
        }
      }
      unitStats[u].cguCodegenSeconds.assign(1, since(t));
      unitStats[u].codegenSeconds += since(t);
    });
  });
  stats.unitsWallSeconds = since(tUnits);
  for (size_t u = 0; u < n; ++u)
    if (unitErr[u]) return std::move(unitErr[u]);
  for (size_t u = 0; u < n; ++u) {
    double cgTime = unitStats[u].cguCodegenSeconds.empty() ? 0 : unitStats[u].cguCodegenSeconds[0];
    unitStats[u].cguCodegenSeconds.clear();
    stats.merge(unitStats[u]);
    stats.cguCodegenSeconds[u] = cgTime;
  }

  auto tJoin = Clock::now();
  TimeTrace::Scope joinSpan(opts.trace, "join");
  if (opts.splitOutput) {
    for (size_t u = 0; u < n; ++u) outputs.push_back({".cgu" + std::to_string(u), std::move(unitOut[u])});
  } else {
    outputs.emplace_back();
    if (Error e = joinObjects(unitOut, opts.lldPath.empty() ? EGOPT_DEFAULT_LLD : opts.lldPath,
                              outputs.back().bytes))
      return e;
  }
  stats.joinSeconds += since(tJoin);

  // How well the estimates predicted codegen time: mean absolute deviation
  // of the normalized shares.
  double estTotal = 0, timeTotal = 0;
  for (size_t u = 0; u < n; ++u) {
    estTotal += double(stats.cguEstimates[u]);
    timeTotal += stats.cguCodegenSeconds[u];
  }
  if (estTotal > 0 && timeTotal > 0) {
    double dev = 0;
    for (size_t u = 0; u < n; ++u)
      dev += std::abs(double(stats.cguEstimates[u]) / estTotal - stats.cguCodegenSeconds[u] / timeTotal);
    stats.cguEstimateError = dev / double(n);
  }
  stats.totalSeconds = since(tStart);
  return Error::success();
}

} // namespace egopt
