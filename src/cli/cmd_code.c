/* cmd_code.c — `detente code`: read documents, code them, write one event per line;
 * `detente explain`: show how a sentence is coded; `detente dict`: dictionary counts. */
#include "cli.h"
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

static const char code_usage[] =
    "usage: detente code [--dict SPEC]... [--format jsonl|tsv|csv] [READER OPTIONS] [--threads N]\n"
    "                    [--solo] [--quiet]\n"
    "                    [SOURCE...|-]\n"
    "Codes documents and writes one event per line: plain text (one document per file), JSON\n"
    "Lines ({\"id\",\"date\",\"text\"}, with an optional \"doc\" grouping consecutive lines into\n"
    "one document), HTML pages (the article is extracted), RSS/Atom feeds, WARC archives and\n"
    "Reuters XML, from files, directories, standard input or http(s) URLs. --threads N codes\n"
    "on N threads (default: the processors online, at most 8); the output is the same bytes\n"
    "whatever N.\n";

typedef struct code_run {
    dt_format fmt;
    size_t records, sentences, events, docs;
} code_run;

static int emit_events(void *ctx, pl_batch *b, const pl_record *r, const dt_event *ev, size_t n, int first)
{
    code_run *run = ctx;
    for (size_t i = 0; i < n; i++)
        if (dt_event_write(&b->out, &ev[i], r->id, ev[i].sentence - first, r->date, run->fmt))
            return DT_ENOMEM;
    return 0;
}

static int code_batch(void *ctx, dt_coder *coder, pl_batch *b)
{
    return pipeline_code_batch(coder, b, emit_events, ctx);
}

/* In input order: write the batch's events. */
static int write_batch(void *ctx, pl_batch *b)
{
    code_run *run = ctx;
    if (b->rc)
        return b->rc;
    run->records += b->nrecs;
    run->sentences += b->sentences;
    run->events += b->events;
    run->docs += b->docs;
    if (b->out.len && fwrite(b->out.data, 1, b->out.len, stdout) != b->out.len)
        return DT_EIO;
    return 0;
}

int cmd_code(int argc, char **argv)
{
    cli_dicts ds = {0};
    const char *fmt_name = "jsonl", *v;
    bool quiet = false, solo = false;
    long threads = cli_default_threads();
    const char *files[256];
    size_t nfiles = 0;
    dt_reader_opts ro = {0};
    for (int i = 1; i < argc; i++) {
        int ropt = cli_reader_opt(argc, argv, &i, &ro);
        if (ropt < 0)
            return EXIT_USAGE;
        if (ropt > 0)
            continue;
        if (cli_opt(argc, argv, &i, "--dict", &v)) {
            if (!v || !cli_add_dict(&ds, v))
                return EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--format", &v)) {
            if (!v)
                return EXIT_USAGE;
            fmt_name = v;
        } else if (cli_opt(argc, argv, &i, "--threads", &v)) {
            char *end;
            threads = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || threads < 1 || threads > 256) {
                cli_error("--threads needs a number from 1 to 256");
                return EXIT_USAGE;
            }
        } else if (strcmp(argv[i], "--solo") == 0) {
            solo = true;
        } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(code_usage, stdout);
            fputs(cli_reader_help, stdout);
            return EXIT_OKAY;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option %s", argv[i]);
            fputs(code_usage, stderr);
            return EXIT_USAGE;
        } else if (nfiles < sizeof(files) / sizeof(files[0])) {
            files[nfiles++] = argv[i];
        } else {
            cli_error("too many files (at most 256; use a directory or cat)");
            return EXIT_USAGE;
        }
    }
    code_run run;
    memset(&run, 0, sizeof(run));
    if (dt_format_parse(fmt_name, &run.fmt)) {
        cli_error("unknown --format %s (expected jsonl, tsv or csv)", fmt_name);
        return EXIT_USAGE;
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    cli_diag diag = {0};
    diag.max_print = 200;
    dt_dict *d = cli_load_dict(&ds, &diag);
    if (!d)
        return EXIT_FAIL;
    size_t dict_bad = diag.errors;
    dt_coder_opts copts = {0};
    copts.solo = solo;
    pipeline *pl = pipeline_new(d, (int)threads, &copts, code_batch, write_batch, &run);
    if (!pl) {
        cli_error("out of memory");
        dt_dict_free(d);
        return EXIT_FAIL;
    }
    int status = EXIT_OKAY;
    dt_reader_stats sum = {0};
    dt_seen *seen = NULL;
    if (dt_seen_new(&seen)) {
        cli_error("out of memory");
        pipeline_free(pl);
        dt_dict_free(d);
        return EXIT_FAIL;
    }
    ro.seen = seen;
    fputs(dt_event_header(run.fmt), stdout);
    for (size_t f = 0; f < nfiles && status != EXIT_FAIL; f++) {
        dt_reader *rd = NULL;
        dt_error err = {0};
        if (dt_reader_open(&rd, files[f], &ro, &err)) {
            char msg[1400];
            dt_error_format(&err, msg, sizeof(msg));
            cli_error("%s", msg);
            status = err.code == DT_EFORMAT ? EXIT_USAGE : EXIT_FAIL;
            break;
        }
        dt_doc doc;
        int rc;
        while ((rc = dt_reader_next(rd, &doc, cli_diag_fn, &diag)) == 1) {
            int pr = pipeline_add(pl, &doc);
            if (pr) {
                cli_error("%s: %s", doc.source, dt_strerror(pr));
                status = EXIT_FAIL;
                break;
            }
        }
        if (rc < 0)
            status = EXIT_FAIL;
        dt_reader_stats st;
        dt_reader_get_stats(rd, &st);
        cli_stats_add(&sum, &st);
        dt_reader_close(rd);
    }
    int prc = pipeline_finish(pl);
    if (prc && status != EXIT_FAIL) {
        cli_error("%s", prc == DT_EIO ? "write error on standard output" : dt_strerror(prc));
        status = EXIT_FAIL;
    }
    pipeline_free(pl);
    if (fflush(stdout) != 0) {
        cli_error("write error on standard output");
        status = EXIT_FAIL;
    }
    if (!quiet) {
        fprintf(stderr,
                "detente: %zu records in %zu documents, %zu sentences, %zu events; %zu records skipped%s\n",
                sum.records, run.docs, run.sentences, run.events, sum.skipped,
                dict_bad ? " (and some dictionary lines, see above)" : "");
        if (sum.duplicates || sum.other_lang || sum.empty)
            fprintf(stderr, "detente: %zu duplicates and %zu documents not in English left out; %zu without text\n",
                    sum.duplicates, sum.other_lang, sum.empty);
    }
    if (status == EXIT_OKAY && (sum.skipped || dict_bad))
        status = EXIT_SKIPPED;
    dt_seen_free(seen);
    dt_dict_free(d);
    return status;
}

