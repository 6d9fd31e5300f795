/* tabari_parse.c — TABARI's shallow parse of a sentence (manual chapter 7): dictionary
 * phrases (with gaps between words written with a blank), nouns shifted by determiners
 * and capitals, actors with their agents (before, after, OF/IN, FORMER), pronouns,
 * parsed compounds, comma-delimited clauses eliminated, and clauses at conjunctions. */
#include "tabari.h"

#include "../dict/compat.h"

#include <stdio.h>

/* ---------------------------------------------------------------- phrases */

typedef struct walk_ctx {
    const dt_dict *d;
    tb_state *s;
    int start;
    int steps;
    int16_t path[24];
    /* best so far */
    int best_words;
    size_t best_letters;
    int best_rank;
    const phrase_payload *best_pl;
    int16_t best_path[24];
    int best_n;
    bool discard, discard_story;
} walk_ctx;

static int kind_rank(uint8_t kind)
{
    switch (kind) {
    case PK_ACTOR: return 6;
    case PK_AGENT: return 5;
    case PK_VERB: return 4;
    case PK_TIME: return 3;
    case PK_NOUNWORD: return 2;
    case PK_ADJ: return 1;
    default: return 0;
    }
}

static void consider(walk_ctx *w, uint32_t node, int depth, int words, size_t letters)
{
    const trie_node *tn = &w->d->nodes[node];
    for (uint32_t p = 0; p < tn->npayloads; p++) {
        const phrase_payload *pl = &w->d->payloads[tn->payloads + p];
        if (pl->kind == PK_DISCARD) {
            w->discard = true;
            if (pl->form)
                w->discard_story = true;
            continue;
        }
        if (pl->kind == PK_ISSUE) {
            tb_state *s = w->s;
            bool have = false;
            for (int k = 0; k < s->nissues; k++)
                have |= s->issues[k] == pl->index;
            if (!have && s->nissues < (int)DT_ARRAY_LEN(s->issues))
                s->issues[s->nissues++] = pl->index;
            continue;
        }
        int rank = kind_rank(pl->kind);
        if (!rank)
            continue;
        if (pl->kind == PK_TIME && w->s->opt.time_shift != 1)
            continue;
        bool better = words > w->best_words ||
                      (words == w->best_words && (letters > w->best_letters ||
                                                  (letters == w->best_letters && rank > w->best_rank)));
        if (!better)
            continue;
        w->best_words = words;
        w->best_letters = letters;
        w->best_rank = rank;
        w->best_pl = pl;
        w->best_n = depth;
        memcpy(w->best_path, w->path, sizeof(int16_t) * (size_t)depth);
    }
}

static bool free_token(const tb_state *s, int i)
{
    return i < s->nt && s->t[i].part_of < 0;
}

static void walk(walk_ctx *w, uint32_t node, int pos, int depth, int words, size_t letters)
{
    const dt_dict *d = w->d;
    tb_state *s = w->s;
    if (++w->steps > 20000 || depth >= 24)
        return;
    if (free_token(s, pos)) {
        const tb_tok *t = &s->t[pos];
        for (uint16_t k = 0; k < t->nmatch; k++) {
            uint32_t child = dict_child(d, node, t->match[k]);
            if (!child)
                continue;
            w->path[depth] = (int16_t)pos;
            size_t l = letters + compat_word_letters(d, t->match[k]);
            consider(w, child, depth + 1, words + 1, l);
            if (d->nodes[child].kids)
                walk(w, child, pos + 1, depth + 1, words + 1, l);
        }
    }
    /* A blank in the phrase: the next word may come later. */
    if (s->gap_word >= 0 && depth > 0) {
        uint32_t g = dict_child(d, node, (uint32_t)s->gap_word);
        if (g) {
            for (int q = pos; q < s->nt; q++) {
                if (!free_token(s, q))
                    continue;
                const tb_tok *t = &s->t[q];
                for (uint16_t k = 0; k < t->nmatch; k++) {
                    uint32_t child = dict_child(d, g, t->match[k]);
                    if (!child)
                        continue;
                    w->path[depth] = (int16_t)q;
                    size_t l = letters + compat_word_letters(d, t->match[k]);
                    consider(w, child, depth + 1, words + 1, l);
                    if (d->nodes[child].kids)
                        walk(w, child, q + 1, depth + 1, words + 1, l);
                }
            }
        }
    }
}

