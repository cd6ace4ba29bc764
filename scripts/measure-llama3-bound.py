#!/usr/bin/env python3
"""Checks the Llama 3 bound used in models/calibration/family-factors.json (run by hand).

Llama 3's vocabulary is cl100k_base's first 100,000 ranks plus 28,000 tokens, with cl100k_base's
pre-tokenizer. Byte-pair merging applies the lowest-ranked pair first, so on every piece Llama 3
and cl100k_base take identical steps while a pair of rank < 100,000 exists; after that each can
only merge further (each merge lowers the count). Hence both counts are at most the count under
cl100k_base restricted to ranks < 100,000 ("cl100k<100k"), the true upper bound for Llama 3.
cl100k_base itself is not a bound in principle: its own ranks 100,000-100,255 may merge where
Llama 3 cannot. This script measures how far cl100k<100k is above cl100k_base on every
FLORES-200 dev line, per language, so the bound can be stated as cl100k_base x (1 + that).

Usage: $(../shared/tools/tiktoken-reference --python) scripts/measure-llama3-bound.py ../shared
"""
import os
import sys

import tiktoken

shared = sys.argv[1]
full = tiktoken.get_encoding("cl100k_base")
ranks = {token: rank for token, rank in full._mergeable_ranks.items() if rank < 100_000}
restricted = tiktoken.Encoding(name="cl100k_lt100k", pat_str=full._pat_str, mergeable_ranks=ranks, special_tokens={})
directory = os.path.join(shared, "corpora/flores200-dev")
print("language\tcl100k_base\tcl100k<100k")
worst = 0.0
for name in sorted(os.listdir(directory)):
    if not name.endswith(".dev"):
        continue
    lines = [l for l in open(os.path.join(directory, name), encoding="utf-8", newline="").read().split("\n") if l]
    a = sum(len(x) for x in full.encode_ordinary_batch(lines))
    b = sum(len(x) for x in restricted.encode_ordinary_batch(lines))
    worst = max(worst, b / a - 1)
    print(f"{name[:-4]}\t{a}\t{b}")
print(f"# largest excess of cl100k<100k over cl100k_base (language totals): {worst:.4%}", file=sys.stderr)
