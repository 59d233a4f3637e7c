#include "egopt/rewrite/RuleCatalog.h"

#include "egopt/lift/IRLanguage.h"
#include "egopt/rewrite/Predicates.h"

#include "llvm/Support/MemoryBuffer.h"

namespace egopt::passes {
using namespace llvm;

namespace {
constexpr RuleFile kBuiltin[] = {
#include "BuiltinRules.inc"
};
} // namespace

std::span<const RuleFile> builtinRuleFiles() { return kBuiltin; }

Expected<std::unique_ptr<eg::RuleBook>> loadRules(const RuleOptions &opts) {
  auto rules = std::make_unique<eg::RuleBook>();
  const ir::IRLanguage &L = ir::IRLanguage::get();
  if (opts.builtin)
    for (const RuleFile &f : builtinRuleFiles())
      if (Error err = rules->parse(L, irPredicates(), f.text,
                                   ("passes/rewrite/rules/" + Twine(f.name) + ".rules").str()))
        return err;
  for (const std::string &path : opts.files) {
    auto buf = MemoryBuffer::getFile(path, /*IsText=*/true);
    if (!buf)
      return createStringError(buf.getError(),
                               "cannot read rule file '" + path + "': " + buf.getError().message());
    if (Error err = rules->parse(L, irPredicates(), (*buf)->getBuffer(), path)) return err;
  }
  if (!opts.ruleSets.empty())
    if (Error err = rules->enableOnly(opts.ruleSets)) return err;
  return rules;
}

} // namespace egopt::passes
