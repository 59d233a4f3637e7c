#!/usr/bin/env bash
# Sets up a fresh Debian machine (scripts/setup.sh), builds egopt and runs
# every test with ctest. Usage: scripts/test.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
JOBS=${JOBS:-$(nproc)}

scripts/setup.sh
# Warnings in egopt's own code are errors here (EGOPT_WERROR).
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEGOPT_WERROR=ON >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
cd "$BUILD_DIR"
ctest --output-on-failure -j "$JOBS"
