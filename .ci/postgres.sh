#!/usr/bin/env bash
# Start a PostgreSQL cluster on 127.0.0.1 for khabar's tests and print its URL as the last line
# (use it as KHABAR_TEST_PG). Installs PostgreSQL from apt when missing. Idempotent: a second run
# reuses the running cluster. Progress goes to stderr so that stdout ends with the URL.
set -euo pipefail

PORT="${KHABAR_PG_PORT:-54329}"
DATA="${KHABAR_PG_DATA:-/tmp/khabar-pg/data}"
USER_NAME=khabar
DB_NAME=khabar_test
URL="postgresql://${USER_NAME}:${USER_NAME}@127.0.0.1:${PORT}/${DB_NAME}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PGBIN="$(find_bin)"
if [ -z "$PGBIN" ]; then
  echo "postgres.sh: installing PostgreSQL from apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  PGBIN="$(find_bin)"
fi
[ -n "$PGBIN" ] || { echo "postgres.sh: PostgreSQL binaries not found" >&2; exit 1; }

# The server refuses to run as root: run it as the postgres user (created by the package).
id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$(dirname "$DATA")"
if [ "$(id -u)" = 0 ]; then chown postgres "$(dirname "$DATA")"; fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  echo "postgres.sh: creating a cluster in $DATA" >&2
  as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if ! as_pg "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  echo "postgres.sh: starting PostgreSQL on 127.0.0.1:$PORT" >&2
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PORT -k $(dirname "$DATA") -c shared_buffers=256MB -c max_connections=50" start >&2
fi

PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'")" != 1 ]; then
  "${PSQL[@]}" -c "CREATE ROLE $USER_NAME LOGIN PASSWORD '$USER_NAME' CREATEDB" >&2
fi
if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  "${PSQL[@]}" -c "CREATE DATABASE $DB_NAME OWNER $USER_NAME" >&2
fi
echo "$URL"
