/* html.c — the self-contained HTML report: inline CSS, inline SVG charts, native tooltips
 * (<title>), no script and nothing fetched. See html.h. */
#include "html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Chart geometry (SVG user units; the SVG scales to the page width). */
#define W 960.0
#define PAD_L 44.0
#define PAD_R 12.0
#define PLOT_T 12.0
#define PLOT_H 170.0
#define LANE_H 36.0     /* the event lane under the plot */
#define AXIS_H 22.0

static const char *const quad_class[] = {"q0", "q1", "q2", "q3", "q4"};
static const char *const quad_name[] = {"unknown class", "verbal cooperation", "material cooperation",
                                        "verbal conflict", "material conflict"};

static void esc(buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\'': buf_puts(b, "&#39;"); break;
        default: buf_putc(b, *s);
        }
    }
}

const char *report_code_name(const char *code)
{
    dt_cameo c;
    if (!code || dt_cameo_lookup(code, &c) != 0 || !c.name)
        return "";
    return c.name;
}

static double xpos(const rp_report *rp, int32_t day)
{
    double span = (double)rp->to - (double)rp->from;
    if (span < 1)
        span = 1;
    return PAD_L + ((double)day - (double)rp->from) / span * (W - PAD_L - PAD_R);
}

static double ypos(double index) { return PLOT_T + (100.0 - index) / 100.0 * PLOT_H; }

/* Year (and, on short spans, quarter) ticks along the bottom of a chart at height y. */
static void time_axis(buf *b, const rp_report *rp, double y_top, double y_axis)
{
    char from[16], to[16];
    dt_date_format(rp->from, from, sizeof(from));
    dt_date_format(rp->to, to, sizeof(to));
    int y0 = atoi(from), y1 = atoi(to);
    bool quarters = y1 - y0 <= 4;
    for (int y = y0; y <= y1 + 1; y++)
        for (int m = 1; m <= 12; m += quarters ? 3 : 12) {
            char d[32];
            snprintf(d, sizeof(d), "%04d-%02d-01", y, m);
            int32_t day;
            if (dt_date_parse(d, 10, &day) || day < rp->from || day > rp->to)
                continue;
            double x = xpos(rp, day);
            buf_printf(b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", m == 1 ? "tick" : "tick minor",
                       x, y_top, x, y_axis);
            if (m == 1)
                buf_printf(b, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\">%d</text>", x + 3, y_axis + 15, y);
            else
                buf_printf(b, "<text class=\"axis minor\" x=\"%.1f\" y=\"%.1f\">Q%d</text>", x + 3, y_axis + 15, (m + 2) / 3);
        }
}

/* "SRC → TGT" ("(none)" for a one-sided act). */
static void esc_dyad(buf *b, const char *src, const char *tgt)
{
    esc(b, src);
    buf_puts(b, " \xe2\x86\x92 ");
    esc(b, tgt && *tgt ? tgt : "(none)");
}

static void event_tooltip(buf *b, const rp_event *e)
{
    buf_puts(b, "<title>");
    esc(b, e->date);
    buf_puts(b, "  ");
    esc_dyad(b, e->source, e->target);
    buf_puts(b, "  ");
    esc(b, e->code);
    const char *name = report_code_name(e->code);
    if (*name) {
        buf_puts(b, " ");
        esc(b, name);
    }
    buf_printf(b, " (Goldstein %+.1f, %s)", e->goldstein, quad_name[e->quad >= 0 && e->quad <= 4 ? e->quad : 0]);
    if (e->sentence && *e->sentence) {
        buf_puts(b, "\n\xe2\x80\x9c");
        esc(b, e->sentence);
        buf_puts(b, "\xe2\x80\x9d");
    }
    if (e->where && *e->where) {
        buf_puts(b, "\n\xe2\x80\x94 ");
        esc(b, e->where);
    }
    buf_puts(b, "</title>");
}

