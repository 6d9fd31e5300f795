/* cmd_ingest.c — `detente ingest`: read sources, code each document once and store it
 * with its sentences and events; `detente recode`: code the stored documents again with
 * the current dictionaries, replacing their events. */
#include "cli.h"
#include "pipeline.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---------------------------------------------------------------- coding a document */

/* The sentences of a document and the events coded from them. */
typedef struct coded_doc {
    dt_slice *sents;
    size_t nsents, capsents;
    dt_event *ev;
    size_t nev, capev;
} coded_doc;

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 64;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * size);
    if (!np)
        return false;
    *p = np;
    *cap = nc;
    return true;
}

/* Code the sentences as one document, one sentence at a time, so that each event names
 * the index of its sentence in cd->sents. */
static int code_sentences(dt_coder *c, const char *date, coded_doc *cd)
{
    if (dt_coder_begin_doc(c, date) != 0 && dt_coder_begin_doc(c, NULL) != 0)
        return DT_EINVAL;
    cd->nev = 0;
    for (size_t k = 0; k < cd->nsents; k++) {
        size_t before;
        dt_coder_events(c, &before);
        int rc = dt_coder_code(c, cd->sents[k].ptr, cd->sents[k].len, 1);
        if (rc < 0)
            return rc;
        size_t after;
        const dt_event *ev = dt_coder_events(c, &after);
        if (after < before) {
            /* A story discard phrase drops what the document coded so far. */
            cd->nev = after < cd->nev ? after : cd->nev;
            continue;
        }
        if (!grow((void **)&cd->ev, &cd->capev, cd->nev + (after - before), sizeof(dt_event)))
            return DT_ENOMEM;
        for (size_t i = before; i < after; i++) {
            cd->ev[cd->nev] = ev[i];
            cd->ev[cd->nev].sentence = (int)k;
            cd->nev++;
        }
    }
    return 0;
}

static void coded_free(coded_doc *cd)
{
    free(cd->sents);
    free(cd->ev);
}

/* ---------------------------------------------------------------- ingest */

static const char ingest_usage[] =
    "usage: detente ingest [--db PATH] [--dict SPEC]... [READER OPTIONS] [--threads N] [--solo]\n"
    "                      [--batch N] [-q] SOURCE...\n"
    "Reads each SOURCE (a file, a directory of files, an http(s) URL, or - for standard input),\n"
    "codes every document that is not stored yet and stores it with its sentences and events,\n"
    "coded exactly as `detente code` codes them (the headline is sentence 0). Documents are known\n"
    "by source and id, and by the hash of their text (the same article from two sources is coded\n"
    "once). Documents are committed in batches of N (default 5000): a crash loses at most the\n"
    "last batch, which the next run stores. --threads N codes on N threads (default: the processors\n"
    "online, at most 8; the store is written in input order, the same whatever N). Default store: " CLI_DEFAULT_DB ".\n";

/* A document being gathered: JSON Lines records with the same "doc" are one document. */
typedef struct pending {
    bool open;
    char *source, *record, *url, *title, *date, *date_source, *format, *group;
    dt_strbuf text;      /* the records' texts, separated by newlines */
    size_t *part_end;    /* where each record's text ends in text */
    size_t nparts, capparts;
} pending;

/* A coded document of a batch: records [first, first + nrec) of the batch, its sentences
 * (slices into the batch's memory, in the coder's order) and its events (strings copied
 * into the result's arena). */
typedef struct ingest_doc {
    size_t first, nrec;
    dt_slice *sents;
    size_t nsents;
    dt_event *ev;
    size_t nev;
} ingest_doc;

typedef struct ingest_result {
    ingest_doc *docs;
    size_t ndocs, capdocs;
} ingest_result;

typedef struct ingest_run {
    dt_store *store;
    pipeline *pl;
    pending p;
    size_t records, skipped, docs, stored, known, copies, sentences, events;
    bool progress;
    struct timespec last;
    int rc;              /* the first store error */
    dt_error err;
} ingest_run;

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

