/* tokenize.c — split a normalised sentence into word, number and punctuation tokens
 * with match keys (upper case, accents removed). Hot path: no allocation per token. */
#include "text.h"

#include <stdlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Bytes that belong to words: ASCII letters and digits, and every byte of a multi-byte
 * UTF-8 character. */
static const unsigned char word_tab[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static bool word_byte(unsigned char c) { return word_tab[c]; }

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TOK_SWAR 1
#else
#define TOK_SWAR 0
#endif

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Eight bytes of an ASCII word upper-cased; the cases seen are added to lo_all and up_all,
 * and first becomes 2 or 1 at the first letter, upper or lower case. */
static inline uint64_t fold_chunk(uint64_t x, uint64_t *lo_all, uint64_t *up_all, uint64_t *first)
{
    /* bytes in a..z and in A..Z (no carries between bytes below 0x80) */
    uint64_t lo = (x + 0x1F * ONES) & ~(x + 0x05 * ONES) & HIGHS;
    uint64_t up = (x + 0x3F * ONES) & ~(x + 0x25 * ONES) & HIGHS;
    if (!*first && (lo | up)) {
        uint64_t cased = lo | up;
        *first = (cased & (0 - cased)) & up ? 2 : 1;
    }
    *lo_all |= lo;
    *up_all |= up;
    return x - (lo >> 2);
}

/* text_key_hash of a key whose bytes after it, up to the next multiple of eight, are zero
 * (at least eight bytes from the key on are readable). */
static inline uint64_t padded_key_hash(const char *o, size_t len)
{
    uint64_t h = TEXT_KEY_SEED ^ len, lo, hi = 0;
    size_t k = 0;
    for (size_t steps = text_key_hash_steps(len); steps; steps--, k += 8) {
        memcpy(&lo, o + k, 8);
        h = text_key_hash_step(h, lo);
    }
    memcpy(&lo, o + k, 8);
    if (len - k > 8)
        memcpy(&hi, o + k + 8, 8);
    return text_key_hash_end(h, lo, hi);
}

/* Plain ASCII words, eight bytes at a time: the upper-case key, its hash and the case
 * flags in one pass. Returns false (and writes nothing) when a byte is not ASCII. The
 * text must be readable up to the next multiple of eight bytes after the word; the key
 * buffer must have room for as much. */
static inline __attribute__((always_inline)) bool push_ascii(const unsigned char *w, uint32_t len, char *o, uint64_t *hash, bool *any_upper,
                       bool *any_lower, bool *first_upper)
{
    uint64_t lo_all = 0, up_all = 0, first = 0;
    for (uint32_t i = 0; i < len; i += 8) {
        uint64_t x;
        memcpy(&x, w + i, 8);
        uint32_t rem = len - i;
        if (rem < 8)
            x &= (1ULL << (8 * rem)) - 1;
        if (x & HIGHS)
            return false;
        uint64_t u = fold_chunk(x, &lo_all, &up_all, &first);
        memcpy(o + i, &u, 8);
    }
    *hash = padded_key_hash(o, len);
    *any_lower = lo_all != 0;
    *any_upper = up_all != 0;
    *first_upper = first == 2;
    return true;
}

/* A word's case flags from what its letters were. */
static inline uint16_t case_flags(uint16_t flags, bool first_upper, bool any_upper, bool any_lower)
{
    if (flags & TOKF_WORD) {
        if (first_upper)
            flags |= TOKF_CAP;
        if (any_upper && !any_lower)
            flags |= TOKF_ALLCAP;
        if (any_lower && !any_upper)
            flags |= TOKF_LOWER;
    }
    return flags;
}

/* A key longer than a token's key_len holds (0xFFFF bytes) is looked up by its first
 * 0xFFFF bytes (the token cache compares key_len bytes): its hash is of those bytes too,
 * so that the cache places it again where it finds it. (Cold: only absurd words.) */
static DT_NOINLINE void cap_long_key(tok *t, const char *keys)
{
    t->hash = text_key_hash(keys + t->key, 0xFFFF);
}

static int push(tok **toks, size_t *cap, size_t *n, buf *keys, const char *s, uint32_t start,
                uint32_t len, uint16_t flags)
{
    if (DT_UNLIKELY(*n == *cap)) {
        size_t nc = *cap ? *cap * 2 : 64;
        tok *t = realloc(*toks, nc * sizeof(*t));
        if (!t)
            return DT_ENOMEM;
        *toks = t;
        *cap = nc;
    }
    tok *t = &(*toks)[(*n)++];
    t->start = start;
    t->len = len;
    t->key = (uint32_t)keys->len;
    const unsigned char *w = (const unsigned char *)s + start;
    bool any_upper = false, any_lower = false, first_upper = false;
    if (buf_reserve(keys, len + 16))
        return DT_ENOMEM;
    {
        /* Near the end of the text, or with non-ASCII letters (tz_emit takes the rest):
         * byte by byte. */
        uint32_t i = 0;
        char *o = keys->data + keys->len;
        for (; i < len && w[i] < 0x80; i++) {
            unsigned char c = w[i];
            if (is_lower(c)) {
                any_lower = true;
                c = (unsigned char)(c - 32);
            } else if (is_upper(c)) {
                if (!any_upper && !any_lower)
                    first_upper = true;
                any_upper = true;
            }
            o[i] = (char)c;
        }
        if (i == len) {
            keys->len += len;
        } else {
            /* Some non-ASCII letters: fold the whole word, and take its case from the
             * folded letters. */
            any_upper = any_lower = first_upper = false;
            int rc = text_fold_key(s + start, len, keys);
            if (rc)
                return rc;
            for (uint32_t j = 0; j < len; j++) {
                unsigned char c = w[j];
                if (c >= 0x80) {
                    uint32_t cp;
                    size_t l = utf8_decode(w + j, len - j, &cp);
                    const char *f = l ? utf8_fold(cp) : NULL;
                    c = f && f[0] ? (unsigned char)f[0] : 'x';
                    if (l > 1)
                        j += (uint32_t)l - 1;
                }
                if (is_upper(c)) {
                    if (!any_upper && !any_lower)
                        first_upper = true;
                    any_upper = true;
                } else if (is_lower(c)) {
                    any_lower = true;
                }
            }
        }
        t->hash = text_key_hash(keys->data + t->key, keys->len - t->key);
    }
    size_t kl = keys->len - t->key;
    t->key_len = (uint16_t)(kl > 0xFFFF ? 0xFFFF : kl);
    if (DT_UNLIKELY(kl > 0xFFFF))
        cap_long_key(t, keys->data);
    int rc = buf_putc(keys, 0);
    if (rc)
        return rc;
    t->flags = case_flags(flags, first_upper, any_upper, any_lower);
    return 0;
}


#if defined(__SSE2__)
/* What the byte after a plain word (a run of ASCII letters and digits) says about it, for
 * the sixteen-byte path: 0, the word ends there; 1, the general path must look at it (an
 * apostrophe or period that may continue it or end it in another token, a non-ASCII byte,
 * or a letter or digit: the word is longer than the load); 2, the same for a number only
 * (its comma or percent sign). */
static const unsigned char after_tab[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 2, 0, 1, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Sixteen 0xFF bytes, then sixteen zeros: loaded from 16 - len on, the mask of a word's
 * first len bytes. */
static const unsigned char head_mask[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

/* A word under sixteen bytes, found by the sixteen-byte load x at byte i (letter: its
 * letters' mask): its token, with its key at o (the key, then zeros: its NUL and more),
 * its hash, and its case flags; for the fast loop in tokenize() and for tz_word_end. */
static inline __attribute__((always_inline)) void tz_short_word(tok *t, char *o, __m128i x, __m128i letter,
                                                                size_t i, size_t len, size_t key,
                                                                bool numeric, uint16_t pending)
{
    __m128i head = _mm_loadu_si128((const __m128i *)(const void *)(head_mask + 16 - len));
    __m128i k = _mm_and_si128(_mm_andnot_si128(_mm_and_si128(letter, _mm_set1_epi8(0x20)), x), head);
    _mm_storeu_si128((__m128i *)(void *)o, k);
    /* the key's hash, as text_key_hash makes it */
    uint64_t lo64, hi64;
    memcpy(&lo64, o, 8);
    memcpy(&hi64, o + 8, 8);
    /* The case flags of a word, whose first byte is a letter: from that letter's case and
     * whether a letter of the other case follows. Bit 0x20 of each byte (lower case in a
     * letter) is moved up to bit 0x80 for the mask: a 16-bit lane's shift moves no bit
     * across its bytes' 0x80 bits. Numbers have no case flags: they take the table's second
     * half, indexed like the first, so that no branch asks for a number (it mispredicted
     * about one word in twenty). */
    static const uint16_t word_case[8] = {TOKF_WORD | TOKF_CAP | TOKF_ALLCAP, TOKF_WORD | TOKF_CAP,
                                          TOKF_WORD | TOKF_LOWER, TOKF_WORD,
                                          TOKF_NUMBER, TOKF_NUMBER, TOKF_NUMBER, TOKF_NUMBER};
    unsigned letters = (unsigned)_mm_movemask_epi8(_mm_and_si128(letter, head));
    unsigned lowb = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 2));
    unsigned first_low = lowb & 1;
    unsigned other = letters & (lowb ^ (0u - first_low)); /* (the other case than the first's) */
    uint16_t fl = word_case[(unsigned)numeric * 4 + first_low * 2 + (other != 0)];
    t->hash = text_key_hash_end(TEXT_KEY_SEED ^ len, lo64, hi64);
    t->start = (uint32_t)i;
    t->len = (uint32_t)len;
    t->key = (uint32_t)key;
    t->key_len = (uint16_t)len;
    t->flags = (uint16_t)(fl | pending);
}
#endif

/* The tokenizer's state for one sentence, as the general path sees it (the fast path in
 * tokenize() keeps the token count and the key buffer's length in locals and writes them
 * back before it hands a token over). Room for every token (at most one per byte) and for
 * every ASCII key (its bytes, a NUL and the wide writes' overrun) is reserved up front, so
 * the common case checks nothing. */
typedef struct tz {
    tok **toks;
    size_t *cap;
    size_t count;
    buf *keys;
    const char *s;
    size_t n;
    /* The text's last bytes (from tail_from to n, at most 32) followed by zeros: the
     * sixteen-byte and eight-byte reads of a token near the end read them here instead of
     * past the end of the text. */
    size_t tail_from;
    unsigned char tail[64];
} tz;

/* Room for the rest of the sentence's keys from byte `from` on (ASCII: at most nine bytes
 * per byte of text). */
static int tz_reserve_keys(tz *z, size_t from)
{
    return buf_reserve(z->keys, 9 * (z->n - from) + 64);
}

/* Copies the text's last bytes into z->tail, once per sentence: two fixed-size moves that
 * may overlap (a text under four bytes byte by byte). */
static void tz_fill_tail(tz *z)
{
    const unsigned char *s = (const unsigned char *)z->s;
    size_t n = z->n, from = n > 32 ? n - 32 : 0, k = n - from;
    unsigned char *t = z->tail;
    memset(t, 0, sizeof(z->tail));
    if (k >= 16) {
        memcpy(t, s + from, 16);
        memcpy(t + k - 16, s + n - 16, 16);
    } else if (k >= 8) {
        memcpy(t, s + from, 8);
        memcpy(t + k - 8, s + n - 8, 8);
    } else if (k >= 4) {
        memcpy(t, s + from, 4);
        memcpy(t + k - 4, s + n - 4, 4);
    } else {
        for (size_t i = 0; i < k; i++)
            t[i] = s[from + i];
    }
    z->tail_from = from;
}

/* A token: plain ASCII words (and punctuation) in place; the rest through push(). */
static inline __attribute__((always_inline)) int tz_emit(tz *z, uint32_t start, uint32_t len, uint16_t flags)
{
    buf *keys = z->keys;
    uint32_t padded = (len + 7) & ~7u;
    /* (a short token at the end of the text is read from the zero-padded copy of the
     * text's end: push_ascii reads whole eight-byte chunks; it starts at most 23 bytes
     * before the end, so inside the copy) */
    const unsigned char *from = (const unsigned char *)z->s + start;
    if (start + padded > z->n && len <= 16) {
        from = z->tail + (start - z->tail_from);
        padded = 0;
    }
    if (TOK_SWAR && start + padded <= z->n) {
        tok *t = &(*z->toks)[z->count];
        bool any_upper, any_lower, first_upper;
        char *o = keys->data + keys->len;
        if (push_ascii(from, len, o, &t->hash, &any_upper, &any_lower, &first_upper)) {
            z->count++;
            t->start = start;
            t->len = len;
            t->key = (uint32_t)keys->len;
            t->key_len = (uint16_t)(len > 0xFFFF ? 0xFFFF : len);
            o[len] = 0;
            o[len + 1] = 0;
            keys->len += len + 1;
            if (DT_UNLIKELY(len > 0xFFFF))
                cap_long_key(t, keys->data);
            t->flags = case_flags(flags, first_upper, any_upper, any_lower);
            return 0;
        }
    }
    int rc = push(z->toks, z->cap, &z->count, keys, z->s, start, len, flags);
    return rc ? rc : tz_reserve_keys(z, start);
}

/* Where the next token starts after a word ending at i (before byte d): past a blank, or
 * past a hyphen joining the next word ("Jong-un"), which *pending then records. */
static inline size_t after_word(const unsigned char *s, size_t i, size_t n, unsigned char d, uint16_t *pending)
{
    *pending = 0;
    if (d == ' ') {
        i++;
    } else if (d == '-' && i + 1 < n && word_byte(s[i + 1])) {
        *pending = TOKF_HYPH;
        i++;
    }
    return i;
}

/* A plain word of sixteen bytes or more in one pass: ASCII letters and digits that end,
 * inside the text, at a byte which ends them whatever came before (a blank, most
 * punctuation). The chunks that find the word's end also make its key and case flags.
 * Returns false, having written nothing, for the rest: an apostrophe or period after the
 * word (which may continue it: "O'Brien", "U.S", or end it: "Korea's", "Corp."), a
 * number's comma or percent sign, non-ASCII bytes, the end of the text; the general path
 * takes those. (With SSE2, shorter words take the sixteen-byte path in tokenize().) */
static inline __attribute__((always_inline)) bool tz_plain_word(tz *z, size_t *pi, uint16_t *pending)
{
    const unsigned char *s = (const unsigned char *)z->s;
    size_t st = *pi, n = z->n, len = 0;
    char *o = z->keys->data + z->keys->len;
    uint64_t lo_all = 0, up_all = 0, first = 0;
    unsigned nb;
    do {
        if (!TOK_SWAR || st + len + 8 > n)
            return false;
        uint64_t x = load_le64(s + st + len, 8);
        if (x & HIGHS)
            return false;
        /* letters of either case and digits (no carries: every byte is below 0x80) */
        uint64_t lo = (x + 0x1F * ONES) & ~(x + 0x05 * ONES) & HIGHS;
        uint64_t up = (x + 0x3F * ONES) & ~(x + 0x25 * ONES) & HIGHS;
        uint64_t digit = (x + 0x50 * ONES) & ~(x + 0x46 * ONES) & HIGHS;
        uint64_t stop = ~(lo | up | digit) & HIGHS;
        nb = stop ? (unsigned)__builtin_ctzll(stop) >> 3 : 8;
        if (nb < 8) {
            uint64_t keep = (1ULL << (8 * nb)) - 1;
            x &= keep;
            lo &= keep;
            up &= keep;
        }
        if (!first && (lo | up))
            first = ((lo | up) & (0 - (lo | up))) & up ? 2 : 1;
        lo_all |= lo;
        up_all |= up;
        uint64_t u = x - (lo >> 2);
        memcpy(o + len, &u, 8);
        len += nb;
    } while (nb == 8);
    unsigned char d = s[st + len];
    bool numeric = is_digit(s[st]);
    if (d == '\'' || d == '.' || (numeric && (d == ',' || d == '%')))
        return false;
    tok *t = &(*z->toks)[z->count++];
    t->hash = padded_key_hash(o, len); /* (the bytes after the key are zero) */
    t->start = (uint32_t)st;
    t->len = (uint32_t)len;
    t->key = (uint32_t)z->keys->len;
    t->key_len = (uint16_t)(len > 0xFFFF ? 0xFFFF : len);
    o[len] = 0;
    o[len + 1] = 0;
    z->keys->len += len + 1;
    if (DT_UNLIKELY(len > 0xFFFF))
        cap_long_key(t, z->keys->data);
    t->flags = case_flags((uint16_t)((numeric ? TOKF_NUMBER : TOKF_WORD) | *pending), first == 2, up_all != 0,
                          lo_all != 0);
    *pi = after_word(s, st + len, n, d, pending);
    return true;
}

/* Letters separated by periods: "U.S", "U.N", "a.m" (the final period not yet seen). */
static bool initialism(const char *w, size_t n)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool letter_pos = (i % 2) == 0;
        if (letter_pos ? !is_alpha((unsigned char)w[i]) : w[i] != '.')
            return false;
    }
    return n % 2 == 1;
}

