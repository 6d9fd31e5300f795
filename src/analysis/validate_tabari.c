/* validate_tabari.c — TABARI's Validate.text: records "yymmdd ID" + text up to a blank line,
 * expectations in comments as { SRC / TGT / CODE } (a date after the first when time
 * shifting is on), {---} {###} {+++}, -{ (stop checking), { OPTION: command } changes; the
 * standard records end at FINAL-01. Dictionaries come from the .project naming the file. */
#include "validate.h"

#include "../dict/compat.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- the project */

static bool project_names(const char *ppath, const char *base)
{
    char *text = NULL;
    size_t len = 0;
    if (file_read_all(ppath, 1u << 20, &text, &len, NULL))
        return false;
    bool found = false;
    compat_lines it;
    compat_lines_init(&it, text, len);
    dt_slice line;
    while (!found && compat_lines_next(&it, &line)) {
        dt_slice t = str_trim(line.ptr, line.len);
        if (t.len > 10 && str_ieq(t.ptr, 10, "<textfile>")) {
            dt_slice name = str_trim(t.ptr + 10, t.len - 10);
            found = name.len == strlen(base) && memcmp(name.ptr, base, name.len) == 0;
        }
    }
    free(text);
    return found;
}

/* The .project beside the suite whose <textfile> is the suite. */
static int find_project(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    char dir[1024];
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    const char *base = slash ? slash + 1 : path;
    DIR *dh = opendir(dir);
    if (!dh)
        return DT_ENOTFOUND;
    struct dirent *de;
    int rc = DT_ENOTFOUND;
    char best[1024] = "";
    while ((de = readdir(dh))) {
        size_t l = strlen(de->d_name);
        if (l < 9 || strcmp(de->d_name + l - 8, ".project") != 0)
            continue;
        char p[1024];
        int w = snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
        if (w < 0 || (size_t)w >= sizeof(p))
            continue;
        /* Several projects may name the file: take the first in name order. */
        if (project_names(p, base) && (!best[0] || strcmp(p, best) < 0))
            memcpy(best, p, sizeof(best));
    }
    closedir(dh);
    if (best[0]) {
        snprintf(out, cap, "tabari:%s", best);
        rc = 0;
    }
    return rc;
}

/* ---------------------------------------------------------------- records */

typedef struct tparse {
    vrun *v;
    buf clean;              /* the record's text without comments and expectations */
    const char *opts[16];   /* option commands, pointers into the record */
    size_t optlen[16];
    int nopts;
} tparse;

static bool digits_date(const char *s, size_t n, bool yyyy, char *out, size_t cap)
{
    size_t want = yyyy ? 8 : 6;
    if (n < want)
        return false;
    int32_t day;
    if (!compat_date(s, want, yyyy, &day))
        return false;
    dt_date_format(day, out, cap);
    return true;
}

