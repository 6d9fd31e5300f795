/* roadmap.c — read a roadmap file (docs/roadmaps.md) and evaluate it day by day over an
 * event stream: each stage is met, pending or broken, with the events that decided it. */
#include "roadmap.h"

#include <strings.h>

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- parsing */

typedef struct rparse {
    dt_roadmap *r;
    const char *name;
    long line;
    dt_error *err;
} rparse;

static int fail(rparse *p, long col, const char *fmt, const char *arg)
{
    char msg[400];
    snprintf(msg, sizeof(msg), fmt, arg ? arg : "");
    err_set(p->err, DT_EPARSE, p->name, p->line, col, "%s", msg);
    return DT_EPARSE;
}

/* Words of a line: blanks separate, "quoted text" is one word, ',' separates too. */
typedef struct words {
    dt_slice w[64];
    size_t col[64];
    int n;
} words;

static void split_words(const char *s, size_t n, words *out)
{
    out->n = 0;
    size_t i = 0;
    while (i < n && out->n < 64) {
        while (i < n && (is_space((unsigned char)s[i]) || s[i] == ','))
            i++;
        if (i >= n || s[i] == '#')
            break;
        size_t st = i;
        if (s[i] == '"') {
            i++;
            st = i;
            while (i < n && s[i] != '"')
                i++;
            out->col[out->n] = st;
            out->w[out->n++] = (dt_slice){s + st, i - st};
            if (i < n)
                i++;
            continue;
        }
        while (i < n && !is_space((unsigned char)s[i]) && s[i] != ',')
            i++;
        out->col[out->n] = st;
        out->w[out->n++] = (dt_slice){s + st, i - st};
    }
}

static bool word_is(dt_slice w, const char *s) { return str_ieq(w.ptr, w.len, s); }

static void copy_word(char *dst, size_t cap, dt_slice w)
{
    size_t n = DT_MIN(w.len, cap - 1);
    memcpy(dst, w.ptr, n);
    dst[n] = 0;
}

static bool valid_code_spec(dt_slice w)
{
    if (!w.len || w.len > 40)
        return false;
    for (size_t i = 0; i < w.len; i++) {
        char c = w.ptr[i];
        if (!(is_alnum((unsigned char)c) || (c == '*' && i == w.len - 1)))
            return false;
    }
    return true;
}

static int parse_date_word(rparse *p, const words *ws, int k, int32_t *day)
{
    if (k >= ws->n)
        return fail(p, 0, "%s", "expected a date YYYY-MM-DD");
    if (dt_date_parse(ws->w[k].ptr, ws->w[k].len, day)) {
        char tmp[64];
        copy_word(tmp, sizeof(tmp), ws->w[k]);
        return fail(p, (long)ws->col[k] + 1, "bad date \"%s\" (expected YYYY-MM-DD)", tmp);
    }
    return 0;
}

/* An end of a condition: a declared actor, "any", "none", or actor codes (PRK*, PRKGOV). */
static int parse_side(rparse *p, const words *ws, int k, rm_side *side)
{
    memset(side, 0, sizeof(*side));
    dt_slice w = ws->w[k];
    if (word_is(w, "any")) {
        side->any = true;
        return 0;
    }
    if (word_is(w, "none")) {
        side->none = true;
        return 0;
    }
    for (int a = 0; a < p->r->nactors; a++)
        if (strlen(p->r->actors[a].name) == w.len && memcmp(p->r->actors[a].name, w.ptr, w.len) == 0) {
            *side = p->r->actors[a].side;
            return 0;
        }
    /* codes joined by '|': PRK*|KOR* */
    size_t st = 0;
    for (size_t i = 0; i <= w.len; i++) {
        if (i < w.len && w.ptr[i] != '|')
            continue;
        dt_slice c = {w.ptr + st, i - st};
        /* Actor codes have at least three letters (PRK, PRK*, IGOUNO). */
        size_t letters = c.len && c.ptr[c.len - 1] == '*' ? c.len - 1 : c.len;
        if (!valid_code_spec(c) || letters < 3 || !is_upper((unsigned char)c.ptr[0]) || side->ncodes >= RM_MAX_LIST) {
            char tmp[64];
            copy_word(tmp, sizeof(tmp), w);
            return fail(p, (long)ws->col[k] + 1,
                        "unknown actor \"%s\" (declare it with `actor`, or write codes such as PRK* or PRKGOV, "
                        "any, none)",
                        tmp);
        }
        copy_word(side->codes[side->ncodes++], sizeof(side->codes[0]), c);
        st = i + 1;
    }
    return 0;
}

