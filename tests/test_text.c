/* test_text.c — normalisation, tokenizer and sentence splitter. */
#include "../src/text/text.h"
#include "harness.h"

static char sents[64][512];
static int nsents;
static const char *split_text;

static void on_sent(void *user, size_t start, size_t len)
{
    (void)user;
    if (nsents < 64)
        snprintf(sents[nsents++], sizeof(sents[0]), "%.*s", (int)len, split_text + start);
}

static int split(const char *t)
{
    nsents = 0;
    split_text = t;
    return (int)dt_split_sentences(t, strlen(t), on_sent, NULL);
}

TEST(split_keeps_abbreviations_initials_and_decimals)
{
    CHECK_INT(split("The U.S. Army and Gen. Smith met Sen. Jones on Jan. 5. They spoke for 2.5 hours."), 2);
    CHECK_STR(sents[0], "The U.S. Army and Gen. Smith met Sen. Jones on Jan. 5.");
    CHECK_INT(split("J. Smith of the U.N. agency spoke to Mr. Kim. No. 3 was absent."), 2);
    CHECK_STR(sents[1], "No. 3 was absent.");
    CHECK_INT(split("Troops entered the U.S. The president said so."), 2);
}

TEST(split_after_a_maybe_abbreviation_only_before_a_listed_starter)
{
    /* the lists' words are packed by length: 1-7 bytes, 8, and 9-16 (the long starters) */
    CHECK_INT(split("He joined Acme Inc. Meanwhile the talks went on."), 2);
    CHECK_INT(split("He joined Acme Inc. MEANWHILE the talks went on."), 2);
    CHECK_INT(split("He joined Acme Inc. According to him, talks went on."), 2);
    CHECK_INT(split("He joined Acme Inc. Accordingly talks went on."), 1);
    CHECK_INT(split("He joined Acme Inc. Meanwhil talks went on."), 1);
    CHECK_INT(split("He joined Acme Inc. The talks went on."), 2);
    CHECK_INT(split("He joined Acme Inc. Thereby talks went on."), 1);
    CHECK_INT(split("He met the MESSRS. Smith and Jones."), 1);
    CHECK_INT(split("He met the Messrsx. Smith and Jones."), 2);
}

/* The part of a word after its last hyphen is an initialism ("Sino-U.S.", "ab-c.d") or
 * not ("x-y", "ab.c-d", "a.b-cd", "U.S.-led"), and words before a period at the very start of the
 * text, shorter than eight bytes with nothing before them, are still looked up. */
TEST(split_initialisms_after_hyphens_and_words_at_the_start)
{
    CHECK_INT(split("Sino-U.S. Joint talks began. They ended."), 2);
    CHECK_STR(sents[0], "Sino-U.S. Joint talks began.");
    CHECK_INT(split("The talks were Sino-U.S. They ended."), 2);
    CHECK_INT(split("The U.S.-led talks ended. They left."), 2);
    CHECK_INT(split("He left at 5 a.m. The talks went on."), 2);
    CHECK_INT(split("He left at 5 a.m. Talks went on."), 1);
    CHECK_INT(split("He met U.S.A. Officials left."), 2);
    CHECK_INT(split("It was x-y. Then it ended."), 2);
    CHECK_INT(split("It was a-b.c. Then it ended."), 1);
    CHECK_INT(split("It was a-b.c. Officials left."), 2);
    CHECK_INT(split("It was ab-c.d. Then it ended."), 1);
    CHECK_INT(split("It was ab.c-d. Then it ended."), 2);
    CHECK_INT(split("It was a.b-cd. Then it ended."), 2);
    CHECK_INT(split("Inc. The talks went on."), 2);
    CHECK_INT(split("Co. Talks went on."), 1);
    CHECK_INT(split("A.B. Talks went on."), 1);
    CHECK_INT(split("Gen. Smith spoke. He left."), 2);
    CHECK_INT(split("Ab. Cd. Ef."), 3);
    CHECK_INT(split("(U.S.) Then he left."), 2);
}

