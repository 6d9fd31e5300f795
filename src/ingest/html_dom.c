/* html_dom.c — parse a page with libxml2's HTML parser and flatten it for the extractor:
 * elements in document order with class/id hints, text blocks with link density, and the
 * metadata a page carries (titles, canonical URL, publication dates, JSON-LD). */
#include "html.h"

#include "xmllib.h"

#include <stdlib.h>

/* ---------------------------------------------------------------- tags */

enum { TAG_NORMAL, TAG_DROP, TAG_HEAD, TAG_SCRIPT, TAG_META, TAG_LINK, TAG_TITLE };

typedef struct tag_info {
    const char *name;
    uint8_t action;   /* TAG_* */
    uint8_t block;    /* 1 = block element */
    uint16_t kind;    /* HT_* */
} tag_info;

/* Sorted by name for bsearch. */
static const tag_info tags[] = {
    {"a", TAG_NORMAL, 0, HT_A},           {"address", TAG_NORMAL, 1, HT_DIV},
    {"article", TAG_NORMAL, 1, HT_ARTICLE}, {"aside", TAG_DROP, 1, HT_OTHER},
    {"audio", TAG_DROP, 0, HT_OTHER},     {"base", TAG_DROP, 0, HT_OTHER},
    {"blockquote", TAG_NORMAL, 1, HT_QUOTE}, {"body", TAG_NORMAL, 1, HT_BODY},
    {"br", TAG_NORMAL, 0, HT_BR},         {"button", TAG_DROP, 0, HT_OTHER},
    {"canvas", TAG_DROP, 0, HT_OTHER},    {"caption", TAG_DROP, 1, HT_OTHER},
    {"center", TAG_NORMAL, 1, HT_DIV},    {"dd", TAG_NORMAL, 1, HT_LI},
    {"details", TAG_NORMAL, 1, HT_DIV},   {"dialog", TAG_DROP, 1, HT_OTHER},
    {"div", TAG_NORMAL, 1, HT_DIV},       {"dl", TAG_NORMAL, 1, HT_LIST},
    {"dt", TAG_NORMAL, 1, HT_DT},         {"embed", TAG_DROP, 0, HT_OTHER},
    {"fieldset", TAG_NORMAL, 1, HT_DIV},  {"figcaption", TAG_DROP, 1, HT_OTHER},
    {"figure", TAG_DROP, 1, HT_OTHER},    {"footer", TAG_NORMAL, 1, HT_SECTION},
    {"form", TAG_NORMAL, 1, HT_FORM},     {"h1", TAG_NORMAL, 1, HT_H1},
    {"h2", TAG_NORMAL, 1, HT_H2},         {"h3", TAG_NORMAL, 1, HT_H3},
    {"h4", TAG_NORMAL, 1, HT_H3},         {"h5", TAG_NORMAL, 1, HT_H3},
    {"h6", TAG_NORMAL, 1, HT_H3},         {"head", TAG_HEAD, 1, HT_OTHER},
    {"header", TAG_NORMAL, 1, HT_SECTION}, {"hgroup", TAG_NORMAL, 1, HT_DIV},
    {"hr", TAG_NORMAL, 1, HT_OTHER},      {"html", TAG_NORMAL, 1, HT_OTHER},
    {"iframe", TAG_DROP, 0, HT_OTHER},    {"img", TAG_DROP, 0, HT_OTHER},
    {"input", TAG_DROP, 0, HT_OTHER},     {"label", TAG_DROP, 0, HT_OTHER},
    {"legend", TAG_NORMAL, 1, HT_DIV},    {"li", TAG_NORMAL, 1, HT_LI},
    {"link", TAG_LINK, 0, HT_OTHER},      {"main", TAG_NORMAL, 1, HT_MAIN},
    {"map", TAG_DROP, 0, HT_OTHER},       {"math", TAG_DROP, 0, HT_OTHER},
    {"menu", TAG_DROP, 1, HT_OTHER},      {"meta", TAG_META, 0, HT_OTHER},
    {"nav", TAG_DROP, 1, HT_OTHER},       {"noscript", TAG_DROP, 0, HT_OTHER},
    {"object", TAG_DROP, 0, HT_OTHER},    {"ol", TAG_NORMAL, 1, HT_LIST},
    {"optgroup", TAG_DROP, 0, HT_OTHER},  {"option", TAG_DROP, 0, HT_OTHER},
    {"p", TAG_NORMAL, 1, HT_P},           {"picture", TAG_DROP, 0, HT_OTHER},
    {"pre", TAG_NORMAL, 1, HT_PRE},       {"script", TAG_SCRIPT, 0, HT_OTHER},
    {"section", TAG_NORMAL, 1, HT_SECTION}, {"select", TAG_DROP, 0, HT_OTHER},
    {"source", TAG_DROP, 0, HT_OTHER},    {"span", TAG_NORMAL, 0, HT_SPAN},
    {"style", TAG_DROP, 0, HT_OTHER},     {"summary", TAG_NORMAL, 1, HT_DIV},
    {"svg", TAG_DROP, 0, HT_OTHER},       {"table", TAG_NORMAL, 1, HT_TABLE},
    {"tbody", TAG_NORMAL, 1, HT_OTHER},   {"td", TAG_NORMAL, 1, HT_CELL},
    {"template", TAG_DROP, 0, HT_OTHER},  {"textarea", TAG_DROP, 0, HT_OTHER},
    {"tfoot", TAG_NORMAL, 1, HT_OTHER},   {"th", TAG_NORMAL, 1, HT_CELL},
    {"thead", TAG_NORMAL, 1, HT_OTHER},   {"time", TAG_NORMAL, 0, HT_TIME},
    {"title", TAG_TITLE, 0, HT_OTHER},    {"tr", TAG_NORMAL, 1, HT_OTHER},
    {"ul", TAG_NORMAL, 1, HT_LIST},       {"video", TAG_DROP, 0, HT_OTHER},
};