static void pending_clear(pending *p)
{
    char **f[] = {&p->source, &p->record, &p->url, &p->title, &p->date, &p->date_source, &p->format, &p->group};
    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
        free(*f[i]);
        *f[i] = NULL;
    }
    p->text.len = 0;
    p->nparts = 0;
    p->open = false;
}

static bool append_text(dt_strbuf *sb, const char *s, size_t n)
{
    if (!grow((void **)&sb->data, &sb->cap, sb->len + n + 2, 1))
        return false;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = 0;
    return true;
}

static void show_progress(ingest_run *r, bool done)
{
    if (!r->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double dt = (double)(now.tv_sec - r->last.tv_sec) + (double)(now.tv_nsec - r->last.tv_nsec) / 1e9;
    if (!done && dt < 0.25)
        return;
    r->last = now;
    fprintf(stderr, "\rdetente: %zu documents read, %zu stored, %zu events%s", r->docs, r->stored, r->events,
            done ? "\r\033[K" : "");
    fflush(stderr);
}

/* ---- on a coding thread */

typedef struct sent_ctx {
    ingest_result *res;
    dt_slice **sents;
    size_t *n, *cap;
    const char *base;
    bool oom;
} sent_ctx;

static void add_sentence(sent_ctx *x, const char *p, size_t len)
{
    if (x->oom || !grow((void **)x->sents, x->cap, *x->n + 1, sizeof(dt_slice))) {
        x->oom = true;
        return;
    }
    (*x->sents)[(*x->n)++] = (dt_slice){p, len};
}

static void on_split(void *user, size_t start, size_t len)
{
    sent_ctx *x = user;
    add_sentence(x, x->base + start, len);
}

/* The events with their strings, in one allocation (free() it). */
static dt_event *copy_events(const dt_event *ev, size_t n)
{
    size_t bytes = n * sizeof(dt_event);
    for (size_t e = 0; e < n; e++) {
        const char *f[] = {ev[e].source, ev[e].target, ev[e].source_text, ev[e].target_text,
                           ev[e].code, ev[e].issues, ev[e].rule, ev[e].sentence_text};
        for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++)
            bytes += f[k] ? strlen(f[k]) + 1 : 0;
    }
    dt_event *out = malloc(bytes ? bytes : 1);
    if (!out)
        return NULL;
    char *pool = (char *)(out + n);
    for (size_t e = 0; e < n; e++) {
        out[e] = ev[e];
        const char **f[] = {&out[e].source, &out[e].target, &out[e].source_text, &out[e].target_text,
                            &out[e].code, &out[e].issues, &out[e].rule, &out[e].sentence_text};
        for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++) {
            if (!*f[k])
                continue;
            size_t l = strlen(*f[k]) + 1;
            memcpy(pool, *f[k], l);
            *f[k] = pool;
            pool += l;
        }
    }
    return out;
}

/* Code the batch's documents as `detente code` does (the headline as sentence 0 unless the
 * text starts with it; the text split into sentences), keeping the sentence texts for the
 * store. Sentences are split here with the same function the coder uses, so the indexes
 * in the events point into this list. */
