"""The JDBC backend: SQLite (sqlite-jdbc), H2, PostgreSQL and MariaDB/MySQL through one wrapper.

Settings of an alias::

    {"ENGINE": "pyframework.db.backends.jdbc",
     "DRIVER": "org.h2.Driver", "URL": "jdbc:h2:mem:app;DB_CLOSE_DELAY=-1",
     "USER": "sa", "PASSWORD": "", "OPTIONS": {...driver properties...},
     "JARS": [...]}                          # CPython only; also PYFRAMEWORK_JDBC_JARS / CLASSPATH

or, in a WAR on Jython, the container's pooled DataSource::

    {"ENGINE": "pyframework.db.backends.jdbc", "JNDI_NAME": "java:comp/env/jdbc/app", "DIALECT": "postgresql"}

The dialect (SQL differences) comes from the URL prefix or DIALECT. JDBC is
driven directly (Jython's Java integration, JPype on CPython) in the way
jaydebeapi does, but this backend owns autocommit, transaction boundaries and
value conversion: jaydebeapi 1.2.3 leaves autocommit on, reads DECIMAL as
float and dates as text.
"""
from __future__ import absolute_import, unicode_literals

import os
import tempfile
import threading

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.db import utils as db_utils
from pyframework.db.backends.base.base import BaseDatabaseWrapper
from pyframework.db.backends.base.creation import (
    TEST_DATABASE_PREFIX, BaseDatabaseCreation, ServerDatabaseCreation)
from pyframework.db.backends.jdbc import jvm
from pyframework.db.backends.jdbc.converters import Binder
from pyframework.db.backends.jdbc.cursor import JdbcCursor
from pyframework.db.backends.jdbc.dialects import dialect_for_settings
from pyframework.db.backends.jdbc.errors import classify_java_error, java_error_condition, java_message
from pyframework.utils.compat import JYTHON, text_type


# Loaded driver instances and looked-up DataSources, by (class loader, name): a class lookup, an
# instantiation or a JNDI lookup per connection costs more than the connection from a pool.
_DRIVERS = {}
_DATA_SOURCES = {}
_CACHE_LOCK = threading.Lock()


def _cached(cache, key, make):
    try:
        return cache[key]
    except KeyError:
        pass
    value = make()
    with _CACHE_LOCK:
        return cache.setdefault(key, value)


class JdbcConnection(object):
    """The raw connection kept by the wrapper: the ``java.sql.Connection`` and its DB-API verbs."""

    def __init__(self, jconn, pooled=False):
        self.jconn = jconn
        self.pooled = pooled

    def commit(self):
        self.jconn.commit()

    def rollback(self):
        self.jconn.rollback()

    def close(self):
        self.jconn.close()  # for a DataSource connection this hands it back to the pool