static int tag_cmp(const void *k, const void *e) { return strcmp(k, ((const tag_info *)e)->name); }

static const tag_info *tag_lookup(const char *name)
{
    static const tag_info other = {"", TAG_NORMAL, 0, HT_OTHER};
    const tag_info *t = bsearch(name, tags, DT_ARRAY_LEN(tags), sizeof(tags[0]), tag_cmp);
    return t ? t : &other;
}

/* ---------------------------------------------------------------- attributes */


/* An attribute's value from a SAX attribute array (name, value, ..., NULL), or NULL. */
static const char *attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (strcmp((const char *)atts[i], name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static bool has_ci(const char *hay, const char *needle)
{
    size_t nl = strlen(needle);
    for (const char *p = hay; *p; p++) {
        size_t i = 0;
        while (i < nl && p[i] && to_lower((unsigned char)p[i]) == needle[i])
            i++;
        if (i == nl)
            return true;
    }
    return false;
}

/* Whole tokens of class and id names (split at anything but letters and digits). */
static const char *const neg_tokens[] = {
    "ad", "ads", "adv", "advert", "advertisement", "alert", "author", "authors", "banner", "bio",
    "breadcrumb", "breadcrumbs", "byline", "caption", "comment", "comments", "consent", "cookie",
    "cookies", "credit", "credits", "dropdown", "footer", "gallery", "hidden", "login",
    "masthead", "menu", "modal", "nav", "navbar", "navigation", "newsletter", "notice", "offer",
    "outbrain", "pagination", "pager", "paywall", "popular", "popup", "print", "promo", "rail",
    "recirc", "recommended", "related", "rss", "share", "sharing", "sidebar", "signup", "skip",
    "social", "sponsor", "sponsored", "subscribe", "subscription", "taboola", "tags", "toolbar",
    "tools", "trending", "widget", "disclaimer",
    "header", "topics", "keywords", "timestamp", "dateline", "video", "player", "photo",
};
/* Substrings of class and id names that mark boilerplate even inside longer names. */
static const char *const neg_subs[] = {
    "comment", "related", "share", "social", "newsletter", "subscri", "cookie", "sidebar",
    "breadcrumb", "outbrain", "taboola", "promo", "recommend", "caption", "byline", "advert",
    "sponsor", "popup", "signup", "paywall", "masthead", "navbar", "navigation", "trending",
    "mostread", "mostpopular", "popular", "footer", "authorbio", "readmore", "morestories",
    "alsolike", "youmay", "jumplink",
};
/* Substrings that name the article body. */
static const char *const pos_strong[] = {
    "articlebody", "articlebody", "articlebody", "articlebody", "articlecontent",
    "articlecontent", "articlecontent", "storybody", "storybody", "storycontent",
    "entrycontent", "postcontent", "postbody", "postbody", "articletext", "articletext",
    "contentbody", "bodytext", "bodytext", "maincontent", "richtext", "richtext",
    "postentry", "entrybody", "storytext", "articlemain", "newstext", "detailbody",
};
static const char *const pos_tokens[] = {"article", "content", "entry", "main", "post", "story", "text", "body", "blog"};

static bool token_in(const char *s, size_t n, const char *const *list, size_t nl)
{
    for (size_t i = 0; i < nl; i++)
        if (str_ieq(s, n, list[i]))
            return true;
    return false;
}

static unsigned hint_flags(const char *cls, const char *id)
{
    unsigned f = 0;
    bool neg = false, pos = false, strong = false;
    const char *vals[2] = {cls, id};
    for (int v = 0; v < 2; v++) {
        const char *s = vals[v];
        if (!s || !*s)
            continue;
        /* Substrings are matched with separators squeezed out: "post_body", "post-body"
         * and "postBody" all read "postbody". */
        char sq[256];
        size_t o = 0;
        for (const char *q = s; *q && o + 1 < sizeof(sq); q++)
            if (*q != '-' && *q != '_')
                sq[o++] = (char)to_lower((unsigned char)*q);
        sq[o] = 0;
        for (size_t i = 0; i < DT_ARRAY_LEN(pos_strong) && !strong; i++)
            strong = strstr(sq, pos_strong[i]) != NULL;
        for (size_t i = 0; i < DT_ARRAY_LEN(neg_subs) && !neg; i++)
            neg = strstr(sq, neg_subs[i]) != NULL;
        const char *p = s;
        while (*p) {
            while (*p && !is_alnum((unsigned char)*p))
                p++;
            const char *w = p;
            while (*p && is_alnum((unsigned char)*p))
                p++;
            size_t wl = (size_t)(p - w);
            if (!wl)
                continue;
            if (!neg && token_in(w, wl, neg_tokens, DT_ARRAY_LEN(neg_tokens)))
                neg = true;
            if (!pos && token_in(w, wl, pos_tokens, DT_ARRAY_LEN(pos_tokens)))
                pos = true;
        }
    }
    if (strong)
        f |= HF_POS | HF_BODYPROP;
    else if (neg)
        f |= HF_NEG;
    else if (pos)
        f |= HF_POS;
    return f;
}

static bool is_hidden(const xmlChar **n)
{
    if (attr(n, "hidden"))
        return true;
    const char *ah = attr(n, "aria-hidden");
    if (ah && strcmp(ah, "true") == 0)
        return true;
    const char *st = attr(n, "style");
    if (st && *st) {
        for (const char *p = st; *p; p++) {
            if (to_lower((unsigned char)*p) != 'd' || !has_ci(p, "display"))
                continue;
            if (strncmp(p, "display", 7) == 0) {
                const char *q = p + 7;
                while (*q == ' ' || *q == ':')
                    q++;
                if (strncmp(q, "none", 4) == 0)
                    return true;
            }
        }
        if (has_ci(st, "visibility:hidden") || has_ci(st, "visibility: hidden"))
            return true;
    }
    return false;
}

/* ---------------------------------------------------------------- the walk */

/* Class names repeat all over a page: their hints are remembered by a 64-bit hash. */
#define HINT_CACHE 512
typedef struct hint_slot {
    uint64_t key;
    unsigned flags;
} hint_slot;

enum { CAP_NONE, CAP_TITLE, CAP_H1, CAP_LDJSON };

/* An open element on the SAX stack. */
typedef struct open_el {
    int idx;            /* node index, -1 for elements without a node (head, br, title...) */
    int saved_owner, saved_neg;
    uint8_t block, link, capture;
} open_el;

typedef struct walker {
    hpage *p;
    hint_slot *hints;
    size_t cur_start;     /* start of the open block in p->text */
    uint32_t cur_chars, cur_links, cur_words;
    int cur_owner, cur_neg;
    int in_link;
    bool space;           /* the open block ends in a blank (or is empty) */
    open_el *stack;
    size_t depth, stack_cap;
    int skip;             /* > 0 inside a dropped element (its nesting depth) */
    int capture;          /* CAP_*: text also collected into cap */
    buf cap;
} walker;

static void set_date(hpage *p, int rank, const char *s)
{
    int32_t day;
    if (rank > p->date_rank && s && date_parse_any(s, strlen(s), &day)) {
        p->date_rank = rank;
        p->date_day = day;
    }
}

static const char *const date_meta_names[] = {
    "article:published_time", "og:published_time", "og:article:published_time", "published_time",
    "article:published", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date",
    "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
    "dc.date.created", "dcterms.issued", "article.published", "datepublished", "article_date_original",
    "original-publish-date", "citation_publication_date", "citation_date", "cxenseparse:recs:publishtime",
    "release_date", "date.release", "dc.created", "og:pubdate", "article.created",
};

static void handle_meta(hpage *p, const xmlChar **n)
{
    const char *key = attr(n, "property");
    if (!key || !*key)
        key = attr(n, "name");
    if (!key || !*key)
        key = attr(n, "itemprop");
    const char *content = attr(n, "content");
    if (!key || !content)
        return;
    if (str_ieq(key, strlen(key), "og:title")) {
        snprintf(p->og_title, sizeof(p->og_title), "%s", content);
        return;
    }
    if (str_ieq(key, strlen(key), "og:url")) {
        if (!p->canonical[0])
            snprintf(p->canonical, sizeof(p->canonical), "%s", content);
        return;
    }
    for (size_t i = 0; i < DT_ARRAY_LEN(date_meta_names); i++)
        if (str_ieq(key, strlen(key), date_meta_names[i])) {
            set_date(p, HDATE_META, content);
            return;
        }
}

/* Copy collected text (blanks collapsed) into out, trimmed and cut at a character
 * boundary to fit cap. */
static void capture_to(const buf *b, char *out, size_t cap)
{
    size_t o = 0;
    bool sp = true;
    for (size_t i = 0; i < b->len && o + 4 < cap; i++) {
        unsigned char c = (unsigned char)b->data[i];
        if (is_space(c)) {
            if (!sp)
                out[o++] = ' ';
            sp = true;
        } else {
            out[o++] = (char)c;
            sp = false;
        }
    }
    while (o && (out[o - 1] == ' ' || ((unsigned char)out[o - 1] & 0xC0) == 0x80 ||
                 ((unsigned char)out[o - 1] & 0xC0) == 0xC0)) {
        if (((unsigned char)out[o - 1] & 0xC0) == 0x80) {
            size_t k = o - 1;
            while (k > 0 && ((unsigned char)out[k] & 0xC0) == 0x80)
                k--;
            uint32_t cp;
            if (utf8_decode((const unsigned char *)out + k, o - k, &cp) == o - k)
                break;
            o = k;
            continue;
        }
        o--;
    }
    out[o] = 0;
}

static void flush(walker *w)
{
    hpage *p = w->p;
    if (w->cur_chars == 0) {
        p->text.len = w->cur_start;
        if (p->text.data)
            p->text.data[p->text.len] = 0;
        w->space = true;
        return;
    }
    size_t end = p->text.len;
    while (end > w->cur_start && (p->text.data[end - 1] == ' ' || p->text.data[end - 1] == '\n'))
        end--;
    hblock b = {(uint32_t)w->cur_start, (uint32_t)(end - w->cur_start), w->cur_chars, w->cur_links,
                w->cur_words, w->cur_owner, w->cur_neg,
                w->cur_owner >= 0 ? p->nodes[w->cur_owner].kind : (uint16_t)HT_OTHER};
    p->text.len = end;
    if (buf_putc(&p->text, 0) ||
        vec_push((void **)&p->blocks, &p->nb, &p->capb, sizeof(hblock), &b) < 0)
        p->oom = true;
    w->cur_start = p->text.len;
    w->cur_chars = w->cur_links = w->cur_words = 0;
    w->space = true;
}

static void add_text(walker *w, const unsigned char *s, size_t n)
{
    hpage *p = w->p;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        bool blank = is_space(c) || (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0);
        if (blank) {
            if (!w->space && buf_putc(&p->text, ' '))
                p->oom = true;
            w->space = true;
            i += c == 0xC2 ? 2 : 1;
            continue;
        }
        size_t j = i;
        uint32_t chars = 0;
        while (j < n && !is_space(s[j]) && !(s[j] == 0xC2 && j + 1 < n && s[j + 1] == 0xA0)) {
            chars += (s[j] & 0xC0) != 0x80;
            j++;
        }
        if (w->space)
            w->cur_words++;
        if (buf_append(&p->text, s + i, j - i))
            p->oom = true;
        w->cur_chars += chars;
        if (w->in_link)
            w->cur_links += chars;
        w->space = false;
        i = j;
    }
}

static bool push(walker *w, open_el e)
{
    if (vec_push((void **)&w->stack, &w->depth, &w->stack_cap, sizeof(open_el), &e) < 0) {
        w->p->oom = true;
        return false;
    }
    return true;
}

/* The nearest open element with a node: the parent of a new element. */
static int open_parent(const walker *w)
{
    for (size_t i = w->depth; i > 0; i--)
        if (w->stack[i - 1].idx >= 0)
            return w->stack[i - 1].idx;
    return -1;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    walker *w = ctx;
    hpage *p = w->p;
    if (w->skip) {
        w->skip++;
        return;
    }
    open_el e = {-1, w->cur_owner, w->cur_neg, 0, 0, 0};
    const tag_info *t = tag_lookup((const char *)name);
    switch (t->action) {
    case TAG_DROP:
        if (t->block)
            flush(w);
        w->skip = 1;
        return;
    case TAG_META:
        handle_meta(p, atts);
        push(w, e);
        return;
    case TAG_LINK: {
        const char *rel = attr(atts, "rel"), *href = attr(atts, "href");
        if (rel && href && str_ieq(rel, strlen(rel), "canonical"))
            snprintf(p->canonical, sizeof(p->canonical), "%s", href);
        push(w, e);
        return;
    }
    case TAG_TITLE:
        if (p->title_tag[0] || w->capture) {
            w->skip = 1;
            return;
        }
        e.capture = CAP_TITLE;
        w->capture = CAP_TITLE;
        buf_clear(&w->cap);
        push(w, e);
        return;
    case TAG_SCRIPT: {
        const char *type = attr(atts, "type");
        if (!type || !has_ci(type, "ld+json") || w->capture) {
            w->skip = 1;
            return;
        }
        e.capture = CAP_LDJSON;
        w->capture = CAP_LDJSON;
        buf_clear(&w->cap);
        push(w, e);
        return;
    }
    case TAG_HEAD:
        push(w, e);
        return;
    default:
        break;
    }
    if (is_hidden(atts)) {
        w->skip = 1;
        return;
    }
    const char *itemprop = attr(atts, "itemprop");
    if (itemprop && str_ieq(itemprop, strlen(itemprop), "datePublished")) {
        const char *v = attr(atts, "content");
        if (!v)
            v = attr(atts, "datetime");
        set_date(p, HDATE_META, v);
    }
    const char *cls = attr(atts, "class"), *id = attr(atts, "id");
    unsigned flags = 0;
    if ((cls && *cls) || (id && *id)) {
        uint64_t key = hash_bytes(cls ? cls : "", cls ? strlen(cls) : 0) ^
                       hash_u64(hash_bytes(id ? id : "", id ? strlen(id) : 0)) ^ 1;
        hint_slot *slot = w->hints ? &w->hints[key & (HINT_CACHE - 1)] : NULL;
        if (slot && slot->key == key) {
            flags = slot->flags;
        } else {
            flags = hint_flags(cls, id);
            if (slot) {
                slot->key = key;
                slot->flags = flags;
            }
        }
    }
    const char *role = attr(atts, "role");
    if (role && (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
                 strcmp(role, "complementary") == 0 || strcmp(role, "contentinfo") == 0 ||
                 strcmp(role, "menu") == 0 || strcmp(role, "dialog") == 0 || strcmp(role, "alert") == 0))
        flags = (flags & ~(unsigned)HF_POS) | HF_NEG;
    if (itemprop && (str_ieq(itemprop, strlen(itemprop), "articleBody") ||
                     str_ieq(itemprop, strlen(itemprop), "text")))
        flags = (flags & ~(unsigned)HF_NEG) | HF_POS | HF_BODYPROP;
    if (t->kind == HT_SECTION && name[0] != 's') /* <header>, <footer> */
        flags = (flags & ~(unsigned)(HF_POS | HF_BODYPROP)) | HF_NEG;
    /* An inline element marked as boilerplate (a caption or share link in a span) is made a
     * block of its own, so the container choice can leave it out. */
    bool block = t->block || (flags & HF_NEG);
    if (t->kind == HT_H1 && !p->h1[0] && !w->capture) {
        e.capture = CAP_H1;
        w->capture = CAP_H1;
        buf_clear(&w->cap);
    }
    int pidx = open_parent(w);
    if (t->kind == HT_TIME && p->time_node < 0) {
        const char *dt = attr(atts, "datetime");
        int32_t day;
        if (dt && date_parse_any(dt, strlen(dt), &day)) {
            p->time_day = day;
            p->time_node = pidx;
        }
    }
    if (t->kind == HT_BR) {
        if (!w->space && buf_putc(&p->text, '\n'))
            p->oom = true;
        w->space = true;
        push(w, e);
        return;
    }
    int neg = pidx >= 0 ? p->nodes[pidx].neg : -1;
    hnode hn = {pidx, 0, neg, t->kind, (uint16_t)(flags | (block ? HF_BLOCK : 0)),
                pidx >= 0 ? p->nodes[pidx].depth + 1 : 0};
    int idx = (int)vec_push((void **)&p->nodes, &p->nn, &p->capn, sizeof(hnode), &hn);
    if (idx < 0) {
        p->oom = true;
        w->skip = 1;
        return;
    }
    if (flags & HF_NEG)
        p->nodes[idx].neg = idx;
    e.idx = idx;
    e.block = block;
    e.link = t->kind == HT_A;
    if (block) {
        flush(w);
        w->cur_owner = idx;
        w->cur_neg = p->nodes[idx].neg;
    }
    if (e.link)
        w->in_link++;
    push(w, e);
}

static void on_end(void *ctx, const xmlChar *name)
{
    walker *w = ctx;
    hpage *p = w->p;
    (void)name;
    if (w->skip) {
        w->skip--;
        return;
    }
    if (w->depth == 0)
        return;
    open_el e = w->stack[--w->depth];
    if (e.capture && e.capture == w->capture) {
        if (e.capture == CAP_TITLE)
            capture_to(&w->cap, p->title_tag, sizeof(p->title_tag));
        else if (e.capture == CAP_H1)
            capture_to(&w->cap, p->h1, sizeof(p->h1));
        else if (w->cap.len && buf_append(&p->ldjson, w->cap.data, w->cap.len) == 0)
            (void)buf_putc(&p->ldjson, 0);
        w->capture = CAP_NONE;
    }
    if (e.idx < 0)
        return;
    if (e.link)
        w->in_link--;
    if (e.block) {
        flush(w);
        w->cur_owner = e.saved_owner;
        w->cur_neg = e.saved_neg;
    }
    p->nodes[e.idx].end = (int)p->nn;
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    walker *w = ctx;
    if (w->skip || len <= 0)
        return;
    if (w->capture) {
        if (buf_append(&w->cap, s, (size_t)len))
            w->capture = CAP_NONE; /* too long to be a title: stop collecting */
        if (w->capture != CAP_H1)
            return; /* title and JSON-LD are not page text */
    }
    add_text(w, s, (size_t)len);
}

void hpage_init(hpage *p)
{
    memset(p, 0, sizeof(*p));
    buf_init(&p->text, 0);
    buf_init(&p->ldjson, 4u << 20);
    p->time_node = -1;
    p->date_day = DATE_NONE;
    p->time_day = DATE_NONE;
}

void hpage_free(hpage *p)
{
    free(p->nodes);
    free(p->blocks);
    buf_free(&p->text);
    buf_free(&p->ldjson);
    memset(p, 0, sizeof(*p));
}

int hpage_build(hpage *p, const char *html, size_t n)
{
    if (n > INT32_MAX)
        return DT_ELIMIT;
    if (xml_lib_open())
        return DT_ENOLIB;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof(sax));
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    walker w;
    memset(&w, 0, sizeof(w));
    w.p = p;
    w.hints = calloc(HINT_CACHE, sizeof(hint_slot));
    w.cur_owner = w.cur_neg = -1;
    w.space = true;
    buf_init(&w.cap, 4u << 20);
    if (buf_reserve(&p->text, n / 2 + 64) || !w.hints) {
        free(w.hints);
        return DT_ENOMEM;
    }
    /* The bytes are UTF-8 already (charset_to_utf8): the parser must not switch encodings
     * on a <meta charset>. */
    htmlParserCtxtPtr ctx = htmlCreateMemoryParserCtxt(n ? html : " ", n ? (int)n : 1);
    if (!ctx) {
        free(w.hints);
        buf_free(&w.cap);
        return DT_ENOMEM;
    }
    htmlCtxtUseOptions(ctx, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
    memcpy(ctx->sax, &sax, sizeof(sax));
    ctx->userData = &w;
    xmlSwitchEncoding(ctx, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctx);
    flush(&w);
    htmlFreeParserCtxt(ctx);
    free(w.hints);
    free(w.stack);
    buf_free(&w.cap);
    if (p->oom)
        return DT_ENOMEM;
    return p->nn ? 0 : DT_EPARSE;
}
