/* tabari_verbs.c — the TABARI .verbs reader: verb roots with {IRREGULAR FORMS}, "- pattern
 * [code]" lines, <SYNSETS> (&SETS as alternative lists, also used by PETRARCH), <TIME>
 * phrases and pattern weights. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- weights */

uint32_t compat_seq_weight(const dt_dict *d, pseq s)
{
    uint32_t w = 0;
    for (uint32_t i = 0; i < s.n; i++) {
        const pel *e = &d->pels[s.first + i];
        if (e->type == PE_WORD) {
            w += (uint32_t)compat_word_letters(d, e->arg);
        } else if ((e->type == PE_ALT && !(e->flags & PEL_SYNSET)) || e->type == PE_NP || e->type == PE_PP) {
            const alt_list *al = &d->alt_pats[e->arg];
            uint32_t best = 0;
            for (uint32_t k = 0; k < al->n; k++) {
                uint32_t ow = compat_seq_weight(d, d->seqs[al->first + k]);
                if (ow > best)
                    best = ow;
            }
            w += best;
        }
    }
    return w;
}

uint32_t compat_pattern_weight(const dt_dict *d, const pattern *p)
{
    return compat_seq_weight(d, p->pre) + compat_seq_weight(d, p->post);
}

/* ---------------------------------------------------------------- synsets */

int compat_new_set(compat_reader *r, const char *name, size_t n, uint32_t *set)
{
    char up[128];
    dt_slice t = str_trim(name, n);
    /* "&PREPOSIT1_": the trailing '_' is not part of the name patterns use. */
    while (t.len > 1 && t.ptr[t.len - 1] == '_')
        t.len--;
    if (t.len < 2 || t.len >= sizeof(up) || t.ptr[0] != '&')
        return DT_EPARSE;
    for (size_t i = 0; i < t.len; i++) {
        char c = t.ptr[i];
        if (c == ' ' || c == '\t')
            return DT_EPARSE;
        up[i] = (char)to_upper((unsigned char)c);
    }
    sid s = dict_intern(r->d, up, t.len);
    if (!s)
        return DT_ENOMEM;
    for (size_t i = 0; i < r->d->nsets; i++)
        if (r->d->sets[i] == s) {
            *set = (uint32_t)i;
            return i < r->d->nset_alts && r->d->set_alts[i] ? 1 : 0;
        }
    int64_t id = DICT_PUSH(r->d, sets, &s);
    if (id < 0 || compat_sets_reserve(r->d, (size_t)id))
        return DT_ENOMEM;
    *set = (uint32_t)id;
    return 0;
}

static bool seq_uses_set(const dt_dict *d, pseq s, uint32_t set)
{
    for (uint32_t i = 0; i < s.n; i++) {
        const pel *e = &d->pels[s.first + i];
        if (e->type == PE_SET && e->arg == set)
            return true;
    }
    return false;
}

/* Copy a pattern text into buf with TABARI's hyphen rule ('-' joins like '_'). */
static size_t prep_pattern(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        out[k++] = s[i] == '-' ? '_' : s[i];
    out[k] = 0;
    return k;
}

int compat_add_synset_member(compat_reader *r, uint32_t set, const char *s, size_t n, long line,
                             pseq *out)
{
    char tmp[1100];
    if (n + 3 >= sizeof(tmp)) {
        compat_bad(r, line, "%s", "synset member too long");
        return 1;
    }
    /* A member is compiled as the words after a verb: "* MEMBER". */
    tmp[0] = '*';
    tmp[1] = ' ';
    size_t k = 2 + prep_pattern(s, n, tmp + 2, sizeof(tmp) - 2);
    /* PETRARCH: the words of a member follow each other ("AUSTRIAN FLORIN"). */
    if (r->syntax == SYN_PETRARCH)
        for (size_t i = 2; i < k; i++)
            if (tmp[i] == ' ' && i + 1 < k && tmp[i + 1] != ' ' && tmp[i - 1] != ' ')
                tmp[i] = '_';
    pattern p;
    const char *why = NULL;
    size_t col = 0;
    int rc = pattern_compile(r->d, tmp, k, r->syntax, &p, &why, &col);
    if (rc == DT_ENOMEM)
        return rc;
    if (rc || p.post.n == 0) {
        compat_bad(r, line, "bad synset member: %s", why ? why : "empty");
        return 1;
    }
    if (seq_uses_set(r->d, p.post, set)) {
        compat_bad(r, line, "%s", "a synset cannot contain itself");
        return 1;
    }
    *out = p.post;
    return 0;
}

