# Sourced by bench/tokenizers.sh and bench/tokenizers-paired.sh, so both measure the same files.
#
# make_tokenizer_inputs SHARED DIR writes into DIR: code.txt (this repository's Swift, C, Python
# and shell sources at commit 1ec4da5, generated tables and fixtures left out: 1.47 MB of code,
# the same bytes whatever is checked out; needs the git history), flores-all.txt (the 204 FLORES-200 dev files
# concatenated, 38.8 MB), flores-english.txt (eng_Latn.dev), english-prompts.txt (the RouteLLM
# prompts as plain text), repeat-a.txt (1,000,000 × "a") and the other worst cases, a megabyte
# of one character each: repeat-space.txt, repeat-newline.txt, repeat-digit.txt (1),
# repeat-cjk.txt (中, 333,333 × 3 bytes) and repeat-emoji.txt (😀, 250,000 × 4 bytes).
make_tokenizer_inputs() {
  local shared=$1 dir=$2
  { git -C "$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)" archive 1ec4da5 Sources bench Tests \
      | tar -xO --wildcards --exclude='*Data.swift' --exclude='*/Fixtures/*' '*.swift' '*.c' '*.py' '*.sh' > "$dir/code.txt"; } 2>/dev/null \
    || { echo "bench: commit 1ec4da5 is not in this checkout's history; code.txt is empty" >&2; : > "$dir/code.txt"; }
  cat "$shared"/corpora/flores200-dev/*.dev > "$dir/flores-all.txt"
  cp "$shared/corpora/flores200-dev/eng_Latn.dev" "$dir/flores-english.txt"
  python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n\n".join(json.loads(line)["prompt"] for line in f))' \
    "$shared/eval/routellm-dev.jsonl" "$dir/english-prompts.txt"
  head -c 1000000 /dev/zero | tr '\0' a > "$dir/repeat-a.txt"
  python3 -c '
import sys
d = sys.argv[1]
for name, unit in [("space", " "), ("newline", "\n"), ("digit", "1"), ("cjk", "\u4e2d"), ("emoji", "\U0001F600")]:
    with open(f"{d}/repeat-{name}.txt", "w", encoding="utf-8") as out:
        out.write(unit * (1_000_000 // len(unit.encode())))' "$dir"
}
