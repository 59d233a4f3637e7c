//===- egopt.cpp - The egopt driver: LLVM IR in, object/asm/IR out -------===//
//
// Like `opt` followed by `llc`, with the e-graph mid-end in between:
//   egopt in.ll|in.bc [-o out] [--emit=obj|asm|llvm|bc] [-O0..-O3] [-j N]
//         [--cgus=N|auto] [-mtriple=T] [-mcpu=C] [--stats] [--stats-json=F]
//         [--time-passes] [--time-trace=F] [--extractor=dag|greedy]
//         [--compare-extractors] [--rules=FILE,...] [--rule-sets=P,...]
//         [--no-builtin-rules] [--no-interprocedural] [--no-loop-passes] [--no-cfg-cleanup]
//         [--walk-simplify]
//         [--egraph-iterations=N] [--egraph-node-growth=N]
// Every error is one line on stderr (`egopt: error: ...`), exit code 1, and no
// output file is left behind.
//
//===----------------------------------------------------------------------===//
#include "egopt/Pipeline.h"
#include "egopt/rewrite/RuleCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <cstdio>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace {

cl::OptionCategory category("egopt options");

/// egopt's options. Built in main(), after LLVM's own options of the same
/// names (-stats, -stats-json, -time-passes, ...) have been renamed out of
/// the way (`--llvm-stats` etc.), since libLLVM registers them at load time.
struct DriverOptions {
  cl::opt<std::string> inputFile{cl::Positional, cl::desc("<input .ll or .bc>"), cl::Required,
                                 cl::cat(category)};
  cl::opt<std::string> outputFile{"o", cl::desc("Output file ('-' for standard output)"),
                                  cl::value_desc("file"), cl::cat(category)};
  cl::opt<egopt::EmitKind> emit{
      "emit", cl::desc("What to write"), cl::init(egopt::EmitKind::Object),
      cl::values(clEnumValN(egopt::EmitKind::Object, "obj", "an object file (default)"),
                 clEnumValN(egopt::EmitKind::Assembly, "asm", "assembly"),
                 clEnumValN(egopt::EmitKind::LLVM, "llvm", "optimized LLVM IR, as text"),
                 clEnumValN(egopt::EmitKind::Bitcode, "bc", "optimized LLVM IR, as bitcode")),
      cl::cat(category)};
  cl::opt<std::string> optLevel{"O",
                                cl::desc("Optimization level: -O0 (none), -O1 (SROA, simplifycfg, "
                                         "e-graph), -O2/-O3 (and the inliner) [default -O2]"),
                                cl::Prefix,
                                cl::init("2"),
                                cl::value_desc("level"),
                                cl::cat(category)};
  cl::opt<unsigned> threads{"j",
                            cl::desc("Threads (0: all hardware threads) [default 0]"),
                            cl::Prefix,
                            cl::init(0),
                            cl::value_desc("N"),
                            cl::cat(category)};
  cl::opt<std::string> cgus{"cgus",
                            cl::desc("Codegen units: a number, or 'auto' (from the module's "
                                     "size alone; the output never depends on -j) [default auto]"),
                            cl::init("auto"), cl::value_desc("N|auto"), cl::cat(category)};
  cl::opt<unsigned> minCGUSize{"min-cgu-size",
                               cl::desc("Smallest codegen unit worth making, in estimate units "
                                        "(about one per instruction) [default 4000]"),
                               cl::init(4000), cl::value_desc("N"), cl::cat(category)};
  cl::opt<bool> splitOutput{"split-cgus",
                            cl::desc("Write one object per codegen unit (OUT.cguN) instead of "
                                     "joining them with ld.lld -r"),
                            cl::cat(category)};
  cl::opt<std::string> triple{"mtriple",
                              cl::desc("Target triple [default: the module's, or the host's]"),
                              cl::cat(category)};
  cl::opt<std::string> cpu{"mcpu", cl::desc("Target CPU [default: generic]"), cl::cat(category)};
  cl::opt<std::string> attrs{"mattr", cl::desc("Target features (+a,-b)"), cl::cat(category)};
  cl::opt<bool> stats{"stats", cl::desc("Print statistics to standard error"), cl::cat(category)};
  cl::opt<std::string> statsJson{"stats-json", cl::desc("Write statistics as JSON"),
                                 cl::value_desc("file"), cl::cat(category)};
  cl::opt<bool> timePasses{"time-passes", cl::desc("Print the time of each phase"),
                           cl::cat(category)};
  cl::opt<std::string> timeTrace{"time-trace",
                                 cl::desc("Write a Chrome trace (one track per thread; spans "
                                          "per codegen unit and per function)"),
                                 cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> lld{"lld", cl::desc("The ld.lld used to join codegen units"),
                           cl::value_desc("path"), cl::cat(category)};
  cl::opt<egopt::extract::ExtractorKind> extractor{
      "extractor", cl::desc("How to choose among equal terms (docs/extraction.md)"),
      cl::init(egopt::extract::ExtractorKind::Dag),
      cl::values(
          clEnumValN(egopt::extract::ExtractorKind::Dag, "dag",
                     "cheapest shared selection: greedy, then improved (default)"),
          clEnumValN(egopt::extract::ExtractorKind::Greedy, "greedy", "cheapest tree per class")),
      cl::cat(category)};
  cl::opt<bool> compareExtractors{"compare-extractors",
                                  cl::desc("Run both extractors on every e-graph and report "
                                           "both selections' DAG costs in the statistics"),
                                  cl::cat(category)};
  cl::list<std::string> ruleFiles{"rules", cl::desc("Load more rule files (docs/rules.md)"),
                                  cl::CommaSeparated, cl::value_desc("file"), cl::cat(category)};
  cl::list<std::string> ruleSets{"rule-sets",
                                 cl::desc("Run only these rule sets (e.g. algebra,bitwise; "
                                          "built-in: address, algebra, bitwise, casts, compare, "
                                          "constfold, float, knownbits, shifts)"),
                                 cl::CommaSeparated, cl::value_desc("set"), cl::cat(category)};
  cl::opt<bool> noBuiltinRules{"no-builtin-rules", cl::desc("Do not load the built-in rule files"),
                               cl::cat(category)};
  cl::opt<bool> noInterprocedural{
      "no-interprocedural",
      cl::desc("Skip the interprocedural pre-passes (IPSCCP, dead arguments, "
               "function-attribute inference)"),
      cl::cat(category)};
  cl::opt<bool> noLoopPasses{"no-loop-passes",
                             cl::desc("Skip LLVM's loop passes (full unrolling, rotation, loop "
                                      "idiom, induction variables and deletion before the "
                                      "e-graph, vectorization and partial unrolling after "
                                      "it; -O2 and up)"),
                             cl::cat(category)};
  cl::opt<bool> noCfgCleanup{"no-cfg-cleanup",
                             cl::desc("Skip LLVM's simplifycfg after the e-graph (switches from "
                                      "branch chains on one merged value)"),
                             cl::cat(category)};
  cl::opt<bool> noEGraph{"no-egraph",
                         cl::desc("Skip the e-graph (lifting, rules, extraction, elaboration): "
                                  "functions keep the pre-passes' form"),
                         cl::cat(category)};
  cl::opt<bool> walkSimplify{"walk-simplify",
                             cl::desc("Also run the skeleton and the e-graph on each function "
                                      "inside the inliner's walk (-O2 and up; an experiment: "
                                      "docs/quality.md)"),
                             cl::cat(category)};
  cl::opt<bool> noSkeleton{"no-skeleton",
                           cl::desc("Skip the skeleton's optimizations before lifting "
                                    "(docs/skeleton.md)"),
                           cl::cat(category)};
  cl::opt<std::string> extraPrePasses{
      "extra-pre-passes", cl::value_desc("pipeline"),
      cl::desc("LLVM passes to run after the pre-passes, before lifting, in opt's -passes "
               "syntax (for experiments)"),
      cl::cat(category)};
  cl::opt<std::string> extraPostPasses{
      "extra-post-passes", cl::value_desc("pipeline"),
      cl::desc("LLVM function passes to run on each function after lowering, in opt's "
               "-passes syntax (for experiments)"),
      cl::cat(category)};
  cl::opt<bool> noReassociate{"no-reassociate",
                              cl::desc("Do not give trees of one associative operator their "
                                       "normal form before the rules (docs/egraph.md)"),
                              cl::cat(category)};
  cl::opt<unsigned> iterations{
      "egraph-iterations", cl::desc("Rewrite rounds per function [default: 3/8/16 at -O1/-O2/-O3]"),
      cl::init(0), cl::cat(category)};
  cl::opt<unsigned> nodeGrowth{
      "egraph-node-growth",
      cl::desc("E-nodes allowed per lifted e-node [default: 2/4/8 at -O1/-O2/-O3]"), cl::init(0),
      cl::cat(category)};
};

/// Moves LLVM's options that share a name with egopt's to `llvm-NAME`.
void renameClashingLLVMOptions() {
  static const char *const names[] = {"stats",      "stats-json", "time-passes", "time-trace",
                                      "emit",       "cgus",       "j",           "lld",
                                      "split-cgus", "rules",      "passes"};
  static std::vector<std::string> renamed;
  auto &registered = cl::getRegisteredOptions();
  for (const char *name : names) {
    auto it = registered.find(name);
    if (it == registered.end()) continue;
    renamed.push_back(std::string("llvm-") + name);
    it->second->setArgStr(renamed.back());
    it->second->setHiddenFlag(cl::ReallyHidden);
  }
}

void error(const Twine &msg) { WithColor::error(errs(), "egopt") << msg << "\n"; }

[[noreturn]] void fail(const Twine &msg) {
  error(msg);
  std::exit(1);
}

/// The one line a malformed input gets: where (the file, and a line and
/// column for text), then what is wrong. Bitcode readers speak of bits and
/// blocks, so their messages say which kind of file it was.
[[noreturn]] void failMalformed(const Twine &where, bool bitcode, const Twine &what) {
  fail(where + ": " + (bitcode ? "invalid or truncated bitcode: " : "") + what);
}

/// Runs LLVM's reader on the input. The readers stop on some corrupt inputs
/// with a fatal error instead of an llvm::Error (a bitcode record that asks
/// for 2^32 types: "SmallVector unable to grow"), run out of memory on a size
/// read from the file, or crash (a flipped type index read past a struct's
/// elements; `opt` crashes the same way). Each becomes the one line a
/// malformed file gets, and exit code 1: no output file exists yet. Only
/// while reading: a crash later is egopt's own and keeps LLVM's report.
class GuardedRead {
public:
  GuardedRead(std::string file, bool bitcode) : file_(std::move(file)), bitcode_(bitcode) {
    current_ = this;
    install_fatal_error_handler(onFatal, nullptr);
    install_bad_alloc_error_handler(onBadAlloc, nullptr);
    CrashRecoveryContext::Enable();
  }
  ~GuardedRead() {
    CrashRecoveryContext::Disable();
    remove_bad_alloc_error_handler();
    remove_fatal_error_handler();
    current_ = nullptr;
  }
  GuardedRead(const GuardedRead &) = delete;
  GuardedRead &operator=(const GuardedRead &) = delete;

