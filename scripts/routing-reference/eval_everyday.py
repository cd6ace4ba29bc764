"""Evaluate a routing.json on everyday-prompts.jsonl and regression-prompts.jsonl.
Usage: python3 eval_everyday.py [routing.json] [--verbose]"""
import json, sys, collections
import numpy as np
import scorer
from evaluate import fast_curve

T = scorer.TIERS
G = {"low": 0.0, "medium": 0.5, "high": 1.0}


def run(path, verbose=False, out=None):
    scorer._DOC = None
    scorer.load(path)
    lines = []
    res = {}
    for name in ("everyday-prompts.jsonl", "regression-prompts.jsonl"):
        rows = [json.loads(l) for l in open(name, encoding="utf-8")]
        per = collections.defaultdict(lambda: [0, 0])
        tiers = collections.Counter()
        scores, gains = [], []
        for r in rows:
            a = scorer.assess(r["prompt"])
            t = T.index(a["tier"])
            ok = T.index(r["minTier"]) <= t <= T.index(r["maxTier"])
            cat = r.get("category") or "all"
            per[cat][0] += ok
            per[cat][1] += 1
            tiers[(r.get("gain", "?"), a["tier"])] += 1
            if "gain" in r:
                scores.append(a["score"] + 1e-12 * a["raw"]); gains.append(G[r["gain"]])
            lines.append("%s %s %-14s %-3s %.3f %-8s [%s..%s] %-6s %s" % (
                name[:4], "PASS" if ok else "FAIL", cat, r["language"], a["score"], a["tier"], r["minTier"],
                r["maxTier"], r.get("gain", ""), r["prompt"][:70].replace("\n", " ")))
        tot = sum(v[0] for v in per.values()), sum(v[1] for v in per.values())
        d = {"pass": tot, "per_category": {k: v for k, v in sorted(per.items())}}
        if gains:
            s, g = np.array(scores), np.array(gains)
            # pairwise AUC across ordinal gain labels (ties in score count 1/2)
            num = den = 0.0
            for i in range(len(s)):
                for j in range(len(s)):
                    if g[i] > g[j]:
                        den += 1
                        num += 1.0 if s[i] > s[j] else (0.5 if s[i] == s[j] else 0.0)
            lowmask = g == 0
            auc_low = np.mean([[1.0 if a_ > b_ else 0.5 if a_ == b_ else 0.0 for b_ in s[lowmask]] for a_ in s[~lowmask]])
            hi = g == 1.0
            auc_high = np.mean([[1.0 if a_ > b_ else 0.5 if a_ == b_ else 0.0 for b_ in s[~hi]] for a_ in s[hi]])
            c = fast_curve(np.zeros(len(g)), g, s)
            d.update({"auc_ordinal": num / den, "auc_low_vs_rest": float(auc_low), "auc_high_vs_rest": float(auc_high),
                      "apgr_like": c["apgr"], "at95_like": c["at95"],
                      "tier_by_gain": {gl: {t: tiers[(gl, t)] for t in T} for gl in G}})
        res[name] = d
    if verbose:
        print("\n".join(lines))
    if out:
        open(out, "w").write("\n".join(lines) + "\n")
    return res


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "routing.json"
    r = run(path, "--verbose" in sys.argv)
    print(json.dumps(r, indent=1))
