/* tension.c — the tension index of a dyad per day, week or month (docs/tension.md): an
 * exponentially smoothed, Goldstein-weighted share of conflict with a neutral prior; the
 * series of one dyad, alerts on jumps, and the dyads that moved most in a period. */
#include "../util/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* No series is longer than this many periods (a day-by-day series of 1,000 years). */
#define MAX_POINTS 400000

int dt_period_parse(const char *name, dt_period *out)
{
    if (!name)
        return DT_EINVAL;
    if (strcmp(name, "day") == 0)
        *out = DT_BY_DAY;
    else if (strcmp(name, "week") == 0)
        *out = DT_BY_WEEK;
    else if (strcmp(name, "month") == 0)
        *out = DT_BY_MONTH;
    else
        return DT_EINVAL;
    return 0;
}

/* The first day of the period containing day. Weeks begin on Monday (1970-01-01, day 0,
 * was a Thursday). */
static int32_t period_start(int32_t day, dt_period by)
{
    if (by == DT_BY_WEEK) {
        int32_t wd = ((day + 3) % 7 + 7) % 7;  /* 0 = Monday */
        return day - wd;
    }
    if (by == DT_BY_MONTH) {
        int y, m, d;
        date_to_ymd(day, &y, &m, &d);
        return date_from_ymd(y, m, 1);
    }
    return day;
}

static int32_t period_next(int32_t start, dt_period by)
{
    if (by == DT_BY_WEEK)
        return start + 7;
    if (by == DT_BY_MONTH) {
        int y, m, d;
        date_to_ymd(start, &y, &m, &d);
        return m == 12 ? date_from_ymd(y + 1, 1, 1) : date_from_ymd(y, m + 1, 1);
    }
    return start + 1;
}

/* Whole periods from the one starting at a to the one starting at b (b >= a). */
static int64_t periods_between(int32_t a, int32_t b, dt_period by)
{
    if (by == DT_BY_WEEK)
        return (b - a) / 7;
    if (by == DT_BY_MONTH) {
        int ya, ma, yb, mb, d;
        date_to_ymd(a, &ya, &ma, &d);
        date_to_ymd(b, &yb, &mb, &d);
        return (int64_t)(yb - ya) * 12 + (mb - ma);
    }
    return b - a;
}

static void period_label(int32_t start, dt_period by, char *out, size_t cap)
{
    char d[16];
    dt_date_format(start, d, sizeof(d));
    if (by == DT_BY_MONTH)
        d[7] = 0;
    snprintf(out, cap, "%.10s", d);
}

/* The resolved parameters of the formula. */
typedef struct tparams {
    dt_period by;
    double decay;  /* L = 2^(-1 / half-life) */
    double prior;
} tparams;

static int resolve(const dt_tension_opts *o, tparams *p)
{
    dt_tension_opts def;
    if (!o) {
        memset(&def, 0, sizeof(def));
        o = &def;
    }
    if (o->by != DT_BY_DAY && o->by != DT_BY_WEEK && o->by != DT_BY_MONTH)
        return DT_EINVAL;
    if (!(o->half_life >= 0) || !(o->prior >= 0) || o->half_life > 1e6 || o->prior > 1e9)
        return DT_EINVAL;
    static const double half_life[] = {7, 2, 1};
    double h = o->half_life > 0 ? o->half_life : half_life[o->by];
    p->by = o->by;
    p->decay = pow(2.0, -1.0 / h);
    p->prior = o->prior > 0 ? o->prior : 10.0;
    return 0;
}

/* index = 100 (C + m/2) / (C + K + m) */
static double tension_index(double conflict, double coop, double prior)
{
    return 100.0 * (conflict + prior / 2.0) / (conflict + coop + prior);
}

