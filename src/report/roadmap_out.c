/* roadmap_out.c — the roadmap evaluation as text for people or one JSON object for
 * programs (dt_roadmap_evaluate). */
#include "../analysis/roadmap.h"

#include <stdlib.h>

void roadmap_day_label(int32_t day, char out[16])
{
    if (day == DATE_NONE)
        snprintf(out, 16, "-");
    else
        dt_date_format(day, out, 16);
}

static void text_event(buf *b, const dt_roadmap_event *e, const char *label)
{
    buf_printf(b, "      %s %s  %s -> %s  %s", label, e->date ? e->date : "", e->source ? e->source : "",
               e->target && *e->target ? e->target : "(none)", e->code ? e->code : "");
    if (e->text && *e->text) {
        size_t l = strlen(e->text);
        buf_printf(b, "  \"%.*s%s\"", (int)DT_MIN(l, 110), e->text, l > 110 ? "..." : "");
    }
    if (e->where && *e->where)
        buf_printf(b, "  [%s]", e->where);
    buf_putc(b, '\n');
}

static void report_text(const dt_roadmap *r, const rm_result *res, const dt_roadmap_event *ev, size_t n, buf *b)
{
    char at[16], st[16];
    roadmap_day_label(res->at, at);
    roadmap_day_label(r->start, st);
    buf_printf(b, "Roadmap: %s\n  (%s; from %s, evaluated as of %s over %zu events)\n\n", r->title, r->name, st, at, n);
    for (int s = 0; s < r->nstages; s++) {
        const rm_stage *stg = &r->stages[s];
        const rm_stage_result *sr = &res->stages[s];
        char since[16];
        roadmap_day_label(sr->since, since);
        const char *status = roadmap_status_name(sr->status);
        buf_printf(b, "%d. %s — %s\n   %s", s + 1, stg->id, stg->title, sr->status == RM_MET ? "MET" : sr->status == RM_BROKEN ? "BROKEN" : "PENDING");
        if (sr->since != DATE_NONE)
            buf_printf(b, " since %s", since);
        if (sr->out_of_order) {
            buf_puts(b, "  (out of order: before");
            for (int q = 0; q < stg->nafter; q++)
                buf_printf(b, " %s", r->stages[stg->after[q]].id);
            buf_puts(b, " was met)");
        }
        buf_putc(b, '\n');
        (void)status;
        if (sr->nhist > 1) {
            buf_puts(b, "   history:");
            for (int h = 0; h < sr->nhist; h++) {
                char d[16];
                roadmap_day_label(sr->hist[h].day, d);
                buf_printf(b, " %s %s;", roadmap_status_name(sr->hist[h].status), d);
            }
            buf_putc(b, '\n');
        }
        if (sr->note[0])
            buf_printf(b, "   %s\n", sr->note);
        /* the deciding events */
        if (sr->status == RM_BROKEN && sr->nhist && sr->hist[sr->nhist - 1].event >= 0)
            text_event(b, &ev[sr->hist[sr->nhist - 1].event], "broken by");
        else if (sr->status == RM_BROKEN)
            buf_puts(b, "      broken: the deadline passed\n");
        for (int k = 0; k < sr->nevidence && k < 6; k++)
            text_event(b, &ev[sr->evidence[k]], k == 0 ? "evidence:" : "         ");
        if (sr->nevidence > 6)
            buf_printf(b, "      ... and %d more\n", sr->nevidence - 6);
        if (sr->status != RM_BROKEN && sr->last_violation >= 0)
            text_event(b, &ev[sr->last_violation], "last violation:");
        buf_putc(b, '\n');
    }
}

static void json_str(buf *b, const char *s)
{
    buf_json_str(b, s ? s : "", s ? strlen(s) : 0);
}

static void json_event(buf *b, const dt_roadmap_event *e)
{
    buf_puts(b, "{\"date\":");
    json_str(b, e->date);
    buf_puts(b, ",\"source\":");
    json_str(b, e->source);
    buf_puts(b, ",\"target\":");
    json_str(b, e->target);
    buf_puts(b, ",\"code\":");
    json_str(b, e->code);
    buf_puts(b, ",\"text\":");
    json_str(b, e->text);
    buf_puts(b, ",\"where\":");
    json_str(b, e->where);
    buf_putc(b, '}');
}

