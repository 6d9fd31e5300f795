#!/bin/sh
# Build and run the benchmarks in bench/ against the library (run from the repository
# root by `make bench`). Each bench/NAME.c becomes build/bench/NAME.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/bench
CC=${CC:-cc}
for src in bench/*.c; do
    name=$(basename "$src" .c)
    $CC -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude -o "build/bench/$name" "$src" build/libdetente.a \
        -lsqlite3 -lxml2 -lz -lcurl -lpthread -lm
done
# Loading the full Phoenix dictionaries (three actor files, agents, CAMEO.2.0 verbs,
# discards, issues) as PETRARCH-2 names them in its config.
if [ -r ../shared/reference/petrarch2/config/PETR_config.ini ]; then
    ./build/bench/dict_load -n 20 petrarch:../shared/reference/petrarch2/config/PETR_config.ini
else
    echo "dict_load: ../shared/reference is not here; skipped"
fi
