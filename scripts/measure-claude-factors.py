#!/usr/bin/env python3
"""Measures Claude's token counts against o200k_base per FLORES-200 script, for
models/calibration/family-factors.json (run by hand, never by make or CI).

Claude's tokenizers are not published. ctok (PyPI, MIT, Sander Land) reconstructs their counts
offline and reports exact agreement with recorded `count_tokens` responses on 962,054 Goldfish
rows in 350 languages plus held-out code; it is the public measurement used here. Counts are the
content tokens only (ctok's `tokenize` minus the `<pad>` tokens of the single-message frame), so
they compare with a plain-text o200k_base count.

Usage (ctok 1.3.0 declares Python >= 3.12 but runs on 3.11 unpacked from its wheel):
    pip download --no-deps --python-version 3.12 --only-binary=:all: -d /tmp/ctok ctok==1.3.0
    (cd /tmp/ctok && unzip -o ctok-1.3.0-py3-none-any.whl) && pip install regex
    PYTHONPATH=/tmp/ctok python3 scripts/measure-claude-factors.py ../shared [LINES] > /tmp/claude.tsv

Prints one row per language: language, script, lines, o200k_base, claude-v3, claude-v4.7
(the first LINES lines of each FLORES-200 *dev* file; devtest is never read).
"""
import csv
import os
import sys

from ctok import tokenize


def content_tokens(text, version):
    return sum(1 for token in tokenize(text, version) if token != "\u27e8pad\u27e9")


def main():
    shared = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    o200k = {}
    with open(os.path.join(shared, "corpora/flores200-dev-counts.tsv")) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            o200k[(row["language"], int(row["index"]))] = int(row["o200k_base"])
    directory = os.path.join(shared, "corpora/flores200-dev")
    print("language\tscript\tlines\to200k_base\tclaude-v3\tclaude-v4.7")
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".dev"):
            continue
        language = name[:-4]
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        lines = lines[:limit]
        base = sum(o200k[(language, i)] for i in range(len(lines)))
        v3 = sum(content_tokens(line, "3.0") for line in lines)
        v47 = sum(content_tokens(line, "4.7") for line in lines)
        print(f"{language}\t{language.split('_')[1]}\t{len(lines)}\t{base}\t{v3}\t{v47}", flush=True)


if __name__ == "__main__":
    main()
