"""Date and time functions: Extract and its Extract<Part> forms, Trunc and its Trunc<Part> forms,
Now.

Datetimes are stored in UTC (see README), so parts are extracted and values truncated in UTC.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.db.models.expressions import Func, _fields
from pyframework.db.models.lookups import DatePart, Transform


class Extract(DatePart):
    """``Extract(expression, lookup_name)``: one part of a date, time or datetime as an integer
    (``year``, ``iso_year``, ``quarter``, ``month``, ``week``, ``week_day``, ``iso_week_day``,
    ``day``, ``hour``, ``minute``, ``second``)."""

    lookup_name = None

    def __init__(self, expression, lookup_name=None, tzinfo=None, **extra):
        if self.lookup_name is None:
            self.lookup_name = lookup_name
        if self.lookup_name is None:
            raise ValueError("lookup_name must be provided")
        self.tzinfo = tzinfo
        super(Extract, self).__init__(expression, **extra)


def _extract(name, part):
    return type(str(name), (Extract,), {"lookup_name": part, "__doc__": "``Extract(expression, %r)``." % part})


ExtractYear = _extract("ExtractYear", "year")
ExtractIsoYear = _extract("ExtractIsoYear", "iso_year")
ExtractQuarter = _extract("ExtractQuarter", "quarter")
ExtractMonth = _extract("ExtractMonth", "month")
ExtractWeek = _extract("ExtractWeek", "week")
ExtractWeekDay = _extract("ExtractWeekDay", "week_day")
ExtractIsoWeekDay = _extract("ExtractIsoWeekDay", "iso_week_day")
ExtractDay = _extract("ExtractDay", "day")
ExtractHour = _extract("ExtractHour", "hour")
ExtractMinute = _extract("ExtractMinute", "minute")
ExtractSecond = _extract("ExtractSecond", "second")


class Now(Func):
    """The current date and time on the database server, as the project stores datetimes:
    UTC with ``USE_TZ``, the server's local time without."""

    template = "CURRENT_TIMESTAMP"

    def _resolve_output_field(self):
        return _fields().DateTimeField()

    def as_sql(self, compiler, connection, **extra_context):
        return self.template, []

    def as_sqlite(self, compiler, connection):
        modifier = "" if settings.USE_TZ else ", 'localtime'"
        return "STRFTIME('%%%%Y-%%%%m-%%%%d %%%%H:%%%%M:%%%%f', 'now'%s)" % modifier, []

    def as_postgresql(self, compiler, connection):
        if settings.USE_TZ:
            return "(STATEMENT_TIMESTAMP() AT TIME ZONE 'UTC')", []
        return "LOCALTIMESTAMP", []

    def as_h2(self, compiler, connection):
        if settings.USE_TZ:
            return "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)", []
        return "LOCALTIMESTAMP", []

    def as_mysql(self, compiler, connection):
        return ("UTC_TIMESTAMP(6)" if settings.USE_TZ else "CURRENT_TIMESTAMP(6)"), []

    def get_group_by_cols(self):
        return []


class Trunc(Transform):
    """``Trunc(expression, kind, output_field=None)``: a date or datetime cut down to the start of
    its ``year``, ``quarter``, ``month``, ``week`` (Monday), ``day``, ``hour``, ``minute`` or
    ``second``. The result has the expression's type unless ``output_field`` says otherwise."""

    kind = None

    def __init__(self, expression, kind=None, output_field=None, tzinfo=None, **extra):
        if self.kind is None:
            self.kind = kind
        if self.kind not in ("year", "quarter", "month", "week", "day", "hour", "minute", "second"):
            raise ValueError("Trunc() kind must be one of year, quarter, month, week, day, hour, minute, "
                             "second, not %r." % (self.kind,))
        self.tzinfo = tzinfo
        super(Trunc, self).__init__(expression, output_field=output_field, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        source = self.lhs._output_field_or_none
        internal = source.get_internal_type() if source is not None else "DateTimeField"
        output = self.output_field.get_internal_type()
        sql, params = connection.ops.date_trunc_sql(self.kind, sql, tuple(params), None,
                                                    as_date=(output == "DateField" or internal == "DateField"))
        return sql, list(params)


def _trunc(name, kind):
    return type(str(name), (Trunc,), {"kind": kind, "__doc__": "``Trunc(expression, %r)``." % kind})


TruncYear = _trunc("TruncYear", "year")
TruncQuarter = _trunc("TruncQuarter", "quarter")
TruncMonth = _trunc("TruncMonth", "month")
TruncWeek = _trunc("TruncWeek", "week")
TruncDay = _trunc("TruncDay", "day")
TruncHour = _trunc("TruncHour", "hour")
TruncMinute = _trunc("TruncMinute", "minute")
TruncSecond = _trunc("TruncSecond", "second")


class _DatetimePart(Transform):
    """A date or time taken out of a datetime by ``connection.ops.<cast_sql>``."""

    cast_sql = None
    output_type = None

    def _resolve_output_field(self):
        return getattr(_fields(), self.output_type)()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        sql, params = getattr(connection.ops, self.cast_sql)(sql, tuple(params), None)
        return sql, list(params)


class TruncDate(_DatetimePart):
    """The date of a datetime."""

    lookup_name = "date"
    cast_sql = "datetime_cast_date_sql"
    output_type = "DateField"


class TruncTime(_DatetimePart):
    """The time of a datetime."""

    lookup_name = "time"
    cast_sql = "datetime_cast_time_sql"
    output_type = "TimeField"


__all__ = ["Extract", "ExtractDay", "ExtractHour", "ExtractIsoWeekDay", "ExtractIsoYear", "ExtractMinute",
           "ExtractMonth", "ExtractQuarter", "ExtractSecond", "ExtractWeek", "ExtractWeekDay", "ExtractYear",
           "Now", "Trunc", "TruncDate", "TruncDay", "TruncHour", "TruncMinute", "TruncMonth", "TruncQuarter",
           "TruncSecond", "TruncTime", "TruncWeek", "TruncYear"]
