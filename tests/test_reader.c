/* test_reader.c — the JSON Lines and text readers on hostile input: each bad record is
 * reported with file, line and column, counted, skipped; the good ones around it stay. */
#include "../src/util/util.h"
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct rdiags {
    int n, warnings;
    char msgs[16][700];
} rdiags;

static void rcollect(void *user, const dt_error *e)
{
    rdiags *d = user;
    if (e->code == DT_OK) {
        d->warnings++;
        return;
    }
    if (d->n < 16)
        dt_error_format(e, d->msgs[d->n++], sizeof(d->msgs[0]));
}

static char *write_tmp(const char *data, size_t len, const char *suffix)
{
    static char path[64];
    snprintf(path, sizeof(path), "/tmp/detente-rd-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    if (fd < 0)
        return NULL;
    if (write(fd, data, len) != (ssize_t)len) {
        close(fd);
        return NULL;
    }
    close(fd);
    return path;
}

TEST(reader_jsonl_skips_bad_records_and_keeps_good_ones)
{
    static const char data[] =
        "{\"id\": \"a\", \"date\": \"2017-01-02\", \"text\": \"one\"}\n"
        "{\"id\": \"b\", \"date\": \"2017-02-30\", \"text\": \"bad date\"}\n"
        "{\"id\": \"c\", \"text\": \"broken\"\n"
        "{\"id\": \"d\", \"text\": \"bad \xff utf8\"}\n"
        "{\"id\": \"e\", \"text\": \"nul \0 byte\"}\n"
        "[1, 2]\n"
        "{\"id\": \"f\"}\n"
        "{\"id\": 7, \"text\": \"two\", \"extra\": 1, \"doc\": \"g\"}\n"
        "\n"
        "{\"id\": \"h\", \"date\": null, \"text\": \"three\", \"extra\": 2}\n";
    char *path = write_tmp(data, sizeof(data) - 1, ".jsonl");
    CHECK(path != NULL);
    if (!path)
        return;
    dt_reader *r;
    dt_error err;
    CHECK_INT(dt_reader_open(&r, path, NULL, &err), 0);
    rdiags dg = {0};
    dt_doc doc;
    const char *ids[8];
    char idbuf[8][16];
    int n = 0, rc;
    while ((rc = dt_reader_next(r, &doc, rcollect, &dg)) == 1 && n < 8) {
        snprintf(idbuf[n], sizeof(idbuf[n]), "%s", doc.id);
        ids[n] = idbuf[n];
        n++;
    }
    CHECK_INT(rc, 0);
    CHECK_INT(n, 3);
    CHECK_STR(ids[0], "a");
    CHECK_STR(ids[1], "7");
    CHECK_STR(ids[2], "h");
    size_t records, skipped;
    dt_reader_counts(r, &records, &skipped);
    CHECK_INT((long long)records, 9);
    CHECK_INT((long long)skipped, 6);
    CHECK_INT(dg.n, 6);
    CHECK_INT(dg.warnings, 1); /* the unknown field "extra", reported once */
    CHECK(strstr(dg.msgs[0], ":2:") && strstr(dg.msgs[0], "bad date"));
    CHECK(strstr(dg.msgs[1], ":3:") && strstr(dg.msgs[1], "malformed JSON"));
    CHECK(strstr(dg.msgs[2], ":4:26:") && strstr(dg.msgs[2], "invalid UTF-8"));
    CHECK(strstr(dg.msgs[3], ":5:") && strstr(dg.msgs[3], "NUL"));
    CHECK(strstr(dg.msgs[4], ":6:") && strstr(dg.msgs[4], "JSON object"));
    CHECK(strstr(dg.msgs[5], ":7:") && strstr(dg.msgs[5], "no \"text\""));
    dt_reader_close(r);
    unlink(path);
}

TEST(reader_jsonl_caps_enormous_lines)
{
    size_t big = 3u << 20;
    char *data = malloc(big + 200);
    size_t k = 0;
    k += (size_t)sprintf(data + k, "{\"id\": \"x\", \"text\": \"");
    memset(data + k, 'a', big);
    k += big;
    k += (size_t)sprintf(data + k, "\"}\n{\"id\": \"y\", \"text\": \"ok\"}\n");
    char *path = write_tmp(data, k, ".jsonl");
    free(data);
    if (!path)
        return;
    dt_reader *r;
    dt_reader_opts o = {0};
    o.max_record = 1u << 20;
    CHECK_INT(dt_reader_open(&r, path, &o, NULL), 0);
    rdiags dg = {0};
    dt_doc doc;
    CHECK_INT(dt_reader_next(r, &doc, rcollect, &dg), 1);
    CHECK_STR(doc.id, "y");
    CHECK_INT(doc.line, 2);
    CHECK_INT(dg.n, 1);
    CHECK(strstr(dg.msgs[0], "longer than") != NULL);
    CHECK_INT(dt_reader_next(r, &doc, rcollect, &dg), 0);
    dt_reader_close(r);
    unlink(path);
}

/* A file of several megabytes is read in many reads (the first through the stream's own
 * buffer, the rest straight into the reader's block): every record comes back whole and in
 * order, one that straddles two reads too, and a bad record deep in the file is reported
 * with its own line. */
TEST(reader_large_files_read_every_record_across_reads)
{
    enum { N = 40000, BAD = 31337 };
    size_t cap = (size_t)N * 200;
    char *data = malloc(cap);
    CHECK(data != NULL);
    if (!data)
        return;
    size_t k = 0;
    for (int i = 1; i <= N; i++) {
        if (i == BAD) {
            k += (size_t)snprintf(data + k, cap - k, "{\"id\": \"r%d\", \"text\": \"broken\n", i);
            continue;
        }
        /* (texts of 1 to 90 bytes, so that records fall across the reads at every offset) */
        k += (size_t)snprintf(data + k, cap - k, "{\"id\": \"r%d\", \"text\": \"Talks %d %.*s\"}\n", i, i,
                              (i * 7) % 80, "................................................................................");
    }
    char *path = write_tmp(data, k, ".jsonl");
    free(data);
    CHECK(path != NULL);
    if (!path)
        return;
    dt_reader *r;
    CHECK_INT(dt_reader_open(&r, path, NULL, NULL), 0);
    rdiags dg = {0};
    dt_doc doc;
    int n = 0, rc, wrong = 0;
    while ((rc = dt_reader_next(r, &doc, rcollect, &dg)) == 1) {
        int want = ++n >= BAD ? n + 1 : n;
        char id[16], text[32];
        snprintf(id, sizeof(id), "r%d", want);
        int tl = snprintf(text, sizeof(text), "Talks %d ", want);
        if (strcmp(doc.id, id) != 0 || doc.text_len != (size_t)tl + (size_t)((want * 7) % 80) ||
            strncmp(doc.text, text, (size_t)tl) != 0 || doc.line != want)
            wrong++;
    }
    CHECK_INT(rc, 0);
    CHECK_INT(n, N - 1);
    CHECK_INT(wrong, 0);
    CHECK_INT(dg.n, 1);
    CHECK(strstr(dg.msgs[0], ":31337:") && strstr(dg.msgs[0], "malformed JSON"));
    dt_reader_close(r);
    unlink(path);
}

TEST(reader_text_is_one_document)
{
    static const char data[] = "Headline here\n\nJapan condemned North Korea. It was late.\n";
    char *path = write_tmp(data, sizeof(data) - 1, ".txt");
    if (!path)
        return;
    dt_reader *r;
    CHECK_INT(dt_reader_open(&r, path, NULL, NULL), 0);
    dt_doc doc;
    rdiags dg = {0};
    CHECK_INT(dt_reader_next(r, &doc, rcollect, &dg), 1);
    CHECK_STR(doc.format, "text");
    CHECK_STR(doc.title, "Headline here");
    CHECK_STR(doc.text, "Japan condemned North Korea. It was late.\n");
    CHECK_INT(dt_reader_next(r, &doc, rcollect, &dg), 0);
    dt_reader_close(r);
    unlink(path);
}

TEST(reader_field_names_are_configurable)
{
    static const char data[] = "{\"uid\": \"q\", \"body\": \"text here\", \"published\": \"2019-05-04\"}\n";
    char *path = write_tmp(data, sizeof(data) - 1, ".jsonl");
    if (!path)
        return;
    dt_reader *r;
    dt_reader_opts o = {0};
    o.field_id = "uid";
    o.field_text = "body";
    o.field_date = "published";
    CHECK_INT(dt_reader_open(&r, path, &o, NULL), 0);
    dt_doc doc;
    CHECK_INT(dt_reader_next(r, &doc, NULL, NULL), 1);
    CHECK_STR(doc.id, "q");
    CHECK_STR(doc.date, "2019-05-04");
    CHECK_STR(doc.text, "text here");
    dt_reader_close(r);
    unlink(path);
}

TEST(reader_missing_file_and_bad_format)
{
    dt_reader *r = NULL;
    dt_error err;
    CHECK_INT(dt_reader_open(&r, "/nonexistent/file.jsonl", NULL, &err), DT_ENOTFOUND);
    CHECK(strstr(err.file, "nonexistent") != NULL);
    dt_reader_opts o = {0};
    o.format = "pdf";
    CHECK_INT(dt_reader_open(&r, "/dev/null", &o, &err), DT_EFORMAT);
}
