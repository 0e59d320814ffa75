#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (when absent), starts a
# throw-away cluster listening on loopback only, creates a user and a
# database for Parley's tests, and exports PARLEY_TEST_POSTGRES.
#
#   source .ci/postgres.sh     # then: go test ./store/postgres/ ./httpapi/
#
# Safe to source twice: a running cluster is reused.
set -euo pipefail

PGPORT="${PARLEY_PG_PORT:-54329}"
PGDIR="${PARLEY_PG_DIR:-/tmp/parley-pg}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

# initdb refuses to run as root: the cluster belongs to the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
  rm -rf "$PGDIR"
  mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
  as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust --no-sync >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off" start >/dev/null
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE USER parley PASSWORD 'parley'" -c "CREATE DATABASE parley OWNER parley" >/dev/null
fi

export PARLEY_TEST_POSTGRES="postgres://parley:parley@127.0.0.1:$PGPORT/parley?sslmode=disable"
echo "PostgreSQL ($PGBIN) on 127.0.0.1:$PGPORT; PARLEY_TEST_POSTGRES=$PARLEY_TEST_POSTGRES"
