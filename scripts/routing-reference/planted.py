"""Tiny fixture: rows where the gain is planted on one feature (word problems with several numbers
gain, others do not). train() must recover a positive weight and an APGR near 1."""
import numpy as np, random, fit, features, data
from evaluate import fast_curve
random.seed(0)
rows = []
for i in range(80):
    if i % 2:
        p = "Tom has %d apples. He buys %d more each day for %d days. How many apples does he have?" % (i, i % 7 + 1, i % 5 + 2)
        rows.append({"prompt": p, "source": "fixture", "weak_correct": 0.0, "strong_correct": 1.0})
    else:
        rows.append({"prompt": "Write a short poem about the sea number %s." % ("" if i % 4 else "x"), "source": "fixture",
                     "weak_correct": 1.0, "strong_correct": 1.0})
X = np.array([features.extract(r["prompt"]) for r in rows])
import scipy.sparse as sp
H = sp.csr_matrix((len(rows), features.HASH_SIZE))
m = fit.train(rows, X, H, {"lam": 1e-4, "lam_h": 1e-3, "use_prior": False})
s = fit.raw_score(X, H, m)
c = fast_curve(np.array([r["weak_correct"] for r in rows]), np.array([r["strong_correct"] for r in rows]), s)
print("planted fixture APGR %.3f (perfect ranking = 0.750 when half the rows carry the gain), wordproblem weight %+.3f" % (c["apgr"], m[1][features.ALL_NAMES.index("wordproblem")]))
