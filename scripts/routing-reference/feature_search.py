"""Issue 8's search for transferable "hard for the weaker model, easy for the stronger" signal:
each candidate (extra feature columns, a lexicon change, another fit target) against the shipped
features in the same run, in-source 5-fold and leave-one-source-out, with a paired 95 % bootstrap
interval of the APGR difference (both scores resampled together). Prints the rows of ACCURACY.md's
"Tried and not adopted: new features and targets" table. Nothing here is shipped.

usage: python3 feature_search.py [--boot 300] [--only NAME] [--seeds] [--correlations]
       NAME: a variant below, joint-fit, hybrid-fit (also scores the two prompt suites) or unpinned
       (~1 min per variant; the lexicon variant re-extracts every row, ~2 min)
"""
import argparse, re
import numpy as np
import data, features, fit
import evaluate as E
from build import CFG

rows = data.load_rows()
X0 = data.feature_matrix(rows)
H = data.hashed_matrix(rows, X0)
src = np.array([r["source"] for r in rows])
N = features.ALL_NAMES
col = lambda n: X0[:, N.index(n)]
SETS = ["gsm8k", "mmlu", "arc-challenge", "winogrande", "mbpp", "alpacaeval", "pooled", "economy"]

NUMBER_WORDS = (r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                r"million|half|halves|twice|thrice|double|triple|quarter|quarters|thirds?|dozen)\b")
FRACTIONS = r"\d/\d|\bhalf\b|\bthirds?\b|\bquarters?\b|\bfourths?\b|\bfifths?\b|\btwice\b"
SPELLED_QUANTITIES = {  # the lexicon variant: added to the `quantity` category
    "en": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
           "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
           "sixty", "seventy", "eighty", "ninety", "hundred*", "thousand*", "million*", "billion*", "thirds",
           "fourth*", "fifth*", "tenth*", "two-thirds", "one-third", "one-half", "one-fourth", "one-fifth",
           "three-quarters", "three-fourths"],
    "es": ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "doce", "quince", "veinte",
           "treinta", "cuarenta", "cincuenta", "cien", "ciento*", "mil", "tercio*", "cuarto*"],
    "fr": ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze", "quinze", "vingt",
           "trente", "quarante", "cinquante", "cent", "cents", "mille", "tiers"],
    "de": ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf", "fünfzehn", "zwanzig",
           "dreißig", "vierzig", "fünfzig", "hundert", "tausend", "drittel", "viertel"],
    "pt": ["dois", "duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "doze", "quinze", "vinte",
           "trinta", "quarenta", "cinquenta", "cem", "mil", "terço*"],
    "ru": ["два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "двенадцать",
           "пятнадцать", "двадцать", "тридцать", "сорок", "пятьдесят", "сто", "тысяч*", "треть*", "четверт*"],
}


def subsets():
    out = {s: (np.nonzero(src == s)[0], "premium") for s in SETS[:6]}
    out["pooled"] = (np.nonzero(src != "alpacaeval")[0], "premium")
    out["economy"] = (np.nonzero(np.isin(src, list(E.RB)))[0], "economy")
    return out


def outcomes(idx, boundary):
    if boundary == "economy":
        return np.array([rows[i]["economy_correct"] for i in idx]), np.array([rows[i]["weak_correct"] for i in idx])
    return np.array([rows[i]["weak_correct"] for i in idx]), np.array([rows[i]["strong_correct"] for i in idx])


def oof(Xm, mode, seed=0):
    """Held-out scores; extra columns get prior 0 and are not pinned."""
    old = features.ALL_NAMES
    features.ALL_NAMES = list(old) + ["extra%d" % j for j in range(Xm.shape[1] - len(old))]
    try:
        return E.cv_scores(rows, Xm, CFG, mode, seed=seed, H=H)
    finally:
        features.ALL_NAMES = old


def compare(label, Xb, boot, base=None):
    print("##", label)
    for mode in ("insource", "loso"):
        sa = base[mode] if base else oof(X0, mode)
        sb = oof(Xb, mode)
        cells = []
        for k, (idx, bd) in subsets().items():
            sw, ss = outcomes(idx, bd)
            a = E.fast_curve(sw, ss, sa[idx])["apgr"]
            b = E.fast_curve(sw, ss, sb[idx])["apgr"]
            rng = np.random.default_rng(1)
            d = []
            for _ in range(boot):
                j = rng.integers(0, len(idx), len(idx))
                d.append(E.fast_curve(sw[j], ss[j], sb[idx][j], rng)["apgr"] - E.fast_curve(sw[j], ss[j], sa[idx][j], rng)["apgr"])
            cells.append("%s %.3f→%.3f %+.3f [%+.3f, %+.3f]" % (k, a, b, b - a, np.percentile(d, 2.5), np.percentile(d, 97.5)))
        print("  %-8s " % mode + " | ".join(cells), flush=True)


