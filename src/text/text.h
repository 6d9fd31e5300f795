/* text.h — normalisation, tokenizer and sentence splitter (internal interface). */
#ifndef DT_TEXT_H
#define DT_TEXT_H

#include "../util/util.h"

/* Token flags. */
enum {
    TOKF_WORD = 1 << 0,     /* letters (and digits/apostrophes/internal periods) */
    TOKF_NUMBER = 1 << 1,   /* starts with a digit */
    TOKF_PUNCT = 1 << 2,    /* punctuation token: , ; : ( ) " - . ! ? / & */
    TOKF_CAP = 1 << 3,      /* first letter is upper case */
    TOKF_ALLCAP = 1 << 4,   /* all letters upper case (and at least one letter) */
    TOKF_POSS = 1 << 5,     /* the possessive 's / ' split off a word */
    TOKF_HYPH = 1 << 6,     /* joined to the previous token by a hyphen */
    TOKF_NEGCL = 1 << 7,    /* the clitic n't */
    TOKF_QUOTE = 1 << 8,    /* a quotation mark */
    TOKF_ABBR = 1 << 9,     /* the word ended in a period that was dropped (Gen., Mr.) */
    TOKF_LOWER = 1 << 10,   /* all letters lower case */
};

typedef struct tok {
    uint32_t start;    /* byte offset in the normalised sentence */
    uint32_t len;
    uint32_t key;      /* offset of the match key in the key buffer */
    uint16_t key_len;
    uint16_t flags;
    uint64_t hash;     /* text_key_hash of the key, made while the key is made */
} tok;

/* Byte-parallel helpers shared by the duplicate hash and the tokenizer. */
#define FH_ONES 0x0101010101010101ULL
#define FH_HIGHS 0x8080808080808080ULL

/* Eight bytes as a number whose lowest byte is the first one, on any machine. */
static inline uint64_t load_le64(const unsigned char *p, size_t n)
{
    uint64_t x = 0;
    if (n >= 8)
        memcpy(&x, p, 8); /* a single load */
    else
        memcpy(&x, p, n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* 0x80 in each byte of x that belongs to a word: an ASCII letter or digit, or a byte of a
 * multi-byte character. (No carries cross bytes: the arithmetic is on 7-bit values.) */
static inline uint64_t word_byte_mask(uint64_t x, uint64_t *lower)
{
    uint64_t hi = x & FH_HIGHS, a = x & ~FH_HIGHS;
    uint64_t digit = (a + 0x50 * FH_ONES) & ~(a + 0x46 * FH_ONES);
    uint64_t upper = (a + 0x3F * FH_ONES) & ~(a + 0x25 * FH_ONES);
    uint64_t low = (a + 0x1F * FH_ONES) & ~(a + 0x05 * FH_ONES) & FH_HIGHS & ~hi;
    *lower = low;
    return ((digit | upper | low) & FH_HIGHS & ~hi) | hi;
}

/* The hash of a match key, as tokenize computes it for each token. It places keys in a
 * coder's token cache and tells tokens of one run apart; it is stored nowhere, so it may
 * change between versions (the duplicate hash, dt_text_hash, is another one and may not).
 * A key of up to sixteen bytes (nearly every one) costs one multiply (text_key_hash_end).
 * A longer key first steps through its words eight bytes at a time (text_key_hash_step)
 * until sixteen or fewer bytes are left. */
#define TEXT_KEY_SEED 0xff3f6a8885a308d3ULL
#define TEXT_KEY_HIGH 0xff51afd7ed558ccdULL

static inline uint64_t text_key_hash_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

/* The last sixteen or fewer bytes of a key, as two zero-padded words lo and hi, into h
 * (TEXT_KEY_SEED ^ the key's length, after any steps): two factors made of the words are
 * multiplied into 128 bits, and the two halves xored. The high half carries every bit of
 * both factors down to the low bits that choose the cache slot. The first word goes into
 * both factors (into the second with its halves swapped), so that keys which differ only
 * in a few bytes, such as all keys of three letters, give products that differ by more
 * than a multiple of one constant: with that constant alone such keys crowd into runs
 * of slots. The first factor is never zero for a key of up to sixteen bytes: its top byte
 * is the key's eighth byte (or zero) xored with 0xFF, a byte UTF-8 text never has. */
static inline uint64_t text_key_hash_end(uint64_t h, uint64_t lo, uint64_t hi)
{
    uint64_t a = lo ^ h, b = hi ^ TEXT_KEY_HIGH ^ ((lo << 32) | (lo >> 32));
#if defined(__SIZEOF_INT128__)
    __extension__ typedef unsigned __int128 u128;
    /* (the low half written as a * b: the compiler then keeps the product in registers,
     * and the processor makes both halves in one instruction or two) */
    return (uint64_t)(((u128)a * b) >> 64) ^ (a * b);
#else
    /* the same product from four of 32 by 32 bits */
    uint64_t al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
    uint64_t plo = (mid << 32) | (ll & 0xffffffffu);
    uint64_t phi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    return plo ^ phi;
#endif
}

/* The number of text_key_hash_step calls for a key of n bytes: those that leave more than
 * sixteen bytes. */
static inline size_t text_key_hash_steps(size_t n) { return n > 16 ? (n - 9) / 8 : 0; }

static inline uint64_t text_key_hash(const char *key, size_t n)
{
    uint64_t h = TEXT_KEY_SEED ^ n;
    for (size_t k = text_key_hash_steps(n); k; k--) {
        uint64_t w;
        memcpy(&w, key, 8);
        h = text_key_hash_step(h, w);
        key += 8;
        n -= 8;
    }
    uint64_t lo = 0, hi = 0;
    memcpy(&lo, key, n < 8 ? n : 8);
    if (n > 8)
        memcpy(&hi, key + 8, n - 8);
    return text_key_hash_end(h, lo, hi);
}

/* Normalise text for coding and display: valid UTF-8 (invalid bytes and NULs become
 * blanks), typographic quotes/dashes/spaces as ASCII, runs of white space as one blank,
 * no leading/trailing blanks. Appends to out. Returns the number of invalid bytes seen. */
size_t text_normalize(const char *in, size_t n, buf *out);

/* Fold a normalised word to its match key: accents removed, upper case. Appends to keys. */
int text_fold_key(const char *s, size_t n, buf *keys);

/* Split a normalised sentence into tokens. Tokens are appended to *toks (an array with
 * capacity *cap, grown with realloc), keys to `keys`. At most max_tokens tokens are made;
 * the rest of the sentence is ignored. Returns the token count or a negative error. */
int tokenize(const char *s, size_t n, tok **toks, size_t *cap, buf *keys, size_t max_tokens);

/* Is this (lower-case ASCII) word a common English function word? Used so that an
 * upper-case abbreviation in a dictionary ("US") does not match the word ("us"). */
bool text_is_function_word(const char *lower, size_t n);

#endif
