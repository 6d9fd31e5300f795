/* petrarch.c — reader for PETRARCH-2 dictionaries: `--dict petrarch:SPEC` where SPEC is a
 * PETR_config.ini or a comma-separated list of files; the CAMEO.2.0 verb format (synsets,
 * "--- NAME [code] ---" blocks, '+' multi-word verbs, {forms}, patterns), agents with
 * !SUBST! macros and {plurals}, discards ('+' = the whole story) and issues. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>

enum pfile_kind { PF_VERBS, PF_ACTORS, PF_AGENTS, PF_DISCARDS, PF_ISSUES, PF_CONFIG, PF_UNKNOWN };

typedef struct pfile {
    int kind;
    char path[1024];
} pfile;

typedef struct pload {
    dt_dict *d;
    dt_diag_fn diag;
    void *user;
    dt_error *err;
    pfile files[32];
    size_t nfiles;
    size_t transformations; /* "~" rules, not supported */
} pload;

/* ---------------------------------------------------------------- helpers */

static void upper_word(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = DT_MIN(n, cap - 1);
    for (size_t i = 0; i < k; i++)
        out[i] = (char)to_upper((unsigned char)s[i]);
    out[k] = 0;
}

/* The regular plural of the last word of a phrase ("AUTHORITY" -> "AUTHORITIES"). */
static bool plural_of(const char *s, size_t n, char *out, size_t cap)
{
    while (n && (s[n - 1] == '_' || s[n - 1] == ' '))
        n--;
    if (n < 2 || n + 3 >= cap)
        return false;
    memcpy(out, s, n);
    char last = (char)to_upper((unsigned char)s[n - 1]), prev = (char)to_upper((unsigned char)s[n - 2]);
    bool vowel = prev == 'A' || prev == 'E' || prev == 'I' || prev == 'O' || prev == 'U';
    if (last == 'Y' && !vowel) {
        memcpy(out + n - 1, "IES", 4);
        return true;
    }
    if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S')))
        memcpy(out + n, "ES", 3);
    else
        memcpy(out + n, "S", 2);
    return true;
}

/* ---------------------------------------------------------------- verbs */

typedef struct pverb {
    compat_reader *r;
    long block;            /* verb entry of the current --- NAME [code] --- block */
    long extra[64];        /* entries of verbs with their own code in the block */
    size_t nextra;
    size_t block_first;    /* first pending pattern of the block */
    uint32_t set;
    bool in_set, set_skip;
    pseq members[1024];
    size_t nmembers;
} pverb;

static int finish_set(pverb *v)
{
    int rc = 0;
    if (v->in_set && !v->set_skip)
        rc = compat_finish_synset(v->r, v->set, v->members, v->nmembers);
    v->in_set = false;
    v->nmembers = 0;
    return rc;
}

/* Patterns of a block also belong to the block's verbs that carry their own code. */
static int finish_block(pverb *v)
{
    dt_dict *d = v->r->d;
    size_t last = d->npending;
    for (size_t k = 0; k < v->nextra; k++)
        for (size_t i = v->block_first; i < last; i++) {
            struct pending_pat pp = d->pending[i];
            pp.verb = (uint32_t)v->extra[k];
            if (DICT_PUSH(d, pending, &pp) < 0)
                return DT_ENOMEM;
        }
    v->nextra = 0;
    v->block = -1;
    return 0;
}

static long new_verb(compat_reader *r, const char *name, size_t n, const code_spec *cs, long ln)
{
    verb_entry ve = {0};
    ve.lemma = dict_intern(r->d, name, n);
    ve.code = *cs;
    ve.has_code = 1;
    ve.rule = dict_rule(r->d, r->file, (uint32_t)ln);
    if (!ve.lemma)
        return DT_ENOMEM;
    int64_t id = DICT_PUSH(r->d, verbs, &ve);
    return id < 0 ? DT_ENOMEM : (long)id;
}

/* One verb phrase: words joined by '_', the verb word marked with '+' when there are
 * several; `inflect` adds the regular forms of that word. */
