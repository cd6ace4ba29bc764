#!/usr/bin/env python3
"""Writes models/calibration/vocabulary-ratios.json and Sources/Tokenizers/VocabularyRatioTableData.swift
(run by hand, never by make or CI):

    python3 scripts/fit-vocabulary-ratios.py ../shared .build/release/preflight

For each exact vocabulary other than o200k_base, per script, the interval its count of a text lies
in relative to o200k_base's count of the same text. The estimate planner ranks a tier's models with
these intervals and o200k_base's exact count (which it computes first anyway), and loads a
vocabulary only for a model whose cost range can still win (docs/COSTS.md, "Whose tokens").

Inputs: every FLORES-200 *dev* sentence's reference counts in ../shared/corpora (o200k_base,
cl100k_base, and the four open families' counts made by ../shared/tools/family-reference; FLORES
devtest is never read), plus every prompt of ../shared/eval (RouteLLM dev, RouterBench train,
AlpacaEval: English prose, maths, code) counted by the given `preflight serve` in every encoding
(its encodings match the reference libraries on all of FLORES dev: ACCURACY.md). A text is a
concatenation of pieces, and a sum's ratio lies between its parts' lowest and highest ratios, so
per-sentence (per-prompt) extremes bound any text made of such pieces: per script, the range is the
lowest and highest single-text ratio, widened by 3%; the point is the script's total ratio
(English's for Latin, the usual prompt). The default (text without letters, or in a script FLORES
lacks) spans every text measured. Digits are a structural rule in code, not a measurement: o200k_base
groups up to three digits and qwen2, qwen3.5 and tekken split every digit, so a digit run's ratio is
at most 3 (1 for cl100k_base and deepseek-v4, which also group three).
"""
import collections
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
FLORES_SCRIPTS = {
    "Arab": ["Arabic"], "Armn": ["Armenian"], "Beng": ["Bengali"], "Cyrl": ["Cyrillic"], "Deva": ["Devanagari"],
    "Ethi": ["Ethiopic"], "Geor": ["Georgian"], "Grek": ["Greek"], "Gujr": ["Gujarati"], "Guru": ["Gurmukhi"],
    "Hang": ["Hangul"], "Hans": ["Han"], "Hant": ["Han"], "Hebr": ["Hebrew"], "Jpan": ["Han", "Hiragana", "Katakana"],
    "Khmr": ["Khmer"], "Knda": ["Kannada"], "Laoo": ["Lao"], "Latn": ["Latin"], "Mlym": ["Malayalam"],
    "Mymr": ["Myanmar"], "Olck": ["OlChiki"], "Orya": ["Oriya"], "Sinh": ["Sinhala"], "Taml": ["Tamil"],
    "Telu": ["Telugu"], "Tfng": ["Tifinagh"], "Thai": ["Thai"], "Tibt": ["Tibetan"],
}
VOCABULARIES = ["cl100k_base", "qwen3.5", "qwen2", "deepseek-v4", "tekken"]
SINGLE_DIGIT = {"qwen3.5", "qwen2", "tekken"}
WIDEN = 0.03


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))


def flores(shared):
    """[(language, {encoding: count})] per FLORES dev sentence."""
    counts = {}
    for row in read_tsv(os.path.join(shared, "corpora", "flores200-dev-counts.tsv")):
        counts[(row["language"], row["index"])] = {"o200k_base": int(row["o200k_base"]),
                                                   "cl100k_base": int(row["cl100k_base"])}
    for row in read_tsv(os.path.join(shared, "corpora", "flores200-dev-family-counts.tsv")):
        for name in ("qwen2", "qwen3.5", "deepseek-v4", "tekken"):
            counts[(row["language"], row["index"])][name] = int(row[name])
    return [(language, c) for (language, _), c in counts.items()]


