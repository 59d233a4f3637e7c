#include "egopt/egraph/Statistic.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cassert>

namespace egopt::eg {

namespace {
/// The declared statistics, by id. Built during static initialization (one
/// thread), read-only afterwards; a function-local static, so it exists
/// before the first declaration registers, whatever the files' order.
std::vector<const Statistic *> &registry() {
  static std::vector<const Statistic *> all;
  return all;
}

const std::map<std::string, uint64_t> kNoKeys;
} // namespace

Statistic::Statistic(const char *group, const char *name, const char *description,
                     StatisticKind kind, uint8_t flags, const char *file)
    : group_(group), name_(name), description_(description), file_(file), kind_(kind),
      flags_(flags), id_(unsigned(registry().size())) {
  assert(std::none_of(registry().begin(), registry().end(),
                      [&](const Statistic *s) { return llvm::StringRef(s->name()) == name; }) &&
         "two statistics share a JSON name");
  assert(std::none_of(registry().begin(), registry().end(),
                      [&](const Statistic *s) {
                        return llvm::StringRef(s->group()) == group &&
                               llvm::StringRef(s->file_) != file;
                      }) &&
         "a statistics group spans two files");
  registry().push_back(this);
}

std::vector<const Statistic *> Statistic::table() {
  std::vector<const Statistic *> out = registry();
  std::stable_sort(out.begin(), out.end(), [](const Statistic *a, const Statistic *b) {
    return llvm::StringRef(a->group()) < llvm::StringRef(b->group());
  });
  return out;
}

void Statistics::add(const Statistic &s, uint64_t n) {
  assert(s.kind() == StatisticKind::Counter);
  if (counts_.size() <= s.id()) counts_.resize(s.id() + 1, 0);
  counts_[s.id()] += n;
}

void Statistics::add(const Statistic &s, llvm::StringRef key, uint64_t n) {
  assert(s.kind() == StatisticKind::Keyed);
  keyed_[s.id()][key.str()] += n;
}

void Statistics::addSeconds(const Statistic &s, double seconds) {
  assert(s.kind() == StatisticKind::Seconds);
  if (seconds_.size() <= s.id()) seconds_.resize(s.id() + 1, 0);
  seconds_[s.id()] += seconds;
}

void Statistics::setSeconds(const Statistic &s, double seconds) {
  addSeconds(s, seconds - this->seconds(s));
}

uint64_t Statistics::get(const Statistic &s) const {
  return s.id() < counts_.size() ? counts_[s.id()] : 0;
}

double Statistics::seconds(const Statistic &s) const {
  return s.id() < seconds_.size() ? seconds_[s.id()] : 0;
}

const std::map<std::string, uint64_t> &Statistics::keyed(const Statistic &s) const {
  auto it = keyed_.find(s.id());
  return it == keyed_.end() ? kNoKeys : it->second;
}

uint64_t Statistics::get(llvm::StringRef name) const {
  for (const Statistic *s : registry())
    if (name == s->name() && s->kind() == StatisticKind::Counter) return get(*s);
  return 0;
}

void Statistics::merge(const Statistics &o) {
  if (counts_.size() < o.counts_.size()) counts_.resize(o.counts_.size(), 0);
  for (size_t i = 0; i < o.counts_.size(); ++i) counts_[i] += o.counts_[i];
  if (seconds_.size() < o.seconds_.size()) seconds_.resize(o.seconds_.size(), 0);
  for (size_t i = 0; i < o.seconds_.size(); ++i) seconds_[i] += o.seconds_[i];
  for (const auto &[id, keys] : o.keyed_)
    for (const auto &[k, v] : keys) keyed_[id][k] += v;
}

void Statistics::print(llvm::raw_ostream &os) const {
  auto line = [&](uint64_t v, llvm::StringRef what) {
    os << llvm::formatv("{0,12} {1}\n", v, what);
  };
  for (const Statistic *s : Statistic::table()) {
    if (s->jsonOnly()) continue;
    if (s->kind() == StatisticKind::Counter) {
      if (!(s->hideWhenZero() && get(*s) == 0)) line(get(*s), s->description());
    } else if (s->kind() == StatisticKind::Keyed) {
      for (const auto &[k, v] : keyed(*s)) line(v, std::string(s->description()) + k);
    }
  }
}

void Statistics::printTimes(llvm::raw_ostream &os) const {
  for (const Statistic *s : Statistic::table())
    if (s->kind() == StatisticKind::Seconds)
      os << llvm::formatv("{0,12:F4}  {1}\n", seconds(*s), s->description());
}

void Statistics::writeJson(llvm::json::OStream &j) const {
  std::vector<const Statistic *> table = Statistic::table();
  for (const Statistic *s : table) {
    if (s->kind() == StatisticKind::Counter) {
      if (!(s->hideWhenZero() && get(*s) == 0)) j.attribute(s->name(), int64_t(get(*s)));
    } else if (s->kind() == StatisticKind::Keyed) {
      j.attributeObject(s->name(), [&] {
        for (const auto &[k, v] : keyed(*s)) j.attribute(k, int64_t(v));
      });
    }
  }
  j.attributeObject("seconds", [&] {
    for (const Statistic *s : table)
      if (s->kind() == StatisticKind::Seconds) j.attribute(s->name(), seconds(*s));
  });
}

} // namespace egopt::eg
