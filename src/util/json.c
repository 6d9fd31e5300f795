/* json.c — strict recursive-descent JSON parser (RFC 8259) with a depth limit. */
#include "json.h"

#include <stdlib.h>

typedef struct {
    arena *a;
    const unsigned char *s;
    size_t n, i;
    const char *msg;
    int depth;
} jp;

static void skip_ws(jp *p)
{
    while (p->i < p->n) {
        unsigned char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->i++;
    }
}

static json_value *new_value(jp *p, json_type t)
{
    json_value *v = arena_alloc(p->a, sizeof(*v));
    if (!v) {
        p->msg = "out of memory";
        return NULL;
    }
    v->type = t;
    return v;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool read_hex4(jp *p, uint32_t *out)
{
    if (p->n - p->i < 4)
        return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(p->s[p->i + (size_t)k]);
        if (h < 0)
            return false;
        v = (v << 4) | (uint32_t)h;
    }
    p->i += 4;
    *out = v;
    return true;
}

/* Parse a string starting after the opening quote. */
static bool parse_string(jp *p, const char **out, size_t *outlen)
{
    size_t start = p->i;
    /* Fast path: find the closing quote; decode only when escapes or non-ASCII. */
    bool simple = true;
    size_t j = start, plain = 0; /* the bytes before the first escape or non-ASCII byte */
    for (; j < p->n; j++) {
        j += json_plain_prefix((const unsigned char *)p->s + j, p->n - j);
        if (j >= p->n)
            break;
        unsigned char c = p->s[j];
        if (c == '"')
            break;
        if (simple && (c == '\\' || c >= 0x80)) {
            simple = false;
            plain = j - start;
        }
        if (c < 0x20) {
            p->i = j;
            p->msg = "control character in string";
            return false;
        }
        if (c == '\\')
            j++;
    }
    if (j >= p->n) {
        p->i = p->n;
        p->msg = "unterminated string";
        return false;
    }
    if (simple) {
        char *d = arena_strndup(p->a, (const char *)p->s + start, j - start);
        if (!d) {
            p->msg = "out of memory";
            return false;
        }
        *out = d;
        *outlen = j - start;
        p->i = j + 1;
        return true;
    }
    /* The decoded form is never longer than 3/2 of the raw form (U+FFFD for 2 bytes). */
    char *d = arena_alloc(p->a, (j - start) * 2 + 4);
    if (!d) {
        p->msg = "out of memory";
        return false;
    }
    /* the plain bytes found above are copied without a second look */
    memcpy(d, p->s + start, plain);
    size_t o = plain;
    p->i = start + plain;
    while (p->i < p->n) {
        size_t run = json_plain_prefix(p->s + p->i, p->n - p->i);
        memcpy(d + o, p->s + p->i, run);
        o += run;
        p->i += run;
        if (p->i >= p->n)
            break;
        unsigned char c = p->s[p->i];
        if (c == '"') {
            p->i++;
            d[o] = 0;
            *out = d;
            *outlen = o;
            return true;
        }
        if (c == '\\') {
            p->i++;
            if (p->i >= p->n)
                break;
            unsigned char e = p->s[p->i++];
            switch (e) {
            case '"': d[o++] = '"'; break;
            case '\\': d[o++] = '\\'; break;
            case '/': d[o++] = '/'; break;
            case 'b': d[o++] = '\b'; break;
            case 'f': d[o++] = '\f'; break;
            case 'n': d[o++] = '\n'; break;
            case 'r': d[o++] = '\r'; break;
            case 't': d[o++] = '\t'; break;
            case 'u': {
                uint32_t cp;
                if (!read_hex4(p, &cp)) {
                    p->msg = "bad \\u escape";
                    return false;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t lo;
                    if (p->n - p->i >= 6 && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
                        p->i += 2;
                        if (!read_hex4(p, &lo)) {
                            p->msg = "bad \\u escape";
                            return false;
                        }
                        if (lo >= 0xDC00 && lo <= 0xDFFF)
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        else
                            cp = 0xFFFD;
                    } else {
                        cp = 0xFFFD;
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
                o += utf8_encode(cp, d + o);
                break;
            }
            default:
                p->i--;
                p->msg = "bad escape in string";
                return false;
            }
            continue;
        }
        if (c < 0x80) {
            d[o++] = (char)c;
            p->i++;
            continue;
        }
        uint32_t cp;
        size_t l = utf8_decode(p->s + p->i, p->n - p->i, &cp);
        if (!l) {
            o += utf8_encode(0xFFFD, d + o);
            p->i++;
        } else {
            memcpy(d + o, p->s + p->i, l);
            o += l;
            p->i += l;
        }
    }
    p->msg = "unterminated string";
    return false;
}

static json_value *parse_value(jp *p);

static json_value *parse_number(jp *p)
{
    size_t start = p->i;
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    if (p->i >= p->n || !is_digit(p->s[p->i])) {
        p->msg = "bad number";
        return NULL;
    }
    if (p->s[p->i] == '0')
        p->i++;
    else
        while (p->i < p->n && is_digit(p->s[p->i]))
            p->i++;
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (p->i >= p->n || !is_digit(p->s[p->i])) {
            p->msg = "bad number";
            return NULL;
        }
        while (p->i < p->n && is_digit(p->s[p->i]))
            p->i++;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        if (p->i >= p->n || !is_digit(p->s[p->i])) {
            p->msg = "bad number";
            return NULL;
        }
        while (p->i < p->n && is_digit(p->s[p->i]))
            p->i++;
    }
    json_value *v = new_value(p, JSON_NUMBER);
    if (!v)
        return NULL;
    char tmp[64];
    size_t len = DT_MIN(p->i - start, sizeof(tmp) - 1);
    memcpy(tmp, p->s + start, len);
    tmp[len] = 0;
    v->u.num = strtod(tmp, NULL);
    return v;
}

static bool literal(jp *p, const char *word)
{
    size_t l = strlen(word);
    if (p->n - p->i < l || memcmp(p->s + p->i, word, l) != 0) {
        p->msg = "unexpected character";
        return false;
    }
    p->i += l;
    return true;
}

typedef struct node { void *item; struct node *next; } node;

static json_value *parse_array(jp *p)
{
    p->i++; /* [ */
    json_value *v = new_value(p, JSON_ARRAY);
    if (!v)
        return NULL;
    node *head = NULL, **tail = &head;
    size_t n = 0;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == ']') {
        p->i++;
        v->u.arr.items = NULL;
        v->u.arr.n = 0;
        return v;
    }
    for (;;) {
        json_value *item = parse_value(p);
        if (!item)
            return NULL;
        node *nd = arena_alloc(p->a, sizeof(*nd));
        if (!nd) {
            p->msg = "out of memory";
            return NULL;
        }
        nd->item = item;
        nd->next = NULL;
        *tail = nd;
        tail = &nd->next;
        n++;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == ']') {
            p->i++;
            break;
        }
        p->msg = p->i >= p->n ? "unterminated array" : "expected ',' or ']'";
        return NULL;
    }
    json_value **items = arena_alloc(p->a, n * sizeof(*items));
    if (!items) {
        p->msg = "out of memory";
        return NULL;
    }
    size_t k = 0;
    for (node *nd = head; nd; nd = nd->next)
        items[k++] = nd->item;
    v->u.arr.items = items;
    v->u.arr.n = n;
    return v;
}