/* Length of a trailing clitic ('ve 're 'll 'd 'm) after at least two letters, or 0. */
static size_t clitic_len(const char *w, size_t n)
{
    static const char *const clitics[] = {"'ve", "'re", "'ll", "'d", "'m"};
    if (n < 4 || (w[n - 2] != '\'' && w[n - 3] != '\''))
        return 0;
    for (size_t i = 0; i < sizeof(clitics) / sizeof(clitics[0]); i++) {
        size_t l = strlen(clitics[i]);
        if (n >= l + 2 && w[n - l] == '\'') {
            bool same = true;
            for (size_t k = 1; k < l; k++)
                same &= to_lower((unsigned char)w[n - l + k]) == clitics[i][k];
            if (same)
                return l;
        }
    }
    return 0;
}

static bool only_closers_left(const char *s, size_t i, size_t n)
{
    for (; i < n; i++) {
        char c = s[i];
        if (c != '"' && c != '\'' && c != ')' && c != ']' && c != ' ')
            return false;
    }
    return true;
}

/* Where the word (or number) that goes on at i ends: past its letters and digits, an
 * apostrophe or period followed by one ("O'Brien", "U.S", "3.5", but not a possessive 's),
 * and in a number a comma before three digits ("1,500") and a percent sign. */
static inline size_t word_end(const char *s, size_t i, size_t n, bool numeric)
{
    while (i < n) {
        /* (byte by byte: the runs here are short, "U", "S" or "500", since the fast paths
         * take the long plain words) */
        unsigned char d = (unsigned char)s[i];
        if (word_byte(d)) {
            i++;
            continue;
        }
        if ((d == '\'' || d == '.') && i + 1 < n && word_byte((unsigned char)s[i + 1])) {
            /* "O'Brien", "don't", "U.S", "3.5" — but not the possessive 's */
            if (d == '\'' && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                (i + 2 >= n || !word_byte((unsigned char)s[i + 2])))
                break;
            i++;
            continue;
        }
        if (numeric && d == ',' && i + 3 < n + 0 && is_digit((unsigned char)s[i + 1]) &&
            is_digit((unsigned char)s[i + 2]) && is_digit((unsigned char)s[i + 3]) &&
            (i + 4 >= n || !is_digit((unsigned char)s[i + 4]))) {
            i++;
            continue;
        }
        if (numeric && d == '%') {
            i++;
            continue;
        }
        break;
    }
    return i;
}

