/* detente.h — the one public header of libdetente: dictionaries, the event coder,
 * sentence splitting, the event store, tension analysis, and the error table.
 * Everything exported is dt_ / DT_. */
#ifndef DETENTE_H
#define DETENTE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define DT_NODISCARD __attribute__((warn_unused_result))
#else
#define DT_NODISCARD
#endif

#define DT_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

/* Functions that can fail return 0 or one of these negative codes. */
enum {
    DT_OK = 0,
    DT_ENOMEM = -1,   /* out of memory */
    DT_EIO = -2,      /* a file could not be read or written */
    DT_EPARSE = -3,   /* malformed input (details in dt_error) */
    DT_EINVAL = -4,   /* invalid argument */
    DT_ELIMIT = -5,   /* input exceeds a size limit */
    DT_ENOTFOUND = -6,/* a named file or item does not exist */
    DT_EUTF8 = -7,    /* invalid UTF-8 */
    DT_EDATE = -8,    /* invalid date */
    DT_EDB = -9,      /* database error */
    DT_EVERSION = -10,/* data from a newer version */
    DT_ENET = -11,    /* network error */
    DT_EFORMAT = -12, /* unknown or unsupported format */
    DT_ENOLIB = -13,  /* a shared library opened at first use (libcurl, libxml2) is missing */
};

/* Human-readable text for an error code; never NULL, static storage. */
const char *dt_strerror(int code);

/* Detail for an error: where (file, 1-based line and column, byte offset) and what.
 * Every out-parameter of this type is optional (NULL is accepted). */
typedef struct dt_error {
    int code;
    char file[512];
    long line;     /* 0 when not applicable */
    long column;   /* 0 when not applicable */
    long long offset; /* byte offset, -1 when not applicable */
    char msg[512];
} dt_error;

/* Format "file:line:col: message" into buf (always NUL-terminated). */
void dt_error_format(const dt_error *e, char *buf, size_t cap);

/* A callback that receives non-fatal diagnostics (bad dictionary lines, skipped
 * records). May be NULL. Called from the thread that does the work. */
typedef void (*dt_diag_fn)(void *user, const dt_error *diag);

/* A slice of bytes that is not NUL-terminated. */
typedef struct dt_slice {
    const char *ptr;
    size_t len;
} dt_slice;

/* ---------------------------------------------------------------- dates */

/* Parse "YYYY-MM-DD" (exactly, validated against the calendar) into a day number
 * (days since 1970-01-01). Returns 0 or DT_EDATE. */
DT_NODISCARD int dt_date_parse(const char *s, size_t len, int32_t *day);
/* Write day number as "YYYY-MM-DD" into buf (cap >= 11). */
void dt_date_format(int32_t day, char *buf, size_t cap);

/* ---------------------------------------------------------------- dictionaries */

/* A compiled dictionary: immutable once loaded, safe to share between threads. */
typedef struct dt_dict dt_dict;

/* Load dictionaries. `specs` is an array of n specifications, merged in order:
 *   "DIR" or "FILE.dict"           native format (a directory loads every *.dict in it)
 *   "tabari:PROJECT|FILE[,FILE]"  TABARI .project, or .actors/.verbs/.agents/.options files
 *   "petrarch:CONFIG|FILE[,FILE]" PETRARCH-2 config .ini, or dictionary files
 * Bad lines are reported through diag (may be NULL) and skipped. On success *out
 * owns the dictionary; free it with dt_dict_free. Errors that stop loading (a file
 * that cannot be read) return a negative code with detail in err. */
DT_NODISCARD int dt_dict_load(dt_dict **out, const char *const *specs, size_t n,
                              dt_diag_fn diag, void *user, dt_error *err);
void dt_dict_free(dt_dict *d);

/* Counts for documentation and `detente dict-stats`. */
typedef struct dt_dict_stats {
    size_t actors, actor_phrases, people, states, orgs, groups;
    size_t agents, verbs, verb_forms, patterns, nouns, sets, issues, discards, refs;
    size_t agent_phrases, issue_phrases, discard_phrases, ref_phrases, set_members;
    size_t bad_lines;
    size_t patterns_by_root[21]; /* index = CAMEO root 1..20; 0 = other codes */
    size_t bytes;                /* memory held by the compiled model */
} dt_dict_stats;
void dt_dict_get_stats(const dt_dict *d, dt_dict_stats *st);

/* CAMEO information for an event code ("0871"). Returns 0, or DT_ENOTFOUND when
 * the code is not in the bundled CAMEO table (goldstein is then 0, quad 0). */
