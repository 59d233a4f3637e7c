//===- PrePasses.cpp - LLVM's passes before the e-graph --------------------===//
//
// The pre-pass pipeline of each level, built from LLVM's passes and egopt's
// SmallLoopUnroll (docs/pipeline.md, "Pre-passes"), on the whole module.
//
//===----------------------------------------------------------------------===//
#include "Stages.h"
#include "WalkSimplify.h"

#include "egopt/llvm/AnalysisManagers.h"
#include "egopt/llvm/SmallLoopUnroll.h"
#include "egopt/skeleton/CountedLoops.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/InlineAdvisor.h"
#include "llvm/Analysis/InlineCost.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/Coroutines/CoroAnnotationElide.h"
#include "llvm/Transforms/Coroutines/CoroCleanup.h"
#include "llvm/Transforms/Coroutines/CoroEarly.h"
#include "llvm/Transforms/Coroutines/CoroElide.h"
#include "llvm/Transforms/Coroutines/CoroSplit.h"
#include "llvm/Transforms/IPO/AlwaysInliner.h"
#include "llvm/Transforms/IPO/DeadArgumentElimination.h"
#include "llvm/Transforms/IPO/FunctionAttrs.h"
#include "llvm/Transforms/IPO/Inliner.h"
#include "llvm/Transforms/IPO/ModuleInliner.h"
#include "llvm/Transforms/IPO/SCCP.h"
#include "llvm/Transforms/Instrumentation/AllocToken.h"
#include "llvm/Transforms/Scalar/IndVarSimplify.h"
#include "llvm/Transforms/Scalar/LoopDeletion.h"
#include "llvm/Transforms/Scalar/LoopIdiomRecognize.h"
#include "llvm/Transforms/Scalar/LoopPassManager.h"
#include "llvm/Transforms/Scalar/LoopRotation.h"
#include "llvm/Transforms/Scalar/LoopUnrollPass.h"
#include "llvm/Transforms/Scalar/LowerConstantIntrinsics.h"
#include "llvm/Transforms/Scalar/LowerExpectIntrinsic.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"
#include "llvm/Transforms/Scalar/TailRecursionElimination.h"
#include "llvm/Transforms/Utils/EntryExitInstrumenter.h"
#include "llvm/Transforms/Utils/Local.h"

