# -*- coding: utf-8 -*-
"""Feature extraction for the Preflight complexity scorer (reference implementation; the Swift
port must reproduce it exactly — every step is a linear scan, a small lexicon lookup or a count).

Pipeline for one prompt `text` (a sequence of Unicode scalars; offsets below are scalar indices
and are converted to UTF-8 / UTF-16 offsets only when evidence is reported):

 1. lower = per-scalar simple lowercase (a scalar whose lowercase is not exactly one scalar is
    kept as is, so offsets never shift).
 2. FEW-SHOT SPLIT. An *answered example* is: an answer label (ANSWER_LABELS; Latin/Cyrillic
    labels must start a word, the one-letter label "a" must start a line) followed by optional
    spaces/tabs, ':' or '：', optional spaces/tabs, at most one newline, a non-empty answer of at
    most 40 scalars without newline, a newline, optional spaces/tabs and a second newline.
    k = number of answered examples; the FOCUS is the text after the end of the last one (the
    whole text when k = 0). All features except the `total*`/`fewshot` ones are computed on the
    focus: few-shot prompts are judged by the question actually asked.
 3. WORDS. A word is a maximal run of scalars whose general category is L* or M*, excluding Han,
    Hiragana and Katakana scalars (each of those counts 0.6 "units" instead of being a word);
    an apostrophe (' or ’) or hyphen between two word scalars stays inside the word. Digits are
    not word scalars. units = words + 0.6 * CJK scalars.
 4. LEXICONS (lexicons.py): whole-word, stem ("x*") and phrase entries are matched on the word
    sequence; CJK/Hangul entries and "~" entries are matched as substrings of `lower`. Each
    category's count is the number of distinct match start positions.
 5. STRUCTURE: numbers, sentences, lines, list items, multiple-choice options, cloze blanks,
    math symbols, algebraic patterns, code lines, code symbols, identifiers (all defined below).
 6. Every feature is squashed into 0..1 with sat(c, k) = c / (c + k) or a log scale; the
    dimensions are fixed convex combinations of features (weights in DIM_WEIGHTS).
"""
import math
import re
import unicodedata

from lexicons import LEX, ANSWER_LABELS, CATEGORIES

# ------------------------------------------------------------------------------------------
# character classes


def is_cjk(ch):
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF) or (0x3400 <= o <= 0x4DBF) or (0x4E00 <= o <= 0x9FFF) or \
        (0xF900 <= o <= 0xFAFF) or (0x20000 <= o <= 0x2FA1F)


def is_hangul(ch):
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def is_word_char(ch):
    if is_cjk(ch):
        return False
    c = unicodedata.category(ch)
    return c[0] == "L" or c[0] == "M"


def lower_keep_offsets(text):
    out = []
    for ch in text:
        lo = ch.lower()
        out.append(lo if len(lo) == 1 else ch)
    return "".join(out)


def sat(c, k):
    return c / (c + k) if c > 0 else 0.0


def logscale(c, top):
    """log(1+c)/log(1+top), capped at 1."""
    return min(1.0, math.log1p(max(0.0, c)) / math.log1p(top))


# ------------------------------------------------------------------------------------------
# lexicon compilation (done once at load; the Swift port builds a byte trie from the same lists)


def _entry_kind(e):
    if e.startswith("~"):
        return "sub", e[1:]
    if is_cjk(e[0]) or is_hangul(e[0]):
        return "sub", e
    return "words", e