static uint8_t type_of_kind(uint8_t kind)
{
    switch (kind) {
    case PK_ACTOR: return TT_ACTOR;
    case PK_AGENT: return TT_AGENT;
    case PK_VERB: return TT_VERB;
    case PK_TIME: return TT_TIME;
    case PK_NOUNWORD: return TT_NOUN;
    case PK_ADJ: return TT_ADJ;
    default: return TT_NONE;
    }
}

static void find_phrases(dt_coder *c, tb_state *s, bool *discard, bool *discard_story)
{
    s->nu = 0;
    for (int i = 0; i < s->nt; i++) {
        if (s->t[i].part_of >= 0)
            continue;
        walk_ctx w;
        memset(&w, 0, sizeof(w));
        w.d = c->d;
        w.s = s;
        w.start = i;
        walk(&w, 0, i, 0, 0, 0);
        *discard |= w.discard;
        *discard_story |= w.discard_story;
        if (!w.best_pl || s->nu >= TB_MAX_UNITS)
            continue;
        tb_unit *u = &s->u[s->nu];
        memset(u, 0, sizeof(*u));
        u->kind = w.best_pl->kind;
        u->index = w.best_pl->index;
        u->rule = w.best_pl->rule;
        u->ntoks = (uint8_t)w.best_n;
        memcpy(u->toks, w.best_path, sizeof(int16_t) * (size_t)w.best_n);
        u->head = u->toks[0];
        u->last = u->toks[u->ntoks - 1];
        for (int k = 0; k < u->ntoks; k++) {
            tb_tok *t = &s->t[u->toks[k]];
            t->part_of = (int16_t)s->nu;
            t->type = k == 0 ? type_of_kind(u->kind) : TT_PART;
        }
        s->t[u->head].unit = (int16_t)s->nu;
        s->nu++;
    }
}

/* ---------------------------------------------------------------- nouns and nulls */

static void shift_nouns(dt_coder *c, tb_state *s)
{
    for (int k = 0; k < s->nu; k++) {
        tb_unit *u = &s->u[k];
        if (u->kind != PK_VERB)
            continue;
        const verb_entry *ve = &c->d->verbs[u->index];
        int h = u->head;
        /* (a) after THE, A, AN; (b) capitalised inside a sentence that is not all capitals. */
        bool det = h > 0 && (s->t[h - 1].wflags & TW_DET) && s->t[h - 1].part_of < 0;
        bool cap = h > 0 && s->t[h].cap && !s->all_caps;
        if (det || cap) {
            s->t[h].type = TT_NOUN;
            continue;
        }
        /* A null-coded root without patterns is not a verb at all. */
        if ((ve->code.flags & CF_NULL) && ve->npatterns == 0)
            s->t[h].type = TT_NULL;
    }
}

/* ---------------------------------------------------------------- actors */

static bool code_has_at(const char *code, const char *part)
{
    size_t cl = strlen(code), pl = strlen(part);
    for (size_t i = 0; i + pl <= cl; i += 3)
        if (memcmp(code + i, part, pl) == 0)
            return true;
    return false;
}

/* TABARI adds an agent's code unless the actor's code already holds it on a 3-letter
 * boundary (TAMIL TIGER [LKAREB] + GUERRILLA [~REB] = LKAREB). */
static sid add_agent(dt_coder *c, sid actor, sid agent, bool prefix)
{
    const char *a = code_str(c, actor), *g = code_str(c, agent);
    if (code_has_at(a, g))
        return actor;
    char out[128];
    if (prefix)
        snprintf(out, sizeof(out), "%s%s", g, a);
    else
        snprintf(out, sizeof(out), "%s%s", a, g);
    sid id = coder_intern(c, out, strlen(out));
    return id ? id : actor;
}

static int new_actor(tb_state *s, int first, int last)
{
    if (s->na >= TB_MAX_ACTORS)
        return -1;
    tb_actor *a = &s->a[s->na];
    memset(a, 0, sizeof(*a));
    a->first = (int16_t)first;
    a->last = (int16_t)last;
    a->unit = -1;
    a->tok = -1;
    a->group = -1;
    a->ref = -1;
    a->prep_agent = -1;
    a->rule = UINT32_MAX;
    return s->na++;
}

