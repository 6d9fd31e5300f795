/* cmd_validate.c — `detente validate FILE`: run a TABARI or PETRARCH validation suite and
 * print pass or FAIL per record, the totals, and with --json a closing JSON line. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char validate_usage[] =
    "usage: detente validate [--dict SPEC]... [--json] [--failures] [--quiet] FILE\n"
    "Runs a validation suite: TABARI's Validate.text (dictionaries from the .project beside it)\n"
    "or PETRARCH's PETR.UnitTest.records.xml (dictionaries from its <Environment>). Prints pass\n"
    "or FAIL per record with the expected and actual events, then the totals; --json ends the\n"
    "output with {\"passed\": N, \"failed\": N, \"skipped\": N, \"total\": N}. --dict replaces\n"
    "the suite's dictionaries; --failures lists failed records only.\n"
    "Exit status: 0 when every checked record passed, 1 when some failed.\n";

int cmd_validate(int argc, char **argv)
{
    cli_dicts ds = {0};
    const char *file = NULL, *v;
    int flags = 0;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--dict", &v)) {
            if (!v || !cli_add_dict(&ds, v))
                return EXIT_USAGE;
        } else if (strcmp(argv[i], "--json") == 0) {
            flags |= DT_VALIDATE_JSON;
        } else if (strcmp(argv[i], "--failures") == 0) {
            flags |= DT_VALIDATE_FAILURES;
        } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(validate_usage, stdout);
            return EXIT_OKAY;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option \"%s\"", argv[i]);
            fputs(validate_usage, stderr);
            return EXIT_USAGE;
        } else if (!file) {
            file = argv[i];
        } else {
            cli_error("validate takes one file");
            return EXIT_USAGE;
        }
    }
    if (!file) {
        fputs(validate_usage, stderr);
        return EXIT_USAGE;
    }
    cli_diag diag = {0};
    diag.quiet = quiet;
    diag.max_print = 50;
    dt_strbuf out = {0};
    dt_validate_totals tot;
    dt_error err = {0};
    int rc = dt_validate_file(file, ds.n ? ds.specs : NULL, ds.n, flags, &out, &tot, cli_diag_fn, &diag, &err);
    bool ok = cli_flush(&out);
    free(out.data);
    if (rc) {
        char msg[1400];
        dt_error_format(&err, msg, sizeof(msg));
        cli_error("validate: %s", msg);
        return EXIT_FAIL;
    }
    if (!ok) {
        cli_error("cannot write the output");
        return EXIT_FAIL;
    }
    return tot.failed ? EXIT_FAIL : EXIT_OKAY;
}
