/* store.h — internals of the SQLite event store shared by its files: the connection
 * handle, prepared statements, actor patterns and SQL building. Not part of the public API. */
#ifndef DT_STORE_H
#define DT_STORE_H

#include "../util/util.h"

#include <sqlite3.h>

/* PRAGMA application_id of a Detente store: "DTNT". */
#define STORE_APP_ID 0x44544e54

/* ---------------------------------------------------------------- actor patterns */

/* A parsed actor pattern: an upper-case code, matched exactly or as a prefix. */
typedef struct store_pat {
    char code[33];
    bool prefix;
} store_pat;

typedef struct store_dyad {
    store_pat a, b;
    bool directed;  /* "A>B": a is the source, b the target */
} store_dyad;

/* Parse a pattern ("PRKGOV", "PRK*", "PRK", "=PRK"); DT_EINVAL with a message. */
int store_pat_parse(const char *s, store_pat *p, dt_error *err);
/* Parse a dyad ("USA-PRK", "USA>PRK"); DT_EINVAL with a message. */
int store_dyad_parse(const char *s, store_dyad *d, dt_error *err);
/* The entity of an actor code: its first six letters for IGO/NGO codes, otherwise its
 * first three (the country). out holds at least 8 bytes. */
void store_entity(const char *code, char *out);
/* True when every code the pattern matches has an entity the pattern also matches as a
 * prefix, so the dyad summary (keyed by entity) can answer for it. */
bool store_pat_entity_level(const store_pat *p);

/* ---------------------------------------------------------------- SQL building */

/* Values bound to the ? of a statement being built. Short texts are copied in; long ones
 * point at caller strings that outlive the statement's binding. */
typedef struct store_binds {
    int n;
    struct {
        bool is_int;
        int64_t i;
        const char *p;
        char s[40];
    } v[64];
} store_binds;

/* Append "col = ?" or "(col >= ? AND col < ?)" for a pattern. */
int store_sql_pat(buf *sql, store_binds *b, const char *col, const store_pat *p);
/* Append the condition of a dyad on the source and target columns. */
int store_sql_dyad(buf *sql, store_binds *b, const char *src, const char *tgt, const store_dyad *d);
int store_bind_text(store_binds *b, const char *s, bool copy);
int store_bind_int(store_binds *b, int64_t v);
/* Bind everything to a prepared statement. */
int store_bind_all(sqlite3_stmt *st, const store_binds *b);

/* ---------------------------------------------------------------- the connection */

/* Totals of one directed entity pair and day, as kept in the dyad summary. */
typedef struct store_dyad_key {
    char source[8], target[8];
    int32_t day;
} store_dyad_key;

typedef struct store_dyad_delta {
    store_dyad_key k;
    int64_t n[5];
    int64_t coop10, conflict10;
    bool used;
    bool shrinks;  /* some counts were taken away (re-coding): rows may become empty */
} store_dyad_delta;

/* A text and its id in a lookup table (rules, actors). */
typedef struct store_name {
    char *text;
    int64_t id;
} store_name;

/* An in-memory map text -> id over one lookup table (open addressing). */
typedef struct store_names {
    store_name *v;
    size_t n, cap;
    int get, ins;  /* the statements that read and add rows */
} store_names;

/* Sentence and event ids: (document << 20) | index. */
#define STORE_ID_BITS 20
#define STORE_ID_MAX ((int64_t)1 << STORE_ID_BITS)
static inline int64_t store_sub_id(int64_t doc, int64_t i) { return doc * STORE_ID_MAX + i; }

enum {
    ST_BEGIN, ST_COMMIT, ST_ROLLBACK,
    ST_FIND_KEY, ST_FIND_COPY, ST_FIND_HASH, ST_INS_DOC, ST_INS_COPY, ST_INS_SENT,
    ST_INS_EVENT, ST_INS_RULE, ST_GET_RULE, ST_INS_ACTOR, ST_GET_ACTOR, ST_INS_FTS, ST_DEL_FTS,
    ST_UPSERT_DYAD, ST_DROP_EMPTY_DYAD, ST_DOC_META, ST_OLD_EVENTS, ST_DEL_EVENTS, ST_SENT_TEXT,
    ST_SET_NEVENTS, ST_NEXT_DOC, ST_DOC_SENTS,
    ST_COUNT
};

struct dt_store {
    sqlite3 *db;
    char *path;
    int version;
    bool fts;
    bool readonly;
    sqlite3_stmt *st[ST_COUNT];
    /* the batch transaction */
    bool in_tx;
    size_t batch, in_batch;
    /* dyad summary changes of the batch (open addressing, power-of-two capacity) */
    store_dyad_delta *dyad;
    size_t ndyad, capdyad;
    store_names rules, actors;
    /* dt_store_next_doc results */
    arena doc_mem;
    dt_slice *sents;
    size_t capsents;
};

/* Set err to DT_EDB with SQLite's message for the connection; returns DT_EDB. */
int store_db_error(dt_store *s, dt_error *err, const char *what);
/* The prepared statement for id (prepared on first use, then reset and cleared). */
sqlite3_stmt *store_stmt(dt_store *s, int id, dt_error *err);
/* Execute SQL without results. */
int store_exec(dt_store *s, const char *sql, dt_error *err);
/* Forget cached state that may refer to rolled-back rows. */
void store_forget_caches(dt_store *s);
/* Roll back the uncommitted batch after a half-done write; notes it in err; returns rc. */
int store_abort_batch(dt_store *s, int rc, dt_error *err);
/* Write the batch's dyad summary changes (inside the transaction). */
int store_flush_dyads(dt_store *s, dt_error *err);
/* SQL selecting (id, day) of the events that pass a filter, in no order (query.c). */
int store_candidates_sql(dt_store *s, const dt_event_filter *f, buf *sql, store_binds *b, buf *scratch,
                         dt_error *err);
/* Finalize the prepared statements. */
void store_finalize(dt_store *s);

/* Days since 1970-01-01 of a stored "YYYY-MM-DD" text, or DATE_NONE. */
int32_t store_day_of(const unsigned char *date);
/* The month number of a day (year * 12 + month - 1), 0 for DATE_NONE. */
int32_t store_month_of(int32_t day);

#endif
