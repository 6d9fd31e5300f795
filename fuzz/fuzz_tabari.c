/* fuzz_tabari.c — the TABARI dictionary readers on arbitrary text (the first byte picks
 * .actors, .verbs, .agents or .options), then TABARI coding of the input as a sentence. */
#include "../src/dict/compat.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const kinds[] = {"actors", "verbs", "agents", "options"};
    if (size < 1)
        return 0;
    dt_dict *d = calloc(1, sizeof(*d));
    if (!d || dict_init(d)) {
        free(d);
        return 0;
    }
    const char *text = (const char *)data + 1;
    if (tabari_load_text(d, kinds[data[0] % 4], "fuzz", text, size - 1, NULL, NULL) != DT_ENOMEM &&
        dict_compile(d) == 0) {
        dt_coder *c;
        if (dt_coder_new(&c, d, NULL) == 0) {
            static const char s[] = "North Korea's military fired a missile over Japan, officials said, and China "
                                    "condemned it.";
            if (dt_coder_begin_doc(c, "2017-08-29") == 0) {
                (void)dt_coder_code(c, s, sizeof(s) - 1, 1);
                (void)dt_coder_code(c, text, size - 1, 1);
            }
            dt_coder_free(c);
        }
    }
    dt_dict_free(d);
    return 0;
}
