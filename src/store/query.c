/* query.c — reading events: a dt_event_filter becomes SQL that first picks candidate
 * events from an index (actors by month, the full-text index, or a month range), then checks
 * the remaining conditions, orders, limits, and reads the rows with a cursor. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>

struct dt_store_cursor {
    dt_store *s;
    sqlite3_stmt *st;
    int pending;   /* result of the step already taken (SQLITE_ROW/DONE), or -1 */
    bool text;     /* the filter has a full-text query (errors then blame it) */
    char date[11];
};

/* ---------------------------------------------------------------- pieces */

/* The ids of the actor codes a pattern matches, as "1, 5, 9" (or "NULL" for none). */
static int actor_ids(dt_store *s, const store_pat *p, buf *out, dt_error *err)
{
    sqlite3_stmt *st;
    const char *sql = p->prefix ? "SELECT id FROM actors WHERE code >= ? AND code < ? ORDER BY id"
                                : "SELECT id FROM actors WHERE code = ?";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "reading actors");
    char hi[sizeof(p->code)];
    memcpy(hi, p->code, sizeof(hi));
    size_t n = strlen(hi);
    hi[n - 1] = (char)(hi[n - 1] + 1);
    sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
    if (p->prefix)
        sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
    int rc = 0, r, k = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW)
        rc |= buf_printf(out, "%s%lld", k++ ? ", " : "", (long long)sqlite3_column_int64(st, 0));
    if (r != SQLITE_DONE)
        rc = store_db_error(s, err, "reading actors");
    else if (k == 0)
        rc |= buf_puts(out, "NULL");
    sqlite3_finalize(st);
    return rc < 0 && rc != DT_EDB ? DT_ENOMEM : rc;
}

/* The months to probe: those of from..to, or all months with events (and 0, the undated,
 * when there are no date bounds). */
static int month_list(dt_store *s, int32_t from, int32_t to, buf *out, dt_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT (SELECT min(month) FROM events WHERE month > 0),"
                           " (SELECT max(month) FROM events WHERE month > 0),"
                           " EXISTS (SELECT 1 FROM events WHERE month = 0)",
                           -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "reading months");
    int rc = 0;
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = store_db_error(s, err, "reading months");
        sqlite3_finalize(st);
        return rc;
    }
    bool any = sqlite3_column_type(st, 0) != SQLITE_NULL;
    int64_t lo = sqlite3_column_int64(st, 0), hi = sqlite3_column_int64(st, 1);
    bool undated = sqlite3_column_int(st, 2) != 0;
    sqlite3_finalize(st);
    bool bounded = from != INT32_MIN || to != INT32_MAX;
    if (from != INT32_MIN)
        lo = DT_MAX(lo, store_month_of(from));
    if (to != INT32_MAX)
        hi = DT_MIN(hi, store_month_of(to));
    int k = 0;
    if (undated && !bounded)
        rc |= buf_printf(out, "%d", k++);
    for (int64_t m = lo; any && m <= hi; m++)
        rc |= buf_printf(out, "%s%lld", k++ ? ", " : "", (long long)m);
    if (k == 0)
        rc |= buf_puts(out, "NULL");
    return rc ? DT_ENOMEM : 0;
}

static int cond_sep(buf *w)
{
    return buf_puts(w, w->len ? " AND " : "");
}

/* Comma-separated CAMEO codes, each digits ("190") or a prefix ("19*"). */
static int where_codes(buf *w, store_binds *b, const char *list, dt_error *err)
{
    int rc = cond_sep(w) | buf_putc(w, '(');
    const char *p = list;
    bool first = true;
    while (rc == 0) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        bool prefix = n > 0 && p[n - 1] == '*';
        size_t digits = prefix ? n - 1 : n;
        bool ok = digits >= (prefix ? 1u : 2u) && digits <= 4;
        for (size_t i = 0; ok && i < digits; i++)
            ok = is_digit((unsigned char)p[i]);
        if (!ok) {
            err_set(err, DT_EINVAL, NULL, 0, 0,
                    "bad event code \"%.*s\": expected CAMEO codes such as 190 or 19*, separated by commas",
                    (int)DT_MIN(n, 20), p);
            return DT_EINVAL;
        }
        store_pat pat;
        memcpy(pat.code, p, digits);
        pat.code[digits] = 0;
        pat.prefix = prefix;
        rc |= buf_puts(w, first ? "" : " OR ") | store_sql_pat(w, b, "e.code", &pat);
        first = false;
        if (!end)
            break;
        p = end + 1;
    }
    return rc ? DT_ELIMIT : buf_putc(w, ')');
}

