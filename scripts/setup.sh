#!/usr/bin/env bash
# Installs every Debian package egopt's build, tests and benchmarks need.
# Idempotent: when everything is already installed it only checks (no apt-get update).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  llvm-22-dev clang-22 lld-22 llvm-22-tools clang-format-22
  libtbb-dev libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev
  libz3-dev z3 csmith libcsmith-dev valgrind python3 python3-matplotlib dpkg-dev
  zlib1g-dev libzstd-dev libedit-dev libxml2-dev libffi-dev libcurl4-openssl-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
