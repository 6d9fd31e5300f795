/* reader.c — dt_reader: the sources of a run (files, directories, stdin, URLs, memory),
 * format sniffing, the whole-document formats (text, HTML, feeds, Reuters XML), and what
 * every document gets on the way out: a text hash, a language check, duplicate removal. */
#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

/* ---------------------------------------------------------------- duplicate set */

struct dt_seen {
    uint64_t *v;   /* open addressing; 0 marks an empty slot */
    size_t n, cap;
};

int dt_seen_new(dt_seen **out)
{
    *out = calloc(1, sizeof(dt_seen));
    return *out ? 0 : DT_ENOMEM;
}

void dt_seen_free(dt_seen *s)
{
    if (!s)
        return;
    free(s->v);
    free(s);
}

/* Insert h; returns 1 when it was already there, 0 when added, DT_ENOMEM. */
static int seen_add(dt_seen *s, uint64_t h)
{
    if (h == 0)
        h = 1;
    if ((s->n + 1) * 2 > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 1024;
        uint64_t *nv = calloc(nc, sizeof(uint64_t));
        if (!nv)
            return DT_ENOMEM;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->v[i])
                continue;
            size_t j = (size_t)hash_u64(s->v[i]) & (nc - 1);
            while (nv[j])
                j = (j + 1) & (nc - 1);
            nv[j] = s->v[i];
        }
        free(s->v);
        s->v = nv;
        s->cap = nc;
    }
    size_t j = (size_t)hash_u64(h) & (s->cap - 1);
    while (s->v[j]) {
        if (s->v[j] == h)
            return 1;
        j = (j + 1) & (s->cap - 1);
    }
    s->v[j] = h;
    s->n++;
    return 0;
}

/* ---------------------------------------------------------------- sources */

