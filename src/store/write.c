/* write.c — writing to the store: documents with their sentences and events, re-coded
 * events, batch transactions with one savepoint per document, the rule table and the
 * dyad summary kept in step with the events. */
#include "store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ---------------------------------------------------------------- small helpers */

static int step_done(dt_store *s, sqlite3_stmt *st, dt_error *err, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_db_error(s, err, what);
    return 0;
}

static int run(dt_store *s, int id, dt_error *err, const char *what)
{
    sqlite3_stmt *st = store_stmt(s, id, err);
    return st ? step_done(s, st, err, what) : DT_EDB;
}

static const char *nz(const char *p) { return p ? p : ""; }

/* The time now, UTC, as stored in documents.added and .coded. */
static void utc_now(char *out, size_t cap)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(out, cap, "%s", "");
}

static int bind_text(sqlite3_stmt *st, int i, const char *p)
{
    return sqlite3_bind_text(st, i, nz(p), -1, SQLITE_STATIC);
}

int32_t store_day_of(const unsigned char *date)
{
    int32_t day;
    if (!date || dt_date_parse((const char *)date, strlen((const char *)date), &day))
        return DATE_NONE;
    return day;
}

/* ---------------------------------------------------------------- rule and actor ids */

static uint64_t name_hash(const char *t) { return hash_bytes(t, strlen(t)); }

static void names_clear(store_names *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->v[i].text);
    if (m->v)
        memset(m->v, 0, m->cap * sizeof(*m->v));
    m->n = 0;
}

void store_forget_caches(dt_store *s)
{
    names_clear(&s->rules);
    names_clear(&s->actors);
    if (s->dyad)
        memset(s->dyad, 0, s->capdyad * sizeof(*s->dyad));
    s->ndyad = 0;
}

static int names_grow(store_names *m)
{
    size_t nc = m->cap ? m->cap * 2 : 1024;
    store_name *n = calloc(nc, sizeof(*n));
    if (!n)
        return DT_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->v[i].text)
            continue;
        size_t j = name_hash(m->v[i].text) & (nc - 1);
        while (n[j].text)
            j = (j + 1) & (nc - 1);
        n[j] = m->v[i];
    }
    free(m->v);
    m->v = n;
    m->cap = nc;
    return 0;
}

/* The id of a text in a lookup table (rules, actors), added to it when new. */
static int name_id(dt_store *s, store_names *m, const char *text, int64_t *id, dt_error *err)
{
    if ((m->n + 1) * 2 > m->cap && names_grow(m))
        return DT_ENOMEM;
    size_t j = name_hash(text) & (m->cap - 1);
    while (m->v[j].text) {
        if (strcmp(m->v[j].text, text) == 0) {
            *id = m->v[j].id;
            return 0;
        }
        j = (j + 1) & (m->cap - 1);
    }
    sqlite3_stmt *st = store_stmt(s, m->get, err);
    if (!st)
        return DT_EDB;
    bind_text(st, 1, text);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
    } else {
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return store_db_error(s, err, "reading a lookup table");
        st = store_stmt(s, m->ins, err);
        if (!st)
            return DT_EDB;
        bind_text(st, 1, text);
        if (step_done(s, st, err, "adding to a lookup table"))
            return DT_EDB;
        *id = sqlite3_last_insert_rowid(s->db);
    }
    char *copy = strdup(text);
    if (!copy)
        return DT_ENOMEM;
    m->v[j].text = copy;
    m->v[j].id = *id;
    m->n++;
    return 0;
}

/* ---------------------------------------------------------------- dyad summary */

static uint64_t dyad_hash(const store_dyad_key *k)
{
    uint64_t h = hash_bytes(k->source, strlen(k->source));
    h ^= hash_bytes(k->target, strlen(k->target)) * 31;
    return hash_u64(h ^ (uint64_t)(uint32_t)k->day);
}

