/* test_lexicon.c — the coder's token cache (white box): emptying it when full, keeping sets
 * as lists, and keeping each token's first walk step must not change what is coded. */
#include "../src/coder/coder.h"
#include "../src/util/json.h"
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

/* The bundled dictionaries, or NULL (a failure recorded). */
static dt_dict *load_bundled(void)
{
    const char *spec[] = {test_path("data/dict")};
    dt_dict *d = NULL;
    dt_error err;
    if (dt_dict_load(&d, spec, 1, NULL, NULL, &err)) {
        harness_fail(__FILE__, __LINE__, "cannot load data/dict: %s", err.msg);
        return NULL;
    }
    return d;
}

/* A dictionary written for a test (native format), or NULL (a failure recorded). */
static dt_dict *load_text(const char *text)
{
    char path[] = "/tmp/detente-lex-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        harness_fail(__FILE__, __LINE__, "cannot write a temporary dictionary");
        return NULL;
    }
    fputs(text, f);
    fclose(f);
    const char *spec[] = {path};
    dt_dict *d = NULL;
    dt_error err;
    CHECK_INT(dt_dict_load(&d, spec, 1, NULL, NULL, &err), 0);
    remove(path);
    return d;
}

TEST(lexicon_cleared_when_full_codes_the_same)
{
    dt_dict *d = load_bundled();
    if (!d)
        return;
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

/* The cache's table grows (from 8,192 slots, at half full) by placing its keys again from
 * what the slots keep: after it has grown, every key must still be found where it was put,
 * in both of its forms (a token in an all-capitals sentence is another entry), so coding
 * the same text again adds none. */
TEST(lexicon_keys_found_again_after_the_table_grows)
{
    dt_dict *d = load_bundled();
    if (!d)
        return;
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    buf text;
    buf_init(&text, 0);
    /* (first a word longer than a token's key length holds, looked up by its first 65,535
     * bytes) */
    buf_puts(&text, "Officials said ");
    for (int i = 0; i < 70000; i++)
        buf_putc(&text, (char)('a' + i % 26));
    buf_puts(&text, " was the word. ");
    for (int i = 0; i < 3000; i++)
        buf_printf(&text, "Delegates from Xq%dtown met %d officials. DELEGATES FROM XQ%dTOWN MET %d OFFICIALS. ",
                   i, 70000 + i, i, 90000 + i);
    CHECK_INT(dt_coder_begin_doc(c, "2018-03-01"), 0);
    CHECK(dt_coder_code(c, text.data, text.len, 0) >= 0);
    size_t first = c->lx.count;
    CHECK(first > 8192); /* (the table grew at least twice) */
    CHECK_INT(dt_coder_begin_doc(c, "2018-03-01"), 0);
    CHECK(dt_coder_code(c, text.data, text.len, 0) >= 0);
    CHECK_INT((long long)c->lx.count, (long long)first);
    buf_free(&text);
    dt_coder_free(c);
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

/* Codes JSON Lines of documents (id, date, text; each its own document) and returns all it
 * coded, every field that names a word of the text, an issue or a rule; NULL on failure.
 * first_steps: keep each token's first walk step with its lexeme (walk_first). */
static char *code_jsonl(const dt_dict *d, const char *jsonl, bool first_steps)
{
    char *text = strdup(jsonl);
    dt_coder *c;
    if (!text || dt_coder_new(&c, d, NULL)) {
        free(text);
        return NULL;
    }
    c->lx.no_first_steps = !first_steps;
    buf out;
    buf_init(&out, 0);
    arena a;
    arena_init(&a, 0);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        arena_reset(&a);
        json_value *v;
        size_t tl, n;
        if (json_parse(&a, line, strlen(line), &v, NULL, NULL) ||
            dt_coder_begin_doc(c, json_get_str(v, "date", NULL)))
            continue;
        const char *t = json_get_str(v, "text", &tl);
        if (!t || dt_coder_code(c, t, tl, 0) < 0)
            continue;
        const dt_event *e = dt_coder_events(c, &n);
        for (size_t i = 0; i < n; i++)
            buf_printf(&out, "%s|%d|%s|%s|%s|%s|%s|%s|%s\n", json_get_str(v, "id", NULL), e[i].sentence,
                       e[i].source, e[i].target, e[i].code, e[i].source_text, e[i].target_text, e[i].issues,
                       e[i].rule);
    }
    buf_putc(&out, 0);
    arena_free(&a);
    dt_coder_free(c);
    free(text);
    return out.data;
}

/* A token's first walk step kept in the cache (walk_first) finds what the walk finds when
 * it takes that step itself: phrases, their kinds and rules, issues, discards. */
TEST(lexicon_first_steps_code_the_same)
{
    dt_dict *d = load_bundled();
    if (!d)
        return;
    char *file = NULL, *kept = NULL, *walked = NULL;
    size_t len;
    if (file_read_all(test_path("tests/data/sentences.jsonl"), 0, &file, &len, NULL) == 0) {
        kept = code_jsonl(d, file, true);
        walked = code_jsonl(d, file, false);
    }
    free(file);
    CHECK(kept && walked);
    if (kept && walked) {
        CHECK(strlen(kept) > 50000); /* (thousands of events) */
        CHECK_STR(kept, walked);
    }
    free(kept);
    free(walked);
    dt_dict_free(d);
}

/* The same in a dictionary made for it: a name reached by a verb ending is no name past the
 * first word ("Zqrunning zqland" is Zqland's, "the zqrun zqland" the body's), a word with
 * more issues than a kept step holds (the walk then takes the step itself), issues kept in
 * order, a discarded sentence and a discarded story. */
TEST(lexicon_first_steps_in_a_small_dictionary)
{
    static const char dict[] = "state   Zqland => ZQL\n"
                               "state   Wevia => WEV\n"
                               "org     zqrun zqland | zqrun wevia council => ZQR\n"
                               "verb    zqcondemn => 111\n"
                               "issue   zqnuke => ZQNUKE\n"
                               "issue   zqnuke => ZQATOM\n"
                               "issue   zqnuke => ZQBOMB\n"
                               "issue   zqtrade => ZQTRADE\n"
                               "discard zqfootball\n"
                               "discard story: zqhoroscope\n";
    static const char docs[] =
        "{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqcondemned Wevia over the zqnuke "
        "plan. The zqrun zqland zqcondemned Wevia. Zqrunning zqland zqcondemned Wevia over zqtrade.\"}\n"
        "{\"id\":\"b\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqcondemned Wevia after the zqfootball "
        "match. Wevia zqcondemned Zqland.\"}\n"
        "{\"id\":\"c\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqcondemned Wevia. The zqhoroscope "
        "zqcondemned Zqland.\"}\n";
    dt_dict *d = load_text(dict);
    if (!d)
        return;
    char *kept = code_jsonl(d, docs, true), *walked = code_jsonl(d, docs, false);
    CHECK(kept && walked);
    if (kept && walked) {
        CHECK_STR(kept, walked);
        CHECK(strstr(kept, "a|0|ZQL|WEV|111|Zqland|Wevia|ZQNUKE,ZQATOM,ZQBOMB|") != NULL);
        CHECK(strstr(kept, "a|1|ZQR|WEV|111|") != NULL);
        CHECK(strstr(kept, "a|2|ZQL|WEV|111|zqland|Wevia|ZQTRADE|") != NULL);
        CHECK(strstr(kept, "b|0|") == NULL && strstr(kept, "b|1|WEV|ZQL|111|") != NULL);
        CHECK(strstr(kept, "c|") == NULL);
    }
    free(kept);
    free(walked);
    dt_dict_free(d);
}

/* A pattern's required group {A | B | ...}, every option of which needs a word, is kept in
 * its filter (pattern_filter.groups), and a pattern none of whose options can be in the
 * sentence is not tried. Coding the test file with and without those filters gives the
 * same events; a filter that rejected a pattern that matches changes them. */
TEST(pattern_group_filter_codes_the_same)
{
    dt_dict *d = load_bundled();
    if (!d)
        return;
    size_t grouped = 0;
    for (size_t i = 0; i < d->npatterns; i++)
        grouped += d->pfilters[i].nreq_alt > 0;
    CHECK(grouped > 500); /* (about a third of the bundled patterns) */
    char *file = NULL, *with = NULL, *without = NULL;
    size_t len;
    if (file_read_all(test_path("tests/data/sentences.jsonl"), 0, &file, &len, NULL) == 0) {
        with = code_jsonl(d, file, true);
        for (size_t i = 0; i < d->npatterns; i++)
            d->pfilters[i].nreq_alt = 0;
        without = code_jsonl(d, file, true);
    }
    free(file);
    CHECK(with && without);
    if (with && without) {
        CHECK(strlen(with) > 50000);
        CHECK_STR(with, without);
    }
    free(with);
    free(without);
    dt_dict_free(d);
}

/* Which groups the filter keeps: a required group of words (options of one word or more),
 * not an optional one, not one with an option that needs no word (a set); and a kept group
 * lets its pattern be tried when any one option's words are all in the sentence. */
TEST(pattern_group_filter_keeps_groups_of_words)
{
    dt_dict *d = load_text("state Zqland => ZQL\n"
                           "state Wevia => WEV\n"
                           "set &ZQTHING = zqwidget | zqgadget\n"
                           "verb zqwarn => 130\n"
                           "- * + {zqover | zqabout zqvery? the zqplan} => 138\n"
                           "- * + {zqover | &ZQTHING} => 131\n"
                           "- * + {zqover | zqabout}? zqtwice => 132\n");
    if (!d)
        return;
    CHECK_INT(d->npatterns, 3);
    int seen = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        const char *code = dict_str(d, d->patterns[i].code.code);
        CHECK_INT(d->pfilters[i].nreq_alt, strcmp(code, "138") == 0 ? 1 : 0);
        seen |= strcmp(code, "138") == 0 ? 1 : strcmp(code, "131") == 0 ? 2 : strcmp(code, "132") == 0 ? 4 : 0;
    }
    CHECK_INT(seen, 7);
    char *got = code_jsonl(d,
                           "{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqwarned Wevia zqabout the zqplan.\"}\n"
                           "{\"id\":\"b\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqwarned Wevia zqover it.\"}\n"
                           "{\"id\":\"c\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqwarned Wevia zqabout the zqwidget.\"}\n"
                           "{\"id\":\"e\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqwarned Wevia zqabout it.\"}\n",
                           true);
    CHECK(got != NULL);
    if (got) {
        CHECK(strstr(got, "a|0|ZQL|WEV|138|") != NULL);
        CHECK(strstr(got, "b|0|ZQL|WEV|138|") != NULL);
        CHECK(strstr(got, "c|0|ZQL|WEV|131|") != NULL); /* the set's option (not filtered) */
        CHECK(strstr(got, "e|0|ZQL|WEV|130|") != NULL); /* no option whole: the verb's code */
    }
    free(got);
    /* The filter itself, on the sentence the coder holds: the 138 pattern's group has an
     * option whose words are all there ("zqabout the zqplan", "zqvery" being optional),
     * and none in "Zqland zqwarned Wevia zqabout it". */
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    for (size_t i = 0; c && i < d->npatterns; i++) {
        const pattern_filter *f = &d->pfilters[i];
        if (strcmp(dict_str(d, d->patterns[i].code.code), "138") != 0)
            continue;
        const char *has = "Zqland zqwarned Wevia zqabout the zqplan.", *lacks = "Zqland zqwarned Wevia zqabout it.";
        CHECK(dt_coder_code(c, has, strlen(has), 1) >= 0);
        CHECK(match_groups_possible(c, d->group_bits + f->groups, f->nreq_alt));
        CHECK(dt_coder_code(c, lacks, strlen(lacks), 1) >= 0);
        CHECK(!match_groups_possible(c, d->group_bits + f->groups, f->nreq_alt));
    }
    dt_coder_free(c);
    dt_dict_free(d);
}

