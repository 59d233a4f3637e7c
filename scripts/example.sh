#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds egopt and runs the bundled example:
# egg's math workload (bench/egraph/MathCases.h) on egopt's e-graph engine, each
# case run to its limits, printing rounds, e-nodes and times.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
scripts/setup.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target egraph_math_run
"$BUILD_DIR"/bench/egraph/egraph_math_run -n 3 "$@"
