/* lib.c — shared libraries opened at first use (libcurl for URLs, libxml2 for XML and
 * HTML): linked, they and what they bring cost every run of the program at start
 * (docs/performance.md, "Process start"). */
#define _GNU_SOURCE /* (secure_getenv) */
#include "util.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *lib_open(const char *env, const char *file, const char *need, char *problem, size_t cap)
{
    /* (not taken from the environment of a set-user-ID program) */
    const char *name = secure_getenv(env);
    if (!name || !*name)
        name = file;
    void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(problem, cap, "%s: %s", need, e ? e : name);
    }
    return lib;
}

const char *lib_find(void *lib, const char *const *names, void **const *slots, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(*slots[i] = dlsym(lib, names[i])))
            return names[i];
    return NULL;
}
