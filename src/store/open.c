/* open.c — opening a store: recognising a Detente database, the schema and its
 * migrations (PRAGMA user_version), connection settings, prepared statements, closing. */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* The schema of version 1 (docs/store.md explains every table and why it is shaped so).
 * Migration i takes a store from version i to i + 1; version 0 is an empty file.
 *
 * Sentence and event ids are (document id << 20) | index, so a document's sentences and
 * events are contiguous rowid ranges and need no index of their own. Events refer to actor
 * codes by integer id and carry the month (year * 12 + month - 1; 0 when undated) that leads
 * both actor indexes: news arrives roughly in date order, so inserts land in the current
 * month's part of each index. */
static const char schema_v1[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT INTO meta VALUES('application', 'detente'),"
    "  ('created', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
    "CREATE TABLE documents("
    "  id INTEGER PRIMARY KEY,"
    "  source TEXT NOT NULL,"
    "  record TEXT NOT NULL,"
    "  url TEXT NOT NULL DEFAULT '',"
    "  title TEXT NOT NULL DEFAULT '',"
    "  date TEXT,"
    "  date_source TEXT NOT NULL DEFAULT '',"
    "  format TEXT NOT NULL DEFAULT '',"
    "  text_hash INTEGER NOT NULL,"
    "  n_sentences INTEGER NOT NULL,"
    "  n_events INTEGER NOT NULL,"
    "  added TEXT NOT NULL,"
    "  coded TEXT NOT NULL);"
    "CREATE UNIQUE INDEX documents_key ON documents(source, record);"
    "CREATE INDEX documents_hash ON documents(text_hash);"
    "CREATE TABLE copies("
    "  source TEXT NOT NULL,"
    "  record TEXT NOT NULL,"
    "  doc INTEGER NOT NULL REFERENCES documents(id),"
    "  PRIMARY KEY(source, record)) WITHOUT ROWID;"
    "CREATE TABLE sentences("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id),"
    "  idx INTEGER NOT NULL,"
    "  text TEXT NOT NULL);"
    "CREATE TABLE actors(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);"
    "CREATE TABLE rules(id INTEGER PRIMARY KEY, rule TEXT NOT NULL UNIQUE);"
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id),"
    "  sentence INTEGER NOT NULL,"
    "  day INTEGER,"
    "  month INTEGER NOT NULL,"
    "  source INTEGER NOT NULL REFERENCES actors(id),"
    "  target INTEGER NOT NULL REFERENCES actors(id),"
    "  code TEXT NOT NULL,"
    "  quad INTEGER NOT NULL,"
    "  goldstein10 INTEGER NOT NULL,"
    "  issues TEXT NOT NULL DEFAULT '',"
    "  source_text TEXT NOT NULL DEFAULT '',"
    "  target_text TEXT NOT NULL DEFAULT '',"
    "  rule INTEGER REFERENCES rules(id));"
    "CREATE INDEX events_source ON events(month, source, target, day);"
    "CREATE INDEX events_target ON events(month, target, source, day);"
    "CREATE INDEX events_sentence ON events(doc, sentence, day);"
    "CREATE TABLE dyad_days("
    "  day INTEGER NOT NULL,"
    "  source TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  n0 INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL,"
    "  n3 INTEGER NOT NULL, n4 INTEGER NOT NULL,"
    "  coop10 INTEGER NOT NULL, conflict10 INTEGER NOT NULL,"
    "  PRIMARY KEY(day, source, target)) WITHOUT ROWID;"
    /* For people querying the file with sqlite3: events as readable rows. */
    "CREATE VIEW events_view AS SELECT e.id AS event_id, date(e.day * 86400, 'unixepoch') AS date,"
    "  sa.code AS source, ta.code AS target, e.code AS code, substr(e.code, 1, 2) AS root, e.quad AS quad,"
    "  e.goldstein10 / 10.0 AS goldstein, e.issues AS issues, e.source_text AS source_text,"
    "  e.target_text AS target_text, e.doc AS doc_id, e.sentence AS sentence, r.rule AS rule, s.text AS text"
    "  FROM events e JOIN actors sa ON sa.id = e.source JOIN actors ta ON ta.id = e.target"
    "  LEFT JOIN rules r ON r.id = e.rule LEFT JOIN sentences s ON s.id = e.doc * 1048576 + e.sentence;";

/* The full-text index of the sentences that carry events: contentless (the text stays in
 * sentences), rowid = the sentence's id. Skipped when SQLite lacks FTS5. */