typedef struct dt_cameo {
    char root[3];      /* two-digit root, "" if unknown */
    int quad;          /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;
    const char *name;  /* static storage */
} dt_cameo;
int dt_cameo_lookup(const char *code, dt_cameo *out);

/* ---------------------------------------------------------------- coding */

/* One event. Strings are NUL-terminated and owned by the coder; they stay valid
 * until the next call to dt_coder_begin_doc or dt_coder_free. */
typedef struct dt_event {
    int sentence;             /* index of the sentence within the coded text */
    const char *source;       /* actor code, e.g. "PRKGOV" */
    const char *target;
    const char *source_text;  /* the words of the text that named the source */
    const char *target_text;
    const char *code;         /* CAMEO event code, e.g. "195" */
    char root[3];
    int quad;
    double goldstein;
    const char *issues;       /* comma-separated issue tags, "" if none */
    const char *rule;         /* "file:line" of the dictionary entry that fired */
    const char *sentence_text;/* the sentence, normalised */
} dt_event;

/* Coding options. Zero-initialise, then set what you need. */
typedef struct dt_coder_opts {
    int explain;   /* record a human-readable trace for dt_coder_trace */
    int solo;      /* also code one-sided acts with no target (weapons tests) where the
                      dictionary allows it (`solo`); their target is "" */
} dt_coder_opts;

/* A coder holds per-thread state (token cache, arenas, document context). Use one
 * coder per thread; several coders may share one dt_dict. */
typedef struct dt_coder dt_coder;

DT_NODISCARD int dt_coder_new(dt_coder **out, const dt_dict *d, const dt_coder_opts *opts);
void dt_coder_free(dt_coder *c);

/* Start a document: references ("he", "the two leaders") do not cross documents.
 * date is "YYYY-MM-DD" (NULL or "" = unknown: date-restricted actor codes then use
 * their default). Clears the events of the previous document. Returns DT_EDATE for
 * a malformed date (the document is still started, with an unknown date). */
DT_NODISCARD int dt_coder_begin_doc(dt_coder *c, const char *date);

/* Code a piece of text of the current document: it is split into sentences (see
 * dt_split_sentences) unless as_one_sentence is set, and events are appended. The
 * text need not be NUL-terminated and may contain any bytes: invalid UTF-8 is
 * replaced, NUL bytes are treated as spaces. Returns the number of events added
 * (>= 0) or a negative error code. */
DT_NODISCARD int dt_coder_code(dt_coder *c, const char *text, size_t len, int as_one_sentence);

/* The events of the current document so far. */
const dt_event *dt_coder_events(const dt_coder *c, size_t *n);

/* The number of sentences coded in the current document so far. */
int dt_coder_sentence_count(const dt_coder *c);

/* With opts.explain set: the trace of the current document as text (tokens, actors,
 * verbs, patterns tried, rules fired, events or why there are none). */
const char *dt_coder_trace(const dt_coder *c, size_t *len);

/* ---------------------------------------------------------------- output */

/* A caller-owned growable string: zero-initialise; the library grows it with realloc;
 * free data with free(). */
typedef struct dt_strbuf {
    char *data;
    size_t len;
    size_t cap;
} dt_strbuf;

typedef enum dt_format { DT_FMT_JSONL = 0, DT_FMT_TSV, DT_FMT_CSV } dt_format;

/* Parse "jsonl", "tsv" or "csv". Returns 0 or DT_EINVAL. */
int dt_format_parse(const char *name, dt_format *out);
/* The header line of a TSV/CSV event table (with a newline); "" for JSONL. */
const char *dt_event_header(dt_format fmt);
/* Append one event as a line (JSON object, TSV or CSV row, ending in a newline).
 * record_id and date may be NULL. Returns 0 or DT_ENOMEM. */
DT_NODISCARD int dt_event_write(dt_strbuf *sb, const dt_event *e, const char *record_id,
                                int sentence, const char *date, dt_format fmt);

/* ---------------------------------------------------------------- evaluation */

enum { DT_EVAL_JSON = 1, DT_EVAL_MISSES = 2 };

/* Code the sentences of a gold file (JSON Lines {"id","date","text","events":[{"source",
 * "target","code"}]}, optional "doc" grouping consecutive lines into a document) and score
 * the events against the gold ones, as multisets per sentence, at two levels: root (actor
 * country or first six letters of IGO/NGO codes, and the two-digit root code) and strict
 * (full codes). Appends a report to out: text, or one JSON object with DT_EVAL_JSON;
 * DT_EVAL_MISSES adds the misses and false alarms. Bad lines are reported and skipped. */
DT_NODISCARD int dt_eval_file(const dt_dict *d, const char *path, int flags, dt_strbuf *out,
                              dt_diag_fn diag, void *user, dt_error *err);

