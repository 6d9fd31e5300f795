/* report.c — dt_report: gather from the store what the HTML page shows (the most active
 * dyads with their tension series and events, roadmap evaluations, the top events) and
 * a short text summary of the same. */
#include "html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Strings copied out of store cursors, kept until the report is written. */
typedef struct strpool {
    arena a;
} strpool;

static const char *keep(strpool *p, const char *s) { return arena_strndup(&p->a, s ? s : "", s ? strlen(s) : 0); }

/* ---------------------------------------------------------------- the busiest dyads */

typedef struct dyad_count {
    char a[8], b[8];
    int64_t events;
} dyad_count;

typedef struct dyad_tally {
    dyad_count *v;
    size_t n, cap;
} dyad_tally;

/* Countries and organisations only: "PRK", "IGOUNO"; not regions, "---" or an empty target. */
static bool entity_ok(const char *e)
{
    size_t n = strlen(e);
    if (n != 3 && n != 6)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_upper((unsigned char)e[i]))
            return false;
    return true;
}

static int tally_row(void *user, const dt_dyad_day *row)
{
    dyad_tally *t = user;
    if (!entity_ok(row->source) || !entity_ok(row->target) || strcmp(row->source, row->target) == 0)
        return 0;
    const char *a = row->source, *b = row->target;
    if (strcmp(a, b) > 0) {
        const char *x = a;
        a = b;
        b = x;
    }
    int64_t n = 0;
    for (int q = 0; q < 5; q++)
        n += row->t.n[q];
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].a, a) == 0 && strcmp(t->v[i].b, b) == 0) {
            t->v[i].events += n;
            return 0;
        }
    dyad_count c;
    memset(&c, 0, sizeof(c));
    snprintf(c.a, sizeof(c.a), "%s", a);
    snprintf(c.b, sizeof(c.b), "%s", b);
    c.events = n;
    return vec_push((void **)&t->v, &t->n, &t->cap, sizeof(c), &c) < 0 ? DT_ENOMEM : 0;
}

static int by_events(const void *x, const void *y)
{
    const dyad_count *a = x, *b = y;
    if (a->events != b->events)
        return a->events < b->events ? 1 : -1;
    int c = strcmp(a->a, b->a);
    return c ? c : strcmp(a->b, b->b);
}

/* ---------------------------------------------------------------- events */

static int fill_event(strpool *p, const dt_stored_event *se, rp_event *e)
{
    memset(e, 0, sizeof(*e));
    e->date = keep(p, se->date);
    e->source = keep(p, se->ev.source);
    e->target = keep(p, se->ev.target);
    e->code = keep(p, se->ev.code);
    e->sentence = keep(p, se->ev.sentence_text);
    char where[700];
    if (se->url && *se->url)
        snprintf(where, sizeof(where), "%s", se->url);
    else
        snprintf(where, sizeof(where), "%s#%s", se->doc_source ? se->doc_source : "", se->record ? se->record : "");
    e->where = keep(p, where);
    e->goldstein = se->ev.goldstein;
    e->quad = se->ev.quad;
    if (!e->date || !e->source || !e->target || !e->code || !e->sentence || !e->where)
        return DT_ENOMEM;
    if (dt_date_parse(e->date, strlen(e->date), &e->day))
        e->day = DATE_NONE;
    return 0;
}

/* The events of a dyad (one a day per source, target and code), by date. */
static int dyad_events(dt_store *s, strpool *p, const char *dyad, const char *from, const char *to, rp_event **out,
                       size_t *n, dt_error *err)
{
    dt_event_filter f;
    memset(&f, 0, sizeof(f));
    f.dyad = dyad;
    f.from = from;
    f.to = to;
    f.one_a_day = 1;
    f.limit = 5000;
    dt_store_cursor *cur = NULL;
    int rc = dt_store_query(s, &f, &cur, err);
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    dt_stored_event se;
    while (rc == 0 && (rc = dt_store_cursor_next(cur, &se, err)) == 1) {
        rp_event e;
        rc = fill_event(p, &se, &e);
        if (rc == 0 && vec_push((void **)out, n, &cap, sizeof(e), &e) < 0)
            rc = DT_ENOMEM;
    }
    dt_store_cursor_free(cur);
    return rc < 0 ? rc : 0;
}

