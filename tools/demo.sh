#!/bin/sh
# The main job on the bundled sample: code the sample news items and show the events.
set -eu
cd "$(dirname "$0")/.."
sample=data/sample/korea-2017-2019.jsonl
out=demo-out
mkdir -p "$out"
echo "== coding $sample"
./detente code --format tsv "$sample" > "$out/events.tsv"
n=$(($(wc -l < "$out/events.tsv") - 1))
echo "== $n events written to $out/events.tsv; the first 25:"
awk -F'\t' 'NR > 1 && NR <= 26 { printf "%s  %-9s %-9s %-5s %s\n", $3, $4, $5, $6, substr($14, 1, 70) }' "$out/events.tsv"
echo "== events per CAMEO root"
awk -F'\t' 'NR > 1 { n[$7]++ } END { for (r in n) printf "  %s %d\n", r, n[r] }' "$out/events.tsv" | sort