def open_prompt():
    return (1 - col("mc")) * (1 - col("code_lines"))


def count(pattern):
    return np.array([len(re.findall(pattern, r["prompt"].lower())) for r in rows], dtype=float)


def mc_item_format():
    def split(p):
        q = re.split(r"\n[ \t]*\n", p)[-1]
        lines = q.split("\n")
        is_opt = lambda l: re.match(r"^\s*\(?[A-Da-d][.)]\s", l)
        opts = [l for l in lines if is_opt(l)]
        stem = "\n".join(l for l in lines if not is_opt(l) and not l.lower().startswith(("answer", "print only")))
        return stem, opts

    def one(p):
        stem, opts = split(p)
        sl = stem.lower()
        return [features.logscale(len(stem.split()), 200),
                1.0 if re.search(r"\b(NOT|EXCEPT|LEAST)\b", stem) else 0.0,
                1.0 if "statement 1" in sl else 0.0,
                1.0 if opts and all(re.search(r"\d", o[3:]) for o in opts) else 0.0,
                1.0 if re.search(r"\b(I|II|III|IV)\b", " ".join(opts)) else 0.0,
                features.sat(len(re.findall(r"\b(i|my|me)\b", sl)), 2)]
    return np.array([one(r["prompt"]) for r in rows]) * col("mc")[:, None]


def lexicon_variant():
    import lexicons
    for lang, entries in SPELLED_QUANTITIES.items():
        have = lexicons.LEX["quantity"].setdefault(lang, [])
        have.extend(e for e in entries if e not in have)
    features.LEXICON = features.Lexicon()
    return np.array([features.extract(r["prompt"]) for r in rows], dtype=np.float64)


def target_variant(label, fn, boot):
    original = fit.targets

    def targets(rs, pref_scale=0.25, boundary="premium"):
        return np.array([fn(r) * (pref_scale if r["source"] in fit.PREF_SOURCES else 1.0) for r in rs])
    base = {m: oof(X0, m) for m in ("insource", "loso")}
    fit.targets = targets
    try:
        new = {m: oof(X0, m) for m in ("insource", "loso")}
    finally:
        fit.targets = original
    print("##", label)
    for mode in ("insource", "loso"):
        cells = []
        for k, (idx, bd) in subsets().items():
            sw, ss = outcomes(idx, bd)
            cells.append("%s %.3f→%.3f" % (k, E.fast_curve(sw, ss, base[mode][idx])["apgr"],
                                           E.fast_curve(sw, ss, new[mode][idx])["apgr"]))
        print("  %-8s " % mode + " | ".join(cells), flush=True)


