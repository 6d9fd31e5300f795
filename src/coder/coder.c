/* coder.c — the second half of coding a sentence (verbs, patterns, source and target,
 * passive voice, negation, tense, events) and the public dt_coder API. */
#include "coder.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- trace */

void trace_emit(dt_coder *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&c->trace, fmt, ap);
    va_end(ap);
}

void trace_tokens(dt_coder *c, int a, int b, buf *out)
{
    for (int i = a; i < b && i < c->ntok; i++) {
        if (i > a)
            buf_putc(out, ' ');
        buf_append(out, c->norm.data + c->toks[i].start, c->toks[i].len);
    }
}

static const char *span_text(dt_coder *c, int a, int b)
{
    buf_clear(&c->scratch);
    if (a < 0 || b <= a)
        return "";
    size_t st = c->toks[a].start;
    size_t en = c->toks[b - 1].start + c->toks[b - 1].len;
    buf_append(&c->scratch, c->norm.data + st, en - st);
    return c->scratch.data ? c->scratch.data : "";
}

/* ---------------------------------------------------------------- codes */

sid coder_intern(dt_coder *c, const char *s, size_t n)
{
    sid found = dict_find_str(c->d, s, n);
    if (found)
        return found;
    size_t base = c->d->nstrs;
    uint64_t h = hash_bytes(s, n);
    if (c->extra_index_cap) {
        size_t mask = c->extra_index_cap - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            uint32_t id = c->extra_index[i].id;
            if (!id)
                break;
            const char *t = c->extra[id - 1];
            if (strlen(t) == n && memcmp(t, s, n) == 0)
                return (sid)(base + id - 1);
        }
    }
    if ((c->nextra + 1) * 2 > c->extra_index_cap) {
        size_t nc = c->extra_index_cap ? c->extra_index_cap * 2 : 256;
        struct extra_slot *ni = calloc(nc, sizeof(*ni));
        if (!ni)
            return SID_NONE;
        for (size_t k = 0; k < c->nextra; k++) {
            const char *t = c->extra[k];
            size_t j = hash_bytes(t, strlen(t)) & (nc - 1);
            while (ni[j].id)
                j = (j + 1) & (nc - 1);
            ni[j].id = (uint32_t)k + 1;
        }
        free(c->extra_index);
        c->extra_index = ni;
        c->extra_index_cap = nc;
    }
    char *copy = arena_strndup(&c->extra_mem, s, n);
    if (!copy || dict_push((void **)&c->extra, &c->nextra, &c->capextra, sizeof(char *), &copy) < 0)
        return SID_NONE;
    size_t mask = c->extra_index_cap - 1;
    size_t j = h & mask;
    while (c->extra_index[j].id)
        j = (j + 1) & mask;
    c->extra_index[j].id = (uint32_t)c->nextra;
    return (sid)(base + c->nextra - 1);
}

/* ---------------------------------------------------------------- clauses */

static bool verb_prefix(const dt_coder *c, int k);
static bool adverb_like(const dt_coder *c, int i);
static bool rejection_verb(const dt_coder *c, int k);

static bool verb_like(const dt_coder *c, int i)
{
    if (i < 0 || i >= c->ntok)
        return false;
    const ctok *t = &c->ct[i];
    return t->role == TR_VERB ||
           (t->wflags & (WF_AUX | WF_HAVE | WF_DO | WF_FUTURE | WF_HYPO | WF_REPORT | WF_RESPOND));
}

/* The conjunction at i joins a lower-case adjective the dictionaries do not know
 * ("nuclear", "ballistic", "chemical", "military", "humanitarian": by its ending) and an
 * event noun that is no verb ("missile tests", "air strikes"). */
static bool adjective_and_noun(const dt_coder *c, int i)
{
    if (i < 1 || i + 1 >= c->ntok)
        return false;
    const ctok *n = &c->ct[i + 1], *a = &c->ct[i - 1];
    if (n->role != TR_VERB || n->verb < 0 || c->v[n->verb].verb != UINT32_MAX || c->v[n->verb].start != i + 1)
        return false;
    const tok *k = &c->toks[i - 1];
    if (a->role != TR_NONE || a->wflags || a->mention >= 0 || !(k->flags & TOKF_LOWER) || k->key_len < 5)
        return false;
    const char *e = c->keys.data + k->key + k->key_len - 2;
    return memcmp(e, "AL", 2) == 0 || memcmp(e, "IC", 2) == 0 || memcmp(e, "AR", 2) == 0 ||
           memcmp(e, "RY", 2) == 0 || memcmp(e, "AN", 2) == 0;
}

static bool key_is(const dt_coder *c, int i, const char *w)
{
    /* Keys are NUL-terminated: a mismatch is usually seen at the first letter. */
    const tok *t = &c->toks[i];
    const char *k = c->keys.data + t->key;
    size_t j = 0;
    while (w[j] && k[j] == w[j])
        j++;
    return w[j] == 0 && j == t->key_len;
}

/* "denied Japanese claims", "rejected Ukrainian reports": a reporting word right after
 * an actor that is the object of a denial or rejection is that actor's claim, a noun. */
static bool denied_claim_noun(const dt_coder *c, int i)
{
    /* ("denied claims from Washington that ...": the accuser after the noun) */
    if (i >= 1 && i + 2 < c->ntok && (KEY_IS(c, i + 1, "BY") || KEY_IS(c, i + 1, "FROM")) &&
        c->ct[i + 2].mention >= 0) {
        int k = i - 1;
        while (k >= 0 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_DET))
            k--;
        if (k >= 0 && ((c->ct[k].wflags & WF_DENY) || rejection_verb(c, k)))
            return true;
    }
    if (i < 2 || c->ct[i - 1].mention < 0)
        return false;
    int k = c->m[c->ct[i - 1].mention].start - 1;
    while (k >= 0 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_DET))
        k--;
    return k >= 0 && ((c->ct[k].wflags & WF_DENY) || rejection_verb(c, k));
}

static bool tok_is_comma(const dt_coder *c, int i)
{
    /* (both tests made, and-ed without a branch: every token's first byte is in the text,
     * and about one token in six is punctuation, too often for a branch to guess) */
    const tok *t = &c->toks[i];
    return ((t->flags & TOKF_PUNCT) != 0) & (c->norm.data[t->start] == ',');
}

/* "Qatar announced plans to host talks", "confirmed its decision to withdraw": what is
 * announced is the subject's own intention, in the subject's clause (not a report). */
static bool announced_intention(const dt_coder *c, int i)
{
    if (!(KEY_IS(c, i, "ANNOUNCED") || KEY_IS(c, i, "ANNOUNCE") || KEY_IS(c, i, "ANNOUNCES") ||
          KEY_IS(c, i, "ANNOUNCING") || KEY_IS(c, i, "CONFIRMED")))
        return false;
    int j = i + 1;
    if (j < c->ntok && (c->ct[j].wflags & (WF_DET | WF_PRON)) && c->ct[j].role == TR_NONE)
        j++;
    return j + 1 < c->ntok && c->ct[j].role == TR_NONE && (c->ct[j].wflags & WF_INTENT) && KEY_IS(c, j + 1, "TO");
}

/* "declared a seven-day ceasefire", "announced a 72-hour truce": what is declared is the
 * subject's own truce, in the subject's clause (the set phrases "declare a ceasefire" are
 * verbs of their own; this covers a duration or other words before the noun). */
static bool declared_truce(const dt_coder *c, int i)
{
    if (!(KEY_IS(c, i, "DECLARED") || KEY_IS(c, i, "DECLARE") || KEY_IS(c, i, "DECLARES") ||
          KEY_IS(c, i, "ANNOUNCED") || KEY_IS(c, i, "ANNOUNCE") || KEY_IS(c, i, "ANNOUNCES")))
        return false;
    for (int j = i + 1; j < c->ntok && j <= i + 5; j++) {
        if (KEY_IS(c, j, "CEASEFIRE") || KEY_IS(c, j, "TRUCE") || KEY_IS(c, j, "ARMISTICE") ||
            (KEY_IS(c, j, "CEASE") && j + 1 < c->ntok && KEY_IS(c, j + 1, "FIRE")))
            return true;
        if (c->ct[j].role != TR_NONE || c->ct[j].mention >= 0 || (c->ct[j].wflags & (WF_REL | WF_CONJ | WF_PREP)) ||
            tok_is_comma(c, j))
            return false;
    }
    return false;
}

/* A relative clause opened by ", who" or ", which" within the dozen tokens before the
 * comma at token i, with no verb of another clause between its opening and that comma
 * other than its own. */
static bool relative_before(const dt_coder *c, int i)
{
    for (int k = i - 1; k >= 1 && k >= i - 12; k--) {
        if ((c->toks[k].flags & TOKF_PUNCT) && !tok_is_comma(c, k))
            return false;
        if (KEY_IS(c, k, "WHO") || KEY_IS(c, k, "WHICH"))
            return tok_is_comma(c, k - 1) && k + 1 < i;
        if (tok_is_comma(c, k))
            return false;
    }
    return false;
}

/* The comma at token i is followed by an actor and its verb (not a reporting one, not
 * an -ing form) and preceded by a verb of its own clause. */
static bool comma_new_clause(const dt_coder *c, int i)
{
    int mi = i + 1 < c->ntok ? c->ct[i + 1].mention : -1;
    if (mi < 0 || c->m[mi].start != i + 1 || c->m[mi].ncodes <= 0)
        return false;
    int v = c->m[mi].end;
    if (v >= c->ntok || c->ct[v].role != TR_VERB || (c->ct[v].wflags & WF_REPORT) ||
        (c->toks[v].key_len > 4 && memcmp(c->keys.data + c->toks[v].key + c->toks[v].key_len - 3, "ING", 3) == 0))
        return false;
    for (int k = i - 1; k >= 0; k--) {
        if (c->ct[k].barrier || ((c->toks[k].flags & TOKF_PUNCT) && !tok_is_comma(c, k)))
            return false;
        if (tok_is_comma(c, k))
            return false;
        if (c->ct[k].role == TR_VERB)
            return true;
    }
    return false;
}

/* Mark token i as ending a clause (kind: ctok.barrier) and list it in c->barrier_at,
 * which stays in token order: all marks but one fall on the token mark_barriers is at,
 * after every token listed so far; the comma before a speaker lies a few tokens back. */
static void set_barrier(dt_coder *c, int i, uint8_t kind)
{
    if (!c->ct[i].barrier) {
        int n = c->nbarriers++;
        for (; n > 0 && c->barrier_at[n - 1] > i; n--)
            c->barrier_at[n] = c->barrier_at[n - 1];
        c->barrier_at[n] = (int16_t)i;
    }
    c->ct[i].barrier = kind;
}

/* Mark punctuation token i if it ends a clause (mark_barriers calls this for each
 * punctuation token after the dateline; the token's barrier is still 0). Most are full
 * stops, and commas before neither a verb nor an actor: the first tests put them by. */
static inline void mark_punct_barrier(dt_coder *c, int i)
{
    char ch = c->norm.data[c->toks[i].start];
    if (ch == ';' || ch == ':') {
        set_barrier(c, i, 1);
        return;
    }
    if (ch != ',' || i + 1 >= c->ntok || (c->ct[i + 1].role != TR_VERB && c->ct[i + 1].mention < 0))
        return;
    /* ", raising condemnation from India": a participle clause. The verb before
     * the comma does not find its target inside it (2: a barrier going forward
     * only; the participle's own patterns still reach back to the subject). */
    if (c->ct[i + 1].role == TR_VERB && c->toks[i + 1].key_len > 4 &&
        memcmp(c->keys.data + c->toks[i + 1].key + c->toks[i + 1].key_len - 3, "ING", 3) == 0)
        set_barrier(c, i, 2);
    /* "Putin, who denied meddling in the election, met Trump": the comma before a
     * verb closes a relative clause opened by ", who" or ", which"; the relative
     * verb does not reach past it (the main verb still finds its subject before). */
    else if (c->ct[i + 1].role == TR_VERB && relative_before(c, i))
        set_barrier(c, i, 2);
    /* "Thousands protest in Cuba over shortages, Biden backs demonstrators": after a
     * clause with its verb, a comma and an actor with a verb of its own start a new
     * clause (not "Russia, China condemn ...": no verb before the comma). */
    else if (comma_new_clause(c, i))
        set_barrier(c, i, 1);
}

/* Mark word token i if it ends a clause (mark_barriers calls this only for words after
 * the dateline with one of the flags tested here; the token's barrier is still 0). */
static void mark_barrier_at(dt_coder *c, int i)
{
    const ctok *t = &c->ct[i];
    if (t->role != TR_NONE)
        return;
    /* "X's decision to cut aid drew criticism from Kenya": a verb that draws an event
     * noun (a determiner or an adjective between) is the main verb; the verb before it
     * does not take its target from what follows (2: forward only). */
    if (t->wflags & WF_ELICIT) {
        int j = i + 1;
        while (j < c->ntok && j <= i + 2 && c->ct[j].role == TR_NONE &&
               ((c->ct[j].wflags & WF_DET) || adverb_like(c, j) ||
                ((c->toks[j].flags & TOKF_LOWER) && !c->ct[j].wflags)))
            j++;
        if (j < c->ntok && c->ct[j].role == TR_VERB && c->ct[j].verb >= 0 &&
            c->v[c->ct[j].verb].noun != UINT32_MAX && c->v[c->ct[j].verb].start == j)
            set_barrier(c, i, 2);
        return;
    }
    /* "a bombing claimed by the Taliban killed ...": a participle in -ed with "by"
     * describes a noun; it reports nothing. */
    if ((t->wflags & WF_REPORT) &&
        !(i + 1 < c->ntok && (c->ct[i + 1].wflags & WF_BY) && c->toks[i].key_len > 3 &&
          memcmp(c->keys.data + c->toks[i].key + c->toks[i].key_len - 2, "ED", 2) == 0) &&
        !(i > 0 && ((c->ct[i - 1].wflags & WF_DET) || (c->ct[i - 1].tflags & TOKF_POSS) ||
                    KEY_IS(c, i - 1, "ITS") || KEY_IS(c, i - 1, "THEIR") || KEY_IS(c, i - 1, "HIS"))) &&
        !announced_intention(c, i) && !denied_claim_noun(c, i) && !declared_truce(c, i)) {
        set_barrier(c, i, 1);
        /* ", Yonhap News said": the speaker belongs to the attribution, so the
         * clause before it ends at the comma. */
        for (int k = i - 1; k >= 0 && k >= i - 8; k--) {
            if (tok_is_comma(c, k)) {
                bool speaker = false;
                for (int q = k + 1; q < i; q++)
                    speaker |= c->ct[q].mention >= 0;
                if (speaker)
                    set_barrier(c, k, 1);
                break;
            }
            if (c->ct[k].role == TR_VERB || (c->ct[k].wflags & (WF_REPORT | WF_CONJ)))
                break;
        }
        return;
    }
    if (t->wflags & WF_SUBCONJ) {
        set_barrier(c, i, 1);
        return;
    }
    /* "before", "after", "until", "once", "when", "since", "as" open a clause when a
     * subject and its verb follow ("met ... before their delegations joined them",
     * "fires missile as Biden visits Seoul"). */
    bool sub = (t->wflags & WF_TEMPORAL) != 0;
    if ((t->wflags & WF_CONJ) || sub) {
        /* Inside a compound actor: not a clause break (also after a title's name the
         * dictionaries do not know: "President Santos and FARC leader ..."). */
        int pa = i - 1;
        while (pa > 0 && pa > i - 4 && c->ct[pa].mention < 0 && c->ct[pa].role == TR_NONE && !c->ct[pa].wflags &&
               (c->toks[pa].flags & TOKF_CAP))
            pa--;
        if (i > 0 && i + 1 < c->ntok && pa >= 0 && c->ct[pa].mention >= 0 && c->ct[i + 1].mention >= 0) {
            const mention *a = &c->m[c->ct[pa].mention], *b = &c->m[c->ct[i + 1].mention];
            if (a->compound >= 0 && a->compound == b->compound)
                return;
        }
        /* A new clause when a verb, or a subject and then a verb, follows. */
        int j = i + 1;
        while (j < c->ntok && (c->ct[j].wflags & WF_ADVERB) && c->ct[j].role == TR_NONE)
            j++;
        /* "and that it flew ...": past the complementizer */
        if (j + 1 < c->ntok && KEY_IS(c, j, "THAT"))
            j++;
        /* "and re-impose": past the verb's prefix */
        if (j + 1 < c->ntok && (c->toks[j + 1].flags & TOKF_HYPH) && verb_prefix(c, j) && verb_like(c, j + 1))
            j++;
        /* "freeze its nuclear and missile tests": an adjective and an event noun that
         * is no verb continue one noun phrase, not a new clause. */
        if (!sub && j == i + 1 && adjective_and_noun(c, i))
            return;
        if (!sub && j < c->ntok && (verb_like(c, j) || c->ct[j].wflags & WF_NEG)) {
            set_barrier(c, i, 1);
            return;
        }
        /* (after "before" and the like, only a subject and its verb: "before meeting Kim"
         * keeps the subject of the clause it is in) */
        int jm = j;
        while (sub && jm + 1 < c->ntok && c->ct[jm].role == TR_NONE && (c->ct[jm].wflags & WF_DET))
            jm++;
        if (jm < c->ntok && c->ct[jm].mention >= 0) {
            int e = c->m[c->ct[jm].mention].end;
            /* "after an Iranian drone entered ...": the actor's nouns (a plain word or
             * two) before the verb */
            for (int n = 0; sub && n < 2 && e + 1 < c->ntok && c->ct[e].role == TR_NONE && !c->ct[e].wflags &&
                            (c->toks[e].flags & TOKF_LOWER) && (c->toks[e].flags & TOKF_WORD) && !verb_like(c, e);
                 n++)
                e++;
            while (e < c->ntok && (c->ct[e].wflags & WF_ADVERB))
                e++;
            if (verb_like(c, e))
                set_barrier(c, i, 1);
        }
    }
}

/* Mark the tokens that end a clause for pattern matching and searches. Every token's
 * barrier is still 0, as scan_sentence left it (this runs once per sentence, and marks only
 * the token it is at or one before it). */
static void mark_barriers(dt_coder *c)
{
    const ctok *const ct = c->ct, *const end = ct + c->ntok; /* (locals: the marks may alias c) */
    c->nbarriers = 0;
    /* (the dateline's tokens are the only TR_SKIP ones, and they come first: scan.c marks
     * no others, and nothing after it gives a skipped token another role; none ends a
     * clause) */
    const ctok *t = ct;
    while (t < end && t->role == TR_SKIP)
        t++;
    c->skip_end = (int)(t - ct);
    /* (most tokens, a word none of the tests is about, are put by in two tests; tflags
     * are the token's flags, and a token's index is worked out only for the others) */
    for (; t < end; t++) {
        if (t->tflags & TOKF_PUNCT)
            mark_punct_barrier(c, (int)(t - ct));
        else if (t->wflags & (WF_ELICIT | WF_REPORT | WF_SUBCONJ | WF_TEMPORAL | WF_CONJ))
            mark_barrier_at(c, (int)(t - ct));
    }
}

/* The clause around tokens [v0, v1] (v0 <= v1): it begins after the nearest token before
 * v0 that ends a clause both ways (barrier 1) or belongs to the dateline (TR_SKIP), and ends
 * at the first barrier of either kind from v1 on (hi: that barrier, or ntok). Found among
 * the sentence's few barriers (mark_barriers lists them) rather than token by token, as
 * this is asked for every verb entry tried and by many rules. */
static void clause_range(const dt_coder *c, int v0, int v1, int *lo, int *hi)
{
    const int16_t *at = c->barrier_at;
    int n = c->nbarriers, k = 0;
    /* (the dateline's tokens are [0, skip_end): the last of them before v0 ends there) */
    int a = v0 < c->skip_end ? v0 : c->skip_end;
    for (; k < n && at[k] < v0; k++)
        if (c->ct[at[k]].barrier == 1 && at[k] + 1 > a)
            a = at[k] + 1;
    while (k < n && at[k] < v1)
        k++;
    *lo = a;
    *hi = k < n ? at[k] : v1 > c->ntok ? v1 : c->ntok;
}

/* ---------------------------------------------------------------- verb groups */

typedef struct vgroup {
    bool neg, future, hypo, aux, infinitive, intent_to, get, have;
    bool attempt;       /* "tried/attempted to VERB": coded as the act */
    bool caused;        /* "prompted/prompting X to VERB": X's act, caused by the act before */
    bool should, must;  /* the modal was "should" / "must" */
    bool habitual;      /* "has long denounced", "routinely condemns": no one event */
    int start;          /* first token of the verb group */
    int intent;         /* the intention word before "to" ("plans to"), or -1 */
} vgroup;


/* Look left from the verb over auxiliaries, modals, negation and adverbs. */

/* An adverb: a listed one, or a lower-case word in -ly that the dictionaries do not use
 * ("totally", "swiftly", "reportedly"). */
static bool adverb_like(const dt_coder *c, int i)
{
    const ctok *t = &c->ct[i];
    if (t->wflags & WF_ADVERB)
        return true;
    const tok *k = &c->toks[i];
    return t->role == TR_NONE && (k->flags & TOKF_LOWER) && k->key_len >= 5 &&
           c->keys.data[k->key + k->key_len - 2] == 'L' && c->keys.data[k->key + k->key_len - 1] == 'Y';
}

/* The clause that starts at lo is what a claim says ("claims that ...", "allegations
 * that ...") and that claim is the object of a denial or dismissal a few words before it:
 * "Russia denied Ukrainian claims that its troops had shelled a hospital". */
static bool denied_claim_before(const dt_coder *c, int lo)
{
    static const char *const claims[] = {"CLAIM", "CLAIMS", "ACCUSATION", "ACCUSATIONS", "ALLEGATION",
                                         "ALLEGATIONS", "REPORT", "REPORTS", "SUGGESTION", "SUGGESTIONS",
                                         "CHARGE", "CHARGES", "ASSERTION", "ASSERTIONS", "RUMOURS", "RUMORS"};
    int k = lo;
    if (k < c->ntok && key_is(c, k, "THAT"))
        k--;
    else if (k >= 1 && key_is(c, k - 1, "THAT"))
        k -= 2;
    else
        return false;
    /* ("accusations by Kyiv that ...", "claims from Washington that ...") */
    if (k >= 2 && c->ct[k].mention >= 0 && c->m[c->ct[k].mention].end == k + 1) {
        int b = c->m[c->ct[k].mention].start - 1;
        if (b >= 1 && (key_is(c, b, "BY") || key_is(c, b, "FROM")))
            k = b - 1;
    }
    if (k < 1)
        return false;
    bool claim = false;
    for (size_t i = 0; i < DT_ARRAY_LEN(claims) && !claim; i++)
        claim = key_is(c, k, claims[i]);
    if (!claim)
        return false;
    for (int q = k - 1; q >= 0 && q >= k - 6; q--) {
        if (c->ct[q].wflags & WF_DENY || rejection_verb(c, q))
            return true;
        if (tok_is_comma(c, q) || key_is(c, q, ";"))
            return false;
    }
    return false;
}

/* Token q is the "that" of "no evidence that", "no sign that", "no indication that":
 * what follows is not asserted ("there was no evidence that Russia had fired the missile"). */
static bool no_evidence_that(const dt_coder *c, int q)
{
    static const char *const proofs[] = {"EVIDENCE", "PROOF", "INDICATION", "SIGN", "SIGNS"};
    if (q < 2 || !key_is(c, q, "THAT") || !key_among(c, q - 1, proofs, DT_ARRAY_LEN(proofs)))
        return false;
    return key_is(c, q - 2, "NO") || (q >= 3 && key_is(c, q - 3, "NO"));
}

/* A past causative verb ("prompted", "forced", "persuaded") right before the actor that
 * starts at a, not itself negated, intended or hypothetical. */