/* ---------------------------------------------------------------- roadmaps */

/* A de-escalation roadmap (docs/roadmaps.md): stages with conditions over events. */
typedef struct dt_roadmap dt_roadmap;

/* Parse a roadmap from text (name is used in messages) or a file. Errors name the line
 * and column. On success *out owns the roadmap; free it with dt_roadmap_free. */
DT_NODISCARD int dt_roadmap_parse(dt_roadmap **out, const char *name, const char *text, size_t len,
                                  dt_error *err);
DT_NODISCARD int dt_roadmap_load(dt_roadmap **out, const char *path, dt_error *err);
void dt_roadmap_free(dt_roadmap *r);

/* An event as the evaluator sees it. Strings must outlive the evaluation. */
typedef struct dt_roadmap_event {
    const char *date;       /* YYYY-MM-DD */
    const char *source, *target, *code;
    const char *issues;     /* comma-separated */
    const char *text;       /* the sentence */
    const char *where;      /* document title, URL or id, for the report */
    /* Added later (fields are only ever appended; NULL = unknown): */
    const char *source_text, *target_text; /* the words that named the actors */
} dt_roadmap_event;

/* Events read from a JSON Lines file written by `detente code` (for evaluating roadmaps
 * without a store). Bad lines are reported and skipped. */
typedef struct dt_event_list dt_event_list;
DT_NODISCARD int dt_event_list_load(dt_event_list **out, const char *path, dt_diag_fn diag, void *user,
                                    dt_error *err);
const dt_roadmap_event *dt_event_list_items(const dt_event_list *l, size_t *n);
void dt_event_list_free(dt_event_list *l);

enum { DT_ROADMAP_JSON = 1 };

/* Evaluate the roadmap against events (any order) as of `at` ("YYYY-MM-DD", NULL = the
 * roadmap's end, or the last event's date). Appends a report (text, or one JSON object
 * with DT_ROADMAP_JSON) to out. */
DT_NODISCARD int dt_roadmap_evaluate(const dt_roadmap *r, const dt_roadmap_event *events, size_t n,
                                     const char *at, int flags, dt_strbuf *out, dt_error *err);
/* ---------------------------------------------------------------- validation suites */

enum { DT_VALIDATE_JSON = 1, DT_VALIDATE_FAILURES = 2 };

typedef struct dt_validate_totals {
    size_t passed, failed, skipped, total;
} dt_validate_totals;

/* Run a validation suite: TABARI's Validate.text (its dictionaries and options from the
 * .project file beside it that names it as <textfile>, and in-suite { OPTION: ... }
 * records; the standard records end at FINAL-01) or PETRARCH's PETR.UnitTest.records.xml
 * (dictionaries named by its <Environment>, found beside the file or in ../dictionaries;
 * inline <Config> changes). dict_specs (may be NULL, ndict 0) replaces the suite's own
 * dictionaries. Appends one line per record (pass or FAIL with the expected and actual
 * events; DT_VALIDATE_FAILURES lists only failures) and a totals line to out; with
 * DT_VALIDATE_JSON the last line is {"passed":N,"failed":N,"skipped":N,"total":N}.
 * Records whose expectations cannot be checked (option changes only) count as skipped.
 * Bad records are reported through diag. */
DT_NODISCARD int dt_validate_file(const char *path, const char *const *dict_specs, size_t ndict, int flags,
                                  dt_strbuf *out, dt_validate_totals *totals, dt_diag_fn diag, void *user,
                                  dt_error *err);

/* ---------------------------------------------------------------- documents */

/* One document (or one record of a document) read from a source. Strings are
 * NUL-terminated and owned by the reader; valid until the next dt_reader_next. */
typedef struct dt_doc {
    const char *source;      /* file path, URL or "-" */
    long long offset;        /* byte offset of the record in the source */
    long line;               /* 1-based line of the record (JSON Lines), 0 otherwise */
    const char *id;          /* record id ("" if none) */
    const char *group;       /* JSON Lines "doc": consecutive records with the same value are
                                sentences of one document; NULL when absent */
    const char *url;         /* "" if unknown */
    const char *title;       /* "" if none */
    const char *date;        /* "YYYY-MM-DD" or "" when unknown */
    const char *date_source; /* where the date came from ("field", "dateline", "meta", ...) */
    const char *text;
    size_t text_len;
    const char *format;      /* the reader that produced it: "jsonl", "text", "html", "feed",
                                "warc", "reuters" */
    /* Added for ingest (fields are only ever appended): */
    uint64_t text_hash;      /* dt_text_hash of the text */
    const char *lang;        /* "en", another code, or "" when the text is too short to tell */
} dt_doc;

