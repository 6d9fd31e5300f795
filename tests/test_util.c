/* test_util.c — arenas, bounded buffers, JSON, UTF-8 folding, dates. */
#include "../src/dict/dict.h"
#include "../src/util/json.h"
#include "../src/util/util.h"
#include "harness.h"

TEST(arena_allocates_and_resets)
{
    arena a;
    arena_init(&a, 64);
    char *p = arena_strndup(&a, "hello", 5);
    CHECK_STR(p, "hello");
    for (int i = 0; i < 1000; i++)
        CHECK(arena_alloc(&a, 100) != NULL);
    CHECK(a.total >= 100000);
    arena_reset(&a);
    CHECK(arena_alloc(&a, 10) != NULL);
    arena_free(&a);
}

TEST(buf_respects_its_limit)
{
    buf b;
    buf_init(&b, 10);
    CHECK_INT(buf_puts(&b, "12345"), 0);
    CHECK_INT(buf_puts(&b, "67890"), 0);
    CHECK_INT(buf_puts(&b, "x"), DT_ELIMIT);
    CHECK(b.failed);
    CHECK_INT((long long)b.len, 10);
    buf_free(&b);
}

TEST(buf_json_escapes)
{
    buf b;
    buf_init(&b, 0);
    buf_json_str(&b, "a\"b\\c\n\x01", 7);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
    buf_clear(&b);
    buf_csv_field(&b, "x,\"y\"", 5);
    CHECK_STR(b.data, "\"x,\"\"y\"\"\"");
    buf_clear(&b);
    buf_i64(&b, -1234567);
    CHECK_STR(b.data, "-1234567");
    buf_free(&b);
    /* a bounded buffer takes an escaped string that fits, though the worst case would not */
    buf_init(&b, 8);
    CHECK_INT(buf_json_str(&b, "a\tb", 3), 0);
    CHECK_STR(b.data, "\"a\\tb\"");
    CHECK(buf_json_str(&b, "xyz", 3) != 0);
    buf_free(&b);
}

/* The escaping a byte at a time, as the reference for json_put's word-at-a-time paths. */
static size_t json_reference(char *o, const unsigned char *s, size_t n)
{
    size_t k = 0;
    o[k++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '"' || c == '\\') {
            o[k++] = '\\';
            o[k++] = (char)c;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            o[k++] = '\\';
            o[k++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < 0x20) {
            k += (size_t)snprintf(o + k, 7, "\\u%04x", c);
        } else {
            o[k++] = (char)c;
        }
    }
    o[k++] = '"';
    return k;
}

TEST(json_put_matches_bytewise_escaping_at_every_length_and_position)
{
    /* every length across the word sizes (1-3 bytes, 4-7, 8-15, 16 and more), with no
     * special byte or one of each kind at each position */
    const unsigned char special[] = {0, '"', '\\', '\n', 0x1f, 0x7f, 0x80, 0xff, 'x'};
    unsigned char s[48];
    char got[6 * 48 + 2], want[6 * 48 + 2];
    for (size_t n = 0; n <= 40; n++)
        for (size_t k = 0; k < sizeof(special); k++)
            for (size_t at = 0; at < (n ? n : 1); at++) {
                for (size_t i = 0; i < n; i++)
                    s[i] = (unsigned char)('a' + i % 26);
                if (n)
                    s[at] = special[k];
                size_t wl = json_reference(want, s, n);
                size_t gl = (size_t)(json_put(got, (const char *)s, n) - got);
                CHECK_INT(gl, wl);
                CHECK(gl == wl && memcmp(got, want, wl) == 0);
                if (harness_failed_now())
                    return;
            }
}

TEST(json_parses_objects_and_escapes)
{
    arena a;
    arena_init(&a, 0);
    json_value *v;
    size_t off;
    const char *msg;
    const char *s = "{\"id\": \"x1\", \"n\": -1.5e2, \"t\": \"caf\\u00e9 \\ud83d\\ude00\", \"a\": [1, true, null]}";
    CHECK_INT(json_parse(&a, s, strlen(s), &v, &off, &msg), 0);
    CHECK_STR(json_get_str(v, "id", NULL), "x1");
    CHECK_NEAR(json_get(v, "n")->u.num, -150.0, 1e-9);
    CHECK_STR(json_get_str(v, "t", NULL), "caf\xc3\xa9 \xf0\x9f\x98\x80");
    CHECK_INT((long long)json_get(v, "a")->u.arr.n, 3);
    CHECK(json_get(v, "missing") == NULL);
    /* escapes after plain runs longer than the parser's 32-byte steps */
    s = "{\"t\": \"0123456789012345678901234567890123456789\\\"x\\n0123456789012345678901234567890123456789\"}";
    CHECK_INT(json_parse(&a, s, strlen(s), &v, &off, &msg), 0);
    CHECK_STR(json_get_str(v, "t", NULL),
              "0123456789012345678901234567890123456789\"x\n0123456789012345678901234567890123456789");
    arena_free(&a);
}