static int parse_list(rparse *p, const words *ws, int *k, char (*dst)[8], int *n, bool roots)
{
    int start = *k;
    while (*k < ws->n) {
        dt_slice w = ws->w[*k];
        /* a list ends at the next keyword */
        if (word_is(w, "code") || word_is(w, "codes") || word_is(w, "root") || word_is(w, "roots") ||
            word_is(w, "quad") || word_is(w, "issue") || word_is(w, "issues") || word_is(w, "count") ||
            word_is(w, "for") || word_is(w, "within"))
            break;
        bool ok = w.len >= 2 && w.len <= 5 && valid_code_spec(w);
        for (size_t i = 0; ok && i < w.len; i++)
            ok = is_digit((unsigned char)w.ptr[i]) || (w.ptr[i] == '*' && i == w.len - 1);
        if (roots)
            ok = ok && w.len == 2;
        if (!ok || *n >= RM_MAX_LIST) {
            char tmp[64];
            copy_word(tmp, sizeof(tmp), w);
            return fail(p, (long)ws->col[*k] + 1,
                        roots ? "bad root \"%s\" (two digits, 01 to 20)" : "bad event code \"%s\" (digits, or a prefix like 19*)",
                        tmp);
        }
        if (roots)
            snprintf(dst[(*n)++], 8, "%.2s*", w.ptr);
        else
            copy_word(dst[(*n)++], 8, w);
        (*k)++;
    }
    if (*k == start)
        return fail(p, 0, "%s", "a code or root list is empty");
    return 0;
}

static int parse_number(rparse *p, const words *ws, int k, int *out, int lo, int hi)
{
    long v;
    if (k >= ws->n || !str_to_long(ws->w[k].ptr, ws->w[k].len, &v) || v < lo || v > hi)
        return fail(p, k < ws->n ? (long)ws->col[k] + 1 : 0, "%s", "expected a number");
    *out = (int)v;
    return 0;
}