/* One { ... } group starting at s[i] == '{'. */
static size_t brace_group(tparse *tp, vrec *r, const char *s, size_t n, size_t i, bool *stop, bool yyyy)
{
    size_t j = i + 1;
    while (j < n && s[j] != '}' && !(s[j] == '*' && j + 1 < n && s[j + 1] == '/'))
        j++;
    dt_slice c = str_trim(s + i + 1, j - i - 1);
    size_t after = j < n && s[j] == '}' ? j + 1 : j;
    bool minus = i > 0 && s[i - 1] == '-';
    if (c.len > 7 && str_ieq(c.ptr, 7, "OPTION:")) {
        if (tp->nopts < 16) {
            dt_slice o = str_trim(c.ptr + 7, c.len - 7);
            tp->opts[tp->nopts] = o.ptr;
            tp->optlen[tp->nopts++] = o.len;
        }
        return after;
    }
    if (minus) {
        r->partial = true;
        *stop = true;
        return after;
    }
    char sq[64];
    size_t k = 0;
    for (size_t q = 0; q < c.len && k + 1 < sizeof(sq); q++)
        if (c.ptr[q] != ' ' && c.ptr[q] != '\t')
            sq[k++] = c.ptr[q];
    sq[k] = 0;
    if (strcmp(sq, "---") == 0) {
        r->exp_none = true;
        return after;
    }
    if (strcmp(sq, "###") == 0) {
        r->exp_discard = true;
        return after;
    }
    if (strcmp(sq, "+++") == 0) {
        r->exp_complex = true;
        return after;
    }
    /* SRC / TGT / CODE */
    const char *p1 = memchr(c.ptr, '/', c.len);
    const char *p2 = p1 ? memchr(p1 + 1, '/', c.len - (size_t)(p1 + 1 - c.ptr)) : NULL;
    if (!p1 || !p2 || r->nexp >= V_MAX_EXPECT)
        return after;
    vexp *e = &r->exp[r->nexp];
    dt_slice a = str_trim(c.ptr, (size_t)(p1 - c.ptr));
    dt_slice b = str_trim(p1 + 1, (size_t)(p2 - p1 - 1));
    dt_slice d = str_trim(p2 + 1, (size_t)(c.ptr + c.len - p2 - 1));
    snprintf(e->src, sizeof(e->src), "%.*s", (int)a.len, a.ptr);
    snprintf(e->tgt, sizeof(e->tgt), "%.*s", (int)b.len, b.ptr);
    snprintf(e->code, sizeof(e->code), "%.*s", (int)d.len, d.ptr);
    if (r->nexp == 0) {
        size_t q = after;
        while (q < n && (s[q] == ' ' || s[q] == '\t'))
            q++;
        size_t e2 = q;
        while (e2 < n && is_digit((unsigned char)s[e2]))
            e2++;
        int32_t day;
        if (e2 > q && compat_date(s + q, e2 - q, yyyy, &day))
            r->exp_day = day;
    }
    r->nexp++;
    return after;
}

/* Split a record body into text and expectations. */
static void parse_body(tparse *tp, vrec *r, const char *s, size_t n, bool yyyy)
{
    buf_clear(&tp->clean);
    bool in_comment = false, stop = false;
    for (size_t i = 0; i < n;) {
        if (!in_comment && s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
            in_comment = true;
            i += 2;
            buf_putc(&tp->clean, ' ');
            continue;
        }
        if (in_comment && s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
            in_comment = false;
            i += 2;
            continue;
        }
        if (s[i] == '{' && (in_comment || (i > 1 && s[i - 1] == 'n' && s[i - 2] == '\\'))) {
            /* Expectations live in comments; a few suites leave one after the comment. */
            if (stop) {
                i++;
                continue;
            }
            i = brace_group(tp, r, s, n, i, &stop, yyyy);
            continue;
        }
        if (!in_comment) {
            if (s[i] == '\\' && i + 1 < n && s[i + 1] == 'n') {
                i += 2;
                buf_putc(&tp->clean, ' ');
                continue;
            }
            buf_putc(&tp->clean, s[i]);
        }
        i++;
    }
}

static void header(const char *h, size_t n, vrec *r, size_t *date_end)
{
    size_t i = 0;
    while (i < n && is_digit((unsigned char)h[i]))
        i++;
    *date_end = i;
    dt_slice rest = str_trim(h + i, n - i);
    size_t k = 0;
    bool blank = false;
    for (size_t q = 0; q < rest.len && k + 2 < sizeof(r->id); q++) {
        char c = rest.ptr[q];
        if (c == ' ' || c == '\t') {
            blank = true;
            continue;
        }
        if (blank && k)
            r->id[k++] = ' ';
        blank = false;
        r->id[k++] = c;
    }
    r->id[k] = 0;
}

/* FORWARD: story and sentence numbers from the id, per the sequence format. */
static void forward_numbers(const char *fmt, const char *s, size_t n, long *story, long *sentence)
{
    *story = *sentence = 0;
    size_t i = 0;
    for (const char *f = fmt; *f && i <= n; f++, i++) {
        char c = i < n ? s[i] : ' ';
        if (*f == 'N')
            *story = is_digit((unsigned char)c) ? *story * 10 + (c - '0') : 0;
        else if (*f == 'S')
            *sentence = is_digit((unsigned char)c) ? *sentence * 10 + (c - '0') : 0;
    }
}

