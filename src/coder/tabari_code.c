/* tabari_code.c — TABARI's coding of a parsed sentence (manual chapters 5.8, 6, 7.6-7.9, 8):
 * discard and complex codes, complexity conditions, time shifting, verbs clause by clause
 * (CODE BY CLAUSE / SENTENCE / ALL), patterns longest first, default source and target
 * searches, DEFAULT codes, passive voice, paired, subordinate and dominant codes,
 * compounds expanded into events, and pronouns forwarded between sentences. */
#include "tabari.h"

#include "../dict/compat.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- state */

void tabari_state_free(tb_state *s)
{
    if (!s)
        return;
    tb_lex_free(&s->lex);
    buf_free(&s->text);
    buf_free(&s->pre);
    free(s);
}

tb_state *tabari_state(dt_coder *c)
{
    if (c->tab)
        return c->tab;
    tb_state *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->opt = c->d->opt;
    arena_init(&s->lex.keys, 64 * 1024);
    buf_init(&s->text, 1 << 20);
    buf_init(&s->pre, 1 << 20);
    s->gap_word = compat_word_find(c->d, "", 0, CM_GAP);
    s->story = s->sentence_no = -1;
    c->tab = s;
    return s;
}

static sid intern_coder(void *ctx, const char *str, size_t n)
{
    return coder_intern((dt_coder *)ctx, str, n);
}

int tabari_apply_option(dt_coder *c, const char *line, size_t n, const char **why)
{
    tb_state *s = tabari_state(c);
    if (!s)
        return DT_ENOMEM;
    return tabari_option(&s->opt, line, n, intern_coder, c, why);
}

void tabari_set_record(dt_coder *c, long story, long sentence)
{
    tb_state *s = tabari_state(c);
    if (!s)
        return;
    s->record_mode = true;
    bool next = story >= 0 && story == s->story && sentence == s->sentence_no + 1;
    if (!next)
        s->nfwd = 0;
    s->fwd_valid = next && s->nfwd > 0;
    s->story = story;
    s->sentence_no = sentence;
}

/* ---------------------------------------------------------------- searches */

static bool active_actor(const tb_state *s, int ai)
{
    return tb_actor_ok(s, ai);
}

static tb_ref ref_of(const tb_state *s, int ai, bool allow_whole)
{
    tb_ref r = {(int16_t)ai, 0, SID_NONE};
    if (allow_whole && s->a[ai].group >= 0 && tb_group_head(s, ai) == ai)
        r.whole = 1;
    return r;
}

static tb_ref no_ref(void)
{
    tb_ref r = {-1, 0, SID_NONE};
    return r;
}

/* The referent a pronoun stands for, or the actor itself. */
static void ref_identity(const tb_state *s, tb_ref r, int *actor, bool *whole)
{
    *actor = r.actor;
    *whole = r.whole;
    if (r.actor >= 0 && s->a[r.actor].pronoun && s->a[r.actor].ref >= 0) {
        *actor = s->a[r.actor].ref;
        *whole = s->a[r.actor].ref_compound;
    }
    if (*whole && *actor >= 0)
        *actor = (int)tb_group_head(s, *actor);
}

/* TABARI's "an actor with a code distinct from the source's". */
static sid first_code(const tb_state *s, tb_ref r)
{
    if (r.actor == -2)
        return r.dflt;
    return r.actor >= 0 && s->a[r.actor].ncodes ? s->a[r.actor].codes[0] : SID_NONE;
}

static bool distinct(const dt_coder *c, const tb_state *s, tb_ref src, tb_ref cand)
{
    if (src.actor == -1)
        return true;
    /* A pronoun is compared by the code its referent had before agents were added: "their"
     * for "the ambassadors of Arnor, ..." is ARN, not the source's ARNGOV (COMPOUND-24),
     * while "them" for "Elrond and Gondor" is ELF, the source's own (CODEBY-08). */
    if (cand.actor >= 0 && s->a[cand.actor].pronoun)
        return s->a[cand.actor].base != first_code(s, src);
    int sa, ca;
    bool sw, cw;
    ref_identity(s, src, &sa, &sw);
    ref_identity(s, cand, &ca, &cw);
    if (sa >= 0 && sa == ca && sw == cw)
        return false;
    if (sw || cw)
        return true;
    (void)c;
    return first_code(s, src) != first_code(s, cand);
}