static int where_roots(buf *w, store_binds *b, const char *list, dt_error *err)
{
    int rc = cond_sep(w) | buf_puts(w, "substr(e.code, 1, 2) IN (");
    const char *p = list;
    for (bool first = true; rc == 0; first = false) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        int v = n == 2 && is_digit((unsigned char)p[0]) && is_digit((unsigned char)p[1]) ? (p[0] - '0') * 10 + p[1] - '0' : 0;
        if (v < 1 || v > 20) {
            err_set(err, DT_EINVAL, NULL, 0, 0, "bad root code \"%.*s\": expected 01 to 20, separated by commas",
                    (int)DT_MIN(n, 20), p);
            return DT_EINVAL;
        }
        char root[3] = {p[0], p[1], 0};
        rc |= buf_puts(w, first ? "?" : ", ?") | store_bind_text(b, root, true);
        if (!end)
            break;
        p = end + 1;
    }
    return rc ? DT_ELIMIT : buf_putc(w, ')');
}

static int parse_date(const char *d, const char *which, int32_t *day, dt_error *err)
{
    if (dt_date_parse(d, strlen(d), day)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad %s date \"%.20s\" (expected YYYY-MM-DD)", which, d);
        return DT_EINVAL;
    }
    return 0;
}

/* ---------------------------------------------------------------- candidates */

/* What a filter resolves to before SQL is written. */
typedef struct plan {
    buf actor, source, target, dyad_a, dyad_b; /* id lists; len 0 = no such filter */
    bool directed;
    buf months;
    int32_t from, to;
} plan;

static void plan_free(plan *p)
{
    buf_free(&p->actor);
    buf_free(&p->source);
    buf_free(&p->target);
    buf_free(&p->dyad_a);
    buf_free(&p->dyad_b);
    buf_free(&p->months);
}

static int resolve_pattern(dt_store *s, const char *pattern, buf *out, dt_error *err)
{
    store_pat p;
    int rc = store_pat_parse(pattern, &p, err);
    return rc ? rc : actor_ids(s, &p, out, err);
}

static int make_plan(dt_store *s, const dt_event_filter *f, plan *p, dt_error *err)
{
    memset(p, 0, sizeof(*p));
    buf *lists[] = {&p->actor, &p->source, &p->target, &p->dyad_a, &p->dyad_b, &p->months};
    for (size_t i = 0; i < DT_ARRAY_LEN(lists); i++)
        buf_init(lists[i], 1 << 20);
    p->from = INT32_MIN;
    p->to = INT32_MAX;
    int rc = 0;
    if (f->from && (rc = parse_date(f->from, "from", &p->from, err)) != 0)
        return rc;
    if (f->to && (rc = parse_date(f->to, "to", &p->to, err)) != 0)
        return rc;
    if (p->from > p->to) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "the date range is reversed: from %s is after to %s", f->from, f->to);
        return DT_EINVAL;
    }
    if (f->limit < 0) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "the limit must not be negative");
        return DT_EINVAL;
    }
    if (f->quads & ~0x1eu) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad quad class: expected 1 to 4");
        return DT_EINVAL;
    }
    if (f->actor && (rc = resolve_pattern(s, f->actor, &p->actor, err)) != 0)
        return rc;
    if (f->source && (rc = resolve_pattern(s, f->source, &p->source, err)) != 0)
        return rc;
    if (f->target && (rc = resolve_pattern(s, f->target, &p->target, err)) != 0)
        return rc;
    if (f->dyad) {
        store_dyad d;
        if ((rc = store_dyad_parse(f->dyad, &d, err)) != 0)
            return rc;
        p->directed = d.directed;
        if ((rc = actor_ids(s, &d.a, &p->dyad_a, err)) != 0 || (rc = actor_ids(s, &d.b, &p->dyad_b, err)) != 0)
            return rc;
    }
    return month_list(s, p->from, p->to, &p->months, err);
}

