/* normalize.c — turn arbitrary bytes into clean, single-spaced UTF-8 for coding. */
#include "text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* A blank is owed before the next character: something was written, and it did not end
 * with a blank (the fast path copies blanks inside its blocks). */
static inline bool blank_pending(const buf *out, bool any)
{
    return any && out->data[out->len - 1] != ' ';
}

#if defined(__SSE2__)
/* The r bytes at p (1 to 15) as the first bytes of a vector, zeros after them, read
 * without going past p + r: overlapping loads of 8 or 4 bytes, the overlap shifted out
 * (x86 is little-endian: the first byte is the lowest). */
static inline __m128i load_partial16(const unsigned char *p, size_t r)
{
    uint64_t lo, hi = 0;
    if (r >= 8) {
        memcpy(&lo, p, 8);
        if (r > 8) {
            memcpy(&hi, p + r - 8, 8);
            hi >>= 8 * (16 - r);
        }
    } else if (r >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + r - 4, 4);
        lo = a | ((uint64_t)b >> (8 * (8 - r))) << 32;
    } else {
        lo = p[0];
        if (r > 1)
            lo |= (uint64_t)p[1] << 8;
        if (r > 2)
            lo |= (uint64_t)p[2] << 16;
    }
    return _mm_set_epi64x((long long)hi, (long long)lo);
}
#endif

size_t text_normalize(const char *in, size_t n, buf *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t bad = 0;
    bool pending_space = false;
    bool any = false;
    /* The output is never longer than 3 bytes per input byte (a folded "..."), so the
     * plain-ASCII path writes without bounds checks into this reservation. */
    if (buf_reserve(out, 3 * n + 4))
        return bad;
    const size_t base = out->len;
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    for (size_t i = 0; i < n;) {
#if defined(__SSE2__)
        /* The same test as below on sixteen bytes at a time (every x86-64 processor). */
        if (!pending_space) {
            char *o = out->data;
            size_t len = out->len, from = i;
            /* 1 while a blank at the next byte would follow a blank or begin the output
             * (both are the slow path's to drop): it joins the test for two blanks in a
             * row as one more bit, below the block's first. */
            unsigned prev = len == base || o[len - 1] == ' ';
            const __m128i blank = _mm_set1_epi8(' '), below = _mm_set1_epi8(0x21), del = _mm_set1_epi8(0x7F);
            for (; i + 16 <= n; i += 16, len += 16) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, blank));
                /* below 0x21 (signed: bytes from 0x80 count as below) or DEL */
                unsigned odd =
                    (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(x, below), _mm_cmpeq_epi8(x, del)));
                if ((odd & ~sp) | (sp & ((sp << 1) | prev)))
                    break;
                _mm_storeu_si128((__m128i *)(void *)(o + len), x);
                prev = sp >> 15;
            }
            /* The last bytes, zero-padded: valid keeps the padding out of the test, and the
             * length leaves it out of the output, though it is written (when the room
             * reserved above holds sixteen bytes: it does unless the text is tiny). */
            if (i < n && i + 16 > n && out->cap - len >= 16) {
                __m128i x = load_partial16(s + i, n - i);
                unsigned valid = (1u << (n - i)) - 1;
                unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, blank));
                unsigned odd =
                    (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(x, below), _mm_cmpeq_epi8(x, del)));
                if (!((odd & valid & ~sp) | (sp & ((sp << 1) | prev)))) {
                    _mm_storeu_si128((__m128i *)(void *)(o + len), x);
                    len += n - i;
                    i = n;
                }
            }
            if (i != from)
                any = true;
            out->len = len;
        }
        if (i >= n)
            break;
