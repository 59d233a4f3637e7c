//===- Statistic.h - Counters of a compilation, declared where they count --===//
//
// In the spirit of LLVM's STATISTIC: a counter is declared once, at namespace
// scope in the source file of the stage that counts it,
//
//   EGOPT_STATISTIC(DeadStores, "skeleton.memory", "dead_stores",
//                   "stores overwritten before any read, erased");
//
// and counted with `stats.add(DeadStores, n)`. Merging, the --stats report
// and the --stats-json object all come from the table of declared counters:
// adding one is that one line. Unlike LLVM's, the value is not a process
// global but lives in a Statistics of one compilation (an embedding compiler
// may run compilations side by side; parallel work counts into its own
// Statistics, merged in a fixed order).
//
// The report lists groups in name order (a number in front orders the
// stages) and, within a group, counters in declaration order: a group's
// statistics are declared in one file (asserted), which keeps that order
// fixed whatever order the files' initializers run in.
//
// Kinds: a counter; a keyed counter (one count per key, e.g. per stop reason:
// a JSON object); seconds (the --time-passes report and the JSON "seconds").
//
//===----------------------------------------------------------------------===//
#pragma once
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
namespace json {
class OStream;
}
} // namespace llvm

namespace egopt::eg {

enum class StatisticKind : uint8_t { Counter, Keyed, Seconds };

/// Where a statistic shows.
enum StatisticFlags : uint8_t {
  ShowAlways = 0,
  HideWhenZero = 1, ///< left out of the report and the JSON while zero
  JsonOnly = 2,     ///< not in the --stats report (too long for it)
};

/// One declared statistic: its place in the table. Construct only as a
/// namespace-scope object (EGOPT_STATISTIC and friends).
class Statistic {
public:
  /// `file`: where it is declared (one group, one file: checked).
  Statistic(const char *group, const char *name, const char *description,
            StatisticKind kind = StatisticKind::Counter, uint8_t flags = ShowAlways,
            const char *file = __builtin_FILE());
  Statistic(const Statistic &) = delete;
  Statistic &operator=(const Statistic &) = delete;

  unsigned id() const { return id_; }
  const char *group() const { return group_; }
  /// The JSON name, snake_case; unique.
  const char *name() const { return name_; }
  /// The report's line (for keyed counters: the prefix before each key).
  const char *description() const { return description_; }
  StatisticKind kind() const { return kind_; }
  bool hideWhenZero() const { return flags_ & HideWhenZero; }
  bool jsonOnly() const { return flags_ & JsonOnly; }

  /// Every declared statistic, in report order.
  static std::vector<const Statistic *> table();

private:
  const char *group_, *name_, *description_, *file_;
  StatisticKind kind_;
  uint8_t flags_;
  unsigned id_;
};

/// The values of one compilation (or of a part of it, merged later).
class Statistics {
public:
  void add(const Statistic &s, uint64_t n = 1);
  void add(const Statistic &s, llvm::StringRef key, uint64_t n = 1);
  void addSeconds(const Statistic &s, double seconds);
  void setSeconds(const Statistic &s, double seconds);

  uint64_t get(const Statistic &s) const;
  double seconds(const Statistic &s) const;
  const std::map<std::string, uint64_t> &keyed(const Statistic &s) const;
  /// A counter by its JSON name (0 when unknown or never counted), for
  /// tests and tools that see no declaration.
  uint64_t get(llvm::StringRef name) const;

  /// Adds `other`'s values to these.
  void merge(const Statistics &other);
  /// The counters and keyed counters, one line each.
  void print(llvm::raw_ostream &os) const;
  /// The seconds, one line each.
  void printTimes(llvm::raw_ostream &os) const;
  /// The counters and keyed counters as attributes of the current object,
  /// then the seconds as an object "seconds".
  void writeJson(llvm::json::OStream &j) const;

private:
  std::vector<uint64_t> counts_; ///< by id
  std::vector<double> seconds_;  ///< by id
  std::map<unsigned, std::map<std::string, uint64_t>> keyed_;
};

} // namespace egopt::eg

/// Declares counter VAR of the table (a `static const eg::Statistic`).
#define EGOPT_STATISTIC(VAR, GROUP, NAME, DESCRIPTION)                                             \
  static const ::egopt::eg::Statistic VAR(GROUP, NAME, DESCRIPTION)
/// A counter left out of reports while zero.
#define EGOPT_STATISTIC_IF_NONZERO(VAR, GROUP, NAME, DESCRIPTION)                                  \
  static const ::egopt::eg::Statistic VAR(                                                         \
      GROUP, NAME, DESCRIPTION, ::egopt::eg::StatisticKind::Counter, ::egopt::eg::HideWhenZero)
/// A counter per key (a JSON object; the report prints DESCRIPTION + key).
#define EGOPT_KEYED_STATISTIC(VAR, GROUP, NAME, DESCRIPTION)                                       \
  static const ::egopt::eg::Statistic VAR(GROUP, NAME, DESCRIPTION,                                \
                                          ::egopt::eg::StatisticKind::Keyed)
/// A counter per key in the JSON only (a long list: one key per rule).
#define EGOPT_KEYED_STATISTIC_JSON_ONLY(VAR, GROUP, NAME, DESCRIPTION)                             \
  static const ::egopt::eg::Statistic VAR(                                                         \
      GROUP, NAME, DESCRIPTION, ::egopt::eg::StatisticKind::Keyed, ::egopt::eg::JsonOnly)
/// Seconds spent (the --time-passes report).
#define EGOPT_TIMER(VAR, GROUP, NAME, DESCRIPTION)                                                 \
  static const ::egopt::eg::Statistic VAR(GROUP, NAME, DESCRIPTION,                                \
                                          ::egopt::eg::StatisticKind::Seconds)
