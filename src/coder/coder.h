/* coder.h — internal state of the event coder: the per-thread token cache, the
 * per-sentence analysis (tokens, mentions, verbs) and the per-document context. */
#ifndef DT_CODER_H
#define DT_CODER_H

#include "../dict/dict.h"
#include "../text/text.h"
#include "stages.h"

#define MAX_TOKENS 400        /* tokens coded per sentence; the rest is ignored */
#define FLAT_MATCHES (MAX_TOKENS * 4) /* a sentence's (word, token) matches listed at most
                                      (as many as wseen_pos holds: past them, the index) */
#define MAX_MENTIONS 128
#define MAX_CODES 8           /* codes per mention (coded compounds) */
#define MAX_VERBS 96
#define MAX_SENT_EVENTS 256
#define DOC_RECENT 48         /* mentions remembered for references */

/* ---------------------------------------------------------------- token cache */

/* What a distinct token string matches in the dictionary, computed once per coder. */
typedef struct lexeme {
    uint32_t match;     /* offset into lexicon.pool: word ids this token matches (the
                         * word before them: their follow_bit()s, or-ed) */
    uint32_t walk1;     /* its walk_first in lexicon.wf, plus one (0: none) */
    uint32_t flags;     /* WF_* of the exact word */
    uint8_t nmatch;     /* (a word has a handful: itself, a base form, stems) */
    uint8_t vfrom;      /* matches from here on are by a verb ending (-ed -en -ing) */
    uint8_t exact : 1;  /* the first match is the token itself (not an ending or stem) */
    uint8_t starts : 3; /* ST_* below: some match begins a dictionary phrase, is a phrase of
                         * its own the scan records (one word), continues a phrase */
    uint8_t sets : 1;   /* some match begins a member of a set (patterns' &SETs) */
    uint8_t former : 1; /* flags has WF_FORMER ("former", "ex") */
    uint8_t key_tag;    /* the cache's own (lexicon, lex_key_tag): 0 in an empty slot */
} lexeme;               /* 16 bytes: four to a cache line */
/* The byte of a lexeme that holds its bit-fields (exact, starts, sets, former), between
 * vfrom and key_tag; the x86-64 ABI allocates them from the lowest bit up, so that ST_*
 * flag f of `starts` is bit LEX_STARTS_SHIFT + log2(f) of the byte (scan.c, which reads
 * the byte only on x86-64). */
#define LEX_BITS_BYTE 14
#define LEX_STARTS_SHIFT 1
#define LEX_SETS_BIT 4     /* (after exact and the three of starts) */
#define LEX_FORMER_BIT 5   /* (after exact, the three of starts and sets) */
_Static_assert(offsetof(lexeme, vfrom) == LEX_BITS_BYTE - 1 && offsetof(lexeme, key_tag) == LEX_BITS_BYTE + 1,
               "the bit-fields are the byte between vfrom and key_tag");

/* lexeme.starts and ctok.starts: a phrase the scan records begins here; the word alone is
 * one; the word continues some phrase (a word below the trie's root). A token that begins
 * phrases but is none alone, before one that continues none, needs no walk. */
enum { ST_BEGINS = 1, ST_ALONE = 2, ST_INNER = 4 };

/* The phrase walk's kinds of hit (scan.c, scan_best): the slot a payload fills, -1 for
 * none (a name or agent reached by a verb ending names nobody: "spying" is no spy). */
enum { WH_ACTOR, WH_AGENT, WH_VERB, WH_EVNOUN, WH_REF, WH_NOUN, WH_ADJ, WH_N };
static inline int walk_slot(const phrase_payload *pl, bool verbform)
{
    switch (pl->kind) {
    case PK_ACTOR: return verbform ? -1 : WH_ACTOR;
    case PK_AGENT: return verbform ? -1 : WH_AGENT;
    case PK_VERB: return pl->evnoun ? WH_EVNOUN : WH_VERB;
    case PK_REF: return WH_REF;
    case PK_NOUNWORD: return WH_NOUN;
    case PK_ADJ: return WH_ADJ;
    default: return -1;
    }
}

/* The first step of a phrase walk from a token, which depends on the token alone: what its
 * matches are as one-word phrases, and the trie nodes the walk goes on from. Computed once
 * per distinct token (lexicon.c, first_step) in one cache line, so that a walk does not
 * read the first word's trie nodes and payloads again at every occurrence. */
