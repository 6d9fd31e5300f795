/* dict.h — the compiled dictionary model shared by the native, TABARI and PETRARCH
 * readers and used by the coder: interned words, one phrase trie, actors with dated
 * codes, agents, verbs with patterns, sets, issues, discards and references. */
#ifndef DT_DICT_H
#define DT_DICT_H

#include "../util/util.h"

/* ---------------------------------------------------------------- words */

enum word_mode {
    WM_ENDINGS = 0, /* the word or the word + a regular ending (S ES IES ED EN ING) */
    WM_EXACT = 1,   /* the word only ("US=") */
    WM_STEM = 2,    /* any word that starts with it (TABARI stems) */
};

/* Closed-class flags of a word (set from a built-in table, see closed.c). */
enum {
    WF_DET = 1 << 0,      /* the a an */
    WF_CONJ = 1 << 1,     /* and but or nor */
    WF_PRON = 1 << 2,     /* he she it they ... */
    WF_AUX = 1 << 3,      /* forms of "be" (passive and progressive) */
    WF_BY = 1 << 4,       /* by */
    WF_NEG = 1 << 5,      /* not never n't no */
    WF_FUTURE = 1 << 6,   /* will would shall 'll */
    WF_HYPO = 1 << 7,     /* could might may should */
    WF_PREP = 1 << 8,     /* prepositions */
    WF_REPORT = 1 << 9,   /* say tell report ... (reporting verbs, any form) */
    WF_REL = 1 << 10,     /* who which that whom whose */
    WF_TITLE = 1 << 11,   /* Mr Mrs Ms Dr */
    WF_FORMER = 1 << 12,  /* former ex */
    WF_LOCPREP = 1 << 13, /* in at near from (locative prepositions) */
    WF_HAVE = 1 << 14,    /* has have had */
    WF_DO = 1 << 15,      /* do does did */
    WF_INTENT = 1 << 16,  /* plan intend vow pledge threaten promise want seek (+ to) */
    WF_ADVERB = 1 << 17,  /* also still again then now later ... (skipped in verb groups) */
    WF_PRON_WE = 1 << 18, /* we our us ours (first person plural) */
    WF_PRON_PL = 1 << 19, /* they them their */
    WF_PRON_IT = 1 << 20, /* it its */
    WF_PRON_HE = 1 << 21, /* he him his she her */
    WF_MONTH = 1 << 22,   /* month names (datelines) */
    WF_WEEKDAY = 1 << 23, /* weekday names */
    WF_GET = 1 << 24,     /* got get gets (passive) */
    WF_SUBCONJ = 1 << 25, /* while whereas although because unless if: a new clause */
    WF_DENY = 1 << 26,    /* deny denied ...: what follows in the clause did not happen */
    WF_OBSTRUCT = 1 << 27, /* blocked delayed opposed ...: an event noun after it did not happen */
    WF_RESPOND = 1 << 28, /* responded retaliated reacted: "by" + gerund is the response */
    WF_TRY = 1 << 29,     /* tried attempted (+ to): the attempt is the act itself */
    WF_ELICIT = 1 << 30,  /* drew sparked prompted: "drew criticism from X", a predicate of its own */
};
/* before after until once when since as: open a clause when a subject and its verb follow
 * (the last bit; an enum constant must fit an int) */
#define WF_TEMPORAL 0x80000000u

typedef struct dict_word {
    const char *key;   /* upper case, NUL-terminated */
    uint32_t len;
    uint8_t mode;      /* enum word_mode */
    uint8_t acronym;   /* written upper case in a dictionary and also a common word:
                          matches only upper-case text */
    uint32_t flags;    /* WF_* */
} dict_word;

/* ---------------------------------------------------------------- codes and rules */

/* Strings (actor codes, event codes, issue tags) are interned: id -> string. */
typedef uint32_t sid;
#define SID_NONE 0u

typedef struct rule_loc {
    uint32_t file;     /* index into dict->files */
    uint32_t line;
    const char *text;  /* "file:line", built at compile time */
} rule_loc;

/* ---------------------------------------------------------------- actors */

enum actor_kind { AK_ACTOR = 0, AK_STATE, AK_PERSON, AK_ORG, AK_GROUP, AK__COUNT };

