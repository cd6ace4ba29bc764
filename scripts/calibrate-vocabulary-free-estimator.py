#!/usr/bin/env python3
"""Fits VocabularyFreeEstimator to FLORES-200 dev, cross-validates it and writes its tables.

    TIKTOKEN_CACHE_DIR=... PY scripts/calibrate-vocabulary-free-estimator.py [SHARED_DIR]

PY is a Python with tiktoken 0.14.0, numpy and scipy (e.g. `python3 -m venv --system-site-packages
/tmp/v && /tmp/v/bin/pip install tiktoken==0.14.0`, with the vocabulary cache that
../shared/tools/tiktoken-reference fills: TIKTOKEN_CACHE_DIR=~/.cache/tiktoken-reference/cache).
SHARED_DIR defaults to ../shared. Run by hand; make and CI never run it. Takes ~10 minutes.

Writes
  Sources/Tokenizers/VocabularyFreeEstimatorTables.swift   the shipped model (fitted on all dev)
  docs/estimator-cross-validation.tsv                      per-language cross-validated error
and prints the summary that ACCURACY.md quotes.

The model (mirrored exactly by VocabularyFreeEstimator.swift):
  1. Split the text into pieces: a run of letters (anything that is not ASCII digit, space or
     punctuation, nor in the punctuation ranges below), digits, punctuation or white space; one
     U+0020 before a letter or punctuation run belongs to that run, and line breaks right after a
     punctuation run are no piece (as in tiktoken's regexes).
  2. A piece found in the word table (the most frequent pieces of the fitting lines, with each
     encoding's exact token count of the piece alone) costs that count.
  3. Any other piece costs max(1, intercept + leading-space weight + sum of per-scalar weights),
     the weights fitted by least squares to the exact counts of the fitting lines' pieces that
     are not in the table: one weight per scalar class and a damped correction per code point
     seen often enough (so common Han characters cost ~1, rare ones ~2-3).
  4. Those fallback costs are scaled per script by how well the encoding handles the text's
     language, read from the table pieces the text contains: every table piece carries the log
     of (true ÷ fallback) over the unknown pieces of the languages it occurs in, and a weight
     (the share of its occurrences in its most frequent language; 0 below 0.3). The scale for a
     script is exp(sum(weight × log ratio) ÷ (sum(weight) + SHRINK)) over the text's table pieces
     of that script. This is what lets English (whose unknown words are still cheap) and Yoruba
     (whose unknown words are expensive) share one table.

Cross-validation: FLORES dev's articles (metadata_dev.tsv URLs) are dealt round-robin into 5
folds; each fold's sentences, in all 204 languages, are estimated by a model (table, weights and
ratios) fitted on the other four folds only. The error of a language is (sum of estimates − sum
of exact counts) ÷ sum of exact counts over its 997 sentences. The reported interval is the 5th
and 95th percentile of exact ÷ estimate over those held-out sentences. FLORES devtest is not used.
"""
import collections, math, os, sys, unicodedata
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import lsqr
import tiktoken

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared")
OUT = os.path.join(ROOT, "Sources", "Tokenizers", "VocabularyFreeEstimatorTables.swift")
TSV = os.path.join(ROOT, "docs", "estimator-cross-validation.tsv")
ENCODINGS = ["o200k_base", "cl100k_base"]

TABLE_SIZE = 30000      # pieces in the word table
MIN_FREQUENCY = 3       # a piece must occur this often in the fitting lines to be in it
CODEPOINT_SUPPORT = 50  # occurrences among unknown pieces for a code point to get its own weight
DAMP = 1.0              # ridge damping of the per-code-point corrections
PURITY = 0.3            # a table piece signals its language only above this share
SHRINK = 0.05           # pseudo-weight pulling a script's scale towards 1
FOLDS = 5

# Scalar classes of the per-class weights (ASCII ones first, then blocks; the rest is `other`).
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
NC = len(CLASSES)
OTHER = NC - 1
RANGES = sorted((lo, hi, len(ASCII) + i) for i, (_, rs) in enumerate(BLOCKS) for lo, hi in rs)
for (a, b, _), (c, d, _) in zip(RANGES, RANGES[1:]):
    assert b < c, "overlapping ranges"
LATIN_BUCKET = {0, 4, 5}  # ASCII letters, other Latin and combining marks are one script here

# Piece splitting: non-ASCII punctuation and spaces (everything else non-ASCII is a "letter").
PUNCTUATION_RANGES = [(0xA0, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2000, 0x206F), (0x3000, 0x303F),
                      (0xFF00, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65)]
SPACES = [0xA0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000]


