/* test_tension.c — the tension index against values computed by hand (the arithmetic is in
 * the comments), on a small hand-made store: series per month, week and day, warm-up,
 * options, alerts, the dyads that moved most, and bad arguments. */
#include "harness.h"
#include "detente.h"

#include <unistd.h>

/* index = 100 (C^ + m/2) / (C^ + K^ + m), m = 10 by default; C^ and K^ decay by
 * L = 2^(-1/half-life) per period (month: 1 -> L = 0.5; week: 2; day: 7). */

static char store_path[512];

static dt_event tev(int sentence, const char *src, const char *tgt, const char *code, int quad, double g)
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
    e.issues = "";
    e.rule = "hand.dict:1";
    return e;
}

static void put(dt_store *s, const char *record, const char *date, const dt_event *e, size_t n)
{
    static const char *const text[] = {"One.", "Two.", "Three."};
    dt_slice sl[3];
    for (int i = 0; i < 3; i++) {
        sl[i].ptr = text[i];
        sl[i].len = strlen(text[i]);
    }
    dt_store_doc doc = {"hand.jsonl", record, "", "", date, "field", "jsonl", dt_text_hash(record, strlen(record))};
    dt_error err = {0};
    if (dt_store_add_doc(s, &doc, sl, 3, e, n, NULL, &err) != DT_STORE_NEW)
        harness_fail(__FILE__, __LINE__, "add_doc %s: %s", record, err.msg);
}

/* The hand-made store:
 *   AAA-BBB  2017-01-10  AAA>BBB -10.0 (quad 4)      BBB>AAA +4.0 (quad 1)
 *            2017-03-05  AAAGOV>BBB +7.0 (quad 2)    AAA>BBB -2.0 (quad 3)
 *   CCC-DDD  2017-02-14  CCC>DDD +8.0 (quad 2)
 *            2017-03-20  CCC>DDD -10.0, DDD>CCC -10.0, CCC>DDD -5.0 (quad 4)
 *   EEE-FFF  2017-01-01 (a Sunday) EEE>FFF -10.0;  2017-01-02 (Monday) FFF>EEE +10.0
 *   an undated document with an AAA>BBB event, which tension ignores. */
static dt_store *hand_store(void)
{
    char dir[] = "/tmp/detente-tn-XXXXXX";
    if (!mkdtemp(dir))
        return NULL;
    snprintf(store_path, sizeof(store_path), "%s/t.db", dir);
    dt_store *s = NULL;
    dt_error err = {0};
    if (dt_store_open(&s, store_path, DT_STORE_CREATE, &err)) {
        harness_fail(__FILE__, __LINE__, "open: %s", err.msg);
        return NULL;
    }
    dt_event jan[] = {tev(0, "AAA", "BBB", "190", 4, -10.0), tev(1, "BBB", "AAA", "036", 1, 4.0)};
    dt_event mar[] = {tev(0, "AAAGOV", "BBB", "070", 2, 7.0), tev(1, "AAA", "BBB", "111", 3, -2.0)};
    dt_event feb2[] = {tev(0, "CCC", "DDD", "070", 2, 8.0)};
    dt_event mar2[] = {tev(0, "CCC", "DDD", "190", 4, -10.0), tev(1, "DDD", "CCC", "190", 4, -10.0),
                       tev(2, "CCC", "DDD", "180", 4, -5.0)};
    dt_event sun[] = {tev(0, "EEE", "FFF", "190", 4, -10.0)};
    dt_event mon[] = {tev(0, "FFF", "EEE", "070", 2, 10.0)};
    dt_event undated[] = {tev(0, "AAA", "BBB", "190", 4, -10.0)};
    put(s, "jan", "2017-01-10", jan, 2);
    put(s, "mar", "2017-03-05", mar, 2);
    put(s, "feb2", "2017-02-14", feb2, 1);
    put(s, "mar2", "2017-03-20", mar2, 3);
    put(s, "sun", "2017-01-01", sun, 1);
    put(s, "mon", "2017-01-02", mon, 1);
    put(s, "undated", "", undated, 1);
    if (dt_store_commit(s, &err))
        harness_fail(__FILE__, __LINE__, "commit: %s", err.msg);
    return s;
}

static void drop_store(dt_store *s)
{
    dt_store_close(s, NULL);
    char p[600];
    static const char *const ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof(p), "%s%s", store_path, ext[i]);
        unlink(p);
    }
    char *slash = strrchr(store_path, '/');
    if (slash) {
        *slash = 0;
        rmdir(store_path);
    }
}

