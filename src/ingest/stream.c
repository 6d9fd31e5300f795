/* stream.c — the bytes of a source (a FILE or memory), gunzipped on the fly when they start
 * with the gzip magic. Multi-member files (one member per WARC record, as Common Crawl
 * writes them) read as one stream; a corrupt member is reported with its compressed byte
 * offset and skipped up to the next member header; a truncated one is reported. */
#include "ingest.h"

#include <zlib.h>

#define RAW_CHUNK (256u * 1024u)

struct istream {
    FILE *f;
    bool own;
    const unsigned char *mem;  /* memory source (or NULL) */
    size_t memlen;
    unsigned char *raw;        /* raw buffer for FILE sources */
    const unsigned char *in;   /* current raw bytes */
    size_t inlen, inpos;
    bool raw_eof;
    long long raw_base;        /* raw offset of in[0] */
    bool checked, gz, zinit, member_open;
    z_stream z;
    size_t damage;
};

static int raw_fill(istream *s)
{
    if (s->inpos < s->inlen)
        return 1;
    if (s->raw_eof)
        return 0;
    if (s->mem) {
        s->raw_base += (long long)s->inlen;
        s->in = s->mem;
        s->inlen = s->memlen;
        s->inpos = 0;
        s->raw_eof = true;
        s->mem = NULL;
        return s->inlen > 0;
    }
    s->raw_base += (long long)s->inlen;
    size_t n = fread(s->raw, 1, RAW_CHUNK, s->f);
    s->in = s->raw;
    s->inlen = n;
    s->inpos = 0;
    if (n == 0) {
        s->raw_eof = true;
        return ferror(s->f) ? DT_EIO : 0;
    }
    return 1;
}

static int stream_new(istream **out)
{
    istream *s = calloc(1, sizeof(*s));
    if (!s)
        return DT_ENOMEM;
    *out = s;
    return 0;
}

int stream_open_file(istream **out, FILE *f, bool own)
{
    int rc = stream_new(out);
    if (rc)
        return rc;
    (*out)->f = f;
    (*out)->own = own;
    (*out)->raw = malloc(RAW_CHUNK);
    if (!(*out)->raw) {
        stream_close(*out);
        *out = NULL;
        return DT_ENOMEM;
    }
    return 0;
}

int stream_open_mem(istream **out, const void *data, size_t len)
{
    int rc = stream_new(out);
    if (rc)
        return rc;
    (*out)->mem = data;
    (*out)->memlen = len;
    if (!len)
        (*out)->raw_eof = true;
    return 0;
}

void stream_close(istream *s)
{
    if (!s)
        return;
    if (s->zinit)
        inflateEnd(&s->z);
    if (s->own && s->f)
        fclose(s->f);
    free(s->raw);
    free(s);
}

bool stream_is_gzip(const istream *s) { return s->gz; }
long long stream_raw_offset(const istream *s) { return s->raw_base + (long long)s->inpos; }
size_t stream_damage(const istream *s) { return s->damage; }

/* Skip raw bytes up to the next gzip member header (1f 8b 08). Returns 1 when found. */
static int resync(istream *s)
{
    for (;;) {
        int rc = raw_fill(s);
        if (rc <= 0)
            return rc;
        while (s->inpos < s->inlen) {
            const unsigned char *p = memchr(s->in + s->inpos, 0x1f, s->inlen - s->inpos);
            if (!p) {
                s->inpos = s->inlen;
                break;
            }
            size_t at = (size_t)(p - s->in);
            if (at + 3 <= s->inlen) {
                if (p[1] == 0x8b && p[2] == 0x08) {
                    s->inpos = at;
                    return 1;
                }
                s->inpos = at + 1;
                continue;
            }
            /* The magic may straddle two reads: keep it for the next chunk only for FILE
             * sources (memory is read in one piece). */
            s->inpos = at + 1;
        }
    }
}

