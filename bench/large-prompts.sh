#!/usr/bin/env bash
# Large-prompt benchmark (issue 12; part of `make bench`): how long `preflight/estimate` takes on
# a prompt of tens of megabytes against `preflight/countTokens` on the same text (the anchor, in
# the same process run), and the peak resident memory per input byte, for English text and for
# one repeated character.
#
# The inputs are made on the fly in .build/bench (nothing large is committed): MB megabytes of
# English — the RouteLLM prompts from ../shared/eval repeated, or examples/english.txt repeated
# when ../shared is absent — and MB megabytes of "a". Each measurement is a fresh `preflight
# serve` (release build) over pipes with newline-delimited JSON: `initialize`, then the one large
# request, timed by the client from the first byte written to the reply read (so both methods
# pay the same transfer and JSON parse), then VmHWM (peak RSS) from /proc/PID/status. The
# baseline is the same for a tiny prompt (vocabularies, catalog and routing file loaded), so
# "bytes per input byte" = (peak − baseline) / input bytes. Reported: medians over ROUNDS, the
# estimate ÷ countTokens ratio per round (median), and with OLD_BIN=path/to/old/preflight the
# old build measured in the same rounds (before/after in one run).
#   bench/large-prompts.sh [ROUNDS=3] [MB=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; megabytes=${2:-50}
out=.build/bench; mkdir -p "$out"
bin=${NEW_BIN:-.build/release/preflight}
[ -x "$bin" ] || { echo "large-prompts: build the release binary first (make release)" >&2; exit 1; }
models=${PREFLIGHT_MODELS:-$PWD/models}
python3 - "$rounds" "$megabytes" "$out" "$models" "$bin" "${OLD_BIN:-}" <<'PY'
import json, os, statistics, subprocess, sys, time

rounds, megabytes, out, models = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
binaries = [("new", sys.argv[5])] + ([("old", sys.argv[6])] if sys.argv[6] else [])
size = megabytes * 1_000_000

def english():
    shared = os.path.join("..", "shared", "eval", "routellm-dev.jsonl")
    if os.path.exists(shared):
        source = "\n\n".join(json.loads(line)["prompt"] for line in open(shared, encoding="utf-8"))
        origin = "RouteLLM prompts (../shared/eval/routellm-dev.jsonl) repeated"
    else:
        source = open("examples/english.txt", encoding="utf-8").read()
        origin = "examples/english.txt repeated"
    data = (source.encode() * (size // len(source.encode()) + 1))[:size]
    return data.decode("utf-8", "ignore"), origin

texts = {"english": english(), "repeat-a": ("a" * size, "one character repeated")}

def request(method, text):
    key = "text" if method == "countTokens" else "prompt"
    return ('{"jsonrpc":"2.0","id":2,"method":"preflight/%s","params":{"%s":' % (method, key)
            + json.dumps(text, ensure_ascii=False) + "}}\n").encode()

def measure(binary, body):
    """Seconds from the request's first byte to its reply, the reply, and peak RSS in bytes."""
    env = dict(os.environ, PREFLIGHT_MODELS=models)
    process = subprocess.Popen([binary, "serve", "--log-level", "off"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, env=env)
    process.stdin.write(b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}\n')
    process.stdin.flush()
    process.stdout.readline()
    process.stdin.write(b'{"jsonrpc":"2.0","method":"initialized","params":{}}\n')
    start = time.perf_counter()
    process.stdin.write(body)
    process.stdin.flush()
    reply = json.loads(process.stdout.readline())
    seconds = time.perf_counter() - start
    status = open(f"/proc/{process.pid}/status").read()
    peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1]) * 1024
    process.stdin.write(b'{"jsonrpc":"2.0","id":3,"method":"shutdown"}\n{"jsonrpc":"2.0","method":"exit"}\n')
    process.stdin.close()
    process.wait()
    return seconds, reply, peak

def describe(reply):
    if "error" in reply:
        return "error %d: %s" % (reply["error"]["code"], reply["error"]["message"][:90])
    result = reply["result"]
    if isinstance(result.get("tokens"), dict):
        rec = result.get("recommendation")
        fit = result.get("noFit")
        return ("%d tokens, recommendation %s%s" % (result["tokens"]["input"], rec["model"] if rec else "null",
                                                    ", noFit: " + fit["reason"][:70] if fit else ""))
    return "%d tokens" % result["tokens"]

baseline = {}
for name, binary in binaries:
    peaks = []
    for method in ("countTokens", "estimate"):
        peaks.append(measure(binary, request(method, "Summarise the meeting notes in three bullet points."))[2])
    baseline[name] = max(peaks)

results = {}   # (binary, text, method) -> [(seconds, peak)]
notes = {}
for r in range(rounds):
    for name, binary in binaries:
        for text_name, (text, _) in texts.items():
            for method in ("countTokens", "estimate"):
                seconds, reply, peak = measure(binary, request(method, text))
                results.setdefault((name, text_name, method), []).append((seconds, peak))
                notes[(name, text_name, method)] = describe(reply)
                print(f"round {r + 1} {name:<4} {text_name:<9} {method:<12} {seconds:8.2f} s  "
                      f"peak {peak / 2**20:7.0f} MiB", file=sys.stderr, flush=True)

print(f"large prompts: {megabytes} MB per input, {rounds} rounds, medians; baseline peak RSS (tiny prompt, "
      + ", ".join(f"{n} {baseline[n] / 2**20:.0f} MiB" for n, _ in binaries) + ")")
for text_name, (_, origin) in texts.items():
    print(f"  {text_name}: {origin}")
print()
print(f"| build | input | method | time s | est. ÷ count | peak RSS MiB | bytes per input byte | reply |")
print(f"| --- | --- | --- | ---: | ---: | ---: | ---: | --- |")
for name, _ in binaries:
    for text_name in texts:
        for method in ("countTokens", "estimate"):
            rows = results[(name, text_name, method)]
            seconds = statistics.median(s for s, _ in rows)
            peak = statistics.median(p for _, p in rows)
            if method == "estimate":
                counts = results[(name, text_name, "countTokens")]
                ratio = "%.2f×" % statistics.median(e[0] / c[0] for e, c in zip(rows, counts))
            else:
                ratio = ""
            per_byte = (peak - baseline[name]) / size
            print(f"| {name} | {text_name} | {method} | {seconds:.2f} | {ratio} | {peak / 2**20:.0f} | "
                  f"{per_byte:.2f} | {notes[(name, text_name, method)]} |")
if len(binaries) == 2:
    print()
    print("new ÷ old, median of the per-round ratios:")
    for text_name in texts:
        for method in ("countTokens", "estimate"):
            new, old = results[("new", text_name, method)], results[("old", text_name, method)]
            time_ratio = statistics.median(n[0] / o[0] for n, o in zip(new, old))
            rss_ratio = statistics.median(n[1] / o[1] for n, o in zip(new, old))
            print(f"  {text_name:<9} {method:<12} time {time_ratio:.2f}×  peak RSS {rss_ratio:.2f}×")
PY
