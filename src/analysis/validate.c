/* validate.c — `detente validate`: run a TABARI or PETRARCH validation suite, compare the
 * events of each record with the expected ones (also discard, complex and no-event
 * records), print pass or FAIL per record and the totals, optionally as JSON. */
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>

int vrun_open(vrun *v, const char *const *specs, size_t n, dt_error *err)
{
    dt_dict *d = NULL;
    int rc = dt_dict_load(&d, specs, n, v->diag, v->user, err);
    if (rc)
        return rc;
    if (!d->opt.tabari && !d->opt.petrarch) {
        err_set(err, DT_EINVAL, v->path, 0, 0,
                "validation suites need TABARI or PETRARCH dictionaries (--dict tabari:... or petrarch:...)");
        dt_dict_free(d);
        return DT_EINVAL;
    }
    dt_coder *c = NULL;
    if ((rc = dt_coder_new(&c, d, NULL))) {
        dt_dict_free(d);
        return rc;
    }
    v->d = d;
    v->c = c;
    return 0;
}

void vrun_close(vrun *v)
{
    dt_coder_free(v->c);
    dt_dict_free((dt_dict *)v->d);
    v->c = NULL;
    v->d = NULL;
}

static bool exp_eq(const vexp *e, const char *src, const char *tgt, const char *code)
{
    return strcmp(e->src, src) == 0 && strcmp(e->tgt, tgt) == 0 && strcmp(e->code, code) == 0;
}

static void list_expected(buf *b, const vrec *r)
{
    if (r->exp_discard)
        buf_puts(b, "{###} ");
    if (r->exp_complex)
        buf_puts(b, "{+++} ");
    if (r->exp_none)
        buf_puts(b, "{---} ");
    for (int k = 0; k < r->nexp; k++)
        buf_printf(b, "%s%s/%s/%s", k ? ", " : "", r->exp[k].src, r->exp[k].tgt, r->exp[k].code);
    if (r->partial)
        buf_puts(b, r->nexp ? " (and others)" : "(unchecked)");
}

void vrun_skip(vrun *v, const vrec *r, const char *why)
{
    v->tot->skipped++;
    v->tot->total++;
    if (!(v->flags & DT_VALIDATE_FAILURES))
        buf_printf(v->out, "skip  %s  (%s)\n", r->id, why);
}