class Lexicon:
    def __init__(self):
        self.first_exact = {}   # first token (exact) -> [(cat, tokens, entry)]
        self.first_stem = {}    # first token stem -> [(cat, tokens, entry)]
        self.subs = {}          # substring -> [cat]
        self.max_stem = 0
        for cat, langs in LEX.items():
            for lang, entries in langs.items():
                for e in entries:
                    kind, s = _entry_kind(e)
                    if kind == "sub":
                        self.subs.setdefault(s, set()).add(cat)
                        continue
                    toks = s.split()
                    first = toks[0]
                    if first.endswith("*"):
                        st = first[:-1]
                        self.first_stem.setdefault(st, []).append((cat, toks, e))
                        self.max_stem = max(self.max_stem, len(st))
                    else:
                        self.first_exact.setdefault(first, []).append((cat, toks, e))
        self.sub_by_first = {}
        for s, cats in self.subs.items():
            self.sub_by_first.setdefault(s[0], []).append((s, sorted(cats)))

    @staticmethod
    def _tok_match(pattern, word):
        if pattern.endswith("*"):
            return word.startswith(pattern[:-1])
        return word == pattern

    def match(self, lower, words):
        """words: list of (start, end, word). Returns list of (cat, start, end, entry)."""
        hits = []
        seen = set()
        n = len(words)
        for i, (s, e, w) in enumerate(words):
            cands = list(self.first_exact.get(w, ()))
            for k in range(1, min(len(w), self.max_stem) + 1):
                cands.extend(self.first_stem.get(w[:k], ()))
            for cat, toks, entry in cands:
                if i + len(toks) > n:
                    continue
                ok = all(self._tok_match(toks[j], words[i + j][2]) for j in range(1, len(toks)))
                if not ok:
                    continue
                key = (cat, s)
                if key in seen:
                    continue
                seen.add(key)
                hits.append((cat, s, words[i + len(toks) - 1][1], entry))
        for pos, ch in enumerate(lower):
            for sub, cats in self.sub_by_first.get(ch, ()):
                if lower.startswith(sub, pos):
                    for cat in cats:
                        key = (cat, pos)
                        if key in seen:
                            continue
                        seen.add(key)
                        hits.append((cat, pos, pos + len(sub), sub))
        return hits


LEXICON = Lexicon()

# ------------------------------------------------------------------------------------------
# regular structures (each is a simple scan; regexes here are for brevity)

_LATIN_LABELS = [l for l in ANSWER_LABELS if l != "a" and all(ord(c) < 0x0600 for c in l)]
_OTHER_LABELS = [l for l in ANSWER_LABELS if l not in _LATIN_LABELS and l != "a"]
FEWSHOT_RE = re.compile(
    r"(?:\b(?:" + "|".join(map(re.escape, _LATIN_LABELS)) + r")|" + "|".join(map(re.escape, _OTHER_LABELS))
    + r"|^a)[ \t]*[:：][ \t]*\n?[ \t]*[^\n]{1,40}\n[ \t]*\n", re.M)
NUMBER_RE = re.compile(r"\d+(?:[.,:]\d+)*")
OPTION_RE = re.compile(r"^[ \t]*[\(\[]?([A-Ha-h1-8])[\)\]\.:：][ \t]+(\S[^\n]*)$", re.M)
BULLET_RE = re.compile(r"^[ \t]*(?:[-*•·▪–]|\d{1,2}[.)、]|[a-z][)])[ \t]+\S", re.M)
CLOZE_RE = re.compile(r"(?<![\w])_{1,}(?![\w])")
MATH_SYM = set("=+×÷^√∫∑∏≤≥≠±∞πθ∂∆∈∉⊂⊆∪∩∀∃→⇒⇔≈≡°²³½¼¾")
LATEX_RE = re.compile(r"\\[a-zA-Z]+|\$[^$\n]{1,80}\$")
ALGEBRA_RE = re.compile(
    r"(?<![a-z])[a-z]\s*[\^²³=<>≤≥]|\d[a-z](?![a-z])|(?<![a-z])[a-z]\([a-z0-9, ]{1,12}\)|[a-z]_\{?\d|\|[a-z]\|")
ARITH_RE = re.compile(r"\d\s*[-+*/×÷=^]\s*\d")
SENT_END = set(".!?。！？؟।\n")
CODE_CHARS = set("{}()[];=<>")
CODE_START_RE = re.compile(
    r"^[ \t]*(?:def |class |return\b|import |from \w+ import|for |while |if\s*\(|elif |else:|#include|public |"
    r"private |function\b|const |let |var |fn |func |select |insert |update |print\(|console\.|@\w+|//|/\*|#!)",
    re.I)
