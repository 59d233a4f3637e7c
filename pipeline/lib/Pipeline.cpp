//===- Pipeline.cpp - compileModule and optimizeModule, the data flow ------===//
//
// docs/pipeline.md draws it; each step is a stage of Stages.h:
//
//   pre-passes ─► plan codegen units ─► one unit: optimize, then write IR or
//                                       machine code in place
//                                     ─► several: split, optimize and compile
//                                       each in parallel, then join them or
//                                       keep one object per unit
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "egopt/lower/Codegen.h"
#include "egopt/lower/CodegenUnits.h"

#include "llvm/Bitcode/BitcodeWriter.h"

#include <tbb/task_arena.h>

#ifndef EGOPT_DEFAULT_LLD
#define EGOPT_DEFAULT_LLD "ld.lld"
#endif

namespace egopt {
using namespace llvm;

namespace {

lower::CodegenOptions codegenOptions(const Options &opts) {
  lower::CodegenOptions c = opts.codegen;
  c.optLevel = opts.optLevel == 0   ? CodeGenOptLevel::None
               : opts.optLevel == 1 ? CodeGenOptLevel::Less
               : opts.optLevel == 2 ? CodeGenOptLevel::Default
                                    : CodeGenOptLevel::Aggressive;
  return c;
}

/// The one output of a module that is one unit: IR, or machine code.
Error writeOneUnit(Module &m, TargetMachine &tm, const Options &opts, Stats &stats,
                   SmallVectorImpl<char> &out) {
  auto t = Clock::now();
  raw_svector_ostream os(out);
  if (opts.emit == EmitKind::Bitcode) {
    WriteBitcodeToFile(m, os);
  } else if (opts.emit == EmitKind::LLVM) {
    m.print(os, nullptr);
  } else {
    TimeTrace::Scope span(opts.trace, "codegen", "unit 0");
    CodeGenFileType type = opts.emit == EmitKind::Assembly ? CodeGenFileType::AssemblyFile
                                                           : CodeGenFileType::ObjectFile;
    if (Error e = lower::emitCode(m, tm, type, out)) return e;
  }
  stats.counters.addSeconds(CodegenSeconds, since(t));
  stats.cguCodegenSeconds[0] = since(t);
  return Error::success();
}

} // namespace

Error optimizeModule(Module &m, const Options &opts, Stats *statsOut) {
  Stats local;
  Stats &stats = statsOut ? *statsOut : local;
  if (Error e = checkExtraPasses(opts)) return e;
  if (Error e = runPrePasses(m, opts, nullptr, stats.counters)) return e;
  if (opts.optLevel == 0) return Error::success();
  ThreadLimit limit(opts.threads);
  tbb::task_arena arena(opts.threads ? int(opts.threads) : tbb::task_arena::automatic);
  Error err = Error::success();
  arena.execute([&] { err = optimizeFunctions(m, opts, stats.counters, nullptr); });
  return err;
}

Error compileModule(std::unique_ptr<Module> m, const Options &opts, std::vector<Output> &outputs,
                    Stats &stats) {
  auto tStart = Clock::now();
  if (Error e = checkExtraPasses(opts)) return e;
  lower::CodegenOptions cg = codegenOptions(opts);
  // A target machine for the whole module: its triple and data layout, and
  // the inliner's cost model.
  auto tm = lower::createTargetMachine(*m, cg);
  if (!tm) return tm.takeError();
  cg.triple = m->getTargetTriple().str();

  {
    TimeTrace::Scope span(opts.trace, "pre-passes");
    if (Error e = runPrePasses(*m, opts, tm->get(), stats.counters)) return e;
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
  if (n == 1) {
    // One unit: no split, the module stays in its context.
    Error err = Error::success();
    auto tUnits = Clock::now();
    arena.execute([&] {
      if (opts.optLevel > 0) err = optimizeFunctions(*m, opts, stats.counters, tm->get());
    });
    if (err) return err;
    outputs.emplace_back();
    if (Error e = writeOneUnit(*m, **tm, opts, stats, outputs.back().bytes)) return e;
    stats.counters.setSeconds(UnitsWallSeconds, since(tUnits));
    stats.counters.setSeconds(TotalSeconds, since(tStart));
    return Error::success();
  }

  std::vector<SmallVector<char, 0>> unitOutputs;
  Error err = Error::success();
  arena.execute([&] { err = compileUnits(*m, plan, opts, cg, stats, unitOutputs); });
  if (err) return err;

  auto tJoin = Clock::now();
  TimeTrace::Scope joinSpan(opts.trace, "join");
  if (opts.splitOutput) {
    for (size_t u = 0; u < n; ++u)
      outputs.push_back({".cgu" + std::to_string(u), std::move(unitOutputs[u])});
  } else {
    outputs.emplace_back();
    std::string lld = opts.lldPath.empty() ? EGOPT_DEFAULT_LLD : opts.lldPath;
    if (Error e = joinObjects(unitOutputs, lld, outputs.back().bytes)) return e;
  }
  stats.counters.addSeconds(JoinSeconds, since(tJoin));
  stats.measureEstimates();
  stats.counters.setSeconds(TotalSeconds, since(tStart));
  return Error::success();
}

} // namespace egopt
