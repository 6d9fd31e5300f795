/* lexicon.c — the per-coder token cache: each distinct token string is looked up in the
 * dictionary once (exact word, regular endings, stems, acronyms) and reused after. */
#include "coder.h"

#include <stdlib.h>

void lexicon_init(lexicon *lx)
{
    memset(lx, 0, sizeof(*lx));
    arena_init(&lx->keys, 64 * 1024);
    lx->limit = 1u << 20;
}

void lexicon_free(lexicon *lx)
{
    arena_free(&lx->keys);
    free(lx->slots);
    free(lx->pool);
    free(lx->wf);
    memset(lx, 0, sizeof(*lx));
}

void lexicon_clear(lexicon *lx)
{
    arena_reset(&lx->keys);
    if (lx->slots)
        memset(lx->slots, 0, lx->cap * sizeof(*lx->slots));
    lx->count = 0;
    lx->npool = 0;
    lx->nwf = 0;
}

/* Word w is one more match of lexeme e (its matches are the last ones in the pool). At
 * most 255: the rest are dropped. */
static int add_match(lexicon *lx, lexeme *e, uint32_t w)
{
    if (e->nmatch == UINT8_MAX)
        return 0;
    if (vec_push((void **)&lx->pool, &lx->npool, &lx->cappool, sizeof(w), &w) < 0)
        return DT_ENOMEM;
    e->nmatch++;
    return 0;
}

static bool has_match(const lexicon *lx, const lexeme *e, uint32_t w)
{
    for (uint16_t i = 0; i < e->nmatch; i++)
        if (lx->pool[e->match + i] == w)
            return true;
    return false;
}

/* Try base + ending: the word must allow endings (or be a stem). */
static int try_base(lexicon *lx, lexeme *e, const dt_dict *d, const char *key, size_t n,
                    const char *add)
{
    char tmp[128];
    size_t al = strlen(add);
    if (n + al >= sizeof(tmp) || n == 0)
        return 0;
    memcpy(tmp, key, n);
    memcpy(tmp + n, add, al);
    int32_t w = dict_word_find(d, tmp, n + al);
    if (w < 0)
        return 0;
    uint8_t mode = d->words[w].mode;
    if (mode == WM_EXACT || has_match(lx, e, (uint32_t)w))
        return 0;
    return add_match(lx, e, (uint32_t)w);
}

/* The first step of a walk from a token of this lexeme (coder.h, walk_first): the loop of
 * scan.c's walk() at the root, its results kept. A token with more issues or more nodes
 * to go on from than a walk_first holds gets none (walk() then takes the step itself). */
static int first_step(lexicon *lx, lexeme *e, const dt_dict *d)
{
    walk_first f;
    memset(&f, 0, sizeof(f));
    for (uint16_t k = 0; k < e->nmatch; k++) {
        uint32_t child = dict_step(d, 0, lx->pool[e->match + k]);
        if (!child)
            continue;
        const trie_node *tn = &d->nodes[child];
        bool exact = k == 0 && e->exact;
        bool verbform = k >= e->vfrom;
        for (uint32_t p = 0; p < tn->npayloads; p++) {
            const phrase_payload *pl = node_payload(d, tn, p);
            if (pl->kind == PK_ISSUE) {
                if (f.nissue == WF_ISSUES)
                    return 0;
                f.issue[f.nissue++] = pl->index;
            } else if (pl->kind == PK_DISCARD) {
                f.discard |= pl->form ? 3 : 1;
            }
            int slot = walk_slot(pl, verbform);
            /* (all one word long: the first reading wins, or an exact one over it) */
            if (slot >= 0 && (!f.hit[slot] || (exact && !(f.exact & (1u << slot))))) {
                f.hit[slot] = payload_handle(d, child, p);
                f.hits |= (uint8_t)(1u << slot);
                f.exact = (uint8_t)((f.exact & ~(1u << slot)) | (exact ? 1u << slot : 0));
            }
        }
        if (tn->kids) {
            if (f.nnext == WF_NEXT)
                return 0;
            f.next_exact |= (uint8_t)(exact ? 1u << f.nnext : 0);
            f.next_verbform |= (uint8_t)(verbform ? 1u << f.nnext : 0);
            f.next[f.nnext++] = tn->kids;
            /* (the words of the run of children at tn->kids: dict_kid) */
            const struct trie_kid *kid = &d->kids[tn->kids] + 1;
            for (uint32_t q = 0; q < kid[-1].word; q++)
                f.follow |= follow_bit(kid[q].word);
        }
    }
    if (lx->nwf == lx->capwf) {
        size_t nc = lx->capwf ? lx->capwf * 2 : 1024;
        walk_first *w = aligned_alloc(64, nc * sizeof(*w));
        if (!w)
            return DT_ENOMEM;
        if (lx->nwf)
            memcpy(w, lx->wf, lx->nwf * sizeof(*w));
        free(lx->wf);
        lx->wf = w;
        lx->capwf = nc;
    }
    lx->wf[lx->nwf++] = f;
    e->walk1 = (uint32_t)lx->nwf;
    return 0;
}