def correlations():
    """Spearman rho of surface counts with the gain: GSM8K as is, MMLU within a subject (the gain
    minus its subject's mean, `domain` names the subject); Winogrande's univariate APGR range."""
    from scipy.stats import spearmanr
    idx = np.nonzero(src == "gsm8k")[0]
    gain = np.array([rows[i]["strong_correct"] - rows[i]["weak_correct"] for i in idx])
    prompts = [rows[i]["prompt"] for i in idx]
    counts = {
        "length (words)": lambda p: len(p.split()),
        "sentences": lambda p: len(re.findall(r"[.!?](\s|$)", p)),
        "decimals": lambda p: len(re.findall(r"\d\.\d", p)),
        "fractions": lambda p: len(re.findall(r"\d/\d|half|third|quarter|fourth|fifth", p.lower())),
        "spelled-out numbers": lambda p: len(re.findall(NUMBER_WORDS, p.lower())),
        "'how much'": lambda p: int("how much" in p.lower()),
        "four-digit numbers": lambda p: sum(1 for n in re.findall(r"\d[\d,]*\.?\d*", p) if len(n.replace(",", "")) >= 4),
        "percentages": lambda p: p.count("%") + p.lower().count("percent"),
        "rates": lambda p: len(re.findall(r"\bper\b|\beach\b|\bevery\b|/hour|an hour|a day|a week", p.lower())),
        "unit words": lambda p: len(re.findall(r"\b(feet|foot|inch|inches|yards?|miles?|meters?|cm|km|pounds?|ounces?|kg|grams?|gallons?|liters?|cups?)\b", p.lower())),
        "more/less/left": lambda p: len(re.findall(r"\b(more|less|fewer|than|remaining|left|rest)\b", p.lower())),
        "names (entities)": lambda p: len(set(re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+", p))),
        "conditionals": lambda p: len(re.findall(r"\b(if|but|after|before|then|until|while|when|instead|except)\b", p.lower())),
    }
    print("GSM8K (%d rows): Spearman rho with the gain" % len(idx))
    for name, f in counts.items():
        print("  %-22s %+.3f" % (name, spearmanr([f(p) for p in prompts], gain)[0]))
    idx = np.nonzero(src == "mmlu")[0]
    gain = np.array([rows[i]["strong_correct"] - rows[i]["weak_correct"] for i in idx])
    dom = np.array([rows[i]["domain"] for i in idx])
    means = {d: gain[dom == d].mean() for d in set(dom)}
    within = gain - np.array([means[d] for d in dom])

    def stem(p):
        q = re.split(r"\n[ \t]*\n", p)[-1]
        lines = [l for l in q.split("\n") if not re.match(r"^\s*\(?[A-Da-d][.)]\s", l) and not l.lower().startswith("answer")]
        return "\n".join(lines)
    stems = [stem(rows[i]["prompt"]) for i in idx]
    counts = {
        "stem length": lambda t: len(t.split()),
        "stem sentences": lambda t: len(re.findall(r"[.?!](\s|$)", t)),
        "digits in the stem": lambda t: len(re.findall(r"\d+", t)),
        "first person": lambda t: len(re.findall(r"\b(i|my|me)\b", t.lower())),
        "NOT/EXCEPT/LEAST": lambda t: int(bool(re.search(r"\b(NOT|EXCEPT|LEAST)\b", t))),
        "Statement 1 | 2": lambda t: int("statement 1" in t.lower()),
    }
    print("MMLU (%d rows): Spearman rho with the gain minus the subject's mean gain" % len(idx))
    for name, f in counts.items():
        print("  %-22s %+.3f" % (name, spearmanr([f(t) for t in stems], within)[0]))
    idx = np.nonzero(src == "winogrande")[0]
    sw, ss = outcomes(idx, "premium")
    ap = [E.fast_curve(sw, ss, X0[idx, j])["apgr"] for j in range(X0.shape[1]) if X0[idx, j].std() > 1e-9]
    print("Winogrande: univariate APGR of the %d varying features %.3f..%.3f" % (len(ap), min(ap), max(ap)))


def joint_fit_variant(lam_h):
    """One ridge over the dense features and the hashed exam vocabulary together (fit.fit_joint,
    the source-weighted rows of every source) instead of the shipped two stages."""
    cfg = {k: v for k, v in CFG.items() if k != "two_stage"}
    cfg.update(lam_h=lam_h, prior=fit.prior_vector(features.ALL_NAMES))
    fit.PIN_MASK = np.array([n in fit.PINNED for n in features.ALL_NAMES])
    print("## joint dense + hashed fit, hashed lambda %g" % lam_h)
    for mode in ("insource", "loso"):
        base = oof(X0, mode)
        new = E.cv_scores(rows, X0, cfg, mode, H=H)
        cells = []
        for k, (idx, bd) in subsets().items():
            sw, ss = outcomes(idx, bd)
            cells.append("%s %.3f→%.3f" % (k, E.fast_curve(sw, ss, base[idx])["apgr"], E.fast_curve(sw, ss, new[idx])["apgr"]))
        print("  %-8s " % mode + " | ".join(cells), flush=True)


def hybrid_train(lam_joint, keep_pins=False):
    """Stage 1's dense weights from the joint fit (the hashed block absorbs the exam rows'
    subject structure while the dense weights are fitted), then the shipped stage 2 on the
    residuals of exam rows. fit.fit_joint does not pin by default: keep_pins=False lets the pinned
    open-ended features (fit.PINNED) move, which is where its MBPP gain comes from."""
    def train(rs, Xm, Hm, cfg=None):
        cfg = dict(fit.DEFAULT_CFG, **(cfg or {}))
        y = fit.targets(rs, cfg["pref_scale"])
        w = fit.row_weights(rs, cfg.get("source_weight"), cfg["pref_weight"])
        fit.PIN_MASK = np.array([n in fit.PINNED for n in features.ALL_NAMES])
        keep = w > 0
        b, beta, _ = fit.fit_joint(Xm[keep], Hm[keep], y[keep], w[keep], cfg["lam"], lam_joint,
                                   fit.prior_vector(features.ALL_NAMES),
                                   pin_mask=fit.PIN_MASK if keep_pins else None)
        gate = np.asarray(Hm.sum(axis=1)).ravel() > 0
        res = y[gate] - fit.predict(Xm[gate], b, beta)
        _, _, gamma = fit.fit_joint(np.zeros((gate.sum(), 0)), Hm[gate], res, np.ones(gate.sum()), 0.0, cfg["lam_h"])
        return b, beta, gamma
    return train


def hybrid_variant(lam_joint, seeds=(0,), keep_pins=False):
    print("## hybrid: stage 1 from the joint fit (hashed lambda %g there, pins %s), shipped stage 2" % (
        lam_joint, "kept" if keep_pins else "not applied"))
    original = fit.train
    for seed in seeds:
        for mode in (("insource", "loso") if seed == 0 else ("insource",)):
            fit.train = original
            base = E.cv_scores(rows, X0, CFG, mode, seed=seed, H=H)
            fit.train = hybrid_train(lam_joint, keep_pins)
            try:
                new = E.cv_scores(rows, X0, CFG, mode, seed=seed, H=H)
            finally:
                fit.train = original
            cells = []
            for k, (idx, bd) in subsets().items():
                sw, ss = outcomes(idx, bd)
                cells.append("%s %.3f→%.3f" % (k, E.fast_curve(sw, ss, base[idx])["apgr"], E.fast_curve(sw, ss, new[idx])["apgr"]))
            print("  %-8s seed %d " % (mode, seed) + " | ".join(cells), flush=True)


def hybrid_suites():
    """The hybrid refitted on every row against the shipped two stages: regression and everyday
    prompts in range, with cuts at the same at95 shares (0.528 premium, 0.777 economy boundary),
    no escalation and no frontier rule (so premium counts for a premium..frontier or
    frontier-only range)."""
    import json, os
    import scipy.sparse as sp
    from build import squash, squash_params
    here = os.path.dirname(os.path.abspath(__file__))
    dev = np.nonzero(src != "alpacaeval")[0]
    rb = np.nonzero(np.isin(src, list(E.RB)))[0]
    tiers = ["economy", "standard", "premium", "frontier"]
    for name, train in (("shipped two stages", fit.train), ("hybrid", hybrid_train(1e-2)),
                        ("hybrid, pins kept", hybrid_train(1e-2, keep_pins=True))):
        model = train(rows, X0, H, CFG)
        raw = fit.raw_score(X0, H, model)
        c, s = squash_params(raw[dev])
        score = squash(raw, c, s)
        premium = float(np.quantile(score[dev], 1 - 0.528))
        economy = min(float(np.quantile(score[rb], 1 - 0.777)), premium - 0.02)
        for f in ("regression-prompts.jsonl", "everyday-prompts.jsonl"):
            cases = [json.loads(l) for l in open(os.path.join(here, f), encoding="utf-8") if l.strip()]
            ok = 0
            for case in cases:
                x = np.array([features.extract(case["prompt"])])
                h = sp.csr_matrix((1, features.HASH_SIZE))
                fx = dict(zip(features.ALL_NAMES, x[0]))
                if fx["mc"] > 0 or fx["cloze"] > 0 or fx["fewshot"] > 0:
                    d = features.hashed(case["prompt"])
                    h = sp.csr_matrix((list(d.values()), ([0] * len(d), list(d.keys()))), shape=(1, features.HASH_SIZE))
                sc = float(squash(fit.raw_score(x, h, model), c, s)[0])
                tier = 0 if sc < economy else 1 if sc < premium else 2
                lo, hi = tiers.index(case["minTier"]), min(2, tiers.index(case["maxTier"]))
                ok += min(lo, 2) <= tier <= hi
            print("%-20s %-26s %d of %d in range (cuts %.3f, %.3f)" % (name, f, ok, len(cases), economy, premium))


def unpinned_variant(names):
    """The shipped two stages with some pinned features (fit.PINNED) left free."""
    original = list(fit.PINNED)
    print("## shipped fit with %s unpinned" % ", ".join(names))
    for mode in ("insource", "loso"):
        base = oof(X0, mode)
        fit.PINNED[:] = [p for p in original if p not in names]
        try:
            new = oof(X0, mode)
        finally:
            fit.PINNED[:] = original
        cells = []
        for k, (idx, bd) in subsets().items():
            sw, ss = outcomes(idx, bd)
            cells.append("%s %.3f→%.3f" % (k, E.fast_curve(sw, ss, base[idx])["apgr"], E.fast_curve(sw, ss, new[idx])["apgr"]))
        print("  %-8s " % mode + " | ".join(cells), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--boot", type=int, default=300)
    ap.add_argument("--only", default="")
    ap.add_argument("--seeds", action="store_true", help="the number-word feature over fold seeds 1-4")
    ap.add_argument("--correlations", action="store_true", help="what the data shows (ACCURACY.md)")
    a = ap.parse_args()
    if a.correlations:
        correlations()
        return
    op = open_prompt()
    quantitative = (1 - col("mc")) * (1 - col("cloze")) * (1 - col("code_lines")) * (col("num_sentences") > 0)
    open_q = (1 - col("mc")) * (1 - col("cloze")) * (1 - col("code_lines"))
    words = np.array([features.sat(c, 2) for c in count(NUMBER_WORDS)]) * op
    fractions = np.array([features.sat(c, 1) for c in count(FRACTIONS)]) * op
    size = ["len_focus", "n_sent", "numbers", "num_sentences", "distinct_numbers", "decimals", "money_pct", "math_sym",
            "qmarks", "mc_opt_len", "mc_numeric"]
    variants = {
        "number-words": lambda: np.hstack([X0, words[:, None]]),
        "number-words+fractions": lambda: np.hstack([X0, words[:, None], fractions[:, None]]),
        "open-x-decimals-length": lambda: np.hstack([X0, (open_q * col("decimals"))[:, None], (open_q * col("len_focus"))[:, None]]),
        "quantitative-x-decimals-length": lambda: np.hstack([X0, (quantitative * col("decimals"))[:, None],
                                                             (quantitative * col("len_focus"))[:, None]]),
        "mc-x-size": lambda: np.hstack([X0, np.column_stack([col("mc") * col(n) for n in size])]),
        "mc-item-format": lambda: np.hstack([X0, mc_item_format()]),
        "quantity-lexicon-number-words": lexicon_variant,
    }
    if a.seeds:
        Xb = variants["number-words"]()
        for seed in (1, 2, 3, 4):
            sa, sb = oof(X0, "insource", seed), oof(Xb, "insource", seed)
            cells = []
            for k, (idx, bd) in subsets().items():
                sw, ss = outcomes(idx, bd)
                cells.append("%s %.3f→%.3f" % (k, E.fast_curve(sw, ss, sa[idx])["apgr"], E.fast_curve(sw, ss, sb[idx])["apgr"]))
            print("seed %d " % seed + " | ".join(cells), flush=True)
        return
    for name, make in variants.items():
        if not a.only or a.only == name:
            compare(name, make(), a.boot)
    targets = {
        "target-weak-wrong": lambda r: 1 - r["weak_correct"],
        "target-strong-and-weak-wrong": lambda r: r["strong_correct"] * (1 - r["weak_correct"]),
        "target-gain-plus-half-weak-wrong": lambda r: r["strong_correct"] - r["weak_correct"] + 0.5 * (1 - r["weak_correct"]),
    }
    for name, fn in targets.items():
        if not a.only or a.only == name:
            target_variant(name, fn, a.boot)
    for lam_h in (1e-3, 1e-2):
        if not a.only or a.only == "joint-fit":
            joint_fit_variant(lam_h)
    if not a.only or a.only == "hybrid-fit":
        hybrid_variant(1e-2, seeds=(0, 1, 2, 3))
        hybrid_variant(1e-2, seeds=(0, 1, 2, 3), keep_pins=True)
        hybrid_suites()
    if not a.only or a.only == "unpinned":
        unpinned_variant(["lex_extraction", "dim_extraction"])
        unpinned_variant(list(fit.PINNED))


if __name__ == "__main__":
    main()
