#!/usr/bin/env python3
"""The Python side of bench/tokenizers.sh: tiktoken (and quicktok) on the same inputs.

    tokenizers-python.py LIBRARY throughput ENCODING FILE SECONDS   best of repeated counts
    tokenizers-python.py LIBRARY count ENCODING FILE                one count (whole-process runs)
    tokenizers-python.py LIBRARY load ENCODING...                   load time(s) and peak RSS

LIBRARY is tiktoken (counts with len(encode_ordinary(text)), as the issue asks) or quicktok
(its count(text), which builds no list). Output is key=value, like preflight-tokenizer-bench.
"""
import resource, sys, time

library, command = sys.argv[1], sys.argv[2]
if library == "tiktoken":
    import tiktoken as lib

    def counter(enc):
        return lambda text: len(enc.encode_ordinary(text))
else:
    import quicktok as lib

    def counter(enc):
        return enc.count


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


if command == "load":
    for name in sys.argv[3:]:
        t0 = time.perf_counter()
        enc = lib.get_encoding(name)
        t1 = time.perf_counter()
        n = counter(enc)("Hello, world!")
        t2 = time.perf_counter()
        print(f"encoding={name} load_ms={(t1 - t0) * 1000:.1f} first_count_ms={(t2 - t1) * 1000:.3f} tokens={n}")
    print(f"rss_mib={rss_mib()}")
    sys.exit(0)

name, path = sys.argv[3], sys.argv[4]
with open(path, "rb") as f:
    data = f.read()
text = data.decode("utf-8")
count = counter(lib.get_encoding(name))
if command == "count":
    print(count(text))
    sys.exit(0)
budget = float(sys.argv[5])
best, runs, start = float("inf"), 0, time.perf_counter()
while runs < 3 or time.perf_counter() - start < budget:
    t0 = time.perf_counter()
    try:
        tokens = count(text)
    except BaseException as error:  # tiktoken's regex overflows its stack on a megabyte of spaces (a pyo3 panic)
        print(f"tokens=- bytes={len(data)} error={type(error).__name__}")
        sys.exit(0)
    best = min(best, time.perf_counter() - t0)
    runs += 1
print(f"tokens={tokens} bytes={len(data)} runs={runs} best_ms={best * 1000:.2f} "
      f"mbps={len(data) / 1e6 / best:.1f} rss_mib={rss_mib()}")
