#!/usr/bin/env python3
"""Transport benchmark driver, the plainest client there is: it spawns a server with pipes, then
writes one framed request and blocks reading its reply, again and again (no threads, no
pipelining). Figures: the cold start (spawn to the `initialize` reply) and the sequential round
trip p50/p99 in microseconds, on one line "start_ms=… p50_us=… p99_us=… mean_us=…".
    blocking-client.py SEQUENTIAL PAYLOAD_FILE -- server-command args...
The payload file holds the request body template; "%ID%" is replaced by the id."""
import os, subprocess, sys, time

def main():
    sequential, payload_file, command = int(sys.argv[1]), sys.argv[2], sys.argv[4:]
    template = open(payload_file, "rb").read().strip()
    start = time.perf_counter()
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    to_server, from_server = server.stdin.fileno(), server.stdout.fileno()
    pending = bytearray()

    def call(body):
        os.write(to_server, b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        nonlocal pending
        while True:
            end = pending.find(b"\r\n\r\n")
            if end >= 0:
                length = int(pending[16:end])
                if len(pending) >= end + 4 + length:
                    del pending[:end + 4 + length]
                    return
            chunk = os.read(from_server, 65536)
            if not chunk:
                sys.exit("server closed its output")
            pending += chunk

    call(b'{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}')
    start_ms = (time.perf_counter() - start) * 1e3
    for i in range(200):  # warm-up
        call(template.replace(b"%ID%", b"%d" % (i + 1)))
    latencies = []
    for i in range(sequential):
        body = template.replace(b"%ID%", b"%d" % (10000 + i))
        t0 = time.perf_counter()
        call(body)
        latencies.append((time.perf_counter() - t0) * 1e6)
    latencies.sort()
    server.stdin.close()
    server.wait()
    print(f"start_ms={start_ms:.2f} p50_us={latencies[len(latencies) // 2]:.1f} "
          f"p99_us={latencies[int(len(latencies) * 0.99)]:.1f} mean_us={sum(latencies) / len(latencies):.1f}")

main()