/* A NUL byte inside the word before a period (found by fuzzing): the abbreviation lists are
 * compared by length, never read past their words. */
TEST(split_nul_inside_the_word_before_a_period)
{
    static const char t[] = "He met the sEN\0id. Then he left.";
    nsents = 0;
    split_text = t;
    CHECK_INT((int)dt_split_sentences(t, sizeof(t) - 1, on_sent, NULL), 2);
}

TEST(split_handles_quotes_and_questions)
{
    CHECK_INT(split("\"We will respond,\" he said. \"Is this war?\" she asked! Then silence."), 3);
    CHECK_STR(sents[0], "\"We will respond,\" he said.");
    CHECK_INT(split("He said \"enough.\" Then he left."), 2);
    CHECK_STR(sents[0], "He said \"enough.\"");
    CHECK_INT(split("Kim said \xe2\x80\x9cno deal.\xe2\x80\x9d Trump left."), 2);
}

TEST(split_headlines_and_blank_lines)
{
    CHECK_INT(split("N. Korea fires missile over Japan\nSEOUL (Reuters) - North Korea fired a missile."), 2);
    CHECK_STR(sents[0], "N. Korea fires missile over Japan");
    CHECK_INT(split("First paragraph without stop\n\nSecond one."), 2);
}

TEST(split_hard_wrapped_text_joins_lines)
{
    const char *t = "Arnor is about to restore full diplomatic ties with Gondor almost\n"
                    "five years after crowds trashed its embassy, a senior official\n"
                    "said on Saturday.\n\nNext record here.";
    CHECK_INT(split(t), 2);
    CHECK(strstr(sents[0], "almost\nfive") != NULL);
}

TEST(split_cuts_endless_lines)
{
    char *big = malloc(20001);
    for (int i = 0; i < 20000; i++)
        big[i] = i % 7 == 6 ? ' ' : 'a';
    big[20000] = 0;
    int n = (int)dt_split_sentences(big, 20000, NULL, NULL);
    CHECK(n >= 4);
    free(big);
}

typedef struct toks_out {
    tok *t;
    size_t cap;
    buf keys, norm;
    int n;
} toks_out;

static void tokenize_str(toks_out *o, const char *s)
{
    buf_clear(&o->norm);
    buf_clear(&o->keys);
    text_normalize(s, strlen(s), &o->norm);
    o->n = tokenize(o->norm.data, o->norm.len, &o->t, &o->cap, &o->keys, 400);
}

static const char *key(toks_out *o, int i) { return o->keys.data + o->t[i].key; }

TEST(tokenize_possessives_clitics_hyphens_abbreviations)
{
    toks_out o = {0};
    buf_init(&o.keys, 0);
    buf_init(&o.norm, 0);
    tokenize_str(&o, "South Korea's Kim Jong-un didn't meet the U.S. envoy, Gen. Smith.");
    CHECK_INT(o.n, 16);
    CHECK_STR(key(&o, 1), "KOREA");
    CHECK_STR(key(&o, 2), "'S");
    CHECK(o.t[2].flags & TOKF_POSS);
    CHECK_STR(key(&o, 5), "UN");
    CHECK(o.t[5].flags & TOKF_HYPH);
    CHECK_STR(key(&o, 6), "DID");
    CHECK_STR(key(&o, 7), "N'T");
    CHECK(o.t[7].flags & TOKF_NEGCL);
    CHECK_STR(key(&o, 10), "U.S.");
    CHECK_STR(key(&o, 13), "GEN");
    CHECK(o.t[13].flags & TOKF_ABBR);
    CHECK_STR(key(&o, 15), ".");
    tokenize_str(&o, "Iv\xc3\xa1n Duque paid $1,500 (25%) on 3.5 days \xe2\x80\x94 allies' claims");
    CHECK_STR(key(&o, 0), "IVAN");
    CHECK(o.t[0].flags & TOKF_CAP);
    CHECK_STR(key(&o, 4), "1,500");
    CHECK(o.t[4].flags & TOKF_NUMBER);
    CHECK_STR(key(&o, 6), "25%");
    CHECK_STR(key(&o, 9), "3.5");
    CHECK_STR(key(&o, 11), "-");
    CHECK_STR(key(&o, 13), "'");
    CHECK(o.t[13].flags & TOKF_POSS);
    free(o.t);
    buf_free(&o.keys);
    buf_free(&o.norm);
}

