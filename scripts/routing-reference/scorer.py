"""Runtime reference: score a prompt from routing.json alone (what the Swift Advisor does)."""
import json, math, os, sys
import features

TIERS = ["economy", "standard", "premium", "frontier"]
_DOC = None


def load(path=os.environ.get("ROUTING_JSON") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "routing.json")):
    global _DOC
    _DOC = json.load(open(path, encoding="utf-8"))
    assert _DOC["formatVersion"] == 1
    return _DOC


def assess(text):
    doc = _DOC or load()
    vec, f, dims, ev = features.extract(text, want_evidence=True)
    m = doc["model"]
    assert len(vec) == len(doc["features"]), "routing file lists %d features, this features.py makes %d" % (
        len(doc["features"]), len(vec))
    raw = m["intercept"] + sum(m["weights"][n] * v for n, v in zip(doc["features"], vec))
    if f["mc"] > 0 or f["cloze"] > 0 or f["fewshot"] > 0:
        hw = doc["hash"]["weights"]
        raw += sum(hw.get(str(j), 0.0) * v for j, v in features.hashed(text).items())
    sq = doc["squash"]
    score = 1 / (1 + math.exp(-(raw - sq["center"]) / sq["scale"]))
    th = doc["thresholds"]
    cuts = [th["economy_standard"], th["standard_premium"], th["premium_frontier"]]
    tier = sum(score >= c for c in cuts)
    dist = min(abs(score - c) for c in cuts)
    conf = 0.5 + 0.5 * min(1.0, dist / doc["confidence"]["band"])
    escalated = False
    if conf < doc["confidence"]["escalateBelow"] and tier < 3 and score < cuts[tier] and cuts[tier] - score == dist:
        tier += 1
        escalated = True
    # frontier rule (Swift ComplexityRouter.decide / FrontierRule.standard when absent)
    rule = doc.get("frontierRule") or {"minScore": 0.8, "minReasoning": 0.45, "minProof": 0.5, "minMath": 0.25,
                                       "minMultiStep": 0.25}
    by_rule = False
    if tier == 2 and score >= max(rule["minScore"], cuts[1]) and dims["reasoning"] >= rule["minReasoning"] and \
            f["lex_proof"] >= rule["minProof"] and (dims["math"] >= rule["minMath"] or dims["multiStep"] >= rule["minMultiStep"]):
        tier = 3
        by_rule = True
    return {"score": round(score, 4), "raw": raw, "frontierRule": by_rule, "tier": TIERS[tier], "confidence": round(conf, 2),
            "escalatedNearBoundary": escalated, "dimensions": {k: round(v, 3) for k, v in dims.items()},
            "contributions": {n: m["weights"][n] * v for n, v in zip(doc["features"], vec)}}


if __name__ == "__main__":
    print(json.dumps(assess(sys.argv[1]), ensure_ascii=False, indent=1))
