/* native.c — reader for Detente's own dictionary format (docs/dictionaries.md). */
#include "dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

typedef struct nctx {
    dt_dict *d;
    const char *name;
    uint32_t file;
    dt_diag_fn diag;
    void *user;
    long line;          /* line of the current logical entry */
    long last_verb;     /* verb the pattern lines attach to, -1 none */
    size_t bad;
} nctx;

#define MAX_PHRASE_WORDS 48

static void bad_line(nctx *c, long col, const char *fmt, const char *arg)
{
    c->bad++;
    c->d->stats.bad_lines++;
    diag_emit(c->diag, c->user, DT_EPARSE, c->name, c->line, col, -1, fmt, arg);
}

/* Split s at the first "=>"; returns false when absent. */
static bool split_arrow(const char *s, size_t n, dt_slice *left, dt_slice *right)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '=' && s[i + 1] == '>') {
            *left = str_trim(s, i);
            *right = str_trim(s + i + 2, n - i - 2);
            return true;
        }
    }
    *left = str_trim(s, n);
    right->ptr = s + n;
    right->len = 0;
    return false;
}

/* Call fn for each '|'-separated, trimmed, non-empty part. */
typedef int (*part_fn)(nctx *c, const char *s, size_t n, void *arg);
static int each_part(nctx *c, dt_slice all, char sep, part_fn fn, void *arg)
{
    size_t st = 0;
    for (size_t i = 0; i <= all.len; i++) {
        if (i < all.len && all.ptr[i] != sep)
            continue;
        dt_slice p = str_trim(all.ptr + st, i - st);
        if (p.len) {
            int rc = fn(c, p.ptr, p.len, arg);
            if (rc < 0)
                return rc;
        }
        st = i + 1;
    }
    return 0;
}

struct phrase_arg {
    phrase_payload pl;
    const char *what;
};

/* Ends in "s", or in a noun that is always plural ("police", "people", "personnel"). */
static bool plural_phrase(const char *s, size_t n)
{
    static const char *const always[] = {"police", "people", "personnel"};
    if (n && (s[n - 1] == 's' || s[n - 1] == 'S'))
        return true;
    for (size_t i = 0; i < DT_ARRAY_LEN(always); i++) {
        size_t l = strlen(always[i]);
        if (n >= l && (n == l || s[n - l - 1] == ' ') && strncasecmp(s + n - l, always[i], l) == 0)
            return true;
    }
    return false;
}

static int add_phrase_part(nctx *c, const char *s, size_t n, void *argp)
{
    struct phrase_arg *a = argp;
    uint32_t words[MAX_PHRASE_WORDS];
    int k = dict_phrase_words(c->d, s, n, WM_ENDINGS, words, MAX_PHRASE_WORDS, true);
    if (k == DT_ENOMEM)
        return k;
    if (k <= 0) {
        char tmp[160];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(n, 120), s);
        bad_line(c, 0, "cannot read the phrase \"%s\"", tmp);
        return 0;
    }
    phrase_payload pl = a->pl;
    /* A plural agent phrase ("troops", "protesters", "riot police", not "police force" or
     * "ministry") can be "they". */
    if (pl.kind == PK_AGENT)
        pl.form = plural_phrase(s, n);
    int rc = dict_add_phrase(c->d, words, (size_t)k, pl);
    if (rc < 0)
        return rc;
    if (rc == 1) {
        char tmp[160];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(n, 120), s);
        c->d->stats.bad_lines++;
        diag_emit(c->diag, c->user, DT_EPARSE, c->name, c->line, 0, -1,
                  "duplicate %s phrase \"%s\" (the first definition is kept)", a->what, tmp);
        return 0;
    }
    switch (a->pl.kind) {
    case PK_ACTOR: c->d->stats.actor_phrases++; break;
    case PK_AGENT: c->d->stats.agent_phrases++; break;
    case PK_ISSUE: c->d->stats.issue_phrases++; break;
    case PK_DISCARD: c->d->stats.discard_phrases++; break;
    case PK_REF: c->d->stats.ref_phrases++; break;
    case PK_SETMEMBER: c->d->stats.set_members++; break;
    default: break;
    }
    return 0;
}

/* ---------------------------------------------------------------- actors */