#define WF_ISSUES 2
#define WF_NEXT 4
typedef struct walk_first {
    uint32_t hit[WH_N];          /* per WH_* slot, a payload handle (payload_handle), 0: none */
    uint8_t exact;               /* per slot: the word matched as itself */
    uint8_t discard;             /* 1: a discard phrase, 2: one that discards the story */
    uint8_t nissue, nnext;
    uint32_t issue[WF_ISSUES];   /* PK_ISSUE indices met, in order (repeats kept) */
    uint32_t next[WF_NEXT];      /* the nodes to go on from, by their runs of children
                                    (dict_step_at), in match order */
    uint8_t next_exact, next_verbform; /* per next: the path's flags */
    uint8_t hits;                /* per slot: hit[slot] is set (the walk reads only these) */
    uint8_t pad;
    uint32_t follow;             /* follow_bit of every word that goes on from next[]: a
                                    next token none of whose words is among them ends the
                                    walk (walk_goes_on) */
} walk_first;                    /* 64 bytes */
_Static_assert(sizeof(walk_first) == 64, "a walk_first is one cache line");

/* A word's bit in walk_first.follow (one of 32, by a multiplicative hash). */
static inline uint32_t follow_bit(uint32_t word)
{
    return 1u << ((word * 0x9E3779B1u) >> 27);
}

/* A payload's handle in a walk_first: a node's first payload by its node, the others by
 * their index (never 0: node 0 is the root, which has no payload a walk reads). */
static inline uint32_t payload_handle(const dt_dict *d, uint32_t node, uint32_t p)
{
    return p == 0 ? node << 1 : ((d->nodes[node].payloads + p) << 1) | 1;
}
static inline const phrase_payload *handle_payload(const dt_dict *d, uint32_t h)
{
    return h & 1 ? &d->payloads[h >> 1] : &d->nodes[h >> 1].first;
}

#define LEX_INLINE 16
/* Readable words past the pool's end (zero): a lexeme's first four matches can be read as
 * one block (scan.c, scan_lexemes). */
#define LEX_POOL_PAD 3
/* A dictionary with at most this many sets keeps each lexeme's sets as a bit mask. */
#define LEX_SET_BITS 256
/* Readable words past the pool's end (zero), LEX_POOL_PAD or more: as many as a mask of
 * sets has, so that a word of a token's mask can be read before asking whether the token
 * has one (match.c, set_probe_at; a lexeme without sets is followed by the next one's
 * words, or by these). */
#define LEX_POOL_TAIL (LEX_SET_BITS / 32)
typedef struct lexicon {
    arena keys;         /* key strings */
    /* 32 bytes, two to a cache line: the lexeme beside its key, so that a look-up reads
     * one line and no second array. Keys of up to LEX_INLINE bytes are kept in the slot
     * (zero-padded), longer ones in `keys`. The slot keeps no hash: the key tag (the key's
     * length and case) and the key itself tell slots apart, and a growing table hashes its
     * keys again. */
    struct lex_slot {
        lexeme lex;     /* lex.key_tag 0: an empty slot */
        union {
            char in[LEX_INLINE];
            struct { const char *p; size_t n; } out;
        } key;
    } *slots;
    size_t cap, count;  /* cap is a power of two (or 0, before the first key) */
    uint32_t *pool;
    size_t npool, cappool;
    walk_first *wf;     /* line-aligned */
    size_t nwf, capwf;
    bool no_first_steps; /* keep no walk_first (tests: the walk then takes every step) */
    size_t limit;       /* entries before the cache is flushed */
} lexicon;
_Static_assert(sizeof(struct lex_slot) == 32, "two cache slots to a cache line");

void lexicon_init(lexicon *lx);
void lexicon_free(lexicon *lx);
/* Empty the cache (it keeps its memory). Lexemes and pool offsets taken before are void
 * after, so the scanner clears it between sentences, when the next sentence could take it
 * past lx->limit entries. */
void lexicon_clear(lexicon *lx);
/* Make the slot table and the pool, which a new lexicon has not yet (lexicon_find reads
 * the one, and the scanner points into the other): 0, or DT_ENOMEM. */
DT_NODISCARD int lexicon_ready(lexicon *lx);
/* A key not yet in the cache (lexicon_find's NULL): its lexeme computed and cached, or
 * NULL on out-of-memory. h is the slot hash lexicon_find was given. The pointer is valid
 * until the next call; the slots and the pool may have moved. */
const lexeme *lexicon_add(lexicon *lx, const dt_dict *d, const char *key, size_t n, uint64_t h, bool allcap);

/* The hash of a key's slot: the upper-case form of a token (allcap, which may match
 * acronyms) is another entry than the same key in another case. */
static inline uint64_t lex_slot_hash(uint64_t key_hash, bool allcap)
{
    return key_hash ^ (allcap ? 0x9e3779b97f4a7c15ULL : 0);
}

/* A slot's key tag: the key's length plus one when the slot holds the key (else
 * LEX_INLINE + 2), and bit 7 for allcap. Never 0, which marks an empty slot. */
static inline uint8_t lex_key_tag(size_t n, bool allcap)
{
    return (uint8_t)((n <= LEX_INLINE ? n + 1 : LEX_INLINE + 2) | (allcap ? 0x80u : 0));
}

