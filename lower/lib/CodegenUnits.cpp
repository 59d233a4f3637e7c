#include "egopt/lower/CodegenUnits.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <map>

namespace egopt::lower {
using namespace llvm;

uint64_t estimateCodegenCost(const Function &fn) {
  if (fn.isDeclaration()) return 0;
  uint64_t cost = 0;
  for (const BasicBlock &bb : fn) {
    cost += 3; // block: labels, branch lowering, register allocation live ranges
    for (const Instruction &i : bb) {
      if (isa<CallBase>(i))
        cost += 5;
      else if (i.mayReadOrWriteMemory())
        cost += 2;
      else if (isa<PHINode>(i))
        cost += 2;
      else
        cost += 1;
    }
  }
  return cost + 10; // prologue, epilogue, symbol
}

namespace {
/// The global object a global value stands for (an alias's aliasee).
/// An ifunc is a GlobalObject too, so it is asked first: it lives with its
/// resolver.
const GlobalObject *baseObject(const GlobalValue &gv) {
  if (auto *gi = dyn_cast<GlobalIFunc>(&gv)) return gi->getResolverFunction();
  if (auto *go = dyn_cast<GlobalObject>(&gv)) return go;
  if (auto *ga = dyn_cast<GlobalAlias>(&gv)) return ga->getAliaseeObject();
  return nullptr;
}
} // namespace

CGUPlan planCodegenUnits(Module &m, const CGUOptions &opts) {
  // Groups of functions that must share a unit, keyed by a representative.
  std::map<std::string, std::vector<Function *>> byComdat;
  std::vector<std::vector<Function *>> groups;
  for (Function &f : m) {
    if (f.isDeclaration()) continue;
    if (const Comdat *c = f.getComdat())
      byComdat[c->getName().str()].push_back(&f);
    else
      groups.push_back({&f});
  }
  for (auto &[name, fs] : byComdat) groups.push_back(std::move(fs));

  uint64_t total = 0;
  std::vector<uint64_t> groupCost(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    for (Function *f : groups[i]) groupCost[i] += estimateCodegenCost(*f);
    total += groupCost[i];
  }
  unsigned n = opts.requested;
  if (n == 0) n = unsigned(std::clamp<uint64_t>(total / opts.autoTargetSize, 1, opts.autoMax));
  n = unsigned(
      std::max<uint64_t>(1, std::min<uint64_t>(n, total / std::max<uint64_t>(opts.minSize, 1))));
  n = std::max(1u, std::min<unsigned>(n, unsigned(std::max<size_t>(groups.size(), 1))));

  CGUPlan plan;
  plan.functions.resize(n);
  plan.estimates.assign(n, 0);
  std::vector<size_t> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Largest first; ties by the first function's name, so the plan is stable.
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (groupCost[a] != groupCost[b]) return groupCost[a] > groupCost[b];
    return groups[a].front()->getName() < groups[b].front()->getName();
  });
  for (size_t gi : order) {
    size_t smallest = 0;
    for (size_t u = 1; u < n; ++u)
      if (plan.estimates[u] < plan.estimates[smallest]) smallest = u;
    for (Function *f : groups[gi]) plan.functions[smallest].push_back(f);
    plan.estimates[smallest] += groupCost[gi];
  }
  // Within a unit keep module order (deterministic, and familiar in output).
  DenseMap<const Function *, size_t> position;
  size_t pos = 0;
  for (Function &f : m) position[&f] = pos++;
  for (auto &fs : plan.functions)
    std::sort(fs.begin(), fs.end(),
              [&](Function *a, Function *b) { return position[a] < position[b]; });
  return plan;
}

