/* read.c — reading back from the store: documents with their sentences (for re-coding),
 * per-day dyad totals (for tension), the dyad summary, the date span, and the
 * consistency check. */
#include "store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static char *dup_col(dt_store *s, sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    return arena_strndup(&s->doc_mem, t ? (const char *)t : "", (size_t)n);
}

int dt_store_next_doc(dt_store *s, int64_t after, dt_stored_doc *out, dt_error *err)
{
    memset(out, 0, sizeof(*out));
    arena_reset(&s->doc_mem);
    sqlite3_stmt *st = store_stmt(s, ST_NEXT_DOC, err);
    if (!st)
        return DT_EDB;
    sqlite3_bind_int64(st, 1, after);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        return 0;
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return store_db_error(s, err, "reading a document");
    }
    out->id = sqlite3_column_int64(st, 0);
    out->source = dup_col(s, st, 1);
    out->record = dup_col(s, st, 2);
    out->url = dup_col(s, st, 3);
    out->title = dup_col(s, st, 4);
    out->date = dup_col(s, st, 5);
    out->date_source = dup_col(s, st, 6);
    out->format = dup_col(s, st, 7);
    out->text_hash = (uint64_t)sqlite3_column_int64(st, 8);
    int64_t nsent = sqlite3_column_int64(st, 9);
    out->nevents = (size_t)sqlite3_column_int64(st, 10);
    sqlite3_reset(st);
    if (!out->source || !out->record || !out->url || !out->title || !out->date || !out->date_source ||
        !out->format)
        return DT_ENOMEM;
    if (nsent < 0 || nsent > (1 << 24)) {
        err_set(err, DT_EDB, s->path, 0, 0, "document %lld: bad sentence count %lld", (long long)out->id,
                (long long)nsent);
        return DT_EDB;
    }
    if ((size_t)nsent > s->capsents) {
        dt_slice *n = realloc(s->sents, (size_t)nsent * sizeof(*n));
        if (!n)
            return DT_ENOMEM;
        s->sents = n;
        s->capsents = (size_t)nsent;
    }
    st = store_stmt(s, ST_DOC_SENTS, err);
    if (!st)
        return DT_EDB;
    sqlite3_bind_int64(st, 1, store_sub_id(out->id, 0));
    sqlite3_bind_int64(st, 2, store_sub_id(out->id, STORE_ID_MAX - 1));
    size_t k = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_int64(st, 0) != (int64_t)k || k >= (size_t)nsent) {
            sqlite3_reset(st);
            err_set(err, DT_EDB, s->path, 0, 0, "document %lld: its sentences do not match its row",
                    (long long)out->id);
            return DT_EDB;
        }
        const unsigned char *t = sqlite3_column_text(st, 1);
        size_t len = (size_t)sqlite3_column_bytes(st, 1);
        char *copy = arena_strndup(&s->doc_mem, t ? (const char *)t : "", len);
        if (!copy) {
            sqlite3_reset(st);
            return DT_ENOMEM;
        }
        s->sents[k].ptr = copy;
        s->sents[k].len = len;
        k++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_db_error(s, err, "reading sentences");
    if (k != (size_t)nsent) {
        err_set(err, DT_EDB, s->path, 0, 0, "document %lld: %zu sentences stored, %lld expected",
                (long long)out->id, k, (long long)nsent);
        return DT_EDB;
    }
    out->sentences = s->sents;
    out->nsentences = k;
    return 1;
}

/* ---------------------------------------------------------------- dyads */

static int prepare(dt_store *s, const char *sql, sqlite3_stmt **st, dt_error *err)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        *st = NULL;
        return store_db_error(s, err, "preparing a query");
    }
    return 0;
}

static int push_day(dt_day_totals **days, size_t *n, size_t *cap, const dt_day_totals *t)
{
    return vec_push((void **)days, n, cap, sizeof(*t), t) < 0 ? DT_ENOMEM : 0;
}

/* Reads of the summary on the writing connection must see the batch written so far. */
static int summary_current(dt_store *s, dt_error *err)
{
    int rc = s->in_tx && s->ndyad ? store_flush_dyads(s, err) : 0;
    return rc ? store_abort_batch(s, rc, err) : 0;
}

/* The first and last day in the dyad summary; false when it is empty. */
static bool summary_span(dt_store *s, int32_t *lo, int32_t *hi)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT (SELECT min(day) FROM dyad_days), (SELECT max(day) FROM dyad_days)", -1,
                           &st, NULL) != SQLITE_OK)
        return false;
    bool ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
    if (ok) {
        *lo = sqlite3_column_int(st, 0);
        *hi = sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return ok;
}

