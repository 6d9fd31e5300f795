/* dates.c — recognising publication dates as pages, feeds and wires write them: ISO 8601,
 * RFC 822, "June 12, 2018", dates in URL paths, and news datelines. Never guesses a year. */
#include "ingest.h"

static const char *const month_names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

static bool plausible(int y, int m, int d, int32_t *day)
{
    if (y < 1900 || y > 2100 || !date_valid_ymd(y, m, d))
        return false;
    *day = date_from_ymd(y, m, d);
    return true;
}

/* A month name (full, three-letter, or abbreviated with a period: "Sept.") at s. */
static int month_at(const char *s, size_t n, size_t *len)
{
    size_t w = 0;
    while (w < n && is_alpha((unsigned char)s[w]))
        w++;
    if (w < 3)
        return 0;
    static const char *const full[12] = {"january", "february", "march", "april", "may", "june",
                                         "july", "august", "september", "october", "november", "december"};
    for (int m = 0; m < 12; m++) {
        bool pref = true;
        for (size_t i = 0; i < 3; i++)
            if (to_lower((unsigned char)s[i]) != month_names[m][i])
                pref = false;
        if (!pref)
            continue;
        if (w == 3 || (w == 4 && m == 8 && to_lower((unsigned char)s[3]) == 't') ||
            str_ieq(s, w, full[m])) {
            *len = w + (w < n && s[w] == '.' ? 1 : 0);
            return m + 1;
        }
    }
    return 0;
}

static size_t digits(const char *s, size_t n, size_t max, int *v)
{
    size_t i = 0;
    *v = 0;
    while (i < n && i < max && is_digit((unsigned char)s[i]))
        *v = *v * 10 + (s[i++] - '0');
    return i;
}