static const char schema_v1_fts[] =
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='', columnsize=0,"
    "  tokenize='unicode61 remove_diacritics 2');";

static int migrate_to_1(dt_store *s, dt_error *err)
{
    int rc = store_exec(s, schema_v1, err);
    if (rc)
        return rc;
    char *msg = NULL;
    bool fts = sqlite3_exec(s->db, schema_v1_fts, NULL, NULL, &msg) == SQLITE_OK;
    sqlite3_free(msg);
    return store_exec(s, fts ? "INSERT INTO meta VALUES('fts', '1')" : "INSERT INTO meta VALUES('fts', '0')",
                      err);
}

typedef int (*migration_fn)(dt_store *s, dt_error *err);
static const migration_fn migrations[DT_STORE_VERSION] = {migrate_to_1};

/* The statements the store uses over and over. */
static const char *const stmt_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_FIND_KEY] = "SELECT id FROM documents WHERE source = ? AND record = ?",
    [ST_FIND_COPY] = "SELECT doc FROM copies WHERE source = ? AND record = ?",
    [ST_FIND_HASH] = "SELECT id FROM documents WHERE text_hash = ? ORDER BY id LIMIT 1",
    [ST_INS_DOC] = "INSERT INTO documents(source, record, url, title, date, date_source, format,"
                   " text_hash, n_sentences, n_events, added, coded)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?11, ?11)",
    [ST_INS_COPY] = "INSERT OR IGNORE INTO copies(source, record, doc) VALUES (?, ?, ?)",
    [ST_INS_SENT] = "INSERT INTO sentences(id, doc, idx, text) VALUES (?, ?, ?, ?)",
    [ST_INS_EVENT] = "INSERT INTO events(id, doc, sentence, day, month, source, target, code, quad,"
                     " goldstein10, issues, source_text, target_text, rule)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_INS_RULE] = "INSERT INTO rules(rule) VALUES (?)",
    [ST_GET_RULE] = "SELECT id FROM rules WHERE rule = ?",
    [ST_INS_ACTOR] = "INSERT INTO actors(code) VALUES (?)",
    [ST_GET_ACTOR] = "SELECT id FROM actors WHERE code = ?",
    [ST_INS_FTS] = "INSERT INTO sentences_fts(rowid, text) VALUES (?, ?)",
    [ST_DEL_FTS] = "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', ?, ?)",
    [ST_UPSERT_DYAD] = "INSERT INTO dyad_days(day, source, target, n0, n1, n2, n3, n4, coop10, conflict10)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(day, source, target) DO UPDATE SET"
                       " n0 = n0 + excluded.n0, n1 = n1 + excluded.n1, n2 = n2 + excluded.n2,"
                       " n3 = n3 + excluded.n3, n4 = n4 + excluded.n4,"
                       " coop10 = coop10 + excluded.coop10, conflict10 = conflict10 + excluded.conflict10",
    [ST_DROP_EMPTY_DYAD] = "DELETE FROM dyad_days WHERE day = ? AND source = ? AND target = ?"
                           " AND n0 + n1 + n2 + n3 + n4 <= 0",
    [ST_DOC_META] = "SELECT date, n_sentences FROM documents WHERE id = ?",
    [ST_OLD_EVENTS] = "SELECT sa.code, ta.code, e.quad, e.goldstein10, e.sentence FROM events e"
                      " JOIN actors sa ON sa.id = e.source JOIN actors ta ON ta.id = e.target"
                      " WHERE e.id BETWEEN ? AND ?",
    [ST_DEL_EVENTS] = "DELETE FROM events WHERE id BETWEEN ? AND ?",
    [ST_SENT_TEXT] = "SELECT text FROM sentences WHERE id = ?",
    [ST_SET_NEVENTS] = "UPDATE documents SET n_events = ?, coded = ? WHERE id = ?",
    [ST_NEXT_DOC] = "SELECT id, source, record, url, title, coalesce(date, ''), date_source, format,"
                    " text_hash, n_sentences, n_events FROM documents WHERE id > ? ORDER BY id LIMIT 1",
    [ST_DOC_SENTS] = "SELECT idx, text FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id",
};

int store_db_error(dt_store *s, dt_error *err, const char *what)
{
    err_set(err, DT_EDB, s->path, 0, 0, "%s: %s", what, sqlite3_errmsg(s->db));
    return DT_EDB;
}

