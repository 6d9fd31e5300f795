/* cmd_extract.c — `detente extract SOURCE...`: run the readers and the article extraction
 * alone and print one JSON line per document: source, url, title, date, date_source, text. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char extract_usage[] =
    "usage: detente extract [OPTIONS] SOURCE...\n"
    "Reads documents (text, JSON Lines, HTML pages, RSS/Atom feeds, WARC archives, Reuters XML;\n"
    "gzip-compressed or not) and prints one JSON object per document:\n"
    "  {\"source\", \"url\", \"title\", \"date\", \"date_source\", \"text\"}\n"
    "  --id                 add the document id, language and text hash to each line\n"
    "  -q, --quiet          no closing summary\n";

static int sb_reserve(dt_strbuf *sb, size_t n)
{
    if (sb->len + n + 1 <= sb->cap)
        return 0;
    size_t cap = sb->cap ? sb->cap : 65536;
    while (cap < sb->len + n + 1)
        cap *= 2;
    char *p = realloc(sb->data, cap);
    if (!p)
        return -1;
    sb->data = p;
    sb->cap = cap;
    return 0;
}

static int put(dt_strbuf *sb, const char *s, size_t n)
{
    if (sb_reserve(sb, n))
        return -1;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    return 0;
}

/* A JSON string literal; the text is valid UTF-8 (the readers see to it). */
static int put_json(dt_strbuf *sb, const char *s, size_t n)
{
    if (sb_reserve(sb, n * 2 + 2))
        return -1;
    char *o = sb->data + sb->len;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            *o++ = '\\';
            *o++ = (char)c;
        } else if (c == '\n') {
            *o++ = '\\';
            *o++ = 'n';
        } else if (c == '\t') {
            *o++ = '\\';
            *o++ = 't';
        } else if (c < 0x20) {
            sb->len = (size_t)(o - sb->data);
            char esc[8];
            snprintf(esc, sizeof(esc), "\\u%04x", c);
            if (put(sb, esc, 6))
                return -1;
            if (sb_reserve(sb, (n - i) * 2 + 2))
                return -1;
            o = sb->data + sb->len;
        } else {
            *o++ = (char)c;
        }
    }
    *o++ = '"';
    sb->len = (size_t)(o - sb->data);
    return 0;
}

static int put_field(dt_strbuf *sb, const char *key, const char *val, size_t n, bool first)
{
    if (!first && put(sb, ",", 1))
        return -1;
    if (put_json(sb, key, strlen(key)) || put(sb, ":", 1))
        return -1;
    return put_json(sb, val ? val : "", val ? n : 0);
}

static int write_doc(dt_strbuf *sb, const dt_doc *d, bool ids)
{
#define S(x) (x), strlen(x)
    if (put(sb, "{", 1) || put_field(sb, "source", S(d->source), true) || put_field(sb, "url", S(d->url), false) ||
        put_field(sb, "title", S(d->title), false) || put_field(sb, "date", S(d->date), false) ||
        put_field(sb, "date_source", S(d->date_source), false))
        return -1;
    if (ids) {
        char h[24];
        snprintf(h, sizeof(h), "%016llx", (unsigned long long)d->text_hash);
        if (put_field(sb, "id", S(d->id), false) || put_field(sb, "lang", S(d->lang), false) ||
            put_field(sb, "format", S(d->format), false) || put_field(sb, "text_hash", S(h), false))
            return -1;
    }
    if (put_field(sb, "text", d->text, d->text_len, false) || put(sb, "}\n", 2))
        return -1;
    return 0;
#undef S
}

int cmd_extract(int argc, char **argv)
{
    dt_reader_opts ro = {0};
    bool quiet = false, ids = false;
    const char **sources = calloc((size_t)argc, sizeof(char *));
    size_t nsources = 0;
    if (!sources)
        return EXIT_FAIL;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r = cli_reader_opt(argc, argv, &i, &ro);
        if (r < 0) {
            free(sources);
            return EXIT_USAGE;
        }
        if (r > 0)
            continue;
        if (cli_opt(argc, argv, &i, "--format", &v)) {
            if (!v) {
                free(sources);
                return EXIT_USAGE;
            }
            ro.format = v;
        } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "--id") == 0) {
            ids = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(extract_usage, stdout);
            fputs(cli_reader_help, stdout);
            free(sources);
            return EXIT_OKAY;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option %s", argv[i]);
            fputs(extract_usage, stderr);
            free(sources);
            return EXIT_USAGE;
        } else {
            sources[nsources++] = argv[i];
        }
    }
    if (nsources == 0)
        sources[nsources++] = "-";
    dt_seen *seen = NULL;
    if (dt_seen_new(&seen)) {
        free(sources);
        return EXIT_FAIL;
    }
    ro.seen = seen;
    cli_diag diag = {0};
    diag.max_print = 200;
    dt_reader_stats sum = {0};
    dt_strbuf out = {0};
    int status = EXIT_OKAY;
    for (size_t s = 0; s < nsources && status != EXIT_FAIL; s++) {
        dt_reader *rd = NULL;
        dt_error err = {0};
        if (dt_reader_open(&rd, sources[s], &ro, &err)) {
            char msg[1400];
            dt_error_format(&err, msg, sizeof(msg));
            cli_error("%s", msg);
            status = err.code == DT_EFORMAT ? EXIT_USAGE : EXIT_FAIL;
            break;
        }
        dt_doc doc;
        int rc;
        while ((rc = dt_reader_next(rd, &doc, cli_diag_fn, &diag)) == 1) {
            if (write_doc(&out, &doc, ids)) {
                cli_error("out of memory");
                status = EXIT_FAIL;
                break;
            }
            if (out.len > (1u << 20) && !cli_flush(&out)) {
                status = EXIT_FAIL;
                break;
            }
        }
        if (rc < 0) {
            cli_error("%s: %s", sources[s], dt_strerror(rc));
            status = EXIT_FAIL;
        }
        dt_reader_stats st;
        dt_reader_get_stats(rd, &st);
        cli_stats_add(&sum, &st);
        dt_reader_close(rd);
    }
    if (!cli_flush(&out) || fflush(stdout) != 0) {
        cli_error("write error on standard output");
        status = EXIT_FAIL;
    }
    if (!quiet)
        cli_reader_summary(&sum, NULL);
    if (status == EXIT_OKAY && sum.skipped)
        status = EXIT_SKIPPED;
    free(out.data);
    free(sources);
    dt_seen_free(seen);
    return status;
}
