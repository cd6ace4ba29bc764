#!/usr/bin/env python3
"""Time a server's first preflight/estimate: spawn `preflight serve`, send `initialize` and wait
for its reply, then send one estimate naming a model and time request → reply (ms, wall). That
is the first estimate a client sees after start-up, with whatever the server loads on demand for
it (routing file, vocabularies, and for a reference-only model the reference layer).
Cases run interleaved (one run of each, RUNS times), so load swings hit every case alike.
The server's CPU time over the same interval (utime + stime from /proc, 10 ms ticks) is
reported too: unlike the wall time it does not grow with the machine's load.
Usage: first-estimate.py RUNS PROMPT_FILE LABEL=BINARY:MODEL …  → one line per case:
LABEL wall-median wall-min wall-max cpu-median (ms)."""
import json, os, statistics, subprocess, sys, time

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS

runs, prompt_file = int(sys.argv[1]), sys.argv[2]
cases = []
for spec in sys.argv[3:]:
    label, rest = spec.split("=", 1)
    binary, model = rest.rsplit(":", 1)
    cases.append((label, binary, model))
prompt = open(prompt_file, encoding="utf-8").read()


def first_estimate(binary, model):
    server = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)

    def send(message):
        server.stdin.write((json.dumps(message) + "\n").encode())
        server.stdin.flush()

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})
    json.loads(server.stdout.readline())
    cpu_start = cpu_ms(server.pid)
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 2, "method": "preflight/estimate",
          "params": {"prompt": prompt, "model": model, "expectedOutputTokens": 100}})
    reply = json.loads(server.stdout.readline())
    elapsed = (time.perf_counter() - start) * 1000
    cpu = cpu_ms(server.pid) - cpu_start
    server.stdin.close()
    server.wait()
    if "error" in reply:
        sys.exit(f"first-estimate: {model}: {reply['error']['message']}")
    return elapsed, cpu


samples = {label: [] for label, _, _ in cases}
for _ in range(runs):
    for label, binary, model in cases:
        samples[label].append(first_estimate(binary, model))
for label, _, _ in cases:
    walls = [wall for wall, _ in samples[label]]
    cpus = [cpu for _, cpu in samples[label]]
    print(f"{label} {statistics.median(walls):.1f} {min(walls):.1f} {max(walls):.1f} {statistics.median(cpus):.0f}")
