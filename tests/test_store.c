/* test_store.c — the event store: opening and refusing files, idempotent writes, re-coding,
 * the queries and their errors, readers beside a writer, and a writer killed mid-ingest. */
#include "harness.h"
#include "detente.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- helpers */

/* A fresh directory for a store; path receives DIR/name. */
static void tmp_store(char *path, size_t cap, const char *name)
{
    char dir[] = "/tmp/detente-st-XXXXXX";
    if (!mkdtemp(dir)) {
        snprintf(path, cap, "/tmp/detente-st-failed-%s", name);
        return;
    }
    snprintf(path, cap, "%s/%s", dir, name);
}

static void remove_store(const char *path)
{
    char p[600];
    static const char *const ext[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof(p), "%s%s", path, ext[i]);
        unlink(p);
    }
    snprintf(p, sizeof(p), "%s", path);
    char *slash = strrchr(p, '/');
    if (slash) {
        *slash = 0;
        rmdir(p);
    }
}

static dt_store *open_new(char *path, size_t cap)
{
    tmp_store(path, cap, "t.db");
    dt_store *s = NULL;
    dt_error err = {0};
    int rc = dt_store_open(&s, path, DT_STORE_CREATE, &err);
    if (rc)
        harness_fail(__FILE__, __LINE__, "dt_store_open: %s", err.msg);
    return s;
}

static dt_event ev(int sentence, const char *src, const char *tgt, const char *code, int quad, double g,
                   const char *issues)
{
    dt_event e;
    memset(&e, 0, sizeof(e));
    e.sentence = sentence;
    e.source = src;
    e.target = tgt;
    e.source_text = src;
    e.target_text = tgt;
    e.code = code;
    memcpy(e.root, code, 2);
    e.quad = quad;
    e.goldstein = g;
    e.issues = issues;
    e.rule = "test.dict:1";
    return e;
}

/* Add a document whose sentences are given as NUL-separated strings. */
static int add(dt_store *s, const char *source, const char *record, const char *date, const char *const *sents,
               size_t nsents, const dt_event *events, size_t nevents)
{
    dt_slice sl[16];
    char text[2048] = "";
    for (size_t i = 0; i < nsents && i < 16; i++) {
        sl[i].ptr = sents[i];
        sl[i].len = strlen(sents[i]);
        strncat(text, sents[i], sizeof(text) - strlen(text) - 1);
    }
    dt_store_doc doc = {source, record, "", "", date, "field", "jsonl", dt_text_hash(text, strlen(text))};
    dt_error err = {0};
    return dt_store_add_doc(s, &doc, sl, nsents, events, nevents, NULL, &err);
}

static int64_t count(dt_store *s, const dt_event_filter *f)
{
    int64_t n = -1;
    dt_error err = {0};
    if (dt_store_count(s, f, &n, &err))
        fprintf(stderr, "    count: %s\n", err.msg);
    return n;
}

/* A small store: three documents about USA, PRK, KOR and IGOUNO. */
static dt_store *sample_store(char *path, size_t cap)
{
    dt_store *s = open_new(path, cap);
    if (!s)
        return NULL;
    const char *d1[] = {"North Korea fired a missile over Japan.", "The United States condemned the launch."};
    dt_event e1[] = {ev(0, "PRK", "JPN", "150", 4, -7.2, "MISSILE"), ev(1, "USAGOV", "PRK", "111", 3, -2.0, "")};
    const char *d2[] = {"Trump met Kim Jong Un in Singapore.", "Nothing happened here.",
                        "The United Nations praised the summit."};
    dt_event e2[] = {ev(0, "USAGOV", "PRKGOV", "040", 1, 1.0, "NUCLEAR"), ev(0, "PRKGOV", "USAGOV", "040", 1, 1.0, "NUCLEAR"),
                     ev(2, "IGOUNO", "USA", "051", 1, 3.4, "")};
    const char *d3[] = {"South Korea imposed sanctions on North Korea.", "Seoul imposed sanctions on Pyongyang again."};
    dt_event e3[] = {ev(0, "KOR", "PRK", "163", 4, -8.0, ""), ev(1, "KOR", "PRK", "163", 4, -8.0, "")};
    if (add(s, "a.jsonl", "1", "2017-08-29", d1, 2, e1, 2) != DT_STORE_NEW ||
        add(s, "a.jsonl", "2", "2018-06-12", d2, 3, e2, 3) != DT_STORE_NEW ||
        add(s, "b.jsonl", "x", "2018-07-01", d3, 2, e3, 2) != DT_STORE_NEW)
        harness_fail(__FILE__, __LINE__, "building the sample store failed");
    dt_error err = {0};
    if (dt_store_commit(s, &err))
        harness_fail(__FILE__, __LINE__, "commit: %s", err.msg);
    return s;
}