/* One index probe: events of the months whose col1 (and col2) are in the lists. */
static int probe(buf *sql, const plan *p, const char *index, const char *col1, const buf *ids1, const char *col2,
                 const buf *ids2)
{
    int rc = buf_printf(sql, "SELECT id, day FROM events INDEXED BY %s WHERE month IN (%s) AND %s IN (%s)", index,
                        p->months.data, col1, ids1->data);
    if (col2)
        rc |= buf_printf(sql, " AND %s IN (%s)", col2, ids2->data);
    if (p->from != INT32_MIN)
        rc |= buf_printf(sql, " AND day >= %ld", (long)p->from);
    if (p->to != INT32_MAX)
        rc |= buf_printf(sql, " AND day <= %ld", (long)p->to);
    return rc;
}

/* The conditions not decided by the driver, on events e. */
static int residuals(dt_store *s, const dt_event_filter *f, const plan *p, int driver, buf *w, store_binds *b,
                     buf *scratch, dt_error *err)
{
    int rc = 0;
    if (p->actor.len && driver != 'a')
        rc |= cond_sep(w) | buf_printf(w, "(e.source IN (%s) OR e.target IN (%s))", p->actor.data, p->actor.data);
    if (p->source.len && driver != 'd' && driver != 's')
        rc |= cond_sep(w) | buf_printf(w, "e.source IN (%s)", p->source.data);
    if (p->target.len && driver != 'd' && driver != 't')
        rc |= cond_sep(w) | buf_printf(w, "e.target IN (%s)", p->target.data);
    if (p->dyad_a.len && driver != 'y') {
        rc |= cond_sep(w) | buf_printf(w, "((e.source IN (%s) AND e.target IN (%s))", p->dyad_a.data, p->dyad_b.data);
        if (!p->directed)
            rc |= buf_printf(w, " OR (e.source IN (%s) AND e.target IN (%s))", p->dyad_b.data, p->dyad_a.data);
        rc |= buf_putc(w, ')');
    }
    if (rc)
        return DT_ENOMEM;
    if (f->codes && (rc = where_codes(w, b, f->codes, err)) != 0)
        return rc;
    if (f->roots && (rc = where_roots(w, b, f->roots, err)) != 0)
        return rc;
    if (f->quads) {
        rc |= cond_sep(w) | buf_puts(w, "e.quad IN (");
        for (int q = 1, first = 1; q <= 4; q++)
            if (f->quads & (1u << q)) {
                rc |= buf_printf(w, "%s%d", first ? "" : ", ", q);
                first = 0;
            }
        rc |= buf_putc(w, ')');
    }
    if (f->issue && *f->issue) {
        char tag[40];
        size_t n = strlen(f->issue);
        bool ok = n + 2 < sizeof(tag);
        for (size_t i = 0; ok && i < n; i++)
            ok = f->issue[i] != ',' && !is_space((unsigned char)f->issue[i]);
        if (!ok) {
            err_set(err, DT_EINVAL, NULL, 0, 0, "bad issue \"%.40s\": expected one issue tag such as NUCLEAR",
                    f->issue);
            return DT_EINVAL;
        }
        tag[0] = ',';
        for (size_t i = 0; i < n; i++)
            tag[i + 1] = (char)to_upper((unsigned char)f->issue[i]);
        tag[n + 1] = ',';
        tag[n + 2] = 0;
        rc |= cond_sep(w) | buf_puts(w, "instr(',' || e.issues || ',', ?) > 0") | store_bind_text(b, tag, true);
    }
    if (driver == 'x' || driver == 'n') {
        if (p->from != INT32_MIN)
            rc |= cond_sep(w) | buf_printf(w, "e.day >= %ld", (long)p->from);
        if (p->to != INT32_MAX)
            rc |= cond_sep(w) | buf_printf(w, "e.day <= %ld", (long)p->to);
    }
    if (f->text && *f->text && driver != 'x') {
        rc |= cond_sep(w);
        if (s->fts) {
            rc |= buf_puts(w, "e.doc * 1048576 + e.sentence IN (SELECT rowid FROM sentences_fts WHERE sentences_fts"
                              " MATCH ?)");
            rc |= store_bind_text(b, f->text, false);
        } else {
            /* Without FTS5: the query as one substring (LIKE ignores ASCII case). */
            rc |= buf_puts(w, "EXISTS (SELECT 1 FROM sentences s2 WHERE s2.id = e.doc * 1048576 + e.sentence"
                              " AND s2.text LIKE ? ESCAPE '\\')");
            rc |= buf_putc(scratch, '%');
            for (const char *t = f->text; *t; t++) {
                if (*t == '%' || *t == '_' || *t == '\\')
                    rc |= buf_putc(scratch, '\\');
                rc |= buf_putc(scratch, *t);
            }
            rc |= buf_putc(scratch, '%');
            rc |= store_bind_text(b, scratch->data, false);
        }
    }
    return rc ? DT_ELIMIT : 0;
}

