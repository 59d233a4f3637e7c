//===- Codegen.h - LLVM's code generator for one module -------------------===//
#pragma once
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace egopt::lower {

struct CodegenOptions {
  std::string triple; ///< empty: the module's, else the host's
  std::string cpu;    ///< empty: generic
  std::string features;
  llvm::CodeGenOptLevel optLevel = llvm::CodeGenOptLevel::Default;
  /// Position-independent code: objects that clang links into a PIE need it,
  /// and it is what clang produces by default on Debian.
  bool pic = true;
};

/// Registers LLVM's targets once (thread-safe).
void initializeTargets();

/// A target machine for `m` (also sets m's triple and data layout). Each
/// thread that generates code needs its own.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createTargetMachine(llvm::Module &m,
                                                                         const CodegenOptions &o);

/// Runs the code generator on `m`, appending an object file or assembly text.
llvm::Error emitCode(llvm::Module &m, llvm::TargetMachine &tm, llvm::CodeGenFileType type,
                     llvm::SmallVectorImpl<char> &out);

} // namespace egopt::lower
