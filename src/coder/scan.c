/* scan.c — the first half of coding a sentence: tokens, the dateline, dictionary
 * phrases (actors, agents, verbs, issues, discards), actor mentions with their agents,
 * compound actors, and references resolved from the document ("he", "the two leaders"). */
#include "coder.h"

#include <stdio.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---------------------------------------------------------------- helpers */

static bool tok_punct(const dt_coder *c, int i, char ch)
{
    if (i < 0 || i >= c->ntok)
        return false;
    const tok *t = &c->toks[i];
    return (t->flags & TOKF_PUNCT) && c->norm.data[t->start] == ch;
}

bool mention_same_actor(const dt_coder *c, const mention *a, const mention *b)
{
    (void)c;
    if (a->ncodes != b->ncodes || a->ncodes == 0)
        return false;
    for (int i = 0; i < a->ncodes; i++)
        if (a->codes[i] != b->codes[i])
            return false;
    return true;
}

/* Is code a country-based CAMEO code (three letters that are not IGO/NGO/...)? */
bool country_based(const char *code)
{
    /* (three capitals; a shorter code fails at its NUL, before the bytes past it) */
    for (int i = 0; i < 3; i++)
        if (!is_upper((unsigned char)code[i]))
            return false;
    /* International actors and regions (docs: regions.dict) are not countries. */
    switch ((uint32_t)(unsigned char)code[0] << 16 | (uint32_t)(unsigned char)code[1] << 8 | (unsigned char)code[2]) {
#define K3(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))
    case K3('I', 'G', 'O'): case K3('N', 'G', 'O'): case K3('M', 'N', 'C'): case K3('U', 'I', 'S'):
    case K3('I', 'N', 'T'): case K3('I', 'M', 'G'): case K3('U', 'A', 'F'): case K3('E', 'U', 'R'):
    case K3('A', 'F', 'R'): case K3('A', 'S', 'A'): case K3('M', 'E', 'A'): case K3('L', 'A', 'M'):
    case K3('S', 'A', 'M'): case K3('C', 'A', 'M'): case K3('N', 'M', 'R'): case K3('C', 'R', 'B'):
    case K3('A', 'R', 'B'): case K3('B', 'L', 'K'): case K3('S', 'E', 'A'): case K3('S', 'A', 'S'):
    case K3('W', 'S', 'T'):
#undef K3
        return false;
    default:
        return true;
    }
}

/* Combine an actor code with an agent (sector) code: PRK + MIL = PRKMIL. TABARI
 * prefix agents (NGO~) go in front. IGO/NGO actors keep their code. */
static sid combine_codes(dt_coder *c, sid actor, const agent_entry *ag, uint8_t actor_kind, bool former)
{
    const dt_dict *d = c->d;
    const char *a = code_str(c, actor);
    const char *s = code_str(c, ag->code);
    char out[96];
    size_t al = strlen(a), sl = strlen(s), ol;
    if (former && !d->opt.tabari)
        s = "ELI", sl = 3;
    if (ag->prefix) {
        if (al >= sl && memcmp(a, s, sl) == 0)
            return actor;
        ol = str_join(out, sizeof(out), s, sl, a);
    } else if (d->opt.tabari) {
        /* TABARI: add unless already there on a 3-character boundary. */
        for (size_t i = 0; i + sl <= al; i += 3)
            if (memcmp(a + i, s, sl) == 0)
                return actor;
        ol = str_join(out, sizeof(out), a, al, s);
    } else {
        if (!country_based(a))
            return actor;
        /* People and groups keep their own code ("Kim's government" is still Kim). */
        if (al > 3 && (actor_kind == AK_PERSON || actor_kind == AK_GROUP || actor_kind == AK_ORG) &&
            !former)
            return actor;
        ol = str_join(out, sizeof(out), a, 3, s);
    }
    /* Codes the dictionary does not hold live in the coder's own table. */
    return coder_intern(c, out, ol);
}

/* combine_codes, its last results kept (c->combine_memo): of the arguments, it reads the
 * actor, the agent's code and prefix flag, former, and whether the actor is a person, group
 * or organisation. */
static sid combine(dt_coder *c, sid actor, const agent_entry *ag, uint8_t actor_kind, bool former)
{
    bool own = actor_kind == AK_PERSON || actor_kind == AK_GROUP || actor_kind == AK_ORG;
    enum { MEMO_PREFIX = 1, MEMO_FORMER = 2, MEMO_OWN = 4, MEMO_USED = 8 };
    uint32_t flags =
        MEMO_USED | (ag->prefix ? MEMO_PREFIX : 0) | (former ? MEMO_FORMER : 0) | (own ? MEMO_OWN : 0);
    struct combine_memo *m = &c->combine_memo[(actor * 0x9E3779B1u ^ ag->code * 0x85EBCA77u ^ flags) >> 24];
    if (m->flags == flags && m->actor == actor && m->agent == ag->code)
        return m->out;
    sid out = combine_codes(c, actor, ag, actor_kind, former);
    if (out != SID_NONE)
        *m = (struct combine_memo){actor, ag->code, out, flags};
    return out;
}

/* ---------------------------------------------------------------- trie */

typedef struct phrase_hit {
    const phrase_payload *pl;
    int len;            /* tokens */
    bool exact;         /* every word matched as itself, not by an ending */
} phrase_hit;           /* 16 bytes: walk clears seven of them per token */

typedef struct scan_best {
    union {
        struct { phrase_hit actor, agent, verb, evnoun, ref, noun, adj; }; /* (WH_* order) */
        phrase_hit hit[WH_N];
    };
    bool discard, discard_story;
} scan_best;

/* A PK_ISSUE payload met by a walk: the sentence's issue, once. */
static void note_issue(dt_coder *c, uint32_t index)
{
    for (int x = 0; x < c->nissues; x++)
        if (c->issues[x] == index)
            return;
    if (c->nissues < (int)DT_ARRAY_LEN(c->issues))
        c->issues[c->nissues++] = index;
}

/* Whether a walk whose first step is f may go on to token `next`: some word of that token
 * may be one that goes on from f's nodes (its bit is in f->follow). When not, no node of
 * f->next has a child for any of the token's words, and the walk ends with its first step. */
static inline bool walk_goes_on(const dt_coder *c, const walk_first *f, int next)
{
    /* (the lexicon keeps the follow bits of a lexeme's matches, or-ed, in the pool word
     * before them: lexicon.c, compute) */
    return (c->ct[next].match[-1] & f->follow) != 0;
}

/* Longest match of each kind starting at token i. */
static void walk(dt_coder *c, int i, scan_best *b)
{
    const dt_dict *d = c->d;
    /* (seven 16-byte stores: a memset compiles to a slow string store) */
#if defined(__SSE2__) && defined(__x86_64__)
    _Static_assert(sizeof(phrase_hit) == 16, "a hit is one vector store");
    for (int k = 0; k < WH_N; k++)
        _mm_storeu_si128((__m128i *)(void *)&b->hit[k], _mm_setzero_si128());
#else
    for (int k = 0; k < WH_N; k++)
        b->hit[k] = (phrase_hit){NULL, 0, false};
#endif
    b->discard = b->discard_story = false;
    if (i >= c->ntok || c->ct[i].role == TR_SKIP)
        return;
    /* (a node by its run of children: dict_step_at) */
    struct { uint32_t at; int pos; bool exact, verbform; } stack[256];
    int sp = 0;
    if (c->ct[i].walk1) {
        /* The first word's step as the token's lexeme keeps it (lexicon.c, first_step):
         * its one-word hits, then the nodes to go on from, in the order the loop below
         * would have met them. */
        const walk_first *f = &c->lx.wf[c->ct[i].walk1 - 1];
        for (unsigned m = f->hits; m; m &= m - 1) {
            int k = __builtin_ctz(m);
            b->hit[k].pl = handle_payload(d, f->hit[k]);
            b->hit[k].len = 1;
            b->hit[k].exact = (f->exact >> k) & 1;
        }
        for (int k = 0; k < f->nissue; k++)
            note_issue(c, f->issue[k]);
        b->discard = f->discard & 1;
        b->discard_story = (f->discard & 2) != 0;
        /* (none when no word of the next token goes on from them) */
        int nnext = f->nnext && i + 1 < c->ntok && walk_goes_on(c, f, i + 1) ? f->nnext : 0;
        for (int k = 0; k < nnext; k++) {
            stack[sp].at = f->next[k];
            stack[sp].pos = i + 1;
            stack[sp].exact = (f->next_exact >> k) & 1;
            stack[sp].verbform = (f->next_verbform >> k) & 1;
            sp++;
        }
    } else {
        stack[sp].at = 0;
        stack[sp].pos = i;
        stack[sp].exact = true;
        stack[sp].verbform = false;
        sp++;
    }
    while (sp > 0) {
        sp--;
        uint32_t at = stack[sp].at;
        int pos = stack[sp].pos;
        bool path_exact = stack[sp].exact;
        bool path_verbform = stack[sp].verbform;
        if (pos >= c->ntok || c->ct[pos].role == TR_SKIP)
            continue;
        const ctok *t = &c->ct[pos];
        for (uint16_t k = 0; k < t->nmatch; k++) {
            uint32_t child = dict_step_at(d, at, t->match[k]);
            if (!child)
                continue;
            const trie_node *tn = &d->nodes[child];
            int len = pos + 1 - i;
            bool exact = path_exact && k == 0 && t->exact;
            /* a word reached by a verb ending (-ed -en -ing) names no actor or agent */
            bool verbform = path_verbform || k >= t->vfrom;
            for (uint32_t p = 0; p < tn->npayloads; p++) {
                const phrase_payload *pl = node_payload(d, tn, p);
                if (pl->kind == PK_ISSUE) {
                    note_issue(c, pl->index);
                } else if (pl->kind == PK_DISCARD) {
                    b->discard = true;
                    if (pl->form)
                        b->discard_story = true;
                }
                int slot = walk_slot(pl, verbform);
                if (slot < 0)
                    continue;
                /* Longest wins; on a tie, the reading whose words matched as
                 * themselves ("kicked" the verb form, not "kick" + ending). */
                phrase_hit *h = &b->hit[slot];
                if (len > h->len || (len == h->len && exact && !h->exact)) {
                    h->len = len;
                    h->pl = pl;
                    h->exact = exact;
                }
            }
            if (tn->kids && sp < (int)DT_ARRAY_LEN(stack)) {
                stack[sp].at = tn->kids;
                stack[sp].pos = pos + 1;
                stack[sp].exact = exact;
                stack[sp].verbform = verbform;
                sp++;
            }
        }
    }
}

/* ---------------------------------------------------------------- dateline */

/* "SEOUL, June 12 (Reuters) -", "DUBAI, United Arab Emirates —", "BEIJING :". */
static void strip_dateline(dt_coder *c)
{
    if (c->ntok < 3)
        return;
    const tok *t0 = &c->toks[0];
    if (!(t0->flags & TOKF_ALLCAP) || !(t0->flags & TOKF_WORD) || t0->key_len < 3)
        return;
    int limit = DT_MIN(c->ntok - 1, 16);
    int paren = 0;
    for (int i = 1; i <= limit; i++) {
        const tok *t = &c->toks[i];
        char ch = c->norm.data[t->start];
        if (t->flags & TOKF_PUNCT) {
            if (ch == '(') {
                paren++;
                continue;
            }
            if (ch == ')') {
                paren--;
                continue;
            }
            if (ch == ',' || ch == '.')
                continue;
            if ((ch == '-' || ch == ':') && paren == 0 && i >= 1) {
                if (i + 1 >= c->ntok)
                    return;
                for (int k = 0; k <= i; k++)
                    c->ct[k].role = TR_SKIP;
                trace_printf(c, "dateline: tokens 1-%d skipped\n", i + 1);
                return;
            }
            return;
        }
        if (paren > 0 || (t->flags & (TOKF_NUMBER | TOKF_CAP | TOKF_ALLCAP)))
            continue;
        return;
    }
}

/* ---------------------------------------------------------------- mentions */

/* A new mention of the tokens [start, end), the last in c->m. (The tokens' index stays
 * what index_mentions would make of it: theirs is now the highest index whose span holds
 * them, and the other tokens' is unchanged.) */
_Static_assert(sizeof(mention) == 88, "new_mention sets each field of a mention: a new one needs its line there");
static int new_mention(dt_coder *c, int start, int end, uint8_t type)
{
    if (c->nm >= MAX_MENTIONS)
        return -1;
    /* Field by field, every one (a memset of the whole, or an assignment of a struct
     * literal, is compiled to a string instruction, slower than these few stores). */
    mention *m = &c->m[c->nm];
    m->start = start;
    m->end = end;
    m->name_start = start;
    m->name_end = end;
    memset(m->codes, 0, sizeof(m->codes));
    m->ncodes = 0;
    m->kind = 0;
    m->type = type;
    c->mention_types |= (uint8_t)(1u << type);
    m->plural = 0;
    m->is_possessive_pron = 0;
    m->pair_own = 0;
    m->compound = -1;
    m->ncompound = 0;
    m->wished = false;
    m->rule = UINT32_MAX;
    m->ref = 0;
    m->resolved_from = -1;
    m->base = 0;
    for (int i = start; i < end; i++) {
        c->ct[i].role = TR_MENTION;
        c->ct[i].mention = (int16_t)c->nm;
    }
    return c->nm++;
}

static void set_codes_from_actor(dt_coder *c, mention *m, const actor_entry *a)
{
    m->ncodes = (int)dict_actor_codes(c->d, a, c->date, m->codes, MAX_CODES);
    m->kind = a->kind;
    m->rule = a->rule;
}

/* Skip determiners and titles at i, returning the first other token. */
static int skip_det(const dt_coder *c, int i)
{
    while (i < c->ntok && (c->ct[i].wflags & (WF_DET | WF_TITLE)) && c->ct[i].role == TR_NONE)
        i++;
    return i;
}

/* After "and"/"or" in a list of actors: determiners and up to two plain lower-case words
 * the dictionaries do not know ("Britain and key foreign allies"). */
static int skip_list_modifiers(const dt_coder *c, int i)
{
    i = skip_det(c, i);
    /* (a count, also an approximate one: "the United States and about 20 allies") */
    if (i + 1 < c->ntok && (c->toks[i + 1].flags & TOKF_NUMBER) &&
        (KEY_IS(c, i, "ABOUT") || KEY_IS(c, i, "SOME") || KEY_IS(c, i, "NEARLY") || KEY_IS(c, i, "AROUND") ||
         KEY_IS(c, i, "ALMOST")))
        i++;
    if (i < c->ntok && (c->toks[i].flags & TOKF_NUMBER))
        i++;
    for (int k = 0; k < 2 && i < c->ntok; k++) {
        const ctok *t = &c->ct[i];
        if (t->role != TR_NONE || t->wflags || t->nounword || !(t->tflags & TOKF_LOWER) ||
            !(t->tflags & TOKF_WORD))
            break;
        i++;
    }
    return i;
}

typedef struct unit {
    uint8_t kind;       /* PK_ACTOR, PK_AGENT, PK_REF, PK_VERB */
    int start, end;
    const phrase_payload *pl;     /* for PK_VERB: the verb reading, or NULL */
    const phrase_payload *noun;   /* for PK_VERB: the event-noun reading, or NULL */
} unit;

/* Whether walk(c, i) may go past its first step: the next word continues some phrase,
 * and (when the first step is kept) one that goes on from it. When not, every hit of the
 * walk is one word long. */
static inline bool walk_may_go_on(const dt_coder *c, int i)
{
    if (i + 1 >= c->ntok || !(c->ct[i + 1].starts & ST_INNER))
        return false;
    return !c->ct[i].walk1 || walk_goes_on(c, &c->lx.wf[c->ct[i].walk1 - 1], i + 1);
}

/* Whether walk(c, i) can find anything: a phrase the scan records begins at token i, and
 * either the word is one alone or the walk may go on. */
static inline bool walk_may_find(const dt_coder *c, int i)
{
    uint8_t st = c->ct[i].starts;
    if (!(st & ST_BEGINS))
        return false;
    return (st & ST_ALONE) || walk_may_go_on(c, i);
}

/* find_units at a token whose walk ends with its first step f: what the walk would give,
 * read from f without a scan_best. Its hits are all one word long, so no phrase can
 * overlap a longer one and "the ... of" does not arise: an actor, else an agent, else a
 * reference is the unit, and a verb or event noun only when none of them is there. Returns
 * the new count of units. */
static int first_step_unit(dt_coder *c, int i, const walk_first *f, unit *u, int n, int cap)
{
    const dt_dict *d = c->d;
    for (int k = 0; k < f->nissue; k++)
        note_issue(c, f->issue[k]);
    if (f->discard & 1) {
        c->discard = true;
        if (f->discard & 2)
            c->discard_story = true;
    }
    unsigned hits = f->hits;
    if (hits & (1u << WH_ADJ))
        c->ct[i].nounword = 2;
    else if (hits & (1u << WH_NOUN))
        c->ct[i].nounword = 1;
    if (n >= cap)
        return n;
    int slot = -1;
    uint8_t kind = 0;
    if (hits & (1u << WH_ACTOR))
        slot = WH_ACTOR, kind = PK_ACTOR;
    else if (hits & (1u << WH_AGENT))
        slot = WH_AGENT, kind = PK_AGENT;
    else if (hits & (1u << WH_REF))
        slot = WH_REF, kind = PK_REF;
    if (slot >= 0) {
        u[n++] = (unit){kind, i, i + 1, handle_payload(d, f->hit[slot]), NULL};
    } else if (hits & (1u << WH_VERB | 1u << WH_EVNOUN)) {
        u[n++] = (unit){PK_VERB, i, i + 1, hits & (1u << WH_VERB) ? handle_payload(d, f->hit[WH_VERB]) : NULL,
                        hits & (1u << WH_EVNOUN) ? handle_payload(d, f->hit[WH_EVNOUN]) : NULL};
    }
    return n;
}

/* The tokens at which find_units may find something, as a bit per token (bit i % 64 of
 * word i / 64; none past the last token): a phrase the scan records begins there, and the
 * word is one alone or the next word continues some phrase. (Without the test of the
 * first step's follow bits, walk_may_find's other part: find_units asks it at these.) */
enum { START_WORDS = (MAX_TOKENS + 63) / 64 };
static void phrase_starts(const dt_coder *c, uint64_t bits[START_WORDS])
{
    memset(bits, 0, START_WORDS * sizeof(*bits));
#if defined(__SSE2__) && defined(__x86_64__)
    /* Sixteen tokens a step from their lexemes' bit-field bytes (x: the tokens, y: the
     * tokens after them), each flag shifted up to its byte's top bit, which movemask
     * gathers. (The shifts are of 16-bit lanes: a lane's low byte moves bits into its high
     * byte's low bits, never into the top bit of either.) */
    for (int i = 0; i < c->ntok; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(c->lex_bits + i));
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(c->lex_bits + i + 1));
        __m128i begins = _mm_slli_epi16(x, 7 - LEX_STARTS_SHIFT);         /* ST_BEGINS: bit 0 of starts */
        __m128i alone = _mm_slli_epi16(x, 7 - LEX_STARTS_SHIFT - 1);      /* ST_ALONE: bit 1 */
        __m128i next_inner = _mm_slli_epi16(y, 7 - LEX_STARTS_SHIFT - 2); /* ST_INNER: bit 2 */
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(begins, _mm_or_si128(alone, next_inner)));
        bits[i >> 6] |= (uint64_t)m << (i & 63);
    }
#else
    for (int i = 0; i < c->ntok; i++) {
        unsigned st = c->ct[i].starts;
        bool next_inner = i + 1 < c->ntok && (c->ct[i + 1].starts & ST_INNER);
        if ((st & ST_BEGINS) && ((st & ST_ALONE) || next_inner))
            bits[i >> 6] |= 1ULL << (i & 63);
    }
#endif
}

/* The first token from i on whose bit is set, or n (the tokens' count) when none is. */
static inline int next_start(const uint64_t bits[START_WORDS], int i, int n)
{
    const int nw = (n + 63) >> 6; /* (the words that hold tokens) */
    int w = i >> 6;
    if (w >= nw)
        return n;
    uint64_t x = bits[w] & (~0ULL << (i & 63));
    while (!x) {
        if (++w >= nw)
            return n;
        x = bits[w];
    }
    return w * 64 + __builtin_ctzll(x);
}

/* The capitalized tokens that are not a possessive (the only ones that may be a name
 * used alone), as a bit per token like phrase_starts'. */
static void alias_candidates(const dt_coder *c, uint64_t bits[START_WORDS])
{
    memset(bits, 0, START_WORDS * sizeof(*bits));
#if defined(__SSE2__) && defined(__x86_64__)
    /* (as in phrase_starts: each flag shifted up to its byte's top bit) */
    _Static_assert(TOKF_CAP == 1 << 3 && TOKF_ALLCAP == 1 << 4 && TOKF_POSS == 1 << 5, "the flags' bits");
    for (int i = 0; i < c->ntok; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(c->tok_bits + i));
        __m128i cap = _mm_or_si128(_mm_slli_epi16(x, 7 - 3), _mm_slli_epi16(x, 7 - 4));
        __m128i named = _mm_andnot_si128(_mm_slli_epi16(x, 7 - 5), cap);
        bits[i >> 6] |= (uint64_t)(unsigned)_mm_movemask_epi8(named) << (i & 63);
    }
#else
    for (int i = 0; i < c->ntok; i++) {
        unsigned f = c->ct[i].tflags;
        if ((f & (TOKF_CAP | TOKF_ALLCAP)) && !(f & TOKF_POSS))
            bits[i >> 6] |= 1ULL << (i & 63);
    }
