/* test_dict.c — the native dictionary reader: entries, dated codes, verb forms, and
 * bad lines reported with file, line and column while loading goes on. */
#include "../src/dict/dict.h"
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct diags {
    int n;
    char msgs[32][600];
    long lines[32];
} diags;

static void collect(void *user, const dt_error *e)
{
    diags *d = user;
    if (d->n < 32) {
        dt_error_format(e, d->msgs[d->n], sizeof(d->msgs[0]));
        d->lines[d->n] = e->line;
        d->n++;
    }
}

static dt_dict *load_text(const char *text, diags *dg)
{
    char path[] = "/tmp/detente-test-XXXXXX.dict";
    int fd = mkstemps(path, 5);
    if (fd < 0)
        return NULL;
    if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
        close(fd);
        return NULL;
    }
    close(fd);
    const char *spec[] = {path};
    dt_dict *d = NULL;
    dt_error err;
    int rc = dt_dict_load(&d, spec, 1, collect, dg, &err);
    unlink(path);
    return rc ? NULL : d;
}

/* A dictionary that must load without a diagnostic (checked); NULL when it did not load. */
static dt_dict *load_clean(const char *text)
{
    diags dg = {0};
    dt_dict *d = load_text(text, &dg);
    CHECK(d != NULL);
    CHECK_INT(dg.n, 0);
    return d;
}

static int count_events(dt_dict *d, const char *date, const char *text, char *first, size_t cap)
{
    dt_coder *c;
    if (dt_coder_new(&c, d, NULL))
        return -1;
    if (dt_coder_begin_doc(c, date)) {
        dt_coder_free(c);
        return -1;
    }
    int n = dt_coder_code(c, text, strlen(text), 0);
    size_t k;
    const dt_event *e = dt_coder_events(c, &k);
    if (first && cap)
        snprintf(first, cap, "%s", k ? "" : "-");
    if (k && first)
        snprintf(first, cap, "%s %s %s", e[0].source, e[0].target, e[0].code);
    dt_coder_free(c);
    return n;
}

TEST(dict_bad_lines_are_reported_and_skipped)
{
    diags dg = {0};
    dt_dict *d = load_text("state Japan => JPN\n"
                           "bogus entry here\n"                      /* 2 */
                           "state China\n"                           /* 3: no => */
                           "person Ann Lee => USAGOV 2020-02-30..\n" /* 4: bad date */
                           "state Korea => K/R!\n"                   /* 5: bad code */
                           "- * with + => 040\n"                     /* 6: pattern without verb */
                           "verb meet => 040\n"
                           "- with + => 040\n"                       /* 8: no * */
                           "- * &NOPE + => 040\n"                    /* 9: unknown set */
                           "- * with + => 04x0!?\n"                  /* 10: bad code */
                           "state Russia => RUS\n"
                           "verb condemn => 111\n",
                           &dg);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_INT(dg.n, 8);
    long want[] = {2, 3, 4, 5, 6, 8, 9, 10};
    for (int i = 0; i < 8 && i < dg.n; i++)
        CHECK_INT(dg.lines[i], want[i]);
    CHECK(strstr(dg.msgs[0], "unknown entry \"bogus\"") != NULL);
    CHECK(strstr(dg.msgs[2], "bad date range") != NULL);
    CHECK(strstr(dg.msgs[6], ":9:") != NULL); /* a column for pattern errors */
    dt_dict_stats st;
    dt_dict_get_stats(d, &st);
    CHECK_INT((long long)st.bad_lines, 8);
    /* what was good still works */
    char ev[64];
    CHECK_INT(count_events(d, "2020-01-01", "Russia condemned Japan.", ev, sizeof(ev)), 1);
    CHECK_STR(ev, "RUS JPN 111");
    dt_dict_free(d);
}

/* The coder asks a token's pronoun flag before it compares keys for a possessive pronoun
 * (coder.c, possessive_pronoun): every dictionary must give those words WF_PRON, even one
 * that names them in entries of its own. */
TEST(dict_possessive_pronouns_keep_their_pronoun_flag)
{
    dt_dict *d = load_clean("state His Land => HSL\n"
                            "person Her Majesty => GBRGOV\n"
                            "verb meet => 040\n"
                            "- * their + => 043\n");
    if (!d)
        return;
    static const char *const words[] = {"HIS", "ITS", "THEIR", "HER", "OUR", "MY"};
    for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
        int32_t id = dict_word_find(d, words[k], strlen(words[k]));
        CHECK(id >= 0);
        if (id >= 0)
            CHECK(d->words[id].flags & WF_PRON);
    }
    dt_dict_free(d);
}

