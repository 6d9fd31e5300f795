/* test_lexicon.c — the coder's token cache (white box): emptying it when full must not
 * change what is coded. */
#include "../src/coder/coder.h"
#include "harness.h"

#include <stdlib.h>

/* Codes a text of many distinct words (numbers, names) with the bundled dictionaries and
 * returns its events as one string, "SRC TGT CODE;" each. limit: the cache's size (0: the
 * default). */
static char *code_with_cache(const dt_dict *d, const char *text, size_t limit)
{
    dt_coder *c;
    if (dt_coder_new(&c, d, NULL))
        return NULL;
    if (limit)
        c->lx.limit = limit;
    buf out;
    buf_init(&out, 0);
    if (dt_coder_begin_doc(c, "2018-03-01") == 0 && dt_coder_code(c, text, strlen(text), 0) >= 0) {
        size_t n;
        const dt_event *e = dt_coder_events(c, &n);
        for (size_t i = 0; i < n; i++)
            buf_printf(&out, "%s %s %s;", e[i].source, e[i].target, e[i].code);
    }
    buf_putc(&out, 0);
    dt_coder_free(c);
    return out.data;
}

TEST(lexicon_cleared_when_full_codes_the_same)
{
    const char *spec[] = {test_path("data/dict")};
    dt_dict *d = NULL;
    dt_error err;
    if (dt_dict_load(&d, spec, 1, NULL, NULL, &err)) {
        harness_fail(__FILE__, __LINE__, "cannot load data/dict: %s", err.msg);
        return;
    }
    /* Sentences that code, each with new numbers: the cache fills again and again, and
     * each sentence begins with words cached before ("Japan", "The"). */
    buf text;
    buf_init(&text, 0);
    for (int i = 0; i < 300; i++)
        buf_printf(&text, "Japan condemned North Korea after %d missiles and %d rockets flew %d km on day %d. "
                          "The United States and South Korea held talks on %d and %d. ",
                   1000 + i, 2000 + 7 * i, 3000 + 11 * i, 4000 + i, 5000 + 3 * i, 6000 + 5 * i);
    char *base = code_with_cache(d, text.data, 0);
    char *small = code_with_cache(d, text.data, MAX_TOKENS + 8);
    CHECK(base && small);
    if (base && small) {
        CHECK(strlen(base) > 300 * 10); /* the sentences did code */
        CHECK_STR(small, base);
    }
    free(base);
    free(small);
    buf_free(&text);
    dt_dict_free(d);
}

/* A dictionary of more sets than a lexeme's bit mask holds keeps them as lists: the
 * patterns with sets must code the same either way. */
TEST(lexicon_many_sets_code_the_same)
{
    char path[64];
    snprintf(path, sizeof(path), "/tmp/detente-lex-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        harness_fail(__FILE__, __LINE__, "cannot write a temporary dictionary");
        return;
    }
    for (int i = 0; i < LEX_SET_BITS + 40; i++)
        fprintf(f, "set &EXTRA%d = zzextra%d word | zzextra%d\n", i, i, i);
    fclose(f);
    const char *one[] = {test_path("data/dict")};
    const char *two[] = {test_path("data/dict"), path};
    dt_dict *d1 = NULL, *d2 = NULL;
    dt_error err;
    CHECK_INT(dt_dict_load(&d1, one, 1, NULL, NULL, &err), 0);
    CHECK_INT(dt_dict_load(&d2, two, 2, NULL, NULL, &err), 0);
    if (d1 && d2) {
        CHECK(d1->nsets <= LEX_SET_BITS && d2->nsets > LEX_SET_BITS);
        /* set patterns: "&MISSILE * over +", "to_{fire | launch} {... | &WEAPON}" */
        const char *text = "A North Korean ballistic missile flew over Japan on Tuesday. "
                           "South Korea accused North Korea of threatening to fire rockets at Seoul. "
                           "The missiles fired by North Korea landed in the sea.";
        char *a = code_with_cache(d1, text, 0), *b = code_with_cache(d2, text, 0);
        CHECK(a && b);
        if (a && b) {
            CHECK(strstr(a, "JPN") != NULL); /* a set pattern coded */
            CHECK_STR(b, a);
        }
        free(a);
        free(b);
    }
    dt_dict_free(d1);
    dt_dict_free(d2);
    remove(path);
}