/* A set of text hashes shared by the readers of one run, so that an article met twice (in
 * two files, a feed and a WARC, ...) is returned once. Not thread-safe. */
typedef struct dt_seen dt_seen;
DT_NODISCARD int dt_seen_new(dt_seen **out);
void dt_seen_free(dt_seen *s);

typedef struct dt_reader_opts {
    const char *format;      /* NULL or "" = sniff from the content */
    /* JSON Lines field names (NULL = the defaults "id", "text", "date", "title", "url", "doc") */
    const char *field_id, *field_text, *field_date, *field_title, *field_url, *field_doc;
    size_t max_record;       /* bytes; 0 = 64 MiB */
    /* Added for ingest (fields are only ever appended): */
    int follow_links;        /* feeds: fetch each item's link and extract the article */
    int any_language;        /* keep documents in languages other than English */
    int keep_duplicates;     /* do not skip documents whose text was seen before */
    dt_seen *seen;           /* shared duplicate set (NULL = one per reader) */
    long timeout_s;          /* URLs: whole-transfer timeout, 0 = 30 s */
    size_t max_download;     /* URLs: size cap in bytes, 0 = 32 MiB */
} dt_reader_opts;

typedef struct dt_reader dt_reader;

/* Open a source: a file (plain or gzip-compressed), a directory (every file below it, in
 * name order; names starting with "." are left out), "-" for standard input, or an http(s)
 * URL (fetched with libcurl). The format is sniffed from the content of each file unless
 * opts->format names it: "jsonl", "text", "html", "feed" (RSS 0.9x/1.0/2.0, Atom), "warc",
 * "reuters" (Reuters-21578 / RCV1 XML). opts may be NULL. */
DT_NODISCARD int dt_reader_open(dt_reader **out, const char *path, const dt_reader_opts *opts,
                                dt_error *err);
/* Open an in-memory source (the bytes must outlive the reader); name is used in messages. */
DT_NODISCARD int dt_reader_open_mem(dt_reader **out, const char *name, const void *data, size_t len,
                                    const dt_reader_opts *opts, dt_error *err);
/* Read the next document: returns 1 with *doc filled, 0 at the end, or a negative code
 * for an error that stops this source. Bad records are reported through diag, counted,
 * and skipped. */
DT_NODISCARD int dt_reader_next(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user);
/* Records read and skipped so far (skipped includes the reasons counted below). */
void dt_reader_counts(const dt_reader *r, size_t *records, size_t *skipped);
typedef struct dt_reader_stats {
    size_t records;      /* records or documents met */
    size_t docs;         /* documents returned */
    size_t skipped;      /* bad or unusable records (reported through diag) */
    size_t duplicates;   /* exact duplicates of an earlier document's text (not in skipped) */
    size_t other_lang;   /* documents not in English (not in skipped) */
    size_t empty;        /* pages with no article text (in skipped) */
    size_t sources;      /* files and URLs opened */
    size_t bytes;        /* bytes read (after decompression) */
} dt_reader_stats;
void dt_reader_get_stats(const dt_reader *r, dt_reader_stats *st);
void dt_reader_close(dt_reader *r);

/* ---------------------------------------------------------------- articles */

/* The main article of an HTML page. Zero-initialise; dt_extract_html fills it; release
 * the text with dt_article_free. */
typedef struct dt_article {
    char *text;              /* paragraphs separated by "\n", NUL-terminated, malloc'd */
    size_t text_len;
    char title[1024];
    char date[11];           /* "YYYY-MM-DD" or "" */
    const char *date_source; /* "meta", "json-ld", "time", "url", "dateline" or "" (static) */
    char charset[64];        /* the charset the page was read in */
    char canonical[1024];    /* <link rel=canonical> or og:url, "" if none */
} dt_article;

/* Extract the title, body paragraphs and publication date of an HTML page: navigation,
 * menus, captions, related-article lists, author bios, share and comment blocks, cookie and
 * subscription notices are left out. html is any bytes (not NUL-terminated); charset is
 * the HTTP header's charset or NULL (then the page's own declaration, else UTF-8 or
 * windows-1252); url may be NULL (it gives a date when its path holds one). Returns 0,
 * DT_ENOMEM, DT_EPARSE when the bytes are not HTML, or DT_ENOLIB when libxml2 is not
 * installed (it is opened at the first page). Thread-safe. */
DT_NODISCARD int dt_extract_html(const void *html, size_t len, const char *url, const char *charset,
                                 dt_article *out);
void dt_article_free(dt_article *a);

