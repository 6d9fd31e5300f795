/* test_ingest.c — the ingest readers: dates, language, charsets, article extraction, gzip,
 * directories, duplicates, hostile input; real fixtures from ../shared/reference/ingest
 * (WARC files, feeds, benchmark pages) read at run time. */
#include "../src/ingest/ingest.h"
#include "harness.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef struct idiags {
    int errors, warnings;
    char msgs[32][700];
} idiags;

static void icollect(void *user, const dt_error *e)
{
    idiags *d = user;
    if (e->code == DT_OK)
        d->warnings++;
    else
        d->errors++;
    int k = d->errors + d->warnings - 1;
    if (k < 32)
        dt_error_format(e, d->msgs[k], sizeof(d->msgs[0]));
}

static bool any_msg(const idiags *d, const char *needle)
{
    int n = d->errors + d->warnings;
    for (int i = 0; i < n && i < 32; i++)
        if (strstr(d->msgs[i], needle))
            return true;
    return false;
}

static const char *ref(const char *rel)
{
    static char path[8][4096];
    static int k;
    const char *sh = test_shared_dir();
    if (!sh)
        return NULL;
    char *p = path[k++ % 8];
    snprintf(p, 4096, "%s/reference/ingest/%s", sh, rel);
    return access(p, R_OK) == 0 ? p : NULL;
}

#define NEED_REF(var, rel)                                                                \
    const char *var = ref(rel);                                                           \
    if (!var)                                                                             \
        SKIP("reference data ../shared/reference/ingest is absent (" rel ")")

/* Read all documents of a source; returns the count, copies up to 8 into the arrays. */
typedef struct got_docs {
    int n;
    char url[8][512], title[8][256], date[8][16], date_source[8][16], lang[8][8], format[8][16];
    char text[8][2048];
} got_docs;

static int read_all(const char *path, const dt_reader_opts *o, got_docs *g, idiags *dg, dt_reader_stats *st)
{
    dt_reader *r;
    memset(g, 0, sizeof(*g));
    if (dt_reader_open(&r, path, o, NULL))
        return -1;
    dt_doc doc;
    int rc;
    while ((rc = dt_reader_next(r, &doc, icollect, dg)) == 1) {
        if (g->n < 8) {
            int k = g->n;
            snprintf(g->url[k], 512, "%s", doc.url);
            snprintf(g->title[k], 256, "%s", doc.title);
            snprintf(g->date[k], 16, "%s", doc.date);
            snprintf(g->date_source[k], 16, "%s", doc.date_source);
            snprintf(g->lang[k], 8, "%s", doc.lang);
            snprintf(g->format[k], 16, "%s", doc.format);
            snprintf(g->text[k], 2048, "%.*s", (int)DT_MIN(doc.text_len, (size_t)2047), doc.text);
        }
        g->n++;
    }
    if (st)
        dt_reader_get_stats(r, st);
    dt_reader_close(r);
    return rc < 0 ? rc : g->n;
}

static char *tmp_dir(void)
{
    static char dir[64];
    snprintf(dir, sizeof(dir), "/tmp/detente-ing-XXXXXX");
    return mkdtemp(dir);
}

static bool write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static size_t gzip_mem(const char *in, size_t n, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof(z));
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (unsigned char *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    return len;
}

static char *rm_cmd(const char *dir)
{
    static char cmd[256];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return cmd;
}

/* ---------------------------------------------------------------- dates, language, charsets */

