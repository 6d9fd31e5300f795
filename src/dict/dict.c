/* dict.c — building the compiled dictionary model: interning, the phrase trie, code
 * specifications, verb inflection, compilation and dt_dict_load dispatch. */
#include "dict.h"

#include "../text/text.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>


/* ---------------------------------------------------------------- strings */

static int grow_index(uint32_t **index, size_t *cap, size_t count, uint64_t (*hash_of)(const dt_dict *, uint32_t),
                      const dt_dict *d)
{
    if ((count + 1) * 2 <= *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 1024;
    uint32_t *ni = calloc(nc, sizeof(*ni));
    if (!ni)
        return DT_ENOMEM;
    for (size_t i = 0; i < *cap; i++) {
        uint32_t v = (*index)[i];
        if (!v)
            continue;
        size_t j = hash_of(d, v) & (nc - 1);
        while (ni[j])
            j = (j + 1) & (nc - 1);
        ni[j] = v;
    }
    free(*index);
    *index = ni;
    *cap = nc;
    return 0;
}

static uint64_t str_hash_of(const dt_dict *d, uint32_t id)
{
    return hash_bytes(d->strs[id], strlen(d->strs[id]));
}

sid dict_find_str(const dt_dict *d, const char *s, size_t n)
{
    if (!d->str_index_cap)
        return SID_NONE;
    size_t mask = d->str_index_cap - 1;
    size_t i = hash_bytes(s, n) & mask;
    for (;;) {
        uint32_t v = d->str_index[i];
        if (!v)
            return SID_NONE;
        const char *t = d->strs[v];
        if (strlen(t) == n && memcmp(t, s, n) == 0)
            return v;
        i = (i + 1) & mask;
    }
}

sid dict_intern(dt_dict *d, const char *s, size_t n)
{
    sid found = dict_find_str(d, s, n);
    if (found)
        return found;
    if (grow_index(&d->str_index, &d->str_index_cap, d->nstrs, str_hash_of, d))
        return SID_NONE;
    char *copy = arena_strndup(&d->mem, s, n);
    if (!copy)
        return SID_NONE;
    int64_t id = DICT_PUSH(d, strs, &copy);
    if (id < 0)
        return SID_NONE;
    size_t mask = d->str_index_cap - 1;
    size_t i = hash_bytes(s, n) & mask;
    while (d->str_index[i])
        i = (i + 1) & mask;
    d->str_index[i] = (uint32_t)id;
    return (sid)id;
}

/* ---------------------------------------------------------------- words */

static uint64_t word_hash_of(const dt_dict *d, uint32_t v)
{
    const dict_word *w = &d->words[v - 1];
    return hash_bytes(w->key, w->len);
}

int32_t dict_word_find(const dt_dict *d, const char *key, size_t n)
{
    if (!d->word_index_cap)
        return -1;
    size_t mask = d->word_index_cap - 1;
    size_t i = hash_bytes(key, n) & mask;
    for (;;) {
        uint32_t v = d->word_index[i];
        if (!v)
            return -1;
        const dict_word *w = &d->words[v - 1];
        if (w->len == n && memcmp(w->key, key, n) == 0)
            return (int32_t)(v - 1);
        i = (i + 1) & mask;
    }
}

int32_t dict_word_add(dt_dict *d, const char *key, size_t n, uint8_t mode)
{
    int32_t found = dict_word_find(d, key, n);
    if (found >= 0) {
        dict_word *w = &d->words[found];
        /* A stem is the most permissive reading; keep the widest one asked for. */
        if (mode == WM_STEM)
            w->mode = WM_STEM;
        else if (mode == WM_ENDINGS && w->mode == WM_EXACT)
            w->mode = WM_ENDINGS;
        return found;
    }
    if (grow_index(&d->word_index, &d->word_index_cap, d->nwords, word_hash_of, d))
        return -1;
    dict_word w = {0};
    w.key = arena_strndup(&d->mem, key, n);
    if (!w.key)
        return -1;
    w.len = (uint32_t)n;
    w.mode = mode;
    int64_t id = DICT_PUSH(d, words, &w);
    if (id < 0)
        return -1;
    size_t mask = d->word_index_cap - 1;
    size_t i = hash_bytes(key, n) & mask;
    while (d->word_index[i])
        i = (i + 1) & mask;
    d->word_index[i] = (uint32_t)id + 1;
    if (n > d->max_word_len)
        d->max_word_len = n;
    if (mode == WM_STEM)
        d->opt.has_stems = 1;
    return (int32_t)id;
}

/* The name a rule shows: the path without leading directories beyond the last three
 * components ("data/dict/verbs.dict"), so output does not depend on where it runs. */
static const char *display_path(const char *path)
{
    const char *p = path + strlen(path);
    int slashes = 0;
    while (p > path) {
        if (p[-1] == '/' && ++slashes == 3)
            return p;
        p--;
    }
    return path;
}

uint32_t dict_file(dt_dict *d, const char *path)
{
    path = display_path(path);
    for (size_t i = 0; i < d->nfiles; i++)
        if (strcmp(d->files[i], path) == 0)
            return (uint32_t)i;
    char *copy = arena_strndup(&d->mem, path, strlen(path));
    int64_t id = copy ? DICT_PUSH(d, files, &copy) : -1;
    return id < 0 ? 0 : (uint32_t)id;
}

uint32_t dict_rule(dt_dict *d, uint32_t file, uint32_t line)
{
    rule_loc r = {file, line, NULL};
    int64_t id = DICT_PUSH(d, rules, &r);
    return id < 0 ? 0 : (uint32_t)id;
}

/* ---------------------------------------------------------------- trie */

static int grow_edges(dt_dict *d)
{
    if ((d->nedges + 1) * 2 <= d->edge_cap)
        return 0;
    size_t nc = d->edge_cap ? d->edge_cap * 2 : 4096;
    struct trie_edge *ne = calloc(nc, sizeof(*ne));
    if (!ne)
        return DT_ENOMEM;
    for (size_t i = 0; i < d->edge_cap; i++) {
        struct trie_edge e = d->edges[i];
        if (!e.child)
            continue;
        size_t j = edge_hash(e.node, e.word) & (nc - 1);
        while (ne[j].child)
            j = (j + 1) & (nc - 1);
        ne[j] = e;
    }
    free(d->edges);
    d->edges = ne;
    d->edge_cap = nc;
    return 0;
}

static int64_t new_node(dt_dict *d)
{
    trie_node n = {.payloads = UINT32_MAX, .npayloads = 0, .kids = 0};
    return DICT_PUSH(d, nodes, &n);
}


int dict_add_phrase(dt_dict *d, const uint32_t *words, size_t n, phrase_payload pl)
{
    if (n == 0 || d->compiled)
        return DT_EINVAL;
    if (d->nnodes == 0 && new_node(d) < 0)
        return DT_ENOMEM;
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t child = dict_child(d, node, words[i]);
        if (!child) {
            if (grow_edges(d))
                return DT_ENOMEM;
            int64_t c = new_node(d);
            if (c < 0)
                return DT_ENOMEM;
            child = (uint32_t)c;
            size_t mask = d->edge_cap - 1;
            size_t j = edge_hash(node, words[i]) & mask;
            while (d->edges[j].child)
                j = (j + 1) & mask;
            d->edges[j] = (struct trie_edge){node, words[i], child};
            d->nedges++;
            d->nodes[node].kids++;
        }
        node = child;
    }
    /* Duplicates: the first entry of a kind (and index, for sets/issues) wins. */
    trie_node *tn = &d->nodes[node];
    for (uint32_t p = tn->payloads; p != UINT32_MAX; p = d->payload_next[p]) {
        phrase_payload *o = &d->payloads[p];
        if (o->kind != pl.kind)
            continue;
        bool same_slot = pl.kind == PK_ACTOR || pl.kind == PK_AGENT || pl.kind == PK_REF ||
                         pl.kind == PK_NOUNWORD || pl.kind == PK_ADJ ||
                         (pl.kind == PK_VERB && o->index == pl.index) ||
                         ((pl.kind == PK_SETMEMBER || pl.kind == PK_ISSUE || pl.kind == PK_DISCARD) &&
                          o->index == pl.index);
        /* One verb and one event noun per phrase ("attacks" can be both). */
        if (pl.kind == PK_VERB && o->index != pl.index)
            same_slot = d->verbs[o->index].is_noun == d->verbs[pl.index].is_noun;
        /* The same entry reaching the same words twice ("Kim Jong Un | Kim Jong-un"). */
        if (o->index == pl.index && o->form == pl.form)
            return 0;
        if (same_slot)
            return 1;
    }
    int64_t id = DICT_PUSH(d, payloads, &pl);
    if (id < 0)
        return DT_ENOMEM;
    if (pl.kind == PK_SETMEMBER) {
        struct set_first sf = {words[0], pl.index};
        if (DICT_PUSH(d, set_firsts, &sf) < 0)
            return DT_ENOMEM;
    }
    if ((size_t)id >= d->payload_next_cap) {
        size_t nc = d->payload_next_cap ? d->payload_next_cap * 2 : 1024;
        while (nc <= (size_t)id)
            nc *= 2;
        uint32_t *p = realloc(d->payload_next, nc * sizeof(*p));
        if (!p)
            return DT_ENOMEM;
        d->payload_next = p;
        d->payload_next_cap = nc;
    }
    /* Append at the end of the chain so the reading order is kept. */
    d->payload_next[id] = UINT32_MAX;
    tn = &d->nodes[node];
    if (tn->payloads == UINT32_MAX) {
        tn->payloads = (uint32_t)id;
    } else {
        uint32_t p = tn->payloads;
        while (d->payload_next[p] != UINT32_MAX)
            p = d->payload_next[p];
        d->payload_next[p] = (uint32_t)id;
    }
    tn->npayloads++;
    return 0;
}

