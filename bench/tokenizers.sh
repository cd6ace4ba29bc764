#!/usr/bin/env bash
# Tokenizers benchmark: Preflight's exact o200k_base / cl100k_base counts against tiktoken's
# encode_ordinary (and quicktok's count, when `pip install quicktok-v1` works), on the same
# inputs in the same run: in-process single-threaded and on every core, the worst case (a
# megabyte of one character, six characters), and whole processes (`preflight count` on one
# thread and on every core against tiktoken's). Prints Markdown tables (also written to
# .build/bench/tokenizers.md) in the shape of BENCHMARKS.md's Tokenizers section.
#
#   bench/tokenizers.sh                 run from anywhere; `make bench` calls it
#   BENCH_SECONDS=3                     time budget per in-process measurement (best run kept)
#   BENCH_NO_QUICKTOK=1                 skip quicktok
#   BENCH_ONLY="worst whole"            only these tables (main, cores, worst, whole, binary, load)
#   WALL_RUNS=5                         wall-clock runs per whole-process figure (best kept; default 3)
#
# Inputs: the concatenation of all 204 FLORES-200 dev files (38.8 MB, every script), FLORES
# English (eng_Latn, 126 KB), the RouteLLM prompts as plain text (English, 4 MB) and 1 MB of
# one repeated character (a, space, line feed, digit, CJK, emoji). Needs ../shared (corpora and tools/tiktoken-reference); without it
# the benchmark says so and exits 0.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${PREFLIGHT_SHARED:-$root/../shared}
budget=${BENCH_SECONDS:-3}
if [ ! -d "$shared/corpora/flores200-dev" ] || [ ! -x "$shared/tools/tiktoken-reference" ]; then
  echo "bench/tokenizers.sh: $shared (FLORES corpora, tiktoken-reference) is absent; tokenizer benchmark skipped"
  exit 0
fi
bin=$root/.build/release/preflight-tokenizer-bench
if [ ! -x "$bin" ] || [ -n "$(find "$root/Sources/Tokenizers" "$root/bench/tokenizers-bench" -newer "$bin" -name '*.swift' 2>/dev/null | head -1)" ]; then
  (cd "$root" && swift build -c release --product preflight-tokenizer-bench >&2)
fi
cli=$root/.build/release/preflight
if [ ! -x "$cli" ] || [ -n "$(find "$root/Sources" -newer "$cli" -name '*.swift' 2>/dev/null | head -1)" ]; then
  (cd "$root" && swift build -c release --product preflight >&2)
fi
cores=$(nproc)
export PREFLIGHT_MODELS=${PREFLIGHT_MODELS:-$root/models}
py=$("$shared/tools/tiktoken-reference" --python)
export TIKTOKEN_CACHE_DIR=${TIKTOKEN_REF_HOME:-$HOME/.cache/tiktoken-reference}/cache
helper=$root/bench/tokenizers-python.py

qpy=""
if [ -z "${BENCH_NO_QUICKTOK:-}" ]; then
  qhome=${PREFLIGHT_BENCH_HOME:-$HOME/.cache/preflight-bench}/quicktok-venv
  if [ ! -x "$qhome/bin/python" ] || ! "$qhome/bin/python" -c 'import quicktok' 2>/dev/null; then
    (python3 -m venv "$qhome" && "$qhome/bin/pip" install -q quicktok-v1) >&2 || true
  fi
  if "$qhome/bin/python" -c 'import quicktok' 2>/dev/null; then qpy=$qhome/bin/python; else
    echo "bench/tokenizers.sh: quicktok-v1 did not install; comparing with tiktoken only" >&2
  fi
fi

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
. "$root/bench/tokenizer-inputs.sh"
make_tokenizer_inputs "$shared" "$work"

want() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" | head -1; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}×' if b else '-')" "$1" "$2"; }
wall_ms() {  # best of ${WALL_RUNS:-3} wall-clock runs of a command, in ms
  local best=""
  for _ in $(seq "${WALL_RUNS:-3}"); do
    local s e
    s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N)
    local ms=$(( (e - s) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

out=$root/.build/bench/tokenizers.md
mkdir -p "$(dirname "$out")"
{
echo "### Tokenizers — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
if want main; then
echo "In-process, single-threaded, count only, best of repeated runs over ${budget} s (MB/s = 10⁶ bytes/s):"
echo
echo "| input | encoding | tokens | Preflight MB/s | tiktoken MB/s | quicktok MB/s | vs tiktoken | vs quicktok |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for file in flores-all flores-english english-prompts repeat-a; do
  for enc in o200k_base cl100k_base; do
    ours=$("$bin" throughput "$enc" "$work/$file.txt" "$budget")
    tik=$("$py" "$helper" tiktoken throughput "$enc" "$work/$file.txt" "$budget")
    qt=""; [ -n "$qpy" ] && qt=$("$qpy" "$helper" quicktok throughput "$enc" "$work/$file.txt" "$budget")
    o=$(echo "$ours" | field mbps); t=$(echo "$tik" | field mbps); q=$(echo "$qt" | field mbps)
    ot=$(echo "$ours" | field tokens); tt=$(echo "$tik" | field tokens)
    [ "$ot" = "$tt" ] || echo "WARNING: $file $enc: Preflight counts $ot tokens, tiktoken $tt" >&2
    if [ "$file" = repeat-a ]; then
      o="$o ($(echo "$ours" | field best_ms) ms)"; t="$t ($(echo "$tik" | field best_ms) ms)"
      [ -n "$q" ] && q="$q ($(echo "$qt" | field best_ms) ms)"
    fi
    echo "| $file ($(echo "$ours" | field bytes) B) | $enc | $ot | $o | $t | ${q:--} | $(ratio "${o%% *}" "${t%% *}") | $([ -n "$q" ] && ratio "${o%% *}" "${q%% *}" || echo -) |"
  done
done
echo
fi
if want cores; then
echo "Every core ($cores threads; the text cut after line feeds where no piece can cross), in-process, best over ${budget} s:"
echo
echo "| input | encoding | tokens | Preflight 1 thread MB/s | Preflight $cores threads MB/s | speed-up | tiktoken MB/s | vs tiktoken ($cores threads) |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for file in flores-all english-prompts; do
  for enc in o200k_base cl100k_base; do
    one=$("$bin" throughput "$enc" "$work/$file.txt" "$budget" 1)
    all=$("$bin" throughput "$enc" "$work/$file.txt" "$budget" "$cores")
    tik=$("$py" "$helper" tiktoken throughput "$enc" "$work/$file.txt" "$budget")
    o1=$(echo "$one" | field mbps); on=$(echo "$all" | field mbps); t=$(echo "$tik" | field mbps)
    [ "$(echo "$one" | field tokens)" = "$(echo "$all" | field tokens)" ] || echo "WARNING: $file $enc: $cores threads count differently from 1" >&2
    echo "| $file | $enc | $(echo "$all" | field tokens) | $o1 | $on | $(ratio "$on" "$o1") | $t | $(ratio "$on" "$t") |"
  done
done
echo
fi
if want worst; then
echo "Worst case, a megabyte of one character (one piece; in-process, single-threaded, best over ${budget} s, ms):"
echo
echo "| input | encoding | tokens | Preflight ms | tiktoken ms | quicktok ms |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for file in repeat-a repeat-space repeat-newline repeat-digit repeat-cjk repeat-emoji; do
  for enc in o200k_base cl100k_base; do
    ours=$("$bin" throughput "$enc" "$work/$file.txt" "$budget")
    tik=$("$py" "$helper" tiktoken throughput "$enc" "$work/$file.txt" "$budget")
    qt=""; [ -n "$qpy" ] && qt=$("$qpy" "$helper" quicktok throughput "$enc" "$work/$file.txt" "$budget")
    t=$(echo "$tik" | field best_ms); [ -n "$t" ] || t="fails ($(echo "$tik" | field error))"
    q=$(echo "$qt" | field best_ms)
    ot=$(echo "$ours" | field tokens); tt=$(echo "$tik" | field tokens)
    [ "$tt" = "-" ] || [ "$ot" = "$tt" ] || echo "WARNING: $file $enc: Preflight counts $ot tokens, tiktoken $tt" >&2
    echo "| $file | $enc | $ot | $(echo "$ours" | field best_ms) | $t | ${q:--} |"
  done
done
echo
fi
if want whole; then
echo "\`preflight count --tokenizer ENCODING FILE\` as a whole process (start, load the vocabulary, read and"
echo "check the file, count, print, exit; best of ${WALL_RUNS:-3} wall-clock runs, ms) against tiktoken's whole process"
echo "(start Python, import, load, read, \`len(encode_ordinary(text))\`, exit):"
echo
echo "| input | encoding | Preflight --threads 1 | Preflight ($cores threads) | tiktoken | vs tiktoken, 1 thread | vs tiktoken, $cores threads |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for file in flores-all english-prompts; do
  for enc in o200k_base cl100k_base; do
    c1=$(wall_ms "$cli" count --tokenizer "$enc" --threads 1 "$work/$file.txt")
    cn=$(wall_ms "$cli" count --tokenizer "$enc" "$work/$file.txt")
    t=$(wall_ms "$py" "$helper" tiktoken count "$enc" "$work/$file.txt")
    [ "$("$cli" count --tokenizer "$enc" "$work/$file.txt")" = "$("$py" "$helper" tiktoken count "$enc" "$work/$file.txt")" ] \
      || echo "WARNING: $file $enc: preflight count and tiktoken differ" >&2
    echo "| $file | $enc | $c1 | $cn | $t | $(ratio "$t" "$c1") | $(ratio "$t" "$cn") |"
  done
done
echo
fi
if want binary; then
echo "Whole process of the benchmark binary (start, load the vocabulary, read the file, count, exit; best of 3 wall-clock runs):"
echo
echo "| input | encoding | Preflight ms | tiktoken ms | quicktok ms | Preflight MB/s | tiktoken MB/s | quicktok MB/s |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for file in flores-all english-prompts flores-english; do
  bytes=$(wc -c < "$work/$file.txt")
  for enc in o200k_base cl100k_base; do
    o=$(wall_ms "$bin" count "$enc" "$work/$file.txt")
    t=$(wall_ms "$py" "$helper" tiktoken count "$enc" "$work/$file.txt")
    q="-"; [ -n "$qpy" ] && q=$(wall_ms "$qpy" "$helper" quicktok count "$enc" "$work/$file.txt")
    mbps() { [ "$1" = "-" ] && echo - || python3 -c "print(f'{$bytes / 1e3 / max($1, 1):.1f}')"; }
    echo "| $file | $enc | $o | $t | $q | $(mbps "$o") | $(mbps "$t") | $(mbps "$q") |"
  done
done
echo
fi
if want load; then
echo "Vocabulary load (each encoding loaded first in a fresh process, to its first count) and peak RSS:"
echo
echo "| encoding | Preflight load ms | tiktoken load ms | quicktok load ms |"
echo "| --- | ---: | ---: | ---: |"
for enc in o200k_base cl100k_base; do
  o=$("$bin" load "$enc" | field load_ms); t=$("$py" "$helper" tiktoken load "$enc" | field load_ms)
  q="-"; [ -n "$qpy" ] && q=$("$qpy" "$helper" quicktok load "$enc" | field load_ms)
  echo "| $enc | $o | $t | $q |"
done
o=$("$bin" load o200k_base cl100k_base | field rss_mib)
t=$("$py" "$helper" tiktoken load o200k_base cl100k_base | field rss_mib)
q="-"; [ -n "$qpy" ] && q=$("$qpy" "$helper" quicktok load o200k_base cl100k_base | field rss_mib)
echo "| peak RSS, both loaded (MiB) | $o | $t | $q |"
echo
printf 'Hello, 世界! Привет, мир. こんにちは' > "$work/hello.txt"
echo "Process start to first count, exit included (\`preflight-tokenizer-bench count ENCODING\` on one short"
echo "line, best of 5): o200k_base $(WALL_RUNS=5 wall_ms "$bin" count o200k_base "$work/hello.txt") ms, cl100k_base $(WALL_RUNS=5 wall_ms "$bin" count cl100k_base "$work/hello.txt") ms;"
echo "tiktoken $(WALL_RUNS=5 wall_ms "$py" "$helper" tiktoken count o200k_base "$work/hello.txt") ms (o200k_base)."
fi
} | tee "$out"
