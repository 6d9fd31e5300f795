#!/bin/sh
# Where a sentence's coding time goes: builds detente with stage timing (-DDT_STAGE_TIMES,
# src/coder/stages.h) into build/stages/ and codes a corpus on one thread; the coder writes
# each stage's time per sentence, the time of sentences by what they yield, and of verb-entry
# tries by how they end, to standard error. The timed build runs 10-20 % slower than the
# plain one; read the shares.
#
#   sh bench/stages.sh [CORPUS]      (default: the 50 MB benchmark corpus, bench/corpus.sh)
set -eu
corpus=${1:-}
# (a corpus named from elsewhere, taken before moving to the repository's top)
[ -z "$corpus" ] || corpus=$(realpath "$corpus")
cd "$(dirname "$0")/.."
[ -n "$corpus" ] || corpus=$(sh bench/corpus.sh 50)
make -s BUILD=build/stages BIN=build/stages/detente EXTRA_CFLAGS=-DDT_STAGE_TIMES build/stages/detente
cat "$corpus" > /dev/null # into the page cache
echo "== stage times: $corpus"
./build/stages/detente code --threads 1 --quiet "$corpus" 2>&1 > /dev/null
