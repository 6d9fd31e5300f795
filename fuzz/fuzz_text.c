/* fuzz_text.c — normalisation, tokenizer and sentence splitter on arbitrary bytes. */
#include "../src/text/text.h"

#include <stdlib.h>

static void on_sentence(void *user, size_t start, size_t len)
{
    size_t *total = user;
    *total += start + len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t total = 0;
    dt_split_sentences((const char *)data, size, on_sentence, &total);
    buf norm, keys;
    buf_init(&norm, 1 << 22);
    buf_init(&keys, 1 << 22);
    text_normalize((const char *)data, size, &norm);
    tok *t = NULL;
    size_t cap = 0;
    if (norm.data)
        (void)tokenize(norm.data, norm.len, &t, &cap, &keys, 400);
    free(t);
    buf_free(&norm);
    buf_free(&keys);
    return 0;
}