static int compute(lexicon *lx, lexeme *e, const dt_dict *d, const char *key, size_t n, bool allcap)
{
    /* One word before the matches: the follow_bit of each of them, or-ed (filled in below,
     * once they are known), which walk_goes_on reads at match[-1] instead of a loop over
     * the matches at every walk. */
    const uint32_t no_follow = 0;
    if (vec_push((void **)&lx->pool, &lx->npool, &lx->cappool, sizeof(no_follow), &no_follow) < 0)
        return DT_ENOMEM;
    e->match = (uint32_t)lx->npool;
    e->nmatch = 0;
    e->exact = 0;
    e->vfrom = 0;
    e->starts = 0;
    e->sets = 0;
    e->walk1 = 0;
    e->flags = 0;
    e->former = 0;
    int rc;
    int32_t w = dict_word_find(d, key, n);
    if (w >= 0) {
        if ((rc = add_match(lx, e, (uint32_t)w)))
            return rc;
        e->exact = 1;
        e->flags = d->words[w].flags;
        e->former = (e->flags & WF_FORMER) != 0;
    }
    if (allcap && n + 1 < 128) {
        char ak[128];
        ak[0] = '\x01';
        memcpy(ak + 1, key, n);
        int32_t a = dict_word_find(d, ak, n + 1);
        if (a >= 0) {
            if ((rc = add_match(lx, e, (uint32_t)a)))
                return rc;
        }
    }
    /* Regular endings: -S -ES -IES -ED -D -EN -ING (TABARI's rule, plus -IES -> -Y). The
     * endings a noun takes (-S -ES -IES -'S) come first; the verb endings after the stems,
     * from `vfrom` on, so that names and agents can refuse them ("spying" is no spy). */
    static const struct { const char *suffix; const char *add; } endings[] = {
        {"S", ""}, {"ES", ""}, {"IES", "Y"}, {"'S", ""}, {"ED", ""}, {"D", ""}, {"EN", ""}, {"ING", ""},
        {"ING", "E"}};
    enum { NOUN_ENDINGS = 4 };
    for (size_t i = 0; i < NOUN_ENDINGS; i++) {
        size_t sl = strlen(endings[i].suffix);
        if (n > sl + 1 && memcmp(key + n - sl, endings[i].suffix, sl) == 0)
            if ((rc = try_base(lx, e, d, key, n - sl, endings[i].add)))
                return rc;
    }
    /* Stems: any prefix that is a stem word. */
    if (d->opt.has_stems) {
        size_t maxl = DT_MIN(n, d->max_word_len);
        for (size_t l = 1; l < n && l <= maxl; l++) {
            int32_t s = dict_word_find(d, key, l);
            if (s >= 0 && d->words[s].mode == WM_STEM && !has_match(lx, e, (uint32_t)s)) {
                if ((rc = add_match(lx, e, (uint32_t)s)))
                    return rc;
            }
        }
        /* The word itself as a stem also matches exactly (already added above). */
    }
    e->vfrom = e->nmatch;
    for (size_t i = NOUN_ENDINGS; i < DT_ARRAY_LEN(endings); i++) {
        size_t sl = strlen(endings[i].suffix);
        if (n > sl + 1 && memcmp(key + n - sl, endings[i].suffix, sl) == 0)
            if ((rc = try_base(lx, e, d, key, n - sl, endings[i].add)))
                return rc;
    }
    /* A doubled final consonant before -ED/-ING: British "cancelled", "labelled",
     * "travelling" (the generated forms follow American spelling). */
    for (size_t i = 0; i < 2; i++) {
        size_t sl = i == 0 ? 2 : 3;
        const char *suf = i == 0 ? "ED" : "ING";
        if (n > sl + 3 && memcmp(key + n - sl, suf, sl) == 0 && key[n - sl - 1] == key[n - sl - 2] &&
            is_upper((unsigned char)key[n - sl - 1]) && !strchr("AEIOUS", key[n - sl - 1])) {
            if ((rc = try_base(lx, e, d, key, n - sl - 1, "")))
                return rc;
            /* ... and the American form itself, which the verb's generated forms hold:
             * "signalled" is "signaled" */
            char am[128];
            if (n < sizeof(am)) {
                memcpy(am, key, n - sl - 1);
                memcpy(am + n - sl - 1, key + n - sl, sl);
                int32_t aw = dict_word_find(d, am, n - 1);
                if (aw >= 0 && !has_match(lx, e, (uint32_t)aw)) {
                    if ((rc = add_match(lx, e, (uint32_t)aw)))
                        return rc;
                }
            }
        }
    }
    uint32_t follow = 0;
    for (uint16_t i = 0; i < e->nmatch; i++)
        follow |= follow_bit(lx->pool[e->match + i]);
    lx->pool[e->match - 1] = follow;
    /* (a phrase the scan records begins here: not only a set member's first word) */
    bool index = d->root_child && d->node_scan && d->word_inner;
    e->starts = index ? 0 : ST_BEGINS | ST_ALONE | ST_INNER;
    for (uint16_t i = 0; i < e->nmatch && index; i++) {
        uint32_t m = lx->pool[e->match + i];
        if (m >= d->nwords)
            continue;
        uint32_t node = d->root_child[m];
        if (node != 0 && d->node_scan[node])
            e->starts |= ST_BEGINS;
        if (d->word_inner[m])
            e->starts |= ST_INNER;
        for (uint32_t p = 0; node && p < d->nodes[node].npayloads; p++) {
            uint8_t k = node_payload(d, &d->nodes[node], p)->kind;
            if (k != PK_SETMEMBER && k != PK_TIME)
                e->starts |= ST_ALONE;
        }
    }
    if ((e->starts & ST_BEGINS) && !lx->no_first_steps && (rc = first_step(lx, e, d)))
        return rc;
    if (!d->set_by_word_start) {
        e->sets = 1; /* no index: every token may begin a member */
        return 0;
    }
    /* After the matches, the sets whose members they begin (match_sentence_has_set reads
     * them from the token, not from the dictionary): up to LEX_SET_BITS sets, as a bit
     * mask of LEX_SET_BITS / 32 words, which a sentence's tokens are or-ed from without a
     * loop per set; more, as a count and then the sets. */
    const bool as_mask = d->nsets <= LEX_SET_BITS;
    uint32_t mask[LEX_SET_BITS / 32] = {0};
    size_t at = lx->npool;
    uint32_t count = 0;
    if (!as_mask && vec_push((void **)&lx->pool, &lx->npool, &lx->cappool, sizeof(count), &count) < 0)
        return DT_ENOMEM;
    for (uint16_t i = 0; i < e->nmatch; i++) {
        uint32_t m = lx->pool[e->match + i];
        if (m >= d->nwords)
            continue;
        for (uint32_t k = d->set_by_word_start[m]; k < d->set_by_word_start[m + 1]; k++) {
            uint32_t set = d->set_by_word[k];
            count++;
            if (as_mask) {
                mask[set / 32] |= 1u << (set % 32);
                continue;
            }
            bool have = false;
            for (size_t j = at + 1; j < lx->npool && !have; j++)
                have = lx->pool[j] == set;
            if (!have && vec_push((void **)&lx->pool, &lx->npool, &lx->cappool, sizeof(set), &set) < 0)
                return DT_ENOMEM;
        }
    }
    if (as_mask) {
        e->sets = count != 0;
        for (size_t q = 0; count && q < DT_ARRAY_LEN(mask); q++)
            if (vec_push((void **)&lx->pool, &lx->npool, &lx->cappool, sizeof(mask[q]), &mask[q]) < 0)
                return DT_ENOMEM;
        return 0;
    }
    lx->pool[at] = (uint32_t)(lx->npool - at - 1);
    e->sets = lx->pool[at] != 0;
    return 0;
}


