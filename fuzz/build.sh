#!/bin/sh
# Build the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/, and run each
# briefly on its seed corpus when FUZZ_SECONDS is set:  FUZZ_SECONDS=30 make fuzz
set -eu
cd "$(dirname "$0")/.."
CC=${FUZZ_CC:-clang}
OUT=build-fuzz
mkdir -p "$OUT"
FLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -I/usr/include/libxml2"
LIBSRC=""
for f in src/util/*.c src/text/*.c src/dict/*.c src/coder/*.c src/ingest/*.c src/store/*.c src/analysis/*.c src/report/*.c; do
    [ -f "$f" ] && LIBSRC="$LIBSRC $f"
done
sh tools/gen-cameo.sh data/cameo-codes.tsv > "$OUT/cameo_table.c"
# The library is compiled once (instrumented, without the fuzzer's main) and linked into
# every target.
mkdir -p "$OUT/obj"
LIBFLAGS=$(echo "$FLAGS" | sed 's/-fsanitize=fuzzer,/-fsanitize=fuzzer-no-link,/')
OBJS=""
for f in $LIBSRC "$OUT/cameo_table.c"; do
    o="$OUT/obj/$(echo "$f" | tr '/' '_' | sed 's/\.c$/.o/')"
    $CC $LIBFLAGS -Isrc -c "$f" -o "$o"
    OBJS="$OBJS $o"
done
for t in fuzz/fuzz_*.c; do
    name=$(basename "$t" .c)
    echo "building $name"
    $CC $FLAGS -Isrc -o "$OUT/$name" "$t" $OBJS -lsqlite3 -lz -ldl -lpthread -lm
done
if [ -n "${FUZZ_SECONDS:-}" ]; then
    for t in fuzz/fuzz_*.c; do
        name=$(basename "$t" .c)
        seeds="fuzz/corpus/${name#fuzz_}"
        work="$OUT/corpus-${name#fuzz_}"
        mkdir -p "$work"
        echo "running $name for $FUZZ_SECONDS s"
        "./$OUT/$name" -seed="${FUZZ_SEED:-1}" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -rss_limit_mb=2048 "$work" "$seeds"
    done
fi
