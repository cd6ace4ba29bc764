#!/usr/bin/env bash
# Complexity routing cost: scoring's extra µs per KB over counting alone (same run,
# interleaved), the routing file's load time and size. Goals: ≤ 20 µs/KB, < 5 ms, ≤ 5 MB.
# Called by `make bench`; runnable alone: bench/routing.sh. With ../shared/eval beside the
# checkout the development rows are timed too (real benchmark prompts, few-shot ones included).
# That speed work leaves every score bit-identical is checked by bench/routing-snapshots.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product preflight-routing-bench >&2
bin=.build/release/preflight-routing-bench
echo "-- regression prompts (64 short prompts, 11 languages)"
"$bin" models/routing/routing.json Tests/RoutingTests/Fixtures/regression-prompts.jsonl
if [[ -d ../shared/eval ]]; then
  echo "-- development rows (routellm-dev, routerbench-train, alpacaeval)"
  "$bin" models/routing/routing.json ../shared/eval/routellm-dev.jsonl ../shared/eval/routerbench-train.jsonl \
    ../shared/eval/alpacaeval-mixtral-gpt4.jsonl
fi
