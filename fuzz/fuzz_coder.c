/* fuzz_coder.c — the coder on arbitrary text with the small test dictionary. */
#include "detente.h"

#include <stdint.h>
#include <stdlib.h>

static dt_dict *dict;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dict) {
        const char *spec[] = {getenv("DETENTE_FUZZ_DICT") ? getenv("DETENTE_FUZZ_DICT") : "tests/data/mini.dict"};
        if (dt_dict_load(&dict, spec, 1, NULL, NULL, NULL))
            abort();
    }
    dt_coder *c;
    if (dt_coder_new(&c, dict, NULL))
        return 0;
    if (dt_coder_begin_doc(c, "2018-06-12") == 0)
        (void)dt_coder_code(c, (const char *)data, size, 0);
    dt_coder_free(c);
    return 0;
}
