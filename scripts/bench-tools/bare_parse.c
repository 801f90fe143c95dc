/* The floor of the benchmark: read each page and parse it with libxml2's HTML parser, nothing
 * else. Same parser options as the strip stage (recover, no network, no errors printed); the
 * encoding is left to libxml2 (BOM and <meta> charset).
 *
 * usage: bare_parse LIST_FILE   (one path a line)
 * prints one JSON line: {"pages": N, "bytes": B, "seconds": S, "cpu_seconds": C, "failed": F}
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: the machine may be shared, so wall time alone can mislead. */
static double cpu(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s LIST_FILE\n", argv[0]);
        return 64;
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 1; }
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, quiet);
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                        | HTML_PARSE_NOBLANKS;
    char path[4096];
    long pages = 0, failed = 0;
    long long bytes = 0;
    size_t capacity = 1 << 16;
    char *buffer = malloc(capacity);
    double started = now(), started_cpu = cpu();
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        if (!*path) continue;
        FILE *file = fopen(path, "rb");
        if (!file) { perror(path); failed++; continue; }
        size_t length = 0, n;
        while ((n = fread(buffer + length, 1, capacity - length, file)) > 0) {
            length += n;
            if (length == capacity) buffer = realloc(buffer, capacity *= 2);
        }
        fclose(file);
        htmlDocPtr doc = htmlReadMemory(buffer, (int)length, path, NULL, options);
        if (doc) xmlFreeDoc(doc); else failed++;
        pages++;
        bytes += (long long)length;
    }
    double seconds = now() - started, cpu_seconds = cpu() - started_cpu;
    fclose(list);
    free(buffer);
    xmlCleanupParser();
    printf("{\"pages\": %ld, \"bytes\": %lld, \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"failed\": %ld}\n",
           pages, bytes, seconds, cpu_seconds, failed);
    return 0;
}