/* The word endings that the fast path passes to the general path's shortcut (a possessive,
 * an abbreviation's period, a number's comma, percent sign or period) against the tokens
 * the general path makes of them: each token's key, offset and flags (p possessive, h
 * hyphen, a abbreviation, n number, w word, c capital, A all capitals, l lower case, .
 * punctuation, q quote, t n't), and its hash. */
static void describe_tokens(toks_out *o, char *out, size_t cap)
{
    static const struct {
        uint16_t flag;
        char c;
    } names[] = {{TOKF_POSS, 'p'},  {TOKF_HYPH, 'h'},   {TOKF_ABBR, 'a'},  {TOKF_NUMBER, 'n'},
                 {TOKF_WORD, 'w'},  {TOKF_CAP, 'c'},    {TOKF_ALLCAP, 'A'}, {TOKF_LOWER, 'l'},
                 {TOKF_PUNCT, '.'}, {TOKF_QUOTE, 'q'},  {TOKF_NEGCL, 't'}};
    size_t l = 0;
    out[0] = 0;
    for (int i = 0; i < o->n && l < cap; i++) {
        const tok *t = &o->t[i];
        l += (size_t)snprintf(out + l, cap - l, "%s%s@%u:", i ? " " : "", key(o, i), (unsigned)t->start);
        for (size_t k = 0; k < DT_ARRAY_LEN(names) && l < cap; k++)
            if (t->flags & names[k].flag)
                out[l++] = names[k].c;
        if (l < cap)
            out[l] = 0;
        CHECK_INT(t->key_len, (long long)strlen(key(o, i)));
        CHECK_INT((long long)t->hash, (long long)text_key_hash(key(o, i), t->key_len));
    }
}