static int add_verb_phrase(compat_reader *r, const char *s, size_t n, long verb, bool inflect, long ln)
{
    dt_dict *d = r->d;
    char words[16][COMPAT_MAX_WORD];
    size_t nw = 0, vword = 0;
    size_t i = 0;
    while (i < n && nw < 16) {
        while (i < n && (s[i] == '_' || s[i] == ' '))
            i++;
        size_t st = i;
        while (i < n && s[i] != '_' && s[i] != ' ')
            i++;
        if (i == st)
            break;
        const char *w = s + st;
        size_t wl = i - st;
        if (*w == '+') {
            vword = nw;
            w++;
            wl--;
        }
        if (!wl || wl >= COMPAT_MAX_WORD)
            continue;
        upper_word(w, wl, words[nw], COMPAT_MAX_WORD);
        nw++;
    }
    if (!nw) {
        compat_bad(r, ln, "%s", "empty verb");
        return 0;
    }
    const char *forms[5] = {words[vword], NULL, NULL, NULL, NULL};
    int nforms = 1;
    if (inflect) {
        int rc = dict_verb_forms(d, words[vword], strlen(words[vword]), NULL, NULL, forms);
        if (rc)
            return rc;
        nforms = 5;
    }
    const verb_entry *ve = &d->verbs[verb];
    for (int f = 0; f < nforms; f++) {
        bool dup = false;
        for (int g = 0; g < f; g++)
            dup |= strcmp(forms[g], forms[f]) == 0;
        if (dup)
            continue;
        uint32_t ids[16];
        for (size_t k = 0; k < nw; k++) {
            const char *w = k == vword ? forms[f] : words[k];
            int32_t id = compat_word(d, w, strlen(w), CM_EXACT);
            if (id < 0)
                return DT_ENOMEM;
            ids[k] = (uint32_t)id;
        }
        phrase_payload pl = {PK_VERB, (uint8_t)f, 0, (uint32_t)verb, ve->rule};
        int rc = dict_add_phrase(d, ids, nw, pl);
        if (rc < 0)
            return rc;
        if (rc == 0)
            d->stats.verb_forms++;
        else
            r->duplicates++;
    }
    return 0;
}

static int verb_line(pverb *v, dt_slice t, long ln)
{
    compat_reader *r = v->r;
    if (v->block < 0) {
        compat_bad(r, ln, "%s", "a verb must follow a --- NAME [CODE] --- line");
        return 0;
    }
    long verb = v->block;
    /* VERB [CODE]: its own code, and the block's patterns. */
    size_t lb = 0;
    while (lb < t.len && t.ptr[lb] != '[')
        lb++;
    dt_slice head = str_trim(t.ptr, lb);
    if (lb < t.len) {
        size_t rb = lb;
        while (rb < t.len && t.ptr[rb] != ']')
            rb++;
        code_spec cs;
        const char *why = "missing ']'";
        if (rb >= t.len || dict_parse_code(r->d, t.ptr + lb + 1, rb - lb - 1, &cs, &why)) {
            compat_bad(r, ln, "bad code: %s", why);
            return 0;
        }
        verb = new_verb(r, head.ptr, head.len, &cs, ln);
        if (verb < 0)
            return (int)verb;
        if (v->nextra < DT_ARRAY_LEN(v->extra))
            v->extra[v->nextra++] = verb;
    }
    /* VERB {FORMS}: the listed forms replace the regular ones ("{}": none). */
    size_t lc = 0;
    while (lc < head.len && head.ptr[lc] != '{')
        lc++;
    dt_slice word = str_trim(head.ptr, lc);
    int rc = add_verb_phrase(r, word.ptr, word.len, verb, lc >= head.len, ln);
    if (rc || lc >= head.len)
        return rc;
    size_t rc2 = lc;
    while (rc2 < head.len && head.ptr[rc2] != '}')
        rc2++;
    const char *p = head.ptr + lc + 1, *e = head.ptr + rc2;
    while (p < e && !rc) {
        while (p < e && *p == ' ')
            p++;
        const char *q = p;
        while (q < e && *q != ' ')
            q++;
        if (q > p)
            rc = add_verb_phrase(r, p, (size_t)(q - p), verb, false, ln);
        p = q;
    }
    return rc;
}