static bool parse_range(const char *s, size_t n, int32_t *from, int32_t *to)
{
    /* FROM..TO | FROM.. | ..TO */
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '.' && s[i + 1] == '.') {
            dt_slice a = str_trim(s, i), b = str_trim(s + i + 2, n - i - 2);
            *from = DATE_NONE;
            *to = DATE_NONE;
            if (a.len && dt_date_parse(a.ptr, a.len, from))
                return false;
            if (b.len && dt_date_parse(b.ptr, b.len, to))
                return false;
            if (!a.len && !b.len)
                return false;
            if (a.len && b.len && *from > *to)
                return false;
            return true;
        }
    }
    return false;
}

static bool valid_code(const char *s, size_t n)
{
    if (n == 0 || n > 48)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_alnum((unsigned char)s[i]))
            return false;
    return true;
}

struct alts_arg {
    code_alt alts[32];
    size_t n;
    bool had_default;
    bool ok;
};

static int parse_alt(nctx *c, const char *s, size_t n, void *argp)
{
    struct alts_arg *a = argp;
    if (!a->ok)
        return 0;
    if (a->n >= DT_ARRAY_LEN(a->alts)) {
        bad_line(c, 0, "%s", "too many code alternatives");
        a->ok = false;
        return 0;
    }
    /* CODE[/CODE...] [RANGE] */
    size_t sp = 0;
    while (sp < n && !is_space((unsigned char)s[sp]))
        sp++;
    dt_slice codes = {s, sp};
    dt_slice range = str_trim(s + sp, n - sp);
    code_alt alt = {DATE_NONE, DATE_NONE, (uint32_t)c->d->ncode_lists, 0, 0};
    if (range.len) {
        if (!parse_range(range.ptr, range.len, &alt.from, &alt.to)) {
            char tmp[80];
            snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(range.len, 60), range.ptr);
            bad_line(c, 0, "bad date range \"%s\" (expected YYYY-MM-DD..YYYY-MM-DD, FROM.. or ..TO)", tmp);
            a->ok = false;
            return 0;
        }
        alt.dated = 1;
    } else {
        if (a->had_default) {
            bad_line(c, 0, "%s", "more than one code without a date range");
            a->ok = false;
            return 0;
        }
        a->had_default = true;
    }
    if (!(codes.len == 3 && memcmp(codes.ptr, "---", 3) == 0)) {
        size_t st = 0;
        for (size_t i = 0; i <= codes.len; i++) {
            if (i < codes.len && codes.ptr[i] != '/')
                continue;
            if (!valid_code(codes.ptr + st, i - st)) {
                char tmp[80];
                snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(codes.len, 60), codes.ptr);
                bad_line(c, 0, "bad actor code \"%s\" (letters and digits, '/' between codes)", tmp);
                a->ok = false;
                return 0;
            }
            sid id = dict_intern(c->d, codes.ptr + st, i - st);
            if (!id || DICT_PUSH(c->d, code_lists, &id) < 0)
                return DT_ENOMEM;
            alt.ncodes++;
            st = i + 1;
        }
    }
    a->alts[a->n++] = alt;
    return 0;
}

static int entry_actor(nctx *c, uint8_t kind, dt_slice rest)
{
    dt_slice phrases, codes;
    if (!split_arrow(rest.ptr, rest.len, &phrases, &codes) || !codes.len || !phrases.len) {
        bad_line(c, 0, "%s", "expected PHRASE | PHRASE ... => CODE");
        return 0;
    }
    struct alts_arg aa;
    memset(&aa, 0, sizeof(aa));
    aa.ok = true;
    int rc = each_part(c, codes, ',', parse_alt, &aa);
    if (rc < 0)
        return rc;
    if (!aa.ok || aa.n == 0)
        return 0;
    /* The default alternative must be last. */
    for (size_t i = 0; i + 1 < aa.n; i++)
        if (!aa.alts[i].dated) {
            bad_line(c, 0, "%s", "the code without a date range must come last");
            return 0;
        }
    actor_entry ae = {(uint32_t)c->d->nalts, (uint16_t)aa.n, kind, 0, dict_rule(c->d, c->file, (uint32_t)c->line)};
    for (size_t i = 0; i < aa.n; i++)
        if (DICT_PUSH(c->d, alts, &aa.alts[i]) < 0)
            return DT_ENOMEM;
    int64_t id = DICT_PUSH(c->d, actors, &ae);
    if (id < 0)
        return DT_ENOMEM;
    switch (kind) {
    case AK_PERSON: c->d->stats.people++; break;
    case AK_STATE: c->d->stats.states++; break;
    case AK_ORG: c->d->stats.orgs++; break;
    case AK_GROUP: c->d->stats.groups++; break;
    default: break;
    }
    struct phrase_arg pa = {{PK_ACTOR, 0, 0, (uint32_t)id, ae.rule}, "actor"};
    return each_part(c, phrases, '|', add_phrase_part, &pa);
}