TEST(tokenize_word_endings_as_the_general_path)
{
    toks_out o = {0};
    buf_init(&o.keys, 0);
    buf_init(&o.norm, 0);
    static const struct {
        const char *text, *tokens;
    } cases[] = {
        {"Korea's", 
         "KOREA@0:wc 'S@5:p"},
        {"Korea's-backed plan", 
         "KOREA@0:wc 'S@5:p BACKED@8:hwl PLAN@15:wl"},
        {"KOREA'S army and Korea'S", 
         "KOREA@0:wcA 'S@5:p ARMY@8:wl AND@13:wl KOREA@17:wc 'S@22:p"},
        {"the allies' talks", 
         "THE@0:wl ALLIES@4:wl '@10:p TALKS@12:wl"},
        {"the allies'", 
         "THE@0:wl ALLIES@4:wl '@10:p"},
        {"the allies'-held town", 
         "THE@0:wl ALLIES@4:wl '@10:p HELD@12:hwl TOWN@17:wl"},
        {"rock' n roll", 
         "ROCK@0:wl '@4:.q N@6:wl ROLL@8:wl"},
        {"O'Brien's men don't go", 
         "O'BRIEN@0:wc 'S@7:p MEN@10:wl DO@14:wl N'T@16:wlt GO@20:wl"},
        {"Korea'sx 'twas", 
         "KOREA'SX@0:wc '@9:.q TWAS@10:wl"},
        {"the 1990's and 1990s' wars", 
         "THE@0:wl 1990@4:n 'S@8:p AND@11:wl 1990S@15:n '@20:p WARS@22:wl"},
        {"Gen. Smith and Corp.'s profit", 
         "GEN@0:awc SMITH@5:wc AND@11:wl CORP@15:awc 'S@20:p PROFIT@23:wl"},
        {"said Gen.\"", 
         "SAID@0:wl GEN@5:wc .@8:. \"@9:.q"},
        {"wait Gen... now", 
         "WAIT@0:wl GEN@5:wc ...@8:. NOW@12:wl"},
        {"John X. Smith in the U.S. today", 
         "JOHN@0:wc X.@5:wcA SMITH@8:wc IN@14:wl THE@17:wl U.S.@21:wcA TODAY@26:wl"},
        {"Corp.-led talks", 
         "CORP@0:awc LED@6:hwl TALKS@10:wl"},
        {"paid 1,500 or 1,500,000 or 1,50 on 25% and 3.5bn", 
         "PAID@0:wl 1,500@5:n OR@11:wl 1,500,000@14:n OR@24:wl 1@27:n ,@28:. 50@29:n ON@32:wl 25%@35:n AND@39:wl 3.5BN@43:n"},
        {"rose 5. Then 25%-30% and 3.5.", 
         "ROSE@0:wl 5@5:n .@6:. THEN@8:wc 25%@13:n 30%@17:hn AND@21:wl 3.5@25:n .@28:."},
        {"it is 5'6 tall, 12,345,678,901,234 and 99%'s", 
         "IT@0:wl IS@3:wl 5'6@6:n TALL@10:wl ,@14:. 12,345,678,901,234@16:n AND@35:wl 99%@39:n 'S@42:p"},
        {"U.S.-South Korea talks at 5 a.m. in the U.S",
         "U.S.@0:wcA SOUTH@5:hwc KOREA@11:wc TALKS@17:wl AT@23:wl 5@26:n A.M.@28:wl IN@33:wl THE@36:wl U.S@40:wcA"},
        {"the U.N.'s envoy, U.S... and X.Y. or A.B.C.D.E.F.G.H.I. or a.b",
         "THE@0:wl U.N.@4:wcA 'S@8:p ENVOY@11:wl ,@16:. U.S.@18:wcA ..@22:. AND@25:wl X.Y.@29:wcA OR@34:wl A.B.C.D.E.F.G.H.I.@37:wcA OR@56:wl A.B@59:wl"},
        {"J. Smith's and Gen.-led and Mr.\" and U.S.\"",
         "J.@0:wcA SMITH@3:wc 'S@8:p AND@11:wl GEN@15:awc LED@20:hwl AND@24:wl MR@28:awc \"@31:.q AND@33:wl U.S.@37:wcA \"@41:.q"},
        {"abcdefghijklmno's abcdefghijklmnop's 12345678901234% 123456789012345%", 
         "ABCDEFGHIJKLMNO@0:wl 'S@15:p ABCDEFGHIJKLMNOP@18:wl 'S@34:p 12345678901234%@37:n 123456789012345%@53:n"},
    };
    for (size_t k = 0; k < DT_ARRAY_LEN(cases); k++) {
        tokenize_str(&o, cases[k].text);
        char got[512];
        describe_tokens(&o, got, sizeof(got));
        CHECK_STR(got, cases[k].tokens);
    }
    free(o.t);
    buf_free(&o.keys);
    buf_free(&o.norm);
}

/* Every path of the tokenizer (one 16-byte load, eight bytes at a time, byte by byte near
 * the end) gives a plain word the same token: its key upper-cased, its case flags, and the
 * token cache's hash of the key. Words of 1 to 20 letters, in mixed case, at every offset
 * from the end of the sentence. */
