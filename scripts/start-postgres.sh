#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for davar's tests and prints its URL.
#
#   export DAVAR_TEST_POSTGRES_URL="$(bash scripts/start-postgres.sh)"
#
# Idempotent: a cluster that is already initialised is reused, one that is already running is
# left running. Installs PostgreSQL from the Debian packages when no server binaries are found.
# Settings (environment): DAVAR_PG_DIR (default /tmp/davar-postgres), DAVAR_PG_PORT
# (default 55432), DAVAR_PG_DB (default davar_test). Everything but the URL goes to stderr.
set -euo pipefail

pg_dir="${DAVAR_PG_DIR:-/tmp/davar-postgres}"
pg_port="${DAVAR_PG_PORT:-55432}"
pg_db="${DAVAR_PG_DB:-davar_test}"
log() { echo "start-postgres: $*" >&2; }

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

if ! bindir="$(find_bindir)"; then
    log "PostgreSQL server binaries not found; installing the Debian package 'postgresql'"
    if [ "$(id -u)" -ne 0 ]; then
        log "need root to run apt-get; install 'postgresql' and rerun"
        exit 2
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
    bindir="$(find_bindir)" || { log "PostgreSQL still not found after apt-get"; exit 2; }
fi

# The server refuses to run as root: run it as the 'postgres' system user (created by the
# Debian package) when we are root, else as ourselves.
run_as=()
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    fi
    run_as=(runuser -u postgres --)
fi

mkdir -p "$pg_dir"
if [ "${#run_as[@]}" -gt 0 ]; then chown postgres: "$pg_dir"; fi
data="$pg_dir/data"

if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising a cluster in $data"
    "${run_as[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if "${run_as[@]}" "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "already running ($data)"
else
    log "starting on 127.0.0.1:$pg_port"
    "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=200 -c fsync=off" \
        start >&2 || { cat "$pg_dir/server.log" >&2; exit 2; }
fi

psql_cmd=("$bindir/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1)
if [ "$("${psql_cmd[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$pg_db'")" != "1" ]; then
    log "creating database $pg_db"
    "${psql_cmd[@]}" -c "CREATE DATABASE \"$pg_db\"" >&2
fi

url="postgres://postgres@127.0.0.1:$pg_port/$pg_db"
log "ready: DAVAR_TEST_POSTGRES_URL=$url"
echo "$url"
