/* query.c — reading events: a dt_event_filter becomes one SQL statement (conditions on
 * actors, dyads, codes, dates, issues and the sentence's full text), read with a cursor. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>

struct dt_store_cursor {
    dt_store *s;
    sqlite3_stmt *st;
    int pending;   /* result of the step already taken (SQLITE_ROW/DONE), or -1 */
    bool text;     /* the filter has a full-text query (errors then blame it) */
};

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
        char code[8];
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
        memcpy(code, p, digits);
        code[digits] = 0;
        rc |= buf_puts(w, first ? "" : " OR ");
        first = false;
        if (prefix) {
            store_pat pat;
            memcpy(pat.code, code, digits + 1);
            pat.prefix = true;
            rc |= store_sql_pat(w, b, "e.code", &pat);
        } else {
            rc |= buf_puts(w, "e.code = ?") | store_bind_text(b, code, true);
        }
        if (!end)
            break;
        p = end + 1;
    }
    return rc ? DT_ELIMIT : buf_putc(w, ')');
}

static int where_roots(buf *w, store_binds *b, const char *list, dt_error *err)
{
    int rc = cond_sep(w) | buf_puts(w, "e.root IN (");
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

static int where_pattern(buf *w, store_binds *b, const char *pattern, int side, dt_error *err)
{
    store_pat p;
    int rc = store_pat_parse(pattern, &p, err);
    if (rc)
        return rc;
    rc = cond_sep(w);
    if (side == 0) {
        rc |= buf_putc(w, '(') | store_sql_pat(w, b, "e.source", &p) | buf_puts(w, " OR ");
        rc |= store_sql_pat(w, b, "e.target", &p) | buf_putc(w, ')');
    } else {
        rc |= store_sql_pat(w, b, side == 1 ? "e.source" : "e.target", &p);
    }
    return rc ? DT_ELIMIT : 0;
}

static int check_date(const char *d, const char *which, int32_t *day, dt_error *err)
{
    if (dt_date_parse(d, strlen(d), day)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad %s date \"%.20s\" (expected YYYY-MM-DD)", which, d);
        return DT_EINVAL;
    }
    return 0;
}

/* The conditions of a filter on events e, joined by AND ("" when there are none). */
static int build_where(dt_store *s, const dt_event_filter *f, buf *w, store_binds *b, buf *scratch,
                       dt_error *err)
{
    int rc = 0;
    if (f->actor && (rc = where_pattern(w, b, f->actor, 0, err)) != 0)
        return rc;
    if (f->source && (rc = where_pattern(w, b, f->source, 1, err)) != 0)
        return rc;
    if (f->target && (rc = where_pattern(w, b, f->target, 2, err)) != 0)
        return rc;
    if (f->dyad) {
        store_dyad d;
        if ((rc = store_dyad_parse(f->dyad, &d, err)) != 0)
            return rc;
        if (cond_sep(w) || store_sql_dyad(w, b, "e.source", "e.target", &d))
            return DT_ELIMIT;
    }
    if (f->codes && (rc = where_codes(w, b, f->codes, err)) != 0)
        return rc;
    if (f->roots && (rc = where_roots(w, b, f->roots, err)) != 0)
        return rc;
    if (f->quads) {
        if (f->quads & ~0x1eu) {
            err_set(err, DT_EINVAL, NULL, 0, 0, "bad quad class: expected 1 to 4");
            return DT_EINVAL;
        }
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
        bool ok = n > 0 && n + 2 < sizeof(tag);
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
    int32_t from = INT32_MIN, to = INT32_MAX;
    if (f->from && (rc = check_date(f->from, "from", &from, err)) != 0)
        return rc;
    if (f->to && (rc = check_date(f->to, "to", &to, err)) != 0)
        return rc;
    if (from > to) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "the date range is reversed: from %s is after to %s", f->from, f->to);
        return DT_EINVAL;
    }
    if (f->from)
        rc |= cond_sep(w) | buf_puts(w, "e.date >= ?") | store_bind_text(b, f->from, true);
    if (f->to)
        rc |= cond_sep(w) | buf_puts(w, "e.date <= ?") | store_bind_text(b, f->to, true);
    if (f->text && *f->text) {
        rc |= cond_sep(w);
        if (s->fts) {
            rc |= buf_puts(w, "e.id IN (SELECT e2.id FROM sentences_fts f JOIN sentences s2 ON s2.id = f.rowid"
                              " JOIN events e2 ON e2.doc = s2.doc AND e2.sentence = s2.idx"
                              " WHERE sentences_fts MATCH ?)");
            rc |= store_bind_text(b, f->text, false);
        } else {
            /* Without FTS5: the query as one substring (LIKE ignores ASCII case). */
            rc |= buf_puts(w, "EXISTS (SELECT 1 FROM sentences s2 WHERE s2.doc = e.doc AND s2.idx = e.sentence"
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
    if (f->limit < 0) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "the limit must not be negative");
        return DT_EINVAL;
    }
    return rc ? DT_ELIMIT : 0;
}

