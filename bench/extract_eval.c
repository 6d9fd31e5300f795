/* extract_eval.c — two more yardsticks for article extraction, each scored the way its
 * authors score it:
 *
 *   extract_eval trafilatura DIR   trafilatura's evaluation set (DIR/evaldata.json, pages in
 *                                  DIR/cache or DIR/eval, gzipped): segments that must appear
 *                                  ("with") and must not ("without") in the whitespace-
 *                                  normalised output; micro precision, recall, accuracy, F.
 *   extract_eval readability DIR   Readability.js test pages (DIR/<name>/source.html.gz and
 *                                  expected.html): shingle F1 of our text against the text
 *                                  of expected.html (as extract_score computes it, macro).
 */
#include "../src/ingest/ingest.h"
#include "../src/util/json.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include "read_gz.h"

/* Collapse white space runs to one blank and trim, as the trafilatura evaluation does. */
static void normalise(const char *s, size_t n, buf *out)
{
    buf_clear(out);
    bool sp = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool blank = is_space(c) || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0);
        if (blank) {
            if (c == 0xC2)
                i++;
            if (!sp)
                (void)buf_putc(out, ' ');
            sp = true;
        } else {
            (void)buf_putc(out, (char)c);
            sp = false;
        }
    }
    while (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = 0;
}

static int trafilatura(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/evaldata.json", dir);
    char *data;
    size_t len;
    if (file_read_all(path, 0, &data, &len, NULL)) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    arena mem;
    arena_init(&mem, 1 << 20);
    json_value *root;
    size_t off;
    const char *msg;
    if (json_parse(&mem, data, len, &root, &off, &msg) || root->type != JSON_OBJECT) {
        fprintf(stderr, "%s: bad JSON\n", path);
        return 1;
    }
    size_t tp = 0, fn = 0, fp = 0, tn = 0, pages = 0, missing = 0;
    buf norm, seg;
    buf_init(&norm, 0);
    buf_init(&seg, 0);
    for (size_t k = 0; k < root->u.obj.n; k++) {
        const char *url = root->u.obj.m[k].key;
        const json_value *e = root->u.obj.m[k].val;
        const char *file = json_get_str(e, "file", NULL);
        if (!file)
            continue;
        size_t hl;
        char *html = NULL;
        snprintf(path, sizeof(path), "%s/cache/%s.gz", dir, file);
        html = read_gz(path, &hl);
        if (!html) {
            snprintf(path, sizeof(path), "%s/eval/%s.gz", dir, file);
            html = read_gz(path, &hl);
        }
        if (!html) {
            missing++;
            continue;
        }
        pages++;
        dt_article a = {0};
        if (dt_extract_html(html, hl, url, NULL, &a) == 0)
            normalise(a.text, a.text_len, &norm);
        else
            buf_clear(&norm);
        const char *text = norm.data ? norm.data : "";
        const json_value *with = json_get(e, "with"), *without = json_get(e, "without");
        for (int pass = 0; pass < 2; pass++) {
            const json_value *arr = pass == 0 ? with : without;
            for (size_t i = 0; arr && arr->type == JSON_ARRAY && i < arr->u.arr.n; i++) {
                const json_value *s = arr->u.arr.items[i];
                if (s->type != JSON_STRING)
                    continue;
                normalise(s->u.str.s, s->u.str.len, &seg);
                bool found = seg.len && strstr(text, seg.data) != NULL;
                if (pass == 0)
                    found ? tp++ : fn++;
                else
                    found ? fp++ : tn++;
            }
        }
        dt_article_free(&a);
        free(html);
    }
    double p = tp + fp ? (double)tp / (double)(tp + fp) : 0, r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
    double acc = (double)(tp + tn) / (double)(tp + tn + fp + fn), f = 2.0 * (double)tp / (double)(2 * tp + fp + fn);
    printf("trafilatura set: %zu pages (%zu absent), %zu text and %zu boilerplate segments\n", pages, missing,
           tp + fn, fp + tn);
    printf("precision %.3f  recall %.3f  accuracy %.3f  F %.3f\n", p, r, acc, f);
    buf_free(&norm);
    buf_free(&seg);
    arena_free(&mem);
    free(data);
    return 0;
}