int dt_tension_compute(const dt_day_totals *days, size_t ndays, int32_t from, int32_t to,
                       const dt_tension_opts *o, dt_tension_series *out)
{
    out->points = NULL;
    out->n = 0;
    tparams p;
    if (resolve(o, &p) || from > to || from == DATE_NONE)
        return DT_EINVAL;
    int32_t pfrom = period_start(from, p.by), pto = period_start(to, p.by);
    int64_t npoints = periods_between(pfrom, pto, p.by) + 1;
    if (npoints > MAX_POINTS)
        return DT_ELIMIT;
    out->points = calloc((size_t)npoints, sizeof(*out->points));
    if (!out->points)
        return DT_ENOMEM;
    /* Earlier events warm the index up: start at the period of the first one. */
    int32_t start = ndays && days[0].day < pfrom ? period_start(days[0].day, p.by) : pfrom;
    double C = 0, K = 0, prev = tension_index(0, 0, p.prior);
    size_t i = 0;
    for (int32_t ps = start; ps <= pto; ps = period_next(ps, p.by)) {
        int32_t next = period_next(ps, p.by);
        dt_tension_point pt;
        memset(&pt, 0, sizeof(pt));
        int64_t coop10 = 0, conflict10 = 0;
        for (; i < ndays && days[i].day < next; i++) {
            if (days[i].day < ps)
                continue;  /* not in ascending order: ignore rather than misplace */
            for (int q = 0; q < 5; q++) {
                pt.n[q] += days[i].n[q];
                pt.events += days[i].n[q];
            }
            coop10 += days[i].coop10;
            conflict10 += days[i].conflict10;
        }
        pt.coop = (double)coop10 / 10.0;
        pt.conflict = (double)conflict10 / 10.0;
        C = p.decay * C + pt.conflict;
        K = p.decay * K + pt.coop;
        pt.index = tension_index(C, K, p.prior);
        if (ps >= pfrom) {
            pt.start = ps;
            pt.end = next - 1;
            period_label(ps, p.by, pt.label, sizeof(pt.label));
            pt.gsum = (double)(coop10 - conflict10) / 10.0;
            pt.gmean = pt.events ? pt.gsum / (double)pt.events : 0.0;
            pt.change = pt.index - prev;
            out->points[out->n++] = pt;
        }
        prev = pt.index;
    }
    return 0;
}

void dt_tension_series_free(dt_tension_series *s)
{
    if (!s)
        return;
    free(s->points);
    s->points = NULL;
    s->n = 0;
}

size_t dt_tension_alerts(dt_tension_series *s, double threshold)
{
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        dt_tension_point *p = &s->points[i];
        p->alert = p->change >= threshold ? 1 : p->change <= -threshold ? -1 : 0;
        k += p->alert != 0;
    }
    return k;
}

static int parse_day(const char *s, const char *which, int32_t *day, dt_error *err)
{
    if (dt_date_parse(s, strlen(s), day)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad %s date \"%.20s\" (expected YYYY-MM-DD)", which, s);
        return DT_EINVAL;
    }
    return 0;
}

int dt_tension_dyad(dt_store *s, const char *dyad, const char *from, const char *to, const dt_tension_opts *o,
                    dt_tension_series *out, dt_error *err)
{
    out->points = NULL;
    out->n = 0;
    tparams p;
    if (resolve(o, &p)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad tension options (half-life and prior must be positive)");
        return DT_EINVAL;
    }
    int32_t f = INT32_MIN, t = INT32_MAX;
    int rc = 0;
    if (from && (rc = parse_day(from, "from", &f, err)) != 0)
        return rc;
    if (to && (rc = parse_day(to, "to", &t, err)) != 0)
        return rc;
    if (f > t) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "the date range is reversed: from %s is after to %s", from, to);
        return DT_EINVAL;
    }
    dt_day_totals *days = NULL;
    size_t n = 0;
    rc = dt_store_dyad_days(s, dyad, INT32_MIN, t, &days, &n, err);
    if (rc)
        return rc;
    if (n == 0)
        return 0;
    if (!from)
        f = days[0].day;
    if (!to)
        t = DT_MAX(days[n - 1].day, f);
    rc = dt_tension_compute(days, n, f, t, o, out);
    free(days);
    if (rc == DT_ELIMIT)
        err_set(err, rc, NULL, 0, 0, "too many periods (more than %d): use a longer period or a shorter range",
                MAX_POINTS);
    return rc;
}

/* ---------------------------------------------------------------- moves of all dyads */

typedef struct pair_acc {
    char a[8], b[8];
    bool used;
    double c_now, k_now, c_prev, k_prev;
    int64_t events;
} pair_acc;

typedef struct top_state {
    tparams p;
    int32_t period;     /* start of the period looked at */
    pair_acc *t;
    size_t n, cap;
    int oom;
} top_state;

static uint64_t pair_hash(const char *a, const char *b)
{
    return hash_bytes(a, strlen(a)) * 31 ^ hash_bytes(b, strlen(b));
}

static pair_acc *pair_find(top_state *st, const char *a, const char *b)
{
    if ((st->n + 1) * 2 > st->cap) {
        size_t nc = st->cap ? st->cap * 2 : 1024;
        pair_acc *nt = calloc(nc, sizeof(*nt));
        if (!nt)
            return NULL;
        for (size_t i = 0; i < st->cap; i++) {
            if (!st->t[i].used)
                continue;
            size_t j = pair_hash(st->t[i].a, st->t[i].b) & (nc - 1);
            while (nt[j].used)
                j = (j + 1) & (nc - 1);
            nt[j] = st->t[i];
        }
        free(st->t);
        st->t = nt;
        st->cap = nc;
    }
    size_t j = pair_hash(a, b) & (st->cap - 1);
    while (st->t[j].used && (strcmp(st->t[j].a, a) != 0 || strcmp(st->t[j].b, b) != 0))
        j = (j + 1) & (st->cap - 1);
    pair_acc *pa = &st->t[j];
    if (!pa->used) {
        pa->used = true;
        snprintf(pa->a, sizeof(pa->a), "%s", a);
        snprintf(pa->b, sizeof(pa->b), "%s", b);
        st->n++;
    }
    return pa;
}

