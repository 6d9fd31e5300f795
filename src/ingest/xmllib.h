/* xmllib.h — libxml2, opened with dlopen at first use instead of linked, like libcurl in
 * fetch.c: linked, it and the ICU libraries it brings cost every run of the program about
 * 3 ms at start, reading XML or HTML or not (docs/performance.md, "Process start").
 *
 * Include this instead of the libxml2 headers, and include no libxml2 header after it: the
 * libxml2 names the code calls stand for the functions found in the library, typed from
 * the library's own declarations. Call xml_lib_open() (ingest.h) before the first of them
 * (each reader's entry point does). */
#ifndef DT_XMLLIB_H
#define DT_XMLLIB_H

#include "ingest.h" /* (xml_lib_open, xml_lib_problem) */

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

/* (one field per function the project calls, and the address of libxml2's xmlFree) */
#define XML_LIB_FUNCTIONS(X)                                                                   \
    X(xmlReadMemory) X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlGetProp) X(xmlNodeGetContent) \
    X(xmlGetLineNo) X(xmlBufferCreate) X(xmlBufferFree) X(xmlBufferContent)                   \
    X(xmlBufferLength) X(xmlNodeDump) X(xmlStrcasecmp) X(xmlSwitchEncoding)                   \
    X(htmlCreateMemoryParserCtxt) X(htmlCtxtUseOptions) X(htmlParseDocument)                  \
    X(htmlFreeParserCtxt)

#define XML_LIB_FIELD(name) __typeof__(name) *name;
typedef struct xml_lib {
    XML_LIB_FUNCTIONS(XML_LIB_FIELD)
    __typeof__(xmlFree) *free_fn;
} xml_lib;
#undef XML_LIB_FIELD

extern xml_lib xml_fn;

#ifndef XML_LIB_NO_NAMES
#define xmlReadMemory (xml_fn.xmlReadMemory)
#define xmlDocGetRootElement (xml_fn.xmlDocGetRootElement)
#define xmlFreeDoc (xml_fn.xmlFreeDoc)
#define xmlGetProp (xml_fn.xmlGetProp)
#define xmlNodeGetContent (xml_fn.xmlNodeGetContent)
#define xmlGetLineNo (xml_fn.xmlGetLineNo)
#define xmlBufferCreate (xml_fn.xmlBufferCreate)
#define xmlBufferFree (xml_fn.xmlBufferFree)
#define xmlBufferContent (xml_fn.xmlBufferContent)
#define xmlBufferLength (xml_fn.xmlBufferLength)
#define xmlNodeDump (xml_fn.xmlNodeDump)
#define xmlStrcasecmp (xml_fn.xmlStrcasecmp)
#define xmlSwitchEncoding (xml_fn.xmlSwitchEncoding)
#define htmlCreateMemoryParserCtxt (xml_fn.htmlCreateMemoryParserCtxt)
#define htmlCtxtUseOptions (xml_fn.htmlCtxtUseOptions)
#define htmlParseDocument (xml_fn.htmlParseDocument)
#define htmlFreeParserCtxt (xml_fn.htmlFreeParserCtxt)
#undef xmlFree
#define xmlFree (*xml_fn.free_fn)
#endif

#endif