  void run(function_ref<void()> read) {
    CrashRecoveryContext recovery;
    // After a crash nothing of the context is used again: report and exit.
    if (!recovery.RunSafely(read)) failMalformed(file_, bitcode_, "LLVM's reader crashed on it");
  }

private:
  static void onFatal(void *, const char *reason, bool) {
    failMalformed(current_->file_, current_->bitcode_, StringRef(reason).split('\n').first);
  }
  // Memory is short: no formatting, no allocation.
  static void onBadAlloc(void *, const char *, bool) {
    static const char msg[] = ": out of memory while reading the input (is it corrupt?)\n";
    static const char head[] = "egopt: error: ";
    (void)!::write(2, head, sizeof head - 1);
    (void)!::write(2, current_->file_.data(), current_->file_.size());
    (void)!::write(2, msg, sizeof msg - 1);
    ::_exit(1);
  }
  static inline GuardedRead *current_ = nullptr;
  std::string file_;
  bool bitcode_;
};

std::string defaultOutput(const std::string &inputFile, egopt::EmitKind emit) {
  if (inputFile == "-") return "-";
  SmallString<128> path(inputFile);
  const char *ext = emit == egopt::EmitKind::Object     ? "o"
                    : emit == egopt::EmitKind::Assembly ? "s"
                    : emit == egopt::EmitKind::LLVM     ? "ll"
                                                        : "bc";
  sys::path::replace_extension(path, ext);
  if (path == inputFile) path += ".out";
  return path.str().str();
}

/// Parses the command line with stderr captured: LLVM's option parsers
/// report bad values straight to stderr, often over two lines; egopt says
/// one line. Returns the first line of what the parser said, or "" if fine.
std::string parseCommandLine(int argc, char **argv, const char *overview) {
  std::fflush(stderr);
  errs().flush();
  int saved = dup(2);
  std::FILE *capture = std::tmpfile();
  if (saved < 0 || !capture) {
    // No capture possible: let LLVM print as it does.
    return cl::ParseCommandLineOptions(argc, argv, overview) ? "" : "invalid command line";
  }
  dup2(fileno(capture), 2);
  std::string direct;
  raw_string_ostream directStream(direct);
  bool ok = cl::ParseCommandLineOptions(argc, argv, overview, &directStream);
  errs().flush();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::string captured;
  std::rewind(capture);
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, capture)) > 0;) captured.append(buf, n);
  std::fclose(capture);
  if (ok) {
    errs() << captured; // warnings, if any
    return "";
  }
  std::string all = direct + captured;
  StringRef first = StringRef(all).ltrim().split('\n').first.trim();
  first.consume_front("egopt: ");
  first.consume_front("error: ");
  return first.empty() ? std::string("invalid command line") : first.str();
}