sqlite3_stmt *store_stmt(dt_store *s, int id, dt_error *err)
{
    sqlite3_stmt *st = s->st[id];
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return st;
    }
    if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->st[id], NULL) != SQLITE_OK) {
        store_db_error(s, err, "preparing a statement");
        s->st[id] = NULL;
        return NULL;
    }
    return s->st[id];
}

void store_finalize(dt_store *s)
{
    for (int i = 0; i < ST_COUNT; i++) {
        sqlite3_finalize(s->st[i]);
        s->st[i] = NULL;
    }
}

int store_exec(dt_store *s, const char *sql, dt_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        err_set(err, DT_EDB, s->path, 0, 0, "%s", msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return DT_EDB;
    }
    return 0;
}

/* One integer from a query (a PRAGMA or a count). */
static int query_int(dt_store *s, const char *sql, int64_t *out, dt_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        *out = 0;
        rc = SQLITE_OK;
    }
    int ext = sqlite3_errcode(s->db);
    sqlite3_finalize(st);
    if (rc == SQLITE_OK)
        return 0;
    if (ext == SQLITE_NOTADB) {
        err_set(err, DT_EFORMAT, s->path, 0, 0, "not a Detente store (not an SQLite database)");
        return DT_EFORMAT;
    }
    return store_db_error(s, err, "reading the store");
}

/* Bring the store to DT_STORE_VERSION, one migration per transaction. */
static int migrate(dt_store *s, int64_t from, dt_error *err)
{
    for (int64_t v = from; v < DT_STORE_VERSION; v++) {
        int rc = store_exec(s, "BEGIN IMMEDIATE", err);
        if (rc)
            return rc;
        /* Another process may have migrated it while we waited for the lock. */
        int64_t now;
        rc = query_int(s, "PRAGMA user_version", &now, err);
        if (rc == 0 && now == v) {
            rc = migrations[v](s, err);
            char sql[96];
            snprintf(sql, sizeof(sql), "PRAGMA user_version = %lld; PRAGMA application_id = %d",
                     (long long)v + 1, STORE_APP_ID);
            if (rc == 0)
                rc = store_exec(s, sql, err);
        }
        if (rc) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
        rc = store_exec(s, "COMMIT", err);
        if (rc)
            return rc;
    }
    return 0;
}

/* Recognise the file, then migrate or refuse it. */
static int check_and_migrate(dt_store *s, int flags, dt_error *err)
{
    int64_t app, ver, tables;
    int rc = query_int(s, "PRAGMA application_id", &app, err);
    if (rc == 0)
        rc = query_int(s, "PRAGMA user_version", &ver, err);
    if (rc == 0)
        rc = query_int(s, "SELECT count(*) FROM sqlite_schema", &tables, err);
    if (rc)
        return rc;
    if (app == 0 && ver == 0 && tables == 0) {
        if (s->readonly || !(flags & DT_STORE_CREATE)) {
            err_set(err, DT_EFORMAT, s->path, 0, 0, "not a Detente store (an empty database)");
            return DT_EFORMAT;
        }
    } else if (app != STORE_APP_ID) {
        err_set(err, DT_EFORMAT, s->path, 0, 0,
                "not a Detente store (an SQLite database of another program)");
        return DT_EFORMAT;
    }
    if (ver > DT_STORE_VERSION) {
        err_set(err, DT_EVERSION, s->path, 0, 0,
                "store version %lld was made by a newer Detente (this one reads version %d): upgrade "
                "detente",
                (long long)ver, DT_STORE_VERSION);
        return DT_EVERSION;
    }
    if (ver < DT_STORE_VERSION && s->readonly) {
        err_set(err, DT_EVERSION, s->path, 0, 0,
                "store version %lld needs upgrading to version %d: open it once for writing", (long long)ver,
                DT_STORE_VERSION);
        return DT_EVERSION;
    }
    if (ver < DT_STORE_VERSION) {
        /* Large pages make the indexes shallower and inserts cheaper (a new file only);
         * the write-ahead log lets readers go on while a writer works. */
        rc = store_exec(s, ver == 0 && tables == 0 ? "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL"
                                                   : "PRAGMA journal_mode = WAL",
                        err);
        if (rc == 0)
            rc = migrate(s, ver, err);
        if (rc)
            return rc;
    }
    s->version = DT_STORE_VERSION;
    int64_t fts = 0;
    rc = query_int(s, "SELECT value = '1' FROM meta WHERE key = 'fts'", &fts, err);
    s->fts = fts != 0;
    return rc;
}