#if defined(__SSE2__)
/* The possessive after a plain word whose next byte, at a, is an apostrophe, as the
 * general path splits it off: 2 for "'s" or "'S" that ends there ("Korea's"), 1 for the
 * apostrophe of a plural ("allies'"), 0 for an apostrophe that is punctuation of its own;
 * -1 when another word byte follows, which continues the word ("O'Brien", "don't").
 * last: the word's last byte. (Past the end of the text reads as zero, no word byte.) */
static inline int possessive_len(const unsigned char *s, size_t a, size_t n, size_t len, unsigned char last)
{
    unsigned char e = a + 1 < n ? s[a + 1] : 0, f = a + 2 < n ? s[a + 2] : 0;
    if ((e | 0x20) == 's' && !word_byte(f)) /* (only 's' and 'S' have bit 0x20 set to 's') */
        return 2;
    if (word_byte(e))
        return -1;
    return len > 1 && (last | 0x20) == 's';
}

/* A plain word under sixteen bytes at i (ASCII letters and digits) that the fast path
 * leaves because an apostrophe, a period, or in a number a comma or percent sign follows
 * it, when the general path would end it simply: before a possessive ("Korea's",
 * "allies'", split off as a token of its own), at an abbreviation's period ("Gen.",
 * "Corp.": dropped, TOKF_ABBR), before a period that is a token of its own, or for a
 * number where word_end ends it ("1,500", "25%", "3.5"). (Such a word cannot be an
 * initialism or have a clitic.) Returns where the next token starts, or SIZE_MAX, having
 * written nothing, for the general path's cases: an apostrophe or period that continues a
 * word ("O'Brien", "don't", "U.S"), an initial ("X."), a possessive after an abbreviation
 * or number ("Corp.'s"), a number of sixteen bytes or more, or with an apostrophe or
 * non-ASCII bytes. Out of line, like the general path, so that the fast path's loop keeps
 * its state in registers. */
