/* harness.h — the project's small test harness: TEST() registers a test, CHECK_* macros
 * print both values on failure, SKIP() skips with a reason. One binary runs them all;
 * `run-tests NAME...` runs the tests whose names contain NAME. */
#ifndef DT_HARNESS_H
#define DT_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*test_fn)(void);
void harness_register(const char *name, const char *file, test_fn fn);
void harness_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void harness_skip(const char *reason);
int harness_failed_now(void);

#define TEST(name)                                                                        \
    static void test_##name(void);                                                        \
    __attribute__((constructor)) static void register_##name(void)                        \
    {                                                                                     \
        harness_register(#name, __FILE__, test_##name);                                   \
    }                                                                                     \
    static void test_##name(void)

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (!(cond))                                                                      \
            harness_fail(__FILE__, __LINE__, "CHECK(%s) failed", #cond);                  \
    } while (0)

#define CHECK_INT(a, b)                                                                   \
    do {                                                                                  \
        long long a_ = (long long)(a), b_ = (long long)(b);                               \
        if (a_ != b_)                                                                     \
            harness_fail(__FILE__, __LINE__, "%s == %s: got %lld, expected %lld", #a, #b, \
                         a_, b_);                                                         \
    } while (0)

#define CHECK_STR(a, b)                                                                   \
    do {                                                                                  \
        const char *a_ = (a), *b_ = (b);                                                  \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                            \
            harness_fail(__FILE__, __LINE__, "%s == %s: got \"%s\", expected \"%s\"", #a, \
                         #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");                     \
    } while (0)

#define CHECK_NEAR(a, b, eps)                                                             \
    do {                                                                                  \
        double a_ = (a), b_ = (b);                                                        \
        if (!(a_ - b_ <= (eps) && b_ - a_ <= (eps)))                                      \
            harness_fail(__FILE__, __LINE__, "%s == %s: got %g, expected %g", #a, #b, a_, \
                         b_);                                                             \
    } while (0)

#define SKIP(reason)                                                                      \
    do {                                                                                  \
        harness_skip(reason);                                                             \
        return;                                                                           \
    } while (0)

/* Helpers for tests. */
/* Path of the shared reference data (../shared next to the repository), or NULL. */
const char *test_shared_dir(void);
/* Path under the repository root (tests run from the root or from build/). */
const char *test_path(const char *rel);
/* Run a shell command; capture stdout (and stderr when want_err) into a malloc'd string.
 * Returns the exit status. */
int test_run(const char *cmd, char **out, int want_err);
/* The texts directory of Debian's r-cran-tm package (Reuters-21578 articles), as dpkg lists
 * it; "" when the package is not installed. */
const char *tm_texts_dir(void);

#endif