static int entry_agent(nctx *c, dt_slice rest)
{
    dt_slice phrases, code;
    if (!split_arrow(rest.ptr, rest.len, &phrases, &code) || !code.len || !phrases.len) {
        bad_line(c, 0, "%s", "expected agent PHRASE | PHRASE ... => SECTOR");
        return 0;
    }
    agent_entry ag = {0};
    const char *cs = code.ptr;
    size_t cn = code.len;
    if (cn && cs[0] == '~') {
        cs++;
        cn--;
    } else if (cn && cs[cn - 1] == '~') {
        cn--;
        ag.prefix = 1;
    }
    if (!valid_code(cs, cn)) {
        bad_line(c, 0, "%s", "bad agent code (letters and digits)");
        return 0;
    }
    ag.code = dict_intern(c->d, cs, cn);
    ag.rule = dict_rule(c->d, c->file, (uint32_t)c->line);
    int64_t id = DICT_PUSH(c->d, agents, &ag);
    if (id < 0)
        return DT_ENOMEM;
    struct phrase_arg pa = {{PK_AGENT, 0, 0, (uint32_t)id, ag.rule}, "agent"};
    return each_part(c, phrases, '|', add_phrase_part, &pa);
}

/* ---------------------------------------------------------------- verbs */

static int parse_codespec(nctx *c, dt_slice s, code_spec *out)
{
    /* CODE [future=CODE] */
    size_t sp = 0;
    while (sp < s.len && !is_space((unsigned char)s.ptr[sp]))
        sp++;
    const char *why = NULL;
    if (dict_parse_code(c->d, s.ptr, sp, out, &why)) {
        bad_line(c, 0, "bad event code: %s", why);
        return 1;
    }
    dt_slice rest = str_trim(s.ptr + sp, s.len - sp);
    while (rest.len) {
        size_t e = 0;
        while (e < rest.len && !is_space((unsigned char)rest.ptr[e]))
            e++;
        if (e == 4 && memcmp(rest.ptr, "solo", 4) == 0) {
            out->flags |= CF_SOLO;
        } else if (e == 7 && memcmp(rest.ptr, "speaker", 7) == 0) {
            out->flags |= CF_SPEAKER;
        } else if (e > 7 && memcmp(rest.ptr, "future=", 7) == 0) {
            code_spec f;
            if (dict_parse_code(c->d, rest.ptr + 7, e - 7, &f, &why) || !f.code) {
                bad_line(c, 0, "bad future= code: %s", why ? why : "empty");
                return 1;
            }
            out->future = f.code;
        } else {
            char tmp[64];
            snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(e, 40), rest.ptr);
            bad_line(c, 0, "unknown code option \"%s\" (expected future=CODE, solo or speaker)", tmp);
            return 1;
        }
        rest = str_trim(rest.ptr + e, rest.len - e);
    }
    return 0;
}

static const struct irregular *find_irregular(const dt_dict *d, int32_t w)
{
    for (size_t i = 0; i < d->nirregular; i++)
        if ((int32_t)d->irregular[i].lemma_word == w)
            return &d->irregular[i];
    return NULL;
}

/* Add one verb form phrase: the (inflected) first word, then the rest of the lemma. */
static int add_form(nctx *c, const char *form, const uint32_t *rest, size_t nrest, uint32_t verb,
                    uint8_t ftype, uint32_t rule)
{
    uint32_t words[MAX_PHRASE_WORDS];
    int32_t w = dict_word_add(c->d, form, strlen(form), WM_EXACT);
    if (w < 0)
        return DT_ENOMEM;
    words[0] = (uint32_t)w;
    if (nrest + 1 > MAX_PHRASE_WORDS)
        return 0;
    memcpy(words + 1, rest, nrest * sizeof(uint32_t));
    phrase_payload pl = {PK_VERB, ftype, 0, verb, rule};
    int rc = dict_add_phrase(c->d, words, nrest + 1, pl);
    if (rc == 0)
        c->d->stats.verb_forms++;
    return rc < 0 ? rc : 0;
}

