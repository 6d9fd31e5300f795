/* store_format.c — events read from the store as JSON Lines, TSV or CSV rows, with the
 * Phoenix/GDELT-like columns documented in docs/cli.md (`detente events`). */
#include "../util/util.h"

#include <stdio.h>

/* Column names, in output order. */
static const char *const columns[] = {
    "event_id", "date", "source", "source_entity", "target", "target_entity", "code", "root", "quad",
    "goldstein", "issues", "source_text", "target_text", "doc_id", "doc_source", "record", "url",
    "sentence", "rule", "text",
};

const char *dt_stored_event_header(dt_format fmt)
{
    static char tsv[512], csv[512];
    char *out = fmt == DT_FMT_TSV ? tsv : fmt == DT_FMT_CSV ? csv : NULL;
    if (!out)
        return "";
    if (!out[0]) {
        size_t len = 0;
        for (size_t i = 0; i < DT_ARRAY_LEN(columns); i++) {
            int w = snprintf(out + len, 512 - len, "%s%s", i ? (fmt == DT_FMT_TSV ? "\t" : ",") : "", columns[i]);
            if (w > 0)
                len += (size_t)w;
        }
        snprintf(out + len, 512 - len, "\n");
    }
    return out;
}

static int json_key(buf *b, const char *key, bool first)
{
    return (first ? 0 : buf_putc(b, ',')) | buf_putc(b, '"') | buf_puts(b, key) | buf_append(b, "\":", 2);
}

static int json_text(buf *b, const char *key, const char *s)
{
    return json_key(b, key, false) | buf_json_str(b, s ? s : "", s ? strlen(s) : 0);
}

static int json_int(buf *b, const char *key, int64_t v)
{
    return json_key(b, key, false) | buf_i64(b, v);
}

static int json_issues(buf *b, const char *is)
{
    int rc = json_key(b, "issues", false) | buf_putc(b, '[');
    bool first = true;
    while (is && *is) {
        const char *end = strchr(is, ',');
        size_t l = end ? (size_t)(end - is) : strlen(is);
        if (l) {
            rc |= (first ? 0 : buf_putc(b, ',')) | buf_json_str(b, is, l);
            first = false;
        }
        is += l + (end ? 1 : 0);
    }
    return rc | buf_putc(b, ']');
}

static int field(buf *b, dt_format fmt, const char *s, bool first)
{
    int rc = first ? 0 : buf_putc(b, fmt == DT_FMT_TSV ? '\t' : ',');
    if (!s)
        s = "";
    return rc | (fmt == DT_FMT_TSV ? buf_tsv_field(b, s, strlen(s)) : buf_csv_field(b, s, strlen(s)));
}

static int field_int(buf *b, dt_format fmt, int64_t v)
{
    return buf_putc(b, fmt == DT_FMT_TSV ? '\t' : ',') | buf_i64(b, v);
}

int dt_stored_event_write(dt_strbuf *sb, const dt_stored_event *e, dt_format fmt)
{
    buf b = {sb->data, sb->len, sb->cap, 0, false};
    const dt_event *v = &e->ev;
    int rc = 0;
    if (fmt == DT_FMT_JSONL) {
        rc |= buf_puts(&b, "{\"event_id\":") | buf_i64(&b, e->id);
        rc |= json_text(&b, "date", e->date);
        rc |= json_text(&b, "source", v->source) | json_text(&b, "source_entity", e->source_entity);
        rc |= json_text(&b, "target", v->target) | json_text(&b, "target_entity", e->target_entity);
        rc |= json_text(&b, "code", v->code) | json_text(&b, "root", v->root) | json_int(&b, "quad", v->quad);
        rc |= json_key(&b, "goldstein", false) | buf_decimal1(&b, v->goldstein);
        rc |= json_issues(&b, v->issues);
        rc |= json_text(&b, "source_text", v->source_text) | json_text(&b, "target_text", v->target_text);
        rc |= json_int(&b, "doc_id", e->doc) | json_text(&b, "doc_source", e->doc_source);
        rc |= json_text(&b, "record", e->record) | json_text(&b, "url", e->url);
        rc |= json_int(&b, "sentence", v->sentence) | json_text(&b, "rule", v->rule);
        rc |= json_text(&b, "text", v->sentence_text) | buf_append(&b, "}\n", 2);
    } else {
        rc |= buf_i64(&b, e->id);
        rc |= field(&b, fmt, e->date, false);
        rc |= field(&b, fmt, v->source, false) | field(&b, fmt, e->source_entity, false);
        rc |= field(&b, fmt, v->target, false) | field(&b, fmt, e->target_entity, false);
        rc |= field(&b, fmt, v->code, false) | field(&b, fmt, v->root, false) | field_int(&b, fmt, v->quad);
        rc |= buf_putc(&b, fmt == DT_FMT_TSV ? '\t' : ',') | buf_decimal1(&b, v->goldstein);
        rc |= field(&b, fmt, v->issues, false);
        rc |= field(&b, fmt, v->source_text, false) | field(&b, fmt, v->target_text, false);
        rc |= field_int(&b, fmt, e->doc) | field(&b, fmt, e->doc_source, false);
        rc |= field(&b, fmt, e->record, false) | field(&b, fmt, e->url, false);
        rc |= field_int(&b, fmt, v->sentence) | field(&b, fmt, v->rule, false);
        rc |= field(&b, fmt, v->sentence_text, false) | buf_putc(&b, '\n');
    }
    sb->data = b.data;
    sb->len = b.len;
    sb->cap = b.cap;
    return rc ? DT_ENOMEM : 0;
}
