#!/usr/bin/env bash
# Run every libFuzzer target for SECONDS each, from the seed corpus.
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail
build=${1:?build dir}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
work="$build/fuzz-corpus"
mkdir -p "$work"
for target in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$target" ] || continue
  name=$(basename "$target")
  mkdir -p "$work/$name"
  echo "== $name: ${seconds}s"
  # A target's own seeds in corpus-<name without fuzz_>/, else the YAML seeds.
  seeds="$here/corpus-${name#fuzz_}"
  [ -d "$seeds" ] || seeds="$here/corpus"
  "$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 "$work/$name" "$seeds"
done