static int pattern_line(pverb *v, dt_slice t, long ln)
{
    compat_reader *r = v->r;
    dt_dict *d = r->d;
    if (v->block < 0) {
        compat_bad(r, ln, "%s", "a pattern must follow a verb block");
        return 0;
    }
    size_t rb = t.len;
    while (rb > 0 && t.ptr[rb - 1] != ']')
        rb--;
    size_t lb = rb;
    while (lb > 0 && t.ptr[lb - 1] != '[')
        lb--;
    if (!rb || !lb) {
        compat_bad(r, ln, "%s", "expected - PATTERN [CODE]");
        return 0;
    }
    dt_slice pat = str_trim(t.ptr + 1, lb - 2);
    char tmp[1100];
    if (pat.len >= sizeof(tmp)) {
        compat_bad(r, ln, "%s", "pattern too long");
        return 0;
    }
    for (size_t i = 0; i < pat.len; i++)
        tmp[i] = pat.ptr[i] == '-' ? '_' : pat.ptr[i];
    pattern p;
    const char *why = NULL;
    size_t col = 0;
    int rc = pattern_compile(d, tmp, pat.len, SYN_PETRARCH, &p, &why, &col);
    if (rc == DT_ENOMEM)
        return rc;
    if (rc) {
        compat_bad(r, ln, "bad pattern: %s", why);
        return 0;
    }
    if (dict_parse_code(d, t.ptr + lb, rb - lb - 1, &p.code, &why)) {
        compat_bad(r, ln, "bad code: %s", why);
        return 0;
    }
    p.weight = compat_pattern_weight(d, &p);
    p.rule = dict_rule(d, r->file, (uint32_t)ln);
    struct pending_pat pp = {(uint32_t)v->block, p};
    return DICT_PUSH(d, pending, &pp) < 0 ? DT_ENOMEM : 0;
}

static int block_header(pverb *v, dt_slice t, long ln)
{
    compat_reader *r = v->r;
    int rc = finish_block(v);
    if (rc)
        return rc;
    /* --- NAME [CODE] --- */
    dt_slice in = str_trim(t.ptr + 3, t.len - 3);
    while (in.len && in.ptr[in.len - 1] == '-')
        in.len--;
    in = str_trim(in.ptr, in.len);
    size_t lb = 0;
    while (lb < in.len && in.ptr[lb] != '[')
        lb++;
    size_t rb = lb;
    while (rb < in.len && in.ptr[rb] != ']')
        rb++;
    dt_slice name = str_trim(in.ptr, lb);
    code_spec cs;
    const char *why = "expected --- NAME [CODE] ---";
    if (!name.len || rb >= in.len || dict_parse_code(r->d, in.ptr + lb + 1, rb - lb - 1, &cs, &why)) {
        compat_bad(r, ln, "bad verb block: %s", why);
        return 0;
    }
    long id = new_verb(r, name.ptr, name.len, &cs, ln);
    if (id < 0)
        return (int)id;
    v->block = id;
    v->block_first = r->d->npending;
    return 0;
}

static int read_verbs(compat_reader *r, pload *pl)
{
    pverb v;
    memset(&v, 0, sizeof(v));
    v.r = r;
    v.block = -1;
    int rc = 0;
    /* Pass 1: synsets (a block may use a set defined after it). Pass 2: verb blocks. */
    for (int pass = 1; pass <= 2 && !rc; pass++) {
        compat_lines it;
        compat_lines_init(&it, r->text, r->len);
        it.xml_comments = true;
        dt_slice line;
        bool in_set = false;
        while (!rc && compat_lines_next(&it, &line)) {
            long ln = it.lineno;
            dt_slice raw = str_trim(line.ptr, line.len);
            if (raw.len && raw.ptr[0] == '#')
                continue; /* a comment line does not end a synset */
            dt_slice t = str_trim(line.ptr, compat_strip_comment(line.ptr, line.len, SYN_PETRARCH));
            if (!t.len) {
                if (pass == 1 && in_set)
                    rc = finish_set(&v);
                in_set = false;
                continue;
            }
            if (t.ptr[0] == '&') {
                if (pass == 1) {
                    if ((rc = finish_set(&v)))
                        break;
                    int s = compat_new_set(r, t.ptr, t.len, &v.set);
                    if (s == DT_ENOMEM)
                        return s;
                    v.set_skip = s != 0;
                    if (s < 0)
                        compat_bad(r, ln, "%s", "bad synset name (expected &NAME)");
                    else if (s == 1)
                        diag_emit(r->diag, r->user, DT_OK, r->name, ln, 0, -1,
                                  "synset defined twice (the first definition is kept)");
                    v.in_set = true;
                }
                in_set = true;
                continue;
            }
            if (t.ptr[0] == '+' && in_set) {
                if (pass == 1 && !v.set_skip && v.nmembers < DT_ARRAY_LEN(v.members)) {
                    pseq m;
                    int s = compat_add_synset_member(r, v.set, t.ptr + 1, t.len - 1, ln, &m);
                    if (s < 0)
                        return s;
                    if (s == 0)
                        v.members[v.nmembers++] = m;
                }
                continue;
            }
            if (pass == 1 && in_set)
                rc = finish_set(&v);
            in_set = false;
            if (pass == 1 || rc)
                continue;
            if (t.ptr[0] == '~') {
                pl->transformations++;
                continue;
            }
            if (t.len > 3 && memcmp(t.ptr, "---", 3) == 0)
                rc = block_header(&v, t, ln);
            else if (t.ptr[0] == '-')
                rc = pattern_line(&v, t, ln);
            else
                rc = verb_line(&v, t, ln);
        }
        if (!rc && pass == 1)
            rc = finish_set(&v);
    }
    if (!rc)
        rc = finish_block(&v);
    return rc;
}

