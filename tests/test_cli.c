/* test_cli.c — the detente command end to end: formats, exit statuses, messages. */
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

/* The program under test: $DETENTE_BIN (the sanitizer build sets it) or ./detente. */
static const char *bin(void)
{
    const char *b = getenv("DETENTE_BIN");
    if (b && *b)
        return b;
    return access("./detente", X_OK) == 0 ? "./detente" : "../detente";
}

TEST(cli_code_jsonl_events)
{
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd),
             "printf '{\"id\":\"r1\",\"date\":\"2017-08-29\",\"text\":\"North Korea fired a missile over Japan.\"}\\n' | "
             "%s code --dict tests/data/mini.dict -q", bin());
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, "\"id\":\"r1\",\"sentence\":0,\"date\":\"2017-08-29\",\"source\":\"PRK\"") != NULL);
    CHECK(strstr(out, "\"code\":\"150\",\"root\":\"15\",\"quad\":4,\"goldstein\":-7.2,\"issues\":[\"MISSILE\"]") != NULL);
    CHECK(strstr(out, "\"rule\":\"tests/data/mini.dict:51\"") != NULL);
    free(out);
}

TEST(cli_code_tsv_and_csv)
{
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd),
             "printf 'Japan condemned North Korea, Seoul said.\\n' | %s code --dict tests/data/mini.dict -q "
             "--format tsv --input-format text",
             bin());
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strncmp(out, "id\tsentence\tdate\tsource\ttarget\tcode", 35) == 0);
    CHECK(strstr(out, "\t0\t\tJPN\tPRK\t111\t11\t3\t-2.0\t") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd),
             "printf 'Japan condemned North Korea, Seoul said.\\n' | %s code --dict tests/data/mini.dict -q --format csv",
             bin());
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, ",JPN,PRK,111,11,3,-2.0,") != NULL);
    CHECK(strstr(out, "\"Japan condemned North Korea, Seoul said.\"") != NULL);
    free(out);
}

TEST(cli_code_reports_skipped_records_in_exit_status)
{
    char cmd[600], *out;
    snprintf(cmd, sizeof(cmd),
             "printf '{\"id\":\"a\",\"text\":\"Japan condemned China.\"}\\n{bad json\\n{\"id\":\"b\",\"date\":\"2019-13-01\",\"text\":\"x\"}\\n' | "
             "%s code --dict tests/data/mini.dict",
             bin());
    CHECK_INT(test_run(cmd, &out, 1), 3);
    CHECK(strstr(out, "-:2:2: malformed JSON") != NULL);
    CHECK(strstr(out, "-:3:") != NULL && strstr(out, "bad date \"2019-13-01\"") != NULL);
    CHECK(strstr(out, "3 records in 1 documents, 1 sentences, 1 events; 2 records skipped") != NULL);
    free(out);
}

TEST(cli_usage_errors)
{
    char cmd[256], *out;
    snprintf(cmd, sizeof(cmd), "%s frobnicate", bin());
    CHECK_INT(test_run(cmd, &out, 1), 2);
    CHECK(strstr(out, "unknown command") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s code --format xml /dev/null", bin());
    CHECK_INT(test_run(cmd, &out, 1), 2);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s code --dict /nonexistent /dev/null", bin());
    CHECK_INT(test_run(cmd, &out, 1), 1);
    CHECK(strstr(out, "/nonexistent") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s explain --date 2019-02-30 \"x\"", bin());
    CHECK_INT(test_run(cmd, &out, 1), 2);
    free(out);
}

TEST(cli_explain_shows_rules)
{
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd), "%s explain --dict tests/data/mini.dict --date 2018-06-12 \"Trump met Kim Jong Un.\"", bin());
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, "actor \"Trump\" (actor): USAGOV  (tests/data/mini.dict:") != NULL);
    CHECK(strstr(out, "2 events") != NULL);
    free(out);
}