# Keyword starts that are also ordinary words ("for a", "while the", "class of", "let me",
# "import duties", "select the"): a hard-wrapped prose line may start with one, so they count as
# code only when the line reads as code -- a code character ({}()[];=<>) or a final ':'. The
# statement words (return, import, select, insert, update) also count on a short line (at most 6
# words) that does not end like a sentence or a clause ("import numpy as np", "SELECT * FROM t").
PROSE_START_RE = re.compile(
    r"^[ \t]*(?:class |for |while |public |private |function\b|const |let |var )", re.I)
STATEMENT_START_RE = re.compile(r"^[ \t]*(?:return\b|import |select |insert |update )", re.I)


def code_start(line):
    """CODE_START_RE at the start of `line`, with the prose-word starts held to the rule above."""
    if not CODE_START_RE.match(line):
        return False
    prose, statement = PROSE_START_RE.match(line), STATEMENT_START_RE.match(line)
    if not prose and not statement:
        return True
    st = line.strip()
    if any(ch in CODE_CHARS for ch in st) or st.endswith(":"):
        return True
    return bool(statement) and len(st.split()) <= 6 and st[-1] not in ".,!?;"


IDENT_RE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-zA-Z0-9]+\b")
QMARKS = set("?？؟")
MONEY = set("$€£¥₹₽%")


def split_fewshot(lower):
    last = 0
    k = 0
    for m in FEWSHOT_RE.finditer(lower):
        k += 1
        last = m.end()
    return k, last


def tokenize(lower, start=0, end=None):
    """Words of lower[start:end] as (s, e, word) with absolute offsets, and the CJK scalar count."""
    end = len(lower) if end is None else end
    words, cjk = [], 0
    i = start
    while i < end:
        ch = lower[i]
        if is_word_char(ch):
            j = i + 1
            while j < end:
                c = lower[j]
                if is_word_char(c):
                    j += 1
                elif c in "'’-" and j + 1 < end and is_word_char(lower[j + 1]):
                    j += 2
                else:
                    break
            words.append((i, j, lower[i:j]))
            i = j
        else:
            if is_cjk(ch):
                cjk += 1
            i += 1
    return words, cjk


def sentences(lower, start, end):
    """Sentence spans: split after a SENT_END scalar (a '.' between two digits does not split)."""
    spans = []
    s = start
    for i in range(start, end):
        ch = lower[i]
        if ch in SENT_END:
            if ch == "." and 0 < i < end - 1 and lower[i - 1].isdigit() and lower[i + 1].isdigit():
                continue
            if i + 1 > s and lower[s:i + 1].strip():
                spans.append((s, i + 1))
            s = i + 1
    if s < end and lower[s:end].strip():
        spans.append((s, end))
    return spans


# ------------------------------------------------------------------------------------------

FEATURE_NAMES = [
    # size & shape
    "len_focus", "len_total", "fewshot", "n_sent", "qmarks", "n_lines", "list_items", "longest_para",
    "mc", "mc_opt_len", "mc_numeric", "cloze", "short_prompt",
    # numbers & math structure
    "numbers", "num_sentences", "distinct_numbers", "money_pct", "decimals", "math_sym", "algebra",
    "arith", "latex",
    # code structure
    "code_fence", "code_lines", "code_sym", "identifiers",
    # lexicon categories (sat of counts)
] + ["lex_" + c for c in CATEGORIES] + [
    # a few interactions that express task kind
    "wordproblem", "mc_math", "mc_domain", "open_math", "open_reasoning", "simple_only", "creative_only",
    "explain_basic", "writing_only",
]

