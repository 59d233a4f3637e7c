#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds egopt, and runs the main job on the
# bundled example: examples/checksum.c is compiled to unoptimized bitcode,
# egopt optimizes it and generates an object (printing its statistics), and the
# program's output is compared with an unoptimized build's.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
scripts/setup.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target egopt
WORK="$BUILD_DIR/example"
mkdir -p "$WORK"
clang-22 -O0 -Xclang -disable-O0-optnone -emit-llvm -c examples/checksum.c -o "$WORK/checksum.bc"
"$BUILD_DIR"/tools/egopt/egopt -O2 "$WORK/checksum.bc" -o "$WORK/checksum.o" --stats --time-passes
clang-22 "$WORK/checksum.o" -o "$WORK/checksum"
clang-22 -O0 examples/checksum.c -o "$WORK/checksum.ref"
"$WORK/checksum" | tee "$WORK/out.txt"
"$WORK/checksum.ref" > "$WORK/ref.txt"
if cmp -s "$WORK/out.txt" "$WORK/ref.txt"; then
  echo "example: output matches the unoptimized build"
else
  echo "example: OUTPUT DIFFERS from the unoptimized build" >&2
  exit 1
fi