int compat_finish_synset(compat_reader *r, uint32_t set, const pseq *members, size_t n)
{
    if (n == 0)
        return 0;
    alt_list al = {(uint32_t)r->d->nseqs, (uint32_t)n};
    for (size_t i = 0; i < n; i++)
        if (DICT_PUSH(r->d, seqs, &members[i]) < 0)
            return DT_ENOMEM;
    int64_t id = DICT_PUSH(r->d, alt_pats, &al);
    if (id < 0 || compat_sets_reserve(r->d, set))
        return DT_ENOMEM;
    r->d->set_alts[set] = (uint32_t)id + 1;
    r->d->stats.sets++;
    return 0;
}

/* ---------------------------------------------------------------- the reader */

typedef struct vctx {
    compat_reader *r;
    long verb;            /* entry patterns attach to, -1 none */
    int section;          /* 0 verbs, 1 synsets, 2 time, 3 attribution */
    uint32_t set;
    bool set_open, set_skip;
    pseq members[512];
    size_t nmembers;
} vctx;

/* The code part "[...]" at the end of a line: returns the slice inside the brackets. */
static bool code_part(dt_slice t, dt_slice *before, dt_slice *code)
{
    size_t e = t.len;
    while (e > 0 && t.ptr[e - 1] != ']')
        e--;
    if (e == 0)
        return false;
    size_t b = e - 1;
    while (b > 0 && t.ptr[b - 1] != '[')
        b--;
    if (b == 0)
        return false;
    *before = str_trim(t.ptr, b - 1);
    *code = str_trim(t.ptr + b, e - 1 - b);
    return true;
}

/* A time-shift code: "+7", "-30", "---", "###", "+++". */
static int time_code(dt_dict *d, dt_slice c, code_spec *out)
{
    memset(out, 0, sizeof(*out));
    char tmp[32];
    size_t k = 0;
    for (size_t i = 0; i < c.len; i++)
        if (c.ptr[i] != ' ' && k + 1 < sizeof(tmp))
            tmp[k++] = c.ptr[i];
    tmp[k] = 0;
    if (strcmp(tmp, "---") == 0) {
        out->flags = CF_NULL;
        return 0;
    }
    if (strcmp(tmp, "###") == 0) {
        out->flags = CF_DISCARD;
        return 0;
    }
    if (strcmp(tmp, "+++") == 0) {
        out->flags = CF_COMPLEX;
        return 0;
    }
    long v;
    if (!str_to_long(tmp, k, &v) || v < -8192 || v > 8192)
        return DT_EPARSE;
    char num[24];
    snprintf(num, sizeof(num), "%+ld", v);
    out->code = dict_intern(d, num, strlen(num));
    return out->code ? 0 : DT_ENOMEM;
}

static int finish_set(vctx *v)
{
    int rc = 0;
    if (v->set_open && !v->set_skip)
        rc = compat_finish_synset(v->r, v->set, v->members, v->nmembers);
    v->set_open = false;
    v->nmembers = 0;
    return rc;
}

