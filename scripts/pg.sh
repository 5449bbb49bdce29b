#!/usr/bin/env bash
# PostgreSQL from Debian's packages for the team engine and the test matrix.
#   pg.sh install   install the server package if it is missing (idempotent)
#   pg.sh start     install if needed, create the cluster, start it, set the test password, create
#                   the database `atlas` if missing;
#                   prints "started" when this call started it, "running" when it already ran
#   pg.sh stop      stop the cluster
# The server listens on 127.0.0.1:5432; the tests use postgres:postgres and make their own databases.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

install() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
  fi
}

version() { ls /usr/lib/postgresql | sort -V | tail -1; }

case "${1:-start}" in
  install) install ;;
  start)
    install
    v=$(version)
    pg_lsclusters -h | grep -q "^$v main" || $SUDO pg_createcluster "$v" main >/dev/null
    if pg_isready -q -h 127.0.0.1 -p 5432; then
      state=running
    else
      # Exit 2 means "already running"; there is no systemd here, so the package does not start it.
      $SUDO pg_ctlcluster "$v" main start || [ $? -eq 2 ]
      state=started
    fi
    for _ in $(seq 1 100); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
    pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start; see /var/log/postgresql/" >&2; exit 1; }
    as_postgres psql -qc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
    # The database the README's example uses (postgres://postgres:postgres@127.0.0.1:5432/atlas).
    as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'atlas'" | grep -q 1 \
      || as_postgres createdb atlas
    echo "$state"
    ;;
  stop)
    v=$(version)
    $SUDO pg_ctlcluster "$v" main stop 2>/dev/null || true
    ;;
  *) echo "usage: pg.sh install|start|stop" >&2; exit 2 ;;
esac
