#!/usr/bin/env bash
# A private PostgreSQL for tests and benchmarks (issue 18): a new cluster in a folder of its own,
# run by an unprivileged user (postgres, when started as root), listening on 127.0.0.1:<port> and
# on a unix socket in that folder, with a database `folio` for the user `folio`. Nothing outside
# the folder is touched; `stop` ends the server and removes the folder.
#
#   scripts/postgres-server.sh start <folder> [port]   prints the DATABASE_URL
#   scripts/postgres-server.sh stop <folder>
#
# For tests only: trust authentication (only this machine can connect, on a private port) and no
# fsync (a crashed test server is thrown away), unless POSTGRES_DURABLE=1 (benchmarks: a commit
# waits for the disk, as on a real server). A real server is set up by its operator.
set -euo pipefail
command=${1:?start or stop}
folder=${2:?a folder}
port=${3:-55432}
bin=${POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x "$bin/pg_ctl" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    mkdir -p "$folder"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$folder"
    chmod 700 "$folder"
    # C.UTF-8: pg_trgm takes Chinese characters for word characters only under a UTF-8 ctype.
    as_owner "$bin/initdb" -D "$folder/data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log"
    durability="-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    [[ "${POSTGRES_DURABLE:-}" == 1 ]] && durability=""
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -o "-p $port -k $folder -c listen_addresses=127.0.0.1 $durability -c max_connections=200" start >/dev/null
    as_owner "$bin/psql" -h "$folder" -p "$port" -U postgres -d postgres -qtA \
      -c "create role folio login createdb" -c "create database folio owner folio" >/dev/null
    echo "postgres://folio@127.0.0.1:$port/folio"
    ;;
  stop)
    [[ -d "$folder/data" ]] && as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null || true
    rm -rf "$folder"
    ;;
  *) echo "usage: $0 start|stop <folder> [port]" >&2; exit 2 ;;
esac