class JdbcCreation(BaseDatabaseCreation):
    """Test databases per dialect: H2 in memory, SQLite in a temporary file, PostgreSQL and
    MariaDB as ``test_<NAME>`` (or ``TEST["NAME"]``) created on the configured server."""

    def test_db_signature(self):
        return (self.connection.settings_dict.get("URL"), self.connection.settings_dict["ENGINE"],
                self._get_test_db_name())

    def _server_name(self):
        url = self.connection.settings_dict.get("URL")
        return ServerDatabaseCreation.split_url(self.connection.vendor, url)[1]

    def _get_test_db_name(self):
        settings_dict = self.connection.settings_dict
        if settings_dict["TEST"].get("NAME"):
            return settings_dict["TEST"]["NAME"]
        if self.connection.vendor in ServerDatabaseCreation.url_patterns:
            return TEST_DATABASE_PREFIX + self._server_name()
        return TEST_DATABASE_PREFIX + (settings_dict.get("NAME") or "pyframework")

    def _create_test_db(self, name, verbosity=1, autoclobber=False, keepdb=False):
        if self.connection.settings_dict.get("JNDI_NAME"):
            raise ImproperlyConfigured(
                "%s: tests cannot create a database behind a JNDI DataSource; give the test settings "
                "DRIVER and URL." % self.connection._setting_name("JNDI_NAME"))
        vendor = self.connection.vendor
        if vendor == "h2":
            # DB_CLOSE_DELAY=-1 keeps the in-memory database while no connection is open.
            return {"NAME": name, "URL": "jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1" % name}
        if vendor == "sqlite":
            path = name if os.path.isabs(name) else os.path.join(tempfile.gettempdir(), name + ".sqlite3")
            if not keepdb and os.path.exists(path):
                os.remove(path)
            return {"NAME": path, "URL": "jdbc:sqlite:%s" % path}
        quoted = self.connection.ops.quote_name(name)
        with self._server_cursor() as cursor:
            cursor.execute("SELECT 1")  # the server answers: errors below are about the database
            try:
                cursor.execute("CREATE DATABASE %s" % quoted)
            except db_utils.DatabaseError:
                if keepdb:
                    pass
                elif autoclobber:
                    cursor.execute(ServerDatabaseCreation.drop_statements[vendor] % quoted)
                    cursor.execute("CREATE DATABASE %s" % quoted)
                else:
                    raise
        url = ServerDatabaseCreation.database_url(vendor, self.connection.settings_dict["URL"], name)
        return {"NAME": name, "URL": url}

    def _destroy_test_db(self, name, verbosity=1):
        vendor = self.connection.vendor
        if vendor == "h2":
            with self.connection.cursor() as cursor:
                cursor.execute("DROP ALL OBJECTS")
            self.connection.close()
        elif vendor == "sqlite":
            if os.path.exists(name):
                os.remove(name)
        else:
            with self._server_cursor() as cursor:
                cursor.execute(ServerDatabaseCreation.drop_statements[vendor] % self.connection.ops.quote_name(name))

    def _server_cursor(self):
        """A cursor on the configured (not the test) database, in autocommit."""
        settings_dict = dict(self._old_settings or self.connection.settings_dict)
        return _ClosingCursor(self.connection.__class__(settings_dict, alias="__server__"))


class _ClosingCursor(object):
    def __init__(self, wrapper):
        self.wrapper = wrapper

    def __enter__(self):
        self.cursor = self.wrapper.cursor()
        return self.cursor

    def __exit__(self, *exc):
        try:
            self.cursor.close()
        finally:
            self.wrapper.close()


