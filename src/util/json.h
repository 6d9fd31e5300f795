/* json.h — a small strict JSON parser into an arena-allocated tree (used for JSON Lines
 * input, gold files, JSON-LD and configuration). */
#ifndef DT_JSON_H
#define DT_JSON_H

#include "util.h"

typedef enum { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_value json_value;
typedef struct json_member {
    const char *key;
    size_t klen;
    json_value *val;
} json_member;

struct json_value {
    json_type type;
    union {
        double num;
        struct { const char *s; size_t len; } str;  /* decoded, NUL-terminated */
        struct { json_value **items; size_t n; } arr;
        struct { json_member *m; size_t n; } obj;
    } u;
};

#define JSON_MAX_DEPTH 128

/* Parse exactly one JSON value (surrounding blanks allowed). Strings are decoded into
 * the arena; invalid UTF-8 inside strings is replaced by U+FFFD. On error returns
 * DT_EPARSE with *err_off the byte offset and *err_msg a static description. */
int json_parse(arena *a, const char *s, size_t n, json_value **out, size_t *err_off,
               const char **err_msg);

/* Member of an object by key (NULL if absent or not an object). */
json_value *json_get(const json_value *obj, const char *key);
/* The string of a member, or NULL when absent or not a string. */
const char *json_get_str(const json_value *obj, const char *key, size_t *len);

#endif
