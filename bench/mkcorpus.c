/* mkcorpus.c — build the throughput benchmark's input: realistic news text as JSON Lines,
 * made deterministically from sources any Debian machine has (Reuters-21578 articles from
 * the r-cran-tm package) and the project's own sample corpus. Sentences are shuffled into
 * new documents and country names are varied, so the text is not one article repeated.
 *
 *   mkcorpus [--mb N] [--seed S] SOURCE... > corpus.jsonl
 */
#include "detente.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pool {
    char **s;
    size_t n, cap;
} pool;

static uint64_t rng_state;
static uint64_t rng(void)
{
    /* splitmix64: the same sequence on every machine */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

struct split_ctx {
    pool *p;
    const char *text;
};

static void add_sentence(void *user, size_t start, size_t len)
{
    struct split_ctx *c = user;
    if (len < 40 || len > 600)
        return; /* headlines, bylines and run-ons make poor filler */
    char *s = malloc(len + 1);
    if (!s)
        return;
    for (size_t i = 0; i < len; i++) {
        char ch = c->text[start + i];
        s[i] = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
    }
    s[len] = 0;
    if (c->p->n == c->p->cap) {
        size_t nc = c->p->cap ? c->p->cap * 2 : 1024;
        char **ns = realloc(c->p->s, nc * sizeof(*ns));
        if (!ns) {
            free(s);
            return;
        }
        c->p->s = ns;
        c->p->cap = nc;
    }
    c->p->s[c->p->n++] = s;
}

/* Country names swapped in for variety (each pair: a name and its adjective). */
static const char *const names[][2] = {
    {"North Korea", "North Korean"}, {"South Korea", "South Korean"}, {"Japan", "Japanese"},
    {"China", "Chinese"}, {"Russia", "Russian"}, {"the United States", "American"}, {"Iran", "Iranian"},
    {"Israel", "Israeli"}, {"Syria", "Syrian"}, {"Turkey", "Turkish"}, {"India", "Indian"},
    {"Pakistan", "Pakistani"}, {"Ukraine", "Ukrainian"}, {"Germany", "German"}, {"France", "French"},
    {"Britain", "British"}, {"Egypt", "Egyptian"}, {"Saudi Arabia", "Saudi"}, {"Iraq", "Iraqi"},
    {"Venezuela", "Venezuelan"}, {"Brazil", "Brazilian"}, {"Mexico", "Mexican"}, {"Nigeria", "Nigerian"},
    {"Ethiopia", "Ethiopian"}, {"Sudan", "Sudanese"}, {"Indonesia", "Indonesian"}, {"Vietnam", "Vietnamese"},
    {"Kuwait", "Kuwaiti"}, {"Qatar", "Qatari"}, {"Canada", "Canadian"}};
#define NNAMES (sizeof(names) / sizeof(names[0]))

/* The body of a JSON string (no quotes): s escaped. */
static void emit_json_body(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
}

/* Write s with each country name or adjective replaced by one chosen for the document. */
static size_t write_varied(FILE *f, const char *s, const size_t *perm)
{
    char out[4096];
    size_t o = 0;
    char prev = ' ';
    while (*s && o < sizeof(out) - 64) {
        bool done = false;
        bool word_start = !(prev >= 'a' && prev <= 'z') && !(prev >= 'A' && prev <= 'Z');
        for (size_t k = 0; k < NNAMES && !done && word_start; k++)
            for (int form = 1; form >= 0 && !done; form--) {
                const char *nm = names[k][form];
                if (nm[0] != *s)
                    continue;
                size_t l = strlen(nm);
                if (strncmp(s, nm, l) == 0 && !(s[l] >= 'a' && s[l] <= 'z')) {
                    const char *rep = names[perm[k]][form];
                    size_t rl = strlen(rep);
                    memcpy(out + o, rep, rl);
                    o += rl;
                    s += l;
                    prev = 'a';
                    done = true;
                }
            }
        if (!done)
            out[o++] = prev = *s++;
    }
    out[o] = 0;
    emit_json_body(f, out);
    return o;
}

int main(int argc, char **argv)
{
    long mb = 500;
    rng_state = 20170704;
    pool p = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc) {
            mb = strtol(argv[++i], NULL, 10);
            continue;
        }
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            rng_state = strtoull(argv[++i], NULL, 10);
            continue;
        }
        dt_reader *r;
        dt_reader_opts o = {0};
        o.any_language = 1;
        o.keep_duplicates = 1;
        if (dt_reader_open(&r, argv[i], &o, NULL)) {
            fprintf(stderr, "mkcorpus: cannot read %s\n", argv[i]);
            return 1;
        }
        dt_doc d;
        while (dt_reader_next(r, &d, NULL, NULL) == 1) {
            struct split_ctx c = {&p, d.text};
            dt_split_sentences(d.text, d.text_len, add_sentence, &c);
        }
        dt_reader_close(r);
    }
    if (p.n == 0) {
        fprintf(stderr, "usage: mkcorpus [--mb N] [--seed S] SOURCE... > corpus.jsonl (no sentences found)\n");
        return 2;
    }
    fprintf(stderr, "mkcorpus: %zu sentences in the pool, writing %ld MB\n", p.n, mb);
    size_t target = (size_t)mb << 20, written = 0;
    size_t perm[NNAMES];
    for (long doc = 0; written < target; doc++) {
        /* a document: 5 to 24 sentences, one date, names permuted */
        for (size_t k = 0; k < NNAMES; k++)
            perm[k] = k;
        for (size_t k = NNAMES - 1; k > 0; k--) {
            size_t j = rng() % (k + 1), t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
        }
        int y = 2000 + (int)(rng() % 26), m = 1 + (int)(rng() % 12), dd = 1 + (int)(rng() % 28);
        int ns = 5 + (int)(rng() % 20);
        printf("{\"id\":\"b%07ld\",\"date\":\"%04d-%02d-%02d\",\"text\":\"", doc, y, m, dd);
        written += 60;
        for (int s = 0; s < ns; s++) {
            const char *sent = p.s[rng() % p.n];
            written += write_varied(stdout, sent, perm) + 1;
            fputc(' ', stdout);
        }
        printf("\"}\n");
    }
    for (size_t i = 0; i < p.n; i++)
        free(p.s[i]);
    free(p.s);
    return 0;
}
