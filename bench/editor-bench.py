#!/usr/bin/env python3
"""Keystroke to refreshed code lens, CPU per keystroke and RSS over many edits, against
`preflight serve` as an editor drives it (LSP framing over pipes, standard library only).

  bench/editor-bench.py BIN MODELS [--keystrokes 100] [--edits 10000] [--size 20000]

1. Latency: a 20 KB prompt is opened; then, one at a time, a keystroke (an incremental
   didChange inserting one character) is sent and the client waits for the server's
   `workspace/codeLens/refresh`, asks for the lens and checks its title is the new one. The
   time from the keystroke to the lens reply, minus the debounce window (`debounceMs`, 250 by
   default), is what a person waits after they stop typing. p50 and p99.
2. CPU per keystroke: the server's user+system CPU (from /proc) over a typing run of
   `--edits` keystrokes at 20 ms intervals in bursts (a pause of 400 ms every 40 keys, so the
   debounced estimate runs as it would while someone types), divided by the keystrokes.
3. RSS: the server's resident memory every 1,000 edits (each checkpoint waits for a reply) up
   to `--edits`; no growth is the goal. Then `--unpaced-bursts` bursts of `--edits` edits written
   without waiting, RSS after each (the transport's read-ahead sets a high-water mark once).
"""
import json, os, subprocess, sys, threading, time, statistics, argparse

parser = argparse.ArgumentParser()
parser.add_argument("bin"); parser.add_argument("models")
parser.add_argument("--keystrokes", type=int, default=100)
parser.add_argument("--edits", type=int, default=10000)
parser.add_argument("--size", type=int, default=20000)
parser.add_argument("--debounce", type=int, default=250)
parser.add_argument("--typing-keys", type=int, default=400)
parser.add_argument("--unpaced-bursts", type=int, default=2)
args = parser.parse_args()

server = subprocess.Popen([args.bin, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=dict(os.environ, PREFLIGHT_MODELS=args.models))
lock = threading.Condition()
inbox = []

def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()

def reader():
    stream = server.stdout
    while True:
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = stream.read(1)
            if not byte:
                return
            header += byte
        length = int(header.split(b":")[1].split(b"\r")[0])
        message = json.loads(stream.read(length))
        with lock:
            inbox.append((time.perf_counter(), message))
            lock.notify_all()

threading.Thread(target=reader, daemon=True).start()

def wait_for(predicate, timeout=30):
    deadline = time.time() + timeout
    with lock:
        while True:
            for index, (stamp, message) in enumerate(inbox):
                if predicate(message):
                    del inbox[:index + 1]
                    return stamp, message
            if not lock.wait(timeout=max(0.0, deadline - time.time())):
                raise SystemExit("timed out; last messages: %s" % [m for _, m in inbox[-3:]])

def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks

def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "capabilities": {"workspace": {"codeLens": {"refreshSupport": True}}},
    "initializationOptions": {"debounceMs": args.debounce}}})
wait_for(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

paragraph = ("Summarise the quarterly report below for the board: revenue, margins, the three largest "
             "risks, and what management proposes to do about each. Keep it under 300 words.\n\n")
text = (paragraph * (args.size // len(paragraph) + 1))[:args.size]
uri = "file:///bench/prompt.prompt"
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "prompt", "version": 1, "text": text}}})
version = 1

def answer_refresh(m):
    if m.get("method") == "workspace/codeLens/refresh":
        send({"jsonrpc": "2.0", "id": m["id"], "result": None})
        return True
    return False

wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
wait_for(answer_refresh)
lines = text.split("\n")
last_line = len(lines) - 1
column = len(lines[-1])
next_id = 10

def keystroke(character="x"):
    global version, column
    version += 1
    position = {"line": last_line, "character": column}
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": position, "end": position}, "text": character}]}})
    column += 1