static void write_file(const char *path, const char *data)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(data, f);
        fclose(f);
    }
}

/* ---------------------------------------------------------------- opening */

TEST(store_creates_reopens_and_knows_its_version)
{
    char path[512];
    dt_store *s = open_new(path, sizeof(path));
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK_INT(dt_store_version(s), DT_STORE_VERSION);
    CHECK_INT(dt_store_has_fts(s), 1);
    CHECK_INT(dt_store_close(s, NULL), 0);
    dt_error err = {0};
    CHECK_INT(dt_store_open(&s, path, 0, &err), 0);
    dt_store_info info;
    CHECK_INT(dt_store_get_info(s, &info, &err), 0);
    CHECK_INT(info.version, DT_STORE_VERSION);
    CHECK_INT(info.documents, 0);
    CHECK_STR(info.first_date, "");
    dt_store_close(s, NULL);
    /* WAL mode, and the application id that marks a Detente store. */
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), DT_STORE_VERSION);
    sqlite3_finalize(st);
    sqlite3_close(db);
    remove_store(path);
}

TEST(store_refuses_what_is_not_a_store)
{
    char path[512];
    tmp_store(path, sizeof(path), "x.db");
    dt_store *s = NULL;
    dt_error err = {0};
    CHECK_INT(dt_store_open(&s, path, 0, &err), DT_ENOTFOUND);
    CHECK(strstr(err.msg, "no store") != NULL);
    CHECK(access(path, F_OK) != 0); /* not created by a failed read */
    write_file(path, "id,text\n1,this is a CSV file and not a database at all, padded to be long enough\n");
    CHECK_INT(dt_store_open(&s, path, DT_STORE_CREATE, &err), DT_EFORMAT);
    CHECK(strstr(err.msg, "not a Detente store (not an SQLite database)") != NULL);
    unlink(path);
    /* An SQLite database of another program. */
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_INT(dt_store_open(&s, path, DT_STORE_CREATE, &err), DT_EFORMAT);
    CHECK(strstr(err.msg, "another program") != NULL);
    unlink(path);
    /* An empty file: a store only when asked to create one. */
    write_file(path, "");
    CHECK_INT(dt_store_open(&s, path, 0, &err), DT_EFORMAT);
    CHECK(strstr(err.msg, "empty") != NULL);
    CHECK_INT(dt_store_open(&s, path, DT_STORE_CREATE, &err), 0);
    dt_store_close(s, NULL);
    /* A directory. */
    char dir[600];
    snprintf(dir, sizeof(dir), "%s.d", path);
    mkdir(dir, 0700);
    CHECK_INT(dt_store_open(&s, dir, DT_STORE_CREATE, &err), DT_EFORMAT);
    rmdir(dir);
    remove_store(path);
}

TEST(store_refuses_a_newer_version)
{
    char path[512];
    dt_store *s = open_new(path, sizeof(path));
    dt_store_close(s, NULL);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    dt_error err = {0};
    CHECK_INT(dt_store_open(&s, path, 0, &err), DT_EVERSION);
    CHECK(strstr(err.msg, "store version 99 was made by a newer Detente") != NULL);
    CHECK_INT(dt_store_open(&s, path, DT_STORE_READONLY, &err), DT_EVERSION);
    remove_store(path);
}

/* ---------------------------------------------------------------- writing */

