//===- MathCases.h - egg's math.rs cases with that file's limits ----------===//
#pragma once
#include "egopt/egraph/Runner.h"

#include <vector>

namespace egopt::bench {

struct MathBenchCase {
  const char *name;
  const char *start;
  eg::RunnerLimits limits = {};
  std::vector<const char *> extraExprs = {};
  bool simpleScheduler = false; ///< egg's math_associate_adds uses SimpleScheduler
  bool onlyAssocRules = false;  ///< ... and only comm-add / assoc-add
};

/// The 20 `test_fn!` cases of egg's tests/math.rs, with their runner limits.
inline std::vector<MathBenchCase> mathBenchCases() {
  using namespace std::chrono_literals;
  eg::RunnerLimits assoc;
  assoc.iterations = 7;
  eg::RunnerLimits root;
  root.nodes = 75'000;
  eg::RunnerLimits harder;
  harder.time = 10s;
  harder.iterations = 60;
  harder.nodes = 100'000;
  return {
      {"associate_adds", "(+ 1 (+ 2 (+ 3 (+ 4 (+ 5 (+ 6 7))))))", assoc, {}, true, true},
      {"fail", "(+ x y)"},
      {"simplify_add", "(+ x (+ x (+ x x)))"},
      {"powers", "(* (pow 2 x) (pow 2 y))"},
      {"simplify_const", "(+ 1 (- a (* (- 2 1) a)))"},
      {"simplify_root", "(/ 1 (- (/ (+ 1 (sqrt five)) 2) (/ (- 1 (sqrt five)) 2)))", root},
      {"simplify_factor", "(* (+ x 3) (+ x 1))"},
      {"diff_same", "(d x x)"},
      {"diff_different", "(d x y)"},
      {"diff_simple1", "(d x (+ 1 (* 2 x)))"},
      {"diff_simple2", "(d x (+ 1 (* y x)))"},
      {"diff_ln", "(d x (ln x))"},
      {"diff_power_simple", "(d x (pow x 3))"},
      {"diff_power_harder",
       "(d x (- (pow x 3) (* 7 (pow x 2))))",
       harder,
       {"(* x (- (* 3 x) 14))"}},
      {"integ_one", "(i 1 x)"},
      {"integ_sin", "(i (cos x) x)"},
      {"integ_x", "(i (pow x 1) x)"},
      {"integ_part1", "(i (* x (cos x)) x)"},
      {"integ_part2", "(i (* (cos x) x) x)"},
      {"integ_part3", "(i (ln x) x)"},
  };
}

} // namespace egopt::bench
