#!/bin/sh
# Run the benchmarks in bench/: the store (bulk insert and the main queries on a
# synthetic store; BENCH_EVENTS sets its size, 10 million by default).
set -eu
cd "$(dirname "$0")/.."
mkdir -p bench/out
echo "== store: ${BENCH_EVENTS:-10000000} synthetic events"
./build/bench/store_bench --events "${BENCH_EVENTS:-10000000}" --db bench/out/bench.db
