/* tabari_match.c — TABARI's pattern matching around a verb: words after the verb matched
 * forwards, words before it backwards from the verb, '_' adjacency, {A | B} alternatives
 * and synsets, and the actor tokens $ + % ^ ("the first actor encountered"); matching
 * stays in the clause, does not cross commas, and skips eliminated clauses. */
#include "tabari.h"

#include "../dict/compat.h"

#define TB_MAX_FRAMES 12
#define TB_MAX_STEPS 6000

typedef struct frame {
    const pel *els;
    uint32_t n, i;
    uint8_t is_option, alt_gap;
    uint8_t synset;         /* inside a synset: its words do not count in the length */
} frame;

typedef struct mstate {
    const dt_coder *c;
    const tb_state *s;
    int lo, hi;
    int steps;
    tb_match m;
} mstate;

/* Can matching look at word i? Eliminated words are invisible; commas stop it. */
static int visible(const mstate *st, int i)
{
    if (i < st->lo || i >= st->hi)
        return -1;
    const tb_tok *t = &st->s->t[i];
    if (t->deleted)
        return 0;
    if ((t->wflags & TW_COMMA) && !t->compound_link)
        return -1;
    return 1;
}

static bool has_word(const tb_tok *t, uint32_t w)
{
    for (uint16_t k = 0; k < t->nmatch; k++)
        if (t->match[k] == w)
            return true;
    return false;
}

/* The span of an actor, or of its whole compound. */
static void actor_span(const tb_state *s, int ai, bool whole, int *first, int *last)
{
    *first = s->a[ai].first;
    *last = s->a[ai].last;
    if (!whole)
        return;
    int head = tb_group_head(s, ai);
    for (int k = 0; k < s->na; k++)
        if (k == head || s->a[k].group == head) {
            if (s->a[k].first < *first)
                *first = s->a[k].first;
            if (s->a[k].last > *last)
                *last = s->a[k].last;
        }
}

static int group_members(const tb_state *s, int ai)
{
    if (s->a[ai].group < 0)
        return 1;
    int n = 0;
    for (int k = 0; k < s->na; k++)
        if (s->a[k].group == s->a[ai].group)
            n++;
    return n;
}

static bool run(mstate *st, frame *fr, int nfr, int pos, uint8_t pending, bool fwd);

static bool place_word(mstate *st, frame *fr, int nfr, int pos, uint8_t gap, const pel *e, bool fwd)
{
    int skipped = 0;
    for (int p = pos;; p += fwd ? 1 : -1) {
        int v = visible(st, p);
        if (v < 0)
            return false;
        if (v == 0)
            continue;
        if (has_word(&st->s->t[p], e->arg)) {
            uint32_t save = st->m.length;
            if (!fr[nfr - 1].synset)
                st->m.length += (uint32_t)compat_word_letters(st->c->d, e->arg);
            if (run(st, fr, nfr, fwd ? p + 1 : p - 1, e->maxgap, fwd))
                return true;
            st->m.length = save;
        }
        if (st->steps > TB_MAX_STEPS || (gap != GAP_ANY && ++skipped > gap))
            return false;
    }
}

static bool place_actor(mstate *st, frame *fr, int nfr, int pos, uint8_t gap, const pel *e, bool fwd)
{
    const tb_state *s = st->s;
    int skipped = 0;
    for (int p = pos;; p += fwd ? 1 : -1) {
        int v = visible(st, p);
        if (v < 0)
            return false;
        if (v == 0)
            continue;
        int ai = s->t[p].actor;
        if (ai < 0 || !tb_actor_ok(s, ai)) {
            /* Determiners may stand between a '_' and its actor ("SUGGESTED_+" the ...). */
            if (!(s->t[p].wflags & TW_DET) && gap != GAP_ANY && ++skipped > gap)
                return false;
            continue;
        }
        /* The first actor met: the slot takes it (a compound as a whole) or fails. */
        bool compound = group_members(s, ai) > 1;
        if (e->type == PE_BOTH && !compound && s->a[ai].ncodes < 2)
            return false;
        int first, last;
        actor_span(s, ai, compound, &first, &last);
        tb_match save = st->m;
        tb_ref r = {(int16_t)(compound ? tb_group_head(s, ai) : ai), compound, SID_NONE};
        if (e->type == PE_SOURCE)
            st->m.src = r;
        else if (e->type == PE_TARGET)
            st->m.tgt = r;
        else if (e->type == PE_BOTH) {
            st->m.src = r;
            st->m.tgt = r;
            st->m.both = true;
        } else if (st->m.nskipped < 8) {
            st->m.skipped[st->m.nskipped++] = (int16_t)ai;
        }
        if (e->type != PE_SKIP)
            st->m.slots = true;
        if (run(st, fr, nfr, fwd ? last + 1 : first - 1, e->maxgap, fwd))
            return true;
        st->m = save;
        return false;
    }
}

