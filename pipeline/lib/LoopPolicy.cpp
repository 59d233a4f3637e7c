//===- LoopPolicy.cpp - Which loops LLVM's vectorizer may widen ------------===//
//
// After lowering, at -O2 and up (docs/loop-passes.md).
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/LoopAccessAnalysis.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Utils/LCSSA.h"
#include "llvm/Transforms/Utils/LoopSimplify.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Vectorize/LoopVectorize.h"
#include "llvm/Transforms/Vectorize/VectorCombine.h"

namespace egopt {
using namespace llvm;

EGOPT_STATISTIC(VectorizedFunctions, "07-loops.vectorize", "vectorized_functions",
                "functions whose loops LLVM's vectorizer changed");
EGOPT_STATISTIC(RecurrencesOrdered, "07-loops.vectorize", "recurrences_ordered",
                "loop-carried values moved before their phi's users, for the vectorizer");

namespace {

/// LLVM's vectorizer widens a recurrence (a header phi whose back-edge value
/// the loop computes: `prev = x[i]`, a shift's carried-out bits) only when
/// that value is computed before every use of the phi in the loop. The
/// elaborator places a value that only the phi uses last in its block, after
/// them. Moves each such value before the phi's first use in its block, when
/// it reads no memory and its operands are there already. Returns how many
/// moved.
unsigned orderRecurrences(Loop &l) {
  BasicBlock *latch = l.getLoopLatch();
  if (!latch) return 0;
  unsigned moved = 0;
  for (PHINode &phi : l.getHeader()->phis()) {
    auto *next = dyn_cast<Instruction>(phi.getIncomingValueForBlock(latch));
    // An induction or a reduction computes its next value from the phi
    // itself; the vectorizer needs no order for those.
    if (!next || !l.contains(next) || isa<PHINode>(next) || next->mayHaveSideEffects() ||
        next->mayReadFromMemory() || is_contained(next->operands(), &phi))
      continue;
    Instruction *firstUse = nullptr;
    for (User *u : phi.users()) {
      auto *use = cast<Instruction>(u);
      if (use->getParent() == next->getParent() && !isa<PHINode>(use) && use->comesBefore(next) &&
          (!firstUse || use->comesBefore(firstUse)))
        firstUse = use;
    }
    if (!firstUse) continue;
    bool operandsReady = all_of(next->operands(), [&](const Value *op) {
      auto *def = dyn_cast<Instruction>(op);
      return !def || def->getParent() != next->getParent() || def->comesBefore(firstUse);
    });
    if (!operandsReady) continue;
    next->moveBefore(firstUse->getIterator());
    ++moved;
  }
  return moved;
}

} // namespace

void formLoops(Function &f, FunctionAnalysisManager &fam, bool lcssa) {
  auto &li = fam.getResult<LoopAnalysis>(f);
  auto &dt = fam.getResult<DominatorTreeAnalysis>(f);
  auto &se = fam.getResult<ScalarEvolutionAnalysis>(f);
  auto &ac = fam.getResult<AssumptionAnalysis>(f);
  for (Loop *l : li) {
    simplifyLoop(l, &dt, &li, &se, &ac, nullptr, /*PreserveLCSSA=*/false);
    if (lcssa) formLCSSARecursively(*l, dt, &li, &se);
  }
}

/// LLVM's loop vectorizer on the lowered functions that have loops. After the
/// e-graph: it needs the loops' final form, and its cost model the target's
/// (no target machine, no vectorization).
///
/// Which loops it may widen (docs/loop-passes.md has the
/// measurements); every other innermost loop gets the vectorizer's own
/// "do not vectorize" hint for the run:
/// - Innermost loops without calls. The vectorizer refuses a loop that calls
///   a function (no vector library is configured, so no call has a vector
///   variant); a function without any other loop is skipped before the
///   vectorizer's analyses are computed, and its loops stay as they are (the
///   vectorizer would put them in LCSSA form even when it widens nothing).
/// - Loops that compute what they store, or store nothing (reductions). A
///   loop that only copies or fills is widened only when that needs no
///   runtime alias check: LLVM's own pipeline makes the countable ones
///   memcpy or memset calls, not vector loops, and on the corpus the checked
///   ones are the LZ coders' short match and literal copies, whose widened
///   versions ran no program faster.
/// - Loops whose memory accesses need no runtime alias check, or whose every
///   access walks memory one element at a time: widened behind the check,
///   loops with strided accesses (complex numbers' interleaved halves) ran
///   slower. Loop access analysis finds the checks, and the vectorizer then
///   reuses it.
void vectorizeLoops(ArrayRef<Function *> functions, FunctionAnalysisManager &fam,
                    eg::Statistics &stats) {
  FunctionPassManager fpm;
  fpm.addPass(LoopVectorizePass());
  // What the vectorizer leaves for InstCombine and VectorCombine, as in
  // LLVM's own pipeline: the idioms of the widened body (`a >= b ? a - b : 0`
  // is `usub.sat`, one instruction on vectors), then the reverse shuffles
  // around element-wise operations of a loop that walks down an array. Only
  // the functions it changed, a few per program; the rest keep the e-graph's
  // choices. In those, InstCombine also sees the scalar code.
  FunctionPassManager cleanup;
  cleanup.addPass(InstCombinePass());
  cleanup.addPass(VectorCombinePass());
  // Calls no function (No otherwise). Computes what it stores or stores
  // nothing (Compute), or only moves data (Move): a loop that moves data
  // stores nothing but values loaded in the loop or invariant (a copy or a
  // fill).
  enum class Kind { No, Move, Compute };
  auto classify = [](const Loop &l) {
    bool stores = false, computes = false;
    for (const BasicBlock *bb : l.blocks())
      for (const Instruction &i : *bb) {
        if (isa<CallBase>(i) && !isa<IntrinsicInst>(i)) return Kind::No;
        if (auto *st = dyn_cast<StoreInst>(&i)) {
          stores = true;
          auto *v = dyn_cast<Instruction>(st->getValueOperand());
          computes |= v && l.contains(v) && !isa<LoadInst>(v);
        }
      }
    return computes || !stores ? Kind::Compute : Kind::Move;
  };
  // Every access walks memory one element at a time, up or down, or reads
  // or writes one place.
  auto unitStride = [](Loop &l, ScalarEvolution &se, const DominatorTree &dt) {
    PredicatedScalarEvolution pse(se, l);
    for (BasicBlock *bb : l.blocks())
      for (Instruction &i : *bb) {
        Value *ptr = getLoadStorePointerOperand(&i);
        if (!ptr || l.isLoopInvariant(ptr)) continue;
        std::optional<int64_t> stride = getPtrStride(pse, getLoadStoreType(&i), ptr, &l, dt);
        if (!stride || (*stride != 1 && *stride != -1)) return false;
      }
    return true;
  };
  // The vectorizer marks the loops it widened (and their scalar remainders).
  auto vectorized = [](const Function &f) {
    for (const BasicBlock &bb : f)
      if (MDNode *loopID = bb.getTerminator()->getMetadata(LLVMContext::MD_loop))
        if (findOptionMDForLoopID(loopID, "llvm.loop.isvectorized")) return true;
    return false;
  };
  forEachFunction(functions, fam, [&](Function &f) {
    LoopInfo &li = fam.getResult<LoopAnalysis>(f);
    // Innermost loops, and whether each may be widened.
    SmallVector<std::pair<Loop *, Kind>, 8> innermost;
    for (Loop *l : li.getLoopsInPreorder())
      if (l->isInnermost()) innermost.push_back({l, classify(*l)});
    if (all_of(innermost, [](auto &e) { return e.second == Kind::No; }) || vectorized(f)) return;
    // Loop access analysis wants the vectorizer's loop form (a preheader,
    // one latch, dedicated exits); the vectorizer would make it anyway.
    formLoops(f, fam, /*lcssa=*/false);
    auto &dt = fam.getResult<DominatorTreeAnalysis>(f);
    auto &se = fam.getResult<ScalarEvolutionAnalysis>(f);
    auto &access = fam.getResult<LoopAccessAnalysis>(f);
    // Every other innermost loop is told to stay scalar through the
    // vectorizer's own hint, and gets its loop metadata back afterwards.
    SmallVector<std::pair<Instruction *, MDNode *>, 8> hinted;
    size_t widen = 0;
    for (auto [l, kind] : innermost) {
      if (kind == Kind::Move) {
        // A copy or a fill only where its accesses cannot overlap in a way
        // that needs a runtime check (one array moved within itself by a
        // constant distance, or distinct objects).
        const LoopAccessInfo &lai = access.getInfo(*l);
        if (lai.canVectorizeMemory() && !lai.getRuntimePointerChecking()->Need) {
          ++widen;
          continue;
        }
      } else if (kind == Kind::Compute) {
        // Recurrences only where every access is unit-stride: one over a
        // strided array (Opus's pre-emphasis reads every CC-th sample) is
        // widened with element-wise loads, slower than the scalar loop.
        bool unit = unitStride(*l, se, dt);
        if (unit) stats.add(RecurrencesOrdered, orderRecurrences(*l));
        const LoopAccessInfo &lai = access.getInfo(*l);
        if (!(lai.canVectorizeMemory() && lai.getRuntimePointerChecking()->Need) || unit) {
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
      fpm.run(f, fam);
      if (vectorized(f)) {
        stats.add(VectorizedFunctions);
        cleanup.run(f, fam);
      }
    }
    for (auto [term, loopID] : hinted) term->setMetadata(LLVMContext::MD_loop, loopID);
  });
}

} // namespace egopt