/* SQL selecting (id, day) of the events that pass the filter, in no order. The driver is
 * the most selective index at hand: y dyad, d source and target, s source, t target,
 * a actor, x full text, m months only (dates), n none. */
static int candidates(dt_store *s, const dt_event_filter *f, buf *sql, store_binds *b, buf *scratch,
                      dt_error *err)
{
    plan p;
    int rc = make_plan(s, f, &p, err);
    if (rc) {
        plan_free(&p);
        return rc;
    }
    bool text = f->text && *f->text;
    /* A full-text query is usually the most selective condition; then the actors. */
    int driver = text && s->fts ? 'x'
                 : p.dyad_a.len ? 'y'
                 : p.source.len && p.target.len ? 'd'
                 : p.source.len ? 's'
                 : p.target.len ? 't'
                 : p.actor.len ? 'a'
                 : p.from != INT32_MIN || p.to != INT32_MAX ? 'm'
                                                          : 'n';
    buf w;
    buf_init(&w, 1 << 20);
    /* Text binds of the driver come first in the statement. */
    rc = 0;
    buf drv;
    buf_init(&drv, 1 << 22);
    switch (driver) {
    case 'y':
        rc |= probe(&drv, &p, "events_source", "source", &p.dyad_a, "target", &p.dyad_b);
        if (!p.directed) {
            /* The other direction, without what the first scan found (sides may overlap). */
            rc |= buf_puts(&drv, " UNION ALL ");
            rc |= probe(&drv, &p, "events_source", "source", &p.dyad_b, "target", &p.dyad_a);
            rc |= buf_printf(&drv, " AND NOT (source IN (%s) AND target IN (%s))", p.dyad_a.data, p.dyad_b.data);
        }
        break;
    case 'd':
        rc |= probe(&drv, &p, "events_source", "source", &p.source, "target", &p.target);
        break;
    case 's':
        rc |= probe(&drv, &p, "events_source", "source", &p.source, NULL, NULL);
        break;
    case 't':
        rc |= probe(&drv, &p, "events_target", "target", &p.target, NULL, NULL);
        break;
    case 'a':
        /* As source, then as target but not source: two disjoint index scans, no de-duplication. */
        rc |= probe(&drv, &p, "events_source", "source", &p.actor, NULL, NULL);
        rc |= buf_puts(&drv, " UNION ALL ");
        rc |= probe(&drv, &p, "events_target", "target", &p.actor, NULL, NULL);
        rc |= buf_printf(&drv, " AND source NOT IN (%s)", p.actor.data);
        break;
    case 'x':
        rc |= buf_puts(&drv, "SELECT e.id AS id, e.day AS day FROM sentences_fts f"
                             " JOIN events e INDEXED BY events_sentence ON e.doc = f.rowid >> 20"
                             " AND e.sentence = (f.rowid & 1048575) WHERE sentences_fts MATCH ?");
        rc |= store_bind_text(b, f->text, false);
        break;
    case 'm':
        rc |= buf_printf(&drv, "SELECT id, day FROM events INDEXED BY events_source WHERE month IN (%s)",
                         p.months.data);
        if (p.from != INT32_MIN)
            rc |= buf_printf(&drv, " AND day >= %ld", (long)p.from);
        if (p.to != INT32_MAX)
            rc |= buf_printf(&drv, " AND day <= %ld", (long)p.to);
        break;
    default:
        rc |= buf_puts(&drv, "SELECT id, day FROM events");
        break;
    }
    if (rc == 0)
        rc = residuals(s, f, &p, driver, &w, b, scratch, err);
    else
        rc = DT_ENOMEM;
    if (rc == 0) {
        if (w.len)
            rc = buf_printf(sql, "SELECT c.id AS id, c.day AS day FROM (%s) c JOIN events e ON e.id = c.id WHERE %s",
                            drv.data, w.data);
        else
            rc = buf_printf(sql, "SELECT c.id AS id, c.day AS day FROM (%s) c", drv.data);
        if (rc)
            rc = DT_ENOMEM;
    }
    buf_free(&drv);
    buf_free(&w);
    plan_free(&p);
    return rc;
}

