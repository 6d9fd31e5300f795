/* extract.c — main-article extraction: score the page's text blocks (length, link density,
 * sentence punctuation, boilerplate phrases), choose the element whose subtree holds the
 * most article text for the least noise, keep its good blocks; then title and date. */
#include "../util/json.h"
#include "html.h"

#include <math.h>
#include <stdlib.h>

/* Weight of noise (link text, short fragments) against article text when choosing the
 * container: a subtree is worth its good text minus NOISE_WEIGHT times its noise. */
#define NOISE_WEIGHT 0.45
/* Text under a boilerplate-marked element inside the container counts this much noise. */
#define EXCLUDED_WEIGHT 0.1

/* Phrases that open blocks which are never article text. Lower case, ASCII. */
static const char *const boiler_starts[] = {
    "share this", "share on", "share:", "follow us", "follow @", "sign up", "subscribe",
    "advertisement", "read more", "read next", "related:", "related articles", "related stories",
    "related coverage", "copyright", "(c) ", "all rights reserved", "click here", "photo:",
    "image:", "photograph:", "image source", "image caption", "media caption", "getty images",
    "you may also like", "you might also like", "recommended", "more from", "more stories",
    "most popular", "most read", "trending", "sponsored", "comments", "leave a comment",
    "post a comment", "we use cookies", "this site uses cookies", "by using this site",
    "accept cookies", "newsletter", "join our", "download the", "get the app", "listen to",
    "watch:", "watch the", "also read", "see also", "further reading", "don't miss", "tags:",
    "filed under", "topics:", "posted in", "categories:", "previous article", "next article",
    "continue reading", "reporting by", "editing by", "writing by", "additional reporting",
    "this article was", "this story was", "updated:", "published:", "last updated",
    "loading", "please enable javascript", "already a subscriber", "log in", "create an account",
};
/* Phrases anywhere in a short block that mark it as boilerplate. */
static const char *const boiler_inside[] = {
    "all rights reserved", "cookie", "newsletter", "subscribe to", "sign up for", "terms of use",
    "privacy policy", "terms of service", "follow us on", "share this article", "getty images",
    "associated press contributed", "reuters contributed", "click to share", "opens in a new window",
};

static bool starts_ci(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= n || to_lower((unsigned char)s[i]) != w[i])
            return false;
    return true;
}

static bool contains_ci(const char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (to_lower((unsigned char)s[i]) == w[0] && starts_ci(s + i, n - i, w))
            return true;
    return false;
}

static bool boilerplate(const char *s, size_t n, uint32_t chars)
{
    if (n && (unsigned char)s[0] == 0xC2 && n > 1 && (unsigned char)s[1] == 0xA9)
        return true; /* (c) sign */
    for (size_t i = 0; i < DT_ARRAY_LEN(boiler_starts); i++)
        if (starts_ci(s, n, boiler_starts[i]))
            return chars < 300;
    if (chars < 200)
        for (size_t i = 0; i < DT_ARRAY_LEN(boiler_inside); i++)
            if (contains_ci(s, n, boiler_inside[i]))
                return true;
    return false;
}

static bool sentence_end(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80)
        n -= 3; /* closing typographic quote */
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':');
}

static int count_punct(const char *s, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == ',' || s[i] == '.';
    return k;
}

typedef struct bscore {
    float good, noise;
    bool boiler;
} bscore;

static void score_block(const hpage *p, const hblock *b, bscore *sc)
{
    const char *s = p->text.data + b->start;
    double chars = b->chars;
    double ld = chars > 0 ? (double)b->link_chars / chars : 1.0;
    sc->boiler = boilerplate(s, b->len, b->chars);
    if (sc->boiler || b->words < 3 || b->chars < 15) {
        sc->good = 0;
        sc->noise = (float)(sc->boiler ? chars : chars * 0.5);
        return;
    }
    double good = chars * (1.0 - ld) * (1.0 - ld);
    bool full = sentence_end(s, b->len);
    int punct = count_punct(s, b->len);
    if (!full && punct == 0)
        good *= 0.5;
    else if (!full)
        good *= 0.75;
    if (b->kind == HT_LI || b->kind == HT_DT || b->kind == HT_CELL)
        good *= 0.8;
    sc->good = (float)good;
    /* Link text is noise; plain text that merely lacks punctuation is neither. */
    sc->noise = (float)(b->link_chars);
}

