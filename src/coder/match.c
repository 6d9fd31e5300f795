/* match.c — match a verb pattern around one verb occurrence: words, sets, alternatives
 * and actor slots, forwards after the verb and backwards before it, with backtracking
 * bounded by a step budget. */
#include "coder.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MAX_FRAMES 12
#define MAX_STEPS 4000

typedef struct frame {
    const pel *els;
    uint32_t n;
    uint32_t i;
    uint8_t is_option;
    uint8_t alt_gap;
} frame;

typedef struct mstate {
    const dt_coder *c;
    int lo, hi;         /* the clause: tokens [lo, hi) */
    int steps;
    int src, tgt;
    bool both;
    int end;            /* forward: first token after the match; backward: first token of it */
} mstate;

/* A token's set members, at most this many (in the walk's order). */
enum { SET_HITS_AT = 255 };

/* All set members that start at p (at most SET_HITS_AT), into hits; returns how many. */
static int set_walk(const dt_coder *c, int p, struct set_hit *hits)
{
    const dt_dict *d = c->d;
    int n = 0;
    struct { uint32_t node; int pos; } stack[64];
    int sp = 0;
    stack[sp].node = 0;
    stack[sp].pos = p;
    sp++;
    while (sp > 0) {
        sp--;
        uint32_t node = stack[sp].node;
        int pos = stack[sp].pos;
        if (pos >= c->ntok)
            continue;
        const ctok *t = &c->ct[pos];
        for (uint16_t k = 0; k < t->nmatch; k++) {
            uint32_t child = dict_step(d, node, t->match[k]);
            if (!child)
                continue;
            const trie_node *tn = &d->nodes[child];
            for (uint32_t q = 0; q < tn->npayloads; q++) {
                const phrase_payload *pl = node_payload(d, tn, q);
                if (pl->kind == PK_SETMEMBER && n < SET_HITS_AT)
                    hits[n++] = (struct set_hit){pl->index, (int16_t)(pos + 1)};
            }
            if (tn->kids && sp < 64) {
                stack[sp].node = child;
                stack[sp].pos = pos + 1;
                sp++;
            }
        }
    }
    return n;
}

/* The set members that start at p, into the sentence's cache when all of them fit
 * (set_first[p] >= 0); when they do not, p is marked -2 and walked again at each look, so
 * that what a look finds never depends on which tokens were looked at before. */
static void set_cache_fill(dt_coder *c, int p)
{
    struct set_hit hits[SET_HITS_AT];
    int n = set_walk(c, p, hits);
    if (c->nset_hits + n > (int)DT_ARRAY_LEN(c->set_hits)) {
        c->set_first[p] = -2;
        c->set_count[p] = 0;
        return;
    }
    c->set_first[p] = (int16_t)c->nset_hits;
    c->set_count[p] = (uint8_t)n;
    memcpy(&c->set_hits[c->nset_hits], hits, (size_t)n * sizeof(hits[0]));
    c->nset_hits += n;
}

/* What tells whether a member of a set may begin at a token: in a dictionary of at most
 * LEX_SET_BITS sets, the set's bit in the token's mask (ctok_sets: `bit` of 32-bit word
 * `word`); otherwise only whether the token begins any member (masked false, word 0). */
typedef struct set_probe {
    bool masked;
    uint32_t word, bit;
} set_probe;

static inline set_probe set_probe_of(const dt_coder *c, uint32_t set)
{
    const dt_dict *d = c->d;
    bool masked = d->nsets <= LEX_SET_BITS && d->set_by_word_start && set < d->nsets;
    return (set_probe){masked, masked ? set / 32 : 0, 1u << (set % 32)};
}

/* Whether a member of the probe's set may begin at token t: false when none begins with
 * the token's words. */