/* One direction of an entity-level dyad in the summary: a seek per day (the days are
 * the leading key), then the source range of that day. */
static int summary_probe(buf *sql, store_binds *b, const store_pat *src, const store_pat *tgt)
{
    int rc = buf_puts(sql, "SELECT dd.day, dd.source, dd.target, n0, n1, n2, n3, n4, coop10, conflict10"
                           " FROM d JOIN dyad_days dd ON dd.day = d.x WHERE ");
    rc |= store_sql_pat(sql, b, "dd.source", src) | buf_puts(sql, " AND ") | store_sql_pat(sql, b, "dd.target", tgt);
    return rc;
}

int dt_store_dyad_days(dt_store *s, const char *dyad, int32_t from, int32_t to, dt_day_totals **days,
                       size_t *n, dt_error *err)
{
    *days = NULL;
    *n = 0;
    store_dyad d;
    int rc = store_dyad_parse(dyad, &d, err);
    if (rc)
        return rc;
    bool summary = store_pat_entity_level(&d.a) && store_pat_entity_level(&d.b);
    if ((rc = summary_current(s, err)) != 0)
        return rc;
    buf sql, scratch;
    buf_init(&sql, 1 << 22);
    buf_init(&scratch, 1 << 16);
    store_binds b;
    b.n = 0;
    if (summary) {
        int32_t lo, hi;
        if (!summary_span(s, &lo, &hi) || lo > to || hi < from) {
            buf_free(&sql);
            buf_free(&scratch);
            return 0;
        }
        lo = DT_MAX(lo, from);
        hi = DT_MIN(hi, to);
        rc |= buf_printf(&sql,
                         "WITH RECURSIVE d(x) AS (SELECT %ld UNION ALL SELECT x + 1 FROM d WHERE x < %ld)"
                         " SELECT day, sum(n0), sum(n1), sum(n2), sum(n3), sum(n4), sum(coop10), sum(conflict10)"
                         " FROM (",
                         (long)lo, (long)hi);
        rc |= summary_probe(&sql, &b, &d.a, &d.b);
        if (!d.directed) {
            /* UNION, not UNION ALL: a row matching both directions counts once. */
            rc |= buf_puts(&sql, " UNION ");
            rc |= summary_probe(&sql, &b, &d.b, &d.a);
        }
        rc |= buf_puts(&sql, ") GROUP BY day ORDER BY day");
        rc = rc ? DT_ENOMEM : 0;
    } else {
        dt_event_filter f;
        memset(&f, 0, sizeof(f));
        f.dyad = dyad;
        char fd[11], td[11];
        if (from != INT32_MIN) {
            dt_date_format(from, fd, sizeof(fd));
            f.from = fd;
        }
        if (to != INT32_MAX) {
            dt_date_format(to, td, sizeof(td));
            f.to = td;
        }
        buf cand;
        buf_init(&cand, 1 << 22);
        rc = store_candidates_sql(s, &f, &cand, &b, &scratch, err);
        if (rc == 0 && buf_printf(&sql,
                                  "SELECT c.day, e.quad, e.goldstein10 FROM (%s) c JOIN events e ON e.id = c.id"
                                  " WHERE c.day IS NOT NULL ORDER BY c.day",
                                  cand.data))
            rc = DT_ENOMEM;
        buf_free(&cand);
    }
    sqlite3_stmt *st = NULL;
    if (rc == 0)
        rc = prepare(s, sql.data, &st, err);
    buf_free(&sql);
    if (rc == 0 && store_bind_all(st, &b))
        rc = store_db_error(s, err, "binding a query");
    buf_free(&scratch);
    if (rc) {
        sqlite3_finalize(st);
        return rc;
    }
    size_t cap = 0;
    dt_day_totals cur;
    memset(&cur, 0, sizeof(cur));
    cur.day = DATE_NONE;
    int r;
    while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW) {
        if (summary) {
            dt_day_totals t;
            t.day = sqlite3_column_int(st, 0);
            for (int q = 0; q < 5; q++)
                t.n[q] = sqlite3_column_int64(st, 1 + q);
            t.coop10 = sqlite3_column_int64(st, 6);
            t.conflict10 = sqlite3_column_int64(st, 7);
            rc = push_day(days, n, &cap, &t);
            continue;
        }
        int32_t day = sqlite3_column_int(st, 0);
        if (day != cur.day) {
            if (cur.day != DATE_NONE && (rc = push_day(days, n, &cap, &cur)) != 0)
                break;
            memset(&cur, 0, sizeof(cur));
            cur.day = day;
        }
        int q = sqlite3_column_int(st, 1);
        cur.n[q >= 1 && q <= 4 ? q : 0]++;
        int64_t g10 = sqlite3_column_int64(st, 2);
        if (g10 > 0)
            cur.coop10 += g10;
        else
            cur.conflict10 -= g10;
    }
    if (rc == 0 && r != SQLITE_DONE)
        rc = store_db_error(s, err, "reading dyad totals");
    if (rc == 0 && !summary && cur.day != DATE_NONE)
        rc = push_day(days, n, &cap, &cur);
    sqlite3_finalize(st);
    if (rc) {
        free(*days);
        *days = NULL;
        *n = 0;
    }
    return rc;
}