TEST(ingest_dates_in_many_forms)
{
    static const struct { const char *s, *want; } cases[] = {
        {"2018-06-12T08:30:00+09:00", "2018-06-12"}, {"2018-06-12", "2018-06-12"},
        {"Tue, 12 Jun 2018 04:00:00 GMT", "2018-06-12"}, {"June 12, 2018", "2018-06-12"},
        {"Jun. 12 2018", "2018-06-12"}, {"12 June 2018", "2018-06-12"}, {"Tuesday, June 12, 2018", "2018-06-12"},
        {"2018/06/12", "2018-06-12"}, {"20180612", "2018-06-12"}, {"26-FEB-1987 15:18:06.67", "1987-02-26"},
        {"Sept. 3, 2019", "2019-09-03"}, {"1528776000", "2018-06-12"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int32_t day;
        char out[16] = "";
        if (date_parse_any(cases[i].s, strlen(cases[i].s), &day))
            dt_date_format(day, out, sizeof(out));
        CHECK_STR(out, cases[i].want);
    }
    int32_t day;
    CHECK(!date_parse_any("June 12", 7, &day));
    CHECK(!date_parse_any("2018-02-30", 10, &day));
    CHECK(!date_parse_any("yesterday", 9, &day));
    const char *u = "https://www.nytimes.com/2019/11/19/opinion/x.html";
    CHECK(date_from_url(u, strlen(u), &day));
    u = "https://example.com/news/123456789/story";
    CHECK(!date_from_url(u, strlen(u), &day));
    size_t end;
    const char *dl = "SEOUL, June 12, 2018 (Reuters) - North Korea said";
    CHECK(date_from_dateline(dl, strlen(dl), &day, &end));
    CHECK(strncmp(dl + end, " North", 6) == 0);
    dl = "SEOUL, June 12 (Reuters) - no year here";
    CHECK(!date_from_dateline(dl, strlen(dl), &day, &end));
}

TEST(ingest_language_guess)
{
    const char *en = "The ministers said on Tuesday that the talks would continue next week, and that both sides "
                     "had agreed to keep the hotline open while the negotiations were under way.";
    const char *de = "Die Minister sagten am Dienstag, dass die Gespräche in der nächsten Woche fortgesetzt werden "
                     "und dass beide Seiten sich auf die Verlängerung des Abkommens geeinigt haben.";
    const char *fr = "Les ministres ont déclaré mardi que les discussions se poursuivront la semaine prochaine et "
                     "que les deux parties ont accepté de maintenir la ligne directe pendant les négociations.";
    CHECK_STR(lang_detect(en, strlen(en)), "en");
    CHECK_STR(lang_detect(de, strlen(de)), "de");
    CHECK_STR(lang_detect(fr, strlen(fr)), "fr");
    CHECK_STR(lang_detect("Japan condemned China.", 22), "");
    const char *zh = "北京时间周二，两国部长表示，会谈将在下周继续进行，双方同意在谈判期间保持热线畅通，并将讨论更多问题。";
    CHECK_STR(lang_detect(zh, strlen(zh)), "");
}

/* lang_detect decides which documents are coded, so its answers are pinned to its
 * definition, byte by byte: a word is a run of letters, digits, apostrophes and non-ASCII
 * bytes that begins at one that is not an apostrophe; the first 100 words are read (40
 * when they are plainly English); letters are ASCII letters and bytes from 0xC0 on, the
 * lead bytes from 0xCA on mark scripts beyond Latin. */
static const char *lang_by_definition(const char *text, size_t n)
{
    static const char *const codes[] = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "id", "ru"};
    const unsigned char *t = (const unsigned char *)text;
    size_t hits[10] = {0}, words = 0, letters = 0, nonlatin = 0, i = 0;
    while (i < n && words < 100) {
        while (i < n && !(is_alnum(t[i]) || t[i] >= 0x80))
            i++;
        if (i == n)
            break;
        size_t s = i;
        while (i < n && (is_alnum(t[i]) || t[i] >= 0x80 || t[i] == '\'')) {
            letters += is_alpha(t[i]) || t[i] >= 0xC0;
            nonlatin += t[i] >= 0xCA;
            i++;
        }
        words++;
        if (i - s > 12)
            continue;
        unsigned mask = lang_stopword_langs(text + s, i - s);
        for (size_t l = 0; l < 10; l++)
            hits[l] += mask >> l & 1;
        if (words == 40 && nonlatin == 0 && hits[0] >= 10) {
            size_t other = 0;
            for (size_t l = 1; l < 10; l++)
                other = DT_MAX(other, hits[l]);
            if (hits[0] >= other * 3)
                break;
        }
    }
    if (words < 12)
        return "";
    size_t best = 0, second = 0, bi = 0;
    for (size_t l = 0; l < 10; l++) {
        if (hits[l] > best) {
            second = best;
            best = hits[l];
            bi = l;
        } else if (hits[l] > second) {
            second = hits[l];
        }
    }
    if (letters && nonlatin * 2 > letters && (best == 0 || bi != 9))
        return "xx";
    if (best * 10 < words || best < second * 3 / 2 + 1)
        return "";
    return codes[bi];
}

/* Random texts of stopwords in every language (some capitalised), other words, words in
 * other scripts, apostrophes before, inside and after words, and words of 12, 13, 63, 64,
 * 65 and more bytes, so that words begin and end at every offset of the 64-byte blocks. */