TEST(tokenize_plain_words_on_every_path)
{
    toks_out o = {0};
    buf_init(&o.keys, 0);
    buf_init(&o.norm, 0);
    static const char *const shapes[] = {"lower", "Capital", "UPPER", "mIxEd", "9digits"};
    for (size_t len = 1; len <= 20; len++)
        for (size_t sh = 0; sh < DT_ARRAY_LEN(shapes); sh++)
            for (size_t pad = 0; pad < 20; pad++) {
                char word[32], want[32], text[96];
                for (size_t i = 0; i < len; i++) {
                    char c = (char)('a' + (i * 7 + len) % 26);
                    if (sh == 1 && i == 0)
                        c = (char)to_upper(c);
                    if (sh == 2 || (sh == 3 && i % 2 == 1))
                        c = (char)to_upper(c);
                    if (sh == 4)
                        c = (char)('0' + i % 10);
                    word[i] = c;
                    want[i] = (char)to_upper(c);
                }
                word[len] = want[len] = 0;
                /* the word, then `pad` more letters in words of one */
                size_t n = (size_t)snprintf(text, sizeof(text), "Then %s", word);
                for (size_t p = 0; p < pad; p++)
                    n += (size_t)snprintf(text + n, sizeof(text) - n, " x");
                tokenize_str(&o, text);
                CHECK_INT(o.n, (long long)(2 + pad));
                if (o.n < 2)
                    break;
                const tok *t = &o.t[1];
                CHECK_STR(key(&o, 1), want);
                CHECK_INT((long long)t->hash, (long long)text_key_hash(want, len));
                uint16_t cls = t->flags & (TOKF_CAP | TOKF_ALLCAP | TOKF_LOWER | TOKF_NUMBER | TOKF_WORD);
                uint16_t exp[] = {TOKF_WORD | TOKF_LOWER, TOKF_WORD | TOKF_CAP | (len > 1 ? 0 : TOKF_ALLCAP),
                                  TOKF_WORD | TOKF_CAP | TOKF_ALLCAP, TOKF_WORD | (len > 1 ? 0 : TOKF_LOWER),
                                  TOKF_NUMBER};
                if (cls != exp[sh]) {
                    CHECK_INT(cls, exp[sh]);
                    len = 21;
                    break;
                }
            }
    free(o.t);
    buf_free(&o.keys);
    buf_free(&o.norm);
}

/* The end of the text, where the sixteen-byte path reads a zero-padded copy: a last word
 * before the final period (a token of its own, unless the word is an initial), single
 * punctuation and runs of it, and a number; every key with the hash of its bytes. */
TEST(tokenize_the_end_of_the_text)
{
    toks_out o = {0};
    buf_init(&o.keys, 0);
    buf_init(&o.norm, 0);
    static const struct {
        const char *text, *keys; /* the keys joined by blanks */
    } cases[] = {
        {"He said.", "HE SAID ."},
        {"Talks resumed on Monday in Geneva.", "TALKS RESUMED ON MONDAY IN GENEVA ."},
        {"Prices rose 5.", "PRICES ROSE 5 ."},
        {"He met Kim Jong-un.", "HE MET KIM JONG UN ."},
        {"Troops entered the U.S.", "TROOPS ENTERED THE U.S."},
        {"A talk with John X.", "A TALK WITH JOHN X."},
        {"They met Gen. Smith.", "THEY MET GEN SMITH ."},
        {"He said \"no.\"", "HE SAID \" NO . \""},
        {"Wait... -- then (go)!", "WAIT ... -- THEN ( GO ) !"},
        {"Korea's", "KOREA 'S"},
        {"x", "X"},
        {"a, b; c: d?", "A , B ; C : D ?"},
    };
    for (size_t k = 0; k < DT_ARRAY_LEN(cases); k++) {
        tokenize_str(&o, cases[k].text);
        char got[128] = "";
        size_t gl = 0;
        for (int i = 0; i < o.n; i++) {
            const tok *t = &o.t[i];
            gl += (size_t)snprintf(got + gl, sizeof(got) - gl, "%s%s", i ? " " : "", key(&o, i));
            CHECK_INT(t->key_len, (long long)strlen(key(&o, i)));
            CHECK_INT((long long)t->hash, (long long)text_key_hash(key(&o, i), t->key_len));
        }
        CHECK_STR(got, cases[k].keys);
    }
    tokenize_str(&o, "He said.");
    CHECK_INT(o.t[1].flags, TOKF_WORD | TOKF_LOWER);
    CHECK_INT(o.t[2].flags, TOKF_PUNCT);
    tokenize_str(&o, "He met Kim Jong-un.");
    CHECK_INT(o.t[4].flags, TOKF_WORD | TOKF_LOWER | TOKF_HYPH);
    tokenize_str(&o, "He said \"no.\"");
    CHECK_INT(o.t[2].flags, TOKF_PUNCT | TOKF_QUOTE);
    free(o.t);
    buf_free(&o.keys);
    buf_free(&o.norm);
}