/* The top events: reported by the most documents, then the strongest. Events are grouped by
 * date, the two entities and the code. */
typedef struct top_group {
    rp_event e;
    char key[64];
    int64_t docs_last;
} top_group;

static int by_reports(const void *x, const void *y)
{
    const top_group *a = x, *b = y;
    if (a->e.reports != b->e.reports)
        return a->e.reports < b->e.reports ? 1 : -1;
    double ga = fabs(a->e.goldstein), gb = fabs(b->e.goldstein);
    if (ga != gb)
        return ga < gb ? 1 : -1;
    return strcmp(a->key, b->key);
}

static int top_events(dt_store *s, strpool *p, const char *from, const char *to, size_t want, rp_event **out,
                      size_t *nout, dt_error *err)
{
    dt_event_filter f;
    memset(&f, 0, sizeof(f));
    f.from = from;
    f.to = to;
    dt_store_cursor *cur = NULL;
    int rc = dt_store_query(s, &f, &cur, err);
    top_group *g = NULL;
    size_t n = 0, cap = 0;
    /* an open-addressing index over the group keys */
    size_t icap = 1024;
    size_t *index = calloc(icap, sizeof(*index)); /* group + 1, 0 empty */
    if (!index)
        rc = DT_ENOMEM;
    dt_stored_event se;
    while (rc == 0 && (rc = dt_store_cursor_next(cur, &se, err)) == 1) {
        rc = 0;
        if (!se.date || !*se.date || !se.ev.target || !*se.ev.target)
            continue;
        char key[64];
        snprintf(key, sizeof(key), "%s|%s|%s|%s", se.date, se.source_entity, se.target_entity, se.ev.code);
        if ((n + 1) * 2 > icap) {
            size_t nc = icap * 2;
            size_t *ni = calloc(nc, sizeof(*ni));
            if (!ni) {
                rc = DT_ENOMEM;
                break;
            }
            for (size_t i = 0; i < n; i++) {
                size_t h = (size_t)hash_bytes(g[i].key, strlen(g[i].key)) & (nc - 1);
                while (ni[h])
                    h = (h + 1) & (nc - 1);
                ni[h] = i + 1;
            }
            free(index);
            index = ni;
            icap = nc;
        }
        size_t h = (size_t)hash_bytes(key, strlen(key)) & (icap - 1);
        while (index[h] && strcmp(g[index[h] - 1].key, key) != 0)
            h = (h + 1) & (icap - 1);
        if (index[h]) {
            top_group *t = &g[index[h] - 1];
            if (t->docs_last != se.doc) {
                t->e.reports++;
                t->docs_last = se.doc;
            }
            continue;
        }
        top_group t;
        memset(&t, 0, sizeof(t));
        snprintf(t.key, sizeof(t.key), "%s", key);
        rc = fill_event(p, &se, &t.e);
        t.e.reports = 1;
        t.docs_last = se.doc;
        if (rc == 0 && vec_push((void **)&g, &n, &cap, sizeof(t), &t) < 0)
            rc = DT_ENOMEM;
        if (rc == 0)
            index[h] = n;
    }
    dt_store_cursor_free(cur);
    free(index);
    if (rc < 0) {
        free(g);
        return rc;
    }
    if (n)
        qsort(g, n, sizeof(*g), by_reports);
    size_t k = DT_MIN(n, want);
    *out = k ? malloc(k * sizeof(rp_event)) : NULL;
    if (k && !*out) {
        free(g);
        return DT_ENOMEM;
    }
    for (size_t i = 0; i < k; i++)
        (*out)[i] = g[i].e;
    *nout = k;
    free(g);
    return 0;
}

/* ---------------------------------------------------------------- the report */

static int strbuf_append(dt_strbuf *out, const buf *b)
{
    buf t = {out->data, out->len, out->cap, 0, false};
    int rc = buf_append(&t, b->data, b->len);
    out->data = t.data;
    out->len = t.len;
    out->cap = t.cap;
    return rc;
}

typedef struct built_dyad {
    rp_dyad d;
    dt_tension_series series;
    rp_point *pts;
    rp_event *marks;
} built_dyad;

typedef struct built_roadmap {
    dt_roadmap *r;
    dt_event_list *events;
    rm_result res;
    bool evaluated;
} built_roadmap;

