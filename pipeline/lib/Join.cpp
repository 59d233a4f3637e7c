//===- Join.cpp - The units' objects joined with ld.lld -r -----------------===//
//
// Through temporary files (ld.lld reads files), removed whatever happens.
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

namespace egopt {
using namespace llvm;

Error joinObjects(const std::vector<SmallVector<char, 0>> &objects, const std::string &lld,
                  SmallVectorImpl<char> &out) {
  std::vector<std::string> inputs;
  scope_exit cleanup([&] {
    for (const std::string &p : inputs) sys::fs::remove(p);
  });
  for (const auto &obj : objects) {
    SmallString<128> path;
    int fd;
    if (std::error_code ec = sys::fs::createTemporaryFile("egopt-cgu", "o", fd, path))
      return errorf("cannot create a temporary file: " + ec.message());
    inputs.push_back(path.str().str());
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os.write(obj.data(), obj.size());
    os.close();
    if (os.has_error()) return errorf("cannot write '" + path + "'");
  }
  SmallString<128> outPath;
  int outFd;
  if (std::error_code ec = sys::fs::createTemporaryFile("egopt-joined", "o", outFd, outPath))
    return errorf("cannot create a temporary file: " + ec.message());
  sys::fs::closeFile(outFd);
  inputs.push_back(outPath.str().str());

  auto program = sys::findProgramByName(lld);
  if (!program)
    return errorf("cannot find the linker '" + lld +
                  "' (needed to join codegen units; use --cgus=1 or --lld=PATH)");
  std::vector<StringRef> args = {*program, "-r", "-o", outPath};
  for (size_t i = 0; i + 1 < inputs.size(); ++i) args.push_back(inputs[i]);
  std::string errMsg;
  int rc = sys::ExecuteAndWait(*program, args, std::nullopt, {}, 0, 0, &errMsg);
  if (rc != 0)
    return errorf("'" + lld + " -r' failed joining codegen units" +
                  (errMsg.empty() ? "" : ": " + errMsg));
  auto buf = MemoryBuffer::getFile(outPath);
  if (!buf) return errorf("cannot read the joined object: " + buf.getError().message());
  out.assign((*buf)->getBufferStart(), (*buf)->getBufferEnd());
  return Error::success();
}

} // namespace egopt