static json_value *parse_object(jp *p)
{
    p->i++; /* { */
    json_value *v = new_value(p, JSON_OBJECT);
    if (!v)
        return NULL;
    node *head = NULL, **tail = &head;
    size_t n = 0;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == '}') {
        p->i++;
        v->u.obj.m = NULL;
        v->u.obj.n = 0;
        return v;
    }
    for (;;) {
        skip_ws(p);
        if (p->i >= p->n || p->s[p->i] != '"') {
            p->msg = p->i >= p->n ? "unterminated object" : "expected a string key";
            return NULL;
        }
        p->i++;
        json_member *m = arena_alloc(p->a, sizeof(*m));
        if (!m) {
            p->msg = "out of memory";
            return NULL;
        }
        if (!parse_string(p, &m->key, &m->klen))
            return NULL;
        skip_ws(p);
        if (p->i >= p->n || p->s[p->i] != ':') {
            p->msg = "expected ':'";
            return NULL;
        }
        p->i++;
        m->val = parse_value(p);
        if (!m->val)
            return NULL;
        node *nd = arena_alloc(p->a, sizeof(*nd));
        if (!nd) {
            p->msg = "out of memory";
            return NULL;
        }
        nd->item = m;
        nd->next = NULL;
        *tail = nd;
        tail = &nd->next;
        n++;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == '}') {
            p->i++;
            break;
        }
        p->msg = p->i >= p->n ? "unterminated object" : "expected ',' or '}'";
        return NULL;
    }
    json_member *ms = arena_alloc(p->a, n * sizeof(*ms));
    if (!ms) {
        p->msg = "out of memory";
        return NULL;
    }
    size_t k = 0;
    for (node *nd = head; nd; nd = nd->next)
        ms[k++] = *(json_member *)nd->item;
    v->u.obj.m = ms;
    v->u.obj.n = n;
    return v;
}

