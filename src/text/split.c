/* split.c — sentence splitting that survives abbreviations (U.S., Gen., Jan., No.),
 * initials (J. Smith), decimals, quotations, and headlines without final punctuation. */
#include "text.h"

#include <pthread.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdlib.h>

/* Words that end in a period but do not end a sentence (lower-case, no period). */
static const char *const abbrev_never[] = {
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr",
    "adm", "maj", "prof", "st", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "brig", "cpl", "pvt",
    "supt", "insp", "mt", "ft", "vol", "pp", "fig", "dept", "gens", "sens", "reps", "govt",
    "messrs", "mme", "mlle", "sr", "jr", "approx", "est", "ave", "blvd", "rd", "e.g", "i.e",
    "cf", "al", "op", "ed", "eds", "univ", "assn", "bros", "mssrs", "excl", "incl", "ref"};
/* Abbreviations that may also end a sentence: split only before a typical sentence start. */
static const char *const abbrev_maybe[] = {"etc", "inc", "corp", "co", "ltd", "plc", "llc", "bhd"};

static const char *const starters[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on",
    "at", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our",
    "however", "meanwhile", "after", "before", "while", "when", "if", "as", "for", "since",
    "officials", "some", "many", "no", "yet", "still", "also", "both", "last", "earlier",
    "later", "later,", "on", "by", "from", "what", "who", "why", "how", "one", "two", "mr",
    "mrs", "ms", "according"};

/* The lists as keys (a word of at most sixteen bytes, lower-cased, packed into two
 * integers) in a small open-addressing table, so a look-up is a hash and an integer
 * compare or two: the splitter asks at every period. */
#define KEYS_MAX 96
#define KEY_SLOTS 256 /* a power of two, well above KEYS_MAX */
typedef struct word_key {
    uint64_t a, b;
} word_key;
typedef struct word_keys {
    word_key k[KEYS_MAX];
    size_t n;
    uint8_t slot[KEY_SLOTS]; /* index into k, plus one; 0: empty */
} word_keys;
static word_keys never_keys, maybe_keys, starter_keys;
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

/* Eight bytes with their ASCII capitals made small (other bytes as they are; no carries
 * between bytes: the additions are on 7-bit values). */
static inline uint64_t lower8(uint64_t x)
{
    uint64_t a = x & ~FH_HIGHS;
    uint64_t up = (a + 0x3F * FH_ONES) & ~(a + 0x25 * FH_ONES) & ~x & FH_HIGHS;
    return x + (up >> 2);
}

/* false when the word is empty or longer than a key holds. Whole words are loaded where
 * the word has eight bytes (its last eight shifted down for the second half), so a key
 * costs no call to memcpy: the splitter packs a word at every period. A shorter word is
 * loaded the same way, as the top of the eight bytes that end with it, when the text has
 * that many bytes up to its end (before: the bytes of the text before w). */
static bool pack_lower(const char *w, size_t len, size_t before, word_key *k)
{
    k->a = k->b = 0;
    if (len == 0 || len > 16)
        return false;
    const unsigned char *u = (const unsigned char *)w;
    uint64_t a = 0, b = 0;
    if (len >= 8) {
        a = load_le64(u, 8);
        if (len > 8) /* bytes 8 .. len - 1: the top of the last eight */
            b = load_le64(u + len - 8, 8) >> (8 * (16 - len));
    } else if (before + len >= 8) {
        a = load_le64(u + len - 8, 8) >> (8 * (8 - len));
    } else {
        for (size_t i = 0; i < len; i++)
            a |= (uint64_t)u[i] << (8 * i);
    }
    k->a = lower8(a);
    k->b = lower8(b);
    return true;
}

static size_t key_slot(const word_key *k)
{
    uint64_t h = (k->a * 0x9e3779b97f4a7c15ULL) ^ (k->b * 0xc2b2ae3d27d4eb4fULL);
    return (size_t)(h >> 56) & (KEY_SLOTS - 1);
}

