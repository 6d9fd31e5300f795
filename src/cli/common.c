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
