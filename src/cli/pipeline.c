/* pipeline.c — a reader on the calling thread, N coding threads with a coder each, and
 * delivery of finished batches in input order (see pipeline.h). */
#include "pipeline.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_RECORDS 512
#define BATCH_BYTES (4u << 20)
#define NO_STRING SIZE_MAX
#define SPARE_BATCHES 8

struct pipeline {
    const dt_dict *d;
    int nthreads, ncoders;
    pl_work_fn work;
    pl_done_fn done;
    void *ctx;
    pl_batch *cur;
    long next_seq, next_deliver;
    int rc;
    /* single-threaded */
    dt_coder *coder;
    /* threaded */
    pthread_t *threads;
    dt_coder **coders;
    pthread_mutex_t mu;
    pthread_cond_t cv_work, cv_done;
    pl_batch **queue;       /* submitted, not yet taken (FIFO ring) */
    size_t qhead, qlen, qcap;
    pl_batch **finished;    /* taken and done, waiting for delivery */
    size_t nfinished;
    size_t in_flight, max_in_flight;
    bool stop;
    /* delivered batches kept for reuse, with their memory (calling thread only) */
    pl_batch *spare[SPARE_BATCHES];
    size_t nspare;
};

static void batch_free(pl_batch *b)
{
    if (!b)
        return;
    free(b->recs);
    free(b->mem);
    free(b->out.data);
    free(b);
}

/* Copy a string into the batch memory; returns its offset (NO_STRING for NULL). */
static size_t put_str(pl_batch *b, const char *s, size_t n, bool *oom)
{
    if (!s)
        return NO_STRING;
    if (b->memlen + n + 1 > b->memcap) {
        size_t nc = b->memcap ? b->memcap * 2 : 65536;
        while (nc < b->memlen + n + 1)
            nc *= 2;
        char *m = realloc(b->mem, nc);
        if (!m) {
            *oom = true;
            return NO_STRING;
        }
        b->mem = m;
        b->memcap = nc;
    }
    size_t off = b->memlen;
    memcpy(b->mem + off, s, n);
    b->mem[off + n] = 0;
    b->memlen += n + 1;
    return off;
}

#define OFF(p) ((size_t)(uintptr_t)(p))
#define AS_OFF(o) ((char *)(uintptr_t)(o))

/* Turn the stored offsets into pointers (the memory no longer moves). */
static void batch_seal(pl_batch *b)
{
    for (size_t i = 0; i < b->nrecs; i++) {
        pl_record *r = &b->recs[i];
        char **f[] = {&r->id, &r->date, &r->group, &r->source, &r->url, &r->title, &r->date_source, &r->format, &r->text};
        for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++)
            *f[k] = OFF(*f[k]) == NO_STRING ? NULL : b->mem + OFF(*f[k]);
    }
}

/* A delivered batch goes back to the spare list with its memory: the next batches reuse
 * the grown buffers instead of growing fresh ones (each new buffer is new pages for the
 * kernel to fault in). */
static void batch_recycle(pipeline *p, pl_batch *b)
{
    if (!b)
        return;
    if (p->nspare == SPARE_BATCHES) {
        batch_free(b);
        return;
    }
    b->nrecs = b->memlen = b->out.len = 0;
    b->result = NULL;
    b->sentences = b->events = b->docs = 0;
    b->rc = 0;
    p->spare[p->nspare++] = b;
}

static pl_batch *batch_new(pipeline *p)
{
    return p->nspare ? p->spare[--p->nspare] : calloc(1, sizeof(pl_batch));
}

static void *worker(void *arg);

pipeline *pipeline_new(const dt_dict *d, int threads, const dt_coder_opts *opts, pl_work_fn work, pl_done_fn done,
                       void *ctx)
{
    pipeline *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->d = d;
    p->nthreads = threads < 1 ? 1 : threads;
    p->work = work;
    p->done = done;
    p->ctx = ctx;
    if (p->nthreads == 1) {
        if (dt_coder_new(&p->coder, d, opts)) {
            free(p);
            return NULL;
        }
        return p;
    }
    p->max_in_flight = (size_t)p->nthreads * 3;
    p->qcap = p->max_in_flight + 1;
    p->queue = calloc(p->qcap, sizeof(*p->queue));
    p->finished = calloc(p->max_in_flight + 1, sizeof(*p->finished));
    p->threads = calloc((size_t)p->nthreads, sizeof(*p->threads));
    p->coders = calloc((size_t)p->nthreads, sizeof(*p->coders));
    if (!p->queue || !p->finished || !p->threads || !p->coders)
        goto fail;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv_work, NULL);
    pthread_cond_init(&p->cv_done, NULL);
    for (int i = 0; i < p->nthreads; i++) {
        if (dt_coder_new(&p->coders[i], d, opts))
            goto fail;
        p->ncoders++;
    }
    for (int i = 0; i < p->nthreads; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0) {
            /* run with the threads that did start */
            p->nthreads = i;
            break;
        }
    }
    if (p->nthreads == 0)
        goto fail;
    return p;