static inline bool set_probe_at(const ctok *t, set_probe sp)
{
    /* The word of the mask is read whether or not the token has one (the pool has words
     * enough past every lexeme's matches, LEX_POOL_TAIL; what a token without sets reads
     * is not used), and the three tests are or-ed and and-ed as bits: most tokens begin
     * no member, which the processor could not predict token by token. */
    const unsigned in_mask = (ctok_sets(t)[sp.word] & sp.bit) != 0;
    return (t->sets & (in_mask | !sp.masked)) != 0;
}

static inline bool set_may_start_at(const dt_coder *c, int p, uint32_t set)
{
    return set_probe_at(&c->ct[p], set_probe_of(c, set));
}

/* Ends (exclusive, below hi) of members of a set that start at p. */
static int set_ends_from(const dt_coder *cc, int p, uint32_t set, int hi, int *ends, int cap)
{
    dt_coder *c = (dt_coder *)cc; /* the cache is filled lazily: coding state, not results */
    if (!set_may_start_at(c, p, set))
        return 0; /* (nothing to walk the trie for) */
    if (c->set_first[p] == -1)
        set_cache_fill(c, p);
    struct set_hit walked[SET_HITS_AT];
    const struct set_hit *hits = walked;
    int nh;
    if (c->set_first[p] >= 0) {
        hits = &c->set_hits[c->set_first[p]];
        nh = c->set_count[p];
    } else {
        nh = set_walk(c, p, walked); /* (the cache is full: see set_cache_fill) */
    }
    int n = 0;
    for (int i = 0; i < nh && n < cap; i++) {
        /* (each end written to the next free slot, n < cap, and kept by counting it
         * when its member is of the set and ends in time: a test the processor could not
         * predict, as a branch) */
        ends[n] = hits[i].end;
        n += (hits[i].set == set) & (hits[i].end <= hi);
    }
    return n;
}

bool match_set_member_at(dt_coder *c, int p, uint32_t set, int hi)
{
    int end;
    return p >= 0 && p < c->ntok && set_ends_from(c, p, set, hi, &end, 1) > 0;
}

bool match_sentence_has_set_of(dt_coder *c, uint32_t set)
{
    const dt_dict *d = c->d;
    if (set >= d->nsets || !c->set_bits || !d->set_by_word_start)
        return true; /* no filter */
    if (!c->set_bits_ready) {
        /* A member can only start at a token whose word begins one. */
        const size_t nw = (d->nsets + 63) / 64;
        /* the token's sets follow its matches in the lexicon's pool (lexicon.c): a bit
         * mask, or for a dictionary of many sets a count and the sets */
        if (d->nsets <= LEX_SET_BITS) {
            /* (the accumulator stays in registers: a token's mask is or-ed in as it is
             * read, two 16-byte words a step where SSE2 has them) */
            uint64_t acc[LEX_SET_BITS / 64];
#if defined(__SSE2__) && defined(__x86_64__) && LEX_SET_BITS == 256
            /* Only the tokens whose `sets` bit is on are read, found sixteen at a time from
             * their bytes of lexeme bit-fields (c->lex_bits, zero past the last token): a
             * test at every token was a branch the processor could not predict. Shifting
             * the 16-bit lanes left moves each byte's `sets` bit to its top bit, which
             * movemask gathers (a low byte's bits move into its high byte's low bits,
             * never into the top one). */
            _Static_assert(LEX_SETS_BIT < 8, "the sets bit is in the byte");
            __m128i a0 = _mm_setzero_si128(), a1 = _mm_setzero_si128();
            for (int i = 0; i < c->ntok; i += 16) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(c->lex_bits + i));
                unsigned hit = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 7 - LEX_SETS_BIT));
                for (; hit; hit &= hit - 1) {
                    const __m128i *m = (const __m128i *)(const void *)ctok_sets(&c->ct[i + __builtin_ctz(hit)]);
                    a0 = _mm_or_si128(a0, _mm_loadu_si128(m));
                    a1 = _mm_or_si128(a1, _mm_loadu_si128(m + 1));
                }
            }
            _mm_storeu_si128((__m128i *)(void *)acc, a0);
            _mm_storeu_si128((__m128i *)(void *)(acc + 2), a1);
