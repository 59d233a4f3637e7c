#include "PhiBranches.h"

#include "EdgeConditions.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/Analysis/InstructionSimplify.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/SSAUpdater.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#include <algorithm>
#include <deque>
#include <optional>

namespace egopt::passes {
using namespace llvm;

namespace {

/// Each value of a threaded block that is used outside it needs an SSA
/// rebuild over the blocks it reaches. A block with more such values is left
/// alone, so a block costs at most this many rebuilds; cleanup blocks have
/// one or two (a value computed before the exit, and the slot itself).
constexpr unsigned kMaxLiveValues = 8;

/// Instructions besides the phis and the decision are copied onto each
/// threaded edge; a block with more is left alone, so one edge grows the
/// function by at most this many. LLVM's jump threading allows 6 too
/// (`-jump-threading-threshold`): a lifetime end, an address and a load or two.
constexpr unsigned kMaxCopiedInstructions = 6;

/// Casts between the phi and the decision that are looked through: Rust's
/// tags reach the branch as `trunc (zext phi)` after SROA.
constexpr unsigned kMaxCasts = 3;

/// How a block picks its successor: the terminator, the phi it reads, and
/// the tests between them, if any.
struct Decision {
  Instruction *terminator;
  PHINode *phi;
  /// From the phi outwards: casts (Rust's `Option` tags are i32 or i64 phis
  /// of 0 and 1, tested as an i1), then at most one icmp with a constant
  /// or a value computed before the block; empty: the terminator reads the
  /// phi itself. Each has one use.
  SmallVector<Instruction *, kMaxCasts + 1> tests;
  SmallVector<Instruction *, kMaxCopiedInstructions> copied; // the rest, in order
};

/// Whether a copy of `i` on another path is the same program: each path runs
/// one of the two.
bool copyable(const Instruction &i) {
  if (isa<AllocaInst>(i) || i.isEHPad() || i.getType()->isTokenTy()) return false;
  if (const auto *call = dyn_cast<CallBase>(&i))
    return !call->cannotDuplicate() && !call->isConvergent();
  return true;
}

/// What a test may compare the phi (or its cast) with: a constant, or a
/// value computed before the block (the same on every edge into it; zstd's
/// `if (currentMl > ml)` after a `currentMl = 0` edge).
bool comparedOutside(const Value &v, const BasicBlock &bb) {
  if (isa<ConstantInt, ConstantPointerNull>(v)) return true;
  if (isa<Constant>(v) || !v.getType()->isIntOrPtrTy()) return false;
  const auto *i = dyn_cast<Instruction>(&v);
  return !i || i->getParent() != &bb;
}

std::optional<Decision> decisionOf(BasicBlock &bb) {
  Instruction *terminator = bb.getTerminator();
  Value *condition = nullptr;
  if (auto *sw = dyn_cast<SwitchInst>(terminator))
    condition = sw->getCondition();
  else if (auto *br = dyn_cast<BranchInst>(terminator); br && br->isConditional())
    condition = br->getCondition();
  else
    return std::nullopt;
  Decision d{terminator, nullptr, {}, {}};
  // Walk from the condition back to the phi.
  Value *v = condition;
  while (!isa<PHINode>(v)) {
    auto *test = dyn_cast<Instruction>(v);
    if (!test || test->getParent() != &bb || !test->hasOneUse()) return std::nullopt;
    bool isCompare = isa<ICmpInst>(test) && comparedOutside(*test->getOperand(1), bb);
    if (isCompare ? !d.tests.empty() : !isa<CastInst>(test) || !test->getType()->isIntegerTy())
      return std::nullopt;
    if (d.tests.size() == kMaxCasts + 1) return std::nullopt;
    d.tests.push_back(test);
    v = test->getOperand(0);
  }
  std::reverse(d.tests.begin(), d.tests.end());
  d.phi = cast<PHINode>(v);
  if (d.phi->getParent() != &bb) return std::nullopt;
  // A pointer phi only compared, with no cast: with null (Rust's
  // `Option<&T>`) or with a pointer computed before the block.
  if (d.phi->getType()->isPointerTy() ? d.tests.size() != 1 || !isa<ICmpInst>(d.tests[0])
                                      : !d.phi->getType()->isIntegerTy())
    return std::nullopt;
  // Unused but by each other and without effect (the pair an inlined
  // `next` built): no copy needed, the dead sweep takes them.
  SmallPtrSet<const Instruction *, 8> unused;
  for (Instruction &i : reverse(bb))
    if (!isa<PHINode>(i) && &i != terminator && wouldInstructionBeTriviallyDead(&i) &&
        all_of(i.users(), [&](const User *u) { return unused.contains(cast<Instruction>(u)); }))
      unused.insert(&i);
  for (Instruction &i : bb) {
    if (isa<PHINode>(i) || is_contained(d.tests, &i) || &i == terminator || unused.contains(&i))
      continue;
    if (d.copied.size() == kMaxCopiedInstructions || !copyable(i)) return std::nullopt;
    d.copied.push_back(&i);
  }
  return d;
}

/// What the phi's value on an edge that brings `value` says, as an integer
/// the remaining tests read: the value itself, or for a pointer phi the
/// result of its one test against null (it then leaves no test to apply).
ConstantInt *knownValue(const Decision &d, Value *value, ArrayRef<Instruction *> &tests) {
  tests = d.tests;
  if (!d.phi->getType()->isPointerTy()) return dyn_cast<ConstantInt>(value);
  auto *compare = cast<ICmpInst>(d.tests[0]);
  tests = tests.drop_front();
  if (!isa<ConstantPointerNull>(value) || !isa<ConstantPointerNull>(compare->getOperand(1)) ||
      !compare->isEquality())
    return nullptr;
  return ConstantInt::getBool(value->getContext(), compare->getPredicate() == ICmpInst::ICMP_EQ);
}

/// The successor taken when the phi is `value`, brought by the edge from
/// `from`; null when that cannot be told, or when it is an `unreachable`
/// (the edge is undefined behaviour; not worth an edge of its own). A value
/// that is not a constant decides a lone comparison when the branches that
/// lead to the edge do (EdgeConditions.h), as they may a constant's
/// comparison with a value.
BasicBlock *successorFor(const Decision &d, Value *value, BasicBlock *from,
                         EdgeConditions &conditions) {
  // `compare` applied to `x` (the phi's value on the edge, or what the
  // casts made of it), as the branches that lead to the edge decide it.
  auto onEdge = [&](ICmpInst &compare, Value *x) -> ConstantInt * {
    std::optional<bool> holds = conditions.onEdge(compare.getPredicate(), x, compare.getOperand(1),
                                                  from, d.phi->getParent());
    return holds ? ConstantInt::getBool(x->getContext(), *holds) : nullptr;
  };
  ArrayRef<Instruction *> tests;
  ConstantInt *known = knownValue(d, value, tests);
  if (!known) {
    auto *compare = d.tests.size() == 1 ? dyn_cast<ICmpInst>(d.tests[0]) : nullptr;
    if (!compare || !(known = onEdge(*compare, value))) return nullptr;
    tests = {};
  }
  const DataLayout &layout = d.terminator->getModule()->getDataLayout();
  for (Instruction *test : tests) {
    if (auto *compare = dyn_cast<ICmpInst>(test)) {
      if (auto *rhs = dyn_cast<ConstantInt>(compare->getOperand(1))) {
        bool holds = ICmpInst::compare(known->getValue(), rhs->getValue(), compare->getPredicate());
        known = ConstantInt::getBool(test->getContext(), holds);
        continue;
      }
      // With a value: decided when the constant is an end of the
      // comparison's range (`0 >u x` never holds), by x's known bits, or
      // by the branches that lead to the edge (`len != 0` there: `0 <u len`).
      ConstantInt *c = known;
      known = dyn_cast_or_null<ConstantInt>(simplifyICmpInst(
          compare->getPredicate(), c, compare->getOperand(1), SimplifyQuery(layout)));
      if (!known && !(known = onEdge(*compare, c))) return nullptr;
      continue;
    }
    known = dyn_cast_or_null<ConstantInt>(
        ConstantFoldCastOperand(cast<CastInst>(test)->getOpcode(), known, test->getType(), layout));
    if (!known) return nullptr;
  }
  BasicBlock *to;
  if (auto *sw = dyn_cast<SwitchInst>(d.terminator))
    to = sw->findCaseValue(known)->getCaseSuccessor();
  else
    to = cast<BranchInst>(d.terminator)->getSuccessor(known->isZero() ? 1 : 0);
  return isa<UnreachableInst>(to->getFirstNonPHIOrDbg()) ? nullptr : to;
}

struct Edge {
  BasicBlock *from;
  BasicBlock *to; // the successor the block would take
};

/// The edges into `bb` worth threading: from a `br` or `switch` with one
/// edge to `bb` and none to the successor, bringing a value that decides
/// the branch (successorFor).
SmallVector<Edge, 8> threadableEdges(BasicBlock &bb, const Decision &d,
                                     const SmallPtrSetImpl<const BasicBlock *> &loopHeaders,
                                     EdgeConditions &conditions) {
  SmallVector<Edge, 8> edges;
  SmallPtrSet<BasicBlock *, 8> seen;
  for (BasicBlock *from : predecessors(&bb)) {
    if (from == &bb || !seen.insert(from).second) continue;
    Instruction *branch = from->getTerminator();
    if (!isa<BranchInst, SwitchInst>(branch)) continue;
    BasicBlock *to = successorFor(d, d.phi->getIncomingValueForBlock(from), from, conditions);
    // A loop header keeps its one entry from outside (the lifter hoists into
    // the preheader), and the block must not be skipped over into itself.
    if (!to || to == &bb || loopHeaders.contains(to)) continue;
    unsigned toBB = 0, toSuccessor = 0;
    for (BasicBlock *s : successors(from)) {
      toBB += s == &bb;
      toSuccessor += s == to;
    }
    if (toBB != 1 || toSuccessor != 0) continue;
    // A phi of `bb` fed by `bb`'s own phis on this edge: leave such cycles.
    bool cyclic = false;
    for (PHINode &phi : bb.phis())
      if (auto *in = dyn_cast<Instruction>(phi.getIncomingValueForBlock(from)))
        cyclic |= in->getParent() == &bb;
    if (!cyclic) edges.push_back({from, to});
  }
  return edges;
}

/// Sends each edge to its successor, through a copy of the block's other
/// instructions when it has any, and keeps the block's values right wherever
/// they are used.
void thread(BasicBlock &bb, const Decision &d, ArrayRef<Edge> edges,
            ArrayRef<Instruction *> liveValues) {
  // Per edge: the block that now leads to the successor (the predecessor,
  // or the copy), and what each value of `bb` is there.
  SmallVector<BasicBlock *, 8> arrivals;
  std::deque<ValueToValueMapTy> onEdge(edges.size()); // not movable: no vector
  for (auto [e, values] : zip(edges, onEdge)) {
    for (PHINode &phi : bb.phis()) values[&phi] = phi.getIncomingValueForBlock(e.from);
    BasicBlock *arrival = e.from;
    if (!d.copied.empty()) {
      arrival = BasicBlock::Create(bb.getContext(), bb.getName() + ".thread", bb.getParent(), &bb);
      for (Instruction *i : d.copied) {
        Instruction *copy = i->clone();
        copy->setName(i->getName());
        RemapInstruction(copy, values, RF_IgnoreMissingLocals | RF_NoModuleLevelChanges);
        copy->insertInto(arrival, arrival->end());
        values[i] = copy;
      }
      BranchInst::Create(e.to, arrival);
    }
    arrivals.push_back(arrival);
  }
  auto valueOn = [](ValueToValueMapTy &values, Value *v) {
    auto it = values.find(v);
    return it == values.end() ? v : static_cast<Value *>(it->second);
  };
  for (auto [e, arrival, values] : zip(edges, arrivals, onEdge)) {
    for (PHINode &phi : e.to->phis())
      phi.addIncoming(valueOn(values, phi.getIncomingValueForBlock(&bb)), arrival);
    e.from->getTerminator()->replaceSuccessorWith(&bb, arrival == e.from ? e.to : arrival);
    for (PHINode &phi : bb.phis()) phi.removeIncomingValue(e.from, /*DeletePHIIfEmpty=*/false);
  }
  for (Instruction *value : liveValues) {
    SSAUpdater updater;
    updater.Initialize(value->getType(), value->getName());
    updater.AddAvailableValue(&bb, value);
    for (auto [arrival, values] : zip(arrivals, onEdge))
      updater.AddAvailableValue(arrival, valueOn(values, value));
    SmallVector<Use *, 8> outside;
    for (Use &u : value->uses())
      if (cast<Instruction>(u.getUser())->getParent() != &bb) outside.push_back(&u);
    for (Use *u : outside) updater.RewriteUse(*u);
  }
  // A copy reached by an unconditional branch joins its predecessor.
  for (auto [e, arrival] : zip(edges, arrivals))
    if (arrival != e.from) MergeBlockIntoPredecessor(arrival);
}

} // namespace

size_t threadPhiBranches(Function &f, PhiBranchScope scope) {
  SmallVector<std::pair<const BasicBlock *, const BasicBlock *>, 16> backEdges;
  FindFunctionBackedges(f, backEdges);
  SmallPtrSet<const BasicBlock *, 16> loopHeaders;
  for (auto [from, to] : backEdges) loopHeaders.insert(to);

  EdgeConditions conditions(f);
  size_t threaded = 0;
  SmallVector<BasicBlock *, 32> blocks;
  for (BasicBlock &bb : f) blocks.push_back(&bb);
  for (BasicBlock *bb : blocks) {
    if (loopHeaders.contains(bb) || bb->hasAddressTaken()) continue;
    std::optional<Decision> d = decisionOf(*bb);
    if (!d) continue;
    bool optionTag =
        !d->tests.empty() &&
        ((d->phi->getType()->isPointerTy() &&
          isa<ConstantPointerNull>(d->tests[0]->getOperand(1))) ||
         (isa<TruncInst>(d->tests.back()) && d->tests.back()->getType()->isIntegerTy(1)));
    if (scope == PhiBranchScope::OptionTags && !optionTag) continue;
    SmallVector<Edge, 8> edges = threadableEdges(*bb, *d, loopHeaders, conditions);
    if (edges.empty()) continue;
    SmallVector<Instruction *, kMaxLiveValues> liveValues;
    bool tooMany = false;
    for (Instruction &i : *bb) {
      bool live =
          any_of(i.users(), [bb](User *u) { return cast<Instruction>(u)->getParent() != bb; });
      if (!live) continue;
      tooMany = liveValues.size() == kMaxLiveValues;
      if (tooMany) break;
      liveValues.push_back(&i);
    }
    if (tooMany) continue;
    thread(*bb, *d, edges, liveValues);
    conditions.cfgChanged();
    threaded += edges.size();
  }
  if (threaded) removeUnreachableBlocks(f);
  return threaded;
}

} // namespace egopt::passes