static DT_NOINLINE size_t tz_word_end(tz *z, size_t i, size_t len, uint16_t *pending, size_t max_tokens)
{
    const unsigned char *s = (const unsigned char *)z->s;
    size_t n = z->n, a = i + len, next = a;
    /* (the word's sixteen bytes as the fast path read them) */
    const unsigned char *p = i + 16 <= n ? s + i : z->tail + (i - z->tail_from);
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    bool numeric = is_digit(p[0]);
    uint16_t abbr = 0;
    int poss = 0;
    if (s[a] == '\'') {
        poss = possessive_len(s, a, n, len, s[a - 1]);
        if (poss < 0)
            return SIZE_MAX;
    } else {
        /* The word or number as the general path's loop extends it ("U.S", "1,500",
         * "25%", "3.5"), then a word's period: kept on an initial or an initialism
         * ("X.", "U.S."), dropped from an abbreviation ("Gen."), or a token of its own at
         * the end of the sentence or in "...". */
        /* (a period goes on only before a word byte: most, "Gen.", do not need the loop) */
        bool goes_on = s[a] != '.' || (a + 1 < n && word_byte(s[a + 1]));
        size_t end = goes_on ? word_end((const char *)s, a, n, numeric) : a;
        next = end;
        if (!numeric && end < n && s[end] == '.') {
            size_t wl = end - i;
            if (initialism((const char *)s + i, wl) || (wl == 1 && is_upper(p[0]))) {
                next = ++end;
            } else if (!only_closers_left((const char *)s, end + 1, n) && !(end + 1 < n && s[end + 1] == '.')) {
                abbr = TOKF_ABBR;
                next = end + 1;
            }
        }
        /* The token in the fast path's form: inside the sixteen bytes read, ASCII only,
         * with no apostrophe (the general path looks for clitics in such a token) and
         * no possessive after it. */
        unsigned odd = (unsigned)(_mm_movemask_epi8(x) | _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\''))));
        if (end - i > 15 || (odd & ((1u << (end - i)) - 1)) || (next < n && s[next] == '\''))
            return SIZE_MAX;
        len = end - i;
    }
    /* The word as the fast path makes it, then the possessive's token: its key is "'S"
     * or "'", with no case flags. */
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x80 - 'a')),
                                    _mm_set1_epi8(-128 + 26));
    tok *t = *z->toks + z->count;
    buf *keys = z->keys;
    tz_short_word(t, keys->data + keys->len, x, letter, i, len, keys->len, numeric, (uint16_t)(*pending | abbr));
    z->count++;
    keys->len += len + 1;
    *pending = 0;
    if (!poss || z->count >= max_tokens)
        return after_word(s, next, n, next < n ? s[next] : 0, pending);
    t++;
    uint64_t u = poss == 2 ? ('S' << 8 | '\'') : '\'';
    memcpy(keys->data + keys->len, &u, 8);
    t->hash = text_key_hash_end(TEXT_KEY_SEED ^ (uint64_t)poss, u, 0);
    t->start = (uint32_t)a;
    t->len = (uint32_t)poss;
    t->key = (uint32_t)keys->len;
    t->key_len = (uint16_t)poss;
    t->flags = TOKF_POSS;
    z->count++;
    keys->len += (size_t)poss + 1;
    a += (size_t)poss;
    return after_word(s, a, n, a < n ? s[a] : 0, pending);
}
#endif

