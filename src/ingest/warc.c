/* warc.c — our own WARC 1.0/1.1 record reader (plain or gzip, one member per record or not):
 * takes response and resource records that hold HTML, strips the HTTP header, undoes chunked
 * transfer-encoding and gzip/deflate content-encoding, honours the declared charset. Records
 * whose framing is wrong are reported with their byte offset and skipped; reading resumes at
 * the next record header. */
#include "reader.h"

#include <ctype.h>
#include <stdlib.h>
#include <zlib.h>

#define WARC_MAX_HEADER_LINES 256
#define WARC_MAX_LINE (64u * 1024u)

static bool starts_with_ci(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    return n >= l && str_ieq(s, l, w);
}

/* Value of "Name: value" when the line's name is `name` (case-insensitive). */
static bool header_value(const char *line, size_t n, const char *name, dt_slice *val)
{
    size_t l = strlen(name);
    if (n <= l || line[l] != ':' || !str_ieq(line, l, name))
        return false;
    *val = str_trim(line + l + 1, n - l - 1);
    return true;
}

static void copy_slice(char *out, size_t cap, dt_slice v)
{
    if (v.len && v.ptr[0] == '<' && v.ptr[v.len - 1] == '>') {
        v.ptr++;
        v.len -= 2;
    }
    snprintf(out, cap, "%.*s", (int)DT_MIN(v.len, cap - 1), v.ptr);
}

/* Skip to the next line that starts a record ("WARC/1.0", "WARC/1.1", "WARC/0.17"...).
 * Returns 1 with that line in r->rec and its offset in *start, or 0 at the end. */
static int find_record(dt_reader *r, long long *start, dt_diag_fn diag, void *user)
{
    bool reported = r->warc_resync;
    for (;;) {
        int rc = rd_read_line(r, start, WARC_MAX_LINE, diag, user);
        if (rc == 0)
            return 0;
        if (rc == 1 && r->rec.len == 0 && !reported)
            continue; /* blank lines between records */
        if (rc == 1 && r->rec.len >= 6 && memcmp(r->rec.data, "WARC/", 5) == 0 && is_digit((unsigned char)r->rec.data[5])) {
            r->warc_resync = false;
            return 1;
        }
        if (!reported) {
            r->st.skipped++;
            diag_emit(diag, user, DT_EPARSE, r->name, 0, 0, *start,
                      "expected a WARC record header (\"WARC/1.0\"): skipping to the next record%s",
                      stream_is_gzip(r->in) ? " (offset in the uncompressed stream)" : "");
            reported = true;
        }
    }
}

/* Decode a chunked HTTP body in place into out. Returns false when the chunking is broken. */
static bool dechunk(const char *s, size_t n, buf *out)
{
    size_t i = 0;
    for (;;) {
        size_t size = 0, k = i;
        while (k < n && isxdigit((unsigned char)s[k])) {
            int c = (unsigned char)s[k];
            size = size * 16 + (size_t)(is_digit(c) ? c - '0' : (to_lower(c) - 'a' + 10));
            if (size > n)
                return false;
            k++;
        }
        if (k == i)
            return false;
        const char *nl = memchr(s + k, '\n', n - k);
        if (!nl)
            return false;
        i = (size_t)(nl - s) + 1;
        if (size == 0)
            return true;
        if (size > n - i)
            return false;
        if (buf_append(out, s + i, size))
            return false;
        i += size;
        while (i < n && (s[i] == '\r' || s[i] == '\n'))
            i++;
        if (i >= n)
            return true; /* a missing last chunk: keep what we have */
    }
}

/* Inflate gzip, zlib or raw deflate data into out. */
static bool inflate_body(const char *s, size_t n, buf *out)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        memset(&z, 0, sizeof(z));
        if (inflateInit2(&z, attempt == 0 ? 32 + MAX_WBITS : -MAX_WBITS) != Z_OK)
            return false;
        z.next_in = (unsigned char *)(uintptr_t)s;
        z.avail_in = (uInt)n;
        size_t before = out->len;
        int zr = Z_OK;
        char chunk[65536];
        while (zr == Z_OK) {
            z.next_out = (unsigned char *)chunk;
            z.avail_out = sizeof(chunk);
            zr = inflate(&z, Z_NO_FLUSH);
            size_t got = sizeof(chunk) - z.avail_out;
            if (got && buf_append(out, chunk, got)) {
                zr = Z_MEM_ERROR;
                break;
            }
            if (zr == Z_BUF_ERROR && z.avail_in == 0)
                break; /* truncated: keep what came out */
        }
        inflateEnd(&z);
        if (zr == Z_STREAM_END || (zr == Z_BUF_ERROR && out->len > before))
            return true;
        out->len = before;
        if (out->data)
            out->data[before] = 0;
    }
    return false;
}