#else
            memset(acc, 0, sizeof(acc));
            for (const ctok *t = c->ct, *end = c->ct + c->ntok; t < end; t++)
                if (t->sets) {
                    uint64_t m[LEX_SET_BITS / 64];
                    memcpy(m, ctok_sets(t), sizeof(m));
                    for (size_t w = 0; w < LEX_SET_BITS / 64; w++)
                        acc[w] |= m[w];
                }
#endif
            for (size_t w = 0; w < nw; w++)
                c->set_bits[w] = acc[w];
        } else {
            memset(c->set_bits, 0, nw * sizeof(*c->set_bits));
            for (int p = 0; p < c->ntok; p++) {
                if (!c->ct[p].sets)
                    continue;
                const uint32_t *sets = ctok_sets(&c->ct[p]);
                for (uint32_t i = 1; i <= sets[0]; i++)
                    c->set_bits[sets[i] / 64] |= 1ULL << (sets[i] % 64);
            }
        }
        c->set_bits_ready = true;
    }
    return (c->set_bits[set / 64] >> (set % 64)) & 1;
}

/* The slot of word w (occupied slots have count > 0), or the empty slot for it. */
static size_t wpos_slot(const dt_coder *c, uint32_t w)
{
    const size_t mask = c->wpos_mask;
    size_t s = (w * 0x9E3779B1u) & mask;
    while (c->wpos[s].count && c->wpos[s].word != w)
        s = (s + 1) & mask;
    return s;
}

/* The map holds every word of a sentence of up to FLAT_MATCHES matches (coder.h), so that
 * a word's positions are the same whether the map or the flat list gives them, and do not
 * depend on which words were looked up first. */
_Static_assert(sizeof(((dt_coder *)0)->wpos) / sizeof(((dt_coder *)0)->wpos[0]) / 2 >= FLAT_MATCHES,
               "the word map holds a sentence of FLAT_MATCHES matches");
_Static_assert(sizeof(((dt_coder *)0)->wpos_used) / sizeof(((dt_coder *)0)->wpos_used[0]) >=
                   sizeof(((dt_coder *)0)->wpos) / sizeof(((dt_coder *)0)->wpos[0]) / 2,
               "a slot in use is listed for each word the map holds");

void match_index_sentence(dt_coder *c)
{
    /* Clear only the slots the previous sentence used; count per word; then place the
     * positions in token order. */
    for (int u = 0; u < c->nwpos_used; u++)
        c->wpos[c->wpos_used[u]].count = 0;
    c->nwpos_used = 0;
    /* A table four times the sentence's words (at least 64 slots): a short sentence's
     * index stays in a few cache lines. */
    size_t words = 0;
    for (int i = 0; i < c->ntok; i++)
        words += c->ct[i].nmatch;
    size_t slots = 64;
    while (slots < 4 * words && slots < DT_ARRAY_LEN(c->wpos))
        slots *= 2;
    c->wpos_mask = slots - 1;
    const int cap = (int)slots / 2;
    for (int i = 0; i < c->ntok; i++)
        for (uint16_t k = 0; k < c->ct[i].nmatch; k++) {
            uint32_t w = c->ct[i].match[k];
            size_t s = wpos_slot(c, w);
            if (!c->wpos[s].count) {
                if (c->nwpos_used >= cap)
                    continue; /* (past FLAT_MATCHES matches only: this word is not in the map) */
                c->wpos[s].word = w;
                c->wpos_used[c->nwpos_used++] = (uint16_t)s;
            }
            c->wpos[s].count++;
        }
    int off = 0;
    for (int u = 0; u < c->nwpos_used; u++) {
        struct word_pos *wp = &c->wpos[c->wpos_used[u]];
        wp->first = (uint16_t)off;
        wp->fill = 0;
        off += wp->count;
    }
    for (int i = 0; i < c->ntok; i++)
        for (uint16_t k = 0; k < c->ct[i].nmatch; k++) {
            struct word_pos *wp = &c->wpos[wpos_slot(c, c->ct[i].match[k])];
            if (wp->count && wp->fill < wp->count && wp->first + wp->fill < (int)DT_ARRAY_LEN(c->wpos_list))
                c->wpos_list[wp->first + wp->fill++] = (int16_t)i;
        }
}

