#include "egopt/egraph/RunReport.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace egopt::eg {

const char *stopReasonName(StopReason r) {
  switch (r) {
  case StopReason::Saturated: return "saturated";
  case StopReason::IterationLimit: return "iteration-limit";
  case StopReason::NodeLimit: return "node-limit";
  case StopReason::TimeLimit: return "time-limit";
  case StopReason::HookStopped: return "hook-stopped";
  case StopReason::Conflict: return "conflict";
  }
  return "unknown";
}

std::string RunReport::toJson() const {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream j(os, 1);
  j.object([&] {
    j.attribute("stop_reason", stopReasonName(stopReason));
    j.attribute("iterations_run", int64_t(iterations.size()));
    j.attribute("total_seconds", totalSeconds);
    j.attribute("threads", int64_t(threads));
    j.attributeArray("rules", [&] {
      for (size_t r = 0; r < ruleNames.size(); ++r)
        j.object([&] {
          j.attribute("name", llvm::StringRef(ruleNames[r]));
          j.attribute("times_banned", int64_t(r < timesBanned.size() ? timesBanned[r] : 0));
        });
    });
    j.attributeArray("iterations", [&] {
      for (const IterationStats &it : iterations)
        j.object([&] {
          j.attribute("nodes_before", int64_t(it.nodesBefore));
          j.attribute("classes_before", int64_t(it.classesBefore));
          j.attribute("nodes", int64_t(it.nodesAfter));
          j.attribute("classes", int64_t(it.classesAfter));
          j.attribute("matches", int64_t(it.matches));
          j.attribute("applied_unions", int64_t(it.appliedUnions));
          j.attribute("skipped_matches", int64_t(it.skippedMatches));
          j.attribute("unchanged_rules", int64_t(it.unchangedRules));
          j.attribute("incremental_rules", int64_t(it.incrementalRules));
          j.attribute("congruence_unions", int64_t(it.congruenceUnions));
          j.attribute("search_seconds", it.searchSeconds);
          j.attribute("apply_seconds", it.applySeconds);
          j.attribute("rebuild_seconds", it.rebuildSeconds);
          j.attributeObject("per_rule", [&] {
            for (size_t r = 0; r < it.rules.size(); ++r) {
              const RuleRoundStats &s = it.rules[r];
              if (!s.searched) continue;
              j.attributeObject(llvm::StringRef(ruleNames[r]), [&] {
                j.attribute("matches", int64_t(s.matches));
                j.attribute("unions", int64_t(s.unions));
                if (s.declined) j.attribute("declined", int64_t(s.declined));
                j.attribute("search_seconds", s.searchSeconds);
                if (s.banned) j.attribute("banned", true);
              });
            }
          });
        });
    });
  });
  return out;
}

std::string RunReport::summary() const {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "stop reason: " << stopReasonName(stopReason) << ", " << iterations.size()
     << " iteration(s), " << llvm::format("%.4f", totalSeconds) << " s\n";
  if (!iterations.empty()) {
    const IterationStats &last = iterations.back();
    double search = 0, apply = 0, rebuild = 0;
    for (const auto &it : iterations) {
      search += it.searchSeconds;
      apply += it.applySeconds;
      rebuild += it.rebuildSeconds;
    }
    os << "e-nodes: " << last.nodesAfter << ", e-classes: " << last.classesAfter << "\n";
    os << llvm::format("search %.4f s, apply %.4f s, rebuild %.4f s\n", search, apply, rebuild);
  }
  return out;
}

} // namespace egopt::eg
