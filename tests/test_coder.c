/* test_coder.c — the coder's mechanisms on a small test dictionary: data-driven cases in
 * tests/data/coder-*.jsonl (sentence, date, expected events), plus API behaviour. */
#include "../src/util/json.h"
#include "../src/util/util.h"
#include "harness.h"

#include <stdlib.h>

static dt_dict *load_mini(void)
{
    const char *spec[] = {test_path("tests/data/mini.dict")};
    dt_dict *d = NULL;
    dt_error err;
    int rc = dt_dict_load(&d, spec, 1, NULL, NULL, &err);
    if (rc)
        harness_fail(__FILE__, __LINE__, "cannot load mini.dict: %s", err.msg);
    return d;
}

/* Compare coded events with the expected ones (as sorted "SRC TGT CODE" lists). */
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void check_case(const char *id, const char *text, const dt_event *ev, size_t n,
                       const json_value *want)
{
    char *got[64], *exp[64];
    size_t ng = 0, ne = 0;
    for (size_t i = 0; i < n && ng < 64; i++) {
        char *s = malloc(64);
        snprintf(s, 64, "%s %s %s", ev[i].source, ev[i].target, ev[i].code);
        got[ng++] = s;
    }
    for (size_t i = 0; want && want->type == JSON_ARRAY && i < want->u.arr.n && ne < 64; i++) {
        const json_value *e = want->u.arr.items[i];
        char *s = malloc(64);
        snprintf(s, 64, "%s %s %s", json_get_str(e, "source", NULL), json_get_str(e, "target", NULL),
                 json_get_str(e, "code", NULL));
        exp[ne++] = s;
    }
    qsort(got, ng, sizeof(char *), cmp_str);
    qsort(exp, ne, sizeof(char *), cmp_str);
    bool same = ng == ne;
    for (size_t i = 0; same && i < ng; i++)
        same = strcmp(got[i], exp[i]) == 0;
    if (!same) {
        char gs[1024] = "", es[1024] = "";
        for (size_t i = 0; i < ng; i++)
            snprintf(gs + strlen(gs), sizeof(gs) - strlen(gs), "[%s] ", got[i]);
        for (size_t i = 0; i < ne; i++)
            snprintf(es + strlen(es), sizeof(es) - strlen(es), "[%s] ", exp[i]);
        harness_fail(__FILE__, __LINE__, "%s \"%s\": got %s expected %s", id, text, ng ? gs : "nothing",
                     ne ? es : "nothing");
    }
    for (size_t i = 0; i < ng; i++)
        free(got[i]);
    for (size_t i = 0; i < ne; i++)
        free(exp[i]);
}

/* Run a case file: consecutive lines with the same "doc" share a document. */
static void run_cases(const char *rel)
{
    dt_dict *d = load_mini();
    if (!d)
        return;
    char *text;
    size_t len;
    dt_error err;
    if (file_read_all(test_path(rel), 0, &text, &len, &err)) {
        harness_fail(__FILE__, __LINE__, "cannot read %s", rel);
        dt_dict_free(d);
        return;
    }
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    arena a;
    arena_init(&a, 0);
    char doc[64] = "";
    int cases = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        arena_reset(&a);
        json_value *v;
        size_t off;
        const char *msg;
        if (json_parse(&a, line, strlen(line), &v, &off, &msg)) {
            harness_fail(__FILE__, __LINE__, "%s: bad JSON line: %s", rel, msg);
            continue;
        }
        const char *dg = json_get_str(v, "doc", NULL);
        if (!dg || strcmp(dg, doc) != 0) {
            CHECK_INT(dt_coder_begin_doc(c, json_get_str(v, "date", NULL)), 0);
            snprintf(doc, sizeof(doc), "%s", dg ? dg : "");
        }
        size_t before, n;
        dt_coder_events(c, &before);
        size_t tl;
        const char *t = json_get_str(v, "text", &tl);
        CHECK(dt_coder_code(c, t, tl, 0) >= 0);
        const dt_event *ev = dt_coder_events(c, &n);
        /* A story discard empties the document's events. */
        if (n < before)
            before = 0;
        check_case(json_get_str(v, "id", NULL), t, ev + before, n - before, json_get(v, "events"));
        cases++;
    }
    CHECK(cases > 10);
    arena_free(&a);
    dt_coder_free(c);
    dt_dict_free(d);
    free(text);
}

