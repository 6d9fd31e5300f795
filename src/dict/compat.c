/* compat.c — helpers shared by the TABARI and PETRARCH readers: words with matching modes,
 * phrases with '_' and blank connectors, [CODE date] blocks with yymmdd dates, comments,
 * and the actor dictionary format both programs use. */
#include "compat.h"

#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- words */

/* Mode bytes stay clear of the native reader's acronym marker (0x01). */
static char mode_byte(int mode) { return (char)(0x10 + mode); }

static int make_key(char *out, size_t cap, const char *key, size_t n, int mode)
{
    if (n + 2 > cap)
        return -1;
    out[0] = mode_byte(mode);
    memcpy(out + 1, key, n);
    return (int)n + 1;
}

int32_t compat_word(dt_dict *d, const char *key, size_t n, int mode)
{
    char tmp[COMPAT_MAX_WORD + 2];
    int k = make_key(tmp, sizeof(tmp), key, n, mode);
    if (k < 0)
        return -1;
    uint8_t wm = mode == CM_STEM ? WM_STEM : (mode == CM_NOUN || mode == CM_VERB || mode == CM_WORD) ? WM_ENDINGS : WM_EXACT;
    return dict_word_add(d, tmp, (size_t)k, wm);
}

int32_t compat_word_find(const dt_dict *d, const char *key, size_t n, int mode)
{
    char tmp[COMPAT_MAX_WORD + 2];
    int k = make_key(tmp, sizeof(tmp), key, n, mode);
    return k < 0 ? -1 : dict_word_find(d, tmp, (size_t)k);
}

size_t compat_word_letters(const dt_dict *d, uint32_t w)
{
    const dict_word *dw = &d->words[w];
    if (!dw->len || (unsigned char)dw->key[0] < 0x10 || (unsigned char)dw->key[0] > 0x1f)
        return dw->len;
    if ((unsigned char)dw->key[0] == 0x10 + CM_GAP)
        return 0;
    return dw->len - 1;
}

int compat_word_mode(const dt_dict *d, uint32_t w)
{
    const dict_word *dw = &d->words[w];
    if (!dw->len)
        return 0;
    int m = (unsigned char)dw->key[0] - 0x10;
    return m >= CM_EXACT && m <= CM_WORD ? m : 0;
}

/* ---------------------------------------------------------------- phrases */

/* Fold one dictionary word to a key (upper case, accents removed). */
static int fold(const char *s, size_t n, char *out, size_t cap, size_t *outn)
{
    buf key;
    buf_init(&key, 0);
    int rc = text_fold_key(s, n, &key);
    if (!rc && (!key.data || key.len == 0 || key.len > cap))
        rc = DT_EPARSE;
    if (!rc) {
        memcpy(out, key.data, key.len);
        *outn = key.len;
    }
    buf_free(&key);
    return rc;
}

int compat_phrase(dt_dict *d, const char *s, size_t n, int final_mode, int plain_mode, bool gaps,
                  uint32_t *out, size_t cap, size_t *letters)
{
    size_t count = 0, nletters = 0;
    size_t i = 0;
    /* Leading and trailing blanks do not count; a trailing '_' does. */
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    while (i < n) {
        size_t st = i;
        /* A word runs to a blank or '_' (hyphens were connectors in TABARI's dictionaries
         * and are blanks in its text, so they join like '_'). A comma is a word of its own. */
        if (s[i] == ',') {
            i++;
        } else {
            while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '_' && s[i] != '-' && s[i] != ',')
                i++;
        }
        size_t wl = i - st;
        if (wl == 0) {
            i++;
            continue;
        }
        int mode = plain_mode;
        bool adjacent_next = false;
        const char *w = s + st;
        if (wl > 1 && w[wl - 1] == '=') {
            wl--;
            mode = CM_EXACT;
        } else if (wl > 1 && w[wl - 1] == '~') {
            wl--;
            mode = CM_STEM;
            adjacent_next = true;
        }
        /* The connector after the word. */
        size_t j = i;
        bool underscore = j < n && (s[j] == '_' || s[j] == '-');
        bool comma_next = j < n && s[j] == ',';
        while (j < n && (s[j] == '_' || s[j] == '-'))
            j++;
        bool blank = false;
        while (j < n && (s[j] == ' ' || s[j] == '\t')) {
            blank = true;
            j++;
        }
        bool last = j >= n;
        if (mode != CM_EXACT && underscore && !adjacent_next)
            mode = last ? final_mode : CM_EXACT;
        if (underscore || comma_next || w[0] == ',')
            adjacent_next = true;
        if (blank && !underscore && !comma_next && w[0] != ',')
            adjacent_next = false;
        char key[COMPAT_MAX_WORD];
        size_t kl;
        int rc = fold(w, wl, key, sizeof(key), &kl);
        if (rc)
            return rc == DT_ENOMEM ? rc : DT_EPARSE;
        if (count + 2 > cap)
            return DT_ELIMIT;
        int32_t id = compat_word(d, key, kl, w[0] == ',' ? CM_EXACT : mode);
        if (id < 0)
            return DT_ENOMEM;
        out[count++] = (uint32_t)id;
        nletters += kl;
        if (!last && !adjacent_next && gaps) {
            int32_t g = compat_word(d, "", 0, CM_GAP);
            if (g < 0)
                return DT_ENOMEM;
            out[count++] = (uint32_t)g;
        }
        i = j;
    }
    if (letters)
        *letters = nletters;
    return (int)count;
}

