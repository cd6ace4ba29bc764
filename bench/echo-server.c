#define _GNU_SOURCE
/* The floor for the transport benchmark: the least a JSON-RPC server over stdio with LSP
 * framing can do. Reads Content-Length frames, parses each body with Jansson (json_loadb),
 * replies {"jsonrpc":"2.0","id":<id>,"result":<params>} serialised compactly, one write per
 * message. Built and run by bench/run.sh next to `preflight serve` over the same pipes. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static char *buf; static size_t cap = 1 << 20, len = 0, pos = 0;

static int fill(void) {
    if (pos > 0) { memmove(buf, buf + pos, len - pos); len -= pos; pos = 0; }
    if (len == cap) { cap *= 2; buf = realloc(buf, cap); }
    ssize_t n = read(0, buf + len, cap - len);
    if (n <= 0) return 0;
    len += (size_t)n; return 1;
}

static void write_all(const char *p, size_t n) {
    while (n > 0) { ssize_t w = write(1, p, n); if (w <= 0) exit(0); p += w; n -= (size_t)w; }
}

int main(void) {
    buf = malloc(cap);
    json_object_seed(0);
    for (;;) {
        char *end;
        while (!(end = memmem(buf + pos, len - pos, "\r\n\r\n", 4))) if (!fill()) return 0;
        long body = -1;
        for (char *line = buf + pos; line < end;) {
            char *eol = memmem(line, (size_t)(end - line) + 2, "\r\n", 2);
            if (strncasecmp(line, "Content-Length:", 15) == 0) body = strtol(line + 15, NULL, 10);
            line = eol + 2;
        }
        size_t start = (size_t)(end - buf) + 4;
        while (len < start + (size_t)body) { size_t keep = start - pos; pos = start - keep; if (!fill()) return 0; start = pos + keep; }
        json_error_t error;
        json_t *req = json_loadb(buf + start, (size_t)body, JSON_DECODE_ANY | JSON_ALLOW_NUL, &error);
        pos = start + (size_t)body;
        if (!req) continue;
        json_t *reply = json_object();
        json_object_set_new(reply, "jsonrpc", json_string("2.0"));
        json_object_set(reply, "id", json_object_get(req, "id") ? json_object_get(req, "id") : json_null());
        json_t *params = json_object_get(req, "params");
        json_object_set(reply, "result", params ? params : json_null());
        size_t size = json_dumpb(reply, NULL, 0, JSON_COMPACT | JSON_REAL_PRECISION(15));
        char *out = malloc(size + 64);
        int header = snprintf(out, 64, "Content-Length: %zu\r\n\r\n", size);
        json_dumpb(reply, out + header, size, JSON_COMPACT | JSON_REAL_PRECISION(15));
        write_all(out, (size_t)header + size);
        free(out); json_decref(reply); json_decref(req);
    }
}