TEST(tension_by_month_matches_hand_values)
{
    dt_store *s = hand_store();
    if (!s)
        return;
    dt_tension_opts o = {DT_BY_MONTH, 0, 0};
    dt_tension_series ser;
    dt_error err = {0};
    CHECK_INT(dt_tension_dyad(s, "AAA-BBB", NULL, NULL, &o, &ser, &err), 0);
    CHECK_INT(ser.n, 3);
    if (ser.n == 3) {
        const dt_tension_point *p = ser.points;
        /* January: C = 10, K = 4 -> 100 (10 + 5) / (10 + 4 + 10) = 1500 / 24 = 62.5; from 50: +12.5 */
        CHECK_STR(p[0].label, "2017-01");
        CHECK_INT(p[0].events, 2);
        CHECK_INT(p[0].n[4], 1);
        CHECK_INT(p[0].n[1], 1);
        CHECK_NEAR(p[0].gsum, -6.0, 1e-9);
        CHECK_NEAR(p[0].gmean, -3.0, 1e-9);
        CHECK_NEAR(p[0].conflict, 10.0, 1e-9);
        CHECK_NEAR(p[0].coop, 4.0, 1e-9);
        CHECK_NEAR(p[0].index, 62.5, 1e-9);
        CHECK_NEAR(p[0].change, 12.5, 1e-9);
        /* February, no events: C^ = 5, K^ = 2 -> 100 (5 + 5) / (5 + 2 + 10) = 1000 / 17 = 58.8235;
         * change 58.8235 - 62.5 = -3.6765 */
        CHECK_STR(p[1].label, "2017-02");
        CHECK_INT(p[1].events, 0);
        CHECK_NEAR(p[1].gmean, 0.0, 1e-9);
        CHECK_NEAR(p[1].index, 1000.0 / 17.0, 1e-9);
        CHECK_NEAR(p[1].change, 1000.0 / 17.0 - 62.5, 1e-9);
        /* March: C^ = 2.5 + 2 = 4.5, K^ = 1 + 7 = 8 -> 100 (4.5 + 5) / (4.5 + 8 + 10) = 950 / 22.5 = 42.2222;
         * change 42.2222 - 58.8235 = -16.6013 */
        CHECK_INT(p[2].n[2], 1);
        CHECK_INT(p[2].n[3], 1);
        CHECK_NEAR(p[2].gsum, 5.0, 1e-9);
        CHECK_NEAR(p[2].gmean, 2.5, 1e-9);
        CHECK_NEAR(p[2].index, 950.0 / 22.5, 1e-9);
        CHECK_NEAR(p[2].change, 950.0 / 22.5 - 1000.0 / 17.0, 1e-9);
        CHECK_INT(p[2].start, p[1].end + 1);
    }
    dt_tension_series_free(&ser);
    /* Directed AAA>BBB leaves out BBB's +4: January C = 10, K = 0 -> 1500 / 20 = 75;
     * February 1000 / 15 = 66.6667; March C^ = 4.5, K^ = 7 -> 950 / 21.5 = 44.1860. */
    CHECK_INT(dt_tension_dyad(s, "AAA>BBB", NULL, NULL, &o, &ser, &err), 0);
    CHECK_INT(ser.n, 3);
    if (ser.n == 3) {
        CHECK_NEAR(ser.points[0].index, 75.0, 1e-9);
        CHECK_NEAR(ser.points[1].index, 1000.0 / 15.0, 1e-9);
        CHECK_NEAR(ser.points[2].index, 950.0 / 21.5, 1e-9);
    }
    dt_tension_series_free(&ser);
    /* AAAGOV (exact) with BBB is read from the events, not the summary: only March's +7:
     * 100 (0 + 5) / (0 + 7 + 10) = 500 / 17 = 29.4118. */
    CHECK_INT(dt_tension_dyad(s, "AAAGOV-BBB", NULL, NULL, &o, &ser, &err), 0);
    CHECK_INT(ser.n, 1);
    if (ser.n == 1)
        CHECK_NEAR(ser.points[0].index, 500.0 / 17.0, 1e-9);
    dt_tension_series_free(&ser);
    drop_store(s);
}

