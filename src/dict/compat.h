/* compat.h — internal interface shared by the TABARI and PETRARCH dictionary readers
 * (compat.c, tabari.c, tabari_verbs.c, tabari_options.c, petrarch.c) and the coder. */
#ifndef DT_COMPAT_H
#define DT_COMPAT_H

#include "dict.h"

#define COMPAT_MAX_WORD 128      /* bytes of one dictionary word */
#define COMPAT_MAX_PHRASE 64     /* words (with gap markers) of one phrase */
#define COMPAT_MAX_SYNONYMS 2048 /* phrases of one actor (root + '+' synonyms) */

/* Letters of a compat word's key (without its mode byte); 0 for the gap marker. */
size_t compat_word_letters(const dt_dict *d, uint32_t w);
/* The enum compat_mode of a word, 0 for a native word. */
int compat_word_mode(const dt_dict *d, uint32_t w);

/* Split a phrase in TABARI notation into word ids (see compat.c). final_mode is the mode
 * of a last word written with a trailing '_' (CM_NOUN or CM_VERB), plain_mode that of a
 * word written without '_' (TABARI: CM_STEM; PETRARCH has no stems); with gaps, a blank
 * between two words becomes a CM_GAP word. *letters (may be NULL) gets the number of
 * letters. Returns the number of ids, or DT_EPARSE, DT_ELIMIT or DT_ENOMEM. */
int compat_phrase(dt_dict *d, const char *s, size_t n, int final_mode, int plain_mode, bool gaps,
                  uint32_t *out, size_t cap, size_t *letters);

/* Parse a TABARI date: yymmdd (00-30 are 2000-2030) or yyyymmdd; with yyyy only the
 * latter. */
bool compat_date(const char *s, size_t n, bool yyyy, int32_t *day);

/* Parse "[CODE] [CODE <yymmdd] [CODE >yymmdd] [CODE yymmdd-yymmdd] [---] [A/B]" into
 * code alternatives (codes pushed to d->code_lists). "###" and "+++" are kept as codes.
 * Returns 0, DT_ENOMEM, or DT_EPARSE with *why. */
int compat_code_blocks(dt_dict *d, const char *s, size_t n, bool yyyy, code_alt *out, size_t cap,
                       size_t *nout, const char **why);

/* Length of a line without its comment: ';' for TABARI, '#' after a blank for PETRARCH. */
size_t compat_strip_comment(const char *s, size_t n, int syntax);

/* Lines of a text, with line numbers; optionally skipping <!-- --> comments. */
typedef struct compat_lines {
    const char *text;
    size_t len, pos;
    long lineno;
    bool xml_comments;
    bool in_xml_comment;
} compat_lines;
void compat_lines_init(compat_lines *it, const char *text, size_t len);
bool compat_lines_next(compat_lines *it, dt_slice *line);

/* One dictionary file being read. */
typedef struct compat_reader {
    dt_dict *d;
    const char *name;        /* the path, for messages */
    uint32_t file;           /* dict_file(d, name) */
    const char *text;
    size_t len;
    int syntax;              /* SYN_TABARI or SYN_PETRARCH */
    bool gaps;               /* blanks inside phrases allow other words between */
    bool yyyy;               /* dates have four-digit years only */
    dt_diag_fn diag;
    void *user;
    size_t bad, duplicates;
    bool report_duplicates;
    bool petrarch_words;     /* PETRARCH: no stems; agents exact (their plurals are listed) */
} compat_reader;

/* Report a bad line (counted in d->stats.bad_lines). fmt has one %s. */
void compat_bad(compat_reader *r, long line, const char *fmt, const char *arg);

/* The actor dictionary format shared by TABARI and PETRARCH: "PHRASE [CODE]...", '+'
 * synonyms, indented code lines, <NOUN>/<ADJECTIVE> sections, ~FINISH. */
int compat_read_actors(compat_reader *r);

/* Read a whole dictionary file (NUL-terminated; free with free()). */
int compat_read_file(const char *path, char **text, size_t *len, dt_error *err);

/* Make d->set_alts hold an entry for set id `set`. */
int compat_sets_reserve(dt_dict *d, size_t set);

/* TABARI .options lines (tabari_options.c): apply one command to *o. intern makes code
 * strings into ids (the dictionary's, or a coder's own). Returns 1 when the command was
 * applied or is known and has no effect on coding, 0 when it is unknown, or DT_EPARSE
 * with *why for a malformed command. */
typedef sid (*compat_intern_fn)(void *ctx, const char *s, size_t n);
int tabari_option(dict_options *o, const char *line, size_t n, compat_intern_fn intern, void *ctx,
                  const char **why);
/* The options TABARI starts with. */
void tabari_default_options(dict_options *o);

/* Read one dictionary from memory (fuzzing, tests). kind: "actors", "verbs", "agents",
 * "options" (TABARI) or "verbs", "actors", "agents", "discards", "issues" (PETRARCH);
 * name is used in messages and rules. DT_EINVAL for an unknown kind. */
int tabari_load_text(dt_dict *d, const char *kind, const char *name, const char *text, size_t len,
                     dt_diag_fn diag, void *user);
int petrarch_load_text(dt_dict *d, const char *kind, const char *name, const char *text, size_t len,
                       dt_diag_fn diag, void *user);

/* The TABARI .verbs reader (tabari_verbs.c); syntax SYN_TABARI. */
int tabari_read_verbs(compat_reader *r);
/* PETRARCH's verb dictionary (petrarch.c uses the same synset and pattern helpers). */
int compat_add_synset_member(compat_reader *r, uint32_t set, const char *s, size_t n, long line,
                             pseq *out);
int compat_finish_synset(compat_reader *r, uint32_t set, const pseq *members, size_t n);
int compat_new_set(compat_reader *r, const char *name, size_t n, uint32_t *set);
/* Agents: "[~GOV]" or "[NGO~]" into *ag (code, prefix); then a phrase for agent *id
 * (created on first use when *id < 0). */
int compat_agent_code(dt_dict *d, dt_slice code, agent_entry *ag, const char **why);
int compat_add_agent(compat_reader *r, dt_slice phrase, const agent_entry *ag, long ln, int64_t *id);

/* PETRARCH config [Options] (and validation <Config> changes): returns 1 or DT_EPARSE. */
int petrarch_config_option(dict_options *o, const char *key, size_t kn, const char *val, size_t vn);
void petrarch_default_options(dict_options *o);

/* TABARI pattern weight: letters of the fixed words, the longest option of a group. */
uint32_t compat_pattern_weight(const dt_dict *d, const pattern *p);
uint32_t compat_seq_weight(const dt_dict *d, pseq s);

#endif
