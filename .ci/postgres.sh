#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (when absent), starts a
# throw-away cluster listening on loopback only, creates a user and a
# database for Parley's tests, and exports PARLEY_TEST_POSTGRES.
#
#   source .ci/postgres.sh     # then: go test ./store/postgres/
#
# Safe to source twice (a running cluster is reused) and from a shell with
# or without `set -eu`: the work runs in a subshell, and only the export
# touches the caller.

PARLEY_PG_PORT="${PARLEY_PG_PORT:-54329}"
PARLEY_PG_DIR="${PARLEY_PG_DIR:-/tmp/parley-pg}"

if (
  set -euo pipefail
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  # initdb refuses to run as root: the cluster belongs to the postgres user.
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  if ! as_pg "$PGBIN/pg_ctl" -D "$PARLEY_PG_DIR/data" status >/dev/null 2>&1; then
    rm -rf "$PARLEY_PG_DIR"
    mkdir -p "$PARLEY_PG_DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PARLEY_PG_DIR"; fi
    as_pg "$PGBIN/initdb" -D "$PARLEY_PG_DIR/data" -U postgres -A trust --no-sync >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$PARLEY_PG_DIR/data" -l "$PARLEY_PG_DIR/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PARLEY_PG_PORT -k $PARLEY_PG_DIR -c fsync=off" start >/dev/null
    as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PARLEY_PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE USER parley PASSWORD 'parley'" -c "CREATE DATABASE parley OWNER parley" >/dev/null
  fi
  echo "PostgreSQL ($PGBIN) on 127.0.0.1:$PARLEY_PG_PORT"
); then
  export PARLEY_TEST_POSTGRES="postgres://parley:parley@127.0.0.1:$PARLEY_PG_PORT/parley?sslmode=disable"
  echo "PARLEY_TEST_POSTGRES=$PARLEY_TEST_POSTGRES"
else
  echo ".ci/postgres.sh: could not start PostgreSQL; the PostgreSQL store tests will skip" >&2
  false
fi
