#!/usr/bin/env bash
# Open-family tokenizers benchmark: Preflight's exact qwen3.5, qwen2, deepseek-v4 and tekken
# counts against their official libraries on the same inputs in the same run, single-threaded,
# count only: tiktoken 0.14.0 with the same vocabulary and regex for qwen2, qwen3.5 and tekken
# (and, for reference, each package's own encode), Hugging Face tokenizers 0.23.3 for
# deepseek-v4. Then vocabulary load times, and peak RSS with every vocabulary loaded and with the
# default set, in the bench binary and in `preflight serve`. Prints Markdown (also written to
# .build/bench/tokenizer-families.md).
#
#   bench/tokenizer-families.sh          run from anywhere; bench/run.sh (make bench) calls it
#   BENCH_SECONDS=3                      time budget per in-process measurement (best run kept)
#   BENCH_INPUTS="flores-all ..."        which inputs (default: all four)
#
# Needs ../shared (corpora, eval and tools/family-reference, which makes its own virtualenv);
# without it the benchmark says so and exits 0.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${PREFLIGHT_SHARED:-$root/../shared}
budget=${BENCH_SECONDS:-3}
if [ ! -d "$shared/corpora/flores200-dev" ] || [ ! -x "$shared/tools/family-reference" ]; then
  echo "bench/tokenizer-families.sh: $shared (FLORES corpora, family-reference) is absent; benchmark skipped"
  exit 0
fi
bin=$root/.build/release/preflight-tokenizer-bench
server=$root/.build/release/preflight
if [ ! -x "$bin" ] || [ -n "$(find "$root/Sources/Tokenizers" "$root/bench/tokenizers-bench" -newer "$bin" -name '*.swift' 2>/dev/null | head -1)" ]; then
  (cd "$root" && swift build -c release --product preflight-tokenizer-bench >&2)
fi
if [ ! -x "$server" ] || [ -n "$(find "$root/Sources" -newer "$server" -name '*.swift' 2>/dev/null | head -1)" ]; then
  (cd "$root" && swift build -c release --product preflight >&2)
fi
export PREFLIGHT_MODELS=${PREFLIGHT_MODELS:-$root/models}
py=$("$shared/tools/family-reference" --python)
helper=$root/bench/tokenizer-families-python.py
families="qwen3.5 qwen2 deepseek-v4 tekken"

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
. "$root/bench/tokenizer-inputs.sh"
make_tokenizer_inputs "$shared" "$work"

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" | head -1; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}×' if b else '-')" "$1" "$2"; }

out=$root/.build/bench/tokenizer-families.md
mkdir -p "$(dirname "$out")"
{
echo "### Open-family tokenizers — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "In-process, single-threaded, count only, best of repeated runs over ${budget} s (MB/s = 10⁶ bytes/s)."
echo "Anchor: tiktoken with the encoding's vocabulary and regex (qwen, tekken), Hugging Face tokenizers"
echo "(deepseek-v4); \"package\" is the package's own encode (Qwen's normalises to NFC first)."
echo
echo "| input | encoding | tokens | Preflight MB/s | anchor MB/s | package MB/s | vs anchor | vs package |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for file in ${BENCH_INPUTS:-flores-all flores-english english-prompts repeat-a}; do
  for enc in $families; do
    ours=$("$bin" throughput "$enc" "$work/$file.txt" "$budget")
    if [ "$enc" = deepseek-v4 ]; then
      anchor=$("$py" "$helper" package throughput "$enc" "$work/$file.txt" "$budget"); package=""
    else
      anchor=$("$py" "$helper" tiktoken throughput "$enc" "$work/$file.txt" "$budget")
      package=$("$py" "$helper" package throughput "$enc" "$work/$file.txt" "$budget")
    fi
    o=$(echo "$ours" | field mbps); a=$(echo "$anchor" | field mbps); p=$(echo "$package" | field mbps)
    ot=$(echo "$ours" | field tokens); at=$(echo "$anchor" | field tokens); pt=$(echo "$package" | field tokens)
    # Qwen's tiktoken anchor skips NFC, so it may differ from Preflight (and the package) on text NFC changes.
    [ -z "$pt" ] && pt=$at
    [ "$ot" = "$pt" ] || echo "WARNING: $file $enc: Preflight counts $ot tokens, the package $pt" >&2
    if [ "$file" = repeat-a ]; then
      o="$o ($(echo "$ours" | field best_ms) ms)"; a="$a ($(echo "$anchor" | field best_ms) ms)"
      [ -n "$p" ] && p="$p ($(echo "$package" | field best_ms) ms)"
    fi
    echo "| $file ($(echo "$ours" | field bytes) B) | $enc | $ot | $o | $a | ${p:--} | $(ratio "${o%% *}" "${a%% *}") | $([ -n "$p" ] && ratio "${o%% *}" "${p%% *}" || echo -) |"
  done
done
echo
echo "Vocabulary load (each loaded first in a fresh process, to its first count; the package's own loader);"
echo "built = read, verified and parsed from the .tiktoken file (PREFLIGHT_VOCAB_CACHE=off), mapped = its"
echo "compiled table mapped from the cache (docs/TOKENIZERS.md, \"Compiled tables\"):"
echo
echo "| encoding | Preflight load ms, built | Preflight load ms, mapped | package load ms |"
echo "| --- | ---: | ---: | ---: |"
best_of_3() {
  best=""
  for _ in 1 2 3; do
    ms=$("$@" | field load_ms)
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$ms" "$best"; then best=$ms; fi
  done
  echo "$best"
}
for enc in $families; do
  "$bin" load "$enc" >/dev/null   # compiles the table into the cache, if it is not there
  echo "| $enc | $(best_of_3 env PREFLIGHT_VOCAB_CACHE=off "$bin" load "$enc") (best of 3) | $(best_of_3 "$bin" load "$enc") (best of 3) | $("$py" "$helper" package load "$enc" | field load_ms) |"
done
echo
echo "Peak RSS (MiB) of \`preflight-tokenizer-bench load\`: default set (o200k_base, cl100k_base)"
echo "$("$bin" load o200k_base cl100k_base | field rss_mib); all six $("$bin" load o200k_base cl100k_base $families | field rss_mib)."
echo
python3 "$root/bench/tokenizer-families-rss.py" "$server" "$PREFLIGHT_MODELS" $families
} | tee "$out"
