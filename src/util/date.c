/* date.c — calendar dates as day numbers (days since 1970-01-01), strict ISO parsing. */
#include "util.h"

#include <stdio.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
int32_t date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_to_ymd(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

bool date_valid_ymd(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    int md = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        md = 29;
    return d <= md;
}

int dt_date_parse(const char *s, size_t n, int32_t *day)
{
    if (!s || n != 10 || s[4] != '-' || s[7] != '-')
        return DT_EDATE;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit((unsigned char)s[i]))
            return DT_EDATE;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (!date_valid_ymd(y, m, d))
        return DT_EDATE;
    *day = date_from_ymd(y, m, d);
    return 0;
}

void dt_date_format(int32_t day, char *out, size_t cap)
{
    if (day == DATE_NONE) {
        snprintf(out, cap, "%s", "");
        return;
    }
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
}