class DatabaseWrapper(BaseDatabaseWrapper):
    Database = db_utils  # our own exception classes are what the JDBC cursor raises
    creation_class = JdbcCreation

    def __init__(self, settings_dict, alias="default"):
        dialect = dialect_for_settings(settings_dict, alias)
        self.dialect = dialect
        self.vendor = dialect.VENDOR
        self.display_name = dialect.DISPLAY_NAME
        self.data_types = dialect.DATA_TYPES
        self.data_types_suffix = dialect.DATA_TYPES_SUFFIX
        self.data_type_check_constraints = dialect.DATA_TYPE_CHECK_CONSTRAINTS
        self.operators = dialect.OPERATORS
        self.pattern_esc = dialect.PATTERN_ESC
        self.pattern_ops = dialect.PATTERN_OPS
        self.features_class = dialect.DatabaseFeatures
        self.ops_class = dialect.DatabaseOperations
        self.introspection_class = dialect.DatabaseIntrospection
        self.SchemaEditorClass = dialect.DatabaseSchemaEditor
        self.binder = None
        self._savepoints = {}
        super(DatabaseWrapper, self).__init__(settings_dict, alias)
        if settings_dict.get("JNDI_NAME") and settings_dict.get("CONN_MAX_AGE", 0) != 0:
            raise ImproperlyConfigured(
                "%s = %r with %s: a connection from the container's pool goes back to the pool after every "
                "request (the pool keeps it open); remove CONN_MAX_AGE or set it to 0."
                % (self._setting_name("CONN_MAX_AGE"), settings_dict["CONN_MAX_AGE"], self._setting_name("JNDI_NAME")))

    def _setting_name(self, key):
        return "DATABASES[%r][%r]" % (self.alias, key)

    # -- connecting ----------------------------------------------------------------------

    def get_connection_params(self):
        conf = self.settings_dict
        properties = dict((text_type(k), text_type(v)) for k, v in conf["OPTIONS"].items())
        if conf.get("USER"):
            properties.setdefault("user", text_type(conf["USER"]))
        if conf.get("PASSWORD"):
            properties.setdefault("password", text_type(conf["PASSWORD"]))
        return {"driver": conf.get("DRIVER") or self.dialect.DEFAULT_DRIVER, "url": conf.get("URL"),
                "properties": properties, "jndi_name": conf.get("JNDI_NAME")}

    def get_new_connection(self, params):
        if params["jndi_name"]:
            conn = JdbcConnection(self._jndi_connection(params["jndi_name"]), pooled=True)
        else:
            if not JYTHON:
                from pyframework.db import connections
                jvm.start_jvm(jvm.configured_jars(connections.databases))
            conn = JdbcConnection(self._driver_connection(params))
        if self.binder is None:
            self.binder = Binder(self.dialect)
        statement = conn.jconn.createStatement()
        try:
            for sql in self.dialect.INIT_SQL:
                statement.execute(sql)
        finally:
            statement.close()
        return conn

    def _jndi_connection(self, name):
        if not JYTHON:
            raise ImproperlyConfigured(
                "%s = %r: JNDI lookups work only on Jython inside a servlet container; use DRIVER and URL "
                "here." % (self._setting_name("JNDI_NAME"), name))
        try:
            data_source = _cached(_DATA_SOURCES, (jvm.context_class_loader(), name), lambda: _lookup(name))
        except jvm.JavaThrowable as exc:
            raise ImproperlyConfigured("%s = %r could not be looked up: %s"
                                       % (self._setting_name("JNDI_NAME"), name, java_message(exc)))
        try:
            return data_source.getConnection()
        except jvm.JavaThrowable as exc:
            raise _unreachable("The DataSource %s = %r gave no connection: %s"
                               % (self._setting_name("JNDI_NAME"), name, java_message(exc)))

    def _driver_connection(self, params):
        """Connect through the driver class itself rather than DriverManager.

        DriverManager would hand the URL to whichever registered driver accepts
        it (hiding a wrong DRIVER) and cannot see drivers in WEB-INF/lib from
        Jython's class loader; ``Driver.connect`` returns None for a URL it does
        not serve, which is reported against the URL setting.
        """
        try:
            driver = _cached(_DRIVERS, (jvm.context_class_loader(), params["driver"]),
                             lambda: jvm.load_class(params["driver"])())
        except (jvm.JavaThrowable, TypeError, RuntimeError) as exc:
            raise ImproperlyConfigured(
                "%s = %r: the JDBC driver class cannot be loaded (%s). Check the class name and that its jar is on "
                "the class path (WEB-INF/lib in a WAR; JARS, PYFRAMEWORK_JDBC_JARS or CLASSPATH on CPython)."
                % (self._setting_name("DRIVER"), params["driver"], java_message(exc)))
        properties = jvm.jclass("java.util.Properties")()
        for key, value in params["properties"].items():
            properties.setProperty(key, value)
        try:
            jconn = driver.connect(params["url"], properties)
        except jvm.JavaThrowable as exc:
            raise self._connect_error(params, exc)
        if jconn is None:
            raise ImproperlyConfigured("%s = %r is not a URL the driver %s accepts."
                                       % (self._setting_name("URL"), params["url"], params["driver"]))
        return jconn

    def _connect_error(self, params, exc):
        message = java_message(exc)
        if "suitable driver" in message or "Unknown" in message and "URL" in message:
            return ImproperlyConfigured("%s = %r is not a URL the driver %s accepts (%s)."
                                        % (self._setting_name("URL"), params["url"], params["driver"], message))
        return _unreachable("Cannot connect with %s = %r: %s" % (self._setting_name("URL"), params["url"], message))

    def init_connection_state(self):
        pass

    def create_cursor(self, name=None):
        return JdbcCursor(self)

    # -- transactions --------------------------------------------------------------------

    def _set_autocommit(self, autocommit):
        try:
            self.connection.jconn.setAutoCommit(autocommit)
        except jvm.JavaThrowable as exc:
            self.raise_java_error(exc)

    # JDBC refuses commit()/rollback() in autocommit mode (sqlite-jdbc raises); there is nothing to end then.
    def _commit(self):
        if self.connection is not None and not self.autocommit:
            try:
                self.connection.jconn.commit()
            except jvm.JavaThrowable as exc:
                self.raise_java_error(exc)

    def _rollback(self):
        if self.connection is not None and not self.autocommit:
            try:
                self.connection.jconn.rollback()
            except jvm.JavaThrowable as exc:
                self.raise_java_error(exc)

    # JDBC's savepoint objects, by id: every dialect supports them, whatever its SQL spelling.
    def _savepoint(self, sid):
        try:
            self._savepoints[sid] = self.connection.jconn.setSavepoint(sid)
        except jvm.JavaThrowable as exc:
            self.raise_java_error(exc)

    def _savepoint_rollback(self, sid):
        try:
            self.connection.jconn.rollback(self._savepoints[sid])
        except jvm.JavaThrowable as exc:
            self.raise_java_error(exc)

    def _savepoint_commit(self, sid):
        savepoint = self._savepoints.pop(sid, None)
        if savepoint is None:
            return
        try:
            self.connection.jconn.releaseSavepoint(savepoint)
        except jvm.JavaThrowable as exc:
            self.raise_java_error(exc)

    def _close(self):
        self._savepoints = {}
        try:
            self.connection.jconn.close()
        except jvm.JavaThrowable:
            pass  # already broken: dropping our reference is all that is left

    def is_usable(self):
        try:
            return bool(self.connection.jconn.isValid(2))
        except jvm.JavaThrowable:
            return False

    # -- application shutdown --------------------------------------------------------------

    def shutdown_signature(self):
        url = self.settings_dict.get("URL") or ""
        if self.dialect.SHUTDOWN_SQL and url.startswith(self.dialect.EMBEDDED_URL_PREFIXES):
            return (self.vendor, url)
        return None

    def shutdown_database(self):
        """Send the dialect's SHUTDOWN_SQL (H2: ``SHUTDOWN``); the connection is gone afterwards."""
        try:
            self.ensure_connection()
            statement = self.connection.jconn.createStatement()
            try:
                statement.execute(self.dialect.SHUTDOWN_SQL)
            finally:
                statement.close()
        except (jvm.JavaThrowable, db_utils.Error):
            pass  # already closed or unreachable: nothing left to shut down

    # -- errors --------------------------------------------------------------------------

    def raise_java_error(self, exc):
        """Raise the pyframework.db exception matching a Java exception from the driver."""
        jconn = self.connection.jconn if self.connection is not None else None
        ours = classify_java_error(exc, jconn, self.dialect)
        if ours in (db_utils.OperationalError, db_utils.InterfaceError):
            self.errors_occurred = True
        error = ours(java_message(exc))
        error.__cause__ = exc
        error.driver_exception = exc
        error.sqlstate = _sqlstate(exc)
        error.condition = java_error_condition(exc, jconn, self.dialect)
        raise error

    def error_condition(self, exc):
        if isinstance(exc, jvm.JavaThrowable):
            jconn = self.connection.jconn if self.connection is not None else None
            return java_error_condition(exc, jconn, self.dialect)
        return None

    def translate_exception(self, exc):
        if isinstance(exc, jvm.JavaThrowable):
            jconn = self.connection.jconn if self.connection is not None else None
            return classify_java_error(exc, jconn, self.dialect)
        return super(DatabaseWrapper, self).translate_exception(exc)


def _lookup(name):
    from javax.naming import InitialContext
    return InitialContext().lookup(name)


def _unreachable(message):
    """The OperationalError of a connection attempt that failed: the database is not reachable."""
    error = db_utils.OperationalError(message)
    error.condition = db_utils.CONNECTION_LOST
    return error


def _sqlstate(exc):
    getter = getattr(exc, "getSQLState", None)
    if getter is None:
        return None
    try:
        state = getter()
    except jvm.JavaThrowable:
        return None
    return None if state is None else text_type(state)
