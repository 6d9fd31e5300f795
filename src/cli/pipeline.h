/* pipeline.h — batches of documents coded on N threads and handed back in input order,
 * so the output is the same bytes whatever the number of threads. */
#ifndef DT_PIPELINE_H
#define DT_PIPELINE_H

#include "detente.h"

#include <stdbool.h>

/* One input record, copied out of the reader. */
typedef struct pl_record {
    char *id, *date, *group, *source, *url, *title, *date_source, *format;
    char *text;
    size_t text_len;
    uint64_t text_hash;
} pl_record;

typedef struct pl_batch {
    long seq;
    pl_record *recs;
    size_t nrecs, caprecs;
    char *mem;              /* one allocation for the record strings */
    size_t memlen, memcap;
    dt_strbuf out;          /* what the worker produced (formatted events, ...) */
    void *result;           /* or a structured result, owned by the work callback */
    size_t sentences, events, docs;
    int rc;
} pl_batch;

/* Called on a worker thread with that worker's coder; fills b->out / b->result. */
typedef int (*pl_work_fn)(void *ctx, dt_coder *coder, pl_batch *b);
/* Called on the calling thread, in input order, for each finished batch, also when the
 * work failed (b->rc != 0: release b->result and return). */
typedef int (*pl_done_fn)(void *ctx, pl_batch *b);

typedef struct pipeline pipeline;

/* threads <= 1 codes on the calling thread. Returns NULL on failure. */
pipeline *pipeline_new(const dt_dict *d, int threads, const dt_coder_opts *opts, pl_work_fn work,
                       pl_done_fn done, void *ctx);
/* Queue a document (copied). Consecutive records with the same group stay together. */
int pipeline_add(pipeline *p, const dt_doc *doc);
/* Finish all queued work and hand back every batch. Returns the first error. */
int pipeline_finish(pipeline *p);
void pipeline_free(pipeline *p);

/* Code the records of a batch with one coder: documents are grouped as `detente code`
 * does; for each record, calls emit(ctx, record, events, n, first_sentence). */
typedef int (*pl_emit_fn)(void *ctx, pl_batch *b, const pl_record *r, const dt_event *ev, size_t n,
                          int first_sentence);
int pipeline_code_batch(dt_coder *coder, pl_batch *b, pl_emit_fn emit, void *ctx);

#endif
