/* lang.c — a small stopword-based language guess: count the most frequent function words
 * of each language among the first words of a text; the language with the largest share
 * wins when the share is clear. Enough to keep non-English news out of an English coder. */
#include "ingest.h"

#include <pthread.h>

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
 * Built once (the lists are constant), so a word costs one hash probe, not 220 compares. */
#define LANG_SLOTS 1024
typedef struct lang_slot {
    const char *word;
    unsigned mask;
} lang_slot;
static lang_slot lang_table[LANG_SLOTS];
static pthread_once_t lang_once = PTHREAD_ONCE_INIT;

static uint32_t lang_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
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
            size_t n = strlen(*w);
            for (uint32_t h = lang_hash(*w, n);; h++) {
                lang_slot *sl = &lang_table[h & (LANG_SLOTS - 1)];
                if (!sl->word)
                    sl->word = *w;
                if (strcmp(sl->word, *w) == 0) {
                    sl->mask |= 1u << l;
                    break;
                }
            }
        }
}

/* The languages whose lists hold the word w (already lower-cased, n bytes). */
static unsigned lang_lookup(const char *w, size_t n, uint32_t h)
{
    for (;; h++) {
        const lang_slot *sl = &lang_table[h & (LANG_SLOTS - 1)];
        if (!sl->word)
            return 0;
        if (strncmp(sl->word, w, n) == 0 && sl->word[n] == 0)
            return sl->mask;
    }
}

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
         * lower-case form and that form's hash */
        size_t s = i;
        char low[12];
        uint32_t h = 2166136261u;
        unsigned cl;
        while (i < n && ((cl = lang_class[t[i]]) & LC_WORD)) {
            letters += (cl & LC_LETTER) != 0;
            nonlatin += (cl & LC_NONLATIN) != 0;
            if (i - s < sizeof(low)) {
                low[i - s] = (char)to_lower(t[i]);
                h = (h ^ (unsigned char)low[i - s]) * 16777619u;
            }
            i++;
        }
        words++;
        size_t wl = i - s;
        if (wl > sizeof(low))
            continue;
        unsigned mask = lang_lookup(low, wl, h);
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
