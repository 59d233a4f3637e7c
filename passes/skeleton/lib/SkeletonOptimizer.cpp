#include "egopt/skeleton/SkeletonOptimizer.h"

#include "Calls.h"
#include "ConstantCopies.h"
#include "ConstantLoads.h"
#include "DeadLoops.h"
#include "DeadStores.h"
#include "EdgeSelects.h"
#include "LibraryCalls.h"
#include "LoadForwarding.h"
#include "MemCopyForwarding.h"
#include "OverflowChecks.h"
#include "PhiBranches.h"
#include "SmallMemTransfers.h"
#include "WriteOnlyAllocas.h"
#include "egopt/skeleton/LoadCombining.h"
#include "egopt/skeleton/LoopPromotion.h"

#include "llvm/Analysis/MemorySSA.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Transforms/Utils/Local.h"

namespace egopt::passes {
using namespace llvm;

EGOPT_STATISTIC(EdgeSelects, "02-skeleton", "edge_selects",
                "phi operands: selects decided by the incoming edge");
EGOPT_STATISTIC(OverflowChecks, "02-skeleton", "overflow_checks_removed",
                "overflow intrinsics whose operands' ranges rule the overflow out");
EGOPT_STATISTIC(PhiBranches, "02-skeleton", "phi_branches_threaded",
                "edges into a branch on a phi they decide sent to the successor taken");
EGOPT_STATISTIC(ReturnedArguments, "02-skeleton", "returned_arguments",
                "call results replaced by the argument the callee returns");
EGOPT_STATISTIC(DeadSkeleton, "02-skeleton", "dead_skeleton",
                "dead instructions deleted before lifting and after lowering (pure calls, ...)");
EGOPT_STATISTIC(LibraryCalls, "02-skeleton", "library_calls",
                "C library calls simplified (fputs to fwrite, strlen of a constant, ...)");
EGOPT_STATISTIC(ConstantCopies, "02-skeleton", "constant_copies",
                "stack copies of a constant global replaced by the global");
EGOPT_STATISTIC(ConstantLoads, "02-skeleton", "constant_loads",
                "loads of constant memory replaced by the value there");
EGOPT_STATISTIC(SmallMemTransfers, "02-skeleton", "small_mem_transfers",
                "memcpy/memmove/memset of 1-8 bytes made scalar loads and stores");
EGOPT_STATISTIC(MemCopiesForwarded, "02-skeleton", "mem_copies_forwarded",
                "memcpys of a memcpy's destination made to read its source");
EGOPT_STATISTIC(LoadsFromStores, "02-skeleton", "loads_from_stores",
                "loads replaced by the value stored (store-to-load forwarding)");
EGOPT_STATISTIC(LoadsFromLoads, "02-skeleton", "loads_from_loads",
                "loads replaced by an earlier load (redundant loads)");
EGOPT_STATISTIC(LoadsCombined, "02-skeleton", "loads_combined",
                "adjacent narrow loads or-ed into a word, made one wide load");
EGOPT_STATISTIC(AddressDepthLimitHits, "02-skeleton", "address_depth_limit_hits",
                "  address expressions too deep to compare (limit)");
EGOPT_STATISTIC(DeadStores, "02-skeleton", "dead_stores",
                "stores overwritten before any read, erased");
EGOPT_STATISTIC(LoopPromoted, "02-skeleton", "loop_promoted",
                "locations a loop loads and stores, kept in a register across it");
EGOPT_STATISTIC(LoopHoistedLoads, "02-skeleton", "loop_hoisted_loads",
                "loads of memory a loop only reads, hoisted before it");
EGOPT_STATISTIC(LoopExitsSplit, "02-skeleton", "loop_promotion_exits_split",
                "loops given exits of their own for promotion's stores");
EGOPT_STATISTIC(LoopExitValues, "02-skeleton", "loop_exit_values",
                "uses after a loop given the value the loop ends with");
EGOPT_STATISTIC(DeadLoops, "02-skeleton", "dead_loops",
                "loops left without effects or results, deleted");
EGOPT_STATISTIC(WriteOnlyAllocas, "02-skeleton", "write_only_allocas",
                "stack slots only written (stores, memcpy, memset), erased with their writes");

namespace {

/// One skeleton optimization: the function, the analyses it may ask for,
/// and where it counts.
struct Step {
  const char *name;
  void (*run)(Function &f, AnalysisManagers &am, eg::Statistics &stats);
  bool requiredForLifting = false;
};

/// The phi-branches step (it runs twice): edges move, so no analysis holds.
void threadBranches(Function &f, AnalysisManagers &am, eg::Statistics &stats) {
  if (threadDecidedBranches(f, stats)) am.fam.invalidate(f, PreservedAnalyses::none());
}

/// The steps, in the order they run; each sees the IR the previous left.
const Step kSteps[] = {
    {"unreachable-blocks",
     [](Function &f, AnalysisManagers &, eg::Statistics &) { removeUnreachableBlocks(f); },
     /*requiredForLifting=*/true},
    {"edge-selects", [](Function &f, AnalysisManagers &,
                        eg::Statistics &s) { s.add(EdgeSelects, simplifyEdgeSelects(f)); }},
    // Before phi-branches: a removed check's branch no longer splits the
    // path from the guard to the iterator's tag.
    {"overflow-checks",
     [](Function &f, AnalysisManagers &am, eg::Statistics &s) {
       size_t removed = removeImpossibleOverflowChecks(f, am.fam);
       s.add(OverflowChecks, removed);
       if (removed) am.fam.invalidate(f, PreservedAnalyses::none());
     }},
    // After edge-selects, which can leave a phi a constant on an edge.
    // The dominator tree overflow-checks' LVI computed goes when edges move.
    {"phi-branches", threadBranches},
    {"returned-arguments",
     [](Function &f, AnalysisManagers &, eg::Statistics &s) {
       s.add(ReturnedArguments, forwardReturnedArguments(f));
     }},
    {"dead-instructions",
     [](Function &f, AnalysisManagers &, eg::Statistics &s) { deleteDeadInstructions(f, s); }},
    {"library-calls", [](Function &f, AnalysisManagers &am,
                         eg::Statistics &s) { s.add(LibraryCalls, simplifyLibraryCalls(f, am)); }},
    {"small-mem-transfers",
     [](Function &f, AnalysisManagers &, eg::Statistics &s) {
       s.add(SmallMemTransfers, expandSmallMemTransfers(f));
     }},
    // After the expansion (a small copy is then loads of the global), and
    // before the constant loads, which then read the global's table.
    {"constant-copies", [](Function &f, AnalysisManagers &,
                           eg::Statistics &s) { s.add(ConstantCopies, replaceConstantCopies(f)); }},
    // After the expansion: a copy out of a constant is then loads of it.
    {"constant-loads", [](Function &f, AnalysisManagers &,
                          eg::Statistics &s) { s.add(ConstantLoads, foldConstantLoads(f)); }},
    // Before load forwarding: a load from a forwarded copy's destination
    // then sees the copy, not its temporary.
    {"mem-copy-forwarding",
     [](Function &f, AnalysisManagers &am, eg::Statistics &s) {
       s.add(MemCopiesForwarded, forwardMemCopies(f, am.fam.getResult<AAManager>(f)));
     }},
    {"load-forwarding",
     [](Function &f, AnalysisManagers &am, eg::Statistics &s) {
       auto &dt = am.fam.getResult<DominatorTreeAnalysis>(f);
       auto &aa = am.fam.getResult<AAManager>(f);
       auto &mssa = am.fam.getResult<MemorySSAAnalysis>(f).getMSSA();
       LoadForwardingStats lf = forwardLoads(f, mssa, aa, dt);
       s.add(LoadsFromStores, lf.fromStores);
       s.add(LoadsFromLoads, lf.fromLoads);
       s.add(AddressDepthLimitHits, lf.addressDepthLimitHits);
     }},
    // After forwarding: a byte already read is then the same load. The CFG
    // stays, and with it the loop and dominator analyses.
    {"load-combining",
     [](Function &f, AnalysisManagers &am, eg::Statistics &s) {
       size_t combined = combineLoads(f);
       s.add(LoadsCombined, combined);
       if (!combined) return;
       PreservedAnalyses kept;
       kept.preserveSet<CFGAnalyses>();
       am.fam.invalidate(f, kept);
     }},
    // Alias analysis keeps nothing about instructions between queries, so
    // the result load forwarding used still serves after the loads are gone.
    {"dead-stores",
     [](Function &f, AnalysisManagers &am, eg::Statistics &s) {
       s.add(DeadStores, eraseOverwrittenStores(f, am.fam.getResult<AAManager>(f)));
     }},
    // After forwarding, so a loop's redundant loads are gone; the CFG is the
    // one load forwarding saw, so its dominator tree still holds. Then the
    // loops promotion left only counting go.
    {"loop-promotion",
     [](Function &f, AnalysisManagers &am, eg::Statistics &s) {
       auto &li = am.fam.getResult<LoopAnalysis>(f);
       auto &dt = am.fam.getResult<DominatorTreeAnalysis>(f);
       LoopPromotionStats lp = promoteLoopMemory(li, dt, am.fam.getResult<AAManager>(f));
       s.add(LoopPromoted, lp.promoted);
       s.add(LoopExitsSplit, lp.exitsSplit);
       if (lp.exitsSplit) {
         PreservedAnalyses kept; // updated in place by the split
         kept.preserve<LoopAnalysis>();
         kept.preserve<DominatorTreeAnalysis>();
         am.fam.invalidate(f, kept);
       }
       s.add(LoopHoistedLoads, lp.hoistedLoads);
       // Promotion can leave a loop only counting in a register
       // (DeadLoops.h); elsewhere scalar evolution is not worth its cost.
       if (!lp.promoted) return;
       DeadLoopStats dl = deleteCountingLoops(li, dt, am.fam.getResult<ScalarEvolutionAnalysis>(f));
       s.add(LoopExitValues, dl.exitValues);
       s.add(DeadLoops, dl.deleted);
     }},
    // Again once loads are forwarded: a loop's exit test then compares with
    // the value its own tests did (a list's `nil`, loaded once), and the
    // branches that lead to an edge decide it (EdgeConditions.h).
    {"phi-branches-after-forwarding", threadBranches},
    // Last: forwarding and the constant loads may have taken the last read.
    {"write-only-allocas",
     [](Function &f, AnalysisManagers &, eg::Statistics &s) {
       s.add(WriteOnlyAllocas, eraseWriteOnlyAllocas(f));
     }},
};

} // namespace

void SkeletonOptimizer::run(Function &f, eg::Statistics &stats) {
  for (const Step &step : kSteps)
    if (optimize_ || step.requiredForLifting) step.run(f, am_, stats);
  am_.fam.clear(f, f.getName());
}

void deleteDeadInstructions(Function &f, eg::Statistics &stats) {
  stats.add(DeadSkeleton, deleteTriviallyDeadInstructions(f));
}

size_t threadDecidedBranches(Function &f, eg::Statistics &stats) {
  size_t threaded = threadPhiBranches(f);
  stats.add(PhiBranches, threaded);
  return threaded;
}

} // namespace egopt::passes