/* A teaser card (a linked headline with a line of description, as in "more stories" grids)
 * is boilerplate even without a telling class: the nearest list item or <article> around a
 * fully linked heading, when it holds little text, is marked like a class-marked block. */
static void mark_teasers(hpage *p)
{
    for (size_t i = 0; i < p->nb; i++) {
        const hblock *b = &p->blocks[i];
        if (!(b->kind == HT_H1 || b->kind == HT_H2 || b->kind == HT_H3) || b->link_chars * 10 < b->chars * 8)
            continue;
        int t = -1, a = b->owner;
        for (int up = 0; up < 5 && a >= 0; up++, a = p->nodes[a].parent)
            if (p->nodes[a].kind == HT_LI || p->nodes[a].kind == HT_ARTICLE) {
                t = a;
                break;
            }
        if (t < 0)
            continue;
        /* Blocks are in document order, so the card's blocks are one run around i. */
        uint32_t text = 0;
        size_t j0 = i, j1 = i;
        while (j0 > 0 && p->blocks[j0 - 1].owner >= t)
            j0--;
        while (j1 < p->nb && p->blocks[j1].owner >= t && p->blocks[j1].owner < p->nodes[t].end)
            j1++;
        for (size_t j = j0; j < j1; j++)
            text += p->blocks[j].chars - p->blocks[j].link_chars;
        if (text > 500)
            continue;
        for (size_t j = j0; j < j1; j++)
            if (p->blocks[j].neg < t)
                p->blocks[j].neg = t;
        for (int k = t; k < p->nodes[t].end; k++)
            if (p->nodes[k].neg < t)
                p->nodes[k].neg = t;
    }
}

/* Choose the container: the element maximising good - NOISE_WEIGHT * noise over the
 * blocks it holds (text under a boilerplate-marked element inside it counts as noise). */
static int choose_container(const hpage *p, const bscore *sc, double *best_score)
{
    double *good = calloc(p->nn, sizeof(double)), *noise = calloc(p->nn, sizeof(double));
    int best = -1;
    if (!good || !noise)
        goto out;
    for (size_t i = 0; i < p->nb; i++) {
        const hblock *b = &p->blocks[i];
        bool excluded = false;
        for (int a = b->owner; a >= 0; a = p->nodes[a].parent) {
            if (excluded) {
                noise[a] += (double)b->chars * EXCLUDED_WEIGHT;
            } else {
                good[a] += sc[i].good;
                noise[a] += sc[i].noise;
            }
            if (a == b->neg)
                excluded = true;
        }
    }
    double bs = -1e30;
    for (size_t i = 0; i < p->nn; i++) {
        double s = good[i] - NOISE_WEIGHT * noise[i];
        if (p->nodes[i].neg >= 0 && s > 0)
            s *= 0.4; /* inside comments, a bio, a sidebar: only if nothing else is there */
        if (p->nodes[i].flags & HF_BODYPROP)
            s += 0.1 * good[i];
        if (s > bs) {
            bs = s;
            best = (int)i;
        }
    }
    *best_score = bs;
out:
    free(good);
    free(noise);
    return best;
}