/* The next blank-separated word from *p (before e), upper-cased into out; returns its
 * length, 0 at the end, or cap when it does not fit (out then holds a cut copy). */
static size_t next_word_upper(const char **p, const char *e, char *out, size_t cap)
{
    const char *s = *p;
    while (s < e && is_space((unsigned char)*s))
        s++;
    const char *q = s;
    while (q < e && !is_space((unsigned char)*q))
        q++;
    *p = q;
    size_t n = (size_t)(q - s), l = DT_MIN(n, cap - 1);
    for (size_t i = 0; i < l; i++)
        out[i] = (char)to_upper((unsigned char)s[i]);
    out[l] = 0;
    return n >= cap ? cap : n;
}

static int add_lemma_forms(nctx *c, const uint32_t *lw, int nl, uint32_t id, bool is_noun, uint32_t rule);

struct alt_arg {
    uint32_t id;
    bool is_noun;
    uint32_t rule;
};

/* One more lemma of a verb or noun entry ("A | B | C"). */
static int add_alt_lemma(nctx *c, const char *s, size_t n, void *arg)
{
    const struct alt_arg *a = arg;
    uint32_t w[MAX_PHRASE_WORDS];
    int nw = dict_phrase_words(c->d, s, n, WM_EXACT, w, MAX_PHRASE_WORDS, false);
    if (nw <= 0) {
        bad_line(c, 0, "%s", "cannot read one of the lemmas");
        return nw == DT_ENOMEM ? nw : 0;
    }
    return add_lemma_forms(c, w, nw, a->id, a->is_noun, a->rule);
}

static int entry_verb(nctx *c, dt_slice rest, bool is_noun)
{
    c->last_verb = -1;
    dt_slice head, code;
    bool has_code = split_arrow(rest.ptr, rest.len, &head, &code);
    /* LEMMA words, then optional (FORMS) */
    dt_slice lemma = head, forms = {head.ptr + head.len, 0};
    for (size_t i = 0; i < head.len; i++) {
        if (head.ptr[i] == '(') {
            lemma = str_trim(head.ptr, i);
            size_t j = i + 1;
            while (j < head.len && head.ptr[j] != ')')
                j++;
            if (j >= head.len) {
                bad_line(c, (long)i + 1, "%s", "missing ')' after the verb forms");
                return 0;
            }
            forms = str_trim(head.ptr + i + 1, j - i - 1);
            break;
        }
    }
    /* "A | B | C": A names the entry, B and C are more phrases of it */
    dt_slice lemma_rest = {lemma.ptr + lemma.len, 0};
    for (size_t i = 0; i < lemma.len; i++)
        if (lemma.ptr[i] == '|') {
            lemma_rest = (dt_slice){lemma.ptr + i + 1, lemma.len - i - 1};
            lemma = str_trim(lemma.ptr, i);
            break;
        }
    if (!lemma.len) {
        bad_line(c, 0, "%s", is_noun ? "noun without a word" : "verb without a lemma");
        return 0;
    }
    uint32_t lw[MAX_PHRASE_WORDS];
    int nl = dict_phrase_words(c->d, lemma.ptr, lemma.len, WM_EXACT, lw, MAX_PHRASE_WORDS, false);
    if (nl <= 0) {
        bad_line(c, 0, "%s", "cannot read the lemma");
        return nl == DT_ENOMEM ? nl : 0;
    }
    code_spec cs;
    memset(&cs, 0, sizeof(cs));
    if (has_code && code.len && parse_codespec(c, code, &cs))
        return 0;
    sid lemma_sid = dict_intern(c->d, lemma.ptr, lemma.len);
    /* Verbs and nouns with the same word are separate entries ("attack"). */
    char keybuf[300];
    snprintf(keybuf, sizeof(keybuf), "%s:%.*s", is_noun ? "n" : "v", (int)DT_MIN(lemma.len, 280), lemma.ptr);
    sid key_sid = dict_intern(c->d, keybuf, strlen(keybuf));
    if (!lemma_sid || !key_sid)
        return DT_ENOMEM;
    /* The same lemma twice: extend the first entry. */
    long vi = -1;
    if (key_sid < c->d->verb_of_cap && c->d->verb_of[key_sid])
        vi = (long)c->d->verb_of[key_sid] - 1;
    uint32_t rule = dict_rule(c->d, c->file, (uint32_t)c->line);
    if (vi >= 0) {
        verb_entry *ve = &c->d->verbs[vi];
        if (has_code && code.len && !ve->has_code) {
            ve->code = cs;
            ve->has_code = 1;
            ve->rule = rule;
        }
        c->last_verb = vi;
        /* (its further lemmas join the entry too) */
        struct alt_arg more = {(uint32_t)vi, is_noun, rule};
        return each_part(c, lemma_rest, '|', add_alt_lemma, &more);
    }
    verb_entry ve = {0};
    ve.lemma = lemma_sid;
    ve.code = cs;
    ve.has_code = has_code && code.len;
    ve.rule = rule;
    ve.is_noun = is_noun;
    int64_t id = DICT_PUSH(c->d, verbs, &ve);
    if (id < 0)
        return DT_ENOMEM;
    if (key_sid >= c->d->verb_of_cap) {
        size_t nc = c->d->verb_of_cap ? c->d->verb_of_cap : 1024;
        while (nc <= key_sid)
            nc *= 2;
        uint32_t *p = realloc(c->d->verb_of, nc * sizeof(*p));
        if (!p)
            return DT_ENOMEM;
        memset(p + c->d->verb_of_cap, 0, (nc - c->d->verb_of_cap) * sizeof(*p));
        c->d->verb_of = p;
        c->d->verb_of_cap = nc;
    }
    c->d->verb_of[key_sid] = (uint32_t)id + 1;
    c->last_verb = (long)id;
    int rc = add_lemma_forms(c, lw, nl, (uint32_t)id, is_noun, rule);
    if (rc)
        return rc;
    /* "noun missile test | missile launch": further lemmas of the same entry (its patterns
     * and code are shared) */
    struct alt_arg aa = {(uint32_t)id, is_noun, rule};
    if ((rc = each_part(c, lemma_rest, '|', add_alt_lemma, &aa)))
        return rc;
    /* Extra forms in parentheses are treated as past forms (cut to 127 bytes). */
    const char *p = forms.ptr, *e = forms.ptr + forms.len;
    char tmp[128];
    while (next_word_upper(&p, e, tmp, sizeof(tmp)))
        if ((rc = add_form(c, tmp, lw + 1, (size_t)nl - 1, (uint32_t)id, VF_ED, rule)))
            return rc;
    return 0;
}

