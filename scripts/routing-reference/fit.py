"""Fitter: L2-regularised linear regression of the quality gain (strong - weak), shrunk towards a
hand-set prior weight vector, with per-source row weights. Closed form (normal equations), so the
Swift port is a d x d solve (d = number of features + 1, about 60) by Cholesky / Gaussian elimination.

    minimise  sum_i w_i (y_i - b - x_i . beta)^2  +  lam * sum_j (beta_j - prior_j)^2
    =>  [X1' W X1 + lam * P] theta = X1' W y + lam * P theta0      (X1 = [1, X], P = diag(0, 1, ..., 1))

Row weights: each source's rows share `source_weight[source]` in total (default 1.0 per source;
0.5 for preference-labelled sources), so a 7,000-row source cannot drown a 300-row one.
Targets: y = strong_correct - weak_correct; preference-labelled rows (AlpacaEval) use
pref_scale * (strong - weak) because a pairwise preference is not an accuracy gap.
"""
import argparse, json
import numpy as np

PREF_SOURCES = {"alpacaeval"}


def targets(rows, pref_scale=0.25, boundary="premium"):
    y = []
    for r in rows:
        if boundary == "economy":
            d = r["weak_correct"] - r["economy_correct"]
        else:
            d = r["strong_correct"] - r["weak_correct"]
        if r["source"] in PREF_SOURCES:
            d *= pref_scale
        y.append(d)
    return np.array(y)


def row_weights(rows, source_weight=None, pref_weight=0.5):
    srcs = [r["source"] for r in rows]
    cnt = {}
    for s in srcs:
        cnt[s] = cnt.get(s, 0) + 1
    w = []
    for s in srcs:
        sw = (source_weight or {}).get(s, pref_weight if s in PREF_SOURCES else 1.0)
        w.append(sw / cnt[s])
    w = np.array(w)
    return w / w.sum() * len(w)


def fit(X, y, w, lam=1.0, prior=None):
    n, d = X.shape
    X1 = np.hstack([np.ones((n, 1)), X])
    P = np.eye(d + 1)
    P[0, 0] = 0.0
    if PIN_MASK is not None and len(PIN_MASK) == d:
        P[1:, 1:][np.diag_indices(d)] = np.where(PIN_MASK, PIN_FACTOR, 1.0)
    theta0 = np.zeros(d + 1)
    if prior is not None:
        theta0[1:] = prior
    A = X1.T @ (X1 * w[:, None]) / n + lam * P
    rhs = X1.T @ (w * y) / n + lam * P @ theta0
    theta = np.linalg.solve(A, rhs)
    return theta[0], theta[1:]


def predict(X, b, beta):
    return b + X @ beta


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--lam", type=float, default=0.01)
    args = ap.parse_args()
    import data, features
    rows = data.load_rows()
    X = data.feature_matrix(rows)
    b, beta = fit(X, targets(rows), row_weights(rows), lam=args.lam)
    for n, v in sorted(zip(features.ALL_NAMES, beta), key=lambda t: -abs(t[1])):
        print("%-22s %+.4f" % (n, v))
    print("intercept", b)


def fit_joint(X, H, y, w, lam=0.01, lam_h=0.05, prior=None, iters=300, tol=1e-7, pin_mask=None):
    """Dense features (shrunk to `prior` with lam) + sparse hashed block (shrunk to 0 with lam_h),
    intercept unpenalised; conjugate gradient on the normal equations (Swift: same loop, sparse rows).
    Returns (b, beta, gamma)."""
    n, d = X.shape
    h = H.shape[1]
    prior = np.zeros(d) if prior is None else np.asarray(prior)
    dense_pen = np.full(d, lam)
    if pin_mask is not None:
        dense_pen = np.where(pin_mask, lam * PIN_FACTOR, lam)
    pen = np.concatenate([[0.0], dense_pen, np.full(h, lam_h)])
    t0 = np.concatenate([[0.0], prior, np.zeros(h)])

    def Av(v):
        z = v[0] + X @ v[1:d + 1] + H @ v[d + 1:]
        wz = w * z / n
        return np.concatenate([[wz.sum()], X.T @ wz, H.T @ wz]) + pen * v

    wy = w * y / n
    rhs = np.concatenate([[wy.sum()], X.T @ wy, H.T @ wy]) + pen * t0
    theta = t0.copy()
    r = rhs - Av(theta)
    p = r.copy()
    rs = r @ r
    for _ in range(iters):
        Ap = Av(p)
        a = rs / (p @ Ap)
        theta += a * p
        r -= a * Ap
        rs2 = r @ r
        if rs2 < tol * tol * (rhs @ rhs):
            break
        p = r + (rs2 / rs) * p
        rs = rs2
    return theta[0], theta[1:d + 1], theta[d + 1:]


