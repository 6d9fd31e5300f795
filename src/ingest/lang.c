/* lang.c — a small stopword-based language guess: count the most frequent function words
 * of each language among the first words of a text; the language with the largest share
 * wins when the share is clear. Enough to keep non-English news out of an English coder. */
#include "ingest.h"

#include <pthread.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct lang_words {
    const char *code;
    const char *const *words;
} lang_words;

/* Frequent, short function words that are rare in the other languages listed. */
static const char *const en[] = {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with",
                                 "on", "as", "he", "it", "at", "by", "said", "from", "his", "have",
                                 "has", "are", "were", "would", "which", "this", "will", "they",
                                 "their", "been", "not", "but", "who", "its", "an", NULL};
static const char *const de[] = {"der", "die", "und", "den", "das", "ist", "nicht", "mit", "sich",
                                 "des", "auf", "ein", "eine", "dem", "auch", "es", "von", "zu", "im",
                                 "wird", "sind", "wie", "bei", "oder", "nach", NULL};
static const char *const fr[] = {"le", "la", "les", "et", "des", "du", "est", "une", "un", "dans",
                                 "pour", "que", "qui", "sur", "pas", "au", "avec", "ce", "sont",
                                 "par", "plus", "aux", "cette", "ont", NULL};
static const char *const es[] = {"el", "los", "las", "del", "y", "que", "en", "por", "con", "una",
                                 "para", "es", "se", "su", "al", "como", "pero", "sus", "fue",
                                 "este", "esta", "muy", NULL};
static const char *const it[] = {"il", "di", "che", "della", "per", "non", "sono", "nel", "gli",
                                 "una", "con", "del", "alla", "anche", "delle", "dei", "nella",
                                 "questo", "essere", "ha", NULL};
static const char *const pt[] = {"o", "os", "da", "do", "das", "dos", "em", "que", "para", "com",
                                 "uma", "um", "não", "por", "mais", "na", "no", "como", "foi",
                                 "ao", "pela", "pelo", NULL};
static const char *const nl[] = {"de", "het", "een", "en", "van", "is", "niet", "op", "dat", "zijn",
                                 "met", "voor", "ook", "wordt", "maar", "bij", "er", "naar", NULL};
static const char *const pl[] = {"i", "w", "nie", "na", "się", "z", "jest", "do", "że", "to", "jak",
                                 "od", "po", "tak", "przez", "dla", "jego", "oraz", NULL};
static const char *const id_[] = {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari",
                                  "dalam", "tidak", "akan", "pada", "juga", "ke", "ada", "adalah",
                                  "oleh", "karena", NULL};
static const char *const ru[] = {"и", "в", "не", "на", "что", "с", "по", "как", "это", "из", "за",
                                 "от", "к", "о", "для", "он", "его", "также", NULL};

static const lang_words langs[] = {
    {"en", en}, {"de", de}, {"fr", fr}, {"es", es}, {"it", it},
    {"pt", pt}, {"nl", nl}, {"pl", pl}, {"id", id_}, {"ru", ru},
};

#define LANG_MAX_WORDS 100
#define LANG_MIN_WORDS 12

/* All the stopwords in one open-addressing table: word -> the set of languages listing it.
 * Built once (the lists are constant), so a word costs one hash probe, not 220 compares.
 * A word (at most 12 bytes: longer ones are in no list) is kept as two numbers, its bytes
 * in order, zero-padded, and compared as such. */
#define LANG_SLOTS 1024
#define LANG_KEY_MAX 12
typedef struct lang_slot {
    uint64_t k0, k1;
    unsigned mask;      /* 0: an empty slot */
} lang_slot;
static lang_slot lang_table[LANG_SLOTS];
static pthread_once_t lang_once = PTHREAD_ONCE_INIT;

/* Eight bytes as a number whose lowest byte is the first one, on any machine: keys are
 * made this way both in the table and from the text. */
