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

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.db import utils as db_utils
from pyframework.db.backends.base.base import BaseDatabaseWrapper
from pyframework.db.backends.base.creation import BaseDatabaseCreation
from pyframework.db.backends.jdbc import jvm
from pyframework.db.backends.jdbc.converters import Binder
from pyframework.db.backends.jdbc.cursor import JdbcCursor
from pyframework.db.backends.jdbc.dialects import dialect_for_settings
from pyframework.db.backends.jdbc.errors import classify_java_error, java_error_condition, java_message
from pyframework.utils.compat import JYTHON, text_type


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
    def test_db_signature(self):
        return (self.connection.settings_dict.get("URL"), self.connection.settings_dict["ENGINE"])


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
            from javax.naming import InitialContext
            data_source = InitialContext().lookup(name)
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
            driver = jvm.load_class(params["driver"])()
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