TEST(ingest_language_guess_follows_the_definition)
{
    /* each language's few stopwords (some capitalised), then everything else */
    static const char *const by_lang[10][4] = {
        {"the", "The", "said", "which"}, {"der", "Die", "und", "nicht"}, {"le", "Les", "dans", "cette"},
        {"el", "Los", "y", "muy"}, {"il", "Di", "della", "questo"}, {"o", "Não", "mais", "pela"},
        {"het", "Een", "wordt", "naar"}, {"w", "Się", "że", "przez"}, {"yang", "Dan", "dengan", "karena"},
        {"и", "что", "это", "также"}};
    static const char *const other[] = {
        "and", "of", "to", "in", "would", "their", "its", "de", "que", "en", "para", "una", "Москва",
        "заявил", "北京时间周二", "会谈", "ministers", "talks", "Pyongyang", "Sino-U.S.", "3.5",
        "2018", "don't", "it's", "'tis", "dogs'", "''", "'", "''quoted''", "O'Neill", "São", "Tomé",
        "negociaciones", "abcdefghijkl", "abcdefghijklm", "Überraschung", "ĳssel", "ʻokina", "—",
        "\"", "(", ")", ",", ".", "\xc3", "\xe2\x80\x9d", "x1y2z3", "A"};
    char text[2600];
    uint64_t seed = 777;
    for (int round = 0; round < 6000; round++) {
        size_t n = 0, limit = (size_t)(round % 7 == 0 ? 2500 : round % 3 == 0 ? 700 : 200 + round % 300);
        /* a language most words come from (10: other scripts; 11, 12: none); in some texts
         * English first, then another language or script (after English's first 40 words or
         * about there, which may settle the guess early) */
        unsigned focus = (unsigned)round % 13, later = focus;
        size_t switch_at = limit;
        if (round % 5 == 1) {
            focus = 0;
            switch_at = 150 + (size_t)round % 250;
        }
        while (n < limit) {
            if (n >= switch_at)
                focus = later;
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned v = (unsigned)(seed >> 33);
            char word[200];
            size_t wl;
            if (focus == 10 && v % 3) {
                static const char *const scripts[] = {"北京时间周二", "会谈", "Москва", "заявил", "한국은", "ʻokina", "אמר"};
                const char *w = scripts[(v >> 8) % DT_ARRAY_LEN(scripts)];
                wl = strlen(w);
                memcpy(word, w, wl);
            } else if (v % 23 == 0) { /* a long word, at times longer than a block */
                static const size_t lens[] = {12, 13, 63, 64, 65, 70, 128, 130};
                wl = lens[(v >> 8) % 8];
                for (size_t k = 0; k < wl; k++)
                    word[k] = (char)('a' + (k + v) % 26);
            } else {
                const char *w = focus < 10 && v % 3 ? by_lang[focus][(v >> 8) % 4]
                                : v % 4 == 0    ? by_lang[(v >> 8) % 10][(v >> 12) % 4]
                                                : other[(v >> 8) % DT_ARRAY_LEN(other)];
                wl = strlen(w);
                memcpy(word, w, wl);
            }
            if (n + wl + 1 > limit)
                break;
            memcpy(text + n, word, wl);
            n += wl;
            static const char seps[] = {' ', ' ', ' ', ' ', '\n', ',', '\'', '-', '.'};
            if ((v >> 20) % 11)
                text[n++] = seps[(v >> 24) % sizeof(seps)];
        }
        /* every length of a few texts, the others whole */
        for (size_t len = round % 97 == 0 ? 0 : n; len <= n; len++) {
            const char *want = lang_by_definition(text, len), *got = lang_detect(text, len);
            if (strcmp(want, got) != 0) {
                CHECK_STR(got, want);
                harness_fail(__FILE__, __LINE__, "round %d, %zu bytes: %.*s", round, len, (int)len, text);
                return;
            }
        }
    }
}

TEST(ingest_charsets_become_utf8)
{
    buf out;
    buf_init(&out, 0);
    size_t bad = 0;
    char used[64];
    CHECK_INT(charset_to_utf8("caf\xe9", 4, "iso-8859-1", &out, &bad, used), 0);
    CHECK_STR(out.data, "caf\xc3\xa9");
    buf_clear(&out);
    const char *html = "<meta charset=\"windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
    CHECK_INT(charset_to_utf8(html, strlen(html), NULL, &out, &bad, used), 0);
    CHECK_STR(used, "windows-1251");
    CHECK(strstr(out.data, "Москва") != NULL);
    buf_clear(&out);
    bad = 0;
    CHECK_INT(charset_to_utf8("ok \xff\xfe bytes", 11, "utf-8", &out, &bad, used), 0);
    CHECK_INT((long long)bad, 2);
    CHECK(strstr(out.data, "\xef\xbf\xbd") != NULL);
    buf_clear(&out);
    CHECK_INT(charset_to_utf8("x", 1, "no-such-charset", &out, &bad, used), 0);
    CHECK_STR(out.data, "x");
    char cs[64];
    CHECK(charset_from_content_type("text/html; charset=\"ISO-8859-1\"", 31, cs));
    CHECK_STR(cs, "iso-8859-1");
    buf_free(&out);
}

/* ---------------------------------------------------------------- HTML */