static int cmp_kid(const void *a, const void *b)
{
    uint32_t x = ((const struct trie_kid *)a)->word, y = ((const struct trie_kid *)b)->word;
    return (x > y) - (x < y);
}

/* The edge table becomes one sorted run of children per node (dict.h: kids). Nodes hold
 * their child counts while loading and where their run begins after. */
static int build_kids(dt_dict *d)
{
    size_t total = 1; /* (run 0 stands for "no children") */
    for (size_t n = 0; n < d->nnodes; n++)
        if (d->nodes[n].kids)
            total += 1 + (size_t)d->nodes[n].kids;
    if (total > UINT32_MAX)
        return DT_ENOMEM;
    d->kids = calloc(total, sizeof(*d->kids));
    if (!d->kids)
        return DT_ENOMEM;
    uint32_t at = 1;
    for (size_t n = 0; n < d->nnodes; n++) {
        uint32_t count = d->nodes[n].kids;
        if (!count)
            continue;
        d->nodes[n].kids = at;
        at += 1 + count;
    }
    for (size_t i = 0; i < d->edge_cap; i++) {
        const struct trie_edge *e = &d->edges[i];
        if (!e->child)
            continue;
        struct trie_kid *run = &d->kids[d->nodes[e->node].kids];
        run[1 + run->word++] = (struct trie_kid){e->word, e->child};
    }
    for (size_t n = 0; n < d->nnodes; n++) {
        if (!d->nodes[n].kids)
            continue;
        struct trie_kid *run = &d->kids[d->nodes[n].kids];
        uint32_t count = run->word;
        if (count > 16) {
            qsort(run + 1, count, sizeof(*run), cmp_kid);
            continue;
        }
        /* (most runs are a child or two: sorted in place) */
        for (uint32_t i = 2; i <= count; i++) {
            struct trie_kid x = run[i];
            uint32_t j = i;
            for (; j > 1 && run[j - 1].word > x.word; j--)
                run[j] = run[j - 1];
            run[j] = x;
        }
    }
    d->nkids = total;
    free(d->edges);
    d->edges = NULL;
    d->edge_cap = 0;
    return 0;
}

/* Per word id, the sets with a member starting with that word (a counting sort). */
/* node_scan: the nodes from which the phrase scan can reach a payload it records (many
 * phrases are only set members: the scan need not start at their first words). Marked up
 * from the nodes with such a payload, edge by edge until nothing changes. */
static int mark_scan_nodes(dt_dict *d)
{
    d->node_scan = calloc(d->nnodes ? d->nnodes : 1, 1);
    if (!d->node_scan)
        return DT_ENOMEM;
    for (size_t n = 0; n < d->nnodes; n++)
        for (uint32_t p = 0; p < d->nodes[n].npayloads && !d->node_scan[n]; p++) {
            uint8_t k = node_payload(d, &d->nodes[n], p)->kind;
            d->node_scan[n] = k != PK_SETMEMBER && k != PK_TIME;
        }
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < d->edge_cap; i++) {
            const struct trie_edge *e = &d->edges[i];
            if (e->child && d->node_scan[e->child] && !d->node_scan[e->node]) {
                d->node_scan[e->node] = 1;
                changed = true;
            }
        }
    }
    return 0;
}

