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
            uint64_t k0, k1;
            memcpy(&k0, key, 8);
            memcpy(&k1, key + 8, 8);
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

/* Population count of a 16-bit mask (no POPCNT instruction on every x86-64). */
static inline unsigned count16(unsigned m)
{
    m = m - ((m >> 1) & 0x5555u);
    m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
    m = (m + (m >> 4)) & 0x0F0Fu;
    return (m + (m >> 8)) & 0x1Fu;
}

typedef struct lang_word {
    size_t len;         /* bytes */
    uint64_t k0, k1;    /* the first LANG_KEY_MAX bytes lower-cased, zero-padded */
} lang_word;

/* The word at t[i] (a word byte), byte by byte: its length, key, letters and script. */
static void word_bytes(const unsigned char *t, size_t i, size_t n, lang_word *w, size_t *letters,
                       size_t *nonlatin)
{
    unsigned char low[16] = {0};
    size_t s = i;
    unsigned cl;
    while (i < n && ((cl = lang_class[t[i]]) & LC_WORD)) {
        *letters += (cl & LC_LETTER) != 0;
        *nonlatin += (cl & LC_NONLATIN) != 0;
        if (i - s < LANG_KEY_MAX)
            low[i - s] = (unsigned char)to_lower(t[i]);
        i++;
    }
    w->len = i - s;
    memcpy(&w->k0, low, 8);
    memcpy(&w->k1, low + 8, 8);
}

#if defined(__SSE2__)
/* The same for a word shorter than 16 bytes with 16 bytes of text from its start: one load
 * classifies them. Returns false (counting nothing) for a longer word. */
static inline bool word_sse(const unsigned char *t, size_t i, lang_word *w, size_t *letters, size_t *nonlatin)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
    __m128i zero = _mm_setzero_si128();
    __m128i high = _mm_cmplt_epi8(x, zero); /* bytes from 0x80 on */
    __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                  _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    __m128i word = _mm_or_si128(_mm_or_si128(alpha, digit), _mm_or_si128(high, _mm_cmpeq_epi8(x, _mm_set1_epi8('\''))));
    unsigned stop = ~(unsigned)_mm_movemask_epi8(word) & 0xFFFF;
    if (!stop)
        return false;
    unsigned len = (unsigned)__builtin_ctz(stop), keep = (1u << len) - 1;
    /* letters: ASCII letters and bytes from 0xC0 on; the script: bytes from 0xCA on */
    __m128i letter = _mm_or_si128(alpha, _mm_and_si128(high, _mm_cmpgt_epi8(x, _mm_set1_epi8((char)0xBF))));
    unsigned not_letter = ~(unsigned)_mm_movemask_epi8(letter) & keep;
    *letters += len - (not_letter ? count16(not_letter) : 0);
    unsigned far = (unsigned)_mm_movemask_epi8(_mm_and_si128(high, _mm_cmpgt_epi8(x, _mm_set1_epi8((char)0xC9)))) & keep;
    if (far)
        *nonlatin += count16(far);
    w->len = len;
    if (len <= LANG_KEY_MAX) {
        /* ASCII upper case to lower (the letters that are not lower case already) */
        __m128i upper = _mm_andnot_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('a' - 1)), alpha);
        unsigned char key[16];
        _mm_storeu_si128((__m128i *)(void *)key, _mm_add_epi8(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
        uint64_t k0, k1;
        memcpy(&k0, key, 8);
        memcpy(&k1, key + 8, 8);
        w->k0 = len >= 8 ? k0 : k0 & ((1ULL << (8 * len)) - 1);
        w->k1 = len <= 8 ? 0 : k1 & ((1ULL << (8 * (len - 8))) - 1);
    }
    return true;
}
#endif

const char *lang_detect(const char *text, size_t n)
{
    size_t hits[DT_ARRAY_LEN(langs)] = {0};
    pthread_once(&lang_once, lang_build);
    size_t words = 0, letters = 0, nonlatin = 0;
    size_t i = 0;
    const unsigned char *t = (const unsigned char *)text;
    while (i < n && words < LANG_MAX_WORDS) {
        while (i < n && !(lang_class[t[i]] & LC_START))
            i++;
        if (i == n)
            break;
        /* one pass over the word: its letters, its script and (up to 12 bytes) its
         * lower-case form */
        lang_word w = {0, 0, 0};
#if defined(__SSE2__)
        if (!(i + 16 <= n && word_sse(t, i, &w, &letters, &nonlatin)))
#endif
            word_bytes(t, i, n, &w, &letters, &nonlatin);
        i += w.len;
        words++;
        if (w.len > LANG_KEY_MAX)
            continue;
        unsigned mask = lang_lookup(w.k0, w.k1);
        for (size_t l = 0; mask; l++, mask >>= 1)
            if (mask & 1)
                hits[l]++;
        /* Plain English news settles it early: 40 words, a quarter of them English
         * function words, and no other language close (the rule below would agree). */
        if (words == 40 && nonlatin == 0 && hits[0] >= 10) {
            size_t other = 0;
            for (size_t l = 1; l < DT_ARRAY_LEN(langs); l++)
                other = DT_MAX(other, hits[l]);
            if (hits[0] >= other * 3)
                break;
        }
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
