/* fetch.c — http(s) sources through libcurl: a whole-transfer timeout, a size cap, a few
 * redirects at most, only http and https, and a User-Agent that says who we are. */
#include "ingest.h"

#include <curl/curl.h>
#include <pthread.h>

#define USER_AGENT "Detente/" DT_VERSION " (+event coder)"

bool fetch_is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;
static void curl_init(void) { curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT); }

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
    if (curl_init_rc != CURLE_OK) {
        err_set(err, DT_ENET, url, 0, 0, "libcurl could not start");
        return DT_ENET;
    }
    size_t cap = o && o->max_bytes ? o->max_bytes : (32u << 20);
    buf_free(body);
    buf_init(body, cap);
    CURL *c = curl_easy_init();
    if (!c)
        return DT_ENOMEM;
    sink s = {body, content_type, false};
    long timeout = o && o->timeout_s ? o->timeout_s : 30;
    long redirects = o && o->max_redirects ? o->max_redirects : 5;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_USERAGENT, USER_AGENT);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, redirects);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout : 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  /* gzip, deflate as the server likes */
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)cap);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_FILETIME, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
    CURLcode cr = curl_easy_perform(c);
    int rc = 0;
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (s.over || cr == CURLE_FILESIZE_EXCEEDED) {
        err_set(err, DT_ELIMIT, url, 0, 0, "larger than %zu bytes", cap);
        rc = DT_ELIMIT;
    } else if (cr != CURLE_OK) {
        err_set(err, DT_ENET, url, 0, 0, "%s", curl_easy_strerror(cr));
        rc = DT_ENET;
    } else if (status >= 400) {
        err_set(err, DT_ENET, url, 0, 0, "HTTP status %ld", status);
        rc = DT_ENET;
    }
    char *ct = NULL, *eff = NULL;
    if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct)
        snprintf(content_type, 256, "%s", ct);
    if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff)
        snprintf(final_url, 2048, "%s", eff);
    curl_off_t ft = -1;
    if (curl_easy_getinfo(c, CURLINFO_FILETIME_T, &ft) == CURLE_OK && ft > 0)
        dt_date_format((int32_t)(ft / 86400), last_modified, 11);
    curl_easy_cleanup(c);
    return rc;
}
