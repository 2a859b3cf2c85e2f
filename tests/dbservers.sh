#!/usr/bin/env bash
# Private database servers for the test matrix, on 127.0.0.1 only.
#
#   eval "$(bash tests/dbservers.sh start)"   starts them; prints the export lines the tests read
#   bash tests/dbservers.sh stop              stops them and removes their data
#   bash tests/dbservers.sh status
#
# PostgreSQL: a throw-away cluster (initdb) in $PYFRAMEWORK_DBSERVERS_DIR (default
# /tmp/pyframework-dbservers), trust authentication for the superuser "pyframework" on loopback,
# durability off (fsync) since the data is disposable. Installs Debian's postgresql package when
# initdb is missing (as root). The server runs as the "postgres" OS user when started by root,
# since PostgreSQL refuses to run as root.
#
# MariaDB: started only when PYFRAMEWORK_TEST_MARIADB=1 (Debian's mariadb-server, installed on
# demand): private datadir, socket and port.
#
# Redis: Debian's redis-server (installed on demand) on a free loopback port, persistence off,
# working directory $PYFRAMEWORK_DBSERVERS_DIR/redis. Exported as PYFRAMEWORK_TEST_REDIS_URL
# (and PYFRAMEWORK_TEST_REDIS_SERVER, the binary, for the tests that start their own server to
# stop and restart it). PYFRAMEWORK_TEST_REDIS=0 leaves it out.
#
# Progress goes to stderr; stdout carries only the export lines.
set -euo pipefail

STATE="${PYFRAMEWORK_DBSERVERS_DIR:-/tmp/pyframework-dbservers}"
PG_DIR="$STATE/postgresql"
MARIADB_DIR="$STATE/mariadb"
REDIS_DIR="$STATE/redis"