TEST(tension_warm_up_and_range)
{
    dt_store *s = hand_store();
    if (!s)
        return;
    dt_tension_opts o = {DT_BY_MONTH, 0, 0};
    dt_tension_series ser;
    dt_error err = {0};
    /* Starting in February, January still counts: the same 58.8235 as above. */
    CHECK_INT(dt_tension_dyad(s, "AAA-BBB", "2017-02-01", "2017-04-30", &o, &ser, &err), 0);
    CHECK_INT(ser.n, 3);
    if (ser.n == 3) {
        CHECK_NEAR(ser.points[0].index, 1000.0 / 17.0, 1e-9);
        CHECK_NEAR(ser.points[0].change, 1000.0 / 17.0 - 62.5, 1e-9);
        /* April, no events: C^ = 2.25, K^ = 4 -> 100 (2.25 + 5) / (2.25 + 4 + 10) = 725 / 16.25 */
        CHECK_STR(ser.points[2].label, "2017-04");
        CHECK_NEAR(ser.points[2].index, 725.0 / 16.25, 1e-9);
    }
    dt_tension_series_free(&ser);
    CHECK_INT(dt_tension_dyad(s, "AAA-BBB", "2017-05-01", "2017-01-01", &o, &ser, &err), DT_EINVAL);
    CHECK(strstr(err.msg, "reversed") != NULL);
    CHECK_INT(dt_tension_dyad(s, "AAA~BBB", NULL, NULL, &o, &ser, &err), DT_EINVAL);
    CHECK_INT(dt_tension_dyad(s, "AAA-BBB", "2017-13-01", NULL, &o, &ser, &err), DT_EINVAL);
    /* A dyad without events has an empty series. */
    CHECK_INT(dt_tension_dyad(s, "AAA-ZZZ", NULL, NULL, &o, &ser, &err), 0);
    CHECK_INT(ser.n, 0);
    dt_tension_series_free(&ser);
    drop_store(s);
}

TEST(tension_by_week_and_day)
{
    dt_store *s = hand_store();
    if (!s)
        return;
    dt_tension_opts o = {DT_BY_WEEK, 0, 0};
    dt_tension_series ser;
    dt_error err = {0};
    CHECK_INT(dt_tension_dyad(s, "EEE-FFF", NULL, NULL, &o, &ser, &err), 0);
    CHECK_INT(ser.n, 2);
    if (ser.n == 2) {
        /* Sunday 2017-01-01 belongs to the week of Monday 2016-12-26: C = 10 -> 1500 / 20 = 75. */
        CHECK_STR(ser.points[0].label, "2016-12-26");
        CHECK_NEAR(ser.points[0].index, 75.0, 1e-9);
        /* Monday 2017-01-02 opens the next week; L = 2^(-1/2) = 0.70711: C^ = 7.0711, K^ = 10 ->
         * 100 (7.0711 + 5) / (7.0711 + 10 + 10) = 44.5903 */
        CHECK_STR(ser.points[1].label, "2017-01-02");
        double c = 10.0 * 0.70710678118654752;
        CHECK_NEAR(ser.points[1].index, 100.0 * (c + 5.0) / (c + 10.0 + 10.0), 1e-9);
        CHECK_NEAR(ser.points[1].index, 44.5903, 1e-4);
    }
    dt_tension_series_free(&ser);
    o.by = DT_BY_DAY;
    CHECK_INT(dt_tension_dyad(s, "EEE-FFF", NULL, NULL, &o, &ser, &err), 0);
    CHECK_INT(ser.n, 2);
    if (ser.n == 2) {
        /* Days, half-life 7: L = 2^(-1/7) = 0.905724; day 2: C^ = 9.05724, K^ = 10 ->
         * 100 (9.05724 + 5) / (9.05724 + 10 + 10) = 1405.724 / 29.05724 = 48.3777 */
        CHECK_STR(ser.points[0].label, "2017-01-01");
        double c = 10.0 * 0.90572366426390671;
        CHECK_NEAR(ser.points[1].index, 100.0 * (c + 5.0) / (c + 20.0), 1e-9);
        CHECK_NEAR(ser.points[1].index, 48.3777, 1e-4);
    }
    dt_tension_series_free(&ser);
    drop_store(s);
}