static bool caused(const dt_coder *c, int a, int lo)
{
    /* The participles too: a wire sentence's result clause (", prompting Tehran to summon
     * the British ambassador") tells of what the first act made the actor do. */
    static const char *const causes[] = {"PROMPTED",  "FORCED",    "COMPELLED",  "SPURRED",  "PERSUADED",
                                         "CONVINCED", "PROMPTING", "FORCING",    "SPURRING", "COMPELLING"};
    int k = a - 1;
    while (k >= lo && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
        k--;
    /* "prompted the leaders of Japan and the United States to ..." */
    if (k - 1 >= lo && KEY_IS(c, k, "OF") && c->ct[k - 1].mention >= 0) {
        k = c->m[c->ct[k - 1].mention].start - 1;
        while (k >= lo && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
            k--;
    }
    if (k < lo || !key_among(c, k, causes, DT_ARRAY_LEN(causes)))
        return false;
    int q = k - 1;
    while (q >= lo && adverb_like(c, q))
        q--;
    return !(q >= lo && ((c->ct[q].wflags & (WF_NEG | WF_FUTURE | WF_HYPO | WF_INTENT)) || KEY_IS(c, q, "TO")));
}

/* A word of habit before a verb: "has long denounced", "routinely condemns", "often",
 * "always", "usually" (the guidelines' habitual statements, no one event). */
static bool habit_word(const dt_coder *c, int i, int lo)
{
    static const char *const words[] = {"OFTEN", "ALWAYS", "ROUTINELY", "HABITUALLY", "TRADITIONALLY",
                                        "TYPICALLY", "USUALLY", "CUSTOMARILY", "FREQUENTLY"};
    const tok *t = &c->toks[i];
    if (t->key_len < 4)
        return false;
    char first = c->keys.data[t->key];
    if (first == 'L')
        return KEY_IS(c, i, "LONG") && i > lo && (c->ct[i - 1].wflags & WF_HAVE);
    /* "has repeatedly offered talks" (a simple past, "police repeatedly fired tear gas",
     * tells one day's acts) */
    if (first == 'R' && KEY_IS(c, i, "REPEATEDLY"))
        return i > lo && (c->ct[i - 1].wflags & WF_HAVE);
    /* "Pyongyang would always stand with Moscow", "will always support": a pledge after
     * "will" or "would", not a habit */
    if (first == 'A' && i > lo && (c->ct[i - 1].wflags & (WF_FUTURE | WF_HYPO)) && KEY_IS(c, i, "ALWAYS"))
        return false;
    /* (the first letter first: this runs before nearly every verb) */
    for (size_t k = 0; k < DT_ARRAY_LEN(words); k++)
        if (words[k][0] == first && key_is_n(c, i, words[k], strlen(words[k])))
            return true;
    return false;
}

/* The verb group of the verb at v, its clause from lo, into *g. (Filled in place: a group
 * built in a local and returned was packed from registers into the caller's copy byte by
 * byte, some forty instructions a call.) */
static void verb_group(const dt_coder *c, int v, int lo, vgroup *g)
{
    *g = (vgroup){0};
    g->intent = -1;
    int i = v - 1;
    /* "will re-impose": the verb group starts before the prefix. */
    if (i >= lo && (c->toks[v].flags & TOKF_HYPH) && verb_prefix(c, i))
        i--;
    int steps = 0;
    /* "was considering halting all trade", "is weighing imposing sanctions": an option
     * weighed, not an act (the gerund right after the verb of weighing) */
    if (i >= lo && c->toks[v].key_len > 3 &&
        memcmp(c->keys.data + c->toks[v].key + c->toks[v].key_len - 3, "ING", 3) == 0 &&
        (KEY_IS(c, i, "CONSIDERING") || KEY_IS(c, i, "WEIGHING") || KEY_IS(c, i, "MULLING") ||
         KEY_IS(c, i, "CONTEMPLATING")))
        g->hypo = true;
    while (i >= lo && steps < 8) {
        const ctok *t = &c->ct[i];
        if (t->role != TR_NONE)
            break;
        uint32_t f = t->wflags;
        if (c->toks[i].flags & TOKF_QUOTE) {
            /* to "immediately release" */
            i--;
            continue;
        }
        if (f & WF_NEG)
            g->neg = true;
        else if (f & WF_FUTURE)
            g->future = true;
        else if (f & WF_HYPO) {
            g->hypo = true;
            g->should |= KEY_IS(c, i, "SHOULD");
            g->must |= KEY_IS(c, i, "MUST");
        } else if (f & WF_AUX)
            g->aux = true;
        else if (f & WF_GET)
            g->get = true;
        else if (f & WF_HAVE)
            g->have = true;
        else if (habit_word(c, i, lo))
            g->habitual = true; /* "has long denounced", "often condemns", "routinely" */
        else if ((f & WF_DO) || adverb_like(c, i))
            ;
        else if (i == v - 1 && c->keys.data[c->toks[i].key] == 'K' &&
                 (KEY_IS(c, i, "KEEP") || KEY_IS(c, i, "KEEPS") || KEY_IS(c, i, "KEPT")))
            ; /* "would keep funding": the aspect, the mood is before it */
        else if (KEY_IS(c, i, "TO")) {
            g->infinitive = true;
            /* What comes before "to" decides: an intention ("plans to"), a headline
             * subject ("Russia to expel"), "is going to" -> future. */
            int k = i - 1;
            while (k >= lo && adverb_like(c, k) && c->ct[k].role == TR_NONE)
                k--;
            /* "agreed in principle to lend", "agreed on Friday to restore" */
            if (k - 1 > lo && ((KEY_IS(c, k, "PRINCIPLE") && KEY_IS(c, k - 1, "IN")) ||
                               ((c->ct[k].wflags & WF_WEEKDAY) && KEY_IS(c, k - 1, "ON"))))
                k -= 2;
            /* "(otherwise) Ankara would be forced to launch an operation": what the subject
             * says it would be made to do is its act, announced ("we are forced to" stays a
             * complement) */
            bool forced = k - 1 > lo && (c->ct[k - 1].wflags & WF_AUX) && (c->ct[k - 2].wflags & WF_FUTURE) &&
                          (KEY_IS(c, k, "FORCED") || KEY_IS(c, k, "COMPELLED") || KEY_IS(c, k, "OBLIGED"));
            if (k >= lo) {
                if (KEY_IS(c, k, "EXPECTED") || KEY_IS(c, k, "LIKELY") || KEY_IS(c, k, "UNLIKELY"))
                    g->hypo = true;
                else if (KEY_IS(c, k, "COME") || KEY_IS(c, k, "CAME")) {
                    /* "he had come to consolidate the friendship": the purpose of a
                     * coming is what the visitor intends */
                    g->intent_to = true;
                    g->intent = k;
                } else if (forced || (c->ct[k].wflags & (WF_INTENT | WF_TRY))) {
                    /* "plans to", "vowed to", "threatened to"; "tried to" is the act */
                    g->intent_to = !(c->ct[k].wflags & WF_TRY) && !forced;
                    g->attempt = !g->intent_to;
                    g->intent = k;
                    /* "would continue to support", "will try to": the mood of the verb
                     * of the attempt or the aspect is the act's */
                    for (int q = k - 1; g->attempt && q >= lo && q >= k - 3 && c->ct[q].role == TR_NONE; q--) {
                        uint32_t qf = c->ct[q].wflags;
                        if (qf & WF_FUTURE)
                            g->future = true;
                        else if (qf & WF_HYPO) {
                            g->hypo = true;
                            g->should |= KEY_IS(c, q, "SHOULD");
                            g->must |= KEY_IS(c, q, "MUST");
                        } else if (!(qf & (WF_AUX | WF_DO | WF_HAVE | WF_ADVERB | WF_NEG)) && !adverb_like(c, q))
                            break;
                    }
                    /* "has no plans to", "does not intend to", "never sought to" */
                    for (int q = k - 1; q >= lo && q >= k - 3 && c->ct[q].role == TR_NONE; q--) {
                        uint32_t qf = c->ct[q].wflags;
                        if (qf & WF_NEG) {
                            g->neg = true;
                            break;
                        }
                        if (!(qf & (WF_AUX | WF_DO | WF_HAVE | WF_ADVERB | WF_FUTURE | WF_HYPO)) && !adverb_like(c, q))
                            break;
                    }
                }
                else if (c->ct[k].mention >= 0) {
                    /* "Russia to expel ..." (a headline): only when that actor opens the
                     * clause, not when it is the object of a verb ("urged Japan to"). */
                    bool object = false;
                    for (int q = lo; q < c->m[c->ct[k].mention].start; q++)
                        object |= c->ct[q].role == TR_VERB || c->ct[q].role == TR_MENTION ||
                                  (c->ct[q].tflags & TOKF_WORD && c->ct[q].role == TR_NONE &&
                                   !(c->ct[q].wflags & (WF_DET | WF_ADVERB)));
                    g->intent_to = !object;
                    /* "The attack prompted Egypt and Jordan to renew their pledge": what a
                     * past causative made the actor do was done (coded as its act). */
                    int om = c->ct[k].mention;
                    if (c->m[om].compound >= 0)
                        om = c->m[om].compound;
                    g->attempt = g->caused = object && caused(c, c->m[om].start, lo);
                }
            }
            i = k;
            break;
        } else {
            break;
        }
        i--;
        steps++;
    }
    g->start = i + 1;
    if (g->intent_to)
        g->future = true;
}

/* ---------------------------------------------------------------- searches */

/* "thousands of", "hundreds of", "dozens of", "members of": the actor after "of" is
 * the real subject. */
static bool quantity_word(const dt_coder *c, int k)
{
    static const char *const q[] = {"THOUSANDS", "HUNDREDS", "MILLIONS", "SCORES", "TENS",
                                    "MEMBERS", "GROUP", "GROUPS", "NUMBER", "MANY", "SOME", "MOST",
                                    "ALL", "CROWDS", "CROWD", "BAND", "MAJORITY", "LOT", "LOTS",
                                    "HUNDRED", "THOUSAND", "MILLION"};
    if (k < 0)
        return false;
    if (count_word(c, k)) /* "3", "two", "dozens", "several" */
        return true;
    for (size_t i = 0; i < DT_ARRAY_LEN(q); i++)
        if (key_is(c, k, q[i]))
            return true;
    return false;
}

static bool governed_by_prep(const dt_coder *c, const mention *m)
{
    if (m->compound >= 0)
        m = &c->m[m->compound];
    /* (a compass word before a place is part of its noun phrase: "air strikes on
     * southern Lebanon killed ..." has its subject before "on") */
    static const char *const compass[] = {"SOUTHERN", "NORTHERN", "EASTERN", "WESTERN", "CENTRAL",
                                          "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN",
                                          "SOUTHWESTERN"};
    int k = m->start - 1;
    while (k >= 0 && c->ct[k].role == TR_NONE &&
           ((c->ct[k].wflags & WF_DET) || key_among(c, k, compass, DT_ARRAY_LEN(compass))))
        k--;
    if (k >= 1 && KEY_IS(c, k, "OF") && quantity_word(c, k - 1))
        return false;
    /* "after Norway expelled ...": a word that opens a clause (mark_barriers) is a
     * conjunction there, and the actor after it that clause's subject. */
    return k >= 0 && (c->ct[k].wflags & WF_PREP) && c->ct[k].role == TR_NONE && c->ct[k].barrier != 1;
}

static int head_of(const dt_coder *c, int mi)
{
    return c->m[mi].compound >= 0 ? c->m[mi].compound : mi;
}

/* The subject the sentence opens with: the first actor before its first verb or event
 * noun, not the object of a preposition ("The U.S. Treasury moved to cut off China's
 * Bank of Dandong ..., accusing it of ...": the Treasury accuses, not China). */
static int opening_subject(const dt_coder *c)
{
    int first_verb = c->nv > 0 ? c->v[0].start : c->ntok;
    for (int mi = 0; mi < c->nm && c->m[mi].start < first_verb; mi++) {
        const mention *m = &c->m[mi];
        if (m->ncodes > 0 && m->start < m->end && !governed_by_prep(c, m))
            return head_of(c, mi);
    }
    return -1;
}

/* "its" in "of its decision to sell": a possessive pronoun whose intention it is (a
 * mention of its own only there, see mark_pronouns). */
static bool intent_owner(const dt_coder *c, const mention *m)
{
    return m->type == MT_PRONOUN && m->end < c->ntok && (c->ct[m->end].wflags & WF_INTENT);
}

/* The token before the preposition (one of preps) that comes right before mention m past
 * its determiners ("members of the Taliban": "members"), or -1. */
static int word_before_prep(const dt_coder *c, const mention *m, const char *const *preps, size_t n)
{
    int k = m->start - 1;
    while (k >= 0 && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
        k--;
    return k > 0 && c->ct[k].role == TR_NONE && key_among(c, k, preps, n) ? k - 1 : -1;
}

/* "Gunmen from the Islamic State group killed ...", "members of the Taliban": a group named
 * after "from" or "of" by the unnamed people who act for it. */
static bool members_of(const dt_coder *c, const mention *m)
{
    static const char *const people[] = {"GUNMEN", "GUNMAN", "MEMBERS", "ATTACKERS", "ASSAILANTS",
                                         "OPERATIVES", "KIDNAPPERS", "ABDUCTORS", "ELEMENTS"};
    static const char *const preps[] = {"FROM", "OF"};
    int w = word_before_prep(c, m, preps, DT_ARRAY_LEN(preps));
    return w >= 0 && c->ct[w].role == TR_NONE && key_among(c, w, people, DT_ARRAY_LEN(people));
}

/* "Families of French hostages held by Hamas urged Paris ...", "relatives of Israeli
 * civilians": the kin of civilians or of a people speak as those civilians, of their
 * own country, not for whoever holds them. */
static bool kin_of(const dt_coder *c, const mention *m)
{
    static const char *const kin[] = {"FAMILIES", "FAMILY", "RELATIVES", "PARENTS", "MOTHERS", "WIVES"};
    static const char *const of[] = {"OF"};
    int w = word_before_prep(c, m, of, 1);
    if (w < 0 || c->ct[w].role != TR_NONE || !key_among(c, w, kin, DT_ARRAY_LEN(kin)) || m->ncodes != 1)
        return false;
    const char *code = code_str(c, m->codes[0]);
    return country_based(code) && (strlen(code) == 3 || strcmp(code + 3, "CVL") == 0);
}

static bool document_word(const dt_coder *c, int k);

/* "A joint statement by France and Germany condemned ...", "a letter from the ministers
 * urged ...": the author named after "by" or "from" a document word speaks through it. */
static bool document_author(const dt_coder *c, const mention *m)
{
    static const char *const preps[] = {"BY", "FROM"};
    int w = word_before_prep(c, m, preps, DT_ARRAY_LEN(preps));
    return w >= 0 && document_word(c, w);
}

/* "Erdogan, in a speech to his party's lawmakers, accused Israel": a prepositional phrase
 * set off by commas between the subject and its verb is passed over. */
static int past_prep_aside(const dt_coder *c, int v, int lo)
{
    if (v - 3 < lo || !tok_is_comma(c, v - 1))
        return v;
    int p = v - 2;
    while (p > lo && p > v - 14 && !tok_is_comma(c, p)) {
        if (c->ct[p].role == TR_VERB || (c->ct[p].wflags & (WF_REPORT | WF_REL | WF_CONJ)) ||
            (c->toks[p].flags & TOKF_PUNCT))
            return v;
        p--;
    }
    if (p <= lo || !tok_is_comma(c, p) || !(c->ct[p + 1].wflags & WF_PREP) || c->ct[p + 1].role != TR_NONE ||
        c->ct[p - 1].mention < 0 || c->m[c->ct[p - 1].mention].ncodes <= 0)
        return v;
    return p;
}

/* "Japanese Prime Minister Fumio Kishida, attending a NATO summit in Lithuania, condemned
 * the launch", "Kim Yo Jong, the leader's sister, accused ...": an aside set off by commas
 * right before the verb, opened by a participle in -ing or by "the" after a named actor,
 * describes that actor; the verb's subject is before it (the comma before the aside). */
static int past_described_aside(const dt_coder *c, int v, int lo)
{
    if (v - 4 < lo || !tok_is_comma(c, v - 1))
        return v;
    int p = v - 2;
    while (p > lo && p > v - 12 && !tok_is_comma(c, p)) {
        if ((c->ct[p].wflags & (WF_REPORT | WF_REL | WF_CONJ)) || (c->toks[p].flags & TOKF_PUNCT))
            return v;
        p--;
    }
    if (p <= lo || p + 1 >= v - 1 || !tok_is_comma(c, p) || c->ct[p - 1].mention < 0 ||
        c->m[c->ct[p - 1].mention].ncodes <= 0 || c->ct[p - 1].role == TR_VERB)
        return v;
    const tok *a = &c->toks[p + 1];
    bool ing = c->ct[p + 1].role == TR_VERB && a->key_len > 4 &&
               memcmp(c->keys.data + a->key + a->key_len - 3, "ING", 3) == 0;
    /* (after "the", an actor in the possessive: "the leader's", "the North's") */
    int am = c->ct[p + 1].mention >= 0 ? c->ct[p + 1].mention : c->ct[p + 2].mention;
    bool the = KEY_IS(c, p + 1, "THE") && am >= 0 && c->m[am].end < v - 1 &&
               (KEY_IS(c, c->m[am].end, "'S") || KEY_IS(c, c->m[am].end - 1, "'S"));
    return ing || the ? p : v;
}

/* The subject of a verb: the nearest actor to the left in the clause that is not the
 * object of a preposition (but "of its decision to VERB" is its act). */
static int find_subject(const dt_coder *c, int v, int lo)
{
    /* "a truce with Israel, which released 39 prisoners", "hosted by Qatar, who has urged
     * ...": the subject of a relative clause's verb is the actor right before ", which"
     * or ", who", also when a preposition governs it. */
    if (v - 3 >= lo && (KEY_IS(c, v - 1, "WHICH") || KEY_IS(c, v - 1, "WHO")) && c->ct[v - 1].role == TR_NONE &&
        tok_is_comma(c, v - 2) && c->ct[v - 3].mention >= 0 && c->m[c->ct[v - 3].mention].ncodes > 0)
        return head_of(c, c->ct[v - 3].mention);
    v = past_prep_aside(c, v, lo);
    v = past_described_aside(c, v, lo);
    /* "Zarif, who was denied a visa to attend a U.N. meeting, condemned the United
     * States": after a relative clause set off by commas, the subject is the actor
     * before ", who", not one inside the clause. */
    if (v - 1 > lo && c->ct[v - 1].barrier == 2 && tok_is_comma(c, v - 1) && relative_before(c, v - 1)) {
        int k = v - 2;
        while (k > lo && !KEY_IS(c, k, "WHO") && !KEY_IS(c, k, "WHICH"))
            k--;
        if (k - 1 > lo)
            v = k - 1;
    }
    for (int i = v - 1; i >= lo; i--) {
        int mi = c->ct[i].mention;
        if (mi < 0)
            continue;
        const mention *m = &c->m[mi];
        i = m->start;
        if (governed_by_prep(c, m) && !intent_owner(c, m)) {
            /* (the group the attackers are from, the civilians whose kin speak, the
             * author of a statement: the subject, when nothing before them is) */
            if ((members_of(c, m) || kin_of(c, m) || document_author(c, m)) && m->ncodes > 0) {
                int k = m->start - 1;
                while (k >= lo && c->ct[k].mention < 0)
                    k--;
                if (k < lo)
                    return head_of(c, mi);
            }
            continue;
        }
        /* An actor without a code here (an unresolved "he", an agent with no country)
         * is still the subject: no source rather than a wrong one. */
        if (m->ncodes <= 0) {
            /* ... but a member without a code of a compound whose other members have
             * codes ("Chinese warships and fighter jets") leaves the subject to them. */
            int h = head_of(c, mi);
            if (h != mi || m->compound < 0)
                for (int j = h; j < c->nm; j++)
                    if (j != mi && c->m[j].compound == h && c->m[j].ncodes > 0)
                        return h;
            return -1;
        }
        return head_of(c, mi);
    }
    return -1;
}

/* An armed group's code ("AFGREB"). */
static bool armed_group(const char *a)
{
    return strlen(a) >= 6 && memcmp(a + 3, "REB", 3) == 0;
}

/* Are a and b on one side of a conflict: the same country's, both armed groups or both
 * not ("AFGGOV" and "AFGCOP" are, "AFGREB" and "AFGCOP" are not). */
static bool same_side(const char *a, const char *b)
{
    return strncmp(a, b, 3) == 0 && armed_group(a) == armed_group(b);
}

/* A state acting on itself: "PRK" and "PRKGOV" name the same country, one of them bare.
 * (Different sectors of one country, "COLGOV" and "COLREB", are different actors.) */
static bool same_country(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la < 3 || lb < 3 || memcmp(a, b, 3) != 0)
        return false;
    if (la == 3 && lb == 3)
        return true;
    if (la != 3 && lb != 3)
        return false;
    /* One is the bare country: the same actor when the other is one of its state
     * organs ("Kim" and "North Korea"); a domestic event when it is the opposition,
     * rebels, police or civilians ("Colombia" and the ELN). */
    const char *sector = (la == 3 ? b : a) + 3;
    return strncmp(sector, "GOV", 3) == 0 || strncmp(sector, "MIL", 3) == 0 ||
           strncmp(sector, "SPY", 3) == 0 || strncmp(sector, "LEG", 3) == 0 ||
           strncmp(sector, "JUD", 3) == 0 || strncmp(sector, "ELI", 3) == 0;
}

static bool same_actor_codes(const dt_coder *c, const mention *a, const mention *b)
{
    if (mention_same_actor(c, a, b))
        return true;
    /* ("Japarov and Rahmon ... agreed to pull back their troops": the pair's own forces are
     * an actor's own only when no other member's are among them) */
    if ((a->pair_own || b->pair_own) && a->ncodes > 0 && b->ncodes > 0) {
        const mention *p = a->pair_own ? a : b, *o = a->pair_own ? b : a;
        for (int j = 0; j < p->ncodes; j++)
            if (!same_country(code_str(c, o->codes[0]), code_str(c, p->codes[j])) && o->codes[0] != p->codes[j])
                return false;
        return true;
    }
    for (int i = 0; i < a->ncodes; i++)
        for (int j = 0; j < b->ncodes; j++)
            if (a->codes[i] == b->codes[j] || same_country(code_str(c, a->codes[i]), code_str(c, b->codes[j])))
                return true;
    return false;
}

/* "said the deal did not amount to a recognition of Israel", "does not mean an end to
 * the talks": an event noun after a negated verb of meaning (amount to, mean, constitute,
 * imply, represent), past "to" and an article, is what the act is said not to be. */
static bool noun_denied(const dt_coder *c, int k)
{
    static const char *const means[] = {"AMOUNT", "AMOUNTED", "MEAN", "MEANT", "CONSTITUTE", "CONSTITUTED",
                                        "IMPLY", "IMPLIED", "REPRESENT", "REPRESENTED", "SIGNAL"};
    int q = k - 1;
    while (q >= 0 && k - q <= 3 && (KEY_IS(c, q, "A") || KEY_IS(c, q, "AN") || KEY_IS(c, q, "THE") ||
                                    KEY_IS(c, q, "ANY") || KEY_IS(c, q, "TO")))
        q--;
    if (q < 1 || q == k - 1 || !(c->ct[q - 1].wflags & WF_NEG))
        return false;
    for (size_t i = 0; i < DT_ARRAY_LEN(means); i++)
        if (key_is_n(c, q, means[i], strlen(means[i])))
            return true;
    return false;
}

/* Token i is a participle of brokering or mediating ("brokered", "mediated", "facilitated"). */
static bool broker_word(const dt_coder *c, int i)
{
    static const char *const parts[] = {"BROKERED", "MEDIATED", "FACILITATED"};
    return key_among(c, i, parts, DT_ARRAY_LEN(parts));
}

/* "a truce brokered by Egypt", "an Egyptian-brokered truce", "talks mediated by Qatar":
 * the actor names who brokered or mediated a thing. */
static bool mediator(const dt_coder *c, const mention *m)
{
    int e = m->end, b = m->start - 1;
    while (b >= 0 && (c->ct[b].wflags & WF_DET) && c->ct[b].role == TR_NONE)
        b--;
    int p = e < c->ntok && (c->toks[e].flags & TOKF_HYPH) ? e : b > 0 && KEY_IS(c, b, "BY") ? b - 1 : -1;
    /* (nor is the one who asked for it: "arrested the executive at the request of the
     * United States", "on behalf of", "at the behest of") */
    static const char *const askers[] = {"REQUEST", "BEHEST", "BEHALF"};
    if (b > 0 && KEY_IS(c, b, "OF") && key_among(c, b - 1, askers, DT_ARRAY_LEN(askers)))
        return true;
    return p >= 0 && broker_word(c, p);
}

/* "a deal brokered by China", "an exchange mediated by the UAE": verb occurrence vo is a
 * participle of brokering or mediating, with "by" right after it, describing the noun
 * before it (the thing brokered, whose parties are the clause's subject). */
static bool brokered_noun(const dt_coder *c, const verbocc *vo)
{
    int k = vo->start - 1;
    /* (the cheap tests first: this is asked of every verb) */
    return (vo->form == VF_ED || vo->form == VF_EN) && vo->end == vo->start + 1 && vo->end < c->ntok &&
           (c->ct[vo->end].wflags & WF_BY) && k > 0 && c->ct[vo->end].role == TR_NONE &&
           c->ct[k].mention < 0 && !(c->ct[k].tflags & TOKF_PUNCT) &&
           !(c->ct[k].wflags & (WF_PREP | WF_CONJ | WF_DET | WF_AUX | WF_HAVE)) &&
           broker_word(c, vo->start);
}

/* "talks in Pretoria mediated by the African Union": a participle of mediating right
 * after a place that follows an event noun and "in" or "at" describes the noun, not the
 * place. Returns the noun's token, or -1. */
static int mediated_after_place(const dt_coder *c, const verbocc *vo)
{
    int k = vo->start - 1;
    if (k < 2 || c->ct[k].mention < 0 || vo->end >= c->ntok || !(c->ct[vo->end].wflags & WF_BY) ||
        !broker_word(c, vo->start))
        return -1;
    int p = c->m[c->ct[k].mention].start - 1;
    if (p < 1 || !(KEY_IS(c, p, "IN") || KEY_IS(c, p, "AT")))
        return -1;
    const ctok *n = &c->ct[p - 1];
    return n->role == TR_VERB && n->verb >= 0 && c->v[n->verb].noun != UINT32_MAX ? p - 1 : -1;
}

/* Token k is the "with" of an encounter "during" or "at" which an act happened ("during a
 * phone call with", "at his summit with"), after `from`: the actor after it is that
 * encounter's partner. */
static bool encounter_partner(const dt_coder *c, int k, int from)
{
    static const char *const nouns[] = {"MEETING", "MEETINGS", "TALKS", "SUMMIT", "CALL", "CONVERSATION",
                                        "TALK", "VISIT", "CONSULTATIONS", "NEGOTIATIONS"};
    static const char *const owners[] = {"HIS", "HER", "THEIR", "ITS"};
    if (!KEY_IS(c, k, "WITH") || k - 1 < from || !key_among(c, k - 1, nouns, DT_ARRAY_LEN(nouns)))
        return false;
    int j = k - 2;
    for (int n = 0; j >= from && n < 3 && !KEY_IS(c, j, "DURING") && !KEY_IS(c, j, "AT") &&
                    (c->ct[j].mention < 0 || key_among(c, j, owners, DT_ARRAY_LEN(owners))) &&
                    !(c->toks[j].flags & TOKF_NUMBER) && !KEY_IS(c, j, "'S") && (c->ct[j].tflags & TOKF_WORD);
         n++)
        j--;
    return j >= from && (KEY_IS(c, j, "DURING") || KEY_IS(c, j, "AT"));
}

/* "Chile and Colombia recalled their ambassadors": "their" X after a compound subject is
 * the members' own, not one member acting on another. */
static bool own_of_compound(const dt_coder *c, const mention *m, int src)
{
    int h = c->m[src].compound >= 0 ? c->m[src].compound : src;
    if (!KEY_IS(c, m->start, "THEIR") || c->m[h].ncompound < 2)
        return false;
    for (int j = h; j < c->nm; j++)
        if ((j == h || c->m[j].compound == h) && same_actor_codes(c, m, &c->m[j]))
            return true;
    return false;
}

/* Does an "after" at i, past a comma, open a clause with actors of its own and their verb:
 * "called a general strike for Sunday, a day after police and opposition supporters
 * clashed"? Those actors are of the earlier act, not the target of this one. */
static bool after_clause(const dt_coder *c, int i, int hi)
{
    /* ("after" is a temporal word in every dictionary, closed.c: the flag puts nearly
     * every other word by before the key is compared; this runs for each word a target
     * is looked for in) */
    if (!(c->ct[i].wflags & WF_TEMPORAL) || !KEY_IS(c, i, "AFTER") || c->ct[i].role != TR_NONE)
        return false;
    bool comma = false;
    for (int k = i - 1; k >= 0 && k >= i - 3 && !comma; k--)
        comma = tok_is_comma(c, k);
    if (!comma)
        return false;
    int j = i + 1, actors = 0;
    while (j < hi) {
        if (c->ct[j].role == TR_NONE && (c->ct[j].wflags & WF_DET)) {
            j++;
        } else if (c->ct[j].mention >= 0) {
            j = c->m[c->ct[j].mention].end;
            actors++;
        } else if (actors > 0 && KEY_IS(c, j, "AND")) {
            j++;
        } else {
            break;
        }
    }
    /* (past the rest of the last actor's phrase, "opposition supporters", and adverbs) */
    for (int k = 0; k < 2 && j < hi && c->ct[j].role == TR_NONE && c->ct[j].mention < 0 &&
                    (c->toks[j].flags & TOKF_LOWER) && !(c->ct[j].tflags & TOKF_PUNCT);
         k++)
        j++;
    return actors > 0 && j < hi && c->ct[j].role == TR_VERB;
}

/* The target: the first actor after `from` in the clause that is not the source (nor
 * the source's own country), skipping actors in locative phrases ("in Hanoi"). */
static int find_target(const dt_coder *c, int from, int hi, int src)
{
    for (int i = from; i < hi; i++) {
        if (after_clause(c, i, hi))
            return -1;
        int mi = c->ct[i].mention;
        if (mi < 0)
            continue;
        const mention *m = &c->m[mi];
        i = m->end - 1;
        if (m->ncodes <= 0)
            continue;
        int h = head_of(c, mi);
        if (src >= 0 && (h == src || same_actor_codes(c, m, &c->m[src]))) {
            /* "The Treasury cut off China's Bank of Dandong ..., accusing it of ...": an
             * object "it"/"them" is not the subject itself (that would be "itself"), but
             * the nearest actor named before it of another side. */
            if (m->type == MT_PRONOUN && (c->ct[m->start].wflags & (WF_PRON_IT | WF_PRON_PL)) &&
                !possessive_pronoun(c, m->start)) {
                for (int j = mi - 1; j >= 0; j--) {
                    const mention *o = &c->m[j];
                    if (o->ncodes > 0 && o->type != MT_PRONOUN && o->kind != AK_PERSON && o->start < o->end &&
                        head_of(c, j) != src && !same_actor_codes(c, o, &c->m[src]))
                        return head_of(c, j);
                }
            }
            continue;
        }
        if (src >= 0 && own_of_compound(c, m, src))
            continue;
        const mention *hm = &c->m[h];
        if (mediator(c, hm)) {
            /* "violated a truce brokered by Egypt": the broker is not the one acted on */
            i = c->m[mi].end - 1;
            continue;
        }
        int k = back_det_dir(c, hm->start - 1);
        if (k >= 0 && (c->ct[k].wflags & WF_LOCPREP) && c->ct[k].role == TR_NONE)
            continue;
        if (k >= 0 && encounter_partner(c, k, from)) {
            /* "condemned the strikes during a phone call with Zarif": the partner of
             * the encounter is not the one condemned */
            continue;
        }
        return h;
    }
    return -1;
}

/* The kind of act of a root that a later sentence may judge by its noun: ACT_REDUCE,
 * ACT_COERCE or ACT_FORCE; -1 other roots. */
static int act_kind(int root)
{
    return root == 16 ? ACT_REDUCE : root == 17 ? ACT_COERCE : root >= 18 && root <= 20 ? ACT_FORCE : -1;
}

/* "[...] condemned the sanctions (as interference in ...)": the noun right after "the"
 * (past one lower-case word) names an act of a kind told in the last five sentences but
 * not in the last sentence with events, the clause names nobody up to its end or an "as",
 * and the judge `src` is not of the act's actor's country: a mention of the act's actor,
 * else -1. */
static int named_act_actor(dt_coder *c, int src, int at, int hi)
{
    static const char *const nouns[3][8] = {
        {"SANCTIONS", "SANCTION", "EXPULSION", "EXPULSIONS", "TARIFFS", "EMBARGO", "BAN", "BOYCOTT"},
        {"ARREST", "ARRESTS", "DETENTION", "DETENTIONS", "CRACKDOWN", "SEIZURE", "DEPORTATION",
         "DEPORTATIONS"},
        {"STRIKE", "STRIKES", "AIRSTRIKE", "AIRSTRIKES", "ATTACK", "ATTACKS", "SHELLING", "BOMBING"},
    };
    int kind = -1;
    for (int q = at; q < hi && q <= at + 1 && kind < 0; q++) {
        if (c->ct[q].mention >= 0 || !(c->toks[q].flags & TOKF_LOWER))
            return -1;
        for (int k = 0; k < 3 && kind < 0; k++)
            if (key_among(c, q, nouns[k], DT_ARRAY_LEN(nouns[k])))
                kind = k;
    }
    /* (an act of the last sentence with events is left to the rules for those events) */
    if (kind < 0 || c->act_sentence[kind] < 0 || c->sentence - c->act_sentence[kind] > 5 ||
        c->act_sentence[kind] == c->ctx_sentence)
        return -1;
    for (int q = at; q < hi && !KEY_IS(c, q, "AS"); q++)
        if (c->ct[q].mention >= 0 || (c->toks[q].flags & (TOKF_CAP | TOKF_ALLCAP)))
            return -1;
    sid actor = c->act_src[kind];
    const char *sc = code_str(c, c->m[src].codes[0]);
    if (strncmp(sc, code_str(c, actor), 3) == 0)
        return -1;
    int tgt = scan_context_mention(c, at - 1, actor, c->act_sentence[kind]);
    if (tgt >= 0)
        trace_printf(c, "  no target named: the actor of the act named, in sentence %d, %s\n",
                     c->act_sentence[kind], code_str(c, actor));
    return tgt;
}

/* "They demanded a new election. The prime minister rejected the demand": a denial (016)
 * or rejection (root 12) of "the demand", "the allegations" (past one lower-case word),
 * naming nobody up to the clause's end, answers the author of the last demand or appeal,
 * or accusation, in the last three sentences, when that is another actor than the one
 * answering (of the same country too: a government answers its opposition); else -1. */
static int answered_speech_actor(dt_coder *c, int src, int vstart, int at, int hi, bool deny)
{
    static const char *const nouns[2][8] = {
        {"DEMAND", "DEMANDS", "CALL", "CALLS", "ULTIMATUM", "REQUEST", "APPEAL", "APPEALS"},
        {"ALLEGATION", "ALLEGATIONS", "ACCUSATION", "ACCUSATIONS", "CHARGE", "CHARGES", "CLAIM",
         "CLAIMS"},
    };
    int kind = -1;
    for (int q = at; q < hi && q <= at + 1 && kind < 0; q++) {
        if (c->ct[q].mention >= 0 || !(c->toks[q].flags & TOKF_LOWER))
            return -1;
        for (int k = deny ? 1 : 0; k < 2 && kind < 0; k++)
            if (key_among(c, q, nouns[k], DT_ARRAY_LEN(nouns[k])))
                kind = k == 0 ? ACT_DEMAND : ACT_ACCUSE;
    }
    if (kind < 0 || c->act_sentence[kind] < 0 || c->sentence - c->act_sentence[kind] > 3)
        return -1;
    /* (not after another act of its own sentence: "Pompeo blamed Nigeria, which rejected
     * the accusation" answers the accusation told just before, left to other rules) */
    for (int q = 0; q < vstart; q++)
        if (c->ct[q].role == TR_VERB && !(c->ct[q].wflags & WF_REPORT) && c->ct[q].verb >= 0 &&
            c->v[c->ct[q].verb].verb != UINT32_MAX)
            return -1;
    for (int q = at; q < hi; q++)
        if (c->ct[q].mention >= 0 || (c->toks[q].flags & (TOKF_CAP | TOKF_ALLCAP)))
            return -1;
    sid actor = c->act_src[kind];
    if (c->m[src].codes[0] == actor)
        return -1;
    int tgt = scan_context_mention(c, at - 1, actor, c->act_sentence[kind]);
    if (tgt >= 0)
        trace_printf(c, "  no target named: the author of the %s answered, in sentence %d, %s\n",
                     kind == ACT_DEMAND ? "demand" : "accusation", c->act_sentence[kind], code_str(c, actor));
    return tgt;
}

/* Does the sentence name a year (1900-2099) before the year of the document's date? */
static bool earlier_year(const dt_coder *c)
{
    char day[16];
    dt_date_format(c->date, day, sizeof(day));
    int year = 0;
    for (int i = 0; i < 4 && day[i] >= '0' && day[i] <= '9'; i++)
        year = year * 10 + (day[i] - '0');
    for (int q = 0; q < c->ntok; q++) {
        const char *w = c->keys.data + c->toks[q].key;
        if (!(c->toks[q].flags & TOKF_NUMBER) || strlen(w) != 4)
            continue;
        int y = 0;
        for (int i = 0; i < 4 && y >= 0; i++)
            y = w[i] >= '0' && w[i] <= '9' ? y * 10 + (w[i] - '0') : -1;
        if (y >= 1900 && y < year)
            return true;
    }
    return false;
}

/* "Boko Haram fighters killed 18 soldiers. Troops repelled the attackers. President Buhari
 * condemned the attack": a disapproval of an attack, bombing, ambush, killing or kidnapping
 * named by "the" and its noun (past one lower-case word), naming nobody up to the end of
 * the clause or an "as", is aimed at the armed group whose act of coercion or force was
 * the last in the last five sentences, when the judge is no armed group and is of the
 * group's country, of the country it struck, or an international organisation, or when
 * no other act of force or coercion came after it (a government's own forces' answer
 * told between is not the act condemned): a mention of the group, else -1. */
static int armed_act_actor(dt_coder *c, int src, int at, int hi)
{
    static const char *const nouns[] = {"ATTACK", "ATTACKS", "ASSAULT", "BOMBING", "BOMBINGS", "AMBUSH",
                                        "RAID", "KILLING", "KILLINGS", "MASSACRE", "KIDNAPPING",
                                        "KIDNAPPINGS", "ABDUCTION", "ABDUCTIONS", "BLAST"};
    if (c->armed_sentence < 0 || c->sentence - c->armed_sentence > 5)
        return -1;
    bool named = false;
    for (int q = at; q < hi && q <= at + 1 && !named; q++) {
        if (c->ct[q].mention >= 0 || !(c->toks[q].flags & TOKF_LOWER))
            return -1;
        named = key_among(c, q, nouns, DT_ARRAY_LEN(nouns));
    }
    if (!named)
        return -1;
    /* (up to a verb coordinated after "and": "condemned the attack and offered to help
     * Mozambique") */
    for (int q = at; q < hi && !KEY_IS(c, q, "AS"); q++) {
        if (KEY_IS(c, q, "AND") && q + 1 < hi && c->ct[q + 1].role == TR_VERB)
            break;
        if (c->ct[q].mention >= 0 || (c->toks[q].flags & (TOKF_CAP | TOKF_ALLCAP)))
            return -1;
    }
    const char *sc = code_str(c, c->m[src].codes[0]);
    const char *gc = code_str(c, c->armed_src), *vc = code_str(c, c->armed_tgt);
    /* (a judge of a third country only when no other act of force or coercion was told
     * after the group's: "The United States condemned the attack" on a town in
     * Mozambique, but not a strike answering the group, judged by an ally of the struck) */
    bool last = c->act_sentence[ACT_COERCE] <= c->armed_sentence && c->act_sentence[ACT_FORCE] <= c->armed_sentence;
    if (armed_group(sc) ||
        !(strncmp(sc, gc, 3) == 0 || strncmp(sc, vc, 3) == 0 || strncmp(sc, "IGO", 3) == 0 || last))
        return -1;
    int tgt = scan_context_mention(c, at - 1, c->armed_src, c->armed_sentence);
    if (tgt >= 0)
        trace_printf(c, "  no target named: the armed group of the last attack, in sentence %d, %s\n",
                     c->armed_sentence, gc);
    return tgt;
}

/* "urged restraint in Lebanon", "condemned the attack in Kabul": for a statement, appeal,
 * demand, disapproval or rejection whose object is a situation "in" a place, with no other
 * actor in the clause, the place's country. (Not a place right after the verb: "met in
 * Tokyo", "protested in Paris" say where, not whom.) */
static int situation_place(const dt_coder *c, int from, int hi, int src, int root)
{
    if (root != 1 && root != 2 && root != 10 && root != 11 && root != 12)
        return -1;
    bool object = false;
    for (int i = from; i + 1 < hi; i++) {
        if (c->ct[i].mention >= 0)
            return -1;
        if (!KEY_IS(c, i, "IN") || c->ct[i].role != TR_NONE) {
            object |= (c->ct[i].tflags & TOKF_WORD) != 0;
            continue;
        }
        int j = skip_det_dir(c, i + 1, hi);
        int mi = j < hi ? c->ct[j].mention : -1;
        if (!object || mi < 0 || c->m[mi].ncodes <= 0 || c->m[mi].start != j ||
            (c->m[mi].kind != AK_STATE && c->m[mi].kind != AK_ACTOR) ||
            !country_based(code_str(c, c->m[mi].codes[0])) ||
            (src >= 0 && same_actor_codes(c, &c->m[mi], &c->m[src])))
            return -1;
        /* "condemned the sanctions as interference in Venezuela's internal affairs": the
         * state whose affairs are meddled in is the victim of the act judged, no place
         * (a judgement only: "should stop interfering in X's affairs" asks the subject). */
        int k = c->m[mi].end;
        if ((root == 11 || root == 12) && k < hi && KEY_IS(c, k, "'S"))
            for (int q = k + 1; q < hi && q <= k + 3; q++)
                if (KEY_IS(c, q, "AFFAIRS"))
                    return -1;
        return head_of(c, mi);
    }
    return -1;
}

/* Is the object after a verb (tokens [at, hi), past at most two determiners or
 * adjectives) a protest: "the protests", "a rally", "the anti-government demonstrations"? */
static bool protest_object(const dt_coder *c, int at, int hi)
{
    static const char *const words[] = {"PROTEST", "PROTESTS", "DEMONSTRATION", "DEMONSTRATIONS",
                                        "RALLY", "RALLIES", "MARCH", "MARCHES", "SIT", "RIOT",
                                        "RIOTS", "UNREST", "GATHERING", "GATHERINGS", "VIGIL"};
    for (int i = at; i < hi && i < at + 4; i++) {
        if (c->ct[i].mention >= 0 || c->ct[i].barrier)
            return false;
        if (key_among(c, i, words, DT_ARRAY_LEN(words)))
            return true;
    }
    return false;
}

/* "Thousands of protesters stormed the residence. Police fired tear gas ...": the
 * protesters (OPP) of the country of a security force `src` (COP, MIL) named in its
 * sentence or the one before. */
/* a country (one code) named in an earlier sentence, other than the one whose code
 * begins `sc` */
struct other_state {
    const dt_coder *c;
    const char *sc;
};
static bool pred_other_state(const doc_mention *dm, const void *arg)
{
    const struct other_state *os = arg;
    const char *ds = dm->ncodes == 1 ? code_str(os->c, dm->codes[0]) : "";
    return dm->sentence < os->c->sentence && strlen(ds) >= 3 && country_based(ds) && strncmp(ds, os->sc, 3) != 0;
}

/* Code k is the opposition (OPP) of the state whose code begins sc. */
static bool opposition_of(const dt_coder *c, sid k, const char *sc)
{
    const char *x = code_str(c, k);
    return strlen(x) == 6 && strncmp(x, sc, 3) == 0 && strcmp(x + 3, "OPP") == 0;
}

static bool recent_protesters(const dt_coder *c, sid src)
{
    const char *sc = code_str(c, src);
    if (strlen(sc) != 6 || !country_based(sc) || (strcmp(sc + 3, "COP") != 0 && strcmp(sc + 3, "MIL") != 0))
        return false;
    for (int j = 0; j < c->nm; j++)
        for (int q = 0; q < c->m[j].ncodes; q++)
            if (opposition_of(c, c->m[j].codes[q], sc))
                return true;
    int tot = DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= tot; k++) {
        const doc_mention *dm = &c->recent[(c->nrecent - k) % DOC_RECENT];
        if (c->sentence - dm->sentence > 1)
            break;
        for (int q = 0; q < dm->ncodes; q++)
            if (opposition_of(c, dm->codes[q], sc))
                return true;
    }
    return false;
}

/* "each other" or "one another" as the object of the verb ending before `at`, past at
 * most three words that name nobody ("imposed sanctions on each other"). */
static bool each_other_after(const dt_coder *c, int at, int hi)
{
    for (int i = at; i + 1 < hi && i < at + 4; i++) {
        if ((KEY_IS(c, i, "EACH") && KEY_IS(c, i + 1, "OTHER")) ||
            (KEY_IS(c, i, "ONE") && KEY_IS(c, i + 1, "ANOTHER")))
            return true;
        if (c->ct[i].mention >= 0 || c->ct[i].barrier || c->ct[i].role == TR_VERB)
            return false;
    }
    return false;
}

/* "during protests", "after rare protests", "amid the demonstrations": the first token of
 * the protest noun of an adjunct in [at, end), or -1. */
static int protest_adjunct(const dt_coder *c, int at, int end)
{
    static const char *const preps[] = {"DURING", "AMID", "AFTER", "FOLLOWING", "AT", "IN", "AMIDST"};
    for (int i = at; i < end; i++) {
        if (!key_among(c, i, preps, DT_ARRAY_LEN(preps)))
            continue;
        for (int k = i + 1; k < end && k <= i + 3; k++)
            if (protest_object(c, k, k + 1))
                return k;
    }
    return -1;
}

/* "Myanmar troops torched villages in Rakhine state", "Authorities lifted the curfew in
 * Dhaka", "imposed a curfew across the country", "Ethiopian troops shelled Mekelle": a
 * sector of a country (its army, police, government, rebels) acting materially on a place
 * of its own country acts on that country, a domestic event. Only for the codes that act
 * on a place: administrative sanctions eased (081x), police deployments (153), coercion,
 * assault and mass violence (roots 17, 18, 20; not arrests or expulsions, 173-174, which
 * act on persons: "in Karachi" only says where). Fighting (19) only by a sector that is
 * not the state: an army fighting "in" a province of its own country fights someone the
 * sentence must name ("Iraqi forces launched an offensive in Mosul" names no enemy). Never
 * a show of force or drills on home ground. */
static bool domestic_code(const char *k, const char *sc)
{
    if (!is_digit((unsigned char)k[0]) || !is_digit((unsigned char)k[1]))
        return false;
    int root = (k[0] - '0') * 10 + (k[1] - '0');
    if (code_begins(k, "173") || code_begins(k, "174"))
        return false;
    if (root == 19) {
        const char *sector = sc + 3;
        return strlen(sc) == 6 && strcmp(sector, "GOV") != 0 && strcmp(sector, "MIL") != 0 &&
               strcmp(sector, "COP") != 0 && strcmp(sector, "SPY") != 0;
    }
    return root >= 17 || code_begins(k, "081") || code_begins(k, "153");
}

/* Is mention mi a place of the source's own country (the country, one of its cities or
 * regions, "the country"), the source a sector of it? When `located`, it must follow
 * "in", "across" or "throughout". */
static bool own_place(const dt_coder *c, int mi, int src, bool located)
{
    const mention *m = &c->m[mi], *s = &c->m[src];
    if (m->ncodes <= 0 || s->ncodes != 1 || (m->kind != AK_STATE && m->type != MT_REF))
        return false;
    const char *sc = code_str(c, s->codes[0]), *tc = code_str(c, m->codes[0]);
    if (strlen(sc) != 6 || !country_based(sc) || strncmp(sc, tc, 3) != 0)
        return false;
    if (!located)
        return true;
    int k = back_det_dir(c, m->start - 1);
    return k >= 0 && c->ct[k].role == TR_NONE &&
           (KEY_IS(c, k, "IN") || KEY_IS(c, k, "ACROSS") || KEY_IS(c, k, "THROUGHOUT"));
}

/* The first such place after the verb "in", "across" or "throughout" it, when the clause
 * names nobody else. */
static int find_own_place(const dt_coder *c, int from, int hi, int src)
{
    for (int i = from; i < hi; i++) {
        int mi = c->ct[i].mention;
        if (mi < 0)
            continue;
        if (c->m[mi].ncodes > 0 && own_place(c, mi, src, true))
            return mi;
        i = c->m[mi].end - 1;
    }
    return -1;
}

/* A nationality's people in the plural ("Iranians", "Venezuelans", "Serbs"): a one-word
 * name of a state, capitalised, ending in "s", whose singular names the same state
 * ("Iranian"); not a country's own name ("Honduras", "Cyprus"). */
static bool nationality_plural(const dt_coder *c, const mention *m)
{
    if (m->type != MT_ACTOR || m->kind != AK_STATE || m->end != m->start + 1)
        return false;
    const tok *t = &c->toks[m->start];
    return (t->flags & TOKF_CAP) && t->key_len >= 5 && c->keys.data[t->key + t->key_len - 1] == 'S' &&
           mention_stem_same_actor(c, m, 1);
}

/* Whether a mention holds a plural common noun ("teachers", "Kenyan farmers", "Teachers
 * in Kenya" at the start of a sentence or after a dateline's dash): a social group named
 * by its noun, not a body with a capitalised name ("Kenya Medical Practitioners"). */
static bool plain_plural_noun(const dt_coder *c, const mention *m)
{
    for (int i = m->start; i < m->end; i++) {
        const tok *t = &c->toks[i];
        if (t->key_len < 4 || c->keys.data[t->key + t->key_len - 1] != 'S')
            continue;
        unsigned char prev = i > 0 ? (unsigned char)c->norm.data[c->toks[i - 1].start] : ' ';
        if (!(t->flags & TOKF_CAP) || i == 0 || !((prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z')))
            return true;
    }
    return false;
}

/* For a subject inside "... ANTECEDENT which/that SUBJECT VERB", the antecedent: the
 * nearest actor before the relative word (or the actor modifying the noun there). */
static int relative_antecedent(const dt_coder *c, int src, int lo)
{
    const mention *s = &c->m[c->m[src].compound >= 0 ? c->m[src].compound : src];
    int k = s->start - 1;
    if (k < 0 || k < lo - 1 || !(c->ct[k].wflags & WF_REL) || c->ct[k].role != TR_NONE)
        return -1;
    if (!(KEY_IS(c, k, "WHICH") || KEY_IS(c, k, "THAT")))
        return -1;
    for (int i = k - 1; i >= 0 && i >= k - 10; i--) {
        if (c->ct[i].barrier)
            break;
        int mi = c->ct[i].mention;
        if (mi >= 0 && c->m[mi].ncodes > 0) {
            int h = head_of(c, mi);
            return same_actor_codes(c, &c->m[h], s) ? -1 : h;
        }
    }
    return -1;
}

/* "..., which Beijing called an escalation": a relative clause opened by ", which" and
 * its own subject, commenting on the act of the clause before it. */
static bool comment_relative(const dt_coder *c, int src)
{
    const mention *s = &c->m[c->m[src].compound >= 0 ? c->m[src].compound : src];
    int k = s->start - 1;
    while (k > 0 && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
        k--;
    return k > 0 && KEY_IS(c, k, "WHICH") && c->ct[k].role == TR_NONE && tok_is_comma(c, k - 1);
}

static bool adjectival_participle(const dt_coder *c, int i)
{
    static const char *const adj[] = {"OPPOSED", "CONCERNED", "ALARMED", "WORRIED", "DISAPPOINTED",
                                      "PLEASED", "COMMITTED", "DETERMINED", "PREPARED", "SATISFIED",
                                      "DISSATISFIED", "INTERESTED", "SHOCKED", "SURPRISED", "CONVINCED",
                                      "UNITED", "DEVOTED", "DEDICATED", "OUTRAGED", "ANGERED", "TROUBLED",
                                      "DISMAYED", "APPALLED", "DISTURBED", "ENCOURAGED", "HEARTENED",
                                      "INVOLVED", "ENGAGED", "ALLIED", "ALIGNED", "OBLIGED", "ENTITLED"};
    for (size_t k = 0; k < DT_ARRAY_LEN(adj); k++)
        if (key_is(c, i, adj[k]))
            return true;
    return false;
}

/* The country of the first place named with "in"/"at" in the clause ("met Y in Tokyo",
 * "in the Turkish resort of Antalya"), for the meeting rule. */
static void meeting_place(const dt_coder *c, int lo, int hi, char out[4])
{
    out[0] = 0;
    for (int i = lo; i < hi; i++) {
        if (!(c->ct[i].wflags & WF_LOCPREP) || c->ct[i].role != TR_NONE)
            continue;
        int j = skip_det_dir(c, i + 1, hi);
        if (j >= hi || c->ct[j].mention < 0)
            continue;
        const mention *m = &c->m[c->ct[j].mention];
        if (m->ncodes <= 0 || (m->kind != AK_STATE && m->kind != AK_ACTOR))
            continue;
        const char *code = code_str(c, m->codes[0]);
        if (strlen(code) >= 3 && is_upper((unsigned char)code[0])) {
            memcpy(out, code, 3);
            out[3] = 0;
            return;
        }
    }
}

/* ---------------------------------------------------------------- events */

/* The CAMEO root (1-20) of a code, 0 for none or a code that is not CAMEO. */
static int code_root(const dt_coder *c, sid code)
{
    const char *k = code ? code_str(c, code) : "";
    if (!is_digit((unsigned char)k[0]) || !is_digit((unsigned char)k[1]))
        return 0;
    return (k[0] - '0') * 10 + (k[1] - '0');
}

static sid future_code(dt_coder *c, const code_spec *cs)
{
    if (cs->future)
        return cs->future;
    const char *code = code_str(c, cs->code);
    if (strlen(code) < 2 || !is_digit((unsigned char)code[0]))
        return cs->code;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    const char *f = NULL;
    switch (root) {
    case 4: f = "036"; break;
    case 5: f = "032"; break;
    case 6: f = "031"; break;
    case 7: f = "033"; break;
    case 8: f = "035"; break;
    case 14: f = "133"; break;
    case 16: f = "131"; break;
    case 17: f = "130"; break;
    case 15: case 18: case 19: case 20: f = "138"; break;
    default: return cs->code;
    }
    return coder_intern(c, f, strlen(f));
}

/* "stop supporting", "cease arming": a verb of stopping before an act in -ing. */
static bool stop_doing(const dt_coder *c, const verbocc *vo, sid lemma)
{
    if (!lemma_is(c, lemma, LM_STOP) && !lemma_is(c, lemma, LM_HALT) && !lemma_is(c, lemma, LM_CEASE) &&
        !lemma_is(c, lemma, LM_QUIT))
        return false;
    int j = vo->end;
    if (j >= c->ntok || c->ct[j].role != TR_VERB || c->ct[j].verb < 0)
        return false;
    const verbocc *nv = &c->v[c->ct[j].verb];
    return nv->start == j && nv->verb != UINT32_MAX && nv->form == VF_ING;
}

/* The codes of an actor (all members of a compound); owner[i] is the mention that
 * holds out[i]. */
/* The appeal (02x) or demand (10x) matching what the subject is asked to do. */
static sid appeal_code(dt_coder *c, sid act, bool demand)
{
    const char *a = code_str(c, act);
    const char *code = demand ? "100" : "020";
    if (strlen(a) >= 3 && is_digit((unsigned char)a[0])) {
        int root = (a[0] - '0') * 10 + (a[1] - '0');
        if (strncmp(a, "084", 3) == 0)
            code = demand ? "1053" : "0253";
        else if (strncmp(a, "081", 3) == 0)
            code = demand ? "1051" : "0251";
        else if (strncmp(a, "082", 3) == 0)
            code = demand ? "1052" : "0252";
        else if (strncmp(a, "085", 3) == 0)
            code = demand ? "1054" : "0254";
        else if (strncmp(a, "086", 3) == 0)
            code = demand ? "1055" : "0255";
        else if (strncmp(a, "087", 3) == 0 || strncmp(a, "083", 3) == 0)
            code = demand ? "1056" : "0256";
        else if (root == 8)
            code = demand ? "105" : "025";
        else if (root == 4)
            code = demand ? "106" : "026";
        else if (root == 6)
            code = demand ? "101" : "021";
        else if (strncmp(a, "071", 3) == 0)
            code = demand ? "1031" : "0231";
        else if (strncmp(a, "072", 3) == 0)
            code = demand ? "1032" : "0232";
        else if (strncmp(a, "073", 3) == 0)
            code = demand ? "1033" : "0233";
        else if (strncmp(a, "074", 3) == 0)
            code = demand ? "1034" : "0234";
        else if (root == 7)
            code = demand ? "103" : "023";
        else if (root == 5)
            code = demand ? "102" : "022";
    }
    return coder_intern(c, code, strlen(code));
}

/* "U.S.-South Korea military exercises": "military" before an event noun describes the
 * event, it names no armed forces; the actor is the country. */
static bool military_as_adjective(const dt_coder *c, const mention *m)
{
    int e = m->end;
    if (e - m->start < 2 || e >= c->ntok || !KEY_IS(c, e - 1, "MILITARY"))
        return false;
    const ctok *t = &c->ct[e];
    return t->role == TR_VERB && t->verb >= 0 && c->v[t->verb].noun != UINT32_MAX && c->v[t->verb].start == e;
}

/* A mention's code as an event takes it (see military_as_adjective). */
static sid event_code(dt_coder *c, const mention *m, sid code)
{
    const char *k = code_str(c, code);
    /* (six letters ending in MIL: three before it, none after) */
    if (k[0] && k[1] && k[2] && code_is(k + 3, "MIL") && country_based(k) && military_as_adjective(c, m))
        return coder_intern(c, k, 3);
    return code;
}

static int collect_codes(dt_coder *c, int head, sid *out, int *owner, int cap)
{
    int n = 0;
    const mention *h = &c->m[head];
    if (h->compound == head && h->ncompound > 1) {
        for (int j = head; j < c->nm; j++)
            if (c->m[j].compound == head)
                for (int q = 0; q < c->m[j].ncodes && n < cap; q++) {
                    owner[n] = j;
                    out[n++] = event_code(c, &c->m[j], c->m[j].codes[q]);
                }
    } else {
        for (int q = 0; q < h->ncodes && n < cap; q++) {
            owner[n] = head;
            out[n++] = event_code(c, h, h->codes[q]);
        }
    }
    return n;
}

/* Are a and b two organs of one state ("COLGOV" and "COLMIL")? A minister visiting or
 * meeting his country's troops or police consults no one but his own state. */
static bool state_organs(const char *a, const char *b)
{
    static const char *const organs[] = {"GOV", "MIL", "COP", "SPY"};
    if (strlen(a) < 6 || strlen(b) < 6 || memcmp(a, b, 3) != 0)
        return false;
    bool sa = false, sb = false;
    for (size_t k = 0; k < DT_ARRAY_LEN(organs); k++) {
        sa |= memcmp(a + 3, organs[k], 3) == 0;
        sb |= memcmp(b + 3, organs[k], 3) == 0;
    }
    return sa && sb;
}

typedef struct sevent {
    sid src, tgt, code;
    int smention, tmention;
    uint32_t rule;
    bool subord;
} sevent;

static void add_sevent(const dt_coder *c, sevent *ev, int *nev, sid s, sid t, sid code, int sm, int tm,
                       uint32_t rule, bool subord, bool domestic)
{
    /* t == SID_NONE (tm < 0): a one-sided act with no target. A domestic event (a sector
     * acting on its own country's place) is not a state acting on itself. */
    if (!s || !code || (!t && tm >= 0) || s == t ||
        (t && !domestic && same_country(code_str(c, s), code_str(c, t))) ||
        (t && code_root(c, code) == 4 && state_organs(code_str(c, s), code_str(c, t))))
        return;
    for (int i = 0; i < *nev; i++)
        if (ev[i].src == s && ev[i].tgt == t && ev[i].code == code)
            return;
    if (*nev >= MAX_SENT_EVENTS)
        return;
    ev[(*nev)++] = (sevent){s, t, code, sm, tm, rule, subord};
}

/* A meeting (040) with a stated place: the host's country means a visit (042 from the
 * visitor, 043 from the host); a third country, a meeting there (044). */
static void meeting_codes(dt_coder *c, const proto *p, sid s, sid t, sid *st, sid *ts)
{
    const char *sc = code_str(c, s), *tc = code_str(c, t);
    if (!p->place[0] || strlen(sc) < 3 || strlen(tc) < 3)
        return;
    const char *a, *b;
    if (memcmp(p->place, tc, 3) == 0) {
        a = "042"; /* s visits t */
        b = "043";
    } else if (memcmp(p->place, sc, 3) == 0) {
        a = "043"; /* s hosts t */
        b = "042";
    } else {
        a = b = "044";
    }
    *st = coder_intern(c, a, 3);
    *ts = coder_intern(c, b, 3);
}

/* "urged X to abide by the agreement, revoke the sanctions and stop the drills": a bare
 * verb after a comma or "and"/"or" whose chain of bare verbs leads back, comma by comma,
 * to an infinitive is part of that infinitive's list, the content of the act before it.
 * Sets *out to the infinitive's group. Looks at most four links and twelve words back. */
static bool infinitive_chain(const dt_coder *c, int start, vgroup *out)
{
    for (int depth = 0; depth < 4; depth++) {
        int k = start - 1;
        if (k < 1 || c->ct[k].role != TR_NONE || !(tok_is_comma(c, k) || (c->ct[k].wflags & WF_CONJ)))
            return false;
        /* (an event noun on the way, "revoke the sanctions", is no link) */
        int j = k - 1;
        while (j >= 0 && j >= k - 12 && c->ct[j].barrier != 1 &&
               (c->ct[j].role != TR_VERB || c->ct[j].verb < 0 || c->v[c->ct[j].verb].verb == UINT32_MAX ||
                (c->v[c->ct[j].verb].start > 0 && (c->ct[c->v[c->ct[j].verb].start - 1].wflags & WF_DET))))
            j--;
        if (j < 0 || j < k - 12 || c->ct[j].role != TR_VERB || c->ct[j].verb < 0)
            return false;
        const verbocc *pv = &c->v[c->ct[j].verb];
        vgroup pg;
        verb_group(c, pv->start, pv->start >= 8 ? pv->start - 8 : 0, &pg);
        if (pg.infinitive) {
            *out = pg;
            return true;
        }
        if (pv->form != VF_BASE || pg.neg || pg.future || pg.hypo || pg.aux || pg.have || pg.get)
            return false;
        start = pg.start;
    }
    return false;
}

/* "expelled Canada's ambassador", "will expel British diplomats": the act is against the
 * state the diplomats represent, coded with its bare code (as the guidelines' gold corpus
 * codes expulsions and recalls), not as its government. True for an act that reduces
 * relations (root 16, or a 131x threat of one) whose target mention holds a member of the
 * dictionary's &DIPLOMAT set (the set the expulsion patterns use). */
static bool diplomats_of_state(dt_coder *c, const mention *m, sid code)
{
    const char *k = code ? code_str(c, code) : "";
    if (c->set_diplomat < 0 || (strncmp(k, "16", 2) != 0 && strncmp(k, "131", 3) != 0))
        return false;
    for (int i = m->start; i < m->end; i++)
        if (match_set_member_at(c, i, (uint32_t)c->set_diplomat, m->end))
            return true;
    return false;
}

static void expand(dt_coder *c, const proto *p, sevent *ev, int *nev)
{
    sid scodes[64], tcodes[64];
    int sown[64], town[64];
    bool subord = (p->code.flags & CF_SUBORD) != 0;
    sid code1 = p->use_code;
    sid code2 = (p->code.flags & CF_PAIRED) ? p->code.code2 : SID_NONE;
    if (p->code.flags & CF_TARGET_ONLY)
        code1 = SID_NONE;
    bool meeting = code1 && code_is(code_str(c, code1), "040");
    if (p->both) {
        int ns = collect_codes(c, p->src, scodes, sown, 64);
        /* A pair whose pattern gives each member its own kind of act ("riot police and
         * protesters clashed" => 175:145): the first member's act, then the second's (not
         * a visit and its hosting, 042:043, which a pair alone does not tell apart). */
        if (ns == 2 && code1 && code2 && code_root(c, code2) != code_root(c, code1)) {
            add_sevent(c, ev, nev, scodes[0], scodes[1], code1, sown[0], sown[1], p->rule, subord, false);
            add_sevent(c, ev, nev, scodes[1], scodes[0], code2, sown[1], sown[0], p->rule, subord, false);
            return;
        }
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j) {
                    sid k = code1 ? code1 : code2, back = k;
                    if (meeting)
                        meeting_codes(c, p, scodes[i], scodes[j], &k, &back);
                    add_sevent(c, ev, nev, scodes[i], scodes[j], k, sown[i], sown[j], p->rule, subord, false);
                }
        return;
    }
    int ns = collect_codes(c, p->src, scodes, sown, 64);
    if (p->tgt < 0) {
        for (int i = 0; i < ns; i++)
            add_sevent(c, ev, nev, scodes[i], SID_NONE, code1 ? code1 : code2, sown[i], -1, p->rule, subord, false);
        return;
    }
    int nt = collect_codes(c, p->tgt, tcodes, town, 64);
    for (int j = 0; j < nt; j++) {
        const char *tk = code_str(c, tcodes[j]);
        if (strlen(tk) > 3 && country_based(tk) && diplomats_of_state(c, &c->m[town[j]], code1))
            tcodes[j] = coder_intern(c, tk, 3);
    }
    if (p->domestic) {
        /* a place of the source's own country: the country itself, once */
        tcodes[0] = coder_intern(c, code_str(c, tcodes[0]), 3);
        nt = 1;
    }
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            sid k1 = code1, k2 = code2;
            if (meeting && (!code2 || code2 == code1)) {
                meeting_codes(c, p, scodes[i], tcodes[j], &k1, &k2);
                if (k1 != code1 && !code2)
                    k2 = SID_NONE;
            }
            if (k1)
                add_sevent(c, ev, nev, scodes[i], tcodes[j], k1, sown[i], town[j], p->rule, subord, p->domestic);
            if (k2)
                add_sevent(c, ev, nev, tcodes[j], scodes[i], k2, town[j], sown[i], p->rule, subord, false);
        }
}

/* ---------------------------------------------------------------- one verb */

static bool verb_prefix(const dt_coder *c, int k)
{
    static const char *const pre[] = {"RE", "CO", "PRE", "DE", "UN", "MIS", "OUT", "OVER", "UNDER", "CROSS",
                                      "SELF", "COUNTER", "INTER", "MULTI"};
    return k >= 0 && key_among(c, k, pre, DT_ARRAY_LEN(pre));
}

/* "hit", whose past is its base, is a past after a singular noun k, which would take
 * "hits" in the present: "a Russian missile hit an apartment block". */
static bool bare_past(const dt_coder *c, const verbocc *vo, int k)
{
    const tok *at = &c->toks[k];
    return vo->form == VF_BASE && vo->end == vo->start + 1 && KEY_IS(c, vo->start, "HIT") && at->key_len > 1 &&
           c->keys.data[at->key + at->key_len - 1] != 'S';
}

/* "Niger's presidential guard detained President Bazoum", "the elite unit stormed the
 * palace": a past form (not a participle of its own, "taken") after a determiner or
 * possessive and a plain noun, with an object right after it (a determiner, a possessive
 * pronoun or a capitalised name), is the verb of that noun phrase. Not after an adverb or a
 * number ("Japan's newly announced sanctions", "China's two detained Canadians"). k is the
 * word right before the verb. */
static bool past_after_noun(const dt_coder *c, const verbocc *vo, int k)
{
    if (!(vo->form == VF_ED || bare_past(c, vo, k)) || vo->end >= c->ntok)
        return false;
    const ctok *a = &c->ct[k];
    const tok *at = &c->toks[k];
    if (a->role != TR_NONE || !(at->flags & TOKF_WORD) || !(at->flags & TOKF_LOWER) || a->wflags != 0 ||
        count_word(c, k) ||
        (at->key_len > 3 && memcmp(c->keys.data + at->key + at->key_len - 2, "LY", 2) == 0))
        return false;
    int e = vo->end;
    const ctok *o = &c->ct[e];
    if (o->role == TR_NONE && ((o->wflags & WF_DET) || possessive_pronoun(c, e)))
        return true;
    /* "talks on the dam collapsed in Kinshasa": an intransitive past before a preposition
     * (not "by", a reduced passive) or the sentence's end */
    if (o->role == TR_NONE && (((o->wflags & WF_PREP) && !(o->wflags & WF_BY)) ||
                               ((c->toks[e].flags & TOKF_PUNCT) && c->norm.data[c->toks[e].start] == '.')))
        return true;
    return o->role == TR_MENTION && (c->toks[e].flags & TOKF_CAP);
}

/* A word for a document that speaks for its author: "a statement urging ...". Not one
 * that was vetoed, blocked or rejected ("vetoed a resolution condemning ..."): it said
 * nothing; nor one a voter abstained on, which is not the voter's. */
static bool document_word(const dt_coder *c, int k)
{
    static const char *const docs[] = {"STATEMENT", "STATEMENTS", "RESOLUTION", "LETTER", "REPORT",
                                       "COMMUNIQUE", "DECLARATION", "PETITION", "MEMO", "MESSAGE",
                                       "MOTION", "EDITORIAL", "NOTE", "SPEECH"};
    static const char *const vetoes[] = {"VETO",    "VETOES",    "VETOED",  "VETOING",
                                         "ABSTAIN", "ABSTAINED", "ABSTAINS", "ABSTAINING"};
    if (c->ct[k].role != TR_NONE || !key_among(c, k, docs, DT_ARRAY_LEN(docs)))
        return false;
    for (int q = k - 1; q >= 0 && q >= k - 8; q--) {
        if ((c->ct[q].wflags & WF_OBSTRUCT) || key_among(c, q, vetoes, DT_ARRAY_LEN(vetoes)) || rejection_verb(c, q))
            return false;
        if (c->ct[q].role == TR_VERB || c->ct[q].barrier)
            break;
    }
    /* ... also in the passive: "a resolution demanding a ceasefire was vetoed by the
     * United States" */
    static const char *const be[] = {"IS", "WAS", "WERE", "ARE", "BEEN"};
    for (int q = k + 2; q + 1 < c->ntok && q <= k + 16; q++) {
        if (c->ct[q].wflags & WF_REPORT)
            break;
        if (key_among(c, q, be, DT_ARRAY_LEN(be)) &&
            ((c->ct[q + 1].wflags & WF_OBSTRUCT) || key_among(c, q + 1, vetoes, 4) || rejection_verb(c, q + 1)))
            return false;
    }
    return true;
}

/* "China and India have both deployed", "the rebels all fled": "both", "all" or "each"
 * after an auxiliary or the subject is no determiner of the word after it. */
static bool floating_quantifier(const dt_coder *c, int q)
{
    return q > 0 && (KEY_IS(c, q, "BOTH") || KEY_IS(c, q, "ALL") || KEY_IS(c, q, "EACH")) &&
           ((c->ct[q - 1].role == TR_NONE && (c->ct[q - 1].wflags & (WF_AUX | WF_HAVE | WF_FUTURE | WF_HYPO))) ||
            c->ct[q - 1].mention >= 0);
}

static bool noun_use(const dt_coder *c, const verbocc *vo);
static bool noun_by_context(const dt_coder *c, const verbocc *vo);

/* Whether verb occurrence vo is used as a noun or adjective here, not as a verb ("a deal
 * brokered by China": the participle describing the noun is a verb; asked only when the
 * rest says noun, as it is asked of every verb). */
static bool is_noun_use(const dt_coder *c, const verbocc *vo)
{
    return noun_use(c, vo) && !brokered_noun(c, vo);
}

static bool noun_use(const dt_coder *c, const verbocc *vo)
{
    /* After a document that says what its author does, an "-ing" form is a verb: "passed a
     * resolution urging China to ...", "a joint statement calling on Russia". (The document
     * is looked for only when the context says noun: most verbs are not, and the word lists
     * cost more than the other tests.) */
    return noun_by_context(c, vo) && !(vo->form == VF_ING && document_word(c, vo->start - 1));
}

/* noun_use without the document before a gerund. */
static bool noun_by_context(const dt_coder *c, const verbocc *vo)
{
    int k = vo->start - 1;
    if (k < 0)
        return false;
    /* A capitalised month name before a number is the month ("the year ending March 31";
     * "Protesters March On Parliament", a title-case headline, keeps the verb). */
    if ((c->ct[vo->start].wflags & WF_MONTH) && (c->toks[vo->start].flags & TOKF_CAP) && vo->end < c->ntok &&
        (c->toks[vo->end].flags & TOKF_NUMBER))
        return true;
    /* "Iranian-backed", "U.S.-led": a hyphenated participle is an adjective (but not
     * after a prefix: "re-imposed", "co-sponsored"). */
    if ((c->toks[vo->start].flags & TOKF_HYPH) && !verb_prefix(c, k))
        return true;
    if ((c->toks[vo->start].flags & TOKF_HYPH) && verb_prefix(c, k))
        k--;
    if (k < 0)
        return false;
    /* "The U.S. strike on a Syrian air base", "an Israeli attack on the camp": a base form
     * between an actor opened by a determiner and "on" or "against" is the act's noun,
     * when the dictionaries have that noun (else the verb's patterns still code it: "a
     * Brazilian ban on package tours to South Korea"). */
    if (vo->form == VF_BASE && vo->noun != UINT32_MAX && c->ct[k].role == TR_MENTION && c->ct[k].mention >= 0 && vo->end < c->ntok &&
        (KEY_IS(c, vo->end, "ON") || KEY_IS(c, vo->end, "AGAINST"))) {
        int ms = c->m[c->ct[k].mention].start - 1;
        if (ms >= 0 && c->ct[ms].role == TR_NONE && (c->ct[ms].wflags & WF_DET))
            return true;
    }
    /* A determiner or possessive before one or two adjectives: "their initial historic
     * meeting", "an unannounced visit". */
    for (int back = 1, q = k; back <= 3 && q >= 0; back++, q--) {
        const ctok *a = &c->ct[q];
        if (back == 1 && floating_quantifier(c, q))
            return false;
        /* (a possessive pronoun may be an actor of its own: "their talks with Kim") (the
         * token's own flags or-ed without a branch, the pronoun's words asked last) */
        if (((a->role == TR_NONE) & ((a->wflags & WF_DET) != 0)) | ((a->tflags & TOKF_POSS) != 0) ||
            possessive_pronoun(c, q))
            return back == 1 || !past_after_noun(c, vo, k);
        /* "a Ukrainian grain ship": a determiner, an actor, then a noun modifier (but a past
         * form there is the verb: "an Egyptian mediator met Hamas leaders"). */
        if (back >= 2 && a->role == TR_MENTION && a->mention >= 0 && vo->form != VF_ED && !bare_past(c, vo, k)) {
            int ms = c->m[a->mention].start - 1;
            /* (the words passed are plain modifiers, not "also" or "strongly") */
            bool plain = true;
            for (int x = q + 1; x <= k; x++) {
                const tok *xt = &c->toks[x];
                plain &= c->ct[x].wflags == 0 &&
                         !(xt->key_len > 3 && memcmp(c->keys.data + xt->key + xt->key_len - 2, "LY", 2) == 0);
            }
            if (plain && ms >= 0 && c->ct[ms].role == TR_NONE && (c->ct[ms].wflags & WF_DET))
                return true;
        }
        bool adjective_like = a->role == TR_NONE && (a->tflags & TOKF_WORD) && (a->tflags & TOKF_LOWER) &&
                              !(a->wflags & ~(uint32_t)WF_ADVERB);
        /* "a planned rally", "the expected talks": a one-word participle right after the
         * determiner is an adjective too */
        if (!adjective_like && q > 0 && (a->tflags & TOKF_LOWER) && c->toks[q].key_len > 4 &&
            memcmp(c->keys.data + c->toks[q].key + c->toks[q].key_len - 2, "ED", 2) == 0 &&
            c->ct[q - 1].role == TR_NONE && (c->ct[q - 1].wflags & WF_DET) &&
            (a->role == TR_NONE ||
             (a->role == TR_VERB && a->verb >= 0 && c->v[a->verb].start == q && c->v[a->verb].end == q + 1)))
            adjective_like = true;
        if (!adjective_like || back == 3)
            break;
    }
    const ctok *t = &c->ct[k];
    if (t->role == TR_NONE && (t->wflags & WF_DET))
        return true;
    if (t->tflags & TOKF_POSS)
        return true;

    /* A gerund after a preposition is the content of another act ("accused X of
     * attacking"), not an event of its own; but "responded by sanctioning US firms" is the
     * response itself. */
    if (vo->form == VF_ING && t->role == TR_NONE && (t->wflags & WF_PREP)) {
        bool response = k > 0 && KEY_IS(c, k, "BY") &&
                        ((c->ct[k - 1].wflags & WF_RESPOND) ||
                         (k > 1 && KEY_IS(c, k - 1, "BACK") && KEY_IS(c, k - 2, "HIT")));
        return !response;
    }
    /* ("accused the United States of repeatedly violating its airspace": an adverb in -ly
     * between the preposition and the gerund) */
    if (vo->form == VF_ING && t->role == TR_NONE && k > 0 && adverb_like(c, k) && c->ct[k - 1].role == TR_NONE &&
        (c->ct[k - 1].wflags & WF_PREP) && !(c->ct[k - 1].wflags & WF_BY) && c->toks[k].key_len > 3 &&
        memcmp(c->keys.data + c->toks[k].key + c->toks[k].key_len - 2, "LY", 2) == 0)
        return true;
    /* A participle after a determiner or preposition is an adjective ("the detained
     * activists", "release of detained activists"). */
    if ((vo->form == VF_ED || vo->form == VF_EN) && t->role == TR_NONE && (t->wflags & (WF_PREP | WF_DET)) &&
        !(t->wflags & WF_BY))
        return true;
    /* "banned the party from holding rallies": the object of a gerund that is the
     * content of another act (after a preposition) is a noun. */
    if ((vo->form == VF_S || vo->form == VF_ING) && t->role == TR_VERB && t->verb >= 0 && c->v[t->verb].start == k &&
        c->v[t->verb].form == VF_ING && k > 0 && c->ct[k - 1].role == TR_NONE && (c->ct[k - 1].wflags & WF_PREP) &&
        !(c->ct[k - 1].wflags & WF_BY))
        return true;
    /* "would keep funding the agency", "kept shelling the town": the "-ing" after "keep"
     * is the verb kept up. */
    if (vo->form == VF_ING && c->keys.data[c->toks[k].key] == 'K' &&
        (KEY_IS(c, k, "KEEP") || KEY_IS(c, k, "KEEPS") || KEY_IS(c, k, "KEPT")))
        return false;
    /* "-ing" and "-s" forms after an ordinary word are nouns ("car bombing", "peace
     * talks"); after an auxiliary, an actor, a comma or an adverb in -ly ("is extremely
     * troubling") they are verbs (and after a document, above). */
    if ((vo->form == VF_ING || vo->form == VF_S) && t->role == TR_NONE && (t->tflags & TOKF_WORD) &&
        !(t->wflags & (WF_AUX | WF_ADVERB | WF_NEG | WF_HAVE | WF_DO | WF_FUTURE | WF_HYPO | WF_REL |
                       WF_CONJ | WF_PRON | WF_INTENT | WF_GET | WF_REPORT)) &&
        !(t->tflags & (TOKF_NUMBER)) && !adverb_like(c, k))
        return true;
    return false;
}

/* The agent of a passive: the actor after a "by" in the three tokens after the verb (only
 * adverbs and punctuation before it when words_stop). *found says whether a "by" was seen;
 * returns the actor's head mention, or -1. */
static int by_agent(const dt_coder *c, int from, int hi, bool words_stop, bool *found)
{
    *found = false;
    for (int i = from; i < hi && i < from + 3; i++) {
        if (c->ct[i].wflags & WF_BY) {
            *found = true;
            int j = i + 1;
            for (;;) {
                while (j < hi && (c->ct[j].wflags & (WF_DET | WF_TITLE)) && c->ct[j].role == TR_NONE)
                    j++;
                /* past a quantity of weapons: "by a barrage of Russian missiles" */
                if (j + 1 < hi && c->ct[j].role == TR_NONE && KEY_IS(c, j + 1, "OF") &&
                    (KEY_IS(c, j, "BARRAGE") || KEY_IS(c, j, "WAVE") || KEY_IS(c, j, "SALVO") ||
                     KEY_IS(c, j, "VOLLEY") || KEY_IS(c, j, "SWARM"))) {
                    j += 2;
                    continue;
                }
                /* past a patron: "by Iran-backed militants" */
                if (j + 2 < hi && c->ct[j].role == TR_NONE && (c->toks[j + 1].flags & TOKF_HYPH) &&
                    c->ct[j + 1].role != TR_MENTION && c->toks[j + 1].key_len > 4 &&
                    memcmp(c->keys.data + c->toks[j + 1].key + c->toks[j + 1].key_len - 2, "ED", 2) == 0) {
                    j += 2;
                    continue;
                }
                break;
            }
            return j < hi && c->ct[j].mention >= 0 && c->m[c->ct[j].mention].ncodes > 0 ? head_of(c, c->ct[j].mention)
                                                                                       : -1;
        }
        if (words_stop && !(c->ct[i].wflags & WF_ADVERB) && !(c->ct[i].tflags & TOKF_PUNCT) &&
            c->ct[i].role != TR_NONE)
            break;
    }
    return -1;
}

/* The "in" or "during" that opens the act a passive happened in, after adverbs from
 * `from` ("killed last night in an ambush"), or -1. */
static int act_preposition(const dt_coder *c, int from, int hi)
{
    int i = from;
    while (i < hi && (c->ct[i].wflags & WF_ADVERB) && c->ct[i].role == TR_NONE)
        i++;
    return i < hi && c->ct[i].role == TR_NONE && (KEY_IS(c, i, "IN") || KEY_IS(c, i, "DURING")) ? i : -1;
}

/* "Five soldiers were killed in an ambush by Shabaab militants", "wounded during an
 * attack by jihadists": a passive with no "by" of its own takes the "by" actor of the act
 * "in" or "during" which it happened (an event word, at most four words on, with "by"
 * right after it). Returns the actor's head mention, or -1. */
static int event_noun_agent(const dt_coder *c, int from, int hi)
{
    int i = act_preposition(c, from, hi);
    if (i < 0)
        return -1;
    for (int k = i + 1; k < hi && k <= i + 5; k++) {
        if (c->ct[k].mention >= 0 || c->ct[k].barrier || (c->toks[k].flags & TOKF_PUNCT))
            return -1;
        if (c->ct[k].role != TR_VERB || c->ct[k].verb < 0)
            continue;
        int e = c->v[c->ct[k].verb].end;
        if (e < hi && (c->ct[e].wflags & WF_BY) && c->ct[e].role == TR_NONE) {
            /* (a broker or mediator of the act is not the one who acts: "Two Americans
             * were freed in a swap brokered by Saudi Arabia") */
            if (broker_word(c, e - 1))
                return -1;
            bool found;
            return by_agent(c, e, hi, true, &found);
        }
    }
    return -1;
}

/* "the consulate was destroyed in an Israeli air strike", "killed in Russian shelling": a
 * passive attack with no "by" takes the actor named right before the act "in" or "during"
 * which it happened ("a" or "an", the actor, then the event word within two words). Not
 * after "the": "injured in the Iranian missile strike" refers back to an attack already
 * told. Returns the actor's head mention, or -1. */
static int act_owner_agent(const dt_coder *c, int from, int hi)
{
    int i = act_preposition(c, from, hi);
    if (i < 0)
        return -1;
    int j = i + 1;
    if (j < hi && c->ct[j].role == TR_NONE && (KEY_IS(c, j, "A") || KEY_IS(c, j, "AN")))
        j++;
    if (j >= hi || c->ct[j].mention < 0 || c->m[c->ct[j].mention].ncodes == 0)
        return -1;
    int mi = c->ct[j].mention;
    for (int k = c->m[mi].end; k < hi && k <= c->m[mi].end + 2; k++) {
        if (c->ct[k].mention >= 0 || c->ct[k].barrier || (c->toks[k].flags & TOKF_PUNCT))
            return -1;
        if (c->ct[k].role == TR_VERB && c->ct[k].verb >= 0)
            return head_of(c, mi);
    }
    return -1;
}

/* "were killed and 20 others wounded", "were killed and seven were wounded": a casualty
 * clause coordinated after a passive participle, a number (or "others", "more") and a
 * participle of its own. Returns the index of that participle's verb occurrence when the
 * clause starts at token `and`, else -1. */
static int casualty_clause(const dt_coder *c, int and_tok)
{
    if (and_tok + 2 >= c->ntok || !KEY_IS(c, and_tok, "AND") || c->ct[and_tok].role != TR_NONE)
        return -1;
    int q = and_tok + 1, words = 0;
    while (q < c->ntok && words < 3 && c->ct[q].role == TR_NONE && c->ct[q].mention < 0 &&
           ((c->toks[q].flags & TOKF_NUMBER) || quantity_word(c, q) || KEY_IS(c, q, "OTHERS") ||
            KEY_IS(c, q, "MORE") || KEY_IS(c, q, "PEOPLE") || KEY_IS(c, q, "AT") || KEY_IS(c, q, "LEAST"))) {
        q++;
        words++;
    }
    if (words == 0)
        return -1;
    if (q < c->ntok && c->ct[q].role == TR_NONE && (KEY_IS(c, q, "WERE") || KEY_IS(c, q, "WAS")))
        q++;
    if (q >= c->ntok || c->ct[q].role != TR_VERB || c->ct[q].verb < 0)
        return -1;
    const verbocc *v = &c->v[c->ct[q].verb];
    return v->start == q && (v->form == VF_ED || v->form == VF_EN) ? c->ct[q].verb : -1;
}

/* The passive participle whose casualty clause the bare participle at `start` ends ("killed"
 * in "were killed and 20 others wounded"): the auxiliary is shared. */
static bool elided_passive(const dt_coder *c, int start)
{
    for (int a = start - 1; a > 1 && a >= start - 5; a--) {
        if (!KEY_IS(c, a, "AND"))
            continue;
        int vi = casualty_clause(c, a);
        if (vi < 0 || c->v[vi].start != start)
            return false;
        int p = a - 1;
        if (c->ct[p].role != TR_VERB || c->ct[p].verb < 0)
            return false;
        const verbocc *pv = &c->v[c->ct[p].verb];
        int b = pv->start - 1;
        while (b >= 0 && adverb_like(c, b))
            b--;
        return (pv->form == VF_ED || pv->form == VF_EN) && b >= 0 && (c->ct[b].wflags & (WF_AUX | WF_GET));
    }
    return false;
}

/* "Two soldiers were killed when a roadside bomb planted by jihadists hit their convoy",
 * "were wounded when Taliban fighters stormed their checkpoint": a passive casualty with no
 * "by" of its own takes its attacker from the "when" or "as" clause right after it (at most
 * eight words on, no actor or punctuation but commas between): that clause's subject when
 * a verb follows it, or the "by" actor of a participle describing its subject. Returns the
 * actor's head mention, or -1. */
static int when_clause_agent(const dt_coder *c, int from)
{
    int i = from;
    for (; i < c->ntok && i < from + 8; i++) {
        if (c->ct[i].role == TR_NONE && (KEY_IS(c, i, "WHEN") || KEY_IS(c, i, "AS")))
            break;
        if (c->ct[i].mention >= 0 || ((c->toks[i].flags & TOKF_PUNCT) && !tok_is_comma(c, i)))
            return -1;
    }
    if (i >= c->ntok || i >= from + 8)
        return -1;
    int k = i + 1;
    while (k < c->ntok && c->ct[k].role == TR_NONE && (c->ct[k].wflags & (WF_DET | WF_ADVERB)))
        k++;
    if (k < c->ntok && c->ct[k].mention >= 0) {
        int mi = head_of(c, c->ct[k].mention);
        int e = c->m[c->ct[k].mention].end;
        while (e < c->ntok && adverb_like(c, e))
            e++;
        return c->m[mi].ncodes > 0 && e < c->ntok && c->ct[e].role == TR_VERB ? mi : -1;
    }
    for (int q = k + 1; q < c->ntok && q <= k + 6; q++) {
        if (c->ct[q].mention >= 0 || (c->toks[q].flags & TOKF_PUNCT) || c->ct[q].barrier)
            return -1;
        if (!(c->ct[q].wflags & WF_BY) || c->ct[q].role != TR_NONE)
            continue;
        const tok *pt = &c->toks[q - 1];
        const char *pk = c->keys.data + pt->key;
        if (pt->key_len < 4 || pk[pt->key_len - 2] != 'E' || (pk[pt->key_len - 1] != 'D' && pk[pt->key_len - 1] != 'N'))
            return -1;
        bool found;
        return by_agent(c, q, c->ntok, false, &found);
    }
    return -1;
}

/* Code one reading (verb or event noun) of a verb occurrence; true when it gave an event. */
/* A modal in the two or three words after an event noun sets its tense or mood; so does a
 * schedule ("the summit was set for June 12", "talks are scheduled for Monday", "the
 * meeting is back on"). */
static void modal_after_noun(const dt_coder *c, int from, int hi, vgroup *g)
{
    if (from + 1 < hi && (KEY_IS(c, from, "IS") || KEY_IS(c, from, "WAS") || KEY_IS(c, from, "ARE") ||
                          KEY_IS(c, from, "WERE"))) {
        int k = from + 1;
        if (KEY_IS(c, k, "NOW") || KEY_IS(c, k, "STILL"))
            k++;
        if (k < hi && (KEY_IS(c, k, "SET") || KEY_IS(c, k, "SCHEDULED") || KEY_IS(c, k, "PLANNED") ||
                       KEY_IS(c, k, "SLATED") || KEY_IS(c, k, "DUE") || KEY_IS(c, k, "EXPECTED") ||
                       KEY_IS(c, k, "BACK") || KEY_IS(c, k, "UNLIKELY") || KEY_IS(c, k, "LIKELY"))) {
            if (KEY_IS(c, k, "EXPECTED") || KEY_IS(c, k, "UNLIKELY") || KEY_IS(c, k, "LIKELY"))
                g->hypo = true;
            else
                g->future = true;
            return;
        }
    }
    for (int q = from; q < hi && q < from + 3; q++) {
        if (c->ct[q].wflags & WF_FUTURE)
            g->future = true;
        else if (c->ct[q].wflags & WF_HYPO)
            g->hypo = true;
        else if (!(c->ct[q].wflags & WF_ADVERB))
            break;
    }
}

/* A clause barrier (either kind) in [a, b). */
static bool barrier_between(const dt_coder *c, int a, int b)
{
    for (int k = a; k < b; k++)
        if (c->ct[k].barrier)
            return true;
    return false;
}

/* "rejected a European plan to ease tensions", "welcomed Iran's decision to free ...": an
 * intention named by a noun (after a determiner or possessive, or a noun of its own such as
 * "decision") that is the object of an event verb before it in the clause. What the plan
 * would do is that verb's content, not an intention coded on its own. */
static bool intention_object(const dt_coder *c, int vi, int k, int lo)
{
    static const char *const nouns[] = {"DECISION", "DECISIONS", "BID", "EFFORT", "EFFORTS", "ATTEMPTS"};
    bool noun = false;
    for (size_t q = 0; q < DT_ARRAY_LEN(nouns) && !noun; q++)
        noun = key_is(c, k, nouns[q]);
    /* "a European plan", "the U.S. offer", "Japan's plan", "its plans": past an actor
     * and up to two plain adjectives to a determiner or possessive */
    int q = k - 1;
    for (int steps = 0; !noun && q >= lo && steps < 3; steps++) {
        const ctok *a = &c->ct[q];
        if (a->tflags & TOKF_POSS) {
            noun = true;
            break;
        }
        if (a->role == TR_NONE && ((a->wflags & WF_DET) || possessive_pronoun(c, q))) {
            noun = true;
            break;
        }
        if (a->role == TR_MENTION && a->mention >= 0)
            q = c->m[a->mention].start - 1;
        else if (a->role == TR_NONE && (a->tflags & TOKF_WORD) && (c->toks[q].flags & TOKF_LOWER) && !a->wflags)
            q--;
        else
            break;
    }
    if (!noun)
        return false;
    for (int j = vi - 1; j >= 0; j--) {
        if (c->v[j].start < lo)
            break;
        if (c->v[j].end <= k && c->verb_matched[j] && !barrier_between(c, c->v[j].end, k))
            return true;
    }
    return false;
}

/* "Rockets fired by Hamas struck Tel Aviv", "Drones launched by Russia hit Kyiv": when the
 * clause names no free subject, the agent of a participle that describes the subject noun
 * ("NOUN PARTICIPLE by ACTOR", no auxiliary) is the one who acts. */
static int reduced_agent(const dt_coder *c, int v, int lo)
{
    int i = v - 1;
    while (i >= lo && i >= v - 4 && c->ct[i].mention < 0 && c->ct[i].role == TR_NONE && !c->ct[i].barrier &&
           !(c->toks[i].flags & TOKF_PUNCT) && !(c->ct[i].wflags & WF_REL))
        i--;
    if (i < lo || c->ct[i].mention < 0)
        return -1;
    const mention *m = &c->m[head_of(c, c->ct[i].mention)];
    if (m->ncodes <= 0)
        return -1;
    int k = m->start - 1;
    while (k >= lo && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
        k--;
    if (k <= lo || !(c->ct[k].wflags & WF_BY) || c->ct[k].role != TR_NONE)
        return -1;
    /* the participle before "by": a verb or the last word of an event noun, in -ed/-en */
    int p = k - 1;
    const tok *pt = &c->toks[p];
    const char *pk = c->keys.data + pt->key;
    bool participle = pt->key_len > 3 && pk[pt->key_len - 2] == 'E' &&
                      (pk[pt->key_len - 1] == 'D' || pk[pt->key_len - 1] == 'N');
    if (c->ct[p].role == TR_VERB && c->ct[p].verb >= 0 && c->v[c->ct[p].verb].verb != UINT32_MAX &&
        c->v[c->ct[p].verb].end == k)
        participle = c->v[c->ct[p].verb].form == VF_ED || c->v[c->ct[p].verb].form == VF_EN;
    if (!participle || (pt->flags & TOKF_CAP && p == 0))
        return -1;
    /* no auxiliary ("were fired by" is a passive clause of its own), and a noun before */
    int q = p - 1;
    if (c->ct[p].role == TR_VERB && c->ct[p].verb >= 0)
        q = c->v[c->ct[p].verb].start - 1;
    while (q > lo && adverb_like(c, q))
        q--;
    if (q >= lo && (c->ct[q].wflags & (WF_AUX | WF_HAVE | WF_GET)) && c->ct[q].role == TR_NONE)
        return -1;
    return head_of(c, c->ct[i].mention);
}

/* "Egypt, the foreign ministry said, would host talks", "Putin, Peskov said, will meet
 * Erdogan": a clause that opens right after an attribution set between commas has the
 * actor before that attribution as its subject, when that actor is all its clause holds
 * before the comma. */
static int parenthetical_subject(const dt_coder *c, int v, int lo)
{
    /* (the clause starts after the reporting verb; a few words may follow it: "said in
     * a televised statement,", "told Reuters,") */
    /* ("Russia, the Kremlin said, was ready to resume talks": a few words of the verb
     * phrase may stand between the comma and the verb) */
    int cm = v - 1;
    while (cm > lo && cm >= v - 4 && !tok_is_comma(c, cm) && c->ct[cm].mention < 0 &&
           !(c->toks[cm].flags & TOKF_PUNCT) && !(c->ct[cm].wflags & (WF_REPORT | WF_CONJ | WF_REL)))
        cm--;
    v = cm + 1;
    if (v < 4 || v > lo + 7 || !tok_is_comma(c, v - 1))
        return -1;
    int r = v - 2;
    while (r >= lo && r > v - 8 && !(c->ct[r].wflags & WF_REPORT)) {
        if (c->ct[r].role == TR_VERB || (c->toks[r].flags & TOKF_PUNCT))
            return -1;
        r--;
    }
    if (r < 2 || r < lo - 1 || !(c->ct[r].wflags & WF_REPORT) || c->ct[r].role != TR_NONE)
        return -1;
    int k = r - 1;
    while (k > 0 && k >= lo - 10 && !tok_is_comma(c, k)) {
        if (c->ct[k].role == TR_VERB || (c->ct[k].wflags & (WF_REPORT | WF_CONJ | WF_REL)) ||
            (c->toks[k].flags & TOKF_PUNCT))
            return -1;
        k--;
    }
    if (k <= 0 || !tok_is_comma(c, k) || c->ct[k - 1].mention < 0)
        return -1;
    int plo, phi;
    clause_range(c, k - 1, k - 1, &plo, &phi);
    int s = find_subject(c, k, plo);
    if (s < 0 || c->m[s].ncodes <= 0)
        return -1;
    for (int q = plo; q < k; q++)
        if (c->ct[q].role == TR_VERB || (c->ct[q].wflags & (WF_REPORT | WF_REL)))
            return -1;
    return s;
}

/* Token k is in a verb that rejects what follows it: "ruled out", "rejected", "dismissed",
 * "refused", "rebuffed", "turned down". */
static bool rejection_verb(const dt_coder *c, int k)
{
    if (k < 0 || c->ct[k].role != TR_VERB || c->ct[k].verb < 0 || c->v[c->ct[k].verb].verb == UINT32_MAX)
        return false;
    sid lemma = c->d->verbs[c->v[c->ct[k].verb].verb].lemma;
    for (int i = LM_RULE_OUT; i <= LM_TURN_DOWN; i++)
        if (lemma_is(c, lemma, i))
            return true;
    return false;
}

/* The opposition (protesters, GUIDELINES 3) of the state whose code begins `country`:
 * "KOR..." -> KOROPP. */
static sid opposition_code(dt_coder *c, const char *country)
{
    char opp[7];
    memcpy(opp, country, 3);
    memcpy(opp + 3, "OPP", 4);
    return coder_intern(c, opp, 6);
}

/* A crowd, protest or strike with no actor of its own, over tokens [start, end): a mention
 * made for the opposition of the country whose three-letter code is `country`, or -1. */
static int opposition_mention(dt_coder *c, int start, int end, const char *country, const char *why)
{
    sid opp = opposition_code(c, country);
    int src = scan_context_mention(c, start, opp, -1);
    if (src >= 0) {
        c->m[src].end = end;
        c->m[src].plural = 1;
        trace_printf(c, "  %s: %s\n", why, code_str(c, opp));
    }
    return src;
}

/* "Hundreds of thousands of people demonstrated in Paris": a crowd named only by its
 * number ("thousands", "tens of thousands of people") that protests has no actor of its
 * own; it is the opposition of the country of the place it protests in, named after the
 * verb in its clause. The source is a mention made for it over those words, or -1. */
static int crowd_source(dt_coder *c, int v, int lo, int from, int hi)
{
    int a = v;
    int subj_end = v;
    bool number = false;
    /* "Thousands gathered in the capital and staged road blockades": a verb after "and"
     * shares the crowd of the verb before it, and the place named after that verb. */
    if (a >= 2 && a - 1 <= lo && KEY_IS(c, a - 1, "AND") && c->ct[a - 1].role == TR_NONE) {
        for (int k = a - 2; k >= 0; k--) {
            if (c->ct[k].mention >= 0 || c->ct[k].barrier)
                break;
            if (c->ct[k].role == TR_VERB && c->ct[k].verb >= 0) {
                a = c->v[c->ct[k].verb].start;
                subj_end = a;
                from = c->v[c->ct[k].verb].end;
                hi = v;
                lo = a;
                while (lo > 0 && !c->ct[lo - 1].barrier && c->ct[lo - 1].mention < 0 &&
                       c->ct[lo - 1].role != TR_SKIP)
                    lo--;
                break;
            }
        }
    }
    while (a > lo && c->ct[a - 1].mention < 0 && c->ct[a - 1].role == TR_NONE) {
        int k = a - 1;
        if (quantity_word(c, k))
            number = true;
        else if (!KEY_IS(c, k, "OF") && !KEY_IS(c, k, "PEOPLE") && !KEY_IS(c, k, "MORE") &&
                 !KEY_IS(c, k, "THAN") && !KEY_IS(c, k, "ABOUT") && !KEY_IS(c, k, "AROUND") &&
                 !KEY_IS(c, k, "NEARLY") && !KEY_IS(c, k, "OVER") && !KEY_IS(c, k, "ALMOST"))
            break;
        a = k;
    }
    /* (the number words are the whole subject: the clause opens with them, or they follow
     * a comma or a conjunction) */
    if (!number || a == v || !(a == lo || tok_is_comma(c, a - 1) || c->ct[a - 1].barrier ||
                               (c->ct[a - 1].wflags & (WF_CONJ | WF_SUBCONJ)) || KEY_IS(c, a - 1, "AS")))
        return -1;
    /* "Thousands gathered in the capital": the capital of the document's country (its
     * dateline or first country named). */
    if (c->location) {
        for (int q = from; q + 2 < hi; q++)
            if ((KEY_IS(c, q, "IN") || (KEY_IS(c, q, "OF") && q > 0 && KEY_IS(c, q - 1, "STREETS"))) &&
                KEY_IS(c, q + 1, "THE") && KEY_IS(c, q + 2, "CAPITAL") &&
                (q + 3 >= c->ntok || c->ct[q + 3].mention < 0)) {
                return opposition_mention(c, a, subj_end, code_str(c, c->location),
                                          "a crowd protesting in the capital");
            }
    }
    for (int q = from; q < hi; q++) {
        int mi = c->ct[q].mention;
        if (mi < 0 || c->m[mi].ncodes != 1)
            continue;
        const char *pc = code_str(c, c->m[mi].codes[0]);
        int k = c->m[mi].start - 1;
        while (k >= from && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
            k--;
        /* (also "took to the streets of Santiago") */
        if (k < from || !(KEY_IS(c, k, "IN") || KEY_IS(c, k, "ACROSS") || KEY_IS(c, k, "THROUGHOUT") ||
                          (KEY_IS(c, k, "OF") && k > 0 && KEY_IS(c, k - 1, "STREETS"))))
            continue;
        if (strlen(pc) != 3 || !country_based(pc))
            return -1;
        return opposition_mention(c, a, subj_end, pc, "a crowd protesting in a place of its country");
    }
    return -1;
}

/* A verb that shares another's tense and mood: future, modal, infinitive, intention. */
static void take_mood(vgroup *g, const vgroup *from)
{
    g->future = from->future;
    g->hypo = from->hypo;
    g->should = from->should;
    g->must = from->must;
    g->infinitive = from->infinitive;
    g->intent_to = from->intent_to;
    g->attempt = from->attempt;
}

/* "Protests swept Iran", "the Yellow Vests protest spread across France", "mass protests
 * erupted in Belarus": a protest noun that opens its clause and spreads over a country
 * asserts a demonstration there. Returns the place's mention (a state named right after
 * the spreading word or after "in", "across", "throughout", "to", "over"), or -1. */
static int protest_spread_place(const dt_coder *c, const verbocc *vo, int lo, int hi)
{
    static const char *const spread[] = {"SWEPT", "SWEEP", "SWEEPS", "ROCKED", "ROCK", "ROCKS", "GRIPPED",
                                         "GRIP", "GRIPS", "SPREAD", "SPREADS", "ERUPTED", "ERUPT", "ERUPTS",
                                         "BROKE", "ENGULFED", "SHOOK", "RAGED", "FLARED", "PARALYSED",
                                         "PARALYZED"};
    static const char *const preps[] = {"OUT", "ACROSS", "IN", "TO", "THROUGHOUT", "OVER", "THE"};
    if (vo->end - vo->start != 1 || vo->start - lo > 4)
        return -1;
    /* (the noun opens its clause: "police dispersed protests that swept ..." is no
     * protest's own clause; an actor right before it, "the Yellow Vests protest", may) */
    for (int k = lo; k < vo->start; k++) {
        if ((c->ct[k].wflags & (WF_PREP | WF_CONJ)) || (c->ct[k].tflags & TOKF_PUNCT))
            return -1;
        if (c->ct[k].role == TR_VERB && c->ct[k].verb >= 0 && c->v[c->ct[k].verb].form == VF_ED)
            return -1;
    }
    for (int i = vo->end; i < hi && i < vo->end + 8; i++) {
        /* ("the protests that swept Chile were ...": a description, no news of its own) */
        if ((c->ct[i].tflags & TOKF_PUNCT) || KEY_IS(c, i, "THAT") || KEY_IS(c, i, "WHICH"))
            return -1;
        if (!key_among(c, i, spread, DT_ARRAY_LEN(spread)))
            continue;
        int k = i + 1;
        while (k < hi && k < i + 3 && c->ct[k].mention < 0 && key_among(c, k, preps, DT_ARRAY_LEN(preps)))
            k++;
        int mi = k < hi ? c->ct[k].mention : -1;
        if (mi < 0 || c->m[mi].ncodes != 1)
            return -1;
        const char *pc = code_str(c, c->m[mi].codes[0]);
        return strlen(pc) == 3 && country_based(pc) ? mi : -1;
    }
    return -1;
}

/* "A general strike paralysed Buenos Aires": a strike named as the subject of a protest
 * pattern has no actor of its own; it is the opposition of the country it paralyses, the
 * target. Returns a mention made for it over the strike's words, or -1. */
static int strike_source(dt_coder *c, int v, int lo, int tgt)
{
    static const char *const strikes[] = {"STRIKE", "STRIKES", "WALKOUT", "STOPPAGE"};
    int k = v - 1;
    if (k < lo || k - lo > 4 || !key_among(c, k, strikes, DT_ARRAY_LEN(strikes)) || c->m[tgt].ncodes != 1)
        return -1;
    for (int q = lo; q < k; q++)
        if (c->ct[q].mention >= 0 && c->m[c->ct[q].mention].ncodes > 0)
            return -1;
    const char *pc = code_str(c, c->m[tgt].codes[0]);
    if (strlen(pc) != 3 || !country_based(pc))
        return -1;
    return opposition_mention(c, lo, v, pc, "a strike in a place of its country");
}

/* "Turkey praised Russia's stance during a meeting with the Russian ambassador": an
 * encounter "during" or "at" which the act happened, with a partner named by "with", is
 * no object of the verb before it but an event of the same episode, its own. (Its
 * pattern still drops an earlier one, "at last week's meeting", "during the previous
 * talks"; a number or a possessive before it, "at the 2018 summit", "at Kim's meeting",
 * keeps the old reading.) */
/* "The deployment follows a visit to Warsaw last month by Lloyd Austin": an event noun
 * inside a clause (not its head: "Talks last week ended in failure" tells the news) dated
 * by "last week", "last month" or "last year" in its own phrase is a background anchor. */
static bool earlier_time_noun(const dt_coder *c, const verbocc *vo, int lo, int hi)
{
    static const char *const spans[] = {"WEEK", "MONTH", "YEAR"};
    int k = lo;
    while (k < vo->start && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_DET))
        k++;
    if (k >= vo->start)
        return false;
    for (k = vo->end; k + 1 < hi; k++) {
        if (tok_is_comma(c, k) || c->ct[k].role == TR_VERB)
            return false;
        if (KEY_IS(c, k, "LAST") && key_among(c, k + 1, spans, DT_ARRAY_LEN(spans)))
            return true;
    }
    return false;
}

static bool adjunct_encounter(dt_coder *c, const verbocc *vo, int lo)
{
    /* (also a visit "to" a place or "by" its visitor: "praised Iran's commitment during a
     * visit to Tehran", "freed three detainees during a visit by Pompeo to Pyongyang"; and
     * an encounter "in" which it happened: "in a phone call with his Pakistani counterpart",
     * not "$750 million in humanitarian aid to Yemen") */
    static const char *const visits[] = {"VISIT", "TRIP", "TOUR"};
    static const char *const encounters[] = {"CALL", "TALKS", "MEETING", "CONVERSATION", "VISIT"};
    if (vo->end >= c->ntok)
        return false;
    bool with = KEY_IS(c, vo->end, "WITH");
    /* (a visit of "their" is of people named before, not of the state that is the
     * subject: "accused Pakistan of harassing the mother and wife of X during their visit
     * to see him") */
    if (!with && (!(KEY_IS(c, vo->end, "TO") || KEY_IS(c, vo->end, "BY")) ||
                  !key_among(c, vo->end - 1, visits, DT_ARRAY_LEN(visits)) ||
                  (vo->start >= 1 && KEY_IS(c, vo->start - 1, "THEIR"))))
        return false;
    /* (nor a visit in a clause of what would or will be: "said he would like to meet Kim at
     * the DMZ during his visit to South Korea" tells no visit made) */
    for (int q = lo; !with && q < vo->start; q++)
        if ((c->ct[q].wflags & (WF_FUTURE | WF_HYPO)) && c->ct[q].role == TR_NONE)
            return false;
    int k = vo->start - 1;
    static const char *const owners[] = {"HIS", "HER", "THEIR", "ITS"};
    for (int n = 0; k >= lo && n < 3 && (c->ct[k].mention < 0 || key_among(c, k, owners, DT_ARRAY_LEN(owners))) &&
                    !(c->toks[k].flags & TOKF_NUMBER) &&
                    !KEY_IS(c, k, "'S") && !KEY_IS(c, k, "DURING") && !KEY_IS(c, k, "AT") && !KEY_IS(c, k, "IN") &&
                    (c->ct[k].tflags & TOKF_WORD) && !(c->ct[k].wflags & (WF_PREP | WF_CONJ));
         n++)
        k--;
    /* ("in a phone call with his Pakistani counterpart": "in" too) */
    if (k < lo || !(KEY_IS(c, k, "DURING") || KEY_IS(c, k, "AT") ||
                    (KEY_IS(c, k, "IN") && key_among(c, vo->end - 1, encounters, DT_ARRAY_LEN(encounters)))) ||
        c->ct[k].role != TR_NONE)
        return false;
    trace_printf(c, "noun \"%s\": an encounter during which the act happened, its own event\n",
                 span_text(c, vo->start, vo->end));
    return true;
}

/* Some actor with a code in [lo, end): the clause names a subject before a verb. */
static bool subject_before(const dt_coder *c, int lo, int end)
{
    for (int q = lo; q < end; q++)
        if (c->ct[q].mention >= 0 && c->m[c->ct[q].mention].ncodes > 0)
            return true;
    return false;
}

static int trailing_warner(const dt_coder *c);

/* A form of "be" between tokens a and b: "Finland's decision to join NATO was a mistake",
 * where the noun after it is a predicate, no object of "join". */
static bool copula_between(const dt_coder *c, int a, int b)
{
    for (int q = a; q < b; q++)
        if ((c->ct[q].wflags & WF_AUX) && c->ct[q].role == TR_NONE)
            return true;
    return false;
}
static bool speaker_next_to(const dt_coder *c, int sp, int lo, int hi);

/* '"A reckless provocation," South Korea's foreign ministry said of the missile launch': a
 * judgement named by a noun that opens the sentence (at most four words before it: "a",
 * "blatant"), then a comma, the speaker, the reporting word and "of". It is the
 * speaker's, with the code of the noun's first `speaker` pattern, aimed at the actor named
 * after "of" (docs/coding.md, judgements said before their speaker). Returns that
 * pattern's rule and sets *cs and *speaker (the mention before the reporting word), or
 * UINT32_MAX. */
static uint32_t fronted_judgement(const dt_coder *c, const verb_entry *ve, const verbocc *vo, int lo,
                                  code_spec *cs, int *speaker)
{
    int q = 0;
    while (q < vo->start && (c->toks[q].flags & TOKF_QUOTE))
        q++;
    if (lo > q || vo->start - q > 4)
        return UINT32_MAX;
    for (int k = q; k < vo->start; k++)
        if (c->ct[k].mention >= 0 || (c->toks[k].flags & TOKF_PUNCT) || (c->ct[k].wflags & WF_REPORT))
            return UINT32_MAX;
    int k = vo->end;
    for (int n = 0; k < c->ntok && n < 4 && !tok_is_comma(c, k); n++, k++)
        if (c->ct[k].mention >= 0 || (c->ct[k].wflags & WF_REPORT) || (c->toks[k].flags & TOKF_PUNCT))
            return UINT32_MAX;
    if (k >= c->ntok || !tok_is_comma(c, k))
        return UINT32_MAX;
    for (k++; k < c->ntok && ((c->toks[k].flags & TOKF_QUOTE) || (c->ct[k].wflags & WF_DET)) &&
              c->ct[k].role == TR_NONE;
         k++)
        ;
    int sp = k < c->ntok ? c->ct[k].mention : -1;
    /* (a title, then the name: "NATO Secretary General Jens Stoltenberg said of") */
    for (int n = 0; sp >= 0 && n < 2 && c->m[sp].end < c->ntok && c->ct[c->m[sp].end].mention >= 0; n++)
        if (c->m[c->ct[c->m[sp].end].mention].start == c->m[sp].end && c->m[sp].start == k)
            k = c->m[sp].end, sp = c->ct[k].mention;
    if (sp < 0 || c->m[sp].ncodes == 0 || c->m[sp].start != k || c->m[sp].end + 1 >= c->ntok ||
        !(c->ct[c->m[sp].end].wflags & WF_REPORT) || !KEY_IS(c, c->m[sp].end + 1, "OF"))
        return UINT32_MAX;
    for (uint32_t i = 0; i < ve->npatterns; i++) {
        const pattern *p = &c->d->patterns[ve->patterns + i];
        if ((p->code.flags & CF_SPEAKER) && p->code.code != SID_NONE) {
            *cs = p->code;
            *speaker = sp;
            return p->rule;
        }
    }
    return UINT32_MAX;
}

/* A reaction noun of disapproval within four tokens after k ("drew sharp criticism",
 * "came in for fierce criticism", "was met with fury"). */
static bool reaction_after(const dt_coder *c, int k)
{
    static const char *const reactions[] = {
        "CRITICISM", "CONDEMNATION", "CONDEMNATIONS", "REBUKE", "REBUKES", "REPRIMAND", "CENSURE",
        "DENUNCIATION", "OUTRAGE", "ANGER", "FURY", "IRE", "INDIGNATION", "BACKLASH"};
    for (int q = k + 1; q < c->ntok && q <= k + 4; q++)
        if (key_among(c, q, reactions, DT_ARRAY_LEN(reactions)))
            return true;
    return false;
}

/* "Moscow's missile strikes on Ukrainian cities were condemned by the EU": an act named
 * by the subject of a passive judgement or rejection ("was condemned / rejected /
 * criticised by") is that verb's content, as the object of the active verb is ("the EU
 * condemned Moscow's strikes"). Only the first verb after the noun in its clause counts,
 * with a form of "be" right before it and "by" right after it; so is the subject of a
 * reaction drawn ("Russia's invasion of Ukraine drew condemnation from Japan", "came in
 * for criticism", "was met with fury in Beijing"). */
static bool judged_by_passive(const dt_coder *c, int from, int hi)
{
    static const char *const meets[] = {"CAME", "COMES", "COME", "MET", "MEETS"};
    for (int k = from; k < c->ntok && k <= hi; k++) {
        if ((c->ct[k].wflags & WF_ELICIT) && c->ct[k].role == TR_NONE)
            return reaction_after(c, k);
        if (k == hi || c->ct[k].role != TR_VERB)
            continue;
        if (key_among(c, k, meets, DT_ARRAY_LEN(meets)))
            return reaction_after(c, k);
        /* (a plural noun read as a verb in -s is passed over: "strikes on Houthi targets") */
        if (c->ct[k].verb >= 0 && c->v[c->ct[k].verb].form == VF_S && !(c->ct[k - 1].wflags & WF_AUX))
            continue;
        if (k + 1 >= c->ntok || !KEY_IS(c, k + 1, "BY") || !(c->ct[k - 1].wflags & WF_AUX) ||
            c->ct[k].verb < 0 || c->v[c->ct[k].verb].verb == UINT32_MAX)
            return false;
        if (rejection_verb(c, k))
            return true;
        const verb_entry *ve = &c->d->verbs[c->v[c->ct[k].verb].verb];
        if (!ve->has_code || ve->code.code == SID_NONE)
            return false;
        const char *code = code_str(c, ve->code.code);
        return code[0] == '1' && code[1] == '1';
    }
    return false;
}

/* Whether the words from `from` to hi name nobody: no capitalized word and no actor (with
 * `uncoded`, an actor without a code here, "U.N. resolutions", names nobody either). The
 * look stops, past the first two words, at "as" (with `at_as`: what the act is called
 * names its victim, "condemned the sanctions as interference in Venezuela's affairs") and
 * at a verb (with `at_verb`: "welcomed the warrant and urged Moscow to ..."). */
static bool nobody_named_after(const dt_coder *c, int from, int hi, bool at_as, bool at_verb, bool uncoded)
{
    for (int q = from; q < hi; q++) {
        if (q > from + 1 && ((at_as && KEY_IS(c, q, "AS")) || (at_verb && c->ct[q].role == TR_VERB)))
            return true;
        int mi = c->ct[q].mention;
        if (mi < 0 ? (c->toks[q].flags & (TOKF_CAP | TOKF_ALLCAP)) != 0 : !(uncoded && c->m[mi].ncodes == 0))
            return false;
    }
    return true;
}

/* "condemned the launch": a launch or test named by "the" right after the verb (a one-sided
 * act of that kind, or a show of force, told up to LAUNCH_BACK sentences before, is the one
 * judged: an article on a launch tells the reactions to it one after another, with
 * drills, flight paths and phone calls between). */
enum { LAUNCH_BACK = 5 };
static bool judges_launch(const dt_coder *c, int at, int hi)
{
    static const char *const launches[] = {"LAUNCH", "LAUNCHES", "TEST", "TESTS", "FIRING",
                                           "FIRINGS", "DETONATION", "SALVO", "BLAST"};
    if (at + 1 >= hi || !KEY_IS(c, at, "THE") || !(c->toks[at + 1].flags & TOKF_LOWER))
        return false;
    for (int q = at + 1; q < hi && q <= at + 2; q++)
        if (key_among(c, q, launches, DT_ARRAY_LEN(launches)))
            return true;
    return false;
}

/* A one-sided act told (a launch, a test), not denied or hypothetical, by one actor: what
 * a judgement of "the launch" up to LAUNCH_BACK sentences later is about. */
static void note_solo(dt_coder *c, const mention *m, const vgroup *g)
{
    if (!g->neg && !g->hypo && m->ncodes == 1) {
        c->solo_src = m->codes[0];
        c->solo_sentence = c->sentence;
    }
}

/* The length of the part of an actor code that names the actor as a whole, without the
 * office: a state's three letters; an organisation's region and body ("IGOEUREEC", the EU;
 * "IGOWSTNAT", NATO), but for the UN's agencies the UN itself ("IGOUNO"). */
static size_t whole_actor_len(const char *code)
{
    size_t n = strlen(code);
    if (n < 6 || (strncmp(code, "IGO", 3) != 0 && strncmp(code, "NGO", 3) != 0))
        return 3;
    return n >= 9 && strncmp(code + 3, "UNO", 3) != 0 ? 9 : 6;
}

/* pattern_match, its time counted apart under DT_STAGE_TIMES (stages.h). */
#ifdef DT_STAGE_TIMES
static bool pattern_match_timed(dt_coder *c, const pattern *p, int vstart, int vend, int lo, int hi,
                                match_result *r)
{
    STAGE_START(match_t);
    bool ok = pattern_match(c, p, vstart, vend, lo, hi, r);
    STAGE_ADD(c, STG_MATCHER, match_t);
    return ok;
}
#else
#define pattern_match_timed pattern_match
#endif

/* Whether a pattern that its block let through passes its filter (pattern_filter), the
 * verb at [vstart, vend) in the clause [lo, vhi): what must follow the verb right after it,
 * each required word, set and group on its side of the verb. */
static inline __attribute__((always_inline)) bool filter_passes(dt_coder *c, const pattern_filter *f, int lo,
                                                                 int vstart, int vend, int vhi)
{
    /* (the groups first: by the word filter alone, they rule out most of the patterns
     * that have them) */
    if (f->nreq_alt && !match_groups_possible(c, c->d->group_bits + f->groups, f->nreq_alt))
        return false;
    if (f->adj && !match_adjacent_ok(c, vend, vhi, c->d->adj_words + f->adj))
        return false;
    for (uint8_t q = 0; q < f->nreq; q++) {
        bool after = (f->after >> q) & 1;
        if (!match_word_between(c, f->req[q], after ? vend : lo, after ? vhi : vstart))
            return false;
    }
    for (uint8_t q = 0; q < f->nreq_set; q++) {
        bool after = (f->after >> (DT_ARRAY_LEN(f->req) + q)) & 1;
        if (!match_set_may_start_between(c, f->req_set[q], after ? vend : lo, after ? vhi : vstart))
            return false;
    }
    for (uint8_t q = 0; q < f->nreq_alt; q++) {
        bool after = (f->galt[q] & GALT_AFTER) != 0;
        if (!match_group_between(c, f->galt[q] & ~GALT_AFTER, after ? vend : lo, after ? vhi : vstart))
            return false;
    }
    return true;
}

/* Whether a verb entry none of whose patterns matched may still be coded: code_entry's
 * fallbacks, each by a condition it needs (the act to be stopped must also be asked with
 * "should" or "must", which code_entry checks then). */
static bool entry_fallback(const dt_coder *c, const verb_entry *ve, const verbocc *vo, int lo, int hi)
{
    if (!ve->is_noun)
        return ve->has_code || stop_doing(c, vo, ve->lemma);
    code_spec cs;
    int speaker;
    if (fronted_judgement(c, ve, vo, lo, &cs, &speaker) != UINT32_MAX)
        return true;
    return (lemma_is(c, ve->lemma, LM_PROTEST) || lemma_is(c, ve->lemma, LM_DEMONSTRATION)) &&
           protest_spread_place(c, vo, lo, hi) >= 0;
}

static bool code_entry(dt_coder *c, int vi, uint32_t entry, proto *protos, int *np, int *prev_subject)
{
    verbocc *vo = &c->v[vi];
    const verb_entry *ve = &c->d->verbs[entry];
    int lo, hi;
    clause_range(c, vo->start, vo->end, &lo, &hi);
    /* "Police beat and arrested protesters": a verb with nothing between it and "and"/"or"
     * and a second verb shares that verb's object; its pattern and its target search go on
     * after the second verb, in the second verb's clause. */
    int vend = vo->end, vhi = hi;
    if (!ve->is_noun && vo->end + 1 < c->ntok && c->ct[vo->end].barrier == 1 &&
        (c->ct[vo->end].wflags & WF_CONJ) && c->ct[vo->end].role == TR_NONE &&
        c->ct[vo->end + 1].role == TR_VERB && c->ct[vo->end + 1].verb >= 0) {
        const verbocc *v2 = &c->v[c->ct[vo->end + 1].verb];
        /* (a second word that may be an event noun, "X attacked and sanctions ...", only in
         * a verb's form: "arrested", "arresting") */
        bool verbal = v2->noun == UINT32_MAX || v2->form == VF_ED || v2->form == VF_EN || v2->form == VF_ING;
        if (v2->start == vo->end + 1 && v2->verb != UINT32_MAX && verbal) {
            int lo2;
            clause_range(c, v2->start, v2->end, &lo2, &vhi);
            vend = v2->end;
        }
    }
    /* The pattern. */
    const pattern *hit = NULL;
    match_result mr = {-1, -1, false, vend};
    /* Which sides of the verb hold a coded actor in the clause: a pattern whose actor slot
     * has nothing to take cannot match. */
    uint8_t have = 0;
    /* (from the mentions, fewer than the clause's tokens; a mention reaching past the verb
     * counts on both sides: the filter may let a pattern through, never stop one that
     * could match) */
    for (int k = 0; k < c->nm; k++) {
        const mention *m = &c->m[k];
        if (m->ncodes <= 0 || m->start >= vhi || m->end <= lo)
            continue;
        have |= (m->start < vo->start ? PN_PRE_ACTOR : 0) | (m->end > vend ? PN_POST_ACTOR : 0);
    }
    STAGE_START(patterns_t);
    for (uint32_t k0 = 0, bi = ve->blocks; k0 < ve->npatterns && !hit; k0 += 64, bi++) {
        /* First the block's patterns out by a missing actor, set or word, all at once;
         * then the others' filters and matches, in order. */
        const pattern_block *b = &c->d->pblocks[bi];
        uint32_t n = DT_MIN(ve->npatterns - k0, 64u);
        /* (the sides without an actor as masks, all ones or none: a branch on them would
         * go either way from one entry to the next) */
        uint64_t out = (b->pre & (0 - (uint64_t)((have & PN_PRE_ACTOR) == 0))) |
                       (b->post & (0 - (uint64_t)((have & PN_POST_ACTOR) == 0)));
        /* The sets and then the words in one loop, without a branch per key: a key is a
         * bit (pattern_key.bit) of the sentence's sets or of its word filter, and its
         * patterns are out when that bit is clear ((bit - 1) is then all ones). Until the
         * sentence's sets are gathered, the sets' bits are read from the ones after them,
         * which rule nothing out; they are gathered only when a pattern that needs a set
         * is still in after the words, and then looked at again: a sentence whose verbs
         * need no set never gathers its sets. */
        const pattern_key *key = &c->d->pkeys[b->keys];
        const uint32_t nsets = b->nsets, nkeys = nsets + b->nwords;
        const uint64_t *setb = c->set_seen, *wordb = c->wbloom;
        for (uint32_t q = 0; q < nkeys; q++) {
            const uint64_t *bits = q < nsets ? setb : wordb;
            uint32_t bit = key[q].bit;
            out |= (((bits[bit >> 6] >> (bit & 63)) & 1) - 1) & key[q].mask;
        }
        /* (one test, not two: it holds at most once in a sentence with a filter) */
        if (b->sets & ~out & (0 - (uint64_t)(setb == c->set_ones))) {
            (void)match_sentence_has_set(c, key[0].id); /* (gathers them if not yet) */
            /* (never gathered for a dictionary without the sets' index: no filter) */
            if (c->set_bits_ready) {
                c->set_seen = c->set_bits;
                for (uint32_t q = 0; q < nsets; q++) {
                    uint32_t bit = key[q].bit;
                    out |= (((c->set_bits[bit >> 6] >> (bit & 63)) & 1) - 1) & key[q].mask;
                }
            }
        }
        for (uint64_t left = ~out & (n == 64 ? ~0ULL : (1ULL << n) - 1); left; left &= left - 1) {
            uint32_t k = k0 + (uint32_t)__builtin_ctzll(left);
            const pattern *p = &c->d->patterns[ve->patterns + k];
            if (filter_passes(c, &c->d->pfilters[ve->patterns + k], lo, vo->start, vend, vhi) &&
                pattern_match_timed(c, p, vo->start, vend, lo, vhi, &mr)) {
                hit = p;
                break;
            }
        }
    }
    STAGE_ADD(c, STG_PATTERNS, patterns_t);
    /* Most tries end here, with no pattern matched and nothing to fall back on: the checks
     * below would stop the entry or leave it as it is, and only the trace says which (with
     * --explain they run, for the trace; the patterns come first either way, and neither
     * they nor the checks change anything the coder keeps). */
    if (!hit && !c->opts.explain && !entry_fallback(c, ve, vo, lo, hi)) {
        STAGE_TRY_EMPTY(c);
        return false;
    }
    const char *lemma = dict_str(c->d, ve->lemma); /* (for the trace) */
    bool adjunct = ve->is_noun && adjunct_encounter(c, vo, lo);
    /* "Russia said protests in Ukraine spread to Kharkiv": "protests" that open a clause
     * with no actor of their own and spread over a country are the noun, not the verb. */
    if (!ve->is_noun && lemma_is(c, ve->lemma, LM_PROTEST) && !subject_before(c, lo, vo->start) &&
        protest_spread_place(c, vo, lo, hi) >= 0) {
        trace_printf(c, "verb \"%s\": a protest spreading over a country, read as the noun\n",
                     span_text(c, vo->start, vo->end));
        return false;
    }
    /* "should stop sending weapons to Ukraine", "urged it to stop building settlements":
     * an act to be stopped is not done. */
    if (!ve->is_noun && vo->form == VF_ING && vo->start > 0) {
        static const char *const stops[] = {"STOP", "STOPS", "STOPPED", "STOPPING", "CEASE", "CEASES",
                                            "CEASED", "CEASING", "QUIT", "QUITS"};
        if (key_among(c, vo->start - 1, stops, DT_ARRAY_LEN(stops))) {
            trace_printf(c, "verb \"%s\": the act is to stop, not coded\n", span_text(c, vo->start, vo->end));
            return false;
        }
    }
    if (ve->is_noun) {
        /* "Israel has long called for the agency to be dismantled": a verb form read
         * as the noun keeps the habit of its verb group (no one event). */
        if (vo->habitual) {
            trace_printf(c, "noun \"%s\": a verb form after a word of habit, no event\n",
                         span_text(c, vo->start, vo->end));
            return false;
        }
        /* An event noun that is the object of an event verb ("called for talks",
         * "could impose sanctions") is that verb's content, not an event of its own. */
        for (int j = 0; j < vi && !adjunct; j++)
            if ((c->verb_matched[j] || c->noun_asks[j]) && c->v[j].start >= lo &&
                !barrier_between(c, c->v[j].end, vo->start) &&
                !copula_between(c, c->v[j].end, vo->start)) {
                trace_printf(c, "noun \"%s\": the object of an earlier event verb, not coded\n",
                             span_text(c, vo->start, vo->end));
                return false;
            }
        /* '"An act of aggression," Iran said of the Israeli strikes on Damascus': the act
         * spoken of is what was said about it, not an event of its own. */
        for (int k = vo->start - 1, n = 0; k > 0 && n < 5 && !adjunct; k--, n++) {
            if (KEY_IS(c, k, "OF") && c->ct[k].role == TR_NONE && (c->ct[k - 1].wflags & WF_REPORT)) {
                trace_printf(c, "noun \"%s\": what a speaker said something of, not coded\n",
                             span_text(c, vo->start, vo->end));
                return false;
            }
            if (c->ct[k].role == TR_VERB || (c->toks[k].flags & TOKF_PUNCT))
                break;
        }
        /* "a day after President Tsai returned from a meeting with McCarthy": an encounter
         * come back from is over before the news (guidelines §4, 5), no event of its own. */
        {
            int k = vo->start - 1;
            if (k > 0 && (c->ct[k].wflags & WF_DET))
                k--;
            static const char *const back[] = {"RETURNED", "RETURNING", "RETURNS", "RETURN", "BACK"};
            if (KEY_IS(c, k, "FROM") && key_among(c, k - 1, back, DT_ARRAY_LEN(back))) {
                trace_printf(c, "noun \"%s\": come back from, over before the news, not coded\n",
                             span_text(c, vo->start, vo->end));
                return false;
            }
        }
        if (!adjunct && earlier_time_noun(c, vo, lo, hi)) {
            trace_printf(c, "noun \"%s\": dated last week, month or year, a background anchor\n",
                         span_text(c, vo->start, vo->end));
            return false;
        }
        if (!adjunct && judged_by_passive(c, vo->end, hi)) {
            trace_printf(c, "noun \"%s\": the act a passive judgement after it is about, not coded\n",
                         span_text(c, vo->start, vo->end));
            return false;
        }

        /* Nor is one that a verb before it obstructs or rejects ("Hungary blocked EU aid
         * to Ukraine", "delayed the sanctions", "ruled out sanctions on China"): the aid or
         * the sanctions did not happen. */
        for (int k = vo->start - 1; k >= lo; k--) {
            if ((c->ct[k].wflags & WF_OBSTRUCT) || rejection_verb(c, k)) {
                char by[64];
                bool in_verb = c->ct[k].role == TR_VERB && c->ct[k].verb >= 0;
                snprintf(by, sizeof(by), "%s",
                         in_verb ? span_text(c, c->v[c->ct[k].verb].start, c->v[c->ct[k].verb].end)
                                 : span_text(c, k, k + 1));
                trace_printf(c, "noun \"%s\": obstructed by \"%s\", not coded\n", span_text(c, vo->start, vo->end),
                             by);
                return false;
            }
            if (c->ct[k].role == TR_VERB || (c->ct[k].tflags & TOKF_PUNCT))
                break;
        }
    }
    /* "The U.S. and British strikes on Houthi targets were denounced by Iran": a plural
     * noun read as a verb in -s, the subject of a passive judgement after it. */
    if (!ve->is_noun && vo->form == VF_S && judged_by_passive(c, vo->end, hi)) {
        trace_printf(c, "verb \"%s\": a noun, the act a passive judgement after it is about, not coded\n",
                     span_text(c, vo->start, vo->end));
        return false;
    }
    vgroup g = {0};
    if (!ve->is_noun) {
        verb_group(c, vo->start, lo, &g);
        /* A bare verb coordinated with the one before shares its tense and mood: "will
         * withdraw from the deal and re-impose sanctions", "agreed to halt tests and
         * dismantle the site". */
        int k = g.start - 1;
        if (k > 0 && c->ct[k].barrier && (c->ct[k].wflags & WF_CONJ) && !g.neg && !g.future && !g.hypo &&
            !g.aux && !g.infinitive && !g.have && !g.get) {
            /* the verb or modal nearest before the conjunction, in its clause */
            int plo, phi;
            clause_range(c, k - 1, k - 1, &plo, &phi);
            int j = k - 1;
            while (j >= plo && c->ct[j].role != TR_VERB && !(c->ct[j].wflags & (WF_FUTURE | WF_HYPO)))
                j--;
            /* (a word that continues the phrase of a verb before it is that verb's: "urged
             * Washington to stop arms sales to Taiwan and cut military ties" shares the
             * infinitive of "stop", not the plain form of "sales") */
            while (j >= plo && c->ct[j].role == TR_VERB && c->ct[j].verb > 0) {
                int u = c->ct[j].verb, p = u - 1;
                /* (not past "to" or an actor: "committed to dismantling and destroying" keeps
                 * its own) */
                bool joined = c->v[p].start >= plo;
                for (int q = c->v[p].end; joined && q < c->v[u].start; q++)
                    joined = c->ct[q].mention < 0 && c->ct[q].barrier == 0 && !KEY_IS(c, q, "TO");
                if (!joined)
                    break;
                j = c->v[p].start;
            }
            vgroup pg = {0};
            if (j >= plo && c->ct[j].role == TR_VERB && c->ct[j].verb >= 0)
                verb_group(c, c->v[c->ct[j].verb].start, plo, &pg);
            else if (j >= plo) {
                pg.future = (c->ct[j].wflags & WF_FUTURE) != 0;
                pg.hypo = !pg.future;
                pg.should = KEY_IS(c, j, "SHOULD");
                pg.must = KEY_IS(c, j, "MUST");
            }
            /* "were beaten and arrested by police": a bare participle after a passive
             * one shares its auxiliary when a "by" agent follows it (both are passive). */
            if (pg.aux && !pg.have && j >= plo && c->ct[j].role == TR_VERB && c->ct[j].verb >= 0 &&
                (c->v[c->ct[j].verb].form == VF_ED || c->v[c->ct[j].verb].form == VF_EN) &&
                (vo->form == VF_ED || vo->form == VF_EN)) {
                bool by_seen;
                (void)by_agent(c, vo->end, hi, true, &by_seen);
                g.aux = by_seen;
            }
            /* (a past or present form is finite: "gave the ambassador 24 hours to leave
             * the country and froze all new trade" is no part of the infinitive) */
            if (!(pg.infinitive && (vo->form == VF_ED || vo->form == VF_S)))
                take_mood(&g, &pg);
        }
        vgroup ig;
        if (vo->form == VF_BASE && !g.neg && !g.future && !g.hypo && !g.aux && !g.infinitive && !g.have &&
            !g.get && infinitive_chain(c, g.start, &ig)) {
            take_mood(&g, &ig);
            g.hypo = false; /* (the chain keeps its own: none, as tested above) */
            g.infinitive = true;
        }
    } else {
        /* An event noun takes the tense and polarity of the verb that governs it
         * ("is expected to extend its ban", "will impose new tariffs"). */
        for (int j = vi - 1; j >= 0; j--) {
            if (c->v[j].start < lo)
                break;
            if (c->v[j].verb == UINT32_MAX)
                continue;
            vgroup gv;
            verb_group(c, c->v[j].start, lo, &gv);
            g.neg = gv.neg;
            g.hypo = gv.hypo;
            g.future = gv.future;
            g.intent_to = gv.intent_to;
            g.attempt = gv.attempt;
            g.infinitive = gv.infinitive;
            break;
        }
        /* "talks will take place next week", "sanctions could follow" */
        modal_after_noun(c, vo->end, hi, &g);
    }
    /* ... also after the words the noun's pattern took: "his meeting with Kim would take
     * place in Singapore", "the summit with Kim might not take place". */
    if (ve->is_noun && hit && mr.end > vo->end)
        modal_after_noun(c, mr.end, hi, &g);
    code_spec cs;
    uint32_t rule;
    bool stop_asked = false;
    int fronted_speaker = -1;
    if (hit) {
        cs = hit->code;
        rule = hit->rule;
        trace_printf(c, "%s \"%s\" (%s): pattern %s matched\n", ve->is_noun ? "noun" : "verb", span_text(c, vo->start, vo->end), lemma,
                     c->d->rules[hit->rule].text);
    } else if (!ve->is_noun && g.hypo && (g.should || g.must) && !g.neg && stop_doing(c, vo, ve->lemma)) {
        /* "Sweden and Finland must stop supporting Kurdish militants", said Erdogan: a
         * demand (must) or an appeal (should) to change a policy, from the speaker (below);
         * the act to be stopped is not coded. */
        cs = (code_spec){coder_intern(c, g.must ? "1042" : "0242", 4), SID_NONE, SID_NONE, 0};
        rule = ve->rule;
        mr = (match_result){-1, -1, false, vend};
        stop_asked = true;
        trace_printf(c, "verb \"%s\" (%s): to stop an act, asked with \"%s\"\n", span_text(c, vo->start, vo->end),
                     lemma, g.must ? "must" : "should");
    } else if (ve->has_code && !ve->is_noun) {
        cs = ve->code;
        rule = ve->rule;
        mr = (match_result){-1, -1, false, vend};
        trace_printf(c, "verb \"%s\" (%s): no pattern matched, verb code %s (%s)\n",
                     span_text(c, vo->start, vo->end), lemma, cs.code ? code_str(c, cs.code) : "---",
                     c->d->rules[rule].text);
    } else if (ve->is_noun && (rule = fronted_judgement(c, ve, vo, lo, &cs, &fronted_speaker)) != UINT32_MAX) {
        mr = (match_result){-1, -1, false, vend};
        trace_printf(c, "noun \"%s\" (%s): a judgement said before its speaker, of what follows \"of\"\n",
                     span_text(c, vo->start, vo->end), lemma);
    } else if (ve->is_noun && (lemma_is(c, ve->lemma, LM_PROTEST) || lemma_is(c, ve->lemma, LM_DEMONSTRATION)) &&
               protest_spread_place(c, vo, lo, hi) >= 0) {
        cs = (code_spec){coder_intern(c, "141", 3), SID_NONE, SID_NONE, 0};
        rule = ve->rule;
        mr = (match_result){-1, -1, false, vend};
        trace_printf(c, "noun \"%s\" (%s): a protest spreading over a country, 141\n",
                     span_text(c, vo->start, vo->end), lemma);
    } else {
        trace_printf(c, "%s \"%s\" (%s): no pattern matched and no code of its own\n",
                     ve->is_noun ? "noun" : "verb", span_text(c, vo->start, vo->end), lemma);
        return false;
    }
    if (!ve->is_noun && !(cs.flags & CF_NULL) && (cs.code || cs.code2)) {
        c->verb_matched[vi] = 1;
        c->verb_code[vi] = cs.code;
    }
    if (cs.flags & CF_DISCARD) {
        c->discard = true;
        trace_printf(c, "  the rule discards the sentence\n");
        return false;
    }
    if (cs.flags & CF_NULL || (!cs.code && !cs.code2)) {
        trace_printf(c, "  null code: no event\n");
        /* The words its pattern took, up to a word after the noun, are no events either
         * ("would suspend its joint exercises with South Korea": no exercise announced). */
        if (hit && !ve->is_noun && mr.end > vo->end)
            c->null_end[vi] = (int16_t)mr.end;
        return false;
    }
    /* The root of the code, asked by many rules below (kept with cs.code). */
    int cs_root = code_root(c, cs.code);
    /* "Police shot and killed five protesters": the verb before "and" took this verb's
     * object (above); an act of the same kind is one event, the first verb's. */
    if (!ve->is_noun && vi > 0 && vo->start >= 2 && c->v[vi - 1].end == vo->start - 1 && c->verb_matched[vi - 1] &&
        (c->ct[vo->start - 1].wflags & WF_CONJ) && c->verb_code[vi - 1] && cs.code &&
        code_root(c, c->verb_code[vi - 1]) == cs_root) {
        trace_printf(c, "  the same kind of act as the verb before \"and\", which shares its object: one event\n");
        return false;
    }
    /* A noun inside the object a verb's pattern took, when that verb found nobody to act
     * on, is the thing acted on when the verb's act is of another kind ("police dismantled
     * the protest camp outside government headquarters": the police did not protest; but
     * "imposed tariffs" is one act, the noun may still find its target). */
    for (int j = 0; ve->is_noun && j < vi; j++) {
        /* (past the noun: "combat drills", a null pattern naming the noun itself, leaves
         * the drills coded) */
        if (c->null_end[j] > vo->end && c->v[j].end <= vo->start && c->v[j].start >= lo) {
            trace_printf(c, "  in the words an earlier verb's null pattern took: not coded\n");
            return false;
        }
        if (c->object_end[j] > vo->start && c->v[j].end <= vo->start && c->v[j].start >= lo &&
            c->verb_code[j] && cs.code && code_root(c, c->verb_code[j]) != cs_root) {
            trace_printf(c, "  in the object an earlier verb's pattern took: not coded\n");
            return false;
        }
    }
    /* Source and target. */
    int src = mr.src, tgt = mr.tgt;
    /* "Britain's decision to cut aid to Kenya drew criticism from Uganda", "X fired a
     * missile over Japan, drawing condemnation from India": the one criticised is the
     * subject of "drew", the clause's first actor that is not the object of a preposition,
     * not the nearest actor before it. */
    if (ve->is_noun && tgt >= 0 && c->m[tgt].end <= vo->start) {
        int e = -1;
        for (int k = c->m[tgt].end; k < vo->start; k++)
            if ((c->ct[k].wflags & WF_ELICIT) && c->ct[k].role == TR_NONE)
                e = k;
        /* (none: "the attack on Saudi oil facilities prompted condemnation" names no
         * attacker, and the facilities are not the ones condemned) */
        int subj = -1;
        for (int q = lo; e >= 0 && q < e; q++) {
            int mi = c->ct[q].mention;
            if (mi < 0 || governed_by_prep(c, &c->m[mi]))
                continue;
            if (c->m[mi].ncodes > 0 && head_of(c, mi) != src)
                subj = head_of(c, mi);
            break;
        }
        if (e >= 0) {
            tgt = subj;
            trace_printf(c, "  the target is the subject of \"%s\": \"%s\"\n", c->keys.data + c->toks[e].key,
                         subj >= 0 ? span_text(c, c->m[subj].start, c->m[subj].end) : "(none)");
        }
    }
    bool coordinated = false; /* src is the subject of the verb before (coordination) */
    bool both = mr.both;
    /* Passive voice: a participle after "be"/"get", when no pattern placed the actors.
     * The agent is the actor after a "by" right behind the verb; without one, in
     * reported speech the speaker is the source ("the minister said Y's diplomats will
     * be expelled" -> the minister). */
    bool passive = false;
    int by = -1;
    bool by_found = false;
    /* A participle; after "be"/"get", the base form too: "hit", "cut", "set" and "put" are
     * their own participles ("a base was hit by missiles"). */
    bool participle = vo->form == VF_ED || vo->form == VF_EN;
    if (!participle && (g.aux || g.get) && vo->form == VF_BASE) {
        static const char *const same[] = {"HIT", "CUT", "SET", "PUT", "SHUT", "SPLIT", "SPREAD",
                                           "CAST", "BURST", "QUIT", "UPSET", "BROADCAST", "SHED", "LET"};
        for (size_t q = 0; q < DT_ARRAY_LEN(same) && !participle; q++)
            participle = key_is(c, vo->start, same[q]);
    }
    /* "were killed and 20 others wounded in an ambush by X": "wounded" shares the
     * auxiliary */
    bool elided = !ve->is_noun && participle && !g.aux && !g.get && !g.have && elided_passive(c, vo->start);
    if (elided)
        trace_printf(c, "  a casualty clause after a passive: passive too\n");
    if (!ve->is_noun && participle && (g.aux || g.get || elided) && src < 0 && tgt < 0) {
        by = by_agent(c, vo->end, hi, true, &by_found);
        /* "Ukraine was offered fighter jets by Poland": after the object the pattern took */
        if (!by_found && hit && mr.end > vo->end)
            by = by_agent(c, mr.end, hi, true, &by_found);
        /* "were beaten and arrested by police": participles joined by "and"/"or" share
         * the "by" agent after the last one. */
        if (!by_found && vo->end + 1 < c->ntok && (c->ct[vo->end].wflags & WF_CONJ) &&
            c->ct[vo->end + 1].role == TR_VERB && c->ct[vo->end + 1].verb >= 0 &&
            (c->v[c->ct[vo->end + 1].verb].form == VF_ED || c->v[c->ct[vo->end + 1].verb].form == VF_EN)) {
            const verbocc *nv = &c->v[c->ct[vo->end + 1].verb];
            int nlo, nhi;
            clause_range(c, nv->start, nv->end, &nlo, &nhi);
            by = by_agent(c, nv->end, nhi, true, &by_found);
        }
        /* "were killed and seven were wounded in an ambush by X": past the casualty
         * clause */
        int cv = by_found ? -1 : casualty_clause(c, vo->end);
        if (cv >= 0) {
            int nlo, nhi;
            clause_range(c, c->v[cv].start, c->v[cv].end, &nlo, &nhi);
            by = by_agent(c, c->v[cv].end, nhi, true, &by_found);
            if (!by_found && (by = event_noun_agent(c, c->v[cv].end, nhi)) >= 0)
                by_found = true;
        }
        if (!by_found && (by = event_noun_agent(c, vo->end, hi)) >= 0) {
            by_found = true;
            trace_printf(c, "  passive in an act by \"%s\": its source\n", span_text(c, c->m[by].start, c->m[by].end));
        }
        if (!by_found && cs.code && cs_root >= 17 && (by = act_owner_agent(c, vo->end, hi)) >= 0) {
            by_found = true;
            trace_printf(c, "  passive in an act of \"%s\": its source\n", span_text(c, c->m[by].start, c->m[by].end));
        }
        if (!by_found && cs.code && cs_root >= 18 && (by = when_clause_agent(c, vo->end)) >= 0) {
            by_found = true;
            trace_printf(c, "  passive casualty in the act told after it by \"%s\": its source\n",
                         span_text(c, c->m[by].start, c->m[by].end));
        }
        /* "we are opposed to X", "is concerned about": adjectives, not passives. */
        passive = by_found || !adjectival_participle(c, vo->start);
    }
    /* A pattern that put the "by" actor of a passive in its target slot ("X was urged
     * by Y to ..."): the roles are the other way round. */
    if (!passive && !ve->is_noun && participle && (g.aux || g.get) && tgt >= 0 && !adjectival_participle(c, vo->start) &&
        src < 0 && vo->end < hi && (c->ct[vo->end].wflags & WF_BY) && c->m[tgt].start <= vo->end + 3) {
        int subj = find_subject(c, g.start, lo);
        if (subj >= 0) {
            trace_printf(c, "  passive voice with the agent in the pattern's target: roles swapped\n");
            src = tgt;
            tgt = subj;
        }
    }
    /* A participle right after an actor, with no auxiliary, is a reduced relative or
     * small clause ("the civilians imprisoned for ... were released", "saw activists
     * arrested"): passive, with that actor as the target. */
    int reduced_target = -1;
    if (!passive && !ve->is_noun && (vo->form == VF_ED || vo->form == VF_EN) && !g.aux && !g.have && !g.get &&
        src < 0 && tgt < 0 && g.start > lo && c->ct[g.start - 1].mention >= 0 &&
        c->m[c->ct[g.start - 1].mention].end == g.start && mediated_after_place(c, vo) < 0) {
        int mi = c->ct[g.start - 1].mention;
        int k = c->m[mi].start - 1;
        while (k >= lo && (c->ct[k].wflags & (WF_DET | WF_ADVERB)) && c->ct[k].role == TR_NONE)
            k--;
        /* (a participle joined by a hyphen to an actor before it describes the actor
         * after it, "Turkish-backed rebels captured ...": no verb that takes it as object) */
        bool object_of_verb = k >= lo && c->ct[k].role == TR_VERB &&
                              !((c->toks[k].flags & TOKF_HYPH) && k > lo && c->ct[k - 1].role != TR_VERB &&
                                (c->toks[k - 1].flags & TOKF_CAP));
        /* A finite auxiliary later in the clause is the main verb group; an actor right
         * after the participle is its object, so it is an active past tense instead. */
        bool verb_follows = false;
        /* (not one of a relative clause: "detained six soldiers who had crossed") */
        for (int q = vo->end; q < hi && !verb_follows && !(c->ct[q].wflags & WF_REL); q++)
            verb_follows = c->ct[q].role == TR_NONE && (c->ct[q].wflags & (WF_AUX | WF_HAVE | WF_FUTURE)) != 0;
        int after = vo->end;
        while (after < hi && (c->ct[after].wflags & WF_DET) && c->ct[after].role == TR_NONE)
            after++;
        bool direct_object = after < hi && c->ct[after].mention >= 0;
        /* ("The Chinese military warned that it would ...": a verb with a "that" clause
         * is the main verb, whatever modal that clause has) */
        if (vo->end < hi && KEY_IS(c, vo->end, "THAT"))
            verb_follows = false;
        /* "X condemned by Y": a participle followed at once by "by" is passive. */
        bool by_next = vo->end < hi && (c->ct[vo->end].wflags & WF_BY) && c->ct[vo->end].role == TR_NONE;
        if ((object_of_verb || verb_follows || by_next) && !direct_object) {
            passive = true;
            by = by_agent(c, vo->end, hi, false, &by_found);
            reduced_target = head_of(c, mi);
            trace_printf(c, "  participle after an actor (reduced relative): passive\n");
        }
    } else if (!passive && !ve->is_noun && (vo->form == VF_ED || vo->form == VF_EN) && !g.aux && !g.have &&
               !g.get && src < 0 && tgt < 0 && g.start > lo &&
               ((c->ct[g.start - 1].role == TR_VERB && c->ct[g.start - 1].verb >= 0 &&
                 c->v[c->ct[g.start - 1].verb].noun != UINT32_MAX) || brokered_noun(c, vo) ||
                mediated_after_place(c, vo) >= 0) &&
               vo->end < hi && (c->ct[vo->end].wflags & WF_BY) && c->ct[vo->end].role == TR_NONE) {
        /* "a prisoner exchange mediated by the UAE", "a truce brokered by Egypt": a
         * participle with "by" right after an event noun describes it; the "by" actor acts
         * on the noun's parties (its actors, else the clause's subject). */
        int mp = mediated_after_place(c, vo);
        int nt = mp >= 0 ? mp : g.start - 1;
        int nv = c->ct[nt].role == TR_VERB ? c->ct[nt].verb : -1;
        int parties = -1;
        for (int q = *np - 1; nv >= 0 && q >= 0 && parties < 0; q--)
            if (protos[q].verb == nv && protos[q].noun)
                parties = protos[q].src;
        bool from_subject = parties < 0;
        if (parties < 0)
            parties = find_subject(c, g.start, lo);
        /* (the subject of the clause are the parties only when it names two, "Saudi Arabia
         * and Iran agreed ... under a deal brokered by China"; not "The first ship carrying
         * Ukrainian grain left Odesa under the deal brokered by Turkey", nor "Israel freed 39
         * Palestinian prisoners under a truce brokered by Qatar") */
        if (parties >= 0 && from_subject) {
            const mention *pm = &c->m[c->m[parties].compound >= 0 ? c->m[parties].compound : parties];
            if (pm->ncompound < 2 && pm->ncodes < 2) {
                /* (nor is the clause's subject the mediator's partner: "Russia violated a
                 * ceasefire mediated by France with Georgia" has no mediation by Russia) */
                trace_printf(c, "  participle with \"by\" after a noun whose parties are not named: no event\n");
                return false;
            }
        }
        if (parties >= 0) {
            passive = true;
            by = by_agent(c, vo->end, hi, false, &by_found);
            reduced_target = parties;
            trace_printf(c, "  participle with \"by\" after an event noun (reduced relative): passive\n");
        }
    }
    if (passive) {
        int subj = reduced_target >= 0 ? reduced_target : find_subject(c, g.start, lo);
        /* "The detention of two Canadians by China was condemned by Canada": a judgement
         * of an act named with its owner after "by" is aimed at that owner (not at those
         * the act was done to, named before it). */
        int jroot = cs_root;
        for (int q = lo + 1; reduced_target < 0 && (jroot == 11 || jroot == 12) && q + 1 < g.start; q++) {
            if (!KEY_IS(c, q, "BY") || c->ct[q].role != TR_NONE)
                continue;
            int a = q + 1;
            while (a < g.start && c->ct[a].role == TR_NONE && (c->ct[a].wflags & WF_DET))
                a++;
            if (a >= g.start || c->ct[a].mention < 0 || c->m[c->ct[a].mention].ncodes <= 0)
                break;
            for (int k = lo; k < q; k++)
                if (c->ct[k].role == TR_VERB && c->ct[k].verb >= 0 && c->v[c->ct[k].verb].noun != UINT32_MAX &&
                    (subj < 0 || c->m[subj].start > k)) {
                    subj = head_of(c, c->ct[a].mention);
                    trace_printf(c, "  the judged act's owner after \"by\" is the target\n");
                    break;
                }
            break;
        }
        /* the second of two coordinated passive participles: the subject before "and" */
        if (subj < 0 && reduced_target < 0 && g.start == lo && lo > 0 && (c->ct[lo - 1].wflags & WF_CONJ) &&
            c->ct[lo - 1].barrier) {
            int plo, phi;
            clause_range(c, lo - 1, lo - 1, &plo, &phi);
            subj = find_subject(c, lo - 1, plo);
        }
        /* Killings and attacks reported by someone are not the reporter's acts. */
        int root = cs_root;
        bool official_act = root != 14 && root != 15 && root < 18;
        if (!by_found && official_act && c->speaker >= 0 && c->m[c->speaker].ncodes > 0 && c->speaker != subj &&
            c->m[c->speaker].end <= g.start + 64) {
            by = head_of(c, c->speaker);
            trace_printf(c, "  passive voice without an agent in reported speech: the speaker is the source\n");
        } else {
            trace_printf(c, "  passive voice: target = subject, source = the \"by\" actor\n");
        }
        src = by;
        tgt = subj;
        /* "18 were detained for throwing projectiles, Paris police said": people detained
         * by a country's police or forces, with no nationality named, are of its country. */
        if (tgt < 0 && src >= 0 && !by_found && root == 17 && c->m[src].ncodes == 1) {
            const char *sc = code_str(c, c->m[src].codes[0]);
            if (strlen(sc) == 6 && country_based(sc) &&
                (tgt = scan_context_mention(c, vo->end, coder_intern(c, sc, 3), -2)) >= 0)
                trace_printf(c, "  people detained with no nationality named: the speaker's country, %.3s\n", sc);
        }
    } else if (!both) {
        if (src < 0) {
            if (ve->is_noun) {
                /* The actor right before the noun ("EU sanctions", "US-China trade war"). */
                int k = vo->start - 1;
                int skipped = 0;
                while (k >= lo && c->ct[k].mention < 0 && skipped < 3 &&
                       !(c->ct[k].tflags & TOKF_PUNCT) && !(c->ct[k].wflags & (WF_PREP | WF_CONJ)) &&
                       c->ct[k].role != TR_VERB) {
                    k--;
                    skipped++;
                }
                if (k >= lo && c->ct[k].mention >= 0 && c->m[c->ct[k].mention].end == k + 1 &&
                    c->m[c->ct[k].mention].ncodes > 0) {
                    src = head_of(c, c->ct[k].mention);
                    /* "% * => 062:062" with a compound modifier */
                    if (hit && (hit->slots & PS_BOTH) == 0 && c->m[src].ncompound > 1 &&
                        (cs.flags & CF_PAIRED) && tgt < 0) {
                        both = true;
                    }
                } else if (adjunct) {
                    /* (the encounter's own side is the clause's subject, not the nearest
                     * actor: "Turkey praised Russia's stance during a meeting with ...") */
                    for (int q = lo; q < vo->start && src < 0; q++) {
                        int mi = c->ct[q].mention;
                        if (mi >= 0 && c->m[mi].ncodes > 0 && !governed_by_prep(c, &c->m[mi]))
                            src = head_of(c, mi);
                    }
                } else {
                    src = find_subject(c, vo->start, lo);
                    /* "Protests swept Iran", "Russia said protests in Ukraine spread to
                     * Kharkiv": the crowd is the opposition of the country the protest
                     * spreads over, not the one who reports it. */
                    int pm = src < 0 && cs.code && cs_root == 14 ? protest_spread_place(c, vo, lo, hi) : -1;
                    if (pm >= 0)
                        src = opposition_mention(c, vo->start, vo->end, code_str(c, c->m[pm].codes[0]),
                                                 "the protesters of the country it spreads over");
                    /* "Moscow announced the expulsion of ...": the announcer. */
                    if (src < 0 && lo > 0 && (c->ct[lo - 1].wflags & WF_REPORT) && c->speaker >= 0 &&
                        c->m[c->speaker].end <= lo && c->m[c->speaker].ncodes > 0)
                        src = head_of(c, c->speaker);
                    /* "The expulsions will happen soon, the minister said": relations
                     * reduced or coercion (roots 16, 17) named by a noun with no actor of its
                     * own, told by a speaker after it, are the speaker's, as a passive's are. */
                    int nroot = cs.code ? cs_root : 0;
                    if (src < 0 && (nroot == 16 || nroot == 17) && c->speaker >= 0 &&
                        c->m[c->speaker].start >= hi && c->m[c->speaker].ncodes > 0)
                        src = head_of(c, c->speaker);
                }
            } else {
                /* Coordinated verbs share the subject: "X met Y and signed ..." */
                int k = g.start - 1;
                if (k >= 0 && c->ct[k].barrier && (c->ct[k].wflags & WF_CONJ) && *prev_subject >= 0) {
                    src = *prev_subject;
                    coordinated = true;
                } else if (vo->form != VF_ING && k >= 0 && tok_is_comma(c, k) && *prev_subject >= 0 &&
                           !g.aux && !g.have) {
                    /* "X pulls out of the deal, renews sanctions": verbs in a row. */
                    src = *prev_subject;
                    coordinated = true;
                } else if (vo->form == VF_ING && k >= 0 && tok_is_comma(c, k) && !g.aux) {
                    /* A participle after a comma ("X told Y, praising Z") has the
                     * subject of the main clause, not the nearest actor. */
                    coordinated = *prev_subject >= 0;
                    src = *prev_subject >= 0 ? *prev_subject
                        : c->speaker >= 0 && c->m[c->speaker].ncodes > 0 ? head_of(c, c->speaker)
                                                                         : opening_subject(c);
                    if (src < 0)
                        src = find_subject(c, g.start, lo);
                } else {
                    /* (an actor told something between the commas, "a spokesman told
                     * KCNA,", is no subject of the verb after them) */
                    if ((src = parenthetical_subject(c, g.start, lo)) >= 0)
                        trace_printf(c, "  after an attribution between commas: the actor before it acts\n");
                    if (src < 0)
                        src = find_subject(c, g.start, lo);
                    if (src < 0 && (src = reduced_agent(c, g.start, lo)) >= 0)
                        trace_printf(c, "  the subject is described by a participle: its \"by\" actor acts\n");
                }
                if (src < 0 && lo > 0 && (c->ct[lo - 1].wflags & WF_CONJ)) {
                    /* "X criticized and condemned Y": the subject of the clause before. */
                    if (*prev_subject >= 0) {
                        src = *prev_subject;
                    } else {
                        /* the earlier clause's first free actor: its subject */
                        int plo, phi;
                        clause_range(c, lo - 1, lo - 1, &plo, &phi);
                        for (int q = plo; q < lo - 1 && src < 0; q++) {
                            int mi = c->ct[q].mention;
                            if (mi >= 0 && c->m[mi].ncodes > 0 && !governed_by_prep(c, &c->m[mi]))
                                src = head_of(c, mi);
                        }
                        /* ("Washington said the drone was in international airspace and
                         * called the attack unprovoked": the speaker, when that clause is
                         * what it said) */
                        if (src < 0 && plo > 0 && (c->ct[plo - 1].wflags & WF_REPORT) && c->speaker >= 0 &&
                            c->m[c->speaker].end < plo && c->m[c->speaker].ncodes > 0)
                            src = head_of(c, c->speaker);
                    }
                }
                /* "Tehran said relations with Riyadh would be restored": a passive whose
                 * pattern took the partner from its subject; in reported speech the
                 * speaker is the source, as for other passives without "by". */
                if (src < 0 && tgt >= 0 && participle && g.aux && c->m[tgt].end <= vo->start &&
                    c->speaker >= 0 && c->m[c->speaker].ncodes > 0 && c->m[c->speaker].end <= lo &&
                    !same_actor_codes(c, &c->m[c->speaker], &c->m[tgt])) {
                    src = head_of(c, c->speaker);
                    trace_printf(c, "  passive with the partner in its subject, in reported speech: the speaker is the source\n");
                }
            }
        }
        if (src < 0 && !ve->is_noun && cs.code && cs_root == 14)
            src = crowd_source(c, g.start, lo, vend, vhi);
        if (src < 0 && !ve->is_noun && cs.code && cs_root == 14 && tgt >= 0)
            src = strike_source(c, g.start, lo, tgt);
        /* A symmetric act of a compound subject ("X and Y agreed", "met", "held
         * talks") is between its members unless the pattern names a target. */
        if (tgt < 0 && !both && src >= 0 && (cs.flags & CF_PAIRED) && cs.code2 == cs.code &&
            c->m[src].ncompound > 1 && !(hit && (hit->slots & PS_TARGET)))
            both = true;
        /* "Armenia and Azerbaijan accused each other", "the two sides fired at one
         * another": a reciprocal object makes the act go both ways among the subject's
         * members, whatever its code. */
        if (tgt < 0 && !both && src >= 0 && cs.code &&
            (c->m[src].ncompound > 1 || c->m[src].ncodes > 1) && each_other_after(c, vend, vhi))
            both = true;
        /* A one-sided act whose pattern skips the actors it names ("fired a missile in
         * protest against U.S.-South Korean drills") has no target among them. */
        bool solo_skip = hit && (hit->slots & PS_SKIP) && (cs.flags & CF_SOLO);
        if (tgt < 0 && !both && !solo_skip) {
            /* After a pattern that skipped an actor (^), search after the match. */
            tgt = find_target(c, hit && (hit->slots & PS_SKIP) ? mr.end : vend, vhi, src);
            /* An object relative clause ("the exercises which North Korea protested
             * against"): the target is the antecedent before "which". */
            if (tgt < 0 && src >= 0) {
                int ant = relative_antecedent(c, src, lo);
                /* "The United States fired missiles at a Syrian air base, which Russia
                 * condemned": a judgement (disapproval, rejection, praise) in a
                 * ", which" clause is of the act before, aimed at that act's actor, not at
                 * its target or a place named before "which". And "..., prompting Ottawa
                 * to express concern": a reaction the act caused, naming nobody, is to the
                 * act's actor. */
                const proto *before = *np > 0 ? &protos[*np - 1] : NULL;
                bool judged_act = !ve->is_noun && cs.code && before && before->src >= 0 && !before->both &&
                                  (cs_root == 11 || cs_root == 12 ||
                                   strcmp(code_str(c, cs.code), "051") == 0) &&
                                  comment_relative(c, src) &&
                                  (ant < 0 || (before->tgt >= 0 && same_actor_codes(c, &c->m[ant], &c->m[before->tgt])) ||
                                   governed_by_prep(c, &c->m[ant]));
                bool reaction = !ve->is_noun && cs.code && g.caused && ant < 0 && before && before->src >= 0 &&
                                !before->both;
                if ((judged_act || reaction) && !same_actor_codes(c, &c->m[before->src], &c->m[src])) {
                    tgt = before->src;
                    trace_printf(c, "  %s the act before: its actor \"%s\"\n",
                                 judged_act ? "a comment on" : "a reaction to",
                                 span_text(c, c->m[tgt].start, c->m[tgt].end));
                } else
                    tgt = ant;
            }
            if (tgt < 0 && src >= 0 && !ve->is_noun && cs.code &&
                (tgt = situation_place(c, hit && (hit->slots & PS_SKIP) ? mr.end : vend, vhi, src,
                                       cs_root)) >= 0)
                trace_printf(c, "  no other actor: the place of the situation, \"%s\"\n",
                             span_text(c, c->m[tgt].start, c->m[tgt].end));
            /* A paired code with a compound subject and nobody else: among themselves
             * (also, for cooperation, "they" or "the two countries" standing for a pair:
             * "The UAE and Israel announced they would normalize ties"; and for any act,
             * a pair named as one actor or as the sides: "North and South Korea exchanged
             * fire", "the two sides clashed"; not "the two countries fought a war", most
             * often the background of a story). */
            if (tgt < 0 && src >= 0 && (cs.flags & CF_PAIRED) &&
                (c->m[src].ncompound > 1 ||
                 (c->m[src].ncodes > 1 && cs.code &&
                  (cs_root <= 8 || c->m[src].type == MT_ACTOR ||
                   (c->m[src].type == MT_REF && KEY_IS(c, c->m[src].end - 1, "SIDES"))))))
                both = true;
            /* A coordinated verb that reduces relations and names nobody ("X expelled
             * Y's envoy and suspended trade", "X blames Y, suspends talks") acts on
             * the target of the subject's event just before it. */
            /* ... and so does a threat after a speaker's judgement ("said Finland's decision
             * was a mistake and warned of countermeasures") */
            /* (a summoned envoy of nobody named is the same target's: "X accuses Y of
             * cyber attacks, summons ambassador", 114) */
            bool reduce = cs.code && code_str(c, cs.code)[0] == '1' &&
                          (code_str(c, cs.code)[1] == '6' || strcmp(code_str(c, cs.code), "114") == 0);
            /* (... or after its condemnation, in a headline's row: "X condemns Y's strikes,
             * vows response", or joined by "and": "accused Washington of stoking tension and
             * warned that Moscow would take steps") */
            bool judged = cs.code && cs_root == 13 && *np > 0 &&
                          ((protos[*np - 1].code.flags & CF_SPEAKER) ||
                           (protos[*np - 1].use_code != SID_NONE && code_root(c, protos[*np - 1].use_code) == 11 &&
                            g.start > 0 && (tok_is_comma(c, g.start - 1) || KEY_IS(c, g.start - 1, "AND")))) &&
                          protos[*np - 1].src == src;
            if (tgt < 0 && !both && coordinated && (reduce || judged)) {
                for (int q = *np - 1; q >= 0 && tgt < 0; q--)
                    if (protos[q].src == src && protos[q].tgt >= 0 && !protos[q].both) {
                        tgt = protos[q].tgt;
                        trace_printf(c, "  coordinated with the event before: its target \"%s\"\n",
                                     span_text(c, c->m[tgt].start, c->m[tgt].end));
                    }
            }
        }
    }
    /* "U.S. raises tariffs on Chinese cars; Beijing vows retaliation": a disapproval or
     * threat with nobody named, by a subject right after a semicolon, answers the actor of
     * the clause before it that acted on the subject's country. */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && cs.code && *np > 0 && c->m[src].ncodes == 1 &&
        c->m[src].start > 0 && (c->toks[c->m[src].start - 1].flags & TOKF_PUNCT) &&
        c->norm.data[c->toks[c->m[src].start - 1].start] == ';' &&
        (cs_root == 11 || cs_root == 13)) {
        const char *sc = code_str(c, c->m[src].codes[0]);
        for (int q = *np - 1; q >= 0 && tgt < 0; q--) {
            const proto *pq = &protos[q];
            if (pq->src < 0 || pq->tgt < 0 || pq->both || c->m[pq->tgt].ncodes != 1 || c->m[pq->src].ncodes != 1 ||
                c->m[pq->src].end > c->m[src].start ||
                strncmp(sc, code_str(c, c->m[pq->tgt].codes[0]), 3) != 0 ||
                strncmp(sc, code_str(c, c->m[pq->src].codes[0]), 3) == 0)
                continue;
            tgt = pq->src;
            trace_printf(c, "  after a semicolon: the actor of the clause before, \"%s\"\n",
                         span_text(c, c->m[tgt].start, c->m[tgt].end));
        }
    }
    /* "Japan denied that it had violated Chinese airspace": the target of a denial is its
     * accuser, never an actor of the denied clause. */
    if (tgt >= 0 && !both && !ve->is_noun && vo->end < hi && KEY_IS(c, vo->end, "THAT") &&
        c->m[tgt].start > vo->end && cs.code && strcmp(code_str(c, cs.code), "016") == 0) {
        trace_printf(c, "  a denial: \"%s\" is in the denied clause, not its accuser\n",
                     span_text(c, c->m[tgt].start, c->m[tgt].end));
        tgt = -1;
    }
    /* "The international community hopes X and Y can resume dialogue, President Z told W":
     * a hope or appeal voiced for a collective by a speaker after the clause is the
     * speaker's own (docs/coding.md, a leader voicing a collective). */
    if (src >= 0 && cs.code && cs_root <= 2 && c->m[src].ncodes == 1 &&
        strcmp(code_str(c, c->m[src].codes[0]), "INT") == 0 && c->speaker >= 0 &&
        c->m[c->speaker].ncodes > 0 && c->m[c->speaker].start >= hi && speaker_next_to(c, c->speaker, lo, hi)) {
        src = head_of(c, c->speaker);
        trace_printf(c, "  a collective's hope voiced by a speaker after the clause: the speaker is the source\n");
    }
    /* "X rejected the U.N. resolution, calling it a hostile act": "it" or "them" right after
     * a participle of the subject's speech is what the subject acted on just before. */
    if (src >= 0 && tgt >= 0 && !ve->is_noun && vo->form == VF_ING && vo->start > 0 && tok_is_comma(c, vo->start - 1) &&
        c->m[tgt].type == MT_PRONOUN && c->m[tgt].start == vo->end &&
        (KEY_IS(c, vo->end, "IT") || KEY_IS(c, vo->end, "THEM"))) {
        for (int q = *np - 1; q >= 0; q--) {
            const proto *pq = &protos[q];
            if (pq->src < 0 || pq->tgt < 0 || pq->both || c->v[pq->verb].end > vo->start)
                continue;
            if (same_actor_codes(c, &c->m[pq->src], &c->m[src]) && c->m[pq->tgt].type != MT_PRONOUN) {
                tgt = pq->tgt;
                trace_printf(c, "  \"%s\" after the subject's participle: what the subject acted on before\n",
                             c->keys.data + c->toks[vo->end].key);
            }
            break;
        }
    }
    if (src >= 0)
        c->subject_of[vi] = src;
    /* (not a headline's bare noun read as a verb after a preposition: in "X blames Y for
     * attack, suspends talks", "attack" has no subject, and "suspends" shares X's) */
    if (src >= 0 && !ve->is_noun &&
        !(vo->form == VF_BASE && !g.aux && vo->start > 0 && (c->ct[vo->start - 1].wflags & WF_PREP) &&
          !KEY_IS(c, vo->start - 1, "TO")))
        *prev_subject = src;
    /* "Pakistan's accusation was baseless", "Washington has interfered in China's internal
     * affairs", "all consequences will be borne by the US", said X: an evaluation, accusation
     * or warning that the dictionary marks `speaker` is the reporting speaker's, aimed at the
     * actor its pattern names, else at the clause's subject. With no speaker outside the
     * clause (the reporter's own words) it is no event. */
    if (cs.flags & CF_SPEAKER) {
        int sp = c->speaker;
        bool outside = sp >= 0 && c->m[sp].ncodes > 0 && speaker_next_to(c, sp, lo, hi);
        if (fronted_speaker >= 0) {
            sp = fronted_speaker;
            outside = true;
        }
        /* '"...," Sarah Jackson, Amnesty International's deputy director, said': a name
         * the dictionaries do not know, then the title that says whom she speaks for */
        for (int q = vo->end; !outside && q < c->ntok && c->ct[q].role != TR_VERB; q++) {
            if ((c->ct[q].wflags & WF_REPORT) && c->ct[q].role == TR_NONE) {
                bool quote_seen = false;
                for (int r = vo->end; r < q && !outside; r++) {
                    int mr2 = c->ct[r].mention;
                    quote_seen |= (c->toks[r].flags & TOKF_QUOTE) != 0;
                    if (quote_seen && mr2 >= 0 && c->m[mr2].ncodes > 0) {
                        sp = head_of(c, mr2);
                        outside = true;
                    }
                }
                break;
            }
        }
        /* "... will be borne by Washington, Iran's foreign minister warned." */
        if (!outside && (sp = trailing_warner(c)) >= 0)
            outside = c->m[sp].end <= lo || c->m[sp].start >= vo->end;
        /* "Moscow called the decision unacceptable and said ...": the subject of the verb
         * before "and said" */
        if (!outside && lo >= 2 && (c->ct[lo - 1].wflags & WF_REPORT) && (c->ct[lo - 2].wflags & WF_CONJ)) {
            int plo, phi;
            clause_range(c, lo - 2, lo - 2, &plo, &phi);
            for (int q = plo; q < lo - 2 && !outside; q++) {
                int mq = c->ct[q].mention;
                if (mq >= 0 && c->m[mq].ncodes > 0 && !governed_by_prep(c, &c->m[mq])) {
                    sp = head_of(c, mq);
                    outside = true;
                }
            }
        }
        /* "The Kremlin warned that Ukrainian attacks would not go unanswered": the subject
         * of the verb whose "that" clause this is */
        if (!outside && lo >= 2 && KEY_IS(c, lo - 1, "THAT") && c->ct[lo - 2].role == TR_VERB) {
            int wlo, whi;
            clause_range(c, lo - 2, lo - 2, &wlo, &whi);
            int w = find_subject(c, lo - 2, wlo);
            if (w >= 0 && c->m[w].ncodes > 0) {
                sp = w;
                outside = true;
            }
        }
        /* a quotation that goes on from the sentence before, with no speaker of its own:
         * the last speaker of the document, as for "we" */
        bool quoted = !outside && c->nlast_speaker > 0 && c->ntok > 1 &&
                      ((c->toks[0].flags & TOKF_QUOTE) || (c->toks[c->ntok - 1].flags & TOKF_QUOTE) ||
                       (c->toks[c->ntok - 2].flags & TOKF_QUOTE));
        for (int q = 0; q < c->ntok && quoted; q++)
            quoted = !(c->ct[q].wflags & WF_REPORT) || c->ct[q].role != TR_NONE;
        if (quoted && (sp = scan_context_mention(c, vo->end, c->last_speaker[0], c->sentence - 1)) >= 0)
            outside = true;
        sp = outside ? head_of(c, sp) : -1;
        /* "Tehran's envoy to the UN said", "the Chinese embassy in Ottawa said": the one
         * who speaks, not the object of the preposition before "said" */
        for (int n = 0; sp >= 0 && n < 2 && governed_by_prep(c, &c->m[sp]); n++) {
            int k = c->m[sp].start - 1;
            while (k >= 0 && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
                k--;
            k--; /* (the preposition) */
            int mk = k >= 0 ? c->ct[k].mention : -1;
            if (mk < 0 || c->m[mk].ncodes == 0 || c->m[mk].end != k + 1)
                break;
            sp = head_of(c, mk);
        }
        int who = mr.tgt >= 0 ? mr.tgt : src;
        /* "Morocco's use of migrants to pressure Madrid was unacceptable": the one whose act
         * is judged opens the clause, before the act; an actor inside the act's phrase is
         * not it ("the detention of the aid workers by Houthi rebels" keeps the rebels) */
        for (int q = lo; mr.tgt >= 0 && q < c->m[mr.tgt].start && c->m[mr.tgt].end <= vo->start; q++) {
            int mq = c->ct[q].mention;
            if (mq < 0 || c->m[mq].ncodes == 0 || governed_by_prep(c, &c->m[mq]))
                continue;
            for (int k = c->m[mq].end; k < c->m[mr.tgt].start && who == mr.tgt; k++)
                if (c->ct[k].role == TR_VERB)
                    who = head_of(c, mq);
            break;
        }
        /* '"This is a gross violation of our sovereignty," Pakistan said of the Indian air
         * strikes': the one spoken of */
        if (who < 0 && sp >= 0 && c->m[sp].start >= hi && c->m[sp].end + 2 < c->ntok &&
            (c->ct[c->m[sp].end].wflags & WF_REPORT) && KEY_IS(c, c->m[sp].end + 1, "OF")) {
            int k = c->m[sp].end + 2;
            while (k < c->ntok && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
                k++;
            /* (after up to two plain lower-case words: "of the new U.N. sanctions") */
            for (int n = 0; n < 2 && k < c->ntok && c->ct[k].role == TR_NONE && c->ct[k].wflags == 0 &&
                            (c->toks[k].flags & TOKF_LOWER);
                 n++)
                k++;
            if (k < c->ntok && c->ct[k].mention >= 0 && c->m[c->ct[k].mention].ncodes > 0)
                who = head_of(c, c->ct[k].mention);
        }
        /* "... said the ban was unjustified and would not go unanswered": a coordinated
         * verb whose subject is the speaker's own is about what the speaker spoke of */
        for (int q = *np - 1; q >= 0 && coordinated && sp >= 0 && who >= 0 &&
                              same_actor_codes(c, &c->m[who], &c->m[sp]);
             q--)
            if (protos[q].src == sp && protos[q].tgt >= 0)
                who = protos[q].tgt;
        /* (not one the clause names again as an owner after the verb: "it violated the
         * United States's sovereignty" is no charge against the United States) */
        for (int q = vo->end; q < hi && who >= 0; q++) {
            int mq = c->ct[q].mention;
            if (mq >= 0 && head_of(c, mq) != who && c->m[mq].ncodes > 0 && c->m[mq].type != MT_PRONOUN &&
                c->m[mq].end < hi && KEY_IS(c, c->m[mq].end, "'S") && same_actor_codes(c, &c->m[mq], &c->m[who]))
                who = -1;
        }
        /* "Iranian security forces have arrested hundreds of protesters. The U.N. said the
         * crackdown was deeply worrying": an act named by a definite noun and no actor is the
         * act of the last story, one or two sentences back, when one actor did it all */
        bool one_actor = who < 0 && !coordinated && sp >= 0 && mr.tgt < 0 && c->ctx_sentence >= 0 &&
                         c->sentence - c->ctx_sentence <= 2 && c->nctx > 0;
        for (int q = lo; q < vo->start && one_actor; q++) /* (no actor of the clause's own) */
            one_actor = c->ct[q].mention < 0 || c->m[c->ct[q].mention].ncodes == 0;
        for (int q = 1; q < c->nctx && one_actor; q++)
            one_actor = c->ctx_src[q] == c->ctx_src[0];
        if (one_actor && (who = scan_context_mention(c, vo->end, c->ctx_src[0], c->ctx_sentence)) >= 0 &&
            same_actor_codes(c, &c->m[who], &c->m[sp]))
            who = -1;
        /* "Britain pressed for Iran to release the tanker, with Hunt saying the seizure was
         * illegal": speech told as a participle after the speaker's side's act judges the
         * act's target, when the clause names nobody (docs/coding.md, speech after the act) */
        /* ("Britain asked Iran to ..., saying the seizure was illegal": with no speaker
         * named, the one who acted speaks) */
        bool after_act = who < 0 && mr.tgt < 0 && lo > 1 && (KEY_IS(c, lo - 1, "SAYING") || KEY_IS(c, lo - 1, "ADDING"));
        for (int q = *np - 1; after_act && q >= 0 && who < 0; q--) {
            const proto *pq = &protos[q];
            if (pq->tgt < 0 || pq->src < 0 || pq->both || c->v[pq->verb].end >= lo)
                continue;
            if (sp < 0 && tok_is_comma(c, lo - 2))
                sp = pq->src;
            if (sp >= 0 && same_actor_codes(c, &c->m[pq->src], &c->m[sp]) &&
                !same_actor_codes(c, &c->m[pq->tgt], &c->m[sp])) {
                who = pq->tgt;
                trace_printf(c, "  speech after the speaker's act: about its target\n");
            }
        }
        src = sp;
        tgt = who;
        both = false;
        /* The act spoken of ("Russia's detention of the journalist was unacceptable",
         * "Berlin's decision to send tanks to Kyiv was dangerous") is named, not reported:
         * it is not coded as an event of its own (a finite clause, "the fact that the
         * security forces are using lethal force", is told, and stays). */
        for (int q = *np - 1; q >= 0 && src >= 0; q--)
            if (c->v[protos[q].verb].start >= lo && c->v[protos[q].verb].end <= vo->start &&
                !(protos[q].code.flags & CF_SPEAKER) &&
                (protos[q].noun || (mr.tgt >= 0 && KEY_IS(c, c->v[protos[q].verb].start - 1, "TO")))) {
                trace_printf(c, "  \"%s\" is the act spoken of: not coded\n",
                             span_text(c, c->v[protos[q].verb].start, c->v[protos[q].verb].end));
                memmove(&protos[q], &protos[q + 1], sizeof(*protos) * (size_t)(*np - q - 1));
                (*np)--;
            }
        /* (a verb coordinated with this one is the speaker's: "said the accusations were
         * absurd and warned London", "said the decision was a hostile act and recalled its
         * ambassador") */
        /* (... but verbs of a charge in a row share its subject: "has violated ...,
         * interfered with ... and harmed ...") */
        if (src >= 0 && (mr.tgt >= 0 || ve->is_noun))
            *prev_subject = src;
        else if (who >= 0)
            *prev_subject = who;
        trace_printf(c, "  said by \"%s\"", src >= 0 ? span_text(c, c->m[src].start, c->m[src].end) : "(nobody)");
        trace_printf(c, " of \"%s\"\n", tgt >= 0 ? span_text(c, c->m[tgt].start, c->m[tgt].end) : "(nobody)");
    }
    /* "detained 12 Georgian fishermen accused of poaching", "arrested eight British sailors,
     * accusing them of ...": an accusation told as a participle after a detention (17) in
     * the sentence is the detainer's, against the detained; a reduced relative ("fishermen
     * accused of") names neither side itself. */
    if (cs.code && strncmp(code_str(c, cs.code), "112", 3) == 0 && !ve->is_noun && !g.aux && !g.have && !g.get &&
        mr.tgt < 0 && mr.src < 0 && (vo->form == VF_ED || vo->form == VF_EN || vo->form == VF_ING)) {
        /* ("suspended funding for the agency after Israel accused a dozen of its staff":
         * a verb with an actor right before it and an object after it has its own subject,
         * no reduced relative as "fishermen accused of") */
        bool relative = vo->form != VF_ING && !coordinated &&
                        !(vo->start > 0 && c->ct[vo->start - 1].mention >= 0 &&
                          c->m[c->ct[vo->start - 1].mention].ncodes > 0 && vo->end < c->ntok &&
                          !KEY_IS(c, vo->end, "OF") && !KEY_IS(c, vo->end, "FOR"));
        for (int q = *np - 1; q >= 0; q--) {
            const proto *pp = &protos[q];
            int proot = code_root(c, pp->use_code);
            if (pp->noun || pp->both || (proot != 17 && proot != 16) || c->v[pp->verb].end > vo->start)
                continue;
            if (relative || (tgt < 0 && pp->src == src)) {
                src = pp->src;
                tgt = pp->tgt;
                trace_printf(c, "  an accusation of those detained before it: \"%s\"\n",
                             span_text(c, c->m[tgt].start, c->m[tgt].end));
            }
            break;
        }
    }
    /* "In a phone call with Zelenskiy, Macron promised more aid": the partner of a call,
     * meeting or talks named in an opening phrase is the target of what the subject says
     * or promises there, when the clause names nobody else. */
    if (tgt < 0 && !both && src >= 0 && !(cs.flags & CF_SOLO) && cs.code) {
        int root = cs_root;
        int ms = c->m[src].compound >= 0 ? c->m[c->m[src].compound].start : c->m[src].start;
        bool talk = root >= 1 && root <= 5;
        /* (a place with no code, "the Korean peninsula", names nobody) */
        for (int q = vo->end; q < hi && talk; q++)
            talk = c->ct[q].mention < 0 || c->m[c->ct[q].mention].ncodes == 0;
        /* the opening phrase: "In/During/At a (phone) call/meeting/talks with X," before the
         * subject */
        int w = -1;
        for (int q = 0; q + 1 < ms && q < 12 && talk; q++)
            if (KEY_IS(c, q, "WITH") && c->ct[q + 1].mention >= 0 && q >= 2) {
                bool occasion = false;
                for (int r = q - 1; r >= 0 && r >= q - 3 && !occasion; r--)
                    occasion = KEY_IS(c, r, "CALL") || KEY_IS(c, r, "MEETING") || KEY_IS(c, r, "TALKS") ||
                               KEY_IS(c, r, "CONVERSATION") || KEY_IS(c, r, "SUMMIT") || KEY_IS(c, r, "VISIT");
                int e = c->m[c->ct[q + 1].mention].end;
                if (occasion && e < ms && tok_is_comma(c, e) && c->m[c->ct[q + 1].mention].ncodes > 0)
                    w = c->ct[q + 1].mention;
                break;
            }
        if (w >= 0 && !same_actor_codes(c, &c->m[w], &c->m[src])) {
            tgt = head_of(c, w);
            trace_printf(c, "  no target named: the partner of the opening \"with\" phrase, \"%s\"\n",
                         span_text(c, c->m[tgt].start, c->m[tgt].end));
        }
        /* "Xi told Kim he had come to consolidate a traditional friendship": what is said
         * or promised to an addressee right after "told" is aimed at the addressee (not
         * at the press: "told reporters"). */
        int a = lo;
        while (talk && tgt < 0 && a < c->m[src].start && c->ct[a].role == TR_NONE && (c->ct[a].wflags & (WF_DET | WF_TITLE)))
            a++;
        if (talk && tgt < 0 && lo > 0 && (KEY_IS(c, lo - 1, "TOLD") || KEY_IS(c, lo - 1, "TELLS")) &&
            a < c->m[src].start && c->ct[a].mention >= 0 && c->m[c->ct[a].mention].ncodes > 0 &&
            head_of(c, c->ct[a].mention) != src && !same_actor_codes(c, &c->m[c->ct[a].mention], &c->m[src])) {
            int h = head_of(c, c->ct[a].mention);
            const char *hc = code_str(c, c->m[h].codes[0]);
            size_t hl = strlen(hc);
            if (!(hl >= 6 && strcmp(hc + hl - 3, "MED") == 0)) {
                tgt = h;
                trace_printf(c, "  no target named: the addressee of \"told\", \"%s\"\n",
                             span_text(c, c->m[tgt].start, c->m[tgt].end));
            }
        }
    }
    /* "Thousands of Georgians protested": a crowd of a nationality protesting is the
     * opposition (the guidelines' protesters), not the state, which it may be protesting
     * against ("outside parliament"). So is a country named as protesting against its own
     * state ("as French protest Macron's tax hikes"): a state does not protest against
     * itself, its people do; and so are a nationality's people named in the plural
     * ("Iranians took to the streets", not "the Iranians", which in diplomatic reporting is
     * the government). Its target is then searched again: the government it protests
     * against ("against the government") is no longer the source's own state. */
    bool people = src >= 0 && nationality_plural(c, &c->m[src]) && !KEY_IS(c, c->m[src].start - 1, "THE");
    /* ("protest" is a government's verbal protest, 111, unless a crowd protests: the
     * dictionary knows crowd words, the coder a people in the plural) */
    if (people && !ve->is_noun && cs.code && cs_root == 11 && lemma_is(c, ve->lemma, LM_PROTEST)) {
        cs.code = coder_intern(c, "141", 3);
        cs_root = 14;
        trace_printf(c, "  a people protesting: a demonstration, 141\n");
    }
    if (src >= 0 && cs.code && cs_root == 14 && c->m[src].ncodes == 1) {
        const char *sc = code_str(c, c->m[src].codes[0]);
        bool crowd = c->m[src].start >= 2 && KEY_IS(c, c->m[src].start - 1, "OF") &&
                     quantity_word(c, c->m[src].start - 2);
        for (int k = 0; !crowd && tgt >= 0 && k < c->m[tgt].ncodes; k++)
            crowd = same_country(sc, code_str(c, c->m[tgt].codes[k]));
        crowd = crowd || people;
        /* "Teachers in Kenya went on strike", "farmers protested": a social group named by
         * a plain noun (civilians, workers, teachers, nurses ...) is the opposition while it
         * protests, as the guidelines code protesters; not a named body ("Kenya Medical
         * Association"), whose last word is capitalised. */
        bool group = strlen(sc) == 6 && country_based(sc) &&
                     (strcmp(sc + 3, "CVL") == 0 || strcmp(sc + 3, "EDU") == 0 || strcmp(sc + 3, "HLH") == 0) &&
                     c->m[src].type != MT_PRONOUN && c->m[src].type != MT_REF &&
                     plain_plural_noun(c, &c->m[src]);
        if ((crowd && strlen(sc) == 3 && country_based(sc)) || group) {
            sid opp = opposition_code(c, sc);
            if (group)
                trace_printf(c, "  a social group protesting: %s\n", code_str(c, opp));
            c->m[src].codes[0] = opp;
            trace_printf(c, "  a crowd of %s protesting: %s\n", sc, code_str(c, opp));
            /* (a target that is only its own country, a place "in Belgrade", gives way to
             * one the clause names: "against the government") */
            /* (... and so does the opposition itself: "against the arrest of an opposition
             * governor" is no protest against the protesters) */
            bool own = tgt >= 0 && c->m[tgt].ncodes == 1 &&
                       ((strlen(code_str(c, c->m[tgt].codes[0])) == 3 &&
                         strncmp(code_str(c, c->m[tgt].codes[0]), code_str(c, opp), 3) == 0) ||
                        c->m[tgt].codes[0] == opp);
            if ((tgt < 0 || own) && !both) {
                int t2 = find_target(c, hit && (hit->slots & PS_SKIP) ? mr.end : vo->end, hi, src);
                /* ... or the one it protests outside of, as the dictionary's crowd patterns
                 * read it ("protested outside the Russian embassy") */
                for (int q = vo->end; t2 < 0 && q + 1 < hi; q++) {
                    if (!KEY_IS(c, q, "OUTSIDE") && !KEY_IS(c, q, "NEAR") && !KEY_IS(c, q, "AT"))
                        continue;
                    int k = q + 1;
                    while (k < hi && (c->ct[k].wflags & WF_DET) && c->ct[k].role == TR_NONE)
                        k++;
                    int mi = k < hi ? c->ct[k].mention : -1;
                    if (mi >= 0 && c->m[mi].ncodes > 0 && !same_actor_codes(c, &c->m[mi], &c->m[src]))
                        t2 = head_of(c, mi);
                }
                if (t2 >= 0)
                    tgt = t2;
            }
        }
    }
    /* A protest, strike or boycott that names no target ("Workers in South Africa went on
     * strike") is aimed at the protesters' own country, as the guidelines code domestic
     * protest; only for a sector of a country (OPP, CVL, LAB ...), never the state itself. */
    if (tgt < 0 && !both && src >= 0 && cs.code &&
        (cs_root == 14 || strcmp(code_str(c, cs.code), "133") == 0) && c->m[src].ncodes == 1) {
        const char *sc = code_str(c, c->m[src].codes[0]);
        if (strlen(sc) == 6 && country_based(sc)) {
            tgt = scan_context_mention(c, vo->end, coder_intern(c, sc, 3), -2);
            if (tgt >= 0)
                trace_printf(c, "  no target named: the protesters' own country, %.3s\n", sc);
        }
    }
    /* "North Korea warned it would respond with force if the United States flew bombers",
     * "Moscow vowed retaliation after Norway expelled ...": a threat (13) that names nobody
     * is aimed at the subject of the condition ("if", "unless") or of the act it answers
     * ("after", "as") that ends its clause, when that is another side; so is a disapproval
     * (11) of the act it answers ("Tokyo protested after Chinese ships entered ..."); an
     * act announced as a threat counts as one ("said Washington would reimpose the
     * sanctions if Caracas failed to keep its promises"). */
    int croot = g.future && cs.code ? code_root(c, future_code(c, &cs)) : cs_root;
    if (tgt < 0 && !both && src >= 0 && (croot == 13 || croot == 11) && c->m[src].ncodes > 0) {
        int q = mr.end > vend ? mr.end : vend;
        while (q < c->ntok && c->ct[q].barrier != 1)
            q++;
        /* '"We will act on the principle of reciprocity," the ministry said after
         * Washington ...': past the attribution of a quotation */
        int sp = c->speaker;
        if (sp >= 0 && c->m[sp].start >= q && c->m[sp].start <= q + 4 && c->m[sp].end < c->ntok &&
            (c->ct[c->m[sp].end].wflags & WF_REPORT)) {
            bool attribution = true;
            for (int r = q; r < c->m[sp].start && attribution; r++)
                attribution = (c->ct[r].tflags & TOKF_PUNCT) || (c->ct[r].wflags & WF_DET);
            if (attribution)
                q = c->m[sp].end + 1;
        }
        if (q + 1 < c->ntok && c->ct[q].role == TR_NONE &&
            (KEY_IS(c, q, "AFTER") ||
             (croot == 13 && (KEY_IS(c, q, "IF") || KEY_IS(c, q, "UNLESS") || KEY_IS(c, q, "AS"))))) {
            int k = q + 1;
            while (k < c->ntok && c->ct[k].role == TR_NONE && (c->ct[k].wflags & (WF_DET | WF_ADVERB)))
                k++;
            int mi = k < c->ntok ? c->ct[k].mention : -1;
            bool other = mi >= 0 && c->m[mi].ncodes > 0;
            /* (a disapproval "after X said ..." is of what X told, not of X) */
            if (other && croot == 11 && c->m[mi].end < c->ntok && (c->ct[c->m[mi].end].wflags & WF_REPORT))
                other = false;
            for (int a = 0; other && a < c->m[mi].ncodes; a++)
                other = strcmp(code_str(c, c->m[src].codes[0]), code_str(c, c->m[mi].codes[a])) != 0 &&
                        !same_country(code_str(c, c->m[src].codes[0]), code_str(c, c->m[mi].codes[a]));
            if (other) {
                tgt = head_of(c, mi);
                trace_printf(c, "  no target named: the subject of the \"%s\" clause after it, \"%s\"\n",
                             c->keys.data + c->toks[q].key, span_text(c, c->m[tgt].start, c->m[tgt].end));
            }
        }
    }
    /* An act named by "the" and its noun, naming nobody after it, answered by its actor
     * (before the other side of the last events: the act named is the more telling):
     * "condemned the attack", the last armed group's (armed_act_actor); "The United States
     * imposed sanctions on Venezuela. [...] Russia condemned the sanctions as
     * interference", the last act of that kind in the last five sentences, when the judge
     * is not of its actor's country (named_act_actor); "rejected the demand", "denied the
     * allegations", the last demand's or accusation's author (answered_speech_actor). */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        cs_root == 11 && c->m[src].ncodes == 1 && vo->end + 1 < hi && KEY_IS(c, vo->end, "THE"))
        tgt = armed_act_actor(c, src, vo->end + 1, hi);
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        (cs_root == 11 || strcmp(code_str(c, cs.code), "051") == 0) &&
        c->m[src].ncodes == 1 && vo->end + 1 < hi && KEY_IS(c, vo->end, "THE"))
        tgt = named_act_actor(c, src, vo->end + 1, hi);
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        (cs_root == 12 || strcmp(code_str(c, cs.code), "016") == 0) &&
        c->m[src].ncodes == 1 && vo->end + 1 < hi && KEY_IS(c, vo->end, "THE"))
        tgt = answered_speech_actor(c, src, vo->start, vo->end + 1, hi, cs_root != 12);
    /* A statement, disapproval, rejection or threat (roots 01, 11-13) that names no
     * target, by an actor of the document's last events (one or two sentences back), is
     * aimed at the other actor of that event: "Moscow denies any involvement", "Islamabad
     * also vowed to take the matter to the Security Council". (Wider, with appeals,
     * intentions or sanctions, it made as many wrong events as right ones.) */
    /* (an act judged by "the" and its noun, "It condemned the exercises", may be told
     * three sentences back, past a sentence of other events or two of none: "Poland said
     * it would close a border crossing. [two sentences of background] Minsk condemned the
     * move"; only by a judge named for itself, not "human rights groups" placed by the
     * article's location) */
    bool the_act = vo->end + 1 < hi && (c->ct[vo->end].wflags & WF_DET) && KEY_IS(c, vo->end, "THE") &&
                   (c->toks[vo->end + 1].flags & TOKF_LOWER);
    bool named_judge = src >= 0 && c->m[src].type == MT_ACTOR;
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && c->ctx_sentence >= 0 &&
        c->sentence - c->ctx_sentence <= (the_act && named_judge ? 3 : 2) && c->m[src].ncodes == 1 && cs.code) {
        int root = cs_root;
        bool verbal = root == 1 || (root >= 11 && root <= 13);
        /* (not a bare refusal to comment, "Gazprom declined to comment.": to whom or on
         * what is not told, and the last event's other side is a guess) */
        if (verbal && root == 1 && strcmp(code_str(c, cs.code), "011") == 0)
            verbal = false;
        /* (not "condemned the launch" after a launch told with no target: that one is judged) */
        /* (further back than two sentences, only when the rule for it below applies:
         * no act of force told since, and a judge of another country) */
        if (verbal && root == 11 && c->solo_sentence >= 0 && c->sentence > c->solo_sentence &&
            c->sentence - c->solo_sentence <= LAUNCH_BACK && judges_launch(c, vo->end, hi) &&
            (c->sentence - c->solo_sentence <= 2 ||
             ((c->ctx_sentence <= c->solo_sentence || !c->ctx_material) &&
              strncmp(code_str(c, c->m[src].codes[0]), code_str(c, c->solo_src), 3) != 0)))
            verbal = false;
        /* Not when the clause names anyone after the verb, even someone the coder could
         * not resolve or does not know ("against them", "with Bolton's suggestions", "all
         * sides", "each other"); an actor the pattern skips ("take the matter to ^ the
         * Security Council") is neither, nor is a pronoun for the source itself ("Moscow
         * denied that it had any role"). */
        for (int q = hit && (hit->slots & PS_SKIP) ? mr.end : vo->end; q < hi && verbal; q++) {
            int mq = c->ct[q].mention;
            if (mq >= 0 && c->m[mq].type == MT_PRONOUN && c->m[mq].ncodes > 0 &&
                same_actor_codes(c, &c->m[mq], &c->m[src])) {
                q = c->m[mq].end - 1;
                continue;
            }
            /* (nor the source's own agent by a possessive: "Ethiopia's foreign ministry
             * denied that its army was involved") */
            if (mq >= 0 && c->m[mq].is_possessive_pron && c->m[mq].ncodes == 1 &&
                strncmp(code_str(c, c->m[mq].codes[0]), code_str(c, c->m[src].codes[0]), 3) == 0) {
                q = c->m[mq].end - 1;
                continue;
            }
            verbal = mq < 0 && !(c->toks[q].flags & (TOKF_CAP | TOKF_ALLCAP)) && !KEY_IS(c, q, "ALL") &&
                     !KEY_IS(c, q, "EACH") && !KEY_IS(c, q, "BOTH");
        }
        const char *sc = code_str(c, c->m[src].codes[0]);
        /* the other side of that sentence's events with the source's country on one side
         * (several when it spoke to or of several: "opposed to the deployment by the US
         * and the ROK"), each as a whole: its country (or organisation), not the office
         * that acted in that sentence */
        /* (... or, when the source took no part in them, of the sentence with events
         * before that, two sentences back at most: "Poland accused Belarus of pushing
         * migrants across the border. Polish troops fired tear gas at migrants. Minsk
         * denied the charge") */
        sid others[MAX_CODES];
        int nothers = 0;
        /* ("The army denied the report": the report's author, not the other side) */
        bool report_named = vo->end + 1 < hi && KEY_IS(c, vo->end, "THE") &&
                            (KEY_IS(c, vo->end + 1, "REPORT") || KEY_IS(c, vo->end + 1, "REPORTS"));
        const sid *xs = c->ctx_src, *xt = c->ctx_tgt;
        int nx = c->nctx, xsent = c->ctx_sentence;
        int back = the_act ? 3 : 2;
        for (int q = 0; q < nx && verbal && nothers < MAX_CODES; q++) {
            sid other = same_side(sc, code_str(c, xs[q]))   ? xt[q]
                        : same_side(sc, code_str(c, xt[q])) ? xs[q]
                                                            : SID_NONE;
            if (q == nx - 1 && nothers == 0 && xs == c->ctx_src && c->npctx > 0 &&
                c->sentence - c->pctx_sentence <= back && other == SID_NONE) {
                xs = c->pctx_src;
                xt = c->pctx_tgt;
                nx = c->npctx;
                xsent = c->pctx_sentence;
                q = -1;
                continue;
            }
            /* (an event between a country's opposition and its state, by the full code,
             * kept whole: "Police arrested opposition leader Imran Khan. His party
             * condemned the arrest" answers the police, not Pakistan) */
            bool home = strlen(sc) == 6 && country_based(sc) && strncmp(sc, code_str(c, xs[q]), 3) == 0 &&
                        strncmp(sc, code_str(c, xt[q]), 3) == 0 && xs[q] != xt[q] &&
                        (strcmp(code_str(c, xs[q]) + 3, "OPP") == 0 || strcmp(code_str(c, xt[q]) + 3, "OPP") == 0) &&
                        !report_named;
            if (home)
                other = c->m[src].codes[0] == xt[q] ? xs[q] : c->m[src].codes[0] == xs[q] ? xt[q] : SID_NONE;
            if (other == SID_NONE || (!home && same_side(sc, code_str(c, other))))
                continue;
            const char *oc = code_str(c, other);
            size_t ol = whole_actor_len(oc);
            /* (a rival at home keeps its sector: the rebels' foe is the police, not the country) */
            if (!home && strlen(oc) > ol && strncmp(sc, oc, 3) != 0)
                other = coder_intern(c, oc, ol);
            bool seen = false;
            for (int k = 0; k < nothers; k++)
                seen |= others[k] == other;
            if (!seen)
                others[nothers++] = other;
        }
        if (nothers > 0) {
            tgt = scan_context_mention(c, vo->end, others[0], xsent);
            for (int k = 1; tgt >= 0 && k < nothers; k++)
                c->m[tgt].codes[c->m[tgt].ncodes++] = others[k];
            for (int k = 0; tgt >= 0 && k < nothers; k++)
                trace_printf(c, "  no target named: the other actor of the event in sentence %d, %s\n",
                             xsent, code_str(c, others[k]));
        }
    }
    /* "U.S. warships fired missiles at a Syrian air base. Russia condemned the strike": a
     * disapproval (root 11) of an act named by "the" and a noun, in a clause that names
     * nobody after the verb, by a side that took no part in the events of the sentence
     * before (or the one before it, when the sentence between told none), is aimed at
     * the one actor who did them all, when those events were
     * acts (roots 14-20): what was said is not "the launch" judged after it. */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        cs_root == 11 && c->ctx_sentence >= 0 && c->sentence - c->ctx_sentence <= 2 &&
        c->ctx_material && c->nctx > 0 && c->m[src].ncodes == 1 && vo->end + 1 < hi && KEY_IS(c, vo->end, "THE") &&
        (c->toks[vo->end + 1].flags & TOKF_LOWER)) {
        bool judged = true;
        /* (what the act is called after "as" names its victim, not its actor: "condemned
         * the sanctions as interference in Venezuela's internal affairs") */
        judged = judged && nobody_named_after(c, vo->end, hi, true, false, false);
        const char *sc = code_str(c, c->m[src].codes[0]);
        for (int q = 0; q < c->nctx && judged; q++)
            judged = c->ctx_src[q] == c->ctx_src[0] && strncmp(sc, code_str(c, c->ctx_src[q]), 3) != 0 &&
                     strncmp(sc, code_str(c, c->ctx_tgt[q]), 3) != 0;
        if (judged && (tgt = scan_context_mention(c, vo->end, c->ctx_src[0], c->ctx_sentence)) >= 0)
            trace_printf(c, "  no target named: the actor of the act judged, in sentence %d, %s\n",
                         c->ctx_sentence, code_str(c, c->ctx_src[0]));
    }
    /* "Opposition leader Maria Corina Machado rejected the result", "Merkel criticised the
     * vote as neither free nor fair": a rejection or disapproval (roots 11, 12) of "the
     * (election, official, ...) result(s)" ("outcome", "election", "vote"), naming nobody
     * after it, is aimed by an opposition at its own country's government, which declared
     * them, and by a state's actor at the other country last named in the six sentences
     * before (the country that voted). */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        (cs_root == 11 || cs_root == 12) && c->m[src].ncodes == 1 &&
        vo->end + 1 < hi && KEY_IS(c, vo->end, "THE")) {
        const char *sc = code_str(c, c->m[src].codes[0]);
        int q = vo->end + 1;
        static const char *const kinds[] = {"ELECTION", "ELECTORAL", "OFFICIAL", "PROVISIONAL", "PRELIMINARY",
                                            "FINAL", "VOTE", "POLL", "ANNOUNCED", "DECLARED", "REFERENDUM"};
        static const char *const what[] = {"RESULT", "RESULTS", "OUTCOME", "ELECTION", "VOTE"};
        if (q + 1 < hi && key_among(c, q, kinds, DT_ARRAY_LEN(kinds)) && key_among(c, q + 1, what, DT_ARRAY_LEN(what)))
            q++;
        size_t sl = strlen(sc);
        if ((sl == 3 || sl == 6) && country_based(sc) && (c->toks[q].flags & TOKF_LOWER) &&
            key_among(c, q, what, DT_ARRAY_LEN(what)) && !(q + 1 < hi && c->ct[q + 1].mention >= 0) &&
            !(q + 2 < hi && (KEY_IS(c, q + 1, "OF") || KEY_IS(c, q + 1, "IN")) && c->ct[q + 2].mention >= 0)) {
            char cc[7] = {0};
            if (sl == 6 && strcmp(sc + 3, "OPP") == 0) {
                memcpy(cc, sc, 3);
                memcpy(cc + 3, "GOV", 4);
            } else {
                struct other_state os = {c, sc};
                const doc_mention *dm = doc_find(c, pred_other_state, &os, 6);
                if (dm)
                    memcpy(cc, code_str(c, dm->codes[0]), 3);
            }
            if (cc[0] && (tgt = scan_context_mention(c, vo->end, coder_intern(c, cc, strlen(cc)), c->sentence)) >= 0)
                trace_printf(c, "  no target named: the results judged are those of %s\n", cc);
        }
    }
    /* "The International Criminal Court issued an arrest warrant for Putin. [...] The EU
     * welcomed the warrant", "Medvedev mocked the ruling": a welcome, disapproval or
     * rejection (roots 05, 11, 12) of a court's act named by "the" and its noun (warrant,
     * ruling, verdict, judgment, order, decision, move), naming nobody after it up to an
     * "as" or a verb after it, is aimed at the court that acted on another in one of the
     * five sentences before, when the judge is not the court nor (a national court) of its
     * country (before the rule for concessions: "South Africa welcomed the ruling. [...]
     * Hamas welcomed the decision" is the court's, not South Africa's). */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        c->court_sentence >= 0 && c->sentence > c->court_sentence && c->sentence - c->court_sentence <= 5 &&
        (cs_root == 5 || cs_root == 11 || cs_root == 12) &&
        c->m[src].ncodes == 1 && vo->end + 1 < hi && KEY_IS(c, vo->end, "THE") &&
        c->m[src].codes[0] != c->court_src &&
        (strncmp(code_str(c, c->court_src), "IGO", 3) == 0 ||
         strncmp(code_str(c, c->m[src].codes[0]), code_str(c, c->court_src), 3) != 0)) {
        static const char *const acts[] = {"WARRANT", "WARRANTS",  "RULING",   "RULINGS",   "VERDICT",
                                           "JUDGMENT", "JUDGEMENT", "ORDER",   "DECISION",  "MOVE",
                                           "INDICTMENT", "SENTENCE", "CHARGES", "OPINION"};
        int q = vo->end + 1;
        /* (past one lower-case word: "the court's interim order" is named by "court") */
        if (q + 1 < hi && (c->toks[q].flags & TOKF_LOWER) && c->ct[q].mention < 0 && !key_among(c, q, acts, DT_ARRAY_LEN(acts)))
            q++;
        bool judged = key_among(c, q, acts, DT_ARRAY_LEN(acts)) && (c->toks[q].flags & TOKF_LOWER);
        /* ("the move", "the decision" after a concession or offer told since the court's act
         * are that act's: the rule for them, below; and so after any other act told since
         * by others than the court: "[the warrant] Russia said it would widen its
         * offensive. [...] France condemned the move" judges Russia) */
        if (judged && (KEY_IS(c, q, "MOVE") || KEY_IS(c, q, "DECISION")) &&
            (c->yield_sentence > c->court_sentence ||
             (c->ctx_sentence > c->court_sentence && c->nctx > 0 && c->ctx_src[0] != c->court_src &&
              c->ctx_tgt[0] != c->court_src)))
            judged = false;
        /* (up to an "as" or a verb coordinated after it: "welcomed the warrant and urged
         * Moscow to ...") */
        judged = judged && nobody_named_after(c, vo->end, hi, true, true, true);
        if (judged && (tgt = scan_context_mention(c, vo->end, c->court_src, c->court_sentence)) >= 0)
            trace_printf(c, "  no target named: the court whose act is judged, in sentence %d, %s\n",
                         c->court_sentence, code_str(c, c->court_src));
    }
    /* "The coalition declared a ceasefire with the Houthis. [...] The U.N. envoy welcomed the
     * move", "The Houthis dismissed the announcement": a welcome or rejection (roots 05, 12)
     * of a concession, offer or act of cooperation named by "the"
     * and a noun, with nobody named after the verb, is aimed at the one actor of the last
     * such act, told in one of the three sentences before by another side. */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        (cs_root == 5 || cs_root == 12) && c->yield_sentence >= 0 && c->sentence > c->yield_sentence &&
        c->sentence - c->yield_sentence <= 3 && c->m[src].ncodes == 1 && vo->end + 1 < hi &&
        KEY_IS(c, vo->end, "THE") &&
        strncmp(code_str(c, c->m[src].codes[0]), code_str(c, c->yield_src), 3) != 0) {
        static const char *const moves[] = {"MOVE",     "DECISION",   "ANNOUNCEMENT", "STEP",      "CEASEFIRE",
                                            "TRUCE",    "INITIATIVE", "OFFER",        "GESTURE",   "PLEDGE",
                                            "RELEASE",  "WITHDRAWAL", "PROPOSAL",     "CEASE-FIRE", "PAUSE"};
        int q = vo->end + 1;
        bool judged = key_among(c, q, moves, DT_ARRAY_LEN(moves)) && (c->toks[q].flags & TOKF_LOWER) &&
                      (q + 1 >= hi || c->ct[q + 1].mention < 0);
        judged = judged && nobody_named_after(c, vo->end, hi, false, false, false);
        if (judged && (tgt = scan_context_mention(c, vo->end, c->yield_src, c->yield_sentence)) >= 0)
            trace_printf(c, "  no target named: the actor of the act welcomed, in sentence %d, %s\n",
                         c->yield_sentence, code_str(c, c->yield_src));
    }
    /* "North Korea fired a missile on Wednesday. [...] Seoul and Washington condemned the
     * launch": the same for a one-sided act (a launch or test, or a show of force with a
     * target), up to LAUNCH_BACK sentences before, when no act of force was told after it
     * ("The launch came a day after Seoul and Washington began their drills. The military
     * condemned the launch"). */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        cs_root == 11 && c->solo_sentence >= 0 && c->sentence > c->solo_sentence &&
        c->sentence - c->solo_sentence <= LAUNCH_BACK && (c->ctx_sentence <= c->solo_sentence || !c->ctx_material) &&
        c->m[src].ncodes == 1 && strncmp(code_str(c, c->m[src].codes[0]), code_str(c, c->solo_src), 3) != 0) {
        /* (only a launch or test named as such: "the deportation" is some other act) */
        bool judged = judges_launch(c, vo->end, hi);
        /* (a phrase known to name no actor, "U.N. resolutions", names nobody) */
        judged = judged && nobody_named_after(c, vo->end, hi, false, false, true);
        if (judged && (tgt = scan_context_mention(c, vo->end, c->solo_src, c->solo_sentence)) >= 0)
            trace_printf(c, "  no target named: the actor of the one-sided act judged, in sentence %d, %s\n",
                         c->solo_sentence, code_str(c, c->solo_src));
    }
    /* "South Korea and the United States began their annual exercises. [...] North Korea's
     * foreign ministry denounced the exercises (as a rehearsal for war against the North)":
     * the same for a disapproval of a joint act, told by the last sentence with events as
     * a pair coded both ways (exercises, a pact signed, a meeting), by a judge of neither
     * side, up to three sentences back when the judge is named for itself: it is aimed at
     * both sides, each as a whole. */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        cs_root == 11 && c->ctx_sentence >= 0 && !c->ctx_material && c->nctx >= 2 &&
        c->sentence - c->ctx_sentence <= (named_judge ? 3 : 2) && c->m[src].ncodes == 1 && the_act) {
        bool judged = true;
        judged = judged && nobody_named_after(c, vo->end, hi, true, false, false);
        const char *sc = code_str(c, c->m[src].codes[0]);
        sid sides[4];
        int nsides = 0;
        for (int q = 0; q < c->nctx && judged; q++) {
            bool back = false;
            for (int r = 0; r < c->nctx && !back; r++)
                back = c->ctx_src[r] == c->ctx_tgt[q] && c->ctx_tgt[r] == c->ctx_src[q];
            judged = back && !same_side(sc, code_str(c, c->ctx_src[q])) && !same_side(sc, code_str(c, c->ctx_tgt[q]));
            const char *oc = code_str(c, c->ctx_src[q]);
            sid side = coder_intern(c, oc, whole_actor_len(oc));
            bool seen = false;
            for (int k = 0; k < nsides; k++)
                seen |= sides[k] == side;
            if (judged && !seen && nsides < (int)DT_ARRAY_LEN(sides))
                sides[nsides++] = side;
        }
        if (judged && nsides >= 2 && (tgt = scan_context_mention(c, vo->end, sides[0], c->ctx_sentence)) >= 0)
            for (int k = 0; k < nsides; k++) {
                if (k > 0 && c->m[tgt].ncodes < MAX_CODES)
                    c->m[tgt].codes[c->m[tgt].ncodes++] = sides[k];
                trace_printf(c, "  no target named: a side of the joint act judged, in sentence %d, %s\n",
                             c->ctx_sentence, code_str(c, sides[k]));
            }
    }
    /* "The White House said it was concerned by Iran's announcement. France, Germany and
     * Britain called the move a dangerous development": a disapproval of "the" and a noun,
     * naming nobody up to its end or "as", by a judge of neither side, right after a
     * sentence whose events were all disapprovals (root 11) of one actor by others, joins
     * them: the reactions of an article follow one another, each judging the same act. */
    if (tgt < 0 && !both && src >= 0 && !ve->is_noun && !(cs.flags & CF_SOLO) && cs.code &&
        cs_root == 11 && c->ctx_judging && c->ctx_sentence >= 0 &&
        c->sentence - c->ctx_sentence == 1 && c->nctx > 0 && the_act) {
        bool judged = true;
        judged = judged && nobody_named_after(c, vo->end, hi, true, false, false);
        for (int k = 0; k < c->m[src].ncodes && judged; k++) {
            const char *sc = code_str(c, c->m[src].codes[k]);
            for (int q = 0; q < c->nctx && judged; q++)
                judged = c->ctx_tgt[q] == c->ctx_tgt[0] && !same_side(sc, code_str(c, c->ctx_src[q])) &&
                         !same_side(sc, code_str(c, c->ctx_tgt[q]));
        }
        if (judged && (tgt = scan_context_mention(c, vo->end, c->ctx_tgt[0], c->ctx_sentence)) >= 0)
            trace_printf(c, "  no target named: the one judged in sentence %d, %s\n", c->ctx_sentence,
                         code_str(c, c->ctx_tgt[0]));
    }
    /* "Taiwan put its forces on high alert as China held drills": raising alert or
     * mobilizing (151-154) with nobody named in its clause answers the subject of the "as"
     * or "while" clause right after it, when that is another side ("after" tells only what
     * came first; a plain show of force, 150, "fires missile as Biden visits Seoul", is
     * aimed at nobody named). */
    if (tgt < 0 && !both && src >= 0 && cs.code && cs_root == 15 &&
        code_str(c, cs.code)[2] >= '1' && code_str(c, cs.code)[2] <= '4' && hi + 1 < c->ntok &&
        c->ct[hi].barrier == 1 && c->ct[hi].role == TR_NONE &&
        (KEY_IS(c, hi, "AS") || KEY_IS(c, hi, "WHILE"))) {
        int q = hi + 1;
        while (q < c->ntok && c->ct[q].role == TR_NONE && (c->ct[q].wflags & (WF_DET | WF_ADVERB)))
            q++;
        int mi = q < c->ntok ? c->ct[q].mention : -1;
        if (mi >= 0 && c->m[mi].ncodes > 0 && !same_actor_codes(c, &c->m[mi], &c->m[src])) {
            tgt = head_of(c, mi);
            trace_printf(c, "  no target named: the subject of the \"%s\" clause after it, \"%s\"\n",
                         c->keys.data + c->toks[hi].key, span_text(c, c->m[tgt].start, c->m[tgt].end));
        }
    }
    /* "Police arrested 200 people during protests against the president": the one a
     * protest is against is not the one arrested or dispersed. */
    bool crowd_act = cs.code && !ve->is_noun && !both &&
                     (code_is(code_str(c, cs.code), "173") || code_is(code_str(c, cs.code), "175"));
    int padj = crowd_act ? protest_adjunct(c, vo->end, hi) : -1;
    if (tgt >= 0 && padj >= 0 && c->m[tgt].start > padj - 3 && c->m[tgt].start > vo->end &&
        protest_adjunct(c, vo->end, c->m[tgt].start) >= 0) {
        trace_printf(c, "  \"%s\" is the target of a protest told as an adjunct: not the target\n",
                     span_text(c, c->m[tgt].start, c->m[tgt].end));
        tgt = -1;
    }
    /* A place of the source's own country, the target found or, when the clause names
     * nobody else, one "in", "across" or "throughout" it: the country. */
    bool domestic = false;
    if (src >= 0 && !both && cs.code && c->m[src].ncodes == 1 &&
        domestic_code(code_str(c, cs.code), code_str(c, c->m[src].codes[0]))) {
        if (tgt < 0 && !ve->is_noun && (tgt = find_own_place(c, vo->end, hi, src)) >= 0)
            domestic = true;
        else if (tgt >= 0)
            domestic = own_place(c, tgt, src, false);
        if (domestic)
            trace_printf(c, "  a place of the source's own country: %.3s\n", code_str(c, c->m[tgt].codes[0]));
    }
    /* "Sri Lankan authorities imposed a nationwide curfew", "Thousands of police were
     * deployed nationwide to contain the demonstrations": a curfew, a state of emergency or
     * a police deployment (1723, 1724, 153) by a sector of a country whose clause names
     * nobody after the verb is imposed on its own country. */
    /* So are arrests of people named by no nationality, told in the past or in a
     * headline's present ("Riot police arrested more than 100 people during the protest in
     * Minsk" -> BLRCOP BLR 173, "Police detain 18 in Paris protests"). */
    if (tgt < 0 && !both && src >= 0 && cs.code && !ve->is_noun && c->m[src].ncodes == 1 &&
        (strcmp(code_str(c, cs.code), "153") == 0 || strcmp(code_str(c, cs.code), "1723") == 0 ||
         strcmp(code_str(c, cs.code), "1724") == 0 ||
         (strcmp(code_str(c, cs.code), "173") == 0 &&
          (vo->form == VF_ED || vo->form == VF_EN || vo->form == VF_S ||
           (vo->form == VF_BASE && c->m[src].end == g.start))))) {
        const char *sc = code_str(c, c->m[src].codes[0]);
        bool named = false;
        bool arrest = cs_root == 17;
        for (int i = vo->end; i < (padj >= 0 ? padj : hi) && !named; i++) {
            int mi = c->ct[i].mention;
            if (!arrest) {
                named = mi >= 0 && c->m[mi].ncodes > 0;
                continue;
            }
            /* (an arrest of anyone named, even one not resolved, "its editor", is not this;
             * a place "in Minsk" names where, not whom) */
            named = (mi >= 0 && !(c->m[mi].start > 0 && (c->ct[c->m[mi].start - 1].wflags & WF_LOCPREP))) ||
                    KEY_IS(c, i, "ITS") || KEY_IS(c, i, "HIS") || KEY_IS(c, i, "HER") || KEY_IS(c, i, "THEIR") ||
                    KEY_IS(c, i, "HIM") || KEY_IS(c, i, "THEM");
        }
        /* ("detained hundreds of people protesting against the law": protesters, OPP) */
        static const char *const protesting[] = {"PROTESTING", "DEMONSTRATING", "RALLYING", "MARCHING"};
        bool protesters = false;
        for (int i = vo->end; arrest && i < hi && i < vo->end + 6 && !protesters; i++)
            protesters = key_among(c, i, protesting, DT_ARRAY_LEN(protesting));
        if (!named && protesters && strlen(sc) == 6 && country_based(sc)) {
            sid opp = opposition_code(c, sc);
            if ((tgt = scan_context_mention(c, vo->end, opp, -3)) >= 0)
                trace_printf(c, "  no target named: people protesting, %s\n", code_str(c, opp));
        } else if (!named && strlen(sc) == 6 && country_based(sc) &&
            (tgt = scan_context_mention(c, vo->end, coder_intern(c, sc, 3), -2)) >= 0) {
            domestic = true;
            trace_printf(c, "  no target named: the source's own country, %.3s\n", sc);
        }
    }
    /* "Police dispersed the rally", "Security forces contained the protests": crowd
     * control (175) of a protest that names nobody acts on its protesters, the opposition
     * of the source's own country (GUIDELINES 3: protesters are OPP), also when a place
     * of that country follows ("dispersed the rally in Minsk"). */
    if ((tgt < 0 || domestic) && !both && src >= 0 && cs.code && !ve->is_noun && c->m[src].ncodes == 1 &&
        strcmp(code_str(c, cs.code), "175") == 0 &&
        (protest_object(c, vo->end, hi) || padj >= 0 || recent_protesters(c, c->m[src].codes[0]))) {
        const char *sc = code_str(c, c->m[src].codes[0]);
        if (strlen(sc) == 6 && country_based(sc) && strcmp(sc + 3, "OPP") != 0) {
            sid opp = opposition_code(c, sc);
            int pm = scan_context_mention(c, vo->end, opp, -3);
            if (pm >= 0) {
                tgt = pm;
                domestic = false;
            }
            if (pm >= 0)
                trace_printf(c, "  a protest named as the object: its protesters, %s\n", code_str(c, opp));
        }
    }
    bool solo = src >= 0 && !both && tgt < 0 && (cs.flags & CF_SOLO) && c->opts.solo;
    if (solo) {
        trace_printf(c, "  no target: coded as a one-sided act (solo)\n");
        note_solo(c, &c->m[src], &g);
    }
    /* "Kyiv should return to the negotiating table", said Russia's minister: a pattern's
     * act asked of the subject needs no target of its own (the appeal is to the subject,
     * see below). */
    bool asked = hit && !ve->is_noun && !passive && g.hypo && (g.should || g.must) && !g.neg && src >= 0 &&
                 c->speaker >= 0;
    if (!solo && !asked && (src < 0 || (!both && tgt < 0))) {
        trace_printf(c, "  no %s found: no event\n", src < 0 ? "source" : "target");
        /* (a one-sided act told, "North Korea fired a missile", is what a judgement of
         * "the launch" after it is about) */
        if (src >= 0 && (cs.flags & CF_SOLO))
            note_solo(c, &c->m[src], &g);
        /* It did not make an event of this clause, so it does not swallow the verbs
         * and nouns after it, except the words its pattern took as its object. */
        c->verb_matched[vi] = 0;
        if (hit && !ve->is_noun && mr.end > vo->end)
            c->object_end[vi] = (int16_t)mr.end;
        return false;
    }
    if (ve->is_noun && hit && !(hit->slots & (PS_TARGET | PS_BOTH)) && !both && !solo && !(cs.flags & CF_SPEAKER)) {
        /* nouns need an explicit target slot (or to be one-sided acts) */
        trace_printf(c, "  a noun pattern needs an explicit target: no event\n");
        return false;
    }
    if (g.neg && !(hit && hit->has_neg)) {
        trace_printf(c, "  negated: no event\n");
        return false;
    }
    /* What is denied did not happen ("Japan denied that it had violated Chinese airspace",
     * "denied sending troops"): a verb after "deny" in its clause is not coded. */
    for (int q = (ve->is_noun ? vo->start : g.start) - 1; q >= lo; q--) {
        /* (the denial of a relative clause ends with it: "Putin, who denied meddling in
         * the election, met Trump") */
        if (c->ct[q].barrier == 2 && q == g.start - 1 && !ve->is_noun && tok_is_comma(c, q) && relative_before(c, q))
            break;
        if (c->ct[q].wflags & WF_DENY) {
            trace_printf(c, "  denied: no event\n");
            return false;
        }
        /* (both tests below are of "that", a relative word in every dictionary, closed.c:
         * the flag puts nearly every other word by at once) */
        if (!(c->ct[q].wflags & WF_REL))
            continue;
        if (no_evidence_that(c, q)) {
            trace_printf(c, "  after \"no evidence that\": no event\n");
            return false;
        }
        /* (a claim that a rejecting verb answers, where "that" opens no clause of its own:
         * "India rejected Pakistan's claim that it had shot down two jets") */
        if (q >= 2 && KEY_IS(c, q, "THAT") && denied_claim_before(c, q)) {
            trace_printf(c, "  the content of a denied claim: no event\n");
            return false;
        }
    }
    /* So is what a denied or dismissed claim says ("Russia denied Ukrainian claims that
     * its troops had shelled a hospital"): the claim ends the denial's clause. */
    if (lo >= 2 && denied_claim_before(c, lo)) {
        trace_printf(c, "  the content of a denied claim: no event\n");
        return false;
    }
    /* A clause opened by "if" or "unless" is a condition, not an event. */
    if (lo > 0 && (KEY_IS(c, lo - 1, "IF") || KEY_IS(c, lo - 1, "UNLESS")))
        g.hypo = true;
    /* "a week before Xi and Trump meet", "until the two sides agree": in the present
     * tense, a time clause tells of what has not happened yet. */
    if (!ve->is_noun && src >= 0 && !g.aux && !g.have && !g.future && !g.infinitive &&
        (vo->form == VF_BASE || vo->form == VF_S)) {
        int k = c->m[src].start - 1; /* (before "the", "Mr") */
        while (k >= 0 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & (WF_DET | WF_TITLE)))
            k--;
        if (k >= 0 && (KEY_IS(c, k, "BEFORE") || KEY_IS(c, k, "UNTIL"))) {
            trace_printf(c, "  a time clause (\"before/until\" + present): not yet an event\n");
            return false;
        }
    }
    /* "Talks collapsed in 2019 after the group bombed a police academy": an act in an
     * "after", "since" or "when" clause of a sentence that names a year before the
     * document's is a background anchor, no news (a "before" clause may tell the news of
     * the day: "hours before Pence arrived in Seoul"; the rule for acts dated "in YEAR"
     * below takes "before" too, the act's own year being named). */
    if (!ve->is_noun && src >= 0 && c->date != DATE_NONE) {
        int k = c->m[src].start - 1;
        while (k >= 0 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_DET))
            k--;
        if (k >= 0 && (KEY_IS(c, k, "AFTER") || KEY_IS(c, k, "SINCE") || KEY_IS(c, k, "WHEN")) &&
            earlier_year(c)) {
            trace_printf(c, "  an \"after\" clause in a sentence of an earlier year: background, no event\n");
            return false;
        }
    }
    /* "has 20,000 troops in Somalia to help the government fight the insurgents": a bare
     * verb whose subject follows "to help" tells the purpose of the help, no act. */
    if (!ve->is_noun && src >= 0 && !g.aux && !g.have && !g.future && vo->form == VF_BASE) {
        int k = c->m[src].start - 1;
        while (k >= 0 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_DET))
            k--;
        if (k >= 1 && KEY_IS(c, k, "HELP") && KEY_IS(c, k - 1, "TO")) {
            trace_printf(c, "  the purpose of \"to help\": no event\n");
            return false;
        }
    }
    if (g.hypo) {
        /* "Y should release Z", said X: an appeal (should) or a demand (must) from the
         * speaker to Y, per the codebook; other modals: no event. */
        if ((g.should || g.must) && !g.neg && cs.code && *np < MAX_VERBS) {
            int speaker = c->speaker >= 0 && c->m[c->speaker].ncodes > 0 ? head_of(c, c->speaker) : -1;
            if (speaker >= 0 && speaker != src && !same_actor_codes(c, &c->m[speaker], &c->m[src])) {
                sid code = stop_asked ? cs.code : appeal_code(c, cs.code, g.must);
                trace_printf(c, "  \"%s\" in reported speech: %s from the speaker to the subject\n",
                             g.must ? "must" : "should", code_str(c, code));
                code_spec ap = {code, SID_NONE, SID_NONE, 0};
                protos[(*np)++] = (proto){speaker, src, false, ap, code, rule, vi, false, "", false};
                return true;
            }
        }
        trace_printf(c, "  hypothetical (could/may/expected to): no event\n");
        return false;
    }
    /* "The kingdom has been fighting the Houthis since 2015", "have been fighting for
     * years": a state of things since a year long past or for years is habitual too. */
    if (!g.habitual && g.have && vo->form == VF_ING) {
        for (int k = vo->end; k + 1 < hi && !g.habitual; k++) {
            if (tok_is_comma(c, k))
                break;
            const tok *n = &c->toks[k + 1];
            if (KEY_IS(c, k, "SINCE"))
                g.habitual = n->key_len == 4 && (c->keys.data[n->key] == '1' || c->keys.data[n->key] == '2');
            else if (KEY_IS(c, k, "FOR"))
                g.habitual = KEY_IS(c, k + 1, "YEARS") || KEY_IS(c, k + 1, "DECADES") || KEY_IS(c, k + 1, "MONTHS");
        }
    }
    /* "Washington has accused Moscow for years of deploying ...": a present perfect with
     * "for years" (decades, months) within four words after the verb is habitual as well. */
    if (!g.habitual && g.have && vo->form != VF_ING) {
        for (int k = vo->end; k + 1 < hi && k <= vo->end + 4 && !g.habitual; k++) {
            if (tok_is_comma(c, k))
                break;
            g.habitual = KEY_IS(c, k, "FOR") && (KEY_IS(c, k + 1, "YEARS") || KEY_IS(c, k + 1, "DECADES") ||
                                                 KEY_IS(c, k + 1, "MONTHS"));
        }
    }
    /* "Washington imposed the sanctions after former President Donald Trump quit the deal in
     * 2018": an act in a clause of "after", "since", "when" or "before" dated to a year
     * before the article's is a background anchor, no event of the news. */
    if (!g.habitual && vo->form != VF_ING && vo->form != VF_S && !g.future && c->date != DATE_NONE) {
        bool sub = false;
        for (int k = vo->start - 1; k >= lo - 1 && k >= 0 && k >= vo->start - 8 && !sub; k--) {
            if (tok_is_comma(c, k) || (c->ct[k].role == TR_VERB && c->ct[k].verb != c->ct[vo->start].verb))
                break;
            /* (the four words are temporal ones in every dictionary, closed.c: the flag
             * rules out nearly every word before the keys are compared) */
            sub = (c->ct[k].wflags & WF_TEMPORAL) &&
                  (KEY_IS(c, k, "AFTER") || KEY_IS(c, k, "SINCE") || KEY_IS(c, k, "WHEN") || KEY_IS(c, k, "BEFORE"));
        }
        int y = 0, mo, d;
        if (sub)
            date_to_ymd(c->date, &y, &mo, &d);
        for (int k = vo->end; sub && k + 1 < hi && !g.habitual; k++) {
            if (tok_is_comma(c, k))
                break;
            const tok *n = &c->toks[k + 1];
            if (!KEY_IS(c, k, "IN") || n->key_len != 4)
                continue;
            const char *yk = c->keys.data + n->key;
            int year = 0;
            for (int q = 0; q < 4 && yk[q] >= '0' && yk[q] <= '9'; q++)
                year = year * 10 + (yk[q] - '0');
            g.habitual = year >= 1900 && year < y;
        }
    }
    if (g.habitual) {
        trace_printf(c, "  habitual (\"has long\", \"routinely\") or long past: no event\n");
        if (!ve->is_noun)
            vo->habitual = true;
        return false;
    }
    if (g.infinitive && !g.intent_to && !g.attempt) {
        trace_printf(c, "  infinitive complement of another act: no event\n");
        return false;
    }
    if (!ve->is_noun && g.intent_to && g.intent >= 0 && intention_object(c, vi, g.intent, lo)) {
        trace_printf(c, "  an intention that is the object of an earlier event verb: no event\n");
        return false;
    }
    sid use = cs.code;
    if (g.future && cs.code) {
        use = future_code(c, &cs);
        if (use != cs.code) {
            trace_printf(c, "  announced or intended: %s instead of %s\n", code_str(c, use), code_str(c, cs.code));
            /* A symmetric pair stays symmetric (036:036); a visit/host pair keeps only
             * the intention of the one who acts, and so does a stance of the subject
             * alone ("Iran is ready to resume talks with the IAEA", "wants to meet Xi"):
             * not an agreement ("agreed to"), a plain "will" or a compound's ("X and Y
             * plan to meet"). */
            bool agreed = KEY_IS(c, g.intent, "AGREED") || KEY_IS(c, g.intent, "AGREE") ||
                          KEY_IS(c, g.intent, "AGREES") || KEY_IS(c, g.intent, "AGREEING");
            bool one_sided = !ve->is_noun && g.intent >= 0 && !both && !agreed;
            if (cs.flags & CF_PAIRED) {
                if (cs.code2 == cs.code && !one_sided)
                    cs.code2 = use;
                else
                    cs.flags &= (uint16_t)~CF_PAIRED;
            }
        }
    }
    /* "China warned that the military would crush any Taiwanese attempt ...": a threat told
     * in the "that" clause of a warning already coded is that warning's content, one event */
    /* (croot above is the root of `use`: the same code, chosen the same way) */
    for (int q = 0; use && croot == 13 && q < *np; q++) {
        int e = c->v[protos[q].verb].end;
        if (protos[q].noun || e > vo->start || code_root(c, protos[q].use_code) != 13 || !KEY_IS(c, e, "THAT") ||
            barrier_between(c, e + 1, vo->start))
            continue;
        trace_printf(c, "  the content of a threat already coded: one event\n");
        return false;
    }
    if (*np >= MAX_VERBS)
        return false;
    /* An appeal, offer or demand named by a noun: what it asks for or offers is its
     * content, as for the verb ("repeated his demand that Russia withdraw its forces", "an
     * offer of $85 million in humanitarian aid to Turkey": no 073 of its own). */
    if (ve->is_noun && (cs_root == 2 || cs_root == 3 || cs_root == 10)) {
        c->noun_asks[vi] = 1;
        c->verb_code[vi] = cs.code;
    }
    protos[*np] = (proto){src, tgt, both, cs, use, rule, vi, ve->is_noun, "", false};
    protos[*np].domestic = domestic;
    /* (expand asks for the place only of a meeting, 040, and only as the code it uses) */
    if (use && code_is(code_str(c, use), "040"))
        meeting_place(c, lo, hi, protos[*np].place);
    (*np)++;
    return true;
}

