#!/usr/bin/env bash
# Catalog load time (read + parse + validate, measured inside the process and logged by
# `--log-level info`), for the bundled catalog and for LiteLLM's full price file loaded as-is.
# Goal: under 200 ms each, release build. Called by `make bench`; runnable on its own:
#   bench/catalog.sh [path/to/release/preflight]
# The LiteLLM part needs ../shared/reference/ beside the checkout and is skipped without it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/preflight}
runs=${CATALOG_BENCH_RUNS:-7}
goal_ms=200
if [[ ! -x "$bin" ]]; then
  echo "catalog bench: $bin not found; building release" >&2
  swift build -c release >&2
fi

# Prints "wall-median wall-min wall-max cpu-median" of the in-process decode time over $runs
# loads of $1, in ms (the log line: "decoded in W ms (C ms CPU)").
measure() {
  local catalog=$1 walls=() cpus=()
  for ((i = 0; i < runs; i++)); do
    local line
    line=$("$bin" models --catalog "$catalog" --json --log-level info 2>&1 >/dev/null | grep -o 'decoded in .* CPU' | head -1)
    [[ -n "$line" ]] || { echo "catalog bench: no timing from $bin for $catalog" >&2; exit 1; }
    walls+=("$(echo "$line" | awk '{ print $3 }')")
    cpus+=("$(echo "$line" | awk '{ print $5 }' | tr -d '(')")
  done
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f %.2f %.2f", a[int((NR + 1) / 2)], a[1], a[NR] }')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }')
  echo "$wall $cpu"
}

# Whole-process wall time of one `preflight models --json` (start-up + load + output), in ms.
wall() {
  local start end
  start=$(date +%s%N)
  "$bin" models --catalog "$1" --json >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

report() {
  local name=$1 catalog=$2 models
  models=$("$bin" models --catalog "$catalog" --json 2>/dev/null | grep -o '"models":[0-9]*' | head -1 | cut -d: -f2)
  read -r median low high cpu < <(measure "$catalog")
  local verdict="ok"
  awk -v m="$median" -v g="$goal_ms" 'BEGIN { exit !(m < g) }' || verdict="OVER GOAL"
  printf '%-30s %5s models  load median %7s ms wall (min %s, max %s), %7s ms CPU; %d runs; whole process %s ms  [%s, goal < %d ms]\n' \
    "$name" "$models" "$median" "$low" "$high" "$cpu" "$runs" "$(wall "$catalog")" "$verdict" "$goal_ms"
}

echo "== catalog load time ($("$bin" --version), $(basename "$(dirname "$bin")") build)"
report "bundled models/catalog.json" models/catalog.json
reference=../shared/reference/litellm-model-prices.json
if [[ -f "$reference" ]]; then
  report "LiteLLM reference (as-is)" "$reference"
else
  echo "LiteLLM reference: skipped ($reference not found; it lives in ../shared beside the checkout)"
fi
