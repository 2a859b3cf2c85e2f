"""Aggregate functions for ``annotate()`` and ``aggregate()``: Count, Sum, Avg, Min, Max, StdDev, Variance.

Every aggregate takes ``distinct=``, ``filter=`` (a ``Q`` or boolean expression: only the
rows that match are aggregated) and ``default=`` (the value instead of NULL when no row is
aggregated), as Django's do.
"""
from __future__ import absolute_import, unicode_literals

import decimal

from pyframework.core.exceptions import FieldError
from pyframework.db.utils import NotSupportedError
from pyframework.db.models.expressions import Case, Func, Star, Value, When, _fields
from pyframework.db.models.functions.text import Coalesce
from pyframework.db.models.query_utils import Q


class Aggregate(Func):
    """Base of the aggregate functions.

    ``filter=`` compiles to ``AGG(...) FILTER (WHERE ...)`` where the database has the
    clause (``features.supports_aggregate_filter_clause``) and to
    ``AGG(CASE WHEN ... THEN expr END)`` elsewhere; both give the same answer.
    """

    template = "%(function)s(%(distinct)s%(expressions)s)"
    filter_template = "%s FILTER (WHERE %%(filter)s)"
    contains_aggregate = True
    allow_distinct = True
    empty_result = None

    def __init__(self, *expressions, **extra):
        self.distinct = extra.pop("distinct", False)
        self.filter = extra.pop("filter", None)
        self.default = extra.pop("default", None)
        if self.distinct and not self.allow_distinct:
            raise TypeError("%s does not allow distinct." % self.__class__.__name__)
        if self.default is not None and self.empty_result is not None:
            raise TypeError("%s does not allow default." % self.__class__.__name__)
        if self.filter is not None and not getattr(self.filter, "conditional", False):
            raise TypeError("%s(filter=...) must be a Q object or a boolean expression, not %r." % (
                self.__class__.__name__, self.filter))
        super(Aggregate, self).__init__(*expressions, **extra)

    def get_source_expressions(self):
        sources = super(Aggregate, self).get_source_expressions()
        return sources + [self.filter] if self.filter is not None else sources

    def set_source_expressions(self, exprs):
        exprs = list(exprs)
        if self.filter is not None:
            self.filter = exprs.pop()
        super(Aggregate, self).set_source_expressions(exprs)

    def _resolve_output_field(self):
        if self._output_field is not None:
            return self._output_field
        for source in self.source_expressions:
            field = getattr(source, "_output_field_or_none", None)
            if field is not None:
                return field
        return None

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
        resolved = self.copy()
        resolved.source_expressions = [
            expr.resolve_expression(query, allow_joins, reuse, summarize) for expr in self.source_expressions]
        if self.filter is not None and hasattr(self.filter, "resolve_expression"):
            if isinstance(self.filter, Q):
                # The condition is on the rows the aggregate's own joins bring in: it reuses every join.
                resolved.filter = query.build_where(self.filter, reuse=None)
            else:
                resolved.filter = self.filter.resolve_expression(query, allow_joins, reuse, summarize)
        if not summarize:
            for expr in resolved.source_expressions:
                if expr.contains_aggregate:
                    raise FieldError("Cannot compute %s(%r): it is an aggregate." % (self.name, expr))
        default = resolved.default
        if default is None:
            return resolved
        resolved.default = None
        output_field = resolved._output_field_or_none
        if hasattr(default, "resolve_expression"):
            default = default.resolve_expression(query, allow_joins, reuse, summarize)
        else:
            default = Value(default, output_field)
        coalesce = _Defaulted(resolved, default, output_field=output_field)
        coalesce.is_summary = resolved.is_summary
        return coalesce

    def as_sql(self, compiler, connection, **extra_context):
        extra_context["distinct"] = "DISTINCT " if self.distinct else ""
        if self.filter is not None:
            if connection.features.supports_aggregate_filter_clause:
                filter_sql, filter_params = compiler.compile(self.filter)
                if filter_sql:  # '' is "always true": no clause needed
                    template = self.filter_template % extra_context.get("template", self.template)
                    sql, params = super(Aggregate, self).as_sql(
                        compiler, connection, template=template, filter=filter_sql, **extra_context)
                    return sql, params + filter_params
            else:
                clone = self.copy()
                clone.filter = None
                sources = clone.source_expressions
                clone.source_expressions = [Case(When(self.filter, then=sources[0]))] + sources[1:]
                return super(Aggregate, clone).as_sql(compiler, connection, **extra_context)
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
        if isinstance(expression, Star) and extra.get("filter") is not None:
            raise ValueError("Star cannot be used with filter. Please specify a field.")
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


class _Defaulted(Coalesce):
    """``Coalesce(aggregate, default)``: what ``default=`` turns an aggregate into. It is an
    aggregate itself, so ``aggregate()`` reports the default when no row matched."""

    @property
    def empty_result(self):
        default = self.source_expressions[1]
        return getattr(default, "value", None)

    def get_group_by_cols(self):
        return []

    def get_db_converters(self, connection):
        # The aggregate's own conversion (int for Count/Sum, Decimal for Avg...) applies to the default too.
        return self.source_expressions[0].get_db_converters(connection)


class _Statistic(Aggregate):
    """Standard deviation and variance: population by default, ``sample=True`` for the sample's.
    SQLite has no such aggregate: the stdlib backend registers Python ones (sqlite-jdbc has none)."""

    allow_distinct = False

    def __init__(self, expression, sample=False, **extra):
        self.function = self.functions[bool(sample)]
        super(_Statistic, self).__init__(expression, **extra)

    def _resolve_output_field(self):
        return self._output_field or _fields().FloatField()

    def convert_value(self, value, expression, connection):
        return None if value is None else float(value)

    def as_sqlite(self, compiler, connection):
        if not getattr(connection, "has_python_functions", False):
            raise NotSupportedError("%s needs the stdlib sqlite3 backend on SQLite (sqlite-jdbc has no %s)."
                                    % (self.name, self.function))
        return self.as_sql(compiler, connection)


class StdDev(_Statistic):
    functions = ("STDDEV_POP", "STDDEV_SAMP")

    @property
    def name(self):
        return "StdDev"


class Variance(_Statistic):
    functions = ("VAR_POP", "VAR_SAMP")

    @property
    def name(self):
        return "Variance"