/* ---------------------------------------------------------------- agents */

typedef struct subst {
    char name[32];
    char values[16][64];
    size_t n;
} subst;

static int agent_phrase(compat_reader *r, const char *ph, size_t n, const agent_entry *ag, long ln, int64_t *id,
                        bool plural)
{
    int rc = compat_add_agent(r, (dt_slice){ph, n}, ag, ln, id);
    char pl[600];
    if (!rc && plural && plural_of(ph, n, pl, sizeof(pl)))
        rc = compat_add_agent(r, (dt_slice){pl, strlen(pl)}, ag, ln, id);
    return rc;
}

/* Expand !NAME! macros (each value in turn) and add the phrases. */
static int expand_agent(compat_reader *r, const subst *subs, size_t nsubs, const char *ph, size_t n,
                        const agent_entry *ag, long ln, int64_t *id, bool plural, int depth)
{
    const char *a = memchr(ph, '!', n);
    const char *b = a ? memchr(a + 1, '!', n - (size_t)(a + 1 - ph)) : NULL;
    if (!a || !b || depth > 3)
        return agent_phrase(r, ph, n, ag, ln, id, plural);
    size_t nl = (size_t)(b - a + 1);
    for (size_t k = 0; k < nsubs; k++) {
        if (strlen(subs[k].name) != nl || memcmp(subs[k].name, a, nl) != 0)
            continue;
        for (size_t v = 0; v < subs[k].n; v++) {
            char tmp[600];
            int w = snprintf(tmp, sizeof(tmp), "%.*s%s%.*s", (int)(a - ph), ph, subs[k].values[v],
                             (int)(n - (size_t)(b + 1 - ph)), b + 1);
            if (w < 0 || (size_t)w >= sizeof(tmp))
                continue;
            int rc = expand_agent(r, subs, nsubs, tmp, (size_t)w, ag, ln, id, plural, depth + 1);
            if (rc)
                return rc;
        }
        return 0;
    }
    char tmp[80];
    snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(nl, 60), a);
    compat_bad(r, ln, "unknown substitution %s", tmp);
    return 0;
}