TEST(store_keeps_documents_sentences_and_events)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    dt_store_info info;
    dt_error err = {0};
    CHECK_INT(dt_store_get_info(s, &info, &err), 0);
    CHECK_INT(info.documents, 3);
    CHECK_INT(info.sentences, 7);
    CHECK_INT(info.events, 7);
    CHECK_STR(info.first_date, "2017-08-29");
    CHECK_STR(info.last_date, "2018-07-01");
    /* Documents come back with their sentences, for re-coding. */
    dt_stored_doc d;
    CHECK_INT(dt_store_next_doc(s, 0, &d, &err), 1);
    CHECK_STR(d.source, "a.jsonl");
    CHECK_STR(d.record, "1");
    CHECK_STR(d.date, "2017-08-29");
    CHECK_INT(d.nsentences, 2);
    CHECK_INT(d.nevents, 2);
    CHECK(d.nsentences == 2 && d.sentences[1].len == strlen("The United States condemned the launch.") &&
          memcmp(d.sentences[1].ptr, "The United States condemned the launch.", d.sentences[1].len) == 0);
    int64_t last = d.id;
    CHECK_INT(dt_store_next_doc(s, last, &d, &err), 1);
    CHECK_INT(dt_store_next_doc(s, d.id, &d, &err), 1);
    CHECK_INT(dt_store_next_doc(s, d.id, &d, &err), 0);
    /* Events with their provenance. */
    dt_event_filter f;
    memset(&f, 0, sizeof(f));
    f.codes = "111";
    dt_store_cursor *c;
    CHECK_INT(dt_store_query(s, &f, &c, &err), 0);
    dt_stored_event e;
    CHECK_INT(dt_store_cursor_next(c, &e, &err), 1);
    CHECK_STR(e.date, "2017-08-29");
    CHECK_STR(e.ev.source, "USAGOV");
    CHECK_STR(e.source_entity, "USA");
    CHECK_STR(e.ev.target, "PRK");
    CHECK_STR(e.ev.code, "111");
    CHECK_STR(e.ev.root, "11");
    CHECK_INT(e.ev.quad, 3);
    CHECK_NEAR(e.ev.goldstein, -2.0, 1e-9);
    CHECK_STR(e.ev.rule, "test.dict:1");
    CHECK_INT(e.ev.sentence, 1);
    CHECK_STR(e.ev.sentence_text, "The United States condemned the launch.");
    CHECK_STR(e.doc_source, "a.jsonl");
    CHECK_STR(e.record, "1");
    CHECK_INT(dt_store_cursor_next(c, &e, &err), 0);
    dt_store_cursor_free(c);
    CHECK_INT(dt_store_check(s, &(dt_strbuf){0}, &err), 0);
    dt_store_close(s, NULL);
    remove_store(path);
}

TEST(store_is_idempotent_by_source_and_by_text)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    const char *d1[] = {"North Korea fired a missile over Japan.", "The United States condemned the launch."};
    dt_event e1[] = {ev(0, "PRK", "JPN", "150", 4, -7.2, "MISSILE")};
    /* The same source and record: known, nothing added. */
    CHECK_INT(add(s, "a.jsonl", "1", "2017-08-29", d1, 2, e1, 1), DT_STORE_KNOWN);
    /* The same text from another source: a copy, coded once. */
    CHECK_INT(add(s, "mirror.jsonl", "77", "2017-08-29", d1, 2, e1, 1), DT_STORE_COPY);
    /* ... and that source is known from then on. */
    CHECK_INT(add(s, "mirror.jsonl", "77", "2017-08-29", d1, 2, e1, 1), DT_STORE_KNOWN);
    dt_store_doc doc = {"mirror.jsonl", "77", NULL, NULL, NULL, NULL, NULL, 1};
    int64_t id = 0;
    dt_error err = {0};
    CHECK_INT(dt_store_find_doc(s, &doc, &id, &err), DT_STORE_KNOWN);
    CHECK(id > 0);
    doc.record = "78";
    CHECK_INT(dt_store_find_doc(s, &doc, &id, &err), DT_STORE_NEW);
    dt_store_info info;
    CHECK_INT(dt_store_get_info(s, &info, &err), 0);
    CHECK_INT(info.documents, 3);
    CHECK_INT(info.copies, 1);
    CHECK_INT(info.events, 7);
    dt_store_close(s, NULL);
    remove_store(path);
}