static void keys_fill(word_keys *wk, const char *const *list, size_t n)
{
    wk->n = 0;
    memset(wk->slot, 0, sizeof(wk->slot));
    for (size_t i = 0; i < n && wk->n < KEYS_MAX; i++) {
        word_key k;
        if (!pack_lower(list[i], strlen(list[i]), 0, &k))
            continue;
        size_t s = key_slot(&k);
        while (wk->slot[s] && !(wk->k[wk->slot[s] - 1].a == k.a && wk->k[wk->slot[s] - 1].b == k.b))
            s = (s + 1) & (KEY_SLOTS - 1);
        if (wk->slot[s])
            continue; /* listed twice */
        wk->k[wk->n++] = k;
        wk->slot[s] = (uint8_t)wk->n;
    }
}

static void keys_build(void)
{
    keys_fill(&never_keys, abbrev_never, DT_ARRAY_LEN(abbrev_never));
    keys_fill(&maybe_keys, abbrev_maybe, DT_ARRAY_LEN(abbrev_maybe));
    keys_fill(&starter_keys, starters, DT_ARRAY_LEN(starters));
}

static bool keys_have(const word_keys *wk, const word_key *k)
{
    for (size_t s = key_slot(k); wk->slot[s]; s = (s + 1) & (KEY_SLOTS - 1)) {
        const word_key *e = &wk->k[wk->slot[s] - 1];
        if (e->a == k->a && e->b == k->b)
            return true;
    }
    return false;
}

static bool in_list(const word_keys *wk, const char *w, size_t len, size_t before)
{
    word_key k;
    return pack_lower(w, len, before, &k) && keys_have(wk, &k);
}

static bool is_initialism(const char *w, size_t n)
{
    /* "U.S", "a.m" (without the last period), at least two letters */
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i % 2 == 0 ? !is_alpha((unsigned char)w[i]) : w[i] != '.')
            return false;
    }
    return true;
}

/* Length in bytes of a closing quote/bracket at s[i], 0 if none. */
static size_t closer_len(const unsigned char *s, size_t i, size_t n)
{
    if (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']')
        return 1;
    /* U+2019 ’ and U+201D ” */
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x99 || s[i + 2] == 0x9D))
        return 3;
    return 0;
}

/* Could s[i] begin a sentence? Upper-case letter, digit, opening quote/bracket, non-ASCII. */
static bool sentence_start(const unsigned char *s, size_t i, size_t n)
{
    if (i >= n)
        return true;
    unsigned char c = s[i];
    if (is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c >= 0x80)
        return true;
    return false;
}

/* Decide whether text is hard-wrapped: many lines end mid-sentence and continue in
 * lower case on the next line. In hard-wrapped text only blank lines are boundaries. */
static bool hard_wrapped(const unsigned char *s, size_t n)
{
    size_t lines = 0, wraps = 0;
    size_t ls = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n')
            continue;
        size_t le = i;
        while (le > ls && (s[le - 1] == ' ' || s[le - 1] == '\r' || s[le - 1] == '\t'))
            le--;
        if (le > ls) {
            lines++;
            unsigned char last = s[le - 1];
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (le - ls >= 30 && j < n && s[j] != '\n' &&
                (is_alnum(last) || last == ',') && (is_lower(s[j]) || is_digit(s[j])))
                wraps++;
        }
        ls = i + 1;
    }
    return wraps >= 2 && wraps * 5 >= lines;
}

#define MAX_SENTENCE_BYTES 4000

static const bool boundary_char[256] = {['\n'] = true, ['.'] = true, ['!'] = true, ['?'] = true,
                                        [' '] = true};
static const bool mark_char[256] = {['\n'] = true, ['.'] = true, ['!'] = true, ['?'] = true};

/* The first mark ('\n', '.', '!', '?') in s[i, lim), or lim: sixteen bytes at a time
 * where the processor has SSE2 (every x86-64 one), byte by byte elsewhere. */
static size_t next_mark(const unsigned char *s, size_t i, size_t lim)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), ex = _mm_set1_epi8('!'),
                  q = _mm_set1_epi8('?');
    for (; i + 16 <= lim; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, dot)),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, ex), _mm_cmpeq_epi8(x, q)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return i + (unsigned)__builtin_ctz(bits);
    }
#endif
    while (i < lim && !mark_char[s[i]])
        i++;
    return i;
}