/* The byte of a lexeme's bit-fields that the scan and the matcher read sixteen tokens at a
 * time (coder.h, LEX_BITS_BYTE): each field must sit where the shifts there expect it, which
 * the ABI decides (a static assert can check the byte's place, not the bits' order). */
TEST(lexicon_bit_fields_byte_layout)
{
    lexeme e;
    memset(&e, 0, sizeof(e));
    e.starts = ST_BEGINS;
    CHECK_INT(((const uint8_t *)&e)[LEX_BITS_BYTE], 1 << LEX_STARTS_SHIFT);
    e.starts = ST_INNER;
    CHECK_INT(((const uint8_t *)&e)[LEX_BITS_BYTE], ST_INNER << LEX_STARTS_SHIFT);
    e.starts = 0;
    e.sets = 1;
    CHECK_INT(((const uint8_t *)&e)[LEX_BITS_BYTE], 1 << LEX_SETS_BIT);
    e.sets = 0;
    e.former = 1;
    CHECK_INT(((const uint8_t *)&e)[LEX_BITS_BYTE], 1 << LEX_FORMER_BIT);
}

/* A dictionary in which "zqbanned" has five matches (itself; -ED: zqbann; -D: zqbanne; the
 * doubled consonant: zqban and the American form zqbaned, the fifth), for the scan's copy
 * of a token's matches past its block of four, and for the word filter made from each
 * token when the sentence has more than FLAT_MATCHES matches. */
