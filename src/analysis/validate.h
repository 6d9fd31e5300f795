/* validate.h — internal interface of the validation-suite runner: one record with its
 * expectations, checked by validate.c; suites read by validate_tabari.c (Validate.text)
 * and validate_petrarch.c (PETR.UnitTest.records.xml). */
#ifndef DT_VALIDATE_H
#define DT_VALIDATE_H

#include "../coder/tabari.h"

#define V_MAX_EXPECT 64

typedef struct vexp {
    char src[64], tgt[64], code[32];
} vexp;

typedef struct vrec {
    char id[160];
    char date[16];          /* YYYY-MM-DD, "" when unknown */
    const char *text;
    size_t len;
    vexp exp[V_MAX_EXPECT];
    int nexp;
    bool exp_none, exp_discard, exp_complex;
    bool partial;           /* "-{": events beyond those listed are not checked */
    int32_t exp_day;        /* date after the first expected event (time shifting), DATE_NONE */
    bool options_only;      /* the record only changes options: it passes when they apply */
    bool options_bad;       /* one of them was not understood */
    const char *skip_why;   /* not checked, and why */
} vrec;

typedef struct vrun {
    dt_coder *c;
    const dt_dict *d;
    int flags;
    buf *out;
    dt_validate_totals *tot;
    const char *path;
    dt_diag_fn diag;
    void *user;
} vrun;

/* Code r->text with the run's coder and compare; writes one line and counts it. */
int vrun_record(vrun *v, vrec *r);
/* Count and report a record that is not checked. */
void vrun_skip(vrun *v, const vrec *r, const char *why);

/* Suites. Each loads its dictionaries (or uses dict_specs), makes a coder and calls
 * vrun_record for every record. */
int validate_tabari(const char *path, const char *text, size_t len, const char *const *specs, size_t nspecs,
                    vrun *v, dt_error *err);
int validate_petrarch(const char *path, const char *text, size_t len, const char *const *specs,
                      size_t nspecs, vrun *v, dt_error *err);

/* Load dictionaries for a suite and make the coder (v->c, v->d). */
int vrun_open(vrun *v, const char *const *specs, size_t n, dt_error *err);
void vrun_close(vrun *v);

#endif
