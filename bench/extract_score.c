/* extract_score.c — score article extraction with the article-extraction benchmark's own
 * definition (token 4-gram shingles, per-page macro precision and recall, F1 of the means,
 * exact-match accuracy, bootstrap deviation) and time the extractor (MB/s of HTML).
 *
 *   extract_score BENCH_DIR                 run dt_extract_html on BENCH_DIR/html/<id>.html.gz
 *   extract_score BENCH_DIR --pred FILE     score someone else's predictions (same JSON schema)
 *   options: --truth FILE (default BENCH_DIR/ground-truth.json), --pages    per-page lines,
 *            --repeat N (time N passes), --dump DIR (write each extracted text to DIR/<id>.txt)
 */
#include "../src/util/json.h"
#include "../src/util/util.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <wctype.h>
#include "read_gz.h"

/* ---------------------------------------------------------------- shingles */

typedef struct u64v {
    uint64_t *v;
    size_t n, cap;
} u64v;

static void push(u64v *a, uint64_t x)
{
    if (vec_push((void **)&a->v, &a->n, &a->cap, sizeof(uint64_t), &x) < 0) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
}

/* Python's \w+ over Unicode text: letters, digits and underscore. */
static void tokens(const char *s, size_t n, u64v *out)
{
    size_t i = 0;
    out->n = 0;
    while (i < n) {
        size_t start = i, end = i;
        uint32_t cp;
        while (i < n) {
            size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (l == 0)
                l = 1;
            bool w = cp == '_' || (cp < 128 ? is_alnum((int)cp) : iswalnum((wint_t)cp) != 0);
            if (!w)
                break;
            i += l;
            end = i;
        }
        if (end > start)
            push(out, hash_bytes(s + start, end - start));
        else {
            size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            i += l ? l : 1;
        }
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void shingles(const u64v *tok, u64v *out)
{
    out->n = 0;
    if (tok->n == 0)
        return;
    size_t k = tok->n < 4 ? tok->n : 4;
    for (size_t i = 0; i + k <= tok->n; i++) {
        uint64_t h = 0x1234567;
        for (size_t j = 0; j < k; j++)
            h = hash_mix(h ^ tok->v[i + j]) + j;
        push(out, h);
    }
    qsort(out->v, out->n, sizeof(uint64_t), cmp_u64);
}

typedef struct page_score {
    double tp, fp, fn;
    bool exact;
} page_score;

static page_score score_page(const char *truth, size_t tl, const char *pred, size_t pl)
{
    static u64v tt, pt, ts, ps;
    tokens(truth, tl, &tt);
    tokens(pred, pl, &pt);
    page_score r = {0, 0, 0, false};
    r.exact = tt.n == pt.n && (tt.n == 0 || memcmp(tt.v, pt.v, tt.n * sizeof(uint64_t)) == 0);
    shingles(&tt, &ts);
    shingles(&pt, &ps);
    size_t i = 0, j = 0, tp = 0;
    while (i < ts.n && j < ps.n) {
        if (ts.v[i] == ps.v[j]) {
            tp++;
            i++;
            j++;
        } else if (ts.v[i] < ps.v[j]) {
            i++;
        } else {
            j++;
        }
    }
    r.tp = (double)tp;
    r.fp = (double)(ps.n - tp);
    r.fn = (double)(ts.n - tp);
    return r;
}

typedef struct totals {
    double p, r, f1, acc;
} totals;

static totals aggregate(const page_score *s, const size_t *idx, size_t n)
{
    double psum = 0, rsum = 0;
    size_t pn = 0, rn = 0, exact = 0;
    for (size_t k = 0; k < n; k++) {
        const page_score *x = &s[idx[k]];
        double all = x->tp + x->fp + x->fn;
        double tp = all > 0 ? x->tp / all : 0, fp = all > 0 ? x->fp / all : 0, fn = all > 0 ? x->fn / all : 0;
        if (x->tp + x->fp > 0) {
            psum += (fp == 0 && fn == 0) ? 1.0 : tp / (tp + fp);
            pn++;
        }
        if (x->tp + x->fn > 0) {
            rsum += (fp == 0 && fn == 0) ? 1.0 : tp / (tp + fn);
            rn++;
        }
        exact += x->exact;
    }
    totals t;
    t.p = pn ? psum / (double)pn : 0;
    t.r = rn ? rsum / (double)rn : 0;
    t.f1 = t.p + t.r > 0 ? 2 * t.p * t.r / (t.p + t.r) : 0;
    t.acc = n ? (double)exact / (double)n : 0;
    return t;
}

/* ---------------------------------------------------------------- input */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    setlocale(LC_CTYPE, "C.UTF-8");
    const char *dir = NULL, *truth_path = NULL, *pred_path = NULL, *dump = NULL;
    bool per_page = false;
    int repeat = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--truth") == 0 && i + 1 < argc)
            truth_path = argv[++i];
        else if (strcmp(argv[i], "--pred") == 0 && i + 1 < argc)
            pred_path = argv[++i];
        else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            dump = argv[++i];
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = (int)strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--pages") == 0)
            per_page = true;
        else if (!dir)
            dir = argv[i];
        else {
            fprintf(stderr, "usage: extract_score BENCH_DIR [--truth F] [--pred F] [--pages] [--repeat N] [--dump DIR]\n");
            return 2;
        }
    }
    if (!dir) {
        fprintf(stderr, "usage: extract_score BENCH_DIR [--truth F] [--pred F] [--pages] [--repeat N] [--dump DIR]\n");
        return 2;
    }
    if (repeat < 1)
        repeat = 1;
    char path[4096];
    if (!truth_path) {
        snprintf(path, sizeof(path), "%s/ground-truth.json", dir);
        truth_path = strdup(path);
    }
    arena mem;
    arena_init(&mem, 1 << 20);
    char *tdata, *pdata = NULL;
    size_t tlen, plen;
    dt_error err;
    if (file_read_all(truth_path, 0, &tdata, &tlen, &err)) {
        fprintf(stderr, "cannot read %s\n", truth_path);
        return 1;
    }
    json_value *truth, *pred = NULL;
    size_t off;
    const char *msg;
    if (json_parse(&mem, tdata, tlen, &truth, &off, &msg) || truth->type != JSON_OBJECT) {
        fprintf(stderr, "%s: bad JSON at byte %zu: %s\n", truth_path, off, msg ? msg : "");
        return 1;
    }
    if (pred_path) {
        if (file_read_all(pred_path, 0, &pdata, &plen, &err) || json_parse(&mem, pdata, plen, &pred, &off, &msg)) {
            fprintf(stderr, "cannot read %s\n", pred_path);
            return 1;
        }
        json_value *o = json_get(pred, "output");
        if (o)
            pred = o;
    }
    size_t n = truth->u.obj.n;
    page_score *scores = calloc(n, sizeof(*scores));
    size_t *idx = calloc(n, sizeof(size_t));
    double t_extract = 0;
    size_t html_bytes = 0;
    for (size_t k = 0; k < n; k++) {
        const char *id = truth->u.obj.m[k].key;
        size_t tl;
        const char *tbody = json_get_str(truth->u.obj.m[k].val, "articleBody", &tl);
        const char *url = json_get_str(truth->u.obj.m[k].val, "url", NULL);
        if (!tbody)
            tbody = "", tl = 0;
        const char *ptext = "";
        size_t pl = 0;
        dt_article a = {0};
        if (pred) {
            json_value *e = json_get(pred, id);
            const char *s = e ? json_get_str(e, "articleBody", &pl) : NULL;
            ptext = s ? s : "";
            if (!s)
                pl = 0;
        } else {
            snprintf(path, sizeof(path), "%s/html/%s.html.gz", dir, id);
            size_t hl;
            char *html = read_gz(path, &hl);
            if (!html) {
                fprintf(stderr, "missing %s\n", path);
                continue;
            }
            for (int r = 0; r < repeat; r++) {
                dt_article_free(&a);
                double t0 = now();
                int rc = dt_extract_html(html, hl, url, NULL, &a);
                t_extract += now() - t0;
                html_bytes += hl;
                if (rc)
                    fprintf(stderr, "%s: %s\n", id, dt_strerror(rc));
            }
            free(html);
            ptext = a.text ? a.text : "";
            pl = a.text ? a.text_len : 0;
            if (dump) {
                snprintf(path, sizeof(path), "%s/%s.txt", dump, id);
                FILE *f = fopen(path, "wb");
                if (f) {
                    fprintf(f, "%s\n%s\n%s\n--\n", url ? url : "", a.title, a.date);
                    fwrite(ptext, 1, pl, f);
                    fclose(f);
                }
            }
        }
        scores[k] = score_page(tbody, tl, ptext, pl);
        idx[k] = k;
        if (per_page) {
            const page_score *s = &scores[k];
            double p = s->tp + s->fp > 0 ? s->tp / (s->tp + s->fp) : 0;
            double r = s->tp + s->fn > 0 ? s->tp / (s->tp + s->fn) : 0;
            printf("%.3f %.3f %s %s\n", p, r, id, url ? url : "");
        }
        dt_article_free(&a);
    }
    totals t = aggregate(scores, idx, n);
    /* Bootstrap: 1,000 resamples of the pages, fixed seed. */
    double sp = 0, sr = 0, sf = 0, sa = 0, qp = 0, qr = 0, qf = 0, qa = 0;
    uint64_t seed = 42;
    size_t *ri = calloc(n, sizeof(size_t));
    for (int b = 0; b < 1000; b++) {
        for (size_t k = 0; k < n; k++) {
            seed = hash_u64(seed);
            ri[k] = (size_t)(seed % n);
        }
        totals x = aggregate(scores, ri, n);
        sp += x.p, sr += x.r, sf += x.f1, sa += x.acc;
        qp += x.p * x.p, qr += x.r * x.r, qf += x.f1 * x.f1, qa += x.acc * x.acc;
    }
#define SD(s, q) ((q) / 1000.0 - ((s) / 1000.0) * ((s) / 1000.0) > 0 ? sqrt((q) / 1000.0 - ((s) / 1000.0) * ((s) / 1000.0)) : 0)
    printf("pages %zu  F1 %.3f ± %.3f  precision %.3f ± %.3f  recall %.3f ± %.3f  accuracy %.3f ± %.3f\n", n,
           t.f1, SD(sf, qf), t.p, SD(sp, qp), t.r, SD(sr, qr), t.acc, SD(sa, qa));
    if (!pred)
        printf("extraction %.1f MB of HTML in %.3f s: %.1f MB/s (parse included, one core)\n",
               (double)html_bytes / 1e6, t_extract, (double)html_bytes / 1e6 / t_extract);
    free(ri);
    free(scores);
    free(idx);
    free(tdata);
    free(pdata);
    arena_free(&mem);
    return 0;
}
