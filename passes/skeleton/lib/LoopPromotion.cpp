//===- LoopPromotion.cpp - Memory a loop keeps in a register ---------------===//
#include "egopt/skeleton/LoopPromotion.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Utils/SSAUpdater.h"

namespace egopt::passes {
using namespace llvm;

namespace {

/// Locations promoted and loads hoisted per loop at most: each holds a
/// register across the loop (x86-64 has 16 general and 16 vector registers).
constexpr unsigned kMaxPerLoop = 16;

/// Memory instructions a loop may have for the step to look at it: each
/// candidate is checked against every one of them with alias analysis, so
/// the work grows with their square. Hot inner loops have tens.
constexpr unsigned kMaxMemoryInstructions = 256;

/// A location's loads and stores in the loop. Its address is the first
/// loop-invariant address a store gave it; the others compute the same
/// address (LocationKey).
struct Location {
  Value *address = nullptr;
  SmallVector<Instruction *, 4> accesses;
  Type *type = nullptr;
  bool ok = true;
};

/// An address as a base and a constant offset: the skeleton runs before any
/// CSE, and clang's IR computes `&h->v1` anew at every access, so equal
/// addresses are often different values.
using LocationKey = std::pair<const Value *, int64_t>;

LocationKey keyOf(const Value *address, const DataLayout &dl) {
  int64_t offset = 0;
  const Value *base = GetPointerBaseWithConstantOffset(address, offset, dl);
  return {base, offset};
}

/// Promotes a location's accesses, and stores the value live on each exit
/// at the start of the exit block, once the SSA form knows it.
class ExitStores : public LoadAndStorePromoter {
public:
  ExitStores(ArrayRef<const Instruction *> insts, SSAUpdater &ssa, Value *address,
             ArrayRef<BasicBlock *> exits, Align align, const AAMDNodes &aaInfo)
      : LoadAndStorePromoter(insts, ssa), address_(address), exits_(exits), align_(align),
        aaInfo_(aaInfo) {}