typedef struct code_alt {
    int32_t from, to;  /* inclusive day numbers; DATE_NONE = open */
    uint32_t codes;    /* index into dict->code_lists */
    uint16_t ncodes;   /* 0 = null code (not an actor on those dates) */
    uint8_t dated;     /* has a range */
} code_alt;

typedef struct actor_entry {
    uint32_t alts;     /* index into dict->alts */
    uint16_t nalts;
    uint8_t kind;      /* enum actor_kind */
    uint8_t complex;   /* TABARI [+++]: marks the sentence complex */
    uint32_t rule;
} actor_entry;

typedef struct agent_entry {
    sid code;          /* the sector code to add, e.g. "GOV" */
    uint8_t prefix;    /* TABARI "NGO~": the code goes before the actor's */
    uint32_t rule;
} agent_entry;

/* ---------------------------------------------------------------- patterns */

enum pel_type {
    PE_WORD,    /* arg = word id */
    PE_SET,     /* arg = set id */
    PE_ALT,     /* arg = index into dict->alts_pat (a list of sequences) */
    PE_SOURCE,  /* $ */
    PE_TARGET,  /* + */
    PE_BOTH,    /* % */
    PE_SKIP,    /* ^ */
    PE_NP,      /* PETRARCH {A B}: the words, adjacent, as a noun phrase (arg = seq) */
    PE_PP,      /* PETRARCH (P A B): a prepositional phrase (arg = seq) */
};

/* maxgap: how many tokens may come between this element and the one before it in
 * text order (for the first element after the verb: between it and the verb). */
#define GAP_ANY 255
typedef struct pel {
    uint8_t type;
    uint8_t maxgap;    /* 0 = adjacent, GAP_ANY = any number within the clause */
    uint8_t optional;
    uint8_t flags;     /* PEL_* */
    uint32_t arg;
} pel;

/* pel.flags: a PE_ALT that stands for a TABARI/PETRARCH synset (&NAME), not for {A | B}.
 * TABARI does not count a synset in a pattern's length. */
enum { PEL_SYNSET = 1 };

/* A sequence of pattern elements (alternatives and PETRARCH phrases use these). */
typedef struct pseq {
    uint32_t first;    /* index into dict->pels */
    uint32_t n;
} pseq;

typedef struct alt_list {
    uint32_t first;    /* index into dict->seqs */
    uint32_t n;
} alt_list;

enum code_flags {
    CF_NULL = 1 << 0,      /* [---]: matched, but no event */
    CF_SUBORD = 1 << 1,    /* [023?]: used only if the sentence has no other event */
    CF_DOMINANT = 1 << 2,  /* [111!] */
    CF_DISCARD = 1 << 3,   /* [###]: drop the sentence */
    CF_COMPLEX = 1 << 4,   /* [+++]: sentence too complex */
    CF_PAIRED = 1 << 5,    /* A:B */
    CF_TARGET_ONLY = 1 << 6, /* PETRARCH [:B] — second code of a pair only */
    CF_SOLO = 1 << 7,      /* may be coded without a target (a weapons test), see opts.solo */
    CF_SPEAKER = 1 << 8,   /* the reporting speaker's act on the actor the clause names */
};

typedef struct code_spec {
    sid code;          /* main code (SID_NONE for null) */
    sid code2;         /* second code of a pair */
    sid future;        /* code when the event is announced/intended, SID_NONE = default */
    uint16_t flags;    /* CF_* */
} code_spec;

typedef struct pattern {
    pseq pre;          /* elements before the verb, in text order */
    pseq post;         /* elements after the verb, in text order */
    uint32_t weight;   /* sort key: letters of the fixed words */
    code_spec code;
    uint32_t rule;
    uint8_t slots;     /* PS_* */
    uint8_t verb_gap;  /* maxgap between the last pre element and the verb */
    uint8_t has_neg;   /* the pattern itself contains a negation word */
    uint8_t nreq;      /* words the sentence must contain for the pattern to match */
    uint32_t req[3];   /* (a quick filter before the full match) */
    uint8_t need;      /* PN_*: actors the pattern cannot match without (another filter) */
    uint8_t nreq_set;  /* sets one of whose members the sentence must contain */
    uint32_t req_set[2];
} pattern;

/* A pattern's quick filters, kept apart from it: the coder reads these for every pattern
 * of every verb and the whole pattern only for the few that pass (a verb's filters share
 * cache lines; its patterns take one line each). */
