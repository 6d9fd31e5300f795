/* stages.h — where a sentence's coding time goes, for bench/stages.sh: built with
 * -DDT_STAGE_TIMES, the coder reads a clock at the boundaries of its stages and, when it is
 * freed, writes each stage's time per sentence to standard error, and the time of sentences
 * by what they yield. Only the native coder is timed (dictionaries read with TABARI's or
 * PETRARCH's rules are coded without these stages). Built without it (every other build),
 * the macros are empty and the coder's machine code is the same as without the marks. */
#ifndef DT_CODER_STAGES_H
#define DT_CODER_STAGES_H

#include <stdbool.h>
#include <stdint.h>

enum coder_stage {
    /* scanning, in order (each from the end of the one before) */
    STG_NORMALIZE,  /* whitespace and punctuation normalised */
    STG_TOKENIZE,   /* tokens, match keys, case flags */
    STG_LEXICON,    /* token cache, lexemes, word filter */
    STG_PHRASES,    /* dateline, phrase walks (find_units) */
    STG_MENTIONS,   /* mentions built from the phrases */
    STG_ALIASES,    /* aliases, sorting, acronyms, patrons and owners dropped */
    STG_PRONOUNS,
    STG_COMPOUNDS,  /* sorting, compounds, shared agents */
    STG_AGENTS,     /* agents' countries resolved */
    STG_REFERENCES, /* references resolved, press audiences */
    STG_SCAN_LAST = STG_REFERENCES,
    /* coding, nested: all of it; the verbs within it; the pattern loops within those;
     * the matcher within them */
    STG_CODING,
    STG_VERBS,
    STG_PATTERNS,
    STG_MATCHER,
    STG_N
};

#ifdef DT_STAGE_TIMES
#include <time.h>
/* What a sentence yields, for the second table. */
enum { SC_NOTHING, SC_PHRASES, SC_VERBS, SC_EVENTS, SC_N };
/* How a verb entry's try ends, for the third: no pattern matched and nothing to fall back
 * on (code_entry's early end), stopped or null after that, an event to be. */
enum { TRY_EMPTY, TRY_STOPPED, TRY_CODED, TRY_N };

typedef struct coder_stages {
    uint64_t ticks[STG_N];
    uint64_t sentences;
    uint64_t class_n[SC_N], class_ticks[SC_N], class_scan[SC_N];
    uint64_t try_n[TRY_N], try_ticks[TRY_N], try_patterns[TRY_N];
    bool try_empty; /* the try being timed ended early (code_entry sets it) */
    uint64_t tick0, ns0; /* at the coder's creation: to turn ticks into nanoseconds */
} coder_stages;

/* A monotonic clock in nanoseconds (to turn the counter's ticks into time). */
static inline uint64_t stage_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
static inline uint64_t stage_now(void) { return __rdtsc(); }
#else
static inline uint64_t stage_now(void) { return stage_clock_ns(); }
#endif
/* STAGE_START(t): a clock reading in a new variable t; STAGE_LAP(c, stage, t): the time
 * since t added to the stage, and t moved to now; STAGE_ADD(c, stage, t): the time since
 * t added, t left as it was. */
#define STAGE_START(t) uint64_t t = stage_now()
#define STAGE_LAP(c, stage, t)                     \
    do {                                           \
        uint64_t now_ = stage_now();               \
        (c)->stages.ticks[(stage)] += now_ - (t);  \
        (t) = now_;                                \
    } while (0)
#define STAGE_ADD(c, stage, t) ((c)->stages.ticks[(stage)] += stage_now() - (t))
/* STAGE_TRY_EMPTY(c): the verb entry's try being timed ends early. */
#define STAGE_TRY_EMPTY(c) ((c)->stages.try_empty = true)
#else
#define STAGE_START(t) ((void)0)
#define STAGE_LAP(c, stage, t) ((void)0)
#define STAGE_ADD(c, stage, t) ((void)0)
#define STAGE_TRY_EMPTY(c) ((void)0)
#endif

#endif
