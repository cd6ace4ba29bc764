/* Transport benchmark driver: spawns a server command with pipes, then measures
 *   1. sequential round trips (send one framed request, wait for its reply): p50/p99 in µs;
 *   2. pipelined throughput (a writer thread sends N requests, the main thread reads N replies).
 * Usage: rpc-bench SEQUENTIAL PIPELINED PAYLOAD_FILE -- server-command args...
 * The payload file holds the request body template; "%ID%" is replaced by the id.
 * Output: one line "p50_us=… p99_us=… mean_us=… rps=…". */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int to_server, from_server;
static char *rbuf; static size_t rcap = 1 << 22, rlen = 0, rpos = 0;

static double now_us(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) { ssize_t w = write(fd, p, n); if (w <= 0) { perror("write"); exit(1); } p += w; n -= (size_t)w; }
}

static char *frame(const char *tmpl, long id, size_t *out_len) {
    char idtext[32]; snprintf(idtext, sizeof idtext, "%ld", id);
    const char *mark = strstr(tmpl, "%ID%");
    size_t blen = strlen(tmpl) - 4 + strlen(idtext);
    char *out = malloc(blen + 64);
    int h = sprintf(out, "Content-Length: %zu\r\n\r\n", blen);
    size_t pre = (size_t)(mark - tmpl);
    memcpy(out + h, tmpl, pre); memcpy(out + h + pre, idtext, strlen(idtext));
    strcpy(out + h + pre + strlen(idtext), mark + 4);
    *out_len = (size_t)h + blen; return out;
}

/* Reads one framed reply; returns 0 at EOF. */
static int read_reply(void) {
    for (;;) {
        char *end = memmem(rbuf + rpos, rlen - rpos, "\r\n\r\n", 4);
        if (end) {
            long body = strtol(rbuf + rpos + 16, NULL, 10);
            size_t start = (size_t)(end - rbuf) + 4;
            if (rlen >= start + (size_t)body) { rpos = start + (size_t)body; return 1; }
        }
        if (rpos > 0) { memmove(rbuf, rbuf + rpos, rlen - rpos); rlen -= rpos; rpos = 0; }
        if (rlen == rcap) { rcap *= 2; rbuf = realloc(rbuf, rcap); }
        ssize_t n = read(from_server, rbuf + rlen, rcap - rlen);
        if (n <= 0) return 0;
        rlen += (size_t)n;
    }
}

static const char *tmpl; static long pipelined;
static void *writer(void *arg) {
    (void)arg;
    for (long i = 0; i < pipelined; i++) { size_t n; char *f = frame(tmpl, 1000000 + i, &n); write_all(to_server, f, n); free(f); }
    return NULL;
}

static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

int main(int argc, char **argv) {
    if (argc < 6) { fprintf(stderr, "usage: rpc-bench SEQ PIPELINED PAYLOAD -- cmd...\n"); return 64; }
    long sequential = atol(argv[1]); pipelined = atol(argv[2]);
    FILE *f = fopen(argv[3], "rb"); if (!f) { perror(argv[3]); return 2; }
    static char payload[1 << 20]; size_t plen = fread(payload, 1, sizeof payload - 1, f); payload[plen] = 0; fclose(f);
    while (plen && (payload[plen - 1] == '\n')) payload[--plen] = 0;
    tmpl = payload;
    int in[2], out[2]; if (pipe(in) || pipe(out)) return 1;
    pid_t pid = fork();
    if (pid == 0) { dup2(in[0], 0); dup2(out[1], 1); close(in[1]); close(out[0]); execvp(argv[5], argv + 5); perror("exec"); _exit(127); }
    close(in[0]); close(out[1]); to_server = in[1]; from_server = out[0];
    rbuf = malloc(rcap);
    const char *init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}";
    char hdr[64]; int h = sprintf(hdr, "Content-Length: %zu\r\n\r\n", strlen(init));
    write_all(to_server, hdr, (size_t)h); write_all(to_server, init, strlen(init));
    if (!read_reply()) { fprintf(stderr, "server closed\n"); return 1; }
    /* warm-up */
    for (long i = 0; i < 200; i++) { size_t n; char *fr = frame(tmpl, i + 1, &n); write_all(to_server, fr, n); free(fr); read_reply(); }
    double *lat = malloc(sizeof(double) * (size_t)sequential), sum = 0;
    for (long i = 0; i < sequential; i++) {
        size_t n; char *fr = frame(tmpl, 10000 + i, &n);
        double t0 = now_us(); write_all(to_server, fr, n); if (!read_reply()) return 1; lat[i] = now_us() - t0; sum += lat[i];
        free(fr);
    }
    qsort(lat, (size_t)sequential, sizeof(double), cmp);
    pthread_t th; double t0 = now_us();
    pthread_create(&th, NULL, writer, NULL);
    for (long i = 0; i < pipelined; i++) if (!read_reply()) { fprintf(stderr, "short read\n"); return 1; }
    double elapsed = now_us() - t0; pthread_join(th, NULL);
    printf("p50_us=%.1f p99_us=%.1f mean_us=%.1f rps=%.0f\n", lat[sequential / 2], lat[(long)(sequential * 0.99)], sum / sequential, pipelined / (elapsed / 1e6));
    close(to_server); waitpid(pid, NULL, 0);
    return 0;
}
