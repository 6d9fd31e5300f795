/* utf8.c — UTF-8 decoding and validation, and folding to an ASCII form for matching
 * (accents removed, typographic quotes, dashes and spaces made plain). */
#include "util.h"

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        goto bad;
    }
    if (len > n)
        goto bad;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            goto bad;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto bad;
    *cp = v;
    return len;
bad:
    *cp = 0xFFFD;
    return 0;
}

/* How far s[0..n) is ASCII, in whole blocks: a length at which the caller goes on byte by
 * byte (not always the first byte above 0x7F). 32 bytes a step where the processor has
 * SSE2 (every x86-64 one: the sign bits of two loads OR'd), then 8 at a time. */
static inline size_t ascii_blocks(const unsigned char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    for (; i + 32 <= n; i += 32) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
        if (_mm_movemask_epi8(_mm_or_si128(a, b)))
            break;
    }
#endif
    uint64_t w;
    while (i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ULL)))
        i += 8;
    return i;
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            i += ascii_blocks(p + i, n - i);
            continue;
        }
        uint32_t cp;
        size_t l = utf8_decode(p + i, n - i, &cp);
        if (!l) {
            if (bad)
                *bad = i;
            return false;
        }
        i += l;
    }
    return true;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* U+00C0..U+00FF: one letter each, except the ligatures handled below. */
static const char latin1[] =
    "AAAAAA?CEEEEIIIIDNOOOOOxOUUUUY??"
    "aaaaaa?ceeeeiiiidnooooo/ouuuuy?y";
/* U+0100..U+017F. */
static const char latin_ext_a[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

static const char *letter(char c)
{
    static const char letters[] = "AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz/";
    const char *p = strchr(letters, c);
    /* Return a pointer to a NUL-terminated one-letter string. */
    static const char *const one[] = {
        "A", "a", "B", "b", "C", "c", "D", "d", "E", "e", "F", "f", "G", "g", "H", "h", "I", "i",
        "J", "j", "K", "k", "L", "l", "M", "m", "N", "n", "O", "o", "P", "p", "Q", "q", "R", "r",
        "S", "s", "T", "t", "U", "u", "V", "v", "W", "w", "X", "x", "Y", "y", "Z", "z", "/"};
    return p ? one[p - letters] : NULL;
}

const char *utf8_fold(uint32_t cp)
{
    if (cp < 0x80)
        return NULL;
    if (cp >= 0xC0 && cp <= 0xFF) {
        switch (cp) {
        case 0xC6: return "AE";
        case 0xE6: return "ae";
        case 0xDE: return "TH";
        case 0xFE: return "th";
        case 0xDF: return "ss";
        default: return letter(latin1[cp - 0xC0]);
        }
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        switch (cp) {
        case 0x132: return "IJ";
        case 0x133: return "ij";
        case 0x152: return "OE";
        case 0x153: return "oe";
        default: return letter(latin_ext_a[cp - 0x100]);
        }
    }
    switch (cp) {
    case 0x218: return "S";
    case 0x219: return "s";
    case 0x21A: return "T";
    case 0x21B: return "t";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x02BB:
    case 0x00B4: case 0x0060:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return "-";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000: case 0x2028: case 0x2029: case 0x0085:
        return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD: case 0x2060:
        return "";
    case 0x2026: return "...";
    case 0x2022: case 0x00B7: return " ";
    case 0xFFFD: return " ";
    default: return NULL;
    }
}
