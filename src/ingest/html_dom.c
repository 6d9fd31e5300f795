/* html_dom.c — parse a page with libxml2's HTML parser and flatten it for the extractor:
 * elements in document order with class/id hints, text blocks with link density, and the
 * metadata a page carries (titles, canonical URL, publication dates, JSON-LD). */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <libxml/tree.h>

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

static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    }
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
    "mostread", "mostread", "mostpopular", "popular", "footer", "authorbio", "authorbio",
    "readmore", "readmore", "morestories", "morestories", "alsolike", "youmay", "jumplink",
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

static bool is_hidden(const xmlNode *n)
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

typedef struct walker {
    hpage *p;
    hint_slot *hints;
    size_t cur_start;     /* start of the open block in p->text */
    uint32_t cur_chars, cur_links, cur_words;
    int cur_owner, cur_neg;
    int in_link;
    bool space;           /* the open block ends in a blank (or is empty) */
    int depth;
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

static void handle_meta(hpage *p, const xmlNode *n)
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

static void text_rec(const xmlNode *n, char *out, size_t cap, size_t *o, bool *sp, int depth)
{
    for (const xmlNode *c = n->children; c && depth < 64; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            for (const unsigned char *s = c->content; *s && *o + 4 < cap; s++) {
                if (is_space(*s)) {
                    if (!*sp)
                        out[(*o)++] = ' ';
                    *sp = true;
                } else {
                    out[(*o)++] = (char)*s;
                    *sp = false;
                }
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            text_rec(c, out, cap, o, sp, depth + 1);
        }
    }
}

/* The text of an element, blanks collapsed, cut at a character boundary to fit cap. */
static void text_of(const xmlNode *n, char *out, size_t cap)
{
    size_t o = 0;
    bool sp = true;
    text_rec(n, out, cap, &o, &sp, 0);
    while (o && (out[o - 1] == ' ' || ((unsigned char)out[o - 1] & 0xC0) == 0x80 ||
                 ((unsigned char)out[o - 1] & 0xC0) == 0xC0)) {
        if (((unsigned char)out[o - 1] & 0xC0) == 0x80) {
            /* keep a complete sequence: find its lead byte and check the length */
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

static void add_text(walker *w, const unsigned char *s)
{
    hpage *p = w->p;
    size_t i = 0;
    while (s[i]) {
        unsigned char c = s[i];
        bool blank = is_space(c) || (c == 0xC2 && s[i + 1] == 0xA0);
        if (blank) {
            if (!w->space && buf_putc(&p->text, ' '))
                p->oom = true;
            w->space = true;
            i += c == 0xC2 ? 2 : 1;
            continue;
        }
        size_t j = i;
        uint32_t chars = 0;
        while (s[j] && !is_space(s[j]) && !(s[j] == 0xC2 && s[j + 1] == 0xA0)) {
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

static void walk(walker *w, const xmlNode *parent, int pidx, int neg);

static void element(walker *w, const xmlNode *n, int pidx, int neg)
{
    hpage *p = w->p;
    const tag_info *t = tag_lookup((const char *)n->name);
    switch (t->action) {
    case TAG_DROP:
        if (t->block)
            flush(w);
        return;
    case TAG_META:
        handle_meta(p, n);
        return;
    case TAG_LINK: {
        const char *rel = attr(n, "rel"), *href = attr(n, "href");
        if (rel && href && str_ieq(rel, strlen(rel), "canonical"))
            snprintf(p->canonical, sizeof(p->canonical), "%s", href);
        return;
    }
    case TAG_TITLE:
        if (!p->title_tag[0])
            text_of(n, p->title_tag, sizeof(p->title_tag));
        return;
    case TAG_SCRIPT: {
        const char *type = attr(n, "type");
        if (type && has_ci(type, "ld+json") && n->children && n->children->content) {
            if (buf_puts(&p->ldjson, (const char *)n->children->content) == 0)
                (void)buf_putc(&p->ldjson, 0);
        }
        return;
    }
    case TAG_HEAD:
        walk(w, n, pidx, neg);
        return;
    default:
        break;
    }
    if (is_hidden(n))
        return;
    const char *itemprop = attr(n, "itemprop");
    if (itemprop && str_ieq(itemprop, strlen(itemprop), "datePublished")) {
        const char *v = attr(n, "content");
        if (!v)
            v = attr(n, "datetime");
        set_date(p, HDATE_META, v);
    }
    const char *cls = attr(n, "class"), *id = attr(n, "id");
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
    const char *role = attr(n, "role");
    if (role && (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
                 strcmp(role, "complementary") == 0 || strcmp(role, "contentinfo") == 0 ||
                 strcmp(role, "menu") == 0 || strcmp(role, "dialog") == 0 || strcmp(role, "alert") == 0))
        flags = (flags & ~(unsigned)HF_POS) | HF_NEG;
    if (itemprop && (str_ieq(itemprop, strlen(itemprop), "articleBody") ||
                     str_ieq(itemprop, strlen(itemprop), "text")))
        flags = (flags & ~(unsigned)HF_NEG) | HF_POS | HF_BODYPROP;
    if (t->kind == HT_SECTION && n->name[0] != 's') /* <header>, <footer> */
        flags = (flags & ~(unsigned)(HF_POS | HF_BODYPROP)) | HF_NEG;
    /* An inline element marked as boilerplate (a caption or share link in a span) is made a
     * block of its own, so the container choice can leave it out. */
    bool block = t->block || (flags & HF_NEG);
    if (t->kind == HT_H1 && !p->h1[0])
        text_of(n, p->h1, sizeof(p->h1));
    if (t->kind == HT_TIME && p->time_node < 0) {
        const char *dt = attr(n, "datetime");
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
        return;
    }
    hnode hn = {pidx, 0, neg, t->kind, (uint16_t)(flags | (block ? HF_BLOCK : 0)),
                pidx >= 0 ? p->nodes[pidx].depth + 1 : 0};
    int idx = (int)vec_push((void **)&p->nodes, &p->nn, &p->capn, sizeof(hnode), &hn);
    if (idx < 0) {
        p->oom = true;
        return;
    }
    if (flags & HF_NEG)
        p->nodes[idx].neg = idx;
    int my_neg = p->nodes[idx].neg;
    int saved_owner = w->cur_owner, saved_neg = w->cur_neg;
    if (block) {
        flush(w);
        w->cur_owner = idx;
        w->cur_neg = my_neg;
    }
    if (t->kind == HT_A)
        w->in_link++;
    walk(w, n, idx, my_neg);
    if (t->kind == HT_A)
        w->in_link--;
    if (block) {
        flush(w);
        w->cur_owner = saved_owner;
        w->cur_neg = saved_neg;
    }
    p->nodes[idx].end = (int)p->nn;
}

static void walk(walker *w, const xmlNode *parent, int pidx, int neg)
{
    if (++w->depth > 400) {
        w->depth--;
        return;
    }
    for (const xmlNode *c = parent->children; c && !w->p->oom; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                add_text(w, c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            element(w, c, pidx, neg);
        }
    }
    w->depth--;
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
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(html, (int)n, NULL, "UTF-8", opts);
    if (!doc)
        return DT_EPARSE;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        xmlFreeDoc(doc);
        return DT_EPARSE;
    }
    if (buf_reserve(&p->text, n / 2 + 64)) {
        xmlFreeDoc(doc);
        return DT_ENOMEM;
    }
    walker w = {p, calloc(HINT_CACHE, sizeof(hint_slot)), 0, 0, 0, 0, -1, -1, 0, true, 0};
    /* The root element itself goes through element() so it gets a node. */
    element(&w, root, -1, -1);
    flush(&w);
    free(w.hints);
    xmlFreeDoc(doc);
    return p->oom ? DT_ENOMEM : 0;
}