static void dyad_chart(buf *b, const rp_report *rp, const rp_dyad *d)
{
    const double lane_top = PLOT_T + PLOT_H + 6, lane_mid = lane_top + LANE_H / 2;
    const double axis_y = lane_top + LANE_H;
    const double H = axis_y + AXIS_H;
    const rp_point *last = d->npoints ? &d->points[d->npoints - 1] : NULL;
    buf_puts(b, "<section class=\"dyad\"><h3>");
    esc(b, d->a);
    buf_puts(b, " \xe2\x80\x93 ");
    esc(b, d->b);
    buf_printf(b, " <span class=\"muted\">%lld events</span>", (long long)d->events);
    if (last)
        buf_printf(b, " <span class=\"badge %s\">tension %.0f in %s (%+.0f)</span>",
                   last->index >= 66 ? "hot" : last->index <= 34 ? "calm" : "mid", last->index, last->label,
                   last->change);
    buf_puts(b, "</h3>\n");
    buf_printf(b, "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"tension ", W, H);
    esc(b, d->a);
    buf_puts(b, "-");
    esc(b, d->b);
    buf_puts(b, "\">");
    /* bands and grid */
    buf_printf(b, "<rect class=\"band hot\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", PAD_L, ypos(100),
               W - PAD_L - PAD_R, ypos(66) - ypos(100));
    buf_printf(b, "<rect class=\"band calm\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", PAD_L, ypos(34),
               W - PAD_L - PAD_R, ypos(0) - ypos(34));
    for (int g = 0; g <= 100; g += 25) {
        buf_printf(b, "<line class=\"grid%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", g == 50 ? " mid" : "", PAD_L,
                   ypos(g), W - PAD_R, ypos(g));
        buf_printf(b, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%d</text>", PAD_L - 6, ypos(g) + 4, g);
    }
    time_axis(b, rp, PLOT_T, axis_y);
    /* the event lane: cooperation above its midline, conflict below; size by |Goldstein| */
    buf_printf(b, "<line class=\"lane\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", PAD_L, lane_mid, W - PAD_R,
               lane_mid);
    buf_printf(b, "<text class=\"axis minor\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">events</text>", PAD_L - 6,
               lane_mid + 4);
    for (size_t i = 0; i < d->nmarks; i++) {
        const rp_event *e = &d->marks[i];
        if (e->day < rp->from || e->day > rp->to)
            continue;
        double r = 2.0 + fabs(e->goldstein) * 0.45;
        double y = e->goldstein >= 0 ? lane_mid - 3 - r * 0.6 : lane_mid + 3 + r * 0.6;
        buf_printf(b, "<circle class=\"ev %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\">", quad_class[e->quad >= 0 && e->quad <= 4 ? e->quad : 0],
                   xpos(rp, e->day), y, r);
        event_tooltip(b, e);
        buf_puts(b, "</circle>");
    }
    /* the index line, one vertex per period (at its middle) */
    if (d->npoints) {
        buf_puts(b, "<path class=\"line\" d=\"");
        for (size_t i = 0; i < d->npoints; i++) {
            const rp_point *p = &d->points[i];
            double mid = ((double)p->start + (double)p->end) / 2;
            double x = PAD_L + (mid - rp->from) / DT_MAX(1.0, (double)rp->to - rp->from) * (W - PAD_L - PAD_R);
            buf_printf(b, "%c%.1f %.1f", i ? 'L' : 'M', x, ypos(p->index));
        }
        buf_puts(b, "\"/>");
        for (size_t i = 0; i < d->npoints; i++) {
            const rp_point *p = &d->points[i];
            double mid = ((double)p->start + (double)p->end) / 2;
            double x = PAD_L + (mid - rp->from) / DT_MAX(1.0, (double)rp->to - rp->from) * (W - PAD_L - PAD_R);
            buf_printf(b, "<circle class=\"pt%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\"><title>%s: tension %.1f (%+.1f), %lld events</title></circle>",
                       p->events ? "" : " quiet", x, ypos(p->index), p->events ? "3.2" : "2", p->label, p->index, p->change,
                       (long long)p->events);
        }
    }
    buf_puts(b, "</svg></section>\n");
}

/* The status as a word, which is also its CSS class. */
static const char *status_word(int st) { return st == RM_MET ? "met" : st == RM_BROKEN ? "broken" : "pending"; }

static void event_line(buf *b, const dt_roadmap_event *e)
{
    buf_puts(b, "<li><span class=\"date\">");
    esc(b, e->date);
    buf_puts(b, "</span> ");
    esc_dyad(b, e->source, e->target);
    buf_puts(b, " <code>");
    esc(b, e->code);
    buf_puts(b, "</code> ");
    esc(b, report_code_name(e->code));
    if (e->text && *e->text) {
        buf_puts(b, "<br><q>");
        esc(b, e->text);
        buf_puts(b, "</q>");
    }
    if (e->where && *e->where) {
        buf_puts(b, " <span class=\"muted\">");
        esc(b, e->where);
        buf_puts(b, "</span>");
    }
    buf_puts(b, "</li>");
}

static void roadmap_section(buf *b, const rp_report *rp, const rp_roadmap *m)
{
    const dt_roadmap *r = m->r;
    const rm_result *res = m->res;
    int32_t from = r->start != DATE_NONE ? r->start : rp->from;
    int32_t to = res->at != DATE_NONE ? res->at : rp->to;
    if (to <= from)
        to = from + 1;
    rp_report axis = *rp;
    axis.from = from;
    axis.to = to;
    char at[16], st[16];
    roadmap_day_label(res->at, at);
    roadmap_day_label(r->start, st);
    buf_puts(b, "<section class=\"roadmap\"><h2>Roadmap: ");
    esc(b, r->title);
    buf_puts(b, "</h2><p class=\"muted\">");
    esc(b, r->name);
    buf_printf(b, " \xe2\x80\x94 from %s, evaluated as of %s over %zu events</p>\n", st, at, m->nev);
    const double row = 30, top = 8;
    double H = top + row * r->nstages + AXIS_H + 4;
    buf_printf(b, "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"roadmap timeline\">", W, H);
    time_axis(b, &axis, top, top + row * r->nstages);
    for (int s = 0; s < r->nstages; s++) {
        const rm_stage *stg = &r->stages[s];
        const rm_stage_result *sr = &res->stages[s];
        double y = top + row * s + 6, h = row - 12;
        buf_printf(b, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%d</text>", PAD_L - 6, y + h - 4, s + 1);
        /* status segments between transitions */
        int32_t seg_start = from;
        int seg_status = RM_PENDING;
        for (int k = 0; k <= sr->nhist; k++) {
            int32_t seg_end = k < sr->nhist ? sr->hist[k].day : to;
            if (seg_end > to)
                seg_end = to;
            if (seg_end > seg_start) {
                char a[16], z[16];
                roadmap_day_label(seg_start, a);
                roadmap_day_label(seg_end, z);
                buf_printf(b, "<rect class=\"seg %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>", status_word(seg_status),
                           xpos(&axis, seg_start), y, DT_MAX(1.0, xpos(&axis, seg_end) - xpos(&axis, seg_start)), h);
                esc(b, stg->id);
                buf_printf(b, ": %s from %s to %s</title></rect>", status_word(seg_status), a, z);
            }
            if (k < sr->nhist) {
                seg_start = sr->hist[k].day;
                seg_status = sr->hist[k].status;
            }
        }
        if (stg->deadline != DATE_NONE && stg->deadline >= from && stg->deadline <= to)
            buf_printf(b, "<line class=\"deadline\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"><title>deadline</title></line>",
                       xpos(&axis, stg->deadline), y - 3, xpos(&axis, stg->deadline), y + h + 3);
        /* the evidence and the latest violation */
        for (int k = 0; k < sr->nevidence; k++) {
            long ei = sr->evidence[k];
            if (ei < 0 || (size_t)ei >= m->nev)
                continue;
            const dt_roadmap_event *e = &m->ev[ei];
            int32_t day;
            if (!e->date || dt_date_parse(e->date, strlen(e->date), &day) || day < from || day > to)
                continue;
            buf_printf(b, "<circle class=\"evidence\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>", xpos(&axis, day), y + h / 2);
            esc(b, e->date);
            buf_puts(b, " ");
            esc_dyad(b, e->source, e->target);
            buf_puts(b, " ");
            esc(b, e->code);
            buf_puts(b, "\n");
            esc(b, e->text);
            buf_puts(b, "</title></circle>");
        }
        if (sr->last_violation >= 0 && (size_t)sr->last_violation < m->nev) {
            const dt_roadmap_event *e = &m->ev[sr->last_violation];
            int32_t day;
            if (e->date && !dt_date_parse(e->date, strlen(e->date), &day) && day >= from && day <= to) {
                double x = xpos(&axis, day), cy = y + h / 2;
                buf_printf(b, "<path class=\"violation\" d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\"><title>violation: ",
                           x - 4, cy - 4, x + 4, cy + 4, x - 4, cy + 4, x + 4, cy - 4);
                esc(b, e->date);
                buf_puts(b, " ");
                esc(b, e->code);
                buf_puts(b, "\n");
                esc(b, e->text);
                buf_puts(b, "</title></path>");
            }
        }
    }
    for (int s = 0; s < r->nstages; s++) {
        buf_printf(b, "<text class=\"seglabel\" x=\"%.1f\" y=\"%.1f\">", PAD_L + 6, top + row * s + 6 + (row - 12) - 5);
        esc(b, r->stages[s].id);
        buf_puts(b, "</text>");
    }
    buf_puts(b, "</svg>\n<p class=\"legend\"><span><i class=\"seg-met\"></i>met</span><span><i class=\"seg-pending\"></i>"
                "pending</span><span><i class=\"seg-broken\"></i>broken</span><span><i class=\"dot-evidence\"></i>"
                "deciding event</span><span>\xc3\x97 latest violation</span></p>\n<ol class=\"stages\">\n");
    for (int s = 0; s < r->nstages; s++) {
        const rm_stage *stg = &r->stages[s];
        const rm_stage_result *sr = &res->stages[s];
        char since[16];
        roadmap_day_label(sr->since, since);
        buf_printf(b, "<li><span class=\"badge %s\">%s</span> <b>", status_word(sr->status), status_word(sr->status));
        esc(b, stg->title[0] ? stg->title : stg->id);
        buf_puts(b, "</b> <span class=\"muted\">(");
        esc(b, stg->id);
        buf_printf(b, ", since %s)</span>", since);
        if (sr->out_of_order)
            buf_puts(b, " <span class=\"badge broken\">out of order</span>");
        if (sr->note[0]) {
            buf_puts(b, "<div class=\"note\">");
            esc(b, sr->note);
            buf_puts(b, "</div>");
        }
        buf_puts(b, "<ul class=\"events\">");
        int shown = 0;
        for (int k = sr->nevidence - 1; k >= 0 && shown < 3; k--, shown++)
            if (sr->evidence[k] >= 0 && (size_t)sr->evidence[k] < m->nev)
                event_line(b, &m->ev[sr->evidence[k]]);
        if (sr->last_violation >= 0 && (size_t)sr->last_violation < m->nev) {
            buf_puts(b, "<li class=\"viol\">latest violation:</li>");
            event_line(b, &m->ev[sr->last_violation]);
        }
        buf_puts(b, "</ul></li>\n");
    }
    buf_puts(b, "</ol></section>\n");
}

static void top_table(buf *b, const rp_report *rp)
{
    buf_puts(b, "<section><h2>Top events</h2><p class=\"muted\">The events reported by the most documents "
                "(then the strongest by Goldstein weight).</p><table><thead><tr><th>date</th><th>source</th>"
                "<th>target</th><th>event</th><th>Goldstein</th><th>reports</th><th>sentence</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < rp->ntop; i++) {
        const rp_event *e = &rp->top[i];
        buf_puts(b, "<tr><td class=\"date\">");
        esc(b, e->date);
        buf_puts(b, "</td><td>");
        esc(b, e->source);
        buf_puts(b, "</td><td>");
        esc(b, e->target);
        buf_printf(b, "</td><td><span class=\"dot %s\"></span><code>", quad_class[e->quad >= 0 && e->quad <= 4 ? e->quad : 0]);
        esc(b, e->code);
        buf_puts(b, "</code> ");
        esc(b, report_code_name(e->code));
        buf_printf(b, "</td><td class=\"num\">%+.1f</td><td class=\"num\">%d</td><td><q>", e->goldstein, e->reports);
        esc(b, e->sentence);
        buf_puts(b, "</q>");
        if (e->where && *e->where) {
            buf_puts(b, " <span class=\"muted\">");
            esc(b, e->where);
            buf_puts(b, "</span>");
        }
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody></table></section>\n");
}

static const char css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}"
    "main{max-width:1020px;margin:0 auto;padding:18px 24px 48px}"
    "h1{font-size:26px;margin:8px 0 2px}h2{font-size:20px;margin:28px 0 6px}h3{font-size:16px;margin:18px 0 4px}"
    ".muted{color:#6a7280;font-weight:normal;font-size:13px}"
    "section{background:#fff;border:1px solid #e2e5ea;border-radius:8px;padding:6px 16px 12px;margin:14px 0}"
    "section.dyad{padding-bottom:4px}svg{width:100%;height:auto;display:block}"
    ".band.hot{fill:#fbeaea}.band.calm{fill:#eaf6ee}.grid{stroke:#e3e6eb;stroke-width:1}.grid.mid{stroke:#c9ced6;stroke-dasharray:4 3}"
    ".tick{stroke:#c9ced6}.tick.minor{stroke:#eceef1}.axis{font-size:11px;fill:#6a7280}.axis.minor{font-size:9px}"
    ".lane{stroke:#d5d9df}.line{fill:none;stroke:#2c4f86;stroke-width:2}.pt{fill:#2c4f86}.pt.quiet{fill:#9aa8bd}"
    ".ev{fill-opacity:.75;stroke:#fff;stroke-width:.6}.ev:hover,.pt:hover,.evidence:hover{stroke:#111;stroke-width:1.5}"
    ".q1{fill:#4f9d69;background:#4f9d69}.q2{fill:#1f7a44;background:#1f7a44}.q3{fill:#e08a3c;background:#e08a3c}"
    ".q4{fill:#c23b30;background:#c23b30}.q0{fill:#8a8f98;background:#8a8f98}"
    ".seg.met{fill:#58a86b}.seg.pending{fill:#d7dbe1}.seg.broken{fill:#d0574c}"
    ".seg-met{background:#58a86b}.seg-pending{background:#d7dbe1}.seg-broken{background:#d0574c}.dot-evidence{background:#14324f}"
    ".seglabel{font-size:11px;font-weight:600;fill:#1d2430;stroke:#fff;stroke-width:3px;paint-order:stroke;pointer-events:none}"
    ".evidence{fill:#14324f}.violation{stroke:#7a0f08;stroke-width:2.2;fill:none}.deadline{stroke:#14324f;stroke-dasharray:3 2}"
    ".badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;background:#8a8f98}"
    ".badge.met,.badge.calm{background:#3f8f55}.badge.broken,.badge.hot{background:#c0463b}.badge.pending{background:#8a8f98}"
    ".badge.mid{background:#c98a2c}"
    "ol.stages{padding-left:22px}ol.stages>li{margin:8px 0}.note{color:#4a5260;font-size:13px;margin:2px 0}"
    "ul.events{font-size:13px;margin:4px 0;padding-left:18px}ul.events li{margin:3px 0}li.viol{list-style:none;color:#a0342a;margin-left:-18px}"
    "q{color:#333}.date{font-variant-numeric:tabular-nums;white-space:nowrap}"
    "table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;vertical-align:top;padding:5px 6px;border-top:1px solid #eceef1}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}.dot{display:inline-block;width:9px;height:9px;border-radius:5px;margin-right:5px}"
    ".legend span{margin-right:14px;font-size:12px;color:#4a5260}.legend i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px;vertical-align:-1px}"
    "code{font-size:12px}footer{color:#6a7280;font-size:12px;margin-top:24px}";

int report_html(const rp_report *rp, buf *b)
{
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
    esc(b, rp->title);
    buf_printf(b, "</title><style>%s</style></head><body><main>\n<h1>", css);
    esc(b, rp->title);
    buf_puts(b, "</h1><p class=\"muted\">");
    esc(b, rp->subtitle);
    buf_puts(b, "</p>\n");
    for (size_t i = 0; i < rp->nroadmaps; i++)
        roadmap_section(b, rp, &rp->roadmaps[i]);
    if (rp->ndyads) {
        buf_puts(b, "<h2>Tension</h2><p class=\"muted\">The tension index per month, 0 (only cooperation) to 100 "
                    "(only conflict), 50 balanced or no news (docs/tension.md). Under each chart, its events: "
                    "cooperation above the line, conflict below, larger for larger Goldstein weights; hover for the "
                    "sentence.</p><p class=\"legend\">");
        for (int q = 1; q <= 4; q++)
            buf_printf(b, "<span><i class=\"%s\"></i>%s</span>", quad_class[q], quad_name[q]);
        buf_puts(b, "</p>\n");
    }
    for (size_t i = 0; i < rp->ndyads; i++)
        dyad_chart(b, rp, &rp->dyads[i]);
    if (rp->ntop)
        top_table(b, rp);
    buf_puts(b, "<footer>Made by Detente. Every event links back to its sentence and document; the dictionary "
                "rule that coded it is in the store (detente events).</footer>\n</main></body></html>\n");
    return b->failed ? DT_ENOMEM : 0;
}
