/* xmllib.c — libxml2 found at run time (xmllib.h says why). */
#define XML_LIB_NO_NAMES
#include "xmllib.h"

#include "../util/util.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

xml_lib xml_fn;

/* (DETENTE_LIBXML2 names another file: how the tests see a machine without libxml2) */
#define XML_LIB "libxml2.so.2"
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static char xml_problem[256]; /* empty once libxml2 is loaded */

static void xml_load(void)
{
    void *lib = lib_open("DETENTE_LIBXML2", XML_LIB, "reading XML and HTML needs libxml2",
                         xml_problem, sizeof xml_problem);
    if (!lib)
        return;
    const char *missing = NULL;
    /* (a function's address out of dlsym's object pointer, as POSIX allows) */
#define XML_LIB_SYM(fn)                                                                        \
    if (!missing && !(*(void **)(void *)&xml_fn.fn = dlsym(lib, #fn)))                         \
        missing = #fn;
    XML_LIB_FUNCTIONS(XML_LIB_SYM)
#undef XML_LIB_SYM
    if (!missing && !(*(void **)(void *)&xml_fn.free_fn = dlsym(lib, "xmlFree")))
        missing = "xmlFree";
    if (missing)
        snprintf(xml_problem, sizeof xml_problem, "the libxml2 found lacks %s, which this "
                 "program needs", missing);
}

int xml_lib_open(void)
{
    pthread_once(&xml_once, xml_load);
    return xml_problem[0] ? DT_ENOLIB : 0;
}

const char *xml_lib_problem(void)
{
    pthread_once(&xml_once, xml_load);
    return xml_problem[0] ? xml_problem : "";
}