static int index_set_first_words(dt_dict *d)
{
    free(d->set_by_word_start);
    free(d->set_by_word);
    d->set_by_word = NULL;
    d->set_by_word_start = calloc(d->nwords + 1, sizeof(uint32_t));
    if (!d->set_by_word_start)
        return DT_ENOMEM;
    if (d->nset_firsts) {
        d->set_by_word = malloc(d->nset_firsts * sizeof(uint32_t));
        if (!d->set_by_word)
            return DT_ENOMEM;
    }
    for (size_t i = 0; i < d->nset_firsts; i++)
        d->set_by_word_start[d->set_firsts[i].word + 1]++;
    for (size_t w = 0; w < d->nwords; w++)
        d->set_by_word_start[w + 1] += d->set_by_word_start[w];
    for (size_t i = 0; i < d->nset_firsts; i++) {
        /* start[w] serves as the fill cursor, then is shifted back below */
        d->set_by_word[d->set_by_word_start[d->set_firsts[i].word]++] = d->set_firsts[i].set;
    }
    for (size_t w = d->nwords; w > 0; w--)
        d->set_by_word_start[w] = d->set_by_word_start[w - 1];
    d->set_by_word_start[0] = 0;
    free(d->set_firsts);
    d->set_firsts = NULL;
    d->nset_firsts = d->capset_firsts = 0;
    return 0;
}

/* Make each node's payloads contiguous. */
static int flatten_payloads(dt_dict *d)
{
    if (!d->npayloads)
        return 0;
    phrase_payload *np = malloc(d->npayloads * sizeof(*np));
    if (!np)
        return DT_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < d->nnodes; i++) {
        trie_node *tn = &d->nodes[i];
        if (tn->payloads == UINT32_MAX) {
            tn->payloads = 0;
            continue;
        }
        uint32_t first = (uint32_t)k;
        for (uint32_t p = tn->payloads; p != UINT32_MAX; p = d->payload_next[p]) {
            np[k] = d->payloads[p];
            if (np[k].kind == PK_VERB && np[k].index < d->nverbs)
                np[k].evnoun = d->verbs[np[k].index].is_noun;
            k++;
        }
        tn->payloads = first;
        tn->first = np[first];
    }
    free(d->payloads);
    d->payloads = np;
    d->cappayloads = d->npayloads;
    free(d->payload_next);
    d->payload_next = NULL;
    d->payload_next_cap = 0;
    return 0;
}

/* ---------------------------------------------------------------- phrases */

int dict_phrase_words(dt_dict *d, const char *s, size_t n, uint8_t default_mode, uint32_t *out,
                      size_t cap, bool native_case)
{
    /* Copy with '_' and a word-ending '=' as blanks; which words ended in '=' is found
     * below in the raw text. */
    char tmp[1024];
    if (n >= sizeof(tmp))
        return DT_ELIMIT;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '_' || (c == '=' && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '_')))
            c = ' ';
        tmp[m++] = c;
    }
    bool any_exact = memchr(s, '=', n) != NULL;
    buf *norm = &d->pw_norm, *keys = &d->pw_keys;
    buf_clear(norm);
    buf_clear(keys);
    text_normalize(tmp, m, norm);
    int count = norm->data ? tokenize(norm->data, norm->len, &d->pw_toks, &d->pw_tcap, keys, cap) : 0;
    const tok *toks = d->pw_toks;
    int rc = count;
    if (count > 0) {
        for (int i = 0; i < count; i++) {
            const char *key = keys->data + toks[i].key;
            size_t kl = toks[i].key_len;
            const char *surface = norm->data + toks[i].start;
            uint8_t mode = default_mode;
            /* Was this word followed by '=' in the source? Find it in the raw text (only
             * when the phrase has an '=' at all: most have none). */
            if (any_exact) {
                const char *pos = NULL;
                for (size_t j = 0; j + toks[i].len <= n; j++) {
                    if (memcmp(s + j, surface, toks[i].len) == 0 && j + toks[i].len < n &&
                        s[j + toks[i].len] == '=') {
                        pos = s + j;
                        break;
                    }
                }
                if (pos)
                    mode = WM_EXACT;
            }
            bool acronym = false;
            if (native_case && (toks[i].flags & TOKF_ALLCAP) && kl >= 2) {
                char low[32];
                if (kl < sizeof(low)) {
                    for (size_t j = 0; j < kl; j++)
                        low[j] = (char)to_lower((unsigned char)key[j]);
                    acronym = text_is_function_word(low, kl);
                }
            }
            int32_t w;
            if (acronym) {
                char ak[64];
                if (kl + 1 >= sizeof(ak)) {
                    rc = DT_ELIMIT;
                    break;
                }
                ak[0] = '\x01';
                memcpy(ak + 1, key, kl);
                w = dict_word_add(d, ak, kl + 1, WM_EXACT);
                if (w >= 0)
                    d->words[w].acronym = 1;
            } else {
                w = dict_word_add(d, key, kl, mode);
            }
            if (w < 0) {
                rc = DT_ENOMEM;
                break;
            }
            out[i] = (uint32_t)w;
        }
    }
    return rc;
}

/* ---------------------------------------------------------------- codes */

