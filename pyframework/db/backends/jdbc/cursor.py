"""A DB-API cursor over a ``java.sql.Connection``.

Statements run here rather than through jaydebeapi's cursor so that values convert
exactly (Decimal, aware datetimes, UUID, bytes...) through per-column readers,
and Java exceptions become pyframework.db exceptions carrying the database's
message.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.jdbc import jvm
from pyframework.db.backends.jdbc.converters import column_readers
from pyframework.db.utils import InterfaceError
from pyframework.utils.compat import integer_types, string_types, text_type

_RETURN_GENERATED_KEYS = 1  # java.sql.Statement.RETURN_GENERATED_KEYS


def _wants_generated_keys(sql):
    head = sql.lstrip()[:6].upper()
    return head == "INSERT" and "RETURNING" not in sql.upper()


def _generated_key(value):
    """An integer key as int; anything else (a UUID key...) as its text."""
    if value is None or isinstance(value, integer_types):
        return value
    # Java strings arrive already converted to Python text (JPype and Jython alike).
    text = value if isinstance(value, string_types) else text_type(value.toString())
    try:
        return int(text)
    except ValueError:
        return text


class JdbcCursor(object):
    arraysize = 100

    def __init__(self, wrapper):
        self.wrapper = wrapper
        self.jconn = wrapper.connection.jconn
        self.binder = wrapper.binder
        self.dialect = wrapper.dialect
        self._statement = None
        self._rs = None
        self._readers = None
        self._description = None
        self.rowcount = -1
        self.lastrowid = None

    # -- running statements --------------------------------------------------------------

    def execute(self, sql, params=None):
        self._close_statement()
        try:
            if self.dialect.GENERATED_KEYS and _wants_generated_keys(sql):
                statement = self.jconn.prepareStatement(sql, _RETURN_GENERATED_KEYS)
                keys = True
            else:
                statement = self.jconn.prepareStatement(sql)
                keys = False
            self._statement = statement
            if params:
                self.binder.bind(statement, params)
            if statement.execute():
                self._open_result_set(statement.getResultSet())
            else:
                self.rowcount = statement.getUpdateCount()
                if keys:
                    self._read_generated_key(statement)
        except jvm.JavaThrowable as exc:
            self.wrapper.raise_java_error(exc)

    def executemany(self, sql, param_list):
        self._close_statement()
        try:
            statement = self.jconn.prepareStatement(sql)
            self._statement = statement
            bind = self.binder.bind
            for params in param_list:
                bind(statement, params)
                statement.addBatch()
            counts = statement.executeBatch()
            self.rowcount = sum(count for count in counts if count >= 0)
        except jvm.JavaThrowable as exc:
            self.wrapper.raise_java_error(exc)

    def _open_result_set(self, rs):
        self._rs = rs
        self.rowcount = -1
        metadata = rs.getMetaData()
        self._readers = column_readers(metadata, self.dialect)
        self._metadata = metadata
        self._description = None

    def _read_generated_key(self, statement):
        keys = statement.getGeneratedKeys()
        try:
            if keys is not None and keys.next():
                self.lastrowid = _generated_key(keys.getObject(1))
        finally:
            if keys is not None:
                keys.close()

    # -- reading -------------------------------------------------------------------------

    @property
    def description(self):
        if self._rs is None:
            return None
        if self._description is None:
            metadata = self._metadata
            self._description = [
                (metadata.getColumnLabel(i), metadata.getColumnType(i), None, None,
                 metadata.getPrecision(i), metadata.getScale(i), metadata.isNullable(i) != 0)
                for i, _ in self._readers]
        return self._description

    def fetchone(self):
        rows = self.fetchmany(1)
        return rows[0] if rows else None

    def fetchmany(self, size=None):
        rs = self._rs
        if rs is None:
            raise InterfaceError("No result set: the last statement returned no rows.")
        size = size or self.arraysize
        readers = self._readers
        rows = []
        try:
            while len(rows) < size and rs.next():
                rows.append(tuple([read(rs, index) for index, read in readers]))
        except jvm.JavaThrowable as exc:
            self.wrapper.raise_java_error(exc)
        return rows

    def fetchall(self):
        rs = self._rs
        if rs is None:
            raise InterfaceError("No result set: the last statement returned no rows.")
        readers = self._readers
        rows = []
        try:
            while rs.next():
                rows.append(tuple([read(rs, index) for index, read in readers]))
        except jvm.JavaThrowable as exc:
            self.wrapper.raise_java_error(exc)
        return rows

    def __iter__(self):
        return iter(self.fetchall())

    # -- cleanup -------------------------------------------------------------------------

    def _close_statement(self):
        rs, statement = self._rs, self._statement
        self._rs = self._statement = self._readers = self._description = None
        self.lastrowid = None
        try:
            if rs is not None:
                rs.close()
            if statement is not None:
                statement.close()
        except jvm.JavaThrowable:
            pass  # the connection may already be gone; nothing left to release

    def close(self):
        self._close_statement()

    def setinputsizes(self, sizes):
        pass

    def setoutputsize(self, size, column=None):
        pass
