/* arena.c — bump allocation for per-document and per-dictionary data, freed in one call. */
#include "util.h"

#include <stdlib.h>

struct arena_block {
    arena_block *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a, size_t block_size)
{
    a->head = NULL;
    a->next = a->end = NULL;
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
    return b;
}

/* The inline arena_alloc (util.h) has found no room for n in the head block, or n is 0 or
 * too large to round: start a new block. The free part of the old block is left unused. */
void *arena_alloc_slow(arena *a, size_t n)
{
    if (n > SIZE_MAX - 15)
        return NULL; /* (would wrap when rounded) */
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    if (a->head && (size_t)((uintptr_t)a->end - (uintptr_t)a->next) >= n) {
        /* Only for n == 0, which the inline path does not take. */
        void *p = a->next;
        a->next += n;
        return p;
    }
    size_t size = a->block_size;
    /* Grow geometrically so a large arena needs few blocks. */
    if (a->total >= size)
        size = DT_MIN(a->total, (size_t)64 << 20);
    if (size < n)
        size = n;
    arena_block *nb = block_new(size);
    if (!nb)
        return NULL;
    nb->next = a->head;
    a->head = nb;
    a->total += size;
    a->next = nb->data + n;
    a->end = nb->data + size;
    return nb->data;
}

void *arena_zalloc(arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
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
    a->next = b->data;
    a->end = b->data + b->size;
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
    a->next = a->end = NULL;
    a->total = 0;
}