/* The general path: the token (or the word and its clitic or possessive) at *pi, which is
 * not a blank. try_plain: the word may be a plain one of sixteen bytes or more. Moves *pi
 * past what it took; returns 0 or a negative error. Kept out of line so that the fast
 * path's loop keeps its state in registers. */
static DT_NOINLINE int tz_token(tz *z, size_t *pi, uint16_t *pending, size_t max_tokens,
                                              bool try_plain)
{
    const char *s = z->s;
    size_t n = z->n, i = *pi;
    unsigned char c = (unsigned char)s[i];
    int rc;
    if (word_byte(c)) {
        if (try_plain && tz_plain_word(z, pi, pending))
            return 0;
        size_t st = i;
        bool numeric = is_digit(c);
        i = word_end(s, i, n, numeric);
        size_t len = i - st;
        uint16_t fl = numeric ? TOKF_NUMBER : TOKF_WORD;
        /* A trailing period: keep it on initials and initialisms, drop it from
         * abbreviations, leave it as a token at the end of the sentence. */
        if (i < n && s[i] == '.' && !numeric) {
            bool at_end = only_closers_left(s, i + 1, n);
            if (initialism(s + st, len) || (len == 1 && is_upper(c))) {
                i++;
                len++;
            } else if (!at_end && !(i + 1 < n && s[i + 1] == '.')) {
                i++;
                fl |= TOKF_ABBR;
            }
        }
        *pi = i;
        /* Clitic n't */
        /* (tested apostrophe first, at s[st] for short words, which is a word byte:
         * rarely true, so the test is well predicted) */
        size_t ap = st + (len > 3 ? len - 2 : 0);
        if (s[ap] == '\'' && len > 3 && (s[st + len - 3] == 'n' || s[st + len - 3] == 'N') &&
            (s[st + len - 1] == 't' || s[st + len - 1] == 'T')) {
            if ((rc = tz_emit(z, (uint32_t)st, (uint32_t)(len - 3), (uint16_t)(fl | *pending))))
                return rc;
            *pending = 0;
            if (z->count >= max_tokens)
                return 0;
            return tz_emit(z, (uint32_t)(st + len - 3), 3, TOKF_WORD | TOKF_NEGCL);
        }
        /* Clitics 've 're 'll 'd 'm ("they've", "we'll") are words of their own. */
        size_t cl = clitic_len(s + st, len);
        if (cl) {
            if ((rc = tz_emit(z, (uint32_t)st, (uint32_t)(len - cl), (uint16_t)(fl | *pending))))
                return rc;
            *pending = 0;
            if (z->count >= max_tokens)
                return 0;
            return tz_emit(z, (uint32_t)(st + len - cl), (uint32_t)cl, TOKF_WORD);
        }
        if ((rc = tz_emit(z, (uint32_t)st, (uint32_t)len, (uint16_t)(fl | *pending))))
            return rc;
        *pending = 0;
        /* Possessive 's or plural possessive s' */
        if (i < n && s[i] == '\'' && z->count < max_tokens) {
            if (i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                (i + 2 >= n || !word_byte((unsigned char)s[i + 2]))) {
                if ((rc = tz_emit(z, (uint32_t)i, 2, TOKF_POSS)))
                    return rc;
                i += 2;
            } else if (len > 1 && (s[i - 1] == 's' || s[i - 1] == 'S') &&
                       (i + 1 >= n || !word_byte((unsigned char)s[i + 1]))) {
                if ((rc = tz_emit(z, (uint32_t)i, 1, TOKF_POSS)))
                    return rc;
                i += 1;
            }
        }
        /* A hyphen joining two words: "Kim Jong-un", "U.S.-South Korea". */
        if (i + 1 < n && s[i] == '-' && word_byte((unsigned char)s[i + 1])) {
            *pending = TOKF_HYPH;
            i++;
        }
        *pi = i;
        return 0;
    }
    /* Punctuation */
    size_t len = 1;
    uint16_t fl = TOKF_PUNCT;
    if (c == '"' || c == '\'')
        fl |= TOKF_QUOTE;
    if (c == '-' || c == '.') {
        while (i + len < n && s[i + len] == (char)c)
            len++;
    }
    *pi = i + len;
    *pending = 0;
    return tz_emit(z, (uint32_t)i, (uint32_t)len, fl);
}