#endif
}

/* What the passes over mentions after the aliases look for, summed over the sentence's
 * tokens once: their TOKF_* flags of the low byte or-ed together (a possessive, a hyphen),
 * whether a capitalized word stands between two punctuation tokens ("(SDF)"), and whether
 * a token is "former" or "ex". A pass whose mark is in none of the sentence's tokens has
 * nothing to do and is not run. */
_Static_assert(TOKF_POSS < 0x100 && TOKF_HYPH < 0x100 && TOKF_PUNCT < 0x100 && TOKF_ALLCAP < 0x100,
               "the summary and tok_bits keep only the flags' low byte");
typedef struct tok_summary {
    unsigned flags;
    bool bracketed_caps;
    bool former;         /* (and whether a token is "former" or "ex": former_before) */
} tok_summary;

static tok_summary sentence_tok_summary(const dt_coder *c)
{
#if defined(__SSE2__) && defined(__x86_64__)
    _Static_assert(TOKF_PUNCT == 1 << 2 && TOKF_ALLCAP == 1 << 4, "the flags' bits");
    __m128i acc = _mm_setzero_si128(), br = _mm_setzero_si128(), lex = _mm_setzero_si128();
    for (int i = 0; i < c->ntok; i += 16) {
        lex = _mm_or_si128(lex, _mm_loadu_si128((const __m128i *)(const void *)(c->lex_bits + i)));
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(c->tok_bits + i));
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(c->tok_bits + i + 1));
        __m128i z = _mm_loadu_si128((const __m128i *)(const void *)(c->tok_bits + i + 2));
        acc = _mm_or_si128(acc, x);
        /* (as in phrase_starts: each flag shifted up to its byte's top bit) */
        br = _mm_or_si128(br, _mm_and_si128(_mm_and_si128(_mm_slli_epi16(x, 7 - 2), _mm_slli_epi16(y, 7 - 4)),
                                            _mm_slli_epi16(z, 7 - 2)));
    }
    acc = _mm_or_si128(acc, _mm_srli_si128(acc, 8));
    acc = _mm_or_si128(acc, _mm_srli_si128(acc, 4));
    acc = _mm_or_si128(acc, _mm_srli_si128(acc, 2));
    acc = _mm_or_si128(acc, _mm_srli_si128(acc, 1));
    return (tok_summary){(unsigned)_mm_cvtsi128_si32(acc) & 0xff, _mm_movemask_epi8(br) != 0,
                         _mm_movemask_epi8(_mm_slli_epi16(lex, 7 - LEX_FORMER_BIT)) != 0};
#else
    tok_summary sum = {0, false, false};
    for (int i = 0; i < c->ntok; i++) {
        sum.flags |= c->ct[i].tflags & 0xff;
        sum.former = sum.former || c->ct[i].former;
        if (i + 2 < c->ntok && (c->ct[i].tflags & TOKF_PUNCT) && (c->ct[i + 1].tflags & TOKF_ALLCAP) &&
            (c->ct[i + 2].tflags & TOKF_PUNCT))
            sum.bracketed_caps = true;
    }
    return sum;
#endif
}

/* Find the longest dictionary phrases left to right. Actors, agents and references win
 * over verbs of the same or shorter length. */
static int find_units(dt_coder *c, unit *u, int cap)
{
    int n = 0;
    const int ntok = c->ntok;
    /* The dateline's tokens are the only skipped ones (strip_dateline), and they come
     * first: past them, no token is asked again. */
    int i = 0;
    while (i < ntok && c->ct[i].role == TR_SKIP)
        i++;
    /* Only the tokens where a walk may find something are visited, found by their bits
     * (a test at every token mispredicted at a third of them). */
    uint64_t starts[START_WORDS];
    phrase_starts(c, starts);
    for (;;) {
        i = next_start(starts, i, ntok);
        if (i >= ntok)
            break;
        const ctok *t = &c->ct[i];
        /* (walk_may_find, its parts kept) */
        const walk_first *f = t->walk1 ? &c->lx.wf[t->walk1 - 1] : NULL;
        bool on = walk_may_go_on(c, i);
        if (!on && !(t->starts & ST_ALONE)) {
            i++;
            continue;
        }
        if (!on && f) {
            n = first_step_unit(c, i, f, u, n, cap);
            i++;
            continue;
        }
        scan_best b;
        walk(c, i, &b);
        if (b.discard) {
            c->discard = true;
            if (b.discard_story)
                c->discard_story = true;
        }
        if (b.noun.len)
            for (int k = i; k < i + b.noun.len; k++)
                c->ct[k].nounword = 1;
        if (b.adj.len)
            for (int k = i; k < i + b.adj.len; k++)
                c->ct[k].nounword = 2;
        phrase_hit best = b.actor;
        uint8_t kind = PK_ACTOR;
        if (b.agent.len > best.len) {
            best = b.agent;
            kind = PK_AGENT;
        }
        if (b.ref.len > best.len) {
            best = b.ref;
            kind = PK_REF;
            /* "the government of Chile", "the regime of Bashar al-Assad": the agent of the
             * actor named after "of", no reference back; its agent word is read from the
             * next token on. */
            int of = i + best.len;
            if (best.len >= 2 && KEY_IS(c, i, "THE") && of + 1 < c->ntok && KEY_IS(c, of, "OF") &&
                walk_may_find(c, skip_det(c, of + 1))) {
                scan_best b2;
                int save = c->nissues;
                walk(c, skip_det(c, of + 1), &b2);
                c->nissues = save;
                if (b2.actor.len > 0 && b2.actor.len >= b2.agent.len) {
                    i++;
                    continue;
                }
            }
        }
        int vlen = DT_MAX(b.verb.len, b.evnoun.len);
        /* Do not let a phrase swallow the start of a longer one that begins inside it
         * ("the North" in "the North Korean military"). */
        int blen = DT_MAX(best.len, vlen);
        if (blen >= 2) {
            bool overlapped = false;
            for (int j = i + 1; j < i + blen && !overlapped; j++) {
                /* (a walk that cannot go past its first step ends by i + blen) */
                if (!(c->ct[j].starts & ST_BEGINS) || !walk_may_go_on(c, j))
                    continue;
                scan_best b2;
                int save = c->nissues;
                walk(c, j, &b2);
                c->nissues = save;
                int e2 = j + DT_MAX(DT_MAX(b2.actor.len, b2.agent.len), DT_MAX(b2.verb.len, b2.evnoun.len));
                overlapped = e2 > i + blen;
            }
            if (overlapped) {
                i++;
                continue;
            }
        }
        if (vlen > best.len) {
            /* The verb and event-noun readings of the longest verb phrase. */
            unit x = {PK_VERB, i, i + vlen, b.verb.len == vlen ? b.verb.pl : NULL,
                      b.evnoun.len == vlen ? b.evnoun.pl : NULL};
            if (n < cap)
                u[n++] = x;
            i += vlen;
            continue;
        }
        if (best.len && n < cap) {
            u[n++] = (unit){kind, i, i + best.len, best.pl, NULL};
            i += best.len;
            continue;
        }
        i++;
    }
    return n;
}

static bool between_only(const dt_coder *c, int a, int b, uint32_t allowed_wf, bool allow_poss)
{
    for (int i = a; i < b; i++) {
        const ctok *t = &c->ct[i];
        if (allow_poss && (t->tflags & TOKF_POSS))
            continue;
        if (t->wflags & allowed_wf)
            continue;
        return false;
    }
    return true;
}

static const agent_entry *agent_of(const dt_coder *c, const unit *u)
{
    return u->kind == PK_AGENT ? &c->d->agents[u->pl->index] : NULL;
}

/* Whether a "former" (or "ex-") stands before token i, past up to two plain words and the
 * determiners. (Inline: asked for every unit, where the call cost as much as the tests.) */
static inline bool former_before(const dt_coder *c, int i)
{
    if (!c->has_former)
        return false;
    int k = i - 1;
    /* "the former president", "former interim president", "ex-acting mayor" */
    for (int mods = 0; k >= 0 && mods < 2 && c->ct[k].wflags == 0 && c->ct[k].role == TR_NONE &&
                       (c->toks[k].flags & TOKF_LOWER);
         mods++)
        k--;
    while (k >= 0 && (c->ct[k].wflags & WF_DET))
        k--;
    return k >= 0 && (c->ct[k].wflags & WF_FORMER);
}

/* A two-letter family name written first ("Li Keqiang", "Wu Qian", "Ma Zhaoxu": "Li"
 * alone later), not a word that opens sentences ("He", "In", "As"). */
static bool short_family_name(const dt_coder *c, int i, const mention *m)
{
    static const char *const words[] = {"HE", "IN", "ON", "AT", "AS", "IS", "AN", "OF", "TO", "BY",
                                        "OR", "NO", "SO", "DO", "GO", "UP", "MY", "WE", "ME", "BE",
                                        "IF", "IT", "US", "AM", "OH", "OK", "UN", "EU"};
    const tok *t = &c->toks[i];
    return t->key_len == 2 && i == m->name_start && m->name_end - m->name_start >= 2 &&
           (t->flags & TOKF_CAP) && !(t->flags & TOKF_ALLCAP) &&
           !key_among(c, i, words, DT_ARRAY_LEN(words));
}

/* Whether some alias of the document may have a key of this token hash (the filter's
 * bit is set): when not, none has. */
static inline bool alias_may_have(const dt_coder *c, uint64_t hash)
{
    return (c->alias_bloom[(hash & 1023) >> 6] >> (hash & 63)) & 1;
}

/* The alias whose key is token t's, or NULL (the document's aliases have distinct keys).
 * Callers ask the filter first (alias_of): most tokens are answered there, without a call. */
static alias *alias_search(const dt_coder *c, const tok *t)
{
    const char *key = c->keys.data + t->key;
    for (size_t a = c->naliases; a-- > 0;)
        if (c->aliases[a].hash == t->hash && c->aliases[a].len == t->key_len &&
            memcmp(c->aliases[a].key, key, t->key_len) == 0)
            return &c->aliases[a];
    return NULL;
}

static inline alias *alias_of(const dt_coder *c, const tok *t)
{
    return alias_may_have(c, t->hash) ? alias_search(c, t) : NULL;
}

/* A new alias of the document for token t's word (its codes are the caller's to set), or
 * NULL when out of memory. */
static alias *new_alias(dt_coder *c, const tok *t)
{
    alias al = {0};
    al.key = arena_strndup(&c->doc, c->keys.data + t->key, t->key_len);
    al.hash = t->hash;
    al.len = t->key_len;
    if (!al.key || dict_push((void **)&c->aliases, &c->naliases, &c->capaliases, sizeof(al), &al) < 0)
        return NULL;
    c->alias_bloom[(t->hash & 1023) >> 6] |= 1ull << (t->hash & 63);
    return &c->aliases[c->naliases - 1];
}

/* Person names used alone later in the document ("Kim", "Trump"). */
static void remember_alias(dt_coder *c, const mention *m)
{
    if (m->kind != AK_PERSON || m->ncodes == 0)
        return;
    int idx[2] = {m->name_start, m->name_end - 1};
    for (int k = 0; k < 2; k++) {
        int i = idx[k];
        if (k == 1 && idx[1] == idx[0])
            break;
        const tok *t = &c->toks[i];
        if (!(t->flags & (TOKF_CAP | TOKF_ALLCAP)) || (t->key_len < 3 && !short_family_name(c, i, m)) ||
            (c->ct[i].wflags & ~0u & (WF_TITLE | WF_DET)))
            continue;
        alias *found = alias_of(c, t);
        if (!found && !(found = new_alias(c, t)))
            return;
        found->ncodes = m->ncodes;
        found->kind = AK_PERSON;
        memcpy(found->codes, m->codes, sizeof(sid) * (size_t)m->ncodes);
    }
}

/* Token i names a state's mission abroad: "embassy", "consulate" (and "mission" when
 * with_mission). */
static bool mission_word(const dt_coder *c, int i, bool with_mission)
{
    return KEY_IS(c, i, "EMBASSY") || KEY_IS(c, i, "EMBASSIES") || KEY_IS(c, i, "CONSULATE") ||
           KEY_IS(c, i, "CONSULATES") || (with_mission && KEY_IS(c, i, "MISSION"));
}

/* "the Chinese embassy", "Russia's consulate": a mention naming a state's mission abroad. */
static bool diplomatic_mission(const dt_coder *c, const mention *m)
{
    for (int i = m->end - 1; i <= m->end && i < c->ntok; i++)
        if (i >= m->start && mission_word(c, i, false))
            return true;
    return false;
}

/* The document's location: the dateline country or the first country named. */
static sid location(dt_coder *c, int upto)
{
    if (c->location)
        return c->location;
    for (int i = 0; i < c->nm && i < upto + 64; i++) {
        const mention *m = &c->m[i];
        /* A country's embassy or consulate is not where things happen: "a vigil outside
         * the Chinese embassy in London" is in Britain. */
        if (diplomatic_mission(c, m))
            continue;
        /* Nor are a nationality's civilians ("kidnapped two French tourists"): often abroad,
         * they do not say where the act was or whose its agents are. */
        if (m->ncodes > 0 && code_len_is(code_str(c, m->codes[0]), 6) && code_is(code_str(c, m->codes[0]) + 3, "CVL"))
            continue;
        if (m->ncodes > 0 && m->type == MT_ACTOR && country_based(code_str(c, m->codes[0]))) {
            char cc[4];
            memcpy(cc, code_str(c, m->codes[0]), 3);
            cc[3] = 0;
            return coder_intern(c, cc, 3);
        }
    }
    return SID_NONE;
}

/* Three letters as one number, to compare sectors ("MIL") at the cost of an integer. */
static uint32_t pack3(const char *s)
{
    return (uint32_t)(unsigned char)s[0] << 16 | (uint32_t)(unsigned char)s[1] << 8 | (unsigned char)s[2];
}

/* Whether code is a country's actor of that sector ("PAKMIL" for "MIL"). */
static bool sector_code(const char *code, const char *sector)
{
    return strlen(code) == 6 && strcmp(code + 3, sector) == 0 && country_based(code);
}

/* The country of an agent alone named before it in the document: the last actor of the
 * same sector that ended in the same word, in its sentence and then in the last eight
 * sentences ("Pakistan's army denied the charge. The army said ..."), else the last
 * subject of an event of that sector there ("Niger's junta ordered the French ambassador
 * to leave. The junta also accused France"), else the last actor of that sector there;
 * whatever country the article named first or its dateline. */
static sid same_sector_before(dt_coder *c, int mi, const char *sector)
{
    const mention *m = &c->m[mi];
    uint64_t head = c->toks[m->end - 1].hash;
    for (int j = mi - 1; j >= 0; j--) {
        const mention *o = &c->m[j];
        if (o->ncodes > 0 && o->type == MT_ACTOR && o->end <= m->start && o->end > o->start &&
            c->toks[o->end - 1].hash == head && sector_code(code_str(c, o->codes[0]), sector))
            return coder_intern(c, code_str(c, o->codes[0]), 3);
    }
    /* (not for an agent named as new, "a special envoy", or as someone's, "Xi's special
     * envoy": they name nobody before them) */
    int p = m->start - 1;
    bool anew = p >= 0 && (KEY_IS(c, p, "A") || KEY_IS(c, p, "AN") || KEY_IS(c, p, "ANOTHER") ||
                           (c->toks[p].flags & TOKF_POSS) || KEY_IS(c, p, "'S"));
    int tot = DT_MIN(c->nrecent, DOC_RECENT);
    uint32_t want = code_len_is(sector, 3) ? pack3(sector) : 1;
    bool is_gov = code_is(sector, "GOV");
    bool two = m->end - m->start >= 2;
    uint64_t prev = two ? c->toks[m->end - 2].hash : 0;
    const doc_mention *subj = NULL, *any = NULL, *tit = NULL;
    for (int k = 1, at = (int)((unsigned)c->nrecent % DOC_RECENT); k <= tot; k++) {
        at = at > 0 ? at - 1 : DOC_RECENT - 1;
        const doc_mention *dm = &c->recent[at];
        if (c->sentence - dm->sentence > 8)
            break;
        /* (most entries are of another sector: they are passed first, at the cost of one
         * test; want is never 0, the sector of a code of no sector) */
        if (dm->sector != want) {
            /* (for a government office, a state that acted stands for its government: "Iran
             * summoned the British ambassador. The foreign ministry called the move piracy") */
            if (is_gov && !anew && !subj && dm->subject && dm->ncodes == 1 && dm->sector == 0 &&
                strlen(code_str(c, dm->codes[0])) == 3 && country_based(code_str(c, dm->codes[0])))
                subj = dm;
            continue;
        }
        /* (a title of two words names the one it was the title of: "U.S. Secretary of State
         * Antony Blinken met Chinese Foreign Minister Wang Yi. The foreign minister ...") */
        bool titled = two && dm->title == head && dm->title_prev == prev;
        if (dm->head != head && !titled && (anew || subj))
            continue;
        const char *code = code_str(c, dm->codes[0]);
        if (!country_based(code))
            continue;
        if (dm->head == head || (titled && dm->subject))
            return coder_intern(c, code, 3);
        /* (of two so titled, the subject: "Indian Foreign Minister S. Jaishankar met Chinese
         * Foreign Minister Wang Yi. The foreign minister ..." is Jaishankar) */
        if (titled) {
            if (!tit)
                tit = dm;
            continue;
        }
        /* (not the side of another actor of its sentence, "Kim had a conversation with the
         * envoys" are not Kim's, nor of the country of one named after it, what it acts on:
         * "KYIV - Russian forces invaded Ukraine. The army said it had shot down five Russian
         * aircraft" is not Russia's army; "Colombian police arrested two guerrilla
         * commanders" may be Colombia's) */
        bool other = false;
        for (int j = 0; j < c->nm && !other; j++)
            other = j != mi && c->m[j].ncodes > 0 &&
                    (c->m[j].codes[0] == dm->codes[0] ||
                     (c->m[j].start >= m->end && strncmp(code_str(c, c->m[j].codes[0]), code, 3) == 0));
        if (other)
            continue;
        if (dm->subject)
            subj = dm;
        else if (!any)
            any = dm;
    }
    if (tit)
        subj = tit;
    if (!subj)
        subj = any;
    return subj ? coder_intern(c, code_str(c, subj->codes[0]), 3) : SID_NONE;
}

/* "Thousands of Cubans took to the streets in anti-government protests": the government
 * protested against in "anti-government" is that of the sentence's first actor (the
 * protesters' own), not the last government named before (a foreign leader backing them). */
static bool anti_government(const dt_coder *c, const mention *m)
{
    return m->start > 0 && (c->toks[m->start].flags & TOKF_HYPH) && KEY_IS(c, m->start - 1, "ANTI") &&
           m->end == m->start + 1 && KEY_IS(c, m->start, "GOVERNMENT");
}

/* A state's own institution named alone, parliament or the courts (LEG, JUD), is that of
 * the country of the sentence's first actor, when it comes before it: "The president asked
 * parliament to impose martial law" is the president's parliament, whatever country the
 * article named first. */
static sid own_institution(dt_coder *c, int mi, const char *sector)
{
    if (!code_is(sector, "LEG") && !code_is(sector, "JUD") && !anti_government(c, &c->m[mi]))
        return SID_NONE;
    for (int j = 0; j < mi; j++) {
        const mention *o = &c->m[j];
        if (o->ncodes <= 0)
            continue;
        const char *k = code_str(c, o->codes[0]);
        return o->ncodes == 1 && o->end <= c->m[mi].start && country_based(k) ? coder_intern(c, k, 3) : SID_NONE;
    }
    return SID_NONE;
}

/* Before the document has a location: whether the first country an official's agent
 * `m` would take is named only after a verb that follows it in its own sentence (what
 * the official acts on, not where the official is: "The Justice Department charged two
 * Chinese hackers"; "Foreign Minister X of Lebanon", "police in Nairobi" keep theirs). */
static bool named_later_only(const dt_coder *c, const mention *m)
{
    for (int i = 0; i < c->nm; i++) {
        const mention *o = &c->m[i];
        if (o == m || diplomatic_mission(c, o) || o->ncodes <= 0 || o->type != MT_ACTOR ||
            !country_based(code_str(c, o->codes[0])))
            continue;
        if (o->start < m->end || (o->start > 0 && (KEY_IS(c, o->start - 1, "OF") || KEY_IS(c, o->start - 1, "IN"))))
            return false;
        /* (the official is the subject of that verb, not a word joined to another:
         * "anti-government protests erupted across Iraq" is no act of the government) */
        if (c->toks[m->start].flags & TOKF_HYPH)
            return false;
        int k = m->end;
        while (k < o->start && (c->ct[k].wflags & (WF_AUX | WF_HAVE | WF_ADVERB)) &&
               c->ct[k].role != TR_VERB)
            k++;
        return k < o->start && c->ct[k].role == TR_VERB;
    }
    return false;
}

/* AGENT of|for [the] [one or two names] AGENT, the first a leader, commander, chief or
 * spokesman: "the leader of the Renamo rebels", "a spokesman for the protesters". */
/* People sent by a body or come from a country, named "from" it: "a delegation from the
 * Red Cross", "officials from the United States", "refugees from Ukraine". */
static bool delegate_word(const dt_coder *c, int k)
{
    static const char *const words[] = {"DELEGATION", "DELEGATIONS", "DELEGATES", "OFFICIALS", "DIPLOMATS",
                                        "NEGOTIATORS", "ENVOYS", "REPRESENTATIVES", "ENVOY", "OFFICIAL",
                                        "REFUGEES", "MIGRANTS", "CITIZENS", "NATIONALS"};
    return key_among(c, k, words, DT_ARRAY_LEN(words));
}