#if defined(__SSE2__)
/* The positions of the four listed matches from j on whose word is w4's and whose lane is
 * in `lanes`, added to the word's positions being made. */
static inline void wseen_add_hits(dt_coder *c, int j, __m128i w4, unsigned lanes)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(c->flat_word + j));
    unsigned hit = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(x, w4))) & lanes;
    for (; hit; hit &= hit - 1)
        c->wseen_pos[c->nwseen_pos++] = c->flat_pos[j + __builtin_ctz(hit)];
}
#endif

int match_word_positions_of(const dt_coder *cc, uint32_t word, const int16_t **pos)
{
    dt_coder *c = (dt_coder *)cc; /* the index is built lazily: coding state, not results */
    if (!c->wpos_ready) {
        c->nwseen = 0;
        c->nwseen_pos = 0;
        c->wpos_full = false;
        c->wpos_ready = true;
        /* (the scan listed the sentence's matches, c->nmatches of them, unless there
         * were too many: a pathological sentence gets the index at once) */
        if (c->nmatches > FLAT_MATCHES) {
            c->wpos_full = true;
            match_index_sentence(c);
        }
    }
    if (!c->wpos_full) {
        for (int i = 0; i < c->nwseen; i++)
            if (c->wseen[i].word == word) {
                *pos = &c->wseen_pos[c->wseen[i].first];
                return c->wseen[i].count;
            }
        if (c->nwseen < (int)DT_ARRAY_LEN(c->wseen) &&
            c->nwseen_pos + c->nmatches <= (int)DT_ARRAY_LEN(c->wseen_pos)) {
            /* One pass over the sentence's matches; the positions stay where they are
             * (a caller may still be walking an earlier word's). */
            struct word_seen *ws = &c->wseen[c->nwseen++];
            ws->word = word;
            ws->first = (uint16_t)c->nwseen_pos;
            int n = c->nmatches;
#if defined(__SSE2__)
            /* Four words a step; the last one to three words in one more step, whose lanes
             * past the n listed are masked off (the list has room for them, FLAT_MATCHES +
             * 256, and n <= FLAT_MATCHES here; they are not the sentence's): not a loop
             * over them, whose count the processor could not predict. */
            const __m128i w4 = _mm_set1_epi32((int)word);
            const int full = n & ~3;
            for (int j = 0; j < full; j += 4)
                wseen_add_hits(c, j, w4, 0xfu);
            if (n & 3)
                wseen_add_hits(c, full, w4, (1u << (n & 3)) - 1);
#else
            for (int j = 0; j < n; j++)
                if (c->flat_word[j] == word)
                    c->wseen_pos[c->nwseen_pos++] = c->flat_pos[j];
#endif
            ws->count = (uint16_t)(c->nwseen_pos - ws->first);
            *pos = &c->wseen_pos[ws->first];
            return ws->count;
        }
        match_index_sentence(c);
        c->wpos_full = true;
    }
    const struct word_pos *wp = &c->wpos[wpos_slot(c, word)];
    if (!wp->count)
        return 0;
    *pos = &c->wpos_list[wp->first];
    return wp->fill;
}

static bool slot_ok(const mstate *st, const mention *m, uint8_t type)
{
    if (m->ncodes <= 0)
        return false;
    if (type == PE_BOTH) {
        const mention *head = m->compound >= 0 ? &st->c->m[m->compound] : m;
        return head->ncompound > 1 || m->ncodes > 1;
    }
    return true;
}