static bool skipped_by(const tb_match *m, int ai)
{
    for (int k = 0; k < m->nskipped; k++)
        if (m->skipped[k] == ai)
            return true;
    return false;
}

/* First actor after word `from` in [from, hi); whole compounds only from their first member. */
static tb_ref search_forward(const dt_coder *c, const tb_state *s, int from, int hi, tb_ref other,
                             const tb_match *m, bool single)
{
    int last_seen = -1;
    for (int i = from; i < hi; i++) {
        const tb_tok *t = &s->t[i];
        if (t->deleted || t->actor < 0 || t->actor == last_seen)
            continue;
        last_seen = t->actor;
        if (!active_actor(s, t->actor) || (m && skipped_by(m, t->actor)))
            continue;
        tb_ref r = ref_of(s, t->actor, !single);
        if (distinct(c, s, other, r))
            return r;
    }
    return no_ref();
}

/* Nearest actor before word `from`, back to lo. */
static tb_ref search_backward(const dt_coder *c, const tb_state *s, int from, int lo, tb_ref other,
                              const tb_match *m)
{
    int last_seen = -1;
    for (int i = from - 1; i >= lo; i--) {
        const tb_tok *t = &s->t[i];
        if (t->deleted || t->actor < 0 || t->actor == last_seen)
            continue;
        last_seen = t->actor;
        if (!active_actor(s, t->actor) || (m && skipped_by(m, t->actor)))
            continue;
        tb_ref r = ref_of(s, t->actor, true);
        if (distinct(c, s, other, r))
            return r;
    }
    return no_ref();
}

static bool any_actor(const tb_state *s, int a, int b)
{
    for (int i = a; i < b; i++)
        if (!s->t[i].deleted && s->t[i].actor >= 0 && active_actor(s, s->t[i].actor))
            return true;
    return false;
}

/* Passive voice: WAS, WERE or BEEN one or two words before the verb and BY one or two
 * words after it. */
static bool passive(const tb_state *s, int vhead, int vlast)
{
    bool aux = false, by = false;
    int seen = 0;
    for (int i = vhead - 1; i >= 0 && seen < 2; i--) {
        if (s->t[i].deleted)
            continue;
        seen++;
        aux |= (s->t[i].wflags & TW_AUX) != 0;
    }
    seen = 0;
    for (int i = vlast + 1; i < s->nt && seen < 2; i++) {
        if (s->t[i].deleted)
            continue;
        seen++;
        by |= (s->t[i].wflags & TW_BY) != 0;
    }
    return aux && by;
}

/* ---------------------------------------------------------------- one verb */

enum { VR_NONE, VR_EVENT, VR_DISCARD, VR_COMPLEX };

typedef struct vres {
    int kind;
    tb_ref src, tgt, subject;
    bool both;
    code_spec cs;
    uint32_t rule;
} vres;

typedef struct ctx {
    tb_ref carried;      /* the source kept from an earlier clause */
    tb_ref after_conj;   /* an actor right after the clause's conjunction */
} ctx;

static int verb_last(const tb_state *s, const tb_unit *u)
{
    (void)s;
    return u->last;
}

/* Quick tests before a full match: the words a pattern cannot match without, and an actor
 * on each side where it has a required actor slot, must be in the clause. */
static unsigned word_bit(uint32_t w) { return (w * 0x9E3779B1u) >> 20; }

/* Might word w be in the sentence? (Never "no" when it is.) */
static bool sentence_may_have_word(tb_state *s, uint32_t w)
{
    if (!s->words_bloom_ready) {
        memset(s->words_bloom, 0, sizeof(s->words_bloom));
        for (int i = 0; i < s->nt; i++)
            for (uint16_t k = 0; k < s->t[i].nmatch; k++) {
                unsigned b = word_bit(s->t[i].match[k]);
                s->words_bloom[b / 64] |= 1ULL << (b % 64);
            }
        s->words_bloom_ready = true;
    }
    unsigned b = word_bit(w);
    return (s->words_bloom[b / 64] >> (b % 64)) & 1;
}

