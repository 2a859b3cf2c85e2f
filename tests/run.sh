#!/usr/bin/env bash
# Run every test, on CPython and then on Jython; installs what is missing first.
#
#   bash tests/run.sh
#
# On a fresh Debian machine (as root, or with sudo) this installs Gradle, a JDK and
# the Python packages (into the virtual environment build/venv, see bootstrap.sh), fetches the JDBC drivers, starts a private PostgreSQL server
# (tests/dbservers.sh; stopped at the end), then runs pytest over tests/ on CPython
# (including the WAR build and deployment tests, and the browser tests in headless Chromium) and the suite on Jython 2.7
# (tests/jython/run.sh). Database tests run once per database (tests/dbtesting.py).
# Exits non-zero if either run fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOGS="$ROOT/build/test-logs"
mkdir -p "$LOGS"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
    local missing=()
    command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || missing+=(default-jdk-headless)
    command -v gradle >/dev/null 2>&1 || missing+=(gradle)
    command -v unzip >/dev/null 2>&1 || missing+=(unzip)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    # The browser tests (tests/browser) drive Debian's Chromium through its chromedriver.
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "== Installing system packages: ${missing[*]}"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

install_python_packages() {
    # Debian's Python is externally managed (PEP 668): the tests get their own virtual
    # environment, build/venv (python3-venv is installed when missing). Everything below,
    # Gradle's pip calls and the benchmark included, runs its python3.
    bash "$ROOT/bootstrap.sh" "$ROOT/build/venv" test || return 1
    export VIRTUAL_ENV="$ROOT/build/venv"
    export PATH="$VIRTUAL_ENV/bin:$PATH"
}

summary_line() {
    # pytest's final "N passed, M skipped in Xs" line (with or without the ==== frame).
    grep -E "([0-9]+ (passed|failed|error|errors|skipped|deselected))|no tests ran" "$1" | tail -n 1 \
        | tr -d '=' | sed -e 's/^ *//' -e 's/ *$//'
}

fetch_jdbc_drivers() {
    if ! ls build/jdbc/*.jar >/dev/null 2>&1; then
        echo "== JDBC drivers: gradle -q jdbcDrivers"
        gradle -q jdbcDrivers || return 1
    fi
    PYFRAMEWORK_JDBC_JARS="$(ls "$ROOT"/build/jdbc/*.jar | tr '\n' ':' | sed 's/:$//')"
    export PYFRAMEWORK_JDBC_JARS
}

# The database matrix (tests/dbtesting.py) needs a PostgreSQL server: a private one is started
# (and stopped on exit) unless PYFRAMEWORK_TEST_POSTGRES_URL already names one. A private
# MariaDB is started with it unless PYFRAMEWORK_TEST_MARIADB=0, and a private redis-server for
# the Redis cache tests (PYFRAMEWORK_TEST_REDIS_URL) unless PYFRAMEWORK_TEST_REDIS=0.
export PYFRAMEWORK_TEST_MARIADB="${PYFRAMEWORK_TEST_MARIADB:-1}"
start_database_servers() {
    if [ -n "${PYFRAMEWORK_TEST_POSTGRES_URL:-}" ]; then
        echo "== Databases: PostgreSQL at $PYFRAMEWORK_TEST_POSTGRES_URL"
        return 0
    fi
    PYFRAMEWORK_DBSERVERS_DIR="$(mktemp -d /tmp/pyframework-dbservers.XXXXXX)"
    export PYFRAMEWORK_DBSERVERS_DIR
    trap 'bash tests/dbservers.sh stop' EXIT
    echo "== Databases: bash tests/dbservers.sh start"
    local exports
    exports="$(bash tests/dbservers.sh start)" || return 1
    eval "$exports"
}

install_system_packages || { echo "Installing system packages failed." >&2; exit 2; }
install_python_packages || { echo "bash bootstrap.sh build/venv test (pip install -e '.[test]') failed." >&2; exit 2; }
fetch_jdbc_drivers || { echo "gradle -q jdbcDrivers failed." >&2; exit 2; }
start_database_servers || { echo "Starting the test database servers failed (tests/dbservers.sh)." >&2; exit 2; }

# -rs lists every skipped test with its reason.
echo "== CPython: python3 -m pytest -rs tests"
python3 -m pytest -rs tests 2>&1 | tee "$LOGS/cpython.log"
cpython_status=${PIPESTATUS[0]}

# Jython runs the database tests on H2 (the WAR's embedded default) and PostgreSQL: the code
# that differs on Jython is the Java bridge, the same for every dialect, while each dialect's
# SQL is covered by the CPython run over the whole matrix. This keeps the run in CI's budget.
jython_databases="${PYFRAMEWORK_JYTHON_TEST_DATABASES:-${PYFRAMEWORK_TEST_DATABASES:-h2,postgresql}}"
echo "== Jython: bash tests/jython/run.sh -rs tests (databases: $jython_databases)"
PYFRAMEWORK_TEST_DATABASES="$jython_databases" bash tests/jython/run.sh -rs tests 2>&1 | tee "$LOGS/jython.log"
jython_status=${PIPESTATUS[0]}

echo
echo "CPython $(python3 -c 'import platform; print(platform.python_version())'): $(summary_line "$LOGS/cpython.log") (exit status $cpython_status)"
echo "Jython 2.7.4: $(summary_line "$LOGS/jython.log") (exit status $jython_status)"
if [ "$cpython_status" -ne 0 ] || [ "$jython_status" -ne 0 ]; then
    exit 1
fi
