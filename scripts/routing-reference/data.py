"""Loading the development rows and caching their feature matrix."""
import json, os
import numpy as np
import features

EVAL = "/work/shared/eval"
FILES = ["routellm-dev.jsonl", "routerbench-train.jsonl", "alpacaeval-mixtral-gpt4.jsonl"]
CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cache_features.npz")


def load_rows():
    rows = []
    for f in FILES:
        for l in open(os.path.join(EVAL, f), encoding="utf-8"):
            if l.strip():
                r = json.loads(l)
                for k in ("weak_correct", "strong_correct", "economy_correct"):
                    if r.get(k) is not None:
                        r[k] = float(r[k])
                rows.append(r)
    return rows


def feature_matrix(rows, refresh=False):
    import hashlib
    sig = hashlib.sha1((open(features.__file__).read() + open(features.LEX.__class__ and
                        os.path.join(os.path.dirname(features.__file__), "lexicons.py")).read()).encode()).hexdigest()
    if not refresh and os.path.exists(CACHE):
        z = np.load(CACHE, allow_pickle=True)
        if str(z["sig"]) == sig and z["X"].shape[0] == len(rows):
            return z["X"]
    X = np.array([features.extract(r["prompt"]) for r in rows], dtype=np.float64)
    np.savez(CACHE, X=X, sig=sig)
    return X


def hashed_matrix(rows, X):
    """Sparse (n x HASH_SIZE) hashed vocabulary block, gated by exam_gate (computed from X)."""
    import scipy.sparse as sp
    cache = CACHE.replace(".npz", "_hash.npz")
    if os.path.exists(cache):
        H = sp.load_npz(cache)
        if H.shape[0] == len(rows):
            return H
    names = features.ALL_NAMES
    imc, icl, ifs = names.index("mc"), names.index("cloze"), names.index("fewshot")
    ri, ci, vv = [], [], []
    for i, r in enumerate(rows):
        if X[i, imc] > 0 or X[i, icl] > 0 or X[i, ifs] > 0:
            for j, v in features.hashed(r["prompt"]).items():
                ri.append(i); ci.append(j); vv.append(v)
    H = sp.csr_matrix((vv, (ri, ci)), shape=(len(rows), features.HASH_SIZE))
    sp.save_npz(cache, H)
    return H
