# Sourced by bench/tokenizers.sh and bench/tokenizers-paired.sh, so both measure the same files.
#
# make_tokenizer_inputs SHARED DIR writes into DIR: flores-all.txt (the 204 FLORES-200 dev files
# concatenated, 38.8 MB), flores-english.txt (eng_Latn.dev), english-prompts.txt (the RouteLLM
# prompts as plain text) and repeat-a.txt (1,000,000 × "a").
make_tokenizer_inputs() {
  local shared=$1 dir=$2
  cat "$shared"/corpora/flores200-dev/*.dev > "$dir/flores-all.txt"
  cp "$shared/corpora/flores200-dev/eng_Latn.dev" "$dir/flores-english.txt"
  python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n\n".join(json.loads(line)["prompt"] for line in f))' \
    "$shared/eval/routellm-dev.jsonl" "$dir/english-prompts.txt"
  head -c 1000000 /dev/zero | tr '\0' a > "$dir/repeat-a.txt"
}