/* Whether slot s, whose key tag is the one of key, holds key (n bytes). A key kept in the
 * slot is compared as two 64-bit words, without a call: the slot's copy is zero-padded,
 * and the tokenizer leaves at least 16 readable bytes from the start of every key (bytes
 * past n are masked off). */
static inline bool lex_key_eq(const struct lex_slot *s, const char *key, size_t n)
{
    if (n > LEX_INLINE)
        return s->key.out.n == n && memcmp(s->key.out.p, key, n) == 0;
    /* (per length: the bytes of each word that belong to the key) */
    static const uint64_t mask[LEX_INLINE + 1][2] = {
        {0, 0}, {0xff, 0}, {0xffff, 0}, {0xffffff, 0}, {0xffffffff, 0}, {0xffffffffff, 0},
        {0xffffffffffff, 0}, {0xffffffffffffff, 0}, {~0ULL, 0}, {~0ULL, 0xff}, {~0ULL, 0xffff},
        {~0ULL, 0xffffff}, {~0ULL, 0xffffffff}, {~0ULL, 0xffffffffff}, {~0ULL, 0xffffffffffff},
        {~0ULL, 0xffffffffffffff}, {~0ULL, ~0ULL}};
    uint64_t a0, a1, b0, b1;
    memcpy(&a0, s->key.in, 8);
    memcpy(&a1, s->key.in + 8, 8);
    memcpy(&b0, key, 8);
    memcpy(&b1, key + 8, 8);
    return (((a0 ^ b0) & mask[n][0]) | ((a1 ^ b1) & mask[n][1])) == 0;
}

/* The cached lexeme for a token key (allcap: the token is upper case, so acronyms match),
 * or NULL when the key is not cached yet (lexicon_add then makes it). slots and mask are
 * the lexicon's slots and cap - 1, which the scanner keeps in registers between new keys;
 * there must be a table (lexicon_ready). h: lex_slot_hash of text_key_hash(key, n), as the
 * tokenizer gives it; at least 16 bytes from key on must be readable (the tokenizer's key
 * buffer has them). Inline: a cached key (nearly every token) costs one probe, no call. */
static inline const lexeme *lexicon_find(const struct lex_slot *slots, size_t mask, const char *key, size_t n,
                                         uint64_t h, bool allcap)
{
    uint8_t tag = lex_key_tag(n, allcap);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const struct lex_slot *s = &slots[i];
        if (s->lex.key_tag == tag && lex_key_eq(s, key, n))
            return &s->lex;
        if (!s->lex.key_tag)
            return NULL;
    }
}

/* ---------------------------------------------------------------- sentence */

enum tok_role { TR_NONE, TR_MENTION, TR_VERB, TR_SKIP };


typedef struct ctok {
    /* The token's lexeme, copied whole (one 16-byte move per token); its fields under the
     * names the coder reads (the same layout: a common initial sequence). */
    union {
        lexeme lxc;
        struct {
            uint32_t match_off; /* (lexeme.match: the offset of `match` in the pool) */
            uint32_t walk1;     /* the first step of a walk from here (lexicon.wf), plus one */
            uint32_t wflags;    /* WF_* */
            uint8_t nmatch;
            uint8_t vfrom;      /* match[vfrom..] are by a verb ending */
            uint8_t exact : 1;  /* match[0] is the token itself */
            uint8_t starts : 3; /* ST_*: no phrase begins here without ST_BEGINS */
            uint8_t sets : 1;   /* no set member begins here when 0 */
            uint8_t former : 1; /* wflags has WF_FORMER */
        };
    };
    const uint32_t *match;
    uint16_t tflags;    /* TOKF_* */
    int16_t mention;    /* mention covering the token, -1 */
    int16_t verb;       /* verb occurrence covering it, -1 */
    uint8_t role;
    uint8_t barrier;    /* the token ends a clause for pattern matching */
    uint8_t nounword;   /* a noun/adjective from the dictionary (clause splitting) */
} ctok;

/* The sets a token's words begin members of, kept after its matches in the lexicon's pool
 * (lexicon.c): a mask of LEX_SET_BITS bits when the dictionary has no more sets, else a
 * count and the sets. Only when t->sets. */
static inline const uint32_t *ctok_sets(const ctok *t) { return t->match + t->nmatch; }

enum mention_type { MT_ACTOR, MT_AGENT_ONLY, MT_PRONOUN, MT_REF, MT_ALIAS };

