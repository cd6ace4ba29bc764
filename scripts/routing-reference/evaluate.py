"""Evaluation harness: in-source 5-fold CV, leave-one-source-out, pooled, economy boundary, with
bootstrap intervals; the keyword placeholder as baseline. Metrics are route-eval's `curve`."""
import argparse, json, sys
import numpy as np
import data, features, fit
from evaluate_core import curve, economy_rows
import placeholder

SOURCES = ["gsm8k", "mmlu", "arc-challenge", "winogrande", "mbpp", "alpacaeval"]
RB = {"arc-challenge", "winogrande", "mbpp"}


def fast_curve(sw, ss, scores, rng=None):
    """Vectorised `curve` (identical for tie-free scores; ties broken at random like route-eval)."""
    n = len(scores)
    jitter = (rng or np.random.default_rng(0)).random(n) * 1e-9
    order = np.argsort(-(scores + jitter), kind="stable")
    weak, strong = sw.mean(), ss.mean()
    acc = np.concatenate([[weak * n], weak * n + np.cumsum((ss - sw)[order])]) / n
    p = np.arange(n + 1) / n
    auc = np.sum((acc[1:] + acc[:-1]) / 2) / n
    gap = strong - weak
    apgr = (auc - weak) / gap if gap else float("nan")

    def share(t):
        idx = np.nonzero(acc >= t - 1e-12)[0]
        return p[idx[0]] if len(idx) else 1.0
    return {"n": n, "weak_acc": weak, "strong_acc": strong, "apgr": apgr, "cpt50": share(weak + 0.5 * gap),
            "cpt80": share(weak + 0.8 * gap), "at95": share(0.95 * strong)}


def metrics(rows, idx, scores, boundary="premium", boot=200, seed=0):
    idx = np.asarray(idx)
    if boundary == "economy":
        idx = np.array([i for i in idx if rows[i].get("economy_correct") is not None])
        sw = np.array([rows[i]["economy_correct"] for i in idx])
        ss = np.array([rows[i]["weak_correct"] for i in idx])
    else:
        sw = np.array([rows[i]["weak_correct"] for i in idx])
        ss = np.array([rows[i]["strong_correct"] for i in idx])
    sc = np.asarray(scores)[idx]
    m = fast_curve(sw, ss, sc)
    if boot:
        rng = np.random.default_rng(seed)
        vals = {"apgr": [], "at95": []}
        for _ in range(boot):
            b = rng.integers(0, len(idx), len(idx))
            c = fast_curve(sw[b], ss[b], sc[b], rng)
            vals["apgr"].append(c["apgr"]); vals["at95"].append(c["at95"])
        m["apgr_ci"] = [float(np.percentile(vals["apgr"], 2.5)), float(np.percentile(vals["apgr"], 97.5))]
        m["at95_ci"] = [float(np.percentile(vals["at95"], 2.5)), float(np.percentile(vals["at95"], 97.5))]
    return m


ROWS = None


def cv_scores(rows, X, cfg, mode, folds=5, seed=0, H=None):
    global ROWS
    ROWS = rows
    """Out-of-sample predictions for every row. mode: 'insource' (stratified k-fold over all
    rows, model sees the other folds of every source) or 'loso' (model never sees the source)."""
    n = len(rows)
    src = np.array([r["source"] for r in rows])
    pred = np.zeros(n)
    y = fit.targets(rows, cfg.get("pref_scale", 0.25))
    w = fit.row_weights(rows, cfg.get("source_weight"), cfg.get("pref_weight", 0.5))
    prior = cfg.get("prior")
    if mode == "loso":
        for s in SOURCES:
            te = src == s
            tr = ~te
            ww = fit.row_weights([rows[i] for i in np.nonzero(tr)[0]], cfg.get("source_weight"),
                                 cfg.get("pref_weight", 0.5))
            pred[te] = _fit_pred(X, H, y, ww, tr, te, cfg)
    else:
        rng = np.random.default_rng(seed)
        fold = np.zeros(n, dtype=int)
        for s in SOURCES:
            ii = np.nonzero(src == s)[0]
            fold[ii] = rng.permutation(len(ii)) % folds
        for k in range(folds):
            te = fold == k
            tr = ~te
            ww = fit.row_weights([rows[i] for i in np.nonzero(tr)[0]], cfg.get("source_weight"),
                                 cfg.get("pref_weight", 0.5))
            pred[te] = _fit_pred(X, H, y, ww, tr, te, cfg)
    return pred