static bool span_has_actor(const tb_state *s, int lo, int hi)
{
    for (int i = lo; i < hi; i++)
        if (s->t[i].actor >= 0 && tb_actor_ok(s, s->t[i].actor))
            return true;
    return false;
}

static bool pattern_possible(tb_state *s, const pattern *p, int vhead, int vlast, int lo, int hi)
{
    for (uint8_t q = 0; q < p->nreq; q++)
        if (!sentence_may_have_word(s, p->req[q]))
            return false;
    if ((p->need & PN_PRE_ACTOR) && !span_has_actor(s, lo, vhead))
        return false;
    if ((p->need & PN_POST_ACTOR) && !span_has_actor(s, vlast + 1, hi))
        return false;
    return true;
}

static vres code_verb(dt_coder *c, tb_state *s, const tb_unit *u, const tb_clause *cl, int clause, const ctx *x)
{
    vres r;
    memset(&r, 0, sizeof(r));
    r.src = r.tgt = r.subject = no_ref();
    const dt_dict *d = c->d;
    const verb_entry *ve = &d->verbs[u->index];
    int vhead = u->head, vlast = verb_last(s, u);
    int lo = cl->start, hi = cl->end;
    /* Patterns, longest first; a match through alternatives yields to longer patterns
     * that match more letters (manual 5.7.1). */
    const pattern *hit = NULL;
    tb_match m, best;
    memset(&best, 0, sizeof(best));
    uint32_t threshold = 0;
    for (uint32_t k = 0; k < ve->npatterns; k++) {
        const pattern *p = &d->patterns[ve->patterns + k];
        if (hit && p->weight <= threshold)
            break;
        if (pattern_possible(s, p, vhead, vlast, lo, hi) && tb_pattern_match(c, s, p, vhead, vlast, lo, hi, &m)) {
            hit = p;
            best = m;
            threshold = m.length;
        }
    }
    if (hit) {
        r.cs = hit->code;
        r.rule = hit->rule;
        trace_printf(c, "verb %.*s: pattern %s\n", (int)s->t[vhead].len, s->t[vhead].s, d->rules[hit->rule].text);
    } else {
        r.cs = ve->code;
        r.rule = ve->rule;
        best.src.actor = best.tgt.actor = -1;
        trace_printf(c, "verb %.*s: root code (%s)\n", (int)s->t[vhead].len, s->t[vhead].s, d->rules[ve->rule].text);
    }
    if (r.cs.flags & CF_DISCARD) {
        r.kind = VR_DISCARD;
        return r;
    }
    if (r.cs.flags & CF_COMPLEX) {
        r.kind = VR_COMPLEX;
        return r;
    }
    if ((r.cs.flags & CF_NULL) || (!r.cs.code && !r.cs.code2))
        return r;
    const dict_options *o = &s->opt;
    tb_ref src = best.src, tgt = best.tgt;
    bool both = best.both;
    /* The source. */
    if (src.actor == -1) {
        if (x->after_conj.actor >= 0)
            src = x->after_conj;
        else if (clause > 0 && x->carried.actor != -1)
            src = x->carried;
        else {
            for (int i = lo; i < vhead && src.actor == -1; i++) {
                const tb_tok *t = &s->t[i];
                if (t->deleted || t->actor < 0 || !active_actor(s, t->actor))
                    continue;
                tb_ref cand = ref_of(s, t->actor, true);
                if (tgt.actor == -1 || distinct(c, s, tgt, cand))
                    src = cand;
            }
        }
        if (src.actor == -1) {
            if (o->default_source && o->default_prior) {
                src.actor = -2;
                src.dflt = o->default_source;
            } else {
                /* TABARI is greedy: no actor before the verb, take the first after it. */
                src = search_forward(c, s, vlast + 1, hi, tgt, &best, true);
                if (src.actor == -1 && o->default_source) {
                    src.actor = -2;
                    src.dflt = o->default_source;
                }
            }
        }
    }
    r.subject = src;
    /* The target. */
    if (tgt.actor == -1 && !both) {
        if (o->default_target && o->default_after && !any_actor(s, vlast + 1, hi)) {
            tgt.actor = -2;
            tgt.dflt = o->default_target;
        } else {
            tgt = search_forward(c, s, vlast + 1, hi, src, &best, false);
            if (tgt.actor == -1)
                tgt = search_backward(c, s, vhead, lo, src, &best);
            if (tgt.actor == -1 && src.actor >= 0 && src.whole) {
                tgt = src;
                both = true;
            }
            if (tgt.actor == -1 && o->default_target) {
                tgt.actor = -2;
                tgt.dflt = o->default_target;
            }
        }
    }
    if (!best.slots && !both && passive(s, vhead, vlast)) {
        trace_printf(c, "  passive voice: source and target swapped\n");
        tb_ref tmp = src;
        src = tgt;
        tgt = tmp;
    }
    if (o->petrarch && !o->require_dyad && (src.actor == -1 || tgt.actor == -1)) {
        /* PETRARCH with require_dyad = false: a missing actor is coded ---. */
        tb_ref null_ref = {-2, 0, coder_intern(c, "---", 3)};
        if (src.actor == -1)
            src = null_ref;
        if (tgt.actor == -1)
            tgt = null_ref;
    }
    if (src.actor == -1 || tgt.actor == -1) {
        trace_printf(c, "  no %s\n", src.actor == -1 ? "source" : "target");
        return r;
    }
    r.kind = VR_EVENT;
    r.src = src;
    r.tgt = tgt;
    r.both = both;
    return r;
}

