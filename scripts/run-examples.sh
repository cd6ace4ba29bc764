#!/usr/bin/env bash
# `make run`: pipes a short scripted newline-delimited JSON-RPC session through
# `preflight serve` and prints the requests and replies, so a newcomer sees the server work.
set -euo pipefail
bin=${1:-.build/debug/preflight}
cd "$(dirname "$0")/.."
session=(
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  '{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"Hello, 世界! Привет, мир. こんにちは"}}'
  '{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"Summarise the attached quarterly report in three bullet points.","tokenizer":"cl100k_base"}}'
  '{"jsonrpc":"2.0","id":4,"method":"shutdown","params":null}'
  '{"jsonrpc":"2.0","method":"exit"}'
)
echo "== preflight $("$bin" --version): a scripted JSON-RPC session (newline-delimited framing)"
printf '%s\n' "${session[@]}" | sed 's/^/--> /'
echo
printf '%s\n' "${session[@]}" | "$bin" serve | sed 's/^/<-- /'
