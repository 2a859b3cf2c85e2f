"""SQLite through Python's sqlite3 module (CPython; the embedded default there).

Python's sqlite3 opens transactions implicitly before some statements only;
the connection is opened with ``isolation_level=None`` and this wrapper issues
BEGIN itself whenever autocommit is off, so savepoints behave.

``NAME: ":memory:"`` gives each thread its own private database that lives as
long as that thread's connection: it is not closed at the end of a request.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import re
import sqlite3 as Database
import uuid

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.db.backends.base.base import BaseDatabaseWrapper
from pyframework.db.backends.base.creation import BaseDatabaseCreation
from pyframework.db.backends.sqlite3 import errors as sqlite_errors
from pyframework.db.backends.sqlite3 import operations as sqlite_ops
from pyframework.db.backends.sqlite3.features import DatabaseFeatures
from pyframework.db.backends.sqlite3.introspection import DatabaseIntrospection
from pyframework.db.backends.sqlite3.schema import DatabaseSchemaEditor
from pyframework.db.backends.utils import parse_date, parse_datetime, parse_time
from pyframework.db.utils import InterfaceError, ProgrammingError
from pyframework.utils.timezone import utc


def _adapt_datetime(value):
    if value.tzinfo is not None:
        value = value.astimezone(utc).replace(tzinfo=None)
    return value.isoformat(str(" "))


def _decode(convert):
    return lambda raw: convert(raw.decode("utf-8"))


Database.register_adapter(decimal.Decimal, str)
Database.register_adapter(uuid.UUID, lambda value: value.hex)
Database.register_adapter(datetime.datetime, _adapt_datetime)
Database.register_adapter(datetime.date, lambda value: value.isoformat())
Database.register_adapter(datetime.time, lambda value: value.isoformat())
# Declared column types (see operations.DATA_TYPES) whose text is turned back into Python values.
Database.register_converter(str("datetime"), _decode(parse_datetime))
Database.register_converter(str("timestamp"), _decode(parse_datetime))
Database.register_converter(str("date"), _decode(parse_date))
Database.register_converter(str("time"), _decode(parse_time))
Database.register_converter(str("decimal"), _decode(decimal.Decimal))
Database.register_converter(str("bool"), lambda raw: raw not in (b"0", b""))


def _regexp(pattern, value):
    if pattern is None or value is None:
        return None
    return re.search(pattern, value if isinstance(value, str) else str(value)) is not None


class SQLiteCreation(BaseDatabaseCreation):
    def _get_test_db_name(self):
        return self.connection.settings_dict["TEST"].get("NAME") or ":memory:"

    def _destroy_test_db(self, name):
        import os
        if name != ":memory:" and not name.startswith("file:") and os.path.exists(name):
            os.remove(name)


class DatabaseWrapper(BaseDatabaseWrapper):
    vendor = "sqlite"
    display_name = "SQLite"
    Database = Database
    data_types = sqlite_ops.DATA_TYPES
    data_types_suffix = sqlite_ops.DATA_TYPES_SUFFIX
    data_type_check_constraints = sqlite_ops.DATA_TYPE_CHECK_CONSTRAINTS
    operators = sqlite_ops.OPERATORS
    pattern_esc = sqlite_ops.PATTERN_ESC
    pattern_ops = sqlite_ops.PATTERN_OPS

    creation_class = SQLiteCreation
    features_class = DatabaseFeatures
    introspection_class = DatabaseIntrospection
    ops_class = sqlite_ops.DatabaseOperations
    SchemaEditorClass = DatabaseSchemaEditor

    def get_connection_params(self):
        name = self.settings_dict["NAME"]
        if not name:
            raise ImproperlyConfigured("DATABASES[%r]['NAME'] is empty: give the SQLite file path, or ':memory:'."
                                       % self.alias)
        options = dict(self.settings_dict["OPTIONS"])
        options.setdefault("timeout", 20)
        return dict(options, database=name, detect_types=Database.PARSE_DECLTYPES, check_same_thread=False,
                    isolation_level=None, uri=str(name).startswith("file:"))

    def get_new_connection(self, conn_params):
        conn = Database.connect(**conn_params)
        conn.create_function("REGEXP", 2, _regexp)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA case_sensitive_like = ON")
        return conn

    def create_cursor(self, name=None):
        return self.connection.cursor()

    def is_in_memory_db(self):
        name = str(self.settings_dict["NAME"])
        return name == ":memory:" or "mode=memory" in name

    def _set_autocommit(self, autocommit):
        conn = self.connection
        if autocommit:
            if conn.in_transaction:
                conn.execute("COMMIT")
        elif not conn.in_transaction:
            conn.execute("BEGIN")

    def _begin_if_manual(self):
        if not self.autocommit and not self.connection.in_transaction:
            self.connection.execute("BEGIN")

    def _commit(self):
        if self.connection is not None:
            with self.wrap_database_errors:
                self.connection.commit()
                self._begin_if_manual()

    def _rollback(self):
        if self.connection is not None:
            with self.wrap_database_errors:
                self.connection.rollback()
                self._begin_if_manual()

    def is_usable(self):
        try:
            self.connection.execute("SELECT 1")
        except Database.Error:
            return False
        return True

    def close_if_unusable_or_obsolete(self):
        if self.connection is not None and self.is_in_memory_db() and not self.errors_occurred:
            # Closing would throw the whole database away: only end a transaction left open.
            if self.get_autocommit() != self.settings_dict["AUTOCOMMIT"] and not self.in_atomic_block:
                self.rollback()
                self.set_autocommit(self.settings_dict["AUTOCOMMIT"])
            return
        super(DatabaseWrapper, self).close_if_unusable_or_obsolete()

    def error_condition(self, exc):
        return sqlite_errors.error_condition(getattr(exc, "sqlite_errorcode", None), exc)

    def translate_exception(self, exc):
        ours = super(DatabaseWrapper, self).translate_exception(exc)
        if ours is ProgrammingError and "closed database" in str(exc):
            return InterfaceError  # the connection is gone, not a bug in the SQL
        return ours
