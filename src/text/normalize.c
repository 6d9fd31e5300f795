/* normalize.c — turn arbitrary bytes into clean, single-spaced UTF-8 for coding. */
#include "text.h"

size_t text_normalize(const char *in, size_t n, buf *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t bad = 0;
    bool pending_space = false;
    bool any = false;
    /* The output is never longer than 3 bytes per input byte (a folded "..."), so the
     * plain-ASCII path writes without bounds checks into this reservation. */
    if (buf_reserve(out, 3 * n + 4))
        return bad;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            if (c <= 0x20 || c == 0x7F) {
                pending_space = any;
                continue;
            }
            if (pending_space) {
                out->data[out->len++] = ' ';
                pending_space = false;
            }
            out->data[out->len++] = (char)c;
            any = true;
            continue;
        }
        uint32_t cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (!l) {
            bad++;
            i++;
            pending_space = any;
            continue;
        }
        i += l;
        /* Typography becomes ASCII; letters keep their accents in the display text. */
        const char *f = NULL;
        if (cp >= 0x2000 || cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xAD || cp == 0x85 ||
            cp == 0x2BC || cp == 0x2BB || cp == 0xB4 || cp == 0xB7)
            f = utf8_fold(cp);
        if (cp >= 0x80 && cp < 0xA0) /* C1 controls */
            f = " ";
        if (f) {
            if (f[0] == ' ' && f[1] == 0) {
                pending_space = any;
                continue;
            }
            if (!f[0])
                continue;
            if (pending_space) {
                buf_putc(out, ' ');
                pending_space = false;
            }
            buf_puts(out, f);
            any = true;
            continue;
        }
        if (pending_space) {
            buf_putc(out, ' ');
            pending_space = false;
        }
        buf_append(out, s + i - l, l);
        any = true;
    }
    out->data[out->len] = 0;
    return bad;
}

int text_fold_key(const char *in, size_t n, buf *keys)
{
    const unsigned char *s = (const unsigned char *)in;
    int rc = buf_reserve(keys, n + 8);
    if (rc)
        return rc;
    /* Fast path: plain ASCII. */
    {
        char *o = keys->data + keys->len;
        size_t i = 0;
        for (; i < n && s[i] < 0x80; i++)
            o[i] = (char)to_upper(s[i]);
        if (i == n) {
            keys->len += n;
            keys->data[keys->len] = 0;
            return 0;
        }
    }
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            keys->data[keys->len++] = (char)to_upper(c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (!l) {
            i++;
            continue;
        }
        const char *f = utf8_fold(cp);
        if (f) {
            for (; *f; f++) {
                if ((rc = buf_putc(keys, (char)to_upper((unsigned char)*f))))
                    return rc;
            }
        } else if ((rc = buf_append(keys, s + i, l))) {
            return rc;
        }
        i += l;
    }
    keys->data[keys->len] = 0;
    return 0;
}

bool text_is_function_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "a", "an", "am", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me",
        "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "un", "la", "le", "de", "el",
        "al", "may", "can", "will", "aid", "who", "all", "and", "are", "but", "for", "has", "had",
        "her", "him", "his", "its", "not", "our", "the", "was", "you", "end", "act", "man", "pm",
        "ok", "oh", "hi", "ad", "id", "im", "arm", "cut", "war", "win", "gap", "fed", "sun",
        "new", "one", "two", "run", "set", "met", "led", "won", "bar", "ban", "law", "age"};
    for (size_t i = 0; i < DT_ARRAY_LEN(words); i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

uint64_t dt_text_hash(const char *text, size_t len)
{
    /* Fold to letters and digits only, upper case, single blanks between words. */
    buf key;
    buf_init(&key, 0);
    if (text_fold_key(text, len, &key) || !key.data) {
        buf_free(&key);
        return hash_bytes(text, len);
    }
    size_t o = 0;
    bool gap = false;
    for (size_t i = 0; i < key.len; i++) {
        unsigned char c = (unsigned char)key.data[i];
        if (is_alnum(c) || c >= 0x80) {
            if (gap && o)
                key.data[o++] = ' ';
            key.data[o++] = (char)c;
            gap = false;
        } else {
            gap = true;
        }
    }
    uint64_t h = hash_bytes(key.data, o);
    buf_free(&key);
    return h;
}
