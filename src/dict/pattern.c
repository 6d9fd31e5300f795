/* pattern.c — compile verb/noun patterns ("- $ * {missile | rocket} at +") written in
 * native, TABARI or PETRARCH-2 notation into pattern elements of the shared model. */
#include "dict.h"

#include "../text/text.h"

#include <stdio.h>

enum atom_kind { AT_WORD, AT_VERB, AT_SOURCE, AT_TARGET, AT_BOTH, AT_SKIP, AT_SET, AT_LBRACE,
                 AT_BAR, AT_RBRACE, AT_LPAREN, AT_RPAREN };

typedef struct atom {
    uint8_t kind;
    uint8_t gap;       /* connection to the previous atom: 0 adjacent, GAP_ANY */
    uint8_t mode;      /* word mode */
    uint8_t optional;
    uint32_t start, len;
} atom;

#define MAX_ATOMS 128

typedef struct pctx {
    dt_dict *d;
    const char *s;
    size_t n;
    int syntax;
    atom atoms[MAX_ATOMS];
    size_t natoms;
    const char *why;
    size_t col;
    uint32_t weight;
    uint8_t slots;
    uint8_t has_neg;
} pctx;

static bool word_char(int syntax, char c)
{
    if (c == ' ' || c == '\t' || c == '{' || c == '}' || c == '|' || c == '(' || c == ')')
        return false;
    if (c == '_')
        return false;
    (void)syntax;
    return true;
}

static int32_t find_set_name(const dt_dict *d, const char *name, size_t n);

static bool set_defined(const pctx *p, size_t st, size_t len)
{
    return find_set_name(p->d, p->s + st, len) >= 0;
}

static int lex(pctx *p)
{
    uint8_t gap = GAP_ANY;
    size_t i = 0;
    while (i < p->n) {
        char c = p->s[i];
        if (c == ' ' || c == '\t') {
            gap = GAP_ANY;
            i++;
            continue;
        }
        if (c == '_') {
            gap = 0;
            i++;
            continue;
        }
        if (p->natoms >= MAX_ATOMS) {
            p->why = "pattern too long";
            p->col = i + 1;
            return DT_EPARSE;
        }
        atom *a = &p->atoms[p->natoms];
        memset(a, 0, sizeof(*a));
        a->gap = gap;
        a->start = (uint32_t)i;
        gap = GAP_ANY;
        switch (c) {
        case '{': a->kind = AT_LBRACE; a->len = 1; i++; p->natoms++; continue;
        case '|': a->kind = AT_BAR; a->len = 1; i++; p->natoms++; continue;
        case '}':
            a->kind = AT_RBRACE;
            a->len = 1;
            i++;
            if (i < p->n && p->s[i] == '?') { /* an optional group */
                a->optional = 1;
                i++;
            }
            p->natoms++;
            continue;
        case '(': a->kind = AT_LPAREN; a->len = 1; i++; p->natoms++; continue;
        case ')':
            a->kind = AT_RPAREN;
            a->len = 1;
            i++;
            if (i < p->n && p->s[i] == '?') {
                a->optional = 1;
                i++;
            }
            p->natoms++;
            continue;
        default: break;
        }
        size_t st = i;
        /* A set name may contain '_' (&V01_TALKS); elsewhere '_' joins words. */
        bool set_name = p->s[i] == '&';
        while (i < p->n && (word_char(p->syntax, p->s[i]) || (set_name && p->s[i] == '_')))
            i++;
        if (set_name) {
            /* The longest defined set name; what follows a '_' is the next word. */
            for (size_t j = i; j > st + 1; j--) {
                if (j != i && p->s[j] != '_')
                    continue;
                if (set_defined(p, st, j - st)) {
                    i = j;
                    break;
                }
            }
        }
        size_t len = i - st;
        a->len = (uint32_t)len;
        const char *w = p->s + st;
        if (len == 1 && (*w == '*' || *w == '$' || *w == '+' || *w == '%' || *w == '^')) {
            a->kind = *w == '*' ? AT_VERB : *w == '$' ? AT_SOURCE : *w == '+' ? AT_TARGET
                    : *w == '%' ? AT_BOTH : AT_SKIP;
        } else if (*w == '&') {
            a->kind = AT_SET;
        } else {
            a->kind = AT_WORD;
            if (p->syntax == SYN_NATIVE) {
                a->mode = WM_ENDINGS;
                while (a->len > 1 && (w[a->len - 1] == '?' || w[a->len - 1] == '=')) {
                    if (w[a->len - 1] == '?')
                        a->optional = 1;
                    else
                        a->mode = WM_EXACT;
                    a->len--;
                }
            } else {
                /* TABARI: a word is a stem unless an underscore follows it; "~" is a
                 * stem whose next element must follow at once. */
                if (a->len > 1 && w[a->len - 1] == '~') {
                    a->len--;
                    a->mode = WM_STEM;
                    gap = 0;
                } else if (a->len > 1 && w[a->len - 1] == '=') {
                    a->len--;
                    a->mode = WM_EXACT;
                } else if (i < p->n && p->s[i] == '_') {
                    /* TABARI: "WORD_" matches that word only (SYNSET-19b: KRONER_ does not
                     * match KRONEREN); PETRARCH keeps the regular endings. */
                    a->mode = p->syntax == SYN_TABARI ? WM_EXACT : WM_ENDINGS;
                } else {
                    a->mode = p->syntax == SYN_PETRARCH ? WM_ENDINGS : WM_STEM;
                }
            }
        }
        p->natoms++;
    }
    return 0;
}

