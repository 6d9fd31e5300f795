/* detente.h — the one public header of libdetente: dictionaries, the event coder,
 * sentence splitting, and the error table. Everything exported is dt_ / DT_. */
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
    int explain;   /* record a human-readable trace for dt_coder_explain_text */
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
    const char *format;      /* the reader that produced it: "jsonl", "text", ... */
} dt_doc;

typedef struct dt_reader_opts {
    const char *format;      /* NULL or "" = sniff from the content */
    /* JSON Lines field names (NULL = the defaults "id", "text", "date", "title", "url", "doc") */
    const char *field_id, *field_text, *field_date, *field_title, *field_url, *field_doc;
    size_t max_record;       /* bytes; 0 = 64 MiB */
} dt_reader_opts;

typedef struct dt_reader dt_reader;

/* Open a source: a file path or "-" for standard input. opts may be NULL. */
DT_NODISCARD int dt_reader_open(dt_reader **out, const char *path, const dt_reader_opts *opts,
                                dt_error *err);
/* Open an in-memory source (the bytes must outlive the reader); name is used in messages. */
DT_NODISCARD int dt_reader_open_mem(dt_reader **out, const char *name, const void *data, size_t len,
                                    const dt_reader_opts *opts, dt_error *err);
/* Read the next document: returns 1 with *doc filled, 0 at the end, or a negative code
 * for an error that stops this source. Bad records are reported through diag, counted,
 * and skipped. */
DT_NODISCARD int dt_reader_next(dt_reader *r, dt_doc *doc, dt_diag_fn diag, void *user);
/* Records read and skipped so far. */
void dt_reader_counts(const dt_reader *r, size_t *records, size_t *skipped);
void dt_reader_close(dt_reader *r);

/* ---------------------------------------------------------------- text */

/* A 64-bit hash of a text's normalised form (case, accents, punctuation and white
 * space ignored), so the same article ingested twice is recognised. */
uint64_t dt_text_hash(const char *text, size_t len);

/* Split text into sentences. Calls fn(user, start, len) for each sentence, in order,
 * with offsets into the text. Handles abbreviations, initials, decimals, quotations,
 * datelines and headlines without final punctuation. Returns the count. */
typedef void (*dt_sentence_fn)(void *user, size_t start, size_t len);
size_t dt_split_sentences(const char *text, size_t len, dt_sentence_fn fn, void *user);

#ifdef __cplusplus
}
#endif
#endif