TEST(store_checks_input_before_writing)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    const char *d[] = {"One sentence."};
    dt_event bad[] = {ev(3, "PRK", "JPN", "150", 4, -7.2, "")};
    CHECK_INT(add(s, "c.jsonl", "1", "2017-08-29", d, 1, bad, 1), DT_EINVAL);
    CHECK_INT(add(s, "c.jsonl", "2", "2017-02-30", d, 1, NULL, 0), DT_EDATE);
    dt_event noactor[] = {ev(0, "", "JPN", "150", 4, -7.2, "")};
    CHECK_INT(add(s, "c.jsonl", "3", "2017-08-29", d, 1, noactor, 1), DT_EINVAL);
    dt_error err = {0};
    CHECK_INT(dt_store_commit(s, &err), 0);
    dt_store_info info;
    CHECK_INT(dt_store_get_info(s, &info, &err), 0);
    CHECK_INT(info.documents, 3);
    CHECK_INT(dt_store_check(s, &(dt_strbuf){0}, &err), 0);
    dt_store_close(s, NULL);
    remove_store(path);
}

TEST(store_recode_replaces_events_and_keeps_the_summary)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    dt_error err = {0};
    dt_stored_doc d;
    CHECK_INT(dt_store_next_doc(s, 0, &d, &err), 1);
    int64_t id = d.id;
    /* Re-coded: the launch sentence now has no event; the second has two. */
    dt_event now[] = {ev(1, "USA", "PRK", "112", 3, -2.0, ""), ev(1, "JPN", "PRK", "111", 3, -2.0, "")};
    CHECK_INT(dt_store_replace_events(s, id, now, 2, &err), 0);
    CHECK_INT(dt_store_replace_events(s, 999999, now, 2, &err), DT_ENOTFOUND);
    dt_event bad[] = {ev(5, "USA", "PRK", "112", 3, -2.0, "")};
    CHECK_INT(dt_store_replace_events(s, id, bad, 1, &err), DT_EINVAL);
    CHECK_INT(dt_store_commit(s, &err), 0);
    dt_event_filter f;
    memset(&f, 0, sizeof(f));
    f.codes = "150";
    CHECK_INT(count(s, &f), 0);
    f.codes = "11*";
    CHECK_INT(count(s, &f), 2);
    /* Full text follows the sentences that carry events. */
    memset(&f, 0, sizeof(f));
    f.text = "missile";
    CHECK_INT(count(s, &f), 0);
    f.text = "condemned";
    CHECK_INT(count(s, &f), 2);
    /* The summary follows the events: JPN-PRK now has one conflict event of 2.0 that day. */
    dt_day_totals *days;
    size_t n;
    CHECK_INT(dt_store_dyad_days(s, "JPN-PRK", INT32_MIN, INT32_MAX, &days, &n, &err), 0);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(days[0].n[3], 1);
        CHECK_INT(days[0].n[4], 0);
        CHECK_INT(days[0].conflict10, 20);
    }
    free(days);
    dt_strbuf report = {0};
    CHECK_INT(dt_store_check(s, &report, &err), 0);
    if (report.len)
        fprintf(stderr, "%s", report.data);
    free(report.data);
    dt_store_close(s, NULL);
    remove_store(path);
}