TEST(dict_dated_codes_follow_the_document_date)
{
    dt_dict *d = load_clean("state Japan => JPN\n"
                            "person Ann Lee | Lee\n"
                            "   => XYZOPP ..2009-12-31, XYZGOV 2010-01-01..2014-06-30\n"
                            "person Bo Kim => XYZGOV 2015-01-01..\n"
                            "verb condemn => 111\n");
    if (!d)
        return;
    char ev[64];
    count_events(d, "2005-05-05", "Ann Lee condemned Japan.", ev, sizeof(ev));
    CHECK_STR(ev, "XYZOPP JPN 111");
    count_events(d, "2012-05-05", "Ann Lee condemned Japan.", ev, sizeof(ev));
    CHECK_STR(ev, "XYZGOV JPN 111");
    /* no default: not an actor after her office */
    CHECK_INT(count_events(d, "2016-05-05", "Ann Lee condemned Japan.", ev, sizeof(ev)), 0);
    /* unknown date: only an undated default applies */
    CHECK_INT(count_events(d, NULL, "Bo Kim condemned Japan.", ev, sizeof(ev)), 0);
    count_events(d, "2015-01-01", "Bo Kim condemned Japan.", ev, sizeof(ev));
    CHECK_STR(ev, "XYZGOV JPN 111");
    dt_dict_free(d);
}

/* Each sentence (dated 2020-01-01) codes first the event "SRC TGT CODE" it is paired with. */
static void check_first_events(dt_dict *d, const char *const cases[][2], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ev[64];
        count_events(d, "2020-01-01", cases[i][0], ev, sizeof(ev));
        CHECK_STR(ev, cases[i][1]);
    }
}

