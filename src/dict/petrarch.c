/* petrarch.c — reader for PETRARCH-2 dictionaries (CAMEO.2.0 verbs, Phoenix actors, agents,
 * discards, issues) and PETR_config.ini. */
#include "dict.h"

int petrarch_load(dt_dict *d, const char *spec, dt_diag_fn diag, void *user, dt_error *err)
{
    (void)d;
    (void)diag;
    (void)user;
    err_set(err, DT_EFORMAT, spec, 0, 0, "PETRARCH dictionaries are not supported yet");
    return DT_EFORMAT;
}
