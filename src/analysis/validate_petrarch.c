/* validate_petrarch.c — PETRARCH's PETR.UnitTest.records.xml (libxml2): the dictionaries
 * named by <Environment>, <Sentence> records with <EventCoding> (events, noevents, error)
 * and <Text>, and <Config option value> changes between them. Parse trees are not used. */
#include "validate.h"

#include "../dict/compat.h"

#include "../ingest/xmllib.h"

#include <stdio.h>
#include <stdlib.h>

static bool name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* A property, or "" (the caller frees non-empty results with xmlFree). */
static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    return (char *)v;
}

static void copy_trim(char *out, size_t cap, const char *s)
{
    dt_slice t = str_trim(s ? s : "", s ? strlen(s) : 0);
    snprintf(out, cap, "%.*s", (int)DT_MIN(t.len, cap - 1), t.ptr);
}

/* A dictionary named in <Environment>: beside the suite or in ../dictionaries. */
static bool find_dict(const char *suite, const char *name, char *out, size_t cap)
{
    const char *slash = strrchr(suite, '/');
    int dl = slash ? (int)(slash - suite) : 1;
    const char *dir = slash ? suite : ".";
    static const char *const rel[] = {"", "../dictionaries/", "dictionaries/"};
    for (size_t i = 0; i < DT_ARRAY_LEN(rel); i++) {
        int w = snprintf(out, cap, "%.*s/%s%s", dl, dir, rel[i], name);
        if (w < 0 || (size_t)w >= cap)
            continue;
        FILE *f = fopen(out, "rb");
        if (f) {
            fclose(f);
            return true;
        }
    }
    return false;
}

typedef struct penv {
    char spec[4096];
    size_t len;
    char include[512];
    bool have_include;
} penv;

static int environment(const char *path, const xmlNode *env, penv *pe, dt_error *err)
{
    static const struct { const char *tag, *kind; } tags[] = {
        {"Verbfile", "verbs"}, {"Actorfile", "actors"}, {"Agentfile", "agents"},
        {"Discardfile", "discards"}, {"Issuefile", "issues"}};
    pe->len = (size_t)snprintf(pe->spec, sizeof(pe->spec), "petrarch:");
    for (const xmlNode *n = env->children; n; n = n->next) {
        if (name_is(n, "Include")) {
            xmlChar *v = xmlNodeGetContent(n);
            copy_trim(pe->include, sizeof(pe->include), (const char *)v);
            pe->have_include = true;
            xmlFree(v);
            continue;
        }
        for (size_t k = 0; k < DT_ARRAY_LEN(tags); k++) {
            if (!name_is(n, tags[k].tag))
                continue;
            xmlChar *v = xmlNodeGetContent(n);
            char name[512], full[1100];
            copy_trim(name, sizeof(name), (const char *)v);
            xmlFree(v);
            if (!name[0])
                continue;
            if (!find_dict(path, name, full, sizeof(full))) {
                err_set(err, DT_ENOTFOUND, path, 0, 0, "<%s>%s</%s>: not found beside the suite or in ../dictionaries",
                        tags[k].tag, name, tags[k].tag);
                return DT_ENOTFOUND;
            }
            int w = snprintf(pe->spec + pe->len, sizeof(pe->spec) - pe->len, "%s%s=%s",
                             pe->len > 9 ? "," : "", tags[k].kind, full);
            if (w < 0 || (size_t)w >= sizeof(pe->spec) - pe->len) {
                err_set(err, DT_ELIMIT, path, 0, 0, "dictionary paths too long");
                return DT_ELIMIT;
            }
            pe->len += (size_t)w;
        }
    }
    if (pe->len <= 9) {
        err_set(err, DT_ENOTFOUND, path, 0, 0, "<Environment> names no dictionaries; give --dict petrarch:...");
        return DT_ENOTFOUND;
    }
    return 0;
}

static bool included(const penv *pe, const char *category)
{
    if (!pe->have_include || !category || !*category)
        return true;
    size_t cl = strlen(category);
    const char *p = pe->include;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if ((size_t)(e - p) == cl && memcmp(p, category, cl) == 0)
            return true;
        p = e;
    }
    return false;
}

static void config_change(vrun *v, const xmlNode *n)
{
    char *opt = prop(n, "option"), *val = prop(n, "value");
    if (opt && val) {
        tb_state *s = tabari_state(v->c);
        if (s && petrarch_config_option(&s->opt, opt, strlen(opt), val, strlen(val)) < 0)
            diag_emit(v->diag, v->user, DT_EPARSE, v->path, (long)xmlGetLineNo(n), 0, -1,
                      "bad <Config option=\"%s\" value=\"%s\">", opt, val);
    }
    xmlFree(opt);
    xmlFree(val);
}