log() { echo "dbservers: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Runs a server command as the account that owns the server's files.
as_server_user() {
    local user="$1"
    shift
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# An empty folder owned by the server's OS user, with a free port recorded in DIR/port.
prepare_server_dir() {
    local dir="$1" user="$2"
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 755 "$STATE"
    if [ "$(id -u)" -eq 0 ]; then chown "$user" "$dir"; fi
    as_server_user "$user" test -w "$dir" || {
        log "the $user OS user cannot write to $dir: pick a PYFRAMEWORK_DBSERVERS_DIR it can reach (under /tmp)"
        return 1
    }
    free_port >"$dir/port"
}

apt_install() {
    log "installing $*"
    as_root apt-get update -qq >&2
    # policy-rc.d 101: the package's own service (port 5432 / 3306) is not started; ours is private.
    local policy=/usr/sbin/policy-rc.d created_policy=""
    if [ "$(id -u)" -eq 0 ] && [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
    if [ -n "$created_policy" ]; then rm -f "$policy"; fi
}

pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}

pg_exports() {
    local port
    port="$(cat "$PG_DIR/port")"
    echo "export PYFRAMEWORK_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
    echo "export PYFRAMEWORK_TEST_POSTGRES_USER=pyframework"
    echo "export PYFRAMEWORK_TEST_POSTGRES_PASSWORD="
}

pg_running() {
    [ -f "$PG_DIR/data/postmaster.pid" ] && as_server_user "$PG_USER" "$BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1
}

start_postgresql() {
    BIN="$(pg_bindir)" || { apt_install postgresql; BIN="$(pg_bindir)"; }
    PG_USER="$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)"
    if pg_running; then
        log "PostgreSQL already running on port $(cat "$PG_DIR/port")"
        pg_exports
        return 0
    fi
    prepare_server_dir "$PG_DIR" "$PG_USER" || return 1
    local port
    port="$(cat "$PG_DIR/port")"
    log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}'): initdb in $PG_DIR/data"
    as_server_user "$PG_USER" "$BIN/initdb" -D "$PG_DIR/data" -U pyframework --auth=trust \
        -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    as_server_user "$PG_USER" "$BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
    log "PostgreSQL listening on 127.0.0.1:$port"
    pg_exports
}

stop_postgresql() {
    BIN="$(pg_bindir)" || return 0
    PG_USER="$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)"
    if pg_running; then
        as_server_user "$PG_USER" "$BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
        log "PostgreSQL stopped"
    fi
    rm -rf "$PG_DIR"
}

mariadb_exports() {
    echo "export PYFRAMEWORK_TEST_MARIADB_URL=jdbc:mariadb://127.0.0.1:$(cat "$MARIADB_DIR/port")/mysql"
    echo "export PYFRAMEWORK_TEST_MARIADB_USER=pyframework"
    echo "export PYFRAMEWORK_TEST_MARIADB_PASSWORD=pyframework"
}

mariadb_running() {
    [ -f "$MARIADB_DIR/server.pid" ] && kill -0 "$(cat "$MARIADB_DIR/server.pid")" 2>/dev/null
}

start_mariadb() {
    command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1 || apt_install mariadb-server
    local server user=mysql
    server="$(command -v mariadbd || command -v mysqld)"
    [ "$(id -u)" -eq 0 ] || user="$(id -un)"
    if mariadb_running; then
        log "MariaDB already running on port $(cat "$MARIADB_DIR/port")"
        mariadb_exports
        return 0
    fi
    prepare_server_dir "$MARIADB_DIR" "$user" || return 1
    local port
    port="$(cat "$MARIADB_DIR/port")"
    log "MariaDB: mariadb-install-db in $MARIADB_DIR/data"
    as_server_user "$user" mariadb-install-db --no-defaults --datadir="$MARIADB_DIR/data" --auth-root-authentication-method=normal \
        --skip-test-db >"$MARIADB_DIR/install.log" 2>&1 || { cat "$MARIADB_DIR/install.log" >&2; return 1; }
    as_server_user "$user" "$server" --no-defaults --datadir="$MARIADB_DIR/data" --socket="$MARIADB_DIR/mysqld.sock" \
        --pid-file="$MARIADB_DIR/server.pid" --bind-address=127.0.0.1 --port="$port" --skip-name-resolve \
        --innodb-flush-log-at-trx-commit=0 --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
        >"$MARIADB_DIR/server.log" 2>&1 &
    local waited=0
    until mariadb --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot -e "SELECT 1" >/dev/null 2>&1; do
        waited=$((waited + 1))
        if [ "$waited" -gt 60 ]; then cat "$MARIADB_DIR/server.log" >&2; return 1; fi
        sleep 1
    done
    mariadb --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot -e \
        "CREATE USER 'pyframework'@'127.0.0.1' IDENTIFIED BY 'pyframework'; GRANT ALL ON *.* TO 'pyframework'@'127.0.0.1';"
    log "MariaDB listening on 127.0.0.1:$port"
    mariadb_exports
}

# Stops the server whose pid is in DIR/server.pid (NAME for the log), then removes DIR.
stop_pid_server() {
    local dir="$1" name="$2"
    if [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
        local pid
        pid="$(cat "$dir/server.pid")"
        kill "$pid"
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        log "$name stopped"
    fi
    rm -rf "$dir"
}

stop_mariadb() {
    stop_pid_server "$MARIADB_DIR" MariaDB
}

redis_exports() {
    echo "export PYFRAMEWORK_TEST_REDIS_URL=redis://127.0.0.1:$(cat "$REDIS_DIR/port")/0"
    echo "export PYFRAMEWORK_TEST_REDIS_SERVER=$(command -v redis-server)"
}

redis_running() {
    [ -f "$REDIS_DIR/server.pid" ] && kill -0 "$(cat "$REDIS_DIR/server.pid")" 2>/dev/null
}

start_redis() {
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server
    if redis_running; then
        log "Redis already running on port $(cat "$REDIS_DIR/port")"
        redis_exports
        return 0
    fi
    prepare_server_dir "$REDIS_DIR" "$(id -un)" || return 1
    local port
    port="$(cat "$REDIS_DIR/port")"
    # No RDB/AOF files: the data is disposable, like the PostgreSQL cluster's.
    redis-server --bind 127.0.0.1 --port "$port" --dir "$REDIS_DIR" --save "" --appendonly no \
        --daemonize yes --pidfile "$REDIS_DIR/server.pid" --logfile "$REDIS_DIR/server.log" >&2
    local waited=0
    until redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; do
        waited=$((waited + 1))
        if [ "$waited" -gt 60 ]; then cat "$REDIS_DIR/server.log" >&2; return 1; fi
        sleep 0.5
    done
    log "Redis $(redis-server --version | awk '{print $3}') listening on 127.0.0.1:$port"
    redis_exports
}

stop_redis() {
    stop_pid_server "$REDIS_DIR" Redis
}

case "${1:-}" in
    start)
        mkdir -p "$STATE"
        start_postgresql
        if [ "${PYFRAMEWORK_TEST_MARIADB:-0}" = "1" ]; then start_mariadb; fi
        if [ "${PYFRAMEWORK_TEST_REDIS:-1}" = "1" ]; then start_redis; fi
        ;;
    stop)
        stop_postgresql
        stop_mariadb
        stop_redis
        rmdir "$STATE" 2>/dev/null || true
        ;;
    status)
        PG_USER="$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)"
        BIN="$(pg_bindir)" && pg_running && echo "postgresql: running on port $(cat "$PG_DIR/port")" \
            || echo "postgresql: stopped"
        mariadb_running && echo "mariadb: running on port $(cat "$MARIADB_DIR/port")" || echo "mariadb: stopped"
        redis_running && echo "redis: running on port $(cat "$REDIS_DIR/port")" || echo "redis: stopped"
        ;;
    *)
        echo "usage: bash tests/dbservers.sh start|stop|status" >&2
        exit 2
        ;;
esac
