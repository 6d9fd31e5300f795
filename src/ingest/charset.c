/* charset.c — bring text in any declared or detectable charset to valid UTF-8 (glibc
 * iconv), so every later stage sees UTF-8 only: BOMs, HTTP and document declarations,
 * a windows-1252 fallback for bytes that are not UTF-8, U+FFFD for the rest. */
#include "ingest.h"

#include <errno.h>
#include <iconv.h>

static void copy_name(const char *s, size_t n, char out[64])
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < 63; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(is_alnum(c) || c == '-' || c == '_' || c == '.' || c == ':'))
            break;
        out[o++] = (char)to_lower(c);
    }
    out[o] = 0;
}

bool charset_from_content_type(const char *ct, size_t n, char out[64])
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (to_lower((unsigned char)ct[i]) == 'c' && str_ieq(ct + i, 7, "charset")) {
            size_t j = i + 7;
            while (j < n && ct[j] == ' ')
                j++;
            if (j >= n || ct[j] != '=')
                continue;
            j++;
            while (j < n && (ct[j] == ' ' || ct[j] == '"' || ct[j] == '\''))
                j++;
            copy_name(ct + j, n - j, out);
            return out[0] != 0;
        }
    }
    return false;
}

bool charset_sniff_document(const char *s, size_t n, char out[64])
{
    size_t lim = DT_MIN(n, (size_t)4096);
    /* XML declaration: <?xml version="1.0" encoding="iso-8859-1"?> */
    if (lim > 5 && memcmp(s, "<?xml", 5) == 0) {
        const char *end = memchr(s, '>', lim);
        size_t dl = end ? (size_t)(end - s) : lim;
        for (size_t i = 0; i + 9 < dl; i++)
            if (memcmp(s + i, "encoding", 8) == 0) {
                size_t j = i + 8;
                while (j < dl && (s[j] == ' ' || s[j] == '='))
                    j++;
                if (j < dl && (s[j] == '"' || s[j] == '\''))
                    j++;
                copy_name(s + j, dl - j, out);
                return out[0] != 0;
            }
    }
    /* <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=..."> */
    for (size_t i = 0; i + 8 < lim; i++) {
        if (s[i] != '<' || !str_ieq(s + i + 1, 4, "meta"))
            continue;
        const char *end = memchr(s + i, '>', lim - i);
        size_t tl = end ? (size_t)(end - (s + i)) : lim - i;
        const char *t = s + i;
        for (size_t j = 5; j + 8 <= tl; j++) {
            if (to_lower((unsigned char)t[j]) != 'c' || !str_ieq(t + j, 7, "charset"))
                continue;
            size_t k = j + 7;
            while (k < tl && (t[k] == ' ' || t[k] == '=' || t[k] == '"' || t[k] == '\''))
                k++;
            copy_name(t + k, tl - k, out);
            if (out[0])
                return true;
        }
    }
    return false;
}

static bool is_utf8_name(const char *c)
{
    return strcmp(c, "utf-8") == 0 || strcmp(c, "utf8") == 0 || strcmp(c, "unicode-1-1-utf-8") == 0;
}

/* utf8_valid with a fast path over ASCII runs (8 bytes at a time); NUL counts as invalid
 * here, since no later stage wants it. */
static bool valid_utf8_nonul(const char *s, size_t n, size_t *bad)
{
    size_t i = 0;
    for (;;) {
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* any byte with the high bit set, or any zero byte */
            if ((w & 0x8080808080808080ULL) || ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
                break;
            i += 8;
        }
        while (i < n && (unsigned char)s[i] < 0x80 && s[i] != 0)
            i++;
        if (i >= n)
            return true;
        if (s[i] == 0) {
            *bad = i;
            return false;
        }
        uint32_t cp;
        size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l == 0) {
            *bad = i;
            return false;
        }
        i += l;
    }
}

/* Append valid UTF-8, replacing invalid sequences (and NULs) by U+FFFD. */
static int append_clean_utf8(const char *in, size_t n, buf *out, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        size_t bad_at;
        if (valid_utf8_nonul(in + i, n - i, &bad_at))
            return buf_append(out, in + i, n - i);
        size_t stop = bad_at;
        if (stop && buf_append(out, in + i, stop))
            return DT_ELIMIT;
        i += stop;
        if (i < n) {
            uint32_t cp;
            size_t l = in[i] ? utf8_decode((const unsigned char *)in + i, n - i, &cp) : 0;
            if (l == 0) {
                if (buf_append(out, "\xEF\xBF\xBD", 3))
                    return DT_ELIMIT;
                if (bad)
                    (*bad)++;
                i++;
            } else {
                if (buf_append(out, in + i, l))
                    return DT_ELIMIT;
                i += l;
            }
        }
    }
    return 0;
}

/* windows-1252 bytes 0x80..0x9F (the rest of the upper half equals Latin-1). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static int append_cp1252(const char *in, size_t n, buf *out)
{
    char tmp[4];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        int rc;
        if (c < 0x80) {
            rc = buf_putc(out, c ? (char)c : ' ');
        } else {
            uint32_t cp = c < 0xA0 ? cp1252_high[c - 0x80] : c;
            rc = buf_append(out, tmp, utf8_encode(cp, tmp));
        }
        if (rc)
            return rc;
    }
    return 0;
}

static int append_iconv(const char *in, size_t n, const char *from, buf *out, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return DT_EFORMAT;
    char *ip = (char *)(uintptr_t)in;
    size_t il = n;
    int rc = 0;
    while (il > 0) {
        if ((rc = buf_reserve(out, il * 2 + 16)))
            break;
        char *op = out->data + out->len;
        size_t ol = out->cap - out->len - 1;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        out->len = (size_t)(op - out->data);
        out->data[out->len] = 0;
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            /* EILSEQ or EINVAL (truncated sequence at the end): replace one byte. */
            if ((rc = buf_append(out, "\xEF\xBF\xBD", 3)))
                break;
            if (bad)
                (*bad)++;
            ip++;
            il--;
        }
    }
    iconv_close(cd);
    return rc;
}