static int sentence(vrun *v, const penv *pe, const xmlNode *n, vrec *r, buf *text)
{
    memset(r, 0, sizeof(*r));
    r->exp_day = DATE_NONE;
    char *id = prop(n, "id"), *date = prop(n, "date"), *cat = prop(n, "category"), *sent = prop(n, "sentence");
    copy_trim(r->id, sizeof(r->id), id ? id : "(no id)");
    char d8[16];
    copy_trim(d8, sizeof(d8), date);
    int32_t day;
    if (compat_date(d8, strlen(d8), true, &day))
        dt_date_format(day, r->date, sizeof(r->date));
    else
        r->skip_why = "bad date";
    if (!included(pe, cat))
        r->skip_why = "category not in <Include>";
    if (sent && str_ieq(sent, strlen(sent), "false"))
        r->skip_why = "sentence=\"false\"";
    buf_clear(text);
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (name_is(c, "Text")) {
            xmlChar *t = xmlNodeGetContent(c);
            dt_slice ts = str_trim((const char *)t, strlen((const char *)t));
            buf_append(text, ts.ptr, ts.len);
            xmlFree(t);
        } else if (name_is(c, "EventCoding")) {
            char *src = prop(c, "sourcecode"), *tgt = prop(c, "targetcode"), *ev = prop(c, "eventcode");
            char *none = prop(c, "noevents"), *errc = prop(c, "error");
            if (none && (none[0] == 'T' || none[0] == 't'))
                r->exp_none = true;
            if (errc) {
                if (strstr(errc, "discard"))
                    r->exp_discard = true;
                else if (!r->skip_why)
                    r->skip_why = "an input error of the parse tree (not used)";
            }
            if (src && tgt && ev && r->nexp < V_MAX_EXPECT) {
                vexp *e = &r->exp[r->nexp++];
                copy_trim(e->src, sizeof(e->src), src);
                copy_trim(e->tgt, sizeof(e->tgt), tgt);
                copy_trim(e->code, sizeof(e->code), ev);
                if ((e->src[0] == '"' || e->tgt[0] == '"') && !r->skip_why)
                    r->skip_why = "an actor made from a noun phrase (new_actor_length, not supported)";
            }
            xmlFree(src);
            xmlFree(tgt);
            xmlFree(ev);
            xmlFree(none);
            xmlFree(errc);
        }
    }
    xmlFree(id);
    xmlFree(date);
    xmlFree(cat);
    xmlFree(sent);
    if (!r->skip_why && !r->nexp && !r->exp_none && !r->exp_discard)
        r->skip_why = "no expected events";
    r->text = text->data ? text->data : "";
    r->len = text->len;
    return vrun_record(v, r);
}

static int walk(vrun *v, const penv *pe, const xmlNode *n, vrec *r, buf *text)
{
    int rc = 0;
    for (; n && !rc; n = n->next) {
        if (name_is(n, "Sentence"))
            rc = sentence(v, pe, n, r, text);
        else if (name_is(n, "Config"))
            config_change(v, n);
        else if (name_is(n, "Sentences") || name_is(n, "Validation"))
            rc = walk(v, pe, n->children, r, text);
    }
    return rc;
}

int validate_petrarch(const char *path, const char *text, size_t len, const char *const *specs,
                      size_t nspecs, vrun *v, dt_error *err)
{
    if (len > (size_t)INT32_MAX) {
        err_set(err, DT_ELIMIT, path, 0, 0, "suite too large");
        return DT_ELIMIT;
    }
    if (xml_lib_open()) {
        err_set(err, DT_ENOLIB, path, 0, 0, "%s", xml_lib_problem());
        return DT_ENOLIB;
    }
    xmlDoc *doc = xmlReadMemory(text, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                          XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !name_is(root, "Validation")) {
        err_set(err, DT_EFORMAT, path, 0, 0, "not a PETRARCH validation file (expected <Validation>)");
        if (doc)
            xmlFreeDoc(doc);
        return DT_EFORMAT;
    }
    penv pe;
    memset(&pe, 0, sizeof(pe));
    int rc = 0;
    const char *one[1];
    for (xmlNode *n = root->children; n; n = n->next)
        if (name_is(n, "Environment")) {
            if (nspecs == 0)
                rc = environment(path, n, &pe, err);
            else
                for (xmlNode *c = n->children; c; c = c->next)
                    if (name_is(c, "Include")) {
                        xmlChar *t = xmlNodeGetContent(c);
                        copy_trim(pe.include, sizeof(pe.include), (const char *)t);
                        pe.have_include = true;
                        xmlFree(t);
                    }
            break;
        }
    if (!rc && nspecs == 0) {
        if (!pe.len) {
            err_set(err, DT_ENOTFOUND, path, 0, 0, "no <Environment>; give --dict petrarch:...");
            rc = DT_ENOTFOUND;
        }
        one[0] = pe.spec;
        specs = one;
        nspecs = 1;
    }
    if (!rc)
        rc = vrun_open(v, specs, nspecs, err);
    vrec *r = rc ? NULL : malloc(sizeof(*r));
    buf tb;
    buf_init(&tb, 1 << 20);
    if (!rc && !r)
        rc = DT_ENOMEM;
    if (!rc && !tabari_state(v->c))
        rc = DT_ENOMEM;
    if (!rc)
        rc = walk(v, &pe, root->children, r, &tb);
    buf_free(&tb);
    free(r);
    xmlFreeDoc(doc);
    return rc;
}