static int read_agents(compat_reader *r)
{
    subst subs[16];
    size_t nsubs = 0;
    compat_lines it;
    compat_lines_init(&it, r->text, r->len);
    it.xml_comments = true;
    dt_slice line;
    int rc = 0;
    while (!rc && compat_lines_next(&it, &line)) {
        long ln = it.lineno;
        dt_slice t = str_trim(line.ptr, compat_strip_comment(line.ptr, line.len, SYN_PETRARCH));
        if (!t.len || t.ptr[0] == '#')
            continue;
        if (t.ptr[0] == '!' && memchr(t.ptr, '=', t.len)) {
            /* !NAME! = A, B, C */
            const char *eq = memchr(t.ptr, '=', t.len);
            dt_slice name = str_trim(t.ptr, (size_t)(eq - t.ptr));
            if (nsubs >= DT_ARRAY_LEN(subs) || name.len >= sizeof(subs[0].name)) {
                compat_bad(r, ln, "%s", "too many or too long substitution sets");
                continue;
            }
            subst *s = &subs[nsubs++];
            memset(s, 0, sizeof(*s));
            memcpy(s->name, name.ptr, name.len);
            const char *p = eq + 1, *e = t.ptr + t.len;
            while (p < e && s->n < DT_ARRAY_LEN(s->values)) {
                const char *q = memchr(p, ',', (size_t)(e - p));
                if (!q)
                    q = e;
                dt_slice v = str_trim(p, (size_t)(q - p));
                if (v.len && v.len < sizeof(s->values[0])) {
                    memcpy(s->values[s->n], v.ptr, v.len);
                    s->values[s->n++][v.len] = 0;
                }
                p = q + 1;
            }
            continue;
        }
        /* PHRASE [{PLURALS}] [~CODE] */
        size_t lb = t.len;
        while (lb > 0 && t.ptr[lb - 1] != '[')
            lb--;
        size_t rb = lb;
        while (rb < t.len && t.ptr[rb] != ']')
            rb++;
        if (!lb || rb >= t.len) {
            compat_bad(r, ln, "%s", "expected PHRASE [~CODE]");
            continue;
        }
        agent_entry ag;
        const char *why = NULL;
        int c = compat_agent_code(r->d, (dt_slice){t.ptr + lb, rb - lb}, &ag, &why);
        if (c == DT_ENOMEM)
            return c;
        if (c) {
            compat_bad(r, ln, "bad agent code: %s", why);
            continue;
        }
        dt_slice head = str_trim(t.ptr, lb - 1);
        const char *brace = memchr(head.ptr, '{', head.len);
        dt_slice phrase = brace ? str_trim(head.ptr, (size_t)(brace - head.ptr)) : head;
        if (!phrase.len) {
            compat_bad(r, ln, "%s", "missing agent phrase");
            continue;
        }
        int64_t id = -1;
        rc = expand_agent(r, subs, nsubs, phrase.ptr, phrase.len, &ag, ln, &id, brace == NULL, 0);
        if (!rc && brace) {
            const char *p = brace + 1, *e = head.ptr + head.len;
            while (p < e && *p != '}' && !rc) {
                while (p < e && *p == ' ')
                    p++;
                const char *q = p;
                while (q < e && *q != ' ' && *q != '}')
                    q++;
                if (q > p)
                    rc = expand_agent(r, subs, nsubs, p, (size_t)(q - p), &ag, ln, &id, false, 0);
                p = q;
            }
        }
    }
    return rc;
}

/* ---------------------------------------------------------------- discards, issues */

static int read_discards(compat_reader *r)
{
    compat_lines it;
    compat_lines_init(&it, r->text, r->len);
    it.xml_comments = true;
    dt_slice line;
    while (compat_lines_next(&it, &line)) {
        long ln = it.lineno;
        dt_slice t = str_trim(line.ptr, compat_strip_comment(line.ptr, line.len, SYN_PETRARCH));
        if (!t.len || t.ptr[0] == '#')
            continue;
        uint8_t story = 0;
        if (t.ptr[0] == '+') {
            story = 1;
            t = str_trim(t.ptr + 1, t.len - 1);
        }
        uint32_t words[COMPAT_MAX_PHRASE];
        int k = compat_phrase(r->d, t.ptr, t.len, CM_NOUN, CM_NOUN, false, words, COMPAT_MAX_PHRASE, NULL);
        if (k == DT_ENOMEM)
            return k;
        if (k <= 0) {
            compat_bad(r, ln, "%s", "cannot read the discard phrase");
            continue;
        }
        phrase_payload pl = {PK_DISCARD, story, 0, story, dict_rule(r->d, r->file, (uint32_t)ln)};
        int rc = dict_add_phrase(r->d, words, (size_t)k, pl);
        if (rc < 0)
            return rc;
        r->d->stats.discards++;
    }
    return 0;
}

/* The CATEGORY="..." of an <ISSUE> line. */
static dt_slice issue_category(dt_slice t)
{
    for (size_t i = 0; i + 10 <= t.len; i++)
        if (str_ieq(t.ptr + i, 10, "CATEGORY=\"")) {
            size_t st = i + 10, e = st;
            while (e < t.len && t.ptr[e] != '"')
                e++;
            return (dt_slice){t.ptr + st, e - st};
        }
    return (dt_slice){t.ptr, 0};
}