/* Resolve a word atom to a word id: fold it like the tokenizer does. */
static int32_t atom_word(pctx *p, const atom *a)
{
    char tmp[256];
    if (a->len >= sizeof(tmp))
        return -1;
    /* Hyphens inside pattern words join adjacent words in TABARI; keep the first part
     * here (the lexer has already split on '_'). */
    memcpy(tmp, p->s + a->start, a->len);
    buf key;
    buf_init(&key, 0);
    if (text_fold_key(tmp, a->len, &key)) {
        buf_free(&key);
        return -1;
    }
    int32_t w = -1;
    if (key.len && p->syntax != SYN_NATIVE)
        /* TABARI and PETRARCH words keep one word per matching mode (compat.c). */
        w = compat_word(p->d, key.data, key.len,
                        a->mode == WM_STEM    ? CM_STEM
                        : a->mode == WM_EXACT ? CM_EXACT
                                              : (p->syntax == SYN_PETRARCH ? CM_WORD : CM_NOUN));
    else if (key.len)
        w = dict_word_add(p->d, key.data, key.len, a->mode);
    if (w >= 0) {
        if (p->d->words[w].flags & WF_NEG)
            p->has_neg = 1;
        /* Letters only count towards the weight. */
        for (size_t i = 0; i < key.len; i++)
            if (is_alnum((unsigned char)key.data[i]))
                p->weight++;
    }
    buf_free(&key);
    return w;
}

static int32_t find_set_name(const dt_dict *d, const char *s, size_t n)
{
    /* Sets are named with their '&', in upper case. */
    char up[128];
    if (n >= sizeof(up))
        return -1;
    for (size_t i = 0; i < n; i++)
        up[i] = (char)to_upper((unsigned char)s[i]);
    sid name = dict_find_str(d, up, n);
    if (!name)
        return -1;
    for (size_t i = 0; i < d->nsets; i++)
        if (d->sets[i] == name)
            return (int32_t)i;
    return -1;
}

int32_t dict_find_set(const dt_dict *d, const char *name)
{
    return find_set_name(d, name, strlen(name));
}

static int32_t find_set(pctx *p, const atom *a)
{
    return find_set_name(p->d, p->s + a->start, a->len);
}

/* Parse atoms [*i, ...) until one of the stop kinds; append elements to out. Nested
 * groups are written to d->pels first, so each sequence stays contiguous. */