TEST(normalize_typography_and_bad_bytes)
{
    buf b;
    buf_init(&b, 0);
    size_t bad = text_normalize("  \xe2\x80\x9cHi\xe2\x80\x9d\xc2\xa0there\xe2\x80\x99s \xff\x00 end  ", 30, &b);
    CHECK_STR(b.data, "\"Hi\" there's end");
    CHECK_INT((long long)bad, 1);
    buf_free(&b);
}

/* The 8-byte fast path of text_normalize against the rule it implements, on random ASCII:
 * words are runs of bytes above 0x20 (0x7F excepted), joined by single blanks. */
TEST(normalize_fast_path_matches_the_rule)
{
    static const char alphabet[] = "ab .,\t\n  \x7f\x01Z";
    uint64_t seed = 12345;
    buf b, want;
    buf_init(&b, 0);
    buf_init(&want, 0);
    for (int round = 0; round < 20000; round++) {
        char in[48];
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t n = (size_t)(seed >> 59) + (size_t)((seed >> 40) & 15);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            in[i] = alphabet[(seed >> 33) % (sizeof(alphabet) - 1)];
        }
        b.len = 0;
        want.len = 0;
        buf_puts(&b, "x"); /* normalising appends: earlier content stays as it is */
        bool gap = false;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)in[i];
            if (c <= 0x20 || c == 0x7F) {
                gap = want.len > 0;
                continue;
            }
            if (gap)
                buf_putc(&want, ' ');
            gap = false;
            buf_putc(&want, (char)c);
        }
        buf_putc(&want, 0);
        text_normalize(in, n, &b);
        if (strcmp(b.data + 1, want.data) != 0) {
            CHECK_STR(b.data + 1, want.data);
            break;
        }
    }
    buf_free(&b);
    buf_free(&want);
}

/* The duplicate hash is stored with each document, so its values must not change: the
 * fast version (64-byte blocks, words across blocks) against its definition, byte by byte,
 * on ASCII texts whose words start and end at every offset of a block. */
static uint64_t text_hash_by_definition(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL, words = 0;
    size_t i = 0;
    for (;;) {
        while (i < n && !is_alnum((unsigned char)s[i]))
            i++;
        if (i == n)
            return hash_mix(h ^ words);
        words++;
        h = (h ^ 0x20) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
        while (i < n && is_alnum((unsigned char)s[i])) {
            uint64_t chunk = 0;
            for (unsigned k = 0; k < 8 && i < n && is_alnum((unsigned char)s[i]); k++, i++)
                chunk |= (uint64_t)to_upper((unsigned char)s[i]) << (8 * k);
            h = (h ^ chunk) * 0x9e3779b97f4a7c15ULL;
            h ^= h >> 29;
        }
    }
}