static bool is_html_type(dt_slice ct)
{
    for (size_t i = 0; i + 4 <= ct.len; i++)
        if (str_ieq(ct.ptr + i, 4, "html"))
            return true;
    return false;
}

/* An HTTP response in the record block: status, headers, payload into r->body. Returns 1
 * for an HTML page, 0 for anything else (not an error), < 0 when it cannot be read. */
static int http_payload(dt_reader *r, const char *s, size_t n, char charset[64], char last_mod[11])
{
    size_t i = 0;
    const char *nl = memchr(s, '\n', n);
    if (!nl || n < 12 || !starts_with_ci(s, n, "HTTP/"))
        return DT_EPARSE;
    const char *sp = memchr(s, ' ', (size_t)(nl - s));
    long status = 0;
    if (sp) {
        size_t k = (size_t)(sp - s) + 1;
        while (k < n && is_digit((unsigned char)s[k]))
            status = status * 10 + (s[k++] - '0');
    }
    i = (size_t)(nl - s) + 1;
    dt_slice ct = {"", 0}, te = {"", 0}, ce = {"", 0}, lm = {"", 0};
    bool end_found = false;
    while (i < n) {
        nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        size_t le = e;
        while (le > i && s[le - 1] == '\r')
            le--;
        if (le == i) {
            i = nl ? e + 1 : n;
            end_found = true;
            break;
        }
        dt_slice v;
        if (header_value(s + i, le - i, "Content-Type", &v))
            ct = v;
        else if (header_value(s + i, le - i, "Transfer-Encoding", &v))
            te = v;
        else if (header_value(s + i, le - i, "Content-Encoding", &v))
            ce = v;
        else if (header_value(s + i, le - i, "Last-Modified", &v))
            lm = v;
        i = nl ? e + 1 : n;
    }
    if (status < 200 || status >= 300)
        return 0; /* redirects and errors are not documents, however they are framed */
    if (!end_found)
        return DT_EPARSE;
    const char *body = s + i;
    size_t blen = n - i;
    if (ct.len ? !is_html_type(ct) : !(blen > 5 && memchr(body, '<', DT_MIN(blen, (size_t)512))))
        return 0;
    charset[0] = 0;
    if (ct.len)
        charset_from_content_type(ct.ptr, ct.len, charset);
    int32_t day;
    last_mod[0] = 0;
    if (lm.len && date_parse_any(lm.ptr, lm.len, &day))
        dt_date_format(day, last_mod, 11);
    buf_clear(&r->body);
    buf_clear(&r->work);
    if (te.len && starts_with_ci(te.ptr, te.len, "chunked")) {
        if (!dechunk(body, blen, &r->work))
            return DT_EPARSE;
        body = r->work.data ? r->work.data : "";
        blen = r->work.len;
    }
    if (ce.len && (starts_with_ci(ce.ptr, ce.len, "gzip") || starts_with_ci(ce.ptr, ce.len, "x-gzip") ||
                   starts_with_ci(ce.ptr, ce.len, "deflate"))) {
        if (!inflate_body(body, blen, &r->body))
            return DT_EPARSE;
    } else if (buf_append(&r->body, body, blen)) {
        return DT_ELIMIT;
    }
    return 1;
}

