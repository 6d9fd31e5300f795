/* eval.c — `detente eval`: code a gold file and score precision, recall and F1 at the
 * root and strict levels, per root code, with the misses and false alarms. */
#include "../util/json.h"
#include "../util/util.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct ekey {
    char src[48], tgt[48], code[8];
} ekey;

typedef struct counts {
    size_t tp, fp, fn;
} counts;

typedef struct item {
    char id[96];
    char text[200];
    ekey k;
    bool miss;      /* gold not coded (else: coded, not in gold) */
} item;

typedef struct ev_state {
    counts root, strict, per_root[21];
    size_t sentences, gold_events, coded_events;
    item *items;
    size_t nitems, capitems;
} ev_state;

static void root_key(const char *code, char *out, size_t cap)
{
    /* Countries: three letters; international actors: the first six. */
    size_t n = strlen(code);
    size_t keep = 3;
    if (n >= 3 && (memcmp(code, "IGO", 3) == 0 || memcmp(code, "NGO", 3) == 0))
        keep = 6;
    if (keep > n)
        keep = n;
    snprintf(out, cap, "%.*s", (int)keep, code);
}

static bool key_eq(const ekey *a, const ekey *b)
{
    return strcmp(a->src, b->src) == 0 && strcmp(a->tgt, b->tgt) == 0 && strcmp(a->code, b->code) == 0;
}

