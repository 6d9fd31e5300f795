/* tabari.h — internal state of the TABARI-compatible coding policy (tabari_text.c,
 * tabari_parse.c, tabari_match.c, tabari_code.c), used when dict->opt.tabari is set. */
#ifndef DT_TABARI_H
#define DT_TABARI_H

#include "coder.h"

#define TB_MAX_TOKENS 160      /* TABARI codes at most 127 words of a record */
#define TB_MAX_UNITS 160
#define TB_MAX_ACTORS 128
#define TB_MAX_CODES 16
#define TB_MAX_EVENTS 256
#define TB_MAX_CLAUSES 64

/* What a token is. */
enum tb_type {
    TT_NONE,     /* not in any dictionary (or a literal of a pattern) */
    TT_PART,     /* a later word of a phrase that starts elsewhere */
    TT_ACTOR, TT_AGENT, TT_VERB, TT_NOUN, TT_ADJ, TT_TIME,
    TT_NULL,     /* a null-coded verb without patterns, or a cancelled phrase */
};

/* Closed-class flags (from the token's text). */
enum {
    TW_DET = 1 << 0,     /* THE A AN */
    TW_CONJ = 1 << 1,    /* AND BUT OR NOR */
    TW_PRON = 1 << 2,    /* HE SHE IT HIM HER THEY THEM THEIR */
    TW_PRON_PL = 1 << 3, /* THEY THEM THEIR */
    TW_AUX = 1 << 4,     /* WAS WERE BEEN */
    TW_BY = 1 << 5,
    TW_PREP = 1 << 6,    /* IN OF: agents before an actor */
    TW_FROM = 1 << 11,   /* FROM: also joins an agent to an actor in PETRARCH's parses */
    TW_FORMER = 1 << 7,
    TW_COMMA = 1 << 8,
    TW_QUOTE = 1 << 9,
    TW_NUMBER = 1 << 10,
};

typedef struct tb_tok {
    const char *s;          /* the filtered word (upper case), in tb_state.text */
    uint16_t len;
    uint16_t wflags;        /* TW_* */
    const uint32_t *match;  /* dictionary words it matches */
    uint16_t nmatch;
    uint8_t type;           /* enum tb_type */
    uint8_t cap;            /* capitalised in the original text */
    uint8_t deleted;        /* inside an eliminated comma-delimited clause */
    uint8_t compound_link;  /* a conjunction or comma that joins a compound phrase */
    int16_t unit;           /* the phrase whose first word this is, -1 */
    int16_t part_of;        /* the phrase this word belongs to (first or later word), -1 */
    int16_t actor;          /* the actor this word belongs to, -1 */
    int16_t clause;
} tb_tok;

/* A dictionary phrase found in the text. */
typedef struct tb_unit {
    uint8_t kind;           /* PK_ACTOR, PK_AGENT, PK_VERB, PK_NOUNWORD, PK_ADJ, PK_TIME */
    uint8_t cancelled;
    int16_t head, last;     /* first and last word */
    int16_t toks[24];       /* the words it matched (gaps skipped) */
    uint8_t ntoks;
    uint32_t index;         /* actor, agent or verb entry */
    uint32_t rule;
} tb_unit;

/* An actor: a phrase with its agents, a converted agent, or a pronoun. */
typedef struct tb_actor {
    int16_t first, last;    /* span, agents included */
    int16_t unit;           /* the actor phrase, -1 */
    int16_t tok;            /* the pronoun's word, -1 */
    sid codes[TB_MAX_CODES];
    uint8_t ncodes;
    sid base;               /* the first code before agents were added (for FORWARD) */
    uint8_t pronoun;        /* 0, or the TW_* flags of the pronoun */
    uint8_t special;        /* '#' discard, '+' complex, 0 */
    uint8_t cancelled;
    int16_t group;          /* compound: index of its first member; -1 alone */
    int16_t ref;            /* a pronoun's referent (actor index), -1 */
    int16_t prep_agent;     /* the agent joined through IN/OF ("leaders of X and Y"), -1 */
    uint8_t prep_former;
    uint8_t ref_compound;   /* the pronoun stands for the referent's whole compound */
    uint32_t rule;
} tb_actor;

