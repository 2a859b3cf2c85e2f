"""SQL differences of SQLite: dates are text, regex through a REGEXP function."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.operations import (
    STANDARD_OPERATORS, STANDARD_PATTERN_ESC, STANDARD_PATTERN_OPS, BaseDatabaseOperations,
)

# strftime formats of each date part (``%%`` because the SQL goes through parameter substitution).
_DATE_PARTS = {
    "year": "'%%Y'", "month": "'%%m'", "day": "'%%d'", "hour": "'%%H'", "minute": "'%%M'",
    "second": "'%%S'", "week": "'%%W'", "iso_year": "'%%Y'",
}

_TRUNC_FORMATS = {
    "year": "%%Y-01-01 00:00:00", "month": "%%Y-%%m-01 00:00:00", "day": "%%Y-%%m-%%d 00:00:00",
    "hour": "%%Y-%%m-%%d %%H:00:00", "minute": "%%Y-%%m-%%d %%H:%%M:00", "second": "%%Y-%%m-%%d %%H:%%M:%%S",
}

DATA_TYPES = {
    "AutoField": "integer",
    "BigAutoField": "integer",
    "SmallAutoField": "integer",
    "BinaryField": "BLOB",
    "BooleanField": "bool",
    "NullBooleanField": "bool",
    "CharField": "varchar(%(max_length)s)",
    "DateField": "date",
    "DateTimeField": "datetime",
    "DecimalField": "decimal",
    "DurationField": "bigint",
    "FileField": "varchar(%(max_length)s)",
    "FilePathField": "varchar(%(max_length)s)",
    "FloatField": "real",
    "IntegerField": "integer",
    "BigIntegerField": "bigint",
    "GenericIPAddressField": "char(39)",
    "JSONField": "text",
    "PositiveBigIntegerField": "bigint unsigned",
    "PositiveIntegerField": "integer unsigned",
    "PositiveSmallIntegerField": "smallint unsigned",
    "SlugField": "varchar(%(max_length)s)",
    "SmallIntegerField": "smallint",
    "TextField": "text",
    "TimeField": "time",
    "UUIDField": "char(32)",
}
DATA_TYPES_SUFFIX = {"AutoField": "AUTOINCREMENT", "BigAutoField": "AUTOINCREMENT", "SmallAutoField": "AUTOINCREMENT"}
DATA_TYPE_CHECK_CONSTRAINTS = {
    "PositiveBigIntegerField": "%(qn_column)s >= 0",
    "PositiveIntegerField": "%(qn_column)s >= 0",
    "PositiveSmallIntegerField": "%(qn_column)s >= 0",
}
# LIKE is made case-sensitive per connection (PRAGMA case_sensitive_like), so SQLite takes the
# standard lookups; REGEXP is a Python function registered on each connection.
OPERATORS = dict(STANDARD_OPERATORS, regex="REGEXP %s", iregex="REGEXP '(?i)' || %s")
PATTERN_ESC = STANDARD_PATTERN_ESC
PATTERN_OPS = STANDARD_PATTERN_OPS


class DatabaseOperations(BaseDatabaseOperations):
    no_limit_value_ = -1
    cast_char_field_without_max_length = "text"

    def date_extract_sql(self, lookup_type, sql, params=()):
        if lookup_type == "week_day":
            return "(CAST(STRFTIME('%%%%w', %s) AS INTEGER) + 1)" % sql, params
        if lookup_type == "iso_week_day":
            return "(((CAST(STRFTIME('%%%%w', %s) AS INTEGER) + 6) %%%% 7) + 1)" % sql, params
        if lookup_type == "quarter":
            return "((CAST(STRFTIME('%%%%m', %s) AS INTEGER) + 2) / 3)" % sql, params
        fmt = _DATE_PARTS.get(lookup_type)
        if fmt is None:
            raise ValueError("Unsupported date part %r" % lookup_type)
        return "CAST(STRFTIME(%s, %s) AS INTEGER)" % (fmt, sql), params

    def datetime_cast_date_sql(self, sql, params=(), tzname=None):
        return "DATE(%s)" % sql, params

    def date_trunc_sql(self, lookup_type, sql, params=(), tzname=None, as_date=False):
        params = tuple(params)
        if lookup_type == "week":
            # Back to Monday: %w is 0 for Sunday.
            truncated = ("DATETIME(DATE(%s, '-' || ((CAST(STRFTIME('%%%%w', %s) AS INTEGER) + 6) %%%% 7) || ' days'))"
                         % (sql, sql))
            params = params + params
        elif lookup_type == "quarter":
            truncated = ("(STRFTIME('%%%%Y-', %s) || SUBSTR('0' || (((CAST(STRFTIME('%%%%m', %s) AS INTEGER) - 1) / 3)"
                         " * 3 + 1), -2) || '-01 00:00:00')" % (sql, sql))
            params = params + params
        else:
            fmt = _TRUNC_FORMATS.get(lookup_type)
            if fmt is None:
                raise ValueError("Unsupported truncation %r" % lookup_type)
            truncated = "STRFTIME('%s', %s)" % (fmt, sql)
        return ("DATE(%s)" % truncated if as_date else truncated), params

    def datetime_cast_time_sql(self, sql, params=(), tzname=None):
        return "TIME(%s)" % sql, params

    def regex_lookup(self, lookup_type):
        if lookup_type == "regex":
            return "%s REGEXP %s"
        return "%s REGEXP '(?i)' || %s"

    def max_name_length(self):
        return None

    def pk_default_value(self):
        return "NULL"

    def for_update_sql(self, nowait=False, skip_locked=False, of=(), no_key=False):
        return ""  # SQLite locks the whole database on write; rows need no lock

    def sql_flush(self, style, tables, reset_sequences=False, allow_cascade=False):
        statements = ["DELETE FROM %s;" % self.quote_name(table) for table in tables]
        if reset_sequences and tables:
            statements.append("UPDATE sqlite_sequence SET seq = 0 WHERE name IN (%s);"
                              % ", ".join("'%s'" % table.replace("'", "''") for table in tables))
        return statements
