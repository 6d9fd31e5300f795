/* cli.h — the detente command line: subcommands and the helpers they share. Uses only
 * the public header. */
#ifndef DT_CLI_H
#define DT_CLI_H

#include "detente.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses. */
enum { EXIT_OKAY = 0, EXIT_FAIL = 1, EXIT_USAGE = 2, EXIT_SKIPPED = 3 };

typedef struct cli_dicts {
    const char *specs[16];
    size_t n;
} cli_dicts;

/* Diagnostics: print "detente: file:line:col: message" to stderr and count them. */
typedef struct cli_diag {
    size_t errors, warnings;
    size_t printed;
    size_t max_print;   /* 0 = unlimited */
    bool quiet;
} cli_diag;
void cli_diag_fn(void *user, const dt_error *e);

/* The bundled dictionary directory (data/dict next to the program, or $DETENTE_DATA). */
const char *cli_data_dir(void);
/* Load the dictionaries named by --dict options (or the bundled ones). Prints errors.
 * Returns NULL on failure. */
dt_dict *cli_load_dict(const cli_dicts *ds, cli_diag *diag);
/* Handle a --dict option; returns false (with a message) when there are too many. */
bool cli_add_dict(cli_dicts *ds, const char *spec);

void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Match "--name VALUE" or "--name=VALUE" at argv[*i]; advances *i. */
bool cli_opt(int argc, char **argv, int *i, const char *name, const char **value);
/* The default of --threads: the processors online, at most 8 (the output is the same
 * bytes whatever the number). */
long cli_default_threads(void);
/* Write all of sb to stdout and clear it; false on a write error. */
bool cli_flush(dt_strbuf *sb);

/* Reader options shared by `code` and `extract`: --input-format, --field-*, --follow-links,
 * --any-language, --keep-duplicates, --timeout, --max-download, --max-record. Returns 1 when
 * argv[*i] was one of them (advancing *i), 0 when not, -1 on a bad value (reported). */
int cli_reader_opt(int argc, char **argv, int *i, dt_reader_opts *ro);
/* Help text for those options. */
extern const char cli_reader_help[];

/* The closing summary of a run over sources ("N documents from M sources; ..."). */
void cli_reader_summary(const dt_reader_stats *st, const char *what);
void cli_stats_add(dt_reader_stats *sum, const dt_reader_stats *st);
/* The store used when --db is not given. */
#define CLI_DEFAULT_DB "detente.db"
/* Open the store at path (flags: DT_STORE_*). Prints the error and returns the exit
 * status (EXIT_OKAY on success). */
int cli_open_store(const char *path, int flags, dt_store **out);
/* Print a library error (its detail when there is one) and return EXIT_USAGE for
 * DT_EINVAL, EXIT_FAIL otherwise. */
int cli_fail(int rc, const dt_error *err);
/* True when standard output (fd 1) or error (fd 2) is a terminal. */
bool cli_isatty(int fd);
/* True when the locale's character set is UTF-8 (for block characters). */
bool cli_utf8_locale(void);
/* Parse a non-negative integer option value; prints an error and returns false. */
bool cli_parse_count(const char *opt, const char *v, long long *out);

int cmd_code(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_roadmap(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_recode(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_tension(int argc, char **argv);
int cmd_store(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