TEST(coder_mechanism_cases)
{
    run_cases("tests/data/coder-cases.jsonl");
}

TEST(coder_document_references)
{
    run_cases("tests/data/coder-doc.jsonl");
}

TEST(coder_event_fields)
{
    dt_dict *d = load_mini();
    if (!d)
        return;
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    CHECK_INT(dt_coder_begin_doc(c, "2017-08-29"), 0);
    const char *t = "North Korea fired a missile over Japan. Japan condemned North Korea's nuclear tests.";
    CHECK_INT(dt_coder_code(c, t, strlen(t), 0), 2);
    size_t n;
    const dt_event *e = dt_coder_events(c, &n);
    CHECK_INT((long long)n, 2);
    CHECK_INT(e[0].sentence, 0);
    CHECK_STR(e[0].code, "150");
    CHECK_STR(e[0].root, "15");
    CHECK_INT(e[0].quad, 4);
    CHECK_NEAR(e[0].goldstein, -7.2, 1e-9);
    CHECK_STR(e[0].source_text, "North Korea");
    CHECK_STR(e[0].target_text, "Japan");
    CHECK_STR(e[0].issues, "MISSILE");
    CHECK_STR(e[0].rule, "tests/data/mini.dict:51");
    CHECK_STR(e[0].sentence_text, "North Korea fired a missile over Japan.");
    CHECK_INT(e[1].sentence, 1);
    CHECK_STR(e[1].issues, "NUCLEAR");
    CHECK_INT(dt_coder_sentence_count(c), 2);
    /* A new document forgets the old one's events. */
    CHECK_INT(dt_coder_begin_doc(c, "2017-13-01"), DT_EDATE);
    dt_coder_events(c, &n);
    CHECK_INT((long long)n, 0);
    dt_coder_free(c);
    dt_dict_free(d);
}

TEST(coder_survives_hostile_text)
{
    dt_dict *d = load_mini();
    if (!d)
        return;
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    CHECK_INT(dt_coder_begin_doc(c, NULL), 0);
    /* NUL bytes, invalid UTF-8, a huge run-on sentence, only punctuation. */
    char junk[] = "Japan\0condemned \xff\xfe North Korea.";
    CHECK(dt_coder_code(c, junk, sizeof(junk) - 1, 0) >= 0);
    size_t big = 2000000;
    char *b = malloc(big);
    for (size_t i = 0; i < big; i++)
        b[i] = "Japan condemned China and "[i % 26];
    CHECK(dt_coder_code(c, b, big, 0) >= 0);
    CHECK(dt_coder_code(c, ".,;:!?\"'()", 10, 0) >= 0);
    CHECK(dt_coder_code(c, "", 0, 0) == 0);
    free(b);
    dt_coder_free(c);
    dt_dict_free(d);
}

TEST(coder_explain_trace)
{
    dt_dict *d = load_mini();
    if (!d)
        return;
    dt_coder *c;
    dt_coder_opts o = {.explain = 1};
    CHECK_INT(dt_coder_new(&c, d, &o), 0);
    CHECK_INT(dt_coder_begin_doc(c, "2017-08-29"), 0);
    const char *t = "North Korea did not attack Japan.";
    CHECK_INT(dt_coder_code(c, t, strlen(t), 0), 0);
    size_t len;
    const char *tr = dt_coder_trace(c, &len);
    CHECK(strstr(tr, "negated: no event") != NULL);
    CHECK(strstr(tr, "actor \"North Korea\" (actor): PRK") != NULL);
    dt_coder_free(c);
    dt_dict_free(d);
}

TEST(coder_solo_acts_only_when_asked)
{
    dt_dict *d = load_mini();
    if (!d)
        return;
    const char *t = "North Korea tested a missile on Sunday.";
    for (int solo = 0; solo <= 1; solo++) {
        dt_coder *c;
        dt_coder_opts o = {.solo = solo};
        CHECK_INT(dt_coder_new(&c, d, &o), 0);
        CHECK_INT(dt_coder_begin_doc(c, "2017-08-29"), 0);
        CHECK_INT(dt_coder_code(c, t, strlen(t), 0), solo);
        size_t n;
        const dt_event *e = dt_coder_events(c, &n);
        if (solo && n == 1) {
            CHECK_STR(e[0].source, "PRK");
            CHECK_STR(e[0].target, "");
            CHECK_STR(e[0].code, "150");
        }
        dt_coder_free(c);
    }
    dt_dict_free(d);
}