/* ---------------------------------------------------------------- text */

/* A 64-bit hash of a text's normalised form (case, accents, punctuation and white
 * space ignored), so the same article ingested twice is recognised. */
uint64_t dt_text_hash(const char *text, size_t len);

/* Split text into sentences. Calls fn(user, start, len) for each sentence, in order,
 * with offsets into the text. Handles abbreviations, initials, decimals, quotations,
 * datelines and headlines without final punctuation. Returns the count. */
typedef void (*dt_sentence_fn)(void *user, size_t start, size_t len);
size_t dt_split_sentences(const char *text, size_t len, dt_sentence_fn fn, void *user);

/* ---------------------------------------------------------------- store */

/* The event store: one SQLite database file holding documents, their sentences and the
 * events coded from them, with full provenance (schema: docs/store.md). A dt_store is one
 * database connection: use it from one thread at a time, and open one per thread. Readers
 * are never blocked by a writer (write-ahead log). Errors from SQLite are DT_EDB with
 * SQLite's message in dt_error. */
typedef struct dt_store dt_store;

#define DT_STORE_VERSION 1   /* the schema version this library reads and writes */

enum {
    DT_STORE_CREATE = 1,   /* create the file (and the schema) when it does not exist */
    DT_STORE_READONLY = 2, /* open for queries only: no writes, no migrations */
};

/* Open the store at path. A new or empty file gets the current schema (with
 * DT_STORE_CREATE); an older store is migrated in one transaction. Errors:
 * DT_ENOTFOUND (no file and no DT_STORE_CREATE), DT_EFORMAT (not a Detente store: not an
 * SQLite database, or one of another program), DT_EVERSION (made by a newer Detente;
 * also an older store opened DT_STORE_READONLY), DT_EDB. On success *out owns the
 * connection: close it with dt_store_close. */
DT_NODISCARD int dt_store_open(dt_store **out, const char *path, int flags, dt_error *err);
/* Commit pending writes and close. Returns 0 or DT_EDB (the store is closed either way;
 * on an error the uncommitted batch is lost, never part of a document). NULL is a no-op. */
int dt_store_close(dt_store *s, dt_error *err);
/* The schema version of the open store (DT_STORE_VERSION after migration). */
int dt_store_version(const dt_store *s);
/* 1 when sentences are indexed for full-text search (SQLite's FTS5), 0 when the SQLite
 * library lacks FTS5 and text filters fall back to a substring match. */
int dt_store_has_fts(const dt_store *s);

/* A document to store. Strings are copied; NULL means "". */
typedef struct dt_store_doc {
    const char *source;      /* the file path or URL it was read from (required) */
    const char *record;      /* its id within the source (record id, "doc" group, ...) */
    const char *url, *title;
    const char *date;        /* "YYYY-MM-DD", or ""/NULL when unknown */
    const char *date_source; /* where the date came from ("field", "meta", ...) */
    const char *format;      /* the reader that produced it ("jsonl", "text", ...) */
    uint64_t text_hash;      /* dt_text_hash of the document's whole text */
} dt_store_doc;

/* What dt_store_find_doc and dt_store_add_doc found. */
enum {
    DT_STORE_NEW = 0,   /* not stored yet (add_doc: now stored) */
    DT_STORE_KNOWN = 1, /* this source and record are already stored */
    DT_STORE_COPY = 2,  /* another document with the same text hash is stored */
};

/* Is a document stored already? Looks up (source, record), then the text hash. Returns
 * DT_STORE_NEW, DT_STORE_KNOWN or DT_STORE_COPY (with the stored id in *doc_id when
 * doc_id is not NULL), or a negative code. Use it to skip coding known documents. */
DT_NODISCARD int dt_store_find_doc(dt_store *s, const dt_store_doc *doc, int64_t *doc_id,
                                   dt_error *err);

/* Store a coded document: its sentences (the texts given to the coder, in order) and its
 * events (each event's `sentence` indexes `sentences`; root, quad and Goldstein weight are
 * stored as given). Idempotent: a known document or a copy is not stored again (a copy's
 * source and record are remembered as another source of the stored document, so
 * re-ingesting it finds it KNOWN). Returns DT_STORE_NEW (stored), DT_STORE_KNOWN or
 * DT_STORE_COPY, or a negative code, in which case nothing of the document is stored.
 * The input is checked before anything is written (DT_EINVAL, DT_EDATE, DT_ELIMIT leave the
 * store as it was). Writes go into a batch transaction committed every dt_store_set_batch
 * documents (default 1000), by dt_store_commit and by dt_store_close: a crash or kill loses
 * at most the uncommitted batch, never part of a document. Should a write fail half-way
 * (DT_EDB: a full disk), the whole uncommitted batch is rolled back and err says so. */
