/* read_gz.h — a whole file, gunzipped when it is gzip (zlib reads plain files as they
 * are), for the benchmark programs. NULL when it cannot be opened; free() the result. */
#ifndef DETENTE_BENCH_READ_GZ_H
#define DETENTE_BENCH_READ_GZ_H

#include "../src/util/util.h"

#include <stdlib.h>
#include <zlib.h>

static char *read_gz(const char *path, size_t *len)
{
    gzFile g = gzopen(path, "rb");
    if (!g)
        return NULL;
    buf b;
    buf_init(&b, 0);
    char chunk[65536];
    int n;
    while ((n = gzread(g, chunk, sizeof(chunk))) > 0)
        if (buf_append(&b, chunk, (size_t)n))
            break;
    gzclose(g);
    *len = b.len;
    return b.data ? b.data : calloc(1, 1);
}

#endif
