/* tabari.c — reader for TABARI dictionaries: `--dict tabari:SPEC` where SPEC is a .project
 * file or a comma-separated list of .actors, .verbs, .agents and .options files; plus the
 * .options, .agents and .project formats (actors and verbs: compat.c, tabari_verbs.c). */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>

enum tfile_kind { TK_ACTORS, TK_VERBS, TK_AGENTS, TK_OPTIONS, TK_PROJECT, TK_UNKNOWN };

typedef struct tfile {
    int kind;
    char path[1024];
} tfile;

typedef struct tload {
    dt_dict *d;
    dt_diag_fn diag;
    void *user;
    dt_error *err;
    tfile files[64];
    size_t nfiles;
} tload;

static int kind_of_name(const char *s, size_t n)
{
    static const struct { const char *word; int kind; } kinds[] = {
        {"actors", TK_ACTORS}, {"verbs", TK_VERBS}, {"agents", TK_AGENTS},
        {"options", TK_OPTIONS}, {"project", TK_PROJECT}};
    /* Look at the file name only, not its directories. */
    size_t b = n;
    while (b > 0 && s[b - 1] != '/')
        b--;
    for (size_t k = 0; k < DT_ARRAY_LEN(kinds); k++) {
        size_t wl = strlen(kinds[k].word);
        for (size_t i = b; i + wl <= n; i++)
            if (str_ieq(s + i, wl, kinds[k].word))
                return kinds[k].kind;
    }
    return TK_UNKNOWN;
}

static int add_file(tload *t, int kind, const char *dir, size_t dirlen, const char *name, size_t n)
{
    if (t->nfiles >= DT_ARRAY_LEN(t->files)) {
        err_set(t->err, DT_ELIMIT, NULL, 0, 0, "too many TABARI dictionary files");
        return DT_ELIMIT;
    }
    tfile *f = &t->files[t->nfiles];
    f->kind = kind;
    int w;
    if (dirlen && n && name[0] != '/')
        w = snprintf(f->path, sizeof(f->path), "%.*s/%.*s", (int)dirlen, dir, (int)n, name);
    else
        w = snprintf(f->path, sizeof(f->path), "%.*s", (int)n, name);
    if (w < 0 || (size_t)w >= sizeof(f->path)) {
        err_set(t->err, DT_ELIMIT, NULL, 0, 0, "dictionary path too long");
        return DT_ELIMIT;
    }
    t->nfiles++;
    return 0;
}

/* ---------------------------------------------------------------- project */

static int read_project(tload *t, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    int rc = compat_read_file(path, &text, &len, t->err);
    if (rc)
        return rc;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    compat_lines it;
    compat_lines_init(&it, text, len);
    dt_slice line;
    static const struct { const char *tag; int kind; } tags[] = {
        {"<actorsfile>", TK_ACTORS}, {"<verbsfile>", TK_VERBS}, {"<agentsfile>", TK_AGENTS},
        {"<optionsfile>", TK_OPTIONS}};
    while (!rc && compat_lines_next(&it, &line)) {
        dt_slice l = str_trim(line.ptr, line.len);
        for (size_t k = 0; k < DT_ARRAY_LEN(tags); k++) {
            size_t tl = strlen(tags[k].tag);
            if (l.len > tl && str_ieq(l.ptr, tl, tags[k].tag)) {
                dt_slice name = str_trim(l.ptr + tl, l.len - tl);
                if (name.len)
                    rc = add_file(t, tags[k].kind, path, dirlen, name.ptr, name.len);
            }
        }
    }
    free(text);
    return rc;
}

/* ---------------------------------------------------------------- options */

static sid intern_dict(void *ctx, const char *s, size_t n)
{
    return dict_intern((dt_dict *)ctx, s, n);
}

