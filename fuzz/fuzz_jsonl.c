/* fuzz_jsonl.c — the JSON Lines reader (and so the JSON parser) on arbitrary bytes. */
#include "detente.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dt_reader *r;
    dt_reader_opts o = {0};
    o.format = "jsonl";
    o.max_record = 1 << 16;
    if (dt_reader_open_mem(&r, "fuzz", data, size, &o, NULL))
        return 0;
    dt_doc doc;
    while (dt_reader_next(r, &doc, NULL, NULL) == 1)
        ;
    dt_reader_close(r);
    return 0;
}
