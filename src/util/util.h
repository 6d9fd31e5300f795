/* util.h — internal helpers shared by every module: arenas, bounded buffers,
 * hashing, error detail, UTF-8, small string utilities. Not part of the public API. */
#ifndef DT_UTIL_H
#define DT_UTIL_H

#include "detente.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define DT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define DT_MIN(a, b) ((a) < (b) ? (a) : (b))
#define DT_MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define DT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define DT_LIKELY(x) __builtin_expect(!!(x), 1)
#define DT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define DT_NOINLINE __attribute__((noinline))
#else
#define DT_PRINTF(f, a)
#define DT_LIKELY(x) (x)
#define DT_UNLIKELY(x) (x)
#define DT_NOINLINE
#endif

/* ---------------------------------------------------------------- arena */

/* A bump allocator: many small allocations, one free. Blocks grow geometrically. */
typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
    unsigned char *next, *end; /* the free part of the head block */
    size_t block_size;
    size_t total;      /* bytes held in blocks */
} arena;

void arena_init(arena *a, size_t block_size);
/* The path for when the head block is full: a new block. */
void *arena_alloc_slow(arena *a, size_t n);
/* Returns NULL on out-of-memory. Memory is 16-byte aligned and not zeroed. Inline because
 * the coder and the dictionary loader allocate tens of thousands of small pieces, and a
 * piece that fits in the head block costs only a bump of the pointer. */
static inline void *arena_alloc(arena *a, size_t n)
{
    /* r is 0 only for n == 0 (a 16-byte piece) or an n that wraps around (NULL): r - 1 is
     * then the largest size_t, so those two take the slow path. (The free part as integers:
     * a new arena's pointers are both NULL.) */
    size_t r = (n + 15) & ~(size_t)15;
    if (DT_LIKELY(r - 1 < (size_t)((uintptr_t)a->end - (uintptr_t)a->next))) {
        void *p = a->next;
        a->next += r;
        return p;
    }
    return arena_alloc_slow(a, n);
}
void *arena_zalloc(arena *a, size_t n);
/* Copy len bytes and add a NUL. */
static inline char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = 0;
    return p;
}
/* Forget everything but keep the first block for reuse. */
void arena_reset(arena *a);
void arena_free(arena *a);

/* ---------------------------------------------------------------- buffer */

/* A growable byte buffer with a hard size cap (growth driven by untrusted input
 * must go through this type). Always NUL-terminated when data != NULL. */
typedef struct buf {
    char *data;
    size_t len;
    size_t cap;
    size_t limit;   /* 0 = unlimited */
    bool failed;    /* an append failed (out of memory or over the limit) */
} buf;

void buf_init(buf *b, size_t limit);
void buf_free(buf *b);
static inline void buf_clear(buf *b) { b->len = 0; b->failed = false; if (b->data) b->data[0] = 0; }
/* Make room for n more bytes; returns 0, DT_ENOMEM or DT_ELIMIT. */
int buf_grow(buf *b, size_t n); /* the slow path of buf_reserve */
static inline int buf_reserve(buf *b, size_t n)
{
    return DT_LIKELY(b->cap - b->len > n) ? 0 : buf_grow(b, n);
}
int buf_append(buf *b, const void *p, size_t n);
static inline int buf_putc(buf *b, char c)
{
    int rc = buf_reserve(b, 1);
    if (rc)
        return rc;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return 0;
}
static inline int buf_puts(buf *b, const char *s) { return buf_append(b, s, strlen(s)); }
int buf_printf(buf *b, const char *fmt, ...) DT_PRINTF(2, 3);
int buf_vprintf(buf *b, const char *fmt, va_list ap);
/* Append s as a JSON string literal (with quotes), escaping as needed. */
int buf_json_str(buf *b, const char *s, size_t n);
/* s as a quoted JSON string at o, which has room for 6 * n + 2 bytes; returns the end. */
char *json_put(char *o, const char *s, size_t n);
/* Append s escaped for TSV (tabs/newlines become spaces) or CSV (quoted if needed). */
int buf_tsv_field(buf *b, const char *s, size_t n);
int buf_csv_field(buf *b, const char *s, size_t n);
/* v in decimal at o (room for 20 bytes); returns the end. */
static inline char *put_u64(char *o, uint64_t v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(o, tmp + i, sizeof(tmp) - i);
    return o + sizeof(tmp) - i;
}