typedef struct mention {
    int start, end;     /* token span [start, end) */
    int name_start, name_end; /* the person's own name inside the span */
    sid codes[MAX_CODES];
    int ncodes;         /* 0: a known actor phrase without a code here (blocks searches) */
    uint8_t kind;       /* enum actor_kind */
    uint8_t type;       /* enum mention_type */
    uint8_t plural;
    uint8_t is_possessive_pron;
    uint8_t pair_own;   /* "their troops" of a compound of countries: one code each, bare */
    int compound;       /* index of the first mention of its compound, or -1 */
    int ncompound;      /* members (on the first mention only) */
    bool wished;        /* compound only as the subject of a wished clause ("hopes X and Y will") */
    uint32_t rule;      /* actor entry rule, or UINT32_MAX */
    int ref;            /* MT_REF: the ref entry */
    int resolved_from;  /* for references: sentence of the antecedent, -1 */
    sid base;           /* an agent's country named before "-based" ("Pakistan-based
                           militants"), 0 if none */
} mention;

typedef struct verbocc {
    int start, end;     /* token span of the verb phrase */
    uint32_t verb;      /* verb entry, or UINT32_MAX when the word is only an event noun */
    uint32_t noun;      /* event-noun entry for the same words, or UINT32_MAX */
    uint8_t form;       /* enum verb_form of the verb reading */
    bool habitual;      /* the verb reading was habitual ("has long called for"): so is the noun's */
} verbocc;

/* A candidate event before expansion of compounds. */
typedef struct proto {
    int src, tgt;       /* mention indices (-1 none) */
    bool both;          /* % : events among the compound src */
    code_spec code;
    sid use_code;       /* the code chosen (main or future) */
    uint32_t rule;
    int verb;           /* verbocc index */
    bool noun;          /* from an event noun */
    char place[4];      /* a meeting's stated place (country code), "" if none */
    bool domestic;      /* the target is a place of the source's own country: its bare code */
} proto;

/* ---------------------------------------------------------------- document */

typedef struct doc_mention {
    sid codes[MAX_CODES];
    int ncodes;
    uint8_t kind;
    uint8_t plural;
    uint8_t subject;    /* was the subject of an event verb */
    bool titled_one;    /* one person named by a title alone ("a coast guard spokesman") who
                           spoke or acted: a "he" or "she" after it */
    int sentence;
    int group;          /* compound id within the document, -1 */
    uint64_t head;      /* hash of its last word ("army" of "Pakistan's army"), 0 if none */
    uint32_t sector;    /* one six-letter code's last three letters, packed ("MIL"), else 0 */
    uint64_t title;     /* hash of the word before a person's own name in its span
                           ("minister" of "Chinese Foreign Minister Wang Yi"), 0 if none */
    uint64_t title_prev; /* hash of the word before that one ("foreign"), 0 if none */
} doc_mention;

typedef struct alias {
    const char *key;
    uint64_t hash;      /* the key's token hash (text_key_hash), compared first */
    uint32_t len;
    sid codes[MAX_CODES];
    int ncodes;
    uint8_t kind;       /* AK_PERSON for a person's name, else the body's ("SDF") */
} alias;

/* ---------------------------------------------------------------- coder */

/* The kinds of act a later sentence may answer by its noun (dt_coder.act_src): reducing
 * relations, coercion and force ("condemned the sanctions"), demands and appeals, and
 * accusations ("rejected the demand", "denied the allegations"). */
enum { ACT_REDUCE, ACT_COERCE, ACT_FORCE, ACT_DEMAND, ACT_ACCUSE, ACT_KINDS };

/* The most recent mention of the document's memory (c->recent, this sentence's included)
 * that satisfies pred, at most max_back sentences back; NULL when none. */
typedef bool (*dm_pred)(const doc_mention *dm, const void *arg);
const doc_mention *doc_find(const dt_coder *c, dm_pred pred, const void *arg, int max_back);

/* Verb lemmas some rules ask about, compared by their string ids (dt_coder.lemma_sid;
 * each needs its text in dt_coder_new's table). The rejections, LM_RULE_OUT to
 * LM_TURN_DOWN, stay together: rejection_verb loops over that range. */
enum { LM_PROTEST, LM_DEMONSTRATION, LM_STOP, LM_HALT, LM_CEASE, LM_QUIT, LM_RULE_OUT, LM_REJECT,
       LM_DISMISS, LM_REFUSE, LM_REBUFF, LM_TURN_DOWN, LM_N };

struct dt_coder {
    const dt_dict *d;
    dt_coder_opts opts;
    lexicon lx;
    int32_t set_diplomat; /* the dictionary's &DIPLOMAT set (expulsions' targets), or -1 */
    sid lemma_sid[LM_N];  /* the LM_* lemmas' string ids (SID_NONE: not in the dictionary) */
    sid sid_cop;          /* the police's agent code, "COP" (SID_NONE: not in the dictionary) */