int store_candidates_sql(dt_store *s, const dt_event_filter *f, buf *sql, store_binds *b, buf *scratch,
                         dt_error *err)
{
    return candidates(s, f, sql, b, scratch, err);
}

/* The chosen ids with their days: one a day, ordered and limited when asked. */
static int chosen(dt_store *s, const dt_event_filter *f, bool ordered, buf *sql, store_binds *b, buf *scratch,
                  dt_error *err)
{
    buf cand;
    buf_init(&cand, 1 << 22);
    int rc = candidates(s, f, &cand, b, scratch, err);
    if (rc == 0) {
        const char *dir = f->newest_first ? "DESC" : "ASC";
        if (f->one_a_day)
            rc |= buf_printf(sql,
                             "SELECT min(k.id) AS id, k.day AS day FROM (%s) k JOIN events e2 ON e2.id = k.id"
                             " GROUP BY k.day, e2.source, e2.target, e2.code",
                             cand.data);
        else
            rc |= buf_printf(sql, "SELECT id, day FROM (%s)", cand.data);
        if (ordered)
            rc |= buf_printf(sql, " ORDER BY day %s, id %s", dir, dir);
        if (f->limit > 0)
            rc |= buf_printf(sql, " LIMIT %lld", (long long)f->limit);
        if (rc)
            rc = DT_ENOMEM;
    }
    buf_free(&cand);
    return rc;
}

/* ---------------------------------------------------------------- running */

static int prepare_filtered(dt_store *s, const char *sql, const store_binds *b, sqlite3_stmt **st, dt_error *err)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        *st = NULL;
        return store_db_error(s, err, "preparing a query");
    }
    if (store_bind_all(*st, b)) {
        sqlite3_finalize(*st);
        *st = NULL;
        return store_db_error(s, err, "binding a query");
    }
    return 0;
}

/* An error while stepping: a bad full-text query is the caller's mistake. */
static int step_error(dt_store *s, bool text, dt_error *err)
{
    const char *m = sqlite3_errmsg(s->db);
    if (text && (strstr(m, "fts5") || strstr(m, "no such column") || strstr(m, "unterminated") ||
                 strstr(m, "unknown special query"))) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad full-text query (%s); see docs/store.md", m);
        return DT_EINVAL;
    }
    return store_db_error(s, err, "reading events");
}

