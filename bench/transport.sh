#!/usr/bin/env bash
# Transport benchmark (part of `make bench`): sequential round-trip latency (p50/p99) of a 1 KB
# `preflight/countTokens` request and pipelined requests per second, for the release
# `preflight serve` and, as the floor, a minimal C + Jansson echo server (bench/echo-server.c)
# over the same pipes, measured by the same C driver (bench/rpc-bench.c) in the same run.
# Rounds alternate between the two servers; the median of each figure is reported.
#   bench/transport.sh [ROUNDS=5] [SEQUENTIAL=5000] [PIPELINED=50000]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}; sequential=${2:-5000}; pipelined=${3:-50000}
out=.build/bench; mkdir -p "$out"
cc=${CC:-cc}
$cc -O2 -Wall -o "$out/echo-server" bench/echo-server.c $(pkg-config --cflags --libs jansson)
$cc -O2 -Wall -pthread -o "$out/rpc-bench" bench/rpc-bench.c
python3 - > "$out/payload.json" <<'PY'
import json
text = ("The quarterly report shows revenue growth across all regions, driven by strong demand "
        "for cloud services and a recovery in hardware sales. ") * 8
body = {"jsonrpc": "2.0", "id": 0, "method": "preflight/countTokens", "params": {"text": text[:1000]}}
print(json.dumps(body, ensure_ascii=False, separators=(",", ":")).replace('"id":0', '"id":%ID%'))
PY
bin=.build/release/preflight
echo "transport: payload $(wc -c < "$out/payload.json") bytes, $rounds rounds x ($sequential sequential + $pipelined pipelined) per server"
: > "$out/transport.txt"
for round in $(seq 1 "$rounds"); do
  echo "floor $("$out/rpc-bench" "$sequential" "$pipelined" "$out/payload.json" -- "$out/echo-server")" >> "$out/transport.txt"
  echo "preflight $("$out/rpc-bench" "$sequential" "$pipelined" "$out/payload.json" -- "$bin" serve)" >> "$out/transport.txt"
done
python3 - "$out/transport.txt" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rest = line.split(" ", 1)
    rows.setdefault(name, []).append({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)})
med = {n: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for n, rs in rows.items()}
f, p = med["floor"], med["preflight"]
print(f"{'server':<12}{'p50 µs':>10}{'p99 µs':>10}{'req/s':>12}")
for n in ("floor", "preflight"):
    print(f"{n:<12}{med[n]['p50_us']:>10.1f}{med[n]['p99_us']:>10.1f}{med[n]['rps']:>12.0f}")
print(f"p50 ratio preflight/floor: {p['p50_us']/f['p50_us']:.2f}x (goal <= 1.25x); "
      f"pipelined: {p['rps']:.0f} req/s (goal >= 20000), {p['rps']/f['rps']:.2f}x the floor")
PY