static int dyads_grow(dt_store *s)
{
    size_t nc = s->capdyad ? s->capdyad * 2 : 4096;
    store_dyad_delta *n = calloc(nc, sizeof(*n));
    if (!n)
        return DT_ENOMEM;
    for (size_t i = 0; i < s->capdyad; i++) {
        if (!s->dyad[i].used)
            continue;
        size_t j = dyad_hash(&s->dyad[i].k) & (nc - 1);
        while (n[j].used)
            j = (j + 1) & (nc - 1);
        n[j] = s->dyad[i];
    }
    free(s->dyad);
    s->dyad = n;
    s->capdyad = nc;
    return 0;
}

/* The event's contribution to the summary, with sign +1 (added) or -1 (taken away). */
typedef struct dyad_change {
    store_dyad_key k;
    int quad;
    int64_t g10;
    int sign;
} dyad_change;

static int dyads_add(dt_store *s, const dyad_change *c)
{
    if ((s->ndyad + 1) * 2 > s->capdyad && dyads_grow(s))
        return DT_ENOMEM;
    size_t j = dyad_hash(&c->k) & (s->capdyad - 1);
    while (s->dyad[j].used && (s->dyad[j].k.day != c->k.day || strcmp(s->dyad[j].k.source, c->k.source) != 0 ||
                               strcmp(s->dyad[j].k.target, c->k.target) != 0))
        j = (j + 1) & (s->capdyad - 1);
    store_dyad_delta *d = &s->dyad[j];
    if (!d->used) {
        memset(d, 0, sizeof(*d));
        d->k = c->k;
        d->used = true;
        s->ndyad++;
    }
    int q = c->quad >= 1 && c->quad <= 4 ? c->quad : 0;
    d->n[q] += c->sign;
    if (c->g10 > 0)
        d->coop10 += c->sign * c->g10;
    else
        d->conflict10 += c->sign * -c->g10;
    if (c->sign < 0)
        d->shrinks = true;
    return 0;
}

int store_flush_dyads(dt_store *s, dt_error *err)
{
    for (size_t i = 0; i < s->capdyad; i++) {
        store_dyad_delta *d = &s->dyad[i];
        if (!d->used)
            continue;
        sqlite3_stmt *st = store_stmt(s, ST_UPSERT_DYAD, err);
        if (!st)
            return DT_EDB;
        sqlite3_bind_int(st, 1, d->k.day);
        bind_text(st, 2, d->k.source);
        bind_text(st, 3, d->k.target);
        for (int q = 0; q < 5; q++)
            sqlite3_bind_int64(st, 4 + q, d->n[q]);
        sqlite3_bind_int64(st, 9, d->coop10);
        sqlite3_bind_int64(st, 10, d->conflict10);
        if (step_done(s, st, err, "updating the dyad summary"))
            return DT_EDB;
        if (d->shrinks) {
            st = store_stmt(s, ST_DROP_EMPTY_DYAD, err);
            if (!st)
                return DT_EDB;
            sqlite3_bind_int(st, 1, d->k.day);
            bind_text(st, 2, d->k.source);
            bind_text(st, 3, d->k.target);
            if (step_done(s, st, err, "updating the dyad summary"))
                return DT_EDB;
        }
    }
    if (s->dyad)
        memset(s->dyad, 0, s->capdyad * sizeof(*s->dyad));
    s->ndyad = 0;
    return 0;
}

/* ---------------------------------------------------------------- transactions */

static int ensure_tx(dt_store *s, dt_error *err)
{
    if (s->readonly) {
        err_set(err, DT_EINVAL, s->path, 0, 0, "the store was opened read-only");
        return DT_EINVAL;
    }
    if (s->in_tx)
        return 0;
    if (run(s, ST_BEGIN, err, "starting a transaction"))
        return DT_EDB;
    s->in_tx = true;
    s->in_batch = 0;
    return 0;
}

int dt_store_commit(dt_store *s, dt_error *err)
{
    if (!s->in_tx)
        return 0;
    int rc = store_flush_dyads(s, err);
    if (rc == 0)
        rc = run(s, ST_COMMIT, err, "committing");
    if (rc) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        store_forget_caches(s);
    }
    s->in_tx = false;
    s->in_batch = 0;
    return rc;
}