/* The forms of a lemma (its first word inflected, the rest as they are) as phrases of
 * entry id: a noun and its plural, or a verb's five forms. */
static int add_lemma_forms(nctx *c, const uint32_t *lw, int nl, uint32_t id, bool is_noun, uint32_t rule)
{
    const dict_word *first = &c->d->words[lw[0]];
    char base[128];
    snprintf(base, sizeof(base), "%s", first->key);
    int rc;
    if (is_noun) {
        const char *f[5];
        if ((rc = dict_verb_forms(c->d, base, strlen(base), NULL, NULL, f)))
            return rc;
        /* A noun: itself and its plural (nouns are interned as whole phrases). */
        if ((rc = add_form(c, f[VF_BASE], lw + 1, (size_t)nl - 1, id, VF_BASE, rule)) ||
            (rc = add_form(c, f[VF_S], lw + 1, (size_t)nl - 1, id, VF_S, rule)))
            return rc;
    } else {
        const struct irregular *irr = find_irregular(c->d, (int32_t)lw[0]);
        const char *f[5];
        rc = dict_verb_forms(c->d, base, strlen(base), irr ? dict_str(c->d, irr->past) : NULL,
                             irr ? dict_str(c->d, irr->part) : NULL, f);
        if (rc)
            return rc;
        for (int k = 0; k < 5; k++) {
            /* A form equal to an earlier one (cut, cut, cut) is added once, with the
             * earliest type: VF_ED before VF_EN so passives see a past participle. */
            bool dup = false;
            for (int j = 0; j < k; j++)
                dup |= strcmp(f[j], f[k]) == 0;
            if (dup)
                continue;
            if ((rc = add_form(c, f[k], lw + 1, (size_t)nl - 1, id, (uint8_t)k, rule)))
                return rc;
        }
    }
    return 0;
}