/* ---------------------------------------------------------------- events */

static void add_event(tb_state *s, sid a, sid b, sid code, int16_t sa, int16_t ta, uint32_t rule, const code_spec *cs)
{
    if (!a || !b || !code || a == b)
        return;
    for (int k = 0; k < s->nev; k++)
        if (s->ev[k].src == a && s->ev[k].tgt == b && s->ev[k].code == code)
            return;
    if (s->nev >= TB_MAX_EVENTS)
        return;
    s->ev[s->nev++] = (tb_event){a, b, code, sa, ta, rule, (uint8_t)((cs->flags & CF_SUBORD) != 0),
                                 (uint8_t)((cs->flags & CF_DOMINANT) != 0)};
}

static void expand(dt_coder *c, tb_state *s, const vres *r)
{
    sid sc[64], tc[64];
    int16_t so[64], to[64];
    int ns = tb_ref_codes(c, s, r->src, sc, so, 64);
    int nt = tb_ref_codes(c, s, r->tgt, tc, to, 64);
    sid code1 = (r->cs.flags & CF_TARGET_ONLY) ? SID_NONE : r->cs.code;
    sid code2 = (r->cs.flags & CF_PAIRED) ? r->cs.code2 : SID_NONE;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            if (r->both && i == j)
                continue;
            add_event(s, sc[i], tc[j], code1, so[i], to[j], r->rule, &r->cs);
            add_event(s, tc[j], sc[i], code2, to[j], so[i], r->rule, &r->cs);
        }
}

/* ---------------------------------------------------------------- checks */

static int first_verb(const dt_coder *c, const tb_state *s)
{
    for (int k = 0; k < s->nu; k++) {
        const tb_unit *u = &s->u[k];
        if (u->kind != PK_VERB || u->cancelled || s->t[u->head].type != TT_VERB)
            continue;
        if (c->d->verbs[u->index].code.flags & CF_NULL)
            continue;
        return k;
    }
    return -1;
}