namespace egopt {
using namespace llvm;

namespace {

/// Whether `v` is a `ptrtoint`, or arithmetic on one (a slice's length as
/// `(end - start) / size`), at most `depth` operations up.
bool fromPointerInt(Value *v, unsigned depth) {
  if (isa<PtrToIntInst>(v)) return true;
  auto *op = dyn_cast<BinaryOperator>(v);
  return op && depth &&
         any_of(op->operands(), [&](Value *x) { return fromPointerInt(x, depth - 1); });
}

/// Unused `insertvalue`s, `extractvalue`s, `ptrtoint`s and the arithmetic
/// on them deleted: an unrolled Rust iterator leaves its `{ptr, ptr}` pair
/// and the length it computed from its pointers, and SROA takes those uses
/// of an array for escapes (adler's `[u32; 4]` lanes stayed in memory).
/// Only these: LLVM's whole dead-code pass here changed C programs both
/// ways (libwebp `o2` 0.8% worse, docs/quality.md).
struct DeadIteratorParts : PassInfoMixin<DeadIteratorParts> {
  PreservedAnalyses run(Function &f, FunctionAnalysisManager &) {
    SmallVector<Instruction *, 16> dead;
    for (Instruction &i : instructions(f))
      if (i.use_empty() &&
          (isa<InsertValueInst>(i) || isa<ExtractValueInst>(i) || fromPointerInt(&i, /*depth=*/2)))
        dead.push_back(&i);
    if (dead.empty()) return PreservedAnalyses::all();
    for (Instruction *i : dead) RecursivelyDeleteTriviallyDeadInstructions(i);
    PreservedAnalyses kept;
    kept.preserveSet<CFGAnalyses>();
    return kept;
  }
};

} // namespace

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
Error runPrePasses(Module &m, const Options &opts, TargetMachine *tm, eg::Statistics &stats) {
  auto start = Clock::now();
  scope_exit timed([&] { stats.addSeconds(PrePassSeconds, since(start)); });
  unsigned optLevel = opts.optLevel;
  bool interprocedural = opts.interprocedural, loopPasses = opts.loopPasses;
  passes::AnalysisManagers am(tm);
  if (optLevel == 0) {
    // LLVM's own -O0 pipeline is exactly those lowerings (and always-inline).
    PassBuilder pb(tm);
    ModulePassManager mpm = pb.buildO0DefaultPipeline(OptimizationLevel::O0);
    if (Error e = addExtraPrePasses(pb, mpm, opts.extraPrePasses)) return e;
    mpm.run(m, am.mam);
    return Error::success();
  }

  auto simplify = [](bool markTailCalls) {
    FunctionPassManager fpm;
    fpm.addPass(SROAPass(SROAOptions::ModifyCFG));
    fpm.addPass(SimplifyCFGPass());
    // Marks calls in tail position `tail` (a jump instead of call + return
    // for wrappers like zstd's `XXH_memcpy`); the skeleton keeps the marker.
    // Once, after inlining, as in LLVM's own pipeline: running it before
    // IPSCCP too changed no output of the corpus (docs/pipeline.md).
    if (markTailCalls) fpm.addPass(TailCallElimPass());
    return fpm;
  };
  auto walkError = std::make_shared<std::string>();
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
  // No function specialization: LLVM leaves it to -O3, and it bought
  // nothing on the corpus (docs/pipeline.md, "Pre-passes").
  if (interprocedural) mpm.addPass(IPSCCPPass(IPSCCPOptions(/*AllowFuncSpec=*/false)));
  // A coroutine is split in the post-order walk, after its callees, as in
  // LLVM's pipeline (so the inliner sees the split functions).
  if (optLevel >= 2) {
    ModuleInlinerWrapperPass inliner(getInlineParams(optLevel, /*SizeOptLevel=*/0));
    FunctionPassManager fpm = simplify(/*markTailCalls=*/true);
    if (loopPasses) {
      // Loops with a small constant trip count unrolled: zlib's braided CRC
      // runs `for (k = 0; k < W; k++)` per word. The e-graph then folds the
      // copies' induction values into constant offsets. At -O2 small
      // counted loops get a larger limit than LLVM's: the body is not
      // simplified yet (SmallLoopUnroll.h).
      // The unroller runs only on functions with a loop it may unroll.
      // First Rust's iterator loops are made countable (CountedLoops.h).
      fpm.addPass(passes::CountedLoops(&stats));
      FunctionPassManager unroll;
      unroll.addPass(createFunctionToLoopPassAdaptor(LoopFullUnrollPass(int(optLevel))));
      // The unrolled copies index arrays by constants now: SROA turns
      // them into values (zstd's four Huffman streams' states). First what
      // an unrolled Rust iterator leaves of itself goes (DeadIteratorParts).
      unroll.addPass(DeadIteratorParts());
      unroll.addPass(SROAPass(SROAOptions::ModifyCFG));
      unroll.addPass(SimplifyCFGPass()); // joins the unrolled copies' blocks
      fpm.addPass(passes::SmallLoopUnroll(optLevel, std::move(unroll), &stats));
    }
    // The callee simplified before its callers judge it (WalkSimplify.h).
    // After the unroller: LLVM's loop analyses read the loops as SROA left
    // them, and the e-graph folds the unrolled copies.
    if (opts.simplifyInWalk && opts.egraph) fpm.addPass(WalkSimplify(opts, tm, stats, walkError));
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
  // Loops rotated (the exit test at the bottom, behind a guard): one branch
  // per iteration instead of two, and the form LLVM's vectorizer after the
  // e-graph needs (an exit at the latch). Last, once inlining and
  // unrolling have settled the loops (docs/loop-passes.md).
  // Then, as in LLVM's pipeline, loops that fill or copy memory a byte at
  // a time become memset and memcpy (Rust's zeroed `GenericArray`s; the
  // rotated form is the one loop idiom recognition reads); induction
  // variables are widened to the pointer width and exit tests rewritten on
  // them (`a[i - 12]` with an `int i` is then one address plus a constant
  // offset, not a sign extension per access), and the loops that are left
  // with no effect are deleted.
  if (optLevel >= 2 && loopPasses) {
    // Rotation in a loop pass manager of its own, as in LLVM's pipeline:
    // rotating a loop makes scalar evolution forget the whole loop nest,
    // which after induction-variable simplification has filled its caches
    // costs a walk over the nest per loop (docs/loop-passes.md).
    FunctionPassManager loops;
    loops.addPass(createFunctionToLoopPassAdaptor(LoopRotatePass()));
    loops.addPass(passes::RotatedLoopTests(&stats));
    LoopPassManager lpm;
    lpm.addPass(LoopIdiomRecognizePass());
    lpm.addPass(IndVarSimplifyPass());
    lpm.addPass(LoopDeletionPass());
    loops.addPass(createFunctionToLoopPassAdaptor(std::move(lpm)));
    mpm.addPass(createModuleToFunctionPassAdaptor(std::move(loops)));
  }
  // Arguments no callee reads: a local function loses them, and calls to
  // any other definition pass poison, so the caller need not keep the value
  // alive across its earlier calls (docs/pipeline.md).
  if (interprocedural) mpm.addPass(DeadArgumentEliminationPass());
  PassBuilder pb(tm);
  if (Error e = addExtraPrePasses(pb, mpm, opts.extraPrePasses)) return e;
  mpm.run(m, am.mam);
  if (!walkError->empty()) return errorf(*walkError);
  return Error::success();
}

} // namespace egopt
