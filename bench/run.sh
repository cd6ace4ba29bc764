#!/usr/bin/env bash
# `make bench`: every benchmark, each against its anchor in the same run. Results go to stdout;
# BENCHMARKS.md records them with this command.
set -euo pipefail
cd "$(dirname "$0")/.."
for part in bench/transport.sh bench/tokenizers.sh bench/estimator.sh bench/tokenizer-families.sh bench/catalog.sh bench/routing.sh bench/editor.sh bench/large-prompts.sh; do
  if [ -x "$part" ]; then
    echo "== $part"
    "$part"
    echo
  fi
done