static json_value *parse_value(jp *p)
{
    skip_ws(p);
    if (p->i >= p->n) {
        p->msg = "unexpected end of input";
        return NULL;
    }
    if (++p->depth > JSON_MAX_DEPTH) {
        p->msg = "nesting too deep";
        return NULL;
    }
    json_value *v = NULL;
    unsigned char c = p->s[p->i];
    switch (c) {
    case '{': v = parse_object(p); break;
    case '[': v = parse_array(p); break;
    case '"': {
        p->i++;
        v = new_value(p, JSON_STRING);
        if (v && !parse_string(p, &v->u.str.s, &v->u.str.len))
            v = NULL;
        break;
    }
    case 't': v = literal(p, "true") ? new_value(p, JSON_TRUE) : NULL; break;
    case 'f': v = literal(p, "false") ? new_value(p, JSON_FALSE) : NULL; break;
    case 'n': v = literal(p, "null") ? new_value(p, JSON_NULL) : NULL; break;
    default:
        if (c == '-' || is_digit(c))
            v = parse_number(p);
        else
            p->msg = "unexpected character";
    }
    p->depth--;
    return v;
}

int json_parse(arena *a, const char *s, size_t n, json_value **out, size_t *err_off,
               const char **err_msg)
{
    jp p = {.a = a, .s = (const unsigned char *)s, .n = n, .i = 0, .msg = NULL, .depth = 0};
    json_value *v = parse_value(&p);
    if (v) {
        skip_ws(&p);
        if (p.i < p.n) {
            p.msg = "trailing characters after the value";
            v = NULL;
        }
    }
    if (!v) {
        if (err_off)
            *err_off = p.i;
        if (err_msg)
            *err_msg = p.msg ? p.msg : "malformed JSON";
        return DT_EPARSE;
    }
    *out = v;
    return 0;
}

json_value *json_get(const json_value *obj, const char *key)
{
    if (!obj || obj->type != JSON_OBJECT)
        return NULL;
    size_t kl = strlen(key);
    for (size_t i = 0; i < obj->u.obj.n; i++) {
        const json_member *m = &obj->u.obj.m[i];
        if (m->klen == kl && memcmp(m->key, key, kl) == 0)
            return m->val;
    }
    return NULL;
}

const char *json_get_str(const json_value *obj, const char *key, size_t *len)
{
    json_value *v = json_get(obj, key);
    if (!v || v->type != JSON_STRING)
        return NULL;
    if (len)
        *len = v->u.str.len;
    return v->u.str.s;
}