typedef struct pattern_filter {
    uint8_t need, nreq, nreq_set, nreq_alt;
    /* bit q: req[q] (bit 3 + q, past req: req_set[q]) is required after the verb, else before it
     * (compiled: the coder looks for it on that side of the verb, in the clause) */
    uint8_t after;
    uint32_t req[3];
    uint32_t req_set[2];
    /* required groups {A | B | ...} each of whose options needs a word, nreq_alt of them
     * from dict.group_bits[groups] on: the pattern cannot match when no option's words
     * are in the sentence */
    uint32_t groups;
    /* what the pattern needs at the tokens right after the verb ("_to &SETTLE", "_{the |
     * it}"), from dict.adj_words[adj] on (dict.c, adjacent_chain); 0: nothing */
    uint32_t adj;
    /* the groups of `groups`, each as its alt_pats index, GALT_AFTER when it is after the
     * verb: one of its options' first word (seq_key) must be on that side, in the clause */
    uint32_t galt[2];
} pattern_filter;
#define GALT_AFTER 0x80000000u

/* pattern_filter.adj: at most this many positions; a position that needs a set's member
 * is ADJ_SET | the set. */
#define ADJ_MAX 3
#define ADJ_SET 0x80000000u
/* a group at a position: at most this many options */
#define ADJ_GROUP_MAX 16

/* A verb entry's patterns 64 at a time (compiled), for the coder's first look at them:
 * which need an actor before the verb (pre) or after it (post), and for each set and each
 * word some of them require, the patterns that require it (pattern_key: nsets sets, then
 * nwords words, from dict.pkeys[keys] on; `sets`: the patterns that require some set). A
 * pattern out by any of these cannot match; the rest go through their filters
 * (pattern_filter) in order. */
typedef struct pattern_block {
    uint64_t pre, post;
    uint64_t sets;
    uint32_t keys;
    uint16_t nsets, nwords;
} pattern_block;

typedef struct pattern_key {
    uint64_t mask; /* bit k: the block's pattern k requires id */
    uint32_t id;   /* a set index or a word id */
    uint32_t bit;  /* the bit the coder tests for it: the set index, or word_bloom_bit(id) */
} pattern_key;

/* The bit of word id w in the coder's per-sentence word filter (4096 bits; the pattern
 * filters' groups hold these bits, computed once at compile). */
static inline uint32_t word_bloom_bit(uint32_t w) { return (w * 0x9E3779B1u) >> 20; }

/* A required (not optional, top-level) actor slot before / after the verb. */
enum { PN_PRE_ACTOR = 1, PN_POST_ACTOR = 2 };

enum { PS_SOURCE = 1, PS_TARGET = 2, PS_BOTH = 4, PS_SKIP = 8 };

enum pattern_syntax { SYN_NATIVE, SYN_TABARI, SYN_PETRARCH };
/* The index of the set named `name` ("&DIPLOMAT", any case), or -1. */
int32_t dict_find_set(const dt_dict *d, const char *name);
/* Compile a pattern (the text after the leading '-' and before the code) into *out
 * (elements appended to d->pels). On error returns DT_EPARSE with *why and *col. */
int pattern_compile(dt_dict *d, const char *s, size_t n, int syntax, pattern *out,
                    const char **why, size_t *col);

enum verb_form { VF_BASE, VF_S, VF_ED, VF_EN, VF_ING, VF_OTHER };

typedef struct verb_entry {
    sid lemma;
    code_spec code;    /* default code when no pattern matches (code == SID_NONE: none) */
    uint32_t patterns; /* index into dict->patterns; sorted by weight, descending */
    uint32_t npatterns;
    uint32_t blocks;   /* its first pattern_block (compiled): one per 64 patterns */
    uint32_t rule;
    uint8_t is_noun;   /* an event noun (native `noun`), not a verb */
    uint8_t has_code;
    uint8_t special;   /* enum verb_special: TABARI <TIME> phrases are not verbs */
} verb_entry;

/* TABARI time-shift phrases (<TIME> in a .verbs file) are kept as verb entries whose
 * codes are day offsets ("-7", "+1") or a null, discard or complex code. */
enum verb_special { VS_NONE = 0, VS_TIME = 1 };