TEST(ingest_html_keeps_article_drops_boilerplate)
{
    char *html;
    size_t len;
    CHECK_INT(file_read_all("tests/data/ingest/article.html", 0, &html, &len, NULL), 0);
    dt_article a = {0};
    CHECK_INT(dt_extract_html(html, len, NULL, NULL, &a), 0);
    CHECK_STR(a.title, "Talks resume at Panmunjom");
    CHECK_STR(a.date, "2018-06-12");
    CHECK_STR(a.date_source, "meta");
    CHECK(strstr(a.text, "agreed to restore a hotline") != NULL);
    CHECK(strstr(a.text, "would meet again next month") != NULL);
    CHECK(strstr(a.text, "freeze on missile tests") != NULL);
    static const char *const gone[] = {"cookies", "Politics", "Photo:", "Share on", "covered the Korean",
                                       "You may also like", "Summit date set", "remarkable step",
                                       "All rights reserved", "newsletter", "do not read me", "By A. Reporter"};
    for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
        if (strstr(a.text, gone[i]))
            harness_fail(__FILE__, __LINE__, "boilerplate \"%s\" kept in: %s", gone[i], a.text);
    dt_article_free(&a);
    /* without the meta tag, the dateline gives the date; the URL too */
    char *cut = strstr(html, "<meta property=\"article:published_time\"");
    CHECK(cut != NULL);
    if (cut)
        memset(cut, ' ', strlen("<meta property=\"article:published_time\" content=\"2018-06-12T08:30:00+09:00\">"));
    char *canon = strstr(html, "2018/06/12");
    if (canon)
        memcpy(canon, "abcd/ef/gh", 10);
    CHECK_INT(dt_extract_html(html, len, NULL, NULL, &a), 0);
    CHECK_STR(a.date_source, "dateline");
    CHECK_STR(a.date, "2018-06-12");
    dt_article_free(&a);
    CHECK_INT(dt_extract_html(html, len, "https://x.example/2017/01/05/story", NULL, &a), 0);
    CHECK_STR(a.date_source, "url");
    CHECK_STR(a.date, "2017-01-05");
    dt_article_free(&a);
    free(html);
}

TEST(ingest_html_hostile_pages)
{
    static const char *const pages[] = {
        "", "<", "<html><body></body></html>", "<p>unclosed <b>tags <i>everywhere",
        "<div><div><div><div><p>deep</p></div>", "\xff\xfe\x00<\x00h\x00t\x00m\x00l\x00>",
        "<html><script>while(1){}</script><p>after</p>", "<meta charset=\"x-bogus\"><p>text</p>",
    };
    for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
        dt_article a = {0};
        int rc = dt_extract_html(pages[i], strlen(pages[i]) + (i == 5 ? 12 : 0), NULL, NULL, &a);
        CHECK(rc == 0 || rc == DT_EPARSE);
        dt_article_free(&a);
    }
    /* deep nesting */
    size_t n = 200000;
    char *deep = malloc(n * 5 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(deep + i * 5, "<div>", 5);
    deep[n * 5] = 0;
    dt_article a = {0};
    int rc = dt_extract_html(deep, n * 5, NULL, NULL, &a);
    CHECK(rc == 0 || rc == DT_EPARSE);
    dt_article_free(&a);
    free(deep);
}

/* The published benchmark pages: the article's first words come out, and not much else. */
TEST(ingest_html_benchmark_pages)
{
    NEED_REF(dir, "extraction-benchmark/ground-truth.json");
    char cmd[4200], *out = NULL;
    /* ten pages, checked by the shingle scorer written for the benchmark */
    snprintf(cmd, sizeof(cmd), "test -x build/bench/extract_score && echo yes");
    int have = test_run(cmd, &out, 0);
    free(out);
    if (have != 0)
        SKIP("build/bench/extract_score not built (make bench-build)");
    char bench[4096];
    snprintf(bench, sizeof(bench), "%s", dir);
    *strrchr(bench, '/') = 0;
    snprintf(cmd, sizeof(cmd), "./build/bench/extract_score '%s' | head -1", bench);
    CHECK_INT(test_run(cmd, &out, 0), 0);
    double f1 = 0;
    const char *p = out ? strstr(out, "F1 ") : NULL;
    if (p)
        f1 = strtod(p + 3, NULL);
    if (f1 < 0.94)
        harness_fail(__FILE__, __LINE__, "benchmark F1 %.3f < 0.94 (%s)", f1, out ? out : "");
    free(out);
}