TEST(store_check_finds_damage)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    dt_store_close(s, NULL);
    sqlite3 *db;
    sqlite3_open(path, &db);
    CHECK_INT(sqlite3_exec(db, "DELETE FROM events WHERE code = '111'", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    dt_error err = {0};
    CHECK_INT(dt_store_open(&s, path, 0, &err), 0);
    dt_strbuf report = {0};
    CHECK_INT(dt_store_check(s, &report, &err), DT_EDB);
    CHECK(report.data && strstr(report.data, "its events do not match its event count") != NULL);
    CHECK(report.data && strstr(report.data, "dyad summary") != NULL);
    /* The sentence of the deleted event carries no other: the full-text index still has it. */
    CHECK(report.data && strstr(report.data, "full-text index has 1 sentences without events") != NULL);
    free(report.data);
    dt_store_close(s, NULL);
    remove_store(path);
}

/* ---------------------------------------------------------------- queries */

TEST(store_query_filters)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    dt_event_filter f;
#define Q(field, value, expect)                                                                            \
    do {                                                                                                   \
        memset(&f, 0, sizeof(f));                                                                          \
        f.field = value;                                                                                   \
        CHECK_INT(count(s, &f), expect);                                                                   \
    } while (0)
    Q(actor, "PRK", 6);       /* the whole country: PRK and PRKGOV */
    Q(actor, "PRK*", 6);
    Q(actor, "=PRK", 4);      /* the bare code only */
    Q(actor, "PRKGOV", 2);    /* exact */
    Q(actor, "prkgov", 2);    /* lower case is fine */
    Q(actor, "IGOUNO", 1);
    Q(actor, "IGO", 1);
    Q(actor, "XYZ", 0);
    Q(source, "KOR", 2);
    Q(target, "USA", 2);
    Q(dyad, "USA-PRK", 3);    /* either direction */
    Q(dyad, "USA>PRK", 2);    /* USA acting on PRK */
    Q(dyad, "PRK>USA", 1);
    Q(dyad, "USAGOV-PRKGOV", 2);
    Q(codes, "163", 2);
    Q(codes, "04*,111", 3);
    Q(roots, "16,15", 3);
    Q(quads, 1u << 4, 3);
    Q(quads, (1u << 1) | (1u << 3), 4);
    Q(issue, "nuclear", 2);
    Q(issue, "MISSILE", 1);
    Q(from, "2018-01-01", 5);
    Q(to, "2017-12-31", 2);
    Q(text, "sanctions", 2);
    Q(text, "\"imposed sanctions\" AND Seoul", 1);
    Q(text, "summit OR launch", 2);
    Q(one_a_day, 1, 6);       /* the two KOR>PRK 163 of 2018-07-01 count once */
    Q(limit, 4, 4);
#undef Q
    /* Combined: source, target and dates. */
    memset(&f, 0, sizeof(f));
    f.source = "USA";
    f.target = "PRK*";
    f.from = "2018-06-12";
    f.to = "2018-06-12";
    CHECK_INT(count(s, &f), 1);
    f.from = "2018-06-13";
    f.to = "2018-12-31";
    CHECK_INT(count(s, &f), 0);
    /* Newest first with a limit gives the latest events. */
    memset(&f, 0, sizeof(f));
    f.newest_first = 1;
    f.limit = 2;
    dt_store_cursor *c;
    dt_error err = {0};
    CHECK_INT(dt_store_query(s, &f, &c, &err), 0);
    dt_stored_event e;
    int n = 0;
    while (dt_store_cursor_next(c, &e, &err) == 1) {
        CHECK_STR(e.date, "2018-07-01");
        n++;
    }
    CHECK_INT(n, 2);
    dt_store_cursor_free(c);
    /* Date order, oldest first, by default. */
    memset(&f, 0, sizeof(f));
    CHECK_INT(dt_store_query(s, &f, &c, &err), 0);
    char prev[11] = "";
    while (dt_store_cursor_next(c, &e, &err) == 1) {
        CHECK(strcmp(prev, e.date) <= 0);
        snprintf(prev, sizeof(prev), "%s", e.date);
    }
    dt_store_cursor_free(c);
    dt_store_close(s, NULL);
    remove_store(path);
}

TEST(store_query_errors)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    dt_event_filter f;
    dt_store_cursor *c = NULL;
    dt_error err = {0};
    int64_t n;
#define BAD(field, value, words)                                                                           \
    do {                                                                                                   \
        memset(&f, 0, sizeof(f));                                                                          \
        f.field = value;                                                                                   \
        memset(&err, 0, sizeof(err));                                                                      \
        CHECK_INT(dt_store_query(s, &f, &c, &err), DT_EINVAL);                                             \
        CHECK(strstr(err.msg, words) != NULL);                                                             \
        CHECK_INT(dt_store_count(s, &f, &n, &err), DT_EINVAL);                                             \
    } while (0)
    BAD(dyad, "USA_PRK", "bad dyad");
    BAD(dyad, "USA-", "bad dyad");
    BAD(dyad, "USA-PRK-CHN", "bad dyad");
    BAD(dyad, "US A-PRK", "bad dyad");
    BAD(actor, "PRK**", "bad actor pattern");
    BAD(actor, "=PRK*", "bad actor pattern");
    BAD(actor, "", "bad actor pattern");
    BAD(codes, "19x", "bad event code");
    BAD(codes, "1", "bad event code");
    BAD(roots, "21", "bad root code");
    BAD(quads, 1u << 5, "quad");
    BAD(from, "2018-02-30", "bad from date");
    BAD(issue, "A,B", "bad issue");
    BAD(text, "\"unterminated", "bad full-text query");
