/* xmllib.c — libxml2 found at run time (xmllib.h says why). */
#define XML_LIB_NO_NAMES
#include "xmllib.h"

#include "../util/util.h"

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
#define XML_LIB_NAME(fn) #fn,
#define XML_LIB_SLOT(fn) (void **)(void *)&xml_fn.fn,
    static const char *const names[] = {XML_LIB_FUNCTIONS(XML_LIB_NAME) "xmlFree"};
    void **const slots[] = {XML_LIB_FUNCTIONS(XML_LIB_SLOT)(void **)(void *)&xml_fn.free_fn};
#undef XML_LIB_NAME
#undef XML_LIB_SLOT
    const char *missing = lib_find(lib, names, slots, DT_ARRAY_LEN(names));
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