size_t dt_split_sentences(const char *text, size_t n, dt_sentence_fn fn, void *user)
{
    const unsigned char *s = (const unsigned char *)text;
    pthread_once(&keys_once, keys_build);
    bool wrapped = n && memchr(s, '\n', n) != NULL && hard_wrapped(s, n);
    size_t count = 0;
    size_t start = 0;

#define EMIT(end)                                                                        \
    do {                                                                                 \
        size_t a_ = start, b_ = (end);                                                   \
        while (a_ < b_ && (is_space(s[a_]) || s[a_] == 0))                               \
            a_++;                                                                        \
        while (b_ > a_ && (is_space(s[b_ - 1]) || s[b_ - 1] == 0))                       \
            b_--;                                                                        \
        if (b_ > a_) {                                                                   \
            if (fn)                                                                      \
                fn(user, a_, b_ - a_);                                                   \
            count++;                                                                     \
        }                                                                                \
    } while (0)

    for (size_t i = 0; i < n; i++) {
        /* Skip quickly to the next character that can end a sentence (or a space, to cut
         * run-on lines). */
        size_t lim = start + MAX_SENTENCE_BYTES + 1; /* past it, a blank ends a run-on line */
        if (lim > n)
            lim = n;
        i = next_mark(s, i, lim);
        if (i >= lim)
            while (i < n && !boundary_char[s[i]])
                i++;
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c == '\n') {
            /* Blank line: always a boundary. Single newline: a boundary unless wrapped. */
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
                j++;
            bool blank = j < n && s[j] == '\n';
            if (blank || !wrapped || j >= n) {
                EMIT(i);
                start = i + 1;
            }
            continue;
        }
        if (i - start > MAX_SENTENCE_BYTES && c == ' ') {
            /* An endless run-on line: cut it so work stays bounded. */
            EMIT(i);
            start = i + 1;
            continue;
        }
        if (c != '.' && c != '!' && c != '?')
            continue;
        /* Extend over repeated marks and closing quotes/brackets. */
        size_t e = i + 1;
        while (e < n && (s[e] == '.' || s[e] == '!' || s[e] == '?'))
            e++;
        size_t cl;
        while (e < n && (cl = closer_len(s, e, n)) > 0)
            e += cl;
        if (e < n && !is_space(s[e]))
            continue; /* "3.5", "U.S.-led", "example.com" */
        size_t k = e;
        while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
            k++;
        if (k < n && s[k] == '\n') {
            /* The newline handles it. */
            i = e - 1;
            continue;
        }
        if (!sentence_start(s, k, n))
            continue;
        if (c == '.' && e == i + 1) {
            /* The word before the period. */
            size_t ws = i;
            while (ws > start && !is_space(s[ws - 1]) && s[ws - 1] != '(' && s[ws - 1] != '"')
                ws--;
            const char *w = text + ws;
            size_t wl = i - ws;
            if (wl == 1 && is_upper((unsigned char)w[0]))
                continue; /* an initial: "J. Smith" */
            /* the word's key, for the "never" and "maybe" lists */
            word_key wkey;
            bool packed = pack_lower(w, wl, ws, &wkey);
            if (packed && keys_have(&never_keys, &wkey))
                continue;
            /* "Sino-U.S. Joint": the part after the last hyphen decides. That part can be
             * an initialism only when one of the word's last two bytes is a period (it
             * alternates letters and periods over three bytes or more), so most words are
             * not searched for a hyphen. */
            bool initialism = false;
            if (wl >= 3 && (w[wl - 1] == '.' || w[wl - 2] == '.')) {
                size_t q = wl;
                while (q > 0 && w[q - 1] != '-')
                    q--;
                initialism = is_initialism(w + q, wl - q);
            }
            if ((packed && keys_have(&maybe_keys, &wkey)) || initialism) {
                /* The next word decides; it is looked for only here, as few words before
                 * a period are on the "maybe" list or initialisms. */
                size_t nw = k;
                while (nw < n && (s[nw] == '"' || s[nw] == '\'' || s[nw] == '('))
                    nw++;
                size_t nwe = nw;
                while (nwe < n && is_alpha(s[nwe]))
                    nwe++;
                if (!in_list(&starter_keys, text + nw, nwe - nw, nw))
                    continue;
            }
        }
        EMIT(e);
        start = e;
        i = e - 1;
    }
    EMIT(n);
#undef EMIT
    return count;
}