TEST(tension_options_half_life_and_prior)
{
    /* Straight from day totals: January C = 10, K = 4, half-life 2 months, prior 20.
     * January: 100 (10 + 10) / (10 + 4 + 20) = 2000 / 34 = 58.8235
     * February: L = 0.70711: C^ = 7.0711, K^ = 2.8284 -> 100 (17.0711) / (29.8995) = 57.0948 */
    int32_t jan10, feb28;
    CHECK_INT(dt_date_parse("2017-01-10", 10, &jan10), 0);
    CHECK_INT(dt_date_parse("2017-02-28", 10, &feb28), 0);
    dt_day_totals d;
    memset(&d, 0, sizeof(d));
    d.day = jan10;
    d.n[4] = 1;
    d.n[1] = 1;
    d.conflict10 = 100;
    d.coop10 = 40;
    dt_tension_opts o = {DT_BY_MONTH, 2.0, 20.0};
    dt_tension_series ser;
    CHECK_INT(dt_tension_compute(&d, 1, jan10, feb28, &o, &ser), 0);
    CHECK_INT(ser.n, 2);
    if (ser.n == 2) {
        CHECK_NEAR(ser.points[0].index, 2000.0 / 34.0, 1e-9);
        CHECK_NEAR(ser.points[1].index, 57.0948, 1e-4);
    }
    dt_tension_series_free(&ser);
    o.half_life = -1;
    CHECK_INT(dt_tension_compute(&d, 1, jan10, feb28, &o, &ser), DT_EINVAL);
    o.half_life = 0;
    CHECK_INT(dt_tension_compute(&d, 1, feb28, jan10, &o, &ser), DT_EINVAL);
    dt_period by;
    CHECK_INT(dt_period_parse("week", &by), 0);
    CHECK_INT(by, DT_BY_WEEK);
    CHECK_INT(dt_period_parse("fortnight", &by), DT_EINVAL);
}

TEST(tension_alerts_flag_jumps)
{
    dt_store *s = hand_store();
    if (!s)
        return;
    dt_tension_opts o = {DT_BY_MONTH, 0, 0};
    dt_tension_series ser;
    dt_error err = {0};
    CHECK_INT(dt_tension_dyad(s, "AAA-BBB", NULL, NULL, &o, &ser, &err), 0);
    /* Changes: +12.5, -3.68, -16.60. */
    CHECK_INT(dt_tension_alerts(&ser, 10.0), 2);
    if (ser.n == 3) {
        CHECK_INT(ser.points[0].alert, 1);
        CHECK_INT(ser.points[1].alert, 0);
        CHECK_INT(ser.points[2].alert, -1);
    }
    CHECK_INT(dt_tension_alerts(&ser, 15.0), 1);
    CHECK_INT(dt_tension_alerts(&ser, 20.0), 0);
    dt_tension_series_free(&ser);
    drop_store(s);
}

TEST(tension_top_ranks_the_moves_of_the_latest_period)
{
    dt_store *s = hand_store();
    if (!s)
        return;
    dt_tension_opts o = {DT_BY_MONTH, 0, 0};
    dt_tension_move *m = NULL;
    size_t n = 0;
    dt_error err = {0};
    /* The latest event is 2017-03-20, so March.
     * CCC-DDD: February K = 8 -> 100 (0 + 5) / (0 + 8 + 10) = 27.7778; March C = 25, K^ = 4 ->
     *   100 (25 + 5) / (25 + 4 + 10) = 3000 / 39 = 76.9231; change +49.1453, 3 events.
     * AAA-BBB: 58.8235 -> 42.2222, change -16.6013, 2 events.
     * EEE-FFF: no events in March, so left out with min_events 1. */
    CHECK_INT(dt_tension_top(s, &o, NULL, 1, &m, &n, &err), 0);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(m[0].a, "CCC");
        CHECK_STR(m[0].b, "DDD");
        CHECK_STR(m[0].label, "2017-03");
        CHECK_NEAR(m[0].before, 500.0 / 18.0, 1e-9);
        CHECK_NEAR(m[0].after, 3000.0 / 39.0, 1e-9);
        CHECK_NEAR(m[0].change, 3000.0 / 39.0 - 500.0 / 18.0, 1e-9);
        CHECK_INT(m[0].events, 3);
        CHECK_STR(m[1].a, "AAA");
        CHECK_NEAR(m[1].before, 1000.0 / 17.0, 1e-9);
        CHECK_NEAR(m[1].after, 950.0 / 22.5, 1e-9);
        CHECK_INT(m[1].events, 2);
    }
    free(m);
    CHECK_INT(dt_tension_top(s, &o, NULL, 3, &m, &n, &err), 0);
    CHECK_INT(n, 1);
    free(m);
    /* At January: AAA-BBB (62.5, from 50) and EEE-FFF: January's sums C = 10, K = 10 ->
     * 100 (10 + 5) / 30 = 50, no change. */
    CHECK_INT(dt_tension_top(s, &o, "2017-01-31", 1, &m, &n, &err), 0);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(m[0].a, "AAA");
        CHECK_NEAR(m[0].change, 12.5, 1e-9);
        CHECK_STR(m[1].a, "EEE");
        CHECK_NEAR(m[1].after, 50.0, 1e-9);
    }
    free(m);
    CHECK_INT(dt_tension_top(s, &o, "2017-02-30", 1, &m, &n, &err), DT_EINVAL);
    drop_store(s);
}