  void doExtraRewritesBeforeFinalDeletion() override {
    for (BasicBlock *exit : exits_) {
      Value *live = SSA.GetValueInMiddleOfBlock(exit);
      auto *store =
          new StoreInst(live, address_, /*isVolatile=*/false, align_, exit->getFirstInsertionPt());
      store->setAAMetadata(aaInfo_);
    }
  }

private:
  Value *address_;
  ArrayRef<BasicBlock *> exits_;
  Align align_;
  AAMDNodes aaInfo_;
};

/// Whether the loop's shape allows promotion at all.
bool promotable(Loop &loop, SmallVectorImpl<BasicBlock *> &exits) {
  if (!loop.isInnermost() || !loop.getLoopPreheader() || !loop.getLoopLatch()) return false;
  loop.getUniqueExitBlocks(exits);
  for (BasicBlock *exit : exits)
    if (exit->isEHPad()) return false;
  for (BasicBlock *bb : loop.blocks())
    for (Instruction &i : *bb)
      if (!i.isTerminator() && !isGuaranteedToTransferExecutionToSuccessor(&i)) return false;
  return true;
}

/// Whether `i` is a simple load of the location `key`, or a simple store
/// to it of a value other than its address.
bool simpleAccess(Instruction *i, const LocationKey &key, const DataLayout &dl) {
  if (auto *load = dyn_cast<LoadInst>(i)) return load->isSimple();
  auto *store = cast<StoreInst>(i);
  Value *stored = store->getValueOperand();
  return store->isSimple() && !(stored->getType()->isPointerTy() && keyOf(stored, dl) == key);
}

/// Whether `bb`'s instructions run in every iteration that completes or
/// exits (the loop is promotable: nothing in it stops control).
bool runsEachIteration(BasicBlock *bb, BasicBlock *latch, ArrayRef<BasicBlock *> exiting,
                       DominatorTree &dt) {
  return dt.dominates(bb, latch) &&
         all_of(exiting, [&](BasicBlock *e) { return dt.dominates(bb, e); });
}

/// Hoists the loop's loads of memory nothing in it writes, up to `budget`.
size_t hoistInvariantLoads(Loop &loop, ArrayRef<Instruction *> memory,
                           ArrayRef<BasicBlock *> exiting, DominatorTree &dt, AAResults &aa,
                           size_t budget) {
  SmallVector<Instruction *, 16> writers;
  for (Instruction *i : memory)
    if (i->mayWriteToMemory()) writers.push_back(i);
  Instruction *insertAt = loop.getLoopPreheader()->getTerminator();
  size_t hoisted = 0;
  for (Instruction *i : memory) {
    auto *load = dyn_cast<LoadInst>(i);
    if (hoisted == budget) break;
    if (!load || !load->isSimple() ||
        !runsEachIteration(load->getParent(), loop.getLoopLatch(), exiting, dt))
      continue;
    bool changed = false;
    if (!loop.makeLoopInvariant(load->getPointerOperand(), changed)) continue;
    MemoryLocation where = MemoryLocation::get(load);
    if (any_of(writers, [&](Instruction *w) { return isModSet(aa.getModRefInfo(w, where)); }))
      continue;
    load->moveBefore(insertAt->getIterator());
    ++hoisted;
  }
  return hoisted;
}

LoopPromotionStats promoteIn(Loop &loop, LoopInfo &loops, DominatorTree &dt, AAResults &aa) {
  SmallVector<BasicBlock *, 4> exits;
  if (!promotable(loop, exits)) return {};
  SmallVector<Instruction *, 32> memory; // every instruction that touches memory
  for (BasicBlock *bb : loop.blocks())
    for (Instruction &i : *bb)
      if (i.mayReadOrWriteMemory()) memory.push_back(&i);
  if (memory.size() > kMaxMemoryInstructions) return {};
  // Candidates: addresses stored to, hoisted out of the loop when they are
  // pure with invariant operands.
  const DataLayout &dl = loop.getHeader()->getDataLayout();
  MapVector<LocationKey, Location> locations;
  for (Instruction *i : memory) {
    auto *store = dyn_cast<StoreInst>(i);
    if (!store || !store->isSimple()) continue;
    bool changed = false;
    Value *address = store->getPointerOperand();
    if (!loop.makeLoopInvariant(address, changed)) continue;
    Location &loc = locations[keyOf(address, dl)];
    if (!loc.address) loc.address = address;
  }
  BasicBlock *latch = loop.getLoopLatch();
  SmallVector<BasicBlock *, 4> exiting;
  loop.getExitingBlocks(exiting);
  LoopPromotionStats out;
  // Each access to a candidate address must be simple and of one type.
  for (Instruction *i : memory) {
    Value *address = getLoadStorePointerOperand(i);
    auto it = address ? locations.find(keyOf(address, dl)) : locations.end();
    if (it == locations.end()) continue;
    Location &loc = it->second;
    Type *type = getLoadStoreType(i);
    if (!simpleAccess(i, it->first, dl) || (loc.type && loc.type != type)) loc.ok = false;
    loc.type = type;
    loc.accesses.push_back(i);
  }
  for (auto &[key, loc] : locations) {
    Value *address = loc.address;
    if (!loc.ok || out.promoted == kMaxPerLoop || !loc.type->isSingleValueType() ||
        !dl.getTypeStoreSize(loc.type).isFixed())
      continue;
    Align align = Align(uint64_t(1) << Value::MaxAlignmentExponent);
    AAMDNodes aaInfo = loc.accesses.front()->getAAMetadata();
    for (Instruction *i : loc.accesses) {
      align = std::min(align, getLoadStoreAlignment(i));
      if (i->getAAMetadata() != aaInfo) aaInfo = AAMDNodes();
    }
    // With the accesses' type-based tags, which all of them carry.
    MemoryLocation where(address, LocationSize::precise(dl.getTypeStoreSize(loc.type)), aaInfo);
    // Nothing else in the loop may touch the location.
    SmallPtrSet<Instruction *, 8> own(loc.accesses.begin(), loc.accesses.end());
    bool alone = all_of(memory, [&](Instruction *i) {
      return own.count(i) || isNoModRef(aa.getModRefInfo(i, where));
    });
    // A store that runs whenever the loop is entered and each time round.
    bool written = any_of(loc.accesses, [&](Instruction *i) {
      return isa<StoreInst>(i) && runsEachIteration(i->getParent(), latch, exiting, dt);
    });
    if (!alone || !written) continue;
    // The exit stores need exits only the loop reaches (an exit shared
    // with the path around the loop: `for (i = 0; i < n; i++)` as clang
    // emits it); LLVM's loop-simplify form gives each loop its own.
    if (!loop.hasDedicatedExits()) {
      if (formDedicatedExitBlocks(&loop, &dt, &loops, /*MSSAU=*/nullptr,
                                  /*PreserveLCSSA=*/false))
        ++out.exitsSplit; // the CFG changed, even if not every exit split
      if (!loop.hasDedicatedExits()) break;
      exits.clear();
      loop.getUniqueExitBlocks(exits);
    }
    BasicBlock *preheader = loop.getLoopPreheader();
    auto *initial =
        new LoadInst(loc.type, address, address->getName() + ".promoted",
                     /*isVolatile=*/false, align, preheader->getTerminator()->getIterator());
    initial->setAAMetadata(aaInfo);
    SmallVector<const Instruction *, 8> insts(loc.accesses.begin(), loc.accesses.end());
    SSAUpdater ssa;
    ExitStores promoter(insts, ssa, address, exits, align, aaInfo);
    ssa.AddAvailableValue(preheader, initial);
    promoter.run(loc.accesses);
    // The accesses are gone: later locations must not see them.
    memory.erase(remove_if(memory, [&](Instruction *i) { return own.count(i); }), memory.end());
    ++out.promoted;
  }
  // What is left of the budget goes to loads of memory the loop only reads
  // (flac's `qlp_coeff[k]`, read by every sample).
  out.hoistedLoads = hoistInvariantLoads(loop, memory, exiting, dt, aa, kMaxPerLoop - out.promoted);
  return out;
}

} // namespace

LoopPromotionStats promoteLoopMemory(LoopInfo &loops, DominatorTree &dt, AAResults &aa) {
  LoopPromotionStats total;
  for (Loop *loop : loops.getLoopsInPreorder()) {
    LoopPromotionStats one = promoteIn(*loop, loops, dt, aa);
    total.promoted += one.promoted;
    total.exitsSplit += one.exitsSplit;
    total.hoistedLoads += one.hoistedLoads;
  }
  return total;
}

} // namespace egopt::passes