fail:
    if (p->coders)
        for (int i = 0; i < p->ncoders; i++)
            dt_coder_free(p->coders[i]);
    free(p->coders);
    free(p->threads);
    free(p->queue);
    free(p->finished);
    free(p);
    return NULL;
}

static void *worker(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    /* Each thread takes the next free coder. */
    int me = -1;
    for (int i = 0; i < p->ncoders && me < 0; i++)
        if (p->coders[i]) {
            me = i;
        }
    dt_coder *coder = p->coders[me];
    p->coders[me] = NULL;
    for (;;) {
        while (!p->stop && p->qlen == 0)
            pthread_cond_wait(&p->cv_work, &p->mu);
        if (p->qlen == 0 && p->stop)
            break;
        pl_batch *b = p->queue[p->qhead];
        p->qhead = (p->qhead + 1) % p->qcap;
        p->qlen--;
        pthread_mutex_unlock(&p->mu);
        b->rc = p->work(p->ctx, coder, b);
        pthread_mutex_lock(&p->mu);
        p->finished[p->nfinished++] = b;
        pthread_cond_broadcast(&p->cv_done);
    }
    p->coders[me] = coder;
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Deliver finished batches in order; with wait_for_one, block until at least the next
 * one is delivered (or all work is done). Called with the lock held. */
static void deliver(pipeline *p, bool wait_for_one)
{
    for (;;) {
        bool delivered = false;
        for (size_t i = 0; i < p->nfinished; i++) {
            pl_batch *b = p->finished[i];
            if (b->seq != p->next_deliver)
                continue;
            p->finished[i] = p->finished[--p->nfinished];
            pthread_mutex_unlock(&p->mu);
            int rc = p->done(p->ctx, b); /* it sees b->rc, and frees b->result either way */
            if (!rc)
                rc = b->rc;
            if (rc && !p->rc)
                p->rc = rc;
            batch_recycle(p, b);
            pthread_mutex_lock(&p->mu);
            p->next_deliver++;
            p->in_flight--;
            delivered = true;
            i = (size_t)-1; /* look again from the start */
        }
        if (!wait_for_one || delivered || p->in_flight == 0)
            return;
        pthread_cond_wait(&p->cv_done, &p->mu);
    }
}

static int submit(pipeline *p)
{
    pl_batch *b = p->cur;
    p->cur = NULL;
    if (!b)
        return 0;
    batch_seal(b);
    b->seq = p->next_seq++;
    if (p->nthreads == 1 && !p->threads) {
        b->rc = p->work(p->ctx, p->coder, b);
        int rc = p->done(p->ctx, b); /* it sees b->rc, and frees b->result either way */
        if (!rc)
            rc = b->rc;
        if (rc && !p->rc)
            p->rc = rc;
        batch_recycle(p, b);
        return p->rc;
    }
    pthread_mutex_lock(&p->mu);
    while (p->in_flight >= p->max_in_flight)
        deliver(p, true);
    p->queue[(p->qhead + p->qlen) % p->qcap] = b;
    p->qlen++;
    p->in_flight++;
    pthread_cond_signal(&p->cv_work);
    deliver(p, false);
    pthread_mutex_unlock(&p->mu);
    return p->rc;
}

int pipeline_add(pipeline *p, const dt_doc *doc)
{
    if (p->cur && (p->cur->nrecs >= BATCH_RECORDS || p->cur->memlen >= BATCH_BYTES)) {
        /* Never split a group of records that form one document. */
        const pl_record *last = &p->cur->recs[p->cur->nrecs - 1];
        bool same_group = doc->group && OFF(last->group) != NO_STRING &&
                          strcmp(p->cur->mem + OFF(last->group), doc->group) == 0;
        if (!same_group) {
            int rc = submit(p);
            if (rc)
                return rc;
        }
    }
    if (!p->cur) {
        p->cur = batch_new(p);
        if (!p->cur)
            return DT_ENOMEM;
    }
    pl_batch *b = p->cur;
    if (b->nrecs == b->caprecs) {
        size_t nc = b->caprecs ? b->caprecs * 2 : 64;
        pl_record *r = realloc(b->recs, nc * sizeof(*r));
        if (!r)
            return DT_ENOMEM;
        b->recs = r;
        b->caprecs = nc;
    }
    bool oom = false;
    pl_record r;
    memset(&r, 0, sizeof(r));
    r.id = AS_OFF(put_str(b, doc->id, doc->id ? strlen(doc->id) : 0, &oom));
    r.date = AS_OFF(put_str(b, doc->date, doc->date ? strlen(doc->date) : 0, &oom));
    r.group = AS_OFF(put_str(b, doc->group, doc->group ? strlen(doc->group) : 0, &oom));
    r.source = AS_OFF(put_str(b, doc->source, doc->source ? strlen(doc->source) : 0, &oom));
    r.url = AS_OFF(put_str(b, doc->url, doc->url ? strlen(doc->url) : 0, &oom));
    r.title = AS_OFF(put_str(b, doc->title, doc->title ? strlen(doc->title) : 0, &oom));
    r.date_source = AS_OFF(put_str(b, doc->date_source, doc->date_source ? strlen(doc->date_source) : 0, &oom));
    r.format = AS_OFF(put_str(b, doc->format, doc->format ? strlen(doc->format) : 0, &oom));
    r.text = AS_OFF(put_str(b, doc->text ? doc->text : "", doc->text_len, &oom));
    r.text_len = doc->text_len;
    r.text_hash = doc->text_hash;
    if (oom)
        return DT_ENOMEM;
    b->recs[b->nrecs++] = r;
    return 0;
}

int pipeline_finish(pipeline *p)
{
    int rc = submit(p);
    if (p->threads) {
        pthread_mutex_lock(&p->mu);
        while (p->in_flight > 0)
            deliver(p, true);
        p->stop = true;
        pthread_cond_broadcast(&p->cv_work);
        pthread_mutex_unlock(&p->mu);
        for (int i = 0; i < p->nthreads; i++)
            pthread_join(p->threads[i], NULL);
        free(p->threads);
        p->threads = NULL;
    }
    return rc ? rc : p->rc;
}

void pipeline_free(pipeline *p)
{
    if (!p)
        return;
    if (p->threads)
        (void)pipeline_finish(p);
    batch_free(p->cur);
    for (size_t i = 0; i < p->nspare; i++)
        batch_free(p->spare[i]);
    dt_coder_free(p->coder);
    if (p->coders) {
        for (int i = 0; i < p->ncoders; i++)
            dt_coder_free(p->coders[i]);
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->cv_work);
        pthread_cond_destroy(&p->cv_done);
    }
    free(p->coders);
    free(p->queue);
    free(p->finished);
    free(p);
}

