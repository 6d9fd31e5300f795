/* common.c — helpers shared by the subcommands: options, diagnostics, dictionary paths. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("detente: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_diag_fn(void *user, const dt_error *e)
{
    cli_diag *d = user;
    bool warning = e->code == DT_OK;
    if (warning)
        d->warnings++;
    else
        d->errors++;
    if (d->quiet || (d->max_print && d->printed >= d->max_print)) {
        if (d->max_print && d->printed == d->max_print && !d->quiet) {
            fprintf(stderr, "detente: (further messages not shown)\n");
            d->printed++;
        }
        return;
    }
    char msg[1400];
    dt_error_format(e, msg, sizeof(msg));
    fprintf(stderr, "detente: %s%s\n", warning ? "warning: " : "", msg);
    d->printed++;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_data_dir(void)
{
    static char path[PATH_MAX];
    const char *env = getenv("DETENTE_DATA");
    if (env && *env) {
        snprintf(path, sizeof(path), "%s", env);
        return path;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        static const char *const rel[] = {"data", "../data", "../share/detente"};
        for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
            char probe[PATH_MAX + 64];
            int w = snprintf(probe, sizeof(probe), "%s/%s/dict", exe, rel[i]);
            if (w > 0 && (size_t)w < sizeof(path) && is_dir(probe)) {
                probe[w - 5] = 0;
                memcpy(path, probe, (size_t)w - 4);
                return path;
            }
        }
    }
    return "data";
}

bool cli_add_dict(cli_dicts *ds, const char *spec)
{
    if (ds->n >= sizeof(ds->specs) / sizeof(ds->specs[0])) {
        cli_error("too many --dict options");
        return false;
    }
    ds->specs[ds->n++] = spec;
    return true;
}

dt_dict *cli_load_dict(const cli_dicts *ds, cli_diag *diag)
{
    static char bundled[PATH_MAX + 8];
    const char *def[1];
    const char *const *specs = ds->specs;
    size_t n = ds->n;
    if (n == 0) {
        snprintf(bundled, sizeof(bundled), "%s/dict", cli_data_dir());
        def[0] = bundled;
        specs = def;
        n = 1;
    }
    dt_dict *d = NULL;
    dt_error err = {0};
    int rc = dt_dict_load(&d, specs, n, cli_diag_fn, diag, &err);
    if (rc) {
        char msg[1400];
        dt_error_format(&err, msg, sizeof(msg));
        cli_error("cannot load dictionaries: %s", msg);
        return NULL;
    }
    return d;
}

bool cli_opt(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *a = argv[*i];
    size_t l = strlen(name);
    if (strncmp(a, name, l) != 0)
        return false;
    if (a[l] == '=') {
        *value = a + l + 1;
        return true;
    }
    if (a[l] != 0)
        return false;
    if (*i + 1 >= argc) {
        cli_error("%s needs a value", name);
        *value = NULL;
        return true;
    }
    *value = argv[++*i];
    return true;
}

bool cli_flush(dt_strbuf *sb)
{
    if (sb->len && fwrite(sb->data, 1, sb->len, stdout) != sb->len)
        return false;
    sb->len = 0;
    return true;
}

const char cli_reader_help[] =
    "Sources: files (plain or .gz), directories (every file below them), - for standard input,\n"
    "http(s) URLs. Reader options:\n"
    "  --input-format F     jsonl, text, html, feed, warc or reuters (default: sniffed)\n"
    "  --field-id NAME      JSON Lines field names (defaults id, text, date, title, url)\n"
    "  --field-text NAME    --field-date NAME  --field-title NAME  --field-url NAME\n"
    "  --follow-links       feeds: fetch each item's page and extract the article\n"
    "  --any-language       keep documents that are not in English\n"
    "  --keep-duplicates    keep documents whose text was already seen in this run\n"
    "  --timeout S          URLs: seconds per transfer (default 30)\n"
    "  --max-download N     URLs: size cap in bytes (default 33554432)\n"
    "  --max-record N       largest record or document in bytes (default 67108864)\n";

static bool parse_size(const char *v, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long x = strtoull(v, &end, 10);
    if (errno || end == v || *end || x == 0)
        return false;
    *out = (size_t)x;
    return true;
}

int cli_reader_opt(int argc, char **argv, int *i, dt_reader_opts *ro)
{
    static const char *const fields[] = {"--field-id", "--field-text", "--field-date", "--field-title", "--field-url"};
    const char **slots[] = {&ro->field_id, &ro->field_text, &ro->field_date, &ro->field_title, &ro->field_url};
    const char *v;
    for (size_t k = 0; k < 5; k++)
        if (cli_opt(argc, argv, i, fields[k], &v)) {
            if (!v)
                return -1;
            *slots[k] = v;
            return 1;
        }
    if (cli_opt(argc, argv, i, "--input-format", &v)) {
        if (!v)
            return -1;
        ro->format = v;
        return 1;
    }
    if (strcmp(argv[*i], "--follow-links") == 0) {
        ro->follow_links = 1;
        return 1;
    }
    if (strcmp(argv[*i], "--any-language") == 0) {
        ro->any_language = 1;
        return 1;
    }
    if (strcmp(argv[*i], "--keep-duplicates") == 0) {
        ro->keep_duplicates = 1;
        return 1;
    }
    if (cli_opt(argc, argv, i, "--timeout", &v)) {
        size_t t;
        if (!v || !parse_size(v, &t)) {
            cli_error("--timeout needs a number of seconds");
            return -1;
        }
        ro->timeout_s = (long)t;
        return 1;
    }
    if (cli_opt(argc, argv, i, "--max-download", &v)) {
        if (!v || !parse_size(v, &ro->max_download)) {
            cli_error("--max-download needs a number of bytes");
            return -1;
        }
        return 1;
    }
    if (cli_opt(argc, argv, i, "--max-record", &v)) {
        if (!v || !parse_size(v, &ro->max_record)) {
            cli_error("--max-record needs a number of bytes");
            return -1;
        }
        return 1;
    }
    return 0;
}

void cli_stats_add(dt_reader_stats *sum, const dt_reader_stats *st)
{
    sum->records += st->records;
    sum->docs += st->docs;
    sum->skipped += st->skipped;
    sum->duplicates += st->duplicates;
    sum->other_lang += st->other_lang;
    sum->empty += st->empty;
    sum->sources += st->sources;
    sum->bytes += st->bytes;
}

void cli_reader_summary(const dt_reader_stats *st, const char *what)
{
    fprintf(stderr,
            "detente: %zu documents from %zu source%s (%zu records%s); %zu skipped (%zu without text), "
            "%zu duplicates, %zu not in English\n",
            st->docs, st->sources, st->sources == 1 ? "" : "s", st->records, what ? what : "", st->skipped,
            st->empty, st->duplicates, st->other_lang);
}

long cli_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : n;
}
