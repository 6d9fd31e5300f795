#!/bin/sh
# Turn data/cameo-codes.tsv into a sorted C table (built into the library).
set -eu
echo '/* Generated from data/cameo-codes.tsv by tools/gen-cameo.sh. Do not edit. */'
echo '#include "dict/dict.h"'
echo 'const cameo_row cameo_table[] = {'
grep -v '^#' "$1" | LC_ALL=C sort -t "$(printf '\t')" -k1,1 | awk -F'\t' 'NF >= 3 {
    name = $3; gsub(/\\/, "\\\\", name); gsub(/"/, "\\\"", name);
    printf "    {\"%s\", %s, \"%s\"},\n", $1, $2, name }'
echo '};'
echo 'const size_t cameo_table_len = sizeof(cameo_table) / sizeof(cameo_table[0]);'
