/* store_bench.c — the store benchmark: builds a store of synthetic events (deterministic:
 * a fixed seed and generator) through the public API, then times the main queries.
 *   store_bench [--events N] [--db PATH] [--batch DOCS] [--queries-only] [--runs K]
 *   store_bench --floor [--events N] [--db PATH]
 * --floor times SQLite alone writing the rows the store writes (no Detente code between):
 * the lower bound of any store with this schema on the machine. Results are written down
 * in docs/store.md. */
#include "detente.h"

#include <sqlite3.h>

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------- the generator */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
    /* xorshift64* */
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545f4914f6cdd1dULL;
}

static double rng_unit(void) { return (double)(rng() >> 11) / 9007199254740992.0; }

/* A Zipf-like choice among n items (item 0 most frequent): cumulative weights 1/(k+1). */
typedef struct zipf {
    double *cum;
    size_t n;
} zipf;

static void zipf_init(zipf *z, size_t n, double s)
{
    z->n = n;
    z->cum = malloc(n * sizeof(double));
    double t = 0;
    for (size_t k = 0; k < n; k++) {
        t += 1.0 / pow((double)(k + 1), s);
        z->cum[k] = t;
    }
    for (size_t k = 0; k < n; k++)
        z->cum[k] /= t;
}

static size_t zipf_pick(const zipf *z)
{
    double u = rng_unit();
    size_t lo = 0, hi = z->n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (z->cum[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const char *const countries[] = {
    "USA", "CHN", "RUS", "PRK", "KOR", "JPN", "IRN", "ISR", "PSE", "SYR", "IRQ", "AFG", "PAK",
    "IND", "GBR", "FRA", "DEU", "UKR", "TUR", "SAU", "EGY", "LBY", "YEM", "SDN", "NGA", "ETH",
    "SOM", "KEN", "ZAF", "BRA", "MEX", "COL", "VEN", "CUB", "CAN", "AUS", "IDN", "PHL", "MMR",
    "THA", "VNM", "MYS", "SGP", "TWN", "QAT", "ARE", "JOR", "LBN", "IGOUNO", "IGOEU", "IGONAT",
    "IGOASN", "IGOAFU", "NGOHRW",
};
static const char *const sectors[] = {"", "GOV", "MIL", "ELI", "OPP", "REB", "COP", "JUD",
                                      "LEG", "BUS", "MED", "CVL"};
static const unsigned sector_weight[] = {40, 30, 10, 4, 3, 3, 2, 2, 2, 2, 1, 1};
static const char *const codes[] = {
    "010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "081", "090",
    "111", "112", "120", "130", "138", "140", "150", "163", "172", "173", "180", "190", "193",
    "195", "012", "013", "014", "030", "031", "032", "050", "060", "070", "080", "100", "110",
    "125", "128", "160", "170", "175", "181", "182", "186", "200", "203",
};
static const char *const topic_words[] = {"nuclear", "missile", "summit", "sanctions", "talks", "ceasefire",
                                          "troops", "border", "election", "protest", "trade", "aid"};

static char vocab[4000][12];

static void make_vocab(void)
{
    static const char *const syl[] = {"ka", "ri", "to", "me", "su", "na", "lo", "pe", "di", "ga", "vo",
                                      "shi", "ne", "ba", "ru", "te", "mi", "zo", "ha", "ye"};
    for (size_t i = 0; i < 4000; i++) {
        size_t a = i % 20, b = (i / 20) % 20, c = (i / 400) % 10;
        snprintf(vocab[i], sizeof(vocab[i]), "%s%s%s", syl[a], syl[b], c ? syl[c] : "");
    }
}

/* ---------------------------------------------------------------- building the store */

typedef struct gen {
    zipf actors, words, code_pick;
    char actor_codes[2][32];
    char sent_buf[5][400];
    dt_slice sents[5];
    dt_event ev[16];
    char src[16][16], tgt[16][16], rule[16][48];
} gen;

static void pick_actor(gen *g, char *out, size_t cap, const char *avoid)
{
    for (;;) {
        const char *c = countries[zipf_pick(&g->actors)];
        unsigned r = (unsigned)(rng() % 100), acc = 0;
        size_t s = 0;
        for (; s < sizeof(sectors) / sizeof(sectors[0]); s++) {
            acc += sector_weight[s];
            if (r < acc)
                break;
        }
        snprintf(out, cap, "%s%s", c, strncmp(c, "IGO", 3) == 0 || strncmp(c, "NGO", 3) == 0 ? "" : sectors[s]);
        if (!avoid || strncmp(out, avoid, 3) != 0)
            return;
    }
}

static void make_sentence(gen *g, char *out, size_t cap)
{
    size_t len = 0;
    int words = 12 + (int)(rng() % 14);
    for (int w = 0; w < words && len + 16 < cap; w++) {
        const char *word = rng() % 12 == 0 ? topic_words[rng() % 12] : vocab[zipf_pick(&g->words)];
        len += (size_t)snprintf(out + len, cap - len, "%s%s", w ? " " : "", word);
    }
    snprintf(out + len, cap - len, ".");
}

/* Removes a database file and its WAL and shared-memory files. */
static void remove_db(const char *path)
{
    char side[1100];
    unlink(path);
    snprintf(side, sizeof(side), "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof(side), "%s-shm", path);
    unlink(side);
}

static int build(const char *path, int64_t target_events, size_t batch)
{
    dt_store *s;
    dt_error err = {0};
    remove_db(path);
    if (dt_store_open(&s, path, DT_STORE_CREATE, &err)) {
        fprintf(stderr, "store_bench: %s: %s\n", path, err.msg);
        return 1;
    }
    dt_store_set_batch(s, batch);
    gen *g = calloc(1, sizeof(*g));
    zipf_init(&g->actors, sizeof(countries) / sizeof(countries[0]), 1.0);
    zipf_init(&g->words, 4000, 1.05);
    zipf_init(&g->code_pick, sizeof(codes) / sizeof(codes[0]), 0.8);
    make_vocab();
    /* Ten years of news, documents in date order as they arrive. */
    int32_t first, last;
    if (dt_date_parse("2010-01-01", 10, &first) || dt_date_parse("2019-12-31", 10, &last))
        return 1;
    int64_t ndocs = target_events / 5 + 1, events = 0, sentences = 0, docs = 0;
    double t0 = now_s(), next_report = t0 + 5, t_store = 0;
    struct rusage ru0;
    getrusage(RUSAGE_SELF, &ru0);
    for (int64_t d = 0; events < target_events; d++) {
        char date[11], record[32];
        dt_date_format(first + (int32_t)((last - first + 1) * d / ndocs), date, sizeof(date));
        snprintf(record, sizeof(record), "doc-%" PRId64, d);
        size_t nev = 0;
        for (int k = 0; k < 5; k++) {
            make_sentence(g, g->sent_buf[k], sizeof(g->sent_buf[k]));
            g->sents[k].ptr = g->sent_buf[k];
            g->sents[k].len = strlen(g->sent_buf[k]);
            int per = (int)(rng() % 3);  /* 0, 1 or 2 events: 5 per document on average */
            for (int e = 0; e < per && events + (int64_t)nev < target_events; e++, nev++) {
                dt_event *ev = &g->ev[nev];
                memset(ev, 0, sizeof(*ev));
                pick_actor(g, g->src[nev], sizeof(g->src[nev]), NULL);
                pick_actor(g, g->tgt[nev], sizeof(g->tgt[nev]), g->src[nev]);
                ev->sentence = k;
                ev->source = g->src[nev];
                ev->target = g->tgt[nev];
                ev->source_text = ev->source;
                ev->target_text = ev->target;
                ev->code = codes[zipf_pick(&g->code_pick)];
                dt_cameo info;
                if (dt_cameo_lookup(ev->code, &info) == 0) {
                    memcpy(ev->root, info.root, 3);
                    ev->quad = info.quad;
                    ev->goldstein = info.goldstein;
                }
                unsigned is = (unsigned)(rng() % 20);
                ev->issues = is == 0 ? "NUCLEAR" : is == 1 ? "MISSILE" : is == 2 ? "NUCLEAR,MISSILE" : "";
                snprintf(g->rule[nev], sizeof(g->rule[nev]), "bench/synthetic.dict:%u", (unsigned)(rng() % 2000) + 1);
                ev->rule = g->rule[nev];
                ev->sentence_text = g->sent_buf[k];
            }
        }
        dt_store_doc doc = {"bench/synthetic.jsonl", record, "", "", date, "field", "jsonl", (uint64_t)d * 0x9e3779b97f4a7c15ULL + 1};
        double ts = now_s();
        int rc = dt_store_add_doc(s, &doc, g->sents, 5, g->ev, nev, NULL, &err);
        t_store += now_s() - ts;
        if (rc != DT_STORE_NEW) {
            fprintf(stderr, "store_bench: storing document %" PRId64 ": %s (%d)\n", d, err.msg, rc);
            return 1;
        }
        events += (int64_t)nev;
        sentences += 5;
        docs++;
        double t = now_s();
        if (t > next_report) {
            fprintf(stderr, "  %" PRId64 " events, %.0f events/s\n", events, (double)events / (t - t0));
            next_report = t + 5;
        }
    }
    double tc = now_s();
    if (dt_store_close(s, &err)) {
        fprintf(stderr, "store_bench: %s\n", err.msg);
        return 1;
    }
    t_store += now_s() - tc;
    double t = now_s() - t0;
    struct rusage ru1;
    getrusage(RUSAGE_SELF, &ru1);
    double cpu = (double)(ru1.ru_utime.tv_sec - ru0.ru_utime.tv_sec + ru1.ru_stime.tv_sec - ru0.ru_stime.tv_sec) +
                 (double)(ru1.ru_utime.tv_usec - ru0.ru_utime.tv_usec + ru1.ru_stime.tv_usec - ru0.ru_stime.tv_usec) / 1e6;
    struct stat st;
    stat(path, &st);
    printf("insert: %" PRId64 " events, %" PRId64 " sentences, %" PRId64 " documents in %.1f s\n", events, sentences,
           docs, t);
    printf("insert: %.0f events/s overall (%.0f documents/s, %.0f sentences/s); store %.2f GB\n",
           (double)events / t, (double)docs / t, (double)sentences / t, (double)st.st_size / 1e9);
    printf("insert: %.1f s in the store's calls (%.0f events/s), the rest generating; CPU %.1f s of %.1f s\n",
           t_store, (double)events / t_store, cpu, t);
    free(g->actors.cum);
    free(g->words.cum);
    free(g->code_pick.cum);
    free(g);
    return 0;
}

/* ---------------------------------------------------------------- SQLite alone */

/* Each part in a fresh file with the store's settings, one transaction per 25,000 rows
 * (the store's 5,000-document batches hold about as many events): the events table
 * bare and with the store's three indexes, the full-text index, the sentence rows. The
 * statements are the store's, with bound values. */
static const char floor_setup[] =
    "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
    "PRAGMA cache_size = -262144; PRAGMA mmap_size = 17179869184;"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, sentence INTEGER NOT NULL,"
    "  day INTEGER, month INTEGER NOT NULL, source INTEGER NOT NULL, target INTEGER NOT NULL,"
    "  code TEXT NOT NULL, quad INTEGER NOT NULL, goldstein10 INTEGER NOT NULL,"
    "  issues TEXT NOT NULL DEFAULT '', source_text TEXT NOT NULL DEFAULT '',"
    "  target_text TEXT NOT NULL DEFAULT '', rule INTEGER);"
    "CREATE TABLE sentences(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    "  text TEXT NOT NULL);"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='', columnsize=0,"
    "  tokenize='unicode61 remove_diacritics 2');";
static const char floor_indexes[] =
    "CREATE INDEX events_source ON events(month, source, target, day);"
    "CREATE INDEX events_target ON events(month, target, source, day);"
    "CREATE INDEX events_sentence ON events(doc, sentence, day);";

enum { FLOOR_EVENTS, FLOOR_INDEXED, FLOOR_FTS, FLOOR_SENTENCES, FLOOR_PARTS };

static int floor_fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "store_bench: --floor: %s: %s\n", what, sqlite3_errmsg(db));
    sqlite3_close(db);
    return -1;
}

/* Writes n rows of one part into a new file; returns the seconds spent in SQLite. */
static double floor_part(const char *path, int part, int64_t n, gen *g)
{
    static const char *const sql[FLOOR_PARTS] = {
        [FLOOR_EVENTS] = "INSERT INTO events(id, doc, sentence, day, month, source, target, code, quad,"
                         " goldstein10, issues, source_text, target_text, rule)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [FLOOR_INDEXED] = NULL,
        [FLOOR_FTS] = "INSERT INTO sentences_fts(rowid, text) VALUES (?, ?)",
        [FLOOR_SENTENCES] = "INSERT INTO sentences(id, doc, idx, text) VALUES (?, ?, ?, ?)",
    };
    remove_db(path);
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return floor_fail(db, path);
    if (sqlite3_exec(db, floor_setup, NULL, NULL, NULL) != SQLITE_OK ||
        (part == FLOOR_INDEXED && sqlite3_exec(db, floor_indexes, NULL, NULL, NULL) != SQLITE_OK))
        return floor_fail(db, "creating the tables");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql[part == FLOOR_INDEXED ? FLOOR_EVENTS : part], -1, &st, NULL) != SQLITE_OK)
        return floor_fail(db, "preparing");
    int32_t first = 14610; /* 2010-01-01 */
    double t = 0;
    int64_t i = 0;
    while (i < n) {
        /* the values, made outside the timed part */
        enum { CHUNK = 25000 };
        static char text[CHUNK][400], src[CHUNK][16], tgt[CHUNK][16];
        static int64_t ints[CHUNK][4];
        int64_t m = n - i < CHUNK ? n - i : CHUNK;
        for (int64_t k = 0; k < m; k++) {
            if (part == FLOOR_FTS || part == FLOOR_SENTENCES) {
                make_sentence(g, text[k], sizeof(text[k]));
            } else {
                pick_actor(g, src[k], sizeof(src[k]), NULL);
                pick_actor(g, tgt[k], sizeof(tgt[k]), src[k]);
                ints[k][0] = (int64_t)zipf_pick(&g->actors);
                ints[k][1] = (int64_t)zipf_pick(&g->actors);
                ints[k][2] = (int64_t)zipf_pick(&g->code_pick);
                ints[k][3] = (int64_t)(rng() % 2000);
            }
        }
        double t0 = now_s();
        if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
            return floor_fail(db, "BEGIN");
        for (int64_t k = 0; k < m; k++, i++) {
            int64_t doc = i / 5, idx = i % 5, id = doc << 20 | idx;
            if (part == FLOOR_FTS) {
                sqlite3_bind_int64(st, 1, id);
                sqlite3_bind_text(st, 2, text[k], -1, SQLITE_STATIC);
            } else if (part == FLOOR_SENTENCES) {
                sqlite3_bind_int64(st, 1, id);
                sqlite3_bind_int64(st, 2, doc);
                sqlite3_bind_int64(st, 3, idx);
                sqlite3_bind_text(st, 4, text[k], -1, SQLITE_STATIC);
            } else {
                int32_t day = first + (int32_t)(i * 3652 / n);
                char date[16];
                dt_date_format(day, date, sizeof(date));
                int y = atoi(date), mo = atoi(date + 5);
                const char *code = codes[ints[k][2]];
                dt_cameo info = {0};
                dt_cameo_lookup(code, &info);
                sqlite3_bind_int64(st, 1, id);
                sqlite3_bind_int64(st, 2, doc);
                sqlite3_bind_int64(st, 3, idx);
                sqlite3_bind_int64(st, 4, day);
                sqlite3_bind_int64(st, 5, (int64_t)y * 12 + mo - 1);
                sqlite3_bind_int64(st, 6, ints[k][0] + 1);
                sqlite3_bind_int64(st, 7, ints[k][1] + 1);
                sqlite3_bind_text(st, 8, code, -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 9, info.quad);
                sqlite3_bind_int64(st, 10, (int64_t)lround(info.goldstein * 10));
                sqlite3_bind_text(st, 11, k % 20 == 0 ? "NUCLEAR" : "", -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 12, src[k], -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 13, tgt[k], -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 14, ints[k][3] + 1);
            }
            int rc = sqlite3_step(st);
            sqlite3_reset(st);
            if (rc != SQLITE_DONE)
                return floor_fail(db, "inserting");
        }
        if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            return floor_fail(db, "COMMIT");
        t += now_s() - t0;
    }
    sqlite3_finalize(st);
    double t0 = now_s();
    sqlite3_close(db); /* the last checkpoint */
    t += now_s() - t0;
    remove_db(path);
    return t;
}