/* ---------------------------------------------------------------- dates and codes */

bool compat_date(const char *s, size_t n, bool yyyy, int32_t *day)
{
    dt_slice t = str_trim(s, n);
    if (t.len != 6 && t.len != 8)
        return false;
    int v[8];
    for (size_t i = 0; i < t.len; i++) {
        if (!is_digit((unsigned char)t.ptr[i]))
            return false;
        v[i] = t.ptr[i] - '0';
    }
    int y, m, dd;
    if (t.len == 8) {
        y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        m = v[4] * 10 + v[5];
        dd = v[6] * 10 + v[7];
    } else {
        if (yyyy)
            return false;
        y = v[0] * 10 + v[1];
        /* TABARI's pivot: 00-30 are 2000-2030. */
        y += y <= 30 ? 2000 : 1900;
        m = v[2] * 10 + v[3];
        dd = v[4] * 10 + v[5];
    }
    if (!date_valid_ymd(y, m, dd))
        return false;
    *day = date_from_ymd(y, m, dd);
    return true;
}

static bool code_char(int c) { return is_alnum(c) || c == '/'; }

/* One block's content: "CODE", "CODE <DATE", "CODE >DATE", "CODE DATE-DATE", "---". */
static int parse_block(dt_dict *d, const char *s, size_t n, bool yyyy, code_alt *alt, const char **why)
{
    dt_slice t = str_trim(s, n);
    memset(alt, 0, sizeof(*alt));
    alt->from = alt->to = DATE_NONE;
    alt->codes = (uint32_t)d->ncode_lists;
    /* The code: a run of code characters, or a special code written with blanks. */
    char code[128];
    size_t cl = 0, i = 0;
    while (i < t.len) {
        char c = t.ptr[i];
        if (code_char((unsigned char)c) || c == '-' || c == '#' || c == '+' || c == ' ') {
            if (c == ' ' && cl && code_char((unsigned char)code[cl - 1]))
                break;
            if (c == '-' && cl && code_char((unsigned char)code[cl - 1]))
                break;
            if (c != ' ') {
                if (cl + 1 >= sizeof(code)) {
                    *why = "code too long";
                    return DT_EPARSE;
                }
                code[cl++] = (char)to_upper((unsigned char)c);
            }
            i++;
            continue;
        }
        break;
    }
    code[cl] = 0;
    dt_slice rest = str_trim(t.ptr + i, t.len - i);
    if (cl == 0 || (is_digit((unsigned char)code[0]) && cl >= 6 && rest.len == 0 && strchr(code, '-'))) {
        *why = "a code block needs a code before its date";
        return DT_EPARSE;
    }
    bool special = strcmp(code, "---") == 0 || strcmp(code, "###") == 0 || strcmp(code, "+++") == 0;
    if (!special) {
        for (size_t k = 0; k < cl; k++)
            if (!code_char((unsigned char)code[k])) {
                *why = "a code has letters and digits only ('/' between the codes of a compound)";
                return DT_EPARSE;
            }
        /* A date glued to a code ("AAA950601-990815") is an error in TABARI. */
        size_t digits = 0;
        while (digits < cl && is_digit((unsigned char)code[cl - 1 - digits]))
            digits++;
        if (digits >= 6 && digits < cl && rest.len && rest.ptr[0] == '-') {
            *why = "a blank must separate the code from its date";
            return DT_EPARSE;
        }
    }
    if (rest.len) {
        alt->dated = 1;
        if (rest.ptr[0] == '<' || rest.ptr[0] == '>') {
            int32_t day;
            if (!compat_date(rest.ptr + 1, rest.len - 1, yyyy, &day)) {
                *why = "bad date (expected yymmdd or yyyymmdd)";
                return DT_EPARSE;
            }
            if (rest.ptr[0] == '<')
                alt->to = day;
            else
                alt->from = day;
        } else {
            size_t dash = 0;
            while (dash < rest.len && rest.ptr[dash] != '-')
                dash++;
            int32_t a, b;
            if (dash >= rest.len || !compat_date(rest.ptr, dash, yyyy, &a) ||
                !compat_date(rest.ptr + dash + 1, rest.len - dash - 1, yyyy, &b) || a > b) {
                *why = "bad date range (expected <DATE, >DATE or DATE-DATE)";
                return DT_EPARSE;
            }
            alt->from = a;
            alt->to = b;
        }
    }
    if (strcmp(code, "---") == 0)
        return 0;
    /* Codes of a coded compound are separated by '/'. */
    size_t st = 0;
    for (size_t k = 0; k <= cl; k++) {
        if (k < cl && code[k] != '/')
            continue;
        if (k == st) {
            *why = "empty code in a compound";
            return DT_EPARSE;
        }
        sid id = dict_intern(d, code + st, k - st);
        if (!id || DICT_PUSH(d, code_lists, &id) < 0)
            return DT_ENOMEM;
        alt->ncodes++;
        st = k + 1;
    }
    return 0;
}

