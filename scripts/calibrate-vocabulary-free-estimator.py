#!/usr/bin/env python3
"""Calibrates VocabularyFreeEstimator on FLORES-200 and writes its tables and error report.

    python3 scripts/calibrate-vocabulary-free-estimator.py [SHARED_DIR]   (default: ../shared)

Writes Sources/Tokenizers/VocabularyFreeEstimatorTables.swift (scalar class ranges and, per
encoding, tokens per scalar of each class) and prints the estimator's error per language as
Markdown (docs/TOKENIZERS.md quotes it). Run by hand; make and CI never run it.

Model: tokens ≈ Σ_class weight[class] × (scalars of that class), a least-squares fit over every
FLORES-200 dev line against tiktoken's counts in flores200-dev-counts.tsv. Classes are ASCII
letters/digits/space/punctuation, other Latin, combining marks and one per script block
(Unicode block ranges, not the Script property: cheap to test and good enough here). The
reported interval is the 5th–95th percentile of (true / estimate) over all lines.
"""
import bisect, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared")
OUT = os.path.join(HERE, "..", "Sources", "Tokenizers", "VocabularyFreeEstimatorTables.swift")

# (name, ranges). ASCII classes are handled separately (indices 0-3).
ASCII = ["asciiLetter", "asciiDigit", "asciiSpace", "asciiPunctuation"]
BLOCKS = [
    ("latinExtended", [(0x80, 0x2FF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF)]),
    ("combiningMark", [(0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]),
    ("greek", [(0x370, 0x3FF), (0x1F00, 0x1FFF)]),
    ("cyrillic", [(0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)]),
    ("armenian", [(0x530, 0x58F)]),
    ("hebrew", [(0x590, 0x5FF)]),
    ("arabic", [(0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]),
    ("devanagari", [(0x900, 0x97F), (0xA8E0, 0xA8FF)]),
    ("bengali", [(0x980, 0x9FF)]),
    ("gurmukhi", [(0xA00, 0xA7F)]),
    ("gujarati", [(0xA80, 0xAFF)]),
    ("oriya", [(0xB00, 0xB7F)]),
    ("tamil", [(0xB80, 0xBFF)]),
    ("telugu", [(0xC00, 0xC7F)]),
    ("kannada", [(0xC80, 0xCFF)]),
    ("malayalam", [(0xD00, 0xD7F)]),
    ("sinhala", [(0xD80, 0xDFF)]),
    ("thai", [(0xE00, 0xE7F)]),
    ("lao", [(0xE80, 0xEFF)]),
    ("tibetan", [(0xF00, 0xFFF)]),
    ("myanmar", [(0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)]),
    ("georgian", [(0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)]),
    ("hangul", [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)]),
    ("ethiopic", [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)]),
    ("tifinagh", [(0x2D30, 0x2D7F)]),
    ("khmer", [(0x1780, 0x17FF), (0x19E0, 0x19FF)]),
    ("olChiki", [(0x1C50, 0x1C7F)]),
    ("kana", [(0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF65, 0xFF9F)]),
    ("han", [(0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF)]),
    ("cjkPunctuation", [(0x3000, 0x303F), (0xFF00, 0xFF64), (0xFFA0, 0xFFEF)]),
    ("generalPunctuation", [(0x2000, 0x20CF), (0x2100, 0x2BFF)]),
    ("emoji", [(0x1F000, 0x1FAFF)]),
]
CLASSES = ASCII + [name for name, _ in BLOCKS] + ["other"]
OTHER = len(CLASSES) - 1
ranges = sorted((lo, hi, len(ASCII) + i) for i, (_, rs) in enumerate(BLOCKS) for lo, hi in rs)
for (a, b, _), (c, d, _) in zip(ranges, ranges[1:]):
    assert b < c, "overlapping ranges"
starts = [r[0] for r in ranges]


def classify(cp):
    if cp < 0x80:
        ch = chr(cp)
        if ch.isalpha(): return 0
        if ch.isdigit(): return 1
        if ch in " \t\n\r": return 2
        return 3
    i = bisect.bisect_right(starts, cp) - 1
    if i >= 0 and ranges[i][0] <= cp <= ranges[i][1]:
        return ranges[i][2]
    return OTHER


def features(line):
    f = [0] * len(CLASSES)
    for ch in line:
        f[classify(ord(ch))] += 1
    return f


def solve(a, b):  # Gaussian elimination with partial pivoting
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                k = m[r][c] / m[c][c]
                for j in range(c, n + 1):
                    m[r][j] -= k * m[c][j]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(rows, target):
    n = len(CLASSES)
    weights = [0.0] * n
    active = [True] * n
    for _ in range(10):  # refit without classes that come out negative (non-negative least squares, roughly)
        idx = [i for i in range(n) if active[i]]
        ata = [[0.0] * len(idx) for _ in idx]
        atb = [0.0] * len(idx)
        for f, y in zip(rows, target):
            fi = [f[i] for i in idx]
            for a, va in enumerate(fi):
                if va:
                    atb[a] += va * y
                    row = ata[a]
                    for b, vb in enumerate(fi):
                        if vb: row[b] += va * vb
        for a in range(len(idx)):
            ata[a][a] += 1e-3 + (1.0 if ata[a][a] == 0 else 0.0)  # ridge; unseen classes stay near 0
        sol = solve(ata, atb)
        weights = [0.0] * n
        for a, i in enumerate(idx): weights[i] = sol[a]
        negative = [i for i in idx if weights[i] < 0]
        if not negative: break
        for i in negative: active[i] = False; weights[i] = 0.0
    return weights


