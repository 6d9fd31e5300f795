/* validate_petrarch.c — PETRARCH's PETR.UnitTest.records.xml (libxml2). */
#include "validate.h"

int validate_petrarch(const char *path, const char *text, size_t len, const char *const *specs,
                      size_t nspecs, vrun *v, dt_error *err)
{
    (void)text;
    (void)len;
    (void)specs;
    (void)nspecs;
    (void)v;
    err_set(err, DT_EFORMAT, path, 0, 0, "PETRARCH suites are not supported yet");
    return DT_EFORMAT;
}