/* ---------------------------------------------------------------- phrase trie */

enum phrase_kind {
    PK_ACTOR,      /* index: actor entry */
    PK_AGENT,      /* index: agent entry; form: 1 = a plural phrase ("protesters"), can be "they" */
    PK_VERB,       /* index: verb entry; form: enum verb_form */
    PK_NOUNWORD,   /* a noun (clause splitting, TABARI noun shift) */
    PK_ADJ,        /* an adjective */
    PK_ISSUE,      /* index: issue tag sid */
    PK_DISCARD,    /* form: 1 = whole story */
    PK_REF,        /* index: ref entry */
    PK_SETMEMBER,  /* index: set id */
    PK_TIME,       /* index: verb entry of a TABARI time-shift phrase */
};

typedef struct phrase_payload {
    uint8_t kind;
    uint8_t form;
    uint16_t evnoun;   /* PK_VERB: the entry is an event noun (set by dict_compile) */
    uint32_t index;
    uint32_t rule;
} phrase_payload;

typedef struct trie_node {
    uint32_t payloads;  /* index into dict->payloads */
    uint32_t npayloads;
    /* While loading: the number of children. Compiled: where the node's children begin in
     * dict->kids (0: it has none). Either way non-zero when the node has children. */
    uint32_t kids;
    /* a copy of the first payload (dict_compile): most nodes have one, and the phrase
     * scan then reads it from the node's own cache line */
    phrase_payload first;
} trie_node;

/* The p-th payload of a compiled node. */
static inline const phrase_payload *node_payload(const dt_dict *d, const trie_node *tn, uint32_t p);

/* References: "the country" -> the last state named; "the North" -> PRK if named. */
enum ref_kind { RK_KIND = 0, RK_CODE, RK_LEADERS, RK_PAIR, RK_TRIO };
typedef struct ref_entry {
    uint8_t type;      /* enum ref_kind */
    uint8_t kind;      /* enum actor_kind (RK_KIND); RK_PAIR: AK_STATE for the pair's countries */
    uint8_t gov;       /* RK_KIND "government": the state's government (xxxGOV) */
    uint8_t ncodes;    /* RK_CODE: the actor codes */
    sid codes[4];
    uint32_t rule;
} ref_entry;

/* TABARI/PETRARCH coding options that change the coder's behaviour. */
typedef struct dict_options {
    uint8_t tabari;        /* use TABARI's default actor rules */
    uint8_t petrarch;      /* PETRARCH-2 semantics for patterns */
    uint8_t code_by;       /* 0 clause, 1 sentence, 2 all */
    uint8_t convert_agents;
    uint8_t noactprior;    /* COMPLEX: NOACTPRIOR */
    uint8_t has_stems;     /* some words are stems */
    uint8_t yyyy;
    int complex_verbs;     /* COMPLEX: VERBS[n]: more than n verbs -> complex (0 = off) */
    int complex_conj;      /* COMPLEX: CONJ[n] */
    int min_words;
    sid default_source, default_target;
    uint8_t default_prior;
    uint8_t require_dyad;
    /* TABARI/PETRARCH options (docs/compatibility.md); zero = TABARI's defaults */
    uint8_t default_after;     /* DEFAULT: TARGET [..] AFTER */
    uint8_t comma_off;         /* COMMA: OFF */
    uint8_t comma_set;         /* the COMMA limits below were given */
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    uint8_t time_shift;        /* SET: TIME SHIFTING (1 on; set when <TIME> phrases exist) */
    uint8_t forward;           /* FORWARD: pronouns refer back to the previous sentence */
    char forward_fmt[32];      /* its sequence format ("^^*****NNN*SSS") */
    uint8_t min_words_set;     /* min_words was given (TABARI's default is 8) */
    uint8_t petrarch_gaps;     /* PETRARCH: blanks in actor phrases allow gaps (TABARI do) */
} dict_options;

/* TABARI .options LABEL: lines (code -> text), kept for output and documentation. */
typedef struct code_label {
    sid code, text;
} code_label;

/* ---------------------------------------------------------------- the model */

struct dt_dict {
    arena mem;

    /* dict_phrase_words' scratch, reused from phrase to phrase while the native files load */
    buf pw_norm, pw_keys;
    struct tok *pw_toks;
    size_t pw_tcap;