int compat_code_blocks(dt_dict *d, const char *s, size_t n, bool yyyy, code_alt *out, size_t cap,
                       size_t *nout, const char **why)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        if (i >= n)
            break;
        if (s[i] != '[') {
            *why = "expected '[' to start a code";
            return DT_EPARSE;
        }
        size_t j = i + 1;
        while (j < n && s[j] != ']' && s[j] != '[')
            j++;
        if (j >= n || s[j] != ']') {
            *why = "missing ']'";
            return DT_EPARSE;
        }
        if (*nout >= cap) {
            *why = "too many codes";
            return DT_EPARSE;
        }
        int rc = parse_block(d, s + i + 1, j - i - 1, yyyy, &out[*nout], why);
        if (rc)
            return rc;
        (*nout)++;
        i = j + 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- lines */

size_t compat_strip_comment(const char *s, size_t n, int syntax)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (syntax == SYN_TABARI && s[i] == ';')
            return i;
        /* PETRARCH: '#' starts a comment anywhere but inside a code ("[###]"). */
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']' && depth)
            depth--;
        else if (syntax == SYN_PETRARCH && s[i] == '#' && !depth)
            return i;
    }
    return n;
}

void compat_lines_init(compat_lines *it, const char *text, size_t len)
{
    memset(it, 0, sizeof(*it));
    it->text = text;
    it->len = len;
}

static const char *find_close(const char *s, size_t n)
{
    for (size_t k = 0; k + 3 <= n; k++)
        if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>')
            return s + k + 3;
    return NULL;
}

