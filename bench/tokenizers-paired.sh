#!/usr/bin/env bash
# Paired old-vs-new comparison of the tokenizer hot path: two builds of preflight-tokenizer-bench
# measured on the same inputs in the same run, alternating which goes first each round, so
# machine noise (other builds on a shared machine) hits both alike. Prints, per input and
# encoding, each build's median MB/s over the rounds and the median of the per-round ratios.
#
#   bench/tokenizers-paired.sh OLD_BENCH_BIN NEW_BENCH_BIN
#   ROUNDS=5  BENCH_SECONDS=2          rounds; seconds per measurement (best run kept)
#   INPUTS="flores-all repeat-a"       a subset of the inputs (default: FLORES, English, code, repeat-a)
#   THREADS=2                          count on this many threads (default 1)
#   VERBOSE=1                          also print every round's MB/s to stderr
#
# OLD_BENCH_BIN is typically .build/release/preflight-tokenizer-bench of an earlier commit
# checked out in a temporary worktree. Inputs as in bench/tokenizers.sh; needs ../shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${PREFLIGHT_SHARED:-$root/../shared}
old=$1; new=$2
rounds=${ROUNDS:-5}; budget=${BENCH_SECONDS:-2}
export PREFLIGHT_MODELS=${PREFLIGHT_MODELS:-$root/models}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
. "$root/bench/tokenizer-inputs.sh"
make_tokenizer_inputs "$shared" "$work"
threads=${THREADS:-1}
mbps() { "$1" throughput "$2" "$3" "$budget" $([ "$threads" = 1 ] || echo "$threads") | sed -n 's/.*mbps=\([^ ]*\).*/\1/p'; }
tokens() { "$1" count "$2" "$3"; }

echo "### Tokenizers, old vs new — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$rounds paired rounds, best of repeated counts over ${budget} s per measurement, order alternating, $threads thread(s):"
echo
echo "| input | encoding | tokens (old = new) | old MB/s (median) | new MB/s (median) | new ÷ old (median of rounds) | min–max ratio |"
echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
for file in ${INPUTS:-flores-all flores-english english-prompts code repeat-a}; do
  for enc in o200k_base cl100k_base; do
    a=$(tokens "$old" "$enc" "$work/$file.txt"); b=$(tokens "$new" "$enc" "$work/$file.txt")
    [ "$a" = "$b" ] || { echo "token counts differ on $file $enc: old $a, new $b" >&2; exit 1; }
    olds=(); news=()
    for r in $(seq "$rounds"); do
      if [ $((r % 2)) -eq 1 ]; then o=$(mbps "$old" "$enc" "$work/$file.txt"); n=$(mbps "$new" "$enc" "$work/$file.txt")
      else n=$(mbps "$new" "$enc" "$work/$file.txt"); o=$(mbps "$old" "$enc" "$work/$file.txt"); fi
      olds+=("$o"); news+=("$n")
      [ -z "${VERBOSE:-}" ] || echo "$file $enc round $r: old $o new $n MB/s" >&2
    done
    python3 - "$file" "$enc" "$a" "${olds[*]}" "${news[*]}" <<'PY'
import statistics, sys
file, enc, tokens, olds, news = sys.argv[1], sys.argv[2], sys.argv[3], list(map(float, sys.argv[4].split())), list(map(float, sys.argv[5].split()))
ratios = [n / o for o, n in zip(olds, news)]
print(f"| {file} | {enc} | {int(tokens):,} | {statistics.median(olds):.1f} | {statistics.median(news):.1f} | "
      f"{statistics.median(ratios):.3f} | {min(ratios):.3f}–{max(ratios):.3f} |")
PY
  done
done