static void summary_dyad(buf *sb, const rp_dyad *d)
{
    buf_printf(sb, "  %-7s %-7s %6lld events", d->a, d->b, (long long)d->events);
    if (!d->npoints) {
        buf_puts(sb, "\n");
        return;
    }
    const rp_point *last = &d->points[d->npoints - 1], *peak = &d->points[0];
    for (size_t i = 1; i < d->npoints; i++)
        if (d->points[i].index > peak->index)
            peak = &d->points[i];
    buf_printf(sb, "   tension %3.0f in %s (%+.0f); peak %3.0f in %s\n", last->index, last->label, last->change, peak->index,
               peak->label);
}

int dt_report(dt_store *s, const dt_report_opts *o, dt_strbuf *html, dt_strbuf *summary, dt_error *err)
{
    dt_report_opts def;
    memset(&def, 0, sizeof(def));
    if (!o)
        o = &def;
    int ndyads = o->dyads > 0 ? o->dyads : 4;
    size_t ntop = o->top > 0 ? (size_t)o->top : 15;
    dt_store_info info;
    int rc = dt_store_get_info(s, &info, err);
    if (rc)
        return rc;
    const char *from = o->from && *o->from ? o->from : info.first_date;
    const char *to = o->to && *o->to ? o->to : info.last_date;
    int32_t dfrom = DATE_NONE, dto = DATE_NONE;
    if (*from && dt_date_parse(from, strlen(from), &dfrom)) {
        err_set(err, DT_EDATE, NULL, 0, 0, "bad date \"%s\" (expected YYYY-MM-DD)", from);
        return DT_EDATE;
    }
    if (*to && dt_date_parse(to, strlen(to), &dto)) {
        err_set(err, DT_EDATE, NULL, 0, 0, "bad date \"%s\" (expected YYYY-MM-DD)", to);
        return DT_EDATE;
    }
    strpool pool;
    arena_init(&pool.a, 256 * 1024);
    dyad_tally tally = {0};
    built_dyad *bd = NULL;
    built_roadmap *br = NULL;
    rp_dyad *dyads = NULL;
    rp_roadmap *rms = NULL;
    rp_event *top = NULL;
    size_t nd = 0, ntopv = 0;
    buf sb, hb;
    buf_init(&sb, 0);
    buf_init(&hb, 0);
    /* the busiest dyads over the span */
    if (dfrom != DATE_NONE)
        rc = dt_store_dyad_summary(s, dfrom, dto, tally_row, &tally, err);
    if (rc == 0 && tally.n)
        qsort(tally.v, tally.n, sizeof(*tally.v), by_events);
    nd = DT_MIN(tally.n, (size_t)ndyads);
    bd = nd ? calloc(nd, sizeof(*bd)) : NULL;
    dyads = nd ? calloc(nd, sizeof(*dyads)) : NULL;
    if (nd && (!bd || !dyads))
        rc = DT_ENOMEM;
    dt_tension_opts to_opts;
    memset(&to_opts, 0, sizeof(to_opts));
    to_opts.by = o->by;
    for (size_t i = 0; i < nd && rc == 0; i++) {
        built_dyad *x = &bd[i];
        char dy[24];
        snprintf(dy, sizeof(dy), "%s-%s", tally.v[i].a, tally.v[i].b);
        snprintf(x->d.a, sizeof(x->d.a), "%s", tally.v[i].a);
        snprintf(x->d.b, sizeof(x->d.b), "%s", tally.v[i].b);
        x->d.events = tally.v[i].events;
        rc = dt_tension_dyad(s, dy, from, to, &to_opts, &x->series, err);
        if (rc)
            break;
        x->pts = x->series.n ? calloc(x->series.n, sizeof(rp_point)) : NULL;
        if (x->series.n && !x->pts) {
            rc = DT_ENOMEM;
            break;
        }
        for (size_t k = 0; k < x->series.n; k++) {
            const dt_tension_point *tp = &x->series.points[k];
            rp_point *pt = &x->pts[k];
            pt->start = tp->start;
            pt->end = tp->end;
            snprintf(pt->label, sizeof(pt->label), "%s", tp->label);
            pt->index = tp->index;
            pt->change = tp->change;
            pt->events = tp->events;
        }
        x->d.points = x->pts;
        x->d.npoints = x->series.n;
        size_t nm = 0;
        rc = dyad_events(s, &pool, dy, from, to, &x->marks, &nm, err);
        x->d.marks = x->marks;
        x->d.nmarks = nm;
        dyads[i] = x->d;
    }
    /* roadmaps */
    if (rc == 0 && o->nroadmaps) {
        br = calloc(o->nroadmaps, sizeof(*br));
        rms = calloc(o->nroadmaps, sizeof(*rms));
        if (!br || !rms)
            rc = DT_ENOMEM;
    }
    for (size_t i = 0; i < o->nroadmaps && rc == 0; i++) {
        built_roadmap *m = &br[i];
        if ((rc = dt_roadmap_load(&m->r, o->roadmaps[i], err)))
            break;
        if ((rc = dt_event_list_from_store(&m->events, s, NULL, err)))
            break;
        size_t n;
        const dt_roadmap_event *ev = dt_event_list_items(m->events, &n);
        if ((rc = roadmap_eval(m->r, ev, n, DATE_NONE, &m->res)))
            break;
        m->evaluated = true;
        rms[i] = (rp_roadmap){m->r, &m->res, ev, n};
    }
    if (rc == 0)
        rc = top_events(s, &pool, from, to, ntop, &top, &ntopv, err);
    if (rc == 0) {
        /* the page */
        char sub[400];
        snprintf(sub, sizeof(sub), "%lld documents, %lld events, %s to %s", (long long)info.documents,
                 (long long)info.events, *from ? from : "-", *to ? to : "-");
        rp_report rp = {o->title && *o->title ? o->title : "Detente report",
                        sub,
                        dfrom != DATE_NONE ? dfrom : 0,
                        dto != DATE_NONE ? dto : 1,
                        dyads,
                        nd,
                        rms,
                        o->nroadmaps,
                        top,
                        ntopv};
        if (html)
            rc = report_html(&rp, &hb);
        /* the summary */
        buf_printf(&sb, "%s: %s\n", rp.title, sub);
        if (nd)
            buf_printf(&sb, "Most active dyads (tension by %s, 0 calm - 100 hostile):\n",
                       o->by == DT_BY_DAY ? "day" : o->by == DT_BY_WEEK ? "week" : "month");
        for (size_t i = 0; i < nd; i++)
            summary_dyad(&sb, &dyads[i]);
        for (size_t i = 0; i < o->nroadmaps; i++) {
            const dt_roadmap *r = br[i].r;
            buf_printf(&sb, "Roadmap: %s\n", r->title);
            for (int k = 0; k < r->nstages; k++) {
                const rm_stage_result *sr = &br[i].res.stages[k];
                char since[16] = "-";
                if (sr->since != DATE_NONE)
                    dt_date_format(sr->since, since, sizeof(since));
                buf_printf(&sb, "  %-12s %-8s since %s%s\n", r->stages[k].id,
                           sr->status == RM_MET ? "MET" : sr->status == RM_BROKEN ? "BROKEN" : "PENDING", since,
                           sr->out_of_order ? " (out of order)" : "");
            }
        }
        if (sb.failed || hb.failed)
            rc = DT_ENOMEM;
    }
    if (rc == 0) {
        if (html && hb.len && strbuf_append(html, &hb))
            rc = DT_ENOMEM;
        if (summary && sb.len && strbuf_append(summary, &sb))
            rc = DT_ENOMEM;
    }
    if (rc && err && !err->code)
        err_set(err, rc, NULL, 0, 0, "%s", dt_strerror(rc));
    for (size_t i = 0; i < nd; i++) {
        dt_tension_series_free(&bd[i].series);
        free(bd[i].pts);
        free(bd[i].marks);
    }
    for (size_t i = 0; br && i < o->nroadmaps; i++) {
        if (br[i].evaluated)
            roadmap_result_free(&br[i].res);
        dt_event_list_free(br[i].events);
        dt_roadmap_free(br[i].r);
    }
    free(bd);
    free(br);
    free(dyads);
    free(rms);
    free(top);
    free(tally.v);
    buf_free(&sb);
    buf_free(&hb);
    arena_free(&pool.a);
    return rc;
}