def scalar_class(cp):
    if cp < 0x80:
        ch = chr(cp)
        if ch.isalpha(): return 0
        if ch.isdigit(): return 1
        if ch in " \t\n\r": return 2
        return 3
    lo, hi = 0, len(RANGES)
    while lo < hi:
        mid = (lo + hi) // 2
        if RANGES[mid][0] <= cp: lo = mid + 1
        else: hi = mid
    if lo > 0 and cp <= RANGES[lo - 1][1]: return RANGES[lo - 1][2]
    return OTHER


def piece_kind(cp):  # L letter, D digit, S space, P punctuation
    if cp < 0x80:
        ch = chr(cp)
        if ch.isalpha(): return "L"
        if ch.isdigit(): return "D"
        if ch in " \t\n\r": return "S"
        return "P"
    for lo, hi in PUNCTUATION_RANGES:
        if lo <= cp <= hi: return "S" if cp in SPACES else "P"
    return "L"


def split(text):
    kinds = [piece_kind(ord(c)) for c in text]
    out, i, n, previous = [], 0, len(text), None
    while i < n:
        k, j = kinds[i], i + 1
        if text[i] == " " and j < n and kinds[j] in "LP":
            k = kinds[j]
            j += 1
        while j < n and kinds[j] == k: j += 1
        # Line breaks right after punctuation belong to its token in both encodings: no piece.
        if not (k == "S" and previous == "P" and all(c in "\r\n" for c in text[i:j])):
            out.append(text[i:j])
        previous = k
        i = j
    return out


# The table's numbers are stored one character each (the base64 alphabet, 0-63): token counts
# as they are (capped at 63), log ratios in steps of LOG_STEP around 0, language weights in 63rds.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
LOG_STEP = 0.05


def quantize_log(values):
    return np.clip(np.round(values / LOG_STEP), -32, 31) * LOG_STEP


def quantize_signal(values):
    return np.round(values * 63) / 63


def writable(piece):
    """Whether the piece can be a line of the table's raw string literal as it is."""
    return (all(c.isprintable() or c == " " for c in piece) and '"#' not in piece
            and not unicodedata.category(piece[0]).startswith("M"))


def bucket(piece):
    rest = piece.lstrip(" ")
    b = scalar_class(ord(rest[0])) if rest else 2
    return 0 if b in LATIN_BUCKET else b


