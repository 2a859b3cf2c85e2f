"""SQLite through sqlite-jdbc: the SQL of the sqlite3 backend, values bound as text."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.jdbc.converters import (
    read_bool, read_date, read_decimal, read_int, read_time, read_timestamp,
)
from pyframework.db.backends.jdbc.dialects.base import Dialect
from pyframework.db.backends.sqlite3 import errors as sqlite_errors
from pyframework.db.backends.sqlite3 import operations as sqlite_ops
from pyframework.db.backends.sqlite3.errors import SQLITE_BUSY, SQLITE_CONSTRAINT, SQLITE_LOCKED
from pyframework.db.backends.sqlite3.features import DatabaseFeatures
from pyframework.db.backends.sqlite3.introspection import DatabaseIntrospection
from pyframework.db.backends.sqlite3.schema import DatabaseSchemaEditor
from pyframework.db.utils import IntegrityError, OperationalError


class SqliteJdbcOperations(sqlite_ops.DatabaseOperations):
    def regex_lookup(self, lookup_type):
        raise NotImplementedError("regex lookups need a REGEXP function, which sqlite-jdbc does not provide")


class SqliteJdbcFeatures(DatabaseFeatures):
    supports_regex = False


class SqliteDialect(Dialect):
    NAME = "sqlite"
    VENDOR = "sqlite"
    DISPLAY_NAME = "SQLite (JDBC)"
    DEFAULT_DRIVER = "org.sqlite.JDBC"
    DATA_TYPES = sqlite_ops.DATA_TYPES
    DATA_TYPES_SUFFIX = sqlite_ops.DATA_TYPES_SUFFIX
    DATA_TYPE_CHECK_CONSTRAINTS = sqlite_ops.DATA_TYPE_CHECK_CONSTRAINTS
    OPERATORS = dict((k, v) for k, v in sqlite_ops.OPERATORS.items() if "REGEXP" not in v)
    PATTERN_ESC = sqlite_ops.PATTERN_ESC
    PATTERN_OPS = sqlite_ops.PATTERN_OPS
    INIT_SQL = ("PRAGMA foreign_keys = ON", "PRAGMA case_sensitive_like = ON")
    TEMPORAL_AS_TEXT = True
    # Declared column types (sqlite_ops.DATA_TYPES) decide how stored text reads back.
    READERS_BY_TYPE_NAME = {
        "datetime": read_timestamp, "date": read_date, "time": read_time, "decimal": read_decimal,
        "bool": read_bool, "boolean": read_bool, "integer": read_int, "bigint": read_int, "smallint": read_int,
    }
    DatabaseOperations = SqliteJdbcOperations
    DatabaseFeatures = SqliteJdbcFeatures
    DatabaseIntrospection = DatabaseIntrospection
    DatabaseSchemaEditor = DatabaseSchemaEditor

    def classify_error(self, exc):
        code = getattr(exc, "getErrorCode", None)
        if code is None:
            return None
        primary = code() & 0xff
        if primary == SQLITE_CONSTRAINT:
            return IntegrityError
        if primary in (SQLITE_BUSY, SQLITE_LOCKED):
            return OperationalError
        return None

    def error_condition(self, exc):
        return sqlite_errors.error_condition(self.error_code(exc), self.error_message(exc))


dialect = SqliteDialect()