# ------------------------------------------------------------------------------------------
# The model actually shipped: two stages, both closed-form / CG ridge.
#  stage 1  dense features (ALL_NAMES), every source, per-source row weights, shrunk to PRIOR
#  stage 2  hashed exam vocabulary on the stage-1 residuals of exam-style rows only (gate = 1),
#           uniform row weights, shrunk to 0

# Hand-set prior in gain units (strong - weak). It encodes the product's reading of "complex":
# open math / proofs / multi-quantity word problems / code / constrained, knowledge-heavy asks go up;
# basic lookups, "explain X simply", pure creative and role-play requests go down.
PRIOR = {
    "open_math": 0.12, "lex_proof": 0.12, "wordproblem": 0.08, "num_sentences": 0.04,
    "dim_reasoning": 0.10, "dim_math": 0.08, "dim_multiStep": 0.06, "dim_code": 0.06, "code_lines": 0.04,
    "dim_constraints": 0.05, "dim_domainKnowledge": 0.06, "len_focus": 0.04,
    "creative_only": -0.08, "simple_only": -0.08, "explain_basic": -0.08, "short_prompt": -0.04,
    "lex_writing": -0.03, "dim_creativity": -0.04, "lex_simple": -0.03, "code_fence": 0.03,
    "writing_only": -0.08,
}

# Features with no accuracy-labelled support (open-ended creative / lookup / extraction requests
# do not occur in the labelled rows): pinned to the prior (penalty multiplied by PIN_FACTOR).
PINNED = ["lex_creative", "lex_roleplay", "lex_writing", "creative_only", "dim_creativity", "simple_only",
          "explain_basic", "lex_extraction", "dim_extraction", "code_fence", "lex_simple", "writing_only"]
PIN_FACTOR = 1e4
PIN_MASK = None

DEFAULT_CFG = {"lam": 0.003, "lam_h": 1e-3, "pref_weight": 0.0, "pref_scale": 0.25, "use_prior": True}


def prior_vector(names):
    return np.array([PRIOR.get(n, 0.0) for n in names])


def train(rows, X, H, cfg=None):
    import features
    cfg = dict(DEFAULT_CFG, **(cfg or {}))
    y = targets(rows, cfg["pref_scale"])
    w = row_weights(rows, cfg.get("source_weight"), cfg["pref_weight"])
    prior = prior_vector(features.ALL_NAMES) if cfg["use_prior"] else None
    global PIN_MASK
    PIN_MASK = np.array([n in PINNED for n in features.ALL_NAMES]) if cfg["use_prior"] else None
    keep = w > 0
    b, beta = fit(X[keep], y[keep], w[keep], cfg["lam"], prior)
    gamma = np.zeros(H.shape[1])
    if cfg.get("lam_h") is not None and H is not None:
        gate = np.asarray(H.sum(axis=1)).ravel() > 0
        if gate.sum() > 10:
            res = y[gate] - predict(X[gate], b, beta)
            _, _, gamma = fit_joint(np.zeros((gate.sum(), 0)), H[gate], res, np.ones(gate.sum()),
                                    0.0, cfg["lam_h"])
            # fit_joint's intercept absorbed the mean residual; keep the hashed table mean-free
    return b, beta, gamma


def raw_score(X, H, model):
    b, beta, gamma = model
    r = b + X @ beta
    if H is not None:
        r = r + H @ gamma
    return r