def load():
    corpus = os.path.join(SHARED, "corpora", "flores200-dev")
    langs = sorted(f[:-4] for f in os.listdir(corpus) if f.endswith(".dev"))
    urls = [l.split("\t")[0] for l in open(os.path.join(corpus, "metadata_dev.tsv"), encoding="utf-8").read().split("\n")[1:] if l]
    article, fold = {}, []
    for u in urls:
        article.setdefault(u, len(article))
        fold.append(article[u] % FOLDS)
    reference = {}
    with open(os.path.join(SHARED, "corpora", "flores200-dev-counts.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            reference[(r[col["language"]], int(r[col["index"]]))] = [int(r[col[e]]) for e in ENCODINGS]
    encoders = [tiktoken.get_encoding(e) for e in ENCODINGS]
    piece_id, pieces, sentences = {}, [], []  # sentence: (language index, fold, exact counts, piece ids)
    for li, lang in enumerate(langs):
        with open(os.path.join(corpus, lang + ".dev"), encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        if lines[-1] == "": lines.pop()
        assert len(lines) == len(fold), lang
        for i, text in enumerate(lines):
            ids = []
            for p in split(text):
                if p not in piece_id:
                    piece_id[p] = len(pieces)
                    pieces.append(p)
                ids.append(piece_id[p])
            sentences.append((li, fold[i], reference[(lang, i)], np.array(ids, np.int64)))
        print(f"  {lang}: {len(pieces)} distinct pieces so far", file=sys.stderr, flush=True)
    exact = np.array([[len(e.encode_ordinary(p)) for e in encoders] for p in pieces], np.float64)
    return langs, pieces, exact, sentences


def features(pieces):
    rows, cols, vals, cps = [], [], [], {}
    for i, p in enumerate(pieces):
        counts = collections.Counter()
        for ch in p:
            o = ord(ch)
            counts[scalar_class(o)] += 1
            if o >= 0x80:
                counts[NC + 2 + cps.setdefault(o, len(cps))] += 1
        counts[NC] += 1                      # intercept
        if p[0] == " ": counts[NC + 1] += 1  # leading space
        for c, v in counts.items():
            rows.append(i); cols.append(c); vals.append(v)
    x = sp.csr_matrix((np.array(vals, np.float64), (rows, cols)), shape=(len(pieces), NC + 2 + len(cps)))
    return x, sorted(cps, key=cps.get)


def fit(x, codepoints, exact, buckets, sentences, nl):
    """The model fitted on `sentences`: table mask, per-encoding weights, fallback costs, ratios."""
    occurrences = np.concatenate([s[3] for s in sentences])
    languages = np.concatenate([np.full(len(s[3]), s[0]) for s in sentences])
    freq = np.bincount(occurrences, minlength=len(exact))
    candidates = np.where((freq >= MIN_FREQUENCY) & WRITABLE & (exact.max(1) <= 63))[0]
    order = candidates[np.lexsort((candidates, -freq[candidates]))]
    table = np.zeros(len(exact), bool)
    table[order[:TABLE_SIZE]] = True
    unknown = (freq > 0) & ~table
    count = freq[unknown].astype(np.float64)
    support = np.asarray(x[unknown].multiply(count[:, None]).sum(0)).ravel()
    keep = np.ones(x.shape[1], bool)
    keep[NC + 2:] = support[NC + 2:] >= CODEPOINT_SUPPORT
    xk = x[:, keep]
    kept_codepoints = [cp for cp, k in zip(codepoints, keep[NC + 2:]) if k]
    a = sp.diags(np.sqrt(count)) @ xk[unknown]
    in_unknown = unknown[occurrences]
    in_table = table[occurrences]
    key = occurrences[in_table] * nl + languages[in_table]
    uniq, per = np.unique(key, return_counts=True)
    word, lang = uniq // nl, uniq % nl
    total = np.bincount(word, weights=per, minlength=len(exact))
    top = np.zeros(len(exact)); np.maximum.at(top, word, per)
    purity = np.where(total > 0, top / np.maximum(total, 1), 0.0)
    signal = quantize_signal(np.where(purity >= PURITY, purity, 0.0))
    models = []
    for e in range(len(ENCODINGS)):
        y = exact[unknown, e] * np.sqrt(count)
        base = lsqr(a[:, :NC + 2], y, atol=1e-10, btol=1e-10)[0]
        correction = lsqr(a[:, NC + 2:], y - a[:, :NC + 2] @ base, damp=DAMP)[0]
        weights = np.concatenate([base, correction])
        for c in range(NC):  # classes the fitting lines never show: one token per scalar
            if support[c] == 0: weights[c] = 1.0
        fallback = np.maximum(1.0, xk @ weights)
        num = np.bincount(languages[in_unknown], weights=exact[occurrences[in_unknown], e], minlength=nl)
        den = np.bincount(languages[in_unknown], weights=fallback[occurrences[in_unknown]], minlength=nl)
        log_ratio = np.log(np.where(den > 0, num / np.maximum(den, 1e-9), 1.0))
        carried = np.bincount(word, weights=per * log_ratio[lang], minlength=len(exact))
        carried = quantize_log(np.where(total > 0, carried / np.maximum(total, 1), 0.0))
        models.append((weights, fallback, carried))
    return table, kept_codepoints, signal, models


def estimate(ids, e, table, signal, model, exact, buckets):
    _, fallback, carried = model
    hit = table[ids]
    tokens = exact[ids[hit], e].sum()
    unknown = ids[~hit]
    if len(unknown):
        hb, hr, hw = buckets[ids[hit]], carried[ids[hit]], signal[ids[hit]]
        ub = buckets[unknown]
        for b in np.unique(ub):
            sel = hb == b
            scale = math.exp((hr[sel] * hw[sel]).sum() / (hw[sel].sum() + SHRINK))
            tokens += fallback[unknown[ub == b]].sum() * scale
    return tokens


def main():
    langs, pieces, exact, sentences = load()
    nl = len(langs)
    x, codepoints = features(pieces)
    buckets = np.array([bucket(p) for p in pieces], np.int16)
    global WRITABLE
    WRITABLE = np.array([writable(p) for p in pieces], bool)
    # Cross-validation.
    truth = np.zeros((len(ENCODINGS), nl)); est = np.zeros((len(ENCODINGS), nl))
    ratios = [[] for _ in ENCODINGS]
    for k in range(FOLDS):
        train = [s for s in sentences if s[1] != k]
        table, _, signal, models = fit(x, codepoints, exact, buckets, train, nl)
        for s in sentences:
            if s[1] != k: continue
            for e in range(len(ENCODINGS)):
                guess = max(1.0, estimate(s[3], e, table, signal, models[e], exact, buckets))
                truth[e, s[0]] += s[2][e]; est[e, s[0]] += guess
                ratios[e].append(s[2][e] / guess)
        print(f"  fold {k + 1}/{FOLDS} done", file=sys.stderr, flush=True)
    error = (est - truth) / truth
    intervals = [(float(np.quantile(r, 0.05)), float(np.quantile(r, 0.95))) for r in ratios]
    with open(TSV, "w", encoding="utf-8") as f:
        f.write("language\t" + "\t".join(f"{e} exact\t{e} estimate\t{e} error" for e in ENCODINGS) + "\n")
        for li, lang in enumerate(langs):
            f.write(lang + "".join(f"\t{int(truth[e, li])}\t{est[e, li]:.0f}\t{error[e, li]:+.4f}" for e in range(len(ENCODINGS))) + "\n")
    for e, enc in enumerate(ENCODINGS):
        within = int((abs(error[e]) <= 0.10).sum())
        worst = np.argsort(-abs(error[e]))[:10]
        print(f"{enc}: {within} of {nl} languages within 10% (cross-validated); English {error[e, langs.index('eng_Latn')]:+.1%}; "
              f"median |error| {np.median(abs(error[e])):.1%}; interval (exact ÷ estimate, 5-95% of held-out sentences) "
              f"{intervals[e][0]:.3f}-{intervals[e][1]:.3f}")
        print("  worst ten: " + ", ".join(f"{langs[i]} {error[e, i]:+.1%}" for i in worst))
    # The shipped model: fitted on every dev sentence.
    table, kept, signal, models = fit(x, codepoints, exact, buckets, sentences, nl)
    write_swift(pieces, exact, table, kept, signal, models, intervals)


def write_swift(pieces, exact, table, kept, signal, models, intervals):
    entries = []
    for i in np.where(table)[0]:
        p = pieces[i]
        entries.append(p + "\t" + "".join(DIGITS[v] for v in (
            int(exact[i, 0]), int(exact[i, 1]), int(round(models[0][2][i] / LOG_STEP)) + 32,
            int(round(models[1][2][i] / LOG_STEP)) + 32, int(round(signal[i] * 63)))))
    def doubles(values):
        return ", ".join(f"{v:.4f}" for v in values)
    lines = ["// Generated by scripts/calibrate-vocabulary-free-estimator.py from FLORES-200 dev and tiktoken",
             "// 0.14.0's counts of its pieces (o200k_base, cl100k_base). Do not edit by hand.", "",
             "extension VocabularyFreeEstimator {",
             "    /// Scalar classes, in the order of the class weights.",
             "    static let classNames: [String] = [" + ", ".join(f'"{c}"' for c in CLASSES) + "]", "",
             "    /// Non-ASCII class ranges (first, last, class), sorted; other scalars are class `other`.",
             "    static let classRanges: [(UInt32, UInt32, UInt8)] = ["]
    lines += [f"        (0x{lo:X}, 0x{hi:X}, {c})," for lo, hi, c in RANGES]
    lines += ["    ]", "",
              f"    /// Pseudo-weight pulling a script's scale towards 1 (see `EstimatorCalibration`).",
              f"    static let scaleShrink = {SHRINK}", "",
              "    /// Step of the word table's quantised log ratios.",
              f"    static let logRatioStep = {LOG_STEP}", ""]
    for e, enc in enumerate(ENCODINGS):
        ident = "o200k" if enc == "o200k_base" else "cl100k"
        weights = models[e][0]
        lines.append(f"    /// {enc}: tokens per scalar of each class, then the intercept and the leading-space weight.")
        lines.append(f"    static let {ident}ClassWeights: [Double] = [" + doubles(weights[:NC + 2]) + "]")
        lines.append(f"    /// {enc}: 5th and 95th percentile of exact ÷ estimated tokens on held-out sentences.")
        lines.append(f"    static let {ident}Interval: (low: Double, high: Double) = ({intervals[e][0]:.4f}, {intervals[e][1]:.4f})")
        lines.append("")
    lines.append("    /// Code points with their own weight: `code point (hex) TAB o200k correction TAB cl100k correction`,")
    lines.append("    /// added to the class weight of the scalar.")
    lines.append('    static let codePointWeights = """')
    for j, cp in enumerate(kept):
        lines.append(f"{cp:X}\t{models[0][0][NC + 2 + j]:.3f}\t{models[1][0][NC + 2 + j]:.3f}")
    lines.append('"""')
    lines.append("")
    lines.append("    /// The word table, in order of first appearance: `piece TAB` five base64 digits (0-63): o200k tokens,")
    lines.append("    /// cl100k tokens, o200k and cl100k log ratio (digit - 32, times `logRatioStep`) and language")
    lines.append("    /// weight (digit ÷ 63); see `EstimatorModel`.")
    lines.append('    static let wordTable = #"""')
    lines += entries
    lines.append('"""#')
    lines.append("}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(entries)} table pieces, {len(kept)} code point weights, {os.path.getsize(OUT)} bytes")


main()