/* The judges and prosecutors of an international court, named "at" it: "judges at the
 * International Criminal Court", "prosecutors at the tribunal". */
static bool bench_word(const dt_coder *c, int k)
{
    static const char *const words[] = {"JUDGES", "JUDGE", "PROSECUTORS", "PROSECUTOR"};
    return key_among(c, k, words, DT_ARRAY_LEN(words));
}

/* "-led" and a noun of armed force after it: "Saudi-led air strikes", "a U.S.-led
 * military operation", "the Russian-led offensive" (not "Egyptian-led mediation"). */
static bool led_force(const dt_coder *c, int k)
{
    static const char *const acts[] = {"STRIKES", "STRIKE", "AIRSTRIKES", "AIRSTRIKE", "RAIDS", "RAID",
                                       "BOMBING", "BOMBINGS", "BOMBARDMENT", "OFFENSIVE", "ASSAULT",
                                       "INVASION", "INTERVENTION", "BOMBERS", "AIRCRAFT", "JETS",
                                       "WARPLANES", "CAMPAIGN", "OPERATION", "OPERATIONS", "ATTACKS",
                                       "ATTACK"};
    /* (c->has_hyph first: most sentences have no hyphen, and the token's own flag, asked
     * at every actor, was a branch the processor could not predict) */
    if (!c->has_hyph || k + 1 >= c->ntok || !(c->toks[k].flags & TOKF_HYPH) || !KEY_IS(c, k, "LED"))
        return false;
    int n = k + 1;
    if (KEY_IS(c, n, "AIR") || KEY_IS(c, n, "MILITARY") || KEY_IS(c, n, "AERIAL") || KEY_IS(c, n, "GROUND"))
        n++;
    return n < c->ntok && key_among(c, n, acts, DT_ARRAY_LEN(acts));
}

/* An international organisation's name ("U.N.", "the EU"). */
static bool igo_unit(const dt_coder *c, const unit *u)
{
    const actor_entry *e = &c->d->actors[u->pl->index];
    if (e->kind != AK_ORG)
        return false;
    sid codes[MAX_CODES];
    size_t n = dict_actor_codes(c->d, e, c->date, codes, MAX_CODES);
    return n > 0 && strncmp(code_str(c, codes[0]), "IGO", 3) == 0;
}

/* STATE ['s] BODY AGENT, the body an international organisation and the agent one who
 * represents a state to it: "Israel's U.N. ambassador", "Russia's UN envoy"; or BODY ['s]
 * STATE AGENT, the body's envoy for a state: "the U.N.'s Syria envoy". The first named is
 * the owner either way. */
static bool state_delegate(const dt_coder *c, const unit *x, const unit *nx, const unit *ag)
{
    static const char *const words[] = {"AMBASSADOR", "AMBASSADORS", "ENVOY", "ENVOYS",
                                        "DELEGATION", "DELEGATE", "DELEGATES",
                                        "REPRESENTATIVE", "REPRESENTATIVES"};
    if (ag->kind != PK_AGENT || ag->start != nx->end || !key_among(c, ag->end - 1, words, DT_ARRAY_LEN(words)))
        return false;
    if (!(nx->start == x->end || (nx->start == x->end + 1 && (c->ct[x->end].tflags & TOKF_POSS))))
        return false;
    uint8_t xk = c->d->actors[x->pl->index].kind, nk = c->d->actors[nx->pl->index].kind;
    return (xk == AK_STATE && igo_unit(c, nx)) || (nk == AK_STATE && igo_unit(c, x));
}

static bool leader_of_group(const dt_coder *c, const unit *x, const unit *nx)
{
    static const char *const heads[] = {"LEADER",  "LEADERS",   "COMMANDER", "COMMANDERS",  "CHIEF",
                                        "CHIEFS",  "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON"};
    /* (the agent "head of" holds its "of": "the head of the military council") */
    bool of_in = x->end - x->start >= 2 && KEY_IS(c, x->end - 1, "OF") &&
                 (KEY_IS(c, x->end - 2, "HEAD") || KEY_IS(c, x->end - 2, "CHIEF"));
    if (!of_in && (!key_among(c, x->end - 1, heads, DT_ARRAY_LEN(heads)) || nx->start <= x->end ||
                   !(KEY_IS(c, x->end, "OF") || KEY_IS(c, x->end, "FOR"))))
        return false;
    int from = of_in ? x->end : x->end + 1;
    if (from == nx->start)
        return true;
    int q = skip_det(c, from);
    for (int names = 0; q < nx->start && names < 2; names++, q++)
        if (c->ct[q].role != TR_NONE || c->ct[q].wflags != 0 || !(c->toks[q].flags & TOKF_CAP))
            return false;
    return q == nx->start;
}

/* "European leaders", "Gulf states", "Western governments", "Arab countries": a name of
 * several states or their leaders, which "they" can stand for ("European leaders said
 * they would ..."). Not "the United States" or "the United Nations", nor the vague
 * unnamed states ("other countries", UIS), which a later "they" too often is not. */
static bool group_name_plural(const dt_coder *c, int start, int end)
{
    static const char *const heads[] = {"LEADERS", "STATES", "COUNTRIES", "GOVERNMENTS", "NATIONS",
                                        "POWERS", "ALLIES", "PARTNERS", "MINISTERS", "CAPITALS"};
    return end - start >= 2 && key_among(c, end - 1, heads, DT_ARRAY_LEN(heads)) &&
           !KEY_IS(c, end - 2, "UNITED");
}

/* A word for one who speaks for a body ("ministry spokesman"). */
static bool spokes_word(const dt_coder *c, int i)
{
    return KEY_IS(c, i, "SPOKESMAN") || KEY_IS(c, i, "SPOKESWOMAN") || KEY_IS(c, i, "SPOKESPERSON");
}

static void build_mentions(dt_coder *c, unit *u, int nu)
{
    for (int k = 0; k < nu; k++) {
        unit *x = &u[k];
        if (x->kind == PK_VERB) {
            if (c->nv < MAX_VERBS) {
                verbocc *v = &c->v[c->nv];
                v->start = x->start;
                v->end = x->end;
                v->verb = x->pl ? x->pl->index : UINT32_MAX;
                v->noun = x->noun ? x->noun->index : UINT32_MAX;
                v->form = x->pl ? x->pl->form : VF_OTHER;
                v->habitual = false;
                for (int i = x->start; i < x->end; i++) {
                    c->ct[i].role = TR_VERB;
                    c->ct[i].verb = (int16_t)c->nv;
                }
                c->nv++;
            }
            continue;
        }
        if (x->kind == PK_REF) {
            int mi = new_mention(c, x->start, x->end, MT_REF);
            if (mi >= 0) {
                c->m[mi].rule = x->pl->rule;
                c->m[mi].ref = (int)x->pl->index;
            }
            continue;
        }
        /* A capitalized agent word inside a longer proper name, after a capitalized word
         * the dictionaries do not know ("the Escuela General Santander academy", "Attorney
         * General"): part of a name, no title. */
        if (x->kind == PK_AGENT && x->start >= 2 && (c->toks[x->start].flags & TOKF_CAP) &&
            c->ct[x->start - 1].role == TR_NONE && c->ct[x->start - 1].nmatch == 0 &&
            (c->toks[x->start - 1].flags & (TOKF_WORD | TOKF_CAP | TOKF_ALLCAP)) == (TOKF_WORD | TOKF_CAP))
            continue;
        /* ... and one right before a capitalized "Treaty", "Agreement", "Accord", "Pact" or
         * "Convention": the name of a text ("the Intermediate-Range Nuclear **Forces**
         * Treaty", "a Status of Forces Agreement"), no body of the state before it. */
        if (x->kind == PK_AGENT && (c->toks[x->start].flags & TOKF_CAP) && x->end < c->ntok &&
            (c->toks[x->end].flags & TOKF_CAP) &&
            (KEY_IS(c, x->end, "TREATY") || KEY_IS(c, x->end, "AGREEMENT") || KEY_IS(c, x->end, "ACCORD") ||
             KEY_IS(c, x->end, "PACT") || KEY_IS(c, x->end, "CONVENTION")))
            continue;
        /* "pro-Russian separatists", "pro-government militias": the side they are for
         * describes them; it is no actor of theirs. */
        /* (c->has_hyph first, as in led_force) */
        if (c->has_hyph && x->start > 0 && (c->toks[x->start].flags & TOKF_HYPH) &&
            key_is_n(c, x->start - 1, "PRO", 3))
            continue;
        bool former = former_before(c, x->start);
        const agent_entry *ag = agent_of(c, x);
        if (x->kind == PK_ACTOR) {
            const actor_entry *ae = &c->d->actors[x->pl->index];
            /* ACTOR ['s] [words] AGENT : "South Korea's foreign ministry" */
            unit *nx = k + 1 < nu ? &u[k + 1] : NULL;
            /* "Israel's U.N. ambassador", "the Chinese UN envoy": a state's delegate to an
             * international body is the state's; the body only says where it sits. */
            int body = nx && nx->kind == PK_ACTOR && k + 2 < nu &&
                       state_delegate(c, x, nx, &u[k + 2]) ? 1 : 0;
            if (body)
                nx = &u[k + 2];
            /* "Saudi-led warplanes", "U.S.-led forces": the leader's own */
            bool led = c->has_hyph && nx && nx->start == x->end + 1 && (c->toks[x->end].flags & TOKF_HYPH) &&
                       key_is_n(c, x->end, "LED", 3);
            /* (not across "a" or "an": "branded the United States a terrorist state",
             * "called Netanyahu a terrorist" name the actor, they are no agent of it) */
            bool named_as = nx && nx->start > x->end && (KEY_IS(c, x->end, "A") || KEY_IS(c, x->end, "AN"));
            if (nx && nx->kind == PK_AGENT && nx->start - x->end <= 3 && !named_as &&
                (nx->start == x->end || between_only(c, x->end, nx->start, WF_DET, true) || led || body ||
                 (nx->start - x->end <= 2 && c->ct[x->end].tflags & TOKF_POSS))) {
                /* ACTOR AGENT PERSON: "Chinese President Xi Jinping" -> the person */
                unit *nn = k + 2 + body < nu ? &u[k + 2 + body] : NULL;
                if (nn && nn->kind == PK_ACTOR && nn->start == nx->end &&
                    c->d->actors[nn->pl->index].kind == AK_PERSON) {
                    int mi = new_mention(c, x->start, nn->end, MT_ACTOR);
                    if (mi < 0)
                        continue;
                    mention *m = &c->m[mi];
                    m->name_start = nn->start;
                    m->name_end = nn->end;
                    set_codes_from_actor(c, m, &c->d->actors[nn->pl->index]);
                    if (m->ncodes == 0 || former) {
                        /* The person has no code on this date: country + agent. */
                        sid base[MAX_CODES];
                        size_t nb = dict_actor_codes(c->d, ae, c->date, base, MAX_CODES);
                        m->ncodes = 0;
                        for (size_t q = 0; q < nb; q++)
                            m->codes[m->ncodes++] = combine(c, base[q], agent_of(c, nx), ae->kind, former);
                    }
                    remember_alias(c, m);
                    k += 2 + body;
                    continue;
                }
                /* "the Chinese defence ministry spokesman": the spokesman speaks for the
                 * body named before him; he is the body's. */
                unit *sp = k + 2 + body < nu ? &u[k + 2 + body] : NULL;
                bool spokes = sp && sp->kind == PK_AGENT && sp->start == nx->end && spokes_word(c, sp->start);
                int mi = new_mention(c, x->start, spokes ? sp->end : nx->end, MT_ACTOR);
                if (mi < 0)
                    continue;
                mention *m = &c->m[mi];
                set_codes_from_actor(c, m, ae);
                for (int q = 0; q < m->ncodes; q++)
                    m->codes[q] = combine(c, m->codes[q], agent_of(c, nx), ae->kind, former);
                m->plural = spokes ? 0 : nx->pl->form;
                if (ae->kind == AK_STATE)
                    m->kind = AK_ACTOR;
                k += (spokes ? 2 : 1) + body;
                continue;
            }
            /* "the U.S. side", "the Chinese side" (diplomatic usage): the state itself;
             * "side" is no verb there. */
            bool side = nx && nx->kind == PK_VERB && nx->start == x->end && nx->end == x->end + 1 &&
                        ae->kind == AK_STATE && x->start > 0 && KEY_IS(c, x->start - 1, "THE") &&
                        KEY_IS(c, x->end, "SIDE") && (c->toks[x->end].flags & TOKF_LOWER);
            int mi = new_mention(c, x->start, side ? x->end + 1 : x->end, MT_ACTOR);
            if (mi < 0)
                continue;
            if (side)
                k += 1;
            mention *m = &c->m[mi];
            set_codes_from_actor(c, m, ae);
            m->plural = m->ncodes == 1 && !code_is(code_str(c, m->codes[0]), "UIS") &&
                        group_name_plural(c, x->start, x->end);
            /* "Saudi-led air strikes", "the U.S.-led invasion": force led by a state is
             * its military's (the guidelines code a coalition by its leader's). */
            if (!side && ae->kind == AK_STATE && led_force(c, x->end)) {
                agent_entry mil = {dict_find_str(c->d, "MIL", 3), 0, 0};
                if (mil.code)
                    for (int q = 0; q < m->ncodes; q++)
                        m->codes[q] = combine(c, m->codes[q], &mil, AK_STATE, false);
            }
            if (former && ae->kind == AK_PERSON && !c->d->opt.tabari) {
                agent_entry eli = {dict_find_str(c->d, "ELI", 3), 0, 0};
                if (eli.code)
                    for (int q = 0; q < m->ncodes; q++)
                        m->codes[q] = combine(c, m->codes[q], &eli, AK_ACTOR, true);
            }
            remember_alias(c, m);
            continue;
        }
        /* AGENT */
        unit *nx = k + 1 < nu ? &u[k + 1] : NULL;
        /* "the leader of the Renamo rebels", "commander of the rebel forces": a leader of
         * a group is the group's; its agent is resolved from the group's phrase. */
        if (nx && (nx->kind == PK_AGENT || nx->kind == PK_REF) && leader_of_group(c, x, nx)) {
            /* ("the leader of the rebels": the reference stands for the leader too) */
            int mi = new_mention(c, x->start, nx->end, nx->kind == PK_REF ? MT_REF : MT_AGENT_ONLY);
            if (mi < 0)
                continue;
            c->m[mi].name_start = nx->start;
            c->m[mi].plural = x->pl->form;
            if (nx->kind == PK_REF) {
                c->m[mi].rule = nx->pl->rule;
                c->m[mi].ref = (int)nx->pl->index;
            } else {
                c->m[mi].rule = c->d->agents[nx->pl->index].rule;
            }
            k += 1;
            continue;
        }
        /* AGENT [of|in] [the] ACTOR: "the military of Myanmar", "leaders of Japan and ..." */
        if (nx && nx->kind == PK_ACTOR) {
            int gap_start = x->end;
            /* (after a possessive, "in" names where the owner's agent is: "its embassy in
             * Riyadh" is the owner's embassy, not Saudi Arabia's) */
            /* (and "from" is where the owner's envoy is recalled from: "recalled its own
             * envoy from Paris") */
            int ow = x->start > 1 && KEY_IS(c, x->start - 1, "OWN") ? x->start - 2 : x->start - 1;
            bool owned = ow >= 0 && c->ct[ow].role == TR_NONE && possessive_pronoun(c, ow);
            bool via_prep = gap_start < nx->start &&
                            (KEY_IS(c, gap_start, "OF") || (KEY_IS(c, gap_start, "IN") && !owned) ||
                             KEY_IS(c, gap_start, "FOR") ||
                             (KEY_IS(c, gap_start, "FROM") && !owned && delegate_word(c, x->end - 1)) ||
                             (KEY_IS(c, gap_start, "AT") && !owned && bench_word(c, x->end - 1) && igo_unit(c, nx))) &&
                            skip_det(c, gap_start + 1) == nx->start;
            /* ... and the place of the owner's mission stands for the host government it
             * deals with ("reopened its embassy in Damascus" -> SYRGOV) */
            int e = x->end - 1;
            if (owned && gap_start < nx->start && KEY_IS(c, gap_start, "IN") &&
                skip_det(c, gap_start + 1) == nx->start && mission_word(c, e, true)) {
                int mi = new_mention(c, x->start, x->end, MT_AGENT_ONLY);
                int hm = new_mention(c, nx->start, nx->end, MT_ACTOR);
                if (mi < 0 || hm < 0)
                    continue;
                c->m[mi].plural = x->pl->form;
                c->m[mi].rule = ag->rule;
                const actor_entry *ae = &c->d->actors[nx->pl->index];
                mention *m = &c->m[hm];
                set_codes_from_actor(c, m, ae);
                for (int q = 0; q < m->ncodes; q++)
                    m->codes[q] = combine(c, m->codes[q], ag, ae->kind, false);
                if (ae->kind == AK_STATE)
                    m->kind = AK_ACTOR;
                k += 1;
                continue;
            }
            bool direct = nx->start == x->end || skip_det(c, x->end) == nx->start;
            /* (a plural lower-case agent right before a state's name ends its phrase: "told
             * journalists Moscow would respond" is said to the journalists about Moscow) */
            if (direct && !via_prep && x->pl->form && (c->toks[x->end - 1].flags & TOKF_LOWER) &&
                c->d->actors[nx->pl->index].kind == AK_STATE)
                direct = false;
            if (via_prep || direct) {
                const actor_entry *ae = &c->d->actors[nx->pl->index];
                /* "a spokesman for the Chinese coast guard": he is the body's that follows
                 * the state's adjective, as "the Chinese coast guard spokesman" is. */
                const unit *body = via_prep && spokes_word(c, x->end - 1) && k + 2 < nu ? &u[k + 2] : NULL;
                if (body && (body->kind != PK_AGENT || body->start != nx->end))
                    body = NULL;
                int mi = new_mention(c, x->start, body ? body->end : nx->end, MT_ACTOR);
                if (mi < 0)
                    continue;
                mention *m = &c->m[mi];
                m->name_start = nx->start;
                m->name_end = nx->end;
                set_codes_from_actor(c, m, ae);
                for (int q = 0; q < m->ncodes; q++)
                    m->codes[q] = combine(c, m->codes[q], body ? agent_of(c, body) : ag, ae->kind, former);
                if (body) {
                    m->plural = 0;
                    if (ae->kind == AK_STATE)
                        m->kind = AK_ACTOR;
                    k += 2;
                    continue;
                }
                m->plural = x->pl->form;
                if (ae->kind == AK_STATE)
                    m->kind = AK_ACTOR;
                if (ae->kind == AK_PERSON)
                    remember_alias(c, m);
                /* "leaders of Japan and the United States": the agent applies to every
                 * member of the compound that follows. */
                if (via_prep) {
                    int kk = k + 2;
                    int pos = nx->end;
                    while (kk < nu && u[kk].kind == PK_ACTOR) {
                        int sep = pos;
                        bool sep_ok = false;
                        if (KEY_IS(c, sep, "AND") || KEY_IS(c, sep, "OR") || tok_punct(c, sep, ','))
                            sep_ok = skip_det(c, sep + 1) == u[kk].start ||
                                     (tok_punct(c, sep, ',') && KEY_IS(c, sep + 1, "AND") &&
                                      skip_det(c, sep + 2) == u[kk].start);
                        if (!sep_ok)
                            break;
                        const actor_entry *a2 = &c->d->actors[u[kk].pl->index];
                        int m2 = new_mention(c, u[kk].start, u[kk].end, MT_ACTOR);
                        if (m2 < 0)
                            break;
                        set_codes_from_actor(c, &c->m[m2], a2);
                        for (int q = 0; q < c->m[m2].ncodes; q++)
                            c->m[m2].codes[q] = combine(c, c->m[m2].codes[q], ag, a2->kind, former);
                        c->m[m2].kind = AK_ACTOR;
                        pos = u[kk].end;
                        kk++;
                    }
                    k = kk - 1;
                    continue;
                }
                k += 1;
                continue;
            }
        }
        /* AGENT after a pronoun or an actor alias: "his government", "Kim's regime" */
        int mi = new_mention(c, x->start, x->end, MT_AGENT_ONLY);
        if (mi < 0)
            continue;
        c->m[mi].plural = x->pl->form;
        c->m[mi].rule = ag->rule;
    }
}

/* ---------------------------------------------------------------- references */

/* One name of two states or more ("North and South Korea", "the two Koreas"): "they"
 * after it stands for them. */
static bool several_states(const dt_coder *c, const mention *m)
{
    return m->ncodes > 1 && country_based(code_str(c, m->codes[0])) && country_based(code_str(c, m->codes[1])) &&
           memcmp(code_str(c, m->codes[0]), code_str(c, m->codes[1]), 3) != 0;
}

/* The document's k-th mention back (1: the last remembered; k <= nrecent and DOC_RECENT).
 * (The index is never negative: as unsigned, its remainder is a multiply and a shift,
 * without the corrections for a negative dividend.) */
static inline const doc_mention *doc_back(const dt_coder *c, int k)
{
    return &c->recent[(unsigned)(c->nrecent - k) % DOC_RECENT];
}

/* Remember mention m in the document; returns its entry, or NULL when m has no code (it
 * is not remembered). */