/* The slot hash of the key slot s holds (the table's growth places its keys again). */
static uint64_t slot_rehash(const struct lex_slot *s)
{
    bool allcap = s->lex.key_tag & 0x80;
    size_t n = s->lex.key_tag & 0x7f;
    if (n <= LEX_INLINE + 1)
        return lex_slot_hash(text_key_hash(s->key.in, n - 1), allcap);
    return lex_slot_hash(text_key_hash(s->key.out.p, s->key.out.n), allcap);
}

/* A table of twice the slots (the first one: 8,192), the keys placed again. */
static int grow(lexicon *lx)
{
    size_t nc = lx->cap ? lx->cap * 2 : 8192;
    /* line-aligned: a slot never straddles two cache lines */
    struct lex_slot *ns = aligned_alloc(64, nc * sizeof(*ns));
    if (!ns)
        return DT_ENOMEM;
    memset(ns, 0, nc * sizeof(*ns));
    for (size_t i = 0; i < lx->cap; i++) {
        const struct lex_slot *s = &lx->slots[i];
        if (!s->lex.key_tag)
            continue;
        size_t j = slot_rehash(s) & (nc - 1);
        while (ns[j].lex.key_tag)
            j = (j + 1) & (nc - 1);
        ns[j] = *s;
    }
    free(lx->slots);
    lx->slots = ns;
    lx->cap = nc;
    return 0;
}

