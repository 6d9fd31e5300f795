#!/bin/sh
# Benchmarks with fixed inputs. Article extraction: the extraction benchmark's dev pages
# (../shared/reference/ingest/extraction-benchmark, read in place), scored with the
# benchmark's own definition and timed over 5 passes on one core (parse included).
set -eu
cd "$(dirname "$0")/.."
bench=${DETENTE_SHARED:-../shared}/reference/ingest/extraction-benchmark
if [ -d "$bench" ]; then
    echo "== article extraction: $bench"
    ./build/bench/extract_score "$bench" --repeat 5
    for tool in trafilatura readability_js AutoExtract; do
        [ -f "$bench/output/$tool.json" ] || continue
        printf '   published %-15s ' "$tool"
        ./build/bench/extract_score "$bench" --pred "$bench/output/$tool.json"
    done
else
    echo "== article extraction: skipped ($bench is absent)"
fi
ref=${DETENTE_SHARED:-../shared}/reference/ingest
if [ -d "$ref/trafilatura" ]; then
    echo "== trafilatura's evaluation set (segments with/without, micro averages)"
    ./build/bench/extract_eval trafilatura "$ref/trafilatura"
fi
if [ -d "$ref/readability" ]; then
    echo "== Readability.js test pages (shingle F1 against the text of expected.html)"
    ./build/bench/extract_eval readability "$ref/readability"
fi
echo "== coding throughput (bench/throughput.sh)"
sh bench/throughput.sh
# The store: bulk insert and the main queries on a synthetic store (BENCH_EVENTS sets its
# size, 10 million by default: several minutes and about 3.5 GB in bench/out/).
mkdir -p bench/out
echo "== store: ${BENCH_EVENTS:-10000000} synthetic events"
./build/bench/store_bench --events "${BENCH_EVENTS:-10000000}" --db bench/out/bench.db
# What SQLite alone takes to write the same rows: the floor under any store of this schema.
echo "== store: SQLite alone, 1 million rows a part"
./build/bench/store_bench --floor --events 1000000 --db bench/out/floor.db