static const char five_matches_dict[] = "state Zqland => ZQL\n"
                                        "state Wevia => WEV\n"
                                        "set &ZQBAN = zqbanned | zqbann | zqbanne | zqban | zqbaned\n"
                                        "verb zqwarn => 130\n"
                                        "- * + zqbaned => 138\n"
                                        "- * + zqkey => 139\n";

/* The word filter's bit of dictionary word w is on, and its positions in the sentence are
 * the n in want. */
static void check_word_in_sentence(dt_coder *c, const char *w, const int16_t *want, int n)
{
    int32_t id = dict_word_find(c->d, w, strlen(w));
    CHECK(id >= 0);
    if (id < 0)
        return;
    CHECK(word_maybe_in_sentence(c, (uint32_t)id));
    const int16_t *pos = NULL;
    int got = match_word_positions_of(c, (uint32_t)id, &pos);
    CHECK_INT(got, n);
    for (int k = 0; k < n && got == n; k++)
        CHECK_INT(pos[k], want[k]);
}

TEST(scan_token_of_more_than_four_matches)
{
    dt_dict *d = load_text(five_matches_dict);
    if (!d)
        return;
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    /* (13 matches: the last token's fifth is in the matcher's last, partial step of four) */
    const char *text = "Zqland zqwarned Wevia zqbanned zqbanned.";
    CHECK_INT(dt_coder_begin_doc(c, "2020-01-01"), 0);
    CHECK(dt_coder_code(c, text, strlen(text), 1) >= 0);
    CHECK_INT(c->ntok, 6);
    CHECK_INT(c->ct[3].nmatch, 5);
    CHECK_INT(c->nmatches, 1 + 1 + 1 + 5 + 5); /* (zqwarned: zqwarn; the names: themselves) */
    const int16_t at34[] = {3, 4};
    check_word_in_sentence(c, "ZQBANED", at34, 2); /* the fifth match */
    check_word_in_sentence(c, "ZQBANN", at34, 2);
    dt_coder_free(c);
    char *got = code_jsonl(d, "{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"Zqland zqwarned Wevia zqbanned.\"}\n",
                           true);
    CHECK(got && strstr(got, "a|0|ZQL|WEV|138|") != NULL);
    free(got);
    dt_dict_free(d);
}

TEST(scan_word_filter_past_flat_matches)
{
    dt_dict *d = load_text(five_matches_dict);
    if (!d)
        return;
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    /* 3 + 340 + 1 + 1 tokens (under MAX_TOKENS), 3 + 1,700 + 1 matches: zqkey's is past
     * FLAT_MATCHES, so the list of matches does not hold it */
    buf text;
    buf_init(&text, 0);
    buf_puts(&text, "Zqland zqwarned Wevia");
    for (int i = 0; i < 340; i++)
        buf_puts(&text, " zqbanned");
    buf_puts(&text, " zqkey.");
    CHECK_INT(dt_coder_begin_doc(c, "2020-01-01"), 0);
    CHECK(dt_coder_code(c, text.data, text.len, 1) >= 0);
    CHECK_INT(c->ntok, 345);
    CHECK(c->nmatches > FLAT_MATCHES);
    const int16_t at343[] = {343};
    check_word_in_sentence(c, "ZQKEY", at343, 1);
    int16_t banned[340];
    for (int i = 0; i < 340; i++)
        banned[i] = (int16_t)(3 + i);
    check_word_in_sentence(c, "ZQBANED", banned, 340);
    buf_free(&text);
    dt_coder_free(c);
    dt_dict_free(d);
}