bool compat_lines_next(compat_lines *it, dt_slice *line)
{
    while (it->pos < it->len) {
        size_t st = it->pos, e = st;
        while (e < it->len && it->text[e] != '\n')
            e++;
        it->pos = e < it->len ? e + 1 : e;
        it->lineno++;
        size_t l = e - st;
        if (l && it->text[st + l - 1] == '\r')
            l--;
        const char *p = it->text + st;
        if (it->xml_comments) {
            /* XML-style comments (PETRARCH's validation dictionaries), possibly over lines:
             * the text after a closing "-->" still counts. */
            if (it->in_xml_comment) {
                const char *end = find_close(p, l);
                if (!end)
                    continue;
                it->in_xml_comment = false;
                l -= (size_t)(end - p);
                p = end;
            }
            dt_slice t = str_trim(p, l);
            if (t.len >= 4 && memcmp(t.ptr, "<!--", 4) == 0) {
                const char *end = find_close(t.ptr + 4, t.len - 4);
                if (!end) {
                    it->in_xml_comment = true;
                    continue;
                }
                l = (size_t)(t.ptr + t.len - end);
                p = end;
            }
        }
        line->ptr = p;
        line->len = l;
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------- actors */

typedef struct actor_group {
    long line;                   /* line of the first phrase */
    dt_slice phrases[COMPAT_MAX_SYNONYMS];
    long phrase_lines[COMPAT_MAX_SYNONYMS];
    size_t nphrases;
    code_alt alts[32];
    size_t nalts;
    bool bad;
    bool open;
} actor_group;

static void rd_bad(compat_reader *r, long line, const char *fmt, const char *arg)
{
    r->bad++;
    r->d->stats.bad_lines++;
    diag_emit(r->diag, r->user, DT_EPARSE, r->name, line, 0, -1, fmt, arg);
}

void compat_bad(compat_reader *r, long line, const char *fmt, const char *arg)
{
    rd_bad(r, line, fmt, arg);
}

static int add_phrase(compat_reader *r, dt_slice ph, long line, phrase_payload pl, int final_mode,
                      const char *what)
{
    uint32_t words[COMPAT_MAX_PHRASE];
    int k = compat_phrase(r->d, ph.ptr, ph.len, final_mode, r->petrarch_words ? CM_NOUN : CM_STEM, r->gaps, words,
                          COMPAT_MAX_PHRASE, NULL);
    if (k == DT_ENOMEM)
        return k;
    char tmp[160];
    snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(ph.len, 120), ph.ptr);
    if (k <= 0) {
        rd_bad(r, line, "cannot read the phrase \"%s\"", tmp);
        return 0;
    }
    int rc = dict_add_phrase(r->d, words, (size_t)k, pl);
    if (rc < 0)
        return rc;
    if (rc == 1) {
        /* TABARI keeps the first entry of a duplicated phrase: a warning, not an error. */
        r->duplicates++;
        if (r->report_duplicates)
            diag_emit(r->diag, r->user, DT_OK, r->name, line, 0, -1,
                      "duplicate %s phrase \"%s\" (the first definition is kept)", what, tmp);
    } else if (pl.kind == PK_ACTOR) {
        r->d->stats.actor_phrases++;
    }
    return 0;
}

static int flush_group(compat_reader *r, actor_group *g)
{
    int rc = 0;
    if (!g->open)
        return 0;
    g->open = false;
    if (g->bad || g->nphrases == 0)
        return 0;
    if (g->nalts == 0) {
        char tmp[160];
        snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(g->phrases[0].len, 120), g->phrases[0].ptr);
        rd_bad(r, g->line, "actor \"%s\" has no [CODE]", tmp);
        return 0;
    }
    actor_entry ae = {(uint32_t)r->d->nalts, (uint16_t)g->nalts, AK_ACTOR, 0,
                      dict_rule(r->d, r->file, (uint32_t)g->line)};
    for (size_t i = 0; i < g->nalts; i++)
        if (DICT_PUSH(r->d, alts, &g->alts[i]) < 0)
            return DT_ENOMEM;
    int64_t id = DICT_PUSH(r->d, actors, &ae);
    if (id < 0)
        return DT_ENOMEM;
    phrase_payload pl = {PK_ACTOR, 0, 0, (uint32_t)id, ae.rule};
    for (size_t i = 0; i < g->nphrases && !rc; i++)
        rc = add_phrase(r, g->phrases[i], g->phrase_lines[i], pl, CM_NOUN, "actor");
    return rc;
}

/* Split "PHRASE [CODES]" into the phrase and the code part (from the first '['). */
static void split_codes(dt_slice t, dt_slice *phrase, dt_slice *codes)
{
    size_t b = 0;
    while (b < t.len && t.ptr[b] != '[')
        b++;
    *phrase = str_trim(t.ptr, b);
    *codes = (dt_slice){t.ptr + b, t.len - b};
}