static bool keep_block(const hpage *p, const hblock *b, const bscore *sc)
{
    if (sc->boiler)
        return false;
    double ld = b->chars ? (double)b->link_chars / b->chars : 1.0;
    if (ld > 0.5)
        return false;
    const char *s = p->text.data + b->start;
    if (b->kind == HT_H1 || b->kind == HT_H2 || b->kind == HT_H3)
        return b->chars < 200 && ld < 0.3;
    if (b->words < 3 && !sentence_end(s, b->len))
        return false;
    if ((b->kind == HT_LI || b->kind == HT_CELL) && ld > 0.3 && b->words < 12)
        return false;
    if (s[0] == '<' && memchr(s, '>', b->len))
        return false; /* markup left as text (a <noscript> fallback) */
    return true;
}

/* ---------------------------------------------------------------- metadata */

static bool ld_find_date(const json_value *v, int depth, int32_t *day)
{
    if (!v || depth > 8)
        return false;
    if (v->type == JSON_ARRAY) {
        for (size_t i = 0; i < v->u.arr.n; i++)
            if (ld_find_date(v->u.arr.items[i], depth + 1, day))
                return true;
        return false;
    }
    if (v->type != JSON_OBJECT)
        return false;
    size_t l;
    const char *d = json_get_str(v, "datePublished", &l);
    if (!d)
        d = json_get_str(v, "dateCreated", &l);
    if (d && date_parse_any(d, l, day))
        return true;
    for (size_t i = 0; i < v->u.obj.n; i++) {
        const json_value *c = v->u.obj.m[i].val;
        if ((c->type == JSON_OBJECT || c->type == JSON_ARRAY) && ld_find_date(c, depth + 1, day))
            return true;
    }
    return false;
}

static bool jsonld_date(const hpage *p, int32_t *day)
{
    if (!p->ldjson.len)
        return false;
    arena a;
    arena_init(&a, 16 * 1024);
    bool found = false;
    const char *s = p->ldjson.data, *end = s + p->ldjson.len;
    while (s < end && !found) {
        size_t n = strlen(s);
        json_value *v;
        size_t off;
        const char *msg;
        if (json_parse(&a, s, n, &v, &off, &msg) == 0)
            found = ld_find_date(v, 0, day);
        s += n + 1;
    }
    arena_free(&a);
    return found;
}

/* "Headline | Site" -> "Headline": keep the longest part around a separator. */
static void clean_title(const char *in, char *out, size_t cap)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xBB "};
    size_t n = strlen(in);
    size_t best_s = 0, best_l = n;
    for (size_t k = 0; k < DT_ARRAY_LEN(seps); k++) {
        const char *sep = seps[k];
        size_t sl = strlen(sep);
        const char *hit = NULL;
        for (size_t i = 0; i + sl <= n; i++)
            if (memcmp(in + i, sep, sl) == 0) {
                hit = in + i;
                break;
            }
        if (!hit)
            continue;
        size_t a = (size_t)(hit - in), b = n - a - sl;
        if (a >= b) {
            best_s = 0;
            best_l = a;
        } else {
            best_s = a + sl;
            best_l = b;
        }
        break;
    }
    if (best_l * 3 < n) { /* the parts are all short: keep the whole */
        best_s = 0;
        best_l = n;
    }
    snprintf(out, cap, "%.*s", (int)best_l, in + best_s);
}

void article_init(article *a, size_t max_text)
{
    memset(a, 0, sizeof(*a));
    buf_init(&a->text, max_text);
    a->date_source = "";
}

void article_free(article *a) { buf_free(&a->text); }