#endif
        /* Fast path: 8 printable ASCII bytes with no two blanks in a row are copied as
         * they are (nearly all news text). */
        if (i + 8 <= n && !pending_space) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t odd = (((w - ones * 0x21) & ~w) | w | (w + ones)) & highs; /* < 0x21 or >= 0x7F */
            uint64_t t = w ^ (ones * 0x20);
            uint64_t sp = ~(((t & low7) + low7) | t) & highs; /* exactly the blanks */
            bool lead = (sp & 0x80) && (out->len == base || out->data[out->len - 1] == ' ');
            if (!(odd & ~sp) && !(sp & (sp << 8)) && !lead) {
                memcpy(out->data + out->len, &w, 8);
                out->len += 8;
                i += 8;
                any = true;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            if (c <= 0x20 || c == 0x7F) {
                pending_space = blank_pending(out, any);
                continue;
            }
            if (pending_space) {
                out->data[out->len++] = ' ';
                pending_space = false;
            }
            out->data[out->len++] = (char)c;
            any = true;
            continue;
        }
        uint32_t cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (!l) {
            bad++;
            i++;
            pending_space = blank_pending(out, any);
            continue;
        }
        i += l;
        /* Typography becomes ASCII; letters keep their accents in the display text. */
        const char *f = NULL;
        if (cp >= 0x2000 || cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xAD || cp == 0x85 ||
            cp == 0x2BC || cp == 0x2BB || cp == 0xB4 || cp == 0xB7)
            f = utf8_fold(cp);
        if (cp >= 0x80 && cp < 0xA0) /* C1 controls */
            f = " ";
        if (f) {
            if (f[0] == ' ' && f[1] == 0) {
                pending_space = blank_pending(out, any);
                continue;
            }
            if (!f[0])
                continue;
            if (pending_space) {
                buf_putc(out, ' ');
                pending_space = false;
            }
            buf_puts(out, f);
            any = true;
            continue;
        }
        if (pending_space) {
            buf_putc(out, ' ');
            pending_space = false;
        }
        buf_append(out, s + i - l, l);
        any = true;
    }
    if (out->len > base && out->data[out->len - 1] == ' ')
        out->len--; /* a blank that ended a fast-path block ended the text */
    out->data[out->len] = 0;
    return bad;
}

int text_fold_key(const char *in, size_t n, buf *keys)
{
    const unsigned char *s = (const unsigned char *)in;
    int rc = buf_reserve(keys, n + 8);
    if (rc)
        return rc;
    /* Fast path: plain ASCII. */
    {
        char *o = keys->data + keys->len;
        size_t i = 0;
        for (; i < n && s[i] < 0x80; i++)
            o[i] = (char)to_upper(s[i]);
        if (i == n) {
            keys->len += n;
            keys->data[keys->len] = 0;
            return 0;
        }
    }
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            keys->data[keys->len++] = (char)to_upper(c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (!l) {
            i++;
            continue;
        }
        const char *f = utf8_fold(cp);
        if (f) {
            for (; *f; f++) {
                if ((rc = buf_putc(keys, (char)to_upper((unsigned char)*f))))
                    return rc;
            }
        } else if ((rc = buf_append(keys, s + i, l))) {
            return rc;
        }
        i += l;
    }
    keys->data[keys->len] = 0;
    return 0;
}

