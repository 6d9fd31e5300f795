/* tabari.c — reader for TABARI dictionaries (.project, .actors, .verbs, .agents, .options). */
#include "dict.h"

int tabari_load(dt_dict *d, const char *spec, dt_diag_fn diag, void *user, dt_error *err)
{
    (void)d;
    (void)diag;
    (void)user;
    err_set(err, DT_EFORMAT, spec, 0, 0, "TABARI dictionaries are not supported yet");
    return DT_EFORMAT;
}