static int actor_ending_at(const tb_state *s, int i)
{
    for (int k = 0; k < s->na; k++)
        if (s->a[k].unit >= 0 && s->a[k].last == i && !s->a[k].pronoun)
            return k;
    return -1;
}

static int actor_starting_at(const tb_state *s, int i)
{
    for (int k = 0; k < s->na; k++)
        if (s->a[k].unit >= 0 && s->a[k].first == i && !s->a[k].pronoun)
            return k;
    return -1;
}

static void apply_agent(dt_coder *c, tb_state *s, int ai, const agent_entry *ag, bool former, int gfirst, int glast)
{
    tb_actor *a = &s->a[ai];
    sid eli = former ? coder_intern(c, "ELI", 3) : SID_NONE;
    for (int q = 0; q < a->ncodes; q++) {
        const char *code = code_str(c, a->codes[q]);
        if (code[0] == '#' || code[0] == '+')
            continue;
        a->codes[q] = eli ? add_agent(c, a->codes[q], eli, false) : add_agent(c, a->codes[q], ag->code, ag->prefix);
    }
    if (gfirst < a->first)
        a->first = (int16_t)gfirst;
    if (glast > a->last)
        a->last = (int16_t)glast;
}

static bool former_before(const tb_state *s, int i)
{
    return i > 0 && (s->t[i - 1].wflags & TW_FORMER);
}

static void build_actors(dt_coder *c, tb_state *s)
{
    const dt_dict *d = c->d;
    s->na = 0;
    for (int k = 0; k < s->nu; k++) {
        tb_unit *u = &s->u[k];
        if (u->kind != PK_ACTOR)
            continue;
        sid codes[TB_MAX_CODES];
        size_t n = dict_actor_codes(d, &d->actors[u->index], s->date, codes, TB_MAX_CODES);
        if (n == 0) {
            /* Null-coded on this date: a noun. */
            s->t[u->head].type = TT_NOUN;
            continue;
        }
        /* The actor's own words must be consecutive to extend a span; a phrase with gaps
         * keeps its first word as its place. */
        int last = u->head;
        while (last + 1 <= u->last && s->t[last + 1].part_of == k)
            last++;
        int ai = new_actor(s, u->head, last);
        if (ai < 0)
            break;
        tb_actor *a = &s->a[ai];
        a->unit = (int16_t)k;
        a->rule = u->rule;
        for (size_t q = 0; q < n; q++) {
            const char *cs = dict_str(d, codes[q]);
            if (strcmp(cs, "###") == 0)
                a->special = '#';
            else if (strcmp(cs, "+++") == 0 && a->special != '#')
                a->special = '+';
            a->codes[a->ncodes++] = codes[q];
        }
        a->base = a->codes[0];
    }
    /* Agents: immediately after an actor, immediately before one, or before IN/OF and an
     * actor. FORMER before the actor or the agent makes the agent ELI. */
    for (int k = 0; k < s->nu; k++) {
        tb_unit *u = &s->u[k];
        if (u->kind != PK_AGENT || s->t[u->head].type != TT_AGENT)
            continue;
        const agent_entry *ag = &d->agents[u->index];
        int glast = u->head;
        while (glast + 1 <= u->last && s->t[glast + 1].part_of == k)
            glast++;
        bool attached = false;
        /* after an actor (FORMER may come between) */
        int p = u->head - 1;
        bool former = former_before(s, u->head);
        while (p >= 0 && (s->t[p].wflags & TW_FORMER))
            p--;
        int left = p >= 0 ? actor_ending_at(s, p) : -1;
        if (left >= 0) {
            bool f = former || former_before(s, s->a[left].first);
            apply_agent(c, s, left, ag, f, u->head, glast);
            attached = true;
        }
        /* before an actor */
        int right = glast + 1 < s->nt ? actor_starting_at(s, glast + 1) : -1;
        if (right >= 0) {
            apply_agent(c, s, right, ag, former, u->head, glast);
            attached = true;
        }
        /* before IN/OF and an actor */
        uint16_t preps = s->opt.petrarch ? (TW_PREP | TW_FROM) : TW_PREP;
        if (!attached && glast + 2 < s->nt && (s->t[glast + 1].wflags & preps)) {
            int q = glast + 2;
            while (q < s->nt && (s->t[q].wflags & TW_DET) && s->t[q].part_of < 0)
                q++;
            int via = q < s->nt ? actor_starting_at(s, q) : -1;
            if (via >= 0) {
                apply_agent(c, s, via, ag, former, u->head, glast);
                s->a[via].prep_agent = (int16_t)k;
                s->a[via].prep_former = former;
                attached = true;
            }
        }
        if (!attached && (s->opt.convert_agents || s->opt.petrarch)) {
            /* SET: CONVERT AGENTS: the agent alone is an actor coded ~GOV (or NGO~);
             * PETRARCH codes it with a null actor, ---GOV. */
            int ai = new_actor(s, u->head, glast);
            if (ai >= 0) {
                char tmp[80];
                const char *mark = s->opt.petrarch ? "---" : "~";
                if (ag->prefix)
                    snprintf(tmp, sizeof(tmp), "%s%s", dict_str(d, ag->code), mark);
                else
                    snprintf(tmp, sizeof(tmp), "%s%s", mark, dict_str(d, ag->code));
                s->a[ai].codes[0] = coder_intern(c, tmp, strlen(tmp));
                s->a[ai].ncodes = s->a[ai].codes[0] ? 1 : 0;
                s->a[ai].base = s->a[ai].codes[0];
                s->a[ai].unit = (int16_t)k;
                s->a[ai].rule = u->rule;
            }
        }
    }
    /* Pronouns. */
    for (int i = 0; i < s->nt; i++) {
        tb_tok *t = &s->t[i];
        if (!(t->wflags & TW_PRON) || t->part_of >= 0)
            continue;
        /* PETRARCH takes actors from noun phrases: "their credentials" names none. */
        if (s->opt.petrarch && t->len == 5 && memcmp(t->s, "THEIR", 5) == 0)
            continue;
        int ai = new_actor(s, i, i);
        if (ai < 0)
            break;
        s->a[ai].pronoun = (uint8_t)(t->wflags & TW_PRON_PL ? 2 : 1);
        s->a[ai].tok = (int16_t)i;
    }
    /* Text order. */
    for (int i = 1; i < s->na; i++) {
        tb_actor x = s->a[i];
        int j = i - 1;
        while (j >= 0 && s->a[j].first > x.first) {
            s->a[j + 1] = s->a[j];
            j--;
        }
        s->a[j + 1] = x;
    }
    for (int i = 0; i < s->nt; i++)
        s->t[i].actor = -1;
    for (int k = 0; k < s->na; k++) {
        tb_actor *a = &s->a[k];
        for (int i = a->first; i <= a->last; i++)
            s->t[i].actor = (int16_t)k;
        if (a->unit >= 0 && s->u[a->unit].kind == PK_ACTOR) {
            const tb_unit *u = &s->u[a->unit];
            for (int q = 0; q < u->ntoks; q++)
                s->t[u->toks[q]].actor = (int16_t)k;
        }
    }
}