TEST(text_hash_values_follow_the_definition)
{
    char text[700];
    uint32_t r = 12345;
    for (int round = 0; round < 4000; round++) {
        size_t n = (size_t)(round % 3 == 2 ? round % 690 : round % 290);
        for (size_t i = 0; i < n; i++) {
            r = r * 1103515245u + 12345u;
            unsigned v = (r >> 16) % (round % 3 == 0 ? 40u : 12u); /* long words when 12 */
            text[i] = v < 10 ? (char)((round & 4 ? '0' : 'a') + v) : v == 10 ? ' ' : v == 11 ? ',' : (char)('A' + v % 26);
        }
        if (dt_text_hash(text, n) != text_hash_by_definition(text, n)) {
            CHECK(dt_text_hash(text, n) == text_hash_by_definition(text, n));
            return;
        }
    }
}

TEST(text_hash_ignores_case_space_and_punctuation)
{
    const char *a = "North Korea fired a missile.\n\nJapan protested!";
    const char *b = "  north korea FIRED a missile  Japan \u201cprotested\u201d ";
    CHECK(dt_text_hash(a, strlen(a)) == dt_text_hash(b, strlen(b)));
    const char *c = "North Korea fired two missiles. Japan protested.";
    CHECK(dt_text_hash(a, strlen(a)) != dt_text_hash(c, strlen(c)));
    /* Words of eight letters and longer, at the end or not; words are not glued together. */
    const char *d = "Pyongyang condemned Washington", *e = "PYONGYANG, condemned -- washington.";
    CHECK(dt_text_hash(d, strlen(d)) == dt_text_hash(e, strlen(e)));
    const char *f = "Pyongyang condemned Washing ton";
    CHECK(dt_text_hash(d, strlen(d)) != dt_text_hash(f, strlen(f)));
    /* Accents and non-ASCII case fold too. */
    const char *g = "S\u00e3o Tom\u00e9 protested", *h = "SAO TOME protested!";
    CHECK(dt_text_hash(g, strlen(g)) == dt_text_hash(h, strlen(h)));
}

/* The values themselves, as stored with documents before any rewrite of the hash: plain
 * ASCII, letters with accents and other scripts (folded first), digits, a long word and
 * words that cross the 64-byte blocks at many offsets, the empty text and punctuation only. */
TEST(text_hash_values_are_fixed)
{
    static char cross[400];
    size_t k = 0;
    for (int w = 1; k + (size_t)w + 2 < sizeof(cross) - 1 && w <= 40; w += 3) {
        for (int i = 0; i < w; i++)
            cross[k++] = (char)(i % 3 == 0 ? '0' + (i + w) % 10 : 'a' + (i * 7 + w) % 26);
        cross[k++] = w % 2 ? ' ' : '.';
    }
    cross[k] = 0;
    static const struct {
        const char *text;
        uint64_t hash;
    } cases[] = {
        {"", 0xefd01f60ba992926ULL},
        {"...!? ,;-- \t\n()", 0xefd01f60ba992926ULL},
        {"North Korea fired a missile on Tuesday, and Japan protested.", 0x8220d93aab492e92ULL},
        {"S\xc3\xa3o Tom\xc3\xa9 e Pr\xc3\xadncipe: \xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1, "
         "\xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd1\x8f 2024 \xe2\x80\x9cquoted\xe2\x80\x9d \xff bad",
         0x503c195972265f32ULL},
        {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
         0xca3a6d51e08d405bULL},
        {"0123456789012345678901234567890123456789012345678901234567890123", 0xa84c97d95bcc5d6cULL},
        {"The UN Security Council met 3 times in 2023-24; Prime Minister Abe's visit was delayed.",
         0x0e72f8f1b575514bULL},
        {cross, 0x42d00badbfede538ULL},
    };
    CHECK_INT(strlen(cross), 301);
    for (size_t i = 0; i < DT_ARRAY_LEN(cases); i++) {
        uint64_t h = dt_text_hash(cases[i].text, strlen(cases[i].text));
        if (h != cases[i].hash)
            harness_fail(__FILE__, __LINE__, "text %zu: hash 0x%016llx, expected 0x%016llx", i,
                         (unsigned long long)h, (unsigned long long)cases[i].hash);
    }
}