static int entry_pattern(nctx *c, dt_slice rest)
{
    if (c->last_verb < 0) {
        bad_line(c, 1, "%s", "a pattern line must follow a verb or noun entry");
        return 0;
    }
    dt_slice pat, code;
    bool has_code = split_arrow(rest.ptr, rest.len, &pat, &code) && code.len;
    const verb_entry *ve = &c->d->verbs[c->last_verb];
    if (!has_code && !ve->has_code) {
        bad_line(c, 0, "%s", "expected - PATTERN => CODE (the verb has no code to inherit)");
        return 0;
    }
    pattern p;
    const char *why = NULL;
    size_t col = 0;
    int rc = pattern_compile(c->d, pat.ptr, pat.len, SYN_NATIVE, &p, &why, &col);
    if (rc == DT_ENOMEM)
        return rc;
    if (rc) {
        bad_line(c, (long)col, "bad pattern: %s", why);
        return 0;
    }
    if (has_code) {
        if (parse_codespec(c, code, &p.code))
            return 0;
    } else {
        p.code = ve->code;
    }
    p.rule = dict_rule(c->d, c->file, (uint32_t)c->line);
    struct pending_pat pp = {(uint32_t)c->last_verb, p};
    return DICT_PUSH(c->d, pending, &pp) < 0 ? DT_ENOMEM : 0;
}

/* ---------------------------------------------------------------- other entries */

static int entry_irregular(nctx *c, dt_slice rest)
{
    char w[4][64];
    size_t k = 0;
    const char *p = rest.ptr, *e = rest.ptr + rest.len;
    size_t l;
    while (k < 4 && (l = next_word_upper(&p, e, w[k], sizeof(w[0]))) > 0) {
        if (l >= sizeof(w[0])) {
            k = 4;
            break;
        }
        k++;
    }
    if (k != 3) {
        bad_line(c, 0, "%s", "expected irregular LEMMA PAST PARTICIPLE");
        return 0;
    }
    int32_t lw = dict_word_add(c->d, w[0], strlen(w[0]), WM_EXACT);
    if (lw < 0)
        return DT_ENOMEM;
    struct irregular ir = {(uint32_t)lw, dict_intern(c->d, w[1], strlen(w[1])),
                           dict_intern(c->d, w[2], strlen(w[2]))};
    return DICT_PUSH(c->d, irregular, &ir) < 0 ? DT_ENOMEM : 0;
}

static int entry_set(nctx *c, dt_slice rest)
{
    /* &NAME = a | b */
    size_t eq = 0;
    while (eq < rest.len && rest.ptr[eq] != '=')
        eq++;
    dt_slice name = str_trim(rest.ptr, eq);
    if (eq >= rest.len || name.len < 2 || name.ptr[0] != '&') {
        bad_line(c, 0, "%s", "expected set &NAME = PHRASE | PHRASE ...");
        return 0;
    }
    char up[128];
    if (name.len >= sizeof(up)) {
        bad_line(c, 0, "%s", "set name too long");
        return 0;
    }
    for (size_t i = 0; i < name.len; i++)
        up[i] = (char)to_upper((unsigned char)name.ptr[i]);
    sid s = dict_intern(c->d, up, name.len);
    if (!s)
        return DT_ENOMEM;
    int64_t id = -1;
    for (size_t i = 0; i < c->d->nsets; i++)
        if (c->d->sets[i] == s)
            id = (int64_t)i;
    if (id < 0 && (id = DICT_PUSH(c->d, sets, &s)) < 0)
        return DT_ENOMEM;
    struct phrase_arg pa = {{PK_SETMEMBER, 0, 0, (uint32_t)id, dict_rule(c->d, c->file, (uint32_t)c->line)}, "set"};
    return each_part(c, str_trim(rest.ptr + eq + 1, rest.len - eq - 1), '|', add_phrase_part, &pa);
}

static int entry_issue(nctx *c, dt_slice rest)
{
    dt_slice phrases, tag;
    if (!split_arrow(rest.ptr, rest.len, &phrases, &tag) || !tag.len || !valid_code(tag.ptr, tag.len)) {
        bad_line(c, 0, "%s", "expected issue PHRASE | PHRASE ... => TAG (letters and digits)");
        return 0;
    }
    sid t = dict_intern(c->d, tag.ptr, tag.len);
    c->d->stats.issues++;
    struct phrase_arg pa = {{PK_ISSUE, 0, 0, t, dict_rule(c->d, c->file, (uint32_t)c->line)}, "issue"};
    return each_part(c, phrases, '|', add_phrase_part, &pa);
}