static int floor_bench(const char *path, int64_t n)
{
    static const char *const names[FLOOR_PARTS] = {
        "events, table only", "events with the 3 indexes", "full-text rows (sentences)", "sentence rows"};
    gen *g = calloc(1, sizeof(*g));
    zipf_init(&g->actors, sizeof(countries) / sizeof(countries[0]), 1.0);
    zipf_init(&g->words, 4000, 1.05);
    zipf_init(&g->code_pick, sizeof(codes) / sizeof(codes[0]), 0.8);
    make_vocab();
    char scratch[1024];
    snprintf(scratch, sizeof(scratch), "%s.floor", path);
    double us[FLOOR_PARTS];
    printf("SQLite %s alone, %" PRId64 " rows per part, one transaction per 25,000 rows:\n", sqlite3_libversion(), n);
    for (int p = 0; p < FLOOR_PARTS; p++) {
        double t = floor_part(scratch, p, n, g);
        if (t < 0)
            return 1;
        us[p] = t / (double)n * 1e6;
        printf("  %-28s %6.2f us a row  %9.0f rows/s\n", names[p], us[p], (double)n / t);
    }
    /* Per event of the synthetic corpus: one event row, one sentence row, and two thirds
     * of a full-text row (a sentence carries 0, 1 or 2 events, equally often). */
    double per_event = us[FLOOR_INDEXED] + us[FLOOR_SENTENCES] + us[FLOOR_FTS] * 2.0 / 3.0;
    printf("  per event (event + sentence + 2/3 full-text row): %.2f us, at most %.0f events/s on one writer,\n"
           "  before documents, the dyad summary and any coding\n",
           per_event, 1e6 / per_event);
    free(g->actors.cum);
    free(g->words.cum);
    free(g->code_pick.cum);
    free(g);
    return 0;
}