TEST(cli_eval_scores_gold_files)
{
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd), "%s eval --json --dict tests/data/mini.dict tests/data/coder-cases.jsonl", bin());
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, "\"root\":{\"precision\":1.0000,\"recall\":1.0000") != NULL);
    free(out);
}

TEST(cli_extract_prints_one_json_line_per_document)
{
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd), "%s extract -q tests/data/ingest/article.html tests/data/ingest/feed.rss", bin());
    CHECK_INT(test_run(cmd, &out, 0), 3); /* the feed has an item without text */
    CHECK(strstr(out, "{\"source\":\"tests/data/ingest/article.html\","
                      "\"url\":\"https://herald.example/world/2018/06/12/talks-resume\","
                      "\"title\":\"Talks resume at Panmunjom\",\"date\":\"2018-06-12\",\"date_source\":\"meta\","
                      "\"text\":\"SEOUL, June 12, 2018 (Example) - Officials from the two Koreas") != NULL);
    CHECK(strstr(out, "\"title\":\"Envoys meet in Geneva\",\"date\":\"2019-03-01\",\"date_source\":\"feed\"") != NULL);
    int lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    CHECK_INT(lines, 3);
    free(out);
}

TEST(cli_extract_and_code_report_bad_sources)
{
    char cmd[600], *out;
    snprintf(cmd, sizeof(cmd),
             "(printf '\\001\\002\\000\\003binary' | %s extract - ; echo \"status $?\")", bin());
    CHECK_INT(test_run(cmd, &out, 1), 0);
    CHECK(strstr(out, "-: byte 0: binary data, not a document: skipped") != NULL);
    CHECK(strstr(out, "0 documents from 1 source (1 records); 1 skipped") != NULL);
    CHECK(strstr(out, "status 3") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s extract --input-format pdf /dev/null", bin());
    CHECK_INT(test_run(cmd, &out, 1), 2);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s code --dict tests/data/mini.dict -q tests/data/ingest/article.html "
                               "tests/data/ingest/article.html", bin());
    CHECK_INT(test_run(cmd, &out, 1), 0);
    CHECK(strstr(out, "\"date\":\"2018-06-12\"") != NULL || strstr(out, "\"id\"") == NULL);
    free(out);
}

/* libcurl and libxml2 are opened at first use, not linked (docs/performance.md, "Process
 * start"): a machine without one still runs everything else, and a source that needs it
 * gets a message that says what is missing; the sources after it are still read. No
 * network is needed: the library is looked for before any connection. */