int dt_store_dyad_summary(dt_store *s, int32_t from, int32_t to, dt_dyad_day_fn fn, void *user, dt_error *err)
{
    sqlite3_stmt *st;
    int rc = summary_current(s, err);
    if (rc)
        return rc;
    rc = prepare(s,
                     "SELECT source, target, day, n0, n1, n2, n3, n4, coop10, conflict10 FROM dyad_days"
                     " WHERE day BETWEEN ? AND ?",
                     &st, err);
    if (rc)
        return rc;
    sqlite3_bind_int(st, 1, from);
    sqlite3_bind_int(st, 2, to);
    int r;
    dt_dyad_day row;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&row, 0, sizeof(row));
        snprintf(row.source, sizeof(row.source), "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(row.target, sizeof(row.target), "%s", (const char *)sqlite3_column_text(st, 1));
        row.t.day = sqlite3_column_int(st, 2);
        for (int q = 0; q < 5; q++)
            row.t.n[q] = sqlite3_column_int64(st, 3 + q);
        row.t.coop10 = sqlite3_column_int64(st, 8);
        row.t.conflict10 = sqlite3_column_int64(st, 9);
        rc = fn(user, &row);
        if (rc)
            break;
    }
    if (rc == 0 && r != SQLITE_DONE)
        rc = store_db_error(s, err, "reading the dyad summary");
    sqlite3_finalize(st);
    return rc;
}

int dt_store_date_span(dt_store *s, int32_t *first, int32_t *last, dt_error *err)
{
    int rc = summary_current(s, err);
    if (rc)
        return rc;
    if (!summary_span(s, first, last)) {
        err_set(err, DT_ENOTFOUND, s->path, 0, 0, "the store has no dated events");
        return DT_ENOTFOUND;
    }
    return 0;
}

/* ---------------------------------------------------------------- consistency check */

/* The entity of a code, in SQL, as the writer computes it. */
#define SQL_ENTITY(c) "CASE WHEN substr(" c ", 1, 3) IN ('IGO', 'NGO') THEN substr(" c ", 1, 6) ELSE substr(" c ", 1, 3) END"
#define SQL_DYADS                                                                                         \
    "SELECT e.day, " SQL_ENTITY("sa.code") ", " SQL_ENTITY("ta.code") ","                                  \
    " sum(e.quad NOT BETWEEN 1 AND 4), sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), sum(e.quad = 4)," \
    " sum(max(e.goldstein10, 0)), sum(max(-e.goldstein10, 0))"                                           \
    " FROM events e JOIN actors sa ON sa.id = e.source JOIN actors ta ON ta.id = e.target"              \
    " WHERE e.day IS NOT NULL GROUP BY 1, 2, 3"
#define SQL_SUMMARY "SELECT day, source, target, n0, n1, n2, n3, n4, coop10, conflict10 FROM dyad_days"