/* The smoothed sums are linear in the daily totals, so each summary row can be added
 * with its weight L^k (k = periods before the one looked at) in any order. */
static int top_row(void *user, const dt_dyad_day *row)
{
    top_state *st = user;
    int c = strcmp(row->source, row->target);
    if (c == 0)
        return 0;
    pair_acc *pa = c < 0 ? pair_find(st, row->source, row->target) : pair_find(st, row->target, row->source);
    if (!pa)
        return st->oom = DT_ENOMEM;
    int64_t k = periods_between(period_start(row->t.day, st->p.by), st->period, st->p.by);
    double conflict = (double)row->t.conflict10 / 10.0, coop = (double)row->t.coop10 / 10.0;
    double w = pow(st->p.decay, (double)k);
    pa->c_now += w * conflict;
    pa->k_now += w * coop;
    if (k == 0) {
        for (int q = 0; q < 5; q++)
            pa->events += row->t.n[q];
    } else {
        double wp = pow(st->p.decay, (double)(k - 1));
        pa->c_prev += wp * conflict;
        pa->k_prev += wp * coop;
    }
    return 0;
}

static int cmp_moves(const void *x, const void *y)
{
    const dt_tension_move *a = x, *b = y;
    double da = fabs(a->change), db = fabs(b->change);
    if (da != db)
        return da > db ? -1 : 1;
    int c = strcmp(a->a, b->a);
    return c ? c : strcmp(a->b, b->b);
}

int dt_tension_top(dt_store *s, const dt_tension_opts *o, const char *at, int64_t min_events,
                   dt_tension_move **moves, size_t *n, dt_error *err)
{
    *moves = NULL;
    *n = 0;
    top_state st;
    memset(&st, 0, sizeof(st));
    if (resolve(o, &st.p)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad tension options (half-life and prior must be positive)");
        return DT_EINVAL;
    }
    int32_t day, first;
    int rc = 0;
    if (at)
        rc = parse_day(at, "period", &day, err);
    else
        rc = dt_store_date_span(s, &first, &day, err);
    if (rc)
        return rc;
    st.period = period_start(day, st.p.by);
    int32_t end = period_next(st.period, st.p.by) - 1;
    /* Rows older than this weigh less than 1e-9 of the period's own: skip them. The index
     * moves by at most 100/prior * 1e-9 / (1 - L) * X, X the largest Goldstein sum of the dyad
     * in one skipped period: below 0.01 points unless X exceeded 90,000 (docs/tension.md). */
    double back = ceil(log(1e-9) / log(st.p.decay));
    int32_t lo = st.period;
    for (double k = 0; k < back && lo > date_from_ymd(1, 1, 1); k++)
        lo = period_start(lo - 1, st.p.by);
    rc = dt_store_dyad_summary(s, lo, end, top_row, &st, err);
    if (rc == 0 && st.oom)
        rc = st.oom;
    size_t cnt = 0;
    dt_tension_move *mv = rc == 0 ? calloc(st.n ? st.n : 1, sizeof(*mv)) : NULL;
    if (rc == 0 && !mv)
        rc = DT_ENOMEM;
    for (size_t i = 0; rc == 0 && i < st.cap; i++) {
        const pair_acc *pa = &st.t[i];
        if (!pa->used || pa->events < min_events || (min_events <= 0 && pa->events == 0 && pa->c_prev + pa->k_prev == 0))
            continue;
        dt_tension_move *m = &mv[cnt++];
        snprintf(m->a, sizeof(m->a), "%s", pa->a);
        snprintf(m->b, sizeof(m->b), "%s", pa->b);
        period_label(st.period, st.p.by, m->label, sizeof(m->label));
        m->before = tension_index(pa->c_prev, pa->k_prev, st.p.prior);
        m->after = tension_index(pa->c_now, pa->k_now, st.p.prior);
        m->change = m->after - m->before;
        m->events = pa->events;
    }
    free(st.t);
    if (rc) {
        free(mv);
        return rc;
    }
    qsort(mv, cnt, sizeof(*mv), cmp_moves);
    *moves = mv;
    *n = cnt;
    return 0;
}