static int entry_discard(nctx *c, dt_slice rest)
{
    uint8_t story = 0;
    if (rest.len > 6 && str_ieq(rest.ptr, 6, "story:")) {
        story = 1;
        rest = str_trim(rest.ptr + 6, rest.len - 6);
    }
    c->d->stats.discards++;
    struct phrase_arg pa = {{PK_DISCARD, story, 0, story, dict_rule(c->d, c->file, (uint32_t)c->line)}, "discard"};
    return each_part(c, rest, '|', add_phrase_part, &pa);
}

static int entry_ref(nctx *c, dt_slice rest)
{
    dt_slice phrases, what;
    if (!split_arrow(rest.ptr, rest.len, &phrases, &what) || !what.len) {
        bad_line(c, 0, "%s", "expected ref PHRASE | PHRASE ... => KIND or CODE");
        return 0;
    }
    ref_entry r = {0};
    r.rule = dict_rule(c->d, c->file, (uint32_t)c->line);
    static const char *const kinds[] = {"actor", "state", "person", "org", "group"};
    bool found = false;
    for (size_t i = 0; i < DT_ARRAY_LEN(kinds); i++)
        if (str_ieq(what.ptr, what.len, kinds[i])) {
            r.type = RK_KIND;
            r.kind = (uint8_t)i;
            found = true;
        }
    if (!found && str_ieq(what.ptr, what.len, "government")) {
        r.type = RK_KIND;
        r.kind = AK_STATE;
        r.gov = 1;
        found = true;
    }
    if (!found && str_ieq(what.ptr, what.len, "leaders")) {
        r.type = RK_LEADERS;
        found = true;
    }
    if (!found && str_ieq(what.ptr, what.len, "pair")) {
        r.type = RK_PAIR;
        found = true;
    }
    if (!found && str_ieq(what.ptr, what.len, "trio")) {
        r.type = RK_TRIO; /* the countries of the last three named together */
        r.kind = AK_STATE;
        found = true;
    }
    if (!found && str_ieq(what.ptr, what.len, "states")) {
        r.type = RK_PAIR; /* the pair's countries */
        r.kind = AK_STATE;
        found = true;
    }
    if (!found) {
        r.type = RK_CODE;
        size_t st = 0;
        for (size_t i = 0; i <= what.len; i++) {
            if (i < what.len && what.ptr[i] != '/')
                continue;
            if (!valid_code(what.ptr + st, i - st) || !is_upper((unsigned char)what.ptr[st]) ||
                r.ncodes >= DT_ARRAY_LEN(r.codes)) {
                bad_line(c, 0, "%s",
                         "a ref names a kind (actor state government person org group leaders pair states) or actor codes (A/B)");
                return 0;
            }
            r.codes[r.ncodes++] = dict_intern(c->d, what.ptr + st, i - st);
            st = i + 1;
        }
    }
    int64_t id = DICT_PUSH(c->d, refs, &r);
    if (id < 0)
        return DT_ENOMEM;
    struct phrase_arg pa = {{PK_REF, 0, 0, (uint32_t)id, r.rule}, "ref"};
    return each_part(c, phrases, '|', add_phrase_part, &pa);
}

static int entry_class(nctx *c, dt_slice rest, uint8_t kind)
{
    struct phrase_arg pa = {{kind, 0, 0, 0, dict_rule(c->d, c->file, (uint32_t)c->line)}, "word"};
    return each_part(c, rest, '|', add_phrase_part, &pa);
}

/* ---------------------------------------------------------------- driver */