int dict_parse_code(dt_dict *d, const char *s, size_t n, code_spec *out, const char **why)
{
    memset(out, 0, sizeof(*out));
    dt_slice t = str_trim(s, n);
    s = t.ptr;
    n = t.len;
    /* Remove internal blanks: TABARI writes "- - -". */
    char c[64];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t')
            continue;
        if (m + 1 >= sizeof(c)) {
            *why = "code too long";
            return DT_EPARSE;
        }
        c[m++] = s[i];
    }
    c[m] = 0;
    if (m == 0) {
        *why = "empty code";
        return DT_EPARSE;
    }
    if (strcmp(c, "---") == 0) {
        out->flags = CF_NULL;
        return 0;
    }
    if (strcmp(c, "###") == 0) {
        out->flags = CF_DISCARD;
        return 0;
    }
    if (strcmp(c, "+++") == 0) {
        out->flags = CF_COMPLEX;
        return 0;
    }
    if (c[m - 1] == '?') {
        out->flags |= CF_SUBORD;
        c[--m] = 0;
    } else if (c[m - 1] == '!') {
        out->flags |= CF_DOMINANT;
        c[--m] = 0;
    }
    char *colon = strchr(c, ':');
    const char *a = c, *b = NULL;
    if (colon) {
        *colon = 0;
        b = colon + 1;
        out->flags |= CF_PAIRED;
    }
    for (const char *p = a; *p; p++)
        if (!is_alnum((unsigned char)*p)) {
            *why = "a code has letters and digits only";
            return DT_EPARSE;
        }
    if (b)
        for (const char *p = b; *p; p++)
            if (!is_alnum((unsigned char)*p) && *p != '-') {
                *why = "a code has letters and digits only";
                return DT_EPARSE;
            }
    if (*a) {
        out->code = dict_intern(d, a, strlen(a));
    } else if (b) {
        out->flags |= CF_TARGET_ONLY;
    }
    if (b && *b && strcmp(b, "---") != 0)
        out->code2 = dict_intern(d, b, strlen(b));
    if (!*a && !(b && *b)) {
        *why = "empty code";
        return DT_EPARSE;
    }
    return 0;
}

/* ---------------------------------------------------------------- verb forms */

static bool is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

/* Consonant-vowel-consonant ending whose final consonant doubles (stop -> stopped). */
static bool doubles_final(const char *w, size_t n)
{
    if (n < 3)
        return false;
    char a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (is_vowel(a) || !is_vowel(b) || is_vowel(c) || c == 'W' || c == 'X' || c == 'Y')
        return false;
    size_t groups = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
            groups++;
    if (groups <= 1)
        return true;
    /* Two-syllable verbs stressed on the last syllable. */
    static const char *const stressed[] = {
        "EXPEL", "COMPEL", "PROPEL", "DISPEL", "REPEL", "CONTROL", "PATROL", "COMMIT", "ADMIT",
        "SUBMIT", "PERMIT", "OMIT", "EMIT", "TRANSMIT", "REFER", "PREFER", "CONFER", "DEFER",
        "DETER", "OCCUR", "INCUR", "RECUR", "REGRET", "REBEL", "ABET", "EQUIP", "ACQUIT",
        "ANNUL", "EXTOL", "UPSET", "FORGET", "BEGIN", "OUTBID", "FORBID", "RESET", "REARM"};
    for (size_t i = 0; i < DT_ARRAY_LEN(stressed); i++)
        if (strlen(stressed[i]) == n && memcmp(stressed[i], w, n) == 0)
            return c != 'M' || strcmp(stressed[i], "REARM") != 0;
    return false;
}

static const char *cat(dt_dict *d, const char *a, size_t an, const char *suffix)
{
    size_t sl = strlen(suffix);
    char *p = arena_alloc(&d->mem, an + sl + 1);
    if (!p)
        return NULL;
    memcpy(p, a, an);
    memcpy(p + an, suffix, sl + 1);
    return p;
}

int dict_verb_forms(dt_dict *d, const char *w, size_t n, const char *past, const char *part,
                    const char *out[5])
{
    out[VF_BASE] = arena_strndup(&d->mem, w, n);
    char last = n ? w[n - 1] : 0;
    char prev = n > 1 ? w[n - 2] : 0;
    /* -s */
    if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
        (last == 'H' && (prev == 'C' || prev == 'S')))
        out[VF_S] = cat(d, w, n, "ES");
    else if (last == 'Y' && n > 1 && !is_vowel(prev))
        out[VF_S] = cat(d, w, n - 1, "IES");
    else
        out[VF_S] = cat(d, w, n, "S");
    /* -ed and -ing */
    bool dbl = doubles_final(w, n);
    char dw[128];
    if (n + 2 >= sizeof(dw))
        return DT_ELIMIT;
    memcpy(dw, w, n);
    size_t dn = n;
    if (dbl)
        dw[dn++] = last;
    const char *ed;
    if (last == 'E')
        ed = cat(d, w, n, "D");
    else if (last == 'Y' && n > 1 && !is_vowel(prev))
        ed = cat(d, w, n - 1, "IED");
    else
        ed = cat(d, dw, dn, "ED");
    out[VF_ED] = past ? arena_strndup(&d->mem, past, strlen(past)) : ed;
    out[VF_EN] = part ? arena_strndup(&d->mem, part, strlen(part)) : out[VF_ED];
    if (last == 'E' && prev == 'I')
        out[VF_ING] = cat(d, w, n - 2, "YING");
    else if (last == 'E' && n > 2 && prev != 'E' && prev != 'Y' && prev != 'O')
        out[VF_ING] = cat(d, w, n - 1, "ING");
    else
        out[VF_ING] = cat(d, dw, dn, "ING");
    for (int i = 0; i < 5; i++)
        if (!out[i])
            return DT_ENOMEM;
    return 0;
}

/* ---------------------------------------------------------------- actors */

int dict_spec_each(const char *spec, dict_spec_fn fn, void *ctx)
{
    int rc = 0;
    const char *p = spec;
    while (*p && !rc) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        dt_slice item = str_trim(p, n);
        if (item.len) {
            const char *eq = memchr(item.ptr, '=', item.len);
            dt_slice name = eq ? str_trim(item.ptr, (size_t)(eq - item.ptr)) : item;
            dt_slice path = eq ? str_trim(eq + 1, item.len - (size_t)(eq + 1 - item.ptr)) : item;
            rc = fn(ctx, item, name, path);
        }
        p = e ? e + 1 : p + n;
    }
    return rc;
}

/* The k codes of the code lists from `at` on into out. (A loop: a list is one code or a
 * few, fewer than a call to memcpy takes to set up. The lists are indexed only when k > 0:
 * a null code may have no list at all, and the dictionary then none.) */
static size_t copy_code_list(sid *out, const sid *lists, uint32_t at, size_t k)
{
    for (size_t i = 0; i < k; i++)
        out[i] = lists[at + i];
    return k;
}