#undef BAD
    memset(&f, 0, sizeof(f));
    f.from = "2019-01-01";
    f.to = "2018-01-01";
    CHECK_INT(dt_store_query(s, &f, &c, &err), DT_EINVAL);
    CHECK(strstr(err.msg, "reversed") != NULL);
    CHECK_INT(dt_actor_pattern_check("USAGOV", NULL), 0);
    CHECK_INT(dt_actor_pattern_check("US-A", NULL), DT_EINVAL);
    CHECK_INT(dt_dyad_check("IGOUNO>SYR*", NULL), 0);
    CHECK_INT(dt_dyad_check(">SYR", NULL), DT_EINVAL);
    dt_store_close(s, NULL);
    remove_store(path);
}

TEST(store_dyad_days_agree_between_summary_and_events)
{
    char path[512];
    dt_store *s = sample_store(path, sizeof(path));
    if (!s)
        return;
    /* "USA-PRK" is read from the summary; "USA*-=PRK" partly from events. They agree where they
     * mean the same events: only PRK's bare code is involved on that side here, apart from PRKGOV. */
    dt_day_totals *a, *b;
    size_t na, nb;
    dt_error err = {0};
    CHECK_INT(dt_store_dyad_days(s, "KOR-PRK", INT32_MIN, INT32_MAX, &a, &na, &err), 0);
    CHECK_INT(dt_store_dyad_days(s, "KOR*-=PRK", INT32_MIN, INT32_MAX, &b, &nb, &err), 0);
    CHECK_INT(na, 1);
    CHECK_INT(nb, 1);
    if (na == 1 && nb == 1) {
        CHECK_INT(a[0].day, b[0].day);
        CHECK_INT(a[0].n[4], 2);
        CHECK_INT(b[0].n[4], 2);
        CHECK_INT(a[0].conflict10, 160);
        CHECK_INT(b[0].conflict10, 160);
    }
    free(a);
    free(b);
    CHECK_INT(dt_store_dyad_days(s, "USA-PRK", INT32_MIN, INT32_MAX, &a, &na, &err), 0);
    CHECK_INT(na, 2);
    int64_t events = 0;
    for (size_t i = 0; i < na; i++)
        for (int q = 0; q < 5; q++)
            events += a[i].n[q];
    CHECK_INT(events, 3);
    free(a);
    int32_t first, last;
    CHECK_INT(dt_store_date_span(s, &first, &last, &err), 0);
    char d[11];
    dt_date_format(first, d, sizeof(d));
    CHECK_STR(d, "2017-08-29");
    dt_store_close(s, NULL);
    remove_store(path);
}

/* ---------------------------------------------------------------- concurrency and crashes */

TEST(store_readers_are_not_blocked_by_a_writer)
{
    char path[512];
    dt_store *w = sample_store(path, sizeof(path));
    if (!w)
        return;
    /* The writer holds an open batch transaction with a new document in it. */
    const char *d[] = {"Japan protested to China."};
    dt_event e[] = {ev(0, "JPN", "CHN", "111", 3, -2.0, "")};
    CHECK_INT(add(w, "c.jsonl", "1", "2019-01-01", d, 1, e, 1), DT_STORE_NEW);
    dt_store *r = NULL;
    dt_error err = {0};
    CHECK_INT(dt_store_open(&r, path, DT_STORE_READONLY, &err), 0);
    if (!r) {
        dt_store_close(w, NULL);
        return;
    }
    time_t t0 = time(NULL);
    CHECK_INT(count(r, NULL), 7); /* the committed state, at once */
    CHECK(time(NULL) - t0 < 2);
    /* A reader's open cursor does not stop the writer from committing. */
    dt_store_cursor *c;
    CHECK_INT(dt_store_query(r, NULL, &c, &err), 0);
    CHECK_INT(dt_store_commit(w, &err), 0);
    dt_store_cursor_free(c);
    CHECK_INT(count(r, NULL), 8);
    dt_store_close(r, NULL);
    dt_store_close(w, NULL);
    remove_store(path);
}

