/* format.c — events as JSON Lines, TSV or CSV rows (the columns are documented in
 * docs/cli.md); hand-written appends because this is on the coding hot path. */
#include "../util/util.h"

#include <stdlib.h>

int dt_format_parse(const char *name, dt_format *out)
{
    if (!name)
        return DT_EINVAL;
    if (strcmp(name, "jsonl") == 0 || strcmp(name, "json") == 0)
        *out = DT_FMT_JSONL;
    else if (strcmp(name, "tsv") == 0)
        *out = DT_FMT_TSV;
    else if (strcmp(name, "csv") == 0)
        *out = DT_FMT_CSV;
    else
        return DT_EINVAL;
    return 0;
}

const char *dt_event_header(dt_format fmt)
{
    switch (fmt) {
    case DT_FMT_TSV:
        return "id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tissues\tsource_text\t"
               "target_text\trule\ttext\n";
    case DT_FMT_CSV:
        return "id,sentence,date,source,target,code,root,quad,goldstein,issues,source_text,"
               "target_text,rule,text\n";
    default:
        return "";
    }
}

typedef int (*field_fn)(buf *b, const char *s, size_t n);

static int put_field(buf *b, dt_format fmt, const char *s, bool first)
{
    if (!s)
        s = "";
    if (!first && buf_putc(b, fmt == DT_FMT_TSV ? '\t' : ','))
        return DT_ENOMEM;
    return fmt == DT_FMT_TSV ? buf_tsv_field(b, s, strlen(s)) : buf_csv_field(b, s, strlen(s));
}

static int put_json(buf *b, const char *key, const char *s)
{
    if (buf_putc(b, '"') || buf_puts(b, key) || buf_append(b, "\":", 2))
        return DT_ENOMEM;
    return buf_json_str(b, s ? s : "", s ? strlen(s) : 0);
}

int dt_event_write(dt_strbuf *sb, const dt_event *e, const char *record_id, int sentence,
                   const char *date, dt_format fmt)
{
    buf b = {sb->data, sb->len, sb->cap, 0, false};
    int rc = 0;
    char num[32];
    if (fmt == DT_FMT_JSONL) {
        rc |= buf_putc(&b, '{');
        rc |= put_json(&b, "id", record_id);
        rc |= buf_puts(&b, ",\"sentence\":");
        rc |= buf_i64(&b, sentence);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "date", date);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "source", e->source);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "source_text", e->source_text);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "target", e->target);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "target_text", e->target_text);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "code", e->code);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "root", e->root);
        rc |= buf_puts(&b, ",\"quad\":");
        rc |= buf_i64(&b, e->quad);
        rc |= buf_puts(&b, ",\"goldstein\":");
        rc |= buf_decimal1(&b, e->goldstein);
        rc |= buf_puts(&b, ",\"issues\":[");
        const char *is = e->issues ? e->issues : "";
        bool first = true;
        while (*is) {
            const char *end = strchr(is, ',');
            size_t l = end ? (size_t)(end - is) : strlen(is);
            if (l) {
                if (!first)
                    rc |= buf_putc(&b, ',');
                rc |= buf_json_str(&b, is, l);
                first = false;
            }
            is += l + (end ? 1 : 0);
        }
        rc |= buf_puts(&b, "],");
        rc |= put_json(&b, "rule", e->rule);
        rc |= buf_putc(&b, ',');
        rc |= put_json(&b, "text", e->sentence_text);
        rc |= buf_append(&b, "}\n", 2);
    } else {
        rc |= put_field(&b, fmt, record_id, true);
        snprintf(num, sizeof(num), "%d", sentence);
        rc |= put_field(&b, fmt, num, false);
        rc |= put_field(&b, fmt, date, false);
        rc |= put_field(&b, fmt, e->source, false);
        rc |= put_field(&b, fmt, e->target, false);
        rc |= put_field(&b, fmt, e->code, false);
        rc |= put_field(&b, fmt, e->root, false);
        snprintf(num, sizeof(num), "%d", e->quad);
        rc |= put_field(&b, fmt, num, false);
        rc |= buf_putc(&b, fmt == DT_FMT_TSV ? '\t' : ',');
        rc |= buf_decimal1(&b, e->goldstein);
        rc |= put_field(&b, fmt, e->issues, false);
        rc |= put_field(&b, fmt, e->source_text, false);
        rc |= put_field(&b, fmt, e->target_text, false);
        rc |= put_field(&b, fmt, e->rule, false);
        rc |= put_field(&b, fmt, e->sentence_text, false);
        rc |= buf_putc(&b, '\n');
    }
    sb->data = b.data;
    sb->len = b.len;
    sb->cap = b.cap;
    return rc ? DT_ENOMEM : 0;
}