size_t dict_actor_codes(const dt_dict *d, const actor_entry *a, int32_t date, sid *out, size_t cap)
{
    const code_alt *dflt = NULL;
    for (uint16_t i = 0; i < a->nalts; i++) {
        const code_alt *alt = &d->alts[a->alts + i];
        if (!alt->dated) {
            if (!dflt)
                dflt = alt;
            continue;
        }
        if (date == DATE_NONE)
            continue;
        if ((alt->from == DATE_NONE || date >= alt->from) && (alt->to == DATE_NONE || date <= alt->to)) {
            return copy_code_list(out, d->code_lists, alt->codes, DT_MIN((size_t)alt->ncodes, cap));
        }
    }
    if (!dflt)
        return 0;
    return copy_code_list(out, d->code_lists, dflt->codes, DT_MIN((size_t)dflt->ncodes, cap));
}

/* ---------------------------------------------------------------- compile */

static int cmp_pending(const void *a, const void *b)
{
    const struct pending_pat *x = a, *y = b;
    if (x->verb != y->verb)
        return x->verb < y->verb ? -1 : 1;
    if (x->p.weight != y->p.weight)
        return x->p.weight > y->p.weight ? -1 : 1;
    /* Stable on reading order: rule ids grow as lines are read. */
    return x->p.rule < y->p.rule ? -1 : (x->p.rule > y->p.rule);
}