    /* the document */
    arena doc;          /* event strings, aliases */
    int32_t date;
    int sentence;       /* sentences coded so far */
    sid location;       /* country code of the document (dateline / first country) */
    bool discard_story;
    doc_mention recent[DOC_RECENT];
    int nrecent;        /* ring: total added */
    int next_group;
    alias *aliases;
    uint64_t alias_bloom[16]; /* bit (hash & 1023) set for each alias: most tokens are none */
    size_t naliases, capaliases;
    sid last_speaker[MAX_CODES];
    int nlast_speaker;
    sid ctx_src[4], ctx_tgt[4]; /* the actors of the last sentence with events (targets named before) */
    bool ctx_material;  /* all those events were acts (roots 14-20), not words */
    bool ctx_judging;   /* all those events were disapprovals (root 11) */
    int nctx, ctx_sentence;     /* how many; that sentence, -1: none yet */
    sid pctx_src[4], pctx_tgt[4]; /* the same for the sentence with events before that */
    int npctx, pctx_sentence;
    sid fight_a, fight_b; /* the two sides of the last fight, threat or truce (roots 08, 13-20) */
    int fight_sentence;   /* its sentence, -1: none yet */
    sid yield_src;      /* the one actor of the last sentence's concessions and offers (03, 05-08) */
    int yield_sentence; /* its sentence, -1: none yet */
    sid court_src;      /* the last court (an actor whose code holds JUD) that acted on another */
    int court_sentence; /* its sentence, -1: none yet */
    sid solo_src;       /* the actor of the last one-sided act (a launch, a test), coded or not */
    int solo_sentence;  /* its sentence, -1: none yet */
    /* the actor and sentence of the last act of each kind that a later sentence may judge
     * by its noun ("the sanctions", "the expulsions", "the arrests", "the strikes"):
     * reducing relations (16), coercion (17), force (18-20); and of the last demand or
     * appeal (02, 10) and accusation (112) that a later denial or rejection may answer by
     * its noun ("the demand", "the allegations"); sentence -1: none yet */
    sid act_src[ACT_KINDS];
    int act_sentence[ACT_KINDS];
    /* the actor, target and sentence of the last act of coercion or force (17-20) by an
     * armed group (xxxREB), which a later "condemned the attack" may judge; -1: none yet */
    sid armed_src, armed_tgt;
    int armed_sentence;
    dt_event *events;
    size_t nevents, capevents;