TEST(json_rejects_malformed_input_with_offset)
{
    arena a;
    arena_init(&a, 0);
    json_value *v;
    size_t off = 0;
    const char *msg = NULL;
    const char *bad[] = {"{\"a\": }", "{\"a\": 1,}", "[1 2]", "{\"a\": \"x", "{\"a\": 01}", "nul", "{} x", ""};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CHECK_INT(json_parse(&a, bad[i], strlen(bad[i]), &v, &off, &msg), DT_EPARSE);
        CHECK(msg != NULL);
    }
    const char *s = "{\"a\": [1, 2, }";
    json_parse(&a, s, strlen(s), &v, &off, &msg);
    CHECK_INT((long long)off, 13);
    /* deep nesting is refused, not a stack overflow */
    char deep[600];
    memset(deep, '[', sizeof(deep) - 1);
    deep[sizeof(deep) - 1] = 0;
    CHECK_INT(json_parse(&a, deep, strlen(deep), &v, &off, &msg), DT_EPARSE);
    arena_free(&a);
}

TEST(utf8_decode_and_fold)
{
    uint32_t cp;
    CHECK_INT((long long)utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT((long long)utf8_decode((const unsigned char *)"\xc3", 1, &cp), 0);
    CHECK_INT((long long)utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0); /* surrogate */
    CHECK_INT((long long)utf8_decode((const unsigned char *)"\xc0\x80", 2, &cp), 0);     /* overlong */
    CHECK_STR(utf8_fold(0xE9), "e");
    CHECK_STR(utf8_fold(0x141), "L");
    CHECK_STR(utf8_fold(0xDF), "ss");
    CHECK_STR(utf8_fold(0x201C), "\"");
    CHECK_STR(utf8_fold(0x2014), "-");
    CHECK(utf8_fold(0x4E2D) == NULL);
    size_t bad = 0;
    CHECK(!utf8_valid("ok \xff", 4, &bad));
    CHECK_INT((long long)bad, 3);
}

TEST(utf8_valid_finds_a_bad_byte_at_any_offset_of_ascii_text)
{
    /* ASCII text is checked in blocks of 32 and 8: a bad byte, or a good two-byte
     * character, at every offset of every length up to 80 */
    char s[80];
    for (size_t n = 1; n <= sizeof(s); n++)
        for (size_t at = 0; at < n; at++) {
            memset(s, 'a', n);
            s[at] = (char)0xff;
            size_t bad = 0;
            CHECK(!utf8_valid(s, n, &bad));
            CHECK_INT((long long)bad, (long long)at);
            if (at + 1 < n) {
                s[at] = (char)0xc3;
                s[at + 1] = (char)0xa9;
                CHECK(utf8_valid(s, n, &bad));
            }
            if (harness_failed_now())
                return;
        }
}

TEST(dates_are_validated)
{
    int32_t d;
    CHECK_INT(dt_date_parse("2017-08-29", 10, &d), 0);
    char out[16];
    dt_date_format(d, out, sizeof(out));
    CHECK_STR(out, "2017-08-29");
    CHECK_INT(dt_date_parse("2017-02-29", 10, &d), DT_EDATE);
    CHECK_INT(dt_date_parse("2016-02-29", 10, &d), 0);
    CHECK_INT(dt_date_parse("2017-13-01", 10, &d), DT_EDATE);
    CHECK_INT(dt_date_parse("17-08-29", 8, &d), DT_EDATE);
    CHECK_INT(dt_date_parse("2017/08/29", 10, &d), DT_EDATE);
    CHECK_INT(dt_date_parse("1970-01-01", 10, &d), 0);
    CHECK_INT(d, 0);
}

TEST(cameo_table_gives_root_quad_goldstein)
{
    dt_cameo c;
    CHECK_INT(dt_cameo_lookup("195", &c), 0);
    CHECK_STR(c.root, "19");
    CHECK_INT(c.quad, 4);
    CHECK_NEAR(c.goldstein, -10.0, 1e-9);
    CHECK_INT(dt_cameo_lookup("0871", &c), 0);
    CHECK_INT(c.quad, 2);
    CHECK_INT(dt_cameo_lookup("036", &c), 0);
    CHECK_INT(c.quad, 1);
    CHECK_NEAR(c.goldstein, 4.0, 1e-9);
    CHECK_INT(dt_cameo_lookup("112", &c), 0);
    CHECK_INT(c.quad, 3);
    CHECK_INT(dt_cameo_lookup("999", &c), DT_ENOTFOUND);
}

/* The lookup goes through a slot per code: every code of the table is found, and
 * strings near the codes (too short, too long, past root 20, not digits) are not. */
TEST(cameo_lookup_finds_every_code_and_nothing_else)
{
    dt_cameo c;
    for (size_t i = 0; i < cameo_table_len; i++) {
        CHECK_INT(dt_cameo_lookup(cameo_table[i].code, &c), 0);
        CHECK_STR(c.name, cameo_table[i].name);
    }
    static const char *const absent[] = {"", "0", "00", "21", "1", "01951", "0871 ", "210", "2100", "19a",
                                         "a19", "-19", "0999", "2099"};
    for (size_t i = 0; i < sizeof(absent) / sizeof(absent[0]); i++)
        CHECK_INT(dt_cameo_lookup(absent[i], &c), DT_ENOTFOUND);
    CHECK_INT(dt_cameo_lookup(NULL, &c), DT_ENOTFOUND);
}