/* Discard and complex codes of actors and verb roots, time shifting, and COMPLEX: */
static int precheck(dt_coder *c, tb_state *s)
{
    const dt_dict *d = c->d;
    bool complex = false;
    /* Discard and complex codes count as soon as the words are classified, even inside
     * a comma-delimited clause that is then eliminated (TIME-03). */
    for (int k = 0; k < s->na; k++) {
        if (s->a[k].special == '#')
            return TR_DISCARD;
        complex |= s->a[k].special == '+';
    }
    int nverbs = 0;
    for (int k = 0; k < s->nu; k++) {
        const tb_unit *u = &s->u[k];
        if (u->kind != PK_VERB || s->t[u->head].type != TT_VERB)
            continue;
        nverbs += !u->cancelled;
        uint16_t f = d->verbs[u->index].code.flags;
        if (f & CF_DISCARD)
            return TR_DISCARD;
        complex |= (f & CF_COMPLEX) != 0;
    }
    /* Time shifting: the first time phrase that is not null. */
    if (s->opt.time_shift == 1) {
        for (int k = 0; k < s->nu; k++) {
            const tb_unit *u = &s->u[k];
            if (u->kind != PK_TIME)
                continue;
            const verb_entry *ve = &d->verbs[u->index];
            const pattern *hit = NULL;
            tb_match m;
            for (uint32_t q = 0; q < ve->npatterns && !hit; q++)
                if (tb_pattern_match(c, s, &d->patterns[ve->patterns + q], u->head, u->last, 0, s->nt, &m))
                    hit = &d->patterns[ve->patterns + q];
            code_spec cs = hit ? hit->code : ve->code;
            if (cs.flags & CF_DISCARD)
                return TR_DISCARD;
            if (cs.flags & CF_COMPLEX) {
                complex = true;
                break;
            }
            if (cs.flags & CF_NULL || !cs.code)
                continue;
            long days = 0;
            const char *num = dict_str(d, cs.code);
            if (str_to_long(num, strlen(num), &days))
                s->shift_days = (int)days;
            break;
        }
    }
    if (complex)
        return TR_COMPLEX;
    const dict_options *o = &s->opt;
    if (o->complex_verbs > 0 && nverbs >= o->complex_verbs)
        return TR_COMPLEX;
    if (o->complex_conj > 0) {
        int nconj = 0;
        for (int i = 0; i < s->nt; i++) {
            const tb_tok *t = &s->t[i];
            nconj += (t->wflags & TW_CONJ) && !t->compound_link && !t->deleted && t->part_of < 0;
        }
        if (nconj >= o->complex_conj)
            return TR_COMPLEX;
    }
    if (o->noactprior) {
        /* No actor before the first verb; with no verb, no actor at all (DEBUG-22). */
        int v = first_verb(c, s);
        if (!any_actor(s, 0, v >= 0 ? s->u[v].head : s->nt))
            return TR_COMPLEX;
    }
    return TR_CODED;
}

/* ---------------------------------------------------------------- clauses */

static tb_ref actor_after_conj(const tb_state *s, const tb_clause *cl, int clause)
{
    if (clause == 0)
        return no_ref();
    int i = cl->start + 1;
    while (i < cl->end && (s->t[i].deleted || (s->t[i].wflags & TW_DET) || s->t[i].type == TT_ADJ))
        i++;
    if (i >= cl->end || s->t[i].actor < 0 || !active_actor(s, s->t[i].actor) || s->a[s->t[i].actor].first != i)
        return no_ref();
    return ref_of(s, s->t[i].actor, true);
}

static tb_ref first_in_clause(const tb_state *s, const tb_clause *cl)
{
    for (int i = cl->start; i < cl->end; i++)
        if (!s->t[i].deleted && s->t[i].actor >= 0 && active_actor(s, s->t[i].actor))
            return ref_of(s, s->t[i].actor, true);
    return no_ref();
}