/* Append an unsigned / signed integer in decimal (fast path for output). */
int buf_u64(buf *b, uint64_t v);
/* A number rounded to one decimal ("-7.2", "3.0"), without printf: Goldstein weights. */
int buf_decimal1(buf *b, double v);
int buf_i64(buf *b, int64_t v);

/* ---------------------------------------------------------------- hashing */

static inline uint64_t hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* Whether some byte of eight (w) or sixteen (x) would be escaped in a JSON string: a
 * control byte, '"' or '\\', and when stop_high any byte above 0x7F. Shared by the parser's
 * plain runs (json_run) and the writer (json_put), so the two agree on the bytes. */
static inline bool json_hit8(uint64_t w, bool stop_high)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    /* (x - ones * k) & ~x & highs is non-zero when some byte of x is below k */
    uint64_t hit = (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
    return hit || (stop_high && (w & highs));
}
#if defined(__SSE2__)
/* The bytes of x that hit, one bit each (bit i for byte i). */
static inline unsigned json_hit16(__m128i x, bool stop_high)
{
    /* bytes from 0x80 are negative as signed bytes, so "below 0x20" takes them too */
    __m128i low = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
    if (!stop_high)
        low = _mm_andnot_si128(_mm_cmplt_epi8(x, _mm_setzero_si128()), low);
    __m128i hit = _mm_or_si128(low, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                 _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/* Length of the longest prefix of s[0..n) a JSON string holds as it is: no control byte,
 * '"' or '\\', and (when stop_high) no byte above 0x7F; tested 16 or 8 bytes at a time. */
static inline size_t json_run(const unsigned char *s, size_t n, bool stop_high)
{
    size_t i = 0;
#if defined(__SSE2__)
    /* sixteen bytes at a time where the processor has SSE2 (every x86-64 one), in steps
     * of 32 while no byte hits (a record's text is kilobytes long) */
    for (; i + 32 <= n; i += 32) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
        if (json_hit16(a, stop_high) | json_hit16(b, stop_high))
            break;
    }
    for (; i + 16 <= n; i += 16) {
        unsigned bits = json_hit16(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), stop_high);
        if (bits)
            return i + (unsigned)__builtin_ctz(bits);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (json_hit8(w, stop_high))
            break;
    }
    for (; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x20 || (stop_high && c >= 0x80) || c == '"' || c == '\\')
            break;
    }
    return i;
}

/* The printable-ASCII run a JSON parser copies without decoding. */
static inline size_t json_plain_prefix(const unsigned char *s, size_t n) { return json_run(s, n, true); }

/* A fast 64-bit hash of bytes (8 bytes at a time). */
static inline uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0x100000001b3ULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ hash_mix(w)) * 0x100000001b3ULL;
        s += 8;
        n -= 8;
    }
    /* The last 0 to 7 bytes as a number whose lowest byte is the first of them: from two
     * four-byte loads that overlap (the bytes they share land on the same places), or for
     * one to three bytes from the first, middle and last byte; no loop over the bytes. */
    uint64_t t = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        a = __builtin_bswap32(a);
        b = __builtin_bswap32(b);
#endif
        t = a | (uint64_t)b << (8 * (n - 4));
    } else if (n) {
        t = s[0] | (uint64_t)s[n / 2] << (8 * (n / 2)) | (uint64_t)s[n - 1] << (8 * (n - 1));
    }
    h = (h ^ hash_mix(t ^ 0x5bd1e995ULL)) * 0x100000001b3ULL;
    return hash_mix(h);
}