static doc_mention *doc_push(dt_coder *c, const mention *m, bool subject, int group)
{
    if (m->ncodes <= 0)
        return NULL;
    /* (as unsigned: see doc_back) */
    doc_mention *dm = &c->recent[(unsigned)c->nrecent % DOC_RECENT];
    /* (all MAX_CODES, a copy of fixed size without a call; past ncodes nobody reads) */
    memcpy(dm->codes, m->codes, sizeof(dm->codes));
    dm->ncodes = m->ncodes;
    dm->kind = m->kind;
    /* (several_states asks for two codes: most mentions have one, and skip the call) */
    dm->plural = m->plural || m->ncompound > 1 || (m->ncodes > 1 && several_states(c, m));
    dm->subject = subject;
    dm->titled_one = false;
    dm->sentence = c->sentence;
    dm->group = group;
    dm->head = m->end > m->start ? c->toks[m->end - 1].hash : 0;
    /* (the two words before the person's own name, when the span has them: "Foreign
     * Minister" of "Chinese Foreign Minister Wang Yi"; compared only with an agent's words) */
    int t = m->name_start - 1;
    /* (... or the word of the agent before "of" or "for": "envoy" of "a special envoy of
     * the Association of Southeast Asian Nations") */
    if (t > m->start && (c->ct[t].wflags & WF_DET))
        t--;
    if (t > m->start && (KEY_IS(c, t, "OF") || KEY_IS(c, t, "FOR")))
        t--;
    bool titled = t > m->start && m->name_start < m->end;
    dm->title = titled ? c->toks[t].hash : 0;
    dm->title_prev = titled ? c->toks[t - 1].hash : 0;
    const char *code = code_str(c, m->codes[0]);
    dm->sector = m->ncodes == 1 && code_len_is(code, 6) ? pack3(code + 3) : 0;
    c->nrecent++;
    return dm;
}

const doc_mention *doc_find(const dt_coder *c, dm_pred pred, const void *arg, int max_back)
{
    int n = DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= n; k++) {
        const doc_mention *dm = doc_back(c, k);
        if (c->sentence - dm->sentence > max_back)
            return NULL;
        if (pred(dm, arg))
            return dm;
    }
    return NULL;
}

static bool pred_kind(const doc_mention *dm, const void *arg)
{
    uint8_t k = *(const uint8_t *)arg;
    if (k == AK_ACTOR)
        return true;
    if (k == AK_STATE)
        return dm->kind == AK_STATE || dm->kind == AK_ACTOR;
    return dm->kind == k;
}

/* "he", "she": one person, not "the two leaders" */
static bool pred_one_person(const doc_mention *dm, const void *arg)
{
    const sid *avoid = arg;
    return dm->kind == AK_PERSON && !dm->plural && (!avoid || dm->codes[0] != *avoid);
}

/* ... or one named by a title alone who spoke or acted (the topic, two sentences back at
 * most: further back, a "he" is more often someone the dictionaries do not know) */
static bool pred_one_speaker(const doc_mention *dm, const void *arg)
{
    return pred_one_person(dm, arg) || (dm->titled_one && !dm->plural);
}

static bool pred_nonperson(const doc_mention *dm, const void *arg)
{
    (void)arg;
    return dm->kind != AK_PERSON && !dm->plural;
}

static void copy_codes(mention *m, const sid *codes, int n)
{
    m->ncodes = DT_MIN(n, MAX_CODES);
    memcpy(m->codes, codes, sizeof(sid) * (size_t)m->ncodes);
}

/* Resolve a reference from mentions earlier in this sentence (before index mi),
 * then from the document. */
static void resolve_kind(dt_coder *c, int mi, uint8_t kind, bool first_in_sentence)
{
    mention *m = &c->m[mi];
    bool one = kind == AK_PERSON && m->type == MT_PRONOUN && (c->ct[m->start].wflags & WF_PRON_HE);
    /* "Khan thanked him": an object "him" is not the subject that opens its sentence (that
     * would be "himself"). */
    sid avoid = SID_NONE;
    /* (unless "him" is the object of another named subject's verb: "Morales resigned after
     * the head of the armed forces urged him to step down" is Morales) */
    if (one && KEY_IS(c, m->start, "HIM") && mi > 0 && c->m[0].ncodes == 1 && skip_det(c, 0) == c->m[0].start &&
        !(mi > 1 && m->start >= 2 && c->ct[m->start - 1].role == TR_VERB && c->ct[m->start - 2].mention == mi - 1 &&
          c->m[mi - 1].type != MT_PRONOUN && c->m[mi - 1].kind != AK_PERSON && c->m[mi - 1].ncodes > 0 &&
          c->m[mi - 1].codes[0] != c->m[0].codes[0]))
        avoid = c->m[0].codes[0];
    /* In the sentence: the first (or nearest) earlier actor of that kind. */
    int pick = -1;
    for (int j = 0; j < mi; j++) {
        const mention *o = &c->m[j];
        if (o->ncodes <= 0 || o->type == MT_PRONOUN || (one && o->plural && o->type == MT_REF) ||
            o->codes[0] == avoid)
            continue;
        bool ok = kind == AK_ACTOR || o->kind == kind || (kind == AK_STATE && o->kind == AK_ACTOR);
        if (kind == AK_ACTOR && o->kind == AK_PERSON)
            ok = false;
        if (!ok)
            continue;
        pick = j;
        if (first_in_sentence)
            break;
    }
    if (pick >= 0) {
        copy_codes(m, c->m[pick].codes, c->m[pick].ncodes);
        m->kind = c->m[pick].kind;
        m->resolved_from = c->sentence;
        return;
    }
    /* From the document: the most recent subject of that kind in the last two
     * sentences (the topic), else the most recent of that kind. */
    const doc_mention *dm = NULL;
    int tot = DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= tot && !dm; k++) {
        const doc_mention *x = doc_back(c, k);
        if (c->sentence - x->sentence > 2)
            break;
        if (x->subject && x->codes[0] != avoid &&
            (kind == AK_ACTOR ? pred_nonperson(x, NULL) : one ? pred_one_speaker(x, NULL) : pred_kind(x, &kind)))
            dm = x;
    }
    if (!dm) {
        if (kind == AK_ACTOR)
            dm = doc_find(c, pred_nonperson, NULL, 6);
        else if (one)
            dm = doc_find(c, pred_one_person, &avoid, 8);
        else
            dm = doc_find(c, pred_kind, &kind, 8);
    }
    if (dm) {
        copy_codes(m, dm->codes, dm->ncodes);
        m->kind = dm->kind;
        m->resolved_from = dm->sentence;
    }
}

/* "the two leaders": the last two people with different codes (heads of government
 * first); "the two countries", "both sides" (pair): the last two actors of different
 * countries. */
/* Two actors that can be "the two sides": different codes (the army and the rebels of
 * one country are two sides), of different countries when states are meant. */
static bool distinct_pair(const dt_coder *c, const sid got[2], bool states)
{
    if (got[0] == got[1])
        return false;
    return !states || strncmp(code_str(c, got[0]), code_str(c, got[1]), 3) != 0;
}

/* The two members of the nearest pair named together before mention mi: a compound of
 * two ("Russia and Ukraine exchanged prisoners") or a coded pair ("North and South
 * Korea"), in its sentence or the two before; 0 when there is none. */
static int last_named_pair(const dt_coder *c, int mi, bool states, int reach, sid got[2])
{
    sid single[2];
    int nsingle = 0;
    for (int j = mi - 1; j >= 0; j--) {
        const mention *o = &c->m[j];
        int n = 0;
        /* (two actors named apart in its own sentence come first: "Malaysia released the
         * body to Iran, and the two countries lifted the bans") */
        if (o->ncodes == 1 && o->type != MT_PRONOUN && o->compound < 0) {
            if (nsingle == 0 || (single[0] != o->codes[0] &&
                                 (!states || strncmp(code_str(c, single[0]), code_str(c, o->codes[0]), 3) != 0)))
                single[nsingle++] = o->codes[0];
            if (nsingle == 2)
                return 0;
        }
        if (o->ncompound == 2 && !o->wished) {
            for (int k = j; k < mi && n < 2; k++)
                if (c->m[k].compound == j && c->m[k].ncodes == 1)
                    got[n++] = c->m[k].codes[0];
        } else if (o->type == MT_ACTOR && o->compound < 0 && o->ncodes == 2) {
            got[n++] = o->codes[0];
            got[n++] = o->codes[1];
        }
        if (n == 2 && distinct_pair(c, got, states))
            return 2;
    }
    /* (two states named apart in a later sentence come first: "Washington said it was open
     * to talks with Pyongyang. Negotiations between the two countries have stalled"; not
     * for "the allies", named together only, further back) */
    int tot = DT_MIN(c->nrecent, DOC_RECENT), apart_sentence = -1;
    sid apart = SID_NONE;
    for (int k = 1; k <= tot; k++) {
        const doc_mention *dm = doc_back(c, k);
        if (c->sentence - dm->sentence > reach)
            break;
        if (states && reach <= 2 && dm->ncodes == 1 && !dm->plural && country_based(code_str(c, dm->codes[0]))) {
            if (dm->sentence != apart_sentence) {
                apart_sentence = dm->sentence;
                apart = dm->codes[0];
            } else if (strncmp(code_str(c, apart), code_str(c, dm->codes[0]), 3) != 0) {
                return 0;
            }
        }
        if (dm->ncodes == 2 && dm->plural && distinct_pair(c, dm->codes, states)) {
            got[0] = dm->codes[0];
            got[1] = dm->codes[1];
            return 2;
        }
    }
    return 0;
}

static void resolve_pair(dt_coder *c, int mi, bool people, bool states)
{
    sid got[2];
    int n = 0;
    /* "the allies": only states named together, further back ("South Korea and the United
     * States began drills. [...] Pyongyang warned the allies would pay a heavy price"); with
     * none, allies not named (UIS). */
    bool allies = states && KEY_IS(c, c->m[mi].end - 1, "ALLIES");
    /* "Russia and Ukraine exchanged prisoners, officials on both sides said. The two
     * sides also ...": a pair named together is the pair, whoever was named after it. */
    if (!people && (n = last_named_pair(c, mi, states, allies ? 10 : 2, got)) == 2) {
        sid t = got[0];
        got[0] = got[1];
        got[1] = t;
    } else if (allies) {
        c->m[mi].codes[0] = coder_intern(c, "UIS", 3);
        c->m[mi].ncodes = 1;
        c->m[mi].kind = AK_ACTOR;
        c->m[mi].plural = 1;
        return;
    }
    /* "France urged restraint on both sides", "Abe urged both sides to avoid a clash": the
     * one actor of its sentence named before the sides is not one of them; the sides were
     * named before the sentence. */
    /* (one country, named once or twice: "Speaking in Tokyo, Japanese Prime Minister Shinzo
     * Abe urged both sides ...") */
    const char *one = NULL;
    bool outside = !people;
    for (int j = 0; j < mi && outside; j++) {
        if (c->m[j].ncodes <= 0 || c->m[j].type == MT_PRONOUN)
            continue;
        const char *k = code_str(c, c->m[j].codes[0]);
        outside = c->m[j].ncodes == 1 && (!one || strncmp(one, k, 3) == 0);
        one = k;
    }
    outside = outside && one && (n < 2 || c->fight_sentence >= 0);
    /* (and of a fight, threat or truce told in the last six sentences, its two sides: "Islamic
     * Jihad fired rockets at Israeli towns. [...] Egyptian mediators held talks with both
     * sides") */
    if (outside && c->fight_sentence >= 0 && c->sentence - c->fight_sentence <= 6 &&
        strncmp(one, code_str(c, c->fight_a), 3) != 0 && strncmp(one, code_str(c, c->fight_b), 3) != 0) {
        got[0] = c->fight_b;
        got[1] = c->fight_a;
        n = 2;
    } else if (n == 2) {
        outside = false;
    }
    for (int pass = 0; pass < 2 && n < 2; pass++) {
        /* pass 0: people in government (or any actor for pairs); pass 1: anyone */
        n = 0;
        for (int j = outside ? -1 : mi - 1; j >= 0 && n < 2; j--) {
            const mention *o = &c->m[j];
            if (o->ncodes <= 0 || o->type == MT_PRONOUN || (people && o->kind != AK_PERSON))
                continue;
            const char *code = code_str(c, o->codes[0]);
            if (people && pass == 0 && (strlen(code) < 6 || strcmp(code + 3, "GOV") != 0))
                continue;
            if (n == 1 && (got[0] == o->codes[0] || strncmp(code_str(c, got[0]), code, 3) == 0))
                continue;
            got[n++] = o->codes[0];
        }
        int tot = DT_MIN(c->nrecent, DOC_RECENT);
        for (int k = 1; k <= tot && n < 2; k++) {
            const doc_mention *dm = doc_back(c, k);
            if ((people && dm->kind != AK_PERSON) || c->sentence - dm->sentence > 10 || dm->ncodes != 1 ||
                (outside && dm->sentence == c->sentence))
                continue;
            const char *code = code_str(c, dm->codes[0]);
            if (people && pass == 0 && (strlen(code) < 6 || strcmp(code + 3, "GOV") != 0))
                continue;
            if (n == 1 && (got[0] == dm->codes[0] || strncmp(code_str(c, got[0]), code, 3) == 0))
                continue;
            got[n++] = dm->codes[0];
        }
    }
    if (n == 2) {
        mention *m = &c->m[mi];
        m->codes[0] = got[1];
        m->codes[1] = got[0];
        m->ncodes = 2;
        m->kind = people ? AK_PERSON : AK_ACTOR;
        /* "the two countries", "the neighbours": the states themselves, whoever was named
         * for them ("Ahmed and Afwerki ... the two countries" are ETH and ERI) */
        for (int q = 0; states && q < 2; q++) {
            const char *k = code_str(c, m->codes[q]);
            if (strlen(k) > 3 && country_based(k))
                m->codes[q] = coder_intern(c, k, 3);
        }
        m->plural = 1;
        m->resolved_from = c->sentence - 1;
    }
}

/* "the three countries": the countries of the last three actors named together, a compound
 * of three in its sentence or the two before ("Australia, Britain and the United States
 * announced a pact. France accused the three countries of betrayal"). */
static void resolve_trio(dt_coder *c, int mi)
{
    const sid *codes = NULL;
    sid got[3];
    for (int j = mi - 1; j >= 0 && !codes; j--) {
        const mention *o = &c->m[j];
        if (o->ncompound != 3 || o->wished)
            continue;
        int n = 0;
        for (int k = j; k < mi && n < 3; k++)
            if (c->m[k].compound == j && c->m[k].ncodes == 1)
                got[n++] = c->m[k].codes[0];
        if (n == 3)
            codes = got;
    }
    /* (not from earlier sentences when this one names actors of its own before it: "Moon
     * joined Trump and Kim ..., the first time leaders of the three countries had met" are
     * those three, not three states listed in the sentence before) */
    int named = 0;
    for (int j = 0; j < mi && !codes; j++)
        named += c->m[j].ncodes > 0 && c->m[j].type != MT_REF;
    int tot = named >= 2 ? 0 : DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= tot && !codes; k++) {
        const doc_mention *dm = doc_back(c, k);
        if (c->sentence - dm->sentence > 2)
            break;
        if (dm->ncodes == 3 && dm->plural)
            codes = dm->codes;
    }
    if (!codes)
        return;
    mention *m = &c->m[mi];
    m->ncodes = 0;
    for (int q = 0; q < 3; q++) {
        const char *k = code_str(c, codes[q]);
        if (!country_based(k))
            return;
        m->codes[m->ncodes++] = coder_intern(c, k, 3);
    }
    m->kind = AK_ACTOR;
    m->plural = 1;
    m->resolved_from = c->sentence - 1;
}

/* "the North" means North Korea only when North Korea was named in the document. */
static void resolve_code_ref(dt_coder *c, int mi, const ref_entry *r)
{
    const char *want = code_str(c, r->codes[0]);
    size_t wl = strlen(want);
    bool seen = false;
    for (int j = 0; j < mi && !seen; j++)
        for (int q = 0; q < c->m[j].ncodes; q++)
            seen |= strncmp(code_str(c, c->m[j].codes[q]), want, wl) == 0;
    int tot = DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= tot && !seen; k++) {
        const doc_mention *dm = doc_back(c, k);
        for (int q = 0; q < dm->ncodes; q++)
            seen |= strncmp(code_str(c, dm->codes[q]), want, wl) == 0;
    }
    if (seen || r->ncodes > 1) {
        mention *m = &c->m[mi];
        copy_codes(m, r->codes, r->ncodes);
        m->kind = AK_STATE;
        m->plural = r->ncodes > 1;
    }
}

static bool person_title(const dt_coder *c, const mention *m);

/* A headline's "Iran: US sanctions are economic terrorism", "Putin: Russia will respond":
 * an actor that alone opens the sentence, then a colon and a clause of at least three
 * words, is its speaker, as if "Iran says ..." (the colon is marked as the reporting word
 * by resolve_references). A dateline in capitals ("BEIJING:") was skipped before. */
static int headline_colon_speaker(const dt_coder *c)
{
    int mi = c->ntok > 0 ? c->ct[0].mention : -1;
    if (mi < 0)
        return -1;
    const mention *m = &c->m[mi];
    int k = m->end;
    if (m->start != 0 || m->ncodes == 0 || m->type != MT_ACTOR || k > 4 || k + 3 >= c->ntok || !tok_punct(c, k, ':'))
        return -1;
    for (int q = k + 1; q < c->ntok; q++)
        if (tok_punct(c, q, ':'))
            return -1;
    return mi;
}

/* The reporting subject of the sentence: "X said", "said X", "X told reporters". */
static int find_speaker(const dt_coder *c)
{
    /* (over the tokens the scan listed with a reporting word or a pronoun: the reporting
     * words among them are all there are when this runs, as its two callers,
     * resolve_agents and then resolve_references, come before the one place that adds the
     * flag, a headline's colon after the speaker resolve_references found) */
    for (int r = 0; r < c->nmarked; r++) {
        int i = c->marked_at[r];
        const ctok *t = &c->ct[i];
        if (!(t->wflags & WF_REPORT) || t->role != TR_NONE)
            continue;
        if (i > 0 && ((c->ct[i - 1].wflags & WF_DET) || (c->ct[i - 1].tflags & TOKF_POSS)))
            continue; /* "Japan's claims", "the report" */
        int j = skip_det(c, i + 1);
        /* "KCNA quoted a military spokesman as saying", "a report quoting Lavrov as
         * saying": the one quoted speaks, not the medium that carries the words */
        if ((KEY_IS(c, i, "QUOTED") || KEY_IS(c, i, "QUOTING") || KEY_IS(c, i, "CITED") ||
             KEY_IS(c, i, "CITING")) &&
            j < c->ntok && c->ct[j].mention >= 0 && c->m[c->ct[j].mention].ncodes > 0) {
            int e = c->m[c->ct[j].mention].end;
            if (e + 1 < c->ntok && KEY_IS(c, e, "AS") &&
                (KEY_IS(c, e + 1, "SAYING") || KEY_IS(c, e + 1, "TELLING") || KEY_IS(c, e + 1, "WRITING")))
                return c->ct[j].mention;
        }
        /* Inverted: "..., said X" */
        bool inverted = tok_punct(c, i - 1, ',') || tok_punct(c, i - 1, '"');
        if (j < c->ntok && c->ct[j].mention >= 0 && c->m[c->ct[j].mention].ncodes > 0 && inverted)
            return c->ct[j].mention;
        /* '..., said Ren Guoqiang, spokesperson for China's defence ministry': a name the
         * dictionaries do not know, then the title that says whom he speaks for */
        if (inverted) {
            int n = j;
            while (n < c->ntok && n < j + 4 && c->ct[n].role == TR_NONE && !c->ct[n].wflags &&
                   (c->toks[n].flags & (TOKF_WORD | TOKF_CAP)) == (TOKF_WORD | TOKF_CAP))
                n++;
            int a = skip_det(c, n + 1);
            if (n > j && tok_punct(c, n, ',') && a < c->ntok && c->ct[a].mention >= 0) {
                const mention *m = &c->m[c->ct[a].mention];
                if (m->ncodes > 0 && (person_title(c, m) || (m->end > m->start && spokes_word(c, m->start))))
                    return c->ct[a].mention;
            }
        }
        /* "X said", "X has said", "X also told" */
        int k = i - 1;
        while (k >= 0 && (c->ct[k].wflags & (WF_ADVERB | WF_HAVE)) && c->ct[k].role == TR_NONE)
            k--;
        if (k >= 0 && c->ct[k].mention >= 0)
            return c->ct[k].mention;
        /* "The United States welcomed Berlin's move and said it would ...": a reporting verb
         * right after "and" shares the subject that opens the sentence, not the nearest
         * actor of the first clause's object */
        if (k > 1 && KEY_IS(c, k, "AND") && c->ct[k].role == TR_NONE) {
            int s0 = skip_det(c, 0);
            int sm = s0 < k ? c->ct[s0].mention : -1;
            if (sm >= 0 && c->m[sm].start == s0 && c->m[sm].ncodes > 0 && c->m[sm].end < k &&
                c->ct[c->m[sm].end].role == TR_VERB)
                return sm;
        }
        /* "Kim Yo Jong, the powerful sister of leader Kim Jong Un, said": the actor
         * before an apposition set off by commas */
        if (k > 2 && tok_punct(c, k, ',')) {
            int p = k - 1;
            while (p > 0 && p > k - 12 && !tok_punct(c, p, ',') && !tok_punct(c, p, '"') &&
                   c->ct[p].role != TR_VERB && !(c->ct[p].wflags & (WF_REPORT | WF_REL | WF_CONJ)))
                p--;
            if (p > 0 && p < k - 1 && tok_punct(c, p, ',') && c->ct[p - 1].mention >= 0) {
                const mention *m = &c->m[c->ct[p - 1].mention];
                if (m->ncodes > 0 && m->end == p && (m->start == 0 || tok_punct(c, m->start - 1, '"')))
                    return c->ct[p - 1].mention;
            }
        }
        /* "X said on Monday", handled by the subject search of the clause */
        for (int q = k; q >= 0 && q > i - 6; q--) {
            /* (not past the end of a quotation: '... ties," Ren said' is no speech of
             * the ties) */
            if (tok_punct(c, q, '"'))
                break;
            if (c->ct[q].mention >= 0) {
                const mention *m = &c->m[c->ct[q].mention];
                if (m->end == q + 1 && (m->start == 0 || !(c->ct[m->start - 1].wflags & WF_PREP)))
                    return c->ct[q].mention;
                break;
            }
        }
    }
    return headline_colon_speaker(c);
}