# 1. Keystroke to refreshed lens.
latencies = []
for _ in range(args.keystrokes):
    start = time.perf_counter()
    keystroke()
    wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
    wait_for(answer_refresh)
    next_id += 1
    send({"jsonrpc": "2.0", "id": next_id, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": uri}}})
    stamp, reply = wait_for(lambda m, i=next_id: m.get("id") == i)
    assert reply["result"][0]["command"]["title"].endswith("credits"), reply
    latencies.append((stamp - start) * 1000 - args.debounce)
latencies.sort()
p50 = statistics.median(latencies)
p99 = latencies[min(len(latencies) - 1, int(round(0.99 * (len(latencies) - 1))))]
print("keystroke -> refreshed lens, %d keystrokes on a %d-byte prompt, after the %d ms debounce: "
      "p50 %.1f ms, p99 %.1f ms, min %.1f ms" % (len(latencies), len(text.encode()), args.debounce, p50, p99, latencies[0]))

# 2. CPU per keystroke while typing (bursts of 40 keys 20 ms apart, then a 400 ms pause).
with lock:
    inbox.clear()
cpu_before = cpu_seconds(server.pid)
analyses_before = 0
typed = 0
while typed < args.typing_keys:
    for _ in range(40):
        keystroke()
        typed += 1
        time.sleep(0.02)
    time.sleep(0.4)
time.sleep(0.5)
cpu_typing = cpu_seconds(server.pid) - cpu_before
with lock:
    published = sum(1 for _, m in inbox if m.get("method") == "textDocument/publishDiagnostics")
    inbox.clear()
print("typing %d keystrokes (bursts of 40 at 20 ms, 400 ms pauses): server CPU %.1f ms total, %.3f ms per keystroke, "
      "%d estimates published" % (typed, cpu_typing * 1000, cpu_typing * 1000 / typed, published))

# 3. RSS over back-to-back edits (debounced: the estimate runs at the end of each burst).
rss_start = rss_kib(server.pid)
cpu_before = cpu_seconds(server.pid)
checkpoints = {}
for index in range(args.edits):
    keystroke("y" if index % 2 else "z")
    if (index + 1) % 1000 == 0:
        next_id += 1
        send({"jsonrpc": "2.0", "id": next_id, "method": "preflight/countTokens", "params": {"text": "x"}})
        wait_for(lambda m, i=next_id: m.get("id") == i)
        checkpoints[index + 1] = rss_kib(server.pid)
rss_1000 = checkpoints.get(1000, rss_start)
next_id += 1
send({"jsonrpc": "2.0", "id": next_id, "method": "preflight/countTokens", "params": {"text": "x"}})
wait_for(lambda m, i=next_id: m.get("id") == i)
cpu_burst = cpu_seconds(server.pid) - cpu_before
rss_end = rss_kib(server.pid)
print("%d edits back to back: server CPU %.3f ms per edit; RSS %d KiB before, %d KiB after 1,000, %d KiB after %d "
      "(growth after the first 1,000: %+d KiB)" % (args.edits, cpu_burst * 1000 / args.edits, rss_start, rss_1000,
                                                  rss_end, args.edits, rss_end - rss_1000))
print("RSS every 1,000 edits (KiB): " + ", ".join("%d" % checkpoints[k] for k in sorted(checkpoints)))
# 4. The same edits written unread as fast as the pipe takes them: the transport reads ahead
# (up to `maxQueuedMessages` parsed messages), which sets the allocator's high-water mark once.
unpaced = []
for burst in range(args.unpaced_bursts):
    for index in range(args.edits):
        keystroke("u")
    next_id += 1
    send({"jsonrpc": "2.0", "id": next_id, "method": "preflight/countTokens", "params": {"text": "x"}})
    wait_for(lambda m, i=next_id: m.get("id") == i, timeout=120)
    unpaced.append(rss_kib(server.pid))
if unpaced:
    print("RSS after each unpaced burst of %d edits (KiB): %s" % (args.edits, ", ".join("%d" % r for r in unpaced)))
send({"jsonrpc": "2.0", "id": 999999, "method": "shutdown"})
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=10)
