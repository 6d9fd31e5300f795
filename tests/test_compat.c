/* test_compat.c — TABARI and PETRARCH compatibility: the dictionary readers (bad lines with
 * file and line, words, dated codes, agents, synsets), their coding policy, the validation
 * runner on small suites written for these tests, and — when ../shared is present — the
 * real validation suites, whose pass counts may not fall below the floors reached. */
#include "../src/dict/compat.h"
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct msgs {
    int n, warnings;
    char text[64][300];
} msgs;

static void collect(void *user, const dt_error *e)
{
    msgs *m = user;
    if (e->code == DT_OK)
        m->warnings++;
    if (m->n < 64)
        dt_error_format(e, m->text[m->n++], sizeof(m->text[0]));
}

static bool has_msg(const msgs *m, const char *needle)
{
    for (int i = 0; i < m->n; i++)
        if (strstr(m->text[i], needle))
            return true;
    return false;
}

static dt_dict *load(const char *spec, msgs *m)
{
    const char *specs[] = {spec};
    dt_dict *d = NULL;
    dt_error err;
    return dt_dict_load(&d, specs, 1, collect, m, &err) ? NULL : d;
}

/* Code one sentence; "SRC TGT CODE" of every event, ';'-separated, into out. */
static int code(const dt_dict *d, const char *date, const char *text, char *out, size_t cap)
{
    dt_coder *c;
    out[0] = 0;
    if (dt_coder_new(&c, d, NULL))
        return -1;
    if (dt_coder_begin_doc(c, date)) {
        dt_coder_free(c);
        return -1;
    }
    int n = dt_coder_code(c, text, strlen(text), 1);
    size_t k;
    const dt_event *e = dt_coder_events(c, &k);
    size_t len = 0;
    for (size_t i = 0; i < k && len < cap; i++) {
        int w = snprintf(out + len, cap - len, "%s%s %s %s", i ? ";" : "", e[i].source, e[i].target, e[i].code);
        if (w > 0)
            len += (size_t)w;
    }
    dt_coder_free(c);
    return n;
}

/* ---------------------------------------------------------------- TABARI */

TEST(compat_tabari_bad_lines_have_file_and_line)
{
    msgs m = {0};
    dt_dict *d = load("tabari:tests/data/compat/mini.project", &m);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(has_msg(&m, "mini.actors:27: actor \"BAD LINE WITHOUT A CODE\" has no [CODE]"));
    CHECK(has_msg(&m, "mini.actors:28: bad code: bad date range"));
    CHECK(has_msg(&m, "mini.verbs:25: expected VERB [CODE]"));
    CHECK(has_msg(&m, "mini.verbs:26: a pattern must follow a verb"));
    CHECK(has_msg(&m, "mini.agents:6: bad agent code"));
    CHECK(has_msg(&m, "mini.options:7: unknown option \"BOGUS: THING\""));
    CHECK(!has_msg(&m, "NOT_READ")); /* after ~FINISH */
    dt_dict_stats st;
    dt_dict_get_stats(d, &st);
    CHECK_INT(st.bad_lines, 7);
    dt_dict_free(d);
}

TEST(compat_tabari_words_dates_agents)
{
    msgs m = {0};
    dt_dict *d = load("tabari:tests/data/compat/mini.project", &m);
    CHECK(d != NULL);
    if (!d)
        return;
    char ev[512];
    /* a synonym, a synset in a pattern, an agent after a possessive actor */
    code(d, "2017-08-29", "Pyongyang's military fired an artillery shell at Japan on Tuesday morning.", ev, sizeof(ev));
    CHECK_STR(ev, "PRKMIL JPN 195");
    /* a dated code: Kim Jong Un is PRKELI before 17 December 2011 */
    code(d, "2010-01-01", "Kim Jong Un condemned Japan and China on Friday in a long speech.", ev, sizeof(ev));
    CHECK_STR(ev, "PRKELI JPN 111;PRKELI CHN 111");
    code(d, "2012-01-01", "Kim Jong Un condemned Japan on Friday in a long speech to the army.", ev, sizeof(ev));
    CHECK_STR(ev, "PRKGOV JPN 111");
    /* a coded compound and a prefixed agent through IN */
    code(d, "2018-01-01", "The two Koreas condemned a human rights group in Japan on Monday morning.", ev, sizeof(ev));
    CHECK_STR(ev, "PRK NGOJPN 111;KOR NGOJPN 111");
    /* "WELCOME_" takes its regular endings; "ACCUS" is a stem; patterns win over roots */
    code(d, "2018-01-01", "China accused Japan of lying about the dispute in the East China Sea.", ev, sizeof(ev));
    CHECK_STR(ev, "CHN JPN 1121");
    code(d, "2018-01-01", "China welcomes the new government of Japan on behalf of its people today.", ev, sizeof(ev));
    CHECK_STR(ev, "CHN JPN 051");
    /* a null pattern keeps the verb from coding; a capitalised verb is a noun */
    code(d, "2018-01-01", "China will attack police in Japan on Monday, the agency in Seoul said.", ev, sizeof(ev));
    CHECK_STR(ev, "");
    /* fewer than eight words: not coded (SET: MINIMUM WORDS) */
    code(d, "2018-01-01", "China condemned Japan.", ev, sizeof(ev));
    CHECK_STR(ev, "");
    dt_dict_free(d);
}