/* "the country" is the country of the actor it points to ("the country" after "Sudanese
 * police" is Sudan, not its police), or its government when that is what was named ("the
 * Kingdom" after the Saudi foreign ministry); "the government" is that country's
 * government. */
static void state_of(dt_coder *c, mention *m, bool gov)
{
    for (int q = 0; q < m->ncodes; q++) {
        const char *s = code_str(c, m->codes[q]);
        if (strlen(s) < 3 || !country_based(s) || (strlen(s) == 6 && strcmp(s + 3, "GOV") == 0))
            continue;
        char out[8];
        size_t ol = str_join(out, sizeof(out), s, 3, gov ? "GOV" : "");
        m->codes[q] = coder_intern(c, out, ol);
    }
}

/* A described state ("the island", "the Gulf kingdom", "the Himalayan nation") is the
 * nearest state named that fits the description: after China and Taiwan, "the island" is
 * Taiwan. The states each description fits (three-letter codes, space-separated). */
static const struct {
    const char *word;
    const char *states;
} state_descriptions[] = {
    {"ISLAND", "TWN JPN CUB LKA PHL IDN IRL ISL NZL MDG CYP MLT SGP BHR JAM HTI DOM FJI PNG MDV MUS SYC "
               "TTO BHS BRB CPV COM STP TLS TON WSM VUT SLB KIR TUV NRU PLW FSM MHL ATG DMA GRD KNA LCA VCT"},
    {"GULF", "SAU ARE QAT KWT BHR OMN"},
    {"HIMALAYAN", "NPL BTN"},
    {"BALTIC", "EST LVA LTU"},
    {"NORDIC", "NOR SWE DNK FIN ISL"},
};

static bool fits_states(const dt_coder *c, const sid *codes, int n, const char *states)
{
    if (n <= 0)
        return false;
    const char *code = code_str(c, codes[0]);
    if (strlen(code) < 3 || !country_based(code))
        return false;
    for (const char *p = states; *p; p += p[3] ? 4 : 3)
        if (memcmp(p, code, 3) == 0)
            return true;
    return false;
}

/* The states the reference's words describe, or NULL when it describes none. */
static const char *described_states(const dt_coder *c, const mention *m)
{
    for (int i = m->start; i < m->end; i++)
        for (size_t k = 0; k < DT_ARRAY_LEN(state_descriptions); k++)
            if (key_is_n(c, i, state_descriptions[k].word, strlen(state_descriptions[k].word)))
                return state_descriptions[k].states;
    return NULL;
}

/* The country of code: a description names the country, not its government or forces
 * ("entered the island's air defence zone" is Taiwan's). */
static void set_country(dt_coder *c, mention *m, sid code)
{
    m->codes[0] = coder_intern(c, code_str(c, code), 3);
    m->ncodes = 1;
}

/* The nearest earlier actor of the sentence, else of the last ten sentences, that fits;
 * false when none does (the reference is then resolved as any other). */
static bool resolve_described(dt_coder *c, int mi, const char *states)
{
    mention *m = &c->m[mi];
    for (int j = mi - 1; j >= 0; j--) {
        const mention *o = &c->m[j];
        if (o->ncodes > 0 && o->type != MT_PRONOUN && o->kind != AK_PERSON &&
            fits_states(c, o->codes, o->ncodes, states)) {
            set_country(c, m, o->codes[0]);
            m->kind = AK_STATE;
            m->resolved_from = c->sentence;
            return true;
        }
    }
    int tot = DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= tot; k++) {
        const doc_mention *dm = doc_back(c, k);
        if (c->sentence - dm->sentence > 10)
            break;
        if (dm->kind != AK_PERSON && fits_states(c, dm->codes, dm->ncodes, states)) {
            set_country(c, m, dm->codes[0]);
            m->kind = AK_STATE;
            m->resolved_from = dm->sentence;
            return true;
        }
    }
    return false;
}

/* "the leaders of Japan and the United States": not the last two leaders named but the
 * governments of the states after "of" (each member of the compound, and the reference
 * itself for the searches that meet it first). */
static bool leaders_of(dt_coder *c, int mi)
{
    mention *m = &c->m[mi];
    if (!KEY_IS(c, m->end, "OF"))
        return false;
    int j = skip_det(c, m->end + 1);
    if (j >= c->ntok || c->ct[j].mention < 0)
        return false;
    int head = c->ct[j].mention;
    if (c->m[head].compound >= 0)
        head = c->m[head].compound;
    m->ncodes = 0;
    for (int q = head; q < c->nm; q++) {
        mention *x = &c->m[q];
        if (q != head && x->compound != head)
            continue;
        for (int k = 0; k < x->ncodes; k++)
            if (strlen(code_str(c, x->codes[k])) == 3) /* a bare state, not "the leaders of Hamas" */
                state_of(c, x, true);
        for (int k = 0; k < x->ncodes && m->ncodes < MAX_CODES; k++)
            m->codes[m->ncodes++] = x->codes[k];
        if (c->m[head].compound < 0)
            break;
    }
    /* (people, as "the two leaders" resolved: "he" or "it" later is not them) */
    m->kind = AK_PERSON;
    m->plural = 1;
    return m->ncodes > 0;
}

/* A person's title: "minister", "president", "spokesman", "envoy" ... Asked of a
 * mention's last word for every mention the document remembers, so the key is compared
 * only with the titles of its length (a switch on the length, then the few words of that
 * length) rather than with each title in turn. */
static bool title_word(const dt_coder *c, int i)
{
    if (i < 0 || i >= c->ntok)
        return false;
    const tok *t = &c->toks[i];
    const char *k = c->keys.data + t->key;
    /* (each word under the case of its own length: the key is compared over that many bytes) */
#define TITLE_IS(w) (memcmp(k, w, sizeof(w) - 1) == 0)
    switch (t->key_len) {
    case 4: return TITLE_IS("KING") || TITLE_IS("EMIR");
    case 5: return TITLE_IS("ENVOY") || TITLE_IS("QUEEN") || TITLE_IS("CHIEF");
    case 6: return TITLE_IS("LEADER") || TITLE_IS("PRINCE");
    case 7: return TITLE_IS("PREMIER");
    case 8: return TITLE_IS("MINISTER") || TITLE_IS("DIPLOMAT");
    case 9: return TITLE_IS("PRESIDENT") || TITLE_IS("SECRETARY") || TITLE_IS("SPOKESMAN") || TITLE_IS("COMMANDER");
    case 10: return TITLE_IS("CHANCELLOR") || TITLE_IS("AMBASSADOR") || TITLE_IS("NEGOTIATOR");
    case 11: return TITLE_IS("SPOKESWOMAN") || TITLE_IS("COUNTERPART");
    case 12: return TITLE_IS("SPOKESPERSON");
    default: return false;
    }
#undef TITLE_IS
}

/* An actor named by a person's title: a state and an agent that is one person
 * ("Armenian Prime Minister", "the Egyptian foreign minister"). */
static bool person_title(const dt_coder *c, const mention *m)
{
    if (m->kind != AK_ACTOR || m->ncodes <= 0 || m->end <= m->start)
        return false;
    return title_word(c, m->end - 1);
}

/* "President Santos and FARC leader Rodrigo Londono": the name after a title that the
 * dictionaries do not know (up to three capitalised words) belongs to the title. (Inline:
 * asked for every mention of a list, and most answer at the first token.) */
static inline int past_unknown_name(const dt_coder *c, const mention *m)
{
    int p = m->end;
    while (p < c->ntok && p < m->end + 3 && c->ct[p].role == TR_NONE && c->ct[p].mention < 0 &&
           !c->ct[p].wflags && (c->toks[p].flags & TOKF_CAP) && (c->toks[p].flags & TOKF_WORD))
        p++;
    /* (the title test last: most actors are followed by no such name) */
    if (p == m->end || m->end <= m->start || !title_word(c, m->end - 1))
        return m->end;
    return p;
}

/* "The council", "the agency": the last actor of the document, in the last eight
 * sentences, whose name ended in the same word ("Sudan's military council ... The council
 * accused the protesters" is the military council, not the last organisation named). */
static bool same_head_before(dt_coder *c, int mi)
{
    mention *m = &c->m[mi];
    uint64_t head = c->toks[m->end - 1].hash;
    const sid *codes = NULL;
    int n = 0;
    for (int j = mi - 1; j >= 0 && !codes; j--) {
        const mention *o = &c->m[j];
        if (o->ncodes > 0 && o->type == MT_ACTOR && o->end > o->start && o->end <= m->start &&
            c->toks[o->end - 1].hash == head) {
            codes = o->codes;
            n = o->ncodes;
        }
    }
    int tot = DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= tot && !codes; k++) {
        const doc_mention *dm = doc_back(c, k);
        if (c->sentence - dm->sentence > 8)
            break;
        if (dm->head == head && !dm->plural) {
            codes = dm->codes;
            n = dm->ncodes;
        }
    }
    if (!codes)
        return false;
    copy_codes(m, codes, n);
    m->kind = AK_ACTOR;
    m->resolved_from = c->sentence;
    return true;
}

static bool pred_sector(const doc_mention *dm, const void *arg)
{
    return dm->sector == *(const uint32_t *)arg && dm->ncodes == 1;
}

/* A word for an armed group's members: rebels, insurgents, militants. */
static bool armed_word(const dt_coder *c, int k)
{
    static const char *const words[] = {"REBELS", "INSURGENTS", "MILITANTS", "GUERRILLAS"};
    return k >= 0 && key_among(c, k, words, DT_ARRAY_LEN(words));
}

/* a country named in an earlier sentence that none of the sentence's mentions before
 * mention `mi` names */
struct other_country {
    const dt_coder *c;
    int mi;
};
static bool pred_other_country(const doc_mention *dm, const void *arg)
{
    const struct other_country *oc = arg;
    const dt_coder *c = oc->c;
    if (dm->sentence >= c->sentence || dm->ncodes < 1)
        return false;
    const char *s = code_str(c, dm->codes[0]);
    if (strlen(s) < 3 || !country_based(s))
        return false;
    for (int j = 0; j < oc->mi; j++)
        for (int q = 0; q < c->m[j].ncodes; q++)
            if (strncmp(code_str(c, c->m[j].codes[q]), s, 3) == 0)
                return false;
    return true;
}

/* "Brazil and Colombia offered to mediate between the government and the opposition": a
 * state that mediates "between the government and ..." is a third party; the government is
 * that of the last country named in the document (in the six sentences before) that is none
 * of the actors named before it in the sentence (before: Colombia's). Called only after
 * "between". */
static void mediated_government(dt_coder *c, int mi)
{
    mention *m = &c->m[mi];
    int p = m->start - 2;
    bool mediate = false;
    for (int q = p; q >= 0 && q >= p - 2 && !mediate; q--)
        mediate = KEY_IS(c, q, "MEDIATE") || KEY_IS(c, q, "MEDIATION") || KEY_IS(c, q, "MEDIATING") ||
                  KEY_IS(c, q, "MEDIATOR") || KEY_IS(c, q, "MEDIATORS");
    if (!mediate || m->ncodes != 1)
        return;
    struct other_country oc = {c, mi};
    const doc_mention *dm = doc_find(c, pred_other_country, &oc, 6);
    if (!dm)
        return;
    m->codes[0] = coder_intern(c, code_str(c, dm->codes[0]), 3);
    m->ncodes = 1;
    m->kind = AK_STATE;
    m->resolved_from = dm->sentence;
    state_of(c, m, true);
}

static void resolve_references(dt_coder *c)
{
    c->speaker = find_speaker(c);
    if (c->speaker >= 0 && c->m[c->speaker].start == 0 && tok_punct(c, c->m[c->speaker].end, ':'))
        c->ct[c->m[c->speaker].end].wflags |= WF_REPORT;
    bool late_we = false;
    /* (only references and pronouns are resolved here: not looked for in a sentence
     * without any) */
    const bool any = c->mention_types & (1u << MT_REF | 1u << MT_PRONOUN);
    for (int mi = 0; any && mi < c->nm; mi++) {
        mention *m = &c->m[mi];
        if (m->type == MT_REF) {
            const ref_entry *r = &c->d->refs[m->ref];
            if (r->type == RK_KIND) {
                const char *states = r->kind == AK_STATE ? described_states(c, m) : NULL;
                /* "The Indian minister told Nepal's premier that his country would ...": the
                 * speaker's own state */
                const mention *sp = c->speaker >= 0 && c->speaker < mi ? &c->m[c->speaker] : NULL;
                /* (and so is "the country" right after the speaker's reporting verb:
                 * "Lithuania's foreign minister said the country would not back down") */
                bool own = sp && (KEY_IS(c, m->start, "HIS") || KEY_IS(c, m->start, "HER") ||
                                  (!states && !r->gov && m->start > 0 && sp->end == m->start - 1 &&
                                   (c->ct[m->start - 1].wflags & WF_REPORT)));
                if (r->kind == AK_STATE && own && sp->ncodes > 0 && (sp->kind == AK_PERSON || person_title(c, sp))) {
                    copy_codes(m, sp->codes, sp->ncodes);
                    m->kind = AK_STATE;
                    state_of(c, m, r->gov);
                    /* ("the country" is the country itself, not the minister's office) */
                    for (int q = 0; q < m->ncodes && KEY_IS(c, m->start, "THE"); q++)
                        if (country_based(code_str(c, m->codes[q])))
                            m->codes[q] = coder_intern(c, code_str(c, m->codes[q]), 3);
                } else if ((r->kind == AK_ORG || r->kind == AK_GROUP) && same_head_before(c, mi)) {
                    ;
                } else if (states && resolve_described(c, mi, states)) {
                    if (r->gov)
                        state_of(c, m, true);
                } else {
                    resolve_kind(c, mi, r->kind, false);
                    if (r->kind == AK_STATE)
                        state_of(c, m, r->gov);
                    if (r->kind == AK_STATE && r->gov && m->start > 0 && KEY_IS(c, m->start - 1, "BETWEEN"))
                        mediated_government(c, mi);
                    /* "the rebels", "the militants" with no armed group named before them:
                     * the rebels of the country whose rebels were last named ("Syrian
                     * forces shelled rebel positions. The rebels accused the army") */
                    if (r->kind == AK_GROUP && m->ncodes == 0 && armed_word(c, m->end - 1)) {
                        uint32_t reb = pack3("REB");
                        const doc_mention *dm = doc_find(c, pred_sector, &reb, 8);
                        if (dm) {
                            copy_codes(m, dm->codes, 1);
                            m->kind = AK_ACTOR;
                            m->resolved_from = c->sentence;
                        }
                    }
                }
            }
            else if (r->type == RK_LEADERS && leaders_of(c, mi))
                ;
            else if (r->type == RK_TRIO)
                resolve_trio(c, mi);
            else if (r->type == RK_LEADERS || r->type == RK_PAIR)
                resolve_pair(c, mi, r->type == RK_LEADERS, r->type == RK_PAIR && r->kind == AK_STATE);
            else
                resolve_code_ref(c, mi, r);
            continue;
        }
        if (m->type != MT_PRONOUN)
            continue;
        uint32_t wf = c->ct[m->start].wflags;
        if (wf & WF_PRON_WE) {
            const mention *sp = c->speaker >= 0 ? &c->m[c->speaker] : NULL;
            if (sp && sp->ncodes > 0 && c->speaker != mi)
                copy_codes(m, sp->codes, sp->ncodes);
            else if (sp && c->speaker > mi && sp->type == MT_PRONOUN)
                late_we = true; /* '"We ...," he said': once "he" is resolved, below */
            else if (c->nlast_speaker)
                copy_codes(m, c->last_speaker, c->nlast_speaker);
            m->kind = AK_ACTOR;
        } else if (wf & WF_PRON_HE) {
            /* After a reporting verb: the speaker ("X said he ..."), also one named by a
             * title the dictionaries give no name for ("Armenian Prime Minister Nikol
             * Pashinyan said he ..."). */
            if (c->speaker >= 0 && c->speaker < mi &&
                (c->m[c->speaker].kind == AK_PERSON || person_title(c, &c->m[c->speaker]))) {
                copy_codes(m, c->m[c->speaker].codes, c->m[c->speaker].ncodes);
                m->kind = AK_PERSON;
            } else {
                resolve_kind(c, mi, AK_PERSON, true);
            }
        } else if (wf & WF_PRON_IT) {
            if (c->speaker >= 0 && c->speaker < mi && c->m[c->speaker].kind != AK_PERSON &&
                c->m[c->speaker].ncodes > 0) {
                copy_codes(m, c->m[c->speaker].codes, c->m[c->speaker].ncodes);
                m->kind = c->m[c->speaker].kind;
            } else {
                resolve_kind(c, mi, AK_ACTOR, true);
            }
        } else if (wf & WF_PRON_PL) {
            /* A compound earlier in the sentence, else the document. */
            /* The nearest plural actor, group or compound before it ("police ... dispersed
             * protesters as they threatened to march": the protesters; "the Houthis warned
             * that they would ...", as in the document below). */
            int pick = -1;
            /* (an object "them" is not the subject of its own verb: "troops opened fire on
             * them" is not the troops; only a verb and lower-case words between them) */
            int skip = -1;
            /* (nor after "and": "dispersed the protesters and arrested them"; nor an object
             * right after a verb) */
            if (KEY_IS(c, m->start, "THEM") && mi > 0 && c->m[mi - 1].compound < 0 &&
                !(c->m[mi - 1].start > 0 && c->ct[c->m[mi - 1].start - 1].role == TR_VERB)) {
                bool verb = false, plain = true;
                for (int q = c->m[mi - 1].end; q < m->start && plain; q++) {
                    verb |= c->ct[q].role == TR_VERB;
                    plain = (c->toks[q].flags & TOKF_LOWER) && c->ct[q].mention < 0 && !KEY_IS(c, q, "AND") &&
                            !KEY_IS(c, q, "OR") && !KEY_IS(c, q, "BUT");
                }
                if (verb && plain)
                    skip = mi - 1;
            }
            for (int j = mi - 1; j >= 0; j--) {
                if (j == skip)
                    continue;
                int h = c->m[j].compound >= 0 ? c->m[j].compound : j;
                if (c->m[h].ncompound > 1 || ((c->m[j].plural || c->m[j].kind == AK_GROUP || several_states(c, &c->m[j])) && c->m[j].ncodes > 0)) {
                    pick = c->m[h].ncompound > 1 ? h : j;
                    break;
                }
            }
            if (pick >= 0) {
                mention *p = &c->m[pick];
                if (p->ncompound > 1) {
                    m->ncodes = 0;
                    for (int j = pick; j < c->nm && m->ncodes < MAX_CODES; j++)
                        if (c->m[j].compound == pick)
                            for (int q = 0; q < c->m[j].ncodes && m->ncodes < MAX_CODES; q++)
                                m->codes[m->ncodes++] = c->m[j].codes[q];
                } else {
                    copy_codes(m, p->codes, p->ncodes);
                }
                m->plural = 1;
            } else {
                /* From the document: as the subject of its clause, the most recent plural
                 * subject of the last two sentences (the topic: "The United States and
                 * Canada expelled Russian diplomats. They accused Moscow ..."); else, or
                 * when none, the most recent plural. */
                int e = m->end;
                while (e < c->ntok && (c->ct[e].wflags & WF_ADVERB) && c->ct[e].role == TR_NONE)
                    e++;
                bool subj = e < c->ntok && (c->ct[e].role == TR_VERB ||
                                            (c->ct[e].wflags & (WF_AUX | WF_FUTURE | WF_HYPO | WF_HAVE | WF_DO)));
                int tot = DT_MIN(c->nrecent, DOC_RECENT);
                for (int pass = subj ? 0 : 1; pass < 2 && !m->plural; pass++)
                    for (int k = 1; k <= tot; k++) {
                        const doc_mention *dm = doc_back(c, k);
                        if (c->sentence - dm->sentence > 2)
                            break;
                        if ((dm->plural || dm->kind == AK_GROUP) && (pass == 1 || dm->subject)) {
                            copy_codes(m, dm->codes, dm->ncodes);
                            m->plural = 1;
                            break;
                        }
                    }
            }
        }
    }
    /* The first person of a quotation whose speaker is a pronoun after it: the speaker
     * ("he" of '"We strongly protest," he said') as resolved above. */
    for (int mi = 0; late_we && mi < c->nm; mi++) {
        mention *m = &c->m[mi];
        const mention *sp = &c->m[c->speaker];
        if (m->type == MT_PRONOUN && m->ncodes == 0 && (c->ct[m->start].wflags & WF_PRON_WE)) {
            if (sp->ncodes > 0)
                copy_codes(m, sp->codes, sp->ncodes);
            else if (c->nlast_speaker)
                copy_codes(m, c->last_speaker, c->nlast_speaker);
        }
    }
}

