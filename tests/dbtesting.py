"""The database test matrix: pytest fixtures that run a test once per available database.

Usage in a test module (``tests/<area>/test_<name>.py``)::

    import pytest
    from pyframework.db import connection, models

    class Author(models.Model):
        name = models.CharField(max_length=50)

        class Meta:
            app_label = "my_unique_test_label"   # unique across the whole suite

    def test_round_trip(db, create_tables, assert_num_queries):
        create_tables(Author)            # created now, dropped when the test ends
        with assert_num_queries(1):
            Author.objects.create(name="x")
        assert db.name in ("sqlite3", "h2", "postgresql", "sqlite_jdbc", "mariadb")

    @pytest.mark.usefixtures("db")
    def test_with_block():
        with create_tables(Author):      # dbtesting.create_tables: created on entry, dropped on exit
            ...

Fixtures (imported into tests/conftest.py):

``db``
    Parametrized over the selected databases (test ids ``[sqlite3]``, ``[h2]``...). For the test's
    duration ``settings.DATABASES["default"]`` points at that database and ``pyframework.db.connections``
    is reset; afterwards the connections are closed. Returns a :class:`TestDatabase` (``name``,
    ``settings_dict``, ``connection``, ``vendor``).
``create_tables``
    ``create_tables(*models)`` creates the models' tables (auto-created many-to-many tables too) with
    the schema editor at once; they are dropped at the end of the test.
``assert_num_queries``
    ``with assert_num_queries(n): ...`` fails unless exactly ``n`` statements ran (through
    ``connection.execute_wrapper``); ``.captured`` lists ``(sql, params)``.

Cleanup between tests: every test's tables are dropped when it ends (no transaction wraps the test,
so tests of autocommit, atomic() and on_commit() see real database behaviour). Tables a test
created by other means (migrate, the schema editor) and left behind are dropped too, so each test
starts from an empty database.

Choosing databases: ``PYFRAMEWORK_TEST_DATABASES=sqlite3,h2`` (comma list of sqlite3, h2,
sqlite_jdbc, postgresql, mariadb). The default is every database that can run here: sqlite3 on
CPython; h2 and sqlite_jdbc when the JDBC drivers and jaydebeapi are available; postgresql when
``PYFRAMEWORK_TEST_POSTGRES_URL`` is set (with ``_USER``/``_PASSWORD``; tests/dbservers.sh starts a
private server and prints them); mariadb likewise with ``PYFRAMEWORK_TEST_MARIADB_URL``. With
``CI=true`` every database but mariadb is required: a missing one errors instead of disappearing.
PostgreSQL and MariaDB get a throw-away ``test_<random>`` database per session, H2 an in-memory
database, SQLite a temporary file.

JDBC drivers: ``PYFRAMEWORK_JDBC_JARS`` (os.pathsep-separated), else ``build/jdbc/*.jar`` (fetched
with ``gradle -q jdbcDrivers`` on CPython when missing). The JPype JVM starts once per process, so
every jar is handed over before the first JDBC connection. On Jython the jars must be on the JVM
classpath (tests/jython/run.sh does that).
"""
from __future__ import absolute_import, unicode_literals

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager

import pytest

from pyframework.db.backends.base.creation import ServerDatabaseCreation
from pyframework.test.utils import override_settings

JYTHON = sys.platform.startswith("java")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JARS_DIR = os.path.join(ROOT, "build", "jdbc")
ALL_DATABASES = ("sqlite3", "h2", "sqlite_jdbc", "postgresql", "mariadb")
REQUIRED_IN_CI = ("h2", "sqlite_jdbc", "postgresql") if JYTHON else ("sqlite3", "h2", "sqlite_jdbc", "postgresql")


if JYTHON:
    from java.lang import Throwable as _JavaThrowable

    # Java exceptions (a driver class not found, an SQLException) are not Python Exceptions on Jython.
    SETUP_ERRORS = (Exception, _JavaThrowable)
else:
    SETUP_ERRORS = (Exception,)


def _env_flag(name):
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


# --- JDBC drivers -----------------------------------------------------------------------------

def jdbc_jars():
    """The JDBC driver jars; also published in PYFRAMEWORK_JDBC_JARS for the backend."""
    configured = os.environ.get("PYFRAMEWORK_JDBC_JARS", "")
    jars = [path for path in configured.split(os.pathsep) if path]
    if not jars:
        jars = sorted(glob.glob(os.path.join(JARS_DIR, "*.jar")))
        if not jars and not JYTHON and _gradle_fetch_drivers():
            jars = sorted(glob.glob(os.path.join(JARS_DIR, "*.jar")))
        if jars:
            os.environ[str("PYFRAMEWORK_JDBC_JARS")] = str(os.pathsep.join(jars))
    return jars