/* Does the speaker mention sp report the clause lo..hi itself: "X said (on Monday, that)
 * ..." right before it, or '"...," the ministry said' right after it? Not a speaker of
 * another clause of the sentence ("X called Y a dotard and vowed that he would pay dearly
 * ..., Z said" is no saying of Z's). */
static bool speaker_next_to(const dt_coder *c, int sp, int lo, int hi)
{
    const mention *m = &c->m[sp];
    for (int n = 0; m->end <= lo && n < 4; n++) {
        for (int k = lo - 1; k >= m->end && k >= lo - 4; k--)
            if (c->ct[k].wflags & WF_REPORT)
                return true;
        /* ("X said the ban was unjustified and would not go unanswered": the clause
         * before "and") */
        if (lo < 2 || !(c->ct[lo - 1].wflags & WF_CONJ))
            return false;
        clause_range(c, lo - 2, lo - 2, &lo, &hi);
    }
    if (m->start < hi)
        return false;
    for (int k = hi; k < m->start; k++)
        if (!(c->ct[k].tflags & TOKF_PUNCT) && !(c->ct[k].wflags & (WF_DET | WF_REPORT)) && !KEY_IS(c, k, "TO"))
            return false;
    return true;
}

/* The actor of a closing ", X warned." (also cautioned, vowed): a speaker that the
 * reporting words do not give, since "warn" is an event verb of its own. */
