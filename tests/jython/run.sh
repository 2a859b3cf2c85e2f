#!/usr/bin/env bash
# Run the test suite on Jython 2.7 (pytest 4.6.11).
#
#   bash tests/jython/run.sh [pytest arguments...]     (default: the whole tests/ folder)
#
# Needs java, python3 (to fetch the pinned pytest wheels) and gradle (which provides
# jython-standalone and the Jinja2/MarkupSafe/jaydebeapi bundle the WAR ships, via
# `gradle -q jythonRuntime`, the JDBC drivers of the database tests, via `gradle -q jdbcDrivers`,
# and Jedis for the Redis cache tests, via `gradle -q redisClient`).
# The database tests run on the databases tests/dbtesting.py selects (PYFRAMEWORK_TEST_DATABASES).
#
# Not run on Jython, on purpose:
#   tests/war/   builds the WAR with Gradle and inspects it from CPython
#   tests/deploy/  deploys the WAR on stand-alone Tomcat and Payara and drives them over HTTP
#   tests/browser/ drives headless Chromium against the dev server and the WAR on Tomcat
#   tests marked @pytest.mark.cpython_only (reported as skipped with their reason): they start
#                  subprocesses or serve with the CPython development server.
# The framework code those tests exercise runs on Jython inside the deployed WAR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

SITE="$ROOT/build/jython/test-site"
LIB="$ROOT/build/jython/lib"
PYTHON_LIBS="$ROOT/build/jython/python"

JDBC_JARS="$ROOT/build/jdbc"
REDIS_JARS="$ROOT/build/redis"

# First Gradle: its jythonRuntime task syncs build/jython/ and may remove what else is there.
if [ ! -f "$LIB/jython-standalone-2.7.4.jar" ] || [ ! -d "$PYTHON_LIBS/jinja2" ] || [ ! -d "$PYTHON_LIBS/jaydebeapi" ]; then
    echo "jython runtime: gradle -q jythonRuntime"
    gradle -q jythonRuntime
fi
# The JDBC drivers of the database tests go on the JVM classpath (Jython cannot add jars later).
if ! ls "$JDBC_JARS"/*.jar >/dev/null 2>&1; then
    echo "jdbc drivers: gradle -q jdbcDrivers"
    gradle -q jdbcDrivers
fi
# Jedis and its dependencies: the Redis cache backend's client on Jython.
if ! ls "$REDIS_JARS"/jedis-*.jar >/dev/null 2>&1; then
    echo "redis client: gradle -q redisClient"
    gradle -q redisClient
fi

# The bridge jar: its Java pieces (org.pyframework.python.HtmlEscape behind MarkupSafe) are what
# a WAR runs, so the suite runs with them too. Rebuilt when a Java source is newer.
BRIDGE_JAR="$ROOT/build/libs/pyframework-servlet.jar"
if [ ! -f "$BRIDGE_JAR" ] || [ -n "$(find "$ROOT/jvm/src/main" -newer "$BRIDGE_JAR" -name '*.java' | head -n 1)" ]; then
    echo "bridge jar: gradle -q bridgeJar"
    gradle -q bridgeJar
fi

python3 tests/jython/build_site.py "$SITE"

if [ "$#" -eq 0 ]; then
    set -- tests
fi

# tests/conftest.py puts the checkout first on sys.path (as an absolute path: a relative
# entry would break lazy imports after a test changes the working directory).
export JYTHONPATH="$SITE:$PYTHON_LIBS"
# No plugin auto-loading: `pip install -e .` leaves pyframework.egg-info in the checkout, whose
# pytest11 entry point Jython's importlib-metadata finds through the '' entry of sys.path; the
# plugin would then import pyframework by the relative path "pyframework/", before
# tests/conftest.py puts the checkout's absolute path first, and every import of a submodule
# after a test changes the working directory would fail ("No module named startapp").
export PYTEST_DISABLE_PLUGIN_AUTOLOAD=1
exec java -Xss2m -Dpython.console.encoding=UTF-8 -Dpython.cachedir.skip=true \
    -cp "$LIB/*:$JDBC_JARS/*:$REDIS_JARS/*:$BRIDGE_JAR" org.python.util.jython \
    -m pytest -p no:cacheprovider -o addopts="" \
    --ignore=tests/war --ignore=tests/deploy --ignore=tests/browser "$@"