# routing-research-2: size and step features learned from word problems and exams measure how hard a
# *problem* is; in a writing-kind task (summarise / reply / translate / rewrite / extract / classify /
# reformat / creative / role-play) they measure the length of the payload instead. They are multiplied
# by (1 - writing_only) before the interactions and dimensions are computed.
WRITING_GATED = ["len_focus", "len_total", "n_sent", "list_items", "longest_para", "numbers", "num_sentences",
                 "distinct_numbers", "lex_stepwise"]

DIMENSIONS = ["reasoning", "multiStep", "math", "code", "constraints", "creativity", "domainKnowledge",
              "contextLength", "extraction"]

# dimension = clamp01(sum of weight * feature); fixed, hand-set (explanations, and model inputs)
DIM_WEIGHTS = {
    "reasoning": {"lex_reasoning": 0.45, "lex_proof": 0.6, "cloze": 0.25, "open_reasoning": 0.3,
                  "lex_ethics": 0.2, "qmarks": 0.1},
    "multiStep": {"num_sentences": 0.5, "lex_stepwise": 0.35, "list_items": 0.2, "wordproblem": 0.35,
                  "n_sent": 0.15},
    "math": {"lex_math": 0.45, "math_sym": 0.3, "algebra": 0.3, "arith": 0.2, "numbers": 0.15,
             "lex_proof": 0.2, "latex": 0.3, "wordproblem": 0.25},
    "code": {"lex_code": 0.5, "code_fence": 0.5, "code_lines": 0.5, "code_sym": 0.2, "identifiers": 0.3},
    "constraints": {"lex_constraint": 0.7, "list_items": 0.3},
    "creativity": {"lex_creative": 0.7, "lex_roleplay": 0.6, "lex_writing": 0.25},
    "domainKnowledge": {"lex_law": 0.6, "lex_medicine": 0.6, "lex_science": 0.5, "lex_econ": 0.45,
                        "lex_ethics": 0.3},
    "contextLength": {"ctx": 1.0},
    "extraction": {"lex_extraction": 0.7, "longest_para": 0.3},
}

# lexicon saturation constants: sat(count, K)
LEX_K = {"math": 2.0, "quantity": 4.0, "proof": 1.0, "reasoning": 3.0, "code": 2.0, "creative": 1.5,
         "roleplay": 1.0, "writing": 1.5, "extraction": 1.5, "simple": 1.5, "constraint": 3.0,
         "stepwise": 2.0, "law": 2.0, "medicine": 2.0, "science": 2.0, "ethics": 2.0, "econ": 2.0}

# which lexicon category feeds which dimension (evidence attribution)
CAT_DIM = {"math": "math", "quantity": "multiStep", "proof": "reasoning", "reasoning": "reasoning",
           "code": "code", "creative": "creativity", "roleplay": "creativity", "writing": "creativity",
           "extraction": "extraction", "constraint": "constraints", "stepwise": "multiStep",
           "law": "domainKnowledge", "medicine": "domainKnowledge", "science": "domainKnowledge",
           "ethics": "domainKnowledge", "econ": "domainKnowledge", "simple": None}