    /* the sentence (reused buffers) */
    buf norm, keys;
    tok *toks;
    size_t tokcap;
    ctok ct[MAX_TOKENS];
    int ntok;
    mention m[MAX_MENTIONS];
    int nm;
    /* The types (bit 1 << enum mention_type) the sentence's mentions were given, set by
     * scan.c at each mention made or retyped, so that a pass over the mentions of one type
     * is not run in a sentence that has none (a test of every mention's type was a
     * branch the processor could not predict). A bit may stay on for a type no mention
     * has any longer: the pass then runs and finds none. */
    uint8_t mention_types;
    /* The tokens' mention indices (ctok.mention) may differ from what the mentions' spans
     * give (scan.c, index_mentions): a span was changed or emptied since they were last
     * indexed. (A new mention keeps them true: its index is the highest, and it writes it
     * over its span. Mentions moved by sorting do not, which sort_mentions sees itself.) */
    bool mentions_unindexed;
    verbocc v[MAX_VERBS];
    int nv;
    /* The tokens that end a clause (ctok.barrier not 0), in order, and the length of the
     * dateline's leading run of TR_SKIP tokens: set by mark_barriers (coder.c) for each
     * sentence it codes, so that a clause's ends are found among a few positions rather
     * than by walking the tokens. */
    int16_t barrier_at[MAX_TOKENS];
    int nbarriers;
    int skip_end;
    /* where each word id occurs in the sentence: an open-addressing map to positions (at
     * most half full: room for every word of a sentence of up to FLAT_MATCHES matches, so
     * that a look finds the same positions whether the map or the flat list answers it) */
    struct word_pos { uint32_t word; uint16_t first, count, fill; } wpos[4096];
    int16_t wpos_list[MAX_TOKENS * 8];
    uint16_t wpos_used[2048]; /* slots in use, to clear them cheaply */
    int nwpos_used;
    size_t wpos_mask;        /* the slots in use this sentence, minus one */
    bool wpos_ready;         /* the word positions below describe the current sentence */
    /* Positions of the words asked about so far, found by a scan of the sentence (most
     * sentences ask about a few words); past the room here, the index above is built. */
    struct word_seen { uint32_t word; uint16_t first, count; } wseen[32];
    int nwseen;
    int nwseen_pos;
    int nmatches;            /* the sentence's matches, all tokens (counted by the scan) */
    bool wpos_full;          /* the index (wpos) answers from here on */
    int16_t wseen_pos[MAX_TOKENS * 4];
    /* every (word, token) match of the sentence in token order, listed by the scan when
     * there is room (nmatches at most their length): a search for one word is one flat
     * loop, four words a step */
    uint32_t flat_word[FLAT_MATCHES + 256]; /* (256: room for one more token's matches) */
    int16_t flat_pos[FLAT_MATCHES + 256];
    /* a filter of the word ids in the sentence (bit word_bloom_bit(w)): a word whose bit
     * is clear is not there, and no index is built to learn it */
    uint64_t wbloom[64];
    bool has_former;     /* some token of the sentence is WF_FORMER (scan.c, former_before) */
    bool has_hyph;       /* some token of the sentence is TOKF_HYPH (scan.c: build_mentions, led_force) */
    /* each token's byte of lexeme bit-fields (LEX_BITS_BYTE), zero for the 32 bytes past
     * the last token, read sixteen tokens a step (x86-64 only, as tok_bits): find_units
     * finds the tokens a phrase may begin at from them, match_sentence_has_set_of the
     * tokens with sets, sentence_tok_summary whether a token is "former" or "ex" */
    uint8_t lex_bits[MAX_TOKENS + 32];
    /* each token's TOKF_* flags of the low byte (case, punctuation, possessive, hyphen),
     * zero past the last token, for the scan's bit masks and summaries of the sentence's
     * tokens (scan.c, alias_candidates, sentence_tok_summary) */
    uint8_t tok_bits[MAX_TOKENS + 32];
    /* set members starting at each token, found once per sentence when first needed */
    int16_t set_first[MAX_TOKENS];    /* -1: not yet looked up; -2: not kept (match.c) */
    uint8_t set_count[MAX_TOKENS];
    struct set_hit { uint32_t set; int16_t end; } set_hits[MAX_TOKENS * 4];
    int nset_hits;
    uint64_t *set_bits;  /* sets with a member anywhere in the sentence (d->nsets bits) */
    /* as many bits, all set, in the same allocation; and which of the two code_entry
     * reads for the sentence's sets: the ones until it has had them gathered */
    const uint64_t *set_ones, *set_seen;
    bool set_bits_ready; /* set_bits filled for this sentence */
    sid issues[16];
    int nissues;
    bool discard;
    int speaker;        /* mention index of the reporting subject, -1 */
    /* the tokens with a pronoun or a reporting word (WF_PRON, WF_REPORT), in order, listed
     * as the scan copies their flags, for mark_pronouns and the speaker's search */
    int16_t marked_at[MAX_TOKENS];
    int nmarked;
    int subject_of[MAX_VERBS];
    uint8_t verb_matched[MAX_VERBS]; /* the verb matched a pattern or has a code */
    sid verb_code[MAX_VERBS];        /* the code it matched */
    uint8_t noun_asks[MAX_VERBS];    /* an appeal, offer or demand noun that made an event:
                                        what it asks for or offers is its content */
    int16_t null_end[MAX_VERBS];     /* end of the words a verb's null pattern took (0: none) */
    int16_t object_end[MAX_VERBS];   /* end of the words its pattern took after it, when it
                                        made no event (0: none) */

    /* codes made while coding (country + agent) that the dictionary does not hold:
     * ids from d->nstrs upwards, private to this coder */
    arena extra_mem;
    char **extra;
    size_t nextra, capextra;
    struct extra_slot { uint32_t id; } *extra_index;
    size_t extra_index_cap;

    buf trace;          /* explain output */
    buf scratch;

    struct tb_state *tab; /* TABARI/PETRARCH coding policy (tabari_code.c), NULL until used */
    /* The last results of joining an actor's code and an agent's (scan.c, combine), by
     * its arguments: most mentions join the same few. Emptied with the coder's own codes.
     * (At the end: 4 KiB that the fields read for every sentence stay clear of.) */
    struct combine_memo { sid actor, agent, out; uint32_t flags; } combine_memo[256];
#ifdef DT_STAGE_TIMES
    coder_stages stages; /* bench/stages.sh */
#endif
};

/* tabari_code.c: dictionaries with opt.tabari or opt.petrarch are coded by TABARI's rules. */
int tabari_code_sentence(dt_coder *c, const char *text, size_t n);
void tabari_state_free(struct tb_state *s);

/* scan.c */
int scan_sentence(dt_coder *c, const char *s, size_t n);
void scan_commit_doc_context(dt_coder *c);
/* Is code a country-based CAMEO code (three letters that are not IGO, NGO, a region ...)? */
bool country_based(const char *code);
/* A mention of no words (at token `at`) for an actor known from earlier sentences; -1 when
 * the sentence has no room left. */
int scan_context_mention(dt_coder *c, int at, sid code, int from_sentence);

/* Code strings: the dictionary's, then the coder's own (coder.c). */
sid coder_intern(dt_coder *c, const char *s, size_t n);
static inline const char *code_str(const dt_coder *c, sid id)
{
    return id < c->d->nstrs ? dict_str(c->d, id) : c->extra[id - c->d->nstrs];
}
bool mention_same_actor(const dt_coder *c, const mention *a, const mention *b);
/* Does mention m's one word, less its last `drop` letters, name the same actor entry
 * ("Iranians" -> "Iranian", "Iraqi" -> "Iraq")? */
