#!/bin/sh
# The main job on the bundled sample: ingest (code and store) the Korean-peninsula news
# items of 2017-2019, show the tension of the main dyads, evaluate the double-freeze
# roadmap, and write the HTML report.
set -eu
cd "$(dirname "$0")/.."
sample=data/sample/korea-2017-2019.jsonl
roadmap=data/roadmaps/korea-double-freeze.roadmap
out=demo-out
db=$out/detente.db
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm"

echo "== 1. ingest: code $sample into $db (one-sided acts kept: missile tests)"
./detente ingest --solo --db "$db" "$sample"

echo
echo "== 2. events: the first North Korean missile and nuclear tests"
./detente events --db "$db" --source PRK --code "15*" --issue MISSILE --one-a-day --limit 5

echo
echo "== 3. tension: North Korea - United States, by month (0 calm, 100 hostile)"
./detente tension --db "$db" --dyad PRK-USA --by month --from 2017-06-01 --to 2018-12-31

echo
echo "== 4. roadmap: $roadmap"
./detente roadmap "$roadmap" --db "$db"

echo
echo "== 5. report"
./detente report --db "$db" --roadmap "$roadmap" --out "$out/report.html" \
    --title "Korean peninsula 2017-2019: tension and the double-freeze roadmap"
echo
echo "Open $out/report.html in a browser (it is self-contained: no network needed)."