DT_NODISCARD int dt_store_add_doc(dt_store *s, const dt_store_doc *doc, const dt_slice *sentences,
                                  size_t nsentences, const dt_event *events, size_t nevents,
                                  int64_t *doc_id, dt_error *err);
/* Replace the events of a stored document (re-coding), in the batch transaction like
 * dt_store_add_doc, keeping the dyad summary and the full-text index in step. Returns 0,
 * DT_ENOTFOUND, DT_EINVAL (an event's sentence index is out of range: nothing changed), or
 * DT_EDB (the uncommitted batch was rolled back, as for dt_store_add_doc). */
DT_NODISCARD int dt_store_replace_events(dt_store *s, int64_t doc_id, const dt_event *events,
                                         size_t nevents, dt_error *err);
/* Documents per batch transaction (0 or 1 = commit each document). */
void dt_store_set_batch(dt_store *s, size_t docs);
/* Commit the current batch now. */
DT_NODISCARD int dt_store_commit(dt_store *s, dt_error *err);

/* A stored document with its sentences. Strings and the sentence array are owned by the
 * store and valid until the next call on the same dt_store. */
typedef struct dt_stored_doc {
    int64_t id;
    const char *source, *record, *url, *title, *date, *date_source, *format;
    uint64_t text_hash;
    const dt_slice *sentences;
    size_t nsentences;
    size_t nevents;
} dt_stored_doc;

/* Read the stored document with the smallest id greater than after (0 = the first).
 * Returns 1 with *out filled, 0 when there is none, or a negative code. */
DT_NODISCARD int dt_store_next_doc(dt_store *s, int64_t after, dt_stored_doc *out, dt_error *err);

/* Counts for `detente store`. Dates are "" when the store has no dated event. */
typedef struct dt_store_info {
    int version;
    int fts;
    int64_t documents, copies, sentences, events, dyad_days;
    char first_date[11], last_date[11];
} dt_store_info;
DT_NODISCARD int dt_store_get_info(dt_store *s, dt_store_info *out, dt_error *err);

/* Check the store: SQLite's integrity check, then that every document has exactly the
 * sentences and events its row counts, that every event points at a stored sentence, and
 * that the dyad summary matches the events. Problems are appended to report, one per
 * line (at most 50). Returns 0 (consistent), DT_EDB (a problem found, or SQLite failed). */
DT_NODISCARD int dt_store_check(dt_store *s, dt_strbuf *report, dt_error *err);

/* ---------------------------------------------------------------- store queries */

/* Actor patterns (docs/store.md): "PRKGOV" is that code only; "PRK*" any code beginning
 * with PRK; a bare country (three letters, "PRK") or organisation ("IGOUNO": IGO or NGO and
 * three more letters) is the whole entity, like "PRK*"; "=PRK" is the bare code only.
 * Dyads: "USA-PRK" is events between the two in either direction, "USA>PRK" USA acting
 * on PRK. Lower case is accepted. */

/* Which events to read. Zero-initialise, then set what you need; NULL/0 = no filter. */
typedef struct dt_event_filter {
    const char *actor;     /* pattern, as source or target */
    const char *source;    /* pattern, as source */
    const char *target;    /* pattern, as target */
    const char *dyad;      /* "A-B" or "A>B" */
    const char *codes;     /* comma-separated CAMEO codes, each exact or a prefix ("19*") */
    const char *roots;     /* comma-separated two-digit roots ("14,15") */
    unsigned quads;        /* bit mask of quad classes: 1u << 1 .. 1u << 4; 0 = any */
    const char *issue;     /* one issue tag ("NUCLEAR") */
    const char *from, *to; /* inclusive dates "YYYY-MM-DD"; events without a date are then left out */
    const char *text;      /* full-text query over the sentence (FTS5 syntax: words, "a phrase",
                              OR, NOT, prefix*); a substring without FTS5 */
    int one_a_day;         /* keep one event per date, source, target and code (the first stored) */
    int newest_first;      /* order by date descending instead of ascending */
    int64_t limit;         /* at most this many events (the first in the order); 0 = all */
} dt_event_filter;

/* One event read from the store. Strings are owned by the cursor and valid until the next
 * dt_store_cursor_next. ev.sentence is the sentence's index in its document and
 * ev.sentence_text the sentence. */
typedef struct dt_stored_event {
    int64_t id;
    int64_t doc;
    const char *date;          /* "YYYY-MM-DD" or "" */
    const char *doc_source;    /* the document's source (file path or URL) */
    const char *record;        /* the document's id within its source */
    const char *url;           /* the document's URL, "" if none */
    char source_entity[8];     /* country or organisation of the source ("PRK", "IGOUNO") */
    char target_entity[8];
    dt_event ev;
} dt_stored_event;

