#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer target (ASan) and runs it time-boxed over framing + parsing
# + dispatch of the real server. Not part of CI.
#   FUZZ_SECONDS=1200 FUZZ_MAX_LEN=4096 [FUZZ_RUNS=10000000] Fuzz/run.sh
# (FUZZ_RUNS stops after that many executions, whichever limit comes first.)
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-1200}
max_len=${FUZZ_MAX_LEN:-4096}
runs=${FUZZ_RUNS:--1}
# Order matters: with Swift 6.3, `--sanitize=fuzzer --sanitize=address` silently drops the
# coverage instrumentation from Swift objects (libFuzzer then warns "no interesting inputs");
# address first keeps it. The run below fails if coverage is missing.
swift build -c release --sanitize=address --sanitize=fuzzer --scratch-path ../.build-fuzz
mkdir -p corpus
bin=../.build-fuzz/release/PreflightFuzz
echo "fuzzing for ${seconds}s (max_len ${max_len}); corpus in Fuzz/corpus, seeds in Fuzz/seeds"
"$bin" corpus seeds -max_total_time="$seconds" -max_len="$max_len" -runs="$runs" -rss_limit_mb=2048 \
  -print_final_stats=1 -close_fd_mask=3 2>&1 | tee ../.build-fuzz/last-run.log | grep -E '^#[0-9]+.*(pulse|DONE)|stat::|ERROR|SUMMARY' || true
if grep -q 'no interesting inputs were found' ../.build-fuzz/last-run.log; then
  echo "the fuzz target has no coverage instrumentation: see the note on sanitizer order above"; exit 1
fi
grep -q 'ERROR: ' ../.build-fuzz/last-run.log && { echo "fuzzer found a failure: see .build-fuzz/last-run.log"; exit 1; }
exit 0