int vrun_record(vrun *v, vrec *r)
{
    dt_coder *c = v->c;
    if (r->skip_why) {
        vrun_skip(v, r, r->skip_why);
        return 0;
    }
    if (r->options_only) {
        v->tot->total++;
        if (r->options_bad)
            v->tot->failed++;
        else
            v->tot->passed++;
        if (r->options_bad || !(v->flags & DT_VALIDATE_FAILURES))
            buf_printf(v->out, "%s  %s  (%s)\n", r->options_bad ? "FAIL" : "pass", r->id,
                       r->options_bad ? "an option was not understood" : "options applied");
        return 0;
    }
    if (dt_coder_begin_doc(c, r->date[0] ? r->date : NULL) != 0 && dt_coder_begin_doc(c, NULL) != 0)
        return DT_EINVAL;
    int n = dt_coder_code(c, r->text, r->len, 1);
    if (n < 0)
        return n;
    size_t ne;
    const dt_event *ev = dt_coder_events(c, &ne);
    const tb_state *s = c->tab;
    int result = s ? s->result : TR_CODED;
    bool pass;
    if ((r->exp_discard && result == TR_DISCARD) || (r->exp_complex && result == TR_COMPLEX)) {
        pass = true; /* special codes are checked first (manual 10.1) */
    } else if (r->nexp == 0 && !r->exp_discard && !r->exp_complex) {
        pass = r->partial || ne == 0;
    } else if (r->nexp == 0) {
        pass = false;
    } else {
        /* The listed events, each matched once; with "-{" others may be coded too. */
        bool used[512] = {0};
        pass = true;
        for (int k = 0; k < r->nexp && pass; k++) {
            bool found = false;
            for (size_t q = 0; q < ne && q < 512 && !found; q++)
                if (!used[q] && exp_eq(&r->exp[k], ev[q].source, ev[q].target, ev[q].code))
                    found = used[q] = true;
            pass = found;
        }
        if (pass && !r->partial)
            pass = ne == (size_t)r->nexp;
        /* With time shifting active, the first event's date is checked too. */
        if (pass && s && s->opt.time_shift == 1 && r->exp_day != DATE_NONE && c->date != DATE_NONE)
            pass = r->exp_day == c->date + s->shift_days;
    }
    v->tot->total++;
    if (pass)
        v->tot->passed++;
    else
        v->tot->failed++;
    if (pass && (v->flags & DT_VALIDATE_FAILURES))
        return 0;
    buf_printf(v->out, "%s  %s", pass ? "pass" : "FAIL", r->id);
    if (!pass) {
        buf_puts(v->out, "\n      expected: ");
        list_expected(v->out, r);
        buf_puts(v->out, "\n      actual:   ");
        if (result == TR_DISCARD)
            buf_puts(v->out, "{###} (discarded)");
        else if (result == TR_COMPLEX)
            buf_puts(v->out, "{+++} (complex)");
        else if (ne == 0)
            buf_puts(v->out, result == TR_SHORT ? "{---} (too short)" : "{---}");
        for (size_t q = 0; q < ne; q++)
            buf_printf(v->out, "%s%s/%s/%s", q ? ", " : "", ev[q].source, ev[q].target, ev[q].code);
        if (s && s->opt.time_shift == 1 && r->exp_day != DATE_NONE && c->date != DATE_NONE) {
            char a[16], b[16];
            dt_date_format(r->exp_day, a, sizeof(a));
            dt_date_format(c->date + s->shift_days, b, sizeof(b));
            buf_printf(v->out, "\n      date:     expected %s, actual %s", a, b);
        }
    }
    buf_putc(v->out, '\n');
    return 0;
}

static bool looks_xml(const char *text, size_t len)
{
    for (size_t i = 0; i < len && i < 4096; i++) {
        if (is_space((unsigned char)text[i]))
            continue;
        return text[i] == '<';
    }
    return false;
}

int dt_validate_file(const char *path, const char *const *dict_specs, size_t ndict, int flags, dt_strbuf *out,
                     dt_validate_totals *totals, dt_diag_fn diag, void *user, dt_error *err)
{
    dt_validate_totals tmp = {0};
    if (!totals)
        totals = &tmp;
    memset(totals, 0, sizeof(*totals));
    char *text = NULL;
    size_t len = 0;
    int rc = file_read_all(path, 64u << 20, &text, &len, err);
    if (rc)
        return rc;
    buf b = {out->data, out->len, out->cap, 0, false};
    vrun v = {0};
    v.flags = flags;
    v.out = &b;
    v.tot = totals;
    v.path = path;
    v.diag = diag;
    v.user = user;
    if (looks_xml(text, len))
        rc = validate_petrarch(path, text, len, dict_specs, ndict, &v, err);
    else
        rc = validate_tabari(path, text, len, dict_specs, ndict, &v, err);
    if (!rc) {
        buf_printf(&b, "%zu passed, %zu failed, %zu skipped, %zu total", totals->passed, totals->failed,
                   totals->skipped, totals->total);
        size_t checked = totals->total - totals->skipped;
        if (checked)
            buf_printf(&b, " (%.1f%% of the checked records)", 100.0 * (double)totals->passed / (double)checked);
        buf_putc(&b, '\n');
        if (flags & DT_VALIDATE_JSON)
            buf_printf(&b, "{\"passed\": %zu, \"failed\": %zu, \"skipped\": %zu, \"total\": %zu}\n",
                       totals->passed, totals->failed, totals->skipped, totals->total);
    }
    out->data = b.data;
    out->len = b.len;
    out->cap = b.cap;
    if (!rc && b.failed)
        rc = DT_ENOMEM;
    vrun_close(&v);
    free(text);
    return rc;
}
