/* feed.c — RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds through libxml2 (recovering from
 * the usual breakage: bare ampersands, cut-off documents): one item per entry with its link,
 * id, title, date (pubDate, dc:date, published, updated) and text (content:encoded, content,
 * description, summary; HTML inside cleaned to text). */
#include "html.h"

#include "xmllib.h"

static bool is_el(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const char *ns_prefix(const xmlNode *n) { return n->ns && n->ns->prefix ? (const char *)n->ns->prefix : ""; }
static const char *ns_href(const xmlNode *n) { return n->ns && n->ns->href ? (const char *)n->ns->href : ""; }

/* The text content of an element, as an arena string (blanks trimmed). */
static const char *content(arena *mem, const xmlNode *n, size_t *len)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) {
        if (len)
            *len = 0;
        return "";
    }
    dt_slice t = str_trim((const char *)c, strlen((const char *)c));
    char *s = arena_strndup(mem, t.ptr, t.len);
    xmlFree(c);
    if (len)
        *len = s ? t.len : 0;
    return s ? s : "";
}

/* The markup inside an element (Atom type="xhtml" content), serialised. */
static const char *inner_xml(arena *mem, const xmlNode *n, size_t *len)
{
    xmlBufferPtr b = xmlBufferCreate();
    if (!b)
        return "";
    for (const xmlNode *c = n->children; c; c = c->next)
        xmlNodeDump(b, n->doc, (xmlNode *)(uintptr_t)c, 0, 0);
    const char *s = arena_strndup(mem, (const char *)xmlBufferContent(b), (size_t)xmlBufferLength(b));
    *len = s ? (size_t)xmlBufferLength(b) : 0;
    xmlBufferFree(b);
    return s ? s : "";
}

static const char *html_to_text(arena *mem, const char *s, size_t n, size_t *out_len)
{
    buf t;
    buf_init(&t, 0);
    const char *res = "";
    *out_len = 0;
    if (html_fragment_text(s, n, &t) == 0 && t.data) {
        char *c = arena_strndup(mem, t.data, t.len);
        if (c) {
            res = c;
            *out_len = t.len;
        }
    }
    buf_free(&t);
    return res;
}

static void set_date(arena *mem, feed_item *it, const char *s, size_t n, int rank, int *best)
{
    int32_t day;
    if (rank <= *best || !date_parse_any(s, n, &day))
        return;
    char *d = arena_alloc(mem, 11);
    if (!d)
        return;
    dt_date_format(day, d, 11);
    it->date = d;
    it->date_source = "feed";
    *best = rank;
}