/* Readability.js test pages that state a publication time: our date agrees. */
TEST(ingest_html_readability_dates)
{
    NEED_REF(dir, "readability/pages.tsv");
    char base[4096];
    snprintf(base, sizeof(base), "%s", dir);
    *strrchr(base, '/') = 0;
    static const char *const names[] = {"nytimes-1", "nytimes-2", "guardian-1", "telegraph", "wapo-1",
                                        "breitbart", "salon-1", "yahoo-2", "mozilla-1", "ehow-1"};
    int with_date = 0, agree = 0;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        char path[4200];
        snprintf(path, sizeof(path), "%s/%s/expected-metadata.json", base, names[i]);
        char *meta;
        size_t ml;
        if (file_read_all(path, 0, &meta, &ml, NULL))
            continue;
        char *pt = strstr(meta, "\"publishedTime\": \"");
        if (pt) {
            with_date++;
            snprintf(path, sizeof(path), "%s/%s/source.html.gz", base, names[i]);
            dt_reader *r;
            dt_reader_opts o = {0};
            o.any_language = 1;
            if (dt_reader_open(&r, path, &o, NULL) == 0) {
                dt_doc doc;
                if (dt_reader_next(r, &doc, NULL, NULL) == 1 && doc.date[0] &&
                    strncmp(pt + 18, doc.date, 10) == 0)
                    agree++;
                dt_reader_close(r);
            }
        }
        free(meta);
    }
    if (with_date == 0)
        SKIP("none of the chosen readability pages is present");
    if (agree * 10 < with_date * 8)
        harness_fail(__FILE__, __LINE__, "dates agree on %d of %d pages", agree, with_date);
}

/* ---------------------------------------------------------------- sources */

TEST(ingest_gzip_is_transparent_and_damage_is_reported)
{
    static const char jsonl[] = "{\"id\":\"a\",\"text\":\"first record text\"}\n"
                                "{\"id\":\"b\",\"text\":\"second record text\"}\n";
    unsigned char gz[512];
    size_t gl = gzip_mem(jsonl, sizeof(jsonl) - 1, gz, sizeof(gz));
    dt_reader *r;
    CHECK_INT(dt_reader_open_mem(&r, "mem.jsonl.gz", gz, gl, NULL, NULL), 0);
    dt_doc doc;
    idiags dg = {0};
    CHECK_INT(dt_reader_next(r, &doc, icollect, &dg), 1);
    CHECK_STR(doc.id, "a");
    CHECK_INT(dt_reader_next(r, &doc, icollect, &dg), 1);
    CHECK_STR(doc.id, "b");
    CHECK_INT(dt_reader_next(r, &doc, icollect, &dg), 0);
    CHECK_INT(dg.errors, 0);
    dt_reader_close(r);
    /* truncated: the first record survives, the cut is reported with a byte offset */
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(dt_reader_open_mem(&r, "cut.gz", gz, gl - 12, NULL, NULL), 0);
    int n = 0;
    while (dt_reader_next(r, &doc, icollect, &dg) == 1)
        n++;
    CHECK(n >= 1);
    CHECK(any_msg(&dg, "truncated gzip"));
    CHECK(any_msg(&dg, "cut.gz: byte "));
    dt_reader_close(r);
    /* two members, the first corrupt: the second is still read */
    unsigned char two[1024];
    memcpy(two, gz, gl);
    two[gl / 2] ^= 0x55;
    two[gl / 2 + 1] ^= 0x55;
    static const char more[] = "{\"id\":\"c\",\"text\":\"third record text\"}\n";
    size_t g2 = gzip_mem(more, sizeof(more) - 1, two + gl, sizeof(two) - gl);
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(dt_reader_open_mem(&r, "bad.gz", two, gl + g2, NULL, NULL), 0);
    bool saw_c = false;
    while (dt_reader_next(r, &doc, icollect, &dg) == 1)
        saw_c |= strcmp(doc.id, "c") == 0;
    CHECK(saw_c);
    CHECK(dg.errors >= 1);
    dt_reader_close(r);
}

TEST(ingest_directories_duplicates_binary_and_empty)
{
    char *dir = tmp_dir();
    CHECK(dir != NULL);
    if (!dir)
        return;
    char p[256];
    const char *story = "Envoys meet in Geneva\n\nThe envoys of the two countries met in Geneva on Friday and agreed "
                        "to continue the talks next week, the ministry said in a statement.\n";
    snprintf(p, sizeof(p), "%s/a.txt", dir);
    CHECK(write_file(p, story, strlen(story)));
    snprintf(p, sizeof(p), "%s/sub", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof(p), "%s/sub/b.txt", dir);
    CHECK(write_file(p, story, strlen(story)));   /* the same article again */
    snprintf(p, sizeof(p), "%s/sub/c.html", dir);
    CHECK(write_file(p, "<html><body><nav><a href=/>Home</a></nav></body></html>", 55));
    snprintf(p, sizeof(p), "%s/sub/d.bin", dir);
    CHECK(write_file(p, "\x00\x01\x02\x03\x04junk\x00\x00", 11));
    snprintf(p, sizeof(p), "%s/.hidden.txt", dir);
    CHECK(write_file(p, "hidden", 6));
    got_docs g;
    idiags dg = {0};
    dt_reader_stats st;
    CHECK_INT(read_all(dir, NULL, &g, &dg, &st), 1);
    CHECK_STR(g.title[0], "Envoys meet in Geneva");
    CHECK_INT((long long)st.sources, 4);
    CHECK_INT((long long)st.duplicates, 1);
    CHECK_INT((long long)st.empty, 1);
    CHECK_INT((long long)st.skipped, 2);
    CHECK(any_msg(&dg, "binary data"));
    CHECK(any_msg(&dg, "c.html: byte 0: no text"));
    dt_reader_opts o = {0};
    o.keep_duplicates = 1;
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(read_all(dir, &o, &g, &dg, &st), 2);
    char *out;
    test_run(rm_cmd(dir), &out, 0);
    free(out);
}

