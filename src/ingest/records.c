/* records.c — the record formats read from a source's byte stream: JSON Lines (one
 * object per line, field names configurable) and plain text (one article per file, with a
 * first-line title and a news dateline recognised). */
#include "../util/json.h"
#include "reader.h"

static const char *or_default(const char *s, const char *d) { return s && *s ? s : d; }

static void note_unknown(dt_reader *r, const char *key, dt_diag_fn diag, void *user)
{
    for (size_t i = 0; i < r->nunknown; i++)
        if (strcmp(r->unknown[i], key) == 0)
            return;
    char *k = strdup(key);
    if (!k || vec_push((void **)&r->unknown, &r->nunknown, &r->capunknown, sizeof(char *), &k) < 0) {
        free(k);
        return;
    }
    diag_emit(diag, user, DT_OK, r->name, r->line, 0, -1, "unknown field \"%s\" ignored (reported once)", key);
}

static long column_of(const char *line, size_t n, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof(pat), "\"%s\"", key);
    size_t pl = strlen(pat);
    for (size_t i = 0; i + pl <= n; i++)
        if (memcmp(line + i, pat, pl) == 0)
            return (long)i + 1;
    return 0;
}

int rd_next_jsonl(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    const char *fid = or_default(r->o.field_id, "id"), *ftext = or_default(r->o.field_text, "text");
    const char *fdate = or_default(r->o.field_date, "date"), *ftitle = or_default(r->o.field_title, "title");
    const char *furl = or_default(r->o.field_url, "url"), *fdoc = or_default(r->o.field_doc, "doc");
    for (;;) {
        long long start;
        int rc = rd_read_line(r, &start, r->max_record, diag, user);
        if (rc == 0)
            return 0;
        if (rc == DT_ELIMIT) {
            r->st.skipped++;
            diag_emit(diag, user, DT_ELIMIT, r->name, r->line, 0, start,
                      "record longer than %zu bytes: skipped", r->max_record);
            continue;
        }
        dt_slice t = str_trim(r->rec.data ? r->rec.data : "", r->rec.len);
        if (!t.len)
            continue;
        r->st.records++;
        size_t bad;
        if (!utf8_valid(r->rec.data, r->rec.len, &bad)) {
            r->st.skipped++;
            diag_emit(diag, user, DT_EUTF8, r->name, r->line, (long)bad + 1, start + (long long)bad,
                      "invalid UTF-8: record skipped");
            continue;
        }
        if (memchr(r->rec.data, 0, r->rec.len)) {
            size_t z = (size_t)((char *)memchr(r->rec.data, 0, r->rec.len) - r->rec.data);
            r->st.skipped++;
            diag_emit(diag, user, DT_EPARSE, r->name, r->line, (long)z + 1, start + (long long)z,
                      "NUL byte in a JSON line: record skipped");
            continue;
        }
        arena_reset(&r->mem);
        json_value *v;
        size_t off = 0;
        const char *msg = NULL;
        if (json_parse(&r->mem, r->rec.data, r->rec.len, &v, &off, &msg)) {
            r->st.skipped++;
            diag_emit(diag, user, DT_EPARSE, r->name, r->line, (long)off + 1, start + (long long)off,
                      "malformed JSON (%s): record skipped", msg);
            continue;
        }
        if (v->type != JSON_OBJECT) {
            r->st.skipped++;
            diag_emit(diag, user, DT_EPARSE, r->name, r->line, 1, start,
                      "expected a JSON object: record skipped");
            continue;
        }
        rd_doc_init(r, doc, "jsonl", start);
        doc->line = r->line;
        doc->text = NULL;
        bool ok = true;
        for (size_t i = 0; i < v->u.obj.n && ok; i++) {
            const json_member *m = &v->u.obj.m[i];
            const json_value *val = m->val;
            if (strcmp(m->key, fid) == 0) {
                if (val->type == JSON_STRING)
                    doc->id = val->u.str.s;
                else if (val->type == JSON_NUMBER) {
                    snprintf(r->idbuf, sizeof(r->idbuf), "%.17g", val->u.num);
                    doc->id = r->idbuf;
                }
            } else if (strcmp(m->key, ftext) == 0) {
                if (val->type != JSON_STRING) {
                    ok = false;
                    r->st.skipped++;
                    diag_emit(diag, user, DT_EPARSE, r->name, r->line, column_of(r->rec.data, r->rec.len, ftext),
                              -1, "field \"%s\" is not a string: record skipped", ftext);
                    break;
                }
                doc->text = val->u.str.s;
                doc->text_len = val->u.str.len;
            } else if (strcmp(m->key, fdate) == 0) {
                int32_t day;
                if (val->type == JSON_NULL)
                    continue;
                if (val->type != JSON_STRING || dt_date_parse(val->u.str.s, val->u.str.len, &day)) {
                    ok = false;
                    r->st.skipped++;
                    diag_emit(diag, user, DT_EDATE, r->name, r->line,
                              column_of(r->rec.data, r->rec.len, fdate), -1,
                              "bad date %s%.40s%s (expected YYYY-MM-DD): record skipped",
                              val->type == JSON_STRING ? "\"" : "",
                              val->type == JSON_STRING ? val->u.str.s : "(not a string)",
                              val->type == JSON_STRING ? "\"" : "");
                    break;
                }
                doc->date = val->u.str.s;
                doc->date_source = "field";
            } else if (strcmp(m->key, ftitle) == 0) {
                if (val->type == JSON_STRING)
                    doc->title = val->u.str.s;
            } else if (strcmp(m->key, furl) == 0) {
                if (val->type == JSON_STRING)
                    doc->url = val->u.str.s;
            } else if (strcmp(m->key, fdoc) == 0) {
                if (val->type == JSON_STRING)
                    doc->group = val->u.str.s;
                else if (val->type == JSON_NUMBER) {
                    char *g = arena_alloc(&r->mem, 32);
                    if (g) {
                        snprintf(g, 32, "%.17g", val->u.num);
                        doc->group = g;
                    }
                }
            } else if (strcmp(m->key, "events") != 0 && strcmp(m->key, "source") != 0) {
                note_unknown(r, m->key, diag, user);
            }
        }
        if (!ok)
            continue;
        if (!doc->text) {
            r->st.skipped++;
            diag_emit(diag, user, DT_EPARSE, r->name, r->line, 1, start,
                      "no \"%s\" field: record skipped", ftext);
            continue;
        }
        return 1;
    }
}


