/* fuzz_validate.c — the validation-suite readers (TABARI Validate.text records and
 * PETRARCH's XML, by the first byte) on arbitrary text, with the test dictionaries
 * (run from the repository root). */
#include "../src/analysis/validate.h"

#include <stdlib.h>

static void quiet(void *user, const dt_error *e)
{
    (void)user;
    (void)e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    buf out;
    buf_init(&out, 1 << 20);
    dt_validate_totals tot = {0};
    vrun v = {0};
    v.out = &out;
    v.tot = &tot;
    v.path = "fuzz";
    v.diag = quiet;
    const char *text = (const char *)data + 1;
    dt_error err;
    if (data[0] & 1) {
        static const char *const spec[] = {"petrarch:tests/data/compat/petr.ini"};
        (void)validate_petrarch("fuzz.xml", text, size - 1, spec, 1, &v, &err);
    } else {
        static const char *const spec[] = {"tabari:tests/data/compat/mini.project"};
        (void)validate_tabari("fuzz.text", text, size - 1, spec, 1, &v, &err);
    }
    vrun_close(&v);
    buf_free(&out);
    return 0;
}