static int trailing_warner(const dt_coder *c)
{
    int k = c->ntok - 1;
    while (k > 0 && (c->ct[k].tflags & TOKF_PUNCT) && !tok_is_comma(c, k))
        k--;
    if (k < 2 || !(KEY_IS(c, k, "WARNED") || KEY_IS(c, k, "CAUTIONED") || KEY_IS(c, k, "VOWED")))
        return -1;
    int mi = c->ct[k - 1].mention;
    if (mi < 0 || c->m[mi].end != k || c->m[mi].ncodes == 0 || c->m[mi].start < 1 || !tok_is_comma(c, c->m[mi].start - 1))
        return -1;
    return head_of(c, mi);
}

/* Did verb occurrence j code an appeal (02x) or a demand (10x)? */
static bool appeal_or_demand(const dt_coder *c, int j)
{
    sid code = c->verb_code[j];
    if (!code)
        return false;
    const char *s = code_str(c, code);
    return strncmp(s, "02", 2) == 0 || strncmp(s, "10", 2) == 0;
}

/* The next word is a verb: this one is a noun ("Taliban attacks kill ..."). */
static bool next_is_verb(const dt_coder *c, const verbocc *vo)
{
    int j = vo->end;
    while (j < c->ntok && (c->ct[j].wflags & WF_ADVERB) && c->ct[j].role == TR_NONE)
        j++;
    if (j >= c->ntok)
        return false;
    const ctok *t = &c->ct[j];
    if (t->role == TR_VERB && t->verb >= 0 && c->v[t->verb].verb != UINT32_MAX) {
        /* (a gerund before "of" is a noun: "Kenya probes killing of Pakistani journalist") */
        const verbocc *nv = &c->v[t->verb];
        return !(nv->form == VF_ING && nv->end < c->ntok && KEY_IS(c, nv->end, "OF"));
    }
    return (t->wflags & (WF_FUTURE | WF_HYPO)) != 0;
}

