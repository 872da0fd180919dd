#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL
# cluster started here and removed afterwards. When TEST_DATABASE_URL is
# already set, the command runs against that server instead.
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

PGBIN=${PGBIN:-}
if [ -z "$PGBIN" ]; then
  if command -v initdb >/dev/null 2>&1; then
    PGBIN=$(dirname "$(readlink -f "$(command -v initdb)")")
  else
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries (initdb, pg_ctl) not found." >&2
  echo "  Install them (Debian: apt-get install -y postgresql-15) or set TEST_DATABASE_URL." >&2
  exit 1
fi

PGTMP=$(mktemp -d)
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGTMP"; fi
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PGTMP/initdb.log" 2>&1 \
  || { cat "$PGTMP/initdb.log" >&2; exit 1; }
# A random port may be taken by something else on the machine: try others.
started=0
for _ in 1 2 3 4 5 6 7 8; do
  PORT=${PGPORT_TEST:-$((20000 + RANDOM % 20000))}
  if as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
    -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
    started=1
    break
  fi
  [ -n "${PGPORT_TEST:-}" ] && break
done
[ "$started" = 1 ] || { cat "$PGTMP/server.log" >&2; exit 1; }

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
echo "with-postgres: throwaway PostgreSQL on port $PORT"
"$@"
