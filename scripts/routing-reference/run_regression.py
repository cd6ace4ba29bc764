import json, scorer
T = scorer.TIERS
rows = [json.loads(l) for l in open("regression-prompts.jsonl", encoding="utf-8")]
ok = 0
out = []
for r in rows:
    a = scorer.assess(r["prompt"])
    t = T.index(a["tier"])
    good = T.index(r["minTier"]) <= t <= T.index(r["maxTier"])
    ok += good
    top = sorted(a["dimensions"].items(), key=lambda kv: -kv[1])[:3]
    out.append("%s %-8s %.3f %-9s [%s..%s] %s | %s" % ("PASS" if good else "FAIL", r["language"], a["score"], a["tier"],
               r["minTier"], r["maxTier"], r["prompt"][:60].replace("\n", " "), " ".join("%s=%.2f" % kv for kv in top)))
print("\n".join(out))
print("passed %d/%d" % (ok, len(rows)))