def _gradle_fetch_drivers():
    try:
        subprocess.check_call(["gradle", "-q", "jdbcDrivers"], cwd=ROOT)
    except (OSError, subprocess.CalledProcessError) as exc:
        sys.stderr.write("dbtesting: `gradle -q jdbcDrivers` failed (%s); JDBC databases unavailable\n" % exc)
        return False
    return True


def _jaydebeapi():
    try:
        import jaydebeapi
    except ImportError:
        return None
    return jaydebeapi


def jdbc_unavailable_reason():
    """Why JDBC databases cannot run here, or None when they can."""
    if _jaydebeapi() is None:
        return "jaydebeapi is not importable (pip install -e '.[test]'; on Jython: gradle jythonRuntime)"
    if JYTHON:
        from java.lang import Class, ClassNotFoundException

        try:
            Class.forName("org.h2.Driver")
        except ClassNotFoundException:
            return "the JDBC drivers are not on the JVM classpath (tests/jython/run.sh puts build/jdbc/*.jar there)"
        return None
    if not jdbc_jars():
        return "no JDBC driver jars: run `gradle -q jdbcDrivers` or set PYFRAMEWORK_JDBC_JARS"
    return None


def jdbc_connect(driver, url, user=None, password=None):
    """A raw jaydebeapi connection (JDBC autocommit on), for creating and dropping test databases."""
    properties = {}
    if user:
        properties["user"] = user
        properties["password"] = password or ""
    jars = None if JYTHON else jdbc_jars()
    return _jaydebeapi().connect(driver, url, properties, jars)


def _run_admin_statements(driver, url, user, password, statements):
    conn = jdbc_connect(driver, url, user, password)
    try:
        # Plain JDBC statements: jaydebeapi's cursor asks for an update count, which H2 cannot give
        # once SHUTDOWN has closed the database.
        statement = conn.jconn.createStatement()
        for sql in statements:
            statement.execute(sql)
        if not conn.jconn.isClosed():
            statement.close()
    finally:
        conn.close()


# --- The databases ---------------------------------------------------------------------------

class DatabaseUnavailable(Exception):
    """A selected database cannot be set up; the message says what to fix."""


def _unique_name():
    return "test_%s" % uuid.uuid4().hex[:12]


class SQLiteFile(object):
    """The stdlib sqlite3 backend on a temporary file (":memory:" would be per connection)."""

    name = "sqlite3"

    def setup(self):
        if JYTHON:
            raise DatabaseUnavailable("sqlite3 is a CPython module; on Jython use sqlite_jdbc")
        self.directory = tempfile.mkdtemp(prefix="pyframework-sqlite3-")
        return {"ENGINE": "pyframework.db.backends.sqlite3",
                "NAME": os.path.join(self.directory, "test.sqlite3")}

    def teardown(self):
        shutil.rmtree(self.directory, ignore_errors=True)


class JDBCDatabase(object):
    """A database reached with jaydebeapi; subclasses create and drop it."""

    driver = None

    def setup(self):
        reason = jdbc_unavailable_reason()
        if reason:
            raise DatabaseUnavailable(reason)
        return self.create()

    def settings_dict(self, url, user=None, password=None):
        settings_dict = {"ENGINE": "pyframework.db.backends.jdbc", "DRIVER": self.driver, "URL": url}
        if user:
            settings_dict["USER"] = user
            settings_dict["PASSWORD"] = password or ""
        if not JYTHON:
            settings_dict["JARS"] = jdbc_jars()
        return settings_dict


class H2Memory(JDBCDatabase):
    name = "h2"
    driver = "org.h2.Driver"

    def create(self):
        # DB_CLOSE_DELAY=-1 keeps the in-memory database while no connection is open.
        self.url = "jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1" % _unique_name()
        return self.settings_dict(self.url)

    def teardown(self):
        _run_admin_statements(self.driver, self.url, None, None, ["SHUTDOWN"])


class SQLiteJDBCFile(JDBCDatabase):
    name = "sqlite_jdbc"
    driver = "org.sqlite.JDBC"

    def create(self):
        self.directory = tempfile.mkdtemp(prefix="pyframework-sqlite-jdbc-")
        return self.settings_dict("jdbc:sqlite:%s" % os.path.join(self.directory, "test.sqlite3"))

    def teardown(self):
        shutil.rmtree(self.directory, ignore_errors=True)