/* "Photos of Abiy and Isaias signing the agreement were posted", "A picture shows Putin
 * meeting Xi": a gerund after the actors a photo, picture or video is of or shows is a
 * caption, not an event. i is the gerund. */
static bool pictured(const dt_coder *c, int i)
{
    static const char *const media[] = {"PHOTO",  "PHOTOS",  "PHOTOGRAPH", "PHOTOGRAPHS", "PICTURE", "PICTURES",
                                        "IMAGE",  "IMAGES",  "VIDEO",      "VIDEOS",      "FOOTAGE", "PHOTOGRAPHED",
                                        "FILMED", "PICTURED"};
    /* (present tense, as captions are: "footage showed troops shelling ..." reports it) */
    static const char *const shows[] = {"SHOW", "SHOWS", "SHOWING", "DEPICT", "DEPICTS", "DEPICTING"};
    int k = i - 1;
    bool actor = false;
    for (int n = 0; k >= 0 && n < 16; n++, k--) {
        const ctok *t = &c->ct[k];
        if (t->mention >= 0)
            actor = true;
        else if (!(t->role == TR_NONE && ((t->wflags & (WF_DET | WF_CONJ | WF_TITLE)) || tok_is_comma(c, k))))
            break;
    }
    if (!actor || k < 0)
        return false;
    if (KEY_IS(c, k, "OF") || key_among(c, k, shows, DT_ARRAY_LEN(shows)))
        for (int q = k - 1; q >= 0 && q >= k - 3; q--)
            if (key_among(c, q, media, DT_ARRAY_LEN(media)))
                return true;
    /* "Putin and Xi were pictured shaking hands" */
    return key_among(c, k, media, DT_ARRAY_LEN(media));
}

