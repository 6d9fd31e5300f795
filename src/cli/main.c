/* main.c — the detente command: dispatch to subcommands. Uses only the public header. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "Detente " DT_VERSION " — political event data from the news (CAMEO).\n"
    "\n"
    "usage: detente COMMAND [OPTIONS]\n"
    "\n"
    "  code      code documents into events (text, JSON Lines, HTML, feeds, WARC, URLs in;\n"
    "            one event per line out)\n"
    "  extract   read documents and extract articles: one JSON line per document\n"
    "  explain   show how a sentence is coded: actors, verbs, patterns, rules, events\n"
    "  eval      score coding against a gold file (precision, recall, F1)\n"
    "  roadmap   evaluate a de-escalation roadmap: each stage met, pending or broken\n"
    "  validate  run a TABARI or PETRARCH validation suite\n"
    "  dict      count what the dictionaries hold\n"
    "  ingest    code documents and keep them with their events in a store (SQLite)\n"
    "  recode    code the stored documents again with new dictionaries\n"
    "  events    read events from the store by actor, dyad, code, date, issue or text\n"
    "  tension   tension per dyad and period, alerts, and the dyads that moved most\n"
    "  store     what a store holds; --check verifies it\n"
    "  report    an HTML report: tension charts, roadmap timelines, top events\n"
    "  version   print the version\n"
    "\n"
    "Run `detente COMMAND --help` for the options of a command; docs/cli.md has them all.\n";

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OKAY;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "extract") == 0)
        return cmd_extract(argc - 1, argv + 1);
    if (strcmp(cmd, "explain") == 0)
        return cmd_explain(argc - 1, argv + 1);
    if (strcmp(cmd, "roadmap") == 0)
        return cmd_roadmap(argc - 1, argv + 1);
    if (strcmp(cmd, "eval") == 0)
        return cmd_eval(argc - 1, argv + 1);
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 1, argv + 1);
    if (strcmp(cmd, "dict") == 0)
        return cmd_dict(argc - 1, argv + 1);
    if (strcmp(cmd, "ingest") == 0)
        return cmd_ingest(argc - 1, argv + 1);
    if (strcmp(cmd, "recode") == 0)
        return cmd_recode(argc - 1, argv + 1);
    if (strcmp(cmd, "events") == 0)
        return cmd_events(argc - 1, argv + 1);
    if (strcmp(cmd, "tension") == 0)
        return cmd_tension(argc - 1, argv + 1);
    if (strcmp(cmd, "store") == 0)
        return cmd_store(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        puts("detente " DT_VERSION);
        return EXIT_OKAY;
    }
    cli_error("unknown command \"%s\"", cmd);
    fputs(usage, stderr);
    return EXIT_USAGE;
}