static int parse_seq(pctx *p, size_t *i, int stop1, int stop2, pel *out, size_t *nout, size_t cap,
                     uint8_t inner_gap_cap, bool top, long *verb_at, uint8_t *verb_gap)
{
    while (*i < p->natoms) {
        atom *a = &p->atoms[*i];
        if ((int)a->kind == stop1 || (int)a->kind == stop2)
            return 0;
        if (*nout >= cap) {
            p->why = "pattern too long";
            p->col = a->start + 1;
            return DT_EPARSE;
        }
        pel e = {0};
        e.maxgap = a->gap;
        if (inner_gap_cap != GAP_ANY && *nout > 0 && e.maxgap > inner_gap_cap)
            e.maxgap = inner_gap_cap;
        e.optional = a->optional;
        (*i)++;
        switch (a->kind) {
        case AT_VERB:
            if (!top || *verb_at >= 0) {
                p->why = top ? "more than one '*' in the pattern" : "'*' inside a group";
                p->col = a->start + 1;
                return DT_EPARSE;
            }
            *verb_at = (long)*nout;
            *verb_gap = a->gap;
            continue;
        case AT_SOURCE: e.type = PE_SOURCE; p->slots |= PS_SOURCE; break;
        case AT_TARGET: e.type = PE_TARGET; p->slots |= PS_TARGET; break;
        case AT_BOTH: e.type = PE_BOTH; p->slots |= PS_BOTH; break;
        case AT_SKIP: e.type = PE_SKIP; p->slots |= PS_SKIP; break;
        case AT_SET: {
            int32_t s = find_set(p, a);
            if (s < 0) {
                p->why = "unknown set (define it with `set &NAME = ...` before use)";
                p->col = a->start + 1;
                return DT_EPARSE;
            }
            e.type = PE_SET;
            e.arg = (uint32_t)s;
            p->weight += 3;
            if ((size_t)s < p->d->nset_alts && p->d->set_alts[s]) {
                /* A TABARI/PETRARCH synset is a list of alternative sequences. */
                e.type = PE_ALT;
                e.arg = p->d->set_alts[s] - 1;
                e.flags = PEL_SYNSET;
            }
            break;
        }
        case AT_WORD: {
            int32_t w = atom_word(p, a);
            if (w < 0) {
                p->why = "bad word in pattern";
                p->col = a->start + 1;
                return DT_EPARSE;
            }
            e.type = PE_WORD;
            e.arg = (uint32_t)w;
            break;
        }
        case AT_LBRACE:
        case AT_LPAREN: {
            bool paren = a->kind == AT_LPAREN;
            int close = paren ? AT_RPAREN : AT_RBRACE;
            alt_list al = {(uint32_t)p->d->nseqs, 0};
            uint32_t best_weight = 0, base_weight = p->weight;
            /* Collect the options first (their sequences go to d->pels as we go). */
            pseq opts[256];
            size_t nopts = 0;
            for (;;) {
                pel tmp[64];
                size_t nt = 0;
                uint32_t w0 = p->weight;
                /* PETRARCH "{A B}" is a noun phrase and "(P A)" a prepositional phrase:
                 * allow a couple of words between their parts. */
                uint8_t cap_gap = paren ? 3 : (p->syntax == SYN_PETRARCH ? 2 : GAP_ANY);
                int rc = parse_seq(p, i, paren ? AT_RPAREN : AT_BAR, close, tmp, &nt,
                                   DT_ARRAY_LEN(tmp), cap_gap, false, verb_at, verb_gap);
                if (rc)
                    return rc;
                if (nopts >= DT_ARRAY_LEN(opts)) {
                    p->why = "too many alternatives";
                    p->col = a->start + 1;
                    return DT_EPARSE;
                }
                pseq sq = {(uint32_t)p->d->npels, (uint32_t)nt};
                for (size_t k = 0; k < nt; k++)
                    if (DICT_PUSH(p->d, pels, &tmp[k]) < 0)
                        return DT_ENOMEM;
                opts[nopts++] = sq;
                uint32_t ow = p->weight - w0;
                if (ow > best_weight)
                    best_weight = ow;
                p->weight = w0;
                if (*i >= p->natoms) {
                    p->why = paren ? "missing ')'" : "missing '}'";
                    p->col = a->start + 1;
                    return DT_EPARSE;
                }
                atom *t = &p->atoms[*i];
                (*i)++;
                if ((int)t->kind == close) {
                    e.optional = t->optional;
                    break;
                }
            }
            p->weight = base_weight + best_weight;
            /* Nested groups pushed their own sequences while the options were read:
             * this group's list starts here. */
            al.first = (uint32_t)p->d->nseqs;
            for (size_t k = 0; k < nopts; k++)
                if (DICT_PUSH(p->d, seqs, &opts[k]) < 0)
                    return DT_ENOMEM;
            al.n = (uint32_t)nopts;
            int64_t id = DICT_PUSH(p->d, alt_pats, &al);
            if (id < 0)
                return DT_ENOMEM;
            e.type = PE_ALT;
            e.arg = (uint32_t)id;
            /* An empty group ("{}", "( )") matches nothing: drop it. */
            if (nopts == 1 && opts[0].n == 0)
                continue;
            break;
        }
        default:
            p->why = "unexpected '|', '}' or ')'";
            p->col = a->start + 1;
            return DT_EPARSE;
        }
        out[(*nout)++] = e;
    }
    return 0;
}

