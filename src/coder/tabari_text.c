/* tabari_text.c — TABARI's input filtering (upper case, accents removed, hyphens and
 * '?' '!' as blanks, end-of-sentence periods dropped, commas and quotes as words, commas
 * inside numbers removed, ';' as ',', comments skipped) and the word lookup cache (exact
 * words, regular noun and verb endings, stems). */
#include "tabari.h"

#include "../dict/compat.h"

#include <stdlib.h>

/* ---------------------------------------------------------------- lookup cache */

void tb_lex_free(tb_lex *lx)
{
    arena_free(&lx->keys);
    free(lx->slots);
    free(lx->pool);
    memset(lx, 0, sizeof(*lx));
}

static int pool_add(tb_lex *lx, uint32_t first, uint32_t w)
{
    for (size_t i = first; i < lx->npool; i++)
        if (lx->pool[i] == w)
            return 0;
    return vec_push((void **)&lx->pool, &lx->npool, &lx->cappool, sizeof(w), &w) < 0 ? DT_ENOMEM : 0;
}

static int try_word(tb_lex *lx, const dt_dict *d, uint32_t first, const char *k, size_t n, int mode)
{
    if (n == 0)
        return 0;
    int32_t w = compat_word_find(d, k, n, mode);
    return w >= 0 ? pool_add(lx, first, (uint32_t)w) : 0;
}

static bool ends(const char *w, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n > l && memcmp(w + n - l, suf, l) == 0;
}

/* Every dictionary word a text word matches (TABARI 5.2.2-5.2.3). */
static int compute(tb_lex *lx, const dt_dict *d, const char *w, size_t n, uint32_t first)
{
    int rc;
    if ((rc = try_word(lx, d, first, w, n, CM_EXACT)) || (rc = try_word(lx, d, first, w, n, CM_NOUN)) ||
        (rc = try_word(lx, d, first, w, n, CM_VERB)) || (rc = try_word(lx, d, first, w, n, CM_WORD)))
        return rc;
    static const char *const noun_end[] = {"S", "ES", "'S", "S'", "'"};
    for (size_t i = 0; i < DT_ARRAY_LEN(noun_end); i++)
        if (ends(w, n, noun_end[i]) && ((rc = try_word(lx, d, first, w, n - strlen(noun_end[i]), CM_NOUN)) ||
                                        (rc = try_word(lx, d, first, w, n - strlen(noun_end[i]), CM_WORD))))
            return rc;
    static const char *const verb_end[] = {"S", "ES", "ED", "EN", "ING"};
    for (size_t i = 0; i < DT_ARRAY_LEN(verb_end); i++)
        if (ends(w, n, verb_end[i]) && ((rc = try_word(lx, d, first, w, n - strlen(verb_end[i]), CM_VERB)) ||
                                        (rc = try_word(lx, d, first, w, n - strlen(verb_end[i]), CM_WORD))))
            return rc;
    /* Roots that end in E: DEPLORE -> DEPLORED, GIVE -> GIVEN, MAKE -> MAKING. */
    if ((ends(w, n, "D") || ends(w, n, "N")) && n > 2 && w[n - 2] == 'E' &&
        ((rc = try_word(lx, d, first, w, n - 1, CM_VERB)) || (rc = try_word(lx, d, first, w, n - 1, CM_WORD))))
        return rc;
    if (ends(w, n, "ING") && n > 4 && n < 128) {
        char tmp[130];
        memcpy(tmp, w, n - 3);
        tmp[n - 3] = 'E';
        if ((rc = try_word(lx, d, first, tmp, n - 2, CM_VERB)) || (rc = try_word(lx, d, first, tmp, n - 2, CM_WORD)))
            return rc;
    }
    size_t maxl = DT_MIN(n, d->max_word_len);
    for (size_t l = 1; l <= maxl; l++)
        if ((rc = try_word(lx, d, first, w, l, CM_STEM)))
            return rc;
    return 0;
}