int compat_read_actors(compat_reader *r)
{
    compat_lines it;
    compat_lines_init(&it, r->text, r->len);
    it.xml_comments = r->syntax == SYN_PETRARCH;
    actor_group g;
    memset(&g, 0, sizeof(g));
    dt_slice line;
    int section = 0; /* 1 nouns, 2 adjectives */
    int rc = 0;
    while (!rc && compat_lines_next(&it, &line)) {
        long ln = it.lineno;
        bool indented = line.len && (line.ptr[0] == ' ' || line.ptr[0] == '\t');
        dt_slice t = str_trim(line.ptr, compat_strip_comment(line.ptr, line.len, r->syntax));
        if (!t.len)
            continue;
        if (t.ptr[0] == '#' || (r->syntax == SYN_TABARI && t.ptr[0] == '/') ||
            (r->syntax == SYN_PETRARCH && t.len > 1 && t.ptr[0] == '<' && t.ptr[1] == '!'))
            continue;
        if (t.ptr[0] == '~') {
            /* ~FINISH: the rest of the file is not read. */
            break;
        }
        if (t.ptr[0] == '<') {
            rc = flush_group(r, &g);
            if (str_ieq(t.ptr, t.len, "<NOUN>") || str_ieq(t.ptr, t.len, "<NOUNS>"))
                section = 1;
            else if (str_ieq(t.ptr, t.len, "<ADJECTIVE>") || str_ieq(t.ptr, t.len, "<ADJECTIVES>"))
                section = 2;
            else if (t.len > 2 && t.ptr[1] == '/')
                section = 0;
            else {
                char tmp[80];
                snprintf(tmp, sizeof(tmp), "%.*s", (int)DT_MIN(t.len, 60), t.ptr);
                rd_bad(r, ln, "unknown section \"%s\" (expected <NOUN> or <ADJECTIVE>)", tmp);
            }
            continue;
        }
        if (section) {
            dt_slice ph, codes;
            split_codes(t, &ph, &codes);
            phrase_payload pl = {(uint8_t)(section == 1 ? PK_NOUNWORD : PK_ADJ), 0, 0, 0,
                                 dict_rule(r->d, r->file, (uint32_t)ln)};
            rc = add_phrase(r, ph, ln, pl, CM_NOUN, section == 1 ? "noun" : "adjective");
            continue;
        }
        if (indented && t.ptr[0] == '[') {
            if (!g.open) {
                rd_bad(r, ln, "%s", "a code line must follow an actor phrase");
                continue;
            }
            const char *why = NULL;
            if (compat_code_blocks(r->d, t.ptr, t.len, r->yyyy, g.alts, DT_ARRAY_LEN(g.alts), &g.nalts, &why)) {
                rd_bad(r, ln, "bad code: %s", why);
                g.bad = true;
            }
            continue;
        }
        if (t.ptr[0] == '+') {
            if (!g.open) {
                rd_bad(r, ln, "%s", "a synonym ('+') must follow an actor phrase");
                continue;
            }
            dt_slice ph, codes;
            split_codes((dt_slice){t.ptr + 1, t.len - 1}, &ph, &codes);
            if (codes.len) {
                const char *why = NULL;
                if (compat_code_blocks(r->d, codes.ptr, codes.len, r->yyyy, g.alts, DT_ARRAY_LEN(g.alts),
                                       &g.nalts, &why)) {
                    rd_bad(r, ln, "bad code: %s", why);
                    g.bad = true;
                }
            }
            if (!ph.len)
                continue;
            if (g.nphrases >= COMPAT_MAX_SYNONYMS) {
                rd_bad(r, ln, "%s", "too many synonyms for one actor");
                continue;
            }
            g.phrase_lines[g.nphrases] = ln;
            g.phrases[g.nphrases++] = ph;
            continue;
        }
        if (t.ptr[0] == '[') {
            rd_bad(r, ln, "%s", "a code line must be indented and follow an actor phrase");
            continue;
        }
        /* PETRARCH's files also list synonyms without '+' before their code lines
         * ("BORIS_YELTSIN_ / YELTSIN / [RUSELI ...]"): such a line joins the group. */
        if (r->syntax == SYN_PETRARCH && g.open && !g.bad && g.nalts == 0 && !memchr(t.ptr, '[', t.len) &&
            g.nphrases < COMPAT_MAX_SYNONYMS) {
            g.phrase_lines[g.nphrases] = ln;
            g.phrases[g.nphrases++] = t;
            continue;
        }
        /* A new actor: PHRASE [CODES] or PHRASE alone (codes follow on indented lines). */
        if ((rc = flush_group(r, &g)))
            break;
        /* reset the counts only: the arrays are large and read up to them */
        g.nphrases = 0;
        g.nalts = 0;
        g.bad = false;
        g.open = true;
        g.line = ln;
        dt_slice ph, codes;
        split_codes(t, &ph, &codes);
        if (!ph.len) {
            rd_bad(r, ln, "%s", "missing actor phrase before '['");
            g.bad = true;
            continue;
        }
        g.phrase_lines[0] = ln;
        g.phrases[g.nphrases++] = ph;
        if (codes.len) {
            const char *why = NULL;
            if (compat_code_blocks(r->d, codes.ptr, codes.len, r->yyyy, g.alts, DT_ARRAY_LEN(g.alts),
                                   &g.nalts, &why)) {
                rd_bad(r, ln, "bad code: %s", why);
                g.bad = true;
            }
        }
    }
    if (!rc)
        rc = flush_group(r, &g);
    return rc;
}

/* ---------------------------------------------------------------- files */

int compat_read_file(const char *path, char **text, size_t *len, dt_error *err)
{
    return file_read_all(path, 256u << 20, text, len, err);
}

int compat_sets_reserve(dt_dict *d, size_t set)
{
    while (d->nset_alts <= set) {
        uint32_t zero = 0;
        if (DICT_PUSH(d, set_alts, &zero) < 0)
            return DT_ENOMEM;
    }
    return 0;
}