/* "X, who denied meddling in the election, met Y": the verb at token v follows the comma
 * that closes a relative clause (", who" or ", which" a few words before the earlier verb
 * at token prev), so it is the main clause's verb, not part of that clause's phrase. */
static bool relative_closed(const dt_coder *c, int prev, int v)
{
    if (v < 1 || !tok_is_comma(c, v - 1) || c->v[c->ct[v].verb].form == VF_ING)
        return false;
    for (int k = prev - 1; k >= 1 && k >= prev - 4; k--) {
        if (c->ct[k].role != TR_NONE)
            return false;
        if (KEY_IS(c, k, "WHO") || KEY_IS(c, k, "WHICH"))
            return tok_is_comma(c, k - 1);
    }
    return false;
}

/* code_entry; under DT_STAGE_TIMES (stages.h) its time is also counted by how the try
 * ends, with the time of its pattern loop. */
#ifdef DT_STAGE_TIMES
static bool code_entry_timed(dt_coder *c, int vi, uint32_t entry, proto *protos, int *np, int *prev_subject)
{
    uint64_t t0 = stage_now(), loops0 = c->stages.ticks[STG_PATTERNS];
    c->stages.try_empty = false;
    bool coded = code_entry(c, vi, entry, protos, np, prev_subject);
    int k = coded ? TRY_CODED : c->stages.try_empty ? TRY_EMPTY : TRY_STOPPED;
    c->stages.try_n[k]++;
    c->stages.try_ticks[k] += stage_now() - t0;
    c->stages.try_patterns[k] += c->stages.ticks[STG_PATTERNS] - loops0;
    return coded;
}
#else
#define code_entry_timed code_entry
#endif

