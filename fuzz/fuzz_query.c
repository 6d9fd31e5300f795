/* fuzz_query.c — actor patterns, dyads and tension periods as a user types them, and the
 * tension computation on day totals made from the same bytes. */
#include "detente.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;
    (void)dt_actor_pattern_check(s, NULL);
    (void)dt_dyad_check(s, NULL);
    dt_period by;
    (void)dt_period_parse(s, &by);
    /* Day totals from the bytes: each 4-byte group is a day offset and two weights. */
    dt_day_totals days[64];
    size_t n = 0;
    int32_t day = 17000;
    for (size_t i = 0; i + 4 <= size && n < 64; i += 4) {
        memset(&days[n], 0, sizeof(days[n]));
        day += data[i] % 40;
        days[n].day = day;
        days[n].n[data[i + 1] % 5] = 1 + data[i + 1] / 5;
        days[n].coop10 = data[i + 2];
        days[n].conflict10 = data[i + 3];
        n++;
    }
    dt_tension_opts o = {(dt_period)(size % 3), (double)(size % 7), (double)(size % 11)};
    dt_tension_series ser;
    if (n && dt_tension_compute(days, n, days[0].day - (int32_t)(size % 90), day, &o, &ser) == 0) {
        (void)dt_tension_alerts(&ser, 10.0);
        dt_tension_series_free(&ser);
    }
    free(s);
    return 0;
}
