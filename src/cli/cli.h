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

int cmd_code(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_roadmap(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