bool text_is_function_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "a", "an", "am", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me",
        "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "un", "la", "le", "de", "el",
        "al", "may", "can", "will", "aid", "who", "all", "and", "are", "but", "for", "has", "had",
        "her", "him", "his", "its", "not", "our", "the", "was", "you", "end", "act", "man", "pm",
        "ok", "oh", "hi", "ad", "id", "im", "arm", "cut", "war", "win", "gap", "fed", "sun",
        "new", "one", "two", "run", "set", "met", "led", "won", "bar", "ban", "law", "age"};
    for (size_t i = 0; i < DT_ARRAY_LEN(words); i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

/* The hash of the text folded to letters and digits, upper case, one mark between words
 * (fold_hash_words below), made without a copy of the text. */
static inline uint64_t fold_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

#if defined(__SSE2__)
/* word_bits (below) for sixteen bytes. A byte x is in [lo, hi] when x + (0x7F - hi),
 * wrapping, is above 0x7E - (hi - lo) as a signed byte: the range lands at the top of
 * 0..0x7F, bytes above hi wrap to negative, bytes below lo stay under it. A byte is a
 * letter of either case when x | 0x20 is a small letter (the two cases differ in that bit
 * alone), and is upper-cased by clearing that bit; non-ASCII bytes keep their 0x80 bit and
 * count as word bytes. */
static inline unsigned word_lane(__m128i x, unsigned char *f)
{
    __m128i letter = _mm_cmpgt_epi8(_mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x7F - 'z')),
                                    _mm_set1_epi8(0x7E - ('z' - 'a')));
    _mm_storeu_si128((__m128i *)(void *)f, _mm_andnot_si128(_mm_and_si128(letter, _mm_set1_epi8(0x20)), x));
    __m128i digit = _mm_cmpgt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x7F - '9')), _mm_set1_epi8(0x7E - ('9' - '0')));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), x));
}

/* word_bits for the 64 bytes at p. */
static inline uint64_t word_block(const unsigned char *p, unsigned char *f)
{
    const __m128i *v = (const __m128i *)(const void *)p;
    return (uint64_t)word_lane(_mm_loadu_si128(v), f) | (uint64_t)word_lane(_mm_loadu_si128(v + 1), f + 16) << 16 |
           (uint64_t)word_lane(_mm_loadu_si128(v + 2), f + 32) << 32 |
           (uint64_t)word_lane(_mm_loadu_si128(v + 3), f + 48) << 48;
}
#endif

/* One bit a byte for the 64 bytes of s from b on: set for the bytes of words (letters,
 * digits, non-ASCII bytes); none past n. The same bytes, ASCII letters upper-cased, are
 * written to f (64 bytes; past n, zeros). */
static inline uint64_t word_bits(const unsigned char *s, size_t n, size_t b, unsigned char *f)
{
#if defined(__SSE2__)
    if (DT_LIKELY(b + 64 <= n))
        return word_block(s + b, f);
    /* The text's last bytes, zero-padded (a zero is no word byte): the same loads. */
    unsigned char last[64] = {0};
    memcpy(last, s + b, n - b);
    return word_block(last, f);
#else
    uint64_t bits = 0;
    for (unsigned k = 0; k < 64; k += 8) {
        uint64_t lower = 0, m = 0, u = 0;
        if (b + k < n) {
            u = load_le64(s + b + k, n - b - k);
            m = word_byte_mask(u, &lower);
            u -= lower >> 2; /* (no borrows: lower-case bytes are 0x61 and up) */
        }
        memcpy(f + k, &u, 8);
        /* the eight 0x80 marks gathered into one byte, the first byte's lowest */
        bits |= (((m >> 7) * 0x0102040810204080ULL) >> 56) << k;
    }
    return bits;
#endif
}

/* The bytes of a word of 1 to 8 bytes, kept by one mask from this table. */
static const uint64_t word_tail_keep[9] = {
    0, 0xFFULL, 0xFFFFULL, 0xFFFFFFULL, 0xFFFFFFFFULL, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL,
    0xFFFFFFFFFFFFFFULL, ~0ULL};

/* A word of 64 bytes or more, from b on, mixed into h eight bytes at a time (upper-cased
 * here, as its bytes do not fit in one block's copy); *end is set to one past it. */
static uint64_t fold_long_word(uint64_t h, const unsigned char *s, size_t n, size_t b, size_t *end)
{
    unsigned char f[64 + 8];
    size_t we = b + 64;
    for (;;) {
        uint64_t more = ~word_bits(s, n, we, f);
        if (more) {
            we += (unsigned)__builtin_ctzll(more);
            break;
        }
        we += 64;
    }
    for (size_t k = b; k < we; k += 8) {
        uint64_t lower, x = load_le64(s + k, n - k);
        (void)word_byte_mask(x, &lower);
        uint64_t u = x - (lower >> 2);
        size_t left = we - k < 8 ? we - k : 8;
        h = fold_step(h, u & word_tail_keep[left]);
    }
    *end = we;
    return h;
}