int tokenize(const char *s, size_t n, tok **toks, size_t *cap, buf *keys, size_t max_tokens)
{
    tz z; /* (the tail is filled below) */
    z.toks = toks;
    z.cap = cap;
    z.count = 0;
    z.keys = keys;
    z.s = s;
    z.n = n;
    size_t most = (n < max_tokens ? n : max_tokens) + 1;
    if (*cap < most) {
        tok *t = realloc(*toks, most * sizeof(*t));
        if (!t)
            return DT_ENOMEM;
        *toks = t;
        *cap = most;
    }
    if (tz_reserve_keys(&z, 0))
        return DT_ENOMEM;
    tz_fill_tail(&z);
    /* The fast path's state, in locals: the next token, the key buffer and the keys'
     * length (written back to z and keys around the general path). The token count is
     * never more than the bytes taken, so below n while there are bytes left. */
    const unsigned char *us = (const unsigned char *)s;
    tok *t = *toks, *tend = *toks + (max_tokens < n ? max_tokens : n);
    char *kd = keys->data;
    size_t kl = keys->len;
    uint16_t pending = 0; /* flags for the next token (TOKF_HYPH) */
    size_t i = 0;
    while (i < n && t < tend) {
        bool try_plain = true;
#if defined(__SSE2__)
        /* Sixteen bytes from i: the text, or near its end the zero-padded copy of it (a
         * zero is no word byte, so a word ends at the end of the text). */
        const unsigned char *p = i + 16 <= n ? us + i : z.tail + (i - z.tail_from);
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        /* ASCII letters and digits, each with one add and one signed compare: the add
         * moves the range to the bottom of the signed bytes (-128 on), wrapping every
         * other byte, non-ASCII ones too, above it. */
        __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x80 - 'a')),
                                        _mm_set1_epi8(-128 + 26));
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x80 - '0')), _mm_set1_epi8(-128 + 10));
        unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
        unsigned char c = p[0];
        if (word & 1) {
            /* A word under sixteen bytes: its end, key, case flags and hash from the one
             * load; when the byte after it may continue it ("O'Brien", "U.S", "1,500",
             * "25%") or ends it in another token ("Korea's", "Gen."), except for the
             * period that ends the text, tz_word_end takes the common cases of those and
             * the general path the rest. */
            size_t len = (size_t)__builtin_ctz(~word); /* (bit 16 of ~word is set) */
            /* (a word of sixteen bytes or more reads its first byte here, a letter or
             * digit: the general path takes it) */
            unsigned char d = p[len & 15];
            bool numeric = is_digit(c);
            bool ends = !(after_tab[d] & (numeric ? 3 : 1));
            if (DT_UNLIKELY(!ends))
                ends = d == '.' && len < 16 && i + len + 1 == n && !(len == 1 && is_upper(c));
            if (ends) {
                tz_short_word(t, kd + kl, x, letter, i, len, kl, numeric, pending);
                t++;
                kl += len + 1;
                i = after_word(us, i + len, n, d, &pending);
                continue;
            }
            /* (an apostrophe, a period, or after a number a comma or percent sign: the
             * bytes below '0' that come here) */
            if (d < '0' && len < 16) {
                /* (i and pending through copies, as for the general path below) */
                uint16_t pend = pending;
                z.count = (size_t)(t - *toks);
                keys->len = kl;
                size_t next = tz_word_end(&z, i, len, &pend, max_tokens);
                if (next != SIZE_MAX) {
                    i = next;
                    pending = pend;
                    t = *toks + z.count;
                    tend = *toks + (max_tokens < n ? max_tokens : n);
                    kl = keys->len;
                    kd = keys->data;
                    continue;
                }
            }
            try_plain = len == 16;
        } else if (c == ' ') {
            i++;
            pending = 0;
            continue;
        } else if (c < 0x80 && !((c == '-' || c == '.') && p[1] == c)) {
            /* One byte of punctuation (runs of hyphens or periods are one token: the
             * general path takes those). Its key is itself. */
            uint64_t u = c;
            memcpy(kd + kl, &u, 8);
            t->hash = text_key_hash_end(TEXT_KEY_SEED ^ 1, u, 0);
            t->start = (uint32_t)i;
            t->len = 1;
            t->key = (uint32_t)kl;
            t->key_len = 1;
            t->flags = (uint16_t)(TOKF_PUNCT | (c == '"' || c == '\'' ? TOKF_QUOTE : 0));
            t++;
            kl += 2;
            i++;
            pending = 0;
            continue;
        }
#else
        if (s[i] == ' ') {
            i++;
            pending = 0;
            continue;
        }
#endif
        /* (i and pending go through copies: their own addresses would keep them out of
         * registers in the fast path) */
        size_t at = i;
        uint16_t pend = pending;
        z.count = (size_t)(t - *toks);
        keys->len = kl;
        int rc = tz_token(&z, &at, &pend, max_tokens, try_plain);
        if (rc)
            return rc;
        i = at;
        pending = pend;
        t = *toks + z.count;
        tend = *toks + (max_tokens < n ? max_tokens : n);
        kl = keys->len;
        kd = keys->data;
    }
#if !defined(__SSE2__)
    (void)us; /* (only the sixteen-byte path reads the text and keys through these) */
    (void)kd;
#endif
    keys->len = kl;
    return (int)(t - *toks);
}