class ServerDatabase(JDBCDatabase):
    """A throw-away database on a server named by PYFRAMEWORK_TEST_<KIND>_URL/_USER/_PASSWORD.

    The URL handling and the DROP statement are the framework's own (the test databases of
    ``manage.py test`` are made the same way: pyframework.db.backends.base.creation).
    """

    env_prefix = None
    vendor = None   # the key of ServerDatabaseCreation's URL patterns and DROP statements

    def create(self):
        server_url = os.environ.get(self.env_prefix + "_URL")
        if not server_url:
            raise DatabaseUnavailable(
                "%s_URL is not set: start a server with `eval \"$(bash tests/dbservers.sh start)\"` "
                "(tests/run.sh does) or leave %s out of PYFRAMEWORK_TEST_DATABASES" % (self.env_prefix, self.name))
        self.database = _unique_name()
        url = self.database_url(server_url, self.database)
        self.server_url = server_url
        self.user = os.environ.get(self.env_prefix + "_USER")
        self.password = os.environ.get(self.env_prefix + "_PASSWORD")
        _run_admin_statements(self.driver, server_url, self.user, self.password,
                              ["CREATE DATABASE %s" % self.database])
        return self.settings_dict(url, self.user, self.password)

    def database_url(self, server_url, database):
        """``server_url`` with its database name replaced (driver properties kept)."""
        try:
            return ServerDatabaseCreation.database_url(self.vendor, server_url, database)
        except ValueError as exc:
            raise DatabaseUnavailable("%s_URL: %s" % (self.env_prefix, exc))

    def teardown(self):
        _run_admin_statements(self.driver, self.server_url, self.user, self.password,
                              [ServerDatabaseCreation.drop_statements[self.vendor] % self.database])


class PostgreSQLServer(ServerDatabase):
    name = "postgresql"
    driver = "org.postgresql.Driver"
    env_prefix = "PYFRAMEWORK_TEST_POSTGRES"
    vendor = "postgresql"


class MariaDBServer(ServerDatabase):
    name = "mariadb"
    driver = "org.mariadb.jdbc.Driver"
    env_prefix = "PYFRAMEWORK_TEST_MARIADB"
    vendor = "mysql"


DATABASE_CLASSES = dict((cls.name, cls) for cls in (SQLiteFile, H2Memory, SQLiteJDBCFile,
                                                     PostgreSQLServer, MariaDBServer))


def selected_databases():
    """The names the ``db`` fixture runs over (PYFRAMEWORK_TEST_DATABASES, or what can run here)."""
    requested = os.environ.get("PYFRAMEWORK_TEST_DATABASES", "").strip()
    if requested:
        names = [name.strip() for name in requested.split(",") if name.strip()]
        unknown = [name for name in names if name not in DATABASE_CLASSES]
        if unknown:
            raise pytest.UsageError("PYFRAMEWORK_TEST_DATABASES: unknown database(s) %s; choose from %s"
                                    % (", ".join(unknown), ", ".join(ALL_DATABASES)))
        return names
    if _env_flag("CI"):
        required = list(REQUIRED_IN_CI)
        if os.environ.get("PYFRAMEWORK_TEST_MARIADB_URL"):
            required.append("mariadb")
        return required
    names = [] if JYTHON else ["sqlite3"]
    if jdbc_unavailable_reason() is None:
        names += ["h2", "sqlite_jdbc"]
    names += [name for name, cls in (("postgresql", PostgreSQLServer), ("mariadb", MariaDBServer))
              if os.environ.get(cls.env_prefix + "_URL")]
    return names


class DatabaseRegistry(object):
    """Sets each selected database up on first use and tears them all down at session end."""

    def __init__(self):
        self.settings = {}
        self.failures = {}
        self.created = []

    def settings_for(self, name):
        if name in self.failures:
            pytest.fail(self.failures[name], pytrace=False)
        if name not in self.settings:
            database = DATABASE_CLASSES[name]()
            try:
                self.settings[name] = database.setup()
            except SETUP_ERRORS as exc:  # reported on every test of that database, not retried
                self.failures[name] = "database %s unavailable: %s" % (name, exc)
                pytest.fail(self.failures[name], pytrace=False)
            self.created.append(database)
        return self.settings[name]

    def teardown(self):
        _reset_connections()
        for database in reversed(self.created):
            try:
                database.teardown()
            except SETUP_ERRORS as exc:
                sys.stderr.write("dbtesting: dropping the %s test database failed: %s\n" % (database.name, exc))
        del self.created[:]


# --- Connections -----------------------------------------------------------------------------

def _reset_connections():
    """Close every connection and make pyframework.db.connections re-read settings.DATABASES."""
    if "pyframework.db.utils" not in sys.modules:
        return
    from pyframework.db import connections

    connections.close_all()
    reset = getattr(connections, "reset", None)
    if reset is not None:
        reset()
    else:
        # Django's ConnectionHandler layout: cached settings and a thread-local of wrappers.
        connections.__dict__.pop("settings", None)
        local = getattr(connections, "_connections", None)
        if local is not None:
            for alias in list(vars(local)):
                delattr(local, alias)