static int parse_cond(rparse *p, rm_stage *st, const words *ws, const char *line, size_t linelen)
{
    rm_cond c;
    memset(&c, 0, sizeof(c));
    c.kind = word_is(ws->w[0], "require") ? RM_REQUIRE : RM_FORBID;
    c.line = (int)p->line;
    c.count = 1;
    snprintf(c.text, sizeof(c.text), "%.*s", (int)DT_MIN(linelen, 250), line);
    if (ws->n < 4)
        return fail(p, 0, "%s", "expected: require|forbid ACTOR -> ACTOR [code ...] [issue ...] ...");
    int rc;
    if ((rc = parse_side(p, ws, 1, &c.a)))
        return rc;
    dt_slice d = ws->w[2];
    if (word_is(d, "->"))
        c.dir = RM_FORWARD;
    else if (word_is(d, "<-"))
        c.dir = RM_BACKWARD;
    else if (word_is(d, "<>") || word_is(d, "<->"))
        c.dir = RM_EITHER;
    else
        return fail(p, (long)ws->col[2] + 1, "%s", "expected ->, <- or <> between the two actors");
    if ((rc = parse_side(p, ws, 3, &c.b)))
        return rc;
    int k = 4;
    while (k < ws->n) {
        dt_slice w = ws->w[k++];
        if (word_is(w, "code") || word_is(w, "codes")) {
            if ((rc = parse_list(p, ws, &k, c.codes, &c.ncodes, false)))
                return rc;
        } else if (word_is(w, "root") || word_is(w, "roots")) {
            if ((rc = parse_list(p, ws, &k, c.codes, &c.ncodes, true)))
                return rc;
        } else if (word_is(w, "quad")) {
            while (k < ws->n && ws->w[k].len == 1 && ws->w[k].ptr[0] >= '1' && ws->w[k].ptr[0] <= '4' && c.nquads < 4)
                c.quads[c.nquads++] = ws->w[k++].ptr[0] - '0';
            if (!c.nquads)
                return fail(p, 0, "%s", "quad needs classes 1 to 4");
        } else if (word_is(w, "issue") || word_is(w, "issues")) {
            while (k < ws->n && c.nissues < RM_MAX_LIST && is_upper((unsigned char)ws->w[k].ptr[0]) &&
                   valid_code_spec(ws->w[k]))
                copy_word(c.issues[c.nissues++], sizeof(c.issues[0]), ws->w[k++]);
            if (!c.nissues)
                return fail(p, 0, "%s", "issue needs tags such as MISSILE");
        } else if (word_is(w, "count")) {
            if (c.kind != RM_REQUIRE)
                return fail(p, (long)ws->col[k - 1] + 1, "%s", "count belongs to require");
            if ((rc = parse_number(p, ws, k++, &c.count, 1, 100000)))
                return rc;
        } else if (word_is(w, "for") || word_is(w, "within")) {
            bool for_kw = word_is(w, "for");
            if (for_kw != (c.kind == RM_FORBID))
                return fail(p, (long)ws->col[k - 1] + 1, "%s",
                            "forbid takes `for N days` (the quiet window); require takes `within N days`");
            if ((rc = parse_number(p, ws, k++, &c.days, 1, 100000)))
                return rc;
            if (k < ws->n && (word_is(ws->w[k], "days") || word_is(ws->w[k], "day")))
                k++;
        } else {
            char tmp[64];
            copy_word(tmp, sizeof(tmp), w);
            return fail(p, (long)ws->col[k - 1] + 1,
                        "unexpected \"%s\" (expected code, root, quad, issue, count, for or within)", tmp);
        }
    }
    if (c.kind == RM_FORBID && !c.days)
        return fail(p, 0, "%s", "forbid needs a window: for N days");
    rm_cond *nc = realloc(st->conds, (size_t)(st->nconds + 1) * sizeof(*nc));
    if (!nc)
        return DT_ENOMEM;
    st->conds = nc;
    st->conds[st->nconds++] = c;
    return 0;
}