/* ---------------------------------------------------------------- compounds */

static int find_root(tb_state *s, int k)
{
    while (s->a[k].group >= 0 && s->a[k].group != k)
        k = s->a[k].group;
    return k;
}

static void join(tb_state *s, int x, int y)
{
    int rx = find_root(s, x), ry = find_root(s, y);
    if (s->a[rx].group < 0)
        s->a[rx].group = (int16_t)rx;
    if (s->a[ry].group < 0)
        s->a[ry].group = (int16_t)ry;
    if (rx == ry)
        return;
    if (rx < ry)
        s->a[ry].group = (int16_t)rx;
    else
        s->a[rx].group = (int16_t)ry;
}

static bool plain_actor(const tb_state *s, int k)
{
    return k >= 0 && !s->a[k].pronoun && s->a[k].ncodes > 0;
}

/* The actor that ends exactly at word i, or -1. */
static int actor_last_at(const tb_state *s, int i)
{
    if (i < 0 || i >= s->nt)
        return -1;
    int k = s->t[i].actor;
    return plain_actor(s, k) && s->a[k].last == i ? k : -1;
}

/* The actor that starts at word i after determiners and adjectives, or -1. */
static int actor_first_after(const tb_state *s, int i, int *at, bool loose)
{
    /* PETRARCH's dictionaries list no adjectives: its parse joins "the evil awful Gondor";
     * here up to two words that are in no dictionary may stand before the actor. */
    int unknown = 0;
    while (i < s->nt) {
        const tb_tok *t = &s->t[i];
        if (((t->wflags & TW_DET) && t->part_of < 0) || t->type == TT_ADJ) {
            i++;
            continue;
        }
        if (loose && s->opt.petrarch && t->type == TT_NONE && !t->wflags && t->actor < 0 && ++unknown <= 2) {
            i++;
            continue;
        }
        break;
    }
    if (i >= s->nt)
        return -1;
    int k = s->t[i].actor;
    if (at)
        *at = i;
    return plain_actor(s, k) && s->a[k].first == i ? k : -1;
}