/* ---------------------------------------------------------------- compounds */

static bool nationality_adjective(const dt_coder *c, const mention *m);

static void forget_mention(dt_coder *c, mention *m);

static void find_compounds(dt_coder *c)
{
    for (int i = 0; i + 1 < c->nm; i++) {
        mention *a = &c->m[i];
        if (a->compound >= 0)
            continue;
        /* Collect a chain: A (, B)* (,)? (and|or|&) Z, or A-B (hyphen), or A and B. */
        int members[MAX_MENTIONS];
        int nmem = 1;
        members[0] = i;
        int j = i;
        bool closed = false;
        bool wished = false;
        while (j + 1 < c->nm) {
            mention *cur = &c->m[j], *nx = &c->m[j + 1];
            int p = past_unknown_name(c, cur);
            /* (past an acronym in brackets: "the European Union (EU) and Russia") */
            if (tok_punct(c, p, '(') && tok_punct(c, p + 2, ')') && c->ct[p + 1].mention < 0 &&
                (c->toks[p + 1].flags & TOKF_ALLCAP))
                p += 3;
            /* Every link below is the next mention itself at p (a hyphen), a punctuation
             * mark (',' '&'), or a word of "and", "or", "as": the closed-class flags of
             * "and" and "or" (WF_CONJ) and "as" (WF_TEMPORAL), which every dictionary
             * gives them. Most pairs of mentions have none there and end the chain here,
             * without the tests of each link. */
            if (p != nx->start &&
                (p >= c->ntok ||
                 (!(c->ct[p].tflags & TOKF_PUNCT) && !(c->ct[p].wflags & (WF_CONJ | WF_TEMPORAL)))))
                break;
            bool hyph = p == nx->start && (c->toks[nx->start].flags & TOKF_HYPH);
            bool comma = tok_punct(c, p, ',') && skip_det(c, p + 1) == nx->start;
            /* ("Kyiv and its Western allies", "the US and their allies": past the possessive) */
            int q1 = p + 1 < c->ntok && (KEY_IS(c, p + 1, "ITS") || KEY_IS(c, p + 1, "THEIR")) ? p + 2 : p + 1;
            bool conj = (KEY_IS(c, p, "AND") || KEY_IS(c, p, "OR") || tok_punct(c, p, '&')) &&
                        (skip_det(c, q1) == nx->start || skip_list_modifiers(c, q1) == nx->start);
            bool comma_conj = tok_punct(c, p, ',') && (KEY_IS(c, p + 1, "AND") || KEY_IS(c, p + 1, "OR")) &&
                              (skip_det(c, p + 2) == nx->start || skip_list_modifiers(c, p + 2) == nx->start);
            bool aswell = KEY_IS(c, p, "AS") && KEY_IS(c, p + 1, "WELL") && KEY_IS(c, p + 2, "AS") &&
                          skip_det(c, p + 3) == nx->start;
            if ((conj || comma_conj) && !hyph) {
                /* "Japan condemned North Korea and China threatened ...": the second
                 * actor opens a new clause when a verb follows it and the first is an
                 * object (a verb before it). */
                int after = nx->end;
                int before = cur->start - 1;
                while (before >= 0 && (c->ct[before].wflags & WF_DET))
                    before--;
                bool verb_after = after < c->ntok && (c->ct[after].role == TR_VERB ||
                                                      (c->ct[after].wflags & (WF_AUX | WF_FUTURE | WF_HYPO | WF_HAVE |
                                                                              WF_RESPOND | WF_REPORT)));
                /* (not a noun after a state's adjective: "condemned the U.S. and British
                 * strikes" names two strikers, no clause of "British") */
                if (verb_after && c->ct[after].role == TR_VERB && (c->toks[after].flags & TOKF_LOWER) &&
                    c->ct[after].verb >= 0 && c->v[c->ct[after].verb].form != VF_ED &&
                    c->v[c->ct[after].verb].form != VF_EN && nationality_adjective(c, nx))
                    verb_after = false;
                bool object_before = before >= 0 && c->ct[before].role == TR_VERB && nmem == 1;
                /* "China hopes India and Pakistan will settle ...": after a verb of wishing
                 * or intention right after its actor, an actor pair before a modal is the
                 * subject of the wished clause, one compound. */
                if (object_before && (c->ct[before].wflags & WF_INTENT) && before > 0 &&
                    c->ct[before - 1].mention >= 0 && after < c->ntok &&
                    (c->ct[after].wflags & (WF_FUTURE | WF_HYPO))) {
                    object_before = false;
                    wished = true;
                }
                if (verb_after && object_before)
                    break;
                /* "... in the Gulf of Oman, and Washington blamed Iran": after a single
                 * actor, ", and" with an actor (or a pair: "and Chile and Colombia
                 * recalled") and its verb opens a clause. */
                while (comma_conj && nmem == 1 && !verb_after && after + 1 < c->ntok &&
                       KEY_IS(c, after, "AND") && skip_det(c, after + 1) < c->ntok &&
                       c->ct[skip_det(c, after + 1)].mention >= 0) {
                    after = c->m[c->ct[skip_det(c, after + 1)].mention].end;
                    verb_after = after < c->ntok && (c->ct[after].role == TR_VERB ||
                                                     (c->ct[after].wflags & (WF_AUX | WF_FUTURE | WF_HYPO | WF_HAVE)));
                }
                if (verb_after && comma_conj && nmem == 1)
                    break;
            }
            if (hyph || conj || comma_conj || aswell) {
                members[nmem++] = j + 1;
                j++;
                closed = true;
                if (!hyph)
                    break;
                continue;
            }
            if (comma) {
                members[nmem++] = j + 1;
                j++;
                continue;
            }
            break;
        }
        /* A headline's "X, Y sign ...": two actors and a comma, then the verb. */
        if (!closed && nmem == 2 && c->m[members[0]].start == skip_det(c, 0)) {
            int e = c->m[members[1]].end;
            if (e < c->ntok && (c->ct[e].role == TR_VERB || (c->ct[e].wflags & (WF_FUTURE | WF_AUX))))
                closed = true;
        }
        if (!closed || nmem < 2)
            continue;
        /* "The presidents of the two countries, Sadyr Japarov and Emomali Rahmon, met":
         * "the two" (both) and a plural, then a comma and the pair by name, is the pair
         * again, no third member. */
        if (nmem == 3 && c->m[members[0]].type == MT_REF && c->m[members[0]].end < c->ntok &&
            tok_punct(c, c->m[members[0]].end, ',')) {
            int s0 = c->m[members[0]].start + (KEY_IS(c, c->m[members[0]].start, "THE") ? 1 : 0);
            if (s0 < c->m[members[0]].end && (KEY_IS(c, s0, "TWO") || KEY_IS(c, s0, "BOTH"))) {
                forget_mention(c, &c->m[members[0]]);
                c->m[members[0]].ncompound = 0;
                members[0] = members[1];
                members[1] = members[2];
                nmem = 2;
                a = &c->m[members[0]];
            }
        }
        /* A comma list must end with a conjunction to be a compound: already ensured by
         * `closed`; unresolved pronouns do not join. */
        for (int k = 0; k < nmem; k++) {
            c->m[members[k]].compound = members[0];
        }
        a->ncompound = nmem;
        a->wished = wished;
        i = members[nmem - 1];
    }
}

bool mention_stem_same_actor(const dt_coder *c, const mention *m, size_t drop)
{
    const tok *t = &c->toks[m->end - 1];
    if (m->end != m->start + 1 || t->key_len <= drop + 1)
        return false;
    int32_t w = dict_word_find(c->d, c->keys.data + t->key, t->key_len - drop);
    uint32_t node = w >= 0 ? dict_step(c->d, 0, (uint32_t)w) : 0;
    if (!node)
        return false;
    const trie_node *tn = &c->d->nodes[node];
    for (uint32_t p = 0; p < tn->npayloads; p++) {
        const phrase_payload *pl = &c->d->payloads[tn->payloads + p];
        if (pl->kind == PK_ACTOR && pl->rule == m->rule)
            return true;
    }
    return false;
}

/* A state named by its adjective ("Iranian", "British", "Chinese", "Iraqi", "U.S."), not
 * by the country's name ("Iran and Iraqi militias"): an abbreviation, a usual ending of a
 * nationality adjective, or an "-i" after another name of the same state ("Iraq"). */
static bool nationality_adjective(const dt_coder *c, const mention *m)
{
    static const char *const endings[] = {"IAN", "EAN", "CAN", "ESE", "ISH", "CH", "EEK"};
    /* (adjectives whose ending says nothing: "Kyrgyz and Tajik border guards") */
    static const char *const words[] = {"KYRGYZ", "TAJIK", "UZBEK", "KAZAKH", "TURKMEN", "AFGHAN", "THAI",
                                        "SWISS", "SAUDI", "EMIRATI", "SOMALI", "FILIPINO", "ARGENTINE",
                                        "PHILIPPINE", "LAO", "MALAGASY"};
    const tok *t = &c->toks[m->end - 1];
    const char *k = c->keys.data + t->key;
    size_t n = t->key_len;
    if ((t->flags & TOKF_ALLCAP) || key_among(c, m->end - 1, words, DT_ARRAY_LEN(words)))
        return true;
    for (size_t i = 0; i < DT_ARRAY_LEN(endings); i++) {
        size_t l = strlen(endings[i]);
        if (n > l + 1 && memcmp(k + n - l, endings[i], l) == 0)
            return true;
    }
    return n > 4 && k[n - 1] == 'I' && m->end == m->start + 1 && mention_stem_same_actor(c, m, 1);
}

/* "American and British warships", "U.S. and South Korean troops": the states listed
 * before a state + agent share its agent (USAMIL and GBRMIL), when only commas and the
 * conjunction stand between them. */
static void share_agent(dt_coder *c)
{
    for (int i = 0; i < c->nm; i++) {
        mention *a = &c->m[i];
        if (a->compound != i || a->ncompound < 2)
            continue;
        int last = -1;
        for (int j = i; j < c->nm; j++)
            if (c->m[j].compound == i)
                last = j;
        mention *z = &c->m[last];
        if (z->type != MT_ACTOR || z->kind != AK_ACTOR || z->name_start != z->start || z->ncodes != 1)
            continue;
        const char *zc = code_str(c, z->codes[0]);
        if (strlen(zc) != 6 || !country_based(zc))
            continue;
        /* (not "military" describing an act: "U.S.-South Korea military exercises") */
        if (z->end < c->ntok && c->ct[z->end].role == TR_VERB && (c->toks[z->end - 1].flags & TOKF_LOWER) &&
            (KEY_IS(c, z->end - 1, "MILITARY") || KEY_IS(c, z->end - 1, "SECURITY")))
            continue;
        bool ok = true;
        for (int j = i; j < last && ok; j++) {
            const mention *m = &c->m[j];
            if (m->compound != i)
                continue;
            ok = m->type == MT_ACTOR && m->kind == AK_STATE && m->ncodes == 1 &&
                 strlen(code_str(c, m->codes[0])) == 3 && country_based(code_str(c, m->codes[0])) &&
                 nationality_adjective(c, m);
            for (int k = m->end; ok && k < c->m[j + 1].start; k++)
                ok = KEY_IS(c, k, "AND") || KEY_IS(c, k, "OR") || tok_punct(c, k, ',');
        }
        for (int j = i; j < last && ok; j++) {
            mention *m = &c->m[j];
            if (m->compound != i)
                continue;
            char code[8];
            memcpy(code, code_str(c, m->codes[0]), 3);
            memcpy(code + 3, zc + 3, 3);
            m->codes[0] = coder_intern(c, code, 6);
            m->kind = AK_ACTOR;
        }
    }
}

/* Each token's mention, from the mentions' spans (after they were moved): the last
 * mention whose span holds it, else -1. */
static void index_mentions(dt_coder *c)
{
    c->mentions_unindexed = false;
    for (int i = 0; i < c->ntok; i++)
        c->ct[i].mention = -1;
    for (int k = 0; k < c->nm; k++)
        for (int i = c->m[k].start; i < c->m[k].end; i++)
            c->ct[i].mention = (int16_t)k;
}

/* A mention that turns out to be no actor: its words are plain words again and it
 * keeps no words (loops over mentions skip those). */
static void forget_mention(dt_coder *c, mention *m)
{
    for (int i = m->start; i < m->end; i++) {
        c->ct[i].role = TR_NONE;
        c->ct[i].mention = -1;
    }
    m->ncodes = 0;
    m->start = m->end;
    c->mentions_unindexed = true; /* (another span may hold its words too) */
}

/* "the Tigray People's Liberation Front (TPLF)", "the Syrian Democratic Forces (SDF)": an
 * acronym in brackets after a body's name is that name again, no second actor (which would
 * break the pair "Ethiopia and the TPLF" before its verb); an acronym the dictionaries do not
 * know ("SDF", left out for its other meanings) names the body for the rest of the article
 * (three letters at least: "Islamic State (IS)" must not make every capital "IS" a name). */
static void fold_acronyms(dt_coder *c)
{
    for (int mi = 0; mi < c->nm; mi++) {
        mention *m = &c->m[mi];
        int p = m->end;
        if (m->start == m->end || m->ncodes != 1 || m->type != MT_ACTOR || m->kind == AK_PERSON ||
            p + 2 >= c->ntok || !tok_punct(c, p, '(') || !tok_punct(c, p + 2, ')') ||
            !(c->toks[p + 1].flags & TOKF_ALLCAP) || c->toks[p + 1].key_len < 2)
            continue;
        int oi = c->ct[p + 1].mention;
        if (oi >= 0 && oi != mi && c->m[oi].ncodes == 1 && c->m[oi].codes[0] == m->codes[0]) {
            /* (taken out of the list: an empty mention left there would stand between the
             * members of a compound) */
            forget_mention(c, &c->m[oi]);
            memmove(&c->m[oi], &c->m[oi + 1], sizeof(mention) * (size_t)(c->nm - oi - 1));
            c->nm--;
            index_mentions(c);
            continue;
        }
        if (oi >= 0 || c->ct[p + 1].role != TR_NONE || m->kind == AK_STATE || c->toks[p + 1].key_len < 3 ||
            alias_of(c, &c->toks[p + 1]))
            continue;
        alias *al = new_alias(c, &c->toks[p + 1]);
        if (!al)
            continue;
        al->ncodes = 1;
        al->codes[0] = m->codes[0];
        al->kind = m->kind;
    }
}

static bool group_noun(const dt_coder *c, int k)
{
    static const char *const words[] = {"GROUP", "FACTION", "ORGANISATION", "ORGANIZATION", "OUTFIT", "NETWORK"};
    return key_among(c, k, words, DT_ARRAY_LEN(words));
}

/* The group noun at k as a reference to the last armed group named, as "the group". */
static void refer_to_group(dt_coder *c, int k)
{
    for (size_t r = 0; r < c->d->nrefs; r++)
        if (c->d->refs[r].type == RK_KIND && c->d->refs[r].kind == AK_GROUP) {
            int mi = new_mention(c, k, k + 1, MT_REF);
            if (mi >= 0) {
                c->m[mi].rule = c->d->refs[r].rule;
                c->m[mi].ref = (int)r;
            }
            return;
        }
}

/* "Iran-backed militia", "Russian-occupied Kherson": the actor before a hyphenated
 * "-backed", "-occupied" ... and another actor is a patron or occupier describing it,
 * neither source nor target of the sentence's act; it is no actor here. So is the place
 * before "-based" or "-headquartered", before any noun. */
static void drop_patrons(dt_coder *c)
{
    static const char *const participles[] = {"BACKED", "SPONSORED", "FUNDED", "ALIGNED", "ALLIED",
                                              "SUPPORTED", "TRAINED", "ARMED", "OCCUPIED",
                                              "CONTROLLED", "HELD", "ANNEXED", "LINKED", "AFFILIATED",
                                              "INSPIRED"};
    for (int mi = 0; mi < c->nm; mi++) {
        mention *m = &c->m[mi];
        int p = m->end;
        if (m->start == m->end || p >= c->ntok || !(c->toks[p].flags & TOKF_HYPH))
            continue;
        bool patron = false;
        for (size_t k = 0; k < DT_ARRAY_LEN(participles) && !patron; k++)
            patron = key_is_n(c, p, participles[k], strlen(participles[k]));
        /* "the Russian-led Collective Security Treaty Organization": the state leading a
         * named international organisation describes it (not "Saudi-led coalition", a
         * force of the state's own) */
        if (!patron && p + 1 < c->ntok && key_is_n(c, p, "LED", 3) && c->ct[p + 1].mention >= 0 &&
            c->m[c->ct[p + 1].mention].start == p + 1 && c->m[c->ct[p + 1].mention].ncodes > 0 &&
            code_begins(code_str(c, c->m[c->ct[p + 1].mention].codes[0]), "IGO"))
            patron = true;
        /* "the U.S.-based cleric", "a London-based rights group": where someone lives
         * or works describes him, before an actor or not; he is not that state */
        bool based = !patron && (key_is_n(c, p, "BASED", 5) || key_is_n(c, p, "HEADQUARTERED", 13));
        /* "the al Qaeda-linked group", "the Islamic State-affiliated faction": the patron
         * describes a group named before; the group is the one meant */
        if (patron && p + 1 < c->ntok && c->ct[p + 1].mention < 0 && group_noun(c, p + 1)) {
            forget_mention(c, m);
            refer_to_group(c, p + 1);
            continue;
        }
        /* only before an actor: "Russian-backed attacks" are Russia's */
        if (!based && (!patron || p + 1 >= c->ntok || c->ct[p + 1].mention < 0))
            continue;
        /* (but a state's name there says where an agent after it is based: "Pakistan-based
         * militants" are Pakistan's, as the guidelines code armed groups) */
        int ai = based && p + 1 < c->ntok ? c->ct[p + 1].mention : -1;
        if (ai >= 0 && c->m[ai].start == p + 1 && c->m[ai].type == MT_AGENT_ONLY && m->type == MT_ACTOR &&
            m->ncodes == 1 && code_len_is(code_str(c, m->codes[0]), 3) && country_based(code_str(c, m->codes[0])))
            c->m[ai].base = m->codes[0];
        forget_mention(c, m);
    }
}

/* "Iraq's Popular Mobilization Forces", "Nigeria's Boko Haram": a state named as the owner
 * of a named body or person of its own is that body's description, no actor of its own
 * (the body is the source or target, wherever it stands in the clause). */
static void drop_owners(dt_coder *c)
{
    for (int mi = 0; mi < c->nm; mi++) {
        mention *m = &c->m[mi];
        int p = m->end;
        if (m->start == m->end || m->type != MT_ACTOR || m->kind != AK_STATE || m->ncodes != 1 ||
            !code_len_is(code_str(c, m->codes[0]), 3) || p + 1 >= c->ntok || !(c->ct[p].tflags & TOKF_POSS))
            continue;
        int oi = c->ct[p + 1].mention;
        if (oi < 0 || oi == mi)
            continue;
        mention *o = &c->m[oi];
        if (o->start != p + 1 || o->type != MT_ACTOR || o->kind == AK_STATE || o->ncodes != 1 ||
            memcmp(code_str(c, o->codes[0]), code_str(c, m->codes[0]), 3) != 0)
            continue;
        /* (the owner's words become the body's: "met China's Xi Jinping" still has its
         * partner right after the verb) */
        int from = m->start;
        uint8_t role = c->ct[o->start].role;
        forget_mention(c, m);
        for (int k = from; k < o->start; k++) {
            c->ct[k].role = role;
            c->ct[k].mention = (int16_t)oi;
        }
        o->start = from;
        /* (and the empty owner sorts before the body: it stands between no two mentions
         * that make a compound) */
        m->start = m->end = from;
        c->mentions_unindexed = true;
    }
}

/* ---------------------------------------------------------------- entry */

/* Pronouns as mentions. The same pass lists the reporting words for find_speaker: both
 * flags are rare, and one list of the two spares find_speaker a pass of its own. */
