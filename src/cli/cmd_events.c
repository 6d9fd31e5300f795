/* cmd_events.c — `detente events`: read events from the store by actor, dyad, code,
 * quad class, issue, dates and sentence text; print an aligned table or TSV/CSV/JSONL. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const char events_usage[] =
    "usage: detente events [--db PATH] [FILTERS] [--one-a-day] [--limit N] [--newest] [--count]\n"
    "                      [--format table|tsv|csv|jsonl]\n"
    "filters (all must hold):\n"
    "  --actor P       P is the source or the target     P: PRKGOV (that code), PRK* (codes\n"
    "  --source P      P is the source                      beginning with PRK), PRK (the whole\n"
    "  --target P      P is the target                      country, like PRK*), =PRK (bare code)\n"
    "  --dyad A-B      between A and B, either direction; A>B: A acting on B (quote the >)\n"
    "  --code LIST     CAMEO codes, exact or prefix: 190,1711,14*\n"
    "  --root LIST     two-digit root codes: 18,19,20\n"
    "  --quad LIST     1-4 or verbal-coop, material-coop, verbal-conflict, material-conflict,\n"
    "                  coop (1,2), conflict (3,4)\n"
    "  --issue TAG     events whose sentence has this issue tag (NUCLEAR)\n"
    "  --from DATE     on or after YYYY-MM-DD;  --to DATE  on or before\n"
    "  --text QUERY    full-text search of the sentence (words, \"a phrase\", OR, NOT, prefix*)\n"
    "--one-a-day keeps one event per date, source, target and code; --limit N the first N (in\n"
    "date order, or newest first with --newest); --count prints the number of events only.\n";

/* A comma-separated list of quad classes as a bit mask; 0 on error. */
static unsigned parse_quads(const char *list)
{
    static const struct {
        const char *name;
        unsigned mask;
    } names[] = {
        {"1", 1u << 1}, {"2", 1u << 2}, {"3", 1u << 3}, {"4", 1u << 4},
        {"verbal-coop", 1u << 1}, {"material-coop", 1u << 2}, {"verbal-conflict", 1u << 3},
        {"material-conflict", 1u << 4}, {"coop", (1u << 1) | (1u << 2)}, {"conflict", (1u << 3) | (1u << 4)},
    };
    unsigned mask = 0;
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        unsigned m = 0;
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
            if (strlen(names[i].name) == n && strncmp(names[i].name, p, n) == 0)
                m = names[i].mask;
        if (!m)
            return 0;
        mask |= m;
        if (!end)
            return mask;
        p = end + 1;
    }
}

