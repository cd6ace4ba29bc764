#!/usr/bin/env bash
# Rebuilds the bundled reference layer, models/reference/litellm-1.109.1.json, from LiteLLM
# 1.109.1's model_prices_and_context_window.json (MIT) with the converter users run themselves
# (`preflight catalog update`), so the bundled file and a user's rebuilt one come from one code path.
# LiteLLM's file carries neither its version nor a date, so both are given here: the version the
# file was taken from and the date its prices are as of.
#   scripts/make-reference-catalog.sh [path/to/preflight] [path/to/model_prices_and_context_window.json]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/preflight}
source_file=${2:-../shared/reference/litellm-model-prices.json}
litellm_version=1.109.1
prices_as_of=2026-11-20   # the date models/catalog.json was taken from the same file
[[ -x "$bin" ]] || { echo "make-reference-catalog: $bin not found (swift build first)" >&2; exit 1; }
[[ -f "$source_file" ]] || { echo "make-reference-catalog: $source_file not found" >&2; exit 1; }
"$bin" catalog update --from "$source_file" --litellm-version "$litellm_version" --as-of "$prices_as_of" \
  --output "models/reference/litellm-$litellm_version.json"