/* ---------------------------------------------------------------- queries */

typedef struct query {
    const char *name;
    dt_event_filter f;
} query;

static double time_first_page(dt_store *s, const dt_event_filter *f, int64_t *rows)
{
    dt_event_filter g = *f;
    g.limit = 100;
    double t0 = now_s();
    dt_store_cursor *c;
    dt_error err = {0};
    *rows = 0;
    if (dt_store_query(s, &g, &c, &err)) {
        fprintf(stderr, "store_bench: query: %s\n", err.msg);
        return -1;
    }
    dt_stored_event ev;
    while (dt_store_cursor_next(c, &ev, &err) == 1)
        ++*rows;
    dt_store_cursor_free(c);
    return now_s() - t0;
}

static double time_count(dt_store *s, const dt_event_filter *f, int64_t *n)
{
    double t0 = now_s();
    dt_error err = {0};
    if (dt_store_count(s, f, n, &err)) {
        fprintf(stderr, "store_bench: count: %s\n", err.msg);
        return -1;
    }
    return now_s() - t0;
}

static double best(const double *t, int k)
{
    double b = t[0];
    for (int i = 1; i < k; i++)
        b = t[i] < b ? t[i] : b;
    return b;
}

static int run_queries(const char *path, int runs)
{
    dt_store *s;
    dt_error err = {0};
    if (dt_store_open(&s, path, 0, &err)) {
        fprintf(stderr, "store_bench: %s: %s\n", path, err.msg);
        return 1;
    }
    dt_store_info info;
    if (dt_store_get_info(s, &info, &err) == 0)
        printf("store: %" PRId64 " events, %" PRId64 " documents, %" PRId64 " dyad-days, %s to %s\n", info.events,
               info.documents, info.dyad_days, info.first_date, info.last_date);
    query qs[8];
    memset(qs, 0, sizeof(qs));
    qs[0].name = "actor PRK (either side)";
    qs[0].f.actor = "PRK";
    qs[1].name = "source PRKGOV (exact)";
    qs[1].f.source = "PRKGOV";
    qs[2].name = "dyad USA-PRK";
    qs[2].f.dyad = "USA-PRK";
    qs[3].name = "dyad USA>PRK, 2017";
    qs[3].f.dyad = "USA>PRK";
    qs[3].f.from = "2017-01-01";
    qs[3].f.to = "2017-12-31";
    qs[4].name = "text \"nuclear summit\"";
    qs[4].f.text = "nuclear summit";
    qs[5].name = "text + actor PRK";
    qs[5].f.text = "missile";
    qs[5].f.actor = "PRK";
    qs[6].name = "root 19, quad 4, 2018";
    qs[6].f.roots = "19";
    qs[6].f.quads = 1u << 4;
    qs[6].f.from = "2018-01-01";
    qs[6].f.to = "2018-12-31";
    qs[7].name = "one a day, dyad CHN-JPN";
    qs[7].f.dyad = "CHN-JPN";
    qs[7].f.one_a_day = 1;
    printf("times in seconds: the first run, then the best of %d\n", runs);
    printf("%-28s %10s %16s %16s\n", "query", "matches", "count", "first 100 rows");
    for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
        double tc[8] = {0}, tp[8] = {0};
        int64_t n = 0, rows = 0;
        for (int r = 0; r < runs; r++) {
            tc[r] = time_count(s, &qs[i].f, &n);
            tp[r] = time_first_page(s, &qs[i].f, &rows);
        }
        printf("%-28s %10" PRId64 " %7.3f %8.3f %7.3f %8.3f\n", qs[i].name, n, tc[0], best(tc, runs), tp[0],
               best(tp, runs));
    }
    static const char *const by_names[] = {"day", "week", "month"};
    for (int by = 0; by < 3; by++) {
        double tt[8] = {0};
        size_t npoints = 0;
        for (int r = 0; r < runs; r++) {
            dt_tension_opts o = {(dt_period)by, 0, 0};
            dt_tension_series ser;
            double t0 = now_s();
            if (dt_tension_dyad(s, "USA-PRK", NULL, NULL, &o, &ser, &err)) {
                fprintf(stderr, "store_bench: tension: %s\n", err.msg);
                return 1;
            }
            tt[r] = now_s() - t0;
            npoints = ser.n;
            dt_tension_series_free(&ser);
        }
        printf("tension USA-PRK by %-9s %10zu %7.3f %8.3f   (periods)\n", by_names[by], npoints, tt[0], best(tt, runs));
    }
    for (int by = 0; by < 3; by++) {
        double tt[8] = {0};
        size_t n = 0;
        for (int r = 0; r < runs; r++) {
            dt_tension_opts o = {(dt_period)by, 0, 0};
            dt_tension_move *m;
            double t0 = now_s();
            if (dt_tension_top(s, &o, NULL, 3, &m, &n, &err)) {
                fprintf(stderr, "store_bench: top: %s\n", err.msg);
                return 1;
            }
            tt[r] = now_s() - t0;
            free(m);
        }
        printf("tension --top by %-11s %10zu %7.3f %8.3f   (dyads)\n", by_names[by], n, tt[0], best(tt, runs));
    }
    dt_store_close(s, NULL);
    return 0;
}

int main(int argc, char **argv)
{
    long long events = 10000000, batch = 5000;
    int runs = 3;
    const char *db = "bench/out/bench.db";
    int queries_only = 0, floor = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--events") == 0 && i + 1 < argc)
            events = strtoll(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            db = argv[++i];
        else if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc)
            batch = strtoll(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = (int)strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--queries-only") == 0)
            queries_only = 1;
        else if (strcmp(argv[i], "--floor") == 0)
            floor = 1;
        else {
            fprintf(stderr, "usage: store_bench [--events N] [--db PATH] [--batch DOCS] [--runs K] [--queries-only]\n"
                            "       store_bench --floor [--events N] [--db PATH]\n");
            return 2;
        }
    }
    if (events < 1 || batch < 1 || runs < 1 || runs > 8) {
        fprintf(stderr, "store_bench: bad arguments\n");
        return 2;
    }
    if (floor)
        return floor_bench(db, events);
    if (!queries_only && build(db, events, (size_t)batch))
        return 1;
    return run_queries(db, runs);
}
