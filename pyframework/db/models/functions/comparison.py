"""Comparison and conversion functions: Cast, Coalesce, Greatest, Least, NullIf."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.expressions import Func
from pyframework.db.models.functions.text import Coalesce

# MySQL/MariaDB's CAST knows only a few target types.
_MYSQL_CAST_TYPES = {
    "AutoField": "signed integer", "BigAutoField": "signed integer", "SmallAutoField": "signed integer",
    "IntegerField": "signed integer", "BigIntegerField": "signed integer", "SmallIntegerField": "signed integer",
    "PositiveIntegerField": "unsigned integer", "PositiveSmallIntegerField": "unsigned integer",
    "PositiveBigIntegerField": "unsigned integer", "BooleanField": "signed integer",
    "FloatField": "double", "DecimalField": "decimal(%(max_digits)s, %(decimal_places)s)",
    "CharField": "char", "TextField": "char", "EmailField": "char", "SlugField": "char", "URLField": "char",
    "DateField": "date", "DateTimeField": "datetime(6)", "TimeField": "time(6)", "UUIDField": "char(32)",
    "JSONField": "json", "BinaryField": "binary",
}
_TEXT_TYPES = ("CharField", "EmailField", "SlugField", "URLField")


class Cast(Func):
    """``Cast(expression, output_field)``: the value converted to that field's database type."""

    function = "CAST"
    template = "%(function)s(%(expressions)s AS %(db_type)s)"

    def __init__(self, expression, output_field):
        super(Cast, self).__init__(expression, output_field=output_field)

    def _db_type(self, connection):
        field = self.output_field
        internal = field.get_internal_type()
        if connection.vendor == "mysql":
            return _MYSQL_CAST_TYPES.get(internal, "char") % field.__dict__
        if internal in _TEXT_TYPES and not getattr(field, "max_length", None):
            return "text" if connection.vendor in ("sqlite", "postgresql") else "VARCHAR"
        if internal in ("AutoField", "BigAutoField", "SmallAutoField"):
            return "integer" if internal != "BigAutoField" else "bigint"
        db_type = field.cast_db_type(connection) if hasattr(field, "cast_db_type") else field.db_type(connection)
        return db_type

    def as_sql(self, compiler, connection, **extra_context):
        extra_context.setdefault("db_type", self._db_type(connection))
        return super(Cast, self).as_sql(compiler, connection, **extra_context)

    def as_postgresql(self, compiler, connection):
        # CAST(value AS varchar(n)) would cut the text silently, as Django's cast does too.
        return self.as_sql(compiler, connection)


class _Extreme(Func):
    """At least two arguments; SQLite's scalar MAX()/MIN() stand for GREATEST/LEAST."""

    sqlite_function = None

    def __init__(self, *expressions, **extra):
        if len(expressions) < 2:
            raise ValueError("%s must take at least two expressions" % type(self).__name__)
        super(_Extreme, self).__init__(*expressions, **extra)

    def as_sqlite(self, compiler, connection):
        return self.as_sql(compiler, connection, function=self.sqlite_function)


class Greatest(_Extreme):
    """The largest argument. NULL handling is the database's: PostgreSQL ignores NULLs; SQLite,
    MySQL/MariaDB and H2 give NULL if any argument is NULL."""

    function = "GREATEST"
    sqlite_function = "MAX"


class Least(_Extreme):
    """The smallest argument (NULLs as for Greatest)."""

    function = "LEAST"
    sqlite_function = "MIN"


class NullIf(Func):
    """NULL when both arguments are equal, else the first."""

    function = "NULLIF"
    arity = 2


__all__ = ["Cast", "Coalesce", "Greatest", "Least", "NullIf"]