static void report_json(const dt_roadmap *r, const rm_result *res, const dt_roadmap_event *ev, size_t n, buf *b)
{
    char at[16], st[16];
    roadmap_day_label(res->at, at);
    roadmap_day_label(r->start, st);
    buf_puts(b, "{\"roadmap\":");
    json_str(b, r->title);
    buf_puts(b, ",\"file\":");
    json_str(b, r->name);
    buf_printf(b, ",\"start\":\"%s\",\"at\":\"%s\",\"events\":%zu,\"stages\":[", st, at, n);
    for (int s = 0; s < r->nstages; s++) {
        const rm_stage *stg = &r->stages[s];
        const rm_stage_result *sr = &res->stages[s];
        char since[16], first[16];
        roadmap_day_label(sr->since, since);
        roadmap_day_label(sr->first_met, first);
        if (s)
            buf_putc(b, ',');
        buf_puts(b, "{\"id\":");
        json_str(b, stg->id);
        buf_puts(b, ",\"title\":");
        json_str(b, stg->title);
        buf_printf(b, ",\"status\":\"%s\",\"since\":%s%s%s,\"first_met\":%s%s%s,\"out_of_order\":%s",
                   roadmap_status_name(sr->status), sr->since == DATE_NONE ? "" : "\"",
                   sr->since == DATE_NONE ? "null" : since, sr->since == DATE_NONE ? "" : "\"",
                   sr->first_met == DATE_NONE ? "" : "\"", sr->first_met == DATE_NONE ? "null" : first,
                   sr->first_met == DATE_NONE ? "" : "\"", sr->out_of_order ? "true" : "false");
        buf_puts(b, ",\"note\":");
        json_str(b, sr->note);
        buf_puts(b, ",\"history\":[");
        for (int h = 0; h < sr->nhist; h++) {
            char d[16];
            roadmap_day_label(sr->hist[h].day, d);
            buf_printf(b, "%s{\"status\":\"%s\",\"date\":\"%s\",\"event\":", h ? "," : "",
                       roadmap_status_name(sr->hist[h].status), d);
            if (sr->hist[h].event >= 0)
                json_event(b, &ev[sr->hist[h].event]);
            else
                buf_puts(b, "null");
            buf_putc(b, '}');
        }
        buf_puts(b, "],\"evidence\":[");
        for (int k = 0; k < sr->nevidence; k++) {
            if (k)
                buf_putc(b, ',');
            json_event(b, &ev[sr->evidence[k]]);
        }
        buf_puts(b, "],\"last_violation\":");
        if (sr->last_violation >= 0)
            json_event(b, &ev[sr->last_violation]);
        else
            buf_puts(b, "null");
        buf_putc(b, '}');
    }
    buf_puts(b, "]}\n");
}

int dt_roadmap_evaluate(const dt_roadmap *r, const dt_roadmap_event *events, size_t n, const char *at, int flags,
                        dt_strbuf *out, dt_error *err)
{
    int32_t day = DATE_NONE;
    if (at && *at && dt_date_parse(at, strlen(at), &day)) {
        err_set(err, DT_EDATE, NULL, 0, 0, "bad date \"%s\" (expected YYYY-MM-DD)", at);
        return DT_EDATE;
    }
    rm_result res;
    int rc = roadmap_eval(r, events, n, day, &res);
    if (rc) {
        err_set(err, rc, NULL, 0, 0, "%s", dt_strerror(rc));
        return rc;
    }
    buf b = {out->data, out->len, out->cap, 0, false};
    if (flags & DT_ROADMAP_JSON)
        report_json(r, &res, events, n, &b);
    else
        report_text(r, &res, events, n, &b);
    out->data = b.data;
    out->len = b.len;
    out->cap = b.cap;
    roadmap_result_free(&res);
    return b.failed ? DT_ENOMEM : 0;
}
