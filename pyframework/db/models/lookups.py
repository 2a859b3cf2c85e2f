"""Lookups (``field__icontains=value``) and transforms (``date__year``).

A lookup compiles to ``<lhs> <operator> <rhs>`` where the operator template comes
from ``connection.operators`` so each backend decides its own SQL, and the value
always travels as a parameter.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import EmptyResultSet
from pyframework.db.models.expressions import Func, _fields
from pyframework.db.models.query_utils import RegisterLookupMixin


class Lookup(object):
    lookup_name = None
    prepare_rhs = True
    can_use_none_as_rhs = False
    contains_aggregate = False

    def __init__(self, lhs, rhs):
        self.lhs, self.rhs = lhs, rhs
        self.rhs = self.get_prep_lookup()

    def __repr__(self):
        return "%s(%r, %r)" % (self.__class__.__name__, self.lhs, self.rhs)

    @property
    def output_field(self):
        return self.lhs.output_field

    def get_prep_lookup(self):
        if hasattr(self.rhs, "resolve_expression"):
            return self.rhs
        if self.prepare_rhs:
            field = self.lhs._output_field_or_none
            if field is not None and hasattr(field, "get_prep_value"):
                return field.get_prep_value(self.rhs)
        return self.rhs

    def get_db_prep_lookup(self, value, connection):
        field = self.lhs._output_field_or_none
        if field is not None and self.prepare_rhs:
            value = field.get_db_prep_value(value, connection, prepared=True)
        return "%s", [value]

    def process_lhs(self, compiler, connection, lhs=None):
        lhs = self.lhs if lhs is None else lhs
        return compiler.compile(lhs)

    def process_rhs(self, compiler, connection):
        value = self.rhs
        if hasattr(value, "as_sql"):
            sql, params = compiler.compile(value)
            if getattr(value, "query", None) is not None and not sql.startswith("("):
                sql = "(%s)" % sql
            return sql, params
        return self.get_db_prep_lookup(value, connection)

    def rhs_is_direct_value(self):
        return not hasattr(self.rhs, "as_sql")

    def get_source_expressions(self):
        if self.rhs_is_direct_value():
            return [self.lhs]
        return [self.lhs, self.rhs]

    def relabeled_clone(self, change_map):
        clone = object.__new__(self.__class__)
        clone.__dict__.update(self.__dict__)
        clone.lhs = self.lhs.relabeled_clone(change_map)
        if hasattr(self.rhs, "relabeled_clone"):
            clone.rhs = self.rhs.relabeled_clone(change_map)
        return clone

    def resolve_outer(self, resolve):
        """Replace outer references on both sides with ``resolve(expr)``."""
        clone = object.__new__(self.__class__)
        clone.__dict__.update(self.__dict__)
        clone.lhs, clone.rhs = resolve(self.lhs), resolve(self.rhs)
        return clone

    def get_group_by_cols(self):
        cols = self.lhs.get_group_by_cols()
        if hasattr(self.rhs, "get_group_by_cols"):
            cols.extend(self.rhs.get_group_by_cols())
        return cols


class BuiltinLookup(Lookup):
    """A lookup whose SQL is ``connection.operators[lookup_name]`` applied to the rhs."""

    def process_lhs(self, compiler, connection, lhs=None):
        sql, params = super(BuiltinLookup, self).process_lhs(compiler, connection, lhs)
        field = self.lhs._output_field_or_none
        internal_type = field.get_internal_type() if field is not None else None
        cast = connection.ops.lookup_cast(self.lookup_name, internal_type)
        return cast % sql, params

    def get_rhs_op(self, connection, rhs_sql):
        return connection.operators[self.lookup_name] % rhs_sql

    def as_sql(self, compiler, connection):
        lhs_sql, params = self.process_lhs(compiler, connection)
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        return "%s %s" % (lhs_sql, self.get_rhs_op(connection, rhs_sql)), params + list(rhs_params)


class Exact(BuiltinLookup):
    lookup_name = "exact"

    def as_sql(self, compiler, connection):
        if self.rhs is None:
            return IsNull(self.lhs, True).as_sql(compiler, connection)
        return super(Exact, self).as_sql(compiler, connection)


class IExact(BuiltinLookup):
    lookup_name = "iexact"
    prepare_rhs = False

    def process_rhs(self, compiler, connection):
        sql, params = super(IExact, self).process_rhs(compiler, connection)
        if self.rhs_is_direct_value():
            params = [connection.ops.prep_for_like_query(params[0])]
        return sql, params


class GreaterThan(BuiltinLookup):
    lookup_name = "gt"


class GreaterThanOrEqual(BuiltinLookup):
    lookup_name = "gte"


class LessThan(BuiltinLookup):
    lookup_name = "lt"


class LessThanOrEqual(BuiltinLookup):
    lookup_name = "lte"


class PatternLookup(BuiltinLookup):
    """LIKE lookups: the value's ``%``, ``_`` and ``\\`` are escaped, then wrapped."""

    prepare_rhs = False
    pattern = "%%%s%%"

    def process_rhs(self, compiler, connection):
        if not self.rhs_is_direct_value():
            sql, params = super(PatternLookup, self).process_rhs(compiler, connection)
            return connection.pattern_ops[self.lookup_name].format(sql), params
        value = self.rhs
        if not isinstance(value, type("")):
            value = "%s" % (value,)
        return "%s", [self.pattern % connection.ops.prep_for_like_query(value)]

    def get_rhs_op(self, connection, rhs_sql):
        if rhs_sql != "%s":
            return rhs_sql
        return super(PatternLookup, self).get_rhs_op(connection, rhs_sql)