static const struct {
    const char *sql;
    const char *what;
    bool fts;  /* only with a full-text index */
} checks[] = {
    {"SELECT d.id FROM documents d WHERE d.n_sentences != (SELECT count(*) FROM sentences s WHERE s.id BETWEEN"
     " d.id * 1048576 AND d.id * 1048576 + 1048575 AND s.doc = d.id AND s.idx = s.id - d.id * 1048576)",
     "document %lld: its sentences do not match its sentence count", false},
    {"SELECT d.id FROM documents d WHERE d.n_events != (SELECT count(*) FROM events e WHERE e.id BETWEEN"
     " d.id * 1048576 AND d.id * 1048576 + 1048575 AND e.doc = d.id)",
     "document %lld: its events do not match its event count", false},
    {"SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.doc)"
     " HAVING count(*) > 0",
     "%lld sentences belong to no document", false},
    {"SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc)"
     " HAVING count(*) > 0",
     "%lld events belong to no document", false},
    {"SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = e.doc * 1048576 +"
     " e.sentence)",
     "event %lld: its sentence is missing", false},
    {"SELECT e.id FROM events e JOIN documents d ON d.id = e.doc WHERE e.day IS NOT"
     " CAST(julianday(d.date) - 2440587.5 AS INTEGER) OR e.month != coalesce(CAST(strftime('%Y', d.date) AS"
     " INTEGER) * 12 + CAST(strftime('%m', d.date) AS INTEGER) - 1, 0)",
     "event %lld: its date differs from its document's", false},
    {"SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = e.source) OR NOT EXISTS"
     " (SELECT 1 FROM actors a WHERE a.id = e.target)",
     "event %lld: an actor is missing", false},
    {"SELECT count(*) FROM (" SQL_SUMMARY " EXCEPT " SQL_DYADS ") HAVING count(*) > 0",
     "the dyad summary has %lld rows that do not match the events", false},
    {"SELECT count(*) FROM (" SQL_DYADS " EXCEPT " SQL_SUMMARY ") HAVING count(*) > 0",
     "the events have %lld dyad-days missing from the summary", false},
    {"SELECT count(*) FROM (SELECT doc FROM temp.fts_rows EXCEPT SELECT DISTINCT doc * 1048576 + sentence"
     " FROM events) HAVING count(*) > 0",
     "the full-text index has %lld sentences without events", true},
    {"SELECT count(*) FROM (SELECT DISTINCT doc * 1048576 + sentence FROM events EXCEPT SELECT doc FROM"
     " temp.fts_rows) HAVING count(*) > 0",
     "%lld sentences with events are missing from the full-text index", true},
};

static int append_line(dt_strbuf *r, const char *fmt, va_list ap)
{
    buf b = {r->data, r->len, r->cap, 0, false};
    int rc = buf_vprintf(&b, fmt, ap);
    rc |= buf_putc(&b, '\n');
    r->data = b.data;
    r->len = b.len;
    r->cap = b.cap;
    return rc ? DT_ENOMEM : 0;
}

/* Count a problem; describe the first 50. */
static int report_line(dt_strbuf *r, size_t *lines, const char *fmt, ...) DT_PRINTF(3, 4);
static int report_line(dt_strbuf *r, size_t *lines, const char *fmt, ...)
{
    if (++*lines > 50)
        return 0;
    va_list ap;
    va_start(ap, fmt);
    int rc = append_line(r, fmt, ap);
    va_end(ap);
    return rc;
}

static int report_total(dt_strbuf *r, const char *fmt, ...) DT_PRINTF(2, 3);
static int report_total(dt_strbuf *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = append_line(r, fmt, ap);
    va_end(ap);
    return rc;
}

int dt_store_check(dt_store *s, dt_strbuf *report, dt_error *err)
{
    size_t problems = 0;
    sqlite3_stmt *st;
    int rc = summary_current(s, err);
    if (rc == 0)
        rc = prepare(s, "PRAGMA integrity_check", &st, err);
    if (rc)
        return rc;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (t && strcmp(t, "ok") != 0 && report_line(report, &problems, "sqlite: %s", t))
            rc = DT_ENOMEM;
    }
    sqlite3_finalize(st);
    if (r != SQLITE_DONE)
        return store_db_error(s, err, "checking integrity");
    if (s->fts && sqlite3_exec(s->db, "INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')", NULL,
                               NULL, NULL) != SQLITE_OK)
        rc |= report_line(report, &problems, "full-text index: %s", sqlite3_errmsg(s->db));
    /* The index keeps no list of its rows (columnsize=0 and no content): its entries, read
     * through a vocabulary table, name the sentences it holds. */
    if (s->fts && sqlite3_exec(s->db,
                               "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_rows USING"
                               " fts5vocab(main, sentences_fts, instance)",
                               NULL, NULL, NULL) != SQLITE_OK)
        return store_db_error(s, err, "reading the full-text index");
    for (size_t i = 0; i < DT_ARRAY_LEN(checks) && rc == 0; i++) {
        if (checks[i].fts && !s->fts)
            continue;
        if ((rc = prepare(s, checks[i].sql, &st, err)) != 0)
            return rc;
        while ((r = sqlite3_step(st)) == SQLITE_ROW)
            if (report_line(report, &problems, checks[i].what, (long long)sqlite3_column_int64(st, 0)))
                rc = DT_ENOMEM;
        sqlite3_finalize(st);
        if (r != SQLITE_DONE)
            return store_db_error(s, err, "checking consistency");
    }
    if (rc)
        return rc;
    if (problems) {
        if (problems > 50 && report_total(report, "... %zu problems in all", problems))
            return DT_ENOMEM;
        err_set(err, DT_EDB, s->path, 0, 0, "the store is not consistent (%zu problems)", problems);
        return DT_EDB;
    }
    return 0;
}