namespace {
/// Collects the global values a constant refers to.
void collectGlobals(const Constant *c, SmallPtrSetImpl<const GlobalValue *> &out,
                    SmallPtrSetImpl<const Constant *> &seen) {
  if (!seen.insert(c).second) return;
  if (auto *gv = dyn_cast<GlobalValue>(c)) {
    out.insert(gv);
    return;
  }
  for (const Use &u : c->operands())
    if (auto *op = dyn_cast<Constant>(u.get())) collectGlobals(op, out, seen);
}
} // namespace

SplitResult splitIntoUnits(Module &m, const CGUPlan &plan, StringRef moduleKey) {
  SplitResult result;
  size_t n = plan.numUnits();
  // Which unit defines each global object: functions by the plan; a local
  // variable used by one unit, in that unit; other variables in unit 0;
  // aliases and ifuncs follow their base object.
  DenseMap<const GlobalValue *, size_t> unitOf;
  for (size_t u = 0; u < n; ++u)
    for (Function *f : plan.functions[u]) unitOf[f] = u;
  auto home = [&](const GlobalValue &gv) -> size_t {
    if (const GlobalObject *base = baseObject(gv))
      if (auto it = unitOf.find(base); it != unitOf.end()) return it->second;
    return 0;
  };

  // Which units refer to each local symbol.
  DenseMap<const GlobalValue *, SmallVector<size_t, 2>> referencedFrom;
  auto note = [&](const GlobalValue *gv, size_t u) {
    auto &v = referencedFrom[gv];
    if (std::find(v.begin(), v.end(), u) == v.end()) v.push_back(u);
  };
  for (Function &f : m) {
    if (f.isDeclaration()) continue;
    size_t u = home(f);
    SmallPtrSet<const GlobalValue *, 16> refs;
    SmallPtrSet<const Constant *, 32> seen;
    for (const BasicBlock &bb : f)
      for (const Instruction &i : bb)
        for (const Use &op : i.operands())
          if (auto *c = dyn_cast<Constant>(op.get())) collectGlobals(c, refs, seen);
    for (unsigned i = 0; i < f.getNumOperands(); ++i) // personality, prefix, prologue
      if (auto *c = dyn_cast<Constant>(f.getOperand(i))) collectGlobals(c, refs, seen);
    for (const GlobalValue *gv : refs) note(gv, u);
  }
  // A local variable used by one unit only lives in that unit (no renaming).
  for (GlobalVariable &gv : m.globals()) {
    if (!gv.hasLocalLinkage()) continue;
    auto it = referencedFrom.find(&gv);
    if (it != referencedFrom.end() && it->second.size() == 1) unitOf[&gv] = it->second.front();
  }
  // What variables' initializers, aliases and ifuncs refer to, from their unit.
  auto noteConstant = [&](const Constant *c, size_t u) {
    SmallPtrSet<const GlobalValue *, 16> refs;
    SmallPtrSet<const Constant *, 32> seen;
    collectGlobals(c, refs, seen);
    for (const GlobalValue *r : refs) note(r, u);
  };
  for (GlobalVariable &gv : m.globals())
    if (gv.hasInitializer()) noteConstant(gv.getInitializer(), home(gv));
  for (GlobalAlias &ga : m.aliases()) noteConstant(ga.getAliasee(), home(ga));
  for (GlobalIFunc &gi : m.ifuncs()) noteConstant(gi.getResolver(), home(gi));

  // A suffix unique to this module: different translation units compiled
  // with several units must not clash on the symbols made hidden external.
  std::string key = (moduleKey + "|" + m.getModuleIdentifier() + "|" + m.getSourceFileName()).str();
  std::string suffix = ".egopt." + utohexstr(xxh3_64bits(key), /*LowerCase=*/true);
  std::vector<GlobalValue *> locals;
  for (GlobalValue &gv : m.global_values())
    if (gv.hasLocalLinkage()) locals.push_back(&gv);
  for (GlobalValue *gv : locals) {
    auto it = referencedFrom.find(gv);
    if (it == referencedFrom.end()) continue;
    size_t own = home(*gv);
    bool crosses =
        std::any_of(it->second.begin(), it->second.end(), [&](size_t u) { return u != own; });
    if (!crosses) continue;
    std::string original = gv->hasName() ? gv->getName().str() : std::string("anon");
    gv->setName(original + suffix);
    gv->setLinkage(GlobalValue::ExternalLinkage);
    gv->setVisibility(GlobalValue::HiddenVisibility);
    ++result.externalized;
  }

  // Each unit's definitions, by position in the module's lists: the
  // bitcode keeps the order of functions, variables, aliases and ifuncs.
  for (const GlobalValue &gv : m.global_values())
    result.homeUnit.push_back(gv.isDeclaration() ? SplitResult::kNoUnit : uint32_t(home(gv)));
  raw_svector_ostream os(result.bitcode);
  WriteBitcodeToFile(m, os);
  return result;
}

