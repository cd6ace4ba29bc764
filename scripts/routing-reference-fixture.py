#!/usr/bin/env python3
"""Writes Tests/RoutingTests/Fixtures/reference-scores.jsonl: what the Python reference
(scripts/routing-reference/, the research prototype) computes for ~100 varied prompts, so the
Swift port can be checked against it (RoutingTests/ReferenceParityTests.swift).

Prompts: every regression prompt, 7 rows of each development source (evenly spaced through
the file), and a few hand-written structural cases. Scores use the reference's own
routing.json (scripts/routing-reference/routing.json), which the Swift test loads too.

usage: python3 scripts/routing-reference-fixture.py [EVAL_DIR]   (default ../shared/eval)
"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "routing-reference"))
import features, scorer  # noqa: E402

EVAL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "eval")
OUT = os.path.join(HERE, "..", "Tests", "RoutingTests", "Fixtures", "reference-scores.jsonl")

prompts = []
for line in open(os.path.join(HERE, "routing-reference", "regression-prompts.jsonl"), encoding="utf-8"):
    prompts.append(("regression", json.loads(line)["prompt"]))
for name in ["routellm-dev.jsonl", "routerbench-train.jsonl", "alpacaeval-mixtral-gpt4.jsonl"]:
    rows = [json.loads(l) for l in open(os.path.join(EVAL, name), encoding="utf-8") if l.strip()]
    by = {}
    for r in rows:
        by.setdefault(r["source"], []).append(r)
    for src, rs in sorted(by.items()):
        for k in range(7):
            prompts.append((src, rs[(k * len(rs)) // 7 + 3]["prompt"]))
prompts += [("structure", p) for p in [
    "Q: 2+2?\nAnswer: 4\n\nQ: 3+5?\nAnswer:  8\n\nQ: What is 12*7?\nAnswer:",
    "```python\ndef add_numbers(a, b):\n    return a + b\n```\nWhy does add_numbers(1, '2') fail? Fix itQuickly.",
    "Solve $x^2 + 3x - 4 = 0$ and \\frac{1}{2} f(x) = |x| for x_1, 2x.",
    "Fill in the blank: The capital of France is ___ .\n(A) Paris\n(B) Lyon\n(C) Nice",
    "1. Buy milk\n2. Walk the dog\n- call mom\n* email Bob\nIs that all? ¿Y ahora?",
    "İstanbul ΣΟΦΙΑ Straße — 3.5 kg × 2 = 7 kg; 10% off €20, £5, ₹100. ２０ ٣.",
    "答案：42\n\n问题：一个数加上5等于12，这个数是多少？请一步一步地推理。",
    "",
    # Everyday prompts (the writing-only task kind and its gate): a pasted email to summarise,
    # the same in Japanese, a German code request (one code word keeps the gate off), and a word
    # problem that mentions letters (one math word keeps it off too).
    open(os.path.join(HERE, "..", "examples", "english.txt"), encoding="utf-8").read(),
    open(os.path.join(HERE, "..", "examples", "japanese.txt"), encoding="utf-8").read(),
    "Schreibe eine Python-Funktion, die eine Liste von E-Mails nach Datum sortiert, und erkläre sie kurz.",
    "Write a letter to my aunt: she has 3 boxes of 12 apples and gives away 7 each day. How many days until none are left?",
    # Keyword starts (the code-line rule): hard-wrapped prose whose lines begin with "for", "while",
    # "class", "let", "import", "select", "return", and real code lines with and without symbols.
    "We agreed to keep the schedule as it is\nfor a while, and to revisit it later;\nwhile the budget is tight we wait.\n"
    "class of problems we keep meeting\nlet me know\nimport duties on the parts are unclear so the order waits\n"
    "select the venue you prefer from the three options in the folder.\nreturn the form by Friday.",
    "import numpy as np\nSELECT * FROM users\nreturn result\nfor i in range(3):\nclass Cache:\nlet x = 1\n"
    "from os import path\nwhile True:\nupdate users set name = 'a'\nfunction add(a, b) {",
]]

with open(OUT, "w", encoding="utf-8") as out:
    for source, p in prompts:
        vec, f, dims, ev = features.extract(p, want_evidence=True)
        a = scorer.assess(p)
        ex = features.explain(p)
        gate = 1 if (f["mc"] > 0 or f["cloze"] > 0 or f["fewshot"] > 0) else 0
        out.write(json.dumps({
            "source": source, "prompt": p, "features": vec, "raw": a["raw"], "score": a["score"],
            "tier": a["tier"], "confidence": a["confidence"], "escalated": a["escalatedNearBoundary"],
            "gate": gate, "hashed": {str(k): v for k, v in sorted(features.hashed(p).items())} if gate else {},
            "signals": [{"dimension": s["dimension"], "label": s["label"], "utf8": s["utf8"], "utf16": s["utf16"]}
                        for s in ex["signals"]],
        }, ensure_ascii=False) + "\n")
print("wrote %d prompts to %s" % (len(prompts), os.path.relpath(OUT)))