static inline uint64_t hash_u64(uint64_t a) { return hash_mix(a + 0x9e3779b97f4a7c15ULL); }

/* ---------------------------------------------------------------- shared libraries */

/* A shared library opened at first use (lib.c): the file named by the environment variable
 * env when set (how the tests see a machine without it), else `file`; NULL when it cannot be
 * opened, with problem set to "NEED: why". */
void *lib_open(const char *env, const char *file, const char *need, char *problem, size_t cap);
/* Each names[i] looked up in lib and stored through slots[i] (the address of a function
 * pointer, as POSIX lets dlsym's result be used); the first name not found, or NULL. */
const char *lib_find(void *lib, const char *const *names, void **const *slots, size_t n);

/* ---------------------------------------------------------------- errors */

/* Fill an optional dt_error. file may be NULL. */
void err_set(dt_error *e, int code, const char *file, long line, long col, const char *fmt, ...)
    DT_PRINTF(6, 7);
/* Report a diagnostic through a dt_diag_fn (no-op when fn is NULL). */
void diag_emit(dt_diag_fn fn, void *user, int code, const char *file, long line, long col,
               long long offset, const char *fmt, ...) DT_PRINTF(8, 9);

/* ---------------------------------------------------------------- UTF-8 */

/* Decode one code point at s[0..n). Returns its length (1..4) and stores the code
 * point, or returns 0 for an invalid sequence (then *cp = U+FFFD, consume 1 byte). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* True when s[0..n) is valid UTF-8; on failure *bad is the offset of the first error. */
bool utf8_valid(const char *s, size_t n, size_t *bad);
/* ASCII approximation of a code point for matching: letters lose their accents
 * ("é" -> "e", "ß" -> "ss"), typographic quotes/dashes/spaces become ASCII. Returns
 * the replacement (static) or NULL when the code point has none (it is then kept). */
const char *utf8_fold(uint32_t cp);
/* Encode cp into out (4 bytes). Returns length. */
size_t utf8_encode(uint32_t cp, char *out);

/* ---------------------------------------------------------------- strings */

static inline bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
static inline bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
static inline int to_upper(int c) { return is_lower(c) ? c - 32 : c; }
static inline int to_lower(int c) { return is_upper(c) ? c + 32 : c; }

/* Case-insensitive ASCII comparison of a slice with a NUL-terminated word. */
bool str_ieq(const char *s, size_t n, const char *word);
/* out = the first alen bytes of a, then b, cut to fit cap (NUL-terminated, cap > 0).
 * Returns the length written. What snprintf(out, cap, "%.*s%s", alen, a, b) gives, at a
 * fraction of its cost (codes are joined for every mention). */
size_t str_join(char *out, size_t cap, const char *a, size_t alen, const char *b);
/* Trim blanks at both ends of a slice. */
dt_slice str_trim(const char *s, size_t n);
/* Parse a decimal integer (optional sign) from the whole slice. */
bool str_to_long(const char *s, size_t n, long *out);
bool str_to_double(const char *s, size_t n, double *out);

/* Append an item to a growable array (doubling). Returns its index or -1. Inline, so that
 * the copy of an item of a known size is a move or two, not a call of memcpy; growing the
 * array is out of line (vec_push_grow, which then appends the item). */
int64_t vec_push_grow(void **arr, size_t *n, size_t *cap, size_t size, const void *item);
static inline int64_t vec_push(void **arr, size_t *n, size_t *cap, size_t size, const void *item)
{
    if (DT_UNLIKELY(*n == *cap))
        return vec_push_grow(arr, n, cap, size, item);
    memcpy((char *)*arr + *n * size, item, size);
    return (int64_t)(*n)++;
}

/* Read a whole file into memory (NUL-terminated). limit 0 = no limit. */
int file_read_all(const char *path, size_t limit, char **data, size_t *len, dt_error *err);

/* ---------------------------------------------------------------- dates */

int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t day, int *y, int *m, int *d);
bool date_valid_ymd(int y, int m, int d);
#define DATE_NONE INT32_MIN

#endif
