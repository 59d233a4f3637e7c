#include "egopt/egraph/Language.h"

#include "egopt/egraph/Pattern.h"

#include <cassert>

namespace egopt::eg {

LanguageContext::~LanguageContext() = default;
Language::~Language() = default;

Op Language::addOp(OpInfo info) {
  assert(ops_.size() < 0xffff && "too many operators");
  assert(info.arity <= int(KidArray::kCapacity) &&
         "operator has more operands than an e-node holds");
  Op op = static_cast<Op>(ops_.size());
  byName_[info.name] = op;
  ops_.push_back(std::move(info));
  return op;
}

std::optional<Op> Language::lookupOp(std::string_view name) const {
  auto it = byName_.find(llvm::StringRef(name.data(), name.size()));
  if (it == byName_.end()) return std::nullopt;
  return it->second;
}

llvm::Error Language::checkRule(const Pattern &, const Pattern &, const VarTable &) const {
  return llvm::Error::success();
}

ClassId Language::instantiate(EGraph &g, const Pattern &rhs, ClassId,
                              std::span<const ClassId> subst) const {
  return rhs.instantiate(g, subst);
}

} // namespace egopt::eg