    /* interned strings */
    char **strs;
    size_t nstrs, capstrs;
    uint32_t *str_index;   /* open addressing: slot -> sid */
    size_t str_index_cap;

    /* words */
    dict_word *words;
    size_t nwords, capwords;
    uint32_t *word_index;  /* open addressing: slot -> word id + 1 */
    size_t word_index_cap;
    size_t max_word_len;

    /* trie: node 0 is the root; while loading, edges in an open-addressing table */
    trie_node *nodes;
    size_t nnodes, capnodes;
    struct trie_edge { uint32_t node, word, child; } *edges;
    size_t nedges, edge_cap;   /* edge_cap is a power of two; 0 once compiled */
    /* compiled: each node's children in one run, their count first ({n, 0}), then the
     * (word, child) pairs sorted by word. A node's children share a cache line, where the
     * edge table scattered them over its whole size. */
    struct trie_kid { uint32_t word, child; } *kids;
    size_t nkids;

    phrase_payload *payloads;
    size_t npayloads, cappayloads;

    actor_entry *actors;   size_t nactors, capactors;
    code_alt *alts;        size_t nalts, capalts;
    sid *code_lists;       size_t ncode_lists, capcode_lists;
    agent_entry *agents;   size_t nagents, capagents;
    verb_entry *verbs;     size_t nverbs, capverbs;
    pattern *patterns;     size_t npatterns, cappatterns;
    pattern_filter *pfilters; /* per pattern, by the same index */
    pattern_block *pblocks; size_t npblocks, cappblocks; /* per verb entry, from verbs[v].blocks */
    pattern_key *pkeys;    size_t npkeys, cappkeys;
    pel *pels;             size_t npels, cappels;
    pseq *seqs;            size_t nseqs, capseqs;
    uint32_t *seq_key;     /* per seq (compiled): its first required word (a PE_WORD, not
                              optional), UINT32_MAX when it has none */
    alt_list *alt_pats;    size_t nalt_pats, capalt_pats;
    /* the pattern filters' groups (compiled, dict.c filter_required_groups), each: its
     * length in entries after this one; the count of its one-word options and their
     * word_bloom_bit()s, each once; then its other options, each as the count of its
     * required words' bits (at most GROUP_WORDS) and the bits (an option holding some
     * one-word option's bit is left out; a group with an option of no words is one empty
     * option) */
    uint16_t *group_bits;  size_t ngroup_bits, capgroup_bits;
    uint32_t *adj_words;   size_t nadj_words, capadj_words; /* pattern_filter.adj (compiled) */
    ref_entry *refs;       size_t nrefs, caprefs;
    sid *sets;             size_t nsets, capsets;      /* set id -> name sid */
    /* first word of each set member (build time), then per word id the sets that have a
     * member starting with it: set_by_word[set_by_word_start[w] .. set_by_word_start[w+1]) */
    struct set_first { uint32_t word, set; } *set_firsts; size_t nset_firsts, capset_firsts;
    uint32_t *set_by_word_start, *set_by_word;
    uint32_t *root_child;  /* word id -> the trie node it leads to from the root (0: none) */
    uint8_t *word_inner;   /* word id -> 1 when it continues some phrase (an edge below the root) */
    uint8_t *node_scan;    /* node -> 1 when it or a node below it has a payload the phrase scan
                              records (set members and time phrases are looked up elsewhere) */
    uint32_t *set_alts;    size_t nset_alts, capset_alts; /* set id -> alt list + 1 (TABARI
                                                  and PETRARCH synsets), 0: trie members */
    code_label *labels;    size_t nlabels, caplabels;
    rule_loc *rules;       size_t nrules, caprules;
    char **files;          size_t nfiles, capfiles;

    /* irregular verbs: lemma word id -> past, participle (sids) */
    struct irregular { uint32_t lemma_word; sid past, part; } *irregular;
    size_t nirregular, capirregular;

    /* build time: payload chains per trie node (flattened by dict_compile) */
    uint32_t *payload_next;
    size_t payload_next_cap;

    /* build time: lemma sid -> verb index + 1, so a verb may be extended later */
    uint32_t *verb_of;
    size_t verb_of_cap;

    /* pending patterns: collected per verb while reading, compiled at the end */
    struct pending_pat { uint32_t verb; pattern p; } *pending;
    size_t npending, cappending;