int dt_store_open(dt_store **out, const char *path, int flags, dt_error *err)
{
    *out = NULL;
    if (!path || !*path) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "no store path given");
        return DT_EINVAL;
    }
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (errno != ENOENT || !(flags & DT_STORE_CREATE) || (flags & DT_STORE_READONLY)) {
            int e = errno;
            err_set(err, e == ENOENT ? DT_ENOTFOUND : DT_EIO, path, 0, 0, "%s",
                    e == ENOENT ? "no store here (`detente ingest` makes one)" : strerror(e));
            return e == ENOENT ? DT_ENOTFOUND : DT_EIO;
        }
    } else if (S_ISDIR(sb.st_mode)) {
        err_set(err, DT_EFORMAT, path, 0, 0, "not a Detente store (a directory)");
        return DT_EFORMAT;
    }
    dt_store *s = calloc(1, sizeof(*s));
    if (!s)
        return DT_ENOMEM;
    s->path = strdup(path);
    s->readonly = (flags & DT_STORE_READONLY) != 0;
    s->batch = 1000;
    s->rules.get = ST_GET_RULE;
    s->rules.ins = ST_INS_RULE;
    s->actors.get = ST_GET_ACTOR;
    s->actors.ins = ST_INS_ACTOR;
    arena_init(&s->doc_mem, 64 * 1024);
    if (!s->path) {
        dt_store_close(s, NULL);
        return DT_ENOMEM;
    }
    int oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc;
    if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        rc = s->db ? store_db_error(s, err, "opening") : DT_ENOMEM;
        dt_store_close(s, NULL);
        return rc;
    }
    sqlite3_extended_result_codes(s->db, 0);
    sqlite3_busy_timeout(s->db, 10000);
    rc = check_and_migrate(s, flags, err);
    /* NORMAL synchronisation in WAL mode survives a crash of the program (a power cut may
     * lose the last commits, never consistency); a larger WAL before each checkpoint saves
     * disk syncs during bulk ingest. */
    if (rc == 0 && !s->readonly)
        rc = store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                            " PRAGMA wal_autocheckpoint = 8192;", err);
    if (rc == 0)
        rc = store_exec(s, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", err);
    /* Readers map the file: a query touching thousands of pages then costs page faults, not
     * a read system call per page (which dominated short queries on large stores). */
    if (rc == 0 && s->readonly)
        rc = store_exec(s, "PRAGMA mmap_size = 17179869184;", err);
    if (rc) {
        dt_store_close(s, NULL);
        return rc;
    }
    *out = s;
    return 0;
}

int dt_store_close(dt_store *s, dt_error *err)
{
    if (!s)
        return 0;
    int rc = 0;
    if (s->in_tx)
        rc = dt_store_commit(s, err);
    store_finalize(s);
    /* Let SQLite refresh its statistics where they have gone stale (cheap when not). */
    if (s->db && !s->readonly)
        sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
    if (s->db && sqlite3_close(s->db) != SQLITE_OK && rc == 0)
        rc = store_db_error(s, err, "closing");
    store_forget_caches(s);
    free(s->dyad);
    free(s->rules.v);
    free(s->actors.v);
    free(s->sents);
    arena_free(&s->doc_mem);
    free(s->path);
    free(s);
    return rc;
}

int dt_store_version(const dt_store *s) { return s->version; }

int dt_store_has_fts(const dt_store *s) { return s->fts ? 1 : 0; }

void dt_store_set_batch(dt_store *s, size_t docs) { s->batch = docs ? docs : 1; }

int dt_store_get_info(dt_store *s, dt_store_info *out, dt_error *err)
{
    memset(out, 0, sizeof(*out));
    out->version = s->version;
    out->fts = s->fts;
    int rc = query_int(s, "SELECT count(*) FROM documents", &out->documents, err);
    if (rc == 0)
        rc = query_int(s, "SELECT count(*) FROM copies", &out->copies, err);
    if (rc == 0)
        rc = query_int(s, "SELECT count(*) FROM sentences", &out->sentences, err);
    if (rc == 0)
        rc = query_int(s, "SELECT count(*) FROM events", &out->events, err);
    if (rc == 0)
        rc = query_int(s, "SELECT count(*) FROM dyad_days", &out->dyad_days, err);
    if (rc)
        return rc;
    int32_t first, last;
    rc = dt_store_date_span(s, &first, &last, err);
    if (rc == DT_ENOTFOUND)
        return 0;
    if (rc)
        return rc;
    dt_date_format(first, out->first_date, sizeof(out->first_date));
    dt_date_format(last, out->last_date, sizeof(out->last_date));
    return 0;
}