static int terminal_width(void)
{
    struct winsize ws;
    if (cli_isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    long w = c ? strtol(c, NULL, 10) : 0;
    return w >= 40 && w <= 1000 ? (int)w : 120;
}

/* Append s padded with spaces to width (codes are ASCII). */
static void put_padded(dt_strbuf *sb, const char *s, int width)
{
    char cell[64];
    snprintf(cell, sizeof(cell), "%-*s ", width, s);
    size_t n = strlen(cell);
    if (sb->len + n + 1 > sb->cap) {
        size_t nc = (sb->cap ? sb->cap * 2 : 4096) + n;
        char *p = realloc(sb->data, nc);
        if (!p)
            return;
        sb->data = p;
        sb->cap = nc;
    }
    memcpy(sb->data + sb->len, cell, n);
    sb->len += n;
}

/* Bytes of the UTF-8 sequence that starts with byte c (1 for stray bytes). */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

/* Append UTF-8 text on one line, cut to max_chars characters with an ellipsis. */
static void put_clipped(dt_strbuf *sb, const char *s, int max_chars, bool utf8)
{
    size_t len = strlen(s), need = len + 8;
    if (sb->len + need + 1 > sb->cap) {
        size_t nc = sb->cap * 2 + need;
        char *p = realloc(sb->data, nc);
        if (!p)
            return;
        sb->data = p;
        sb->cap = nc;
    }
    size_t chars = 0;
    for (size_t i = 0; i < len; i += seq_len((unsigned char)s[i]))
        chars++;
    size_t keep = chars <= (size_t)max_chars ? chars : (size_t)max_chars - 1;
    size_t i = 0;
    for (size_t k = 0; k < keep && i < len; k++) {
        size_t l = seq_len((unsigned char)s[i]);
        for (size_t j = 0; j < l && i + j < len; j++) {
            char ch = s[i + j];
            sb->data[sb->len++] = ch == '\n' || ch == '\t' || ch == '\r' ? ' ' : ch;
        }
        i += l;
    }
    if (keep < chars) {
        const char *ell = utf8 ? "\xe2\x80\xa6" : ".";
        memcpy(sb->data + sb->len, ell, strlen(ell));
        sb->len += strlen(ell);
    }
    sb->data[sb->len++] = '\n';
}

int cmd_events(int argc, char **argv)
{
    const char *db = CLI_DEFAULT_DB, *fmt_name = "table", *v;
    dt_event_filter f;
    memset(&f, 0, sizeof(f));
    bool count_only = false;
    for (int i = 1; i < argc; i++) {
        const char **slot = NULL;
        if (cli_opt(argc, argv, &i, "--db", &v))
            slot = &db;
        else if (cli_opt(argc, argv, &i, "--actor", &v))
            slot = &f.actor;
        else if (cli_opt(argc, argv, &i, "--source", &v))
            slot = &f.source;
        else if (cli_opt(argc, argv, &i, "--target", &v))
            slot = &f.target;
        else if (cli_opt(argc, argv, &i, "--dyad", &v))
            slot = &f.dyad;
        else if (cli_opt(argc, argv, &i, "--code", &v))
            slot = &f.codes;
        else if (cli_opt(argc, argv, &i, "--root", &v))
            slot = &f.roots;
        else if (cli_opt(argc, argv, &i, "--issue", &v))
            slot = &f.issue;
        else if (cli_opt(argc, argv, &i, "--from", &v))
            slot = &f.from;
        else if (cli_opt(argc, argv, &i, "--to", &v))
            slot = &f.to;
        else if (cli_opt(argc, argv, &i, "--text", &v))
            slot = &f.text;
        else if (cli_opt(argc, argv, &i, "--format", &v))
            slot = &fmt_name;
        else if (cli_opt(argc, argv, &i, "--quad", &v)) {
            if (!v)
                return EXIT_USAGE;
            if (!(f.quads = parse_quads(v))) {
                cli_error("bad --quad \"%s\" (expected 1-4 or verbal-coop, material-coop, verbal-conflict, "
                          "material-conflict, coop, conflict; commas between)", v);
                return EXIT_USAGE;
            }
            continue;
        } else if (cli_opt(argc, argv, &i, "--limit", &v)) {
            long long n;
            if (!v || !cli_parse_count("--limit", v, &n))
                return EXIT_USAGE;
            f.limit = n;
            continue;
        } else if (strcmp(argv[i], "--one-a-day") == 0) {
            f.one_a_day = 1;
            continue;
        } else if (strcmp(argv[i], "--newest") == 0) {
            f.newest_first = 1;
            continue;
        } else if (strcmp(argv[i], "--count") == 0) {
            count_only = true;
            continue;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(events_usage, stdout);
            return EXIT_OKAY;
        } else {
            cli_error(argv[i][0] == '-' ? "unknown option %s" : "unexpected argument %s", argv[i]);
            fputs(events_usage, stderr);
            return EXIT_USAGE;
        }
        if (!v)
            return EXIT_USAGE;
        *slot = v;
    }
    dt_format fmt = DT_FMT_JSONL;
    bool table = strcmp(fmt_name, "table") == 0;
    if (!table && dt_format_parse(fmt_name, &fmt)) {
        cli_error("unknown --format %s (expected table, tsv, csv or jsonl)", fmt_name);
        return EXIT_USAGE;
    }
    /* Check the arguments before touching the store, so usage errors come first. */
    dt_error err = {0};
    const char *pats[] = {f.actor, f.source, f.target};
    for (size_t k = 0; k < 3; k++)
        if (pats[k] && dt_actor_pattern_check(pats[k], &err))
            return cli_fail(DT_EINVAL, &err);
    if (f.dyad && dt_dyad_check(f.dyad, &err))
        return cli_fail(DT_EINVAL, &err);
    dt_store *s = NULL;
    int status = cli_open_store(db, DT_STORE_READONLY, &s);
    if (status)
        return status;
    if (count_only) {
        int64_t n;
        int rc = dt_store_count(s, &f, &n, &err);
        if (rc)
            status = cli_fail(rc, &err);
        else
            printf("%lld\n", (long long)n);
        dt_store_close(s, NULL);
        return status;
    }
    dt_store_cursor *c = NULL;
    int rc = dt_store_query(s, &f, &c, &err);
    if (rc) {
        status = cli_fail(rc, &err);
        dt_store_close(s, NULL);
        return status;
    }
    dt_strbuf out = {0};
    int width = terminal_width();
    bool utf8 = cli_utf8_locale();
    if (table) {
        char head[160];
        snprintf(head, sizeof(head), "%-10s %-9s %-9s %-4s %s %5s  %s\n", "date", "source", "target", "code", "q",
                 "gold", "sentence");
        fputs(head, stdout);
    } else {
        fputs(dt_stored_event_header(fmt), stdout);
    }
    dt_stored_event ev;
    int64_t n = 0;
    while ((rc = dt_store_cursor_next(c, &ev, &err)) == 1) {
        n++;
        if (table) {
            char num[32];
            put_padded(&out, ev.date[0] ? ev.date : "-", 10);
            put_padded(&out, ev.ev.source, 9);
            put_padded(&out, ev.ev.target, 9);
            put_padded(&out, ev.ev.code, 4);
            snprintf(num, sizeof(num), "%d %5.1f ", ev.ev.quad, ev.ev.goldstein);
            put_padded(&out, num, 8);
            put_clipped(&out, ev.ev.sentence_text, width - 47 > 20 ? width - 47 : 20, utf8);
        } else if (dt_stored_event_write(&out, &ev, fmt)) {
            rc = DT_ENOMEM;
            break;
        }
        if (out.len > (1u << 20) && !cli_flush(&out)) {
            rc = DT_EIO;
            break;
        }
    }
    if (rc < 0)
        status = rc == DT_EIO ? (cli_error("write error on standard output"), EXIT_FAIL) : cli_fail(rc, &err);
    if (!cli_flush(&out) || fflush(stdout) != 0) {
        cli_error("write error on standard output");
        status = EXIT_FAIL;
    }
    if (table && status == EXIT_OKAY)
        printf("%lld event%s\n", (long long)n, n == 1 ? "" : "s");
    free(out.data);
    dt_store_cursor_free(c);
    dt_store_close(s, NULL);
    return status;
}