static int parse_line(rparse *p, const char *s, size_t n)
{
    dt_roadmap *r = p->r;
    words ws;
    split_words(s, n, &ws);
    if (ws.n == 0)
        return 0;
    dt_slice kw = ws.w[0];
    rm_stage *cur = r->nstages ? &r->stages[r->nstages - 1] : NULL;
    int rc;
    if (word_is(kw, "roadmap")) {
        dt_slice t = str_trim(s + ws.col[0] + kw.len, n - ws.col[0] - kw.len);
        if (t.len && t.ptr[0] == '"' && ws.n > 1)
            t = ws.w[1];
        copy_word(r->title, sizeof(r->title), t);
        return 0;
    }
    if (word_is(kw, "start"))
        return parse_date_word(p, &ws, 1, &r->start);
    if (word_is(kw, "end"))
        return parse_date_word(p, &ws, 1, &r->end);
    if (word_is(kw, "actor")) {
        if (ws.n < 4 || !word_is(ws.w[2], "=") || r->nactors >= (int)DT_ARRAY_LEN(r->actors))
            return fail(p, 0, "%s", "expected: actor NAME = CODES (e.g. actor NK = PRK*)");
        struct rm_actor *a = &r->actors[r->nactors];
        copy_word(a->name, sizeof(a->name), ws.w[1]);
        memset(&a->side, 0, sizeof(a->side));
        for (int k = 3; k < ws.n; k++) {
            if (word_is(ws.w[k], "named")) {
                /* the rest: names, one of which the actor's words must contain */
                if (k + 1 >= ws.n)
                    return fail(p, (long)ws.col[k] + 1, "%s", "expected names after `named` (e.g. named \"Kim Jong Un\")");
                for (int q = k + 1; q < ws.n; q++) {
                    if (a->side.nnames >= (int)DT_ARRAY_LEN(a->side.names))
                        return fail(p, (long)ws.col[q] + 1, "%s", "at most 8 names");
                    copy_word(a->side.names[a->side.nnames++], sizeof(a->side.names[0]), ws.w[q]);
                }
                break;
            }
            rm_side one;
            if ((rc = parse_side(p, &ws, k, &one)))
                return rc;
            for (int q = 0; q < one.ncodes && a->side.ncodes < RM_MAX_LIST; q++)
                memcpy(a->side.codes[a->side.ncodes++], one.codes[q], sizeof(one.codes[q]));
            a->side.any |= one.any;
        }
        r->nactors++;
        return 0;
    }
    if (word_is(kw, "stage")) {
        if (ws.n < 2)
            return fail(p, 0, "%s", "expected: stage ID \"Title\"");
        rm_stage *ns = realloc(r->stages, (size_t)(r->nstages + 1) * sizeof(*ns));
        if (!ns)
            return DT_ENOMEM;
        r->stages = ns;
        rm_stage *st = &r->stages[r->nstages];
        memset(st, 0, sizeof(*st));
        copy_word(st->id, sizeof(st->id), ws.w[1]);
        for (int q = 0; q < r->nstages; q++)
            if (strcmp(r->stages[q].id, st->id) == 0)
                return fail(p, (long)ws.col[1] + 1, "stage \"%s\" is defined twice", st->id);
        if (ws.n > 2)
            copy_word(st->title, sizeof(st->title), ws.w[2]);
        else
            snprintf(st->title, sizeof(st->title), "%s", st->id);
        st->line = (int)p->line;
        st->deadline = DATE_NONE;
        r->nstages++;
        return 0;
    }
    if (!cur) {
        char tmp[64];
        copy_word(tmp, sizeof(tmp), kw);
        return fail(p, 1,
                    "unexpected \"%s\" (a roadmap has roadmap, start, end, actor and stage lines; "
                    "after, deadline, require and forbid belong to a stage)",
                    tmp);
    }
    if (word_is(kw, "after")) {
        for (int k = 1; k < ws.n; k++) {
            int found = -1;
            for (int q = 0; q < r->nstages - 1; q++)
                if (strlen(r->stages[q].id) == ws.w[k].len && memcmp(r->stages[q].id, ws.w[k].ptr, ws.w[k].len) == 0)
                    found = q;
            if (found < 0) {
                char tmp[64];
                copy_word(tmp, sizeof(tmp), ws.w[k]);
                return fail(p, (long)ws.col[k] + 1, "unknown stage \"%s\" (stages must be defined before `after` names them)",
                            tmp);
            }
            if (cur->nafter < (int)DT_ARRAY_LEN(cur->after))
                cur->after[cur->nafter++] = found;
        }
        return 0;
    }
    if (word_is(kw, "deadline"))
        return parse_date_word(p, &ws, 1, &cur->deadline);
    if (word_is(kw, "require") || word_is(kw, "forbid"))
        return parse_cond(p, cur, &ws, str_trim(s, n).ptr, str_trim(s, n).len);
    char tmp[64];
    copy_word(tmp, sizeof(tmp), kw);
    return fail(p, 1, "unknown line \"%s\" (expected after, deadline, require or forbid)", tmp);
}