class Contains(PatternLookup):
    lookup_name = "contains"


class IContains(Contains):
    lookup_name = "icontains"


class StartsWith(PatternLookup):
    lookup_name = "startswith"
    pattern = "%s%%"


class IStartsWith(StartsWith):
    lookup_name = "istartswith"


class EndsWith(PatternLookup):
    lookup_name = "endswith"
    pattern = "%%%s"


class IEndsWith(EndsWith):
    lookup_name = "iendswith"


class In(BuiltinLookup):
    """``IN (%s, %s, ...)`` for a list, ``IN (SELECT ...)`` for a queryset."""

    lookup_name = "in"

    def get_prep_lookup(self):
        if hasattr(self.rhs, "resolve_expression") or hasattr(self.rhs, "query"):
            return self.rhs
        field = self.lhs._output_field_or_none
        values = []
        for value in self.rhs:
            if value is None:
                continue  # NULL never matches IN, and an empty list matches nothing.
            if field is not None:
                value = field.get_prep_value(value)
            if value not in values:
                values.append(value)
        return values

    def process_rhs(self, compiler, connection):
        if not self.rhs_is_direct_value():
            return super(In, self).process_rhs(compiler, connection)
        if not self.rhs:
            raise EmptyResultSet
        field = self.lhs._output_field_or_none
        if field is not None:
            params = [field.get_db_prep_value(value, connection, prepared=True) for value in self.rhs]
        else:
            params = list(self.rhs)
        return "(%s)" % ", ".join(["%s"] * len(params)), params

    def get_rhs_op(self, connection, rhs_sql):
        return "IN %s" % rhs_sql


class Range(BuiltinLookup):
    lookup_name = "range"

    def get_prep_lookup(self):
        field = self.lhs._output_field_or_none
        low, high = self.rhs
        if field is not None:
            low, high = field.get_prep_value(low), field.get_prep_value(high)
        return [low, high]

    def process_rhs(self, compiler, connection):
        field = self.lhs._output_field_or_none
        params = self.rhs
        if field is not None:
            params = [field.get_db_prep_value(value, connection, prepared=True) for value in params]
        return "%s AND %s", params

    def get_rhs_op(self, connection, rhs_sql):
        return "BETWEEN %s" % rhs_sql


class IsNull(BuiltinLookup):
    lookup_name = "isnull"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        if not isinstance(self.rhs, bool):
            raise ValueError("The QuerySet value for an isnull lookup must be True or False.")
        sql, params = compiler.compile(self.lhs)
        return ("%s IS NULL" if self.rhs else "%s IS NOT NULL") % sql, params


class Regex(BuiltinLookup):
    lookup_name = "regex"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        if self.lookup_name in connection.operators:
            return super(Regex, self).as_sql(compiler, connection)
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        template = connection.ops.regex_lookup(self.lookup_name)
        return template % (lhs_sql, rhs_sql), lhs_params + rhs_params

    def process_lhs(self, compiler, connection, lhs=None):
        return compiler.compile(self.lhs if lhs is None else lhs)


class IRegex(Regex):
    lookup_name = "iregex"


class Transform(RegisterLookupMixin, Func):
    """A function applied to the lhs that further lookups can follow: ``pub_date__year__gte``."""

    arity = 1
    lookup_name = None

    @property
    def lhs(self):
        return self.get_source_expressions()[0]


class DatePart(Transform):
    """Extracts a date part via ``connection.ops.date_extract_sql``."""

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.lhs)
        field = self.lhs._output_field_or_none
        if field is not None and field.get_internal_type() == "DateTimeField":
            sql, params = connection.ops.datetime_extract_sql(self.lookup_name, sql, tuple(params), None)
        else:
            sql, params = connection.ops.date_extract_sql(self.lookup_name, sql, tuple(params))
        return sql, list(params)

    def _resolve_output_field(self):
        return _fields().IntegerField()


class Year(DatePart):
    lookup_name = "year"


class Month(DatePart):
    lookup_name = "month"


class Day(DatePart):
    lookup_name = "day"


class WeekDay(DatePart):
    lookup_name = "week_day"


class Hour(DatePart):
    lookup_name = "hour"


class Minute(DatePart):
    lookup_name = "minute"


class Second(DatePart):
    lookup_name = "second"


_DEFAULT_LOOKUPS = dict((cls.lookup_name, cls) for cls in (
    Exact, IExact, GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual, Contains, IContains,
    StartsWith, IStartsWith, EndsWith, IEndsWith, In, Range, IsNull, Regex, IRegex))
_DEFAULT_TRANSFORMS = dict((cls.lookup_name, cls) for cls in (Year, Month, Day, WeekDay, Hour, Minute, Second))


def default_lookup(name):
    return _DEFAULT_LOOKUPS.get(name)


def default_transform(name):
    return _DEFAULT_TRANSFORMS.get(name)