/// The pipeline's options from the command line's (the driver's own, such
/// as the output file and the reports, stay in DriverOptions). Exits with
/// the one-line error on a bad value.
egopt::Options pipelineOptions(const DriverOptions &o) {
  const std::string &level = o.optLevel;
  if (level.size() != 1 || level[0] < '0' || level[0] > '3')
    fail("invalid optimization level -O" + level + " (expected -O0, -O1, -O2 or -O3)");
  egopt::Options opts;
  opts.optLevel = unsigned(level[0] - '0');
  opts.threads = o.threads;
  if (o.cgus != "auto") {
    unsigned n = 0;
    if (StringRef(o.cgus).getAsInteger(10, n) || n == 0)
      fail("invalid --cgus value '" + o.cgus + "' (expected a positive number or 'auto')");
    opts.cgus = n;
  }
  opts.minCGUSize = o.minCGUSize;
  opts.emit = o.emit;
  opts.splitOutput = o.splitOutput;
  opts.codegen.triple = o.triple;
  opts.codegen.cpu = o.cpu;
  opts.codegen.features = o.attrs;
  opts.lldPath = o.lld;
  opts.extractor = o.extractor;
  opts.compareExtractors = o.compareExtractors;
  opts.maxIterations = o.iterations;
  opts.interprocedural = !o.noInterprocedural;
  opts.loopPasses = !o.noLoopPasses;
  opts.cfgCleanup = !o.noCfgCleanup;
  opts.reassociate = !o.noReassociate;
  opts.egraph = !o.noEGraph;
  opts.extraPrePasses = o.extraPrePasses;
  opts.extraPostPasses = o.extraPostPasses;
  opts.skeleton = !o.noSkeleton;
  opts.simplifyInWalk = o.walkSimplify;
  opts.nodeGrowth = o.nodeGrowth;
  if (!o.ruleFiles.empty() || !o.ruleSets.empty() || o.noBuiltinRules) {
    egopt::passes::RuleOptions ro;
    ro.builtin = !o.noBuiltinRules;
    ro.files.assign(o.ruleFiles.begin(), o.ruleFiles.end());
    ro.ruleSets.assign(o.ruleSets.begin(), o.ruleSets.end());
    auto rules = egopt::passes::loadRules(ro);
    if (!rules) fail(toString(rules.takeError()));
    opts.rules = std::move(*rules);
  }
  return opts;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  renameClashingLLVMOptions();
  DriverOptions options;
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter(
      [](raw_ostream &os) { os << "egopt " EGOPT_VERSION " (LLVM " LLVM_VERSION_STRING ")\n"; });
  std::string cmdError = parseCommandLine(
      argc, argv,
      "egopt: an e-graph optimizing mid-end and code generator for LLVM IR\n\n"
      "  Pre-passes (from LLVM's pass builder): at every level, the lowerings LLVM's\n"
      "  pipelines always run (coroutines, -finstrument-functions, allocation\n"
      "  tokens) and always-inline; SROA (with mem2reg), simplifycfg, llvm.expect\n"
      "  and constant intrinsics lowered, interprocedural SCCP and function-attribute\n"
      "  inference at -O1 and up; the CGSCC inliner and full unrolling of constant\n"
      "  trip counts at -O2 and up. After the e-graph, LLVM's loop vectorizer at -O2\n"
      "  and up, then InstCombine and VectorCombine on the functions it widened, the\n"
      "  SLP vectorizer on floating-point code, and partial and runtime unrolling.\n"
      "  LLVM's scalar optimizers do not otherwise run: the e-graph does that work.\n");
  if (!cmdError.empty()) fail(cmdError);
  egopt::Options opts = pipelineOptions(options);
  egopt::TimeTrace trace;
  if (!options.timeTrace.empty()) opts.trace = &trace;
  std::string out = options.outputFile.empty() ? defaultOutput(options.inputFile, options.emit)
                                               : options.outputFile.getValue();
  // One file per unit cannot go to one stream: the objects would be
  // concatenated, which no tool reads back.
  if (options.splitOutput && out == "-")
    fail("--split-cgus writes one file per codegen unit (OUT.cguN) and cannot write to "
         "standard output; name an output file with -o");

  // Read the input once: to parse it, to say what kind of file a broken one
  // is, and to name the symbols codegen units share after its contents.
  auto buffer = MemoryBuffer::getFileOrSTDIN(options.inputFile);
  if (!buffer) fail(options.inputFile + ": cannot read: " + buffer.getError().message());
  MemoryBufferRef input = (*buffer)->getMemBufferRef();
  bool isBC = isBitcode(reinterpret_cast<const unsigned char *>(input.getBufferStart()),
                        reinterpret_cast<const unsigned char *>(input.getBufferEnd()));
  // An empty file parses as an empty module, but is almost surely a mistake
  // (a failed or truncated write); a module of only comments is still fine.
  if (input.getBufferSize() == 0) fail(options.inputFile + ": the file is empty");
  opts.moduleKey = utohexstr(xxh3_64bits(arrayRefFromStringRef(input.getBuffer())));

  LLVMContext ctx;
  // Machine code does not carry the names of local values (instructions,
  // arguments, blocks): dropping them, as clang does, spares every pass
  // that names what it creates. IR output keeps them for the reader. The
  // text parser needs names to resolve references, so for a `.ll` they go
  // only after parsing.
  bool machineCode =
      options.emit == egopt::EmitKind::Object || options.emit == egopt::EmitKind::Assembly;
  ctx.setDiscardValueNames(machineCode && isBC);
  SMDiagnostic diag;
  std::unique_ptr<Module> m;
  {
    egopt::TimeTrace::Scope span(opts.trace, "parse", options.inputFile);
    GuardedRead(options.inputFile, isBC).run([&] { m = parseIR(input, diag, ctx); });
  }
  if (!m) {
    std::string where = options.inputFile;
    if (diag.getLineNo() > 0) {
      where += ':';
      where += std::to_string(diag.getLineNo());
      where += ':';
      where += std::to_string(diag.getColumnNo() + 1);
    }
    failMalformed(where, isBC, StringRef(diag.getMessage()).split('\n').first);
  }
  {
    std::string msg;
    raw_string_ostream os(msg);
    if (verifyModule(*m, &os))
      fail(options.inputFile +
           ": the input module is invalid: " + StringRef(msg).split('\n').first.trim());
  }
  ctx.setDiscardValueNames(machineCode);

  std::vector<egopt::Output> outputs;
  egopt::Stats st;
  if (Error e = egopt::compileModule(std::move(m), opts, outputs, st)) fail(toString(std::move(e)));

  // Every file is kept only once all are complete: on any error below the
  // files' destructors remove them (hence returning, not exiting).
  bool binary = options.emit == egopt::EmitKind::Object || options.emit == egopt::EmitKind::Bitcode;
  std::vector<std::unique_ptr<ToolOutputFile>> files;
  auto open = [&](const std::string &path, sys::fs::OpenFlags flags) -> raw_ostream * {
    std::error_code ec;
    auto file = std::make_unique<ToolOutputFile>(path, ec, flags);
    if (ec) {
      error("cannot write '" + path + "': " + ec.message());
      return nullptr;
    }
    files.push_back(std::move(file));
    return &files.back()->os();
  };
  for (const egopt::Output &o : outputs) {
    raw_ostream *os =
        open(out == "-" ? "-" : out + o.suffix, binary ? sys::fs::OF_None : sys::fs::OF_Text);
    if (!os) return 1;
    os->write(o.bytes.data(), o.bytes.size());
  }
  if (!options.statsJson.empty()) {
    raw_ostream *os = open(options.statsJson, sys::fs::OF_Text);
    if (!os) return 1;
    *os << st.toJson() << "\n";
  }
  if (opts.trace) {
    raw_ostream *os = open(options.timeTrace, sys::fs::OF_Text);
    if (!os) return 1;
    trace.write(*os);
  }
  for (auto &f : files) {
    f->os().flush();
    if (f->os().has_error()) {
      error("cannot write '" + f->getFilename() + "'");
      f->os().clear_error();
      return 1;
    }
  }
  for (auto &f : files) f->keep();

  if (options.stats) st.print(errs());
  if (options.timePasses) st.printTimes(errs());
  return 0;
}