typedef struct dt_store_cursor dt_store_cursor;

/* Start reading the events that pass the filter, in date order (then storage order).
 * Bad patterns, dates (or from after to), codes, quads or full-text syntax give DT_EINVAL
 * with a message in err. On success *out owns the cursor: free it with
 * dt_store_cursor_free before closing the store. */
DT_NODISCARD int dt_store_query(dt_store *s, const dt_event_filter *f, dt_store_cursor **out,
                                dt_error *err);
/* Returns 1 with *ev filled, 0 at the end, or a negative code (detail in err). */
DT_NODISCARD int dt_store_cursor_next(dt_store_cursor *c, dt_stored_event *ev, dt_error *err);
void dt_store_cursor_free(dt_store_cursor *c);
/* The stored events that pass the filter (NULL: all), as a list for the roadmap evaluator
 * (dt_roadmap_evaluate); events without a date are left out. Free with dt_event_list_free. */
DT_NODISCARD int dt_event_list_from_store(dt_event_list **out, dt_store *s, const dt_event_filter *f,
                                          dt_error *err);
/* Count the events that pass the filter (its limit applies). */
DT_NODISCARD int dt_store_count(dt_store *s, const dt_event_filter *f, int64_t *n, dt_error *err);

/* Check an actor pattern or a dyad without a store: 0 or DT_EINVAL with a message. */
DT_NODISCARD int dt_actor_pattern_check(const char *pattern, dt_error *err);
DT_NODISCARD int dt_dyad_check(const char *dyad, dt_error *err);

/* The header line of a stored-event table (with a newline); "" for JSONL. Columns:
 * docs/cli.md, `detente events`. */
const char *dt_stored_event_header(dt_format fmt);
/* Append one stored event as a line (JSON object, TSV or CSV row). 0 or DT_ENOMEM. */
DT_NODISCARD int dt_stored_event_write(dt_strbuf *sb, const dt_stored_event *e, dt_format fmt);

/* Totals of one day for a dyad: what tension is computed from. */
typedef struct dt_day_totals {
    int32_t day;         /* days since 1970-01-01 */
    int64_t n[5];        /* events per quad class n[1]..n[4]; n[0] events without a class */
    int64_t coop10;      /* sum of the positive Goldstein weights, in tenths */
    int64_t conflict10;  /* sum of the magnitudes of the negative weights, in tenths */
} dt_day_totals;

/* The days with events of a dyad ("A-B" both directions, "A>B" one) between from and to
 * (inclusive days; INT32_MIN / INT32_MAX for no bound), ascending. Entity-level dyads
 * ("USA-PRK", "IGOUNO>SYR*") are read from the dyad summary, others from the events.
 * *days is malloc'd (free() it; NULL when *n is 0). */
DT_NODISCARD int dt_store_dyad_days(dt_store *s, const char *dyad, int32_t from, int32_t to,
                                    dt_day_totals **days, size_t *n, dt_error *err);

/* A row of the dyad summary: directed entity pair and one day. */
typedef struct dt_dyad_day {
    char source[8], target[8];
    dt_day_totals t;
} dt_dyad_day;
/* Called for each summary row; return non-zero to stop (that value is returned). */
typedef int (*dt_dyad_day_fn)(void *user, const dt_dyad_day *row);
/* Every summary row between from and to (inclusive days), in no particular order. */
DT_NODISCARD int dt_store_dyad_summary(dt_store *s, int32_t from, int32_t to, dt_dyad_day_fn fn,
                                       void *user, dt_error *err);
/* The first and last dated events (day numbers); returns DT_ENOTFOUND when there are none. */
DT_NODISCARD int dt_store_date_span(dt_store *s, int32_t *first, int32_t *last, dt_error *err);

/* ---------------------------------------------------------------- tension */

/* Tension per dyad and period (formula and rationale: docs/tension.md). Per period t,
 *   C_t = sum of |Goldstein| of conflictual events (weight < 0),
 *   K_t = sum of Goldstein of cooperative events (weight > 0),
 *   C^_t = L C^_(t-1) + C_t,  K^_t = L K^_(t-1) + K_t,  L = 2^(-1 / half_life),
 *   index_t = 100 (C^_t + prior / 2) / (C^_t + K^_t + prior),
 * from the dyad's first event on: 0 is pure cooperation, 100 pure conflict, 50 balanced
 * or no evidence. */
