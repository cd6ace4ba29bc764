#!/usr/bin/env python3
"""Everyday-set figures of the shipped router, through the server itself: how many of the 106
prompts of Tests/RoutingTests/Fixtures/everyday-prompts.jsonl land in their expected tier range,
and the ordinal AUC of complexity.score against their gain labels (low < medium < high).

usage: python3 scripts/everyday-check.py [PREFLIGHT_BINARY]   (default .build/release/preflight)
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "preflight")
rows = [json.loads(l) for l in open(os.path.join(ROOT, "Tests/RoutingTests/Fixtures/everyday-prompts.jsonl"),
                                     encoding="utf-8") if l.strip()]


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


stdin = frame({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {}})
for i, row in enumerate(rows, 1):
    stdin += frame({"jsonrpc": "2.0", "id": i, "method": "preflight/estimate", "params": {"prompt": row["prompt"]}})
stdin += frame({"jsonrpc": "2.0", "id": len(rows) + 1, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"})
out = subprocess.run([binary, "serve"], input=stdin, capture_output=True, check=True).stdout

results, at = {}, 0
while at < len(out):
    end = out.index(b"\r\n\r\n", at)
    length = int(out[at:end].split(b":")[1])
    reply = json.loads(out[end + 4:end + 4 + length])
    at = end + 4 + length
    if isinstance(reply.get("result"), dict) and "complexity" in reply["result"]:
        results[reply["id"]] = reply["result"]["complexity"]

tiers = ["economy", "standard", "premium", "frontier"]
gains = {"low": 0, "medium": 1, "high": 2}
in_range = sum(tiers.index(r["minTier"]) <= tiers.index(results[i]["suggestedTier"]) <= tiers.index(r["maxTier"])
               for i, r in enumerate(rows, 1))
scored = [(gains[r["gain"]], results[i]["score"]) for i, r in enumerate(rows, 1)]
pairs = concordant = 0.0
for a in scored:
    for b in scored:
        if a[0] > b[0]:
            pairs += 1
            concordant += 1 if a[1] > b[1] else 0.5 if a[1] == b[1] else 0
print(f"in range: {in_range} of {len(rows)}; score-vs-gain ordinal AUC {concordant / pairs:.3f}")