TEST(ingest_text_title_and_dateline)
{
    static const char t[] = "North Korea agrees to talks\n\nSEOUL, June 12, 2018 (Reuters) - North Korea agreed "
                            "on Tuesday to hold talks with the South, officials said.\n";
    dt_reader *r;
    CHECK_INT(dt_reader_open_mem(&r, "t.txt", t, sizeof(t) - 1, NULL, NULL), 0);
    dt_doc doc;
    CHECK_INT(dt_reader_next(r, &doc, NULL, NULL), 1);
    CHECK_STR(doc.title, "North Korea agrees to talks");
    CHECK_STR(doc.date, "2018-06-12");
    CHECK_STR(doc.date_source, "dateline");
    CHECK_STR(doc.format, "text");
    CHECK(doc.text_hash == dt_text_hash(doc.text, doc.text_len));
    CHECK(strncmp(doc.text, "SEOUL", 5) == 0);
    dt_reader_close(r);
}

TEST(ingest_languages_are_counted_and_skipped)
{
    static const char data[] =
        "{\"id\":\"1\",\"text\":\"Die Minister sagten am Dienstag, dass die Gespräche in der nächsten Woche fortgesetzt "
        "werden und dass beide Seiten sich auf die Verlängerung des Abkommens geeinigt haben.\"}\n"
        "{\"id\":\"2\",\"text\":\"The ministers said on Tuesday that the talks would continue next week and that both "
        "sides had agreed to extend the agreement.\"}\n";
    dt_reader *r;
    CHECK_INT(dt_reader_open_mem(&r, "l.jsonl", data, sizeof(data) - 1, NULL, NULL), 0);
    dt_doc doc;
    idiags dg = {0};
    CHECK_INT(dt_reader_next(r, &doc, icollect, &dg), 1);
    CHECK_STR(doc.id, "2");
    CHECK_STR(doc.lang, "en");
    CHECK_INT(dt_reader_next(r, &doc, icollect, &dg), 0);
    dt_reader_stats st;
    dt_reader_get_stats(r, &st);
    CHECK_INT((long long)st.other_lang, 1);
    CHECK(any_msg(&dg, "not English (de)"));
    dt_reader_close(r);
}

/* ---------------------------------------------------------------- feeds */

TEST(ingest_feed_handmade_latin1)
{
    got_docs g;
    idiags dg = {0};
    CHECK_INT(read_all("tests/data/ingest/feed.rss", NULL, &g, &dg, NULL), 2);
    CHECK_STR(g.format[0], "feed");
    CHECK_STR(g.date[0], "2019-03-01");
    CHECK_STR(g.date_source[0], "feed");
    CHECK_STR(g.url[0], "https://wire.example/2019/03/01/envoys");
    CHECK(strncmp(g.text[0], "Envoys from both countries", 26) == 0);
    CHECK_STR(g.title[1], "Caf\xc3\xa9 owners protest");
    CHECK_STR(g.date[1], "2019-03-02");
    CHECK(strstr(g.text[1], "caf\xc3\xa9 chain") != NULL);
    CHECK(strstr(g.text[1], "evil") == NULL);
    CHECK(dg.errors == 1 && any_msg(&dg, "feed item without text"));
}