static const char explain_usage[] =
    "usage: detente explain [--dict SPEC]... [--date YYYY-MM-DD] [\"TEXT\" | -]\n"
    "Shows the tokens, actors, verbs, patterns and rules behind the events of a text\n"
    "(or why there are none). Reads standard input when no text is given.\n";

int cmd_explain(int argc, char **argv)
{
    cli_dicts ds = {0};
    const char *date = NULL, *text = NULL, *v;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--dict", &v)) {
            if (!v || !cli_add_dict(&ds, v))
                return EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--date", &v)) {
            if (!v)
                return EXIT_USAGE;
            date = v;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(explain_usage, stdout);
            return EXIT_OKAY;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option %s", argv[i]);
            fputs(explain_usage, stderr);
            return EXIT_USAGE;
        } else if (!text) {
            text = argv[i];
        } else {
            cli_error("give the text as one argument (quote it)");
            return EXIT_USAGE;
        }
    }
    int32_t day;
    if (date && dt_date_parse(date, strlen(date), &day)) {
        cli_error("bad --date %s (expected YYYY-MM-DD)", date);
        return EXIT_USAGE;
    }
    char *owned = NULL;
    size_t len;
    if (!text || strcmp(text, "-") == 0) {
        dt_strbuf sb = {0};
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
            if (sb.len + n + 1 > sb.cap) {
                size_t nc = (sb.cap ? sb.cap * 2 : 65536) + n;
                char *p = realloc(sb.data, nc);
                if (!p) {
                    free(sb.data);
                    cli_error("out of memory");
                    return EXIT_FAIL;
                }
                sb.data = p;
                sb.cap = nc;
            }
            memcpy(sb.data + sb.len, chunk, n);
            sb.len += n;
        }
        owned = sb.data;
        text = owned ? owned : "";
        len = sb.len;
    } else {
        len = strlen(text);
    }
    cli_diag diag = {0};
    dt_dict *d = cli_load_dict(&ds, &diag);
    if (!d) {
        free(owned);
        return EXIT_FAIL;
    }
    dt_coder *c = NULL;
    dt_coder_opts o = {.explain = 1};
    if (dt_coder_new(&c, d, &o)) {
        dt_dict_free(d);
        free(owned);
        return EXIT_FAIL;
    }
    if (dt_coder_begin_doc(c, date) != 0) {
        cli_error("bad --date %s", date);
        return EXIT_USAGE;
    }
    int rc = dt_coder_code(c, text, len, 0);
    size_t tl;
    const char *trace = dt_coder_trace(c, &tl);
    fwrite(trace, 1, tl, stdout);
    size_t n;
    const dt_event *ev = dt_coder_events(c, &n);
    printf("%zu event%s\n", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++)
        printf("  %s %s %s  [%s -> %s]  rule %s\n", ev[i].source, ev[i].target, ev[i].code, ev[i].source_text,
               ev[i].target_text, ev[i].rule);
    dt_coder_free(c);
    dt_dict_free(d);
    free(owned);
    return rc < 0 ? EXIT_FAIL : EXIT_OKAY;
}

