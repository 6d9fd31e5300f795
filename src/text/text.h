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

/* The hash of a match key, as tokenize computes it for each token. */
static inline uint64_t text_key_hash_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}
static inline uint64_t text_key_hash(const char *key, size_t n)
{
    uint64_t h = 0x243f6a8885a308d3ULL ^ n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, key, 8);
        h = text_key_hash_step(h, w);
        key += 8;
        n -= 8;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++)
        t |= (uint64_t)(unsigned char)key[i] << (8 * i);
    return hash_mix(h ^ t);
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
