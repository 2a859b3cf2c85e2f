"""Aggregate functions for ``annotate()`` and ``aggregate()``: Count, Sum, Avg, Min, Max."""
from __future__ import absolute_import, unicode_literals

import decimal

from pyframework.db.models.expressions import Func, Star, _fields
from pyframework.db.models.query_utils import FieldError


class Aggregate(Func):
    template = "%(function)s(%(distinct)s%(expressions)s)"
    contains_aggregate = True
    allow_distinct = True
    empty_result = None

    def __init__(self, *expressions, **extra):
        self.distinct = extra.pop("distinct", False)
        if self.distinct and not self.allow_distinct:
            raise TypeError("%s does not allow distinct." % self.__class__.__name__)
        super(Aggregate, self).__init__(*expressions, **extra)

    @property
    def default_alias(self):
        sources = self.get_source_expressions()
        name = getattr(sources[0], "name", None) if len(sources) == 1 else None
        if name is None:
            raise TypeError("Complex aggregates require an alias.")
        return "%s__%s" % (name, self.name.lower())

    @property
    def name(self):
        return self.__class__.__name__

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = super(Aggregate, self).resolve_expression(query, allow_joins, reuse, summarize)
        if not summarize:
            for expr in resolved.get_source_expressions():
                if expr.contains_aggregate:
                    raise FieldError("Cannot compute %s(%r): it is an aggregate." % (self.name, expr))
        return resolved

    def as_sql(self, compiler, connection, **extra_context):
        extra_context["distinct"] = "DISTINCT " if self.distinct else ""
        return super(Aggregate, self).as_sql(compiler, connection, **extra_context)

    def get_group_by_cols(self):
        return []

    def get_db_converters(self, connection):
        return [self.convert_value] + super(Aggregate, self).get_db_converters(connection)

    def convert_value(self, value, expression, connection):
        return value


class Count(Aggregate):
    function = "COUNT"
    empty_result = 0

    def __init__(self, expression="*", **extra):
        if expression == "*":
            expression = Star()
        super(Count, self).__init__(expression, **extra)

    def _resolve_output_field(self):
        return _fields().IntegerField()

    def convert_value(self, value, expression, connection):
        return 0 if value is None else int(value)


class Sum(Aggregate):
    function = "SUM"

    def convert_value(self, value, expression, connection):
        if value is None:
            return None
        internal = self.output_field.get_internal_type()
        if internal in ("IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
                        "AutoField", "BigAutoField"):
            return int(value)
        if internal == "FloatField":
            return float(value)
        if internal == "DecimalField" and not isinstance(value, decimal.Decimal):
            return decimal.Decimal("%s" % value)
        return value


class Avg(Aggregate):
    function = "AVG"

    def _resolve_output_field(self):
        if self._output_field is not None:
            return self._output_field
        source = super(Avg, self)._resolve_output_field()
        if source is not None and source.get_internal_type() == "DecimalField":
            return source
        return _fields().FloatField()

    def convert_value(self, value, expression, connection):
        if value is None:
            return None
        if self.output_field.get_internal_type() == "DecimalField":
            return value if isinstance(value, decimal.Decimal) else decimal.Decimal("%s" % value)
        return float(value)


class Min(Aggregate):
    function = "MIN"
    allow_distinct = False


class Max(Aggregate):
    function = "MAX"
    allow_distinct = False