TEST(ingest_feeds_real)
{
    NEED_REF(guardian, "feeds/rss-parser/input/guardian.rss");
    dt_reader_opts o = {0};
    o.any_language = 1;
    got_docs g;
    idiags dg = {0};
    CHECK_INT(read_all(guardian, &o, &g, &dg, NULL), 55);
    CHECK(strncmp(g.url[0], "https://www.theguardian.com/", 28) == 0);
    CHECK(g.date[0][0] == '2');
    NEED_REF(uol, "feeds/rss-parser/input/uolNoticias.rss");
    CHECK_INT(read_all(uol, &o, &g, &dg, NULL), 15);
    for (int i = 0; i < 8; i++)
        CHECK(strstr(g.text[i], "\xef\xbf\xbd") == NULL && strstr(g.title[i], "\xef\xbf\xbd") == NULL);
    NEED_REF(heise, "feeds/rss-parser/input/heise.atom");
    dt_reader_stats st;
    CHECK(read_all(heise, NULL, &g, &dg, &st) <= 2); /* German: counted, skipped */
    CHECK(st.other_lang >= 13);
    CHECK_INT(read_all(heise, &o, &g, &dg, NULL), 15);
    NEED_REF(rdf, "feeds/rss-parser/input/rss-1.rss");
    CHECK_INT(read_all(rdf, &o, &g, &dg, NULL), 69);
    NEED_REF(cut, "feeds/feed-rs/rss2/rss_2.0_invalid_1.xml");
    CHECK(read_all(cut, &o, &g, &dg, NULL) >= 0);
    NEED_REF(moved, "feeds/rss-parser/input/unrecognized.rss");
    o.format = "feed";
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(read_all(moved, &o, &g, &dg, NULL), 0);
    CHECK(any_msg(&dg, "not an RSS or Atom feed"));
}

/* ---------------------------------------------------------------- WARC */

TEST(ingest_warc_real_files)
{
    NEED_REF(ex, "warc/warcio/example.warc.gz");
    got_docs g;
    idiags dg = {0};
    CHECK_INT(read_all(ex, NULL, &g, &dg, NULL), 1);
    CHECK_STR(g.url[0], "http://example.com/");
    CHECK_STR(g.format[0], "warc");
    CHECK(strstr(g.text[0], "This domain is established") != NULL);
    CHECK_INT(dg.errors, 0);
    NEED_REF(chunked, "warc/warcio/example-iana.org-chunked.warc");
    CHECK_INT(read_all(chunked, NULL, &g, &dg, NULL), 1);
    NEED_REF(cc, "warc/resiliparse/warcfile.warc.gz");
    dt_reader_opts o = {0};
    o.any_language = 1;
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(read_all(cc, &o, &g, &dg, NULL), 14);
    for (int i = 0; i < 8; i++)
        CHECK(g.date[i][0] != 0);
    NEED_REF(clipped, "warc/resiliparse/clipped.warc.gz");
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(read_all(clipped, NULL, &g, &dg, NULL), 0);
    CHECK(any_msg(&dg, "truncated"));
    /* a record whose Content-Length is wrong is reported; the page before it is kept */
    NEED_REF(pywb, "warc/pywb/example.warc");
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(read_all(pywb, NULL, &g, &dg, NULL), 1);
    CHECK(any_msg(&dg, "Content-Length (320) does not match"));
    CHECK(any_msg(&dg, "byte 4061"));
    NEED_REF(arc, "warc/warcio/example.arc");
    memset(&dg, 0, sizeof(dg));
    CHECK_INT(read_all(arc, NULL, &g, &dg, NULL), 0);
    CHECK(any_msg(&dg, "ARC file"));
}

TEST(ingest_warc_handmade_framing)
{
    const char *page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n"
                       "<html><body><p>Le caf\xe9 est ferm\xe9 depuis mardi, a indiqu\xe9 le propri\xe9taire, "
                       "et il ne rouvrira pas avant la fin du mois prochain selon la mairie.</p></body></html>";
    char w[4096];
    size_t pl = strlen(page);
    int n = snprintf(w, sizeof(w),
                     "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2020-01-02T03:04:05Z\r\n"
                     "WARC-Target-URI: http://x.example/a\r\nContent-Type: application/http; msgtype=response\r\n"
                     "Content-Length: %zu\r\n\r\n%s\r\n\r\n"
                     "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nshort\r\n\r\n"
                     "garbage line\r\n"
                     "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:3>\r\nWARC-Target-URI: http://x.example/c\r\n"
                     "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
                     pl, page, pl, page);
    /* the second record claims 9999 bytes: it swallows the third, so only the first survives */
    dt_reader *r;
    dt_reader_opts o = {0};
    o.any_language = 1;
    o.keep_duplicates = 1;
    CHECK_INT(dt_reader_open_mem(&r, "h.warc", w, (size_t)n, &o, NULL), 0);
    dt_doc doc;
    idiags dg = {0};
    CHECK_INT(dt_reader_next(r, &doc, icollect, &dg), 1);
    CHECK_STR(doc.id, "urn:uuid:1");
    CHECK_STR(doc.url, "http://x.example/a");
    CHECK_STR(doc.date, "2020-01-02");
    CHECK_STR(doc.date_source, "warc-date");
    CHECK(strstr(doc.text, "Le caf\xc3\xa9 est ferm\xc3\xa9") != NULL);
    CHECK_STR(doc.lang, "fr");
    CHECK_INT(dt_reader_next(r, &doc, icollect, &dg), 0);
    CHECK(any_msg(&dg, "truncated"));
    dt_reader_close(r);
}

