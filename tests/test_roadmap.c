/* test_roadmap.c — roadmap files (parsing and errors) and their evaluation over small
 * hand-made event streams: require, forbid windows, counts, ordering, deadlines, --at. */
#include "../src/analysis/roadmap.h"
#include "harness.h"

#include <stdlib.h>

static dt_roadmap *parse(const char *text, dt_error *err)
{
    dt_roadmap *r = NULL;
    if (dt_roadmap_parse(&r, "test.roadmap", text, strlen(text), err))
        return NULL;
    return r;
}

static const char *base =
    "roadmap \"Test plan\"\n"
    "start 2020-01-01\n"
    "actor A = AAA*\n"
    "actor B = BBB*\n"
    "stage quiet \"No fighting\"\n"
    "  forbid A <> B root 19 for 30 days\n"
    "stage talk \"Talks\"\n"
    "  after quiet\n"
    "  require A <> B code 046 count 2\n"
    "stage deal \"A deal\"\n"
    "  after talk\n"
    "  require A -> B code 057\n"
    "  deadline 2020-06-30\n";

#define EV(d, s, t, c) {d, s, t, c, "", "", "", NULL, NULL}

static int status_of(const dt_roadmap *r, const dt_roadmap_event *ev, size_t n, const char *at, int stage,
                     char *since, int *out_of_order)
{
    rm_result res;
    int32_t day = DATE_NONE;
    if (at && dt_date_parse(at, strlen(at), &day))
        return -1;
    if (roadmap_eval(r, ev, n, day, &res))
        return -1;
    int st = res.stages[stage].status;
    if (since)
        dt_date_format(res.stages[stage].since, since, 16);
    if (out_of_order)
        *out_of_order = res.stages[stage].out_of_order;
    roadmap_result_free(&res);
    return st;
}

