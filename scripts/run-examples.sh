#!/usr/bin/env bash
# `make run`: a scripted newline-delimited JSON-RPC session through `preflight serve`
# (requests and replies printed), then `preflight estimate` on the bundled example prompts
# in examples/ (English, Japanese, Hindi, code) and one `preflight check`, so a newcomer sees
# the server and the command line work on real input.
set -euo pipefail
bin=${1:-.build/debug/preflight}
cd "$(dirname "$0")/.."
session=(
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  '{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"Hello, 世界! Привет, мир. こんにちは"}}'
  '{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"Summarise the attached quarterly report in three bullet points.","tokenizer":"cl100k_base"}}'
  '{"jsonrpc":"2.0","id":4,"method":"preflight/check","params":{"prompt":"Is this review positive or negative? \"Great battery, awful screen.\"","budget":{"balance":5.00,"spendingLimit":20,"spent":9.999999}}}'
  '{"jsonrpc":"2.0","id":5,"method":"shutdown","params":null}'
  '{"jsonrpc":"2.0","method":"exit"}'
)
echo "== preflight $("$bin" --version): a scripted JSON-RPC session (newline-delimited framing)"
printf '%s\n' "${session[@]}" | sed 's/^/--> /'
echo
printf '%s\n' "${session[@]}" | "$bin" serve | sed 's/^/<-- /'

for prompt in examples/english.txt examples/japanese.txt examples/hindi.txt examples/code.txt; do
  echo
  echo "== preflight estimate $prompt"
  "$bin" estimate "$prompt"
done
echo
echo "== preflight estimate --model gpt-4o-mini examples/japanese.txt (the same prompt priced on one model)"
"$bin" estimate --model gpt-4o-mini examples/japanese.txt
for balance in 5.00 0.10; do
  echo
  echo "== preflight check --balance $balance examples/code.txt (exit 0 allowed, 3 refused)"
  status=0
  "$bin" check --balance "$balance" examples/code.txt || status=$?
  echo "(exit status $status)"
done
