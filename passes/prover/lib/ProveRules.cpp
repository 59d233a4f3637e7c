#include "egopt/prover/ProveRules.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace egopt::prover {

void Tally::add(Verdict v) {
  switch (v) {
  case Verdict::Proven: ++proven; break;
  case Verdict::Assumed: ++assumed; break;
  case Verdict::Skipped: ++skipped; break;
  case Verdict::Failed: ++failed; break;
  case Verdict::Unknown: ++unknown; break;
  }
}

std::string Tally::str() const {
  return std::to_string(proven) + " proven, " + std::to_string(assumed) + " assumed, " +
         std::to_string(skipped) + " skipped, " + std::to_string(failed) + " failed, " +
         std::to_string(unknown) + " unknown";
}

Tally proveRules(std::span<const eg::Rule *const> rules, const ProverOptions &options,
                 unsigned threads, const std::function<void(const RuleResult &)> &onResult) {
  std::vector<std::optional<RuleResult>> results(rules.size());
  std::atomic<size_t> next{0};
  std::mutex m;
  std::condition_variable ready;
  // Each worker owns the Z3 contexts it creates (Z3 contexts are not shared
  // between threads).
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < rules.size();) {
      RuleResult r = proveRule(*rules[i], options);
      std::lock_guard lock(m);
      results[i] = std::move(r);
      ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back(work);
  Tally tally;
  for (size_t i = 0; i < rules.size(); ++i) {
    std::unique_lock lock(m);
    ready.wait(lock, [&] { return results[i].has_value(); });
    RuleResult r = std::move(*results[i]);
    lock.unlock();
    tally.add(r.verdict);
    onResult(r);
  }
  for (std::thread &t : pool) t.join();
  return tally;
}

} // namespace egopt::prover