TEST(roadmap_forbid_window_met_then_broken)
{
    dt_error err;
    dt_roadmap *r = parse(base, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    dt_roadmap_event ev[] = {
        EV("2020-01-10", "AAAMIL", "BBB", "190"), /* fighting: the window restarts */
        EV("2020-03-01", "BBB", "AAAGOV", "195"), /* after the stage is met: broken */
    };
    char since[16];
    /* 30 quiet days after 2020-01-10: met on 2020-02-09 */
    CHECK_INT(status_of(r, ev, 2, "2020-02-08", 0, since, NULL), RM_PENDING);
    CHECK_INT(status_of(r, ev, 2, "2020-02-09", 0, since, NULL), RM_MET);
    CHECK_STR(since, "2020-02-09");
    CHECK_INT(status_of(r, ev, 2, "2020-03-01", 0, since, NULL), RM_BROKEN);
    CHECK_STR(since, "2020-03-01");
    /* and met again after another 30 quiet days */
    CHECK_INT(status_of(r, ev, 2, "2020-03-31", 0, since, NULL), RM_MET);
    CHECK_STR(since, "2020-03-31");
    dt_roadmap_free(r);
}

TEST(roadmap_require_counts_order_and_deadline)
{
    dt_roadmap *r = parse(base, NULL);
    if (!r)
        return;
    dt_roadmap_event ev[] = {
        EV("2020-01-05", "AAAGOV", "BBBGOV", "046"),
        EV("2020-01-06", "BBBGOV", "AAAGOV", "046"), /* second talk: met, before "quiet" */
        EV("2020-05-01", "BBB", "AAA", "057"),       /* wrong direction: not the deal */
    };
    char since[16];
    int ooo = 0;
    CHECK_INT(status_of(r, ev, 3, "2020-01-05", 1, since, NULL), RM_PENDING);
    CHECK_INT(status_of(r, ev, 3, "2020-01-06", 1, since, &ooo), RM_MET);
    CHECK_STR(since, "2020-01-06");
    CHECK(ooo); /* met before the quiet stage was */
    CHECK_INT(status_of(r, ev, 3, "2020-06-30", 2, since, NULL), RM_PENDING);
    CHECK_INT(status_of(r, ev, 3, "2020-07-01", 2, since, NULL), RM_BROKEN); /* deadline missed */
    CHECK_STR(since, "2020-07-01");
    dt_roadmap_event late = EV("2020-08-01", "AAAGOV", "BBB", "057");
    dt_roadmap_event ev2[4] = {ev[0], ev[1], ev[2], late};
    CHECK_INT(status_of(r, ev2, 4, "2020-08-01", 2, since, NULL), RM_MET); /* met late */
    dt_roadmap_free(r);
}

TEST(roadmap_issues_solo_targets_and_json)
{
    dt_roadmap *r = parse("roadmap x\nstart 2019-01-01\nactor NK = PRK*\n"
                          "stage freeze \"no tests\"\n  forbid NK -> any code 150 issue MISSILE NUCLEAR for 10 days\n",
                          NULL);
    CHECK(r != NULL);
    if (!r)
        return;
    dt_roadmap_event ev[] = {
        {"2019-01-05", "PRK", "", "150", "MISSILE", "North Korea fired a missile into the sea.", "k1", NULL, NULL},
        {"2019-01-20", "PRK", "JPN", "150", "", "A show of force without a missile issue.", "k2", NULL, NULL},
    };
    char since[16];
    CHECK_INT(status_of(r, ev, 2, "2019-01-14", 0, since, NULL), RM_PENDING);
    CHECK_INT(status_of(r, ev, 2, "2019-01-15", 0, since, NULL), RM_MET);
    CHECK_INT(status_of(r, ev, 2, "2019-02-01", 0, since, NULL), RM_MET); /* k2 has no issue */
    dt_strbuf out = {0};
    CHECK_INT(dt_roadmap_evaluate(r, ev, 2, "2019-01-10", DT_ROADMAP_JSON, &out, NULL), 0);
    CHECK(out.data && strstr(out.data, "\"status\":\"pending\"") != NULL);
    CHECK(out.data && strstr(out.data, "\"last_violation\":{\"date\":\"2019-01-05\",\"source\":\"PRK\",\"target\":\"\"") != NULL);
    free(out.data);
    out = (dt_strbuf){0};
    CHECK_INT(dt_roadmap_evaluate(r, ev, 2, "2019-13-01", 0, &out, NULL), DT_EDATE);
    free(out.data);
    dt_roadmap_free(r);
}

TEST(roadmap_malformed_files_name_the_line)
{
    struct { const char *text; long line; const char *what; } bad[] = {
        {"roadmap x\nstage s\n  require AAA* -> BBB* code 040\n", 0, "start"},
        {"roadmap x\nstart 2020-02-30\n", 2, "bad date"},
        {"roadmap x\nstart 2020-01-01\nstage s\n  require NK -> US code 040\n", 4, "unknown actor \"NK\""},
        {"roadmap x\nstart 2020-01-01\nstage s\n  require PRK* => USA* code 040\n", 4, "expected ->"},
        {"roadmap x\nstart 2020-01-01\nstage s\n  forbid PRK* -> any root 19\n", 4, "for N days"},
        {"roadmap x\nstart 2020-01-01\nstage s\n  require PRK* -> any code 4x0\n", 4, "bad event code"},
        {"roadmap x\nstart 2020-01-01\nstage s\n  after nowhere\n", 4, "unknown stage"},
        {"roadmap x\nstart 2020-01-01\nstage s\nstage t\n  require PRK* -> any code 040\n", 3, "no require"},
        {"roadmap x\nstart 2020-01-01\n  require PRK* -> any code 040\n", 3, "belong to a stage"},
        {"roadmap x\nstart 2020-01-01\nstage s\n  require PRK* -> any code 040 count many\n", 4, "number"},
        {"roadmap x\nstart 2020-01-01\nstage s\n  require PRK* -> any code 040\nstage s\n", 5, "twice"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        dt_error err;
        memset(&err, 0, sizeof(err));
        dt_roadmap *r = parse(bad[i].text, &err);
        CHECK(r == NULL);
        dt_roadmap_free(r);
        CHECK_INT(err.line, bad[i].line);
        if (!strstr(err.msg, bad[i].what))
            harness_fail(__FILE__, __LINE__, "case %zu: message \"%s\" lacks \"%s\"", i, err.msg, bad[i].what);
    }
}

TEST(roadmap_bundled_korea_file_parses)
{
    dt_roadmap *r = NULL;
    dt_error err;
    CHECK_INT(dt_roadmap_load(&r, test_path("data/roadmaps/korea-double-freeze.roadmap"), &err), 0);
    if (r) {
        CHECK_INT(r->nstages, 3);
        CHECK_STR(r->stages[0].id, "freeze");
    }
    dt_roadmap_free(r);
}

/* `named` actors: a code matches only when the words that named the actor hold a name. */
TEST(roadmap_named_actors_need_the_name)
{
    const char *text = "roadmap \"Leaders\"\n"
                       "start 2018-01-01\n"
                       "actor KIM = PRKGOV named \"Kim Jong Un\" \"Kim Jong-un\"\n"
                       "actor TRUMP = USAGOV named trump\n"
                       "stage summit \"The leaders meet\"\n"
                       "  require KIM <> TRUMP code 040\n";
    dt_error err;
    dt_roadmap *r = parse(text, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    dt_roadmap_event ev[] = {
        /* a minister meets Kim: the US side is not named Trump */
        {"2018-04-01", "USAGOV", "PRKGOV", "040", "", "Pompeo met Kim Jong Un.", "a", "Pompeo", "Kim Jong Un"},
        /* the leaders, the other way round, names in other case */
        {"2018-06-12", "PRKGOV", "USAGOV", "040", "", "Kim Jong-un met Trump.", "b", "KIM JONG-UN", "President Trump"},
    };
    char since[16];
    CHECK_INT(status_of(r, ev, 1, "2018-12-31", 0, NULL, NULL), RM_PENDING);
    CHECK_INT(status_of(r, ev, 2, "2018-12-31", 0, since, NULL), RM_MET);
    CHECK_STR(since, "2018-06-12");
    dt_roadmap_free(r);
    /* `named` needs names */
    r = parse("roadmap x\nstart 2018-01-01\nactor A = PRK named\n", &err);
    CHECK(r == NULL);
    CHECK(strstr(err.msg, "names after `named`") != NULL);
    dt_roadmap_free(r);
}
