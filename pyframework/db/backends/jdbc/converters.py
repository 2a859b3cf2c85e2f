"""Values between Python and JDBC, chosen once per column and once per Python type.

Readers are picked per result column from the ResultSet metadata when a query
runs, so converting a row is one list comprehension of plain calls. Binders
are looked up by the exact Python type of each parameter.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import uuid

from pyframework.db.backends.jdbc import jvm
from pyframework.db.backends.utils import parse_date, parse_datetime, parse_time
from pyframework.utils.compat import PY2, integer_types, text_type
from pyframework.utils.timezone import utc

# java.sql.Types constants (fixed by the JDBC specification).
BIT, TINYINT, SMALLINT, INTEGER, BIGINT = -7, -6, 5, 4, -5
FLOAT, REAL, DOUBLE, NUMERIC, DECIMAL = 6, 7, 8, 2, 3
CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR = 1, 12, -1, -15, -9, -16
DATE, TIME, TIMESTAMP, TIME_WITH_TIMEZONE, TIMESTAMP_WITH_TIMEZONE = 91, 92, 93, 2013, 2014
BINARY, VARBINARY, LONGVARBINARY, BLOB = -2, -3, -4, 2004
CLOB, NCLOB, BOOLEAN, NULL, OTHER = 2005, 2011, 16, 0, 1111


class JsonText(text_type):
    """JSON text that the PostgreSQL dialect binds as jsonb rather than varchar."""


class UntypedText(text_type):
    """A literal the server types from its context: PostgreSQL array literals (``{1,2}``), inet addresses."""


# -- JDBC -> Python --------------------------------------------------------------------------

def read_int(rs, index):
    value = rs.getObject(index)
    if value is None:
        return None
    try:
        return int(value)
    except TypeError:  # java.math.BigInteger (unsigned BIGINT columns)
        return int(text_type(value.toString()))


def read_float(rs, index):
    value = rs.getObject(index)
    return None if value is None else float(value)


def read_bool(rs, index):
    value = rs.getBoolean(index)
    return None if rs.wasNull() else bool(value)


def read_text(rs, index):
    value = rs.getString(index)
    return None if value is None else text_type(value)


def read_decimal(rs, index):
    value = rs.getString(index)
    if value is None:
        return None
    try:
        return decimal.Decimal(text_type(value))
    except decimal.InvalidOperation:
        # sqlite-jdbc calls a computed column NUMERIC when its first value is NULL, whatever the
        # later values are: keep the text rather than lose the row.
        return text_type(value)


def read_date(rs, index):
    return parse_date(rs.getString(index))


def read_time(rs, index):
    return parse_time(rs.getString(index))


def read_timestamp(rs, index):
    return parse_datetime(rs.getString(index))


def read_timestamp_tz(rs, index):
    value = rs.getString(index)
    if value is None:
        return None
    value = text_type(value)
    naive = parse_datetime(value)
    sign_at = max(value.rfind("+"), value.rfind("-"))
    if sign_at > 18:  # an offset such as +02 or -05:30 follows the clock
        offset = value[sign_at + 1:].replace(":", "")
        minutes = int(offset[:2]) * 60 + (int(offset[2:4]) if len(offset) >= 4 else 0)
        if value[sign_at] == "-":
            minutes = -minutes
        naive = naive - datetime.timedelta(minutes=minutes)
    return naive.replace(tzinfo=utc)


def read_bytes(rs, index):
    value = rs.getBytes(index)
    return None if value is None else jvm.from_java_bytes(value)


def read_uuid(rs, index):
    value = rs.getString(index)
    return None if value is None else uuid.UUID(text_type(value))


def read_object(rs, index):
    value = rs.getObject(index)
    if value is None or isinstance(value, (text_type, float, bool) + integer_types):
        return value
    return text_type(value.toString())


READERS_BY_TYPE = {
    BIT: read_bool, BOOLEAN: read_bool,
    TINYINT: read_int, SMALLINT: read_int, INTEGER: read_int, BIGINT: read_int,
    FLOAT: read_float, REAL: read_float, DOUBLE: read_float,
    NUMERIC: read_decimal, DECIMAL: read_decimal,
    CHAR: read_text, VARCHAR: read_text, LONGVARCHAR: read_text, NCHAR: read_text, NVARCHAR: read_text,
    LONGNVARCHAR: read_text, CLOB: read_text, NCLOB: read_text,
    DATE: read_date, TIME: read_time, TIMESTAMP: read_timestamp,
    TIME_WITH_TIMEZONE: read_time, TIMESTAMP_WITH_TIMEZONE: read_timestamp_tz,
    BINARY: read_bytes, VARBINARY: read_bytes, LONGVARBINARY: read_bytes, BLOB: read_bytes,
}


def column_readers(metadata, dialect):
    """One reader per column; the dialect may override by type name (e.g. PostgreSQL ``uuid``)."""
    readers = []
    by_name = dialect.READERS_BY_TYPE_NAME
    for index in range(1, metadata.getColumnCount() + 1):
        reader = by_name.get(text_type(metadata.getColumnTypeName(index)).lower()) if by_name else None
        if reader is None:
            reader = READERS_BY_TYPE.get(metadata.getColumnType(index), read_object)
        readers.append((index, reader))
    return readers


# -- Python -> JDBC --------------------------------------------------------------------------

_LONG_MIN, _LONG_MAX = -(1 << 63), (1 << 63) - 1
_INT_MIN, _INT_MAX = -(1 << 31), (1 << 31) - 1


def _java_classes():
    return jvm.jclass("java.math.BigDecimal"), jvm.jclass("java.time.LocalDateTime"), \
        jvm.jclass("java.time.LocalDate"), jvm.jclass("java.time.LocalTime"), jvm.jclass("java.util.UUID")


class Binder(object):
    """Sets statement parameters; built once per connection (Java classes resolved once)."""

    def __init__(self, dialect):
        self.dialect = dialect
        big_decimal, local_datetime, local_date, local_time, java_uuid = _java_classes()
        self.BigDecimal = big_decimal
        self.LocalDateTime = local_datetime
        self.LocalDate = local_date
        self.LocalTime = local_time
        self.JavaUUID = java_uuid
        temporal_as_text = dialect.TEMPORAL_AS_TEXT
        self.by_type = {
            bool: self.bind_bool,
            float: self.bind_float,
            decimal.Decimal: self.bind_decimal,
            datetime.datetime: self.bind_datetime_text if temporal_as_text else self.bind_datetime,
            datetime.date: self.bind_date_text if temporal_as_text else self.bind_date,
            datetime.time: self.bind_time_text if temporal_as_text else self.bind_time,
            uuid.UUID: self.bind_uuid_native if dialect.NATIVE_UUID else self.bind_uuid_hex,
            bytearray: self.bind_bytes,
            memoryview: self.bind_bytes,
            JsonText: self.bind_json if dialect.NATIVE_JSON else self.bind_text,
            UntypedText: self.bind_json,
            type(None): self.bind_null,
            text_type: self.bind_text,
        }
        for int_type in integer_types:
            self.by_type[int_type] = self.bind_int
        if PY2:
            self.by_type[str] = self.bind_native_str
        else:
            self.by_type[bytes] = self.bind_bytes

    def bind(self, statement, params):
        by_type = self.by_type
        index = 0
        for value in params:
            index += 1
            setter = by_type.get(type(value))
            if setter is None:
                setter = self.setter_for_subclass(value)
            setter(statement, index, value)

    def setter_for_subclass(self, value):
        for klass, setter in self.by_type.items():
            if klass is not type(None) and isinstance(value, klass):
                return setter
        return self.bind_object

    @staticmethod
    def bind_null(statement, index, value):
        statement.setNull(index, NULL)

    @staticmethod
    def bind_bool(statement, index, value):
        statement.setBoolean(index, value)

    def bind_int(self, statement, index, value):
        # int4 when it fits: PostgreSQL does not narrow bigint arguments to integer parameters of functions.
        if _INT_MIN <= value <= _INT_MAX:
            statement.setInt(index, value)
        elif _LONG_MIN <= value <= _LONG_MAX:
            statement.setLong(index, value)
        else:
            statement.setBigDecimal(index, self.BigDecimal(text_type(value)))

    @staticmethod
    def bind_float(statement, index, value):
        statement.setDouble(index, value)

    def bind_decimal(self, statement, index, value):
        statement.setBigDecimal(index, self.BigDecimal(text_type(value)))

    @staticmethod
    def bind_text(statement, index, value):
        statement.setString(index, value)

    @staticmethod
    def bind_native_str(statement, index, value):
        # Python 2 ``str`` is text from a plain literal, or bytes that are not UTF-8
        # (binary field values arrive as bytearray: see ops.adapt_binaryfield_value).
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            statement.setBytes(index, jvm.to_java_bytes(value))
            return
        statement.setString(index, text)

    @staticmethod
    def bind_bytes(statement, index, value):
        statement.setBytes(index, jvm.to_java_bytes(value))

    @staticmethod
    def bind_json(statement, index, value):
        # Types.OTHER: pgJDBC sends the text untyped and the server reads it as the column's type.
        statement.setObject(index, text_type(value), OTHER)

    @staticmethod
    def _naive_utc(value):
        if value.tzinfo is not None:
            value = value.astimezone(utc).replace(tzinfo=None)
        return value

    def bind_datetime(self, statement, index, value):
        statement.setObject(index, self.LocalDateTime.parse(self._naive_utc(value).isoformat()))

    def bind_datetime_text(self, statement, index, value):
        statement.setString(index, self._naive_utc(value).isoformat(str(" ")))

    def bind_date(self, statement, index, value):
        statement.setObject(index, self.LocalDate.parse(value.isoformat()))

    @staticmethod
    def bind_date_text(statement, index, value):
        statement.setString(index, value.isoformat())

    def bind_time(self, statement, index, value):
        statement.setObject(index, self.LocalTime.parse(value.isoformat()))

    @staticmethod
    def bind_time_text(statement, index, value):
        statement.setString(index, value.isoformat())

    def bind_uuid_native(self, statement, index, value):
        statement.setObject(index, self.JavaUUID.fromString(text_type(value)))

    @staticmethod
    def bind_uuid_hex(statement, index, value):
        statement.setString(index, value.hex)

    @staticmethod
    def bind_object(statement, index, value):
        statement.setObject(index, value)