typedef struct link { int16_t left, right, tok, comma; } link;

static bool is_noun_tok(const tb_tok *t) { return t->type == TT_NOUN; }

static void find_compounds(tb_state *s)
{
    link conj[64], comma[64];
    int nconj = 0, ncomma = 0;
    for (int i = 1; i + 1 < s->nt; i++) {
        tb_tok *t = &s->t[i];
        if (t->part_of >= 0)
            continue;
        if ((t->wflags & TW_CONJ) && !(t->len == 3 && memcmp(t->s, "BUT", 3) == 0)) {
            int l = i - 1, cm = -1;
            if (s->t[l].wflags & TW_COMMA) {
                cm = l;
                l--;
            }
            int al = actor_last_at(s, l), ar = actor_first_after(s, i + 1, NULL, true);
            if (al >= 0 && ar >= 0 && nconj < 64)
                conj[nconj++] = (link){(int16_t)al, (int16_t)ar, (int16_t)i, (int16_t)cm};
        } else if ((t->wflags & TW_COMMA) && !(i + 1 < s->nt && (s->t[i + 1].wflags & TW_CONJ))) {
            int al = actor_last_at(s, i - 1), ar = actor_first_after(s, i + 1, NULL, true);
            if (al >= 0 && ar >= 0 && ncomma < 64)
                comma[ncomma++] = (link){(int16_t)al, (int16_t)ar, (int16_t)i, -1};
        }
    }
    bool left_of[TB_MAX_ACTORS] = {0}, starts_list[TB_MAX_ACTORS] = {0};
    for (int k = 0; k < nconj; k++) {
        join(s, conj[k].left, conj[k].right);
        s->t[conj[k].tok].compound_link = 1;
        if (conj[k].comma >= 0)
            s->t[conj[k].comma].compound_link = 1;
        left_of[conj[k].left] = true;
    }
    /* A comma joins two actors only in a list that ends with a conjunction. */
    for (int k = ncomma - 1; k >= 0; k--) {
        if (!left_of[comma[k].right])
            continue;
        join(s, comma[k].left, comma[k].right);
        s->t[comma[k].tok].compound_link = 1;
        left_of[comma[k].left] = true;
        starts_list[comma[k].left] = true;
    }
    /* Actors right after the last member ("the evil Arnor awful Gondor", "Arnor's Elrond"),
     * unless a comma list of its own starts there (DEBUG-20). */
    for (int k = 0; k < nconj; k++) {
        int cur = conj[k].right;
        for (;;) {
            int at;
            int nx = actor_first_after(s, s->a[cur].last + 1, &at, false);
            if (nx < 0 || starts_list[nx] || find_root(s, nx) == find_root(s, cur))
                break;
            join(s, cur, nx);
            cur = nx;
        }
    }
    for (int k = 0; k < s->na; k++)
        if (s->a[k].group >= 0)
            s->a[k].group = (int16_t)find_root(s, k);
    /* Compound nouns and adjectives: their conjunctions do not start clauses. */
    for (int i = 1; i + 1 < s->nt; i++) {
        tb_tok *t = &s->t[i];
        if (!(t->wflags & TW_CONJ) || t->part_of >= 0 || t->compound_link)
            continue;
        const tb_tok *p = &s->t[i - 1];
        int j = i + 1;
        if (is_noun_tok(p)) {
            while (j < s->nt && s->t[j].type == TT_ADJ)
                j++;
            if (j < s->nt && is_noun_tok(&s->t[j]))
                t->compound_link = 1;
        } else if (p->type == TT_ADJ && s->t[j].type == TT_ADJ) {
            t->compound_link = 1;
        }
    }
}

