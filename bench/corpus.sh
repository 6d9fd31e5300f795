#!/bin/sh
# Prints the path of the benchmark corpus of MB megabytes (default 500), building it first
# when it is not there: bench/mkcorpus from Reuters-21578 (Debian package r-cran-tm) and
# the bundled sample, the same bytes on every machine. Run from the repository's top.
#
#   corpus=$(sh bench/corpus.sh 50)
set -eu
MB=${1:-500}
# the Reuters-21578 texts, wherever Debian's r-cran-tm package put them
TM=${TM_TEXTS:-$(dpkg -L r-cran-tm 2>/dev/null | grep '/tm/texts$' | head -1)}
corpus=build/bench/corpus-${MB}mb.jsonl
if [ ! -s "$corpus" ]; then
    [ -n "$TM" ] && [ -d "$TM" ] || { echo "bench: the Reuters texts are missing (apt-get install r-cran-tm)" >&2; exit 1; }
    make -s build/bench/mkcorpus >&2
    echo "== building the corpus: $corpus" >&2
    ./build/bench/mkcorpus --mb "$MB" "$TM/acq" "$TM/crude" "$TM/reuters-21578.xml" \
        data/sample/korea-2017-2019.jsonl > "$corpus.tmp"
    mv "$corpus.tmp" "$corpus"
fi
echo "$corpus"