static void mark_pronouns(dt_coder *c)
{
    /* (the tokens with either flag were listed as their flags were copied, in
     * scan_sentence: no pass over all the tokens here; what is done for one token changes
     * only that token's role and mention, which a later one reads, after the change) */
    for (int f = 0; f < c->nmarked; f++) {
        int i = c->marked_at[f];
        ctok *t = &c->ct[i];
        if (!(t->wflags & WF_PRON) || t->role != TR_NONE)
            continue;
        /* "I" after a capitalised word is a numeral ("World War I", "Phase I"). */
        if (i > 0 && KEY_IS(c, i, "I") && (c->toks[i - 1].flags & TOKF_CAP))
            continue;
        /* "us" is a pronoun only in lower case; "US" is the country (if listed). */
        bool possessive = possessive_pronoun(c, i);
        /* Possessive pronouns count only before an agent ("its military"), as the one
         * whose intention it is ("informed Congress of its decision to sell ...": the
         * seller is "its", not Congress), or as the owner of a place. */
        bool agent_next = i + 1 < c->ntok && c->ct[i + 1].mention >= 0 &&
                          c->m[c->ct[i + 1].mention].type == MT_AGENT_ONLY;
        bool intent_next = i + 2 < c->ntok && c->ct[i + 1].role == TR_NONE &&
                           (c->ct[i + 1].wflags & WF_INTENT) && KEY_IS(c, i + 2, "TO");
        /* ... or as the owner of a place a pattern can name ("entered its airspace") */
        bool place_next = i + 1 < c->ntok && c->ct[i + 1].role == TR_NONE &&
                          (KEY_IS(c, i + 1, "AIRSPACE") || KEY_IS(c, i + 1, "TERRITORY") ||
                           KEY_IS(c, i + 1, "TERRITORIAL") || KEY_IS(c, i + 1, "WATERS") ||
                           KEY_IS(c, i + 1, "SOIL") || KEY_IS(c, i + 1, "BORDER") ||
                           KEY_IS(c, i + 1, "BORDERS") || KEY_IS(c, i + 1, "FRONTIER"));
        /* ... or as the party of a meeting with someone ("briefed Trump on their talks with
         * Kim": the talks are those of "their", not of the actor named before; "their
         * meeting" alone refers back to a meeting already told) */
        static const char *const meetings[] = {"TALKS", "MEETING", "MEETINGS", "SUMMIT", "VISIT", "TRIP",
                                               "NEGOTIATIONS", "DISCUSSIONS", "CONSULTATIONS", "CONVERSATION"};
        bool meeting_next = possessive && i + 2 < c->ntok && c->ct[i + 1].role == TR_VERB &&
                            key_among(c, i + 1, meetings, DT_ARRAY_LEN(meetings)) && KEY_IS(c, i + 2, "WITH");
        if (possessive && !agent_next && !intent_next && !place_next && !meeting_next)
            continue;
        if (possessive && agent_next) {
            /* Merge into the agent mention that follows: resolved below by kind. */
            mention *ag = &c->m[c->ct[i + 1].mention];
            ag->start = i;
            c->ct[i].role = TR_MENTION;
            c->ct[i].mention = (int16_t)(ag - c->m);
            ag->is_possessive_pron = 1;
            c->mentions_unindexed = true;
            continue;
        }
        int mi = new_mention(c, i, i + 1, MT_PRONOUN);
        (void)mi;
    }
}

/* Mentions must be in text order for the searches. The tokens are indexed again only
 * when a mention moved or a span changed since they last were (most sentences: neither,
 * and a pass over the tokens is saved; new mentions keep the index, see new_mention). */
static void sort_mentions(dt_coder *c)
{
    bool moved = false;
    for (int i = 1; i < c->nm; i++) {
        if (c->m[i - 1].start <= c->m[i].start)
            continue; /* in order already: no copy of the (large) mention */
        moved = true;
        mention x = c->m[i];
        int j = i - 1;
        while (j >= 0 && c->m[j].start > x.start) {
            c->m[j + 1] = c->m[j];
            j--;
        }
        c->m[j + 1] = x;
    }
    if (moved || c->mentions_unindexed)
        index_mentions(c);
}

/* The country of a place named "in", "inside", "within" or "near" up to two words after an
 * agent ("militants in Syria", "a militant camp inside Pakistan", "soldiers in southern
 * Israel", "Kurdish forces near Qamishli");
 * with verbs among those words
 * only when `past_verbs` ("protesters gathered in Paris"). */
static sid place_after(dt_coder *c, const mention *m, bool past_verbs)
{
    for (int q = m->end; q < c->ntok && q <= m->end + 2; q++) {
        if (!past_verbs && c->ct[q].role == TR_VERB)
            return SID_NONE;
        /* (the four are prepositions, WF_PREP: most words are answered by their flags) */
        if (!(c->ct[q].wflags & WF_PREP) ||
            !(KEY_IS(c, q, "IN") || KEY_IS(c, q, "INSIDE") || KEY_IS(c, q, "WITHIN") || KEY_IS(c, q, "NEAR")))
            continue;
        int k = skip_det_dir(c, q + 1, c->ntok);
        int pm = k < c->ntok ? c->ct[k].mention : -1;
        /* (a place "near" a border is on either side of it: "ambushed by jihadists near the
         * Malian border") */
        if (pm >= 0 && KEY_IS(c, q, "NEAR") &&
            (nationality_adjective(c, &c->m[pm]) ||
             (c->m[pm].end < c->ntok && (KEY_IS(c, c->m[pm].end, "BORDER") || KEY_IS(c, c->m[pm].end, "FRONTIER")))))
            return SID_NONE;
        if (pm >= 0 && c->m[pm].start == k && c->m[pm].ncodes > 0 && c->m[pm].type == MT_ACTOR &&
            country_based(code_str(c, c->m[pm].codes[0]))) {
            char cc[4];
            memcpy(cc, code_str(c, c->m[pm].codes[0]), 3);
            cc[3] = 0;
            return coder_intern(c, cc, 3);
        }
    }
    return SID_NONE;
}

/* "Militants kidnapped two French tourists in Benin": the country of a place named "in" a
 * country or one of its places later in the agent's own sentence (up to a ';' or ':'),
 * before the document's country (here the nationality of the people it acts on). */
static sid place_in_sentence(dt_coder *c, const mention *m)
{
    for (int q = m->end; q + 1 < c->ntok; q++) {
        if (c->ct[q].tflags & TOKF_PUNCT) {
            char ch = c->norm.data[c->toks[q].start];
            if (ch == ';' || ch == ':')
                break;
            continue;
        }
        /* (the three are prepositions, WF_PREP: most words are answered by their flags) */
        if (!(c->ct[q].wflags & WF_PREP) || !(KEY_IS(c, q, "IN") || KEY_IS(c, q, "INSIDE") || KEY_IS(c, q, "WITHIN")))
            continue;
        int k = skip_det_dir(c, q + 1, c->ntok);
        int pm = k < c->ntok ? c->ct[k].mention : -1;
        /* a place: a country or city, no agent ("in French custody" is no place) */
        /* (a capital that an embassy's host rule made its government still names the
         * country: "stormed its embassy in Tehran") */
        if (pm >= 0 && c->m[pm].start == k && c->m[pm].ncodes > 0 && c->m[pm].type == MT_ACTOR &&
            (strlen(code_str(c, c->m[pm].codes[0])) == 3 || (q > 0 && mission_word(c, q - 1, true))) &&
            country_based(code_str(c, c->m[pm].codes[0])) && !diplomatic_mission(c, &c->m[pm]))
            return coder_intern(c, code_str(c, c->m[pm].codes[0]), 3);
    }
    return SID_NONE;
}

/* "troops sent by Moscow", "soldiers deployed by Russia": an agent that a state sent is
 * that state's (not one it backs or funds: "militias backed by Iran" are not Iran's). */
static sid sender_after(dt_coder *c, const mention *m)
{
    int q = m->end;
    if (q + 2 >= c->ntok || !KEY_IS(c, q + 1, "BY") ||
        !(KEY_IS(c, q, "SENT") || KEY_IS(c, q, "DEPLOYED") || KEY_IS(c, q, "DISPATCHED") ||
          KEY_IS(c, q, "COMMANDED")))
        return SID_NONE;
    int k = skip_det(c, q + 2);
    int pm = k < c->ntok ? c->ct[k].mention : -1;
    if (pm < 0 || c->m[pm].start != k || c->m[pm].ncodes <= 0 || c->m[pm].type != MT_ACTOR ||
        !country_based(code_str(c, c->m[pm].codes[0])))
        return SID_NONE;
    char cc[4];
    memcpy(cc, code_str(c, c->m[pm].codes[0]), 3);
    cc[3] = 0;
    return coder_intern(c, cc, 3);
}

/* Whether the word at k, after "firm", is a noun that "firm" describes: a lower-case word
 * that is no function word, no past form ("a firm based in Dubai") and no verb used as one
 * ("the firm announced"). */
static bool firm_adjective(const dt_coder *c, int k)
{
    if (k >= c->ntok || !(c->toks[k].flags & TOKF_LOWER) || !(c->toks[k].flags & TOKF_WORD) || c->ct[k].wflags != 0)
        return false;
    const tok *t = &c->toks[k];
    if (t->key_len > 3 && memcmp(c->keys.data + t->key + t->key_len - 2, "ED", 2) == 0)
        return false;
    if (c->ct[k].role == TR_VERB)
        return c->ct[k].verb >= 0 && (c->v[c->ct[k].verb].form == VF_BASE || c->v[c->ct[k].verb].verb == UINT32_MAX);
    return c->ct[k].role == TR_NONE;
}

/* "Russian and Ukrainian peace negotiators", "Greek and Turkish defence officials",
 * "Russian and Ukrainian military officials": an agent after nationality adjectives (one
 * or a list), past at most one word the dictionaries do not know, is theirs. Each bare
 * adjective takes the agent's sector (one that already has a sector keeps it) and the
 * agent's own mention goes, so the list is the actor. Returns whether it did. */
static bool agent_of_adjectives(dt_coder *c, mention *m, const agent_entry *ag, bool former)
{
    int p = m->start - 1;
    if (p >= 1 && c->ct[p].mention < 0 && c->ct[p].role == TR_NONE && c->ct[p].wflags == 0 &&
        (c->toks[p].flags & TOKF_LOWER) && (c->toks[p].flags & TOKF_WORD))
        p--;
    int pm = p >= 0 ? c->ct[p].mention : -1;
    if (pm < 0 || c->m[pm].end != p + 1 || c->m[pm].type != MT_ACTOR)
        return false;
    int head = c->m[pm].compound >= 0 ? c->m[pm].compound : pm;
    int nmem = 0;
    for (int j = head; j <= pm; j++) {
        const mention *o = &c->m[j];
        if (j != pm && o->compound != head)
            continue;
        if (o->type != MT_ACTOR || o->ncodes != 1 || !country_based(code_str(c, o->codes[0])))
            return false;
        size_t l = strlen(code_str(c, o->codes[0]));
        /* (bare adjectives, or in a list right before the agent an adjective with its
         * sector word, "Ukrainian military"; not "a spokesperson for the Chinese military") */
        bool sector_word = l == 6 && o->kind == AK_ACTOR && c->m[pm].compound >= 0 && p == m->start - 1;
        if (!((l == 3 && o->kind == AK_STATE && nationality_adjective(c, o)) || sector_word))
            return false;
        nmem++;
    }
    if (c->m[pm].compound >= 0 && nmem != c->m[head].ncompound)
        return false;
    for (int j = head; j <= pm; j++) {
        mention *o = &c->m[j];
        if ((j != pm && o->compound != head) || strlen(code_str(c, o->codes[0])) != 3)
            continue;
        o->codes[0] = combine(c, o->codes[0], ag, AK_STATE, former);
        o->kind = AK_ACTOR;
    }
    forget_mention(c, m);
    return true;
}

/* The last one-actor mention of the last six sentences whose span had `word` as the title
 * before a name or the agent before "of" or "for"; NULL when none. */
static const doc_mention *titled_before(const dt_coder *c, uint64_t word)
{
    int tot = DT_MIN(c->nrecent, DOC_RECENT);
    for (int k = 1; k <= tot; k++) {
        const doc_mention *dm = doc_back(c, k);
        if (c->sentence - dm->sentence > 6)
            break;
        if (dm->sentence < c->sentence && dm->title == word && dm->ncodes == 1 && !dm->plural)
            return dm;
    }
    return NULL;
}

/* "Sudan's ruling military council", "Iran's powerful Revolutionary Guards": a state's
 * possessive with one or two lower-case words before the agent still owns it. */
static sid state_owner_before(const dt_coder *c, const mention *m)
{
    int p = m->start - 1;
    int words = 0;
    while (p >= 0 && words < 2 && (c->toks[p].flags & TOKF_LOWER) && c->ct[p].mention < 0) {
        p--;
        words++;
    }
    if (words == 0 || p < 1 || !(c->ct[p].tflags & TOKF_POSS) || c->ct[p - 1].mention < 0)
        return SID_NONE;
    const mention *o = &c->m[c->ct[p - 1].mention];
    if (o->type != MT_ACTOR || o->kind != AK_STATE || o->ncodes != 1 || o->end != p)
        return SID_NONE;
    const char *k = code_str(c, o->codes[0]);
    return strlen(k) == 3 && country_based(k) ? o->codes[0] : SID_NONE;
}

/* A police force or an armed force (COP, MIL). */
static bool pred_security(const doc_mention *dm, const void *arg)
{
    (void)arg;
    return dm->sector == pack3("COP") || dm->sector == pack3("MIL");
}

/* "Police spokesman Resila Onyango said officers had arrested 105 protesters": a lone
 * "officers" (a military word in the dictionaries) are police officers when the police were
 * the last security force named, in its sentence or the two before. */
static bool police_officers(const dt_coder *c, int mi, const agent_entry *ag)
{
    const mention *m = &c->m[mi];
    if (m->end != m->start + 1 || (!KEY_IS(c, m->start, "OFFICERS") && !KEY_IS(c, m->start, "OFFICER")) ||
        strcmp(dict_str(c->d, ag->code), "MIL") != 0)
        return false;
    for (int j = c->nm - 1; j >= 0; j--) {
        const mention *o = &c->m[j];
        if (j == mi || o->ncodes <= 0 || o->end > m->start || !country_based(code_str(c, o->codes[0])))
            continue;
        if (sector_code(code_str(c, o->codes[0]), "COP"))
            return true;
        if (sector_code(code_str(c, o->codes[0]), "MIL"))
            return false;
    }
    const doc_mention *dm = doc_find(c, pred_security, NULL, 2);
    return dm && dm->sector == pack3("COP");
}

/* an international court named before: an organisation whose code holds JUD */
static bool pred_court(const doc_mention *dm, const void *arg)
{
    const dt_coder *c = arg;
    return dm->kind == AK_ORG && dm->ncodes == 1 && strstr(code_str(c, dm->codes[0]), "JUD") != NULL;
}

static void resolve_agents(dt_coder *c)
{
    if (!(c->mention_types & 1u << MT_AGENT_ONLY))
        return; /* (no agent alone in the sentence: nothing to resolve) */
    for (int mi = 0; mi < c->nm; mi++) {
        mention *m = &c->m[mi];
        if (m->type != MT_AGENT_ONLY)
            continue;
        /* "military aid", "security cooperation", "military exercises": a lone lower-case
         * "military" or "security" before an event noun describes the act, it is no actor. */
        /* (so in a title-case headline, right after the verb: "China Suspends Military
         * Talks With US") */
        bool lower = (c->toks[m->start].flags & TOKF_LOWER) && m->end < c->ntok && (c->toks[m->end].flags & TOKF_LOWER);
        bool title = m->start > 0 && c->ct[m->start - 1].role == TR_VERB && m->end < c->ntok &&
                     (c->toks[m->start].flags & TOKF_CAP) && (c->toks[m->end].flags & TOKF_CAP);
        /* (but a past form after "the military" is its act: "The military condemned the
         * attacks") */
        if (m->end == m->start + 1 && m->end < c->ntok && (lower || title) &&
            (KEY_IS(c, m->start, "MILITARY") || KEY_IS(c, m->start, "SECURITY")) &&
            c->ct[m->end].role == TR_VERB &&
            !(m->start > 0 && KEY_IS(c, m->start - 1, "THE") && c->ct[m->end].verb >= 0 &&
              c->v[c->ct[m->end].verb].form == VF_ED && c->v[c->ct[m->end].verb].verb != UINT32_MAX)) {
            forget_mention(c, m);
            continue;
        }
        /* "his firm commitment", "a firm stance": "firm" before a plain lower-case noun is
         * the adjective, no business. */
        if (KEY_IS(c, m->end - 1, "FIRM") && firm_adjective(c, m->end)) {
            forget_mention(c, m);
            continue;
        }
        /* The agent phrase is the last unit of the mention. */
        int last = m->end - 1;
        const agent_entry *ag = NULL;
        {
            scan_best b;
            /* (past a possessive pronoun, or a leader to the group's phrase) */
            walk(c, m->name_start, &b);
            (void)last;
            if (b.agent.pl)
                ag = &c->d->agents[b.agent.pl->index];
        }
        if (!ag)
            continue;
        agent_entry cop = {c->sid_cop, 0, 0};
        if (cop.code && police_officers(c, mi, ag))
            ag = &cop;
        /* "accused foreign intelligence services of funding the demonstrations": a state's
         * armed force or secret service called "foreign" is some unnamed state's (UIS,
         * guidelines). (Not officials: "foreign diplomats who meddle" are often nobody's.) */
        const char *sector = dict_str(c->d, ag->code);
        if (!m->is_possessive_pron && m->start > 0 && KEY_IS(c, m->start - 1, "FOREIGN") &&
            (c->toks[m->start - 1].flags & TOKF_LOWER) && c->ct[m->start - 1].mention < 0 &&
            (code_is(sector, "MIL") || code_is(sector, "SPY"))) {
            m->codes[0] = coder_intern(c, "UIS", 3);
            m->ncodes = 1;
            m->kind = AK_ACTOR;
            m->resolved_from = c->sentence;
            continue;
        }
        /* "The World Court ordered Myanmar to ... Myanmar said the court had presented a
         * distorted picture": "the court" ("the tribunal") alone is the international court
         * named in the last eight sentences, not a court of the last country named. */
        if (sector[0] == 'J' && m->end == m->start + 1 && m->start > 0 && KEY_IS(c, m->start - 1, "THE") &&
            (KEY_IS(c, m->start, "COURT") || KEY_IS(c, m->start, "TRIBUNAL")) &&
            !(m->end < c->ntok && KEY_IS(c, m->end, "OF"))) {
            const doc_mention *dm = doc_find(c, pred_court, c, 8);
            if (dm) {
                copy_codes(m, dm->codes, 1);
                m->kind = AK_ORG;
                m->resolved_from = dm->sentence;
                continue;
            }
        }
        /* "Soldiers in Niger detained the president ... France condemned it ... ECOWAS
         * threatened to use force against the coup leaders": "the junta", "the coup leaders"
         * named without a country are of the country whose armed force was named last in
         * the eight sentences before (not of the last country named). */
        if (!m->is_possessive_pron && !m->base && (sector[0] == 'G' || sector[0] == 'M') &&
            (KEY_IS(c, m->end - 1, "JUNTA") ||
             (m->end - 1 > 0 && KEY_IS(c, m->end - 2, "COUP") &&
              (KEY_IS(c, m->end - 1, "LEADERS") || KEY_IS(c, m->end - 1, "LEADER"))))) {
            uint32_t mil = pack3("MIL");
            const doc_mention *dm = doc_find(c, pred_sector, &mil, 8);
            if (dm && dm->sentence < c->sentence) {
                char cc[4];
                memcpy(cc, code_str(c, dm->codes[0]), 3);
                cc[3] = 0;
                agent_entry ag2 = *ag;
                m->codes[0] = combine(c, coder_intern(c, cc, 3), &ag2, AK_STATE, false);
                m->ncodes = 1;
                m->kind = AK_ACTOR;
                m->resolved_from = dm->sentence;
                continue;
            }
        }
        bool former = former_before(c, m->start);
        if (m->is_possessive_pron) {
            /* "his government": the owner's country */
            mention tmp = *m;
            tmp.type = MT_PRONOUN;
            c->mention_types |= 1u << MT_PRONOUN;
            tmp.ncodes = 0;
            c->m[mi] = tmp;
            uint32_t wf = c->ct[m->start].wflags;
            /* Possessives point to the nearest earlier actor ("the group ... its leaders"). */
            if (wf & WF_PRON_HE)
                resolve_kind(c, mi, AK_PERSON, false);
            else if (wf & WF_PRON_WE) {
                /* "our embassy" in a quotation: the speaker's, of this sentence or the last */
                int sp = find_speaker(c);
                if (sp >= 0 && sp != mi && c->m[sp].ncodes > 0)
                    copy_codes(&c->m[mi], c->m[sp].codes, c->m[sp].ncodes);
                else if (c->nlast_speaker)
                    copy_codes(&c->m[mi], c->last_speaker, c->nlast_speaker);
            } else {
                /* "Japarov and Rahmon met ... and agreed to pull back their troops": a plural
                 * possessive after a compound of two or more countries is the compound's, each
                 * member's agent (not the country named last, "the Uzbek city"). */
                int first = -1; /* (the nearest such compound before: its first mention) */
                if ((wf & WF_PRON_PL) && KEY_IS(c, m->start, "THEIR"))
                    for (int j = mi - 1; j >= 0 && first < 0; j--)
                        if (c->m[j].compound >= 0 && c->m[c->m[j].compound].ncompound > 1)
                            first = c->m[j].compound;
                int n = 0;
                sid cs[MAX_CODES];
                for (int j = first; first >= 0 && j < mi && n < MAX_CODES; j++)
                    if (c->m[j].compound == first && c->m[j].ncodes > 0 && strlen(code_str(c, c->m[j].codes[0])) >= 3) {
                        bool seen = false;
                        for (int q = 0; q < n; q++)
                            seen |= memcmp(code_str(c, cs[q]), code_str(c, c->m[j].codes[0]), 3) == 0;
                        if (!seen)
                            cs[n++] = c->m[j].codes[0];
                    }
                if (n > 1) {
                    /* (each member's country, bare: an act of the pair on "their troops" is
                     * aimed at the other member, not at the actor's own forces) */
                    for (int q = 0; q < n; q++)
                        cs[q] = coder_intern(c, code_str(c, cs[q]), 3);
                    copy_codes(&c->m[mi], cs, n);
                    c->m[mi].resolved_from = c->sentence;
                    c->m[mi].type = MT_ACTOR;
                    c->m[mi].kind = AK_ACTOR;
                    c->m[mi].pair_own = 1;
                    continue;
                }
                resolve_kind(c, mi, AK_ACTOR, false);
            }
            m = &c->m[mi];
            m->type = MT_ACTOR;
            static const char *const heads[] = {"LEADER", "LEADERS", "LEADERSHIP", "SPOKESMAN",
                                                "SPOKESWOMAN", "SPOKESPERSON", "OFFICIALS"};
            bool group_own = (wf & (WF_PRON_IT | WF_PRON_PL)) && strcmp(dict_str(c->d, ag->code), "GOV") == 0 &&
                             key_among(c, m->end - 1, heads, DT_ARRAY_LEN(heads));
            for (int q = 0; q < m->ncodes; q++) {
                const char *a = code_str(c, m->codes[q]);
                agent_entry ag2 = *ag;
                /* (a party's or an armed group's own leaders and spokesmen are the group:
                 * "the Move Forward Party ... banned its leaders from politics") */
                if (group_own && strlen(a) == 6 && country_based(a) && (sector_code(a, "OPP") || sector_code(a, "REB")))
                    continue;
                if (strlen(a) > 3 && country_based(a)) {
                    char cc[4];
                    memcpy(cc, a, 3);
                    cc[3] = 0;
                    m->codes[q] = combine(c, coder_intern(c, cc, 3), &ag2, AK_STATE, former);
                } else {
                    m->codes[q] = combine(c, m->codes[q], &ag2, AK_STATE, former);
                }
            }
            m->kind = AK_ACTOR;
            continue;
        }
        if (c->d->opt.tabari && !c->d->opt.convert_agents)
            continue;
        if (c->d->opt.tabari) {
            m->codes[0] = ag->code;
            m->ncodes = 1;
            continue;
        }
        if (agent_of_adjectives(c, m, ag, former))
            continue;
        /* "militants in Syria", "a militant camp inside Pakistan": the country of a place
         * named right after it, or of the state that sent it ("troops sent by Moscow");
         * after a country's actor in a compound ("the Venezuelan
         * government and the opposition"), that country, before a place named after a verb
         * ("... resumed talks in Mexico City" says where they met); else the country of
         * the document. */
        /* Hostages are seldom of the place they are held in or of those who hold them
         * ("Hamas released two hostages", "hostages held in Gaza"): without a nationality
         * of their own they are nobody's. */
        static const char *const hostages[] = {"HOSTAGES", "HOSTAGE", "CAPTIVES", "ABDUCTEES"};
        if (!m->base && key_among(c, m->end - 1, hostages, DT_ARRAY_LEN(hostages)))
            continue;
        /* "a ministry spokeswoman": she speaks for the body named right before her word */
        if (mi > 0 && m->end == m->start + 1 && spokes_word(c, m->start) && c->m[mi - 1].end == m->start &&
            c->m[mi - 1].type == MT_AGENT_ONLY && c->m[mi - 1].ncodes > 0) {
            copy_codes(m, c->m[mi - 1].codes, c->m[mi - 1].ncodes);
            m->kind = AK_ACTOR;
            m->resolved_from = c->m[mi - 1].resolved_from;
            continue;
        }
        /* "A special envoy of the Association of Southeast Asian Nations arrived for talks.
         * The envoy urged the generals ...": "the" and the one word of an agent named
         * before with its body after "of" or "for" is that body's (an organisation too). */
        if (!m->base && m->end == m->start + 1 && m->start > 0 && KEY_IS(c, m->start - 1, "THE")) {
            const doc_mention *dm = titled_before(c, c->toks[m->start].hash);
            if (dm) {
                copy_codes(m, dm->codes, dm->ncodes);
                m->kind = AK_ACTOR;
                m->resolved_from = dm->sentence;
                continue;
            }
        }
        sid loc = m->base ? m->base : state_owner_before(c, m);
        if (!loc)
            loc = place_after(c, m, false);
        if (!loc)
            loc = sender_after(c, m);
        for (int j = 0; j < c->nm && !loc && m->compound >= 0; j++) {
            const mention *o = &c->m[j];
            /* (an agent before it counts once resolved: "Sudan's ruling military council and
             * the opposition") */
            if (o->end <= m->start && o->compound == m->compound && o->ncodes > 0 &&
                (o->type == MT_ACTOR || o->type == MT_AGENT_ONLY) && country_based(code_str(c, o->codes[0]))) {
                char cc[4];
                memcpy(cc, code_str(c, o->codes[0]), 3);
                cc[3] = 0;
                loc = coder_intern(c, cc, 3);
            }
        }
        if (!loc)
            loc = place_after(c, m, true);
        /* (not officials and envoys, who travel: "the envoy arrived in Pyongyang") */
        if (!loc && !code_is(dict_str(c->d, ag->code), "GOV"))
            loc = place_in_sentence(c, m);
        /* (a definite description is resolved from what came before it: before the
         * document has a location, not from an actor named later in its own sentence,
         * "The Justice Department charged two Chinese hackers") */
        if (!loc && anti_government(c, m))
            loc = own_institution(c, mi, dict_str(c->d, ag->code));
        if (!loc)
            loc = same_sector_before(c, mi, dict_str(c->d, ag->code));
        if (!loc)
            loc = own_institution(c, mi, dict_str(c->d, ag->code));
        if (!loc && (c->location || !code_is(dict_str(c->d, ag->code), "GOV") || !named_later_only(c, m)))
            loc = location(c, mi);
        if (loc) {
            m->codes[0] = combine(c, loc, ag, AK_STATE, former);
            m->ncodes = 1;
            m->kind = AK_ACTOR;
            m->resolved_from = c->sentence;
        }
    }
}