static int parse_item(const xmlNode *item, bool atom, arena *mem, feed_item *it)
{
    memset(it, 0, sizeof(*it));
    it->offset = -1;
    it->line = xmlGetLineNo(item);
    const char *rich = NULL, *plain = NULL;
    size_t rich_len = 0, plain_len = 0;
    bool rich_is_html = true, plain_is_html = true;
    int date_rank = 0;
    for (const xmlNode *c = item->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name, *pre = ns_prefix(c), *href = ns_href(c);
        size_t l;
        if (strcmp(name, "title") == 0 && !it->title) {
            it->title = content(mem, c, NULL);
        } else if (strcmp(name, "link") == 0) {
            xmlChar *h = xmlGetProp(c, (const xmlChar *)"href");
            if (h) {
                xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
                if (!rel || strcmp((const char *)rel, "alternate") == 0 || !it->url)
                    it->url = arena_strndup(mem, (const char *)h, strlen((const char *)h));
                xmlFree(rel);
                xmlFree(h);
            } else if (!it->url) {
                it->url = content(mem, c, NULL);
            }
        } else if ((strcmp(name, "guid") == 0 || strcmp(name, "id") == 0) && !it->id) {
            it->id = content(mem, c, NULL);
        } else if (strcmp(name, "encoded") == 0 && (strcmp(pre, "content") == 0 || strstr(href, "content"))) {
            rich = content(mem, c, &rich_len);
        } else if (strcmp(name, "content") == 0 && atom) {
            xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
            if (type && strcmp((const char *)type, "xhtml") == 0)
                rich = inner_xml(mem, c, &rich_len);
            else
                rich = content(mem, c, &rich_len);
            rich_is_html = !type || strcmp((const char *)type, "text") != 0;
            xmlFree(type);
        } else if (strcmp(name, "description") == 0 || strcmp(name, "summary") == 0) {
            xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
            if (type && strcmp((const char *)type, "xhtml") == 0)
                plain = inner_xml(mem, c, &plain_len);
            else
                plain = content(mem, c, &plain_len);
            plain_is_html = !(atom && (!type || strcmp((const char *)type, "text") == 0));
            xmlFree(type);
        } else if (strcmp(name, "pubDate") == 0 || strcmp(name, "published") == 0 || strcmp(name, "issued") == 0) {
            const char *d = content(mem, c, &l);
            set_date(mem, it, d, l, 3, &date_rank);
        } else if (strcmp(name, "date") == 0 || strcmp(name, "created") == 0) {
            const char *d = content(mem, c, &l);
            set_date(mem, it, d, l, 2, &date_rank);
        } else if (strcmp(name, "updated") == 0 || strcmp(name, "modified") == 0) {
            const char *d = content(mem, c, &l);
            set_date(mem, it, d, l, 1, &date_rank);
        }
    }
    const char *body = rich && rich_len ? rich : plain;
    size_t blen = rich && rich_len ? rich_len : plain_len;
    bool html = rich && rich_len ? rich_is_html : plain_is_html;
    if (body && blen) {
        if (html) {
            it->text = html_to_text(mem, body, blen, &it->text_len);
        } else {
            it->text = body;
            it->text_len = blen;
        }
    }
    if (!it->text) {
        it->text = "";
        it->text_len = 0;
    }
    if ((!it->id || !*it->id) && it->url)
        it->id = it->url;
    return 0;
}

static int add_item(feed_items *items, const feed_item *it)
{
    return vec_push((void **)&items->v, &items->n, &items->cap, sizeof(feed_item), it) < 0 ? DT_ENOMEM : 0;
}

int feed_parse(const char *xml, size_t n, const char *name, arena *mem, feed_items *items,
               dt_diag_fn diag, void *user)
{
    if (n > INT32_MAX)
        return DT_ELIMIT;
    if (xml_lib_open())
        return DT_ENOLIB;
    int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
               XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    xmlDocPtr doc = xmlReadMemory(xml, (int)n, NULL, "UTF-8", opts);
    if (!doc)
        return DT_EPARSE;
    int rc = 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        rc = DT_EPARSE;
        goto out;
    }
    const char *rn = (const char *)root->name;
    bool atom = strcmp(rn, "feed") == 0;
    const xmlNode *parent = NULL;
    if (atom || strcmp(rn, "RDF") == 0) {
        parent = root;
    } else if (strcmp(rn, "rss") == 0) {
        for (const xmlNode *c = root->children; c; c = c->next)
            if (is_el(c, "channel")) {
                parent = c;
                break;
            }
    } else {
        rc = DT_EFORMAT;
        goto out;
    }
    if (!parent)
        parent = root; /* <rss> without a channel: a feed with no items */
    /* RSS 1.0 keeps items beside the channel; RSS 2.0 inside it; Atom under the root. */
    const char *item_name = atom ? "entry" : "item";
    for (int pass = 0; pass < 2; pass++) {
        const xmlNode *from = pass == 0 ? parent : root;
        if (pass == 1 && from == parent)
            break;
        for (const xmlNode *c = from->children; c && rc == 0; c = c->next) {
            if (!is_el(c, item_name))
                continue;
            feed_item it;
            parse_item(c, atom, mem, &it);
            if (!it.text_len && !(it.title && *it.title)) {
                items->bad++;
                diag_emit(diag, user, DT_EPARSE, name, it.line, 0, -1, "feed item without text or title: skipped");
                continue;
            }
            if (!it.text_len && it.title) {
                it.text = it.title;
                it.text_len = strlen(it.title);
            }
            rc = add_item(items, &it);
        }
    }
out:
    xmlFreeDoc(doc);
    return rc;
}