static int root_index(const char *code)
{
    if (strlen(code) < 2 || !is_digit((unsigned char)code[0]) || !is_digit((unsigned char)code[1]))
        return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

/* Multiset match of gold g[0..ng) against predictions p[0..np). */
static void score(ev_state *st, counts *c, ekey *g, size_t ng, ekey *p, size_t np, bool per_root,
                  const char *id, const char *text, bool record)
{
    bool used[512] = {0};
    bool gmatched[512] = {0};
    size_t tp = 0;
    for (size_t i = 0; i < ng && i < 512; i++) {
        for (size_t j = 0; j < np && j < 512; j++) {
            if (!used[j] && key_eq(&g[i], &p[j])) {
                used[j] = true;
                gmatched[i] = true;
                tp++;
                if (per_root)
                    st->per_root[root_index(g[i].code)].tp++;
                break;
            }
        }
    }
    c->tp += tp;
    c->fn += ng - tp;
    c->fp += np - tp;
    for (size_t i = 0; i < ng && i < 512; i++)
        if (!gmatched[i]) {
            if (per_root)
                st->per_root[root_index(g[i].code)].fn++;
            if (record) {
                item it;
                memset(&it, 0, sizeof(it));
                snprintf(it.id, sizeof(it.id), "%s", id);
                snprintf(it.text, sizeof(it.text), "%s", text);
                it.k = g[i];
                it.miss = true;
                vec_push((void **)&st->items, &st->nitems, &st->capitems, sizeof(it), &it);
            }
        }
    for (size_t j = 0; j < np && j < 512; j++)
        if (!used[j]) {
            if (per_root)
                st->per_root[root_index(p[j].code)].fp++;
            if (record) {
                item it;
                memset(&it, 0, sizeof(it));
                snprintf(it.id, sizeof(it.id), "%s", id);
                snprintf(it.text, sizeof(it.text), "%s", text);
                it.k = p[j];
                it.miss = false;
                vec_push((void **)&st->items, &st->nitems, &st->capitems, sizeof(it), &it);
            }
        }
}

static void prf(const counts *c, double *p, double *r, double *f)
{
    *p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 0.0;
    *r = c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : 0.0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static void json_counts(buf *b, const char *name, const counts *c)
{
    double p, r, f;
    prf(c, &p, &r, &f);
    buf_printf(b, "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"tp\":%zu,\"fp\":%zu,\"fn\":%zu}",
               name, p, r, f, c->tp, c->fp, c->fn);
}

static void report(const ev_state *st, int flags, buf *b)
{
    if (flags & DT_EVAL_JSON) {
        buf_printf(b, "{\"sentences\":%zu,\"gold_events\":%zu,\"coded_events\":%zu,", st->sentences,
                   st->gold_events, st->coded_events);
        json_counts(b, "root", &st->root);
        buf_putc(b, ',');
        json_counts(b, "strict", &st->strict);
        buf_puts(b, ",\"per_root\":{");
        bool first = true;
        for (int r = 1; r <= 20; r++) {
            const counts *c = &st->per_root[r];
            if (!c->tp && !c->fp && !c->fn)
                continue;
            char name[4] = {(char)('0' + r / 10), (char)('0' + r % 10), 0, 0};
            if (!first)
                buf_putc(b, ',');
            first = false;
            json_counts(b, name, c);
        }
        buf_putc(b, '}');
        if (flags & DT_EVAL_MISSES) {
            for (int pass = 0; pass < 2; pass++) {
                buf_puts(b, pass == 0 ? ",\"misses\":[" : ",\"false_alarms\":[");
                bool f2 = true;
                for (size_t i = 0; i < st->nitems; i++) {
                    const item *it = &st->items[i];
                    if (it->miss != (pass == 0))
                        continue;
                    if (!f2)
                        buf_putc(b, ',');
                    f2 = false;
                    buf_puts(b, "{\"id\":");
                    buf_json_str(b, it->id, strlen(it->id));
                    buf_puts(b, ",\"source\":");
                    buf_json_str(b, it->k.src, strlen(it->k.src));
                    buf_puts(b, ",\"target\":");
                    buf_json_str(b, it->k.tgt, strlen(it->k.tgt));
                    buf_puts(b, ",\"code\":");
                    buf_json_str(b, it->k.code, strlen(it->k.code));
                    buf_putc(b, '}');
                }
                buf_putc(b, ']');
            }
        }
        buf_puts(b, "}\n");
        return;
    }
    buf_printf(b, "%zu sentences, %zu gold events, %zu coded events\n\n", st->sentences, st->gold_events,
               st->coded_events);
    buf_puts(b, "level    precision  recall     F1    tp    fp    fn\n");
    const counts *lv[2] = {&st->root, &st->strict};
    const char *names[2] = {"root", "strict"};
    for (int i = 0; i < 2; i++) {
        double p, r, f;
        prf(lv[i], &p, &r, &f);
        buf_printf(b, "%-8s %9.3f %7.3f %6.3f %5zu %5zu %5zu\n", names[i], p, r, f, lv[i]->tp, lv[i]->fp,
                   lv[i]->fn);
    }
    buf_puts(b, "\nper root code (root level)\nroot name                              precision  recall     F1    tp    fp    fn\n");
    for (int r = 1; r <= 20; r++) {
        const counts *c = &st->per_root[r];
        if (!c->tp && !c->fp && !c->fn)
            continue;
        char code[4] = {(char)('0' + r / 10), (char)('0' + r % 10), 0, 0};
        dt_cameo info;
        (void)dt_cameo_lookup(code, &info);
        double p, rr, f;
        prf(c, &p, &rr, &f);
        buf_printf(b, "%-4s %-33.33s %9.3f %7.3f %6.3f %5zu %5zu %5zu\n", code, info.name, p, rr, f, c->tp,
                   c->fp, c->fn);
    }
    if (flags & DT_EVAL_MISSES) {
        for (int pass = 0; pass < 2; pass++) {
            buf_puts(b, pass == 0 ? "\nmisses (gold events not coded; root level)\n"
                                  : "\nfalse alarms (coded events not in the gold; root level)\n");
            for (size_t i = 0; i < st->nitems; i++) {
                const item *it = &st->items[i];
                if (it->miss != (pass == 0))
                    continue;
                buf_printf(b, "  %-12s %-8s %-8s %-4s  %s\n", it->id, it->k.src, it->k.tgt, it->k.code,
                           it->text);
            }
        }
    }
}

static size_t gold_keys(const json_value *events, ekey *rootk, ekey *strictk, size_t cap)
{
    size_t n = 0;
    if (!events || events->type != JSON_ARRAY)
        return 0;
    for (size_t i = 0; i < events->u.arr.n && n < cap; i++) {
        const json_value *e = events->u.arr.items[i];
        const char *s = json_get_str(e, "source", NULL), *t = json_get_str(e, "target", NULL),
                   *c = json_get_str(e, "code", NULL);
        if (!s || !t || !c)
            continue;
        snprintf(strictk[n].src, sizeof(strictk[n].src), "%s", s);
        snprintf(strictk[n].tgt, sizeof(strictk[n].tgt), "%s", t);
        snprintf(strictk[n].code, sizeof(strictk[n].code), "%s", c);
        root_key(s, rootk[n].src, sizeof(rootk[n].src));
        root_key(t, rootk[n].tgt, sizeof(rootk[n].tgt));
        snprintf(rootk[n].code, sizeof(rootk[n].code), "%.2s", c);
        n++;
    }
    return n;
}

int dt_eval_file(const dt_dict *d, const char *path, int flags, dt_strbuf *out, dt_diag_fn diag,
                 void *user, dt_error *err)
{
    char *text = NULL;
    size_t len = 0;
    int rc = file_read_all(path, 1u << 30, &text, &len, err);
    if (rc)
        return rc;
    dt_coder *c = NULL;
    if ((rc = dt_coder_new(&c, d, NULL))) {
        free(text);
        return rc;
    }
    ev_state st;
    memset(&st, 0, sizeof(st));
    arena mem;
    arena_init(&mem, 64 * 1024);
    char group[256] = "";
    bool in_group = false;
    ekey *gr = malloc(sizeof(ekey) * 512 * 4);
    if (!gr) {
        rc = DT_ENOMEM;
        goto out;
    }
    ekey *gs = gr + 512, *pr = gr + 1024, *ps = gr + 1536;
    long lineno = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        lineno++;
        dt_slice line = str_trim(text + i, e - i);
        size_t next = e + 1;
        if (!line.len) {
            i = next;
            continue;
        }
        arena_reset(&mem);
        json_value *v;
        size_t off = 0; /* json_parse leaves it alone on success (a value that is not an object) */
        const char *msg;
        if (json_parse(&mem, line.ptr, line.len, &v, &off, &msg) || v->type != JSON_OBJECT) {
            diag_emit(diag, user, DT_EPARSE, path, lineno, (long)off + 1, -1, "malformed JSON: line skipped");
            i = next;
            continue;
        }
        size_t tl;
        const char *stext = json_get_str(v, "text", &tl);
        const char *id = json_get_str(v, "id", NULL);
        const char *date = json_get_str(v, "date", NULL);
        const char *doc = json_get_str(v, "doc", NULL);
        int32_t day;
        if (!stext || (date && dt_date_parse(date, strlen(date), &day))) {
            diag_emit(diag, user, DT_EPARSE, path, lineno, 0, -1,
                      !stext ? "no \"text\": line skipped" : "bad date: line skipped");
            i = next;
            continue;
        }
        if (!(doc && in_group && strcmp(doc, group) == 0)) {
            if (dt_coder_begin_doc(c, date) != 0 && dt_coder_begin_doc(c, NULL) != 0) {
                rc = DT_EINVAL;
                goto out;
            }
            in_group = doc != NULL;
            snprintf(group, sizeof(group), "%s", doc ? doc : "");
        }
        size_t before;
        dt_coder_events(c, &before);
        int r = dt_coder_code(c, stext, tl, 0);
        if (r < 0) {
            rc = r;
            goto out;
        }
        size_t n;
        const dt_event *ev = dt_coder_events(c, &n);
        size_t np = 0;
        for (size_t k = before; k < n && np < 512; k++, np++) {
            snprintf(ps[np].src, sizeof(ps[np].src), "%s", ev[k].source);
            snprintf(ps[np].tgt, sizeof(ps[np].tgt), "%s", ev[k].target);
            snprintf(ps[np].code, sizeof(ps[np].code), "%s", ev[k].code);
            root_key(ev[k].source, pr[np].src, sizeof(pr[np].src));
            root_key(ev[k].target, pr[np].tgt, sizeof(pr[np].tgt));
            snprintf(pr[np].code, sizeof(pr[np].code), "%.2s", ev[k].code);
        }
        size_t ng = gold_keys(json_get(v, "events"), gr, gs, 512);
        st.sentences++;
        st.gold_events += ng;
        st.coded_events += np;
        score(&st, &st.root, gr, ng, pr, np, true, id ? id : "", stext, (flags & DT_EVAL_MISSES) != 0);
        score(&st, &st.strict, gs, ng, ps, np, false, id ? id : "", stext, false);
        i = next;
    }
    {
        buf b = {out->data, out->len, out->cap, 0, false};
        report(&st, flags, &b);
        out->data = b.data;
        out->len = b.len;
        out->cap = b.cap;
        if (b.failed)
            rc = DT_ENOMEM;
    }
out:
    free(gr);
    free(st.items);
    arena_free(&mem);
    dt_coder_free(c);
    free(text);
    return rc;
}