int dt_roadmap_parse(dt_roadmap **out, const char *name, const char *text, size_t len, dt_error *err)
{
    *out = NULL;
    dt_roadmap *r = calloc(1, sizeof(*r));
    if (!r)
        return DT_ENOMEM;
    snprintf(r->name, sizeof(r->name), "%s", name ? name : "roadmap");
    r->start = DATE_NONE;
    r->end = DATE_NONE;
    rparse p = {r, r->name, 0, err};
    int rc = 0;
    size_t bad;
    if (!utf8_valid(text, len, &bad)) {
        err_set(err, DT_EUTF8, r->name, 0, 0, "invalid UTF-8 at byte %zu", bad);
        rc = DT_EUTF8;
    }
    for (size_t i = 0; i < len && !rc;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        p.line++;
        if (memchr(text + i, 0, e - i)) {
            err_set(err, DT_EPARSE, r->name, p.line, 0, "NUL byte in the line");
            rc = DT_EPARSE;
            break;
        }
        rc = parse_line(&p, text + i, e - i);
        i = e + 1;
    }
    p.line = 0; /* the checks below are about the whole file */
    if (!rc && r->start == DATE_NONE)
        rc = fail(&p, 0, "%s", "the roadmap needs a `start YYYY-MM-DD` line");
    if (!rc && r->nstages == 0)
        rc = fail(&p, 0, "%s", "the roadmap has no stages");
    for (int s = 0; s < r->nstages && !rc; s++)
        if (r->stages[s].nconds == 0) {
            p.line = r->stages[s].line;
            rc = fail(&p, 0, "stage \"%s\" has no require or forbid condition", r->stages[s].id);
        }
    p.line = 0;
    if (!rc && r->end != DATE_NONE && r->end < r->start)
        rc = fail(&p, 0, "%s", "the end date comes before the start date");
    if (rc) {
        dt_roadmap_free(r);
        return rc;
    }
    if (!r->title[0])
        snprintf(r->title, sizeof(r->title), "%.250s", r->name);
    *out = r;
    return 0;
}

int dt_roadmap_load(dt_roadmap **out, const char *path, dt_error *err)
{
    char *text;
    size_t len;
    int rc = file_read_all(path, 16u << 20, &text, &len, err);
    if (rc)
        return rc;
    rc = dt_roadmap_parse(out, path, text, len, err);
    free(text);
    return rc;
}

void dt_roadmap_free(dt_roadmap *r)
{
    if (!r)
        return;
    for (int s = 0; s < r->nstages; s++)
        free(r->stages[s].conds);
    free(r->stages);
    free(r);
}

/* ---------------------------------------------------------------- matching */

/* Does text contain name (ASCII case ignored)? */
static bool contains_name(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *t = text; t && *t; t++)
        if (strncasecmp(t, name, n) == 0)
            return true;
    return false;
}

static bool side_matches(const rm_side *s, const char *code, const char *text)
{
    bool empty = !code || !*code;
    if (s->any)
        return true;
    if (s->none)
        return empty;
    if (empty)
        return false;
    if (s->nnames) {
        bool named = false;
        for (int i = 0; i < s->nnames && !named; i++)
            named = contains_name(text, s->names[i]);
        if (!named)
            return false;
    }
    for (int i = 0; i < s->ncodes; i++) {
        const char *c = s->codes[i];
        size_t l = strlen(c);
        if (l && c[l - 1] == '*') {
            if (strncmp(code, c, l - 1) == 0)
                return true;
        } else if (strcmp(code, c) == 0) {
            return true;
        }
    }
    return false;
}

static bool code_matches(const rm_cond *c, const char *code)
{
    if (c->ncodes == 0)
        return true;
    for (int i = 0; i < c->ncodes; i++) {
        size_t l = strlen(c->codes[i]);
        if (c->codes[i][l - 1] == '*' ? strncmp(code, c->codes[i], l - 1) == 0 : strcmp(code, c->codes[i]) == 0)
            return true;
    }
    return false;
}

static bool has_issue(const char *issues, const char *tag)
{
    size_t tl = strlen(tag);
    for (const char *p = issues; p && *p;) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == tl && memcmp(p, tag, l) == 0)
            return true;
        p += l + (e ? 1 : 0);
    }
    return false;
}

static bool cond_matches(const rm_cond *c, const dt_roadmap_event *e)
{
    if (!code_matches(c, e->code))
        return false;
    if (c->nquads) {
        dt_cameo info;
        bool ok = false;
        if (dt_cameo_lookup(e->code, &info) == 0)
            for (int i = 0; i < c->nquads; i++)
                ok |= info.quad == c->quads[i];
        if (!ok)
            return false;
    }
    if (c->nissues) {
        bool ok = false;
        for (int i = 0; i < c->nissues && !ok; i++)
            ok = has_issue(e->issues, c->issues[i]);
        if (!ok)
            return false;
    }
    bool fwd = side_matches(&c->a, e->source, e->source_text) && side_matches(&c->b, e->target, e->target_text);
    bool back = side_matches(&c->b, e->source, e->source_text) && side_matches(&c->a, e->target, e->target_text);
    return c->dir == RM_FORWARD ? fwd : c->dir == RM_BACKWARD ? back : (fwd || back);
}