bool mention_stem_same_actor(const dt_coder *c, const mention *m, size_t drop);

/* match.c */
typedef struct match_result {
    int src, tgt;       /* bound mentions, -1 */
    bool both;
    int end;            /* last token used by the pattern after the verb (exclusive) */
} match_result;
bool pattern_match(const dt_coder *c, const pattern *p, int vstart, int vend, int lo, int hi,
                   match_result *r);
/* Index the sentence's words (positions per word id) for pattern matching. */
void match_index_sentence(dt_coder *c);
/* False when word id w is certainly not in the sentence (true: it may be). */
static inline bool bloom_has_bit(const dt_coder *c, uint32_t b)
{
    return (c->wbloom[b >> 6] >> (b & 63)) & 1;
}
static inline bool word_maybe_in_sentence(const dt_coder *c, uint32_t w)
{
    return bloom_has_bit(c, word_bloom_bit(w));
}
/* Positions of a word id in the sentence, in increasing order; returns the count. */
int match_word_positions_of(const dt_coder *c, uint32_t word, const int16_t **pos);
static inline int match_word_positions(const dt_coder *c, uint32_t word, const int16_t **pos)
{
    /* (inline: most words asked about are not in the sentence, and the filter says so) */
    return word_maybe_in_sentence(c, word) ? match_word_positions_of(c, word, pos) : 0;
}
/* The filters code_entry applies before pattern_match (match.c), each a necessary
 * condition of a match: what the tokens from `at` on (before hi) must be right after the
 * verb (pattern_filter.adj; a: its positions in dict.adj_words); word id w at some token
 * in [from, to); one of group `alt`'s options' first words there; a member of set
 * possibly beginning there. */
bool match_adjacent_ok(dt_coder *c, int at, int hi, const uint32_t *a);
bool match_word_between(const dt_coder *c, uint32_t w, int from, int to);
bool match_group_between(const dt_coder *c, uint32_t alt, int from, int to);
bool match_set_may_start_between(const dt_coder *c, uint32_t set, int from, int to);
/* Whether a member of set starts at token p and ends by hi (the pattern caches must be
 * set up for the sentence, as they are when it has verbs). */
bool match_set_member_at(dt_coder *c, int p, uint32_t set, int hi);
/* Whether code text k is n characters long (n a small constant), read letter by letter
 * and no further than its end: most codes are three or six letters, and this is cheaper
 * than a call to strlen. (The two lengths asked are written out, a test per letter: the
 * compiler keeps the loop as a loop, which costs twice as many instructions.) */
static inline bool code_len_is(const char *k, size_t n)
{
    if (n == 3)
        return k[0] && k[1] && k[2] && !k[3];
    if (n == 6)
        return k[0] && k[1] && k[2] && k[3] && k[4] && k[5] && !k[6];
    for (size_t i = 0; i < n; i++)
        if (!k[i])
            return false;
    return k[n] == 0;
}

/* Whether code text k begins with the three letters of d (code_is: and ends there), letter
 * by letter without a call (k is read no further than its end, d has three letters). */
static inline bool code_begins(const char *k, const char d[4])
{
    return k[0] == d[0] && k[1] == d[1] && k[2] == d[2];
}
static inline bool code_is(const char *k, const char d[4])
{
    return code_begins(k, d) && k[3] == 0;
}

/* Whether a verb entry's lemma (its string id) is the LM_* lemma `which`. */
static inline bool lemma_is(const dt_coder *c, sid lemma, int which)
{
    return c->lemma_sid[which] != SID_NONE && lemma == c->lemma_sid[which];
}
/* Whether one group, encoded at g (dict.group_bits: dict.c, filter_required_groups; its
 * one-word options first), has an option all of whose required words may be in the
 * sentence (false: none has, by the word filter). */
static inline bool match_group_possible(const dt_coder *c, const uint16_t *g)
{
    /* (a return from inside each loop, not a flag in its condition: a one-word option is
     * then one bit test and one branch) */
    const uint16_t *o = g + 2, *multi = o + g[1], *end = g + 1 + g[0];
    for (; o < multi; o++)
        if (bloom_has_bit(c, *o))
            return true;
    for (; o < end; o += 1 + o[0]) {
        uint16_t j = 1;
        while (j <= o[0] && bloom_has_bit(c, o[j]))
            j++;
        if (j > o[0])
            return true;
    }
    return false;
}
/* Whether each of a pattern filter's n groups, encoded one after another at g, is possible
 * (match_group_possible). */
