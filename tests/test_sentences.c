/* test_sentences.c — the bundled dictionaries on hand-written sentences coded by our
 * guidelines without looking at the program (tests/data/sentences.jsonl): the scores
 * must stay above floors, and the sentences that must yield nothing must yield nothing. */
#include "../src/util/json.h"
#include "../src/util/util.h"
#include "harness.h"

#include <stdlib.h>

static dt_dict *load_bundled(void)
{
    const char *spec[] = {test_path("data/dict")};
    dt_dict *d = NULL;
    if (dt_dict_load(&d, spec, 1, NULL, NULL, NULL))
        return NULL;
    return d;
}

static double field(const char *json, const char *level, const char *name)
{
    char key[64];
    snprintf(key, sizeof(key), "\"%s\":{", level);
    const char *p = strstr(json, key);
    if (!p)
        return -1;
    snprintf(key, sizeof(key), "\"%s\":", name);
    p = strstr(p, key);
    return p ? strtod(p + strlen(key), NULL) : -1;
}

TEST(sentences_scores_stay_above_floors)
{
    dt_dict *d = load_bundled();
    CHECK(d != NULL);
    if (!d)
        return;
    dt_strbuf out = {0};
    CHECK_INT(dt_eval_file(d, test_path("tests/data/sentences.jsonl"), DT_EVAL_JSON, &out, NULL, NULL, NULL), 0);
    if (out.data) {
        double rp = field(out.data, "root", "precision"), rf = field(out.data, "root", "f1");
        double sf = field(out.data, "strict", "f1");
        printf("    sentences.jsonl: root precision %.3f, root F1 %.3f, strict F1 %.3f\n", rp, rf, sf);
        CHECK(rp >= 0.90);
        CHECK(rf >= 0.85);
        CHECK(sf >= 0.68);
    }
    free(out.data);
    dt_dict_free(d);
}

TEST(sentences_without_events_stay_without)
{
    dt_dict *d = load_bundled();
    if (!d)
        return;
    char *text;
    size_t len;
    if (file_read_all(test_path("tests/data/sentences.jsonl"), 0, &text, &len, NULL)) {
        harness_fail(__FILE__, __LINE__, "cannot read sentences.jsonl");
        dt_dict_free(d);
        return;
    }
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    arena a;
    arena_init(&a, 0);
    int empty = 0, wrong = 0;
    char doc[64] = "";
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        arena_reset(&a);
        json_value *v;
        if (json_parse(&a, line, strlen(line), &v, NULL, NULL))
            continue;
        const char *dg = json_get_str(v, "doc", NULL);
        if (!dg || strcmp(dg, doc) != 0) {
            CHECK_INT(dt_coder_begin_doc(c, json_get_str(v, "date", NULL)), 0);
            snprintf(doc, sizeof(doc), "%s", dg ? dg : "");
        }
        size_t before, n, tl;
        dt_coder_events(c, &before);
        const char *t = json_get_str(v, "text", &tl);
        CHECK(dt_coder_code(c, t, tl, 0) >= 0);
        dt_coder_events(c, &n);
        const json_value *ev = json_get(v, "events");
        if (ev && ev->type == JSON_ARRAY && ev->u.arr.n == 0) {
            empty++;
            if (n > before) {
                wrong++;
                printf("    coded, should be empty: %s\n", t);
            }
        }
    }
    CHECK(empty >= 30);
    /* at most one in ten of the empty sentences may gain an event */
    CHECK(wrong * 10 <= empty);
    arena_free(&a);
    dt_coder_free(c);
    dt_dict_free(d);
    free(text);
}

/* A dateline ("NAIROBI -") is skipped, and the clause of the verb after it begins where
 * the dateline ends (clause_range): the crowd before the verb is its subject, and the
 * dateline city the country it protests in. */
TEST(sentences_after_a_dateline_code_their_clause)
{
    dt_dict *d = load_bundled();
    if (!d)
        return;
    static const struct { const char *text, *want; } cases[] = {
        {"NAIROBI - Thousands took to the streets of the capital on Monday.", "KENOPP KEN 141;"},
        {"LIMA - Thousands of people took to the streets of the capital on Sunday.", "PEROPP PER 141;"},
    };
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    for (size_t k = 0; k < DT_ARRAY_LEN(cases); k++) {
        CHECK_INT(dt_coder_begin_doc(c, "2024-05-06"), 0);
        CHECK(dt_coder_code(c, cases[k].text, strlen(cases[k].text), 0) >= 0);
        size_t n;
        const dt_event *e = dt_coder_events(c, &n);
        char got[256] = "";
        for (size_t i = 0; i < n; i++)
            snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s %s %s;", e[i].source, e[i].target, e[i].code);
        CHECK_STR(got, cases[k].want);
    }
    dt_coder_free(c);
    dt_dict_free(d);
}
