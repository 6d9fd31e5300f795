/* harness.c — registry and runner for the tests (see harness.h). */
#include "harness.h"

#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct test_case {
    const char *name, *file;
    test_fn fn;
} test_case;

static test_case tests[1024];
static int ntests;
static int cur_failed, cur_skipped;
static const char *cur_skip_reason;

void harness_register(const char *name, const char *file, test_fn fn)
{
    if (ntests < (int)(sizeof(tests) / sizeof(tests[0])))
        tests[ntests++] = (test_case){name, file, fn};
}

void harness_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "    %s:%d: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    cur_failed++;
}

void harness_skip(const char *reason)
{
    cur_skipped = 1;
    cur_skip_reason = reason;
}

int harness_failed_now(void) { return cur_failed; }

static int cmp_tests(const void *a, const void *b)
{
    const test_case *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

const char *test_shared_dir(void)
{
    static char path[4096];
    struct stat st;
    const char *env = getenv("DETENTE_SHARED");
    if (env && stat(env, &st) == 0 && S_ISDIR(st.st_mode))
        return env;
    const char *cands[] = {"../shared", "../../shared"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof(path), "%s/reference", cands[i]);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(path, sizeof(path), "%s", cands[i]);
            return path;
        }
    }
    return NULL;
}

const char *test_path(const char *rel)
{
    static char bufs[8][4096];
    static int k;
    char *p = bufs[k++ % 8];
    snprintf(p, 4096, "%s", rel);
    return p;
}

int test_run(const char *cmd, char **out, int want_err)
{
    char full[8192];
    snprintf(full, sizeof(full), "%s%s", cmd, want_err ? " 2>&1" : " 2>/dev/null");
    FILE *f = popen(full, "r");
    if (!f) {
        if (out)
            *out = strdup("");
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *b = malloc(cap);
    size_t n;
    while (b && (n = fread(b + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            cap *= 2;
            char *nb = realloc(b, cap);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
        }
    }
    if (b)
        b[len] = 0;
    int st = pclose(f);
    if (out)
        *out = b ? b : strdup("");
    else
        free(b);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int main(int argc, char **argv)
{
    qsort(tests, (size_t)ntests, sizeof(tests[0]), cmp_tests);
    int passed = 0, failed = 0, skipped = 0;
    for (int i = 0; i < ntests; i++) {
        if (argc > 1) {
            int want = 0;
            for (int a = 1; a < argc; a++)
                want |= strstr(tests[i].name, argv[a]) != NULL;
            if (!want)
                continue;
        }
        cur_failed = 0;
        cur_skipped = 0;
        tests[i].fn();
        if (cur_failed) {
            failed++;
            fprintf(stderr, "FAIL %s (%s)\n", tests[i].name, tests[i].file);
        } else if (cur_skipped) {
            skipped++;
            printf("skip %s: %s\n", tests[i].name, cur_skip_reason);
        } else {
            passed++;
        }
    }
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}

const char *tm_texts_dir(void)
{
    static char dir[512];
    static int done;
    if (!done) {
        done = 1;
        char *out = NULL;
        if (test_run("dpkg -L r-cran-tm | grep '/tm/texts$' | head -1", &out, 0) == 0 && out) {
            size_t n = strcspn(out, "\n");
            if (n < sizeof(dir))
                snprintf(dir, sizeof(dir), "%.*s", (int)n, out);
        }
        free(out);
    }
    return dir;
}
