/* html.h — the flattened page model shared by the HTML walker (html_dom.c) and the
 * article extractor (extract.c): elements in document order, text blocks, metadata. */
#ifndef DT_HTML_H
#define DT_HTML_H

#include "ingest.h"

/* Element kinds the extractor cares about. */
enum {
    HT_OTHER = 0, HT_P, HT_DIV, HT_H1, HT_H2, HT_H3, HT_LI, HT_LIST, HT_QUOTE, HT_PRE, HT_TABLE,
    HT_CELL, HT_ARTICLE, HT_MAIN, HT_SECTION, HT_BODY, HT_A, HT_BR, HT_TIME, HT_DT, HT_FORM,
    HT_SPAN
};

/* Element flags. */
enum {
    HF_BLOCK = 1 << 0,   /* starts and ends a text block */
    HF_NEG = 1 << 1,     /* class/id/role says boilerplate (share, comments, related, ...) */
    HF_POS = 1 << 2,     /* class/id says article text (article-body, entry-content, ...) */
    HF_BODYPROP = 1 << 3,/* itemprop=articleBody or a well-known article-body class */
};

typedef struct hnode {
    int parent;     /* index, -1 for the root */
    int end;        /* one past the last descendant (elements are in document order) */
    int neg;        /* nearest HF_NEG ancestor-or-self, -1 if none */
    uint16_t kind;
    uint16_t flags;
    int depth;
} hnode;

typedef struct hblock {
    uint32_t start, len;  /* slice of the page text */
    uint32_t chars;       /* characters (not bytes) */
    uint32_t link_chars;  /* characters inside links */
    uint32_t words;
    int owner;            /* nearest block element */
    int neg;              /* nearest HF_NEG ancestor-or-self of the text */
    uint16_t kind;        /* kind of the owner */
} hblock;

enum { HDATE_NONE = 0, HDATE_DATELINE, HDATE_URL, HDATE_TIME, HDATE_JSONLD, HDATE_META };

typedef struct hpage {
    hnode *nodes;
    size_t nn, capn;
    hblock *blocks;
    size_t nb, capb;
    buf text;             /* block texts, each followed by a NUL */
    /* metadata found while walking */
    char title_tag[1024];
    char og_title[1024];
    char h1[1024];
    char canonical[1024];
    int32_t date_day;
    int date_rank;        /* HDATE_*: the best source seen so far */
    int32_t time_day;     /* first <time datetime> in the body */
    int time_node;
    buf ldjson;           /* JSON-LD scripts, concatenated for a second look */
    bool oom;
} hpage;

void hpage_init(hpage *p);
void hpage_free(hpage *p);
/* Parse UTF-8 HTML with libxml2 and flatten it into p. Returns 0, DT_ENOMEM or DT_EPARSE. */
int hpage_build(hpage *p, const char *html, size_t n);

#endif
