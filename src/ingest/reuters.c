/* reuters.c — Reuters news corpora as XML: Reuters-21578 records (<REUTERS> with <DATE>,
 * <TITLE>, <DATELINE>, <BODY>, one per file or many under <LEWIS>, as R's tm package ships
 * them) and RCV1 <newsitem> files (date attribute, <headline>, <text><p>...). */
#include "ingest.h"

#include "xmllib.h"

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

static const char *text_of(arena *mem, const xmlNode *n, size_t *len)
{
    *len = 0;
    if (!n)
        return NULL;
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    dt_slice t = str_trim((const char *)c, strlen((const char *)c));
    char *s = arena_strndup(mem, t.ptr, t.len);
    xmlFree(c);
    if (s)
        *len = t.len;
    return s;
}

/* Reuters-21578 bodies are wire copy: lines broken at 70 columns and ending in
 * " Reuter" plus a control character. Join the lines, keep paragraph breaks (an indented
 * line starts a paragraph) and drop the sign-off. */
static const char *wire_text(arena *mem, const char *s, size_t n, size_t *out_len)
{
    char *o = arena_alloc(mem, n + 1);
    size_t k = 0;
    if (!o) {
        *out_len = 0;
        return "";
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            bool para = i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t');
            while (k && o[k - 1] == ' ')
                k--;
            o[k++] = para ? '\n' : ' ';
            while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t'))
                i++;
        } else if (c < 32 && c != '\t') {
            continue;
        } else {
            o[k++] = (char)c;
        }
    }
    while (k && (o[k - 1] == ' ' || o[k - 1] == '\n'))
        k--;
    /* the sign-off: "... Reuter" or "REUTER" at the end */
    static const char *const sign[] = {" Reuter", "\nReuter", " REUTER", "\nREUTER"};
    for (size_t j = 0; j < 4; j++) {
        size_t sl = strlen(sign[j]);
        if (k >= sl && memcmp(o + k - sl, sign[j], sl) == 0) {
            k -= sl;
            break;
        }
    }
    while (k && (o[k - 1] == ' ' || o[k - 1] == '\n'))
        k--;
    o[k] = 0;
    *out_len = k;
    return o;
}

static int add(feed_items *items, const feed_item *it)
{
    return vec_push((void **)&items->v, &items->n, &items->cap, sizeof(feed_item), it) < 0 ? DT_ENOMEM : 0;
}

static char *format_day(arena *mem, int32_t day)
{
    char *d = arena_alloc(mem, 11);
    if (d)
        dt_date_format(day, d, 11);
    return d;
}

static int one_reuters(const xmlNode *r, const char *name, arena *mem, feed_items *items, dt_diag_fn diag, void *user)
{
    feed_item it;
    memset(&it, 0, sizeof(it));
    it.offset = -1;
    it.line = xmlGetLineNo(r);
    xmlChar *newid = xmlGetProp(r, (const xmlChar *)"NEWID");
    if (newid) {
        it.id = arena_strndup(mem, (const char *)newid, strlen((const char *)newid));
        xmlFree(newid);
    }
    size_t l;
    const char *date = text_of(mem, child(r, "DATE"), &l);
    int32_t day;
    /* "26-FEB-1987 15:18:06.67" */
    if (date && date_parse_any(date, DT_MIN(l, (size_t)11), &day)) {
        it.date = format_day(mem, day);
        it.date_source = "field";
    }
    const xmlNode *text = child(r, "TEXT");
    it.title = text_of(mem, child(text, "TITLE"), &l);
    const char *body = text_of(mem, child(text, "BODY"), &l);
    if (body && l) {
        it.text = wire_text(mem, body, l, &it.text_len);
    } else if (text) {
        /* TYPE="BRIEF" or "UNPROC" records keep their text directly under <TEXT> */
        const char *t = text_of(mem, text, &l);
        if (t && l)
            it.text = wire_text(mem, t, l, &it.text_len);
    }
    if (!it.text || !it.text_len) {
        items->bad++;
        diag_emit(diag, user, DT_EPARSE, name, it.line, 0, -1, "Reuters record %s without text: skipped",
                  it.id ? it.id : "");
        return 0;
    }
    return add(items, &it);
}

static int one_newsitem(const xmlNode *r, const char *name, arena *mem, feed_items *items, dt_diag_fn diag,
                        void *user)
{
    feed_item it;
    memset(&it, 0, sizeof(it));
    it.offset = -1;
    it.line = xmlGetLineNo(r);
    xmlChar *id = xmlGetProp(r, (const xmlChar *)"itemid"), *date = xmlGetProp(r, (const xmlChar *)"date");
    if (id)
        it.id = arena_strndup(mem, (const char *)id, strlen((const char *)id));
    int32_t day;
    if (date && date_parse_any((const char *)date, strlen((const char *)date), &day)) {
        it.date = format_day(mem, day);
        it.date_source = "field";
    }
    xmlFree(id);
    xmlFree(date);
    size_t l;
    it.title = text_of(mem, child(r, "headline"), &l);
    const xmlNode *text = child(r, "text");
    buf b;
    buf_init(&b, 0);
    for (const xmlNode *p = text ? text->children : NULL; p; p = p->next) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        const char *t = text_of(mem, p, &l);
        if (t && l && ((b.len && buf_putc(&b, '\n')) || buf_append(&b, t, l)))
            break;
    }
    if (b.len) {
        it.text = arena_strndup(mem, b.data, b.len);
        it.text_len = it.text ? b.len : 0;
    }
    buf_free(&b);
    if (!it.text_len) {
        items->bad++;
        diag_emit(diag, user, DT_EPARSE, name, it.line, 0, -1, "newsitem without text: skipped");
        return 0;
    }
    return add(items, &it);
}

int reuters_parse(const char *s, size_t n, const char *name, arena *mem, feed_items *items,
                  dt_diag_fn diag, void *user)
{
    if (n > INT32_MAX)
        return DT_ELIMIT;
    if (xml_lib_open())
        return DT_ENOLIB;
    int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
    xmlDocPtr doc = xmlReadMemory(s, (int)n, NULL, "UTF-8", opts);
    if (!doc)
        return DT_EPARSE;
    int rc = 0;
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        rc = DT_EPARSE;
    } else if (strcmp((const char *)root->name, "REUTERS") == 0) {
        rc = one_reuters(root, name, mem, items, diag, user);
    } else if (strcmp((const char *)root->name, "newsitem") == 0) {
        rc = one_newsitem(root, name, mem, items, diag, user);
    } else {
        size_t before = items->n + items->bad;
        for (const xmlNode *c = root->children; c && rc == 0; c = c->next)
            if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "REUTERS") == 0)
                rc = one_reuters(c, name, mem, items, diag, user);
        if (rc == 0 && items->n + items->bad == before)
            rc = DT_EFORMAT;
    }
    xmlFreeDoc(doc);
    return rc;
}