int lexicon_ready(lexicon *lx)
{
    if (!lx->pool) {
        lx->pool = malloc(1024 * sizeof(*lx->pool));
        if (!lx->pool)
            return DT_ENOMEM;
        lx->cappool = 1024;
    }
    return lx->cap ? 0 : grow(lx);
}

/* LEX_POOL_TAIL zero words past the pool's last word (not counted in npool): the scanner
 * copies a lexeme's matches as one block of LEX_POOL_PAD + 1 words, whatever their count,
 * and the matcher reads a word of a lexeme's mask of sets before it asks whether it has
 * one. */
static int pool_pad(lexicon *lx)
{
    _Static_assert(LEX_POOL_TAIL >= LEX_POOL_PAD, "the tail holds the block's words");
    if (lx->npool + LEX_POOL_TAIL > lx->cappool) {
        size_t nc = DT_MAX(lx->cappool * 2, lx->npool + LEX_POOL_TAIL);
        uint32_t *p = realloc(lx->pool, nc * sizeof(*p));
        if (!p)
            return DT_ENOMEM;
        lx->pool = p;
        lx->cappool = nc;
    }
    memset(lx->pool + lx->npool, 0, LEX_POOL_TAIL * sizeof(*lx->pool));
    return 0;
}

/* The pool's first words, zero: the follow word and the block of matches of every lexeme
 * with neither matches nor sets (a token the dictionaries do not know), which all share
 * them, so that the scanner's copy of a block of matches reads a line that stays in the
 * cache instead of one of its own. */
enum { POOL_EMPTY = 1 + LEX_POOL_PAD + 1 };

const lexeme *lexicon_add(lexicon *lx, const dt_dict *d, const char *key, size_t n, uint64_t h, bool allcap)
{
    if ((lx->count + 1) * 2 > lx->cap && grow(lx))
        return NULL;
    const uint32_t zero = 0;
    while (lx->npool < POOL_EMPTY)
        if (vec_push((void **)&lx->pool, &lx->npool, &lx->cappool, sizeof(zero), &zero) < 0)
            return NULL;
    struct lex_slot ns;
    memset(&ns, 0, sizeof(ns)); /* (an inline key is zero-padded) */
    if (compute(lx, &ns.lex, d, key, n, allcap))
        return NULL;
    if (ns.lex.nmatch == 0 && !ns.lex.sets) {
        lx->npool = ns.lex.match - 1; /* (its follow word, and a set count it may have pushed) */
        ns.lex.match = 1;
    }
    if (pool_pad(lx))
        return NULL;
    ns.lex.key_tag = lex_key_tag(n, allcap);
    if (n <= LEX_INLINE) {
        memcpy(ns.key.in, key, n);
    } else {
        char *k = arena_strndup(&lx->keys, key, n);
        if (!k)
            return NULL;
        ns.key.out.p = k;
        ns.key.out.n = n;
    }
    size_t mask = lx->cap - 1;
    size_t i = h & mask;
    while (lx->slots[i].lex.key_tag)
        i = (i + 1) & mask;
    lx->slots[i] = ns;
    lx->count++;
    return &lx->slots[i].lex;
}
