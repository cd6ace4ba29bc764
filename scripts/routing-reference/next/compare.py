"""Before (orig/ code + shipped models/routing/routing.json) vs after (this directory's code + routing.json)
on everyday-prompts.jsonl and regression-prompts.jsonl. Runs the two evaluations one after the other."""
import json, subprocess, sys
def run(cwd, path):
    out = subprocess.run([sys.executable, "-c", "import json, eval_everyday as E; print(json.dumps(E.run(%r)))" % path],
                         cwd=cwd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])
b = run("orig", "shipped-routing.json"); a = run(".", "routing.json")
lines = []
for name in b:
    lines.append("%s: pass %d/%d -> %d/%d" % (name, *b[name]["pass"], *a[name]["pass"]))
    if "auc_ordinal" in b[name]:
        for k in ("auc_ordinal", "auc_low_vs_rest", "auc_high_vs_rest", "apgr_like", "at95_like"):
            lines.append("  %-18s %.3f -> %.3f" % (k, b[name][k], a[name][k]))
        lines.append("  | category | before | after |")
        for c in b[name]["per_category"]:
            lines.append("  | %s | %d/%d | %d/%d |" % (c, *b[name]["per_category"][c], *a[name]["per_category"][c]))
        for g in ("low", "medium", "high"):
            lines.append("  tiers for gain=%s: before %s after %s" % (g, b[name]["tier_by_gain"][g], a[name]["tier_by_gain"][g]))
print("\n".join(lines))
json.dump({"before_shipped": b, "after": a}, open("results/everyday-summary.json", "w"), indent=1)
