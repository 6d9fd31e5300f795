/* fetch.c — http(s) sources through libcurl: a whole-transfer timeout, a size cap, a few
 * redirects at most, only http and https, and a User-Agent that says who we are.
 *
 * libcurl is opened with dlopen at the first URL, not linked: it brings some twenty
 * libraries (TLS, Kerberos, LDAP, SSH, ...) whose loading cost every run of the program
 * about 14 ms before main, fetching or not (docs/performance.md, "Process start");
 * libxml2 likewise (xmllib.h). */
#include "ingest.h"

#include <curl/curl.h>
#include <pthread.h>

#define USER_AGENT "Detente/" DT_VERSION " (+event coder)"

bool fetch_is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* The libcurl functions used, found in the library at the first fetch, each typed from
 * libcurl's own declaration (field, then the library's name: curl.h makes some of those
 * names macros when they are called, so the fields are named apart). Calls through them
 * lose the compile-time checks of option arguments that curl.h adds for gcc. */
#define CURL_FUNCTIONS(X)                                                                      \
    X(global_init, curl_global_init) X(easy_init, curl_easy_init)                             \
    X(setopt, curl_easy_setopt) X(perform, curl_easy_perform) X(getinfo, curl_easy_getinfo)   \
    X(strerror, curl_easy_strerror) X(cleanup, curl_easy_cleanup)
#define CURL_FIELD(field, sym) __typeof__(sym) *field;
static struct {
    CURL_FUNCTIONS(CURL_FIELD)
} cu;
#undef CURL_FIELD

/* (DETENTE_LIBCURL names another file: how the tests see a machine without libcurl) */
#define CURL_LIB "libcurl.so.4"
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static char curl_problem[256]; /* empty once libcurl is loaded and started */
static int curl_rc;            /* DT_ENOLIB: not installed; DT_ENET: could not start */

static void curl_init(void)
{
    curl_rc = DT_ENOLIB;
    void *lib = lib_open("DETENTE_LIBCURL", CURL_LIB, "fetching URLs needs libcurl", curl_problem,
                         sizeof curl_problem);
    if (!lib)
        return;
#define CURL_NAME(field, sym) #sym,
#define CURL_SLOT(field, sym) (void **)(void *)&cu.field,
    static const char *const names[] = {CURL_FUNCTIONS(CURL_NAME)};
    void **const slots[] = {CURL_FUNCTIONS(CURL_SLOT)};
#undef CURL_NAME
#undef CURL_SLOT
    const char *missing = lib_find(lib, names, slots, DT_ARRAY_LEN(names));
    if (missing) {
        snprintf(curl_problem, sizeof curl_problem,
                 "the libcurl found lacks %s, which this program needs", missing);
        return;
    }
    curl_rc = DT_ENET;
    if (cu.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(curl_problem, sizeof curl_problem, "libcurl could not start");
        return;
    }
    curl_rc = 0;
}

typedef struct sink {
    buf *body;
    char *ct;
    bool over;
} sink;

static size_t on_body(char *p, size_t size, size_t n, void *user)
{
    sink *s = user;
    size_t len = size * n;
    if (buf_append(s->body, p, len)) {
        s->over = true;
        return 0; /* aborts the transfer */
    }
    return len;
}

int fetch_url(const char *url, const fetch_opts *o, buf *body, char content_type[256],
              char final_url[2048], char last_modified[11], dt_error *err)
{
    content_type[0] = 0;
    last_modified[0] = 0;
    snprintf(final_url, 2048, "%s", url);
    if (!fetch_is_url(url)) {
        err_set(err, DT_EINVAL, url, 0, 0, "not an http(s) URL");
        return DT_EINVAL;
    }
    pthread_once(&curl_once, curl_init);
    if (curl_rc) {
        err_set(err, curl_rc, url, 0, 0, "%s", curl_problem);
        return curl_rc;
    }
    size_t cap = o && o->max_bytes ? o->max_bytes : (32u << 20);
    buf_free(body);
    buf_init(body, cap);
    CURL *c = cu.easy_init();
    if (!c)
        return DT_ENOMEM;
    sink s = {body, content_type, false};
    long timeout = o && o->timeout_s ? o->timeout_s : 30;
    long redirects = o && o->max_redirects ? o->max_redirects : 5;
    cu.setopt(c, CURLOPT_URL, url);
    cu.setopt(c, CURLOPT_USERAGENT, USER_AGENT);
    cu.setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    cu.setopt(c, CURLOPT_MAXREDIRS, redirects);
    cu.setopt(c, CURLOPT_TIMEOUT, timeout);
    cu.setopt(c, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout : 10L);
    cu.setopt(c, CURLOPT_NOSIGNAL, 1L);
    cu.setopt(c, CURLOPT_ACCEPT_ENCODING, "");  /* gzip, deflate as the server likes */
    cu.setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)cap);
#if LIBCURL_VERSION_NUM >= 0x075500
    cu.setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    cu.setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    cu.setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    cu.setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    cu.setopt(c, CURLOPT_FILETIME, 1L);
    cu.setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    cu.setopt(c, CURLOPT_WRITEDATA, &s);
    CURLcode cr = cu.perform(c);
    int rc = 0;
    long status = 0;
    cu.getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (s.over || cr == CURLE_FILESIZE_EXCEEDED) {
        err_set(err, DT_ELIMIT, url, 0, 0, "larger than %zu bytes", cap);
        rc = DT_ELIMIT;
    } else if (cr != CURLE_OK) {
        err_set(err, DT_ENET, url, 0, 0, "%s", cu.strerror(cr));
        rc = DT_ENET;
    } else if (status >= 400) {
        err_set(err, DT_ENET, url, 0, 0, "HTTP status %ld", status);
        rc = DT_ENET;
    }
    char *ct = NULL, *eff = NULL;
    if (cu.getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct)
        snprintf(content_type, 256, "%s", ct);
    if (cu.getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff)
        snprintf(final_url, 2048, "%s", eff);
    curl_off_t ft = -1;
    if (cu.getinfo(c, CURLINFO_FILETIME_T, &ft) == CURLE_OK && ft > 0)
        dt_date_format((int32_t)(ft / 86400), last_modified, 11);
    cu.cleanup(c);
    return rc;
}
