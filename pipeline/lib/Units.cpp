//===- Units.cpp - Codegen units, each optimized and compiled in parallel --===//
//
// The module is split into the plan's units (lower/CodegenUnits.h); unit 0
// stays in the caller's context, every other unit is read back into a
// context of its own, so no context is shared between threads. Each unit is
// then optimized (FunctionPipeline.cpp) and compiled by its own target
// machine; the units' statistics are merged in unit order.
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "egopt/lower/Codegen.h"

#include "llvm/IR/LLVMContext.h"

#include <tbb/parallel_for_each.h>

#include <numeric>

namespace egopt {
using namespace llvm;

EGOPT_STATISTIC(ExternalizedSymbols, "08-units", "externalized_symbols",
                "internal symbols made hidden to cross units");

namespace {

/// What one unit produced.
struct UnitWork {
  eg::Statistics stats;
  double codegenSeconds = 0;
  Error error = Error::success();
};

/// Optimizes and compiles unit `u` of `split` (unit 0 is `m` itself).
void compileUnit(size_t u, Module &m, const lower::SplitResult &split, const Options &opts,
                 const lower::CodegenOptions &cg, bool discardNames, UnitWork &work,
                 SmallVector<char, 0> &out) {
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
      work.error = parsed.takeError();
      return;
    }
    loaded = std::move(*parsed);
  }
  Module &um = u == 0 ? m : *loaded;
  // The unit's own target machine: for extraction's costs, then codegen.
  auto utm = lower::createTargetMachine(um, cg);
  if (!utm) {
    work.error = utm.takeError();
    return;
  }
  if (opts.optLevel > 0)
    if (Error e = optimizeFunctions(um, opts, work.stats, utm->get())) {
      work.error = std::move(e);
      return;
    }
  auto t = Clock::now();
  TimeTrace::Scope cgSpan(opts.trace, "codegen", "unit " + std::to_string(u));
  CodeGenFileType type =
      opts.emit == EmitKind::Assembly ? CodeGenFileType::AssemblyFile : CodeGenFileType::ObjectFile;
  if (Error e = lower::emitCode(um, **utm, type, out)) {
    work.error = std::move(e);
    return;
  }
  work.codegenSeconds = since(t);
  work.stats.addSeconds(CodegenSeconds, work.codegenSeconds);
}

} // namespace

Error compileUnits(Module &m, const lower::CGUPlan &plan, const Options &opts,
                   const lower::CodegenOptions &cg, Stats &stats,
                   std::vector<SmallVector<char, 0>> &unitOutputs) {
  size_t n = plan.numUnits();
  auto tSplit = Clock::now();
  lower::SplitResult split;
  {
    TimeTrace::Scope span(opts.trace, "split");
    split = lower::splitIntoUnits(m, plan, opts.moduleKey);
  }
  stats.counters.add(ExternalizedSymbols, split.externalized);
  // Unit 0 is the split module itself, less the other units' definitions:
  // the same module loadUnit would read back, with no parse (whatever the
  // thread count, so the output does not depend on it).
  if (Error e = lower::restrictToUnit(m, split, 0)) return e;
  stats.counters.addSeconds(SplitSeconds, since(tSplit));
  bool discardNames = m.getContext().shouldDiscardValueNames();

  // Largest unit first, so the longest job starts first.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return plan.estimates[a] > plan.estimates[b]; });
  std::vector<UnitWork> work(n);
  unitOutputs.assign(n, {});
  auto tUnits = Clock::now();
  tbb::parallel_for_each(order.begin(), order.end(), [&](size_t u) {
    compileUnit(u, m, split, opts, cg, discardNames, work[u], unitOutputs[u]);
  });
  stats.counters.setSeconds(UnitsWallSeconds, since(tUnits));
  for (size_t u = 0; u < n; ++u)
    if (work[u].error) return std::move(work[u].error);
  for (size_t u = 0; u < n; ++u) {
    stats.counters.merge(work[u].stats);
    stats.cguCodegenSeconds[u] = work[u].codegenSeconds;
  }
  return Error::success();
}

} // namespace egopt