/* The child: add documents forever, in batches of 7, each with 3 sentences and 4 events. */
static void writer_forever(const char *path)
{
    dt_store *s = NULL;
    if (dt_store_open(&s, path, DT_STORE_CREATE, NULL))
        _exit(3);
    dt_store_set_batch(s, 7);
    for (int i = 0;; i++) {
        char rec[32], s0[64], s1[64], s2[64], date[11];
        snprintf(rec, sizeof(rec), "r%d", i);
        snprintf(s0, sizeof(s0), "Document %d: North Korea fired a missile.", i);
        snprintf(s1, sizeof(s1), "Document %d: Japan protested.", i);
        snprintf(s2, sizeof(s2), "Document %d: nothing else.", i);
        dt_date_format(17000 + i % 1000, date, sizeof(date));
        const char *sents[] = {s0, s1, s2};
        dt_event e[] = {ev(0, "PRK", "JPN", "150", 4, -7.2, "MISSILE"), ev(1, "JPN", "PRK", "111", 3, -2.0, ""),
                        ev(1, "JPNGOV", "PRKGOV", "112", 3, -2.0, ""), ev(0, "PRK", "USA", "138", 3, -7.0, "")};
        if (add(s, "kill.jsonl", rec, date, sents, 3, e, 4) < 0)
            _exit(4);
    }
}

static int64_t committed_docs(const char *path)
{
    sqlite3 *db;
    int64_t n = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st;
        sqlite3_busy_timeout(db, 1000);
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

TEST(store_survives_a_kill_mid_ingest)
{
    char path[512];
    tmp_store(path, sizeof(path), "kill.db");
    /* Kill the writer three times at different points, then check the store each time. */
    static const int64_t kill_after[] = {30, 200, 450};
    for (size_t k = 0; k < 3; k++) {
        int64_t before = committed_docs(path);
        pid_t pid = fork();
        if (pid == 0)
            writer_forever(path);
        CHECK(pid > 0);
        if (pid <= 0)
            return;
        /* Wait until it has committed some documents, then a little more, then kill it. */
        for (int i = 0; i < 4000 && committed_docs(path) < before + kill_after[k]; i++)
            usleep(2000);
        usleep(3000 * (useconds_t)(k + 1));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        dt_store *s = NULL;
        dt_error err = {0};
        CHECK_INT(dt_store_open(&s, path, 0, &err), 0);
        if (!s)
            return;
        dt_strbuf report = {0};
        CHECK_INT(dt_store_check(s, &report, &err), 0);
        if (report.len)
            fprintf(stderr, "%s", report.data);
        free(report.data);
        dt_store_info info;
        CHECK_INT(dt_store_get_info(s, &info, &err), 0);
        CHECK(info.documents >= before + kill_after[k]);
        /* Every stored document is whole: 3 sentences, 4 events. */
        CHECK_INT(info.sentences, info.documents * 3);
        CHECK_INT(info.events, info.documents * 4);
        dt_store_close(s, NULL);
    }
    remove_store(path);
}

TEST(store_dyad_with_overlapping_sides_counts_each_event_once)
{
    char path[512];
    dt_store *s = open_new(path, sizeof(path));
    if (!s)
        return;
    const char *d[] = {"South Korean police arrested protesters.", "The government said so."};
    dt_event e[] = {ev(0, "KORCOP", "KOROPP", "173", 4, -5.0, ""), ev(1, "KORGOV", "KOR", "010", 1, 0.0, "")};
    CHECK_INT(add(s, "k.jsonl", "1", "2019-03-01", d, 2, e, 2), DT_STORE_NEW);
    dt_event_filter f;
    memset(&f, 0, sizeof(f));
    f.dyad = "KOR-KOR";
    CHECK_INT(count(s, &f), 2);
    f.dyad = "KOR-KORGOV";
    CHECK_INT(count(s, &f), 1);
    f.dyad = "KORCOP>KOR";
    CHECK_INT(count(s, &f), 1);
    dt_day_totals *days;
    size_t n;
    dt_error err = {0};
    CHECK_INT(dt_store_dyad_days(s, "KOR-KOR", INT32_MIN, INT32_MAX, &days, &n, &err), 0);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(days[0].n[4], 1);
        CHECK_INT(days[0].n[1], 1);
    }
    free(days);
    dt_store_close(s, NULL);
    remove_store(path);
}
