#!/usr/bin/env bash
# Load test of `davar serve` on loopback: requests per second and p50/p99 latency of
# `POST /v1/moderate` with real review bodies, and of `GET /healthz` (a trivial route of the
# same server) in the same run, then the ratio; and the moderation route with a two-word body
# (the HTTP layer's own cost). Bounded: three wrk runs of DURATION each.
#
#   bash bench/load/run.sh                 # DURATION=10s CONNECTIONS=16 THREADS=1
#
# Needs wrk (`apt-get install -y wrk`; installed here when missing and running as root) and
# ../shared/data/digikala/train.csv next to the checkout (real reviews, read at run time only;
# set REVIEWS=path to use another CSV with `title,comment` columns).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-1}"
reviews="${REVIEWS:-$root/../shared/data/digikala/train.csv}"
samples="${SAMPLES:-300}"

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null; }
    else
        echo "load: wrk is not installed (apt-get install -y wrk)" >&2
        exit 2
    fi
fi
if [ ! -f "$reviews" ]; then
    echo "load: review file $reviews not found (set REVIEWS=path/to/reviews.csv)" >&2
    exit 2
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP  # run the EXIT trap on Ctrl-C and kill too

# A few hundred real reviews, as request bodies, one JSON object per line.
python3 - "$reviews" "$samples" > "$work/bodies.jsonl" <<'PY'
import csv, json, random, sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, newline="", encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if (r.get("comment") or "").strip()]
random.Random(7).shuffle(rows)
for r in rows[:n]:
    body = {"kind": "review", "lang": "fa", "body": r["comment"]}
    if (r.get("title") or "").strip():
        body["title"] = r["title"]
    print(json.dumps(body, ensure_ascii=False))
PY
echo "load: $(wc -l < "$work/bodies.jsonl") review bodies from $reviews" >&2

(cd "$root" && cargo build --release --quiet -p davar)
bin="${CARGO_TARGET_DIR:-$root/target}/release/davar"

# `exec`: the background job *is* the server, so `$!` is its pid and the trap stops it.
(cd "$root" && exec env RUST_LOG=warn "$bin" serve --addr 127.0.0.1:0 --store "sqlite://$work/questions.db" > "$work/server.out" 2> "$work/server.err") &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q "listening on" "$work/server.out" 2>/dev/null && break
    sleep 0.1
done
url="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/server.out" | head -n1)"
if [ -z "$url" ]; then
    echo "load: the server did not start:" >&2
    cat "$work/server.err" >&2
    exit 2
fi
# Every body must be accepted before it is measured.
head -n1 "$work/bodies.jsonl" | curl -sf -H 'Content-Type: application/json' --data-binary @- "$url/v1/moderate" > /dev/null

run_wrk() { # label, path, [bodies file (JSON Lines; none: GET)]
    local key="${2//\//_}${3:+_$(basename "$3" .jsonl)}"
    local out="$work/$key.txt"
    BODIES="${3:-}" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/load/moderate.lua" "$url$2" > "$out"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
    p50="$(awk '$1 == "50%" {print $2}' "$out")"
    p99="$(awk '$1 == "99%" {print $2}' "$out")"
    errors="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")"
    printf '%-26s %12s req/s   p50 %9s   p99 %9s   non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
    echo "$rps" > "$work/$key.rps"
}

echo "load: wrk -t$threads -c$connections -d$duration against $url (2 cores shared by wrk and the server)"
run_wrk "GET /healthz" /healthz
run_wrk "POST /v1/moderate" /v1/moderate "$work/bodies.jsonl"
# The same route with a two-word review: what the HTTP layer costs without the engine's work.
echo '{"kind":"review","lang":"fa","title":"خوب","body":"راضی هستم"}' > "$work/short.jsonl"
run_wrk "POST /v1/moderate short" /v1/moderate "$work/short.jsonl"
python3 - "$work/_healthz.rps" "$work/_v1_moderate_bodies.rps" <<'PY'
import sys
trivial, moderate = (float(open(p).read()) for p in sys.argv[1:3])
print(f"ratio moderate/trivial: {moderate / trivial:.2f} (target >= 0.70)")
PY