/* Per-document changes to the summary, merged into the batch only once the document's
 * rows are all written (so a rolled-back document leaves no trace). */
typedef struct doc_changes {
    dyad_change *c;
    size_t n, cap;
} doc_changes;

static int note_change(doc_changes *dc, const char *src, const char *tgt, int32_t day, int quad, int64_t g10,
                       int sign)
{
    if (day == DATE_NONE)
        return 0;
    dyad_change c;
    memset(&c, 0, sizeof(c));
    store_entity(src, c.k.source);
    store_entity(tgt, c.k.target);
    c.k.day = day;
    c.quad = quad;
    c.g10 = g10;
    c.sign = sign;
    return vec_push((void **)&dc->c, &dc->n, &dc->cap, sizeof(c), &c) < 0 ? DT_ENOMEM : 0;
}

/* A write failed half-way through a document: roll back the whole batch, so that no
 * document is left half-written (input is checked before anything is written, so only
 * database errors, such as a full disk, get here). */
int store_abort_batch(dt_store *s, int rc, dt_error *err)
{
    size_t lost = s->in_batch;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = false;
    s->in_batch = 0;
    store_forget_caches(s);
    if (err) {
        size_t n = strlen(err->msg);
        snprintf(err->msg + n, sizeof(err->msg) - n,
                 " (the batch was rolled back: this document and the %zu before it since the last commit are "
                 "not stored)",
                 lost);
    }
    return rc;
}

/* The document's rows are written: count it into the batch, commit when full. */
static int finish_doc(dt_store *s, doc_changes *dc, dt_error *err)
{
    int rc = 0;
    for (size_t i = 0; i < dc->n && rc == 0; i++)
        rc = dyads_add(s, &dc->c[i]);
    free(dc->c);
    dc->c = NULL;
    if (rc) {
        err_set(err, rc, s->path, 0, 0, "out of memory");
        return store_abort_batch(s, rc, err);
    }
    if (++s->in_batch >= s->batch)
        rc = dt_store_commit(s, err);
    return rc;
}

/* ---------------------------------------------------------------- documents */

static int find_doc(dt_store *s, const dt_store_doc *doc, const char *record, int64_t *id, dt_error *err)
{
    static const int order[] = {ST_FIND_KEY, ST_FIND_COPY};
    for (int k = 0; k < 2; k++) {
        sqlite3_stmt *st = store_stmt(s, order[k], err);
        if (!st)
            return DT_EDB;
        bind_text(st, 1, doc->source);
        bind_text(st, 2, record);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *id = sqlite3_column_int64(st, 0);
            sqlite3_reset(st);
            return DT_STORE_KNOWN;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return store_db_error(s, err, "looking up a document");
    }
    sqlite3_stmt *st = store_stmt(s, ST_FIND_HASH, err);
    if (!st)
        return DT_EDB;
    sqlite3_bind_int64(st, 1, (int64_t)doc->text_hash);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return DT_STORE_COPY;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_db_error(s, err, "looking up a document");
    return DT_STORE_NEW;
}

static int check_doc(dt_store *s, const dt_store_doc *doc, dt_error *err)
{
    int32_t day;
    if (!doc || !doc->source || !*doc->source) {
        err_set(err, DT_EINVAL, s->path, 0, 0, "a document needs a source");
        return DT_EINVAL;
    }
    if (doc->date && *doc->date && dt_date_parse(doc->date, strlen(doc->date), &day)) {
        err_set(err, DT_EDATE, doc->source, 0, 0, "bad date \"%.20s\" (expected YYYY-MM-DD)", doc->date);
        return DT_EDATE;
    }
    return 0;
}

int dt_store_find_doc(dt_store *s, const dt_store_doc *doc, int64_t *doc_id, dt_error *err)
{
    int rc = check_doc(s, doc, err);
    if (rc)
        return rc;
    int64_t id = 0;
    rc = find_doc(s, doc, nz(doc->record), &id, err);
    if (doc_id)
        *doc_id = rc > 0 ? id : 0;
    return rc;
}