namespace {
/// Turns `gv`, defined in another unit, into a declaration, as CloneModule
/// does for a value its filter rejects: external linkage, no initializer,
/// body, comdat or personality; an alias or ifunc, which cannot be a
/// declaration, is replaced by a function or variable declaration.
void declareOnly(GlobalValue &gv) {
  if (auto *f = dyn_cast<Function>(&gv)) {
    f->deleteBody(); // also its personality; a body not yet read is never read
    f->setComdat(nullptr);
    return;
  }
  if (auto *var = dyn_cast<GlobalVariable>(&gv)) {
    var->setInitializer(nullptr);
    var->setLinkage(GlobalValue::ExternalLinkage);
    var->setComdat(nullptr);
    return;
  }
  Module &m = *gv.getParent();
  GlobalValue *decl;
  if (auto *fty = dyn_cast<FunctionType>(gv.getValueType()))
    decl = Function::Create(fty, GlobalValue::ExternalLinkage, gv.getAddressSpace(), "", &m);
  else
    decl =
        new GlobalVariable(m, gv.getValueType(), /*isConstant=*/false, GlobalValue::ExternalLinkage,
                           nullptr, "", nullptr, gv.getThreadLocalMode(), gv.getAddressSpace());
  decl->setVisibility(gv.getVisibility());
  decl->setDLLStorageClass(gv.getDLLStorageClass());
  decl->setUnnamedAddr(gv.getUnnamedAddr());
  decl->takeName(&gv);
  gv.replaceAllUsesWith(decl);
  gv.eraseFromParent();
}
} // namespace

Error restrictToUnit(Module &part, const SplitResult &split, size_t unit) {
  std::vector<GlobalValue *> all;
  for (GlobalValue &gv : part.global_values()) all.push_back(&gv);
  if (all.size() != split.homeUnit.size())
    return createStringError("codegen unit %zu: the module has %zu global values, the split %zu",
                             unit, all.size(), split.homeUnit.size());
  for (size_t i = 0; i < all.size(); ++i)
    if (split.homeUnit[i] != SplitResult::kNoUnit && split.homeUnit[i] != unit)
      declareOnly(*all[i]);
  if (unit != 0) part.setModuleInlineAsm("");
  if (Error e = part.materializeAll()) return e;
  // A declaration's debug-info attachment would ask the linker for its
  // address (read with the module's metadata, so after materializing).
  for (GlobalVariable &var : part.globals())
    if (var.isDeclaration()) var.eraseMetadata(LLVMContext::MD_dbg);
  return Error::success();
}

Expected<std::unique_ptr<Module>> loadUnit(const SplitResult &split, size_t unit,
                                           LLVMContext &ctx) {
  MemoryBufferRef buffer(StringRef(split.bitcode.data(), split.bitcode.size()), "cgu");
  auto lazy = getLazyBitcodeModule(buffer, ctx);
  if (!lazy) return lazy.takeError();
  std::unique_ptr<Module> part = std::move(*lazy);
  if (Error e = restrictToUnit(*part, split, unit)) return e;
  return part;
}

} // namespace egopt::lower
