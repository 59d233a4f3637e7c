#include "egopt/lower/Codegen.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <mutex>

namespace egopt::lower {
using namespace llvm;

void initializeTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    InitializeAllTargetInfos();
    InitializeAllTargets();
    InitializeAllTargetMCs();
    InitializeAllAsmPrinters();
    InitializeAllAsmParsers();
  });
}

Expected<std::unique_ptr<TargetMachine>> createTargetMachine(Module &m, const CodegenOptions &o) {
  initializeTargets();
  std::string tripleName = o.triple;
  if (tripleName.empty()) tripleName = m.getTargetTriple().str();
  if (tripleName.empty()) tripleName = sys::getDefaultTargetTriple();
  Triple triple(tripleName);
  std::string error;
  const Target *target = TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return createStringError(inconvertibleErrorCode(),
                             "unknown target '" + tripleName + "': " + error);
  TargetOptions options;
  std::optional<Reloc::Model> reloc;
  if (o.pic) reloc = Reloc::PIC_;
  std::unique_ptr<TargetMachine> tm(
      target->createTargetMachine(triple, o.cpu.empty() ? "generic" : o.cpu, o.features, options,
                                  reloc, std::nullopt, o.optLevel));
  if (!tm)
    return createStringError(inconvertibleErrorCode(),
                             "cannot create a target machine for '" + tripleName + "'");
  m.setTargetTriple(triple);
  m.setDataLayout(tm->createDataLayout());
  return tm;
}

Error emitCode(Module &m, TargetMachine &tm, CodeGenFileType type, SmallVectorImpl<char> &out) {
  raw_svector_ostream os(out);
  legacy::PassManager pm;
  // No verifier pass: the driver verified the input, and the pipeline
  // verifies every function it rewrites (Options::verify), so a second run
  // over the whole module here would only cost time.
  if (tm.addPassesToEmitFile(pm, os, nullptr, type, /*DisableVerify=*/true))
    return createStringError(inconvertibleErrorCode(), "the target cannot emit this kind of file");
  pm.run(m);
  return Error::success();
}

} // namespace egopt::lower
