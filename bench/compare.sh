#!/bin/sh
# Two builds of detente side by side, because this class of machine drifts by 10-40 % within
# an hour: runs A, B, A, B ... (PAIRS pairs, default 11) of `detente code --threads 1` on the
# same corpus, pinned to one processor when taskset is there, and prints each pair's wall
# times, the median ratio B/A (below 1: B is faster) with its quartiles, and whether both wrote
# the same bytes.
# Run each binary from the repository's top (it reads data/ next to itself or here).
#
#   sh bench/compare.sh OLD NEW [PAIRS] [CORPUS]    (default corpus: 50 MB, bench/corpus.sh)
set -eu
[ $# -ge 2 ] || { echo "usage: sh bench/compare.sh OLD NEW [PAIRS] [CORPUS]" >&2; exit 2; }
a=$(realpath "$1")
b=$(realpath "$2")
for x in "$a" "$b"; do
    [ -x "$x" ] || { echo "bench: $x is not an executable" >&2; exit 2; }
done
pairs=${3:-11}
corpus=${4:-}
[ -z "$corpus" ] || corpus=$(realpath "$corpus")
cd "$(dirname "$0")/.."
[ -n "$corpus" ] || corpus=$(sh bench/corpus.sh 50)
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
pin=""
command -v taskset > /dev/null 2>&1 && pin="taskset -c 0"
cat "$corpus" > /dev/null # into the page cache
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the outputs, once each (a run that skips bad records ends with a non-zero status: the
# messages are the corpus's, not the build's, and are not shown)
$pin "$a" code --threads 1 --quiet "$corpus" > "$tmp/a.out" 2> /dev/null || :
$pin "$b" code --threads 1 --quiet "$corpus" > "$tmp/b.out" 2> /dev/null || :
if cmp -s "$tmp/a.out" "$tmp/b.out"; then same="the same bytes"; else same="DIFFERENT output"; fi
rm -f "$tmp/a.out" "$tmp/b.out"
# one timed run: wall seconds (nanosecond clock; /usr/bin/time gives hundredths)
timed() {
    t0=$(date +%s%N)
    $pin "$1" code --threads 1 --quiet "$corpus" > /dev/null 2>&1 || :
    t1=$(date +%s%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}
echo "== $corpus; A = $a; B = $b"
i=0
while [ "$i" -lt "$pairs" ]; do
    # (every other pair runs B first: a run that gains or loses by coming second does so
    # for both builds alike)
    if [ $((i % 2)) -eq 0 ]; then
        ta=$(timed "$a")
        tb=$(timed "$b")
    else
        tb=$(timed "$b")
        ta=$(timed "$a")
    fi
    echo "$ta $tb" | awk '{ printf "pair: A %.3f s  B %.3f s  B/A %.3f\n", $1, $2, $2 / $1 }'
    echo "$ta $tb" | awk '{ print $2 / $1 }' >> "$tmp/ratios"
    i=$((i + 1))
done
# The median and its quartiles: the same build against itself (A = B) gives the spread to
# expect from the machine alone.
sort -g "$tmp/ratios" | awk -v same="$same" '{ r[NR] = $1 }
    function q(p,   x, k) { x = 1 + p * (NR - 1); k = int(x); return k < NR ? r[k] + (x - k) * (r[k + 1] - r[k]) : r[NR] }
    END { printf "median B/A %.3f (quartiles %.3f-%.3f, range %.3f-%.3f, %d pairs); outputs: %s\n",
                 q(0.5), q(0.25), q(0.75), r[1], r[NR], NR, same }'
