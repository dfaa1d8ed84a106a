#!/usr/bin/env bash
# Runs every libFuzzer target of build/fuzz for SECONDS each (default 60).
#   tests/fuzz/run.sh [SECONDS] [TARGET…]
# IVP_FUZZ_RUNS=N also stops a target after N executions (whichever comes first).
# IVP_FUZZ_TIMEOUT=S: one input taking longer than S seconds (wall clock, default 10) is a
# finding; raise it for a long run on a shared, busy machine, where waiting for a core counts.
# New interesting inputs go to build/fuzz/corpus/<target> (not committed);
# a crash is saved as build/fuzz/findings/<target>-crash-… and fails the run.
# Turn a finding into a regression: copy it to tests/fuzz/regressions/<target>/
# (tests/unit/fuzz_regressions_test.cpp and the *_replay ctests then run it).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
seconds=${1:-60}; shift || true
build=build/fuzz
targets=("$@")
if [ ${#targets[@]} = 0 ]; then
  for t in "$build"/fuzz_*; do [ -x "$t" ] && targets+=("$(basename "$t" | sed 's/^fuzz_//')"); done
fi
mkdir -p "$build/findings"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
for t in "${targets[@]}"; do
  # Git keeps no empty folder: a clean clone has no regressions/<target>/ yet.
  mkdir -p "$build/corpus/$t" "tests/fuzz/regressions/$t"
  echo "[fuzz] $t for ${seconds}s" >&2
  # -rss_limit_mb/-timeout: an input that takes >10 s (IVP_FUZZ_TIMEOUT) or >2 GB is a finding too.
  "$build/fuzz_$t" -max_total_time="$seconds" -timeout="${IVP_FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len=65536 \
    ${IVP_FUZZ_RUNS:+-runs="$IVP_FUZZ_RUNS"} \
    -dict=tests/fuzz/json.dict -artifact_prefix="$build/findings/$t-" -print_final_stats=1 \
    "$build/corpus/$t" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" 2> "$build/fuzz-$t.log" || {
      tail -n 40 "$build/fuzz-$t.log" >&2
      echo "[fuzz] $t FOUND A BUG: see $build/findings/ and $build/fuzz-$t.log" >&2
      exit 1
    }
  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$build/fuzz-$t.log" | sed "s/^/[fuzz] $t: /" >&2 || true
done
