#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer target (ASan) and runs it time-boxed over framing + parsing
# + dispatch of the real server (exact tokenizers and catalog included). Not part of CI.
#   FUZZ_SECONDS=1200 FUZZ_MAX_LEN=4096 FUZZ_RUNS=-1 FUZZ_JOBS=1 Fuzz/run.sh
# PREFLIGHT_MODELS=none fuzzes the server without models/ (transport, parsing, dispatch and the
# methods' parameter checks; ~10x faster); by default the real vocabularies and catalog load.
# FUZZ_RUNS stops after that many executions in total (whichever limit comes first);
# FUZZ_JOBS runs that many fuzzer processes side by side on the shared corpus, each with its
# share of FUZZ_RUNS, and the summary adds their executions up.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-1200}
max_len=${FUZZ_MAX_LEN:-4096}
runs=${FUZZ_RUNS:--1}
jobs=${FUZZ_JOBS:-1}
# Sanitizers are passed to swiftc directly as well as with `--sanitize`: SwiftPM keeps them in a
# Set, so their order on the command line changes from run to run, and with Swift 6.3
# `-sanitize=fuzzer -sanitize=address` (fuzzer first) silently drops the coverage
# instrumentation from Swift objects (libFuzzer then warns "no interesting inputs"). One
# comma-joined flag keeps it; `--sanitize=fuzzer` stays so SwiftPM links libFuzzer's main.
swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --scratch-path ../.build-fuzz
mkdir -p corpus
# ASan still detects every error; without allocation stack traces (28% of the time in a profile)
# a report shows where the bad access happened but not where the memory was allocated.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0}
bin=../.build-fuzz/release/PreflightFuzz
per_job=$runs
[ "$runs" -gt 0 ] && per_job=$(( (runs + jobs - 1) / jobs ))
echo "fuzzing: $jobs job(s), at most ${seconds}s, ${runs} runs in total, max_len ${max_len}; corpus in Fuzz/corpus, seeds in Fuzz/seeds"
start=$(date +%s)
pids=()
for job in $(seq 1 "$jobs"); do
  "$bin" corpus seeds -max_total_time="$seconds" -max_len="$max_len" -runs="$per_job" -rss_limit_mb=2048 \
    -print_final_stats=1 -close_fd_mask=3 > "../.build-fuzz/run-$job.log" 2>&1 &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
elapsed=$(( $(date +%s) - start ))
cat ../.build-fuzz/run-*.log > ../.build-fuzz/last-run.log
grep -hE '^#[0-9]+.*DONE|ERROR|SUMMARY' ../.build-fuzz/run-*.log || true
if grep -q 'no interesting inputs were found' ../.build-fuzz/last-run.log; then
  echo "the fuzz target has no coverage instrumentation: see the note on sanitizer flags above"; exit 1
fi
total=$(grep -h 'stat::number_of_executed_units' ../.build-fuzz/run-*.log | awk '{s += $2} END {print s + 0}')
peak=$(grep -h 'stat::peak_rss_mb' ../.build-fuzz/run-*.log | awk '$2 > m {m = $2} END {print m + 0}')
echo "total: $total executions in ${elapsed}s across $jobs job(s); peak RSS per process ${peak} MB; corpus $(ls corpus | wc -l) inputs"
if grep -q 'ERROR: ' ../.build-fuzz/last-run.log || [ "$status" -ne 0 ]; then
  echo "fuzzer found a failure: see .build-fuzz/run-*.log"; exit 1
fi
exit 0