def extract(text, want_evidence=False):
    lower = lower_keep_offsets(text)
    n_total = len(lower)
    k_shot, fstart = split_fewshot(lower)
    fend = n_total
    focus = lower[fstart:fend]
    words, cjk = tokenize(lower, fstart, fend)
    total_words, total_cjk = (words, cjk) if fstart == 0 else tokenize(lower)
    units = len(words) + 0.6 * cjk
    units_total = len(total_words) + 0.6 * total_cjk
    ev = []  # (dimension, start, end, label, weight)

    f = {}
    f["len_focus"] = logscale(units, 1000)
    f["len_total"] = logscale(units_total, 20000)
    f["fewshot"] = sat(k_shot, 2)
    sents = sentences(lower, fstart, fend)
    f["n_sent"] = logscale(len(sents), 40)
    nq = sum(1 for ch in focus if ch in QMARKS)
    f["qmarks"] = sat(nq, 1)
    lines = [l for l in focus.split("\n") if l.strip()]
    f["n_lines"] = logscale(len(lines), 100)
    bullets = list(BULLET_RE.finditer(focus))
    # options: a run of option lines whose labels go A,B,C... (or 1,2,3) from the first
    opts = []
    for m in OPTION_RE.finditer(focus):
        lab = m.group(1).lower()
        expect = "a" if not opts else chr(ord(opts[-1][0]) + 1)
        if lab == expect or (lab.isdigit() and (lab == "1" if not opts else int(lab) == len(opts) + 1)):
            opts.append((lab if not lab.isdigit() else chr(ord("a") + int(lab) - 1), m))
        elif lab in ("a", "1"):
            opts = [("a", m)]
    is_mc = len(opts) >= 2
    n_list = max(0, len(bullets) - (len(opts) if is_mc else 0))
    f["list_items"] = sat(n_list, 4)
    paras = [p for p in re.split(r"\n[ \t]*\n", focus) if p.strip()]
    longest = max((len(tokenize(p)[0]) + 0.6 * tokenize(p)[1] for p in paras), default=0)
    f["longest_para"] = sat(max(0.0, longest - 60), 120)
    f["mc"] = 1.0 if is_mc else 0.0
    if is_mc:
        olens = [len(tokenize(m.group(2).lower())[0]) for _, m in opts]
        f["mc_opt_len"] = logscale(sum(olens) / len(olens), 40)
        numeric = sum(1 for _, m in opts if re.search(r"\d", m.group(2)))
        f["mc_numeric"] = numeric / len(opts)
    else:
        f["mc_opt_len"] = 0.0
        f["mc_numeric"] = 0.0
    cl = list(CLOZE_RE.finditer(focus))
    f["cloze"] = 1.0 if cl else 0.0
    f["short_prompt"] = 1.0 - sat(units, 12)
    if want_evidence and cl:
        ev.append(("reasoning", fstart + cl[0].start(), fstart + cl[0].end(), "fill-in-the-blank", 0.25))

    # numbers
    nums = list(NUMBER_RE.finditer(focus))
    # option labels like "1." in numbered lists are still numbers; that is fine (quantities)
    f["numbers"] = sat(len(nums), 4)
    nsent_num = 0
    for s, e in sents:
        if NUMBER_RE.search(lower, s, e) if False else NUMBER_RE.search(lower[s:e]):
            nsent_num += 1
    f["num_sentences"] = sat(nsent_num, 3)
    f["distinct_numbers"] = sat(len(set(m.group(0) for m in nums)), 4)
    f["money_pct"] = sat(sum(1 for ch in focus if ch in MONEY), 2)
    f["decimals"] = sat(sum(1 for m in nums if any(c in m.group(0) for c in ".,")), 2)
    msym = [i for i, ch in enumerate(focus) if ch in MATH_SYM]
    f["math_sym"] = sat(len(msym), 3)
    alg = list(ALGEBRA_RE.finditer(focus))
    f["algebra"] = sat(len(alg), 2)
    ar = list(ARITH_RE.finditer(focus))
    f["arith"] = sat(len(ar), 2)
    lx = list(LATEX_RE.finditer(text[fstart:fend]))
    f["latex"] = sat(len(lx), 2)
    if want_evidence:
        for m in (alg[:3] + ar[:2] + lx[:2]):
            ev.append(("math", fstart + m.start(), fstart + m.end(), "expression", 0.2))
        if nsent_num >= 2:
            for s, e in sents:
                m = NUMBER_RE.search(lower[s:e])
                if m:
                    ev.append(("multiStep", s + m.start(), s + m.end(), "quantity in a separate sentence", 0.1))

    # code
    f["code_fence"] = 1.0 if "```" in focus else 0.0
    ncode = 0
    first_code = None
    pos = fstart
    for line in text[fstart:fend].split("\n"):
        st = line.strip()
        if st:
            sym = sum(1 for ch in st if ch in CODE_CHARS)
            if code_start(line) or (sym >= 2 and sym / len(st) > 0.04 and
                                              (st[-1] in "{};:)" or line.startswith(("    ", "\t")))):
                ncode += 1
                if first_code is None:
                    first_code = (pos, pos + len(line))
        pos += len(line) + 1
    f["code_lines"] = sat(ncode, 3)
    f["code_sym"] = sat(sum(1 for ch in focus if ch in "{};") + focus.count("==") + focus.count("=>")
                        + focus.count("->") + focus.count("::"), 6)
    idents = list(IDENT_RE.finditer(text[fstart:fend]))
    f["identifiers"] = sat(len(idents), 2)
    if want_evidence:
        if f["code_fence"]:
            i = focus.find("```")
            ev.append(("code", fstart + i, fstart + i + 3, "code block", 0.5))
        if first_code:
            ev.append(("code", first_code[0], first_code[1], "code line", 0.3))
        for m in idents[:2]:
            ev.append(("code", fstart + m.start(), fstart + m.end(), "identifier", 0.15))

    # lexicons
    hits = LEXICON.match(lower, words) if fstart == 0 else \
        [h for h in LEXICON.match(lower, words) if h[1] >= fstart]
    counts = {c: 0 for c in CATEGORIES}
    for cat, s, e, entry in hits:
        counts[cat] += 1
    for c in CATEGORIES:
        f["lex_" + c] = sat(counts[c], LEX_K[c])

    # writing-kind task (pinned in the fit; gates the size/step features, see WRITING_GATED):
    #   task = min(1, 2 * max(lex_writing, lex_extraction, lex_creative, lex_roleplay))
    #   hard = max(min(1, 3 * lex_math), lex_proof, min(1, 3 * lex_code), code_lines, code_fence, algebra, latex)
    #   (one math or code word already gives 1: a word problem that mentions "letters" or "stories" is not a
    #   writing task; lex_proof stays soft because "proof*" also matches "proofread")
    #   writing_only = task * (1 - hard) * (1 - lex_reasoning) * (1 - mc) * (1 - cloze)
    task = max(f["lex_writing"], f["lex_extraction"], f["lex_creative"], f["lex_roleplay"])
    task = min(1.0, 2.0 * task)
    hard = max(min(1.0, 3.0 * f["lex_math"]), f["lex_proof"], min(1.0, 3.0 * f["lex_code"]), f["code_lines"], f["code_fence"], f["algebra"],
               f["latex"])
    f["writing_only"] = task * (1 - hard) * (1 - f["lex_reasoning"]) * (1 - f["mc"]) * (1 - f["cloze"])
    g = 1.0 - f["writing_only"]
    for k in WRITING_GATED:
        f[k] *= g

    # interactions (task kind)
    f["wordproblem"] = f["num_sentences"] * f["lex_quantity"] * (1 - f["mc"]) * (1 - f["code_lines"])
    f["mc_math"] = f["mc"] * max(f["lex_math"], f["math_sym"], f["algebra"], f["mc_numeric"])
    f["mc_domain"] = f["mc"] * max(f["lex_law"], f["lex_medicine"], f["lex_science"], f["lex_econ"])
    f["open_math"] = (1 - f["mc"]) * max(f["lex_math"], f["algebra"], f["arith"], f["latex"], f["lex_proof"])
    f["open_reasoning"] = (1 - f["mc"]) * max(f["lex_reasoning"], f["lex_proof"]) * (1 - f["lex_creative"])
    hard = max(f["lex_math"], f["lex_proof"], f["lex_reasoning"], f["lex_code"], f["numbers"],
               f["lex_constraint"], f["code_lines"])
    f["simple_only"] = f["lex_simple"] * (1 - hard)
    f["creative_only"] = max(f["lex_creative"], f["lex_roleplay"]) * \
        (1 - max(f["lex_math"], f["lex_code"], f["lex_proof"], f["code_lines"]))
    # "explain what an algorithm is": a basic question about a scary topic in a short prompt
    f["explain_basic"] = f["lex_simple"] * f["short_prompt"] * (1 - f["numbers"]) * (1 - f["code_lines"])

    ctx_tokens = units_total * 1.3
    ctx = 0.0 if ctx_tokens <= 500 else min(1.0, math.log(ctx_tokens / 500) / math.log(100))
    f["ctx"] = ctx

    dims = {}
    for d, ws in DIM_WEIGHTS.items():
        dims[d] = min(1.0, sum(w * f[k] for k, w in ws.items()))

    if want_evidence:
        for cat, s, e, entry in hits:
            d = CAT_DIM.get(cat)
            if d:
                ev.append((d, s, e, cat, round(DIM_WEIGHTS[d].get("lex_" + cat, 0.1) / max(1, counts[cat]), 3)))
        if ctx > 0.02:
            ev.append(("contextLength", 0, n_total, "%d estimated tokens" % ctx_tokens, ctx))
        if k_shot:
            ev.append(("contextLength", 0, fstart, "%d worked examples before the question" % k_shot, 0.0))
    vec = [f[n] for n in FEATURE_NAMES] + [dims[d] for d in DIMENSIONS]
    if want_evidence:
        return vec, f, dims, ev
    return vec