static inline bool match_groups_possible(const dt_coder *c, const uint16_t *g, uint8_t n)
{
    for (uint8_t q = 0; q < n; q++, g += 1 + g[0])
        if (!match_group_possible(c, g))
            return false;
    return true;
}
/* Whether a member of set occurs anywhere in the sentence (fills the set cache once). */
bool match_sentence_has_set_of(dt_coder *c, uint32_t set);
static inline bool match_sentence_has_set(dt_coder *c, uint32_t set)
{
    if (c->set_bits_ready && set < c->d->nsets)
        return (c->set_bits[set / 64] >> (set % 64)) & 1;
    return match_sentence_has_set_of(c, set);
}

/* Is token i's key exactly the literal w? (The length is known at compile time.) */
static inline bool key_is_n(const dt_coder *c, int i, const char *w, size_t n)
{
    if (i < 0 || i >= c->ntok)
        return false;
    const tok *t = &c->toks[i];
    return t->key_len == n && memcmp(c->keys.data + t->key, w, n) == 0;
}
#define KEY_IS(c, i, lit) key_is_n((c), (i), lit, sizeof(lit) - 1)

/* Is token i's key one of the n words? */
static inline bool key_among(const dt_coder *c, int i, const char *const *words, size_t n)
{
    if (i < 0 || i >= c->ntok)
        return false;
    const tok *t = &c->toks[i];
    const char *key = c->keys.data + t->key;
    /* (the first letters differ for nearly every word: no strlen for those) */
    for (size_t k = 0; k < n; k++)
        if (words[k][0] == key[0] && strlen(words[k]) == t->key_len && memcmp(key, words[k], t->key_len) == 0)
            return true;
    return false;
}

/* A number: "3", "three" ... "twelve", "dozens", "several" */
static inline bool count_word(const dt_coder *c, int k)
{
    static const char *const words[] = {"TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
                                        "TEN", "ELEVEN", "TWELVE", "DOZENS", "SEVERAL"};
    if (k < 0 || k >= c->ntok)
        return false;
    return (c->toks[k].flags & TOKF_NUMBER) || key_among(c, k, words, sizeof(words) / sizeof(words[0]));
}

/* A direction before a place ("in southern Israel", "in north-eastern Syria"): not part
 * of an actor phrase ("South Korea", "East Timor" are). */
static inline bool direction_word(const dt_coder *c, int k)
{
    static const char *const words[] = {"NORTHERN",  "SOUTHERN",  "EASTERN",      "WESTERN",      "CENTRAL",
                                        "NORTH",     "SOUTH",     "EAST",         "WEST",         "NORTHEAST",
                                        "NORTHWEST", "SOUTHEAST", "SOUTHWEST",    "NORTHEASTERN", "NORTHWESTERN",
                                        "SOUTHEASTERN", "SOUTHWESTERN"};
    if (k < 0 || k >= c->ntok || c->ct[k].role != TR_NONE || c->toks[k].key_len < 4)
        return false;
    char f = c->keys.data[c->toks[k].key];
    return (f == 'N' || f == 'S' || f == 'E' || f == 'W' || f == 'C') &&
           key_among(c, k, words, sizeof(words) / sizeof(words[0]));
}

/* From i on, past determiners and up to two directions: "in (the) southern Lebanon". */
static inline int skip_det_dir(const dt_coder *c, int i, int hi)
{
    int dirs = 0;
    while (i < hi && c->ct[i].role == TR_NONE &&
           ((c->ct[i].wflags & WF_DET) || (dirs < 2 && direction_word(c, i) && ++dirs)))
        i++;
    return i;
}

/* From k back, past determiners and up to two directions. */
static inline int back_det_dir(const dt_coder *c, int k)
{
    int dirs = 0;
    while (k >= 0 && c->ct[k].role == TR_NONE &&
           ((c->ct[k].wflags & WF_DET) || (dirs < 2 && direction_word(c, k) && ++dirs)))
        k--;
    return k;
}

/* his, her, its, their, our, my (pronouns, WF_PRON in every dictionary: dict/closed.c; most
 * words are answered by that flag, without a key compared) */
static inline bool possessive_pronoun(const dt_coder *c, int k)
{
    if (k < 0 || k >= c->ntok || !(c->ct[k].wflags & WF_PRON))
        return false;
    return KEY_IS(c, k, "HIS") || KEY_IS(c, k, "ITS") || KEY_IS(c, k, "THEIR") || KEY_IS(c, k, "HER") ||
           KEY_IS(c, k, "OUR") || KEY_IS(c, k, "MY");
}

/* trace helpers */
void trace_emit(dt_coder *c, const char *fmt, ...) DT_PRINTF(2, 3);
/* A line of the explanation (--explain). The arguments are evaluated only when one is
 * being written: many name a span of the sentence, which costs a copy. */
#define trace_printf(c, ...)                \
    do {                                    \
        if ((c)->opts.explain)              \
            trace_emit((c), __VA_ARGS__);   \
    } while (0)
void trace_tokens(dt_coder *c, int a, int b, buf *out);

#endif