static size_t skip_seps(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* "June 12, 2018" / "Jun. 12 2018" at s. */
static bool month_day_year(const char *s, size_t n, int32_t *day, size_t *used)
{
    size_t ml;
    int m = month_at(s, n, &ml);
    if (!m)
        return false;
    size_t i = skip_seps(s, n, ml);
    int d, y;
    size_t k = digits(s + i, n - i, 2, &d);
    if (!k)
        return false;
    i += k;
    if (i + 1 < n && (s[i] == 's' || s[i] == 'n' || s[i] == 'r' || s[i] == 't') && is_alpha((unsigned char)s[i + 1]))
        i += 2; /* 1st, 2nd, 3rd, 4th */
    i = skip_seps(s, n, i);
    k = digits(s + i, n - i, 4, &y);
    if (k != 4 || (i + k < n && is_digit((unsigned char)s[i + k])))
        return false;
    *used = i + k;
    return plausible(y, m, d, day);
}

/* "12 June 2018" at s. */
static bool day_month_year(const char *s, size_t n, int32_t *day, size_t *used)
{
    int d, y;
    size_t i = digits(s, n, 2, &d);
    if (!i)
        return false;
    if (i < n && (s[i] == '.' || s[i] == '-'))
        i++;
    i = skip_seps(s, n, i);
    size_t ml;
    int m = month_at(s + i, n - i, &ml);
    if (!m)
        return false;
    i += ml;
    if (i < n && s[i] == '-')
        i++;
    i = skip_seps(s, n, i);
    size_t k = digits(s + i, n - i, 4, &y);
    if (k != 4)
        return false;
    *used = i + k;
    return plausible(y, m, d, day);
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD at s. */
static bool numeric_ymd(const char *s, size_t n, int32_t *day, size_t *used)
{
    int y, m, d;
    size_t i = digits(s, n, 4, &y);
    if (i != 4)
        return false;
    if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
        char sep = s[i++];
        size_t k = digits(s + i, n - i, 2, &m);
        if (!k)
            return false;
        i += k;
        if (i >= n || s[i] != sep)
            return false;
        i++;
        k = digits(s + i, n - i, 2, &d);
        if (!k)
            return false;
        *used = i + k;
        return plausible(y, m, d, day);
    }
    if (n >= 8 && digits(s + 4, n - 4, 2, &m) == 2 && digits(s + 6, n - 6, 2, &d) == 2 &&
        (n == 8 || !is_digit((unsigned char)s[8]))) {
        *used = 8;
        return plausible(y, m, d, day);
    }
    return false;
}

bool date_parse_any(const char *s, size_t n, int32_t *day)
{
    dt_slice t = str_trim(s, n);
    s = t.ptr;
    n = t.len;
    if (!n)
        return false;
    size_t used;
    if (is_digit((unsigned char)s[0])) {
        if (numeric_ymd(s, n, day, &used) || day_month_year(s, n, day, &used))
            return true;
        /* Unix time in seconds (some sites' meta tags) */
        if (n == 10) {
            long v;
            if (str_to_long(s, n, &v) && v > 315532800L && v < 4102444800L) {
                *day = (int32_t)(v / 86400);
                return true;
            }
        }
        /* US style 06/12/2018 */
        int a, b, y;
        size_t i = digits(s, n, 2, &a);
        if (i && i < n && s[i] == '/') {
            size_t k = digits(s + i + 1, n - i - 1, 2, &b);
            if (k && i + 1 + k < n && s[i + 1 + k] == '/' &&
                digits(s + i + 2 + k, n - i - 2 - k, 4, &y) == 4)
                return plausible(y, a, b, day);
        }
        return false;
    }
    /* "Tue, 10 Jun 2003 04:00:00 GMT" and "Tuesday, June 12, 2018": skip a weekday. */
    size_t i = 0;
    while (i < n && is_alpha((unsigned char)s[i]))
        i++;
    size_t ml;
    if (i < n && (s[i] == ',' || (s[i] == '.' && i == 3) || s[i] == ' ') && !month_at(s, n, &ml)) {
        i = skip_seps(s, n, i + (s[i] == '.' ? 1 : 0));
        s += i;
        n -= i;
        if (n && is_digit((unsigned char)s[0]))
            return day_month_year(s, n, day, &used);
    }
    return month_day_year(s, n, day, &used);
}

bool date_from_url(const char *url, size_t n, int32_t *day)
{
    /* Look only at the path: skip "scheme://host". */
    size_t i = 0;
    const char *p = memchr(url, ':', n);
    if (p && (size_t)(p - url) + 2 < n && p[1] == '/' && p[2] == '/') {
        i = (size_t)(p - url) + 3;
        while (i < n && url[i] != '/')
            i++;
    }
    for (; i < n; i++) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_')
            continue;
        const char *s = url + i + 1;
        size_t m = n - i - 1;
        int y, mo, d;
        if (digits(s, m, 4, &y) != 4 || y < 1990 || y > 2100)
            continue;
        /* /2018/06/12/ or /2018-06-12 */
        if (m > 9 && (s[4] == '/' || s[4] == '-') && digits(s + 5, m - 5, 2, &mo) == 2 && s[7] == s[4] &&
            digits(s + 8, m - 8, 2, &d) == 2 && (m == 10 || !is_digit((unsigned char)s[10])) &&
            plausible(y, mo, d, day))
            return true;
        /* /20180612/ */
        if (m >= 8 && digits(s, m, 8, &y) == 8 && (m == 8 || !is_digit((unsigned char)s[8]))) {
            int v = y;
            if (plausible(v / 10000, (v / 100) % 100, v % 100, day))
                return true;
        }
    }
    return false;
}

bool date_from_dateline(const char *text, size_t n, int32_t *day, size_t *end)
{
    /* Upper-case place name(s), a comma, then the date, then an optional "(Agency)" and a
     * dash. The place is at most ~60 bytes; the whole dateline at most ~120. */
    size_t i = 0;
    while (i < n && is_space((unsigned char)text[i]))
        i++;
    size_t place = i;
    while (i < n && i - place < 60 && (is_upper((unsigned char)text[i]) || text[i] == ' ' || text[i] == '.' ||
                                       text[i] == '-' || text[i] == '\'' || (unsigned char)text[i] >= 0x80))
        i++;
    if (i - place < 2 || i >= n || text[i] != ',')
        return false;
    size_t limit = DT_MIN(n, i + 80);
    i = skip_seps(text, limit, i + 1);
    size_t used = 0;
    if (!(month_day_year(text + i, limit - i, day, &used) || day_month_year(text + i, limit - i, day, &used) ||
          numeric_ymd(text + i, limit - i, day, &used)))
        return false;
    i += used;
    while (i < limit && (text[i] == ' ' || text[i] == '/'))
        i++;
    if (i < limit && text[i] == '(') {
        const char *close = memchr(text + i, ')', limit - i);
        if (close)
            i = (size_t)(close - text) + 1;
    }
    while (i < limit && text[i] == ' ')
        i++;
    if (i < limit && text[i] == '-')
        i++;
    else if (i + 3 <= limit && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
             ((unsigned char)text[i + 2] == 0x94 || (unsigned char)text[i + 2] == 0x93))
        i += 3;
    *end = i;
    return true;
}