static int read_issues(compat_reader *r, size_t *exclusions)
{
    compat_lines it;
    compat_lines_init(&it, r->text, r->len);
    dt_slice line;
    dt_slice category = {NULL, 0};
    while (compat_lines_next(&it, &line)) {
        long ln = it.lineno;
        dt_slice t = str_trim(line.ptr, compat_strip_comment(line.ptr, line.len, SYN_PETRARCH));
        if (!t.len || t.ptr[0] == '#')
            continue;
        if (t.ptr[0] == '<') {
            category = issue_category(t);
            continue;
        }
        if (t.ptr[0] == '~') {
            (*exclusions)++; /* "~phrase": not an issue here; not supported */
            continue;
        }
        size_t lb = 0;
        while (lb < t.len && t.ptr[lb] != '[')
            lb++;
        size_t rb = lb;
        while (rb < t.len && t.ptr[rb] != ']')
            rb++;
        if ((lb < t.len && rb >= t.len) || (lb >= t.len && !category.len)) {
            compat_bad(r, ln, "%s", "expected PHRASE [ISSUE]");
            continue;
        }
        /* "n:word" marks a noun; '+' joins words ("pre+k"). A phrase without [ISSUE] takes
         * the section's CATEGORY. */
        char tmp[512];
        size_t k = 0;
        for (size_t i = 0; i < lb && k + 1 < sizeof(tmp); i++) {
            if (t.ptr[i] == 'n' && i + 1 < lb && t.ptr[i + 1] == ':' && (i == 0 || t.ptr[i - 1] == ' ' || t.ptr[i - 1] == '+')) {
                i++;
                continue;
            }
            tmp[k++] = t.ptr[i] == '+' ? '_' : t.ptr[i];
        }
        dt_slice code = lb < t.len ? str_trim(t.ptr + lb + 1, rb - lb - 1) : category;
        uint32_t words[COMPAT_MAX_PHRASE];
        int n = compat_phrase(r->d, tmp, k, CM_NOUN, CM_NOUN, false, words, COMPAT_MAX_PHRASE, NULL);
        if (n == DT_ENOMEM)
            return n;
        if (n <= 0 || !code.len) {
            compat_bad(r, ln, "%s", "cannot read the issue phrase");
            continue;
        }
        sid tag = dict_intern(r->d, code.ptr, code.len);
        phrase_payload pl = {PK_ISSUE, 0, 0, tag, dict_rule(r->d, r->file, (uint32_t)ln)};
        int rc = tag ? dict_add_phrase(r->d, words, (size_t)n, pl) : DT_ENOMEM;
        if (rc < 0)
            return rc;
        r->d->stats.issues++;
    }
    return 0;
}

/* ---------------------------------------------------------------- config */

static int kind_of_name(const char *s, size_t n)
{
    size_t b = n;
    while (b > 0 && s[b - 1] != '/')
        b--;
    static const struct { const char *w; int kind; } kinds[] = {
        {"verb", PF_VERBS}, {"actor", PF_ACTORS}, {"agent", PF_AGENTS}, {"discard", PF_DISCARDS},
        {"issue", PF_ISSUES}, {".ini", PF_CONFIG}, {"config", PF_CONFIG}, {"cameo", PF_VERBS}};
    for (size_t k = 0; k < DT_ARRAY_LEN(kinds); k++) {
        size_t wl = strlen(kinds[k].w);
        for (size_t i = b; i + wl <= n; i++)
            if (str_ieq(s + i, wl, kinds[k].w))
                return kinds[k].kind;
    }
    return PF_UNKNOWN;
}

static int add_file(pload *pl, int kind, const char *path, size_t n)
{
    if (pl->nfiles >= DT_ARRAY_LEN(pl->files) || n >= sizeof(pl->files[0].path)) {
        err_set(pl->err, DT_ELIMIT, NULL, 0, 0, "too many PETRARCH dictionary files, or a path too long");
        return DT_ELIMIT;
    }
    pfile *f = &pl->files[pl->nfiles++];
    f->kind = kind;
    memcpy(f->path, path, n);
    f->path[n] = 0;
    return 0;
}