/* code_verb's look back at the verbs coded before verb vi is at two of them only: the
 * last that matched (verb_matched) and the last that asked for something with a subject
 * (asks_before). What a verb's coding sets is its own (verb_matched[vi] and the like), so
 * both are known once it is coded, and code_one_sentence keeps them (`last`) instead of
 * code_verb looking back over every verb before it, a loop whose length changes per verb. */
typedef struct verbs_before {
    int matched, asked;
} verbs_before;

/* Whether coded verb j may have asked for what a later verb does ("demanded that Iran
 * release the sailors"): it matched, or its appeal or demand noun is followed by "that",
 * and it has a subject. */
static bool asks_before(const dt_coder *c, int j)
{
    return (c->verb_matched[j] || (c->noun_asks[j] && c->v[j].end < c->ntok && KEY_IS(c, c->v[j].end, "THAT"))) &&
           c->subject_of[j] >= 0;
}

static void code_verb(dt_coder *c, int vi, proto *protos, int *np, int *prev_subject, verbs_before last)
{
    verbocc *vo = &c->v[vi];
    /* This verb's results, cleared here rather than for all verbs before the first: coding
     * a verb reads those of the verbs before it only. */
    c->subject_of[vi] = -1;
    c->verb_matched[vi] = 0;
    c->verb_code[vi] = SID_NONE;
    c->noun_asks[vi] = 0;
    c->null_end[vi] = 0;
    c->object_end[vi] = 0;
    /* A verb right after an event verb of the same clause, with no actor between, is
     * part of that verb's phrase ("suspended peace talks", "vowed to retaliate",
     * "ordered troops to attack" is different: an actor comes between). */
    if (last.matched >= 0) {
        int j = last.matched;
        bool between = false, barrier = false;
        /* (either one is enough: the tests below need neither) */
        for (int k = c->v[j].end; k < vo->start && !between && !barrier; k++) {
            between = c->ct[k].mention >= 0;
            barrier = c->ct[k].barrier != 0;
        }
        /* (not a participle with "by" that describes an event noun of the phrase: "swapped
         * prisoners in an exchange mediated by the UAE", "agreed to restore ties under a
         * deal brokered by China": the "by" actor mediates, coded on its own) */
        bool describes_noun = vo->end < c->ntok && (c->ct[vo->end].wflags & WF_BY) && brokered_noun(c, vo);
        /* (nor an encounter during which the act happened: "pledged new military aid during
         * his visit to Kyiv") */
        if (!describes_noun && vo->noun != UINT32_MAX && vo->end < c->ntok &&
            (KEY_IS(c, vo->end, "WITH") || KEY_IS(c, vo->end, "TO") || KEY_IS(c, vo->end, "BY"))) {
            int alo, ahi;
            clause_range(c, vo->start, vo->end, &alo, &ahi);
            describes_noun = adjunct_encounter(c, vo, alo);
        }
        /* (nor the main verb after a relative clause set off by commas: "Putin, who
         * denied meddling in the election, met Trump") */
        if (!between && !barrier && !describes_noun && !relative_closed(c, c->v[j].start, vo->start)) {
            if (c->opts.explain) {
                char first[256];
                snprintf(first, sizeof(first), "%s", span_text(c, c->v[j].start, c->v[j].end));
                trace_printf(c, "verb \"%s\": continues the phrase of \"%s\", not coded\n",
                             span_text(c, vo->start, vo->end), first);
            }
            return;
        }
    }
    if (vo->form == VF_ING && pictured(c, vo->start)) {
        trace_printf(c, "verb \"%s\": what a picture shows, not coded\n", span_text(c, vo->start, vo->end));
        return;
    }
    /* "ruled out sending tanks to Ukraine", "rejected holding talks": what is rejected did
     * not happen (a pattern of the rejecting verb may name it: "ruled out sending troops"). */
    if (vo->form == VF_ING) {
        int k = vo->start - 1;
        while (k >= 0 && adverb_like(c, k))
            k--;
        if (rejection_verb(c, k)) {
            trace_printf(c, "verb \"%s\": rejected, not coded\n", span_text(c, vo->start, vo->end));
            return;
        }
    }
    /* "lifted its veto on Finland and Sweden joining NATO", "objections to Sweden joining":
     * a gerund whose subject is the object of a veto or objection is what is objected to,
     * which the sentence does not assert ("fired at protesters marching on parliament"
     * does assert the march). */
    if (vo->form == VF_ING && vo->start >= 3 && c->ct[vo->start - 1].mention >= 0) {
        static const char *const objections[] = {"VETO", "OBJECTION", "OBJECTIONS", "OPPOSITION", "CONCERN",
                                                 "CONCERNS", "FEARS", "WORRIES", "VETOES"};
        const mention *om = &c->m[c->ct[vo->start - 1].mention];
        int ms = om->compound >= 0 ? c->m[om->compound].start : om->start;
        int k = ms - 1;
        while (k >= 0 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_DET))
            k--;
        if (k >= 1 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_PREP) &&
            key_among(c, k - 1, objections, DT_ARRAY_LEN(objections))) {
            trace_printf(c, "verb \"%s\": what is objected to, not coded\n",
                         span_text(c, vo->start, vo->end));
            return;
        }
    }
    /* "The Saudi-led coalition fighting in Yemen declared a ceasefire", "Russian troops
     * fighting in Ukraine shelled Kharkiv": a participle right after the subject that opens
     * the sentence, before "in" and the clause's own verb, describes the subject; it tells
     * no event of the news. */
    if (vo->form == VF_ING && vo->start >= 1 && vo->end < c->ntok && KEY_IS(c, vo->end, "IN") &&
        c->ct[vo->start - 1].mention >= 0) {
        const mention *om = &c->m[c->ct[vo->start - 1].mention];
        int ms = om->compound >= 0 ? c->m[om->compound].start : om->start;
        while (ms > 0 && (c->ct[ms - 1].wflags & WF_DET) && c->ct[ms - 1].role == TR_NONE)
            ms--;
        /* (at the start, or after a dateline's dash) */
        bool described = ms == 0 || (ms >= 2 && (c->toks[ms - 1].flags & TOKF_PUNCT) &&
                                     c->norm.data[c->toks[ms - 1].start] == '-');
        bool main_after = false;
        for (int k = vo->end; k < c->ntok && described && !main_after; k++) {
            if (tok_is_comma(c, k) || ((c->toks[k].flags & TOKF_PUNCT) && c->norm.data[c->toks[k].start] == ';'))
                break;
            const ctok *t = &c->ct[k];
            main_after = t->role == TR_VERB && t->verb >= 0 && c->v[t->verb].start == k &&
                         (c->v[t->verb].form == VF_ED || c->v[t->verb].form == VF_S);
        }
        if (described && main_after) {
            trace_printf(c, "verb \"%s\": describes the subject before the clause's verb, not coded\n",
                         span_text(c, vo->start, vo->end));
            return;
        }
    }
    /* "turned down a Japanese request for talks", "blocked a Russian proposal": a word
     * after a determiner and an actor, the object of a rejecting or obstructing verb, is
     * what was rejected. */
    if (vo->start >= 3 && c->ct[vo->start - 1].mention >= 0 && vo->form != VF_ED && vo->form != VF_EN) {
        int k = c->m[c->ct[vo->start - 1].mention].start - 1;
        if (k >= 1 && c->ct[k].role == TR_NONE && (c->ct[k].wflags & WF_DET) &&
            ((c->ct[k - 1].wflags & WF_OBSTRUCT) || rejection_verb(c, k - 1))) {
            trace_printf(c, "verb \"%s\": what was rejected, not coded\n", span_text(c, vo->start, vo->end));
            return;
        }
    }
    /* "Japan hoped Syria and Kuwait would meet each other halfway": what a verb of wishing
     * hopes others will do is not asserted. */
    {
        int k = vo->start - 1;
        while (k > 0 && (c->ct[k].wflags & WF_ADVERB) && c->ct[k].role == TR_NONE)
            k--;
        if (k > 0 && (c->ct[k].wflags & (WF_FUTURE | WF_HYPO)) && c->ct[k - 1].mention >= 0) {
            const mention *om = &c->m[c->ct[k - 1].mention];
            int ms = om->compound >= 0 ? c->m[om->compound].start : om->start;
            while (ms > 0 && (c->ct[ms - 1].wflags & WF_DET) && c->ct[ms - 1].role == TR_NONE)
                ms--;
            /* (also across "that" after a hope named by a verb or a noun: "expressed hope
             * that Pyongyang and Washington would hold a second summit") */
            static const char *const hopes[] = {"HOPE", "HOPES", "HOPED", "HOPING", "WISH", "WISHES", "WISHED"};
            bool hoped = ms > 1 && KEY_IS(c, ms - 1, "THAT") && key_among(c, ms - 2, hopes, DT_ARRAY_LEN(hopes));
            if (hoped || (ms > 0 && c->ct[ms - 1].role == TR_VERB && (c->ct[ms - 1].wflags & WF_INTENT))) {
                trace_printf(c, "verb \"%s\": what a hope or wish asks of others, not coded\n",
                             span_text(c, vo->start, vo->end));
                return;
            }
        }
    }
    /* "demanded that Iran release the sailors": the content of an appeal or demand. */
    if (last.asked >= 0) {
        int j = last.asked;
        int e = c->v[j].end;
        /* (also "insisted that", a phrase that ends in "that") */
        /* (and what a hope or expectation about another side asks for: "hopes Russia and
         * Ukraine will resume negotiations", an appeal by a verb of wishing) */
        /* (a demand in a relative clause ends with it: "Erdogan, who has demanded that
         * Riyadh prove ..., met Pompeo") */
        if (((e < c->ntok && KEY_IS(c, e, "THAT")) || KEY_IS(c, e - 1, "THAT") ||
             ((c->ct[c->v[j].start].wflags & WF_INTENT) && !barrier_between(c, e, vo->start))) &&
            appeal_or_demand(c, j) &&
            !(vo->start > 0 && c->ct[vo->start - 1].barrier == 2 && tok_is_comma(c, vo->start - 1) &&
              relative_before(c, vo->start - 1))) {
            trace_printf(c, "verb \"%s\": what a demand or appeal asks for, not coded\n",
                         span_text(c, vo->start, vo->end));
            return;
        }
    }
    /* (a past form before a verb is still a verb: "pledged continued support"; whether the
     * verb is a noun here matters only when it has a verb entry) */
    bool noun_ctx = vo->verb != UINT32_MAX &&
                    (is_noun_use(c, vo) ||
                     (vo->noun != UINT32_MAX && vo->form != VF_ED && vo->form != VF_EN && next_is_verb(c, vo)));
    if (vo->verb != UINT32_MAX && !noun_ctx) {
        if (code_entry_timed(c, vi, vo->verb, protos, np, prev_subject))
            return;
        /* (a past intention before "to" is no noun: "promised to invest in Egypt" is not
         * "a promise to") */
        bool past_to = (vo->form == VF_ED || vo->form == VF_EN) && (c->ct[vo->start].wflags & WF_INTENT) &&
                       KEY_IS(c, vo->end, "TO");
        /* (nor is a verb negated right before it: "Putin did not threaten to use nuclear
         * weapons against NATO" is no threat read as the noun) */
        bool negated = vo->start > 0 && (c->ct[vo->start - 1].wflags & WF_NEG);
        if (vo->noun != UINT32_MAX && !past_to && !negated)
            (void)code_entry_timed(c, vi, vo->noun, protos, np, prev_subject);
        return;
    }
    if (vo->noun != UINT32_MAX) {
        if (noun_denied(c, vo->start)) {
            trace_printf(c, "noun \"%s\": what a negated verb of meaning names, not coded\n",
                         span_text(c, vo->start, vo->end));
            return;
        }
        (void)code_entry_timed(c, vi, vo->noun, protos, np, prev_subject);
        return;
    }
    trace_printf(c, "verb \"%s\" (%s): used as a noun here, not coded\n", span_text(c, vo->start, vo->end),
                 dict_str(c->d, c->d->verbs[vo->verb].lemma));
}