static int ingest_work(void *ctx, dt_coder *coder, pl_batch *b)
{
    (void)ctx;
    ingest_result *res = calloc(1, sizeof(*res));
    if (!res)
        return DT_ENOMEM;
    b->result = res;
    dt_slice *sents = NULL;
    size_t nsents = 0, capsents = 0;
    for (size_t i = 0; i < b->nrecs;) {
        size_t j = i + 1;
        while (j < b->nrecs && !(b->recs[j].id && *b->recs[j].id))
            j++; /* continuation records have no id */
        const pl_record *r0 = &b->recs[i];
        if (dt_coder_begin_doc(coder, r0->date) != 0 && dt_coder_begin_doc(coder, NULL) != 0)
            return DT_EINVAL;
        nsents = 0;
        sent_ctx x = {res, &sents, &nsents, &capsents, NULL, false};
        for (size_t k = i; k < j; k++) {
            const pl_record *r = &b->recs[k];
            int rc;
            if (r->title && *r->title && strncmp(r->text, r->title, strlen(r->title)) != 0) {
                add_sentence(&x, r->title, strlen(r->title));
                if ((rc = dt_coder_code(coder, r->title, strlen(r->title), 1)) < 0)
                    return rc;
            }
            x.base = r->text;
            dt_split_sentences(r->text, r->text_len, on_split, &x);
            if ((rc = dt_coder_code(coder, r->text, r->text_len, 0)) < 0)
                return rc;
        }
        if (x.oom || !grow((void **)&res->docs, &res->capdocs, res->ndocs + 1, sizeof(ingest_doc))) {
            free(sents);
            return DT_ENOMEM;
        }
        size_t n;
        const dt_event *ev = dt_coder_events(coder, &n);
        ingest_doc *doc = &res->docs[res->ndocs++];
        memset(doc, 0, sizeof(*doc));
        doc->first = i;
        doc->nrec = j - i;
        doc->nsents = nsents;
        doc->sents = nsents ? malloc(nsents * sizeof(dt_slice)) : NULL;
        doc->nev = n;
        doc->ev = copy_events(ev, n);
        if ((nsents && !doc->sents) || !doc->ev) {
            free(sents);
            return DT_ENOMEM;
        }
        if (nsents)
            memcpy(doc->sents, sents, nsents * sizeof(dt_slice));
        b->sentences += nsents;
        b->events += n;
        b->docs++;
        i = j;
    }
    free(sents);
    return 0;
}

/* ---- on the reading thread, in input order */

static void result_free(ingest_result *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->ndocs; i++) {
        free(res->docs[i].sents);
        free(res->docs[i].ev);
    }
    free(res->docs);
    free(res);
}

static int ingest_done(void *ctx, pl_batch *b)
{
    ingest_run *r = ctx;
    ingest_result *res = b->result;
    b->result = NULL;
    for (size_t i = 0; res && !b->rc && i < res->ndocs && r->rc == 0; i++) {
        const ingest_doc *cd = &res->docs[i];
        const pl_record *rec = &b->recs[cd->first];
        dt_store_doc doc = {rec->source, rec->id, rec->url, rec->title, rec->date, rec->date_source, rec->format,
                            rec->text_hash};
        int64_t id;
        int rc = dt_store_add_doc(r->store, &doc, cd->sents, cd->nsents, cd->ev, cd->nev, &id, &r->err);
        if (rc == DT_STORE_NEW) {
            r->stored++;
            r->sentences += cd->nsents;
            r->events += cd->nev;
        } else if (rc == DT_STORE_KNOWN) {
            r->known++;
        } else if (rc == DT_STORE_COPY) {
            r->copies++;
        } else if (rc < 0) {
            r->rc = rc;
        }
    }
    result_free(res);
    show_progress(r, false);
    return b->rc ? b->rc : r->rc;
}

/* The gathered document: known, a copy (stored without coding), or queued for coding. */
static int finish_pending(ingest_run *r)
{
    pending *p = &r->p;
    if (!p->open)
        return 0;
    r->docs++;
    const char *text = p->text.data ? p->text.data : "";
    dt_store_doc doc = {p->source, p->record, p->url, p->title, p->date, p->date_source, p->format,
                        dt_text_hash(text, p->text.len)};
    int64_t id;
    int rc = dt_store_find_doc(r->store, &doc, &id, &r->err);
    if (rc == DT_STORE_KNOWN) {
        r->known++;
    } else if (rc == DT_STORE_COPY) {
        rc = dt_store_add_doc(r->store, &doc, NULL, 0, NULL, 0, &id, &r->err);
        r->copies += rc == DT_STORE_COPY;
    } else if (rc == DT_STORE_NEW) {
        /* Its records, in order: the first carries the document's id (the record key) and
         * headline, the others continue it. */
        size_t from = 0;
        for (size_t i = 0; i < p->nparts && rc >= 0; i++) {
            dt_doc part;
            memset(&part, 0, sizeof(part));
            part.source = p->source;
            part.id = i == 0 ? p->record : "";
            part.group = p->group ? p->group : (p->nparts > 1 ? p->record : NULL);
            part.url = p->url;
            part.title = i == 0 ? p->title : "";
            part.date = p->date;
            part.date_source = p->date_source;
            part.format = p->format;
            part.text = text + from;
            part.text_len = p->part_end[i] - from;
            part.text_hash = doc.text_hash;
            rc = pipeline_add(r->pl, &part);
            from = p->part_end[i] + 1;
        }
        if (rc == 0 && r->rc)
            rc = r->rc;
    }
    pending_clear(p);
    show_progress(r, false);
    if (rc < 0) {
        if (!r->rc)
            r->rc = rc;
        return rc;
    }
    return 0;
}