typedef enum dt_period { DT_BY_DAY = 0, DT_BY_WEEK, DT_BY_MONTH } dt_period;

/* Parse "day", "week" or "month". Returns 0 or DT_EINVAL. */
int dt_period_parse(const char *name, dt_period *out);

typedef struct dt_tension_opts {
    dt_period by;        /* weeks begin on Monday */
    double half_life;    /* in periods; 0 = the default (day 7, week 2, month 1) */
    double prior;        /* Goldstein points of neutral evidence; 0 = the default 10 */
} dt_tension_opts;

typedef struct dt_tension_point {
    int32_t start, end;  /* the period's first and last day */
    char label[12];      /* "2017-08-14" (day; week: its Monday) or "2017-08" (month) */
    int64_t events;      /* events in the period */
    int64_t n[5];        /* per quad class n[1]..n[4]; n[0] without a class */
    double gsum, gmean;  /* Goldstein sum and mean of the period's events (mean 0 if none) */
    double coop, conflict; /* K_t and C_t */
    double index;        /* 0..100 */
    double change;       /* index minus the previous period's (the first period: minus the
                            value carried in from earlier events, or 50) */
    int alert;           /* set by dt_tension_alerts: +1 rise, -1 fall, 0 none */
} dt_tension_point;

typedef struct dt_tension_series {
    dt_tension_point *points;  /* malloc'd; free with dt_tension_series_free */
    size_t n;
} dt_tension_series;

/* The series for days (ascending, as from dt_store_dyad_days) over the periods that
 * contain from..to (day numbers; events before from warm the index up, events after to
 * are ignored). Returns 0, DT_EINVAL (from > to, bad options) or DT_ENOMEM. */
DT_NODISCARD int dt_tension_compute(const dt_day_totals *days, size_t ndays, int32_t from, int32_t to,
                                    const dt_tension_opts *o, dt_tension_series *out);
/* The series of a dyad from the store. from/to are "YYYY-MM-DD" or NULL: by default the
 * periods from the dyad's first event to its last. */
DT_NODISCARD int dt_tension_dyad(dt_store *s, const char *dyad, const char *from, const char *to,
                                 const dt_tension_opts *o, dt_tension_series *out, dt_error *err);
void dt_tension_series_free(dt_tension_series *s);
/* Mark the points whose change is at least threshold (+1) or at most -threshold (-1).
 * Returns how many were marked. */
size_t dt_tension_alerts(dt_tension_series *s, double threshold);

/* How a dyad's index moved in one period. */
typedef struct dt_tension_move {
    char a[8], b[8];     /* entities, a < b; the dyad is undirected */
    char label[12];      /* the period */
    double before, after, change;
    int64_t events;      /* events of the dyad in the period */
} dt_tension_move;

/* The undirected entity dyads (two different countries or organisations) whose index
 * changed in the period containing `at` ("YYYY-MM-DD"; NULL = the last dated event), with
 * at least min_events events in that period, sorted by the size of the change (largest
 * first). Read from the dyad summary in one pass; days weighing under 1e-9 of the period's
 * own are skipped (docs/tension.md). *moves is malloc'd (free() it). */
DT_NODISCARD int dt_tension_top(dt_store *s, const dt_tension_opts *o, const char *at,
                                int64_t min_events, dt_tension_move **moves, size_t *n,
                                dt_error *err);

/* ---------------------------------------------------------------- reports */

/* What `detente report` shows. Zero-initialise, then set what you need. */
typedef struct dt_report_opts {
    const char *title;             /* NULL: "Detente report" */
    const char *const *roadmaps;   /* roadmap files to evaluate against the store */
    size_t nroadmaps;
    int dyads;                     /* the most active dyads charted (0 = 4) */
    int top;                       /* top events listed (0 = 15) */
    dt_period by;                  /* the tension period (DT_BY_MONTH = 2 is the usual) */
    const char *from, *to;         /* the time axis, "YYYY-MM-DD" (NULL: the store's span) */
} dt_report_opts;

/* A self-contained HTML page (no scripts, nothing fetched: inline CSS and SVG) with the
 * tension of the most active dyads (countries and organisations) over time, their events
 * as markers whose tooltip is the sentence and its source, the roadmaps' stage timelines
 * with their deciding events, and the top events (reported by the most documents); and
 * a short text summary of the same. Either output may be NULL. Returns 0, DT_EDATE,
 * DT_ENOMEM, a roadmap's parse error or a store error (detail in err). */
DT_NODISCARD int dt_report(dt_store *s, const dt_report_opts *o, dt_strbuf *html, dt_strbuf *summary,
                           dt_error *err);

#ifdef __cplusplus
}
#endif
#endif
