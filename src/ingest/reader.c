/* reader.c — document sources for coding: JSON Lines records and plain-text files, read
 * in large blocks with a cap on record size; bad records are reported and skipped. */
#include "../util/json.h"
#include "../util/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

enum rformat { RF_SNIFF, RF_JSONL, RF_TEXT };

struct dt_reader {
    FILE *f;
    bool own;
    char *path;
    enum rformat fmt;
    dt_reader_opts o;
    size_t max_record;
    /* block buffer */
    char *blk;
    size_t blen, bpos, bcap;
    bool eof;
    long long consumed;      /* bytes before blk[0] */
    long line;
    /* the current record */
    buf rec;
    arena mem;
    size_t records, skipped;
    bool text_done;
    char idbuf[32];
    /* unknown field names already reported */
    char **unknown;
    size_t nunknown, capunknown;
};

static const char *or_default(const char *s, const char *d) { return s && *s ? s : d; }

static int reader_setup(dt_reader *r, const char *path, dt_error *err);

int dt_reader_open_mem(dt_reader **out, const char *name, const void *data, size_t len,
                       const dt_reader_opts *opts, dt_error *err)
{
    *out = NULL;
    dt_reader *r = calloc(1, sizeof(*r));
    if (!r)
        return DT_ENOMEM;
    if (opts)
        r->o = *opts;
    r->path = strdup(name ? name : "(memory)");
    /* fmemopen refuses a zero-length buffer: read an empty string instead. */
    r->f = len ? fmemopen((void *)(uintptr_t)data, len, "rb") : fmemopen((void *)(uintptr_t)"", 1, "rb");
    r->own = true;
    if (!r->path || !r->f) {
        dt_reader_close(r);
        return DT_ENOMEM;
    }
    if (!len)
        r->eof = true;
    int rc = reader_setup(r, r->path, err);
    if (rc)
        return rc;
    *out = r;
    return 0;
}

int dt_reader_open(dt_reader **out, const char *path, const dt_reader_opts *opts, dt_error *err)
{
    *out = NULL;
    dt_reader *r = calloc(1, sizeof(*r));
    if (!r)
        return DT_ENOMEM;
    if (opts)
        r->o = *opts;
    r->max_record = r->o.max_record ? r->o.max_record : (64u << 20);
    r->path = strdup(path);
    if (!r->path) {
        free(r);
        return DT_ENOMEM;
    }
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
    } else {
        r->f = fopen(path, "rb");
        r->own = true;
        if (!r->f) {
            int e = errno;
            err_set(err, e == ENOENT ? DT_ENOTFOUND : DT_EIO, path, 0, 0, "cannot open: %s", strerror(e));
            free(r->path);
            free(r);
            return e == ENOENT ? DT_ENOTFOUND : DT_EIO;
        }
    }
    int rc = reader_setup(r, path, err);
    if (rc)
        return rc;
    *out = r;
    return 0;
}

/* Format choice and buffers; frees the reader on failure. */
static int reader_setup(dt_reader *r, const char *path, dt_error *err)
{
    r->max_record = r->o.max_record ? r->o.max_record : (64u << 20);
    const char *fmt = r->o.format;
    if (!fmt || !*fmt)
        r->fmt = RF_SNIFF;
    else if (strcmp(fmt, "jsonl") == 0 || strcmp(fmt, "json") == 0)
        r->fmt = RF_JSONL;
    else if (strcmp(fmt, "text") == 0 || strcmp(fmt, "txt") == 0)
        r->fmt = RF_TEXT;
    else {
        err_set(err, DT_EFORMAT, path, 0, 0, "unknown input format \"%s\" (expected jsonl or text)", fmt);
        dt_reader_close(r);
        return DT_EFORMAT;
    }
    r->bcap = 1 << 20;
    r->blk = malloc(r->bcap);
    buf_init(&r->rec, r->max_record);
    arena_init(&r->mem, 16 * 1024);
    if (!r->blk) {
        dt_reader_close(r);
        return DT_ENOMEM;
    }
    return 0;
}

void dt_reader_close(dt_reader *r)
{
    if (!r)
        return;
    if (r->own && r->f)
        fclose(r->f);
    free(r->blk);
    buf_free(&r->rec);
    arena_free(&r->mem);
    for (size_t i = 0; i < r->nunknown; i++)
        free(r->unknown[i]);
    free(r->unknown);
    free(r->path);
    free(r);
}

void dt_reader_counts(const dt_reader *r, size_t *records, size_t *skipped)
{
    if (records)
        *records = r->records;
    if (skipped)
        *skipped = r->skipped;
}

static bool fill(dt_reader *r)
{
    if (r->eof)
        return false;
    if (r->bpos > 0) {
        memmove(r->blk, r->blk + r->bpos, r->blen - r->bpos);
        r->consumed += (long long)r->bpos;
        r->blen -= r->bpos;
        r->bpos = 0;
    }
    if (r->blen == r->bcap)
        return true;
    size_t n = fread(r->blk + r->blen, 1, r->bcap - r->blen, r->f);
    if (n == 0) {
        r->eof = true;
        return false;
    }
    r->blen += n;
    return true;
}

/* Read one line into r->rec. Returns 1, 0 at the end, or DT_ELIMIT for a line over the
 * cap (the line is consumed). *start receives the byte offset of the line. */