/* Add a record: it continues the pending document or starts a new one. */
static int add_record(ingest_run *r, const dt_doc *d)
{
    pending *p = &r->p;
    bool same = p->open && d->group && p->group && strcmp(d->group, p->group) == 0 &&
                strcmp(d->date, p->date) == 0 && strcmp(d->source, p->source) == 0;
    if (!same) {
        int rc = finish_pending(r);
        if (rc)
            return rc;
        char key[64];
        const char *record = d->group ? d->group : d->id;
        if (!record || !*record) {
            if (d->line)
                snprintf(key, sizeof(key), "#%ld", d->line);
            else
                snprintf(key, sizeof(key), "@%lld", d->offset);
            record = key;
        }
        p->source = dup_or_empty(d->source);
        p->record = dup_or_empty(record);
        p->url = dup_or_empty(d->url);
        p->title = dup_or_empty(d->title);
        p->date = dup_or_empty(d->date);
        p->date_source = dup_or_empty(d->date_source);
        p->format = dup_or_empty(d->format);
        p->group = d->group ? strdup(d->group) : NULL;
        p->open = true;
        if (!p->source || !p->record || !p->url || !p->title || !p->date || !p->date_source || !p->format ||
            (d->group && !p->group))
            return DT_ENOMEM;
    } else if (!append_text(&p->text, "\n", 1)) {
        return DT_ENOMEM;
    }
    if (!append_text(&p->text, d->text ? d->text : "", d->text_len) ||
        !grow((void **)&p->part_end, &p->capparts, p->nparts + 1, sizeof(size_t)))
        return DT_ENOMEM;
    p->part_end[p->nparts++] = p->text.len;
    return 0;
}

/* Expand a directory into its files (sorted, recursively, hidden names skipped). */
typedef struct file_list {
    char **v;
    size_t n, cap;
} file_list;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool add_source(file_list *fl, const char *path, int depth)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth < 32) {
        DIR *dir = opendir(path);
        if (!dir) {
            cli_error("%s: cannot read the directory", path);
            return false;
        }
        file_list sub = {0};
        struct dirent *de;
        bool ok = true;
        while (ok && (de = readdir(dir)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            size_t n = strlen(path) + strlen(de->d_name) + 2;
            char *child = malloc(n);
            ok = child && grow((void **)&sub.v, &sub.cap, sub.n + 1, sizeof(char *));
            if (ok) {
                snprintf(child, n, "%s/%s", path, de->d_name);
                sub.v[sub.n++] = child;
            } else {
                free(child);
            }
        }
        closedir(dir);
        if (sub.n)
            qsort(sub.v, sub.n, sizeof(char *), cmp_str);
        for (size_t i = 0; i < sub.n; i++) {
            if (ok)
                ok = add_source(fl, sub.v[i], depth + 1);
            free(sub.v[i]);
        }
        free(sub.v);
        return ok;
    }
    char *copy = strdup(path);
    if (!copy || !grow((void **)&fl->v, &fl->cap, fl->n + 1, sizeof(char *))) {
        free(copy);
        return false;
    }
    fl->v[fl->n++] = copy;
    return true;
}