static int check_events(dt_store *s, const dt_event *ev, size_t n, size_t nsent, dt_error *err)
{
    if (nsent >= (size_t)STORE_ID_MAX || n >= (size_t)STORE_ID_MAX) {
        err_set(err, DT_ELIMIT, s->path, 0, 0, "a document may have at most %lld sentences and events",
                (long long)STORE_ID_MAX - 1);
        return DT_ELIMIT;
    }
    for (size_t i = 0; i < n; i++) {
        if (!ev[i].source || !ev[i].target || !ev[i].code || !*ev[i].source || !*ev[i].code ||
            ev[i].sentence < 0 || (size_t)ev[i].sentence >= nsent) {
            err_set(err, DT_EINVAL, s->path, 0, 0,
                    "event %zu: needs a source and a code (the target may be empty: a one-sided act), and a "
                    "sentence index below %zu",
                    i, nsent);
            return DT_EINVAL;
        }
    }
    return 0;
}

int32_t store_month_of(int32_t day)
{
    if (day == DATE_NONE)
        return 0;
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    return y * 12 + m - 1;
}

static int insert_events(dt_store *s, int64_t doc, const char *date, const dt_event *ev, size_t n,
                         doc_changes *dc, dt_error *err)
{
    int32_t day = store_day_of((const unsigned char *)date);
    int32_t month = store_month_of(day);
    for (size_t i = 0; i < n; i++) {
        const dt_event *e = &ev[i];
        int64_t rule = 0, src, tgt;
        int rc = 0;
        if (e->rule && *e->rule)
            rc = name_id(s, &s->rules, e->rule, &rule, err);
        if (rc == 0)
            rc = name_id(s, &s->actors, e->source, &src, err);
        if (rc == 0)
            rc = name_id(s, &s->actors, e->target, &tgt, err);
        if (rc)
            return rc;
        sqlite3_stmt *st = store_stmt(s, ST_INS_EVENT, err);
        if (!st)
            return DT_EDB;
        int64_t g10 = (int64_t)llround(e->goldstein * 10.0);
        sqlite3_bind_int64(st, 1, store_sub_id(doc, (int64_t)i));
        sqlite3_bind_int64(st, 2, doc);
        sqlite3_bind_int(st, 3, e->sentence);
        if (day != DATE_NONE)
            sqlite3_bind_int(st, 4, day);
        sqlite3_bind_int(st, 5, month);
        sqlite3_bind_int64(st, 6, src);
        sqlite3_bind_int64(st, 7, tgt);
        bind_text(st, 8, e->code);
        sqlite3_bind_int(st, 9, e->quad);
        sqlite3_bind_int64(st, 10, g10);
        bind_text(st, 11, e->issues);
        bind_text(st, 12, e->source_text);
        bind_text(st, 13, e->target_text);
        if (rule)
            sqlite3_bind_int64(st, 14, rule);
        if (step_done(s, st, err, "storing an event"))
            return DT_EDB;
        if (note_change(dc, e->source, e->target, day, e->quad, g10, +1))
            return DT_ENOMEM;
    }
    return 0;
}

/* Add (ST_INS_FTS) or remove (ST_DEL_FTS) a sentence in the full-text index. */
static int fts_sentence(dt_store *s, int which, int64_t id, const char *text, size_t len, dt_error *err)
{
    if (!s->fts)
        return 0;
    sqlite3_stmt *st = store_stmt(s, which, err);
    if (!st)
        return DT_EDB;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, text, (int)len, SQLITE_STATIC);
    return step_done(s, st, err, "updating the full-text index");
}

/* Which sentences carry events: marks[k] = 1. */
static unsigned char *event_sentences(const dt_event *ev, size_t n, size_t nsent)
{
    unsigned char *m = calloc(nsent ? nsent : 1, 1);
    if (m)
        for (size_t i = 0; i < n; i++)
            m[ev[i].sentence] = 1;
    return m;
}