static int read_options(compat_reader *r)
{
    compat_lines it;
    compat_lines_init(&it, r->text, r->len);
    dt_slice line;
    while (compat_lines_next(&it, &line)) {
        long ln = it.lineno;
        size_t n = line.len;
        for (size_t i = 0; i < n; i++)
            if (line.ptr[i] == '#' || (line.ptr[i] == '/' && i + 1 < n && line.ptr[i + 1] == '/')) {
                n = i;
                break;
            }
        dt_slice t = str_trim(line.ptr, n);
        if (!t.len)
            continue;
        if (t.ptr[0] == '~')
            break;
        if (t.len > 6 && str_ieq(t.ptr, 6, "LABEL:")) {
            dt_slice rest = str_trim(t.ptr + 6, t.len - 6);
            size_t eq = 0;
            while (eq < rest.len && rest.ptr[eq] != '=')
                eq++;
            dt_slice code = str_trim(rest.ptr, eq);
            if (eq >= rest.len || !code.len) {
                compat_bad(r, ln, "%s", "expected LABEL: CODE=TEXT");
                continue;
            }
            dt_slice text = str_trim(rest.ptr + eq + 1, rest.len - eq - 1);
            code_label lb = {dict_intern(r->d, code.ptr, code.len), dict_intern(r->d, text.ptr, text.len)};
            if (!lb.code || !lb.text || DICT_PUSH(r->d, labels, &lb) < 0)
                return DT_ENOMEM;
            continue;
        }
        const char *why = NULL;
        int rc = tabari_option(&r->d->opt, t.ptr, t.len, intern_dict, r->d, &why);
        if (rc < 0) {
            compat_bad(r, ln, "bad option: %s", why ? why : "malformed");
        } else if (rc == 0) {
            char tmp[80];
            snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(t.len, 60), t.ptr);
            compat_bad(r, ln, "unknown option \"%s\"", tmp);
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- agents */

/* "[~GOV]" (added after the actor's code) or "[NGO~]" (before it). */
int compat_agent_code(dt_dict *d, dt_slice code, agent_entry *ag, const char **why)
{
    char tmp[64];
    size_t k = 0;
    for (size_t i = 0; i < code.len; i++) {
        char c = code.ptr[i];
        if (c == ' ' || c == '\t')
            continue;
        if (k + 1 >= sizeof(tmp)) {
            *why = "agent code too long";
            return DT_EPARSE;
        }
        tmp[k++] = (char)to_upper((unsigned char)c);
    }
    tmp[k] = 0;
    const char *c = tmp;
    memset(ag, 0, sizeof(*ag));
    if (k >= 2 && tmp[0] == '~') {
        c = tmp + 1;
        k--;
    } else if (k >= 2 && tmp[k - 1] == '~') {
        tmp[--k] = 0;
        ag->prefix = 1;
    } else {
        *why = "an agent code needs '~' before it (~GOV) or after it (NGO~)";
        return DT_EPARSE;
    }
    for (size_t i = 0; i < k; i++)
        if (!is_alnum((unsigned char)c[i])) {
            *why = "an agent code has letters and digits only";
            return DT_EPARSE;
        }
    ag->code = dict_intern(d, c, k);
    return ag->code ? 0 : DT_ENOMEM;
}

int compat_add_agent(compat_reader *r, dt_slice phrase, const agent_entry *ag, long ln, int64_t *id)
{
    if (*id < 0) {
        agent_entry a = *ag;
        a.rule = dict_rule(r->d, r->file, (uint32_t)ln);
        *id = DICT_PUSH(r->d, agents, &a);
        if (*id < 0)
            return DT_ENOMEM;
    }
    uint32_t words[COMPAT_MAX_PHRASE];
    int mode = r->petrarch_words ? CM_EXACT : CM_NOUN;
    int k = compat_phrase(r->d, phrase.ptr, phrase.len, mode, r->petrarch_words ? CM_EXACT : CM_STEM, r->gaps, words,
                          COMPAT_MAX_PHRASE, NULL);
    if (k == DT_ENOMEM)
        return k;
    if (k <= 0) {
        char tmp[160];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(phrase.len, 120), phrase.ptr);
        compat_bad(r, ln, "cannot read the agent phrase \"%s\"", tmp);
        return 0;
    }
    phrase_payload pl = {PK_AGENT, 0, 0, (uint32_t)*id, r->d->agents[*id].rule};
    int rc = dict_add_phrase(r->d, words, (size_t)k, pl);
    if (rc == 1)
        r->duplicates++;
    return rc < 0 ? rc : 0;
}

static int read_agents(compat_reader *r)
{
    compat_lines it;
    compat_lines_init(&it, r->text, r->len);
    dt_slice line;
    int rc = 0;
    while (!rc && compat_lines_next(&it, &line)) {
        long ln = it.lineno;
        dt_slice t = str_trim(line.ptr, compat_strip_comment(line.ptr, line.len, SYN_TABARI));
        if (!t.len || t.ptr[0] == '#' || t.ptr[0] == '/')
            continue;
        if (t.ptr[0] == '~')
            break;
        size_t b = 0;
        while (b < t.len && t.ptr[b] != '[')
            b++;
        size_t e = b;
        while (e < t.len && t.ptr[e] != ']')
            e++;
        dt_slice phrase = str_trim(t.ptr, b);
        if (b >= t.len || e >= t.len || !phrase.len) {
            compat_bad(r, ln, "%s", "expected PHRASE [~CODE]");
            continue;
        }
        agent_entry ag;
        const char *why = NULL;
        int c = compat_agent_code(r->d, (dt_slice){t.ptr + b + 1, e - b - 1}, &ag, &why);
        if (c == DT_ENOMEM)
            return c;
        if (c) {
            compat_bad(r, ln, "bad agent code: %s", why);
            continue;
        }
        int64_t id = -1;
        rc = compat_add_agent(r, phrase, &ag, ln, &id);
    }
    return rc;
}

/* ---------------------------------------------------------------- loading */

int tabari_load_text(dt_dict *d, const char *kind, const char *name, const char *text, size_t len,
                     dt_diag_fn diag, void *user)
{
    if (!d->opt.tabari)
        tabari_default_options(&d->opt);
    compat_reader r = {0};
    r.d = d;
    r.name = name;
    r.file = dict_file(d, name);
    r.text = text;
    r.len = len;
    r.syntax = SYN_TABARI;
    r.gaps = true;
    r.yyyy = d->opt.yyyy != 0;
    r.diag = diag;
    r.user = user;
    switch (kind_of_name(kind, strlen(kind))) {
    case TK_ACTORS: return compat_read_actors(&r);
    case TK_VERBS: return tabari_read_verbs(&r);
    case TK_AGENTS: return read_agents(&r);
    case TK_OPTIONS: return read_options(&r);
    default: return DT_EINVAL;
    }
}

static int load_one(tload *t, const tfile *f)
{
    char *text = NULL;
    size_t len = 0;
    int rc = compat_read_file(f->path, &text, &len, t->err);
    if (rc)
        return rc;
    static const char *const names[] = {"actors", "verbs", "agents", "options"};
    rc = f->kind <= TK_OPTIONS ? tabari_load_text(t->d, names[f->kind], f->path, text, len, t->diag, t->user) : 0;
    free(text);
    if (rc == DT_ENOMEM)
        err_set(t->err, rc, f->path, 0, 0, "out of memory");
    return rc;
}

/* One item of the spec: KIND=PATH names the kind; otherwise the file name says it. */
static int tabari_item(void *ctx, dt_slice item, dt_slice name, dt_slice path)
{
    tload *t = ctx;
    int kind = kind_of_name(name.ptr, name.len);
    if (kind == TK_UNKNOWN) {
        err_set(t->err, DT_EFORMAT, NULL, 0, 0,
                "tabari:%.*s: cannot tell what kind of file this is (name it .project, .actors, "
                ".verbs, .agents or .options, or write actors=PATH, verbs=PATH ...)",
                (int)DT_MIN(item.len, 200), item.ptr);
        return DT_EFORMAT;
    }
    if (kind == TK_PROJECT) {
        char tmp[1024];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(path.len, sizeof(tmp) - 1), path.ptr);
        return read_project(t, tmp);
    }
    return add_file(t, kind, NULL, 0, path.ptr, path.len);
}

int tabari_load(dt_dict *d, const char *spec, dt_diag_fn diag, void *user, dt_error *err)
{
    tload t = {0};
    t.d = d;
    t.diag = diag;
    t.user = user;
    t.err = err;
    int rc = dict_spec_each(spec, tabari_item, &t);
    if (rc)
        return rc;
    if (!t.nfiles) {
        err_set(err, DT_EINVAL, NULL, 0, 0, "tabari: no dictionary files named");
        return DT_EINVAL;
    }
    if (!d->opt.tabari)
        tabari_default_options(&d->opt);
    /* Options first: SET: YYYY changes how the actors' dates are read. */
    for (size_t i = 0; i < t.nfiles && !rc; i++)
        if (t.files[i].kind == TK_OPTIONS)
            rc = load_one(&t, &t.files[i]);
    for (size_t i = 0; i < t.nfiles && !rc; i++)
        if (t.files[i].kind != TK_OPTIONS)
            rc = load_one(&t, &t.files[i]);
    return rc;
}
