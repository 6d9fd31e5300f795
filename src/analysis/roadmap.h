/* roadmap.h — the roadmap model, its evaluation over an event stream, and the result
 * that the text/JSON output and the HTML report share. */
#ifndef DT_ROADMAP_H
#define DT_ROADMAP_H

#include "../util/util.h"

#define RM_MAX_LIST 24

/* Which actors an end of a condition matches. */
typedef struct rm_side {
    char codes[RM_MAX_LIST][48]; /* exact codes, or prefixes ending in '*' */
    int ncodes;
    bool any;                    /* any actor (including none, for one-sided acts) */
    bool none;                   /* no target: a one-sided act */
    char names[8][48];           /* `named`: the words that named the actor must hold one */
    int nnames;
} rm_side;

enum rm_kind { RM_REQUIRE, RM_FORBID };
enum rm_dir { RM_FORWARD, RM_BACKWARD, RM_EITHER };

typedef struct rm_cond {
    int kind;                    /* enum rm_kind */
    int line;
    rm_side a, b;
    int dir;                     /* enum rm_dir */
    char codes[RM_MAX_LIST][8];  /* event codes or prefixes ending in '*' */
    int ncodes;
    int quads[4];
    int nquads;
    char issues[RM_MAX_LIST][24];
    int nissues;
    int count;                   /* require: events needed (default 1) */
    int days;                    /* forbid: the quiet window; require: "within" (0 = none) */
    char text[256];              /* the condition as written, for reports */
} rm_cond;

typedef struct rm_stage {
    char id[48];
    char title[256];
    int line;
    int after[8];                /* indices of prerequisite stages */
    int nafter;
    int32_t deadline;            /* DATE_NONE: none */
    rm_cond *conds;
    int nconds;
} rm_stage;

struct dt_roadmap {
    char name[512];
    char title[256];
    int32_t start, end;          /* end: DATE_NONE = open */
    struct rm_actor { char name[32]; rm_side side; } actors[32];
    int nactors;
    rm_stage *stages;
    int nstages;
};

/* ---------------------------------------------------------------- results */

enum rm_status { RM_PENDING = 0, RM_MET, RM_BROKEN };

typedef struct rm_transition {
    int32_t day;
    int status;                  /* the status entered */
    long event;                  /* index of the deciding event, -1 if none (a quiet window) */
    int cond;                    /* the condition that decided it, -1 */
} rm_transition;

typedef struct rm_stage_result {
    int status;
    int32_t since;               /* day of the last transition, DATE_NONE when never */
    int32_t first_met;           /* DATE_NONE when never met */
    bool out_of_order;           /* met before a prerequisite was */
    rm_transition *hist;
    int nhist;
    long *evidence;              /* events that satisfied the requirements (indices) */
    int nevidence;
    long last_violation;         /* the latest forbidden event, -1 */
    char note[256];              /* why pending, e.g. "waiting 37 more quiet days" */
} rm_stage_result;

typedef struct rm_result {
    int32_t at;                  /* the evaluation date */
    rm_stage_result *stages;
    int nstages;
} rm_result;

/* Evaluate as of day `at` (DATE_NONE: the roadmap's end or the last event). */
int roadmap_eval(const dt_roadmap *r, const dt_roadmap_event *ev, size_t n, int32_t at, rm_result *out);
void roadmap_result_free(rm_result *res);
const char *roadmap_status_name(int status);
/* A day as YYYY-MM-DD, or "-" for none (DATE_NONE); for the text, JSON and HTML output. */
void roadmap_day_label(int32_t day, char out[16]);

#endif