static int root_line(vctx *v, dt_slice t, long ln)
{
    compat_reader *r = v->r;
    dt_dict *d = r->d;
    v->verb = -1;
    dt_slice phrase, code;
    if (!code_part(t, &phrase, &code) || !phrase.len) {
        compat_bad(r, ln, "%s", v->section == 2 ? "expected PHRASE [DAYS]" : "expected VERB [CODE]");
        return 0;
    }
    code_spec cs;
    const char *why = "bad code";
    if (v->section == 2 ? time_code(d, code, &cs) != 0 : dict_parse_code(d, code.ptr, code.len, &cs, &why) != 0) {
        compat_bad(r, ln, "bad code: %s", why);
        return 0;
    }
    uint32_t words[COMPAT_MAX_PHRASE];
    int k = compat_phrase(d, phrase.ptr, phrase.len, CM_VERB, CM_STEM, true, words, COMPAT_MAX_PHRASE, NULL);
    if (k == DT_ENOMEM)
        return k;
    if (k <= 0) {
        compat_bad(r, ln, "%s", "cannot read the verb");
        return 0;
    }
    /* The same root twice: patterns join the first entry (TABARI keeps one). */
    char key[300];
    snprintf(key, sizeof(key), "%c:%.*s", v->section == 2 ? 't' : 'v', (int)DT_MIN(phrase.len, 280), phrase.ptr);
    sid key_sid = dict_intern(d, key, strlen(key));
    if (!key_sid)
        return DT_ENOMEM;
    if (key_sid < d->verb_of_cap && d->verb_of[key_sid]) {
        v->verb = (long)d->verb_of[key_sid] - 1;
        r->duplicates++;
        return 0;
    }
    verb_entry ve = {0};
    ve.lemma = dict_intern(d, phrase.ptr, phrase.len);
    ve.code = cs;
    ve.has_code = 1;
    ve.rule = dict_rule(d, r->file, (uint32_t)ln);
    ve.special = v->section == 2 ? VS_TIME : VS_NONE;
    int64_t id = DICT_PUSH(d, verbs, &ve);
    if (id < 0 || !ve.lemma)
        return DT_ENOMEM;
    if (key_sid >= d->verb_of_cap) {
        size_t nc = d->verb_of_cap ? d->verb_of_cap : 1024;
        while (nc <= key_sid)
            nc *= 2;
        uint32_t *p = realloc(d->verb_of, nc * sizeof(*p));
        if (!p)
            return DT_ENOMEM;
        memset(p + d->verb_of_cap, 0, (nc - d->verb_of_cap) * sizeof(*p));
        d->verb_of = p;
        d->verb_of_cap = nc;
    }
    d->verb_of[key_sid] = (uint32_t)id + 1;
    v->verb = (long)id;
    phrase_payload pl = {(uint8_t)(v->section == 2 ? PK_TIME : PK_VERB), VF_OTHER, 0, (uint32_t)id, ve.rule};
    int rc = dict_add_phrase(d, words, (size_t)k, pl);
    if (rc < 0)
        return rc;
    if (rc == 1)
        r->duplicates++;
    else
        d->stats.verb_forms++;
    return 0;
}

static int forms_line(vctx *v, dt_slice t, long ln)
{
    compat_reader *r = v->r;
    if (v->verb < 0) {
        compat_bad(r, ln, "%s", "verb forms {...} must follow a verb");
        return 0;
    }
    size_t e = 1;
    while (e < t.len && t.ptr[e] != '}')
        e++;
    if (e >= t.len) {
        compat_bad(r, ln, "%s", "missing '}' after the verb forms");
        return 0;
    }
    const char *p = t.ptr + 1, *end = t.ptr + e;
    const verb_entry *ve = &r->d->verbs[v->verb];
    int nforms = 0;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *q = p;
        while (q < end && *q != ' ' && *q != '\t')
            q++;
        if (q > p) {
            uint32_t words[COMPAT_MAX_PHRASE];
            int k = compat_phrase(r->d, p, (size_t)(q - p), CM_VERB, CM_STEM, true, words, COMPAT_MAX_PHRASE, NULL);
            if (k == DT_ENOMEM)
                return k;
            if (k > 0) {
                phrase_payload pl = {(uint8_t)(ve->special == VS_TIME ? PK_TIME : PK_VERB), VF_ED, 0,
                                     (uint32_t)v->verb, ve->rule};
                int rc = dict_add_phrase(r->d, words, (size_t)k, pl);
                if (rc < 0)
                    return rc;
                r->d->stats.verb_forms++;
                nforms++;
            }
        }
        p = q;
    }
    if (!nforms)
        compat_bad(r, ln, "%s", "no verb forms inside {...}");
    return 0;
}

static int pattern_line(vctx *v, dt_slice t, long ln)
{
    compat_reader *r = v->r;
    dt_dict *d = r->d;
    if (v->verb < 0) {
        compat_bad(r, ln, "%s", "a pattern must follow a verb");
        return 0;
    }
    dt_slice pat, code;
    if (!code_part((dt_slice){t.ptr + 1, t.len - 1}, &pat, &code)) {
        compat_bad(r, ln, "%s", "expected - PATTERN [CODE]");
        return 0;
    }
    char tmp[1100];
    if (pat.len >= sizeof(tmp)) {
        compat_bad(r, ln, "%s", "pattern longer than 1,000 characters");
        return 0;
    }
    size_t k = prep_pattern(pat.ptr, pat.len, tmp, sizeof(tmp));
    pattern p;
    const char *why = NULL;
    size_t col = 0;
    int rc = pattern_compile(d, tmp, k, r->syntax, &p, &why, &col);
    if (rc == DT_ENOMEM)
        return rc;
    if (rc) {
        compat_bad(r, ln, "bad pattern: %s", why);
        return 0;
    }
    const verb_entry *ve = &d->verbs[v->verb];
    if (ve->special == VS_TIME ? time_code(d, code, &p.code) != 0
                               : dict_parse_code(d, code.ptr, code.len, &p.code, &why) != 0) {
        compat_bad(r, ln, "bad code: %s", why ? why : "expected a number of days");
        return 0;
    }
    p.weight = compat_pattern_weight(d, &p);
    p.rule = dict_rule(d, r->file, (uint32_t)ln);
    struct pending_pat pp = {(uint32_t)v->verb, p};
    return DICT_PUSH(d, pending, &pp) < 0 ? DT_ENOMEM : 0;
}

