/* html.h — the self-contained HTML report (`detente report`): tension charts for the most
 * active dyads with hoverable event markers, the roadmap timeline, the top events. The page
 * has no scripts and no external resources: inline CSS and SVG, tooltips from <title>. */
#ifndef DT_REPORT_HTML_H
#define DT_REPORT_HTML_H

#include "../analysis/roadmap.h"

/* One period of a dyad's tension series. */
typedef struct rp_point {
    int32_t start, end;     /* the period's first and last day */
    char label[12];         /* "2017-08" */
    double index, change;   /* 0..100; change from the period before */
    int64_t events;
} rp_point;

/* One event drawn under a chart (or listed in a table). Strings must outlive the call. */
typedef struct rp_event {
    int32_t day;
    const char *date, *source, *target, *code;
    double goldstein;
    int quad;               /* 1..4, 0 unknown */
    const char *sentence;
    const char *where;      /* document title, URL or id */
    int reports;            /* documents reporting it (top events), 0 when not counted */
} rp_event;

typedef struct rp_dyad {
    char a[16], b[16];      /* the two sides ("USA", "PRK") */
    const rp_point *points;
    size_t npoints;
    const rp_event *marks;  /* its events, by date */
    size_t nmarks;
    int64_t events;         /* events in the whole store */
} rp_dyad;

typedef struct rp_roadmap {
    const dt_roadmap *r;
    const rm_result *res;
    const dt_roadmap_event *ev;  /* the events it was evaluated over (indices in res) */
    size_t nev;
} rp_roadmap;

typedef struct rp_report {
    const char *title;
    const char *subtitle;        /* e.g. the store and its counts */
    int32_t from, to;            /* the time axis of the charts (days) */
    const rp_dyad *dyads;
    size_t ndyads;
    const rp_roadmap *roadmaps;
    size_t nroadmaps;
    const rp_event *top;         /* the top events table */
    size_t ntop;
} rp_report;

/* Write the page into out. Returns 0 or DT_ENOMEM. */
int report_html(const rp_report *rp, buf *out);

/* The display name of a CAMEO code ("Threaten with military force"), "" if unknown. */
const char *report_code_name(const char *code);

#endif
