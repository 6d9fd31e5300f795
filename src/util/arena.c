/* arena.c — bump allocation for per-document and per-dictionary data, freed in one call. */
#include "util.h"

#include <stdlib.h>

struct arena_block {
    arena_block *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

static arena_block *block_new(size_t size)
{
    arena_block *b = malloc(sizeof(*b) + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *arena_alloc(arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    arena_block *b = a->head;
    if (DT_UNLIKELY(!b || b->size - b->used < n)) {
        size_t size = a->block_size;
        /* Grow geometrically so a large arena needs few blocks. */
        if (a->total >= size)
            size = DT_MIN(a->total, (size_t)64 << 20);
        if (size < n)
            size = n;
        arena_block *nb = block_new(size);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        a->total += size;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void *arena_zalloc(arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = 0;
    return p;
}

void arena_reset(arena *a)
{
    arena_block *b = a->head;
    if (!b)
        return;
    /* Keep the most recent (largest) block; free the rest. */
    arena_block *rest = b->next;
    while (rest) {
        arena_block *n = rest->next;
        free(rest);
        rest = n;
    }
    b->next = NULL;
    b->used = 0;
    a->total = b->size;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->total = 0;
}