int rd_next_warc(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user)
{
    for (;;) {
        long long start;
        if (!find_record(r, &start, diag, user))
            return 0;
        r->warc_type[0] = r->warc_id[0] = r->warc_uri[0] = r->warc_date[0] = 0;
        char ctype[256] = "";
        long long length = -1;
        bool header_ok = false;
        for (int k = 0; k < WARC_MAX_HEADER_LINES; k++) {
            long long ls;
            int rc = rd_read_line(r, &ls, WARC_MAX_LINE, diag, user);
            if (rc != 1)
                break;
            if (r->rec.len == 0) {
                header_ok = true;
                break;
            }
            dt_slice v;
            const char *l = r->rec.data;
            size_t n = r->rec.len;
            if (header_value(l, n, "WARC-Type", &v))
                copy_slice(r->warc_type, sizeof(r->warc_type), v);
            else if (header_value(l, n, "WARC-Record-ID", &v))
                copy_slice(r->warc_id, sizeof(r->warc_id), v);
            else if (header_value(l, n, "WARC-Target-URI", &v))
                copy_slice(r->warc_uri, sizeof(r->warc_uri), v);
            else if (header_value(l, n, "Content-Type", &v))
                copy_slice(ctype, sizeof(ctype), v);
            else if (header_value(l, n, "WARC-Date", &v)) {
                int32_t day;
                if (date_parse_any(v.ptr, v.len, &day))
                    dt_date_format(day, r->warc_date, sizeof(r->warc_date));
            } else if (header_value(l, n, "Content-Length", &v)) {
                long val;
                if (str_to_long(v.ptr, v.len, &val) && val >= 0)
                    length = val;
            }
        }
        r->st.records++;
        if (!header_ok || length < 0) {
            r->st.skipped++;
            r->warc_resync = true;
            diag_emit(diag, user, DT_EPARSE, r->name, 0, 0, start, "WARC record %s: skipped",
                      !header_ok ? "header not terminated by a blank line" : "without a valid Content-Length");
            continue;
        }
        bool is_resp = strcmp(r->warc_type, "response") == 0, is_res = strcmp(r->warc_type, "resource") == 0;
        bool want = (is_resp && (strstr(ctype, "application/http") || !ctype[0])) ||
                    (is_res && is_html_type((dt_slice){ctype, strlen(ctype)}));
        bool too_big = (size_t)length > r->max_record;
        buf_clear(&r->block);
        size_t got = want && !too_big ? rd_read_n(r, &r->block, (size_t)length, diag, user)
                                      : rd_skip_n(r, (size_t)length, diag, user);
        if (got < (size_t)length) {
            r->st.skipped++;
            diag_emit(diag, user, DT_EPARSE, r->name, 0, 0, start,
                      "WARC record truncated: %zu of %lld bytes (the file ends inside it)%s", got, length,
                      want ? ": skipped" : "");
            return 0;
        }
        /* The block must be followed by two CRLFs. Writers that put one, or bare LFs, are
         * tolerated when the next record (or the end) follows; anything else means the
         * Content-Length is wrong. */
        const char *p;
        size_t have = rd_peek(r, &p, 16, diag, user), k = 0, lfs = 0;
        while (k < have && (p[k] == '\r' || p[k] == '\n'))
            lfs += p[k++] == '\n';
        bool next_ok = k == have || (have - k >= 5 && memcmp(p + k, "WARC/", 5) == 0);
        if (have == 0 || (lfs >= 1 && next_ok)) {
            rd_skip_n(r, k, diag, user);
        } else {
            r->st.skipped++;
            r->warc_resync = true;
            diag_emit(diag, user, DT_EPARSE, r->name, 0, 0, start,
                      "WARC record's Content-Length (%lld) does not match its block: skipped", length);
            continue;
        }
        if (!want)
            continue;
        if (too_big) {
            r->st.skipped++;
            diag_emit(diag, user, DT_ELIMIT, r->name, 0, 0, start, "WARC record larger than %zu bytes: skipped",
                      r->max_record);
            continue;
        }
        char charset[64] = "", last_mod[11] = "";
        const char *html;
        size_t hlen;
        if (is_resp) {
            int hr = http_payload(r, r->block.data ? r->block.data : "", r->block.len, charset, last_mod);
            if (hr == 0)
                continue; /* not an HTML page: not a document */
            if (hr < 0) {
                r->st.skipped++;
                diag_emit(diag, user, hr, r->name, 0, 0, start, "WARC response %s: unreadable HTTP message: skipped",
                          r->warc_uri);
                continue;
            }
            html = r->body.data ? r->body.data : "";
            hlen = r->body.len;
        } else {
            charset_from_content_type(ctype, strlen(ctype), charset);
            html = r->block.data ? r->block.data : "";
            hlen = r->block.len;
        }
        if (!rd_html_doc(r, doc, html, hlen, r->warc_uri, charset[0] ? charset : NULL, start, diag, user))
            continue;
        doc->format = "warc";
        doc->url = r->warc_uri;
        doc->id = r->warc_id;
        if (!doc->date[0] && last_mod[0]) {
            snprintf(r->datebuf, sizeof(r->datebuf), "%s", last_mod);
            doc->date = r->datebuf;
            doc->date_source = "http-date";
        } else if (!doc->date[0] && r->warc_date[0]) {
            doc->date = r->warc_date;
            doc->date_source = "warc-date";
        }
        return 1;
    }
}