int charset_to_utf8(const char *in, size_t n, const char *declared, buf *out, size_t *bad,
                    char used_buf[64])
{
    const unsigned char *u = (const unsigned char *)in;
    char cs[64] = "";
    /* A byte-order mark decides. */
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        snprintf(used_buf, 64, "utf-8");
        return append_clean_utf8(in + 3, n - 3, out, bad);
    }
    if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
        snprintf(cs, sizeof(cs), "utf-32le");
    else if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
        snprintf(cs, sizeof(cs), "utf-32be");
    else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        snprintf(cs, sizeof(cs), "utf-16le");
    else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        snprintf(cs, sizeof(cs), "utf-16be");
    else if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] == '<')
        snprintf(cs, sizeof(cs), "utf-32be");
    else if (n >= 4 && u[0] == '<' && u[1] == 0 && u[2] == 0 && u[3] == 0)
        snprintf(cs, sizeof(cs), "utf-32le");
    else if (n >= 4 && u[0] == 0 && u[1] == '<' && u[2] == 0)
        snprintf(cs, sizeof(cs), "utf-16be");
    else if (n >= 4 && u[0] == '<' && u[1] == 0 && u[2] != 0)
        snprintf(cs, sizeof(cs), "utf-16le");
    else if (declared && *declared)
        copy_name(declared, strlen(declared), cs);
    else
        charset_sniff_document(in, n, cs);
    size_t skip = 0;
    if (cs[0] == 'u' && strncmp(cs, "utf-16", 6) == 0 && n >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        skip = 2;
    /* Declared UTF-8, US-ASCII or nothing: UTF-8 when the bytes are, else windows-1252.
     * Latin-1 is read as windows-1252 too (as browsers do). */
    if (!cs[0] || is_utf8_name(cs) || strcmp(cs, "us-ascii") == 0 || strcmp(cs, "ascii") == 0 ||
        strcmp(cs, "iso-8859-1") == 0 || strcmp(cs, "latin1") == 0 || strcmp(cs, "iso8859-1") == 0 ||
        strcmp(cs, "windows-1252") == 0 || strcmp(cs, "cp1252") == 0 || strcmp(cs, "x-user-defined") == 0) {
        size_t bad_at;
        bool valid = valid_utf8_nonul(in, n, &bad_at) || utf8_valid(in, n, &bad_at);
        bool want_utf8 = !cs[0] || is_utf8_name(cs) || cs[0] == 'u' || cs[0] == 'a';
        if (want_utf8 && valid) {
            snprintf(used_buf, 64, "utf-8");
            return append_clean_utf8(in, n, out, bad);
        }
        /* Mostly-valid UTF-8 with a few bad bytes stays UTF-8 (with replacements). */
        if (want_utf8 && is_utf8_name(cs)) {
            snprintf(used_buf, 64, "utf-8");
            return append_clean_utf8(in, n, out, bad);
        }
        if (!cs[0] && valid) {
            snprintf(used_buf, 64, "utf-8");
            return append_clean_utf8(in, n, out, bad);
        }
        snprintf(used_buf, 64, "windows-1252");
        return append_cp1252(in, n, out);
    }
    /* Names browsers treat as supersets. */
    if (strcmp(cs, "gb2312") == 0 || strcmp(cs, "gbk") == 0 || strcmp(cs, "x-gbk") == 0)
        snprintf(cs, sizeof(cs), "gb18030");
    else if (strcmp(cs, "shift_jis") == 0 || strcmp(cs, "sjis") == 0 || strcmp(cs, "x-sjis") == 0)
        snprintf(cs, sizeof(cs), "cp932");
    else if (strcmp(cs, "euc-kr") == 0 || strcmp(cs, "ks_c_5601-1987") == 0)
        snprintf(cs, sizeof(cs), "cp949");
    else if (strcmp(cs, "iso-8859-9") == 0)
        snprintf(cs, sizeof(cs), "windows-1254");
    snprintf(used_buf, 64, "%s", cs);
    size_t before = out->len;
    int rc = append_iconv(in + skip, n - skip, cs, out, bad);
    if (rc == DT_EFORMAT) {
        /* An unknown charset name: fall back as if none were declared. */
        out->len = before;
        if (out->data)
            out->data[before] = 0;
        size_t bad_at;
        if (valid_utf8_nonul(in, n, &bad_at) || utf8_valid(in, n, &bad_at)) {
            snprintf(used_buf, 64, "utf-8");
            return append_clean_utf8(in, n, out, bad);
        }
        snprintf(used_buf, 64, "windows-1252");
        return append_cp1252(in, n, out);
    }
    if (rc)
        return rc;
    /* iconv output is valid UTF-8 except for NULs from UTF-16/32 text: blank them. */
    for (size_t i = before; i < out->len; i++)
        if (!out->data[i])
            out->data[i] = ' ';
    return 0;
}