static inline uint64_t lang_load8(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

static uint32_t lang_hash(uint64_t k0, uint64_t k1)
{
    uint64_t h = (k0 * 0x9e3779b97f4a7c15ULL) ^ (k1 * 0xc2b2ae3d27d4eb4fULL);
    return (uint32_t)(h >> 32);
}

/* The languages whose lists hold the word of key (k0, k1). */
static unsigned lang_lookup(uint64_t k0, uint64_t k1)
{
    for (uint32_t h = lang_hash(k0, k1);; h++) {
        const lang_slot *sl = &lang_table[h & (LANG_SLOTS - 1)];
        if (!sl->mask || (sl->k0 == k0 && sl->k1 == k1))
            return sl->mask;
    }
}

/* Byte classes for the word scan, built with the table. */
enum { LC_WORD = 1, LC_START = 2, LC_LETTER = 4, LC_NONLATIN = 8 };
static unsigned char lang_class[256];

static void lang_build(void)
{
    for (int c = 0; c < 256; c++) {
        /* words: letters, digits, apostrophes and every byte of a non-ASCII character;
         * they start at a letter, digit or non-ASCII byte */
        bool start = is_alnum(c) || c >= 0x80;
        lang_class[c] = (unsigned char)((start || c == '\'' ? LC_WORD : 0) | (start ? LC_START : 0) |
                                        (is_alpha(c) || c >= 0xC0 ? LC_LETTER : 0) |
                                        /* lead bytes beyond Latin Extended (U+0250 and up) */
                                        (c >= 0xCA ? LC_NONLATIN : 0));
    }
    for (size_t l = 0; l < DT_ARRAY_LEN(langs); l++)
        for (const char *const *w = langs[l].words; *w; w++) {
            unsigned char key[16] = {0};
            memcpy(key, *w, strlen(*w)); /* (every listed word is under 12 bytes) */
            uint64_t k0 = lang_load8(key), k1 = lang_load8(key + 8);
            for (uint32_t h = lang_hash(k0, k1);; h++) {
                lang_slot *sl = &lang_table[h & (LANG_SLOTS - 1)];
                if (!sl->mask) {
                    sl->k0 = k0;
                    sl->k1 = k1;
                }
                if (sl->k0 == k0 && sl->k1 == k1) {
                    sl->mask |= 1u << l;
                    break;
                }
            }
        }
}

unsigned lang_stopword_langs(const char *w, size_t n)
{
    pthread_once(&lang_once, lang_build);
    if (n == 0 || n > LANG_KEY_MAX)
        return 0;
    unsigned char key[16] = {0};
    for (size_t i = 0; i < n; i++)
        key[i] = (unsigned char)to_lower((unsigned char)w[i]);
    return lang_lookup(lang_load8(key), lang_load8(key + 8));
}

/* Population count of a 64-bit mask (no POPCNT instruction on every x86-64): bits summed
 * in pairs, then nibbles, then bytes, and the bytes added up by one multiplication. */
static inline unsigned count64(uint64_t m)
{
    m = m - ((m >> 1) & 0x5555555555555555ULL);
    m = (m & 0x3333333333333333ULL) + ((m >> 2) & 0x3333333333333333ULL);
    m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (unsigned)((m * 0x0101010101010101ULL) >> 56);
}

/* The bits below bit n (n from 0 to 64). */
static inline uint64_t bits_below(unsigned n) { return n >= 64 ? ~0ULL : (1ULL << n) - 1; }

/* The first n bytes of a key (n from 1 to 8), by a mask from this table. */
static const uint64_t key_keep[9] = {0, 0xFFULL, 0xFFFFULL, 0xFFFFFFULL, 0xFFFFFFFFULL, 0xFFFFFFFFFFULL,
                                     0xFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFULL, ~0ULL};

/* The length of the word at t[i] (a word byte), found byte by byte with its letters and
 * script. Only for words of 64 bytes or more, which fill a block (they are in no list). */
static size_t long_word(const unsigned char *t, size_t i, size_t n, size_t *letters, size_t *nonlatin)
{
    size_t s = i;
    unsigned cl;
    while (i < n && ((cl = lang_class[t[i]]) & LC_WORD)) {
        *letters += (cl & LC_LETTER) != 0;
        *nonlatin += (cl & LC_NONLATIN) != 0;
        i++;
    }
    return i - s;
}

/* 64 bytes of text classified, one bit a byte (bit j for the block's byte j), with a copy
 * of the bytes from which the words' keys are read. */
typedef struct lang_block {
    uint64_t word, start, letter, nonlatin; /* the classes of lang_class */
    unsigned char low[64 + 16]; /* ASCII capitals made small; zeros past the text */
} lang_block;

#if defined(__SSE2__)
/* 0xFF in each byte of x in [lo, hi] (unsigned): x + (0x7F - hi), wrapping, puts the range
 * at the top of 0..0x7F; bytes above hi wrap to negative and bytes below lo stay under it,
 * so one signed compare tells them apart. */
static inline __m128i in_range(__m128i x, int lo, int hi)
{
    return _mm_cmpgt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x7F - hi))),
                          _mm_set1_epi8((char)(0x7E - (hi - lo))));
}

/* Sixteen bytes of the block, from byte k on. */
static inline void lang_lane(const unsigned char *s, unsigned k, lang_block *b)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i lx = _mm_add_epi8(x, _mm_and_si128(in_range(x, 'A', 'Z'), _mm_set1_epi8(0x20)));
    _mm_storeu_si128((__m128i *)(void *)(b->low + k), lx);
    __m128i alpha = in_range(lx, 'a', 'z');
    /* (the sign bit of x itself marks the non-ASCII bytes) */
    __m128i start = _mm_or_si128(_mm_or_si128(alpha, in_range(x, '0', '9')), x);
    __m128i word = _mm_or_si128(start, _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')));
    __m128i letter = _mm_or_si128(alpha, in_range(x, 0xC0, 0xFF));
    b->start |= (uint64_t)(unsigned)_mm_movemask_epi8(start) << k;
    b->word |= (uint64_t)(unsigned)_mm_movemask_epi8(word) << k;
    b->letter |= (uint64_t)(unsigned)_mm_movemask_epi8(letter) << k;
    b->nonlatin |= (uint64_t)(unsigned)_mm_movemask_epi8(in_range(x, 0xCA, 0xFF)) << k;
}
#endif

