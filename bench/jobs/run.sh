#!/usr/bin/env bash
# Whole-process speed of `davar moderate --format json` with --jobs 1 and --jobs 2 on a CSV
# of reviews (title and comment/body columns), and whether the two outputs are byte-identical.
#
#   bash bench/jobs/run.sh ../shared/data/digikala/train.csv [REPEAT] [RUNS]
#
# Per setting it prints the best wall time, MB/s of title and body text per wall second and
# per CPU second (user + system: the whole process's MB/s per core), and the peak RSS.
# REPEAT (default 1) concatenates the CSV's records that many times into a temporary file, so
# that the run is long enough to time; RUNS (default 3) runs of each setting, the best kept.
# Uses target/release/davar (build it with `cargo build --release -p davar`); writes only to
# a temporary directory, which it removes.
set -euo pipefail
cd "$(dirname "$0")/../.."
csv=${1:?usage: run.sh REVIEWS.csv [REPEAT] [RUNS]}
repeat=${2:-1}
runs=${3:-3}
bin=target/release/davar
[ -x "$bin" ] || { echo "no $bin: cargo build --release -p davar" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

input="$tmp/input.csv"
head -n 1 "$csv" > "$input"
for _ in $(seq "$repeat"); do tail -n +2 "$csv" >> "$input"; done
text_bytes=$(python3 - "$input" <<'PY'
import csv, sys
rows = csv.DictReader(open(sys.argv[1], encoding="utf-8"))
print(sum(len((r.get("title") or "").encode()) + len((r.get("comment") or r.get("body") or "").encode()) for r in rows))
PY
)
echo "input: $(wc -c < "$input") bytes, $text_bytes bytes of title and body; $(date -u +%FT%TZ); load: $(uptime | sed 's/.*load average: //')"

best() { sort -n | head -n 1; }
for jobs in 1 2; do
  : > "$tmp/times-$jobs"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$bin" moderate "$input" --format json --quiet --jobs "$jobs" > "$tmp/out-$jobs.jsonl"
    cat "$tmp/time" >> "$tmp/times-$jobs"
  done
  # The run with the best wall time, and its CPU time (user + system).
  read -r wall _ user sys < <(sort -n "$tmp/times-$jobs" | head -n 1)
  rss=$(cut -d' ' -f2 "$tmp/times-$jobs" | sort -n | tail -n 1)
  echo "$jobs" "$wall" "$rss" >> "$tmp/summary"
  python3 -c "import sys; w=float(sys.argv[1]); b=int(sys.argv[2]); cpu=float(sys.argv[4])+float(sys.argv[5]); print(f'--jobs $jobs: best of $runs {w:.2f} s wall, {b/w/1e6:.2f} MB/s of title and body; {cpu:.2f} s CPU, {b/cpu/1e6:.2f} MB/s per CPU second; peak RSS {int(sys.argv[3])/1024:.0f} MB')" "$wall" "$text_bytes" "$rss" "$user" "$sys"
done
if cmp -s "$tmp/out-1.jsonl" "$tmp/out-2.jsonl"; then
  echo "outputs byte-identical ($(wc -l < "$tmp/out-1.jsonl") results)"
else
  echo "outputs DIFFER"; exit 1
fi
python3 -c "import sys; a,b=(float(l.split()[1]) for l in open(sys.argv[1])); print(f'speedup --jobs 2 / --jobs 1: {a/b:.2f}x')" "$tmp/summary"
echo "load after: $(uptime | sed 's/.*load average: //')"
