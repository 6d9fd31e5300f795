/* test_cli_store.c — the store commands end to end: ingest (idempotent, killed half-way),
 * recode, events, tension, store --check, and their exit statuses on bad arguments. */
#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *bin(void)
{
    const char *b = getenv("DETENTE_BIN");
    if (b && *b)
        return b;
    return access("./detente", X_OK) == 0 ? "./detente" : "../detente";
}

static char dir[64];

/* A store of the bundled sample coded with the test dictionary; returns its path. */
static const char *sample_db(void)
{
    static char db[128];
    snprintf(dir, sizeof(dir), "/tmp/detente-cs-XXXXXX");
    if (!mkdtemp(dir))
        return NULL;
    snprintf(db, sizeof(db), "%s/s.db", dir);
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd), "%s ingest -q --db %s --dict tests/data/mini.dict data/sample/korea-2017-2019.jsonl",
             bin(), db);
    int rc = test_run(cmd, &out, 1);
    if (rc != 0)
        harness_fail(__FILE__, __LINE__, "ingest exited %d: %s", rc, out);
    free(out);
    return db;
}

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (dir[0] && system(cmd) != 0)
        fprintf(stderr, "    could not remove %s\n", dir);
}

/* How many events `detente code` makes of the sample with the test dictionary: ingest must
 * store exactly those. */
static long code_count(void)
{
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd), "%s code -q --dict tests/data/mini.dict data/sample/korea-2017-2019.jsonl | wc -l",
             bin());
    if (test_run(cmd, &out, 0) != 0) {
        free(out);
        return -1;
    }
    long n = strtol(out, NULL, 10);
    free(out);
    return n;
}

static long num(const char *s)
{
    return strtol(s, NULL, 10);
}

static int run(char **out, const char *fmt, const char *db, const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), fmt, bin(), db, args);
    return test_run(cmd, out, 1);
}

TEST(cli_ingest_is_idempotent_and_checks_clean)
{
    const char *db = sample_db();
    if (!db)
        return;
    char *out;
    CHECK_INT(run(&out, "%s ingest --db %s --dict tests/data/mini.dict %s", db, "data/sample/korea-2017-2019.jsonl"), 0);
    CHECK(strstr(out, "421 records in 421 documents: 0 stored (0 sentences, 0 events), 421 already stored") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s store --db %s %s", db, "--check"), 0);
    CHECK(strstr(out, "documents      421") != NULL);
    char want[64];
    long coded = code_count();
    CHECK(coded > 100);
    snprintf(want, sizeof(want), "events         %ld\n", coded);
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, "check          ok") != NULL);
    free(out);
    /* The same articles under another name are copies, not new documents. */
    char cmd[512];
    snprintf(cmd, sizeof(cmd), "cp data/sample/korea-2017-2019.jsonl %s/mirror.jsonl", dir);
    CHECK_INT(system(cmd), 0);
    char arg[256];
    snprintf(arg, sizeof(arg), "%s/mirror.jsonl", dir);
    CHECK_INT(run(&out, "%s ingest --db %s --dict tests/data/mini.dict %s", db, arg), 0);
    CHECK(strstr(out, "0 stored (0 sentences, 0 events), 0 already stored, 421 copies") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s ingest --db %s --dict tests/data/mini.dict %s", db, arg), 0);
    CHECK(strstr(out, "421 already stored, 0 copies") != NULL);
    free(out);
    cleanup();
}