TEST(cli_missing_libraries_are_reported)
{
    char cmd[1400], *out;
    snprintf(cmd, sizeof(cmd),
             "(DETENTE_LIBCURL=/nonexistent/libcurl.so.4 %s code --dict tests/data/mini.dict -q "
             "http://127.0.0.1:9/a.html tests/data/ingest/article.html; echo \"status $?\")", bin());
    CHECK_INT(test_run(cmd, &out, 1), 0);
    CHECK(strstr(out, "http://127.0.0.1:9/a.html: fetching URLs needs libcurl: /nonexistent/libcurl.so.4") != NULL);
    CHECK(strstr(out, "\"date\":\"2018-06-12\"") != NULL); /* the file after the URL */
    CHECK(strstr(out, "status 3") != NULL);
    free(out);
    /* without libxml2: pages and feeds are skipped with the reason, JSON Lines are coded */
    snprintf(cmd, sizeof(cmd),
             "(printf '{\"id\":\"j1\",\"date\":\"2017-08-29\",\"text\":\"North Korea fired a missile "
             "over Japan.\"}\\n' | DETENTE_LIBXML2=/nonexistent/libxml2.so.2 %s code --dict tests/data/mini.dict "
             "-q tests/data/ingest/article.html tests/data/ingest/feed.rss -; echo \"status $?\")", bin());
    CHECK_INT(test_run(cmd, &out, 1), 0);
    CHECK(strstr(out, "article.html: byte 0: reading XML and HTML needs libxml2: /nonexistent/libxml2.so.2") != NULL);
    CHECK(strstr(out, "feed.rss: byte 0: reading XML and HTML needs libxml2") != NULL);
    CHECK(strstr(out, "\"id\":\"j1\"") != NULL);
    CHECK(strstr(out, "status 3") != NULL);
    free(out);
    /* ... and so are Reuters files and PETRARCH validation suites (the messages hold
     * glibc's dlerror text after the colon) */
    snprintf(cmd, sizeof(cmd),
             "(d=$(mktemp -d) && printf '<REUTERS><TEXT><BODY>Talks ended.</BODY></TEXT></REUTERS>\\n' > $d/r.xml && "
             "printf '<Validation></Validation>\\n' > $d/v.xml && "
             "DETENTE_LIBXML2=/nonexistent/libxml2.so.2 %s code --dict tests/data/mini.dict -q $d/r.xml; "
             "DETENTE_LIBXML2=/nonexistent/libxml2.so.2 %s validate $d/v.xml; echo \"status $?\"; rm -r $d)",
             bin(), bin());
    CHECK_INT(test_run(cmd, &out, 1), 0);
    CHECK(strstr(out, "r.xml: byte 0: reading XML and HTML needs libxml2: /nonexistent/libxml2.so.2") != NULL);
    CHECK(strstr(out, "v.xml: reading XML and HTML needs libxml2: /nonexistent/libxml2.so.2") != NULL);
    CHECK(strstr(out, "status 0") == NULL);
    free(out);
    /* and the program itself needs neither to start: its needed libraries, as the ELF
     * header lists them, hold the C library and not these */
    snprintf(cmd, sizeof(cmd), "readelf -d %s | grep NEEDED", bin());
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(out != NULL && strstr(out, "libc.so") != NULL);
    CHECK(out != NULL && strstr(out, "libcurl") == NULL && strstr(out, "libxml2") == NULL);
    free(out);
}

/* Real Reuters-21578 articles (Debian's r-cran-tm) through `detente code` end to end: every
 * article read with its date, split and coded (commodity news holds few political events). */
TEST(cli_code_reuters_21578_end_to_end)
{
    char crude[600];
    snprintf(crude, sizeof(crude), "%s/crude", tm_texts_dir());
    if (!*tm_texts_dir() || access(crude, R_OK) != 0)
        SKIP("Debian's r-cran-tm is not installed");
    char cmd[1024], *out;
    snprintf(cmd, sizeof(cmd), "(%s code --format tsv %s >/dev/null)", bin(), crude);
    CHECK_INT(test_run(cmd, &out, 1), 0);
    const char *p = strstr(out, "20 records in 20 documents, ");
    CHECK(p != NULL);
    if (p)
        CHECK(strtol(p + strlen("20 records in 20 documents, "), NULL, 10) > 100);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s extract -q %s", bin(), crude);
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, "\"title\":\"DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES\",\"date\":\"1987-02-26\",\"date_source\":\"field\"") != NULL);
    free(out);
}

TEST(cli_code_threads_give_identical_bytes)
{
    /* The sample corpus, coded with 1, 2 and 3 threads: the same bytes. */
    char cmd[512], *one = NULL, *two = NULL, *three = NULL;
    snprintf(cmd, sizeof(cmd), "%s code -q --threads 1 data/sample/korea-2017-2019.jsonl", bin());
    CHECK_INT(test_run(cmd, &one, 0), 0);
    snprintf(cmd, sizeof(cmd), "%s code -q --threads 2 data/sample/korea-2017-2019.jsonl", bin());
    CHECK_INT(test_run(cmd, &two, 0), 0);
    snprintf(cmd, sizeof(cmd), "cat data/sample/korea-2017-2019.jsonl data/sample/korea-2017-2019.jsonl | %s code -q --threads 3 --keep-duplicates --format tsv", bin());
    CHECK_INT(test_run(cmd, &three, 0), 0);
    CHECK(one && two && strlen(one) > 10000);
    CHECK(one && two && strcmp(one, two) == 0);
    CHECK(three && strlen(three) > strlen(one));
    free(one);
    free(two);
    free(three);
}