/* A first line that is a headline: short, no sentence punctuation at its end, followed by
 * more text. */
static size_t title_line(const char *s, size_t n, size_t *next)
{
    size_t i = 0;
    while (i < n && is_space((unsigned char)s[i]))
        i++;
    size_t start = i;
    const char *nl = memchr(s + i, '\n', n - i);
    if (!nl)
        return 0;
    size_t end = (size_t)(nl - s);
    dt_slice t = str_trim(s + start, end - start);
    if (t.len == 0 || t.len > 200)
        return 0;
    char last = t.ptr[t.len - 1];
    if (last == '.' || last == ',' || last == ';')
        return 0;
    size_t words = 1;
    for (size_t k = 0; k < t.len; k++)
        words += t.ptr[k] == ' ';
    if (words > 25)
        return 0;
    size_t j = end + 1;
    while (j < n && is_space((unsigned char)s[j]))
        j++;
    if (j >= n)
        return 0;
    *next = j;
    return end;
}

int rd_text_doc(dt_reader *r, dt_doc *doc, const char *data, size_t n, dt_diag_fn diag, void *user)
{
    buf_clear(&r->work);
    size_t bad = 0;
    char used[64];
    if (charset_to_utf8(data, n, NULL, &r->work, &bad, used)) {
        r->st.skipped++;
        diag_emit(diag, user, DT_ELIMIT, r->name, 0, 0, 0, "document too large to convert: skipped");
        return 0;
    }
    if (bad)
        diag_emit(diag, user, DT_OK, r->name, 0, 0, 0, "%zu bytes that are not %s replaced; the document is kept",
                  bad, used);
    rd_doc_init(r, doc, "text", 0);
    const char *s = r->work.data ? r->work.data : "";
    size_t len = r->work.len;
    size_t next = 0, tl = title_line(s, len, &next);
    if (tl) {
        dt_slice t = str_trim(s, tl);
        snprintf(r->titlebuf, sizeof(r->titlebuf), "%.*s", (int)t.len, t.ptr);
        doc->title = r->titlebuf;
        s += next;
        len -= next;
    }
    int32_t day;
    size_t end;
    if (date_from_dateline(s, len, &day, &end)) {
        dt_date_format(day, r->datebuf, sizeof(r->datebuf));
        doc->date = r->datebuf;
        doc->date_source = "dateline";
    }
    doc->text = s;
    doc->text_len = len;
    return 1;
}
