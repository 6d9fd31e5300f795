#!/bin/sh
# Two builds of detente side by side, because this class of machine drifts by 10-40 % within
# an hour: runs A, B, A, B ... (PAIRS pairs, default 11) of `detente code --threads 1` on the
# same corpus, pinned to one processor when taskset is there, and prints each pair's wall
# times, the median ratio B/A (below 1: B is faster) and whether both wrote the same bytes.
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
# one timed run: wall seconds
timed() {
    /usr/bin/time -f %e -o "$tmp/t" $pin "$1" code --threads 1 --quiet "$corpus" > /dev/null 2>&1 || :
    tail -n 1 "$tmp/t" # (after a "Command exited with non-zero status" line)
}
echo "== $corpus; A = $a; B = $b"
i=0
while [ "$i" -lt "$pairs" ]; do
    ta=$(timed "$a")
    tb=$(timed "$b")
    echo "$ta $tb" | awk '{ printf "pair: A %.2f s  B %.2f s  B/A %.3f\n", $1, $2, $2 / $1 }'
    echo "$ta $tb" | awk '{ print $2 / $1 }' >> "$tmp/ratios"
    i=$((i + 1))
done
sort -g "$tmp/ratios" | awk -v same="$same" '{ r[NR] = $1 }
    END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
          printf "median B/A %.3f (%.3f-%.3f, %d pairs); outputs: %s\n", m, r[1], r[NR], NR, same }'