static int entry(nctx *c, const char *s, size_t n)
{
    dt_slice line = str_trim(s, n);
    if (!line.len)
        return 0;
    if (line.ptr[0] == '-' )
        return entry_pattern(c, str_trim(line.ptr + 1, line.len - 1));
    size_t k = 0;
    while (k < line.len && !is_space((unsigned char)line.ptr[k]))
        k++;
    dt_slice kw = {line.ptr, k};
    dt_slice rest = str_trim(line.ptr + k, line.len - k);
    static const struct { const char *kw; uint8_t kind; } actor_kws[] = {
        {"actor", AK_ACTOR}, {"state", AK_STATE}, {"person", AK_PERSON}, {"org", AK_ORG}, {"group", AK_GROUP}};
    for (size_t i = 0; i < DT_ARRAY_LEN(actor_kws); i++)
        if (str_ieq(kw.ptr, kw.len, actor_kws[i].kw)) {
            c->last_verb = -1;
            return entry_actor(c, actor_kws[i].kind, rest);
        }
    if (str_ieq(kw.ptr, kw.len, "agent"))
        return c->last_verb = -1, entry_agent(c, rest);
    if (str_ieq(kw.ptr, kw.len, "verb"))
        return entry_verb(c, rest, false);
    if (str_ieq(kw.ptr, kw.len, "noun"))
        return entry_verb(c, rest, true);
    if (str_ieq(kw.ptr, kw.len, "irregular"))
        return entry_irregular(c, rest);
    if (str_ieq(kw.ptr, kw.len, "set"))
        return entry_set(c, rest);
    if (str_ieq(kw.ptr, kw.len, "issue"))
        return entry_issue(c, rest);
    if (str_ieq(kw.ptr, kw.len, "discard"))
        return entry_discard(c, rest);
    if (str_ieq(kw.ptr, kw.len, "ref"))
        return entry_ref(c, rest);
    if (str_ieq(kw.ptr, kw.len, "noun-words"))
        return entry_class(c, rest, PK_NOUNWORD);
    if (str_ieq(kw.ptr, kw.len, "adjectives"))
        return entry_class(c, rest, PK_ADJ);
    char tmp[64];
    snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(kw.len, 40), kw.ptr);
    bad_line(c, 1, "unknown entry \"%s\" (expected state, actor, person, org, group, agent, verb, "
                   "noun, irregular, set, issue, discard, ref, noun-words, adjectives or a '-' pattern)",
             tmp);
    return 0;
}

/* Length of a line without its comment ('#' at the start or after a blank). */
static size_t strip_comment(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '#' && (i == 0 || is_space((unsigned char)s[i - 1])))
            return i;
    return n;
}

int native_load_text(dt_dict *d, const char *name, const char *text, size_t len, dt_diag_fn diag,
                     void *user)
{
    nctx c = {0};
    c.d = d;
    c.name = name;
    c.file = dict_file(d, name);
    c.diag = diag;
    c.user = user;
    c.last_verb = -1;
    buf logical;
    buf_init(&logical, 1 << 20);
    long logical_line = 0, lineno = 0;
    int rc = 0;
    size_t bad_utf8;
    if (!utf8_valid(text, len, &bad_utf8)) {
        d->stats.bad_lines++;
        diag_emit(diag, user, DT_EUTF8, name, 0, 0, (long long)bad_utf8,
                  "invalid UTF-8 (the bytes are read as they are)");
    }
    size_t i = 0;
    while (i <= len && !rc) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        lineno++;
        size_t l = strip_comment(text + i, e - i);
        dt_slice t = str_trim(text + i, l);
        bool cont = l > 0 && (text[i] == ' ' || text[i] == '\t') && t.len > 0;
        if (cont && logical.len) {
            buf_putc(&logical, ' ');
            buf_append(&logical, t.ptr, t.len);
        } else if (t.len) {
            if (logical.len) {
                c.line = logical_line;
                rc = entry(&c, logical.data, logical.len);
            }
            buf_clear(&logical);
            buf_append(&logical, t.ptr, t.len);
            logical_line = lineno;
        }
        if (logical.failed) {
            c.line = logical_line;
            bad_line(&c, 0, "%s", "entry longer than 1 MiB");
            buf_clear(&logical);
        }
        if (e >= len)
            break;
        i = e + 1;
    }
    if (!rc && logical.len) {
        c.line = logical_line;
        rc = entry(&c, logical.data, logical.len);
    }
    buf_free(&logical);
    return rc;
}

int native_load_file(dt_dict *d, const char *path, dt_diag_fn diag, void *user, dt_error *err)
{
    char *text = NULL;
    size_t len = 0;
    int rc = file_read_all(path, 256u << 20, &text, &len, err);
    if (rc)
        return rc;
    rc = native_load_text(d, path, text, len, diag, user);
    free(text);
    if (rc == DT_ENOMEM)
        err_set(err, rc, path, 0, 0, "out of memory");
    return rc;
}