/* PETRARCH: "the ambassadors of Arnor, Osgiliath and Gondor" are ambassadors of each. */
static void share_prep_agents(dt_coder *c, tb_state *s)
{
    if (!s->opt.petrarch)
        return;
    for (int k = 0; k < s->na; k++) {
        const tb_actor *h = &s->a[k];
        if (h->prep_agent < 0 || h->group != k)
            continue;
        const agent_entry *ag = &c->d->agents[s->u[h->prep_agent].index];
        for (int j = 0; j < s->na; j++)
            if (j != k && s->a[j].group == k && s->a[j].prep_agent < 0)
                apply_agent(c, s, j, ag, h->prep_former, s->a[j].first, s->a[j].last);
    }
}

int tb_group_head(const tb_state *s, int ai)
{
    return s->a[ai].group >= 0 ? s->a[ai].group : ai;
}

static int group_size(const tb_state *s, int head)
{
    int n = 0;
    for (int k = 0; k < s->na; k++)
        if (s->a[k].group == head)
            n++;
    return n;
}

/* ---------------------------------------------------------------- pronouns */

static void resolve_pronouns(dt_coder *c, tb_state *s)
{
    (void)c;
    int first_actor = -1;
    for (int k = 0; k < s->na; k++)
        if (plain_actor(s, k)) {
            first_actor = k;
            break;
        }
    for (int k = 0; k < s->na; k++) {
        tb_actor *a = &s->a[k];
        if (!a->pronoun)
            continue;
        /* FORWARD: a pronoun before any actor refers to the previous sentence. */
        if (s->opt.forward && s->fwd_valid && (first_actor < 0 || s->a[first_actor].first > a->first)) {
            a->ncodes = (uint8_t)DT_MIN(s->nfwd, TB_MAX_CODES);
            memcpy(a->codes, s->fwd_codes, sizeof(sid) * a->ncodes);
            a->base = a->ncodes ? a->codes[0] : SID_NONE;
            continue;
        }
        int ref = -1;
        bool whole = false;
        if (a->pronoun == 2) {
            for (int j = 0; j < k && ref < 0; j++)
                if (plain_actor(s, j) && s->a[j].group == j && group_size(s, j) > 1) {
                    ref = j;
                    whole = true;
                }
        }
        if (ref < 0 && first_actor >= 0 && first_actor < k)
            ref = first_actor;
        if (ref < 0)
            continue;
        a->ref = (int16_t)ref;
        a->ref_compound = whole;
        a->base = s->a[ref].base;
        sid codes[TB_MAX_CODES];
        int16_t owner[TB_MAX_CODES];
        tb_ref r = {(int16_t)ref, whole, SID_NONE};
        int n = tb_ref_codes(c, s, r, codes, owner, TB_MAX_CODES);
        a->ncodes = (uint8_t)n;
        memcpy(a->codes, codes, sizeof(sid) * (size_t)n);
    }
}

/* ---------------------------------------------------------------- commas */

static void delete_range(tb_state *s, int a, int b)
{
    for (int i = a; i < b && i < s->nt; i++)
        if (i >= 0)
            s->t[i].deleted = 1;
}

static void eliminate_commas(tb_state *s)
{
    if (s->opt.comma_off)
        return;
    int commas[TB_MAX_TOKENS];
    int nc = 0;
    for (int i = 0; i < s->nt; i++) {
        const tb_tok *t = &s->t[i];
        if ((t->wflags & TW_COMMA) && !t->compound_link && t->part_of < 0)
            commas[nc++] = i;
    }
    if (nc == 0)
        return;
    /* Phrases: [0, c1), then from each comma to the next (or the end). Counting is chained:
     * the next phrase starts at the comma that ended the previous one, but an eliminated
     * phrase takes its closing comma with it (DEMO-19, MARK-06: the words after it stay). */
    int k = 0; /* k = 0: the initial phrase; k >= 1: the phrase opened by commas[k - 1] */
    while (k <= nc) {
        int a = k == 0 ? 0 : commas[k - 1];
        int b = k == nc ? s->nt : commas[k];
        int words = 0;
        for (int i = a; i < b; i++)
            if (!(s->t[i].wflags & TW_COMMA))
                words++;
        int lo, hi;
        if (k == 0) {
            lo = s->opt.comma_bmin;
            hi = s->opt.comma_bmax;
        } else if (k == nc) {
            lo = s->opt.comma_emin;
            hi = s->opt.comma_emax;
        } else {
            lo = s->opt.comma_min;
            hi = s->opt.comma_max;
        }
        if (words > lo && words <= hi) {
            delete_range(s, a, k == nc ? s->nt : b + 1);
            k += 2;
        } else {
            k++;
        }
    }
}