/* "The Russian ambassador told reporters that Moscow condemned the sanctions": the press
 * right after "told" or "tells" is the audience, never a source or target of what is told;
 * the mention keeps its words (a known phrase) but loses its code. */
static void press_audience(dt_coder *c)
{
    for (int mi = 0; mi < c->nm; mi++) {
        mention *m = &c->m[mi];
        if (m->ncodes != 1 || m->type != MT_AGENT_ONLY)
            continue;
        int b = m->start - 1;
        while (b >= 0 && (c->ct[b].wflags & WF_DET) && c->ct[b].role == TR_NONE)
            b--;
        if (b < 0 ||
            !(KEY_IS(c, b, "TOLD") || KEY_IS(c, b, "TELLS") || KEY_IS(c, b, "TELLING") || KEY_IS(c, b, "TELL")))
            continue;
        const char *k = code_str(c, m->codes[0]);
        size_t kl = strlen(k);
        if (kl >= 6 && strcmp(k + kl - 3, "MED") == 0)
            m->ncodes = 0;
    }
}

/* Each token's lexeme from the token cache (computed for a key not cached yet), and what
 * the scan keeps of it per sentence: the token's ctok, the pronouns and reporting words
 * (marked_at), the word filter (wbloom) and the flat list of the sentence's matches. 0,
 * or DT_ENOMEM. */
static int scan_lexemes(dt_coder *c, int nt)
{
    bool all_caps = true;
    for (int i = 0; i < nt && all_caps; i++)
        if ((c->toks[i].flags & TOKF_WORD) && c->toks[i].key_len > 1 && !(c->toks[i].flags & TOKF_ALLCAP))
            all_caps = false;
    /* Two passes over the tokens. The first copies each token's lexeme from its cache slot
     * (the slot is the one line a cached token reads there). What it reads of the cache is
     * kept in locals, made again after a new key. (One pass that did the second's work too
     * kept most of its locals on the stack, for more instructions than a second loop.) */
    const struct lex_slot *slots = c->lx.slots;
    size_t mask = c->lx.cap - 1;
    const tok *toks = c->toks;
    const char *keys = c->keys.data;
    const unsigned sentence_caps = all_caps ? TOKF_ALLCAP : 0;
    /* (every token's slot asked for first: the loop below then finds them on their way) */
    for (int i = 0; i < nt; i++)
        __builtin_prefetch(&slots[lex_slot_hash(toks[i].hash, (toks[i].flags | sentence_caps) & TOKF_ALLCAP) & mask]);
    for (int i = 0; i < nt; i++) {
        const tok *t = &toks[i];
        bool allcap = (t->flags | sentence_caps) & TOKF_ALLCAP;
        uint64_t h = lex_slot_hash(t->hash, allcap);
        const lexeme *e = lexicon_find(slots, mask, keys + t->key, t->key_len, h, allcap);
        if (DT_UNLIKELY(!e)) {
            e = lexicon_add(&c->lx, c->d, keys + t->key, t->key_len, h, allcap);
            if (!e)
                return DT_ENOMEM;
            slots = c->lx.slots;
            mask = c->lx.cap - 1;
        }
        c->ct[i].lxc = *e;
        c->ct[i].tflags = t->flags;
#if defined(__SSE2__) && defined(__x86_64__)
        c->lex_bits[i] = ((const uint8_t *)e)[LEX_BITS_BYTE];
        c->tok_bits[i] = (uint8_t)t->flags;
#endif
    }
#if defined(__SSE2__) && defined(__x86_64__)
    memset(c->lex_bits + nt, 0, 32);
    memset(c->tok_bits + nt, 0, 32);
#endif
    /* The second pass: the rest of each ctok, its matches into one list for the matcher
     * (past FLAT_MATCHES the list is not used, and its last slots are written over), and
     * the rare pronouns and reporting words listed for mark_pronouns (nothing changes a
     * token's flags before it). The pool no longer moves: no key is added after the first
     * pass. A token's matches (nearly always four or fewer) are copied as one block of
     * four words and four positions, whatever their count (the pool has LEX_POOL_PAD
     * readable words past its end, and the next token writes over what is not its own):
     * no loop whose length changes from token to token, a branch the processor could not
     * predict. */
    const uint32_t *pool = c->lx.pool;
    int nflat = 0;
    int nmarked = 0;
    for (int i = 0; i < nt; i++) {
        ctok *ct = &c->ct[i];
        if (DT_UNLIKELY(ct->wflags & (WF_PRON | WF_REPORT)))
            c->marked_at[nmarked++] = (int16_t)i;
        ct->mention = -1;
        ct->verb = -1;
        ct->role = TR_NONE;
        ct->barrier = 0;
        ct->nounword = 0;
        const uint32_t *match = pool + ct->match_off; /* (nmatch says how many) */
        ct->match = match;
        const int at = nflat < FLAT_MATCHES ? nflat : FLAT_MATCHES;
        const unsigned nm = ct->nmatch;
        if (DT_LIKELY(nm <= LEX_POOL_PAD + 1)) {
            _Static_assert(LEX_POOL_PAD + 1 == 4, "four words and four 16-bit positions a block");
            const uint64_t pos4 = (uint64_t)(uint16_t)i * 0x0001000100010001ULL; /* (i four times) */
            memcpy(&c->flat_word[at], match, 4 * sizeof(*match));
            memcpy(&c->flat_pos[at], &pos4, sizeof(pos4));
        } else {
            for (unsigned k = 0; k < nm; k++) {
                c->flat_word[at + k] = match[k];
                c->flat_pos[at + k] = (int16_t)i;
            }
        }
        nflat += (int)nm;
    }
    /* The word filter from the list, in one loop over the sentence's matches (when the list
     * lost some past FLAT_MATCHES, from each token's). */
#if defined(__SSE2__) && defined(__x86_64__)
    /* (32 vector stores, unrolled: a memset, or this loop left rolled, compiles to a string
     * store, slow to start for 512 bytes) */
#pragma GCC unroll 32
    for (size_t k = 0; k < sizeof(c->wbloom) / 16; k++)
        _mm_storeu_si128((__m128i *)(void *)&c->wbloom[2 * k], _mm_setzero_si128());
#else
    memset(c->wbloom, 0, sizeof(c->wbloom));
#endif
    if (DT_LIKELY(nflat <= FLAT_MATCHES)) {
        for (int k = 0; k < nflat; k++) {
            uint32_t b = word_bloom_bit(c->flat_word[k]);
            c->wbloom[b >> 6] |= 1ULL << (b & 63);
        }
    } else {
        for (int i = 0; i < nt; i++)
            for (unsigned k = 0; k < c->ct[i].nmatch; k++) {
                uint32_t b = word_bloom_bit(c->ct[i].match[k]);
                c->wbloom[b >> 6] |= 1ULL << (b & 63);
            }
    }
    c->nmatches = nflat;
    c->nmarked = nmarked;
    return 0;
}

int scan_sentence(dt_coder *c, const char *s, size_t n)
{
    c->nm = 0;
    c->mention_types = 0;
    c->mentions_unindexed = false; /* (no mentions; every token's is set to none below) */
    c->nv = 0;
    c->nissues = 0;
    c->discard = false;
    c->speaker = -1;
    buf_clear(&c->norm);
    buf_clear(&c->keys);
    STAGE_START(stage_t);
    text_normalize(s, n, &c->norm);
    STAGE_LAP(c, STG_NORMALIZE, stage_t);
    if (!c->norm.data || c->norm.failed)
        return c->norm.failed ? DT_ELIMIT : (c->ntok = 0);
    int nt = tokenize(c->norm.data, c->norm.len, &c->toks, &c->tokcap, &c->keys, MAX_TOKENS);
    if (nt < 0)
        return nt;
    c->ntok = nt;
    STAGE_LAP(c, STG_TOKENIZE, stage_t);
    /* A full cache is emptied before the sentence, never inside it: the tokens' lexemes
     * must all come from the same filling. */
    if (c->lx.count + (size_t)nt >= c->lx.limit)
        lexicon_clear(&c->lx);
    if (lexicon_ready(&c->lx))
        return DT_ENOMEM;
    int rc = scan_lexemes(c, nt);
    if (rc < 0)
        return rc;
    STAGE_LAP(c, STG_LEXICON, stage_t);
    if (nt == 0)
        return 0;
    strip_dateline(c);
    if (c->ct[0].role == TR_SKIP && !c->location) {
        /* The dateline city as the document location, when it is a known place. */
        scan_best b;
        walk(c, 0, &b);
        (void)b;
        int save = c->ct[0].role;
        for (int i = 0; i < nt && c->ct[i].role == TR_SKIP; i++)
            c->ct[i].role = TR_NONE;
        walk(c, 0, &b);
        if (b.actor.pl) {
            sid codes[MAX_CODES];
            size_t k = dict_actor_codes(c->d, &c->d->actors[b.actor.pl->index], c->date, codes, MAX_CODES);
            if (k && country_based(code_str(c, codes[0]))) {
                char cc[4];
                memcpy(cc, code_str(c, codes[0]), 3);
                cc[3] = 0;
                c->location = coder_intern(c, cc, 3);
            }
        }
        strip_dateline(c);
        (void)save;
    }
    unit units[MAX_TOKENS];
    int nu = find_units(c, units, MAX_TOKENS);
    STAGE_LAP(c, STG_PHRASES, stage_t);
    const tok_summary sum = sentence_tok_summary(c);
    c->has_former = sum.former;
    c->has_hyph = (sum.flags & TOKF_HYPH) != 0;
    build_mentions(c, units, nu);
    STAGE_LAP(c, STG_MENTIONS, stage_t);
    /* Person names used alone later ("Kim"): a capitalized word of no phrase, not a
     * possessive, that is an alias's key. (No alias is added in this loop: whether the
     * document has any is asked once. The capitalized tokens are found by their bits, and
     * the hash read only for those of no phrase.) */
    uint64_t named[START_WORDS];
    if (c->naliases > 0)
        alias_candidates(c, named);
    for (int i = c->naliases > 0 ? next_start(named, 0, nt) : nt; i < nt; i = next_start(named, i + 1, nt)) {
        if (c->ct[i].role != TR_NONE)
            continue;
        const alias *al = alias_of(c, &c->toks[i]);
        if (!al)
            continue;
        int mi = new_mention(c, i, i + 1, MT_ALIAS);
        if (mi >= 0) {
            copy_codes(&c->m[mi], al->codes, al->ncodes);
            c->m[mi].kind = al->kind;
        }
    }
    sort_mentions(c);
    /* (each of these three looks for a mention followed by a bracketed capital, a
     * hyphenated word or a possessive: not run without one in the sentence) */
    if (sum.bracketed_caps)
        fold_acronyms(c);
    if (sum.flags & TOKF_HYPH)
        drop_patrons(c);
    if (sum.flags & TOKF_POSS)
        drop_owners(c);
    STAGE_LAP(c, STG_ALIASES, stage_t);
    mark_pronouns(c);
    STAGE_LAP(c, STG_PRONOUNS, stage_t);
    sort_mentions(c);
    find_compounds(c);
    share_agent(c);
    STAGE_LAP(c, STG_COMPOUNDS, stage_t);
    resolve_agents(c);
    STAGE_LAP(c, STG_AGENTS, stage_t);
    resolve_references(c);
    press_audience(c);
    STAGE_LAP(c, STG_REFERENCES, stage_t);
    return nt;
}

/* After the sentence is coded: remember its actors for references later on. */
int scan_context_mention(dt_coder *c, int at, sid code, int from_sentence)
{
    int mi = new_mention(c, at, at, MT_REF);
    if (mi < 0)
        return -1;
    c->m[mi].codes[0] = code;
    c->m[mi].ncodes = 1;
    c->m[mi].kind = AK_ACTOR;
    c->m[mi].resolved_from = from_sentence;
    return mi;
}

/* A titled official named by words the dictionaries do not know, "Kenya's interior minister
 * Kipchumba Murkomen" or "Mohammed al-Hassan, Oman's foreign minister,": the name's first
 * and last words stand for the official later in the document ("Murkomen said ..."). */
static void remember_titled_name(dt_coder *c, const mention *m)
{
    static const char *const particles[] = {"AL", "EL", "BIN", "BEN", "DE", "DA", "DOS", "DEL", "VAN", "VON"};
    if (m->type != MT_ACTOR || m->kind == AK_PERSON || m->ncodes != 1 || m->end <= m->start ||
        !code_len_is(code_str(c, m->codes[0]), 6) ||
        !title_word(c, m->end - 1))
        return;
    int from = m->end, to = past_unknown_name(c, m);
    /* (the apposition: NAME, TITLE, at the start of its sentence) */
    if (to == m->end && m->start >= 2 && tok_punct(c, m->start - 1, ',') && m->end < c->ntok &&
        tok_punct(c, m->end, ',')) {
        to = m->start - 1;
        from = to;
        while (from > 0 && from > to - 4 && c->ct[from - 1].role == TR_NONE && c->ct[from - 1].mention < 0 &&
               !c->ct[from - 1].wflags && (c->toks[from - 1].flags & TOKF_WORD) &&
               ((c->toks[from - 1].flags & TOKF_CAP) || key_among(c, from - 1, particles, DT_ARRAY_LEN(particles))))
            from--;
        if (from > 0 || !(c->toks[from].flags & TOKF_CAP))
            from = to;
    }
    if (to <= from)
        return;
    /* (a word already standing for someone else keeps him: "Unification Minister Kim
     * Yeon-chul" does not make a later "Kim" the minister after Kim Jong Un was named) */
    for (int k = 0; k < 2; k++) {
        const alias *al = alias_of(c, &c->toks[k == 0 ? from : to - 1]);
        if (al && (al->ncodes != 1 || al->codes[0] != m->codes[0]))
            return;
    }
    mention named = *m;
    named.kind = AK_PERSON;
    named.name_start = from;
    named.name_end = to;
    remember_alias(c, &named);
}

void scan_commit_doc_context(dt_coder *c)
{
    /* The mentions that are the subject of some verb, one bit each (once, not a look at
     * every verb for every mention). */
    _Static_assert(MAX_MENTIONS <= 128, "a mention's bit in subjects");
    uint64_t subjects[2] = {0, 0};
    for (int v = 0; v < c->nv; v++) {
        int s = c->subject_of[v];
        if (s >= 0 && s < MAX_MENTIONS)
            subjects[s / 64] |= 1ULL << (s % 64);
    }
    for (int i = 0; i < c->nm; i++) {
        const mention *m = &c->m[i];
        /* (mentions of no words were borrowed from the document: already in it) */
        if (m->ncodes <= 0 || m->start == m->end)
            continue;
        remember_titled_name(c, m);
        /* (the speaker of a reporting verb is a subject too: "Zarif said Trump's threats
         * would not work. He urged Washington ..." is Zarif) */
        bool subject = i == c->speaker || ((subjects[i / 64] >> (i % 64)) & 1);
        int group = -1;
        if (m->compound >= 0) {
            group = c->next_group + m->compound;
        }
        /* (m has a code: it is remembered) */
        doc_mention *dm = doc_push(c, m, subject, group);
        /* "A Chinese coast guard spokesman said ... He urged Manila ...": one person named
         * by a title alone, who speaks or acts, is the "he" of the next sentences. */
        dm->titled_one =
            subject && !m->plural && (person_title(c, m) || (m->kind == AK_ACTOR && spokes_word(c, m->start)));
        /* (not a pair that is only hoped to act: "Japan hoped Syria and Kuwait would
         * meet halfway. They then held talks" is about the speakers) */
        if (m->ncompound > 1 && !m->wished) {
            /* The compound as one plural entry, for "they" and "the two sides". */
            mention all = *m;
            all.ncodes = 0;
            for (int j = i; j < c->nm && all.ncodes < MAX_CODES; j++)
                if (c->m[j].compound == i)
                    for (int q = 0; q < c->m[j].ncodes && all.ncodes < MAX_CODES; q++)
                        all.codes[all.ncodes++] = c->m[j].codes[q];
            all.plural = 1;
            all.kind = AK_ACTOR;
            doc_push(c, &all, subject, group);
        }
    }
    c->next_group += c->nm;
    if (c->speaker >= 0 && c->m[c->speaker].ncodes > 0) {
        c->nlast_speaker = c->m[c->speaker].ncodes;
        memcpy(c->last_speaker, c->m[c->speaker].codes, sizeof(sid) * (size_t)c->nlast_speaker);
    }
    if (!c->location) {
        sid loc = location(c, c->nm);
        if (loc)
            c->location = loc;
    }
}
