/* str.c — small string and file helpers (slices, numbers, whole-file reads). */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

size_t str_join(char *out, size_t cap, const char *a, size_t alen, const char *b)
{
    size_t n = 0;
    for (size_t i = 0; i < alen && a[i] && n + 1 < cap; i++)
        out[n++] = a[i];
    for (; *b && n + 1 < cap; b++)
        out[n++] = *b;
    out[n] = 0;
    return n;
}

bool str_ieq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n; i++) {
        if (!w[i] || to_lower((unsigned char)s[i]) != to_lower((unsigned char)w[i]))
            return false;
    }
    return w[i] == 0;
}

dt_slice str_trim(const char *s, size_t n)
{
    while (n && is_space((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && is_space((unsigned char)s[n - 1]))
        n--;
    return (dt_slice){s, n};
}

bool str_to_long(const char *s, size_t n, long *out)
{
    char tmp[32];
    if (n == 0 || n >= sizeof(tmp))
        return false;
    memcpy(tmp, s, n);
    tmp[n] = 0;
    char *end;
    errno = 0;
    long v = strtol(tmp, &end, 10);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

bool str_to_double(const char *s, size_t n, double *out)
{
    char tmp[64];
    if (n == 0 || n >= sizeof(tmp))
        return false;
    memcpy(tmp, s, n);
    tmp[n] = 0;
    char *end;
    errno = 0;
    double v = strtod(tmp, &end);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

int file_read_all(const char *path, size_t limit, char **data, size_t *len, dt_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(err, errno == ENOENT ? DT_ENOTFOUND : DT_EIO, path, 0, 0, "cannot open: %s",
                strerror(errno));
        return errno == ENOENT ? DT_ENOTFOUND : DT_EIO;
    }
    buf b;
    buf_init(&b, limit);
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0)
        (void)buf_reserve(&b, (size_t)st.st_size);
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if ((rc = buf_append(&b, chunk, n)))
            break;
    }
    if (!rc && ferror(f))
        rc = DT_EIO;
    fclose(f);
    if (rc) {
        err_set(err, rc, path, 0, 0, rc == DT_ELIMIT ? "file larger than %zu bytes" : "read failed",
                limit);
        buf_free(&b);
        return rc;
    }
    if (!b.data && buf_reserve(&b, 1) == 0)
        b.data[0] = 0;
    *data = b.data;
    *len = b.len;
    return 0;
}

int64_t vec_push_grow(void **arr, size_t *n, size_t *cap, size_t size, const void *item)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = realloc(*arr, nc * size);
        if (!p)
            return -1;
        *arr = p;
        *cap = nc;
    }
    memcpy((char *)*arr + *n * size, item, size);
    return (int64_t)(*n)++;
}