static int code_clauses(dt_coder *c, tb_state *s)
{
    ctx x;
    x.carried = no_ref();
    int code_by = s->opt.code_by;
    bool sentence_done = false;
    for (int k = 0; k < s->ncl && !sentence_done; k++) {
        const tb_clause *cl = &s->cl[k];
        x.after_conj = actor_after_conj(s, cl, k);
        if (cl->comma)
            x.carried = no_ref();
        bool main_found = false;
        vres sub;
        memset(&sub, 0, sizeof(sub));
        bool have_sub = false;
        tb_ref clause_subject = no_ref();
        bool had_verb = false;
        for (int q = 0; q < s->nu; q++) {
            const tb_unit *u = &s->u[q];
            if (u->kind != PK_VERB || u->cancelled || s->t[u->head].type != TT_VERB)
                continue;
            if (u->head < cl->start || u->head >= cl->end)
                continue;
            had_verb = true;
            vres r = code_verb(c, s, u, cl, k, &x);
            if (r.kind == VR_DISCARD)
                return TR_DISCARD;
            if (r.kind == VR_COMPLEX)
                return TR_COMPLEX;
            if (r.kind != VR_EVENT)
                continue;
            bool subord = (r.cs.flags & CF_SUBORD) != 0;
            /* BY CLAUSE and BY SENTENCE code the first event of the clause; a dominant code
             * only pushes out the other events of the sentence (FRWD-002-003). */
            if (code_by != 2 && main_found)
                break;
            if (subord && code_by != 2) {
                if (!have_sub) {
                    sub = r;
                    have_sub = true;
                }
                continue;
            }
            expand(c, s, &r);
            if (clause_subject.actor == -1)
                clause_subject = r.subject;
            main_found = true;
            if (code_by == 1)
                sentence_done = true;
        }
        if (!main_found && have_sub) {
            expand(c, s, &sub);
            clause_subject = sub.subject;
            if (code_by == 1)
                sentence_done = true;
        }
        /* The source kept for the next clause: a clause without a verb keeps none
         * (COMPOUND-17: "Ithilen's awful and cool minister Calimehtar warned"). */
        if (clause_subject.actor != -1)
            x.carried = clause_subject;
        else if (had_verb && (x.carried.actor == -1 || x.after_conj.actor >= 0)) {
            tb_ref f = x.after_conj.actor >= 0 ? x.after_conj : first_in_clause(s, cl);
            if (f.actor != -1)
                x.carried = f;
        }
    }
    return TR_CODED;
}

/* Dominant events push out the others; any ordinary event pushes out subordinate ones. */
static void finish_events(tb_state *s)
{
    bool dominant = false, main = false;
    for (int k = 0; k < s->nev; k++) {
        dominant |= s->ev[k].dominant;
        main |= !s->ev[k].subord;
    }
    int n = 0;
    for (int k = 0; k < s->nev; k++) {
        if (dominant && !s->ev[k].dominant)
            continue;
        if (main && s->ev[k].subord)
            continue;
        s->ev[n++] = s->ev[k];
    }
    s->nev = n;
}

/* ---------------------------------------------------------------- output */

static const char *actor_text(dt_coder *c, const tb_state *s, int ai)
{
    buf_clear(&c->scratch);
    if (ai < 0)
        return "";
    const tb_actor *a = &s->a[ai];
    for (int i = a->first; i <= a->last; i++) {
        if (i > a->first)
            buf_putc(&c->scratch, ' ');
        buf_append(&c->scratch, s->t[i].s, s->t[i].len);
    }
    return c->scratch.data ? c->scratch.data : "";
}

static int emit(dt_coder *c, tb_state *s, const char *text, size_t n)
{
    const char *sent = NULL, *issues = "";
    int added = 0;
    if (s->nissues) {
        buf_clear(&c->scratch);
        for (int k = 0; k < s->nissues; k++)
            buf_printf(&c->scratch, "%s%s", k ? "," : "", dict_str(c->d, s->issues[k]));
        if (!(issues = arena_strndup(&c->doc, c->scratch.data, c->scratch.len)))
            return DT_ENOMEM;
    }
    for (int k = 0; k < s->nev; k++) {
        const tb_event *e = &s->ev[k];
        if (!sent && !(sent = arena_strndup(&c->doc, text, n)))
            return DT_ENOMEM;
        dt_event ev;
        memset(&ev, 0, sizeof(ev));
        ev.sentence = c->sentence;
        const char *a = code_str(c, e->src), *b = code_str(c, e->tgt), *k2 = code_str(c, e->code);
        ev.source = arena_strndup(&c->doc, a, strlen(a));
        ev.target = arena_strndup(&c->doc, b, strlen(b));
        ev.code = arena_strndup(&c->doc, k2, strlen(k2));
        const char *st = actor_text(c, s, e->sa);
        ev.source_text = arena_strndup(&c->doc, st, strlen(st));
        const char *tt = actor_text(c, s, e->ta);
        ev.target_text = arena_strndup(&c->doc, tt, strlen(tt));
        if (!ev.source || !ev.target || !ev.code || !ev.source_text || !ev.target_text)
            return DT_ENOMEM;
        dt_cameo info;
        if (dt_cameo_lookup(ev.code, &info) == 0) {
            memcpy(ev.root, info.root, 3);
            ev.quad = info.quad;
            ev.goldstein = info.goldstein;
        }
        ev.issues = issues;
        ev.rule = e->rule < c->d->nrules ? c->d->rules[e->rule].text : "";
        ev.sentence_text = sent;
        if (dict_push((void **)&c->events, &c->nevents, &c->capevents, sizeof(ev), &ev) < 0)
            return DT_ENOMEM;
        trace_printf(c, "event: %s %s %s  (%s)\n", ev.source, ev.target, ev.code, ev.rule);
        added++;
    }
    return added;
}

