/* buf.c — the bounded growable buffer used for all output and untrusted-input growth. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

void buf_init(buf *b, size_t limit)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->limit = limit;
    b->failed = false;
}

void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int buf_grow(buf *b, size_t n)
{
    if (b->cap - b->len > n)
        return 0;
    size_t need = b->len + n + 1;
    if (b->limit && need > b->limit + 1) {
        b->failed = true;
        return DT_ELIMIT;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    if (b->limit && cap > b->limit + 1)
        cap = b->limit + 1;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return DT_ENOMEM;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

int buf_append(buf *b, const void *p, size_t n)
{
    int rc = buf_reserve(b, n);
    if (rc)
        return rc;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return DT_EINVAL;
    int rc = buf_reserve(b, (size_t)n);
    if (rc)
        return rc;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

/* The slow path of json_put, for a string with a byte to escape: the quotes, and runs of
 * plain bytes between escapes.
 * Not inlined, so that json_put itself stays a small function that saves few registers. */
static DT_NOINLINE char *json_put_escaped(char *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    *o++ = '"';
    size_t i = 0;
    for (;;) {
        size_t run = json_run((const unsigned char *)s + i, n - i, false);
        memcpy(o, s + i, run);
        o += run;
        i += run;
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i++];
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        default:
            memcpy(o, "u00", 3);
            o[3] = hex[c >> 4];
            o[4] = hex[c & 15];
            o += 5;
        }
    }
    *o++ = '"';
    return o;
}

/* Whether the sixteen bytes of a and b hold no byte a JSON string must escape. */
static inline bool json_plain16(uint64_t a, uint64_t b)
{
#if defined(__SSE2__)
    /* one test of a vector register: no general registers held for the word constants */
    return !json_hit16(_mm_set_epi64x((long long)b, (long long)a), false);
#else
    return !json_hit8(a, false) && !json_hit8(b, false);
#endif
}

/* s as a JSON string at o, quotes included; o has room for 6 * n + 2 bytes (every byte
 * escaped as \u00XX at worst). Returns the end.
 * Almost every string needs no escape: it is tested and copied by whole words, with no
 * loop for a string under sixteen bytes. Words may overlap (their common bytes are the
 * same): 8 to 15 bytes are the first and the last eight, 4 to 7 the first and the last
 * four, 1 to 3 the bytes at 0, n / 2 and n - 1. At a byte to escape, json_put_escaped
 * writes the string again from its start. */
char *json_put(char *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    char *q = o + 1;
    *o = '"';
    if (n >= 16) {
#if defined(__SSE2__)
        for (size_t i = 0; i + 16 <= n; i += 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
            if (json_hit16(x, false))
                return json_put_escaped(o, s, n);
            _mm_storeu_si128((__m128i *)(void *)(q + i), x);
        }
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + n - 16));
        if (json_hit16(x, false))
            return json_put_escaped(o, s, n);
        _mm_storeu_si128((__m128i *)(void *)(q + n - 16), x);
#else
        uint64_t w;
        for (size_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&w, u + i, 8);
            if (json_hit8(w, false))
                return json_put_escaped(o, s, n);
            memcpy(q + i, &w, 8);
        }
        memcpy(&w, u + n - 8, 8);
        if (json_hit8(w, false))
            return json_put_escaped(o, s, n);
        memcpy(q + n - 8, &w, 8);
#endif
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, u, 8);
        memcpy(&b, u + n - 8, 8);
        if (!json_plain16(a, b))
            return json_put_escaped(o, s, n);
        memcpy(q, &a, 8);
        memcpy(q + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, u, 4);
        memcpy(&b, u + n - 4, 4);
        uint64_t w = a | (uint64_t)b << 32;
        if (!json_plain16(w, w))
            return json_put_escaped(o, s, n);
        memcpy(q, &a, 4);
        memcpy(q + n - 4, &b, 4);
    } else if (n) {
        unsigned char a = u[0], m = u[n / 2], z = u[n - 1];
        /* the three bytes, and plain letters in the rest of the word */
        uint64_t w = a | (uint64_t)m << 8 | (uint64_t)z << 16 | 0x6161616161000000ULL;
        if (!json_plain16(w, w))
            return json_put_escaped(o, s, n);
        q[0] = (char)a;
        q[n / 2] = (char)m;
        q[n - 1] = (char)z;
    }
    q[n] = '"';
    return q + n + 1;
}

int buf_json_str(buf *b, const char *s, size_t n)
{
    size_t need = 6 * n + 2;
    if (b->limit && b->len + need > b->limit) {
        /* near a bounded buffer's limit: the exact length, not the worst case */
        need = n + 2;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t')
                need += 1;
            else if (c < 0x20)
                need += 5;
        }
    }
    int rc = buf_reserve(b, need);
    if (rc)
        return rc;
    b->len = (size_t)(json_put(b->data + b->len, s, n) - b->data);
    b->data[b->len] = 0;
    return 0;
}

int buf_tsv_field(buf *b, const char *s, size_t n)
{
    int rc = buf_reserve(b, n);
    if (rc)
        return rc;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        b->data[b->len++] = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
    b->data[b->len] = 0;
    return 0;
}

int buf_csv_field(buf *b, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote)
        return buf_append(b, s, n);
    int rc = buf_putc(b, '"');
    for (size_t i = 0; i < n && !rc; i++) {
        if (s[i] == '"')
            rc = buf_putc(b, '"');
        if (!rc)
            rc = buf_putc(b, s[i]);
    }
    return rc ? rc : buf_putc(b, '"');
}

int buf_u64(buf *b, uint64_t v)
{
    int rc = buf_reserve(b, 24);
    if (rc)
        return rc;
    b->len = (size_t)(put_u64(b->data + b->len, v) - b->data);
    b->data[b->len] = 0;
    return 0;
}

int buf_decimal1(buf *b, double v)
{
    long t = (long)(v * 10.0 + (v < 0 ? -0.5 : 0.5));
    if (t < 0) {
        if (buf_putc(b, '-'))
            return DT_ENOMEM;
        t = -t;
    }
    if (buf_u64(b, (uint64_t)(t / 10)) || buf_putc(b, '.') || buf_putc(b, (char)('0' + t % 10)))
        return DT_ENOMEM;
    return 0;
}

int buf_i64(buf *b, int64_t v)
{
    if (v < 0) {
        int rc = buf_putc(b, '-');
        if (rc)
            return rc;
        return buf_u64(b, (uint64_t)0 - (uint64_t)v);
    }
    return buf_u64(b, (uint64_t)v);
}