TEST(dict_verb_forms_are_generated)
{
    dt_dict d;
    CHECK_INT(dict_init(&d), 0);
    const char *f[5];
    struct { const char *lemma, *s, *ed, *ing; } cases[] = {
        {"EXPEL", "EXPELS", "EXPELLED", "EXPELLING"}, {"STOP", "STOPS", "STOPPED", "STOPPING"},
        {"TRY", "TRIES", "TRIED", "TRYING"},           {"VISIT", "VISITS", "VISITED", "VISITING"},
        {"SEIZE", "SEIZES", "SEIZED", "SEIZING"},      {"PUSH", "PUSHES", "PUSHED", "PUSHING"},
        {"DIE", "DIES", "DIED", "DYING"},              {"PLAY", "PLAYS", "PLAYED", "PLAYING"},
        {"AGREE", "AGREES", "AGREED", "AGREEING"},     {"OFFER", "OFFERS", "OFFERED", "OFFERING"},
        {"BAN", "BANS", "BANNED", "BANNING"},          {"VETO", "VETOES", "VETOED", "VETOING"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CHECK_INT(dict_verb_forms(&d, cases[i].lemma, strlen(cases[i].lemma), NULL, NULL, f), 0);
        CHECK_STR(f[VF_S], cases[i].s);
        CHECK_STR(f[VF_ED], cases[i].ed);
        CHECK_STR(f[VF_ING], cases[i].ing);
    }
    CHECK_INT(dict_verb_forms(&d, "MEET", 4, "MET", "MET", f), 0);
    CHECK_STR(f[VF_ED], "MET");
    CHECK_STR(f[VF_EN], "MET");
    dict_release(&d);
}

TEST(dict_irregular_and_multiword_verbs_match)
{
    dt_dict *d = load_clean("irregular fight fought fought\n"
                            "state Japan => JPN\nstate China => CHN\n"
                            "verb fight => 190\n"
                            "verb call for => 020\n"
                            "verb warn (warnt)\n- * against + => 130\n");
    if (!d)
        return;
    static const char *const cases[][2] = {
        {"China fought Japan.", "CHN JPN 190"},
        {"China is calling for calm with Japan.", "CHN JPN 020"},
        {"China warnt against Japan.", "CHN JPN 130"},
        {"China warned sternly against Japan.", "CHN JPN 130"},
    };
    check_first_events(d, cases, sizeof(cases) / sizeof(cases[0]));
    dt_dict_free(d);
}

/* "verb A | B" and "noun A | B": every lemma is a phrase of the one entry and shares its
 * patterns (a '|' used to be read as a word, so such a line never matched). */
TEST(dict_entries_with_alternative_lemmas_match_each)
{
    dt_dict *d = load_clean("state Japan => JPN\nstate China => CHN\n"
                            "noun border talks | frontier talks\n- *_with + => 046\n"
                            "verb scold | rebuke => 111\n"
                            "verb scold | chide\n- * over + => 111\n");
    if (!d)
        return;
    static const char *const cases[][2] = {
        {"China held border talks with Japan.", "CHN JPN 046"},
        {"China held frontier talks with Japan.", "CHN JPN 046"},
        {"China rebuked Japan.", "CHN JPN 111"},
        {"China scolds Japan.", "CHN JPN 111"},
        /* a second line for an existing lemma extends its entry, further lemmas included */
        {"China chided Japan.", "CHN JPN 111"},
    };
    check_first_events(d, cases, sizeof(cases) / sizeof(cases[0]));
    dt_dict_free(d);
}

TEST(dict_missing_files_are_errors)
{
    const char *spec[] = {"/nonexistent/dir"};
    dt_dict *d = NULL;
    dt_error err;
    CHECK_INT(dt_dict_load(&d, spec, 1, NULL, NULL, &err), DT_ENOTFOUND);
    CHECK(d == NULL);
    CHECK(strstr(err.file, "nonexistent") != NULL);
}

TEST(dict_bundled_loads_cleanly)
{
    const char *spec[] = {test_path("data/dict")};
    dt_dict *d = NULL;
    dt_error err;
    diags dg = {0};
    int rc = dt_dict_load(&d, spec, 1, collect, &dg, &err);
    CHECK_INT(rc, 0);
    for (int i = 0; i < dg.n; i++)
        harness_fail(__FILE__, __LINE__, "bundled dictionary: %s", dg.msgs[i]);
    if (d) {
        dt_dict_stats st;
        dt_dict_get_stats(d, &st);
        CHECK(st.actors > 1000);
        CHECK(st.agents > 20);
    }
    dt_dict_free(d);
}

/* The compiled trie keeps each node's children as one sorted run (searched in place, halved
 * above eight; sorted in place up to sixteen, by qsort above): every phrase under a node
 * is found, and no other word, also one the dictionary has elsewhere. */
TEST(dict_node_children_are_found_at_every_run_length)
{
    static const int counts[] = {1, 2, 8, 9, 16, 17, 40};
    for (size_t r = 0; r < DT_ARRAY_LEN(counts); r++) {
        int kids = counts[r];
        char text[8192];
        size_t at = (size_t)snprintf(text, sizeof(text), "state Vqland w01 => VQL\n");
        /* (written in descending order: the runs must be sorted, not kept as written) */
        for (int i = kids - 1; i >= 0; i--)
            at += (size_t)snprintf(text + at, sizeof(text) - at, "state Zqland w%02d => Z%02d\n", i * 2, i);
        dt_dict *d = load_clean(text);
        if (!d)
            return;
        CHECK(d->compiled && d->kids != NULL && d->edge_cap == 0);
        int32_t zq = dict_word_find(d, "ZQLAND", 6);
        uint32_t node = zq >= 0 ? dict_child(d, 0, (uint32_t)zq) : 0;
        CHECK(node != 0);
        for (int i = 0; i < 2 * kids + 2 && node; i++) {
            char w[16];
            snprintf(w, sizeof(w), "W%02d", i);
            int32_t id = dict_word_find(d, w, 3);
            bool child = i % 2 == 0 && i < 2 * kids;
            /* (W01 is a word of the dictionary, under "Vqland" only) */
            CHECK((id >= 0) == (child || i == 1));
            if (id >= 0)
                CHECK((dict_child(d, node, (uint32_t)id) != 0) == child);
        }
        CHECK_INT((long)dict_child(d, node, (uint32_t)zq), 0);
        CHECK_INT(dict_add_phrase(d, (const uint32_t[]){(uint32_t)zq}, 1, (phrase_payload){0}), DT_EINVAL);
        dt_dict_free(d);
    }
}

/* A verb's patterns are looked at 64 at a time (pattern_block): those needing a word the
 * sentence lacks are passed over, the one after the first 64 still found; a group, or a
 * word and a set's member, that must come right after the verb match there and nowhere
 * else. */
TEST(dict_patterns_past_the_first_64_and_adjacent_elements)
{
    char text[8192];
    size_t at = (size_t)snprintf(text, sizeof(text),
                                 "state Japan => JPN\nstate China => CHN\nset &ARMS = missiles | rockets\n"
                                 "verb warn\n- *_{against | over} + => 111\n- *_of_&ARMS + => 138\n- zqxfirst * + => 125\n- * + {zqxa | zqxb} => 129\n"
                                 "- * + => 130\n");
    /* (70 patterns with words of their own: sorted by their letters, they come first) */
    for (int i = 0; i < 70; i++)
        at += (size_t)snprintf(text + at, sizeof(text) - at, "- * + about zqxword%02d => 1%02d\n", i,
                               i % 10 + 20);
    snprintf(text + at, sizeof(text) - at, "verb threaten => 138\n");
    dt_dict *d = load_clean(text);
    if (!d)
        return;
    uint32_t warn = UINT32_MAX;
    for (size_t v = 0; v < d->nverbs; v++)
        if (strcmp(dict_str(d, d->verbs[v].lemma), "warn") == 0)
            warn = (uint32_t)v;
    CHECK(warn != UINT32_MAX);
    if (warn != UINT32_MAX)
        CHECK_INT((long long)d->verbs[warn].npatterns, 75);
    static const struct {
        const char *text;
        int n;
        const char *want; /* the first event */
    } cases[] = {
        {"Japan warned China.", 1, "JPN CHN 130"},
        {"Japan warned China about zqxword67.", 1, "JPN CHN 127"},
        {"Japan warned against China.", 1, "JPN CHN 111"},
        /* ("against" not right after the verb: the group's pattern does not match) */
        {"Japan warned China against it.", 1, "JPN CHN 130"},
        /* (right after a second verb that shares the object: "warned and threatened over") */
        {"Japan warned and threatened over China.", 2, "JPN CHN 111"},
        /* (a word, then a set's member, each right after the one before) */
        {"Japan warned of rockets from China.", 1, "JPN CHN 138"},
        {"Japan warned of new rockets from China.", 1, "JPN CHN 130"},
        /* (a word required before the verb is looked for there, not after it) */
        {"Japan zqxfirst warned China.", 1, "JPN CHN 125"},
        {"Japan warned China zqxfirst.", 1, "JPN CHN 130"},
        /* (and a group required after it, after it) */
        {"Japan warned China zqxb.", 1, "JPN CHN 129"},
        {"Japan zqxb warned China.", 1, "JPN CHN 130"},
    };
    for (size_t i = 0; i < DT_ARRAY_LEN(cases); i++) {
        char ev[64];
        int n = count_events(d, "2020-01-01", cases[i].text, ev, sizeof(ev));
        if (n != cases[i].n || strcmp(ev, cases[i].want) != 0)
            harness_fail(__FILE__, __LINE__, "\"%s\": %d events, the first %s; expected %d, %s", cases[i].text, n,
                         ev, cases[i].n, cases[i].want);
    }
    dt_dict_free(d);
}

/* A dictionary whose patterns require no word and no set: the coder's blocks then have no
 * keys at all (taking their place once offset a null pointer, which clang's UBSan in
 * fuzz_dict reports; gcc's does not). */
TEST(dict_patterns_without_required_words)
{
    dt_dict *d = load_clean("state Japan => JPN\nstate China => CHN\nverb warn\n- * + => 130\n");
    if (!d)
        return;
    CHECK(d->pkeys != NULL);
    char ev[64];
    CHECK_INT(count_events(d, "2020-01-01", "Japan warned China.", ev, sizeof(ev)), 1);
    CHECK_STR(ev, "JPN CHN 130");
    dt_dict_free(d);
}

/* The first event of `text`, coded with or without the trace (which runs checks the plain
 * run skips, and so fills the matcher's caches in another order). */
static void first_event(dt_dict *d, const char *text, bool explain, char *out, size_t cap)
{
    dt_coder *c;
    dt_coder_opts o = {.explain = explain};
    snprintf(out, cap, "-");
    if (dt_coder_new(&c, d, &o))
        return;
    size_t k = 0;
    if (dt_coder_begin_doc(c, "2020-01-01") == 0 && dt_coder_code(c, text, strlen(text), 0) >= 0) {
        const dt_event *e = dt_coder_events(c, &k);
        if (k)
            snprintf(out, cap, "%s %s %s", e[0].source, e[0].target, e[0].code);
    }
    dt_coder_free(c);
}

/* The first event of `text` with the dictionary `dict`, plain and traced, is `want`. */
static void same_first_event(const char *dict, const char *text, const char *want)
{
    dt_dict *d = load_clean(dict);
    if (!d)
        return;
    char plain[64], traced[64];
    first_event(d, text, false, plain, sizeof(plain));
    first_event(d, text, true, traced, sizeof(traced));
    CHECK_STR(plain, want);
    CHECK_STR(traced, want);
    dt_dict_free(d);
}

/* What the matcher finds does not depend on what it looked at before, even in a sentence
 * that fills its caches: a set's members at more tokens than the set cache holds, and more
 * words than the word map held (a stopped noun's patterns look at them first). */
TEST(dict_matches_do_not_depend_on_what_was_looked_at_before)
{
    static char dict[16384], text[8192];
    /* the set cache: "zz" eighty times, a set of forty members of one to forty "zz" */
    size_t at = (size_t)snprintf(dict, sizeof(dict), "state Japan => JPN\nstate China => CHN\nset &A = zz");
    for (int i = 2; i <= 40; i++) {
        at += (size_t)snprintf(dict + at, sizeof(dict) - at, " |");
        for (int k = 0; k < i; k++)
            at += (size_t)snprintf(dict + at, sizeof(dict) - at, " zz");
    }
    snprintf(dict + at, sizeof(dict) - at,
             "\nset &R = rr\nnoun talks\n- * &A _+ => 190\nverb warn\n- * &R + => 111\n- * + => 130\n");
    at = (size_t)snprintf(text, sizeof(text), "Japan blocked talks");
    for (int i = 0; i < 80; i++)
        at += (size_t)snprintf(text + at, sizeof(text) - at, " zz");
    snprintf(text + at, sizeof(text) - at, " then Japan warned rr China.");
    same_first_event(dict, text, "JPN CHN 111");
    /* the word map: 330 words that match two word ids each, forty patterns on the stopped
     * noun that each look one up */
    at = (size_t)snprintf(dict, sizeof(dict), "state Japan => JPN\nstate China => CHN\nset &W = q000x | q000xs");
    for (int i = 1; i < 330; i++)
        at += (size_t)snprintf(dict + at, sizeof(dict) - at, " | q%03dx | q%03dxs", i, i);
    at += (size_t)snprintf(dict + at, sizeof(dict) - at, "\nnoun talks\n");
    for (int i = 0; i < 40; i++)
        at += (size_t)snprintf(dict + at, sizeof(dict) - at, "- * q%03dx _+ => 190\n", i);
    snprintf(dict + at, sizeof(dict) - at, "verb warn\n- * q329x + => 111\n- * + => 130\n");
    at = (size_t)snprintf(text, sizeof(text), "Japan blocked talks");
    for (int i = 0; i < 329; i++)
        at += (size_t)snprintf(text + at, sizeof(text) - at, " q%03dxs", i);
    snprintf(text + at, sizeof(text) - at, " then Japan warned q329xs China.");
    same_first_event(dict, text, "JPN CHN 111");
}

/* A verb entry none of whose patterns matches is still coded by its fallbacks (the early
 * end of a try that has none must not stop these): an act asked to be stopped with
 * "must", a protest spreading over a country, a judgement said before its speaker. */
TEST(dict_entries_without_a_pattern_matched_fall_back)
{
    static const char dict[] = "state Japan => JPN\nstate China => CHN\nstate Russia => RUS\n"
                               "verb stop\nverb warn => 130\nverb say => 010\n"
                               "noun protest\n- * zqxnever + => 145\n"
                               "noun aggression\n- * + => 111 speaker\n";
    same_first_event(dict, "Japan must stop warning China, Russia said.", "RUS JPN 1042");
    same_first_event(dict, "Protests in China spread to Russia.", "RUSOPP RUS 141");
    same_first_event(dict, "\"Aggression,\" Russia said of China.", "RUS CHN 111");
}
