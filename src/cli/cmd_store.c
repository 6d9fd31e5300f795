/* cmd_store.c — `detente store`: what a store holds, and `--check` for its consistency;
 * plus the helpers the store commands share (opening a store, errors, terminals). */
#include "cli.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

int cli_fail(int rc, const dt_error *err)
{
    if (err && (err->msg[0] || err->file[0])) {
        char msg[1400];
        dt_error_format(err, msg, sizeof(msg));
        cli_error("%s", msg);
    } else {
        cli_error("%s", dt_strerror(rc));
    }
    return rc == DT_EINVAL ? EXIT_USAGE : EXIT_FAIL;
}

int cli_open_store(const char *path, int flags, dt_store **out)
{
    dt_error err = {0};
    int rc = dt_store_open(out, path, flags, &err);
    if (rc == 0)
        return EXIT_OKAY;
    cli_fail(rc, &err);
    return rc == DT_EINVAL ? EXIT_USAGE : EXIT_FAIL;
}

bool cli_isatty(int fd)
{
    return isatty(fd) == 1;
}

bool cli_utf8_locale(void)
{
    static int known = -1;
    if (known < 0) {
        setlocale(LC_CTYPE, "");
        const char *cs = nl_langinfo(CODESET);
        known = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
        setlocale(LC_CTYPE, "C");
    }
    return known == 1;
}

bool cli_parse_count(const char *opt, const char *v, long long *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || end == v || *end || n < 0) {
        cli_error("bad %s \"%s\" (expected a whole number, 0 or more)", opt, v);
        return false;
    }
    *out = n;
    return true;
}

static const char store_usage[] =
    "usage: detente store [--db PATH] [--check]\n"
    "Shows what the store holds: schema version, documents, copies, sentences, events, dyad-days,\n"
    "the dates covered and whether full-text search is available. --check also verifies it:\n"
    "SQLite's integrity check, the full-text index, every document's sentences and events, and\n"
    "the dyad summary against the events (exit status 1 when a problem is found).\n";

int cmd_store(int argc, char **argv)
{
    const char *db = CLI_DEFAULT_DB, *v;
    bool check = false;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &v)) {
            if (!v)
                return EXIT_USAGE;
            db = v;
        } else if (strcmp(argv[i], "--check") == 0) {
            check = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(store_usage, stdout);
            return EXIT_OKAY;
        } else {
            cli_error(argv[i][0] == '-' ? "unknown option %s" : "unexpected argument %s", argv[i]);
            fputs(store_usage, stderr);
            return EXIT_USAGE;
        }
    }
    dt_store *s = NULL;
    int status = cli_open_store(db, 0, &s);
    if (status)
        return status;
    dt_store_info info;
    dt_error err = {0};
    int rc = dt_store_get_info(s, &info, &err);
    if (rc == 0) {
        printf("store          %s (schema version %d)\n", db, info.version);
        printf("documents      %lld (and %lld copies seen in other sources)\n", (long long)info.documents,
               (long long)info.copies);
        printf("sentences      %lld\n", (long long)info.sentences);
        printf("events         %lld\n", (long long)info.events);
        printf("dyad-days      %lld\n", (long long)info.dyad_days);
        if (info.first_date[0])
            printf("dates          %s to %s\n", info.first_date, info.last_date);
        printf("full text      %s\n", info.fts ? "FTS5" : "not available (SQLite without FTS5): substring match");
    }
    if (rc == 0 && check) {
        dt_strbuf report = {0};
        rc = dt_store_check(s, &report, &err);
        if (report.len)
            fwrite(report.data, 1, report.len, stdout);
        free(report.data);
        if (rc == 0)
            printf("check          ok\n");
    }
    if (rc)
        status = cli_fail(rc, &err) == EXIT_USAGE ? EXIT_USAGE : EXIT_FAIL;
    dt_store_close(s, NULL);
    return status;
}