static int lookup(tb_lex *lx, const dt_dict *d, const char *w, size_t n, const uint32_t **match,
                  uint16_t *nmatch)
{
    uint64_t h = hash_bytes(w, n);
    if (lx->cap) {
        size_t mask = lx->cap - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            struct tb_slot *s = &lx->slots[i];
            if (!s->key)
                break;
            if (s->hash == h && s->len == n && memcmp(s->key, w, n) == 0) {
                *match = s->n ? lx->pool + s->first : NULL;
                *nmatch = (uint16_t)s->n;
                return 0;
            }
        }
    }
    /* Keep the cache bounded on long runs. */
    if (lx->count > (1u << 20)) {
        arena_reset(&lx->keys);
        memset(lx->slots, 0, lx->cap * sizeof(*lx->slots));
        lx->count = 0;
        lx->npool = 0;
    }
    if ((lx->count + 1) * 2 > lx->cap) {
        size_t nc = lx->cap ? lx->cap * 2 : 4096;
        struct tb_slot *ns = calloc(nc, sizeof(*ns));
        if (!ns)
            return DT_ENOMEM;
        for (size_t i = 0; i < lx->cap; i++) {
            if (!lx->slots[i].key)
                continue;
            size_t j = lx->slots[i].hash & (nc - 1);
            while (ns[j].key)
                j = (j + 1) & (nc - 1);
            ns[j] = lx->slots[i];
        }
        free(lx->slots);
        lx->slots = ns;
        lx->cap = nc;
    }
    uint32_t first = (uint32_t)lx->npool;
    int rc = compute(lx, d, w, n, first);
    if (rc)
        return rc;
    char *k = arena_strndup(&lx->keys, w, n);
    if (!k)
        return DT_ENOMEM;
    size_t j = h & (lx->cap - 1);
    while (lx->slots[j].key)
        j = (j + 1) & (lx->cap - 1);
    lx->slots[j] = (struct tb_slot){k, (uint32_t)n, first, (uint32_t)(lx->npool - first), h};
    lx->count++;
    *match = lx->npool > first ? lx->pool + first : NULL;
    *nmatch = (uint16_t)(lx->npool - first);
    return 0;
}

/* ---------------------------------------------------------------- filtering */

static bool word_is(const char *w, size_t n, const char *list)
{
    /* list: blank-separated upper-case words */
    const char *p = list;
    while (*p) {
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if ((size_t)(e - p) == n && memcmp(p, w, n) == 0)
            return true;
        p = *e ? e + 1 : e;
    }
    return false;
}

static uint16_t closed_flags(const char *w, size_t n)
{
    uint16_t f = 0;
    if (n > 6 || (n && !is_upper((unsigned char)w[0]))) /* longer than every listed word */
        goto other;
    if (word_is(w, n, "THE A AN"))
        f |= TW_DET;
    if (word_is(w, n, "AND BUT OR NOR"))
        f |= TW_CONJ;
    if (word_is(w, n, "HE SHE IT HIM HER"))
        f |= TW_PRON;
    if (word_is(w, n, "THEY THEM THEIR"))
        f |= TW_PRON | TW_PRON_PL;
    if (word_is(w, n, "WAS WERE BEEN"))
        f |= TW_AUX;
    if (word_is(w, n, "BY"))
        f |= TW_BY;
    if (word_is(w, n, "IN OF"))
        f |= TW_PREP;
    if (word_is(w, n, "FROM"))
        f |= TW_FROM;
    if (word_is(w, n, "FORMER"))
        f |= TW_FORMER;
other:
    if (n == 1 && w[0] == ',')
        f |= TW_COMMA;
    if (n == 1 && w[0] == '"')
        f |= TW_QUOTE;
    if (n && is_digit((unsigned char)w[0]))
        f |= TW_NUMBER;
    return f;
}

