#!/usr/bin/env bash
# The test command: runs every test, on SQLite and on a real PostgreSQL server.
# Uses the server in RECTIFICATION_TEST_POSTGRES when it is set; otherwise installs PostgreSQL from the
# Debian packages if it is missing, starts a throw-away cluster on a free local port, and removes it after.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
# runuser needs root; a developer with sudo gets the same through sudo -u.
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
# Another apt (unattended-upgrades on a fresh machine) may hold the lock: wait for it rather than fail.
apt_get() { DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 "$@"; }

cleanup() {
  if [[ -n "${PGWORK:-}" ]]; then
    as_postgres "$PGBIN/pg_ctl" -D "$PGWORK/data" -m immediate stop >/dev/null 2>&1 || true
    as_root rm -rf "$PGWORK"
  fi
}
trap cleanup EXIT

if [[ -z "${RECTIFICATION_TEST_POSTGRES:-}" ]]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$PGBIN" || ! -x "$PGBIN/initdb" ]]; then
    echo "Installing PostgreSQL from the Debian packages..."
    apt_get update -qq
    apt_get install -y -qq postgresql >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql postgres
  PGWORK=$(mktemp -d /tmp/rectification-pg.XXXXXX)
  as_root chown postgres "$PGWORK"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_postgres "$PGBIN/initdb" -D "$PGWORK/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$PGWORK/data" -l "$PGWORK/server.log" -w \
    -o "-k $PGWORK -c listen_addresses=127.0.0.1 -p $PGPORT -c fsync=off -c max_connections=200" start >/dev/null
  as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" rectification_test
  export RECTIFICATION_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=rectification_test;Maximum Pool Size=50"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
fi

# A test that hangs is stopped after ten minutes and named (blame), so a run always ends with results; no test
# takes more than a minute or two.
dotnet test Rectification.sln --logger "trx;LogFileName=results.trx" --results-directory TestResults \
  --blame-hang --blame-hang-timeout 10m --blame-hang-dump-type none "$@"