def quantile(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(q * (len(s) - 1))))]


def main():
    tsv = os.path.join(SHARED, "corpora", "flores200-dev-counts.tsv")
    with open(tsv, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        rows = [line.rstrip("\n").split("\t") for line in f]
    texts = {}
    feats, langs, counts = [], [], {"o200k_base": [], "cl100k_base": []}
    for r in rows:
        lang = r[col["language"]]
        if lang not in texts:
            with open(os.path.join(SHARED, "corpora", "flores200-dev", lang + ".dev"), encoding="utf-8", newline="") as f:
                texts[lang] = f.read().split("\n")
        feats.append(features(texts[lang][int(r[col["index"]])]))
        langs.append(lang)
        for enc in counts: counts[enc].append(int(r[col[enc]]))

    result = {}
    for enc, target in counts.items():
        w = fit(feats, target)
        for i, name in enumerate(CLASSES):  # classes FLORES never shows: one token per scalar
            if all(f[i] == 0 for f in feats): w[i] = 1.0
        est = [max(sum(a * b for a, b in zip(f, w)), 1e-9) for f in feats]
        ratios = [t / e for t, e in zip(target, est)]
        q05, q95 = quantile(ratios, 0.05), quantile(ratios, 0.95)
        per_line_err = [abs(e - t) / t for t, e in zip(target, est) if t]
        by_lang = {}
        for lang, t, e in zip(langs, target, est):
            a = by_lang.setdefault(lang, [0, 0.0])
            a[0] += t; a[1] += e
        lang_err = {l: (e - t) / t for l, (t, e) in by_lang.items()}
        result[enc] = (w, q05, q95, per_line_err, lang_err)

    # Swift tables.
    lines = ["// Generated by scripts/calibrate-vocabulary-free-estimator.py from FLORES-200 dev and",
             "// tiktoken 0.14.0's counts (../shared/corpora/flores200-dev-counts.tsv). Do not edit by hand.", "",
             "extension VocabularyFreeEstimator {",
             "    /// Scalar classes, in the order of the weight tables.",
             "    static let classNames: [String] = [" + ", ".join(f'"{c}"' for c in CLASSES) + "]", "",
             "    /// Non-ASCII class ranges (first, last, class), sorted; other scalars are class `other`.",
             "    static let classRanges: [(UInt32, UInt32, UInt8)] = ["]
    for lo, hi, c in ranges:
        lines.append(f"        (0x{lo:X}, 0x{hi:X}, {c}),")
    lines += ["    ]", ""]
    for enc, (w, q05, q95, per_line, _) in result.items():
        ident = "o200k" if enc == "o200k_base" else "cl100k"
        lines.append(f"    /// {enc}: tokens per scalar of each class (least squares over all FLORES-200 dev lines).")
        lines.append(f"    static let {ident}Weights: [Double] = [" + ", ".join(f"{x:.5f}" for x in w) + "]")
        lines.append(f"    /// {enc}: 5th and 95th percentile of true ÷ estimated tokens over those lines.")
        lines.append(f"    static let {ident}Interval: (low: Double, high: Double) = ({q05:.4f}, {q95:.4f})")
        lines.append("")
    lines[-1] = "}"
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")

    # Report.
    print("| encoding | lines within ±10% | median abs. error per line | 90th pct | interval (true ÷ estimate, 5–95%) | worst languages (error of the total) |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for enc, (w, q05, q95, per_line, lang_err) in result.items():
        within = sum(1 for e in per_line if e <= 0.10) / len(per_line)
        worst = sorted(lang_err.items(), key=lambda kv: -abs(kv[1]))[:4]
        print(f"| {enc} | {within:.0%} | {quantile(per_line, 0.5):.1%} | {quantile(per_line, 0.9):.1%} | "
              f"{q05:.2f}–{q95:.2f} | " + ", ".join(f"{l} {e:+.0%}" for l, e in worst) + " |")
    print()
    print("Per-language error of the total (estimate − true) ÷ true, o200k_base, by script of the language code:")
    lang_err = result["o200k_base"][4]
    by_script = {}
    for l, e in lang_err.items():
        by_script.setdefault(l.split("_")[1], []).append(abs(e))
    print("| script | languages | mean abs. error | max abs. error |")
    print("| --- | ---: | ---: | ---: |")
    for s, errs in sorted(by_script.items(), key=lambda kv: -len(kv[1])):
        print(f"| {s} | {len(errs)} | {sum(errs) / len(errs):.1%} | {max(errs):.1%} |")


main()