class TestDatabase(object):
    """What the ``db`` fixture returns: the database a test runs on."""

    __test__ = False  # not a test class, whatever pytest's name patterns say

    def __init__(self, name, settings_dict):
        self.name = name
        self.settings_dict = settings_dict

    @property
    def connection(self):
        from pyframework.db import connections

        return connections["default"]

    @property
    def vendor(self):
        return self.connection.vendor

    def __repr__(self):
        return "<TestDatabase %s>" % self.name


@pytest.fixture(scope="session")
def _database_registry():
    registry = DatabaseRegistry()
    yield registry
    registry.teardown()


@pytest.fixture(params=selected_databases())
def db(request, _database_registry):
    """Runs the test once per selected database, as DATABASES["default"]."""
    settings_dict = _database_registry.settings_for(request.param)
    override = override_settings(DATABASES={"default": dict(settings_dict)})
    override.enable()
    _reset_connections()
    try:
        yield TestDatabase(request.param, settings_dict)
        drop_leftover_tables()
    finally:
        _reset_connections()
        override.disable()
        _reset_connections()


def clean_connection(alias="default"):
    """connections[alias], reopened if the test left a transaction or an atomic block behind."""
    from pyframework.db import connections

    connection = connections[alias]
    if connection.in_atomic_block or connection.needs_rollback or not connection.autocommit:
        connection.close()
    return connection


def drop_leftover_tables():
    """Drop the tables a test left behind (a failed migration, a test that died half-way), so
    the next test starts from an empty database instead of failing on "already exists"."""
    connection = clean_connection()
    leftovers = connection.introspection.table_names()
    if leftovers:
        connection.creation.drop_tables(leftovers)


# --- Tables ----------------------------------------------------------------------------------

class TableSet(object):
    """The tables of some models: ``with create_tables(A, B):`` creates them, leaving drops them."""

    def __init__(self, models, using="default"):
        self.models = list(models)
        self.using = using
        self.created = []

    def create(self):
        from pyframework.db import connections

        try:
            with connections[self.using].schema_editor() as editor:
                for model in self.models:
                    editor.create_model(model)
                    self.created.append(model)
        except Exception:
            self.drop()
            raise
        return self

    def drop(self):
        if not self.created:
            return
        # The test may have left a failed transaction or an open atomic block.
        connection = clean_connection(self.using)
        models, self.created = self.created, []
        with connection.schema_editor() as editor:
            for model in reversed(models):
                editor.delete_model(model)

    def __enter__(self):
        return self.create()

    def __exit__(self, exc_type, exc_value, tb):
        self.drop()


def create_tables(*models, **options):
    """A context manager creating the models' tables on entry and dropping them on exit.

    ``using`` names another connection alias than "default".
    """
    return TableSet(models, **options)


@pytest.fixture(name="create_tables")
def create_tables_fixture(db):
    """``create_tables(*models, using="default")``: creates the tables now, drops them after the test."""
    table_sets = []

    def create(*models, **options):
        table_set = TableSet(models, **options).create()
        table_sets.append(table_set)
        return table_set

    yield create
    for table_set in reversed(table_sets):
        table_set.drop()


# --- Counting queries ------------------------------------------------------------------------

class QueryCounter(object):
    """Counts the statements executed on one connection while active."""

    def __init__(self, connection):
        self.connection = connection
        self.captured = []

    def __call__(self, execute, sql, params, many, context):
        self.captured.append((sql, params))
        return execute(sql, params, many, context)

    def __len__(self):
        return len(self.captured)


@contextmanager
def assert_num_queries(expected, using="default"):
    """Fails unless exactly ``expected`` statements run inside the block; yields the QueryCounter."""
    from pyframework.db import connections

    connection = connections[using]
    counter = QueryCounter(connection)
    with connection.execute_wrapper(counter):
        yield counter
    if len(counter) != expected:
        listing = "\n".join("  %d. %s %r" % (index + 1, sql, params)
                            for index, (sql, params) in enumerate(counter.captured))
        raise AssertionError("%d queries executed on %s, %d expected:\n%s"
                             % (len(counter), using, expected, listing or "  (none)"))


@pytest.fixture(name="assert_num_queries")
def assert_num_queries_fixture(db):
    """``with assert_num_queries(n, using="default"):`` as a fixture (pytest-django's name)."""
    return assert_num_queries


def pytest_report_header(config):
    return "databases: %s (PYFRAMEWORK_TEST_DATABASES)" % (", ".join(selected_databases()) or "none")