/* ---------------------------------------------------------------- evaluation */

typedef struct cstate {
    int matched;            /* require: matching events so far */
    int32_t last_violation; /* forbid: day of the latest violation */
    long violation_event;
} cstate;

static int add_transition(rm_stage_result *sr, int32_t day, int status, long event, int cond)
{
    rm_transition *h = realloc(sr->hist, (size_t)(sr->nhist + 1) * sizeof(*h));
    if (!h)
        return DT_ENOMEM;
    sr->hist = h;
    sr->hist[sr->nhist++] = (rm_transition){day, status, event, cond};
    sr->status = status;
    sr->since = day;
    if (status == RM_MET && sr->first_met == DATE_NONE)
        sr->first_met = day;
    return 0;
}

static int32_t event_day(const dt_roadmap_event *e)
{
    int32_t d;
    if (!e->date || dt_date_parse(e->date, strlen(e->date), &d))
        return DATE_NONE;
    return d;
}

typedef struct dated { int32_t day; long idx; } dated;

static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

const char *roadmap_status_name(int status)
{
    return status == RM_MET ? "met" : status == RM_BROKEN ? "broken" : "pending";
}

int roadmap_eval(const dt_roadmap *r, const dt_roadmap_event *ev, size_t n, int32_t at, rm_result *out)
{
    memset(out, 0, sizeof(*out));
    dated *order = malloc((n ? n : 1) * sizeof(*order));
    out->stages = calloc((size_t)r->nstages, sizeof(*out->stages));
    cstate **cs = calloc((size_t)r->nstages, sizeof(*cs));
    int rc = 0;
    if (!order || !out->stages || !cs) {
        rc = DT_ENOMEM;
        goto done;
    }
    out->nstages = r->nstages;
    size_t m = 0;
    int32_t last_day = r->start;
    for (size_t i = 0; i < n; i++) {
        int32_t d = event_day(&ev[i]);
        if (d == DATE_NONE)
            continue;
        order[m++] = (dated){d, (long)i};
        if (d > last_day)
            last_day = d;
    }
    qsort(order, m, sizeof(*order), cmp_dated);
    if (at == DATE_NONE)
        at = r->end != DATE_NONE ? r->end : last_day;
    out->at = at;
    for (int s = 0; s < r->nstages; s++) {
        rm_stage_result *sr = &out->stages[s];
        sr->since = DATE_NONE;
        sr->first_met = DATE_NONE;
        sr->last_violation = -1;
        cs[s] = calloc((size_t)r->stages[s].nconds, sizeof(cstate));
        if (!cs[s]) {
            rc = DT_ENOMEM;
            goto done;
        }
        for (int k = 0; k < r->stages[s].nconds; k++) {
            cs[s][k].last_violation = DATE_NONE;
            cs[s][k].violation_event = -1;
        }
    }
    size_t next = 0;
    while (next < m && order[next].day < r->start)
        next++;
    for (int32_t day = r->start; day <= at && !rc; day++) {
        /* the day's events */
        for (; next < m && order[next].day == day; next++) {
            const dt_roadmap_event *e = &ev[order[next].idx];
            for (int s = 0; s < r->nstages; s++) {
                const rm_stage *st = &r->stages[s];
                rm_stage_result *sr = &out->stages[s];
                for (int k = 0; k < st->nconds; k++) {
                    const rm_cond *c = &st->conds[k];
                    if (!cond_matches(c, e))
                        continue;
                    if (c->kind == RM_REQUIRE) {
                        if (cs[s][k].matched < c->count) {
                            long *nevd = realloc(sr->evidence, (size_t)(sr->nevidence + 1) * sizeof(long));
                            if (!nevd) {
                                rc = DT_ENOMEM;
                                goto done;
                            }
                            sr->evidence = nevd;
                            sr->evidence[sr->nevidence++] = order[next].idx;
                        }
                        cs[s][k].matched++;
                    } else {
                        cs[s][k].last_violation = day;
                        cs[s][k].violation_event = order[next].idx;
                        sr->last_violation = order[next].idx;
                        if (sr->status == RM_MET && (rc = add_transition(sr, day, RM_BROKEN, order[next].idx, k)))
                            goto done;
                    }
                }
            }
        }
        /* the stages' states at the end of the day */
        for (int s = 0; s < r->nstages; s++) {
            const rm_stage *st = &r->stages[s];
            rm_stage_result *sr = &out->stages[s];
            if (sr->status == RM_MET)
                continue;
            bool ok = true;
            int32_t activation = r->start;
            for (int q = 0; q < st->nafter; q++) {
                int32_t fm = out->stages[st->after[q]].first_met;
                if (fm != DATE_NONE && fm > activation)
                    activation = fm;
            }
            for (int k = 0; k < st->nconds && ok; k++) {
                const rm_cond *c = &st->conds[k];
                if (c->kind == RM_REQUIRE) {
                    ok = cs[s][k].matched >= c->count;
                } else {
                    int32_t quiet_from = cs[s][k].last_violation == DATE_NONE ? r->start : cs[s][k].last_violation + 1;
                    ok = day - quiet_from + 1 >= c->days;
                }
            }
            if (ok) {
                if ((rc = add_transition(sr, day, RM_MET, -1, -1)))
                    goto done;
                continue;
            }
            /* missed deadlines: a stage's own, or "within N days" of its activation */
            if (sr->status == RM_PENDING) {
                bool missed = st->deadline != DATE_NONE && day > st->deadline;
                for (int k = 0; k < st->nconds && !missed; k++) {
                    const rm_cond *c = &st->conds[k];
                    missed = c->kind == RM_REQUIRE && c->days && cs[s][k].matched < c->count &&
                             day > activation + c->days;
                }
                if (missed && (rc = add_transition(sr, day, RM_BROKEN, -1, -1)))
                    goto done;
            }
        }
    }
    /* order between stages, and notes on what a pending stage waits for */
    for (int s = 0; s < r->nstages; s++) {
        const rm_stage *st = &r->stages[s];
        rm_stage_result *sr = &out->stages[s];
        for (int q = 0; q < st->nafter; q++) {
            int32_t pre = out->stages[st->after[q]].first_met;
            if (sr->first_met != DATE_NONE && (pre == DATE_NONE || pre > sr->first_met))
                sr->out_of_order = true;
        }
        if (sr->status == RM_MET)
            continue;
        for (int k = 0; k < st->nconds; k++) {
            const rm_cond *c = &st->conds[k];
            if (c->kind == RM_REQUIRE && cs[s][k].matched < c->count) {
                snprintf(sr->note, sizeof(sr->note), "waiting for %d more event%s: %.160s", c->count - cs[s][k].matched,
                         c->count - cs[s][k].matched == 1 ? "" : "s", c->text);
                break;
            }
            if (c->kind == RM_FORBID && cs[s][k].last_violation != DATE_NONE) {
                int32_t quiet = at - cs[s][k].last_violation;
                if (quiet < c->days) {
                    char d[16];
                    dt_date_format(cs[s][k].last_violation, d, sizeof(d));
                    snprintf(sr->note, sizeof(sr->note), "quiet for %d of %d days since %s: %.160s", quiet, c->days, d,
                             c->text);
                    break;
                }
            }
        }
    }
done:
    if (cs)
        for (int s = 0; s < r->nstages; s++)
            free(cs[s]);
    free(cs);
    free(order);
    if (rc)
        roadmap_result_free(out);
    return rc;
}

void roadmap_result_free(rm_result *res)
{
    if (!res->stages)
        return;
    for (int s = 0; s < res->nstages; s++) {
        free(res->stages[s].hist);
        free(res->stages[s].evidence);
    }
    free(res->stages);
    res->stages = NULL;
    res->nstages = 0;
}
