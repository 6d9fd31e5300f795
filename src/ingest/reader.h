/* reader.h — the state of a dt_reader, shared by the reader core (reader.c) and the format
 * readers that stream records from it (records.c: JSON Lines, text; warc.c: WARC). */
#ifndef DT_READER_H
#define DT_READER_H

#include "ingest.h"

enum rformat { RF_SNIFF, RF_JSONL, RF_TEXT, RF_HTML, RF_FEED, RF_WARC, RF_REUTERS, RF_BINARY, RF_ARC };

struct dt_reader {
    dt_reader_opts o;
    size_t max_record;
    enum rformat forced;
    /* sources still to open (paths and URLs), in order */
    char **queue;
    size_t nqueue, iqueue, capqueue;
    const void *mem_data;     /* dt_reader_open_mem data */
    size_t memlen;
    /* the current source */
    char *name;               /* path, URL or "-" */
    char url[2048];           /* URL of a fetched source, "" otherwise */
    char http_charset[64];
    char http_date[11];       /* Last-Modified of a fetched source */
    istream *in;
    buf fetched;
    enum rformat fmt;
    bool open;
    /* block buffer over the decompressed bytes of the current source */
    char *blk;
    size_t blen, bpos, bcap;
    bool eof;
    long long consumed;       /* bytes before blk[0] */
    long line;
    /* the current record and per-document storage */
    buf rec, work;
    buf block, body;          /* a WARC record's block and its decoded HTTP payload */
    bool warc_resync;         /* skip to the next record header without a second report */
    arena mem;
    article art;
    feed_items items;
    size_t item_i;
    bool whole_done;
    char idbuf[128], datebuf[16], titlebuf[1024];
    /* WARC record fields */
    char warc_id[256], warc_uri[2048], warc_date[11], warc_type[32];
    /* counters */
    dt_reader_stats st;
    dt_seen *seen;
    bool own_seen;
    /* unknown JSON Lines field names already reported */
    char **unknown;
    size_t nunknown, capunknown;
};

/* Block-buffer access for streaming formats. */
bool rd_fill(dt_reader *r, dt_diag_fn diag, void *user);
/* Read one line into r->rec (without the newline; a trailing CR is dropped). Returns 1, 0
 * at the end, or DT_ELIMIT for a line over the cap (consumed). *start = its offset. */
int rd_read_line(dt_reader *r, long long *start, size_t cap, dt_diag_fn diag, void *user);
/* Read exactly n bytes into out (appended); returns the count read (< n at the end). */
size_t rd_read_n(dt_reader *r, buf *out, size_t n, dt_diag_fn diag, void *user);
size_t rd_skip_n(dt_reader *r, size_t n, dt_diag_fn diag, void *user);
/* Look at the next n bytes without consuming them (fewer at the end). */
size_t rd_peek(dt_reader *r, const char **p, size_t n, dt_diag_fn diag, void *user);
static inline long long rd_offset(const dt_reader *r) { return r->consumed + (long long)r->bpos; }

/* Start a document with the common fields. */
void rd_doc_init(dt_reader *r, dt_doc *doc, const char *format, long long offset);

/* Format readers: return 1 with a document, 0 at the end of the source, < 0 on a fatal
 * error for the source. */
int rd_next_jsonl(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user);
int rd_next_warc(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user);
/* Turn text bytes (any charset) into a text document: a first-line title and a dateline
 * are recognised. */
int rd_text_doc(dt_reader *r, dt_doc *doc, const char *data, size_t n, dt_diag_fn diag, void *user);
/* Extract an HTML page into a document; charset and url may be NULL. Returns 1, or 0 when
 * the page is skipped (reported). */
int rd_html_doc(dt_reader *r, dt_doc *doc, const char *html, size_t n, const char *url,
                const char *charset, long long offset, dt_diag_fn diag, void *user);

#endif