TEST(compat_tabari_mini_suite)
{
    dt_strbuf out = {0};
    dt_validate_totals t;
    dt_error err;
    msgs m = {0};
    int rc = dt_validate_file("tests/data/compat/mini.text", NULL, 0, DT_VALIDATE_JSON, &out, &t, collect, &m, &err);
    CHECK_INT(rc, 0);
    CHECK_INT(t.passed, 11);
    CHECK_INT(t.failed, 0);
    CHECK_INT(t.skipped, 0);
    CHECK(out.data && strstr(out.data, "pass  MINI-08\n") != NULL);
    CHECK(out.data && strstr(out.data, "pass  MINI-10  (options applied)") != NULL);
    CHECK(out.data && strstr(out.data, "MINI-99") == NULL); /* after FINAL-01 */
    CHECK(out.data && strstr(out.data, "{\"passed\": 11, \"failed\": 0, \"skipped\": 0, \"total\": 11}\n") != NULL);
    free(out.data);
}

/* ---------------------------------------------------------------- PETRARCH */

TEST(compat_petrarch_reader)
{
    msgs m = {0};
    dt_dict *d = load("petrarch:tests/data/compat/petr.ini", &m);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(has_msg(&m, "petr-verbs.txt:29: bad verb block"));
    CHECK(has_msg(&m, "1 '~' transformation rules are not supported"));
    CHECK(has_msg(&m, "petr-actors.txt:12: bad code: bad date range"));
    CHECK(has_msg(&m, "petr-agents.txt:8: expected PHRASE [~CODE]"));
    CHECK(has_msg(&m, "1 '~' issue exclusions are not supported"));
    CHECK(!has_msg(&m, "malformed comment"));
    char ev[512];
    /* "!PERSON!" substitutions, generated plurals, "{}" for none, listed plurals */
    code(d, "2018-01-01", "Congressmen condemned the authorities of China.", ev, sizeof(ev));
    CHECK_STR(ev, "---LEG CHNGOV 111");
    code(d, "2018-01-01", "Japan condemned the polices of China.", ev, sizeof(ev));
    CHECK_STR(ev, "JPN CHN 111");
    code(d, "2018-01-01", "Geese of China condemned Japan.", ev, sizeof(ev));
    CHECK_STR(ev, "CHNGGS JPN 111");
    /* a multi-word verb with its own code; dates with four-digit years */
    code(d, "2019-01-01", "Moon Jae-in lashed out at North Korea.", ev, sizeof(ev));
    CHECK_STR(ev, "KORGOV PRK 112");
    code(d, "2023-01-01", "Moon Jae-in lashed out at North Korea.", ev, sizeof(ev));
    CHECK_STR(ev, "KORELI PRK 112");
    /* {NP} and (PP) in patterns; synset members follow each other */
    code(d, "2018-01-01", "Seoul welcomed the peace plan of Pyongyang.", ev, sizeof(ev));
    CHECK_STR(ev, "KOR PRK 057");
    code(d, "2018-01-01", "North Korea fired an artillery shell at Japan.", ev, sizeof(ev));
    CHECK_STR(ev, "PRK JPN 195");
    /* issue phrases tag the sentence's events */
    dt_coder *c;
    CHECK_INT(dt_coder_new(&c, d, NULL), 0);
    CHECK_INT(dt_coder_begin_doc(c, "2018-01-01"), 0);
    static const char s[] = "North Korea fired missiles at Japan to show its nuclear weapon.";
    CHECK_INT(dt_coder_code(c, s, sizeof(s) - 1, 1), 1);
    size_t n;
    const dt_event *e = dt_coder_events(c, &n);
    CHECK(n == 1 && strcmp(e[0].issues, "MISSILES,NUCLEAR") == 0);
    dt_coder_free(c);
    dt_dict_free(d);
}

