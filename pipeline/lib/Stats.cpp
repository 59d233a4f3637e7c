//===- Stats.cpp - The statistics of a compilation, reported --------------===//
//
// Stats (Pipeline.h): the declared statistics (eg::Statistics does the
// merging, the report lines and the JSON), the pipeline's timers, and the
// codegen units' estimates and times.
//
//===----------------------------------------------------------------------===//
#include "Stages.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <cmath>

namespace egopt {
using namespace llvm;

// The --time-passes report, in this order. Units' times are summed, so
// where units run in parallel the sum exceeds the wall time.
extern const eg::Statistic PrePassSeconds("09-time", "pre_passes", "pre-passes (wall)",
                                          eg::StatisticKind::Seconds);
extern const eg::Statistic SplitSeconds("09-time", "split", "splitting into codegen units (wall)",
                                        eg::StatisticKind::Seconds);
extern const eg::Statistic PrepareSeconds("09-time", "lift",
                                          "preparing functions for lifting (summed over units)",
                                          eg::StatisticKind::Seconds);
extern const eg::Statistic
    EGraphSeconds("09-time", "egraph",
                  "lifting, e-graph and extraction, functions in parallel (summed over units)",
                  eg::StatisticKind::Seconds);
extern const eg::Statistic ExtractSeconds("09-time", "extract",
                                          "  of which costs and extraction (summed over units)",
                                          eg::StatisticKind::Seconds);
extern const eg::Statistic LowerSeconds("09-time", "lower",
                                        "elaboration and verification (summed over units)",
                                        eg::StatisticKind::Seconds);
extern const eg::Statistic CodegenSeconds("09-time", "codegen",
                                          "code generation (summed over units)",
                                          eg::StatisticKind::Seconds);
extern const eg::Statistic UnitsWallSeconds("09-time", "units_wall",
                                            "optimizing and compiling the units (wall)",
                                            eg::StatisticKind::Seconds);
extern const eg::Statistic JoinSeconds("09-time", "join", "joining outputs (wall)",
                                       eg::StatisticKind::Seconds);
extern const eg::Statistic TotalSeconds("09-time", "total", "total (wall)",
                                        eg::StatisticKind::Seconds);

void Stats::measureEstimates() {
  // How well the estimates predicted codegen time: mean absolute deviation
  // of the normalized shares.
  size_t n = cguEstimates.size();
  double estTotal = 0, timeTotal = 0;
  for (size_t u = 0; u < n; ++u) {
    estTotal += double(cguEstimates[u]);
    timeTotal += cguCodegenSeconds[u];
  }
  if (estTotal <= 0 || timeTotal <= 0) return;
  double dev = 0;
  for (size_t u = 0; u < n; ++u)
    dev += std::abs(double(cguEstimates[u]) / estTotal - cguCodegenSeconds[u] / timeTotal);
  cguEstimateError = dev / double(n);
}

void Stats::merge(const Stats &o) { counters.merge(o.counters); }

static const char kRule[] =
    "===-------------------------------------------------------------------------===\n";

void Stats::print(raw_ostream &os) const {
  os << kRule << "                          egopt statistics\n" << kRule;
  counters.print(os);
  os << formatv("{0,12} {1}\n", cguEstimates.size(), "codegen units");
  for (size_t u = 0; u < cguEstimates.size(); ++u)
    os << formatv("{0,12} unit {1}: estimate {2}, codegen {3:F4} s\n", "", u, cguEstimates[u],
                  u < cguCodegenSeconds.size() ? cguCodegenSeconds[u] : 0.0);
  os << formatv("{0,12:F4} codegen-unit estimate error (mean absolute deviation of shares)\n",
                cguEstimateError);
}

void Stats::printTimes(raw_ostream &os) const {
  os << kRule << "                      egopt time report (seconds)\n" << kRule;
  counters.printTimes(os);
}

std::string Stats::toJson() const {
  std::string out;
  raw_string_ostream os(out);
  json::OStream j(os, 1);
  j.object([&] {
    counters.writeJson(j);
    j.attributeArray("cgu_estimates", [&] {
      for (uint64_t e : cguEstimates) j.value(int64_t(e));
    });
    j.attributeArray("cgu_codegen_seconds", [&] {
      for (double s : cguCodegenSeconds) j.value(s);
    });
    j.attribute("cgu_estimate_error", cguEstimateError);
  });
  return out;
}

} // namespace egopt
