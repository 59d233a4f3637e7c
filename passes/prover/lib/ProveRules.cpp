#include "egopt/prover/ProveRules.h"

#include "egopt/lift/IRLanguage.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <numeric>
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

namespace {

/// A rough cost of proving `rule`: its multipliers and dividers, which
/// bit-blast into the circuits Z3 is slow on (floating point the most).
unsigned estimatedCost(const eg::Rule &rule) {
  const auto &lang = ir::IRLanguage::get();
  unsigned cost = 0;
  for (const eg::Pattern *p : {&rule.lhs(), &rule.rhs()})
    for (const eg::PatternNode &n : p->nodes()) {
      if (n.isVar) continue;
      eg::Op op = n.node.op;
      if (op == lang.FMul || op == lang.FDiv)
        cost += 100;
      else if (op == lang.FAdd || op == lang.FSub)
        cost += 10;
      else if (op == lang.Mul || op == lang.UDiv || op == lang.SDiv || op == lang.URem ||
               op == lang.SRem)
        cost += 1;
    }
  return cost;
}

/// Rule indices, the costliest first: the slowest rules start at once rather
/// than last, so they do not set the wall time alone at the end.
std::vector<size_t> costliestFirst(std::span<const eg::Rule *const> rules) {
  std::vector<size_t> order(rules.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::vector<unsigned> cost;
  for (const eg::Rule *r : rules) cost.push_back(estimatedCost(*r));
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return cost[a] > cost[b]; });
  return order;
}

} // namespace

Tally proveRules(std::span<const eg::Rule *const> rules, const ProverOptions &options,
                 unsigned threads, const std::function<void(const RuleResult &)> &onResult) {
  std::vector<std::optional<RuleResult>> results(rules.size());
  std::vector<size_t> order = costliestFirst(rules);
  std::atomic<size_t> next{0};
  std::mutex m;
  std::condition_variable ready;
  // Each worker owns the Z3 contexts it creates (Z3 contexts are not shared
  // between threads).
  auto work = [&] {
    for (size_t k; (k = next.fetch_add(1)) < rules.size();) {
      size_t i = order[k];
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