/* The block of t from i on; bytes past n count as zeros (in no class). */
static inline void lang_classify(const unsigned char *t, size_t n, size_t i, lang_block *b)
{
    b->word = b->start = b->letter = b->nonlatin = 0;
#if defined(__SSE2__)
    if (i + 64 <= n) {
        for (unsigned k = 0; k < 64; k += 16)
            lang_lane(t + i + k, k, b);
        return;
    }
#endif
    for (unsigned k = 0; k < 64; k++) {
        unsigned char c = i + k < n ? t[i + k] : 0;
        uint64_t bit = 1ULL << k;
        unsigned cl = lang_class[c];
        b->word |= cl & LC_WORD ? bit : 0;
        b->start |= cl & LC_START ? bit : 0;
        b->letter |= cl & LC_LETTER ? bit : 0;
        b->nonlatin |= cl & LC_NONLATIN ? bit : 0;
        b->low[k] = (unsigned char)to_lower(c);
    }
}

const char *lang_detect(const char *text, size_t n)
{
    size_t hits[DT_ARRAY_LEN(langs)] = {0};
    pthread_once(&lang_once, lang_build);
    size_t words = 0, letters = 0, nonlatin = 0;
    const unsigned char *t = (const unsigned char *)text;
    lang_block b;
    memset(b.low + 64, 0, 16); /* (read past a word near the block's end, then masked off) */
    bool done = false;
    /* Block by block, each block starting where no word is under way: at the text's start,
     * at a word's start, or past a block without a word running over its end. */
    for (size_t i = 0; i < n && !done;) {
        lang_classify(t, n, i, &b);
        /* A word is a run of word bytes from a start byte on; the only word bytes that are
         * not start bytes are apostrophes, and a run of them belongs to a word only when a
         * start byte comes right before it. Adding to the apostrophes the first bit of each
         * such run carries through the run and clears it: the bits cleared are the
         * apostrophes inside words. A word starts on a start byte after a byte in no word. */
        uint64_t apos = b.word & ~b.start;
        uint64_t in_word = b.start | (apos & ~(apos + ((b.start << 1) & apos)));
        uint64_t starts = b.start & ~(in_word << 1);
        unsigned cut = 64; /* the next block begins here */
        while (starts) {
            unsigned p = (unsigned)__builtin_ctzll(starts);
            starts &= starts - 1; /* (x & (x - 1) clears the lowest set bit) */
            uint64_t rest = ~b.word >> p;
            if (!rest) { /* the word runs past the block */
                cut = p;
                break;
            }
            unsigned len = (unsigned)__builtin_ctzll(rest);
            words++;
            if (len <= LANG_KEY_MAX) {
                uint64_t k0 = lang_load8(b.low + p), k1 = 0;
                if (len <= 8)
                    k0 &= key_keep[len];
                else
                    k1 = lang_load8(b.low + p + 8) & key_keep[len - 8];
                for (unsigned mask = lang_lookup(k0, k1); mask; mask &= mask - 1)
                    hits[__builtin_ctz(mask)]++;
                /* Plain English news settles it early: 40 words, a quarter of them English
                 * function words, and no other language close (the rule below would
                 * agree). */
                if (words == 40 && hits[0] >= 10 &&
                    nonlatin + count64(b.nonlatin & bits_below(p + len)) == 0) {
                    size_t other = 0;
                    for (size_t l = 1; l < DT_ARRAY_LEN(langs); l++)
                        other = DT_MAX(other, hits[l]);
                    if (hits[0] >= other * 3) {
                        cut = p + len;
                        done = true;
                        break;
                    }
                }
            }
            if (words == LANG_MAX_WORDS) {
                cut = p + len;
                done = true;
                break;
            }
        }
        /* The letters and script of the words read in this block: every letter is in one,
         * and none lies before the block's first word or past cut. */
        letters += count64(b.letter & bits_below(cut));
        if (b.nonlatin)
            nonlatin += count64(b.nonlatin & bits_below(cut));
        if (cut == 0) { /* a word that fills the block */
            i += long_word(t, i, n, &letters, &nonlatin);
            done = ++words == LANG_MAX_WORDS;
            continue;
        }
        i += cut;
    }
    if (words < LANG_MIN_WORDS)
        return "";
    size_t best = 0, second = 0, bi = 0;
    for (size_t l = 0; l < DT_ARRAY_LEN(langs); l++) {
        if (hits[l] > best) {
            second = best;
            best = hits[l];
            bi = l;
        } else if (hits[l] > second) {
            second = hits[l];
        }
    }
    /* Scripts other than Latin with no known stopwords (Chinese, Korean, Arabic, ...). */
    if (letters && nonlatin * 2 > letters && (best == 0 || strcmp(langs[bi].code, "ru") != 0))
        return "xx";
    if (best * 10 < words)  /* too few function words to tell */
        return "";
    if (best < second * 3 / 2 + 1)
        return "";
    return langs[bi].code;
}