int dt_store_add_doc(dt_store *s, const dt_store_doc *doc, const dt_slice *sentences, size_t nsentences,
                     const dt_event *events, size_t nevents, int64_t *doc_id, dt_error *err)
{
    if (doc_id)
        *doc_id = 0;
    int rc = check_doc(s, doc, err);
    if (rc == 0)
        rc = check_events(s, events, nevents, nsentences, err);
    if (rc == 0)
        rc = ensure_tx(s, err);
    if (rc)
        return rc;
    const char *record = nz(doc->record);
    doc_changes dc = {0};
    int64_t id = 0;
    int found = find_doc(s, doc, record, &id, err);
    if (found < 0)
        return found;
    if (found == DT_STORE_COPY) {
        /* Remember where else the text was seen, so that source is known next time. */
        sqlite3_stmt *st = store_stmt(s, ST_INS_COPY, err);
        rc = DT_EDB;
        if (st) {
            bind_text(st, 1, doc->source);
            bind_text(st, 2, record);
            sqlite3_bind_int64(st, 3, id);
            rc = step_done(s, st, err, "storing a copy");
        }
        /* One statement: when it fails, SQLite has undone it already. */
        if (rc)
            return rc;
        if (++s->in_batch >= s->batch && (rc = dt_store_commit(s, err)) != 0)
            return rc;
    } else if (found == DT_STORE_NEW) {
        sqlite3_stmt *st = store_stmt(s, ST_INS_DOC, err);
        rc = DT_EDB;
        if (st) {
            bind_text(st, 1, doc->source);
            bind_text(st, 2, record);
            bind_text(st, 3, doc->url);
            bind_text(st, 4, doc->title);
            if (doc->date && *doc->date)
                bind_text(st, 5, doc->date);
            bind_text(st, 6, doc->date_source);
            bind_text(st, 7, doc->format);
            sqlite3_bind_int64(st, 8, (int64_t)doc->text_hash);
            char now[32];
            utc_now(now, sizeof(now));
            sqlite3_bind_int64(st, 9, (int64_t)nsentences);
            sqlite3_bind_int64(st, 10, (int64_t)nevents);
            sqlite3_bind_text(st, 11, now, -1, SQLITE_TRANSIENT);
            rc = step_done(s, st, err, "storing a document");
        }
        if (rc == 0)
            id = sqlite3_last_insert_rowid(s->db);
        unsigned char *marks = rc == 0 ? event_sentences(events, nevents, nsentences) : NULL;
        if (rc == 0 && !marks)
            rc = DT_ENOMEM;
        for (size_t i = 0; i < nsentences && rc == 0; i++) {
            const char *text = sentences[i].ptr ? sentences[i].ptr : "";
            st = store_stmt(s, ST_INS_SENT, err);
            if (!st) {
                rc = DT_EDB;
                break;
            }
            sqlite3_bind_int64(st, 1, store_sub_id(id, (int64_t)i));
            sqlite3_bind_int64(st, 2, id);
            sqlite3_bind_int64(st, 3, (int64_t)i);
            sqlite3_bind_text(st, 4, text, (int)sentences[i].len, SQLITE_STATIC);
            rc = step_done(s, st, err, "storing a sentence");
            if (rc == 0 && marks[i])
                rc = fts_sentence(s, ST_INS_FTS, store_sub_id(id, (int64_t)i), text, sentences[i].len, err);
        }
        free(marks);
        if (rc == 0)
            rc = insert_events(s, id, doc->date, events, nevents, &dc, err);
    }
    if (found == DT_STORE_NEW) {
        if (rc) {
            free(dc.c);
            return store_abort_batch(s, rc, err);
        }
        if ((rc = finish_doc(s, &dc, err)) != 0)
            return rc;
    }
    if (doc_id)
        *doc_id = id;
    return found;
}