static void remember_for_forward(tb_state *s)
{
    s->nfwd = 0;
    for (int k = 0; k < s->na; k++) {
        const tb_actor *a = &s->a[k];
        if (a->pronoun || !tb_actor_ok(s, k) || !a->base)
            continue;
        /* The actor's own code, without its agents (FRWD-001-002). */
        s->fwd_codes[0] = a->base;
        s->nfwd = 1;
        break;
    }
    if (!s->record_mode)
        s->fwd_valid = s->nfwd > 0;
}

static void trace_parse(dt_coder *c, const tb_state *s)
{
    if (!c->opts.explain)
        return;
    static const char *const types[] = {"", "+", "A", "G", "V", "N", "J", "T", "0"};
    buf *t = &c->trace;
    buf_printf(t, "sentence %d:", c->sentence);
    for (int i = 0; i < s->nt; i++) {
        const tb_tok *k = &s->t[i];
        buf_printf(t, " %s%.*s", k->deleted ? "~" : "", (int)k->len, k->s);
        if (k->type)
            buf_printf(t, "/%s", types[k->type]);
        if (k->wflags & TW_CONJ && !k->compound_link && i == s->cl[k->clause].start && k->clause)
            buf_puts(t, "/|");
    }
    buf_putc(t, '\n');
    for (int k = 0; k < s->na; k++) {
        const tb_actor *a = &s->a[k];
        buf_printf(t, "actor %d-%d%s%s:", a->first, a->last, a->cancelled ? " (cancelled)" : "",
                   a->pronoun ? " (pronoun)" : "");
        for (int q = 0; q < a->ncodes; q++)
            buf_printf(t, " %s", code_str(c, a->codes[q]));
        if (a->group >= 0)
            buf_printf(t, "  [compound %d]", a->group);
        buf_putc(t, '\n');
    }
}

int tabari_code_sentence(dt_coder *c, const char *text, size_t n)
{
    tb_state *s = tabari_state(c);
    if (!s)
        return DT_ENOMEM;
    s->date = c->date;
    s->result = TR_CODED;
    s->nev = 0;
    s->na = s->nu = s->ncl = 0;
    s->shift_days = 0;
    s->nissues = 0;
    s->words_bloom_ready = false;
    if (!s->record_mode && c->sentence == 0)
        s->fwd_valid = false;
    int rc = tb_filter(s, c->d, text, n);
    if (rc)
        return rc;
    int added = 0;
    int min_words = s->opt.petrarch ? 0 : s->opt.min_words;
    if (s->nt == 0 || s->nt < min_words) {
        s->result = TR_SHORT;
        trace_printf(c, "sentence %d: fewer than %d words, not coded\n", c->sentence, min_words);
        goto out;
    }
    tb_parse(c, s);
    trace_parse(c, s);
    if (s->result == TR_DISCARD) {
        if (c->discard_story)
            c->nevents = 0;
        goto out;
    }
    s->result = precheck(c, s);
    if (s->result == TR_CODED)
        s->result = code_clauses(c, s);
    if (s->result != TR_CODED) {
        s->nev = 0;
        trace_printf(c, "%s\n", s->result == TR_DISCARD ? "discarded" : "complex: not coded");
    } else {
        finish_events(s);
        added = emit(c, s, text, n);
        if (added < 0)
            return added;
    }
out:
    if (s->result != TR_SHORT)
        remember_for_forward(s);
    c->sentence++;
    return added;
}
