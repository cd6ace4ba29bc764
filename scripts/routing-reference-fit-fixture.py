#!/usr/bin/env python3
"""Writes the calibration fixtures of Tests/RoutingTests/Fixtures/:
  planted-rows.jsonl  120 labelled rows with planted signals (the reference's planted.py, plus
                      multiple-choice rows whose gain is planted on one exam word, for stage 2);
  planted-fit.json    what the reference fitter (fit.train) makes of them, under the planted
                      configuration (no prior) and the shipped one (prior, pinned features).
usage: python3 scripts/routing-reference-fit-fixture.py"""
import json, os, sys
import numpy as np, scipy.sparse as sp
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "routing-reference"))
import features, fit  # noqa: E402
OUT = os.path.join(HERE, "..", "Tests", "RoutingTests", "Fixtures")
rows = []
for i in range(80):
    if i % 2:
        p = "Tom has %d apples. He buys %d more each day for %d days. How many apples does he have?" % (i, i % 7 + 1, i % 5 + 2)
        rows.append({"prompt": p, "source": "fixture", "weak_correct": False, "strong_correct": True})
    else:
        rows.append({"prompt": "Write a short poem about the sea number %s." % ("" if i % 4 else "x"), "source": "fixture",
                     "weak_correct": True, "strong_correct": True})
subjects = ["photosynthesis", "volcano", "river", "planet"]
for i in range(40):
    word = subjects[i % 4]
    p = "Question %d: which statement about the %s is true?\nA) it is %d\nB) it is blue\nC) it is cold\nD) none" % (i, word, i)
    hard = word == "photosynthesis"
    rows.append({"prompt": p, "source": "exam", "weak_correct": 0.0 if hard else 1.0, "strong_correct": 1.0})
with open(os.path.join(OUT, "planted-rows.jsonl"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
for r in rows:
    r["weak_correct"], r["strong_correct"] = float(r["weak_correct"]), float(r["strong_correct"])
X = np.array([features.extract(r["prompt"]) for r in rows])
ri, ci, vv = [], [], []
for i, r in enumerate(rows):
    _, f_, _, _ = features.extract(r["prompt"], True)
    if features.exam_gate(f_):
        for j, v in features.hashed(r["prompt"]).items():
            ri.append(i); ci.append(j); vv.append(v)
H = sp.csr_matrix((vv, (ri, ci)), shape=(len(rows), features.HASH_SIZE))
out = {}
for name, cfg in [("planted", {"lam": 1e-4, "lam_h": 1e-3, "use_prior": False}),
                  ("shipped", {"lam": 0.01, "lam_h": 1e-3, "use_prior": True})]:
    b, beta, gamma = fit.train(rows, X, H, dict(fit.DEFAULT_CFG, **cfg))
    out[name] = {"config": cfg, "intercept": b, "weights": dict(zip(features.ALL_NAMES, beta.tolist())),
                 "hash": {str(j): g for j, g in enumerate(gamma.tolist()) if abs(g) > 1e-9}}
json.dump(out, open(os.path.join(OUT, "planted-fit.json"), "w"), indent=1)
print("wrote planted-rows.jsonl (%d rows) and planted-fit.json" % len(rows))