long stream_read(istream *s, char *out, size_t cap, const char *name, dt_diag_fn diag, void *user)
{
    if (!s->checked) {
        s->checked = true;
        int rc = raw_fill(s);
        if (rc < 0)
            return rc;
        if (s->inlen >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b) {
            s->gz = true;
            memset(&s->z, 0, sizeof(s->z));
            if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK)
                return DT_ENOMEM;
            s->zinit = true;
        }
    }
    if (!s->gz) {
        /* A file whose read bytes are all taken reads on straight into the caller's buffer
         * (one copy fewer for every byte of a large input). */
        if (s->f && s->inpos >= s->inlen && !s->raw_eof && cap >= RAW_CHUNK) {
            /* (nothing stays buffered: the bytes read count in raw_base alone) */
            s->raw_base += (long long)s->inlen;
            s->inlen = s->inpos = 0;
            size_t n = fread(out, 1, cap, s->f);
            s->raw_base += (long long)n;
            if (n == 0) {
                s->raw_eof = true;
                return ferror(s->f) ? DT_EIO : 0;
            }
            return (long)n;
        }
        int rc = raw_fill(s);
        if (rc <= 0)
            return rc;
        size_t n = DT_MIN(cap, s->inlen - s->inpos);
        memcpy(out, s->in + s->inpos, n);
        s->inpos += n;
        return (long)n;
    }
    size_t produced = 0;
    while (produced < cap) {
        int rc = raw_fill(s);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            if (s->member_open) {
                s->damage++;
                diag_emit(diag, user, DT_EPARSE, name, 0, 0, stream_raw_offset(s),
                          "truncated gzip data (the file ends inside a compressed member)");
                s->member_open = false;
            }
            break;
        }
        if (!s->member_open) {
            /* A new member must start here; anything else is junk to skip. */
            if (s->inlen - s->inpos >= 2 && !(s->in[s->inpos] == 0x1f && s->in[s->inpos + 1] == 0x8b)) {
                long long at = stream_raw_offset(s);
                s->damage++;
                diag_emit(diag, user, DT_EPARSE, name, 0, 0, at, "junk between gzip members: skipped");
                s->inpos++;
                rc = resync(s);
                if (rc < 0)
                    return rc;
                if (rc == 0)
                    break;
            }
            inflateReset(&s->z);
            s->member_open = true;
        }
        s->z.next_in = (unsigned char *)(uintptr_t)(s->in + s->inpos);
        s->z.avail_in = (uInt)DT_MIN(s->inlen - s->inpos, (size_t)UINT32_MAX);
        s->z.next_out = (unsigned char *)out + produced;
        s->z.avail_out = (uInt)(cap - produced);
        int zr = inflate(&s->z, Z_NO_FLUSH);
        size_t used = (size_t)(s->z.next_in - (s->in + s->inpos));
        s->inpos += used;
        produced = cap - s->z.avail_out;
        if (zr == Z_STREAM_END) {
            s->member_open = false;
            continue;
        }
        if (zr == Z_OK || (zr == Z_BUF_ERROR && s->z.avail_out == 0))
            continue;
        if (zr == Z_BUF_ERROR)
            continue; /* needs more input: raw_fill decides */
        if (zr == Z_MEM_ERROR)
            return DT_ENOMEM;
        /* Z_DATA_ERROR and the like: report, skip to the next member. */
        s->damage++;
        diag_emit(diag, user, DT_EPARSE, name, 0, 0, stream_raw_offset(s), "corrupt gzip data (%s): skipped to the next member",
                  s->z.msg ? s->z.msg : "bad data");
        s->member_open = false;
        if (s->inpos < s->inlen)
            s->inpos++;
        /* A line break at the damage, so that line-based formats (JSON Lines, WARC headers)
         * start afresh with the next member instead of gluing it to garbage. */
        if (produced < cap)
            out[produced++] = '\n';
        rc = resync(s);
        if (rc < 0)
            return rc;
        if (rc == 0)
            break;
        if (produced)
            break; /* let the caller see the damage boundary */
    }
    return (long)produced;
}