int cmd_ingest(int argc, char **argv)
{
    cli_dicts ds = {0};
    const char *db = CLI_DEFAULT_DB, *v;
    long long batch = 5000, threads = cli_default_threads();
    bool quiet = false, solo = false;
    file_list files = {0};
    dt_reader_opts ro = {0};
    int status = EXIT_OKAY;
    for (int i = 1; i < argc && status == EXIT_OKAY; i++) {
        int ropt = cli_reader_opt(argc, argv, &i, &ro);
        if (ropt < 0) {
            status = EXIT_USAGE;
        } else if (ropt > 0) {
            continue;
        } else if (cli_opt(argc, argv, &i, "--dict", &v)) {
            if (!v || !cli_add_dict(&ds, v))
                status = EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--db", &v)) {
            db = v;
            status = v ? EXIT_OKAY : EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--batch", &v)) {
            if (!v || !cli_parse_count("--batch", v, &batch) || batch < 1)
                status = EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--threads", &v)) {
            if (!v || !cli_parse_count("--threads", v, &threads) || threads < 1 || threads > 256) {
                cli_error("--threads needs a number from 1 to 256");
                status = EXIT_USAGE;
            }
        } else if (strcmp(argv[i], "--solo") == 0) {
            solo = true;
        } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(ingest_usage, stdout);
            fputs(cli_reader_help, stdout);
            status = -1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option %s", argv[i]);
            fputs(ingest_usage, stderr);
            status = EXIT_USAGE;
        } else if (!add_source(&files, argv[i], 0)) {
            status = EXIT_FAIL;
        }
    }
    if (status == EXIT_OKAY && files.n == 0) {
        cli_error("no SOURCE given (a file, a directory, or - for standard input)");
        fputs(ingest_usage, stderr);
        status = EXIT_USAGE;
    }
    ingest_run r;
    memset(&r, 0, sizeof(r));
    cli_diag diag = {0};
    diag.max_print = 200;
    dt_dict *d = NULL;
    if (status == EXIT_OKAY)
        status = cli_open_store(db, DT_STORE_CREATE, &r.store);
    if (status == EXIT_OKAY && !(d = cli_load_dict(&ds, &diag)))
        status = EXIT_FAIL;
    dt_coder_opts copts = {0};
    copts.solo = solo;
    if (status == EXIT_OKAY && !(r.pl = pipeline_new(d, (int)threads, &copts, ingest_work, ingest_done, &r))) {
        cli_error("out of memory");
        status = EXIT_FAIL;
    }
    size_t dict_bad = diag.errors;
    if (status == EXIT_OKAY) {
        dt_store_set_batch(r.store, (size_t)batch);
        r.progress = !quiet && cli_isatty(2);
        clock_gettime(CLOCK_MONOTONIC, &r.last);
    }
    for (size_t f = 0; f < files.n && status == EXIT_OKAY; f++) {
        dt_reader *rd = NULL;
        dt_error err = {0};
        int rc = dt_reader_open(&rd, files.v[f], &ro, &err);
        if (rc) {
            status = cli_fail(rc, &err) == EXIT_USAGE ? EXIT_USAGE : EXIT_FAIL;
            break;
        }
        dt_doc doc;
        while ((rc = dt_reader_next(rd, &doc, cli_diag_fn, &diag)) == 1)
            if ((rc = add_record(&r, &doc)) != 0)
                break;
        if (rc == 0)
            rc = finish_pending(&r);
        else
            pending_clear(&r.p);
        if (rc < 0)
            status = EXIT_FAIL;
        size_t recs, sk;
        dt_reader_counts(rd, &recs, &sk);
        r.records += recs;
        r.skipped += sk;
        dt_reader_close(rd);
    }
    /* Code and store what is queued, even after an error: nothing read is lost. */
    if (r.pl) {
        int prc = pipeline_finish(r.pl);
        if (prc && !r.rc)
            r.rc = prc;
        pipeline_free(r.pl);
    }
    if (r.rc) {
        if (r.rc == DT_ENOMEM)
            cli_error("out of memory");
        else
            cli_fail(r.rc, &r.err);
        status = EXIT_FAIL;
    }
    show_progress(&r, true);
    dt_error err = {0};
    if (r.store && dt_store_close(r.store, &err) != 0) {
        cli_fail(DT_EDB, &err);
        status = EXIT_FAIL;
    }
    if (status == EXIT_OKAY || status == EXIT_FAIL) {
        if (!quiet && (r.docs || status == EXIT_OKAY))
            fprintf(stderr,
                    "detente: %zu records in %zu documents: %zu stored (%zu sentences, %zu events), %zu already "
                    "stored, %zu copies of stored documents; %zu records skipped%s\n",
                    r.records, r.docs, r.stored, r.sentences, r.events, r.known, r.copies, r.skipped,
                    dict_bad ? " (and some dictionary lines, see above)" : "");
    }
    if (status == EXIT_OKAY && (r.skipped || dict_bad))
        status = EXIT_SKIPPED;
    pending_clear(&r.p);
    free(r.p.text.data);
    free(r.p.part_end);
    dt_dict_free(d);
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    free(files.v);
    return status < 0 ? EXIT_OKAY : status;
}