static bool run(mstate *st, frame *fr, int nfr, int pos, uint8_t pending, bool fwd)
{
    if (++st->steps > TB_MAX_STEPS)
        return false;
    while (nfr > 0 && fr[nfr - 1].i >= fr[nfr - 1].n) {
        if (!fwd)
            pending = fr[nfr - 1].alt_gap;
        nfr--;
    }
    if (nfr == 0)
        return true;
    frame *f = &fr[nfr - 1];
    uint32_t idx = fwd ? f->i : f->n - 1 - f->i;
    const pel *e = &f->els[idx];
    uint8_t gap = fwd ? ((f->i == 0 && f->is_option) ? f->alt_gap : e->maxgap) : pending;
    /* Matching backwards, TABARI does not hold a synset to the connector on its right
     * (SYNSET-22h: MOST_CERTAINLY_&NEGATVAUXVRB_EVER matches "really did not even ever"). */
    if (!fwd && e->type == PE_ALT && (e->flags & PEL_SYNSET) && !st->s->opt.petrarch)
        gap = GAP_ANY;
    f->i++;
    bool ok = false;
    const dt_dict *d = st->c->d;
    switch (e->type) {
    case PE_ALT:
    case PE_NP:
    case PE_PP: {
        const alt_list *al = &d->alt_pats[e->arg];
        if (nfr < TB_MAX_FRAMES)
            for (uint32_t k = 0; k < al->n && !ok; k++) {
                const pseq *sq = &d->seqs[al->first + k];
                fr[nfr] = (frame){&d->pels[sq->first], sq->n, 0, 1, fwd ? gap : e->maxgap,
                                  (uint8_t)(f->synset || (e->flags & PEL_SYNSET))};
                ok = run(st, fr, nfr + 1, pos, gap, fwd);
            }
        break;
    }
    case PE_WORD:
        ok = place_word(st, fr, nfr, pos, gap, e, fwd);
        break;
    case PE_SOURCE:
    case PE_TARGET:
    case PE_BOTH:
    case PE_SKIP:
        ok = place_actor(st, fr, nfr, pos, gap, e, fwd);
        break;
    default:
        ok = false; /* sets of trie phrases are not used by TABARI dictionaries */
        break;
    }
    if (!ok && e->optional)
        ok = run(st, fr, nfr, pos, pending, fwd);
    f->i--;
    return ok;
}

bool tb_pattern_match(const dt_coder *c, const tb_state *s, const pattern *p, int vhead, int vlast, int lo,
                      int hi, tb_match *m)
{
    mstate st;
    memset(&st, 0, sizeof(st));
    st.c = c;
    st.s = s;
    st.lo = lo;
    st.hi = hi;
    st.m.src.actor = st.m.tgt.actor = -1;
    frame fr[TB_MAX_FRAMES];
    const dt_dict *d = c->d;
    if (p->post.n) {
        fr[0] = (frame){&d->pels[p->post.first], p->post.n, 0, 0, GAP_ANY, 0};
        if (!run(&st, fr, 1, vlast + 1, GAP_ANY, true))
            return false;
    }
    if (p->pre.n) {
        st.steps = 0;
        fr[0] = (frame){&d->pels[p->pre.first], p->pre.n, 0, 0, GAP_ANY, 0};
        if (!run(&st, fr, 1, vhead - 1, p->verb_gap, false))
            return false;
    }
    *m = st.m;
    return true;
}