/* Build and prepare: the columns of dt_stored_event (cols) or a count. */
static int run_filter(dt_store *s, const dt_event_filter *f, bool count, sqlite3_stmt **st, dt_error *err)
{
    dt_event_filter none;
    if (!f) {
        memset(&none, 0, sizeof(none));
        f = &none;
    }
    buf ids, sql, scratch;
    buf_init(&ids, 1 << 22);
    buf_init(&sql, 1 << 22);
    buf_init(&scratch, 1 << 16);
    store_binds *b = malloc(sizeof(*b));
    int rc = b ? 0 : DT_ENOMEM;
    if (rc == 0) {
        b->n = 0;
        rc = chosen(s, f, !count, &ids, b, &scratch, err);
    }
    if (rc == 0) {
        const char *dir = f->newest_first ? "DESC" : "ASC";
        if (count)
            rc = buf_printf(&sql, "SELECT count(*) FROM (%s)", ids.data);
        else
            rc = buf_printf(&sql,
                            "SELECT e.id, e.doc, e.sentence, e.day, sa.code, ta.code, e.code, e.quad, e.goldstein10,"
                            " e.issues, e.source_text, e.target_text, coalesce(r.rule, ''), coalesce(s.text, ''),"
                            " d.source, d.record, d.url FROM (%s) k JOIN events e ON e.id = k.id"
                            " JOIN actors sa ON sa.id = e.source JOIN actors ta ON ta.id = e.target"
                            " JOIN documents d ON d.id = e.doc"
                            " LEFT JOIN sentences s ON s.id = e.doc * 1048576 + e.sentence"
                            " LEFT JOIN rules r ON r.id = e.rule ORDER BY k.day %s, k.id %s",
                            ids.data, dir, dir);
        if (rc)
            rc = DT_ENOMEM;
    }
    if (rc == 0)
        rc = prepare_filtered(s, sql.data, b, st, err);
    buf_free(&ids);
    buf_free(&sql);
    buf_free(&scratch);
    free(b);
    return rc;
}

int dt_store_query(dt_store *s, const dt_event_filter *f, dt_store_cursor **out, dt_error *err)
{
    *out = NULL;
    dt_store_cursor *c = calloc(1, sizeof(*c));
    if (!c)
        return DT_ENOMEM;
    int rc = run_filter(s, f, false, &c->st, err);
    if (rc) {
        free(c);
        return rc;
    }
    c->s = s;
    c->text = f && f->text && *f->text;
    /* Take the first step now, so that a bad full-text query is reported here. */
    c->pending = sqlite3_step(c->st);
    if (c->pending != SQLITE_ROW && c->pending != SQLITE_DONE) {
        rc = step_error(s, c->text, err);
        dt_store_cursor_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

int dt_store_cursor_next(dt_store_cursor *c, dt_stored_event *ev, dt_error *err)
{
    int r = c->pending >= 0 ? c->pending : sqlite3_step(c->st);
    c->pending = -1;
    if (r == SQLITE_DONE)
        return 0;
    if (r != SQLITE_ROW)
        return step_error(c->s, c->text, err);
    sqlite3_stmt *st = c->st;
    memset(ev, 0, sizeof(*ev));
    ev->id = sqlite3_column_int64(st, 0);
    ev->doc = sqlite3_column_int64(st, 1);
    ev->ev.sentence = sqlite3_column_int(st, 2);
    if (sqlite3_column_type(st, 3) == SQLITE_NULL)
        c->date[0] = 0;
    else
        dt_date_format((int32_t)sqlite3_column_int64(st, 3), c->date, sizeof(c->date));
    ev->date = c->date;
    ev->ev.source = col_text(st, 4);
    ev->ev.target = col_text(st, 5);
    ev->ev.code = col_text(st, 6);
    memcpy(ev->ev.root, ev->ev.code, strlen(ev->ev.code) >= 2 ? 2 : 0);
    ev->ev.quad = sqlite3_column_int(st, 7);
    ev->ev.goldstein = (double)sqlite3_column_int64(st, 8) / 10.0;
    ev->ev.issues = col_text(st, 9);
    ev->ev.source_text = col_text(st, 10);
    ev->ev.target_text = col_text(st, 11);
    ev->ev.rule = col_text(st, 12);
    ev->ev.sentence_text = col_text(st, 13);
    ev->doc_source = col_text(st, 14);
    ev->record = col_text(st, 15);
    ev->url = col_text(st, 16);
    store_entity(ev->ev.source, ev->source_entity);
    store_entity(ev->ev.target, ev->target_entity);
    return 1;
}

void dt_store_cursor_free(dt_store_cursor *c)
{
    if (!c)
        return;
    sqlite3_finalize(c->st);
    free(c);
}

int dt_store_count(dt_store *s, const dt_event_filter *f, int64_t *n, dt_error *err)
{
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = run_filter(s, f, true, &st, err);
    if (rc)
        return rc;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    else
        rc = step_error(s, f && f->text && *f->text, err);
    sqlite3_finalize(st);
    return rc;
}