/* ---------------------------------------------------------------- recode */

static const char recode_usage[] =
    "usage: detente recode [--db PATH] [--dict SPEC]... [--solo] [--batch N] [-q]\n"
    "Codes every stored document again with the dictionaries (the bundled ones unless --dict is\n"
    "given) and replaces its events, one transaction per batch of documents.\n";

int cmd_recode(int argc, char **argv)
{
    cli_dicts ds = {0};
    const char *db = CLI_DEFAULT_DB, *v;
    long long batch = 5000;
    bool quiet = false, solo = false;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--dict", &v)) {
            if (!v || !cli_add_dict(&ds, v))
                return EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--db", &v)) {
            if (!v)
                return EXIT_USAGE;
            db = v;
        } else if (cli_opt(argc, argv, &i, "--batch", &v)) {
            if (!v || !cli_parse_count("--batch", v, &batch) || batch < 1)
                return EXIT_USAGE;
        } else if (strcmp(argv[i], "--solo") == 0) {
            solo = true;
        } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(recode_usage, stdout);
            return EXIT_OKAY;
        } else {
            cli_error(argv[i][0] == '-' ? "unknown option %s" : "unexpected argument %s", argv[i]);
            fputs(recode_usage, stderr);
            return EXIT_USAGE;
        }
    }
    dt_store *s = NULL;
    int status = cli_open_store(db, 0, &s);
    if (status)
        return status;
    cli_diag diag = {0};
    dt_dict *d = cli_load_dict(&ds, &diag);
    dt_coder *c = NULL;
    dt_coder_opts copts = {0};
    copts.solo = solo;
    if (!d || dt_coder_new(&c, d, &copts)) {
        if (d)
            cli_error("out of memory");
        dt_dict_free(d);
        dt_store_close(s, NULL);
        return EXIT_FAIL;
    }
    dt_store_set_batch(s, (size_t)batch);
    coded_doc cd = {0};
    dt_stored_doc doc;
    dt_error err = {0};
    int64_t after = 0;
    size_t docs = 0, before = 0, now = 0;
    int rc;
    while ((rc = dt_store_next_doc(s, after, &doc, &err)) == 1) {
        after = doc.id;
        if (!grow((void **)&cd.sents, &cd.capsents, doc.nsentences, sizeof(dt_slice))) {
            rc = DT_ENOMEM;
            break;
        }
        memcpy(cd.sents, doc.sentences, doc.nsentences * sizeof(dt_slice));
        cd.nsents = doc.nsentences;
        before += doc.nevents;
        rc = code_sentences(c, doc.date, &cd);
        if (rc == 0)
            rc = dt_store_replace_events(s, doc.id, cd.ev, cd.nev, &err);
        if (rc)
            break;
        now += cd.nev;
        docs++;
    }
    if (rc < 0) {
        cli_fail(rc, &err);
        status = EXIT_FAIL;
    }
    if (dt_store_close(s, &err) != 0 && status == EXIT_OKAY)
        status = cli_fail(DT_EDB, &err);
    if (!quiet && status == EXIT_OKAY)
        fprintf(stderr, "detente: %zu documents re-coded: %zu events before, %zu now\n", docs, before, now);
    if (status == EXIT_OKAY && diag.errors)
        status = EXIT_SKIPPED;
    coded_free(&cd);
    dt_coder_free(c);
    dt_dict_free(d);
    return status;
}
