/* ingest.h — internal interface of the ingest module: byte streams with transparent gzip,
 * charset conversion, date recognition, language check, HTML article extraction, and the
 * format readers (WARC, feeds, Reuters-21578 SGML) that dt_reader drives. */
#ifndef DT_INGEST_H
#define DT_INGEST_H

#include "../util/util.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- byte streams */

/* A source of bytes: a FILE or a memory block, gunzipped on the fly when it starts with
 * the gzip magic (multi-member files are concatenated; a corrupt member is reported and
 * skipped up to the next member header). */
typedef struct istream istream;

int stream_open_file(istream **out, FILE *f, bool own);
int stream_open_mem(istream **out, const void *data, size_t len);
void stream_close(istream *s);
/* Read up to cap decompressed bytes. Returns the count (0 at the end) or a negative code
 * for a read error. Damage inside gzip data is reported through diag (name is the source
 * for messages) and reading goes on after it. */
long stream_read(istream *s, char *out, size_t cap, const char *name, dt_diag_fn diag, void *user);
/* True once gzip was detected; the compressed offset reached so far. */
bool stream_is_gzip(const istream *s);
long long stream_raw_offset(const istream *s);
/* Corrupt or truncated gzip members met so far. */
size_t stream_damage(const istream *s);

/* ---------------------------------------------------------------- charsets */

/* Convert bytes in a declared or detected charset to valid UTF-8, appended to out.
 * declared may be NULL (then: BOM, <meta charset> / XML declaration in the first 4 KiB,
 * valid UTF-8, else windows-1252). Bytes that cannot be converted become U+FFFD; their
 * count goes to *bad (may be NULL). *used receives the charset name used (static or
 * copied into the 64-byte buffer used_buf). */
int charset_to_utf8(const char *in, size_t n, const char *declared, buf *out, size_t *bad,
                    char used_buf[64]);
/* Find charset=NAME in a Content-Type value; copies it into out (cap >= 64). */
bool charset_from_content_type(const char *ct, size_t n, char out[64]);
/* Find a charset declared inside a document (HTML <meta charset>, http-equiv, XML
 * declaration) within its first 4 KiB. */
bool charset_sniff_document(const char *s, size_t n, char out[64]);

/* ---------------------------------------------------------------- dates */

/* Parse a date written in one of the usual machine or newspaper forms (ISO 8601 with or
 * without time, RFC 822/1123 as in RSS and HTTP, "June 12, 2018", "12 June 2018",
 * "2018/06/12", "20180612"). Years 1900..2100 only. Returns true with *day set. */
bool date_parse_any(const char *s, size_t n, int32_t *day);
/* A date in a URL path: /2018/06/12/, /2018-06-12, /20180612/. */
bool date_from_url(const char *url, size_t n, int32_t *day);
/* A news dateline at the start of a text ("SEOUL, June 12, 2018 (Reuters) -"): true
 * only when it holds a full date; *end receives the length of the dateline. */
bool date_from_dateline(const char *text, size_t n, int32_t *day, size_t *end);

/* ---------------------------------------------------------------- language */

/* A stopword-based guess at the language of a text: "en", "de", "fr", "es", "it", "pt",
 * "nl", "pl", "ru", "id", ... or "" when the text is too short or unlike any. */
const char *lang_detect(const char *text, size_t n);
/* The languages whose stopword lists hold the word w of n bytes, ASCII case ignored: bit l
 * for the l-th of en, de, fr, es, it, pt, nl, pl, id, ru. For tests that check lang_detect
 * against its definition. */
unsigned lang_stopword_langs(const char *w, size_t n);

/* ---------------------------------------------------------------- HTML */

/* Strip an HTML fragment to text (feeds' description and content:encoded). */
int html_fragment_text(const char *html, size_t n, buf *out);

/* The main article of a page. */
typedef struct article {
    buf text;             /* paragraphs separated by "\n" */
    char title[1024];
    char date[11];        /* "YYYY-MM-DD" or "" */
    const char *date_source; /* "json-ld", "meta", "time", "url", "dateline" or "" */
    char canonical[1024]; /* <link rel=canonical> or og:url, "" if none */
} article;

void article_init(article *a, size_t max_text);
void article_free(article *a);
/* Parse UTF-8 HTML and extract its main article into a (which is cleared first). url
 * may be NULL; it is used for a date in the path. Returns 0, DT_ENOMEM or DT_EPARSE
 * (nothing that looks like HTML). */
int html_extract(const char *html, size_t n, const char *url, article *a);

/* ---------------------------------------------------------------- feeds and SGML */

/* One item of a feed or one article of a Reuters-21578 file, all strings in the arena. */
typedef struct feed_item {
    const char *id, *url, *title, *date, *date_source, *text;
    size_t text_len;
    long long offset;  /* byte offset in the source, -1 if unknown */
    long line;         /* line in the source, 0 if unknown */
} feed_item;

typedef struct feed_items {
    feed_item *v;
    size_t n, cap;
    size_t bad;  /* items skipped (reported through diag) */
} feed_items;

/* Parse an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom feed (UTF-8). Returns 0 or DT_EFORMAT when
 * the document is not a feed, DT_EPARSE when it cannot be read at all. */
int feed_parse(const char *xml, size_t n, const char *name, arena *mem, feed_items *items,
               dt_diag_fn diag, void *user);
/* Parse Reuters-21578 <REUTERS> records (as in the tm package's texts). */
int reuters_parse(const char *s, size_t n, const char *name, arena *mem, feed_items *items,
                  dt_diag_fn diag, void *user);

/* ---------------------------------------------------------------- URLs */

typedef struct fetch_opts {
    long timeout_s;       /* 0 = 30 */
    size_t max_bytes;     /* 0 = 32 MiB */
    long max_redirects;   /* 0 = 5 */
} fetch_opts;

/* Fetch an http(s) URL into body (capped). content_type receives the Content-Type
 * header ("" if none), final_url the URL after redirects, last_modified the day of the
 * Last-Modified header as "YYYY-MM-DD" ("" if none). */
int fetch_url(const char *url, const fetch_opts *o, buf *body, char content_type[256],
              char final_url[2048], char last_modified[11], dt_error *err);
bool fetch_is_url(const char *s);

/* libxml2, opened at the first call (xmllib.c): 0 once loaded, or DT_ENOLIB, and then
 * xml_lib_problem() says why ("reading XML and HTML needs libxml2: ..."). */
int xml_lib_open(void);
const char *xml_lib_problem(void);

#endif