TEST(compat_petrarch_mini_suite)
{
    dt_strbuf out = {0};
    dt_validate_totals t;
    dt_error err;
    msgs m = {0};
    int rc = dt_validate_file("tests/data/compat/petr-records.xml", NULL, 0, 0, &out, &t, collect, &m, &err);
    CHECK_INT(rc, 0);
    CHECK_INT(t.passed, 4);
    CHECK_INT(t.failed, 0);
    CHECK_INT(t.skipped, 1);
    CHECK(out.data && strstr(out.data, "skip  P-05  (category not in <Include>)") != NULL);
    free(out.data);
}

/* ---------------------------------------------------------------- hostile input */

TEST(compat_readers_survive_garbage)
{
    static const char *const tabari_kinds[] = {"actors", "verbs", "agents", "options"};
    static const char *const petr_kinds[] = {"verbs", "actors", "agents", "discards", "issues"};
    static const char *const inputs[] = {
        "[", "]]]", "+\n+\n\t[", "- * {A | {B | C} } [", "<SYNSETS>\n&\n+&X_&X\n</SYNSETS>\nV [1]\n- * &X [2]",
        "--- X [1] ---\n- * ((( [2]\n{}\n+", "!A! = !A!\n!A!!A! [~X]", "A_B_C_D~_~ [~~]",
        "X [AAA 999999-000000] [BBB <20201301] [CCC >1]", "\xff\xfe\x00\x01 [X]\n\t[Y]",
        "<ISSUE CATEGORY=\"X\">\nn: [X]\n~\n</ISSUE>"};
    for (size_t i = 0; i < DT_ARRAY_LEN(inputs); i++) {
        for (size_t k = 0; k < DT_ARRAY_LEN(tabari_kinds) + DT_ARRAY_LEN(petr_kinds); k++) {
            dt_dict *d = calloc(1, sizeof(*d));
            CHECK(d && dict_init(d) == 0);
            if (!d)
                return;
            bool tab = k < DT_ARRAY_LEN(tabari_kinds);
            const char *kind = tab ? tabari_kinds[k] : petr_kinds[k - DT_ARRAY_LEN(tabari_kinds)];
            int rc = tab ? tabari_load_text(d, kind, "garbage", inputs[i], strlen(inputs[i]), NULL, NULL)
                         : petrarch_load_text(d, kind, "garbage", inputs[i], strlen(inputs[i]), NULL, NULL);
            CHECK(rc == 0 || rc == DT_EPARSE);
            CHECK_INT(dict_compile(d), 0);
            char ev[256];
            code(d, "2018-01-01", "X A B C condemned the policy of Y Z on Tuesday, officials said.", ev, sizeof(ev));
            dt_dict_free(d);
        }
    }
}

/* ---------------------------------------------------------------- the CLI */

TEST(compat_cli_validate_json)
{
    const char *b = getenv("DETENTE_BIN");
    if (!b || !*b)
        b = access("./detente", X_OK) == 0 ? "./detente" : "../detente";
    char cmd[512], *out;
    snprintf(cmd, sizeof(cmd), "%s validate --json tests/data/compat/mini.text", b);
    CHECK_INT(test_run(cmd, &out, 0), 0);
    const char *last = strrchr(out, '{');
    CHECK(last && strcmp(last, "{\"passed\": 11, \"failed\": 0, \"skipped\": 0, \"total\": 11}\n") == 0);
    CHECK(strstr(out, "pass  MINI-01\n") != NULL);
    free(out);
    snprintf(cmd, sizeof(cmd), "%s validate --dict tabari:tests/data/compat/mini.project --failures tests/data/compat/mini.text",
             b);
    CHECK_INT(test_run(cmd, &out, 0), 0);
    CHECK(strstr(out, "MINI-01") == NULL);
    free(out);
}

/* ---------------------------------------------------------------- the reference suites */