ALL_NAMES = FEATURE_NAMES + ["dim_" + d for d in DIMENSIONS]


def offsets(text, s, e):
    """Scalar offsets -> (utf8_start, utf8_end, utf16_start, utf16_end)."""
    def u8(i):
        return len(text[:i].encode("utf-8"))

    def u16(i):
        return len(text[:i].encode("utf-16-le")) // 2
    return u8(s), u8(e), u16(s), u16(e)


def explain(text):
    vec, f, dims, ev = extract(text, want_evidence=True)
    out = {"dimensions": {d: round(v, 3) for d, v in dims.items()}, "signals": []}
    for d, s, e, label, w in ev:
        if dims.get(d, 0) < 0.05:
            continue
        b8s, b8e, b16s, b16e = offsets(text, s, e)
        quote = text[s:e] if e - s <= 80 else text[s:s + 77] + "..."
        out["signals"].append({"dimension": d, "evidence": quote, "label": label, "weight": w,
                               "utf8": [b8s, b8e], "utf16": [b16s, b16e]})
    return out


if __name__ == "__main__":
    import json
    import sys
    t = sys.argv[1] if len(sys.argv) > 1 else "Prove that there are infinitely many primes p with p ≡ 3 (mod 4)."
    print(json.dumps(explain(t), ensure_ascii=False, indent=1))


