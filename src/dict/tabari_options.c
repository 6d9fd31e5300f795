/* tabari_options.c — TABARI .options commands that change coding (COMPLEX:, SET:,
 * DEFAULT:, COMMA:, FORWARD:), applied at load time and by in-suite { OPTION: ... }
 * records of a validation file. Display-only commands are accepted and ignored. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>

void tabari_default_options(dict_options *o)
{
    o->tabari = 1;
    o->code_by = 0;
    if (!o->min_words_set)
        o->min_words = 8;
    o->comma_off = 0;
    o->comma_set = 1;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_bmin = 128;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->petrarch_gaps = 1;
}

/* Upper-case copy without leading/trailing blanks. */
static size_t upper_copy(const char *s, size_t n, char *out, size_t cap)
{
    dt_slice t = str_trim(s, n);
    size_t k = DT_MIN(t.len, cap - 1);
    for (size_t i = 0; i < k; i++)
        out[i] = (char)to_upper((unsigned char)t.ptr[i]);
    out[k] = 0;
    return k;
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* TRUE / T / FALSE / F after an optional '='. Returns 1, 0, or -1. */
static int logical(const char *p)
{
    p = skip_blanks(p);
    if (*p == '=')
        p = skip_blanks(p + 1);
    if (*p == 'T')
        return 1;
    if (*p == 'F')
        return 0;
    return -1;
}

static bool number_after(const char *p, long *v)
{
    p = skip_blanks(p);
    if (*p == '=')
        p = skip_blanks(p + 1);
    if (*p == '[')
        p++;
    if (!is_digit((unsigned char)*p) && *p != '-')
        return false;
    char *end;
    *v = strtol(p, &end, 10);
    return end != p;
}

/* "[CODE]" after p: returns the code (upper case) and advances. */
static bool bracket_code(const char **pp, char *out, size_t cap)
{
    const char *p = skip_blanks(*pp);
    if (*p == ':')
        p = skip_blanks(p + 1);
    if (*p != '[')
        return false;
    p++;
    size_t k = 0;
    while (*p && *p != ']') {
        if (*p != ' ' && k + 1 < cap)
            out[k++] = *p;
        p++;
    }
    out[k] = 0;
    if (*p != ']' || k == 0)
        return false;
    *pp = p + 1;
    return true;
}

static int set_command(dict_options *o, const char *p, const char **why)
{
    p = skip_blanks(p);
    if (strncmp(p, "CODE", 4) == 0) {
        if (strstr(p, "SENTENCE"))
            o->code_by = 1;
        else if (strstr(p, "ALL"))
            o->code_by = 2;
        else if (strstr(p, "CLAUSE"))
            o->code_by = 0;
        else {
            *why = "SET: CODE BY needs CLAUSE, SENTENCE or ALL";
            return DT_EPARSE;
        }
        return 1;
    }
    if (strncmp(p, "CONVERT AGENT", 13) == 0) {
        const char *q = p + 13;
        if (*q == 'S')
            q++;
        int v = logical(q);
        if (v < 0)
            goto bad_logical;
        o->convert_agents = (uint8_t)v;
        return 1;
    }
    if (strncmp(p, "YYYY", 4) == 0) {
        int v = logical(p + 4);
        if (v < 0)
            goto bad_logical;
        o->yyyy = (uint8_t)v;
        return 1;
    }
    if (strncmp(p, "TIME SHIFT", 10) == 0) {
        const char *q = p + 10;
        if (strncmp(q, "ING", 3) == 0)
            q += 3;
        int v = logical(q);
        if (v < 0)
            goto bad_logical;
        o->time_shift = v ? 1 : 2;
        return 1;
    }
    if (strncmp(p, "MINIMUM WORDS", 13) == 0) {
        long v;
        if (!number_after(p + 13, &v) || v < 0 || v > 10000) {
            *why = "SET: MINIMUM WORDS needs a number";
            return DT_EPARSE;
        }
        o->min_words = (int)v;
        o->min_words_set = 1;
        return 1;
    }
    /* Switches that only change TABARI's interface or output. FBIS and CHECK DOMINANT are
     * not implemented (docs/compatibility.md); they are accepted so suites still load. */
    static const char *const known[] = {"LABEL", "ACTOR USAGE", "AGENT USAGE", "VERB USAGE",
                                        "DUP WARNING", "FBIS", "SKIP RECORDS", "HAIKU", "MATCH",
                                        "ALLCAPS", "CHECK DOMINANT", "CODE NONRESTRICTIVE"};
    for (size_t i = 0; i < DT_ARRAY_LEN(known); i++)
        if (strncmp(p, known[i], strlen(known[i])) == 0)
            return 1;
    return 0;
bad_logical:
    *why = "expected TRUE or FALSE";
    return DT_EPARSE;
}

static int complex_command(dict_options *o, const char *p, const char **why)
{
    o->complex_verbs = 0;
    o->complex_conj = 0;
    o->noactprior = 0;
    while (*(p = skip_blanks(p))) {
        const char *st = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '[')
            p++;
        size_t wl = (size_t)(p - st);
        long v = 0;
        if (*p == '[') {
            if (!number_after(p + 1, &v)) {
                *why = "COMPLEX: a condition with [n] needs a number";
                return DT_EPARSE;
            }
            while (*p && *p != ']')
                p++;
            if (*p == ']')
                p++;
        }
        if (wl == 5 && strncmp(st, "VERBS", 5) == 0)
            o->complex_verbs = (int)v;
        else if (wl == 4 && strncmp(st, "CONJ", 4) == 0)
            o->complex_conj = (int)v;
        else if (wl == 10 && strncmp(st, "NOACTPRIOR", 10) == 0)
            o->noactprior = 1;
        /* EXPLAIN, NOSAVE and the conditions this coder does not check (ACTORS, PRONOUNS,
         * COMMA, LATEVERB, NOACTAFTER, NOVERB, NOSOURCE, NOTARGET, NOEVENT) are accepted;
         * docs/compatibility.md lists them. */
    }
    return 1;
}