/* The hash of the words of s (runs of letters, digits and non-ASCII bytes), ASCII letters
 * upper-cased, whatever separates them: each word is mixed in eight bytes at a time, after
 * a boundary step. Words are found in a bit mask of 64 bytes at a time, and read from the
 * block's upper-cased copy. No word comes into a block from the one before: when the last
 * word of a block runs past it, the next block begins at that word instead of 64 bytes on.
 * Only a word of 64 bytes or more is folded from s, on its own; the next block begins
 * right after it. */
static uint64_t fold_hash_words(const unsigned char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL, words = 0;
    unsigned char f[64 + 8] = {0};
    for (size_t b = 0; b < n;) {
        uint64_t w = word_bits(s, n, b, f);
        /* A word starts on a word byte after one that is not, and ends (one past its last
         * byte) on a byte that is not after one that is: the bits of w ^ (w << 1) are the
         * words' starts and ends in turn, the lowest a start. */
        uint64_t edges = w ^ (w << 1);
        size_t next = b + 64;
        if (w >> 63) {
            /* The last word runs past the block (its start is the highest edge, with no end
             * after it): the next block begins at it, unless it fills the block (a word of
             * 64 bytes or more, folded here from s). */
            unsigned last = 63 - (unsigned)__builtin_clzll(edges);
            edges &= ~(1ULL << last);
            next = b + last;
            if (!last) {
                words++;
                h = fold_step(h, 0x20);
                h = fold_long_word(h, s, n, b, &next); /* (it was the only edge) */
            }
        }
        while (edges) {
            /* (x & (x - 1) clears the lowest set bit) */
            unsigned ws = (unsigned)__builtin_ctzll(edges);
            edges &= edges - 1;
            unsigned len = (unsigned)__builtin_ctzll(edges) - ws;
            edges &= edges - 1;
            words++;
            h = fold_step(h, 0x20);
            const unsigned char *p = f + ws;
            uint64_t u;
            if (DT_UNLIKELY(len > 8)) { /* (most words: one step) */
                do {
                    memcpy(&u, p, 8);
                    h = fold_step(h, u);
                    p += 8;
                    len -= 8;
                } while (len > 8);
            }
            memcpy(&u, p, 8);
            h = fold_step(h, u & word_tail_keep[len]);
        }
        b = next;
    }
    return hash_mix(h ^ words);
}

uint64_t dt_text_hash(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    uint64_t high = 0;
    size_t i = 0;
#if defined(__SSE2__)
    /* Whether a byte is non-ASCII, 64 bytes a step: the bytes are or-ed together and their
     * sign bits read once, at the end (a fifth of the instructions of eight bytes a step;
     * every document read is asked). */
    __m128i any = _mm_setzero_si128();
    for (; i + 64 <= len; i += 64) {
        const __m128i *v = (const __m128i *)(const void *)(s + i);
        any = _mm_or_si128(any, _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                             _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3))));
    }
    high = _mm_movemask_epi8(any) ? FH_HIGHS : 0;
#endif
    for (; i + 8 <= len; i += 8)
        high |= load_le64(s + i, 8);
    for (; i < len; i++)
        high |= s[i];
    if (!(high & FH_HIGHS))
        return fold_hash_words(s, len); /* folding ASCII is upper-casing */
    buf key;
    buf_init(&key, 0);
    if (text_fold_key(text, len, &key) || !key.data) {
        buf_free(&key);
        return hash_bytes(text, len);
    }
    uint64_t h = fold_hash_words((const unsigned char *)key.data, key.len);
    buf_free(&key);
    return h;
}