int html_extract(const char *html, size_t n, const char *url, article *a)
{
    buf_clear(&a->text);
    a->title[0] = a->date[0] = a->canonical[0] = 0;
    a->date_source = "";
    hpage p;
    hpage_init(&p);
    bscore *sc = NULL;
    int rc = hpage_build(&p, html, n);
    if (rc)
        goto out;
    sc = calloc(p.nb ? p.nb : 1, sizeof(*sc));
    if (!sc) {
        rc = DT_ENOMEM;
        goto out;
    }
    mark_teasers(&p);
    for (size_t i = 0; i < p.nb; i++)
        score_block(&p, &p.blocks[i], &sc[i]);
    double best_score;
    int c = choose_container(&p, sc, &best_score);
    if (c >= 0) {
        int lo = c, hi = p.nodes[c].end;
        for (size_t i = 0; i < p.nb; i++) {
            const hblock *b = &p.blocks[i];
            if (b->owner < lo || b->owner >= hi)
                continue;
            if (b->neg > lo && b->neg < hi)
                continue; /* boilerplate-marked element inside the container */
            if (!keep_block(&p, b, &sc[i]))
                continue;
            if (a->text.len && buf_putc(&a->text, '\n'))
                break;
            if (buf_append(&a->text, p.text.data + b->start, b->len))
                break;
        }
    }
    /* title */
    if (p.og_title[0])
        clean_title(p.og_title, a->title, sizeof(a->title));
    else if (p.h1[0])
        snprintf(a->title, sizeof(a->title), "%s", p.h1);
    else
        clean_title(p.title_tag, a->title, sizeof(a->title));
    snprintf(a->canonical, sizeof(a->canonical), "%s", p.canonical);
    /* date: meta tags, JSON-LD, <time>, the URL, the dateline */
    int32_t day = DATE_NONE;
    if (p.date_rank == HDATE_META) {
        day = p.date_day;
        a->date_source = "meta";
    } else if (jsonld_date(&p, &day)) {
        a->date_source = "json-ld";
    } else if (p.time_day != DATE_NONE) {
        day = p.time_day;
        a->date_source = "time";
    } else if ((url && date_from_url(url, strlen(url), &day)) ||
               (p.canonical[0] && date_from_url(p.canonical, strlen(p.canonical), &day))) {
        a->date_source = "url";
    } else {
        size_t end;
        if (a->text.len && date_from_dateline(a->text.data, a->text.len, &day, &end))
            a->date_source = "dateline";
        else
            day = DATE_NONE;
    }
    if (day != DATE_NONE)
        dt_date_format(day, a->date, sizeof(a->date));
out:
    free(sc);
    hpage_free(&p);
    return rc;
}

/* ---------------------------------------------------------------- public */

int dt_extract_html(const void *html, size_t len, const char *url, const char *charset, dt_article *out)
{
    memset(out, 0, sizeof(*out));
    out->date_source = "";
    buf u8;
    buf_init(&u8, 0);
    size_t bad = 0;
    int rc = charset_to_utf8(html, len, charset, &u8, &bad, out->charset);
    if (rc) {
        buf_free(&u8);
        return rc;
    }
    article a;
    article_init(&a, 0);
    rc = html_extract(u8.data ? u8.data : "", u8.len, url, &a);
    buf_free(&u8);
    if (rc == 0) {
        out->text = a.text.data ? a.text.data : strdup("");
        a.text.data = NULL;
        out->text_len = out->text ? a.text.len : 0;
        if (!out->text)
            rc = DT_ENOMEM;
        snprintf(out->title, sizeof(out->title), "%s", a.title);
        snprintf(out->date, sizeof(out->date), "%s", a.date);
        snprintf(out->canonical, sizeof(out->canonical), "%s", a.canonical);
        out->date_source = a.date_source;
    }
    article_free(&a);
    return rc;
}

void dt_article_free(dt_article *a)
{
    if (!a)
        return;
    free(a->text);
    a->text = NULL;
    a->text_len = 0;
}

int html_fragment_text(const char *html, size_t n, buf *out)
{
    /* Plain text without markup stays as it is (a feed's description is often that). */
    if (!memchr(html, '<', n) && !memchr(html, '&', n))
        return buf_append(out, html, n);
    hpage p;
    hpage_init(&p);
    int rc = hpage_build(&p, html, n);
    for (size_t i = 0; rc == 0 && i < p.nb; i++) {
        const hblock *b = &p.blocks[i];
        if ((out->len && buf_putc(out, '\n')) || buf_append(out, p.text.data + b->start, b->len))
            rc = DT_ELIMIT;
    }
    hpage_free(&p);
    return rc;
}
