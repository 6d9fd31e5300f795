/* pattern.c — actor patterns ("PRKGOV", "PRK*", "PRK", "=PRK") and dyads ("USA-PRK",
 * "USA>PRK"): parsing, the entity of a code, and the SQL conditions they become. */
#include "store.h"

#include <stdio.h>

static bool intl_prefix(const char *code)
{
    return strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0;
}

void store_entity(const char *code, char *out)
{
    size_t keep = intl_prefix(code) ? 6 : 3;
    size_t n = strlen(code);
    if (n < keep)
        keep = n;
    memcpy(out, code, keep);
    out[keep] = 0;
}

bool store_pat_entity_level(const store_pat *p)
{
    if (!p->prefix)
        return false;
    size_t n = strlen(p->code);
    return n <= 3 || (intl_prefix(p->code) && n <= 6);
}

static const char pat_help[] =
    "expected an actor code such as PRKGOV (that code), PRK* (codes beginning with PRK), "
    "PRK (the whole country) or =PRK (the bare code)";

int store_pat_parse(const char *s, store_pat *p, dt_error *err)
{
    memset(p, 0, sizeof(*p));
    if (!s)
        s = "";
    const char *in = s;
    bool exact = false;
    if (*s == '=') {
        exact = true;
        s++;
    }
    size_t n = strlen(s);
    if (n && s[n - 1] == '*') {
        if (exact) {
            err_set(err, DT_EINVAL, NULL, 0, 0, "bad actor pattern \"%s\": = and * do not go together", in);
            return DT_EINVAL;
        }
        p->prefix = true;
        n--;
    }
    if (n == 0 || n >= sizeof(p->code)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad actor pattern \"%.40s\": %s", in, pat_help);
        return DT_EINVAL;
    }
    for (size_t i = 0; i < n; i++) {
        int c = to_upper((unsigned char)s[i]);
        if (!is_upper(c) && !is_digit(c)) {
            err_set(err, DT_EINVAL, NULL, 0, 0, "bad actor pattern \"%.40s\": %s", in, pat_help);
            return DT_EINVAL;
        }
        p->code[i] = (char)c;
    }
    p->code[n] = 0;
    /* A bare country or organisation names the whole entity. */
    if (!exact && !p->prefix && (n == 3 || (n == 6 && intl_prefix(p->code))))
        p->prefix = true;
    return 0;
}

int store_dyad_parse(const char *s, store_dyad *d, dt_error *err)
{
    memset(d, 0, sizeof(*d));
    if (!s)
        s = "";
    const char *sep = NULL;
    int nsep = 0;
    for (const char *q = s; *q; q++)
        if (*q == '-' || *q == '>') {
            sep = q;
            nsep++;
        }
    if (nsep != 1 || sep == s || !sep[1]) {
        err_set(err, DT_EINVAL, NULL, 0, 0,
                "bad dyad \"%.60s\": expected A-B (events between A and B, either direction) or "
                "A>B (A acting on B), e.g. USA-PRK or \"USA>PRK\"",
                s);
        return DT_EINVAL;
    }
    char left[64];
    size_t ln = (size_t)(sep - s);
    if (ln >= sizeof(left)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad dyad \"%.60s\": actor code too long", s);
        return DT_EINVAL;
    }
    memcpy(left, s, ln);
    left[ln] = 0;
    d->directed = *sep == '>';
    dt_error e2;
    if (store_pat_parse(left, &d->a, &e2) || store_pat_parse(sep + 1, &d->b, &e2)) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "bad dyad \"%.60s\": %s", s, e2.msg);
        return DT_EINVAL;
    }
    return 0;
}

int dt_actor_pattern_check(const char *pattern, dt_error *err)
{
    store_pat p;
    return store_pat_parse(pattern, &p, err);
}

int dt_dyad_check(const char *dyad, dt_error *err)
{
    store_dyad d;
    return store_dyad_parse(dyad, &d, err);
}

/* ---------------------------------------------------------------- binds */

int store_bind_text(store_binds *b, const char *s, bool copy)
{
    if (b->n >= (int)DT_ARRAY_LEN(b->v))
        return DT_ELIMIT;
    memset(&b->v[b->n], 0, sizeof(b->v[0]));
    if (copy) {
        if (strlen(s) >= sizeof(b->v[0].s))
            return DT_ELIMIT;
        snprintf(b->v[b->n].s, sizeof(b->v[0].s), "%s", s);
        b->v[b->n].p = NULL;
    } else {
        b->v[b->n].p = s;
    }
    b->n++;
    return 0;
}

int store_bind_int(store_binds *b, int64_t v)
{
    if (b->n >= (int)DT_ARRAY_LEN(b->v))
        return DT_ELIMIT;
    memset(&b->v[b->n], 0, sizeof(b->v[0]));
    b->v[b->n].is_int = true;
    b->v[b->n].i = v;
    b->n++;
    return 0;
}

int store_bind_all(sqlite3_stmt *st, const store_binds *b)
{
    for (int i = 0; i < b->n; i++) {
        int rc;
        if (b->v[i].is_int)
            rc = sqlite3_bind_int64(st, i + 1, b->v[i].i);
        else
            rc = sqlite3_bind_text(st, i + 1, b->v[i].p ? b->v[i].p : b->v[i].s, -1, SQLITE_TRANSIENT);
        if (rc != SQLITE_OK)
            return DT_EDB;
    }
    return 0;
}

/* ---------------------------------------------------------------- conditions */

int store_sql_pat(buf *sql, store_binds *b, const char *col, const store_pat *p)
{
    int rc = 0;
    if (!p->prefix) {
        rc |= buf_printf(sql, "%s = ?", col);
        rc |= store_bind_text(b, p->code, true);
        return rc ? DT_ELIMIT : 0;
    }
    /* Codes are upper-case letters and digits: the prefix range ends where its last
     * character is one higher. */
    char hi[sizeof(p->code)];
    memcpy(hi, p->code, sizeof(hi));
    size_t n = strlen(hi);
    hi[n - 1] = (char)(hi[n - 1] + 1);
    rc |= buf_printf(sql, "(%s >= ? AND %s < ?)", col, col);
    rc |= store_bind_text(b, p->code, true);
    rc |= store_bind_text(b, hi, true);
    return rc ? DT_ELIMIT : 0;
}

int store_sql_dyad(buf *sql, store_binds *b, const char *src, const char *tgt, const store_dyad *d)
{
    int rc = 0;
    rc |= buf_puts(sql, "((");
    rc |= store_sql_pat(sql, b, src, &d->a);
    rc |= buf_puts(sql, " AND ");
    rc |= store_sql_pat(sql, b, tgt, &d->b);
    rc |= buf_putc(sql, ')');
    if (!d->directed) {
        rc |= buf_puts(sql, " OR (");
        rc |= store_sql_pat(sql, b, src, &d->b);
        rc |= buf_puts(sql, " AND ");
        rc |= store_sql_pat(sql, b, tgt, &d->a);
        rc |= buf_putc(sql, ')');
    }
    rc |= buf_putc(sql, ')');
    return rc ? DT_ELIMIT : 0;
}