static int root_of(const dt_dict *d, sid code)
{
    if (!code)
        return 0;
    const char *c = dict_str(d, code);
    if (strlen(c) < 2 || !is_digit((unsigned char)c[0]) || !is_digit((unsigned char)c[1]))
        return 0;
    int r = (c[0] - '0') * 10 + (c[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

#define GROUP_WORDS 4

/* The bloom bits (word_bloom_bit) of an option's first GROUP_WORDS required words, each once,
 * into bits; returns how many. */
static uint16_t option_bits(const dt_dict *d, const pseq *sq, uint16_t *bits)
{
    uint16_t nb = 0, nw = 0;
    for (uint32_t i = 0; i < sq->n && nw < GROUP_WORDS; i++) {
        const pel *w = &d->pels[sq->first + i];
        if (w->type != PE_WORD || w->optional)
            continue;
        uint16_t bit = (uint16_t)word_bloom_bit(w->arg);
        nw++;
        bool have = false;
        for (uint16_t j = 0; j < nb && !have; j++)
            have = bits[j] == bit;
        if (!have)
            bits[nb++] = bit;
    }
    return nb;
}

/* The groups {A | B | ...} that the pattern requires (top level, not optional), every
 * option of which needs a word, appended to d->group_bits for the pattern's filter (at most
 * two groups; of an option, its first GROUP_WORDS required words, by their bloom bits).
 *
 * A group is encoded as its length (after this word), the count of its one-bit options
 * and their bits (each once), then its other options, each as its count of bits and the
 * bits. The coder asks whether some option has all its bits in the sentence's word filter
 * (match_groups_possible): most options are one word, tested one bit a step; an option
 * that holds some one-bit option's bit is left out, as that option answers for it. An
 * option without words makes the group always possible: no one-bit options and one
 * empty option. */
static int filter_required_groups(dt_dict *d, const pattern *p, pattern_filter *f)
{
    const pseq halves[2] = {p->pre, p->post};
    f->nreq_alt = 0;
    f->groups = (uint32_t)d->ngroup_bits;
    for (int h = 0; h < 2; h++)
        for (uint32_t k = 0; k < halves[h].n && f->nreq_alt < 2; k++) {
            const pel *e = &d->pels[halves[h].first + k];
            if (e->type != PE_ALT || e->optional)
                continue;
            const alt_list *al = &d->alt_pats[e->arg];
            bool keyed = al->n > 0;
            for (uint32_t q = 0; q < al->n && keyed; q++)
                keyed = d->seq_key[al->first + q] != UINT32_MAX;
            if (!keyed)
                continue;
            size_t at = d->ngroup_bits;
            uint16_t zero = 0, bits[GROUP_WORDS];
            if (DICT_PUSH(d, group_bits, &zero) < 0 || DICT_PUSH(d, group_bits, &zero) < 0)
                return DT_ENOMEM;
            /* The one-bit options' bits; whether some option has none. */
            bool always = false;
            for (uint32_t q = 0; q < al->n && !always; q++) {
                uint16_t nb = option_bits(d, &d->seqs[al->first + q], bits);
                always = nb == 0;
                if (nb != 1)
                    continue;
                bool have = false;
                for (size_t j = at + 2; j < d->ngroup_bits && !have; j++)
                    have = d->group_bits[j] == bits[0];
                if (!have && DICT_PUSH(d, group_bits, &bits[0]) < 0)
                    return DT_ENOMEM;
            }
            if (always) {
                d->ngroup_bits = at + 2;
                if (DICT_PUSH(d, group_bits, &zero) < 0)
                    return DT_ENOMEM;
            } else {
                const size_t singles_end = d->ngroup_bits;
                d->group_bits[at + 1] = (uint16_t)DT_MIN(singles_end - at - 2, (size_t)UINT16_MAX);
                for (uint32_t q = 0; q < al->n; q++) {
                    uint16_t nb = option_bits(d, &d->seqs[al->first + q], bits);
                    if (nb < 2)
                        continue;
                    bool covered = false;
                    for (size_t j = at + 2; j < singles_end && !covered; j++)
                        for (uint16_t b = 0; b < nb && !covered; b++)
                            covered = d->group_bits[j] == bits[b];
                    if (covered)
                        continue;
                    if (DICT_PUSH(d, group_bits, &nb) < 0)
                        return DT_ENOMEM;
                    for (uint16_t b = 0; b < nb; b++)
                        if (DICT_PUSH(d, group_bits, &bits[b]) < 0)
                            return DT_ENOMEM;
                }
            }
            if (d->ngroup_bits - at - 1 > UINT16_MAX) {
                d->ngroup_bits = at; /* (too long to encode: the group is not filtered) */
                continue;
            }
            d->group_bits[at] = (uint16_t)(d->ngroup_bits - at - 1);
            f->galt[f->nreq_alt++] = e->arg | (h == 1 ? GALT_AFTER : 0);
        }
    return 0;
}

/* What a pattern needs at the tokens right after the verb (pattern_filter.adj): its first
 * elements after the verb, each adjacent to the one before and not optional, while each takes
 * one token, at most ADJ_MAX of them: a word, or a group each of whose options begins with
 * a word (the chain goes on past the group when every option is that one word), or a set (a
 * member begins there; the chain ends, a member's length being open). Appended to
 * dict.adj_words as their count, then per position ADJ_SET | set, or the number of words
 * and the words; returns where, or 0 when the pattern needs nothing there. */
static int64_t adjacent_chain(dt_dict *d, const pattern *p)
{
    uint32_t cons[ADJ_MAX][1 + ADJ_GROUP_MAX];
    uint32_t n = 0;
    bool more = true;
    for (uint32_t i = 0; i < p->post.n && n < ADJ_MAX && more; i++) {
        const pel *e = &d->pels[p->post.first + i];
        if (e->optional || e->maxgap != 0)
            break;
        uint32_t *c = cons[n];
        if (e->type == PE_WORD) {
            c[0] = 1;
            c[1] = e->arg;
        } else if (e->type == PE_SET) {
            c[0] = ADJ_SET | e->arg;
            more = false;
        } else if (e->type == PE_ALT) {
            const alt_list *al = &d->alt_pats[e->arg];
            if (al->n == 0 || al->n > ADJ_GROUP_MAX)
                break;
            uint32_t k = 0;
            for (; k < al->n; k++) {
                const pseq *sq = &d->seqs[al->first + k];
                const pel *o = sq->n ? &d->pels[sq->first] : NULL;
                if (!o || o->type != PE_WORD || o->optional)
                    break;
                c[1 + k] = o->arg;
                more &= sq->n == 1;
            }
            if (k < al->n)
                break;
            c[0] = al->n;
        } else {
            break;
        }
        n++;
    }
    if (n == 0)
        return 0;
    int64_t at = (int64_t)d->nadj_words;
    if (DICT_PUSH(d, adj_words, &n) < 0)
        return -1;
    for (uint32_t q = 0; q < n; q++) {
        uint32_t len = cons[q][0] & ADJ_SET ? 1 : 1 + cons[q][0];
        for (uint32_t k = 0; k < len; k++)
            if (DICT_PUSH(d, adj_words, &cons[q][k]) < 0)
                return -1;
    }
    return at;
}

/* Which of a pattern's required words and sets (pattern_compile takes them from the top
 * level, not optional) are after the verb: pattern_filter.after. */
static void required_sides(const dt_dict *d, const pattern *p, pattern_filter *f)
{
    f->after = 0;
    for (uint32_t i = 0; i < p->post.n; i++) {
        const pel *e = &d->pels[p->post.first + i];
        if (e->optional || (e->type != PE_WORD && e->type != PE_SET))
            continue;
        for (uint8_t q = 0; q < f->nreq; q++)
            if (e->type == PE_WORD && f->req[q] == e->arg)
                f->after |= (uint8_t)(1u << q);
        for (uint8_t q = 0; q < f->nreq_set; q++)
            if (e->type == PE_SET && f->req_set[q] == e->arg)
                f->after |= (uint8_t)(1u << (DT_ARRAY_LEN(f->req) + q));
    }
}

/* Each pattern's adjacent chain (adjacent_chain), in dict.adj_words. */
static int build_adjacent_words(dt_dict *d)
{
    free(d->adj_words);
    d->adj_words = NULL;
    d->nadj_words = d->capadj_words = 0;
    uint32_t none = 0;
    if (DICT_PUSH(d, adj_words, &none) < 0) /* (index 0: nothing needed) */
        return DT_ENOMEM;
    for (size_t i = 0; i < d->npatterns; i++) {
        int64_t at = adjacent_chain(d, &d->patterns[i]);
        if (at < 0)
            return DT_ENOMEM;
        d->pfilters[i].adj = (uint32_t)at;
    }
    return 0;
}

/* The key for id in a block's keys from `from` on (added when not there); NULL on
 * out-of-memory. */
static pattern_key *block_key(dt_dict *d, size_t from, uint32_t id)
{
    for (size_t i = from; i < d->npkeys; i++)
        if (d->pkeys[i].id == id)
            return &d->pkeys[i];
    pattern_key k = {0, id, id};
    return DICT_PUSH(d, pkeys, &k) < 0 ? NULL : &d->pkeys[d->npkeys - 1];
}

/* The verb entries' pattern blocks (pattern_block), from their patterns' filters. */
static int build_pattern_blocks(dt_dict *d)
{
    free(d->pblocks);
    free(d->pkeys);
    d->pblocks = NULL;
    d->pkeys = NULL;
    d->npblocks = d->cappblocks = d->npkeys = d->cappkeys = 0;
    for (size_t v = 0; v < d->nverbs; v++) {
        verb_entry *ve = &d->verbs[v];
        ve->blocks = (uint32_t)d->npblocks;
        for (uint32_t k0 = 0; k0 < ve->npatterns; k0 += 64) {
            pattern_block b = {0, 0, 0, (uint32_t)d->npkeys, 0, 0};
            uint32_t n = DT_MIN(ve->npatterns - k0, 64u);
            /* the sets first, then the words */
            for (int pass = 0; pass < 2; pass++) {
                size_t from = d->npkeys;
                for (uint32_t k = 0; k < n; k++) {
                    const pattern_filter *f = &d->pfilters[ve->patterns + k0 + k];
                    uint8_t nid = pass == 0 ? f->nreq_set : f->nreq;
                    for (uint8_t q = 0; q < nid; q++) {
                        /* (a set the dictionary does not have rules nothing out) */
                        if (pass == 0 && f->req_set[q] >= d->nsets)
                            continue;
                        pattern_key *key = block_key(d, from, pass == 0 ? f->req_set[q] : f->req[q]);
                        if (!key)
                            return DT_ENOMEM;
                        key->mask |= 1ULL << k;
                    }
                }
                /* (at most 64 patterns of 3 words or 2 sets) */
                if (pass == 0) {
                    b.nsets = (uint16_t)(d->npkeys - from);
                    for (size_t i = from; i < d->npkeys; i++)
                        b.sets |= d->pkeys[i].mask;
                } else {
                    b.nwords = (uint16_t)(d->npkeys - from);
                    for (size_t i = from; i < d->npkeys; i++)
                        d->pkeys[i].bit = word_bloom_bit(d->pkeys[i].id);
                }
            }
            for (uint32_t k = 0; k < n; k++) {
                uint8_t need = d->pfilters[ve->patterns + k0 + k].need;
                b.pre |= (uint64_t)((need & PN_PRE_ACTOR) != 0) << k;
                b.post |= (uint64_t)((need & PN_POST_ACTOR) != 0) << k;
            }
            if (DICT_PUSH(d, pblocks, &b) < 0)
                return DT_ENOMEM;
        }
    }
    /* (never NULL: the coder takes &pkeys[b->keys] of a block without keys too) */
    if (!d->pkeys && !(d->pkeys = calloc(1, sizeof(*d->pkeys))))
        return DT_ENOMEM;
    return 0;
}

int dict_compile(dt_dict *d)
{
    if (d->compiled)
        return 0;
    if (d->nnodes == 0 && new_node(d) < 0)
        return DT_ENOMEM;
    if (d->npending)
        qsort(d->pending, d->npending, sizeof(*d->pending), cmp_pending);
    d->patterns = malloc((d->npending ? d->npending : 1) * sizeof(*d->patterns));
    free(d->pfilters);
    d->pfilters = malloc((d->npending ? d->npending : 1) * sizeof(*d->pfilters));
    if (!d->patterns || !d->pfilters)
        return DT_ENOMEM;
    d->cappatterns = d->npending;
    for (size_t v = 0; v < d->nverbs; v++) {
        d->verbs[v].patterns = 0;
        d->verbs[v].npatterns = 0;
    }
    for (size_t i = 0; i < d->npending; i++) {
        verb_entry *ve = &d->verbs[d->pending[i].verb];
        if (ve->npatterns == 0)
            ve->patterns = (uint32_t)i;
        ve->npatterns++;
        d->patterns[i] = d->pending[i].p;
        const pattern *pp = &d->patterns[i];
        pattern_filter *f = &d->pfilters[i];
        *f = (pattern_filter){pp->need, pp->nreq, pp->nreq_set, 0, 0, {0}, {0}, 0, 0, {0}};
        memcpy(f->req, pp->req, sizeof(f->req));
        memcpy(f->req_set, pp->req_set, sizeof(f->req_set));
        d->stats.patterns_by_root[root_of(d, d->pending[i].p.code.code)]++;
    }
    d->npatterns = d->npending;
    free(d->pending);
    d->pending = NULL;
    d->npending = d->cappending = 0;
    free(d->verb_of);
    d->verb_of = NULL;
    d->verb_of_cap = 0;
    for (size_t v = 0; v < d->nverbs; v++)
        if (d->verbs[v].has_code && !d->verbs[v].is_noun)
            d->stats.patterns_by_root[root_of(d, d->verbs[v].code.code)]++;
    if (flatten_payloads(d) || index_set_first_words(d))
        return DT_ENOMEM;
    d->root_child = calloc(d->nwords ? d->nwords : 1, sizeof(uint32_t));
    if (!d->root_child)
        return DT_ENOMEM;
    for (size_t i = 0; i < d->edge_cap; i++)
        if (d->edges[i].child && d->edges[i].node == 0 && d->edges[i].word < d->nwords)
            d->root_child[d->edges[i].word] = d->edges[i].child;
    d->word_inner = calloc(d->nwords ? d->nwords : 1, 1);
    if (!d->word_inner)
        return DT_ENOMEM;
    for (size_t i = 0; i < d->edge_cap; i++)
        if (d->edges[i].child && d->edges[i].node != 0 && d->edges[i].word < d->nwords)
            d->word_inner[d->edges[i].word] = 1;
    if (mark_scan_nodes(d))
        return DT_ENOMEM;
    /* Each sequence's first required word: the matcher skips an option of {A | B} whose
     * word the sentence lacks after one look (most options are a word or two, most absent). */
    free(d->seq_key);
    d->seq_key = malloc((d->nseqs ? d->nseqs : 1) * sizeof(*d->seq_key));
    if (!d->seq_key)
        return DT_ENOMEM;
    for (size_t i = 0; i < d->nseqs; i++) {
        d->seq_key[i] = UINT32_MAX;
        for (uint32_t k = 0; k < d->seqs[i].n; k++) {
            const pel *e = &d->pels[d->seqs[i].first + k];
            if (e->type == PE_WORD && !e->optional) {
                d->seq_key[i] = e->arg;
                break;
            }
        }
    }
    /* Each pattern's required groups whose every option needs a word (after seq_key):
     * the coder tries no pattern none of whose options can be in the sentence. */
    free(d->group_bits);
    d->group_bits = NULL;
    d->ngroup_bits = d->capgroup_bits = 0;
    for (size_t i = 0; i < d->npatterns; i++)
        if (filter_required_groups(d, &d->patterns[i], &d->pfilters[i]))
            return DT_ENOMEM;
    if (build_pattern_blocks(d) || build_adjacent_words(d))
        return DT_ENOMEM;
    for (size_t i = 0; i < d->npatterns; i++)
        required_sides(d, &d->patterns[i], &d->pfilters[i]);
    /* Rule texts, "file:line" (written by hand: snprintf was a sixteenth of the load). */
    for (size_t i = 0; i < d->nrules; i++) {
        char tmp[600];
        const char *f = d->files[d->rules[i].file];
        size_t fl = DT_MIN(strlen(f), sizeof(tmp) - 24);
        memcpy(tmp, f, fl);
        tmp[fl] = ':';
        char *e = put_u64(tmp + fl + 1, d->rules[i].line);
        d->rules[i].text = arena_strndup(&d->mem, tmp, (size_t)(e - tmp));
        if (!d->rules[i].text)
            return DT_ENOMEM;
    }
    d->stats.verbs = 0;
    d->stats.nouns = 0;
    for (size_t v = 0; v < d->nverbs; v++) {
        if (d->verbs[v].is_noun)
            d->stats.nouns++;
        else
            d->stats.verbs++;
    }
    d->stats.patterns = d->npatterns;
    d->stats.agents = d->nagents;
    d->stats.actors = d->nactors;
    d->stats.refs = d->nrefs;
    d->stats.sets = d->nsets;
    if (build_kids(d))
        return DT_ENOMEM;
    d->stats.bytes = d->mem.total + d->nnodes * sizeof(trie_node) + d->nkids * sizeof(struct trie_kid) +
                     d->npayloads * sizeof(phrase_payload) + d->nwords * sizeof(dict_word) +
                     d->word_index_cap * 4 + d->str_index_cap * 4 + d->nstrs * sizeof(char *) +
                     d->npatterns * (sizeof(pattern) + sizeof(pattern_filter)) + d->npels * sizeof(pel) +
                     d->nactors * sizeof(actor_entry) + d->nalts * sizeof(code_alt) +
                     d->nrules * sizeof(rule_loc) + d->ngroup_bits * sizeof(*d->group_bits);
    d->compiled = true;
    return 0;
}

int dict_init(dt_dict *d)
{
    memset(d, 0, sizeof(*d));
    arena_init(&d->mem, 256 * 1024);
    /* sid 0 is reserved for "none". */
    char *empty = arena_strndup(&d->mem, "", 0);
    if (!empty || DICT_PUSH(d, strs, &empty) < 0)
        return DT_ENOMEM;
    if (grow_index(&d->str_index, &d->str_index_cap, 1, str_hash_of, d))
        return DT_ENOMEM;
    if (new_node(d) < 0)
        return DT_ENOMEM;
    d->opt.min_words = 0;
    return dict_add_closed_class(d);
}

void dt_dict_free(dt_dict *d)
{
    if (!d)
        return;
    dict_release(d);
    free(d);
}

void dict_release(dt_dict *d)
{
    buf_free(&d->pw_norm);
    buf_free(&d->pw_keys);
    free(d->pw_toks);
    free(d->set_firsts);
    free(d->root_child);
    free(d->word_inner);
    free(d->node_scan);
    free(d->set_by_word_start);
    free(d->set_by_word);
    free(d->strs);
    free(d->str_index);
    free(d->words);
    free(d->word_index);
    free(d->nodes);
    free(d->edges);
    free(d->kids);
    free(d->payloads);
    free(d->actors);
    free(d->alts);
    free(d->code_lists);
    free(d->agents);
    free(d->verbs);
    free(d->patterns);
    free(d->pfilters);
    free(d->pblocks);
    free(d->pkeys);
    free(d->adj_words);
    free(d->pels);
    free(d->seqs);
    free(d->group_bits);
    free(d->seq_key);
    free(d->alt_pats);
    free(d->refs);
    free(d->sets);
    free(d->set_alts);
    free(d->labels);
    free(d->rules);
    free(d->files);
    free(d->irregular);
    free(d->pending);
    free(d->verb_of);
    free(d->payload_next);
    arena_free(&d->mem);
    memset(d, 0, sizeof(*d));
}

/* ---------------------------------------------------------------- loading */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_native_dir(dt_dict *d, const char *dir, dt_diag_fn diag, void *user, dt_error *err)
{
    DIR *dh = opendir(dir);
    if (!dh) {
        err_set(err, DT_ENOTFOUND, dir, 0, 0, "cannot open dictionary directory");
        return DT_ENOTFOUND;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".dict") != 0 || de->d_name[0] == '.')
            continue;
        char *copy = malloc(strlen(dir) + l + 2);
        if (!copy) {
            rc = DT_ENOMEM;
            break;
        }
        sprintf(copy, "%s/%s", dir, de->d_name); /* NOLINT: sized above */
        if (dict_push((void **)&names, &n, &cap, sizeof(char *), &copy) < 0) {
            free(copy);
            rc = DT_ENOMEM;
            break;
        }
    }
    closedir(dh);
    if (!rc && n == 0) {
        err_set(err, DT_ENOTFOUND, dir, 0, 0, "no *.dict files in this directory");
        rc = DT_ENOTFOUND;
    }
    if (!rc)
        qsort(names, n, sizeof(char *), cmp_str);
    for (size_t i = 0; i < n && !rc; i++)
        rc = native_load_file(d, names[i], diag, user, err);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int dt_dict_load(dt_dict **out, const char *const *specs, size_t n, dt_diag_fn diag, void *user,
                 dt_error *err)
{
    *out = NULL;
    dt_dict *d = malloc(sizeof(*d));
    if (!d)
        return DT_ENOMEM;
    int rc = dict_init(d);
    for (size_t i = 0; i < n && !rc; i++) {
        const char *s = specs[i];
        if (strncmp(s, "tabari:", 7) == 0) {
            rc = tabari_load(d, s + 7, diag, user, err);
        } else if (strncmp(s, "petrarch:", 9) == 0) {
            rc = petrarch_load(d, s + 9, diag, user, err);
        } else if (strncmp(s, "native:", 7) == 0 || 1) {
            const char *path = strncmp(s, "native:", 7) == 0 ? s + 7 : s;
            struct stat st;
            if (stat(path, &st) != 0) {
                err_set(err, DT_ENOTFOUND, path, 0, 0, "no such dictionary file or directory");
                rc = DT_ENOTFOUND;
            } else if (S_ISDIR(st.st_mode)) {
                rc = load_native_dir(d, path, diag, user, err);
            } else {
                rc = native_load_file(d, path, diag, user, err);
            }
        }
    }
    if (!rc)
        rc = dict_compile(d);
    if (rc) {
        if (rc == DT_ENOMEM)
            err_set(err, rc, NULL, 0, 0, "out of memory while loading dictionaries");
        dt_dict_free(d);
        return rc;
    }
    *out = d;
    return 0;
}

void dt_dict_get_stats(const dt_dict *d, dt_dict_stats *st)
{
    *st = d->stats;
}

/* The row of a code through its slot (see cameo_slot), NULL for none. */
static const cameo_row *cameo_find(const char *code)
{
    static const unsigned first[5] = {0, 0, 0, 21, 231}, count[5] = {0, 0, 21, 210, 2100};
    unsigned v = 0;
    size_t n = 0;
    for (; n < 4 && is_digit((unsigned char)code[n]); n++)
        v = v * 10 + (unsigned)(code[n] - '0');
    /* (a fifth digit is no NUL: a longer code has no slot) */
    if (n < 2 || code[n] != 0 || v >= count[n])
        return NULL;
    unsigned row = cameo_slot[first[n] + v];
    return row ? &cameo_table[row - 1] : NULL;
}

int dt_cameo_lookup(const char *code, dt_cameo *out)
{
    memset(out, 0, sizeof(*out));
    out->name = "";
    const cameo_row *r = code ? cameo_find(code) : NULL;
    if (!r)
        return DT_ENOTFOUND;
    out->root[0] = r->code[0];
    out->root[1] = r->code[1];
    out->root[2] = 0;
    int root = (r->code[0] - '0') * 10 + (r->code[1] - '0');
    out->quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    out->goldstein = r->goldstein;
    out->name = r->name;
    return 0;
}