int pipeline_code_batch(dt_coder *coder, pl_batch *b, pl_emit_fn emit, void *ctx)
{
    const char *group = NULL, *date = NULL;
    for (size_t i = 0; i < b->nrecs; i++) {
        const pl_record *r = &b->recs[i];
        bool same_doc = r->group && group && strcmp(r->group, group) == 0 && date && r->date &&
                        strcmp(r->date, date) == 0;
        if (!same_doc) {
            if (dt_coder_begin_doc(coder, r->date) != 0 && dt_coder_begin_doc(coder, NULL) != 0)
                return DT_EINVAL;
            b->docs++;
        }
        group = r->group;
        date = r->date;
        size_t before;
        dt_coder_events(coder, &before);
        int first = dt_coder_sentence_count(coder);
        /* A headline is a sentence of the article too (its sentence 0), unless the text
         * already starts with it. */
        int rc;
        if (r->title && *r->title && strncmp(r->text, r->title, strlen(r->title)) != 0 &&
            (rc = dt_coder_code(coder, r->title, strlen(r->title), 1)) < 0)
            return rc;
        rc = dt_coder_code(coder, r->text, r->text_len, 0);
        if (rc < 0)
            return rc;
        size_t n;
        const dt_event *ev = dt_coder_events(coder, &n);
        /* A story discard empties the document's events. */
        if (n < before)
            before = 0;
        b->sentences += (size_t)(dt_coder_sentence_count(coder) - first);
        b->events += n - before;
        /* (ev is NULL when the coder holds no events: no offset on it then) */
        if ((rc = emit(ctx, b, r, n > before ? ev + before : NULL, n - before, first)))
            return rc;
    }
    return 0;
}
