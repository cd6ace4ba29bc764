#!/usr/bin/env python3
"""RSS of `preflight serve` with the default set of vocabularies and with every one loaded.

    tokenizer-families-rss.py PREFLIGHT_BIN MODELS_DIR NAME...

Starts the server (newline-delimited JSON), initializes it, counts a text with the default
tokenizer and runs one `preflight/estimate` (which loads the vocabularies of the models whose
cost can still win their tier): that is the default set, since the registry loads a vocabulary
on its first count only. Then counts the text with each NAME. After each stage it reads VmRSS and VmHWM from /proc.
Prints Markdown.
"""
import json, os, subprocess, sys

binary, models, names = sys.argv[1], sys.argv[2], sys.argv[3:]
# The compiled-table cache directory comes from these (docs/TOKENIZERS.md, "Compiled tables");
# PREFLIGHT_VOCAB_CACHE=off measures the server without it.
environment = {"PREFLIGHT_MODELS": models, "PATH": "/usr/bin:/bin"}
environment.update({k: os.environ[k] for k in ("HOME", "XDG_CACHE_HOME", "PREFLIGHT_VOCAB_CACHE") if k in os.environ})
server = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=environment)
next_id = 0


def call(method, params):
    global next_id
    next_id += 1
    server.stdin.write((json.dumps({"jsonrpc": "2.0", "id": next_id, "method": method, "params": params}) + "\n").encode())
    server.stdin.flush()
    while True:
        reply = json.loads(server.stdout.readline())
        if reply.get("id") == next_id:
            if "error" in reply:
                sys.exit(f"{method}: {reply['error']}")
            return reply["result"]


def memory():
    values = {}
    with open(f"/proc/{server.pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0]) / 1024
    return values


text = "Hello, 世界! Привет, мир. こんにちは — a prompt of ordinary length to count and price. " * 20
call("initialize", {"processId": None, "capabilities": {}})
server.stdin.write(b'{"jsonrpc":"2.0","method":"initialized","params":{}}\n')
rows = [("started and initialized", memory())]
call("preflight/countTokens", {"text": text})
call("preflight/estimate", {"prompt": text})
rows.append(("default set: countTokens (o200k_base) and one estimate (the vocabularies it needs)", memory()))
for name in names:
    result = call("preflight/countTokens", {"text": text, "tokenizer": name})
    assert result["exact"], result
rows.append((f"then countTokens with {', '.join(names)} (every vocabulary loaded)", memory()))
call("shutdown", None)
server.stdin.write(b'{"jsonrpc":"2.0","method":"exit"}\n')
server.stdin.close()
server.wait(timeout=10)
print("`preflight serve` (release), RSS after each stage:")
print()
print("| stage | VmRSS MiB | VmHWM (peak) MiB |")
print("| --- | ---: | ---: |")
for stage, values in rows:
    print(f"| {stage} | {values['VmRSS']:.1f} | {values['VmHWM']:.1f} |")
