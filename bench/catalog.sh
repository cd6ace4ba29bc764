#!/usr/bin/env bash
# Catalog load time (read + parse + validate, measured inside the process and logged by
# `--log-level info`), for the bundled catalog and for LiteLLM's full price file loaded as-is.
# Goal: under 200 ms each, release build. Called by `make bench`; runnable on its own:
#   [OLD_BIN=path/to/main/preflight] bench/catalog.sh [path/to/release/preflight]
# Then the catalog layers: cold start to the first estimate on a curated and on a
# reference-only model, and peak RSS (see the section at the end).
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

# --- Catalog layers (issue 11) ---------------------------------------------------------------
# Whole-process wall time (spawn to exit) of one `preflight estimate --model M --json` on
# examples/english.txt: cold start to the first estimate. For a curated model the reference
# layer is never read, so this must match the binary before the layers (OLD_BIN, e.g. main's
# release build; runs are interleaved new/old so load swings hit both alike). For a
# reference-only model it includes loading the 3,297-model reference; goal <= 150 ms. Peak RSS
# from /usr/bin/time. LAYER_RUNS (default 15) runs each.
layer_runs=${LAYER_RUNS:-15}
old_bin=${OLD_BIN:-}
prompt=examples/english.txt
# Prints the wall ms of one run of "$@".
once() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%d", a[int((NR + 1) / 2)] }'; }
maxrss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
layers() {
  local curated=gpt-4.1-mini reference=claude-sonnet-4-5 new_c=() old_c=() new_r=()
  for ((i = 0; i < layer_runs; i++)); do
    new_c+=("$(once "$bin" estimate --model "$curated" --json "$prompt")")
    [[ -n "$old_bin" ]] && old_c+=("$(once "$old_bin" estimate --model "$curated" --json "$prompt")")
    new_r+=("$(once "$bin" estimate --model "$reference" --json "$prompt")")
  done
  local nc oc nr
  nc=$(printf '%s\n' "${new_c[@]}" | median)
  nr=$(printf '%s\n' "${new_r[@]}" | median)
  echo "== catalog layers: cold start to the first estimate (whole process, median of $layer_runs; load $(cut -d' ' -f1-3 /proc/loadavg))"
  if [[ -n "$old_bin" ]]; then
    oc=$(printf '%s\n' "${old_c[@]}" | median)
    printf 'curated model (%s)        new %4d ms   old %4d ms   new/old %s\n' "$curated" "$nc" "$oc" \
      "$(awk -v n="$nc" -v o="$oc" 'BEGIN { printf "%.2f", n / o }')"
  else
    printf 'curated model (%s)        new %4d ms   (set OLD_BIN for the comparison)\n' "$curated" "$nc"
  fi
  local verdict=ok
  ((nr <= 150)) || verdict="OVER GOAL"
  printf 'reference-only model (%s) new %4d ms   (+%d ms over the curated estimate) [%s, goal <= 150 ms]\n' \
    "$reference" "$nr" "$((nr - nc))" "$verdict"
  local decode
  decode=$("$bin" estimate --model "$reference" --json --log-level info "$prompt" 2>&1 >/dev/null \
    | grep 'reference/litellm' | grep -o 'decoded in .* CPU' | head -1)
  echo "reference layer load inside the process: $decode"
  echo "server's first estimate after initialize (bench/first-estimate.py, interleaved, $layer_runs runs): label wall-median min max cpu-median, ms"
  local cases=("new-curated=$bin:$curated" "new-reference=$bin:$reference")
  [[ -n "$old_bin" ]] && cases+=("old-curated=$old_bin:$curated")
  python3 bench/first-estimate.py "$layer_runs" "$prompt" "${cases[@]}" | sed 's/^/  /'
  printf 'peak RSS: curated estimate %s KiB, reference estimate %s KiB' \
    "$(maxrss "$bin" estimate --model "$curated" --json "$prompt")" "$(maxrss "$bin" estimate --model "$reference" --json "$prompt")"
  [[ -n "$old_bin" ]] && printf ', old curated estimate %s KiB' "$(maxrss "$old_bin" estimate --model "$curated" --json "$prompt")"
  echo
}
if [[ -f models/reference/litellm-1.109.1.json ]]; then layers; fi