/* A local server (python3 -m http.server) serves a page written here: wget archives it into
 * a WARC that we read, and our own URL reader (libcurl) fetches it directly. */
TEST(ingest_warc_from_wget_and_urls)
{
    char *out = NULL;
    if (test_run("command -v wget && command -v python3", &out, 0) != 0) {
        free(out);
        SKIP("wget or python3 is not installed");
    }
    free(out);
    char *dir = tmp_dir();
    CHECK(dir != NULL);
    if (!dir)
        return;
    char path[256], cmd[2048], url[128];
    snprintf(path, sizeof(path), "%s/article.html", dir);
    const char *page = "<html><head><title>Local report</title>"
                       "<meta name=\"date\" content=\"2019-02-27\"></head><body><nav><a href=/>Home</a></nav>"
                       "<article><p>The leaders met in Hanoi on Wednesday evening for a dinner before the second "
                       "summit, officials from both delegations said.</p><p>The talks continue on Thursday.</p>"
                       "</article></body></html>";
    CHECK(write_file(path, page, strlen(page)));
    int port = 20000 + (int)(getpid() % 20000);
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/article.html", port);
    snprintf(cmd, sizeof(cmd),
             "cd '%s' && (python3 -m http.server %d --bind 127.0.0.1 >/dev/null 2>&1 & echo $! > server.pid) && "
             "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /dev/null http://127.0.0.1:%d/ && break; sleep 0.3; done; "
             "wget -q --warc-file=capture -O /dev/null %s",
             dir, port, port, url);
    int rc = test_run(cmd, &out, 1);
    free(out);
    if (rc == 0) {
        snprintf(path, sizeof(path), "%s/capture.warc.gz", dir);
        got_docs g;
        idiags dg = {0};
        CHECK_INT(read_all(path, NULL, &g, &dg, NULL), 1);
        CHECK(strstr(g.url[0], "/article.html") != NULL);
        CHECK_STR(g.title[0], "Local report");
        CHECK_STR(g.date[0], "2019-02-27");
        CHECK(strncmp(g.text[0], "The leaders met in Hanoi", 24) == 0);
        CHECK(strstr(g.text[0], "Home") == NULL);
        /* the same page through libcurl */
        CHECK_INT(read_all(url, NULL, &g, &dg, NULL), 1);
        CHECK_STR(g.url[0], url);
        CHECK_STR(g.format[0], "html");
        CHECK_STR(g.date[0], "2019-02-27");
        /* a missing page is reported and counted */
        snprintf(url, sizeof(url), "http://127.0.0.1:%d/missing.html", port);
        memset(&dg, 0, sizeof(dg));
        dt_reader_stats st;
        CHECK_INT(read_all(url, NULL, &g, &dg, &st), 0);
        CHECK(any_msg(&dg, "HTTP status 404"));
        CHECK_INT((long long)st.skipped, 1);
    }
    snprintf(cmd, sizeof(cmd), "cd '%s' && kill $(cat server.pid)", dir);
    test_run(cmd, &out, 0);
    free(out);
    test_run(rm_cmd(dir), &out, 0);
    free(out);
    if (rc != 0)
        SKIP("the local server or wget did not work here");
}

/* ---------------------------------------------------------------- Reuters-21578 (r-cran-tm) */

TEST(ingest_reuters_21578_from_tm)
{
    char crude[600], acq[600], xml[600];
    snprintf(crude, sizeof(crude), "%s/crude", tm_texts_dir());
    snprintf(acq, sizeof(acq), "%s/acq", tm_texts_dir());
    snprintf(xml, sizeof(xml), "%s/reuters-21578.xml", tm_texts_dir());
    if (!*tm_texts_dir() || access(crude, R_OK) != 0)
        SKIP("Debian's r-cran-tm is not installed (dpkg -L r-cran-tm lists no texts directory)");
    got_docs g;
    idiags dg = {0};
    dt_reader_stats st;
    CHECK_INT(read_all(crude, NULL, &g, &dg, &st), 20);
    CHECK_STR(g.format[0], "reuters");
    CHECK_STR(g.date[0], "1987-02-26");
    CHECK_STR(g.date_source[0], "field");
    CHECK_STR(g.title[0], "DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES");
    CHECK(strncmp(g.text[0], "Diamond Shamrock Corp said that", 31) == 0);
    CHECK(strstr(g.text[0], "Reuter") == NULL);
    CHECK_INT((long long)st.skipped, 0);
    CHECK_INT(read_all(acq, NULL, &g, &dg, &st), 50);
    CHECK_INT(read_all(xml, NULL, &g, &dg, &st), 10);
}