/* ---------------------------------------------------------------- sentence */

/* "Taliban attacks targeted Afghan security checkpoints, killing 23 members of the security
 * forces": coercion, an assault or a fight (roots 17-20) on a country, when the same
 * source's act of the same code in the sentence names a sector of that country, is that
 * act told vaguely; the named sector stands for it. */
static bool subsumed_by_sector(const dt_coder *c, const sevent *ev, int nev, int i, bool any_main)
{
    const char *t = code_str(c, ev[i].tgt);
    int root = code_root(c, ev[i].code);
    /* (a bare country: three letters) */
    if (!ev[i].tgt || root < 17 || !t[0] || !t[1] || !t[2] || t[3])
        return false;
    for (int j = 0; j < nev; j++) {
        if (j == i || ev[j].src != ev[i].src || !ev[j].tgt || (ev[j].subord && any_main) ||
            ev[j].code != ev[i].code)
            continue;
        const char *u = code_str(c, ev[j].tgt);
        if (strlen(u) == 6 && memcmp(u, t, 3) == 0)
            return true;
    }
    return false;
}

/* "Israel and Hamas agreed to a U.S.-brokered ceasefire", "held Russian-mediated talks":
 * an actor joined by a hyphen to a participle of brokering or mediating is the broker of
 * what the sentence's pair agreed to or held (a cooperative act, roots 03-08, coded both
 * ways): it mediates (045) with each of them. Not an actor that
 * made a thing ("U.S.-made jets"), nor a truce the pair broke (root 19 or 196). */
static void hyphen_brokers(dt_coder *c, sevent *ev, int *nev)
{
    int n0 = *nev;
    for (int mi = 0; mi < c->nm && n0 >= 2; mi++) {
        const mention *m = &c->m[mi];
        int e = m->end;
        if (e >= c->ntok || !(c->toks[e].flags & TOKF_HYPH) || m->type != MT_ACTOR || m->ncodes != 1 ||
            c->ct[e].verb < 0 || !broker_word(c, e))
            continue;
        const verbocc *vo = &c->v[c->ct[e].verb];
        if (vo->verb == UINT32_MAX)
            continue;
        /* ("facilitated" has no code of its own: here it is the mediation, 045) */
        const verb_entry *ve = &c->d->verbs[vo->verb];
        sid code = ve->code.code ? ve->code.code : coder_intern(c, "045", 3);
        const char *x = code_str(c, m->codes[0]);
        for (int i = 0; i < n0; i++) {
            int root = code_root(c, ev[i].code);
            if (root < 3 || root > 8 || same_country(x, code_str(c, ev[i].src)) ||
                same_country(x, code_str(c, ev[i].tgt)))
                continue;
            bool pair = false;
            for (int j = 0; j < n0 && !pair; j++)
                pair = j != i && ev[j].src == ev[i].tgt && ev[j].tgt == ev[i].src && ev[j].code == ev[i].code;
            if (!pair)
                continue;
            trace_printf(c, "broker \"%s\" joined to \"%s\": it mediates with the pair\n",
                         span_text(c, m->start, m->end), span_text(c, e, e + 1));
            add_sevent(c, ev, nev, m->codes[0], ev[i].src, code, mi, ev[i].smention, ve->rule, false,
                       false);
        }
    }
}

/* The words of tokens a..b as a string in the document's arena (the text span_text
 * gives, copied once); "" for no words. NULL when out of memory. */
static const char *span_copy(dt_coder *c, int a, int b)
{
    if (a < 0 || b <= a)
        return "";
    size_t st = c->toks[a].start;
    size_t en = c->toks[b - 1].start + c->toks[b - 1].len;
    return arena_strndup(&c->doc, c->norm.data + st, en - st);
}

static int emit_events(dt_coder *c, sevent *ev, int nev)
{
    /* Subordinate events only when nothing else was found. */
    bool any_main = false;
    for (int i = 0; i < nev; i++)
        any_main |= !ev[i].subord;
    const char *sent = NULL;
    const char *iss = NULL;
    int added = 0;
    for (int i = 0; i < nev; i++) {
        if (ev[i].subord && any_main)
            continue;
        if (subsumed_by_sector(c, ev, nev, i, any_main))
            continue;
        if (!sent) {
            /* the sentence and its issues, once for its events */
            char issues[256];
            size_t il = 0;
            issues[0] = 0;
            for (int k = 0; k < c->nissues; k++) {
                const char *t = dict_str(c->d, c->issues[k]);
                if (il + (il ? 1 : 0) + strlen(t) >= sizeof(issues))
                    break;
                il += str_join(issues + il, sizeof(issues) - il, ",", il ? 1 : 0, t);
            }
            sent = arena_strndup(&c->doc, c->norm.data, c->norm.len);
            iss = arena_strndup(&c->doc, issues, il);
            if (!sent || !iss)
                return DT_ENOMEM;
        }
        dt_event ebuf, *e = &ebuf;
        memset(e, 0, sizeof(*e));
        e->sentence = c->sentence;
        /* The code strings are the dictionary's or the coder's own, which live until the
         * next document like the event: no copy. */
        e->source = code_str(c, ev[i].src);
        e->target = code_str(c, ev[i].tgt);
        e->code = code_str(c, ev[i].code);
        const mention *sm = &c->m[ev[i].smention];
        e->source_text = span_copy(c, sm->start, sm->end);
        const mention *tm = ev[i].tmention >= 0 ? &c->m[ev[i].tmention] : NULL;
        if (tm && tm->start == tm->end) {
            /* a target borrowed from an earlier sentence: say where from */
            char from[48];
            if (tm->resolved_from == -2)
                snprintf(from, sizeof(from), "(their country)");
            else if (tm->resolved_from == -3)
                snprintf(from, sizeof(from), "(the protesters)");
            else
                snprintf(from, sizeof(from), "(sentence %d)", tm->resolved_from);
            e->target_text = arena_strndup(&c->doc, from, strlen(from));
        } else {
            e->target_text = tm ? span_copy(c, tm->start, tm->end) : "";
        }
        if (!e->source_text || !e->target_text)
            return DT_ENOMEM;
        dt_cameo info;
        if (dt_cameo_lookup(e->code, &info) == 0) {
            memcpy(e->root, info.root, 3);
            e->quad = info.quad;
            e->goldstein = info.goldstein;
        }
        e->issues = iss;
        e->rule = c->d->rules[ev[i].rule].text;
        e->sentence_text = sent;
        if (dict_push((void **)&c->events, &c->nevents, &c->capevents, sizeof(*e), e) < 0)
            return DT_ENOMEM;
        trace_printf(c, "event: %s %s %s  (%s)\n", e->source, e->target, e->code, e->rule);
        added++;
    }
    return added;
}

static void trace_analysis(dt_coder *c)
{
    if (!c->opts.explain)
        return;
    buf *t = &c->trace;
    buf_printf(t, "sentence %d: %.*s\n", c->sentence, (int)c->norm.len, c->norm.data ? c->norm.data : "");
    buf_puts(t, "tokens:");
    for (int i = 0; i < c->ntok; i++) {
        buf_putc(t, ' ');
        buf_append(t, c->keys.data + c->toks[i].key, c->toks[i].key_len);
        const ctok *k = &c->ct[i];
        if (k->role == TR_SKIP)
            buf_puts(t, "/skip");
        else if (k->role == TR_VERB)
            buf_puts(t, "/V");
        else if (k->role == TR_MENTION)
            buf_puts(t, "/A");
        else if (k->barrier)
            buf_puts(t, "/|");
    }
    buf_putc(t, '\n');
    static const char *const types[] = {"actor", "agent", "pronoun", "reference", "name"};
    for (int i = 0; i < c->nm; i++) {
        const mention *m = &c->m[i];
        buf_printf(t, "actor \"%s\" (%s):", span_text(c, m->start, m->end), types[m->type]);
        if (m->ncodes == 0)
            buf_puts(t, " no code");
        for (int q = 0; q < m->ncodes; q++)
            buf_printf(t, " %s", code_str(c, m->codes[q]));
        if (m->rule != UINT32_MAX && m->type != MT_REF && m->rule < c->d->nrules)
            buf_printf(t, "  (%s)", c->d->rules[m->rule].text);
        if (m->resolved_from >= 0 && m->type != MT_ACTOR)
            buf_printf(t, "  resolved from sentence %d", m->resolved_from);
        if (m->compound >= 0 && c->m[m->compound].ncompound > 1)
            buf_printf(t, "  [compound of %d]", c->m[m->compound].ncompound);
        buf_putc(t, '\n');
    }
    if (c->nissues) {
        buf_puts(t, "issues:");
        for (int i = 0; i < c->nissues; i++)
            buf_printf(t, " %s", dict_str(c->d, c->issues[i]));
        buf_putc(t, '\n');
    }
}

static int code_one_sentence(dt_coder *c, const char *s, size_t n)
{
    if (c->d->opt.tabari || c->d->opt.petrarch)
        return tabari_code_sentence(c, s, n);
    int rc = scan_sentence(c, s, n);
    if (rc < 0)
        return rc;
    if (c->ntok == 0)
        return 0;
    STAGE_START(coding_t);
    /* Clauses and the pattern caches serve the verbs (and the trace shows the clauses): a
     * sentence without verbs needs neither. */
    if (c->nv > 0 || c->opts.explain) {
        mark_barriers(c);
        size_t ntok = c->ntok <= MAX_TOKENS ? (size_t)c->ntok : MAX_TOKENS;
        memset(c->set_first, 0xff, sizeof(c->set_first[0]) * ntok);
    }
    c->nset_hits = 0;
    c->set_bits_ready = false;
    c->set_seen = c->set_ones;
    c->wpos_ready = false; /* the word index is built when a pattern first needs it */
    trace_analysis(c);
    int added = 0;
    /* A question asks; it does not report ("Would China invade Taiwan?"). */
    bool question = false;
    for (int i = c->ntok - 1; i >= 0 && i >= c->ntok - 3; i--) {
        if (!(c->toks[i].flags & TOKF_PUNCT))
            break;
        if (c->norm.data[c->toks[i].start] == '?')
            question = true;
    }
    /* (a sentence whose verbs are not coded has no subjects: the document memory reads
     * subject_of for every verb, which code_verb would otherwise have set) */
    if (question || c->discard_story || c->discard)
        for (int v = 0; v < c->nv; v++)
            c->subject_of[v] = -1;
    if (question) {
        trace_printf(c, "a question: no events\n");
    } else if (c->discard_story) {
        /* The whole document goes, including what earlier sentences coded. */
        c->nevents = 0;
        trace_printf(c, "discarded with its document (a story discard phrase)\n");
    } else if (c->discard) {
        trace_printf(c, "discarded (a discard phrase)\n");
    } else {
        proto protos[MAX_VERBS];
        int np = 0;
        int prev_subject = -1;
        /* (code_verb clears each verb's results as it comes to it: none is read before) */
        STAGE_START(verbs_t);
        verbs_before last = {-1, -1};
        for (int v = 0; v < c->nv; v++) {
            code_verb(c, v, protos, &np, &prev_subject, last);
            if (c->verb_matched[v])
                last.matched = v;
            if (asks_before(c, v))
                last.asked = v;
        }
        STAGE_ADD(c, STG_VERBS, verbs_t);
        /* "Talks between X and Y collapsed": an event noun that is the subject of an
         * event verb gives way to it. */
        for (int i = 0; i < np; i++) {
            if (!protos[i].noun)
                continue;
            int e = c->v[protos[i].verb].end;
            /* past the noun's partners ("talks between India and Pakistan failed") */
            if (e < c->ntok && (KEY_IS(c, e, "BETWEEN") || KEY_IS(c, e, "WITH") || KEY_IS(c, e, "AMONG"))) {
                int q = e + 1;
                while (q < c->ntok && q < e + 12 &&
                       (c->ct[q].role == TR_MENTION || ((c->ct[q].wflags & (WF_CONJ | WF_DET)) && c->ct[q].role == TR_NONE)))
                    q++;
                if (q > e + 1)
                    e = q;
            }
            while (e < c->ntok && (c->ct[e].wflags & (WF_ADVERB | WF_AUX | WF_HAVE)) && c->ct[e].role == TR_NONE)
                e++;
            bool superseded = false;
            /* (not by a participle that describes it: "an exchange mediated by the UAE") */
            bool described = e == c->v[protos[i].verb].end && e + 1 < c->ntok && (c->ct[e + 1].wflags & WF_BY) &&
                             c->ct[e].role == TR_VERB && c->ct[e].verb >= 0 &&
                             c->v[c->ct[e].verb].end == e + 1 &&
                             (c->v[c->ct[e].verb].form == VF_ED || c->v[c->ct[e].verb].form == VF_EN);
            for (int j = 0; j < np && !superseded && !described; j++)
                superseded = j != i && !protos[j].noun && c->v[protos[j].verb].start == e;
            /* Also when a mention-free gap leads to the verb ("talks ... collapsed"). */
            if (superseded) {
                trace_printf(c, "noun \"%s\": the subject of an event verb, which is coded instead\n",
                             span_text(c, c->v[protos[i].verb].start, c->v[protos[i].verb].end));
                memmove(&protos[i], &protos[i + 1], (size_t)(np - i - 1) * sizeof(protos[0]));
                np--;
                i--;
            }
        }
        if (c->discard) {
            trace_printf(c, "discarded (a discard rule)\n");
        } else {
            sevent ev[MAX_SENT_EVENTS];
            int nev = 0;
            for (int i = 0; i < np; i++)
                expand(c, &protos[i], ev, &nev);
            hyphen_brokers(c, ev, &nev);
            if (nev == 0)
                trace_printf(c, "no events\n");
            added = emit_events(c, ev, nev);
            /* (each event's root, asked below several times) */
            int root[MAX_SENT_EVENTS];
            for (int i = 0; i < nev; i++)
                root[i] = code_root(c, ev[i].code);
            int nctx = 0;
            bool material = true, judging = true;
            for (int i = 0; i < nev && nctx < (int)DT_ARRAY_LEN(c->ctx_src); i++)
                if (ev[i].tgt)
                    nctx++;
            if (nctx && c->nctx && c->ctx_sentence >= 0) {
                memcpy(c->pctx_src, c->ctx_src, sizeof(c->ctx_src));
                memcpy(c->pctx_tgt, c->ctx_tgt, sizeof(c->ctx_tgt));
                c->npctx = c->nctx;
                c->pctx_sentence = c->ctx_sentence;
            }
            nctx = 0;
            for (int i = 0; i < nev && nctx < (int)DT_ARRAY_LEN(c->ctx_src); i++)
                if (ev[i].tgt) {
                    c->ctx_src[nctx] = ev[i].src;
                    c->ctx_tgt[nctx++] = ev[i].tgt;
                    material &= root[i] >= 14;
                    judging &= root[i] == 11;
                }
            for (int i = 0; i < nev; i++) {
                int kind = act_kind(root[i]);
                const char *sc = code_str(c, ev[i].src);
                /* (a court: JUD after the country or IGO, or after IGOUNO) */
                if (ev[i].tgt && ((sc[3] == 'J' && sc[4] == 'U' && sc[5] == 'D') ||
                                  (sc[3] == 'U' && sc[4] == 'N' && sc[5] == 'O' && sc[6] == 'J' && sc[7] == 'U' && sc[8] == 'D'))) {
                    c->court_src = ev[i].src;
                    c->court_sentence = c->sentence;
                }
                if (kind < 0)
                    kind = root[i] == 2 || root[i] == 10                ? ACT_DEMAND
                           : code_begins(code_str(c, ev[i].code), "112") ? ACT_ACCUSE
                                                                         : -1;
                if (ev[i].tgt && kind >= 0) {
                    c->act_src[kind] = ev[i].src;
                    c->act_sentence[kind] = c->sentence;
                }
                /* (a show of force aimed at someone, "fired a missile over Japan", is a
                 * launch "the launch" may judge later, as one with no target is) */
                if (ev[i].tgt && code_is(code_str(c, ev[i].code), "150")) {
                    c->solo_src = ev[i].src;
                    c->solo_sentence = c->sentence;
                }
                const char *es = code_str(c, ev[i].src);
                /* (coercion or force only: kinds 1 and 2, not a group's demand or charge) */
                if (ev[i].tgt && (kind == ACT_COERCE || kind == ACT_FORCE) && armed_group(es)) {
                    c->armed_src = ev[i].src;
                    c->armed_tgt = ev[i].tgt;
                    c->armed_sentence = c->sentence;
                }
            }
            /* (the one actor of the sentence's concessions, offers and cooperation, which
             * "the move" welcomed later is; of a welcome (051), the one welcomed: "The United
             * States welcomed Berlin's move. Kyiv praised the decision" praises Berlin) */
            sid ysrc = SID_NONE;
            bool yone = true;
            for (int i = 0; i < nev && yone; i++) {
                int r = root[i];
                /* (a welcome of a court's act is no concession: the court's act stays the
                 * one "the decision" welcomed later is) */
                if (!ev[i].tgt || r < 3 || r > 8 || r == 4 || (c->court_sentence >= 0 && ev[i].tgt == c->court_src))
                    continue;
                sid who = r == 5 && code_is(code_str(c, ev[i].code), "051") ? ev[i].tgt : ev[i].src;
                yone = !ysrc || ysrc == who;
                ysrc = who;
            }
            /* (the two sides of the sentence's last fight, threat or truce, which "both
             * sides" named by a third party later are) */
            for (int i = nev - 1; i >= 0; i--) {
                int r = root[i];
                if (!ev[i].tgt || (r < 13 && r != 8) ||
                    strncmp(code_str(c, ev[i].src), code_str(c, ev[i].tgt), 3) == 0)
                    continue;
                c->fight_a = ev[i].src;
                c->fight_b = ev[i].tgt;
                c->fight_sentence = c->sentence;
                break;
            }
            if (yone && ysrc) {
                c->yield_src = ysrc;
                c->yield_sentence = c->sentence;
            } else if (ysrc) {
                /* (concessions by two actors: "the move" after them is neither's alone,
                 * nor the one of an earlier sentence) */
                c->yield_sentence = -1;
            }
            if (nctx) {
                c->ctx_material = material;
                c->ctx_judging = judging;
                c->nctx = nctx;
                c->ctx_sentence = c->sentence;
            }
        }
    }
    scan_commit_doc_context(c);
    c->sentence++;
    STAGE_ADD(c, STG_CODING, coding_t);
    return added;
}

/* ---------------------------------------------------------------- public API */

#ifdef DT_STAGE_TIMES
/* The scan's stages' time so far. */
static uint64_t scan_ticks(const dt_coder *c)
{
    uint64_t sum = 0;
    for (int k = 0; k <= STG_SCAN_LAST; k++)
        sum += c->stages.ticks[k];
    return sum;
}

/* bench/stages.sh: each stage's time per sentence, then sentences by what they yield. */
static void stage_report(const dt_coder *c)
{
    const coder_stages *st = &c->stages;
    if (!st->sentences)
        return;
    if (c->d->opt.tabari || c->d->opt.petrarch) {
        fprintf(stderr, "stage times: only the native coder is timed, not TABARI's or PETRARCH's rules\n");
        return;
    }
    uint64_t ticks = stage_now() - st->tick0, ns = stage_clock_ns() - st->ns0;
    double ns_tick = ticks ? (double)ns / (double)ticks : 0, per = ns_tick / (double)st->sentences;
    static const char *const names[STG_N] = {
        "scan: normalise", "scan: tokenize", "scan: token cache, lexemes, word filter",
        "scan: dateline, phrase walks", "scan: mentions", "scan: aliases, sorting, acronyms",
        "scan: pronouns", "scan: compounds, shared agents", "scan: agents' countries",
        "scan: references", "coding, all", "- verbs, all", "-- pattern loops, all", "--- the matcher"};
    uint64_t scan = scan_ticks(c);
    fprintf(stderr, "stage times: %llu sentences, nanoseconds a sentence\n", (unsigned long long)st->sentences);
    for (int k = 0; k < STG_N; k++) {
        fprintf(stderr, "  %-42s %7.0f\n", names[k], (double)st->ticks[k] * per);
        if (k == STG_SCAN_LAST)
            fprintf(stderr, "  %-42s %7.0f\n", "scan, all", (double)scan * per);
    }
    static const char *const kinds[SC_N] = {"no phrase, no verb", "phrases, no verb", "verbs, no event",
                                            "events"};
    double all = 0;
    for (int k = 0; k < SC_N; k++)
        all += (double)st->class_ticks[k];
    /* (the coder is made before the first document is read and freed after the last is
     * written: the rest is reading, splitting, output and waiting) */
    fprintf(stderr, "  %-42s %7.0f\n", "scan and coding, all", all * per);
    fprintf(stderr, "  %-42s %7.0f\n", "the rest: reading, splitting, output", ((double)ticks - all) * per);
    fprintf(stderr, "sentences by what they yield: count, share, ns a sentence (scan), share of the time\n");
    for (int k = 0; k < SC_N; k++) {
        double n = st->class_n[k] ? (double)st->class_n[k] : 1;
        fprintf(stderr, "  %-20s %9llu %5.1f %% %7.0f (%5.0f) %5.1f %%\n", kinds[k],
                (unsigned long long)st->class_n[k], 100.0 * (double)st->class_n[k] / (double)st->sentences,
                (double)st->class_ticks[k] / n * ns_tick, (double)st->class_scan[k] / n * ns_tick,
                all > 0 ? 100.0 * (double)st->class_ticks[k] / all : 0);
    }
    static const char *const ends[TRY_N] = {"no pattern, no fallback", "stopped or null", "coded"};
    uint64_t tries = st->try_n[TRY_EMPTY] + st->try_n[TRY_STOPPED] + st->try_n[TRY_CODED];
    fprintf(stderr, "verb-entry tries by how they end: count, share, ns a try (its pattern loop), share of the time\n");
    for (int k = 0; k < TRY_N && tries; k++) {
        double n = st->try_n[k] ? (double)st->try_n[k] : 1;
        fprintf(stderr, "  %-24s %9llu %5.1f %% %7.0f (%5.0f) %5.1f %%\n", ends[k],
                (unsigned long long)st->try_n[k], 100.0 * (double)st->try_n[k] / (double)tries,
                (double)st->try_ticks[k] / n * ns_tick, (double)st->try_patterns[k] / n * ns_tick,
                all > 0 ? 100.0 * (double)st->try_ticks[k] / all : 0);
    }
}
#endif

int dt_coder_new(dt_coder **out, const dt_dict *d, const dt_coder_opts *opts)
{
    *out = NULL;
    if (!d || !d->compiled) /* (dt_dict_load compiles; the scan reads the compiled trie) */
        return DT_EINVAL;
    dt_coder *c = calloc(1, sizeof(*c));
    if (!c)
        return DT_ENOMEM;
    c->d = d;
#ifdef DT_STAGE_TIMES
    c->stages.tick0 = stage_now();
    c->stages.ns0 = stage_clock_ns();
#endif
    c->set_diplomat = dict_find_set(d, "&DIPLOMAT");
    static const char *const lemmas[LM_N] = {
        [LM_PROTEST] = "protest", [LM_DEMONSTRATION] = "demonstration", [LM_STOP] = "stop",
        [LM_HALT] = "halt", [LM_CEASE] = "cease", [LM_QUIT] = "quit", [LM_RULE_OUT] = "rule out",
        [LM_REJECT] = "reject", [LM_DISMISS] = "dismiss", [LM_REFUSE] = "refuse",
        [LM_REBUFF] = "rebuff", [LM_TURN_DOWN] = "turn down"};
    for (int i = 0; i < LM_N; i++)
        c->lemma_sid[i] = lemmas[i] ? dict_find_str(d, lemmas[i], strlen(lemmas[i])) : SID_NONE;
    c->sid_cop = dict_find_str(d, "COP", 3);
    if (opts)
        c->opts = *opts;
    lexicon_init(&c->lx);
    arena_init(&c->doc, 64 * 1024);
    arena_init(&c->extra_mem, 16 * 1024);
    buf_init(&c->norm, 1 << 20);
    buf_init(&c->keys, 1 << 20);
    buf_init(&c->trace, 64u << 20);
    buf_init(&c->scratch, 1 << 20);
    c->date = DATE_NONE;
    if (d->nsets) {
        size_t nw = (d->nsets + 63) / 64;
        c->set_bits = calloc(2 * nw, sizeof(*c->set_bits));
        if (!c->set_bits) {
            dt_coder_free(c);
            return DT_ENOMEM;
        }
        memset(c->set_bits + nw, 0xff, nw * sizeof(*c->set_bits));
        c->set_ones = c->set_bits + nw;
    }
    *out = c;
    return 0;
}

void dt_coder_free(dt_coder *c)
{
    if (!c)
        return;
#ifdef DT_STAGE_TIMES
    stage_report(c);
#endif
    lexicon_free(&c->lx);
    arena_free(&c->doc);
    arena_free(&c->extra_mem);
    free(c->extra);
    free(c->extra_index);
    free(c->aliases);
    free(c->events);
    free(c->toks);
    free(c->set_bits);
    buf_free(&c->norm);
    buf_free(&c->keys);
    buf_free(&c->trace);
    buf_free(&c->scratch);
    tabari_state_free(c->tab);
    free(c);
}

int dt_coder_begin_doc(dt_coder *c, const char *date)
{
    arena_reset(&c->doc);
    c->nevents = 0;
    c->sentence = 0;
    c->location = SID_NONE;
    c->discard_story = false;
    c->nrecent = 0;
    c->next_group = 0;
    c->naliases = 0;
    memset(c->alias_bloom, 0, sizeof(c->alias_bloom));
    c->nlast_speaker = 0;
    c->ctx_sentence = -1;
    c->npctx = 0;
    c->pctx_sentence = -1;
    c->solo_sentence = -1;
    for (size_t k = 0; k < DT_ARRAY_LEN(c->act_sentence); k++)
        c->act_sentence[k] = -1;
    c->yield_sentence = -1;
    c->court_sentence = -1;
    c->fight_sentence = -1;
    c->armed_sentence = -1;
    buf_clear(&c->trace);
    c->date = DATE_NONE;
    if (date && *date) {
        int32_t day;
        if (dt_date_parse(date, strlen(date), &day))
            return DT_EDATE;
        c->date = day;
    }
    /* The coder's own code table grows with rare agent combinations; keep it bounded. */
    if (c->nextra > 100000) {
        arena_reset(&c->extra_mem);
        c->nextra = 0;
        memset(c->extra_index, 0, c->extra_index_cap * sizeof(*c->extra_index));
        memset(c->combine_memo, 0, sizeof(c->combine_memo));
    }
    return 0;
}

struct split_ctx {
    dt_coder *c;
    const char *text;
    int rc;
    int added;
};

/* code_one_sentence; under DT_STAGE_TIMES (stages.h) its time is also counted by what the
 * sentence yields. */
#ifdef DT_STAGE_TIMES
static int code_sentence(dt_coder *c, const char *s, size_t n)
{
    uint64_t scan0 = scan_ticks(c), t0 = stage_now();
    int r = code_one_sentence(c, s, n);
    uint64_t t = stage_now() - t0;
    int k = r > 0 ? SC_EVENTS : c->nv > 0 ? SC_VERBS : c->nm > 0 ? SC_PHRASES : SC_NOTHING;
    c->stages.sentences++;
    c->stages.class_n[k]++;
    c->stages.class_ticks[k] += t;
    c->stages.class_scan[k] += scan_ticks(c) - scan0;
    return r;
}
#else
#define code_sentence code_one_sentence
#endif

static void on_sentence(void *user, size_t start, size_t len)
{
    struct split_ctx *s = user;
    if (s->rc < 0)
        return;
    int r = code_sentence(s->c, s->text + start, len);
    if (r < 0)
        s->rc = r;
    else
        s->added += r;
}

int dt_coder_code(dt_coder *c, const char *text, size_t len, int as_one_sentence)
{
    if (!c || (!text && len))
        return DT_EINVAL;
    if (as_one_sentence)
        return code_sentence(c, text, len);
    struct split_ctx s = {c, text, 0, 0};
    dt_split_sentences(text, len, on_sentence, &s);
    return s.rc < 0 ? s.rc : s.added;
}

const dt_event *dt_coder_events(const dt_coder *c, size_t *n)
{
    *n = c->nevents;
    return c->events;
}

int dt_coder_sentence_count(const dt_coder *c)
{
    return c->sentence;
}

const char *dt_coder_trace(const dt_coder *c, size_t *len)
{
    if (len)
        *len = c->trace.len;
    return c->trace.data ? c->trace.data : "";
}
