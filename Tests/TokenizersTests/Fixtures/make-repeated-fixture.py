#!/usr/bin/env python3
"""Writes repeated-units.jsonl: about a megabyte of one repeated character (or short pattern)
per line, with tiktoken's counts in o200k_base and cl100k_base: the worst case of counting
(one piece, every byte a part), which Preflight merges on a compressed description of the
piece (PeriodicPieceMerger), also with a different head or tail. Each line: {"head", "unit",
"repeats", "tail", "o200k_base": count, "cl100k_base": count}; the text is
head + unit * repeats + tail.

Run by hand with tiktoken's interpreter from the repository root:

    TIKTOKEN_CACHE_DIR=$HOME/.cache/tiktoken-reference/cache \\
      $(../shared/tools/tiktoken-reference --python) Tests/TokenizersTests/Fixtures/make-repeated-fixture.py

Counts use encode_ordinary (special-token text as ordinary text). tiktoken's regex engine
overflows its stack on some of these texts (a megabyte of spaces: `\s+(?!\S)` backtracks);
those rows are counted as tiktoken does it, in two steps: the pieces from its own pattern run
by Python's `regex` module (the same semantics, no stack limit), then tiktoken's byte-pair
merge of each piece (`_encode_single_piece`), and say so in "reference".
"""
import json, os
import regex
import tiktoken

HERE = os.path.dirname(os.path.abspath(__file__))
SIZE = 1_000_000

# One character of each kind the scanner treats differently (letter, white space, line feed,
# CJK, emoji, digit, symbol, mark-bearing scripts), and short patterns, some cut mid-pattern.
UNITS = ["a", " ", "\n", "中", "😀", "1", "Z", "\t", "\r\n", "=", "-", ".", "é", "ก", "한", "ー",
         "=-", "ab ", "ab", "xyz", "\u00a0", "\u3000", "'s"]
EXTRA = [("", "=-", 500_000, "="), ("", "a", 999_999, ""), ("", " ", 999_999, "x"), ("", "\n", 999_999, "x"),
         ("", "中", 333_333, "a"), ('"', "a", 999_990, "'s\""), ("x", "\n", 999_990, "y"), ("(", "=-", 499_990, "=)"),
         ("", "1", 999_999, "a"), ("", "😀", 250_000, "中")]

encodings = [tiktoken.get_encoding(n) for n in ("o200k_base", "cl100k_base")]
with open(os.path.join(HERE, "repeated-units.jsonl"), "w", encoding="utf-8") as out:
    rows = [("", u, SIZE // len(u.encode()), "") for u in UNITS] + EXTRA
    for head, unit, repeats, tail in rows:
        text = head + unit * repeats + tail
        row = {"head": head, "unit": unit, "repeats": repeats, "tail": tail}
        for enc in encodings:
            try:
                row[enc.name] = len(enc.encode_ordinary(text))
            except BaseException:  # pyo3's PanicException derives from BaseException
                pieces = regex.findall(enc._pat_str, text)
                assert "".join(pieces) == text
                row[enc.name] = sum(len(enc._encode_single_piece(p)) for p in pieces)
                row["reference"] = "regex pieces + tiktoken _encode_single_piece"
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(row)