int pattern_compile(dt_dict *d, const char *s, size_t n, int syntax, pattern *out, const char **why,
                    size_t *col)
{
    pctx p;
    memset(&p, 0, sizeof(p));
    p.d = d;
    p.s = s;
    p.n = n;
    p.syntax = syntax;
    int rc = lex(&p);
    if (rc) {
        *why = p.why;
        *col = p.col;
        return rc;
    }
    pel top[MAX_ATOMS];
    size_t ntop = 0, i = 0;
    long verb_at = -1;
    uint8_t verb_gap = GAP_ANY;
    rc = parse_seq(&p, &i, -1, -1, top, &ntop, DT_ARRAY_LEN(top), GAP_ANY, true, &verb_at, &verb_gap);
    if (!rc && verb_at < 0) {
        p.why = "the pattern has no '*' for the verb";
        p.col = 1;
        rc = DT_EPARSE;
    }
    if (rc) {
        *why = p.why;
        *col = p.col;
        return rc;
    }
    memset(out, 0, sizeof(*out));
    out->pre.first = (uint32_t)d->npels;
    out->pre.n = (uint32_t)verb_at;
    for (size_t k = 0; k < (size_t)verb_at; k++)
        if (DICT_PUSH(d, pels, &top[k]) < 0)
            return DT_ENOMEM;
    out->post.first = (uint32_t)d->npels;
    out->post.n = (uint32_t)(ntop - (size_t)verb_at);
    for (size_t k = (size_t)verb_at; k < ntop; k++)
        if (DICT_PUSH(d, pels, &top[k]) < 0)
            return DT_ENOMEM;
    out->verb_gap = verb_gap;
    /* Required words: fixed, not optional, at the top level (the longest first). */
    out->nreq = 0;
    for (size_t k = 0; k < ntop; k++) {
        const pel *e = &top[k];
        if (e->type != PE_WORD || e->optional)
            continue;
        if (out->nreq < DT_ARRAY_LEN(out->req)) {
            out->req[out->nreq++] = e->arg;
        } else {
            /* keep the longest words: they are the rarest */
            size_t shortest = 0;
            for (size_t q = 1; q < DT_ARRAY_LEN(out->req); q++)
                if (d->words[out->req[q]].len < d->words[out->req[shortest]].len)
                    shortest = q;
            if (d->words[e->arg].len > d->words[out->req[shortest]].len)
                out->req[shortest] = e->arg;
        }
    }
    out->need = 0;
    out->nreq_set = 0;
    for (size_t k = 0; k < ntop; k++) {
        uint8_t t = top[k].type;
        if (t == PE_SET && !top[k].optional && out->nreq_set < DT_ARRAY_LEN(out->req_set))
            out->req_set[out->nreq_set++] = top[k].arg;
        if (!top[k].optional && (t == PE_SOURCE || t == PE_TARGET || t == PE_BOTH || t == PE_SKIP))
            out->need |= k < (size_t)verb_at ? PN_PRE_ACTOR : PN_POST_ACTOR;
    }
    out->weight = p.weight;
    out->slots = p.slots;
    out->has_neg = p.has_neg;
    return 0;
}