/* Keep the full-text index to the sentences that carry events after re-coding. */
static int refresh_fts(dt_store *s, int64_t doc, const unsigned char *before, const unsigned char *after,
                       size_t nsent, dt_error *err)
{
    for (size_t k = 0; k < nsent; k++) {
        if (before[k] == after[k])
            continue;
        sqlite3_stmt *st = store_stmt(s, ST_SENT_TEXT, err);
        if (!st)
            return DT_EDB;
        int64_t sid = store_sub_id(doc, (int64_t)k);
        sqlite3_bind_int64(st, 1, sid);
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_reset(st);
            return store_db_error(s, err, "reading a sentence");
        }
        /* The text stays valid until the statement is reset; the FTS statement is another one. */
        const char *text = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        int rc = fts_sentence(s, after[k] ? ST_INS_FTS : ST_DEL_FTS, sid, text ? text : "", len, err);
        sqlite3_reset(st);
        if (rc)
            return rc;
    }
    return 0;
}

int dt_store_replace_events(dt_store *s, int64_t doc_id, const dt_event *events, size_t nevents, dt_error *err)
{
    int rc = ensure_tx(s, err);
    if (rc)
        return rc;
    doc_changes dc = {0};
    char date[16] = "";
    int64_t nsent = 0;
    sqlite3_stmt *st = store_stmt(s, ST_DOC_META, err);
    rc = DT_EDB;
    if (st) {
        sqlite3_bind_int64(st, 1, doc_id);
        int r = sqlite3_step(st);
        if (r == SQLITE_ROW) {
            const unsigned char *d = sqlite3_column_text(st, 0);
            snprintf(date, sizeof(date), "%s", d ? (const char *)d : "");
            nsent = sqlite3_column_int64(st, 1);
            rc = 0;
        } else if (r == SQLITE_DONE) {
            err_set(err, DT_ENOTFOUND, s->path, 0, 0, "no document %lld", (long long)doc_id);
            rc = DT_ENOTFOUND;
        } else {
            rc = store_db_error(s, err, "reading a document");
        }
        sqlite3_reset(st);
    }
    if (rc == 0)
        rc = check_events(s, events, nevents, (size_t)nsent, err);
    int32_t day = store_day_of((const unsigned char *)date);
    unsigned char *before = NULL, *after = NULL;
    if (rc == 0) {
        before = calloc((size_t)nsent + 1, 1);
        after = event_sentences(events, nevents, (size_t)nsent);
        if (!before || !after)
            rc = DT_ENOMEM;
    }
    if (rc) {
        free(before);
        free(after);
        return rc;
    }
    /* From here on a failure leaves the document half-changed: the batch goes. */
    int64_t lo = store_sub_id(doc_id, 0), hi = store_sub_id(doc_id, STORE_ID_MAX - 1);
    if (rc == 0 && (st = store_stmt(s, ST_OLD_EVENTS, err)) != NULL) {
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
        int r;
        while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW) {
            rc = note_change(&dc, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
                             day, sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3), -1);
            int64_t k = sqlite3_column_int64(st, 4);
            if (k >= 0 && k < nsent)
                before[k] = 1;
        }
        if (rc == 0 && r != SQLITE_DONE)
            rc = store_db_error(s, err, "reading events");
        sqlite3_reset(st);
    } else if (rc == 0) {
        rc = DT_EDB;
    }
    if (rc == 0) {
        st = store_stmt(s, ST_DEL_EVENTS, err);
        rc = DT_EDB;
        if (st) {
            sqlite3_bind_int64(st, 1, lo);
            sqlite3_bind_int64(st, 2, hi);
            rc = step_done(s, st, err, "removing events");
        }
    }
    if (rc == 0)
        rc = insert_events(s, doc_id, date, events, nevents, &dc, err);
    if (rc == 0)
        rc = refresh_fts(s, doc_id, before, after, (size_t)nsent, err);
    if (rc == 0) {
        st = store_stmt(s, ST_SET_NEVENTS, err);
        rc = DT_EDB;
        if (st) {
            char now[32];
            utc_now(now, sizeof(now));
            sqlite3_bind_int64(st, 1, (int64_t)nevents);
            sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 3, doc_id);
            rc = step_done(s, st, err, "updating a document");
        }
    }
    free(before);
    free(after);
    if (rc) {
        free(dc.c);
        return store_abort_batch(s, rc, err);
    }
    return finish_doc(s, &dc, err);
}
