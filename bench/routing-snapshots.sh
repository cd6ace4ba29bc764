#!/usr/bin/env bash
# Scores unchanged: every development row's `ScoringSnapshot` digest (features, raw gain, score,
# dimensions, tier, confidence, rationale, signals with offsets; doubles bit for bit) against
# Tests/RoutingTests/Fixtures/development-digests.txt, written by the code before the scorer's
# speed work (958c41b's scorer, reading the routing file refitted at 3c866db). `make test` checks every 10th row; this checks all 10,706 (release build).
# Needs ../shared/eval beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
[[ -d $eval_dir ]] || { echo "routing-snapshots: $eval_dir is absent; nothing to check" >&2; exit 0; }
swift build -c release --product preflight-routing-bench >&2
.build/release/preflight-routing-bench --digests models/routing/routing.json "$eval_dir/routellm-dev.jsonl" \
  "$eval_dir/routerbench-train.jsonl" "$eval_dir/alpacaeval-mixtral-gpt4.jsonl" > /tmp/preflight-development-digests.$$
if cmp -s /tmp/preflight-development-digests.$$ Tests/RoutingTests/Fixtures/development-digests.txt; then
  echo "routing-snapshots: all $(wc -l < /tmp/preflight-development-digests.$$) development rows score bit-identically"
  rm -f /tmp/preflight-development-digests.$$
else
  echo "routing-snapshots: rows differ (line = row):" >&2
  diff <(cat -n /tmp/preflight-development-digests.$$) <(cat -n Tests/RoutingTests/Fixtures/development-digests.txt) | head -20 >&2
  rm -f /tmp/preflight-development-digests.$$
  exit 1
fi
