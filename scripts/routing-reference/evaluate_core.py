"""APGR / CPT50 / CPT80 / at95 exactly as shared/tools/route-eval's `curve` computes them."""


def curve(rows, scores):
    n = len(rows)
    order = sorted(range(n), key=lambda i: -scores[i])
    weak = sum(r["weak_correct"] for r in rows) / n
    strong = sum(r["strong_correct"] for r in rows) / n
    acc = weak * n
    points = [(0.0, weak)]
    for k, i in enumerate(order, 1):
        acc += rows[i]["strong_correct"] - rows[i]["weak_correct"]
        points.append((k / n, acc / n))
    auc = sum((points[j + 1][0] - points[j][0]) * (points[j + 1][1] + points[j][1]) / 2 for j in range(n))
    gap = strong - weak
    apgr = (auc - weak) / gap if gap else float("nan")

    def share_for(target):
        return next((p for p, a in points if a >= target - 1e-12), 1.0)

    return {
        "n": n, "weak_acc": weak, "strong_acc": strong, "apgr": apgr,
        "cpt50": share_for(weak + 0.5 * gap), "cpt80": share_for(weak + 0.8 * gap),
        "at95": share_for(0.95 * strong),
    }


def economy_rows(rows):
    return [dict(r, weak_correct=r["economy_correct"], strong_correct=r["weak_correct"])
            for r in rows if r.get("economy_correct") is not None]