static void option_diag(vrun *v, long line, const char *why, const char *o, size_t n)
{
    diag_emit(v->diag, v->user, DT_EPARSE, v->path, line, 0, -1, "%s \"%.*s\"", why, (int)DT_MIN(n, 100), o);
}

int validate_tabari(const char *path, const char *text, size_t len, const char *const *specs, size_t nspecs,
                    vrun *v, dt_error *err)
{
    char spec[1100];
    const char *one[1];
    if (nspecs == 0) {
        if (find_project(path, spec, sizeof(spec))) {
            err_set(err, DT_ENOTFOUND, path, 0, 0,
                    "no .project file beside it names it as <textfile>; give --dict tabari:PROJECT");
            return DT_ENOTFOUND;
        }
        one[0] = spec;
        specs = one;
        nspecs = 1;
    }
    int rc = vrun_open(v, specs, nspecs, err);
    if (rc)
        return rc;
    tb_state *s = tabari_state(v->c);
    if (!s)
        return DT_ENOMEM;
    tparse tp;
    memset(&tp, 0, sizeof(tp));
    tp.v = v;
    buf_init(&tp.clean, 1 << 20);
    vrec *r = malloc(sizeof(*r));
    if (!r) {
        buf_free(&tp.clean);
        return DT_ENOMEM;
    }
    compat_lines it;
    compat_lines_init(&it, text, len);
    dt_slice line;
    bool prev_blank = true;
    while (!rc && compat_lines_next(&it, &line)) {
        dt_slice t = str_trim(line.ptr, line.len);
        bool blank = t.len == 0;
        bool start = prev_blank && line.len && is_digit((unsigned char)line.ptr[0]);
        prev_blank = blank;
        if (!start)
            continue;
        long hline = it.lineno;
        /* The record: the header, then lines up to a blank one. */
        const char *body = text + it.pos;
        const char *end = body;
        dt_slice l2;
        while (compat_lines_next(&it, &l2)) {
            if (str_trim(l2.ptr, l2.len).len == 0) {
                prev_blank = true;
                break;
            }
            end = l2.ptr + l2.len;
        }
        memset(r, 0, sizeof(*r));
        r->exp_day = DATE_NONE;
        size_t date_end;
        header(line.ptr, line.len, r, &date_end);
        if (strncmp(r->id, "FINAL", 5) == 0)
            break; /* the end of the standard records */
        /* The header's date is read before the record's own options change SET: YYYY. */
        bool yyyy = s->opt.yyyy != 0;
        bool date_ok = digits_date(line.ptr, date_end, yyyy, r->date, sizeof(r->date));
        tp.nopts = 0;
        parse_body(&tp, r, body, end > body ? (size_t)(end - body) : 0, yyyy);
        bool options_bad = false;
        for (int k = 0; k < tp.nopts; k++) {
            const char *why = NULL;
            int orc = tabari_apply_option(v->c, tp.opts[k], tp.optlen[k], &why);
            if (orc == DT_ENOMEM) {
                rc = orc;
                break;
            }
            if (orc <= 0) {
                option_diag(v, hline, orc == 0 ? "unknown option" : why, tp.opts[k], tp.optlen[k]);
                options_bad = true;
            }
        }
        if (!date_ok)
            r->skip_why = "bad date";
        bool expects = r->nexp || r->exp_none || r->exp_discard || r->exp_complex || r->partial;
        if (!expects && tp.nopts) {
            /* An option record checks that its commands are understood (manual 10.1.1). */
            r->options_only = true;
            r->options_bad = options_bad;
        } else if (!expects)
            r->skip_why = "no expected events";
        long story = -1, sentence = -1;
        if (s->opt.forward && date_end <= line.len)
            forward_numbers(s->opt.forward_fmt, line.ptr + date_end, line.len - date_end, &story, &sentence);
        tabari_set_record(v->c, story, sentence);
        r->text = tp.clean.data ? tp.clean.data : "";
        r->len = tp.clean.len;
        if (!rc)
            rc = vrun_record(v, r);
    }
    free(r);
    buf_free(&tp.clean);
    return rc;
}
