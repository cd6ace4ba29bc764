#!/usr/bin/env bash
# Transport benchmark (part of `make bench`): sequential round-trip latency (p50/p99) of a 1 KB
# `preflight/countTokens` request and pipelined requests per second, for the release
# `preflight serve` and, as the floor, a minimal C + Jansson echo server (bench/echo-server.c)
# over the same pipes, measured by two drivers in the same run: the C driver
# (bench/rpc-bench.c: sequential, then pipelined from a writer thread) and a plain blocking
# Python client (bench/blocking-client.py: write one request, block reading its reply; it also
# times the cold start, spawn to the `initialize` reply). The transport's overhead must not
# depend on the client, so the p50 ratio to the floor is reported per driver.
# Each round runs every server under both drivers; medians over the rounds are reported, and
# ratios are medians of the per-round (paired) ratios, which a noisy machine moves least.
# OLD_BIN=path/to/preflight adds an older build to every round (before/after in one run).
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
servers=("floor:$out/echo-server" "preflight:$bin serve")
[ -n "${OLD_BIN:-}" ] && servers+=("old:$OLD_BIN serve")
echo "transport: payload $(wc -c < "$out/payload.json") bytes, $rounds rounds x ($sequential sequential + $pipelined pipelined) per server and driver"
: > "$out/transport.txt"
for round in $(seq 1 "$rounds"); do
  for server in "${servers[@]}"; do
    name=${server%%:*}; command=${server#*:}
    # shellcheck disable=SC2086 # the command is split into words on purpose
    echo "$round $name c $("$out/rpc-bench" "$sequential" "$pipelined" "$out/payload.json" -- $command)" >> "$out/transport.txt"
    # shellcheck disable=SC2086
    echo "$round $name python $(python3 bench/blocking-client.py "$sequential" "$out/payload.json" -- $command)" >> "$out/transport.txt"
  done
done
python3 - "$out/transport.txt" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    round_, name, driver, rest = line.split(" ", 3)
    rows.setdefault((name, driver), {})[round_] = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)}
def median(name, driver, key):
    return statistics.median(r[key] for r in rows[(name, driver)].values())
def paired(name, driver, key, anchor="floor"):
    """Median over rounds of name/anchor, each ratio within one round."""
    a, b = rows[(name, driver)], rows[(anchor, driver)]
    return statistics.median(a[r][key] / b[r][key] for r in a if r in b)
names = [n for n in ("floor", "preflight", "old") if (n, "c") in rows]
print(f"{'server':<11}{'driver':<8}{'p50 µs':>9}{'p99 µs':>9}{'p50/floor':>11}{'req/s':>10}{'start ms':>10}")
for n in names:
    for d in ("c", "python"):
        ratio = paired(n, d, "p50_us")
        rps = f"{median(n, d, 'rps'):>10.0f}" if d == "c" else f"{'':>10}"
        start = f"{median(n, d, 'start_ms'):>10.2f}" if d == "python" else f"{'':>10}"
        print(f"{n:<11}{d:<8}{median(n, d, 'p50_us'):>9.1f}{median(n, d, 'p99_us'):>9.1f}{ratio:>10.2f}x{rps}{start}")
p_rps = median("preflight", "c", "rps")
print(f"p50 preflight/floor: C driver {paired('preflight', 'c', 'p50_us'):.2f}x, blocking Python client "
      f"{paired('preflight', 'python', 'p50_us'):.2f}x (goal <= 1.25x with both); pipelined: {p_rps:.0f} req/s "
      f"(goal >= 20000), {paired('preflight', 'c', 'rps'):.2f}x the floor")
if "old" in names:
    for d in ("c", "python"):
        print(f"new/old p50 ({d} driver, paired): {paired('preflight', d, 'p50_us', anchor='old'):.2f}x (goal <= 1.10x)")
    print(f"cold start new - old (medians): {median('preflight', 'python', 'start_ms') - median('old', 'python', 'start_ms'):+.2f} ms (goal within 2 ms)")
PY