/* A dictionary named in a config file: beside it, or in ../dictionaries or dictionaries/. */
static int resolve(pload *pl, int kind, const char *dir, const char *name, size_t n)
{
    static const char *const rel[] = {"", "../dictionaries/", "dictionaries/", "../"};
    char p[1024];
    for (size_t i = 0; i < DT_ARRAY_LEN(rel); i++) {
        int w = snprintf(p, sizeof(p), "%s%s%s%.*s", dir, *dir ? "/" : "", rel[i], (int)n, name);
        if (w < 0 || (size_t)w >= sizeof(p))
            continue;
        FILE *f = fopen(p, "rb");
        if (f) {
            fclose(f);
            return add_file(pl, kind, p, (size_t)w);
        }
    }
    err_set(pl->err, DT_ENOTFOUND, NULL, 0, 0, "PETRARCH dictionary %.*s not found beside the config or in ../dictionaries",
            (int)DT_MIN(n, 200), name);
    return DT_ENOTFOUND;
}

int petrarch_config_option(dict_options *o, const char *key, size_t kn, const char *val, size_t vn)
{
    long v = 0;
    bool num = str_to_long(val, vn, &v);
    static const struct { const char *k; size_t off; } ints[] = {
        {"comma_min", offsetof(dict_options, comma_min)}, {"comma_max", offsetof(dict_options, comma_max)},
        {"comma_bmin", offsetof(dict_options, comma_bmin)}, {"comma_bmax", offsetof(dict_options, comma_bmax)},
        {"comma_emin", offsetof(dict_options, comma_emin)}, {"comma_emax", offsetof(dict_options, comma_emax)}};
    for (size_t i = 0; i < DT_ARRAY_LEN(ints); i++)
        if (str_ieq(key, kn, ints[i].k)) {
            if (!num)
                return DT_EPARSE;
            *(int *)((char *)o + ints[i].off) = (int)v;
            return 1;
        }
    if (str_ieq(key, kn, "require_dyad")) {
        o->require_dyad = (vn && (val[0] == 'T' || val[0] == 't')) ? 1 : 0;
        return 1;
    }
    /* Options about output, interaction and parsing do not change events here. */
    return 1;
}

static int read_config(pload *pl, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    int rc = compat_read_file(path, &text, &len, pl->err);
    if (rc)
        return rc;
    char dir[1024];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 0, path);
    compat_lines it;
    compat_lines_init(&it, text, len);
    dt_slice line;
    bool in_dicts = false, in_opts = false;
    while (!rc && compat_lines_next(&it, &line)) {
        dt_slice t = str_trim(line.ptr, line.len);
        if (!t.len || t.ptr[0] == '#' || t.ptr[0] == ';')
            continue;
        if (t.ptr[0] == '[') {
            in_dicts = str_ieq(t.ptr, t.len, "[Dictionaries]");
            in_opts = str_ieq(t.ptr, t.len, "[Options]");
            continue;
        }
        const char *eq = memchr(t.ptr, '=', t.len);
        if (!eq)
            continue;
        dt_slice key = str_trim(t.ptr, (size_t)(eq - t.ptr));
        dt_slice val = str_trim(eq + 1, t.len - (size_t)(eq + 1 - t.ptr));
        if (in_opts) {
            petrarch_config_option(&pl->d->opt, key.ptr, key.len, val.ptr, val.len);
            continue;
        }
        if (!in_dicts)
            continue;
        int kind = PF_UNKNOWN;
        if (str_ieq(key.ptr, key.len, "verbfile_name"))
            kind = PF_VERBS;
        else if (str_ieq(key.ptr, key.len, "actorfile_list"))
            kind = PF_ACTORS;
        else if (str_ieq(key.ptr, key.len, "agentfile_name"))
            kind = PF_AGENTS;
        else if (str_ieq(key.ptr, key.len, "discardfile_name"))
            kind = PF_DISCARDS;
        else if (str_ieq(key.ptr, key.len, "issuefile_name"))
            kind = PF_ISSUES;
        if (kind == PF_UNKNOWN)
            continue;
        const char *p = val.ptr, *e = val.ptr + val.len;
        while (p < e && !rc) {
            const char *q = memchr(p, ',', (size_t)(e - p));
            if (!q)
                q = e;
            dt_slice name = str_trim(p, (size_t)(q - p));
            if (name.len)
                rc = resolve(pl, kind, dir, name.ptr, name.len);
            p = q + 1;
        }
    }
    free(text);
    return rc;
}

/* ---------------------------------------------------------------- loading */

void petrarch_default_options(dict_options *o)
{
    o->petrarch = 1;
    o->code_by = 0;
    o->comma_off = 0;
    o->comma_set = 1;
    o->comma_min = 2;
    o->comma_max = 8;
    o->comma_bmin = 0;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 8;
    o->require_dyad = 1;
    o->min_words = 0;
}