    dict_options opt;
    dt_dict_stats stats;
    bool compiled;
};

/* ---------------------------------------------------------------- building */

int dict_init(dt_dict *d);
/* Free everything a dictionary holds, but not the struct itself. */
void dict_release(dt_dict *d);
/* Intern a string; returns its id (never SID_NONE) or SID_NONE on out-of-memory. */
sid dict_intern(dt_dict *d, const char *s, size_t n);
static inline const char *dict_str(const dt_dict *d, sid id) { return d->strs[id]; }
/* Find an interned string without adding it. */
sid dict_find_str(const dt_dict *d, const char *s, size_t n);

/* Intern a dictionary word (key already upper-case, folded). Returns word id or -1. */
int32_t dict_word_add(dt_dict *d, const char *key, size_t n, uint8_t mode);
/* Look a key up; returns word id or -1. */
int32_t dict_word_find(const dt_dict *d, const char *key, size_t n);

uint32_t dict_file(dt_dict *d, const char *path);
uint32_t dict_rule(dt_dict *d, uint32_t file, uint32_t line);

/* Insert a phrase (a sequence of word ids) into the trie with a payload. */
int dict_add_phrase(dt_dict *d, const uint32_t *words, size_t n, phrase_payload pl);

/* Append growable-array items; return index or -1. */
#define dict_push vec_push
#define DICT_PUSH(d, field, item) \
    vec_push((void **)&(d)->field, &(d)->n##field, &(d)->cap##field, sizeof(*(d)->field), (item))

/* Split a phrase in dictionary notation into word ids using the tokenizer's rules.
 * `_` joins are treated as blanks. Words ending in '=' are exact; a trailing '*' or
 * TABARI stem semantics set by `mode`. Returns count or negative error. */
int dict_phrase_words(dt_dict *d, const char *s, size_t n, uint8_t default_mode,
                      uint32_t *out, size_t cap, bool native_case);

/* Parse a code spec in TABARI/native notation: "195", "042:043", "---", "023?",
 * "111!", "###", "+++", with optional "future=C". Returns 0 or DT_EPARSE. */
int dict_parse_code(dt_dict *d, const char *s, size_t n, code_spec *out, const char **why);

/* Finish: sort patterns, compute stats. Called by dt_dict_load. */
int dict_compile(dt_dict *d);

/* TABARI/PETRARCH words. Their keys carry a leading byte that says how they match, so
 * that "IN_" (the word IN only) and "IN" (a stem: IN, INTO, INCHING) are different words
 * (compat.c). CM_GAP is the pseudo-word between the words of a phrase written with a
 * blank ("DURTHANG ORC"): any number of words may come between them. */
enum compat_mode {
    CM_EXACT = 1,  /* the word only ("WORD=" and pattern words "WORD_") */
    CM_NOUN = 2,   /* the word or + S ES 'S S' (TABARI "WORD_" in actors, agents, nouns) */
    CM_VERB = 3,   /* the word or + S ES ED EN ING, -E: D ING (TABARI "WORD_" verb roots) */
    CM_STEM = 4,   /* any word that starts with it ("WORD") */
    CM_GAP = 5,
    CM_WORD = 6,   /* the word or a regular noun or verb ending (PETRARCH pattern words) */
};
int32_t compat_word(dt_dict *d, const char *key, size_t n, int mode);
/* Find a compat word without adding it; -1 when absent. */
int32_t compat_word_find(const dt_dict *d, const char *key, size_t n, int mode);

/* The closed-class words (determiners, pronouns, auxiliaries ...): added to every
 * dictionary with their flags. */
int dict_add_closed_class(dt_dict *d);

/* The verb forms of a lemma word (regular rules + irregular table). out[VF_*] are
 * NUL-terminated upper-case strings in the arena; VF_OTHER unused. */
int dict_verb_forms(dt_dict *d, const char *lemma, size_t n, const char *past, const char *part,
                    const char *out[5]);

/* ---------------------------------------------------------------- lookups */

static inline uint64_t edge_hash(uint32_t node, uint32_t word)
{
    return hash_u64(((uint64_t)node << 32) | word);
}

/* Compiled: the child for word in the run of children that begins at kids[at] (at != 0),
 * or 0. */
static inline uint32_t dict_kid(const dt_dict *d, uint32_t at, uint32_t word)
{
    const struct trie_kid *k = &d->kids[at] + 1;
    uint32_t n = k[-1].word;
    /* (a few nodes, "the ...", have dozens of children: halve down to eight) */
    while (n > 8) {
        uint32_t half = n / 2;
        if (k[half].word <= word) {
            k += half;
            n -= half;
        } else {
            n = half;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        if (k[i].word >= word)
            return k[i].word == word ? k[i].child : 0;
    return 0;
}

/* Child of node for word, or 0 (the root is never a child). */
static inline uint32_t dict_child(const dt_dict *d, uint32_t node, uint32_t word)
{
    if (d->kids) {
        if (node == 0)
            return word < d->nwords ? d->root_child[word] : 0;
        uint32_t at = d->nodes[node].kids;
        return at ? dict_kid(d, at, word) : 0;
    }
    if (!d->edge_cap)
        return 0;
    size_t mask = d->edge_cap - 1;
    size_t i = edge_hash(node, word) & mask;
    for (;;) {
        const struct trie_edge *e = &d->edges[i];
        if (e->child == 0)
            return 0;
        if (e->node == node && e->word == word)
            return e->child;
        i = (i + 1) & mask;
    }
}

static inline const phrase_payload *node_payload(const dt_dict *d, const trie_node *tn, uint32_t p)
{
    return p == 0 ? &tn->first : &d->payloads[tn->payloads + p];
}

/* dict_child, with the root's children read from a table once the dictionary is compiled
 * (every phrase lookup starts there), and no search for a word that continues no phrase. */
static inline uint32_t dict_step(const dt_dict *d, uint32_t node, uint32_t word)
{
    if (node == 0 && d->root_child)
        return word < d->nwords ? d->root_child[word] : 0;
    /* Most words continue no phrase: no search of the node's children for them. */
    if (d->word_inner && (word >= d->nwords || !d->word_inner[word]))
        return 0;
    return dict_child(d, node, word);
}

/* dict_step in a compiled dictionary from a node known by its run of children (kids[at];
 * 0: the root), which saves reading the node again. */
static inline uint32_t dict_step_at(const dt_dict *d, uint32_t at, uint32_t word)
{
    if (word >= d->nwords)
        return 0;
    if (at == 0)
        return d->root_child[word];
    return d->word_inner[word] ? dict_kid(d, at, word) : 0;
}

/* Resolve the codes of an actor on a date. Returns the number of codes written to
 * out (0: not an actor on that date). */
size_t dict_actor_codes(const dt_dict *d, const actor_entry *a, int32_t date, sid *out, size_t cap);

/* Readers. */
int native_load_file(dt_dict *d, const char *path, dt_diag_fn diag, void *user, dt_error *err);
int native_load_text(dt_dict *d, const char *name, const char *text, size_t len, dt_diag_fn diag,
                     void *user);
/* The items of a TABARI or PETRARCH spec, "ITEM,ITEM,...", each a file path or KIND=PATH:
 * fn gets the item, the kind's name (the whole item when there is no '=') and the path,
 * and stops the walk by returning non-zero. */
typedef int (*dict_spec_fn)(void *ctx, dt_slice item, dt_slice name, dt_slice path);
int dict_spec_each(const char *spec, dict_spec_fn fn, void *ctx);
int tabari_load(dt_dict *d, const char *spec, dt_diag_fn diag, void *user, dt_error *err);
int petrarch_load(dt_dict *d, const char *spec, dt_diag_fn diag, void *user, dt_error *err);

/* The CAMEO table compiled from data/cameo-codes.tsv. */
typedef struct cameo_row { const char *code; double goldstein; const char *name; } cameo_row;
extern const cameo_row cameo_table[];
extern const size_t cameo_table_len;
/* Every CAMEO code is two to four digits under a root of 01 to 20, so each has a slot of
 * its own in a small array: the 21 two-digit codes at their value, the 210 three-digit
 * ones from 21, the 2,100 four-digit ones from 231. cameo_slot holds a slot's row in
 * cameo_table plus one (0 for no code), and a lookup reads it instead of searching. */
enum { CAMEO_SLOTS = 21 + 210 + 2100 };
extern const uint16_t cameo_slot[CAMEO_SLOTS];

#endif