static bool run(mstate *st, frame *fr, int nfr, int pos, uint8_t pending, bool fwd);

/* Try to place element e (its frame already advanced) at the token candidates. */
static bool place(mstate *st, frame *fr, int nfr, int pos, uint8_t gap, const pel *e, bool fwd)
{
    const dt_coder *c = st->c;
    int last = fwd ? (gap == GAP_ANY ? st->hi - 1 : DT_MIN(st->hi - 1, pos + gap))
                   : (gap == GAP_ANY ? st->lo : DT_MAX(st->lo, pos - gap));
    uint8_t next_pending = e->maxgap;
    switch (e->type) {
    case PE_WORD: {
        /* Only the positions where the word occurs (the sentence index). */
        const int16_t *ps;
        int n = match_word_positions(c, e->arg, &ps);
        int lo = fwd ? pos : last, hi = fwd ? last : pos;
        if (lo < st->lo)
            lo = st->lo;
        if (hi >= st->hi)
            hi = st->hi - 1;
        for (int q = 0; q < n; q++) {
            int p = fwd ? ps[q] : ps[n - 1 - q];
            if (p < lo || p > hi)
                continue;
            if (run(st, fr, nfr, fwd ? p + 1 : p - 1, next_pending, fwd))
                return true;
            if (st->steps > MAX_STEPS)
                return false;
        }
        return false;
    }
    case PE_SET:
        if (!match_sentence_has_set((dt_coder *)c, e->arg))
            return false; /* no member anywhere in the sentence */
        if (fwd) {
            /* Only the tokens where a member may begin are looked up (most begin none; the
             * others take no step, so the step budget is checked as often as it can
             * change). */
            const set_probe sp = set_probe_of(c, e->arg);
            if (pos < st->lo)
                return false;
            for (int p = pos, end = DT_MIN(last, st->hi - 1); p <= end; p++) {
                if (!set_probe_at(&c->ct[p], sp))
                    continue;
                int ends[8];
                int ne = set_ends_from(c, p, e->arg, st->hi, ends, 8);
                for (int k = ne - 1; k >= 0; k--)
                    if (run(st, fr, nfr, ends[k], next_pending, fwd))
                        return true;
                if (st->steps > MAX_STEPS)
                    return false;
            }
            return false;
        }
        for (int p = pos; p >= last; p--) {
            if (p < st->lo || p >= st->hi)
                break;
            /* members ending at p: try starts at most 6 tokens back */
            for (int s = p; s >= st->lo && s > p - 6; s--) {
                int ends[8];
                int ne = set_ends_from(c, s, e->arg, p + 1, ends, 8);
                for (int k = 0; k < ne; k++)
                    if (ends[k] == p + 1 && run(st, fr, nfr, s - 1, next_pending, fwd))
                        return true;
            }
            if (st->steps > MAX_STEPS)
                return false;
        }
        return false;
    default: {
        /* An actor slot: the first actor met in that direction (no second choice). */
        for (int p = pos; fwd ? p <= last : p >= last; p += fwd ? 1 : -1) {
            if (p < st->lo || p >= st->hi)
                break;
            int mi = c->ct[p].mention;
            if (mi < 0) {
                /* adjacency allows a determiner, title, possessive pronoun or number
                 * before the actor ("met his Argentine counterpart", "sanctioned three
                 * American firms") */
                if (gap == 0 && ((c->ct[p].wflags & (WF_DET | WF_TITLE)) || possessive_pronoun(c, p) ||
                                 count_word(c, p)))
                    last = fwd ? DT_MIN(last + 1, st->hi - 1) : DT_MAX(last - 1, st->lo);
                continue;
            }
            const mention *m = &c->m[mi];
            if (fwd ? m->start != p : m->end - 1 != p) {
                p = fwd ? m->end - 1 : m->start;
                continue;
            }
            /* The first actor met decides: one without a code here (a place such as
             * "the Sea of Japan", an agent with no country) makes the slot fail rather
             * than jump to an actor further on. */
            if (!slot_ok(st, m, e->type))
                return false;
            /* A compound slot covers the whole compound. */
            int head = m->compound >= 0 ? m->compound : mi;
            int span_end = m->end, span_start = m->start;
            if (m->compound >= 0) {
                for (int j = head; j < c->nm; j++)
                    if (c->m[j].compound == head) {
                        span_end = c->m[j].end;
                        if (c->m[j].start < span_start)
                            span_start = c->m[j].start;
                    }
                span_start = c->m[head].start;
            }
            int osrc = st->src, otgt = st->tgt;
            bool oboth = st->both;
            if (e->type == PE_SOURCE)
                st->src = head;
            else if (e->type == PE_TARGET)
                st->tgt = head;
            else if (e->type == PE_BOTH) {
                st->src = head;
                st->both = true;
            }
            if (run(st, fr, nfr, fwd ? span_end : span_start - 1, next_pending, fwd))
                return true;
            /* A skipped actor named by its hardware ("struck by Russian drones", RUSMIL)
             * may lend its last word to the word after the skip ("by ^ &V17_AIR"). */
            if (e->type == PE_SKIP && fwd && m->compound < 0 && span_end - span_start > 1 &&
                run(st, fr, nfr, span_end - 1, next_pending, fwd))
                return true;
            st->src = osrc;
            st->tgt = otgt;
            st->both = oboth;
            return false;
        }
        return false;
    }
    }
}

