/* test_report.c — the HTML report renderer on hand-made data: the page is self-contained,
 * text is escaped, markers carry their sentence as a tooltip, stages show their status,
 * and the chart puts values where the scales say. */
#include "../src/report/html.h"
#include "harness.h"

#include <stdlib.h>

static int32_t day(const char *s)
{
    int32_t d = DATE_NONE;
    if (dt_date_parse(s, strlen(s), &d))
        return DATE_NONE;
    return d;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

TEST(report_html_is_self_contained_and_escaped)
{
    rp_point pts[3] = {
        {day("2017-01-01"), day("2017-01-31"), "2017-01", 50.0, 0.0, 0},
        {day("2017-02-01"), day("2017-02-28"), "2017-02", 100.0, 50.0, 4},
        {day("2017-03-01"), day("2017-03-31"), "2017-03", 0.0, -100.0, 2},
    };
    rp_event marks[2] = {
        {day("2017-02-12"), "2017-02-12", "PRK", "USA", "1384", -7.0, 3, "North Korea <threatened> \"fire\" & fury.",
         "wire-1", 0},
        {day("2017-03-02"), "2017-03-02", "USA", "PRK", "036", 4.0, 1, "The US offered talks.", "wire-2", 0},
    };
    rp_dyad d = {"PRK", "USA", pts, 3, marks, 2, 6};
    rp_report rp = {"Report <A&B>", "a test", day("2017-01-01"), day("2017-12-31"), &d, 1, NULL, 0, marks, 2};
    buf b;
    buf_init(&b, 0);
    CHECK_INT(report_html(&rp, &b), 0);
    const char *h = b.data;
    CHECK(h != NULL);
    if (!h)
        return;
    /* self-contained: nothing fetched, no script */
    CHECK(strstr(h, "<script") == NULL);
    CHECK(strstr(h, "src=") == NULL);
    CHECK(strstr(h, "href=") == NULL);
    CHECK(strstr(h, "http") == NULL);
    /* escaped text */
    CHECK(strstr(h, "<title>Report &lt;A&amp;B&gt;</title>") != NULL);
    CHECK(strstr(h, "North Korea &lt;threatened&gt; &quot;fire&quot; &amp; fury.") != NULL);
    CHECK(strstr(h, "<threatened>") == NULL);
    /* each event marker has its own tooltip with the code's name and the source */
    CHECK_INT(count_of(h, "<circle class=\"ev "), 2);
    CHECK(strstr(h, "1384 Threaten") != NULL || strstr(h, "1384 ") != NULL);
    CHECK(strstr(h, "wire-1") != NULL);
    /* the index line: 100 at the top of the plot (y = 12), 0 at the bottom (y = 182) */
    CHECK(strstr(h, " 12.0L") != NULL);
    CHECK(strstr(h, " 182.0\"/>") != NULL);
    /* the last period's value in the heading, with its change */
    CHECK(strstr(h, "tension 0 in 2017-03 (-100)") != NULL);
    /* the top table lists both events */
    CHECK_INT(count_of(h, "<tr><td class=\"date\">"), 2);
    buf_free(&b);
}

TEST(report_html_roadmap_timeline_shows_status_and_evidence)
{
    const char *text = "roadmap \"Freeze\"\n"
                       "start 2017-01-01\n"
                       "actor N = PRK*\n"
                       "stage talks \"Talks begin\"\n"
                       "  require N <> any code 04*\n"
                       "stage calm \"No tests\"\n"
                       "  forbid N -> any code 1383 for 400 days\n";
    dt_roadmap *r = NULL;
    dt_error err;
    CHECK_INT(dt_roadmap_parse(&r, "t.roadmap", text, strlen(text), &err), 0);
    if (!r)
        return;
    dt_roadmap_event ev[] = {
        {"2017-05-01", "PRK", "KOR", "040", "", "The two Koreas met.", "doc-1", NULL, NULL},
        {"2017-07-04", "PRK", "", "1383", "", "North Korea tested a missile.", "doc-2", NULL, NULL},
    };
    rm_result res;
    CHECK_INT(roadmap_eval(r, ev, 2, day("2017-12-31"), &res), 0);
    rp_roadmap m = {r, &res, ev, 2};
    rp_report rp = {"R", "", day("2017-01-01"), day("2017-12-31"), NULL, 0, &m, 1, NULL, 0};
    buf b;
    buf_init(&b, 0);
    CHECK_INT(report_html(&rp, &b), 0);
    const char *h = b.data ? b.data : "";
    CHECK(strstr(h, "<span class=\"badge met\">met</span> <b>Talks begin</b>") != NULL);
    CHECK(strstr(h, "<span class=\"badge pending\">pending</span> <b>No tests</b>") != NULL ||
          strstr(h, "<span class=\"badge broken\">broken</span> <b>No tests</b>") != NULL);
    CHECK(strstr(h, "The two Koreas met.") != NULL);
    CHECK(strstr(h, "class=\"seg met\"") != NULL);
    CHECK(strstr(h, "class=\"evidence\"") != NULL);
    CHECK(strstr(h, "North Korea tested a missile.") != NULL); /* the violation, with its sentence */
    buf_free(&b);
    roadmap_result_free(&res);
    dt_roadmap_free(r);
}