# ------------------------------------------------------------------------------------------
# Hashed vocabulary (learned part). Only EXAM-STYLE prompts (multiple-choice options, a cloze
# blank, or worked few-shot examples) switch it on: subject vocabulary learned from exam rows is
# then applied to exam rows only and cannot move open-ended prompts.
#   token set = distinct focus words (step 3) of >= 2 scalars + distinct CJK scalar bigrams
#   index     = FNV-1a 32-bit of the token's UTF-8 bytes, mod HASH_SIZE
#   value     = 1 / sqrt(number of distinct tokens)   (summed if two tokens share an index)
HASH_SIZE = 4096


def fnv1a(s):
    h = 0x811C9DC5
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def exam_gate(f):
    return 1.0 if (f["mc"] > 0 or f["cloze"] > 0 or f["fewshot"] > 0) else 0.0


def hashed(text):
    lower = lower_keep_offsets(text)
    k, fstart = split_fewshot(lower)
    words, _ = tokenize(lower, fstart, len(lower))
    toks = set(w for _, _, w in words if len(w) >= 2)
    focus = lower[fstart:]
    for i in range(len(focus) - 1):
        if is_cjk(focus[i]) and is_cjk(focus[i + 1]):
            toks.add(focus[i:i + 2])
    if not toks:
        return {}
    v = 1.0 / math.sqrt(len(toks))
    out = {}
    for t in toks:
        j = fnv1a(t) % HASH_SIZE
        out[j] = out.get(j, 0.0) + v
    return out