static int section_tag(vctx *v, dt_slice t, long ln)
{
    int rc = finish_set(v);
    if (rc)
        return rc;
    v->verb = -1;
    if (str_ieq(t.ptr, t.len, "<SYNSETS>") || str_ieq(t.ptr, t.len, "<SYNSET>"))
        v->section = 1;
    else if (str_ieq(t.ptr, t.len, "<TIME>"))
        v->section = 2;
    else if (str_ieq(t.ptr, t.len, "<ATTRIB>") || str_ieq(t.ptr, t.len, "<ATTRIBUTION>"))
        v->section = 3;
    else if (t.len > 2 && t.ptr[1] == '/')
        v->section = 0;
    else {
        char tmp[80];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(t.len, 60), t.ptr);
        compat_bad(v->r, ln, "unknown section \"%s\" (expected <SYNSETS>, <TIME> or <ATTRIB>)", tmp);
    }
    return 0;
}

int tabari_read_verbs(compat_reader *r)
{
    vctx v;
    memset(&v, 0, sizeof(v));
    v.r = r;
    v.verb = -1;
    compat_lines it;
    compat_lines_init(&it, r->text, r->len);
    dt_slice line;
    int rc = 0;
    bool had_time = false;
    while (!rc && compat_lines_next(&it, &line)) {
        long ln = it.lineno;
        dt_slice t = str_trim(line.ptr, compat_strip_comment(line.ptr, line.len, SYN_TABARI));
        if (!t.len || t.ptr[0] == '#' || (t.ptr[0] == '/' && t.len > 1 && t.ptr[1] == '/'))
            continue;
        if (t.ptr[0] == '~')
            break;
        if (t.ptr[0] == '<') {
            rc = section_tag(&v, t, ln);
            had_time |= v.section == 2;
            continue;
        }
        if (v.section == 3)
            continue; /* attribution phrases do not change events */
        if (v.section == 1) {
            if (t.ptr[0] == '&') {
                if ((rc = finish_set(&v)))
                    break;
                int s = compat_new_set(r, t.ptr, t.len, &v.set);
                if (s == DT_ENOMEM)
                    return s;
                if (s < 0) {
                    compat_bad(r, ln, "%s", "bad synset name (expected &NAME)");
                    v.set_skip = true;
                } else {
                    v.set_skip = s == 1;
                    if (s == 1)
                        diag_emit(r->diag, r->user, DT_OK, r->name, ln, 0, -1,
                                  "synset defined twice (the first definition is kept)");
                }
                v.set_open = true;
                continue;
            }
            if (t.ptr[0] == '+') {
                if (!v.set_open) {
                    compat_bad(r, ln, "%s", "a synset member must follow &NAME");
                    continue;
                }
                if (v.set_skip)
                    continue;
                if (v.nmembers >= DT_ARRAY_LEN(v.members)) {
                    compat_bad(r, ln, "%s", "too many members in one synset");
                    continue;
                }
                pseq m;
                int s = compat_add_synset_member(r, v.set, t.ptr + 1, t.len - 1, ln, &m);
                if (s < 0)
                    return s;
                if (s == 0)
                    v.members[v.nmembers++] = m;
                continue;
            }
            compat_bad(r, ln, "%s", "expected &NAME or +MEMBER inside <SYNSETS>");
            continue;
        }
        if (t.ptr[0] == '-')
            rc = pattern_line(&v, t, ln);
        else if (t.ptr[0] == '{')
            rc = forms_line(&v, t, ln);
        else
            rc = root_line(&v, t, ln);
    }
    if (!rc)
        rc = finish_set(&v);
    if (had_time && r->d->opt.time_shift == 0)
        r->d->opt.time_shift = 1;
    return rc;
}