static const char *shared_path(const char *rel)
{
    static char p[2][1024];
    static int k;
    const char *dir = test_shared_dir();
    if (!dir)
        return NULL;
    char *o = p[k++ % 2];
    snprintf(o, sizeof(p[0]), "%s/reference/%s", dir, rel);
    return access(o, R_OK) == 0 ? o : NULL;
}

TEST(compat_tabari_validation_suite)
{
    const char *path = shared_path("tabari/Validate.text");
    if (!path)
        SKIP("../shared/reference/tabari/Validate.text is not here");
    dt_strbuf out = {0};
    dt_validate_totals t;
    dt_error err;
    msgs m = {0};
    CHECK_INT(dt_validate_file(path, NULL, 0, DT_VALIDATE_FAILURES, &out, &t, collect, &m, &err), 0);
    /* 472 records before FINAL-01 (23 of them only change options). The floor reached:
     * 471 (COMPLEX-05 fails; docs/compatibility.md). */
    CHECK_INT(t.total, 472);
    CHECK_INT(t.skipped, 0);
    CHECK(t.passed >= 471);
    if (t.passed < 471 && out.data)
        fprintf(stderr, "%s", out.data);
    free(out.data);
}

TEST(compat_petrarch_validation_suite)
{
    const char *path = shared_path("petrarch2/text/PETR.UnitTest.records.xml");
    if (!path)
        SKIP("../shared/reference/petrarch2/text/PETR.UnitTest.records.xml is not here");
    dt_strbuf out = {0};
    dt_validate_totals t;
    dt_error err;
    msgs m = {0};
    CHECK_INT(dt_validate_file(path, NULL, 0, DT_VALIDATE_FAILURES, &out, &t, collect, &m, &err), 0);
    /* The floor reached without parse trees: 237 of the 284 records (83%). */
    CHECK_INT(t.total, 284);
    CHECK(t.passed >= 237);
    if (t.passed < 237 && out.data)
        fprintf(stderr, "%s", out.data);
    free(out.data);
}

TEST(compat_phoenix_dictionaries_load_and_code)
{
    const char *ini = shared_path("petrarch2/config/PETR_config.ini");
    if (!ini)
        SKIP("../shared/reference/petrarch2 is not here");
    char spec[1100];
    snprintf(spec, sizeof(spec), "petrarch:%s", ini);
    msgs m = {0};
    dt_dict *d = load(spec, &m);
    CHECK(d != NULL);
    if (!d)
        return;
    dt_dict_stats st;
    dt_dict_get_stats(d, &st);
    /* Each bad line is a real error in the files (docs/compatibility.md lists them). */
    CHECK(st.bad_lines <= 21);
    CHECK(st.actor_phrases > 30000);
    CHECK(st.patterns > 9000);
    char ev[512];
    code(d, "2014-03-20", "The United States imposed new sanctions on Russia over its annexation of Crimea.", ev,
         sizeof(ev));
    CHECK_STR(ev, "USA RUS 163");
    code(d, "2015-06-01", "Israeli troops arrested three Palestinian protesters in the West Bank.", ev, sizeof(ev));
    CHECK(strncmp(ev, "ISRMIL PSEOPP 175", 17) == 0);
    code(d, "2014-01-01", "Chinese Foreign Minister Wang Yi criticized Japan for its visit to the Yasukuni shrine.", ev,
         sizeof(ev));
    CHECK_STR(ev, "CHNGOV JPN 111");
    code(d, "2018-09-18", "South Korean President Moon Jae-in met North Korean leader Kim Jong Un in Pyongyang.", ev,
         sizeof(ev));
    CHECK_STR(ev, "KORGOV PRK 040");
    dt_dict_free(d);
}

TEST(compat_tabari_cameo_dictionaries_load)
{
    const char *verbs = shared_path("tabari/CAMEO.091003.master.verbs");
    const char *opts = shared_path("tabari/CAMEO.09b5.options");
    if (!verbs || !opts)
        SKIP("../shared/reference/tabari is not here");
    char spec[2200];
    snprintf(spec, sizeof(spec), "tabari:%s,%s", verbs, opts);
    msgs m = {0};
    dt_dict *d = load(spec, &m);
    CHECK(d != NULL);
    if (!d)
        return;
    dt_dict_stats st;
    dt_dict_get_stats(d, &st);
    /* 16 patterns in the master file are malformed ("*~_CLOSELY", "{ WAS | WERE ]"). */
    CHECK_INT(st.bad_lines, 16);
    CHECK(st.patterns > 15000);
    dt_dict_free(d);
}