def is_latin_text(text):
    """Letters only from Latin blocks (ASCII, Latin-1, Latin Extended), at least one of them."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in letters)


def eval_counts(shared, preflight):
    """[(script or None, {encoding: count})] for every ../shared/eval prompt that is Latin or has no letters."""
    prompts = []
    for name in sorted(os.listdir(os.path.join(shared, "eval"))):
        with open(os.path.join(shared, "eval", name), encoding="utf-8") as f:
            for line in f:
                prompt = json.loads(line).get("prompt")
                if isinstance(prompt, str) and prompt.strip():
                    if is_latin_text(prompt):
                        prompts.append(("Latin", prompt))
                    elif not any(ch.isalpha() for ch in prompt):
                        prompts.append((None, prompt))
    server = subprocess.Popen([preflight, "serve", "--models-dir", os.path.join(ROOT, "models")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                                   "params": {"processId": None, "capabilities": {}}}) + "\n")
    server.stdin.flush()
    json.loads(server.stdout.readline())
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "initialized", "params": {}}) + "\n")
    server.stdin.flush()
    result = []
    request_id = 0
    for script, prompt in prompts:
        counts = {}
        for encoding in ["o200k_base"] + VOCABULARIES:
            request_id += 1
            server.stdin.write(json.dumps({"jsonrpc": "2.0", "id": request_id, "method": "preflight/countTokens",
                                           "params": {"text": prompt, "tokenizer": encoding}}) + "\n")
            server.stdin.flush()
            reply = json.loads(server.stdout.readline())
            assert reply["result"]["exact"], reply
            counts[encoding] = reply["result"]["tokens"]
        result.append((script, counts))
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "id": request_id + 1, "method": "shutdown"}) + "\n")
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "exit"}) + "\n")
    server.stdin.close()
    server.wait()
    return result


def r3(x):
    return round(x, 3)


def main():
    shared, preflight = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
    texts = []   # (scripts, counts, is_english)
    for language, counts in flores(shared):
        texts.append((FLORES_SCRIPTS[language.split("_")[1]], counts, language == "eng_Latn"))
    evaluated = eval_counts(shared, preflight) if preflight else []
    for script, counts in evaluated:
        texts.append(([script] if script else [], counts, False))
    tables = []
    for vocabulary in VOCABULARIES:
        groups = collections.defaultdict(list)
        every = []
        english = [0, 0]
        for scripts, counts, is_english in texts:
            if counts["o200k_base"] == 0:
                continue
            pair = (counts[vocabulary], counts["o200k_base"])
            every.append(pair)
            for script in scripts:
                groups[script].append(pair)
            if is_english:
                english[0] += pair[0]
                english[1] += pair[1]
        by_script = {}
        for script, pairs in sorted(groups.items()):
            ratios = [a / b for a, b in pairs]
            point = english[0] / english[1] if script == "Latin" else sum(a for a, _ in pairs) / sum(b for _, b in pairs)
            by_script[script] = {"ratio": r3(point), "low": r3(min(ratios) * (1 - WIDEN)),
                                 "high": r3(max(ratios) * (1 + WIDEN)), "texts": len(pairs)}
        ratios = [a / b for a, b in every]
        tables.append({
            "vocabulary": vocabulary,
            "default": {"ratio": by_script["Latin"]["ratio"], "low": r3(min(ratios) * (1 - WIDEN)),
                        "high": r3(max(ratios) * (1 + WIDEN)), "texts": len(every)},
            "digitRunHigh": 3.0 if vocabulary in SINGLE_DIGIT else 1.0,
            "byScript": by_script,
        })
    document = {
        "what": "per script, the interval of (vocabulary's count ÷ o200k_base's count) over single texts: FLORES-200 "
                "dev sentences (../shared reference counts) and ../shared/eval prompts in Latin script or without "
                f"letters ({len(evaluated)} prompts, counted by preflight's exact encodings), lowest and highest "
                "widened by 3%; ratio = the script's total ratio (English's for Latin); default = every text; "
                "digitRunHigh = the highest ratio of a run of ASCII digits (structural: o200k_base groups three)",
        "made": "python3 scripts/fit-vocabulary-ratios.py ../shared .build/release/preflight",
        "tables": tables,
    }
    with open(os.path.join(ROOT, "models/calibration/vocabulary-ratios.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, ensure_ascii=False)
        f.write("\n")
    lines = ["// Generated by scripts/fit-vocabulary-ratios.py from the same run as",
             "// models/calibration/vocabulary-ratios.json; do not edit.", "",
             "extension VocabularyRatioTable {",
             "    /// The measured tables, one per exact vocabulary other than o200k_base.",
             "    public static let builtIn: [VocabularyRatioTable] = ["]
    for table in tables:
        d = table["default"]
        lines.append(f"        VocabularyRatioTable(")
        lines.append(f"            vocabulary: \"{table['vocabulary']}\", digitRunHigh: {table['digitRunHigh']},")
        lines.append(f"            defaultRatio: VocabularyRatio({d['ratio']}, low: {d['low']}, high: {d['high']}),")
        lines.append("            byScript: [")
        for script, v in table["byScript"].items():
            case = script[0].lower() + script[1:]
            lines.append(f"                .{case}: VocabularyRatio({v['ratio']}, low: {v['low']}, high: {v['high']}),")
        lines.append("            ]),")
    lines += ["    ]", "}", ""]
    with open(os.path.join(ROOT, "Sources/Tokenizers/VocabularyRatioTableData.swift"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    for table in tables:
        print(table["vocabulary"], "default", table["default"], "Latin", table["byScript"]["Latin"])


if __name__ == "__main__":
    main()