TEST(cli_events_formats_and_filters)
{
    const char *db = sample_db();
    if (!db)
        return;
    char *out;
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--dyad USA-PRK --count"), 0);
    long both = num(out);
    free(out);
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--dyad 'USA>PRK' --count"), 0);
    long one = num(out);
    free(out);
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--dyad 'PRK>USA' --count"), 0);
    long other = num(out);
    free(out);
    CHECK(both > 0 && one > 0 && other > 0);
    CHECK_INT(both, one + other);
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--source USA --target PRK --from 2018-09-01 --to 2018-09-30 --format tsv"), 0);
    CHECK(strncmp(out, "event_id\tdate\tsource\tsource_entity\ttarget\ttarget_entity\tcode\troot\tquad\tgoldstein", 72) == 0);
    CHECK(strstr(out, "\t2018-09-24\tUSAGOV\tUSA\tPRKGOV\tPRK\t036\t03\t1\t4.0\t") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--text 'summit' --root 04 --format jsonl --limit 2"), 0);
    CHECK(strstr(out, "{\"event_id\":") == out);
    CHECK(strstr(out, "\"root\":\"04\"") != NULL);
    CHECK(strstr(out, "\"rule\":\"tests/data/mini.dict:") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--quad conflict --issue missile --format csv --limit 1"), 0);
    CHECK(strstr(out, "event_id,date,") == out);
    free(out);
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--actor PRKGOV --limit 3"), 0);
    CHECK(strstr(out, "date       source    target    code q  gold  sentence") == out);
    CHECK(strstr(out, "3 events\n") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s events --db %s %s", db, "--dyad USA-PRK --one-a-day --count"), 0);
    CHECK(num(out) > 0 && num(out) <= both);
    free(out);
    cleanup();
}

TEST(cli_tension_series_top_and_alerts)
{
    const char *db = sample_db();
    if (!db)
        return;
    char *out;
    CHECK_INT(run(&out, "LC_ALL=C.UTF-8 %s tension --db %s %s", db, "--dyad USA-PRK --by month"), 0);
    CHECK(strstr(out, "USA-PRK by month: tension index") == out);
    CHECK(strstr(out, "2018-06 ") != NULL);
    CHECK(strstr(out, "\xe2\x96\x88") != NULL); /* a full block */
    free(out);
    CHECK_INT(run(&out, "LC_ALL=C %s tension --db %s %s", db, "--dyad USA-PRK"), 0);
    CHECK(strstr(out, "\xe2\x96") == NULL); /* not a UTF-8 locale: ASCII */
    free(out);
    CHECK_INT(run(&out, "LC_ALL=C.UTF-8 %s tension --db %s %s", db, "--dyad USA-PRK --ascii"), 0);
    CHECK(strstr(out, "\xe2\x96") == NULL);
    CHECK(strstr(out, "#") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s tension --db %s %s", db, "--dyad USA-PRK --by week --format tsv --from 2018-01-01 --to 2018-12-31"), 0);
    CHECK(strstr(out, "dyad\tperiod\tstart\tend\tevents\tverbal_coop") == out);
    CHECK(strstr(out, "\n\tUSA-PRK") == NULL);
    CHECK(strstr(out, "USA-PRK\t2018-06-11\t2018-06-11\t2018-06-17\t") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s tension --db %s %s", db, "--dyad USA-PRK --alert --threshold 5 --format jsonl"), 0);
    CHECK(strstr(out, "\"alert\":0") == NULL);
    free(out);
    CHECK_INT(run(&out, "%s tension --db %s %s", db, "--top 3 --min-events 1 --format csv"), 0);
    CHECK(strstr(out, "period,dyad,before,after,change,events\n2019-12,") == out);
    free(out);
    cleanup();
}

TEST(cli_recode_replaces_events)
{
    const char *db = sample_db();
    if (!db)
        return;
    char *out;
    /* The bundled dictionaries have no verbs in this checkout's tests: use an actors-only file. */
    char dict[256], cmd[512];
    snprintf(dict, sizeof(dict), "%s/actors.dict", dir);
    snprintf(cmd, sizeof(cmd), "grep -v '^verb\\|^- ' tests/data/mini.dict > %s", dict);
    CHECK_INT(system(cmd), 0);
    CHECK_INT(run(&out, "%s recode --db %s --dict %s", db, dict), 0);
    long coded = code_count();
    CHECK(coded > 100);
    char want[128];
    snprintf(want, sizeof(want), "421 documents re-coded: %ld events before, 0 now", coded);
    CHECK(strstr(out, want) != NULL);
    free(out);
    CHECK_INT(run(&out, "%s store --db %s %s", db, "--check"), 0);
    CHECK(strstr(out, "events         0") != NULL);
    CHECK(strstr(out, "check          ok") != NULL);
    free(out);
    CHECK_INT(run(&out, "%s recode --db %s %s", db, "-q --dict tests/data/mini.dict"), 0);
    free(out);
    CHECK_INT(run(&out, "%s store --db %s %s", db, "--check"), 0);
    snprintf(want, sizeof(want), "events         %ld\n", coded);
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, "check          ok") != NULL);
    free(out);
    cleanup();
}

TEST(cli_store_commands_refuse_bad_arguments)
{
    const char *db = sample_db();
    if (!db)
        return;
    char *out;
    static const struct {
        const char *args;
        int status;
        const char *words;
    } cases[] = {
        {"events --db %s --dyad USA_PRK", 2, "bad dyad \"USA_PRK\""},
        {"events --db %s --actor 'P K'", 2, "bad actor pattern"},
        {"events --db %s --from 2019-01-01 --to 2018-01-01", 2, "reversed"},
        {"events --db %s --from 2019-02-30", 2, "bad from date"},
        {"events --db %s --quad 7", 2, "bad --quad"},
        {"events --db %s --text '\"open'", 2, "bad full-text query"},
        {"events --db %s --format xml", 2, "unknown --format"},
        {"tension --db %s --dyad USA-PRK --by year", 2, "bad --by \"year\""},
        {"tension --db %s --dyad USA", 2, "bad dyad"},
        {"tension --db %s", 2, "give --dyad"},
        {"tension --db %s --dyad USA-PRK --from 2019-01-01 --to 2018-01-01", 2, "reversed"},
        {"tension --db %s --dyad USA-PRK --threshold -3", 2, "bad --threshold"},
        {"events --db %s.missing", 1, "no store here"},
        {"tension --db %s --dyad USA-PRK --top", 2, "not both"},
        {"tension --db %s --top --from 2018-01-01", 2, "--top takes --at"},
        {"tension --db %s --dyad USA-PRK --at 2018-01-01", 2, "go with --top"},
        {"ingest --db %s", 2, "no SOURCE"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char args[256], cmd[512];
        snprintf(args, sizeof(args), cases[i].args, db);
        snprintf(cmd, sizeof(cmd), "%s %s", bin(), args);
        int rc = test_run(cmd, &out, 1);
        if (rc != cases[i].status || !strstr(out, cases[i].words))
            harness_fail(__FILE__, __LINE__, "`%s`: status %d (expected %d), output: %s", args, rc, cases[i].status,
                         out);
        free(out);
    }
    /* Files that are not stores, and a store from a newer version: status 1. */
    char path[128], cmd[512];
    snprintf(path, sizeof(path), "%s/notes.txt", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("These are my notes, not a database; they are long enough to fill a header.\n", f);
        fclose(f);
    }
    snprintf(cmd, sizeof(cmd), "%s events --db %s", bin(), path);
    CHECK_INT(test_run(cmd, &out, 1), 1);
    CHECK(strstr(out, "not a Detente store") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s ingest --db %s data/sample/korea-2017-2019.jsonl", bin(), path);
    CHECK_INT(test_run(cmd, &out, 1), 1);
    CHECK(strstr(out, "not a Detente store") != NULL);
    free(out);
    sqlite3 *sdb;
    CHECK_INT(sqlite3_open(db, &sdb), SQLITE_OK);
    sqlite3_exec(sdb, "PRAGMA user_version = 7", NULL, NULL, NULL);
    sqlite3_close(sdb);
    snprintf(cmd, sizeof(cmd), "%s tension --db %s --dyad USA-PRK", bin(), db);
    CHECK_INT(test_run(cmd, &out, 1), 1);
    CHECK(strstr(out, "store version 7 was made by a newer Detente") != NULL);
    free(out);
    cleanup();
}

static int64_t stored_docs(const char *db)
{
    sqlite3 *s;
    int64_t n = 0;
    if (sqlite3_open_v2(db, &s, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st;
        sqlite3_busy_timeout(s, 1000);
        if (sqlite3_prepare_v2(s, "SELECT count(*) FROM documents", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(s);
    return n;
}

TEST(cli_ingest_killed_half_way_leaves_a_whole_store)
{
    snprintf(dir, sizeof(dir), "/tmp/detente-ck-XXXXXX");
    if (!mkdtemp(dir))
        return;
    /* 40 copies of the sample with new ids and slightly changed texts: 16,840 documents. */
    char input[128], db[128], cmd[1024];
    snprintf(input, sizeof(input), "%s/big.jsonl", dir);
    snprintf(db, sizeof(db), "%s/k.db", dir);
    snprintf(cmd, sizeof(cmd),
             "for i in $(seq 1 40); do sed \"s/\\\"id\\\": \\\"/\\\"id\\\": \\\"$i-/; s/\\\"text\\\": \\\"/\\\"text\\\": \\\"Copy $i. /\" "
             "data/sample/korea-2017-2019.jsonl; done > %s",
             input);
    CHECK_INT(system(cmd), 0);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execl(bin(), bin(), "ingest", "--db", db, "--dict", "tests/data/mini.dict", "--batch", "50", input, (char *)NULL);
        _exit(127);
    }
    CHECK(pid > 0);
    if (pid <= 0)
        return;
    for (int i = 0; i < 5000 && stored_docs(db) < 1000; i++)
        usleep(2000);
    usleep(20000);
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    int64_t half = stored_docs(db);
    CHECK(half >= 1000 && half < 16840);
    char *out;
    CHECK_INT(run(&out, "%s store --db %s %s", db, "--check"), 0);
    CHECK(strstr(out, "check          ok") != NULL);
    free(out);
    /* Running it again completes the store without doubling anything. */
    CHECK_INT(run(&out, "%s ingest -q --db %s --dict tests/data/mini.dict %s", db, input), 0);
    free(out);
    CHECK_INT(stored_docs(db), 16840);
    CHECK_INT(run(&out, "%s store --db %s %s", db, "--check"), 0);
    CHECK(strstr(out, "check          ok") != NULL);
    free(out);
    cleanup();
}

/* Ingesting on two threads stores the same documents, sentences and events, in the same
 * order, as on one. */
TEST(cli_ingest_threads_store_the_same)
{
    const char *db = sample_db(); /* one thread */
    if (!db)
        return;
    char db2[160], args[256], *one, *two;
    snprintf(db2, sizeof(db2), "%s/t2.db", dir);
    snprintf(args, sizeof(args), "-q --threads 2 --dict tests/data/mini.dict data/sample/korea-2017-2019.jsonl");
    CHECK_INT(run(&one, "%s ingest --db %s %s", db2, args), 0);
    free(one);
    CHECK_INT(run(&one, "%s events --db %s %s", db, "--format jsonl"), 0);
    CHECK_INT(run(&two, "%s events --db %s %s", db2, "--format jsonl"), 0);
    CHECK(strlen(one) > 1000);
    CHECK_STR(two, one);
    free(one);
    free(two);
    CHECK_INT(run(&one, "%s store --db %s %s", db, "--check"), 0);
    CHECK_INT(run(&two, "%s store --db %s %s", db2, "--check"), 0);
    /* the same counts (the first line names the file, which differs) */
    CHECK_STR(strchr(two, '\n'), strchr(one, '\n'));
    free(one);
    free(two);
    cleanup();
}

/* `detente roadmap --db` and `detente report` on a store of the sample (bundled
 * dictionaries, one-sided acts kept): the roadmap reads the history, the report is a
 * self-contained page with its charts, stages and sentences. */
TEST(cli_roadmap_and_report_from_the_store)
{
    snprintf(dir, sizeof(dir), "/tmp/detente-rp-XXXXXX");
    if (!mkdtemp(dir))
        return;
    char db[128], html[160], cmd[768], *out;
    snprintf(db, sizeof(db), "%s/k.db", dir);
    snprintf(html, sizeof(html), "%s/r.html", dir);
    snprintf(cmd, sizeof(cmd), "%s ingest -q --solo --db %s data/sample/korea-2017-2019.jsonl", bin(), db);
    CHECK_INT(test_run(cmd, &out, 1), 0);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s roadmap data/roadmaps/korea-double-freeze.roadmap --db %s --json", bin(), db);
    CHECK_INT(test_run(cmd, &out, 0), 0);
    /* the summit stage is met on the day of the Singapore summit */
    CHECK(strstr(out, "\"id\":\"summit\"") != NULL);
    CHECK(strstr(out, "2018-06-12") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s report --db %s --roadmap data/roadmaps/korea-double-freeze.roadmap --out %s", bin(),
             db, html);
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, "Most active dyads") != NULL);
    CHECK(strstr(out, "PRK     USA") != NULL);
    CHECK(strstr(out, "summit       MET      since 2018-06-12") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd), "cat %s", html);
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, "<!DOCTYPE html>") != NULL);
    CHECK(strstr(out, "<script") == NULL && strstr(out, "http://") == NULL && strstr(out, "https://") == NULL);
    CHECK(strstr(out, "PRK \xe2\x80\x93 USA") != NULL);   /* a dyad chart */
    CHECK(strstr(out, "class=\"seg met\"") != NULL);      /* a stage timeline */
    CHECK(strstr(out, "Singapore") != NULL);              /* sentences in tooltips */
    CHECK(strstr(out, "<h2>Top events</h2>") != NULL);
    free(out);
    /* bad arguments */
    snprintf(cmd, sizeof(cmd), "%s report --db %s --dyads 0", bin(), db);
    CHECK_INT(test_run(cmd, &out, 1), 2);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s report --db %s --roadmap /nonexistent.roadmap --out %s", bin(), db, html);
    CHECK_INT(test_run(cmd, &out, 1), 1);
    free(out);
    cleanup();
}
