#!/bin/sh
# Turn data/cameo-codes.tsv into a sorted C table (built into the library), and the slot
# index dt_cameo_lookup reads it through (the layout is described in dict/dict.h).
set -eu
echo '/* Generated from data/cameo-codes.tsv by tools/gen-cameo.sh. Do not edit. */'
echo '#include "dict/dict.h"'
echo 'const cameo_row cameo_table[] = {'
grep -v '^#' "$1" | LC_ALL=C sort -t "$(printf '\t')" -k1,1 | awk -F'\t' '
NF >= 3 {
    name = $3; gsub(/\\/, "\\\\", name); gsub(/"/, "\\\"", name);
    printf "    {\"%s\", %s, \"%s\"},\n", $1, $2, name
    # the slot: two digits at 0, three after the 21 two-digit codes, four after the 210
    # three-digit ones; every code is under root 20
    n = length($1)
    if ($1 !~ /^[0-9]+$/ || n < 2 || n > 4 || substr($1, 1, 2) + 0 > 20) {
        print "gen-cameo.sh: code \"" $1 "\" is not two to four digits under root 20" > "/dev/stderr"
        bad = 1
        exit 1
    }
    slot[rows++] = (n == 2 ? 0 : n == 3 ? 21 : 231) + ($1 + 0)
}
END {
    if (bad)
        exit 1
    print "};"
    print "const size_t cameo_table_len = sizeof(cameo_table) / sizeof(cameo_table[0]);"
    print "const uint16_t cameo_slot[CAMEO_SLOTS] = {"
    for (i = 0; i < rows; i++)
        printf "    [%d] = %d,\n", slot[i], i + 1
    print "};"
}'