static int read_line(dt_reader *r, long long *start)
{
    buf_clear(&r->rec);
    bool over = false, any = false;
    *start = r->consumed + (long long)r->bpos;
    for (;;) {
        if (r->bpos >= r->blen && !fill(r)) {
            if (!any)
                return 0;
            break;
        }
        any = true;
        char *p = r->blk + r->bpos;
        size_t avail = r->blen - r->bpos;
        char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        if (!over && buf_append(&r->rec, p, take))
            over = true;
        r->bpos += take;
        if (nl) {
            r->bpos++;
            break;
        }
    }
    r->line++;
    if (over)
        return DT_ELIMIT;
    if (r->rec.len && r->rec.data[r->rec.len - 1] == '\r')
        r->rec.data[--r->rec.len] = 0;
    return 1;
}

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
    diag_emit(diag, user, DT_OK, r->path, r->line, 0, -1, "unknown field \"%s\" ignored (reported once)", key);
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

static int next_jsonl(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    const char *fid = or_default(r->o.field_id, "id"), *ftext = or_default(r->o.field_text, "text");
    const char *fdate = or_default(r->o.field_date, "date"), *ftitle = or_default(r->o.field_title, "title");
    const char *furl = or_default(r->o.field_url, "url"), *fdoc = or_default(r->o.field_doc, "doc");
    for (;;) {
        long long start;
        int rc = read_line(r, &start);
        if (rc == 0)
            return 0;
        if (rc == DT_ELIMIT) {
            r->skipped++;
            diag_emit(diag, user, DT_ELIMIT, r->path, r->line, 0, start,
                      "record longer than %zu bytes: skipped", r->max_record);
            continue;
        }
        dt_slice t = str_trim(r->rec.data ? r->rec.data : "", r->rec.len);
        if (!t.len)
            continue;
        r->records++;
        size_t bad;
        if (!utf8_valid(r->rec.data, r->rec.len, &bad)) {
            r->skipped++;
            diag_emit(diag, user, DT_EUTF8, r->path, r->line, (long)bad + 1, start + (long long)bad,
                      "invalid UTF-8: record skipped");
            continue;
        }
        if (memchr(r->rec.data, 0, r->rec.len)) {
            size_t z = (size_t)((char *)memchr(r->rec.data, 0, r->rec.len) - r->rec.data);
            r->skipped++;
            diag_emit(diag, user, DT_EPARSE, r->path, r->line, (long)z + 1, start + (long long)z,
                      "NUL byte in a JSON line: record skipped");
            continue;
        }
        arena_reset(&r->mem);
        json_value *v;
        size_t off = 0;
        const char *msg = NULL;
        if (json_parse(&r->mem, r->rec.data, r->rec.len, &v, &off, &msg)) {
            r->skipped++;
            diag_emit(diag, user, DT_EPARSE, r->path, r->line, (long)off + 1, start + (long long)off,
                      "malformed JSON (%s): record skipped", msg);
            continue;
        }
        if (v->type != JSON_OBJECT) {
            r->skipped++;
            diag_emit(diag, user, DT_EPARSE, r->path, r->line, 1, start,
                      "expected a JSON object: record skipped");
            continue;
        }
        memset(doc, 0, sizeof(*doc));
        doc->source = r->path;
        doc->offset = start;
        doc->line = r->line;
        doc->format = "jsonl";
        doc->id = "";
        doc->url = "";
        doc->title = "";
        doc->date = "";
        doc->date_source = "";
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
                    r->skipped++;
                    diag_emit(diag, user, DT_EPARSE, r->path, r->line, column_of(r->rec.data, r->rec.len, ftext),
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
                    r->skipped++;
                    diag_emit(diag, user, DT_EDATE, r->path, r->line,
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
            r->skipped++;
            diag_emit(diag, user, DT_EPARSE, r->path, r->line, 1, start,
                      "no \"%s\" field: record skipped", ftext);
            continue;
        }
        return 1;
    }
}

static int next_text(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    if (r->text_done)
        return 0;
    r->text_done = true;
    buf_clear(&r->rec);
    bool over = false;
    for (;;) {
        if (r->bpos >= r->blen && !fill(r))
            break;
        if (!over && buf_append(&r->rec, r->blk + r->bpos, r->blen - r->bpos))
            over = true;
        r->bpos = r->blen;
    }
    if (over) {
        r->skipped++;
        diag_emit(diag, user, DT_ELIMIT, r->path, 0, 0, 0, "document larger than %zu bytes: skipped",
                  r->max_record);
        return 0;
    }
    r->records++;
    size_t bad;
    if (r->rec.len && !utf8_valid(r->rec.data, r->rec.len, &bad))
        diag_emit(diag, user, DT_OK, r->path, 0, 0, (long long)bad,
                  "invalid UTF-8 (replaced; the document is coded)");
    memset(doc, 0, sizeof(*doc));
    doc->source = r->path;
    doc->format = "text";
    doc->id = r->path;
    doc->url = "";
    doc->title = "";
    doc->date = "";
    doc->date_source = "";
    doc->text = r->rec.data ? r->rec.data : "";
    doc->text_len = r->rec.len;
    return 1;
}

int dt_reader_next(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    if (r->fmt == RF_SNIFF) {
        fill(r);
        size_t i = 0;
        if (r->blen >= 3 && (unsigned char)r->blk[0] == 0xEF && (unsigned char)r->blk[1] == 0xBB &&
            (unsigned char)r->blk[2] == 0xBF)
            r->bpos = i = 3;
        while (i < r->blen && is_space((unsigned char)r->blk[i]))
            i++;
        r->fmt = i < r->blen && r->blk[i] == '{' ? RF_JSONL : RF_TEXT;
    }
    if (ferror(r->f)) {
        diag_emit(diag, user, DT_EIO, r->path, 0, 0, r->consumed, "read error");
        return DT_EIO;
    }
    return r->fmt == RF_JSONL ? next_jsonl(r, doc, diag, user) : next_text(r, doc, diag, user);
}