static void cancel_deleted(tb_state *s)
{
    for (int k = 0; k < s->nu; k++) {
        tb_unit *u = &s->u[k];
        bool gone = false;
        for (int q = 0; q < u->ntoks; q++)
            gone |= s->t[u->toks[q]].deleted != 0;
        if (gone)
            u->cancelled = 1;
    }
    for (int k = 0; k < s->na; k++) {
        tb_actor *a = &s->a[k];
        bool gone = false;
        for (int i = a->first; i <= a->last; i++)
            gone |= s->t[i].deleted != 0;
        if (a->unit >= 0)
            gone |= s->u[a->unit].cancelled != 0;
        a->cancelled = gone;
    }
}

/* ---------------------------------------------------------------- clauses */

static void find_clauses(tb_state *s)
{
    s->ncl = 0;
    int start = 0;
    /* PETRARCH's parse puts a final "..., a senior official said" in a clause of its own. */
    int last_comma = -1;
    if (s->opt.petrarch)
        for (int i = 0; i < s->nt; i++)
            if ((s->t[i].wflags & TW_COMMA) && !s->t[i].compound_link)
                last_comma = i;
    if (last_comma >= 0 && s->t[last_comma].deleted)
        last_comma = -1; /* the final phrase was eliminated */
    for (int i = 0; i < s->nt; i++) {
        const tb_tok *t = &s->t[i];
        bool split = (t->wflags & TW_CONJ) && !t->compound_link && t->part_of < 0 && !t->deleted;
        bool comma = i == last_comma;
        if ((split || comma) && s->ncl + 1 < TB_MAX_CLAUSES) {
            s->cl[s->ncl] = (tb_clause){(int16_t)start, (int16_t)i, 0};
            s->cl[s->ncl].comma = s->ncl > 0 && (s->t[start].wflags & TW_COMMA);
            s->ncl++;
            start = i;
        }
    }
    s->cl[s->ncl] = (tb_clause){(int16_t)start, (int16_t)s->nt, 0};
    s->cl[s->ncl].comma = s->ncl > 0 && (s->t[start].wflags & TW_COMMA);
    s->ncl++;
    for (int k = 0; k < s->ncl; k++)
        for (int i = s->cl[k].start; i < s->cl[k].end; i++)
            s->t[i].clause = (int16_t)k;
}

/* ---------------------------------------------------------------- entry */

bool tb_actor_ok(const tb_state *s, int ai)
{
    return ai >= 0 && ai < s->na && !s->a[ai].cancelled && s->a[ai].ncodes > 0;
}

int tb_ref_codes(const dt_coder *c, const tb_state *s, tb_ref r, sid *out, int16_t *owner, int cap)
{
    (void)c;
    int n = 0;
    if (r.actor == -2) {
        if (r.dflt && cap > 0) {
            out[0] = r.dflt;
            owner[0] = -1;
            n = 1;
        }
        return n;
    }
    if (r.actor < 0)
        return 0;
    int head = tb_group_head(s, r.actor);
    for (int k = 0; k < s->na; k++) {
        bool member = r.whole ? (k == head || s->a[k].group == head) : k == r.actor;
        if (!member || s->a[k].ncodes == 0 || (r.whole && s->a[k].cancelled))
            continue;
        for (int q = 0; q < s->a[k].ncodes; q++) {
            bool dup = false;
            for (int x = 0; x < n; x++)
                dup |= out[x] == s->a[k].codes[q];
            if (!dup && n < cap) {
                owner[n] = (int16_t)k;
                out[n++] = s->a[k].codes[q];
            }
        }
    }
    return n;
}

void tb_parse(dt_coder *c, tb_state *s)
{
    bool discard = false, story = false;
    find_phrases(c, s, &discard, &story);
    if (discard) {
        s->result = TR_DISCARD;
        if (story)
            c->discard_story = true;
    }
    shift_nouns(c, s);
    build_actors(c, s);
    find_compounds(s);
    share_prep_agents(c, s);
    resolve_pronouns(c, s);
    eliminate_commas(s);
    cancel_deleted(s);
    find_clauses(s);
}
