/* fuzz_dict.c — the native dictionary reader on arbitrary text, then a coding pass with
 * whatever it built. */
#include "../src/dict/dict.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dt_dict *d = calloc(1, sizeof(*d));
    if (!d || dict_init(d)) {
        free(d);
        return 0;
    }
    if (native_load_text(d, "fuzz.dict", (const char *)data, size, NULL, NULL) == 0 && dict_compile(d) == 0) {
        dt_coder *c;
        if (dt_coder_new(&c, d, NULL) == 0) {
            static const char text[] = "North Korea fired a missile over Japan and the two leaders met.";
            if (dt_coder_begin_doc(c, "2017-08-29") == 0)
                (void)dt_coder_code(c, text, sizeof(text) - 1, 0);
            dt_coder_free(c);
        }
    }
    dt_dict_free(d);
    return 0;
}