int cmd_dict(int argc, char **argv)
{
    cli_dicts ds = {0};
    const char *v;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--dict", &v)) {
            if (!v || !cli_add_dict(&ds, v))
                return EXIT_USAGE;
        } else {
            cli_error("usage: detente dict [--dict SPEC]...");
            return EXIT_USAGE;
        }
    }
    cli_diag diag = {0};
    dt_dict *d = cli_load_dict(&ds, &diag);
    if (!d)
        return EXIT_FAIL;
    dt_dict_stats st;
    dt_dict_get_stats(d, &st);
    printf("actor entries     %zu (%zu phrases)\n", st.actors, st.actor_phrases);
    printf("  states          %zu\n  people          %zu\n  organisations   %zu\n  groups          %zu\n"
           "  other actors    %zu\n",
           st.states, st.people, st.orgs, st.groups, st.actors - st.states - st.people - st.orgs - st.groups);
    printf("agent entries     %zu (%zu phrases)\n", st.agents, st.agent_phrases);
    printf("verbs             %zu (%zu forms)\n", st.verbs, st.verb_forms);
    printf("event nouns       %zu\n", st.nouns);
    printf("patterns          %zu\n", st.patterns);
    printf("sets              %zu (%zu members)\n", st.sets, st.set_members);
    printf("issues            %zu (%zu phrases)\n", st.issues, st.issue_phrases);
    printf("discards          %zu (%zu phrases)\n", st.discards, st.discard_phrases);
    printf("references        %zu (%zu phrases)\n", st.refs, st.ref_phrases);
    printf("bad lines         %zu\n", st.bad_lines);
    printf("memory            %.1f MiB\n", (double)st.bytes / (1024.0 * 1024.0));
    printf("patterns and coded verbs per CAMEO root:\n");
    for (int r = 1; r <= 20; r++)
        printf("  %02d  %zu\n", r, st.patterns_by_root[r]);
    if (st.patterns_by_root[0])
        printf("  null (no event) and other codes  %zu\n", st.patterns_by_root[0]);
    dt_dict_free(d);
    return diag.errors ? EXIT_SKIPPED : EXIT_OKAY;
}

static const char eval_usage[] =
    "usage: detente eval [--dict SPEC]... [--misses] [--json] GOLD.jsonl\n"
    "Codes the sentences of a gold file and reports precision, recall and F1 at the root level\n"
    "(actor country, or the first six letters of IGO/NGO codes, and the two-digit root code) and\n"
    "the strict level (full codes), per root code; --misses lists misses and false alarms.\n";

int cmd_eval(int argc, char **argv)
{
    cli_dicts ds = {0};
    const char *gold = NULL, *v;
    int flags = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--dict", &v)) {
            if (!v || !cli_add_dict(&ds, v))
                return EXIT_USAGE;
        } else if (strcmp(argv[i], "--misses") == 0) {
            flags |= DT_EVAL_MISSES;
        } else if (strcmp(argv[i], "--json") == 0) {
            flags |= DT_EVAL_JSON;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(eval_usage, stdout);
            return EXIT_OKAY;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option %s", argv[i]);
            fputs(eval_usage, stderr);
            return EXIT_USAGE;
        } else if (!gold) {
            gold = argv[i];
        } else {
            cli_error("one gold file at a time");
            return EXIT_USAGE;
        }
    }
    if (!gold) {
        fputs(eval_usage, stderr);
        return EXIT_USAGE;
    }
    cli_diag diag = {0};
    dt_dict *d = cli_load_dict(&ds, &diag);
    if (!d)
        return EXIT_FAIL;
    dt_strbuf out = {0};
    dt_error err = {0};
    int rc = dt_eval_file(d, gold, flags, &out, cli_diag_fn, &diag, &err);
    if (rc) {
        char msg[1400];
        dt_error_format(&err, msg, sizeof(msg));
        cli_error("%s", err.msg[0] ? msg : dt_strerror(rc));
    } else {
        fwrite(out.data, 1, out.len, stdout);
    }
    free(out.data);
    dt_dict_free(d);
    return rc ? EXIT_FAIL : EXIT_OKAY;
}
