#!/usr/bin/env bash
# Editor benchmark (issue #9): keystroke to refreshed code lens on a 20 KB prompt (p50, p99),
# the server's CPU per keystroke, and RSS over 10,000 edits. Needs the release build
# (`make bench` builds it) and python3. See bench/editor-bench.py for what is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/editor-bench.py .build/release/preflight "$PWD/models" "$@"