/* An option of {A | B} that needs a word the sentence does not have cannot match: it is
 * not tried (most options are a word or two, most of them absent). */
static bool option_impossible(const dt_coder *c, uint32_t si)
{
    uint32_t key = c->d->seq_key[si];
    if (key == UINT32_MAX)
        return false; /* (no required word: only the match can tell) */
    if (!word_maybe_in_sentence(c, key))
        return true;
    const pseq *sq = &c->d->seqs[si];
    const pel *e = &c->d->pels[sq->first];
    for (uint32_t i = 0; i < sq->n; i++)
        if (e[i].type == PE_WORD && !e[i].optional && !word_maybe_in_sentence(c, e[i].arg))
            return true;
    return false;
}

static bool run(mstate *st, frame *fr, int nfr, int pos, uint8_t pending, bool fwd)
{
    if (++st->steps > MAX_STEPS)
        return false;
    while (nfr > 0 && fr[nfr - 1].i >= fr[nfr - 1].n) {
        if (!fwd)
            pending = fr[nfr - 1].alt_gap;
        nfr--;
    }
    if (nfr == 0) {
        st->end = fwd ? pos : pos + 1;
        return true;
    }
    frame *f = &fr[nfr - 1];
    uint32_t idx = fwd ? f->i : f->n - 1 - f->i;
    const pel *e = &f->els[idx];
    uint8_t gap = fwd ? ((f->i == 0 && f->is_option) ? f->alt_gap : e->maxgap) : pending;
    f->i++;
    bool ok = false;
    if (e->type == PE_ALT) {
        const alt_list *al = &st->c->d->alt_pats[e->arg];
        if (nfr < MAX_FRAMES) {
            for (uint32_t k = 0; k < al->n && !ok; k++) {
                if (option_impossible(st->c, al->first + k))
                    continue;
                const pseq *sq = &st->c->d->seqs[al->first + k];
                fr[nfr] = (frame){&st->c->d->pels[sq->first], sq->n, 0, 1, fwd ? gap : e->maxgap};
                if (fwd) {
                    ok = run(st, fr, nfr + 1, pos, gap, fwd);
                } else {
                    /* Backwards: the option's last element takes the pending gap; when
                     * the option is done, the group's own gap applies to the left. */
                    ok = run(st, fr, nfr + 1, pos, gap, fwd);
                }
            }
        }
    } else {
        ok = place(st, fr, nfr, pos, gap, e, fwd);
    }
    if (!ok && e->optional)
        ok = run(st, fr, nfr, pos, pending, fwd);
    f->i--;
    return ok;
}