/* ---------------------------------------------------------------- shingles (as extract_score) */

typedef struct u64v {
    uint64_t *v;
    size_t n, cap;
} u64v;

static void tokens_shingles(const char *s, size_t n, u64v *sh)
{
    static u64v tok;
    tok.n = 0;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        uint32_t cp;
        while (i < n) {
            size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (!l)
                l = 1;
            if (!(cp == '_' || (cp < 128 ? is_alnum((int)cp) : cp >= 0xC0)))
                break;
            i += l;
        }
        if (i > start) {
            uint64_t h = hash_bytes(s + start, i - start);
            vec_push((void **)&tok.v, &tok.n, &tok.cap, sizeof(uint64_t), &h);
        } else {
            i++;
        }
    }
    sh->n = 0;
    size_t k = tok.n < 4 ? tok.n : 4;
    for (size_t a = 0; tok.n && a + k <= tok.n; a++) {
        uint64_t h = 7;
        for (size_t j = 0; j < k; j++)
            h = hash_mix(h ^ tok.v[a + j]) + j;
        vec_push((void **)&sh->v, &sh->n, &sh->cap, sizeof(uint64_t), &h);
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int readability(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "cannot read %s\n", dir);
        return 1;
    }
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *c = strdup(e->d_name);
        vec_push((void **)&names, &nn, &cap, sizeof(char *), &c);
    }
    closedir(d);
    qsort(names, nn, sizeof(char *), cmp_str);
    double psum = 0, rsum = 0;
    size_t pn = 0, rn = 0, pages = 0;
    u64v ts = {0}, ps = {0};
    buf expect;
    buf_init(&expect, 0);
    for (size_t i = 0; i < nn; i++) {
        char path[4096];
        size_t hl, el;
        snprintf(path, sizeof(path), "%s/%s/source.html.gz", dir, names[i]);
        char *html = read_gz(path, &hl);
        snprintf(path, sizeof(path), "%s/%s/expected.html", dir, names[i]);
        char *exp = NULL;
        if (!html || file_read_all(path, 0, &exp, &el, NULL)) {
            free(html);
            continue;
        }
        pages++;
        buf_clear(&expect);
        (void)html_fragment_text(exp, el, &expect);
        dt_article a = {0};
        if (dt_extract_html(html, hl, "http://fakehost/test/page.html", NULL, &a))
            memset(&a, 0, sizeof(a));
        tokens_shingles(expect.data ? expect.data : "", expect.len, &ts);
        tokens_shingles(a.text ? a.text : "", a.text ? a.text_len : 0, &ps);
        qsort(ts.v, ts.n, sizeof(uint64_t), cmp_u64);
        qsort(ps.v, ps.n, sizeof(uint64_t), cmp_u64);
        size_t x = 0, y = 0, tp = 0;
        while (x < ts.n && y < ps.n) {
            if (ts.v[x] == ps.v[y])
                tp++, x++, y++;
            else if (ts.v[x] < ps.v[y])
                x++;
            else
                y++;
        }
        if (ps.n) {
            psum += (double)tp / (double)ps.n;
            pn++;
        }
        if (ts.n) {
            rsum += (double)tp / (double)ts.n;
            rn++;
        }
        dt_article_free(&a);
        free(html);
        free(exp);
    }
    double p = pn ? psum / (double)pn : 0, r = rn ? rsum / (double)rn : 0;
    printf("readability pages: %zu  F1 %.3f  precision %.3f  recall %.3f\n", pages, p + r > 0 ? 2 * p * r / (p + r) : 0,
           p, r);
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    free(ts.v);
    free(ps.v);
    buf_free(&expect);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "trafilatura") == 0)
        return trafilatura(argv[2]);
    if (argc == 3 && strcmp(argv[1], "readability") == 0)
        return readability(argv[2]);
    fprintf(stderr, "usage: extract_eval trafilatura DIR | readability DIR\n");
    return 2;
}
