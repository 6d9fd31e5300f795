#!/bin/sh
# Coding throughput of `detente code` on a fixed corpus, made by bench/mkcorpus from
# Reuters-21578 (Debian package r-cran-tm) and the bundled sample: sentences/s, MB/s,
# events/s, peak RSS, for 1 and 2 threads; process start, dictionary load time and model size. With
# the Phoenix (PETRARCH-2) dictionaries too when ../shared/reference holds them.
#
#   sh bench/throughput.sh            (BENCH_MB=500 by default; BENCH_THREADS="1 2")
set -eu
cd "$(dirname "$0")/.."
MB=${BENCH_MB:-500}
THREADS=${BENCH_THREADS:-1 2}
SHARED=${DETENTE_SHARED:-../shared}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
corpus=$(sh bench/corpus.sh "$MB")
bytes=$(wc -c < "$corpus")
cat "$corpus" > /dev/null # into the page cache: the runs time coding, not the disk
echo "== corpus: $corpus, $bytes bytes, sha256 $(sha256sum "$corpus" | cut -c1-16)"

# run LABEL THREADS DICT-ARGS...: one timed run, output discarded
run() {
    label=$1; threads=$2; shift 2
    log=build/bench/code.log
    /usr/bin/time -f '%e %U %M' -o build/bench/time.out \
        ./detente code --threads "$threads" "$@" "$corpus" > /dev/null 2> "$log" || true
    # "detente: R records in D documents, S sentences, E events; K records skipped"
    summary=$(grep '^detente: .* sentences' "$log" | tail -1)
    set -- $(tail -1 build/bench/time.out)
    wall=$1; user=$2; rss=$3
    sentences=$(echo "$summary" | sed -n 's/.* \([0-9]*\) sentences.*/\1/p')
    events=$(echo "$summary" | sed -n 's/.* \([0-9]*\) events.*/\1/p')
    awk -v l="$label" -v t="$threads" -v w="$wall" -v u="$user" -v r="$rss" -v s="$sentences" \
        -v e="$events" -v b="$bytes" 'BEGIN {
        printf "%-9s threads %d: %9.0f sentences/s  %6.1f MB/s  %8.0f events/s  wall %.2f s  user %.2f s  peak RSS %.1f MiB  (%d sentences, %d events)\n",
               l, t, s / w, b / w / 1e6, e / w, w, u, r / 1024, s, e }'
}

# avg_ms CMD...: the mean wall time of 20 runs of a short command, in ms (it must succeed)
avg_ms() {
    "$@" > /dev/null 2>&1 || { echo "bench: $* failed" >&2; exit 1; }
    t0=$(date +%s%N)
    i=0
    while [ $i -lt 20 ]; do "$@" > /dev/null 2>&1; i=$((i + 1)); done
    t1=$(date +%s%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 20 / 1e6 }'
}
one=build/bench/one-sentence.jsonl
printf '{"id":"start","date":"2020-01-01","text":"The talks ended."}\n' > "$one"
start_ms=$(avg_ms ./detente --version)
one_ms=$(avg_ms ./detente code --threads 1 "$one")
echo "== process start: detente --version $start_ms ms;" \
     "detente code on one sentence (start + bundled load) $one_ms ms (means of 20)"

echo "== bundled dictionaries"
./build/bench/dict_load data/dict
for t in $THREADS; do
    run bundled "$t"
done

phoenix="$SHARED/reference/petrarch2/config/PETR_config.ini"
if [ -f "$phoenix" ]; then
    echo "== Phoenix dictionaries (PETRARCH-2): $phoenix"
    ./build/bench/dict_load "petrarch:$phoenix"
    for t in $THREADS; do
        run phoenix "$t" --dict "petrarch:$phoenix"
    done
else
    echo "== Phoenix dictionaries: skipped ($phoenix is absent)"
fi