typedef struct tb_clause {
    int16_t start, end;     /* words [start, end) */
    uint8_t comma;          /* PETRARCH: the clause starts at a comma, its source is its own */
} tb_clause;

/* An actor reference as a source or target: one actor, or its whole compound. */
typedef struct tb_ref {
    int16_t actor;          /* -1 none; -2 the DEFAULT code */
    uint8_t whole;          /* the whole compound of `actor` */
    sid dflt;
} tb_ref;

typedef struct tb_event {
    sid src, tgt, code;
    int16_t sa, ta;         /* actors (for their words), -1 for default codes */
    uint32_t rule;
    uint8_t subord, dominant;
} tb_event;

enum tb_result { TR_CODED = 0, TR_DISCARD = 1, TR_COMPLEX = 2, TR_SHORT = 3 };

/* TABARI's lookup cache: distinct word -> dictionary words it matches. */
typedef struct tb_lex {
    arena keys;
    struct tb_slot { const char *key; uint32_t len; uint32_t first, n; uint64_t hash; } *slots;
    size_t cap, count;
    uint32_t *pool;
    size_t npool, cappool;
} tb_lex;

typedef struct tb_state {
    dict_options opt;       /* the dictionary's options, changed by validation records */
    tb_lex lex;
    int32_t gap_word;       /* the CM_GAP word id, -1 */
    /* the sentence */
    buf text;               /* filtered words, NUL-separated */
    buf pre;                /* the sentence after character filtering (scratch) */
    tb_tok t[TB_MAX_TOKENS];
    int nt;
    bool all_caps;
    tb_unit u[TB_MAX_UNITS];
    int nu;
    tb_actor a[TB_MAX_ACTORS];
    int na;
    tb_clause cl[TB_MAX_CLAUSES];
    int ncl;
    tb_event ev[TB_MAX_EVENTS];
    int nev;
    sid issues[16];         /* issue phrases of the sentence (PETRARCH issues files) */
    int nissues;
    int result;             /* enum tb_result of the last sentence */
    int shift_days;         /* time shift of the last sentence */
    /* forwarding of pronouns between sentences */
    bool record_mode;       /* ids come from records (validation) */
    long story, sentence_no;
    sid fwd_codes[TB_MAX_CODES];
    int nfwd;
    bool fwd_valid;
    int32_t date;
    /* the sentence's word ids, hashed into 4096 bits: a quick "not here" for patterns */
    uint64_t words_bloom[64];
    bool words_bloom_ready;
} tb_state;

/* tabari_text.c */
int tb_filter(tb_state *s, const dt_dict *d, const char *text, size_t n);
void tb_lex_free(tb_lex *lx);

/* tabari_parse.c */
void tb_parse(dt_coder *c, tb_state *s);
bool tb_actor_ok(const tb_state *s, int ai);
int tb_ref_codes(const dt_coder *c, const tb_state *s, tb_ref r, sid *out, int16_t *owner, int cap);
int tb_group_head(const tb_state *s, int ai);

/* tabari_match.c */
typedef struct tb_match {
    tb_ref src, tgt;
    bool both;              /* % */
    int16_t skipped[8];     /* actors skipped with ^ */
    int nskipped;
    uint32_t length;        /* letters actually matched */
    bool slots;             /* the pattern set the source or target */
} tb_match;
bool tb_pattern_match(const dt_coder *c, const tb_state *s, const pattern *p, int vhead, int vlast, int lo,
                      int hi, tb_match *m);

/* tabari_code.c */
/* The coder's TABARI state, made on first use (NULL on out-of-memory). */
tb_state *tabari_state(dt_coder *c);
/* A TABARI .options command for this coder only (validation records { OPTION: ... }).
 * Returns 1 applied, 0 unknown, DT_EPARSE with *why. */
int tabari_apply_option(dt_coder *c, const char *line, size_t n, const char **why);
/* Validation records give story and sentence numbers (FORWARD:); -1 when unknown. */
void tabari_set_record(dt_coder *c, long story, long sentence);

#endif