static int load_text(pload *pl, const pfile *f, const char *text, size_t len)
{
    int rc = 0;
    compat_reader r = {0};
    r.d = pl->d;
    r.name = f->path;
    r.file = dict_file(pl->d, f->path);
    r.text = text;
    r.len = len;
    r.syntax = SYN_PETRARCH;
    r.gaps = false;
    r.petrarch_words = true;
    r.diag = pl->diag;
    r.user = pl->user;
    size_t excl = 0;
    switch (f->kind) {
    case PF_VERBS: rc = read_verbs(&r, pl); break;
    case PF_ACTORS: rc = compat_read_actors(&r); break;
    case PF_AGENTS: rc = read_agents(&r); break;
    case PF_DISCARDS: rc = read_discards(&r); break;
    case PF_ISSUES: rc = read_issues(&r, &excl); break;
    default: break;
    }
    if (!rc && pl->transformations) {
        diag_emit(pl->diag, pl->user, DT_OK, f->path, 0, 0, -1,
                  "%zu '~' transformation rules are not supported and were skipped", pl->transformations);
        pl->transformations = 0;
    }
    if (!rc && excl)
        diag_emit(pl->diag, pl->user, DT_OK, f->path, 0, 0, -1,
                  "%zu '~' issue exclusions are not supported and were skipped", excl);
    return rc;
}

int petrarch_load_text(dt_dict *d, const char *kind, const char *name, const char *text, size_t len,
                       dt_diag_fn diag, void *user)
{
    pload pl = {0};
    pl.d = d;
    pl.diag = diag;
    pl.user = user;
    if (!d->opt.petrarch)
        petrarch_default_options(&d->opt);
    pfile f;
    f.kind = kind_of_name(kind, strlen(kind));
    snprintf(f.path, sizeof(f.path), "%s", name);
    if (f.kind == PF_UNKNOWN || f.kind == PF_CONFIG)
        return DT_EINVAL;
    return load_text(&pl, &f, text, len);
}

static int load_one(pload *pl, const pfile *f)
{
    char *text = NULL;
    size_t len = 0;
    int rc = compat_read_file(f->path, &text, &len, pl->err);
    if (rc)
        return rc;
    rc = load_text(pl, f, text, len);
    free(text);
    if (rc == DT_ENOMEM)
        err_set(pl->err, rc, f->path, 0, 0, "out of memory");
    return rc;
}

/* One item of the spec: a config .ini, or KIND=PATH. */
static int petrarch_item(void *ctx, dt_slice item, dt_slice name, dt_slice path)
{
    pload *pl = ctx;
    int kind = kind_of_name(name.ptr, name.len);
    if (kind == PF_UNKNOWN) {
        err_set(pl->err, DT_EFORMAT, NULL, 0, 0,
                "petrarch:%.*s: cannot tell what kind of file this is (name a config .ini, or write "
                "verbs=PATH, actors=PATH, agents=PATH, discards=PATH, issues=PATH)",
                (int)DT_MIN(item.len, 200), item.ptr);
        return DT_EFORMAT;
    }
    if (kind == PF_CONFIG) {
        char tmp[1024];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(path.len, sizeof(tmp) - 1), path.ptr);
        return read_config(pl, tmp);
    }
    return add_file(pl, kind, path.ptr, path.len);
}

int petrarch_load(dt_dict *d, const char *spec, dt_diag_fn diag, void *user, dt_error *err)
{
    pload pl = {0};
    pl.d = d;
    pl.diag = diag;
    pl.user = user;
    pl.err = err;
    if (!d->opt.petrarch)
        petrarch_default_options(&d->opt);
    int rc = dict_spec_each(spec, petrarch_item, &pl);
    if (!rc && !pl.nfiles) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "petrarch: no dictionary files named");
        return DT_EINVAL;
    }
    /* Verbs first: synsets and verbs are independent of the other files. */
    static const int order[] = {PF_VERBS, PF_ACTORS, PF_AGENTS, PF_DISCARDS, PF_ISSUES};
    for (size_t o = 0; o < DT_ARRAY_LEN(order) && !rc; o++)
        for (size_t i = 0; i < pl.nfiles && !rc; i++)
            if (pl.files[i].kind == order[o])
                rc = load_one(&pl, &pl.files[i]);
    return rc;
}
