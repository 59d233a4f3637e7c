#!/usr/bin/env bash
# Formats egopt's C++ sources with clang-format-22 (.clang-format), or, with
# --check, lists the files that are not formatted and exits 1 (ctest
# `format`). Without clang-format-22 it exits 77 (skipped), except under CI
# (CI=true), where a missing formatter is a failure: scripts/setup.sh
# installs it. The corpus drivers (scripts/corpuslib/drivers) are benchmark
# inputs in their programs' own style, not egopt sources, so they are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
FORMAT=${CLANG_FORMAT:-clang-format-22}
if ! command -v "$FORMAT" >/dev/null; then
  echo "format.sh: $FORMAT not found (apt-get install clang-format-22, or scripts/setup.sh)" >&2
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 77
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h' ':!scripts/corpuslib/drivers')
else
  mapfile -t files < <(find . \( -path './build*' -o -path './scripts/corpuslib/drivers' \) -prune -o \( -name '*.cpp' -o -name '*.h' \) -print | sort)
fi
if [[ "${1:-}" == "--check" ]]; then
  bad=0
  for f in "${files[@]}"; do
    if ! "$FORMAT" --dry-run --Werror "$f" >/dev/null 2>&1; then
      echo "not formatted: $f"
      bad=$((bad + 1))
    fi
  done
  echo "format: ${#files[@]} files checked, $bad not formatted (fix: scripts/format.sh)"
  [[ $bad -eq 0 ]]
else
  "$FORMAT" -i "${files[@]}"
fi