static int default_command(dict_options *o, const char *p, compat_intern_fn intern, void *ctx,
                           const char **why)
{
    p = skip_blanks(p);
    if (strncmp(p, "OFF", 3) == 0) {
        o->default_source = o->default_target = SID_NONE;
        o->default_prior = o->default_after = 0;
        return 1;
    }
    while (*(p = skip_blanks(p))) {
        char code[64];
        if (strncmp(p, "SOURCE", 6) == 0) {
            p += 6;
            if (!bracket_code(&p, code, sizeof(code)))
                goto bad;
            o->default_source = intern(ctx, code, strlen(code));
        } else if (strncmp(p, "TARGET", 6) == 0) {
            p += 6;
            if (!bracket_code(&p, code, sizeof(code)))
                goto bad;
            o->default_target = intern(ctx, code, strlen(code));
        } else if (strncmp(p, "PRIOR", 5) == 0) {
            o->default_prior = 1;
            p += 5;
        } else if (strncmp(p, "AFTER", 5) == 0) {
            o->default_after = 1;
            p += 5;
        } else {
            goto bad;
        }
    }
    return 1;
bad:
    *why = "expected DEFAULT: SOURCE [CODE] PRIOR TARGET [CODE] AFTER, or DEFAULT: OFF";
    return DT_EPARSE;
}

static int comma_command(dict_options *o, const char *p, const char **why)
{
    p = skip_blanks(p);
    if (strncmp(p, "OFF", 3) == 0) {
        o->comma_off = 1;
        return 1;
    }
    o->comma_off = 0;
    while (*(p = skip_blanks(p))) {
        const char *st = p;
        while (is_upper((unsigned char)*p))
            p++;
        size_t wl = (size_t)(p - st);
        long v;
        if (!number_after(p, &v))
            goto bad;
        p = skip_blanks(p);
        if (*p == '=')
            p = skip_blanks(p + 1);
        while (is_digit((unsigned char)*p) || *p == '-')
            p++;
        int *slot = NULL;
        if (wl == 3 && strncmp(st, "MIN", 3) == 0)
            slot = &o->comma_min;
        else if (wl == 3 && strncmp(st, "MAX", 3) == 0)
            slot = &o->comma_max;
        else if (wl == 4 && strncmp(st, "BMIN", 4) == 0)
            slot = &o->comma_bmin;
        else if (wl == 4 && strncmp(st, "BMAX", 4) == 0)
            slot = &o->comma_bmax;
        else if (wl == 4 && strncmp(st, "EMIN", 4) == 0)
            slot = &o->comma_emin;
        else if (wl == 4 && strncmp(st, "EMAX", 4) == 0)
            slot = &o->comma_emax;
        if (!slot)
            goto bad;
        *slot = (int)v;
    }
    o->comma_set = 1;
    return 1;
bad:
    *why = "expected COMMA: MIN=n MAX=n BMIN=n BMAX=n EMIN=n EMAX=n, or COMMA: OFF";
    return DT_EPARSE;
}

static int forward_command(dict_options *o, const char *p, const char **why)
{
    p = skip_blanks(p);
    size_t k = 0;
    while (p[k] && p[k] != ' ' && p[k] != '\t')
        k++;
    if (k == 0 || k >= sizeof(o->forward_fmt)) {
        *why = "FORWARD: needs a sequence format such as ^^*****NNN*SSS";
        return DT_EPARSE;
    }
    memcpy(o->forward_fmt, p, k);
    o->forward_fmt[k] = 0;
    o->forward = strstr(p + k, "OFF") ? 0 : 1;
    return 1;
}

int tabari_option(dict_options *o, const char *line, size_t n, compat_intern_fn intern, void *ctx,
                  const char **why)
{
    char up[512];
    size_t k = upper_copy(line, n, up, sizeof(up));
    if (k == 0)
        return 1;
    char *colon = strchr(up, ':');
    if (!colon || colon - up < 3)
        return 0;
    /* TABARI looks at the first four letters of a command. */
    const char *arg = colon + 1;
    if (strncmp(up, "COMP", 4) == 0)
        return complex_command(o, arg, why);
    if (strncmp(up, "SET", 3) == 0)
        return set_command(o, arg, why);
    if (strncmp(up, "DEFA", 4) == 0)
        return default_command(o, arg, intern, ctx, why);
    if (strncmp(up, "COMM", 4) == 0)
        return comma_command(o, arg, why);
    if (strncmp(up, "FORW", 4) == 0)
        return forward_command(o, arg, why);
    if (strncmp(up, "LABE", 4) == 0 || strncmp(up, "OUTP", 4) == 0 || strncmp(up, "NONE", 4) == 0 ||
        strncmp(up, "ISSU", 4) == 0 || strncmp(up, "FREQ", 4) == 0)
        return 1;
    return 0;
}