/* The ids of the chosen events, in order when ordered (for LIMIT). */
static int build_ids(const dt_event_filter *f, const buf *w, bool ordered, buf *sql)
{
    const char *dir = f->newest_first ? "DESC" : "ASC";
    int rc = buf_puts(sql, f->one_a_day ? "SELECT min(e.id) FROM events e" : "SELECT e.id FROM events e");
    if (w->len)
        rc |= buf_puts(sql, " WHERE ") | buf_append(sql, w->data, w->len);
    if (f->one_a_day)
        rc |= buf_puts(sql, " GROUP BY e.date, e.source, e.target, e.code");
    if (ordered)
        rc |= buf_printf(sql, f->one_a_day ? " ORDER BY e.date %s, min(e.id) %s" : " ORDER BY e.date %s, e.id %s",
                         dir, dir);
    if (f->limit > 0)
        rc |= buf_printf(sql, " LIMIT %lld", (long long)f->limit);
    return rc;
}

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
    if (text && (strstr(m, "fts5") || strstr(m, "no such column"))) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad full-text query (%s); see docs/store.md", m);
        return DT_EINVAL;
    }
    return store_db_error(s, err, "reading events");
}

int dt_store_query(dt_store *s, const dt_event_filter *f, dt_store_cursor **out, dt_error *err)
{
    *out = NULL;
    dt_event_filter none;
    if (!f) {
        memset(&none, 0, sizeof(none));
        f = &none;
    }
    buf w, sql, scratch;
    buf_init(&w, 1 << 16);
    buf_init(&sql, 1 << 17);
    buf_init(&scratch, 1 << 16);
    store_binds *b = malloc(sizeof(*b));
    int rc = b ? 0 : DT_ENOMEM;
    if (rc == 0) {
        b->n = 0;
        rc = build_where(s, f, &w, b, &scratch, err);
    }
    if (rc == 0) {
        const char *dir = f->newest_first ? "DESC" : "ASC";
        rc |= buf_puts(&sql,
                       "SELECT e.id, e.doc, e.sentence, coalesce(e.date, ''), e.source, e.target, e.code, e.root,"
                       " e.quad, e.goldstein, e.issues, e.source_text, e.target_text, coalesce(r.rule, ''),"
                       " coalesce(s.text, ''), d.source, d.record, d.url FROM events e"
                       " JOIN documents d ON d.id = e.doc"
                       " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence"
                       " LEFT JOIN rules r ON r.id = e.rule");
        if (f->limit > 0 || f->one_a_day) {
            /* Choose the ids first, on the indexes alone, then read those rows. */
            rc |= buf_puts(&sql, " WHERE e.id IN (");
            rc |= build_ids(f, &w, f->limit > 0, &sql);
            rc |= buf_putc(&sql, ')');
        } else if (w.len) {
            rc |= buf_puts(&sql, " WHERE ") | buf_append(&sql, w.data, w.len);
        }
        rc |= buf_printf(&sql, " ORDER BY e.date %s, e.id %s", dir, dir);
        if (rc)
            rc = DT_ENOMEM;
    }
    dt_store_cursor *c = NULL;
    if (rc == 0 && !(c = calloc(1, sizeof(*c))))
        rc = DT_ENOMEM;
    if (rc == 0)
        rc = prepare_filtered(s, sql.data, b, &c->st, err);
    buf_free(&w);
    buf_free(&sql);
    buf_free(&scratch);
    free(b);
    if (rc) {
        free(c);
        return rc;
    }
    c->s = s;
    c->text = f->text && *f->text;
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
    ev->date = col_text(st, 3);
    ev->ev.source = col_text(st, 4);
    ev->ev.target = col_text(st, 5);
    ev->ev.code = col_text(st, 6);
    snprintf(ev->ev.root, sizeof(ev->ev.root), "%s", col_text(st, 7));
    ev->ev.quad = sqlite3_column_int(st, 8);
    ev->ev.goldstein = sqlite3_column_double(st, 9);
    ev->ev.issues = col_text(st, 10);
    ev->ev.source_text = col_text(st, 11);
    ev->ev.target_text = col_text(st, 12);
    ev->ev.rule = col_text(st, 13);
    ev->ev.sentence_text = col_text(st, 14);
    ev->doc_source = col_text(st, 15);
    ev->record = col_text(st, 16);
    ev->url = col_text(st, 17);
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
    dt_event_filter none;
    if (!f) {
        memset(&none, 0, sizeof(none));
        f = &none;
    }
    buf w, sql, scratch;
    buf_init(&w, 1 << 16);
    buf_init(&sql, 1 << 17);
    buf_init(&scratch, 1 << 16);
    store_binds *b = malloc(sizeof(*b));
    int rc = b ? 0 : DT_ENOMEM;
    if (rc == 0) {
        b->n = 0;
        rc = build_where(s, f, &w, b, &scratch, err);
    }
    if (rc == 0) {
        rc = buf_puts(&sql, "SELECT count(*) FROM (") | build_ids(f, &w, f->limit > 0, &sql) | buf_putc(&sql, ')');
        if (rc)
            rc = DT_ENOMEM;
    }
    sqlite3_stmt *st = NULL;
    if (rc == 0)
        rc = prepare_filtered(s, sql.data, b, &st, err);
    buf_free(&w);
    buf_free(&sql);
    buf_free(&scratch);
    free(b);
    if (rc)
        return rc;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    else
        rc = step_error(s, f->text && *f->text, err);
    sqlite3_finalize(st);
    return rc;
}
