/* event_list.c — events read back from `detente code` JSON Lines output, for the roadmap
 * evaluator and reports when no store is used. */
#include "../util/json.h"
#include "../util/util.h"

#include <stdlib.h>

struct dt_event_list {
    arena mem;
    dt_roadmap_event *items;
    size_t n, cap;
};

static const char *dup_field(arena *a, const json_value *v, const char *key)
{
    size_t len;
    const char *s = json_get_str(v, key, &len);
    return s ? arena_strndup(a, s, len) : "";
}

int dt_event_list_load(dt_event_list **out, const char *path, dt_diag_fn diag, void *user, dt_error *err)
{
    *out = NULL;
    char *text;
    size_t len;
    int rc = file_read_all(path, 1u << 30, &text, &len, err);
    if (rc)
        return rc;
    dt_event_list *l = calloc(1, sizeof(*l));
    if (!l) {
        free(text);
        return DT_ENOMEM;
    }
    arena_init(&l->mem, 1 << 20);
    arena tmp;
    arena_init(&tmp, 64 * 1024);
    long lineno = 0;
    for (size_t i = 0; i < len && !rc;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        lineno++;
        dt_slice line = str_trim(text + i, e - i);
        i = e + 1;
        if (!line.len)
            continue;
        arena_reset(&tmp);
        json_value *v;
        size_t off;
        const char *msg;
        if (json_parse(&tmp, line.ptr, line.len, &v, &off, &msg) || v->type != JSON_OBJECT) {
            diag_emit(diag, user, DT_EPARSE, path, lineno, (long)off + 1, -1, "not an event line: skipped");
            continue;
        }
        dt_roadmap_event ev;
        ev.date = dup_field(&l->mem, v, "date");
        ev.source = dup_field(&l->mem, v, "source");
        ev.target = dup_field(&l->mem, v, "target");
        ev.code = dup_field(&l->mem, v, "code");
        ev.text = dup_field(&l->mem, v, "text");
        ev.where = dup_field(&l->mem, v, "id");
        ev.source_text = dup_field(&l->mem, v, "source_text");
        ev.target_text = dup_field(&l->mem, v, "target_text");
        /* issues: a JSON array (or a comma-separated string) */
        const json_value *is = json_get(v, "issues");
        buf ib;
        buf_init(&ib, 1 << 16);
        if (is && is->type == JSON_ARRAY) {
            for (size_t k = 0; k < is->u.arr.n; k++)
                if (is->u.arr.items[k]->type == JSON_STRING) {
                    if (ib.len)
                        buf_putc(&ib, ',');
                    buf_append(&ib, is->u.arr.items[k]->u.str.s, is->u.arr.items[k]->u.str.len);
                }
        } else if (is && is->type == JSON_STRING) {
            buf_append(&ib, is->u.str.s, is->u.str.len);
        }
        ev.issues = arena_strndup(&l->mem, ib.data ? ib.data : "", ib.len);
        buf_free(&ib);
        int32_t day;
        if (!*ev.source || !*ev.code || dt_date_parse(ev.date, strlen(ev.date), &day)) {
            diag_emit(diag, user, DT_EPARSE, path, lineno, 0, -1, "an event needs a source, a code and a date: skipped");
            continue;
        }
        if (!ev.date || !ev.source || !ev.target || !ev.code || !ev.text || !ev.where || !ev.issues ||
            vec_push((void **)&l->items, &l->n, &l->cap, sizeof(ev), &ev) < 0)
            rc = DT_ENOMEM;
    }
    arena_free(&tmp);
    free(text);
    if (rc) {
        dt_event_list_free(l);
        return rc;
    }
    *out = l;
    return 0;
}

int dt_event_list_from_store(dt_event_list **out, dt_store *s, const dt_event_filter *f, dt_error *err)
{
    *out = NULL;
    dt_event_list *l = calloc(1, sizeof(*l));
    if (!l)
        return DT_ENOMEM;
    arena_init(&l->mem, 1 << 20);
    dt_event_filter all;
    memset(&all, 0, sizeof(all));
    dt_store_cursor *cur = NULL;
    int rc = dt_store_query(s, f ? f : &all, &cur, err);
    dt_stored_event se;
    while (rc == 0 && (rc = dt_store_cursor_next(cur, &se, err)) == 1) {
        rc = 0;
        if (!se.date || !*se.date)
            continue; /* the evaluator works by day */
        char where[600];
        if (se.url && *se.url)
            snprintf(where, sizeof(where), "%s", se.url);
        else
            snprintf(where, sizeof(where), "%s#%s", se.doc_source ? se.doc_source : "", se.record ? se.record : "");
        dt_roadmap_event ev;
        arena *a = &l->mem;
        ev.date = arena_strndup(a, se.date, strlen(se.date));
        ev.source = arena_strndup(a, se.ev.source ? se.ev.source : "", se.ev.source ? strlen(se.ev.source) : 0);
        ev.target = arena_strndup(a, se.ev.target ? se.ev.target : "", se.ev.target ? strlen(se.ev.target) : 0);
        ev.code = arena_strndup(a, se.ev.code ? se.ev.code : "", se.ev.code ? strlen(se.ev.code) : 0);
        ev.issues = arena_strndup(a, se.ev.issues ? se.ev.issues : "", se.ev.issues ? strlen(se.ev.issues) : 0);
        ev.text = arena_strndup(a, se.ev.sentence_text ? se.ev.sentence_text : "",
                                se.ev.sentence_text ? strlen(se.ev.sentence_text) : 0);
        ev.where = arena_strndup(a, where, strlen(where));
        ev.source_text = arena_strndup(a, se.ev.source_text ? se.ev.source_text : "",
                                       se.ev.source_text ? strlen(se.ev.source_text) : 0);
        ev.target_text = arena_strndup(a, se.ev.target_text ? se.ev.target_text : "",
                                       se.ev.target_text ? strlen(se.ev.target_text) : 0);
        if (!ev.date || !ev.source || !ev.target || !ev.code || !ev.issues || !ev.text || !ev.where ||
            vec_push((void **)&l->items, &l->n, &l->cap, sizeof(ev), &ev) < 0)
            rc = DT_ENOMEM;
    }
    dt_store_cursor_free(cur);
    if (rc < 0) {
        dt_event_list_free(l);
        return rc;
    }
    *out = l;
    return 0;
}

const dt_roadmap_event *dt_event_list_items(const dt_event_list *l, size_t *n)
{
    *n = l->n;
    return l->items;
}

void dt_event_list_free(dt_event_list *l)
{
    if (!l)
        return;
    arena_free(&l->mem);
    free(l->items);
    free(l);
}
