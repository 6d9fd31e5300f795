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

/* A literal at o. */
#define PUT_LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) += sizeof(lit) - 1)

static char *put_int(char *o, long v)
{
    if (v < 0) {
        *o++ = '-';
        return put_u64(o, (uint64_t)0 - (uint64_t)v);
    }
    return put_u64(o, (uint64_t)v);
}

/* One JSON Lines row, written straight into the buffer: the fields' lengths first, room
 * for the worst case reserved once. */
static int event_jsonl(buf *b, const dt_event *e, const char *record_id, int sentence, const char *date)
{
    enum { F_ID, F_DATE, F_SRC, F_SRCT, F_TGT, F_TGTT, F_CODE, F_ROOT, F_RULE, F_TEXT, F_ISSUES, NF };
    const char *f[NF] = {record_id, date, e->source, e->source_text, e->target, e->target_text,
                         e->code, e->root, e->rule, e->sentence_text, e->issues};
    size_t len[NF], room = 256;
    for (int k = 0; k < NF; k++) {
        if (!f[k])
            f[k] = "";
        len[k] = strlen(f[k]);
        room += 6 * len[k] + 4;
    }
    if (buf_reserve(b, room))
        return DT_ENOMEM;
    char *o = b->data + b->len;
    PUT_LIT(o, "{\"id\":");
    o = json_put(o, f[F_ID], len[F_ID]);
    PUT_LIT(o, ",\"sentence\":");
    o = put_int(o, sentence);
    PUT_LIT(o, ",\"date\":");
    o = json_put(o, f[F_DATE], len[F_DATE]);
    PUT_LIT(o, ",\"source\":");
    o = json_put(o, f[F_SRC], len[F_SRC]);
    PUT_LIT(o, ",\"source_text\":");
    o = json_put(o, f[F_SRCT], len[F_SRCT]);
    PUT_LIT(o, ",\"target\":");
    o = json_put(o, f[F_TGT], len[F_TGT]);
    PUT_LIT(o, ",\"target_text\":");
    o = json_put(o, f[F_TGTT], len[F_TGTT]);
    PUT_LIT(o, ",\"code\":");
    o = json_put(o, f[F_CODE], len[F_CODE]);
    PUT_LIT(o, ",\"root\":");
    o = json_put(o, f[F_ROOT], len[F_ROOT]);
    PUT_LIT(o, ",\"quad\":");
    o = put_int(o, e->quad);
    PUT_LIT(o, ",\"goldstein\":");
    /* one decimal, rounded half away from zero (as buf_decimal1) */
    long t = (long)(e->goldstein * 10.0 + (e->goldstein < 0 ? -0.5 : 0.5));
    if (t < 0) {
        *o++ = '-';
        t = -t;
    }
    o = put_u64(o, (uint64_t)(t / 10));
    *o++ = '.';
    *o++ = (char)('0' + t % 10);
    PUT_LIT(o, ",\"issues\":[");
    /* the comma-separated issues as an array of strings (empty items dropped) */
    const char *is = f[F_ISSUES], *end = is + len[F_ISSUES];
    bool first = true;
    while (is < end) {
        const char *comma = memchr(is, ',', (size_t)(end - is));
        size_t l = comma ? (size_t)(comma - is) : (size_t)(end - is);
        if (l) {
            if (!first)
                *o++ = ',';
            o = json_put(o, is, l);
            first = false;
        }
        is += l + (comma ? 1 : 0);
    }
    PUT_LIT(o, "],\"rule\":");
    o = json_put(o, f[F_RULE], len[F_RULE]);
    PUT_LIT(o, ",\"text\":");
    o = json_put(o, f[F_TEXT], len[F_TEXT]);
    PUT_LIT(o, "}\n");
    *o = 0; /* (the buffer stays a C string, as buf_append keeps it) */
    b->len = (size_t)(o - b->data);
    return 0;
}

int dt_event_write(dt_strbuf *sb, const dt_event *e, const char *record_id, int sentence,
                   const char *date, dt_format fmt)
{
    buf b = {sb->data, sb->len, sb->cap, 0, false};
    int rc = 0;
    char num[32];
    if (fmt == DT_FMT_JSONL) {
        rc = event_jsonl(&b, e, record_id, sentence, date);
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