static int queue_add(dt_reader *r, const char *name)
{
    char *c = strdup(name);
    if (!c || vec_push((void **)&r->queue, &r->nqueue, &r->capqueue, sizeof(char *), &c) < 0) {
        free(c);
        return DT_ENOMEM;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every regular file below dir, depth-first in name order; dot-files and symbolic links to
 * directories are left out. */
static int walk_dir(dt_reader *r, const char *dir, int depth, dt_error *err)
{
    if (depth > 64)
        return 0;
    DIR *d = opendir(dir);
    if (!d) {
        err_set(err, DT_EIO, dir, 0, 0, "cannot read directory: %s", strerror(errno));
        return DT_EIO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t l = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(l);
        if (!p || vec_push((void **)&names, &n, &cap, sizeof(char *), &p) < 0) {
            free(p);
            rc = DT_ENOMEM;
            break;
        }
        snprintf(p, l, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof(char *), cmp_str);
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (lstat(names[i], &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            rc = walk_dir(r, names[i], depth + 1, err);
        else if (S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)))
            rc = queue_add(r, names[i]);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

static int parse_format(const char *fmt, enum rformat *out)
{
    static const struct { const char *name; enum rformat f; } names[] = {
        {"jsonl", RF_JSONL}, {"json", RF_JSONL}, {"text", RF_TEXT}, {"txt", RF_TEXT},
        {"html", RF_HTML}, {"feed", RF_FEED}, {"rss", RF_FEED}, {"atom", RF_FEED},
        {"warc", RF_WARC}, {"reuters", RF_REUTERS}, {"xml", RF_REUTERS},
    };
    if (!fmt || !*fmt) {
        *out = RF_SNIFF;
        return 0;
    }
    for (size_t i = 0; i < DT_ARRAY_LEN(names); i++)
        if (strcmp(fmt, names[i].name) == 0) {
            *out = names[i].f;
            return 0;
        }
    return DT_EFORMAT;
}

static int reader_new(dt_reader **out, const dt_reader_opts *opts, const char *name, dt_error *err)
{
    *out = NULL;
    dt_reader *r = calloc(1, sizeof(*r));
    if (!r)
        return DT_ENOMEM;
    if (opts)
        r->o = *opts;
    r->max_record = r->o.max_record ? r->o.max_record : (64u << 20);
    if (parse_format(r->o.format, &r->forced)) {
        err_set(err, DT_EFORMAT, name, 0, 0,
                "unknown input format \"%s\" (expected jsonl, text, html, feed, warc or reuters)", r->o.format);
        free(r);
        return DT_EFORMAT;
    }
    r->bcap = 1 << 20;
    r->blk = malloc(r->bcap);
    buf_init(&r->rec, r->max_record);
    buf_init(&r->work, r->max_record * 2 + 1024);
    buf_init(&r->fetched, 0);
    buf_init(&r->block, r->max_record);
    buf_init(&r->body, r->max_record);
    arena_init(&r->mem, 64 * 1024);
    article_init(&r->art, r->max_record);
    r->seen = r->o.seen;
    if (!r->seen && !r->o.keep_duplicates) {
        if (dt_seen_new(&r->seen)) {
            dt_reader_close(r);
            return DT_ENOMEM;
        }
        r->own_seen = true;
    }
    if (!r->blk) {
        dt_reader_close(r);
        return DT_ENOMEM;
    }
    *out = r;
    return 0;
}

int dt_reader_open(dt_reader **out, const char *path, const dt_reader_opts *opts, dt_error *err)
{
    dt_reader *r;
    int rc = reader_new(&r, opts, path, err);
    if (rc)
        return rc;
    struct stat st;
    if (strcmp(path, "-") == 0 || fetch_is_url(path)) {
        rc = queue_add(r, path);
    } else if (stat(path, &st) != 0) {
        int e = errno;
        rc = e == ENOENT ? DT_ENOTFOUND : DT_EIO;
        err_set(err, rc, path, 0, 0, "cannot open: %s", strerror(e));
    } else if (S_ISDIR(st.st_mode)) {
        rc = walk_dir(r, path, 0, err);
    } else {
        FILE *f = fopen(path, "rb");
        if (!f) {
            int e = errno;
            rc = DT_EIO;
            err_set(err, rc, path, 0, 0, "cannot open: %s", strerror(e));
        } else {
            fclose(f);
            rc = queue_add(r, path);
        }
    }
    if (rc) {
        dt_reader_close(r);
        return rc;
    }
    *out = r;
    return 0;
}

int dt_reader_open_mem(dt_reader **out, const char *name, const void *data, size_t len,
                       const dt_reader_opts *opts, dt_error *err)
{
    dt_reader *r;
    int rc = reader_new(&r, opts, name ? name : "(memory)", err);
    if (rc)
        return rc;
    r->mem_data = data;
    r->memlen = len;
    rc = queue_add(r, name ? name : "(memory)");
    if (rc) {
        dt_reader_close(r);
        return rc;
    }
    *out = r;
    return 0;
}

static void source_close(dt_reader *r)
{
    stream_close(r->in);
    r->in = NULL;
    free(r->name);
    r->name = NULL;
    r->open = false;
    buf_free(&r->fetched);
    buf_init(&r->fetched, 0);
}

void dt_reader_close(dt_reader *r)
{
    if (!r)
        return;
    source_close(r);
    for (size_t i = 0; i < r->nqueue; i++)
        free(r->queue[i]);
    free(r->queue);
    free(r->blk);
    buf_free(&r->rec);
    buf_free(&r->work);
    buf_free(&r->block);
    buf_free(&r->body);
    arena_free(&r->mem);
    article_free(&r->art);
    free(r->items.v);
    for (size_t i = 0; i < r->nunknown; i++)
        free(r->unknown[i]);
    free(r->unknown);
    if (r->own_seen)
        dt_seen_free(r->seen);
    free(r);
}

void dt_reader_counts(const dt_reader *r, size_t *records, size_t *skipped)
{
    if (records)
        *records = r->st.records;
    if (skipped)
        *skipped = r->st.skipped;
}

void dt_reader_get_stats(const dt_reader *r, dt_reader_stats *st) { *st = r->st; }

/* Open the next queued source. Returns 1, 0 when none is left, or < 0 (reported). */
static int source_open(dt_reader *r, dt_diag_fn diag, void *user)
{
    if (r->iqueue >= r->nqueue)
        return 0;
    r->name = r->queue[r->iqueue];
    r->queue[r->iqueue++] = NULL;
    r->url[0] = r->http_charset[0] = r->http_date[0] = 0;
    r->blen = r->bpos = 0;
    r->eof = false;
    r->consumed = 0;
    r->line = 0;
    r->whole_done = false;
    r->warc_resync = false;
    r->items.n = r->items.bad = 0;
    r->item_i = 0;
    r->fmt = r->forced;
    int rc;
    if (r->mem_data) {
        rc = stream_open_mem(&r->in, r->mem_data, r->memlen);
        r->mem_data = NULL;
    } else if (strcmp(r->name, "-") == 0) {
        rc = stream_open_file(&r->in, stdin, false);
    } else if (fetch_is_url(r->name)) {
        dt_error err = {0};
        char ct[256], final_url[2048];
        fetch_opts fo = {r->o.timeout_s, r->o.max_download, 0};
        rc = fetch_url(r->name, &fo, &r->fetched, ct, final_url, r->http_date, &err);
        if (rc) {
            diag_emit(diag, user, rc, r->name, 0, 0, -1, "%s: skipped", err.msg[0] ? err.msg : dt_strerror(rc));
            r->st.skipped++;
            source_close(r);
            return rc == DT_ENOMEM ? rc : 2;
        }
        snprintf(r->url, sizeof(r->url), "%s", final_url);
        charset_from_content_type(ct, strlen(ct), r->http_charset);
        if (r->fmt == RF_SNIFF && (strstr(ct, "html") != NULL))
            r->fmt = RF_HTML;
        rc = stream_open_mem(&r->in, r->fetched.data ? r->fetched.data : "", r->fetched.len);
    } else {
        FILE *f = fopen(r->name, "rb");
        if (!f) {
            diag_emit(diag, user, DT_EIO, r->name, 0, 0, -1, "cannot open: %s: skipped", strerror(errno));
            r->st.skipped++;
            source_close(r);
            return 2;
        }
        rc = stream_open_file(&r->in, f, true);
        if (rc)
            fclose(f);
    }
    if (rc) {
        source_close(r);
        return rc;
    }
    r->open = true;
    r->st.sources++;
    return 1;
}

/* ---------------------------------------------------------------- block buffer */

bool rd_fill(dt_reader *r, dt_diag_fn diag, void *user)
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
    long n = stream_read(r->in, r->blk + r->blen, r->bcap - r->blen, r->name, diag, user);
    if (n < 0) {
        diag_emit(diag, user, (int)n, r->name, 0, 0, rd_offset(r), "read error: %s", dt_strerror((int)n));
        r->eof = true;
        return false;
    }
    if (n == 0) {
        r->eof = true;
        return false;
    }
    r->blen += (size_t)n;
    r->st.bytes += (size_t)n;
    return true;
}

int rd_read_line(dt_reader *r, long long *start, size_t cap, dt_diag_fn diag, void *user)
{
    buf_clear(&r->rec);
    bool over = false, any = false;
    *start = rd_offset(r);
    for (;;) {
        if (r->bpos >= r->blen && !rd_fill(r, diag, user)) {
            if (!any)
                return 0;
            break;
        }
        any = true;
        char *p = r->blk + r->bpos;
        size_t avail = r->blen - r->bpos;
        char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        if (!over && (r->rec.len + take > cap || buf_append(&r->rec, p, take)))
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
    while (r->rec.len && r->rec.data[r->rec.len - 1] == '\r')
        r->rec.data[--r->rec.len] = 0;
    return 1;
}

size_t rd_read_n(dt_reader *r, buf *out, size_t n, dt_diag_fn diag, void *user)
{
    size_t got = 0;
    while (got < n) {
        if (r->bpos >= r->blen && !rd_fill(r, diag, user))
            break;
        size_t take = DT_MIN(n - got, r->blen - r->bpos);
        if (out && buf_append(out, r->blk + r->bpos, take))
            out = NULL; /* over the cap: keep consuming */
        r->bpos += take;
        got += take;
    }
    return got;
}

size_t rd_skip_n(dt_reader *r, size_t n, dt_diag_fn diag, void *user) { return rd_read_n(r, NULL, n, diag, user); }

size_t rd_peek(dt_reader *r, const char **p, size_t n, dt_diag_fn diag, void *user)
{
    if (r->blen - r->bpos < n)
        rd_fill(r, diag, user);
    *p = r->blk + r->bpos;
    return DT_MIN(n, r->blen - r->bpos);
}

/* ---------------------------------------------------------------- sniffing */

static bool has_ci_n(const char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (str_ieq(s + i, wl, w))
            return true;
    return false;
}

static enum rformat sniff(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
        i = 3;
    /* UTF-16/32 text (a BOM or NULs around ASCII): XML or text, decided after conversion */
    bool wide = n >= 2 && (((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
                           ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF) ||
                           (n >= 4 && (p[0] == 0 || p[1] == 0) && (p[2] == 0 || p[3] == 0)));
    if (wide) {
        char tmp[512];
        size_t o = 0;
        for (size_t k = 0; k < n && o < sizeof(tmp); k++)
            if (p[k] && (unsigned char)p[k] < 0x80)
                tmp[o++] = p[k];
        return has_ci_n(tmp, o, "<rss") || has_ci_n(tmp, o, "<feed") || has_ci_n(tmp, o, "<rdf") ? RF_FEED
               : has_ci_n(tmp, o, "<html") ? RF_HTML
                                           : RF_TEXT;
    }
    while (i < n && is_space((unsigned char)p[i]))
        i++;
    const char *s = p + i;
    size_t m = n - i;
    if (m >= 5 && memcmp(s, "WARC/", 5) == 0)
        return RF_WARC;
    if (m >= 11 && memcmp(s, "filedesc://", 11) == 0)
        return RF_ARC;
    if (m && s[0] == '{')
        return RF_JSONL;
    /* binary junk: NUL bytes or many control characters in the first 4 KiB */
    size_t look = DT_MIN(m, (size_t)4096), ctl = 0;
    for (size_t k = 0; k < look; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == 0)
            return RF_BINARY;
        if (c < 32 && !is_space(c) && c != 27)
            ctl++;
    }
    if (look && ctl * 20 > look)
        return RF_BINARY;
    if (m && s[0] == '<') {
        size_t l = DT_MIN(m, (size_t)8192);
        if (has_ci_n(s, l, "<rss") || has_ci_n(s, l, "<rdf:rdf") || has_ci_n(s, l, "<feed"))
            return has_ci_n(s, l, "<html") ? RF_HTML : RF_FEED;
        if (has_ci_n(s, l, "<reuters") || has_ci_n(s, l, "<lewis") || has_ci_n(s, l, "<newsitem"))
            return RF_REUTERS;
        return RF_HTML;
    }
    if (has_ci_n(s, DT_MIN(m, (size_t)1024), "<html") || has_ci_n(s, DT_MIN(m, (size_t)1024), "<!doctype html"))
        return RF_HTML;
    return RF_TEXT;
}

/* ---------------------------------------------------------------- documents */

void rd_doc_init(dt_reader *r, dt_doc *doc, const char *format, long long offset)
{
    memset(doc, 0, sizeof(*doc));
    doc->source = r->name;
    doc->offset = offset;
    doc->format = format;
    doc->id = "";
    doc->url = r->url;
    doc->title = "";
    doc->date = "";
    doc->date_source = "";
    doc->text = "";
    doc->lang = "";
}

/* A stable id for a document without one: "<name>#<hash of url or path and offset>". */
static const char *make_id(dt_reader *r, const dt_doc *doc)
{
    const char *base = doc->url && *doc->url ? doc->url : doc->source;
    uint64_t h = hash_bytes(base, strlen(base)) ^ hash_u64((uint64_t)doc->offset);
    snprintf(r->idbuf, sizeof(r->idbuf), "%016llx", (unsigned long long)h);
    return r->idbuf;
}

int rd_html_doc(dt_reader *r, dt_doc *doc, const char *html, size_t n, const char *url,
                const char *charset, long long offset, dt_diag_fn diag, void *user)
{
    buf_clear(&r->work);
    size_t bad = 0;
    char used[64];
    int rc = charset_to_utf8(html, n, charset, &r->work, &bad, used);
    if (rc) {
        r->st.skipped++;
        diag_emit(diag, user, rc, r->name, 0, 0, offset, "page too large to convert to UTF-8: skipped");
        return 0;
    }
    rc = html_extract(r->work.data ? r->work.data : "", r->work.len, url, &r->art);
    if (rc) {
        r->st.skipped++;
        diag_emit(diag, user, rc, r->name, 0, 0, offset, "%s: page skipped",
                  rc == DT_EPARSE ? "not HTML" : rc == DT_ENOLIB ? xml_lib_problem() : dt_strerror(rc));
        return 0;
    }
    rd_doc_init(r, doc, "html", offset);
    doc->url = url && *url ? url : r->art.canonical;
    doc->title = r->art.title;
    doc->date = r->art.date;
    doc->date_source = r->art.date_source;
    doc->text = r->art.text.data ? r->art.text.data : "";
    doc->text_len = r->art.text.len;
    if (!doc->date[0] && r->http_date[0]) {
        doc->date = r->http_date;
        doc->date_source = "http-date";
    }
    return 1;
}

/* The whole source in r->rec (bounded). Returns 1, or 0 when it was too large (reported). */
static int read_whole(dt_reader *r, dt_diag_fn diag, void *user)
{
    buf_clear(&r->rec);
    bool over = false;
    for (;;) {
        if (r->bpos >= r->blen && !rd_fill(r, diag, user))
            break;
        if (!over && buf_append(&r->rec, r->blk + r->bpos, r->blen - r->bpos))
            over = true;
        r->bpos = r->blen;
    }
    if (over) {
        r->st.records++;
        r->st.skipped++;
        diag_emit(diag, user, DT_ELIMIT, r->name, 0, 0, 0, "document larger than %zu bytes: skipped", r->max_record);
        return 0;
    }
    return 1;
}

static int follow_link(dt_reader *r, dt_doc *doc, const feed_item *it, dt_diag_fn diag, void *user)
{
    buf page;
    buf_init(&page, 0);
    char ct[256], final_url[2048], cs[64] = "";
    dt_error err = {0};
    fetch_opts fo = {r->o.timeout_s, r->o.max_download, 0};
    int rc = fetch_url(it->url, &fo, &page, ct, final_url, r->http_date, &err);
    int got = 0;
    if (rc == 0) {
        charset_from_content_type(ct, strlen(ct), cs);
        snprintf(r->url, sizeof(r->url), "%s", final_url);
        got = rd_html_doc(r, doc, page.data ? page.data : "", page.len, r->url, cs[0] ? cs : NULL, it->offset,
                          diag, user);
    } else {
        diag_emit(diag, user, DT_OK, r->name, 0, 0, it->offset, "item link %s: %s (the feed's text is used)",
                  it->url, err.msg[0] ? err.msg : dt_strerror(rc));
    }
    buf_free(&page);
    return got;
}

static int next_whole(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    if (!r->whole_done) {
        r->whole_done = true;
        if (!read_whole(r, diag, user))
            return 0;
        const char *data = r->rec.data ? r->rec.data : "";
        size_t n = r->rec.len;
        if (r->fmt == RF_ARC) {
            r->st.records++;
            r->st.skipped++;
            diag_emit(diag, user, DT_EFORMAT, r->name, 0, 0, 0, "an ARC file (the format before WARC) is not supported: skipped");
            return 0;
        }
        if (r->fmt == RF_BINARY) {
            r->st.records++;
            r->st.skipped++;
            diag_emit(diag, user, DT_EFORMAT, r->name, 0, 0, 0, "binary data, not a document: skipped");
            return 0;
        }
        if (r->fmt == RF_TEXT) {
            r->st.records++;
            return rd_text_doc(r, doc, data, n, diag, user);
        }
        if (r->fmt == RF_HTML) {
            r->st.records++;
            return rd_html_doc(r, doc, data, n, r->url[0] ? r->url : NULL, r->http_charset[0] ? r->http_charset : NULL,
                               0, diag, user);
        }
        /* feeds and Reuters XML: convert to UTF-8, then parse into items */
        buf_clear(&r->work);
        size_t bad = 0;
        char used[64];
        if (charset_to_utf8(data, n, r->http_charset[0] ? r->http_charset : NULL, &r->work, &bad, used)) {
            r->st.records++;
            r->st.skipped++;
            diag_emit(diag, user, DT_ELIMIT, r->name, 0, 0, 0, "document too large to convert: skipped");
            return 0;
        }
        arena_reset(&r->mem);
        r->items.n = r->items.bad = 0;
        const char *u8 = r->work.data ? r->work.data : "";
        int rc = r->fmt == RF_FEED ? feed_parse(u8, r->work.len, r->name, &r->mem, &r->items, diag, user)
                                   : reuters_parse(u8, r->work.len, r->name, &r->mem, &r->items, diag, user);
        r->st.records += r->items.n + r->items.bad;
        r->st.skipped += r->items.bad;
        if (rc) {
            r->st.records++;
            r->st.skipped++;
            diag_emit(diag, user, rc, r->name, 0, 0, 0, "%s: skipped",
                      rc == DT_EFORMAT   ? (r->fmt == RF_FEED ? "not an RSS or Atom feed" : "no Reuters articles")
                      : rc == DT_ENOLIB ? xml_lib_problem()
                                        : "unreadable XML");
            return rc == DT_ENOMEM ? rc : 0;
        }
    }
    while (r->item_i < r->items.n) {
        const feed_item *it = &r->items.v[r->item_i++];
        if (r->o.follow_links && it->url && fetch_is_url(it->url) && follow_link(r, doc, it, diag, user) == 1) {
            doc->format = "feed";
            doc->id = it->id && *it->id ? it->id : doc->id;
            if (!doc->date[0] && it->date && *it->date) {
                doc->date = it->date;
                doc->date_source = it->date_source;
            }
            if (!doc->title[0] && it->title)
                doc->title = it->title;
            return 1;
        }
        rd_doc_init(r, doc, r->fmt == RF_FEED ? "feed" : "reuters", it->offset);
        doc->line = it->line;
        doc->id = it->id ? it->id : "";
        doc->url = it->url ? it->url : "";
        doc->title = it->title ? it->title : "";
        doc->date = it->date ? it->date : "";
        doc->date_source = it->date_source ? it->date_source : "";
        doc->text = it->text ? it->text : "";
        doc->text_len = it->text_len;
        return 1;
    }
    return 0;
}

/* Hash, language, duplicates. Returns true when the document is to be returned. */
static bool finish_doc(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    if (!doc->text)
        doc->text = "";
    bool any = false;
    for (size_t i = 0; i < doc->text_len && !any; i++)
        any = is_alnum((unsigned char)doc->text[i]) || (unsigned char)doc->text[i] >= 0x80;
    if (!any) {
        r->st.skipped++;
        r->st.empty++;
        diag_emit(diag, user, DT_EPARSE, r->name, doc->line, 0, doc->line ? -1 : doc->offset,
                  "%s%sno text: skipped", doc->url && *doc->url ? doc->url : "", doc->url && *doc->url ? ": " : "");
        return false;
    }
    doc->text_hash = dt_text_hash(doc->text, doc->text_len);
    doc->lang = lang_detect(doc->text, doc->text_len);
    if (!doc->id || !*doc->id)
        doc->id = make_id(r, doc);
    if (!r->o.any_language && doc->lang[0] && strcmp(doc->lang, "en") != 0) {
        r->st.other_lang++;
        diag_emit(diag, user, DT_OK, r->name, doc->line, 0, doc->line ? -1 : doc->offset,
                  "%s%snot English (%s): skipped", doc->url && *doc->url ? doc->url : "",
                  doc->url && *doc->url ? ": " : "", doc->lang);
        return false;
    }
    if (r->seen && !r->o.keep_duplicates && !doc->group) {
        int s = seen_add(r->seen, doc->text_hash);
        if (s == 1) {
            r->st.duplicates++;
            return false;
        }
    }
    r->st.docs++;
    return true;
}

int dt_reader_next(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    for (;;) {
        if (!r->open) {
            int rc = source_open(r, diag, user);
            if (rc == 0)
                return 0;
            if (rc == 2)
                continue;
            if (rc < 0)
                return rc;
        }
        if (r->fmt == RF_SNIFF) {
            rd_fill(r, diag, user);
            r->fmt = sniff(r->blk + r->bpos, r->blen - r->bpos);
            if (r->fmt == RF_JSONL && r->blen - r->bpos >= 3 && (unsigned char)r->blk[r->bpos] == 0xEF)
                r->bpos += 3; /* a UTF-8 byte-order mark before the first record */
        }
        int rc;
        switch (r->fmt) {
        case RF_JSONL: rc = rd_next_jsonl(r, doc, diag, user); break;
        case RF_WARC: rc = rd_next_warc(r, doc, diag, user); break;
        default: rc = next_whole(r, doc, diag, user); break;
        }
        if (rc == 1) {
            if (finish_doc(r, doc, diag, user))
                return 1;
            continue;
        }
        if (rc < 0 && rc == DT_ENOMEM)
            return rc;
        if (rc < 0) {
            r->st.skipped++;
            diag_emit(diag, user, rc, r->name, 0, 0, rd_offset(r), "%s: rest of the source skipped", dt_strerror(rc));
        }
        source_close(r);
    }
}
