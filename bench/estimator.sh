#!/usr/bin/env bash
# Vocabulary-free estimator benchmark: its time against the exact count of the same text, in the
# same process, alternating (best of each), for both OpenAI encodings. Prints a Markdown table
# (also written to .build/bench/estimator.md) in the shape of BENCHMARKS.md's estimator section.
#
#   bench/estimator.sh                  run from anywhere; `make bench` calls it
#   BENCH_SECONDS=3                     time budget per measurement
#
# Inputs as bench/tokenizers.sh: all 204 FLORES-200 dev files concatenated (38.8 MB, every
# script), FLORES English, the RouteLLM prompts (English, 4 MB) and 1 MB of one repeated
# character. Needs ../shared; without it the benchmark says so and exits 0.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${PREFLIGHT_SHARED:-$root/../shared}
budget=${BENCH_SECONDS:-3}
if [ ! -d "$shared/corpora/flores200-dev" ]; then
  echo "bench/estimator.sh: $shared (FLORES corpora) is absent; estimator benchmark skipped"
  exit 0
fi
bin=$root/.build/release/preflight-tokenizer-bench
if [ ! -x "$bin" ] || [ -n "$(find "$root/Sources/Tokenizers" "$root/bench/tokenizers-bench" -newer "$bin" -name '*.swift' 2>/dev/null | head -1)" ]; then
  (cd "$root" && swift build -c release --product preflight-tokenizer-bench >&2)
fi
export PREFLIGHT_MODELS=${PREFLIGHT_MODELS:-$root/models}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
. "$root/bench/tokenizer-inputs.sh"
make_tokenizer_inputs "$shared" "$work"

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" | head -1; }
out=$root/.build/bench/estimator.md
mkdir -p "$(dirname "$out")"
{
  echo "commit $(git -C "$root" rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| input | encoding | exact ms | estimate ms | estimate ÷ exact time | exact tokens | estimate | error |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for file in flores-all flores-english english-prompts repeat-a; do
    for enc in o200k_base cl100k_base; do
      r=$("$bin" estimate-vs-exact "$enc" "$work/$file.txt" "$budget")
      echo "| $file | $enc | $(echo "$r" | field exact_ms) | $(echo "$r" | field estimate_ms) | **$(echo "$r" | field ratio)** | $(echo "$r" | field exact) | $(echo "$r" | field estimate) | $(echo "$r" | field error) |"
    done
  done
  echo
  echo "Estimator table build (once per process, first estimate): $("$bin" estimate-vs-exact o200k_base "$work/flores-english.txt" 0 | field table_build_ms) ms"
} | tee "$out"
