/* fuzz_sniff.c — format sniffing, gzip streams and whichever reader the bytes select on arbitrary bytes. */
#include "detente.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dt_reader *r;
    dt_reader_opts o = {0};
    /* no format: the content is sniffed, so every reader is reachable */
    o.max_record = 1 << 20;
    o.any_language = 1;
    if (dt_reader_open_mem(&r, "fuzz", data, size, &o, NULL))
        return 0;
    dt_doc doc;
    size_t total = 0;
    while (dt_reader_next(r, &doc, NULL, NULL) == 1)
        total += doc.text_len + (doc.title[0] != 0) + (doc.date[0] != 0);
    dt_reader_close(r);
    return total > SIZE_MAX - 1 ? 1 : 0;
}