int tb_filter(tb_state *s, const dt_dict *d, const char *text, size_t n)
{
    buf *out = &s->text;
    buf_clear(out);
    /* 1. characters: comments out, ASCII approximations, TABARI's punctuation rules. Words
     *    are separated by blanks; a word's first byte is '\x01' when it was capitalised. */
    buf pre = s->pre; /* reused from sentence to sentence */
    buf_clear(&pre);
    bool lower_seen = false;
    size_t i = 0;
    char prev = ' ';
    while (i < n) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '/' && i + 1 < n && text[i + 1] == '*') {
            size_t j = i + 2;
            while (j + 1 < n && !(text[j] == '*' && text[j + 1] == '/'))
                j++;
            i = j + 1 < n ? j + 2 : n;
            buf_putc(&pre, ' ');
            prev = ' ';
            continue;
        }
        if (ch == '\\' && i + 1 < n && (text[i + 1] == 'n' || text[i + 1] == 'N')) {
            i += 2;
            buf_putc(&pre, ' ');
            prev = ' ';
            continue;
        }
        char tmp[8];
        const char *rep = NULL;
        size_t adv = 1;
        if (ch >= 0x80) {
            uint32_t cp;
            adv = utf8_decode((const unsigned char *)text + i, n - i, &cp);
            if (!adv) {
                adv = 1;
                rep = " ";
            } else {
                rep = utf8_fold(cp);
                if (!rep)
                    rep = " ";
            }
        } else {
            tmp[0] = (char)ch;
            tmp[1] = 0;
            rep = tmp;
        }
        i += adv;
        for (const char *r = rep; *r; r++) {
            char c = *r;
            if (is_lower((unsigned char)c))
                lower_seen = true;
            if (c == '.' && is_lower((unsigned char)prev))
                c = ' ';
            else if (c == '?' || c == '!' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r' ||
                     c == '\f' || c == '\v' || c == 0)
                c = ' ';
            if (c == ';')
                c = ',';
            if (c == ',') {
                /* Commas inside numbers go: 1,500 -> 1500. */
                bool in_number = is_digit((unsigned char)prev) && i < n && is_digit((unsigned char)text[i]);
                if (in_number)
                    continue;
                buf_append(&pre, " , ", 3);
                prev = ' ';
                continue;
            }
            if (c == '"') {
                buf_append(&pre, " \" ", 3);
                prev = ' ';
                continue;
            }
            if (c != ' ' && prev == ' ' && is_upper((unsigned char)c))
                buf_putc(&pre, '\x01');
            buf_putc(&pre, c);
            prev = c;
        }
    }
    s->all_caps = !lower_seen;
    /* 2. words */
    s->nt = 0;
    size_t p = 0;
    int rc = 0;
    while (p < pre.len && s->nt < 127) {
        while (p < pre.len && pre.data[p] == ' ')
            p++;
        if (p >= pre.len)
            break;
        size_t st = p;
        while (p < pre.len && pre.data[p] != ' ')
            p++;
        bool cap = pre.data[st] == '\x01';
        if (cap)
            st++;
        size_t wl = p - st;
        const char *w = pre.data + st;
        /* All-capital text keeps its periods: drop a final one after a word. */
        if (s->all_caps && wl > 2 && w[wl - 1] == '.' && memchr(w, '.', wl - 1) == NULL)
            wl--;
        while (wl > 0 && s->nt < 127) {
            /* TABARI splits words longer than 63 characters; PETRARCH's dictionaries are
             * written for TreeBank words, where "didn't" is "did n't". */
            size_t take = DT_MIN(wl, (size_t)62);
            if (s->opt.petrarch && take == wl && wl > 3 && (w[wl - 3] == 'n' || w[wl - 3] == 'N') &&
                w[wl - 2] == '\'' && (w[wl - 1] == 't' || w[wl - 1] == 'T'))
                take = wl - 3;
            size_t off = out->len;
            for (size_t k = 0; k < take; k++)
                buf_putc(out, (char)to_upper((unsigned char)w[k]));
            buf_putc(out, 0);
            if (out->failed) {
                rc = DT_ELIMIT;
                break;
            }
            tb_tok *t = &s->t[s->nt];
            memset(t, 0, sizeof(*t));
            t->s = (const char *)(uintptr_t)off; /* fixed below: the buffer may move */
            t->len = (uint16_t)take;
            t->cap = cap && !s->all_caps;
            t->unit = t->part_of = t->actor = -1;
            s->nt++;
            w += take;
            wl -= take;
            cap = false;
        }
        if (rc)
            break;
    }
    s->pre = pre;
    if (rc)
        return rc;
    for (int k = 0; k < s->nt; k++) {
        tb_tok *t = &s->t[k];
        t->s = out->data + (uintptr_t)t->s;
        t->wflags = closed_flags(t->s, t->len);
        rc = lookup(&s->lex, d, t->s, t->len, &t->match, &t->nmatch);
        if (rc)
            return rc;
    }
    /* The pool may have moved while later words were looked up: fetch again. */
    for (int k = 0; k < s->nt; k++) {
        tb_tok *t = &s->t[k];
        rc = lookup(&s->lex, d, t->s, t->len, &t->match, &t->nmatch);
        if (rc)
            return rc;
    }
    return 0;
}
