/* fuzz_petrarch.c — the PETRARCH-2 dictionary readers on arbitrary text (the first byte
 * picks verbs, actors, agents, discards or issues), then coding with what was read. */
#include "../src/dict/compat.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const kinds[] = {"verbs", "actors", "agents", "discards", "issues"};
    if (size < 1)
        return 0;
    dt_dict *d = calloc(1, sizeof(*d));
    if (!d || dict_init(d)) {
        free(d);
        return 0;
    }
    const char *text = (const char *)data + 1;
    if (petrarch_load_text(d, kinds[data[0] % 5], "fuzz", text, size - 1, NULL, NULL) != DT_ENOMEM &&
        dict_compile(d) == 0) {
        dt_coder *c;
        if (dt_coder_new(&c, d, NULL) == 0) {
            static const char s[] = "The Israeli police didn't arrest three protesters in the West Bank, the "
                                    "army said.";
            if (dt_coder_begin_doc(c, "2015-06-01") == 0) {
                (void)dt_coder_code(c, s, sizeof(s) - 1, 1);
                (void)dt_coder_code(c, text, size - 1, 1);
            }
            dt_coder_free(c);
        }
    }
    dt_dict_free(d);
    return 0;
}
