"""Port of Sources/Advisor/PlaceholderComplexityScorer.swift (the baseline)."""
CUES = {
    "reasoning": [("step by step", 0.4), ("prove", 0.4), ("derive", 0.4), ("analyze", 0.3), ("analyse", 0.3),
                  ("trade-off", 0.3), ("tradeoff", 0.3), ("evaluate", 0.25), ("compare", 0.2), ("why", 0.15),
                  ("reason", 0.2), ("justify", 0.3), ("plan", 0.15), ("multi-step", 0.4), ("strategy", 0.2)],
    "code": [("```", 0.4), ("function", 0.25), ("implement", 0.3), ("refactor", 0.35), ("debug", 0.3),
             ("algorithm", 0.35), ("compile", 0.25), ("regex", 0.25), ("sql", 0.25), ("python", 0.2),
             ("swift", 0.2), ("javascript", 0.2), ("api", 0.15), ("concurren", 0.4), ("class ", 0.15),
             ("stack trace", 0.3), ("bug", 0.2)],
    "math": [("equation", 0.35), ("integral", 0.45), ("derivative", 0.4), ("probability", 0.35),
             ("theorem", 0.45), ("calculate", 0.2), ("solve", 0.25), ("matrix", 0.3), ("proof", 0.4),
             ("optimi", 0.3), ("percent", 0.15), ("how many", 0.15), ("sum of", 0.15)],
    "constraints": [("must", 0.15), ("exactly", 0.2), ("at least", 0.15), ("at most", 0.15),
                    ("without", 0.1), ("only", 0.1), ("format", 0.15), ("json", 0.15), ("do not", 0.15),
                    ("constraint", 0.3), ("requirement", 0.2)],
    "creativity": [("story", 0.3), ("poem", 0.35), ("creative", 0.3), ("imagine", 0.25), ("slogan", 0.2),
                   ("lyrics", 0.3), ("fiction", 0.3), ("brainstorm", 0.25)],
    "domainKnowledge": [("legal", 0.3), ("medical", 0.3), ("diagnos", 0.35), ("clinical", 0.35),
                        ("regulat", 0.25), ("tax", 0.2), ("quantum", 0.4), ("pharmac", 0.35),
                        ("contract", 0.2), ("genom", 0.4), ("financial", 0.2), ("physics", 0.3),
                        ("research", 0.25), ("peer-review", 0.35)],
}
MEAN_W = {"reasoning": 0.25, "code": 0.2, "math": 0.2, "constraints": 0.1, "creativity": 0.05,
          "domainKnowledge": 0.15, "contextLength": 0.05}
CUTOFFS = [0.2, 0.45, 0.7]


def score(text, input_tokens=None):
    lower = text.lower()
    dims = {}
    for d, cues in CUES.items():
        dims[d] = min(1.0, sum(w for p, w in cues if p in lower))
    if input_tokens is None:
        input_tokens = len(text) / 4
    dims["contextLength"] = min(1.0, max(0, input_tokens) / 50000)
    strongest = max(dims.values())
    mean = sum(MEAN_W[k] * dims.get(k, 0) for k in MEAN_W)
    return round((0.6 * strongest + 0.4 * mean) * 1000) / 1000