def _fit_pred(X, H, y, ww, tr, te, cfg):
    if cfg.get("two_stage"):
        model = fit.train([ROWS[i] for i in np.nonzero(tr)[0]], X[tr], H[tr], cfg)
        return fit.raw_score(X[te], H[te], model)
    if H is None or cfg.get("lam_h") is None:
        b, beta = fit.fit(X[tr], y[tr], ww, cfg["lam"], cfg.get("prior"))
        return fit.predict(X[te], b, beta)
    b, beta, g = fit.fit_joint(X[tr], H[tr], y[tr], ww, cfg["lam"], cfg["lam_h"], cfg.get("prior"))
    return b + X[te] @ beta + H[te] @ g


def report(rows, scores, boot=200, title=""):
    src = np.array([r["source"] for r in rows])
    out = {}
    for s in SOURCES:
        out[s] = metrics(rows, np.nonzero(src == s)[0], scores, boot=boot)
    nonpref = np.nonzero(src != "alpacaeval")[0]
    out["pooled(no alpaca)"] = metrics(rows, nonpref, scores, boot=boot)
    out["routellm(gsm8k+mmlu)"] = metrics(rows, np.nonzero(np.isin(src, ["gsm8k", "mmlu"]))[0], scores, boot=boot)
    out["routerbench(pooled)"] = metrics(rows, np.nonzero(np.isin(src, list(RB)))[0], scores, boot=boot)
    rbi = np.nonzero(np.isin(src, list(RB)))[0]
    out["economy(routerbench pooled)"] = metrics(rows, rbi, scores, boundary="economy", boot=boot)
    for s in sorted(RB):
        out["economy:" + s] = metrics(rows, np.nonzero(src == s)[0], scores, boundary="economy", boot=boot)
    return out


def fmt(out, title):
    lines = ["### " + title, "", "| set | n | weak | strong | APGR [95% CI] | CPT50 | CPT80 | at95 [95% CI] |",
             "|---|---|---|---|---|---|---|---|"]
    for k, m in out.items():
        ci = m.get("apgr_ci", [float("nan")] * 2)
        ci2 = m.get("at95_ci", [float("nan")] * 2)
        lines.append("| %s | %d | %.3f | %.3f | %.3f [%.2f, %.2f] | %.3f | %.3f | %.3f [%.2f, %.2f] |" % (
            k, m["n"], m["weak_acc"], m["strong_acc"], m["apgr"], ci[0], ci[1], m["cpt50"], m["cpt80"],
            m["at95"], ci2[0], ci2[1]))
    return "\n".join(lines) + "\n"


def short(out):
    keys = ["gsm8k", "mmlu", "arc-challenge", "winogrande", "mbpp", "alpacaeval", "pooled(no alpaca)",
            "economy(routerbench pooled)"]
    return " ".join("%s=%.3f/%.2f" % (k[:6], out[k]["apgr"], out[k]["at95"]) for k in keys)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--lam", type=float, default=0.01)
    ap.add_argument("--boot", type=int, default=200)
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--md", default="")
    args = ap.parse_args()
    rows = data.load_rows()
    X = data.feature_matrix(rows)
    texts = []
    if args.baseline:
        sc = np.array([placeholder.score(r["prompt"]) for r in rows])
        o = report(rows, sc, args.boot)
        print(fmt(o, "keyword placeholder (no fitting)"))
        sys.exit()
    cfg = {"lam": args.lam}
    for mode in ("insource", "loso"):
        o = report(rows, cv_scores(rows, X, cfg, mode), args.boot)
        print(mode, short(o))