/* ---------------------------------------------------------------- what a pattern needs, where */

/* The filters code_entry applies before pattern_match: each a necessary condition of a
 * match, looked for where run() and place() would look (keep them in step). */

/* Whether the tokens from `at` on (before hi) can be what a pattern needs right after its
 * verb (pattern_filter.adj; a, its positions in dict.adj_words): a word of each position's
 * words, or a member of its set beginning there. */
bool match_adjacent_ok(dt_coder *c, int at, int hi, const uint32_t *a)
{
    uint32_t n = *a++;
    for (uint32_t q = 0; q < n; q++, at++) {
        if (at >= hi)
            return false;
        if (*a & ADJ_SET) {
            if (!match_set_member_at(c, at, *a & ~ADJ_SET, hi))
                return false;
            a++;
            continue;
        }
        const ctok *t = &c->ct[at];
        uint32_t nw = *a++;
        bool any = false;
        for (uint16_t k = 0; k < t->nmatch && !any; k++)
            for (uint32_t j = 0; j < nw && !any; j++)
                any = t->match[k] == a[j];
        if (!any)
            return false;
        a += nw;
    }
    return true;
}

/* Whether word id w is at some token in [from, to). */
bool match_word_between(const dt_coder *c, uint32_t w, int from, int to)
{
    const int16_t *ps;
    int n = match_word_positions(c, w, &ps);
    for (int q = 0; q < n; q++)
        if (ps[q] >= from && ps[q] < to)
            return true;
    return false;
}

/* Whether one of the options of group `alt` (alt_pats; every option has a first required
 * word, seq_key) has that word at some token in [from, to). */
bool match_group_between(const dt_coder *c, uint32_t alt, int from, int to)
{
    const alt_list *al = &c->d->alt_pats[alt];
    for (uint32_t k = 0; k < al->n; k++) {
        uint32_t key = c->d->seq_key[al->first + k];
        if (key == UINT32_MAX || (word_maybe_in_sentence(c, key) && match_word_between(c, key, from, to)))
            return true;
    }
    return false;
}

/* Whether a member of set may begin at some token in [from, to): false only when the
 * tokens' sets (ctok_sets, a bit mask in a dictionary of at most LEX_SET_BITS sets) say
 * none does. */
bool match_set_may_start_between(const dt_coder *c, uint32_t set, int from, int to)
{
    const set_probe sp = set_probe_of(c, set);
    for (const ctok *t = c->ct + from, *end = c->ct + to; t < end; t++)
        if (set_probe_at(t, sp))
            return true;
    return false;
}

bool pattern_match(const dt_coder *c, const pattern *p, int vstart, int vend, int lo, int hi,
                   match_result *r)
{
    mstate st = {c, lo, hi, 0, -1, -1, false, vend};
    frame fr[MAX_FRAMES];
    const dt_dict *d = c->d;
    /* After the verb. */
    if (p->post.n) {
        fr[0] = (frame){&d->pels[p->post.first], p->post.n, 0, 0, GAP_ANY};
        if (!run(&st, fr, 1, vend, GAP_ANY, true))
            return false;
    }
    int post_end = p->post.n ? st.end : vend;
    /* Before the verb. */
    if (p->pre.n) {
        st.steps = 0;
        fr[0] = (frame){&d->pels[p->pre.first], p->pre.n, 0, 0, GAP_ANY};
        if (!run(&st, fr, 1, vstart - 1, p->verb_gap, false))
            return false;
    }
    r->src = st.src;
    r->tgt = st.tgt;
    r->both = st.both;
    r->end = post_end;
    return true;
}
