#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for one test run, never for anyone's data: scripts/run-tests.sh
# starts it in a temporary folder on a free port and removes it when the run ends.
#   pg-test-cluster.sh start DIR   create the cluster in DIR (new or empty), start it, print its
#                                  URL (postgres://postgres:postgres@127.0.0.1:PORT/postgres)
#   pg-test-cluster.sh stop DIR    stop it (immediately) and remove DIR
# Because nothing in it outlives the run, it is started without durability: fsync, synchronous
# commits and full-page writes off (a crash loses the cluster, which the run drops anyway). The
# tests make and drop hundreds of databases (a copy of a template each, see
# test/support/templates.ts); on the durable shared cluster each copy was written to the WAL and
# flushed. MDA_TEST_PG_DURABLE=1 keeps PostgreSQL's defaults (to compare). Same version, locale
# (C.UTF-8), user and password as the cluster of scripts/pg.sh, so the tests see the same server.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
bin="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin"

case "${1:-}" in
  start)
    dir=$2
    mkdir -p -m 700 "$dir"
    printf 'postgres\n' >"$dir/.pw"
    $SUDO chown -R postgres: "$dir"
    out=$(as_postgres "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/.pw" --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync 2>&1) || { echo "$out" >&2; exit 1; }
    $SUDO rm -f "$dir/.pw"
    settings=(-c listen_addresses=127.0.0.1 -c "unix_socket_directories=$dir" -c max_connections=200)
    if [ "${MDA_TEST_PG_DURABLE:-0}" = 0 ]; then
      settings+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
    fi
    # A free port: the first of a few tried that nothing answers on and the server accepts.
    for _ in $(seq 20); do
      port=$((20000 + RANDOM % 20000))
      if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then continue; fi
      if as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port ${settings[*]}" start >/dev/null 2>&1; then
        echo "postgres://postgres:postgres@127.0.0.1:$port/postgres"
        exit 0
      fi
    done
    echo "the test PostgreSQL cluster did not start; see $dir/server.log" >&2
    exit 1
    ;;
  stop)
    dir=$2
    if [ -d "$dir/data" ]; then as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    $SUDO rm -rf "$dir"
    ;;
  *) echo "usage: pg-test-cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
