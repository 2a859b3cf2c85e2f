"""SQL expressions: F() references, literal values, functions, arithmetic and ordering.

Every expression compiles through ``as_sql(compiler, connection)`` to ``(sql, params)``
with ``%s`` placeholders; values are always parameters, never part of the SQL text.
"""
from __future__ import absolute_import, unicode_literals

import copy

from pyframework.core.exceptions import EmptyResultSet, FieldError
from pyframework.db.models.query_utils import Q
from pyframework.utils.compat import string_types


_fields_module = []


def _fields():
    # The field classes import the query layer, so they are looked up on first use.
    if not _fields_module:
        from pyframework.db.models import fields
        _fields_module.append(fields)
    return _fields_module[0]


class Combinable(object):
    """Arithmetic operators that build ``CombinedExpression`` trees."""

    ADD = "+"
    SUB = "-"
    MUL = "*"
    DIV = "/"
    MOD = "%%"
    POW = "^"

    def _combine(self, other, connector, reversed_):
        if not hasattr(other, "resolve_expression"):
            other = Value(other)
        if reversed_:
            return CombinedExpression(other, connector, self)
        return CombinedExpression(self, connector, other)

    def __neg__(self):
        return self._combine(-1, self.MUL, False)

    def __add__(self, other):
        return self._combine(other, self.ADD, False)

    def __sub__(self, other):
        return self._combine(other, self.SUB, False)

    def __mul__(self, other):
        return self._combine(other, self.MUL, False)

    def __truediv__(self, other):
        return self._combine(other, self.DIV, False)

    __div__ = __truediv__

    def __mod__(self, other):
        return self._combine(other, self.MOD, False)

    def __pow__(self, other):
        return self._combine(other, self.POW, False)

    def __radd__(self, other):
        return self._combine(other, self.ADD, True)

    def __rsub__(self, other):
        return self._combine(other, self.SUB, True)

    def __rmul__(self, other):
        return self._combine(other, self.MUL, True)

    def __rtruediv__(self, other):
        return self._combine(other, self.DIV, True)

    __rdiv__ = __rtruediv__


class BaseExpression(object):
    """What every compiled expression offers the compiler."""

    contains_aggregate = False
    contains_column_references = False
    is_summary = False
    filterable = True
    _output_field = None

    def __init__(self, output_field=None):
        if output_field is not None:
            self._output_field = output_field

    def get_source_expressions(self):
        return []

    def set_source_expressions(self, exprs):
        assert not exprs

    @property
    def output_field(self):
        field = self._resolve_output_field()
        if field is None:
            raise FieldError("Cannot resolve the type of %r; set output_field." % (self,))
        return field

    def _resolve_output_field(self):
        if self._output_field is not None:
            return self._output_field
        for source in self.get_source_expressions():
            if source is not None:
                field = getattr(source, "_output_field_or_none", None)
                if field is not None:
                    return field
        return None

    @property
    def _output_field_or_none(self):
        try:
            return self._resolve_output_field()
        except FieldError:
            return None

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.set_source_expressions([
            expr.resolve_expression(query, allow_joins, reuse, summarize, for_save) if expr is not None else None
            for expr in self.get_source_expressions()
        ])
        return clone

    def copy(self):
        return copy.copy(self)

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.set_source_expressions([
            expr.relabeled_clone(change_map) if expr is not None else None
            for expr in self.get_source_expressions()
        ])
        return clone

    def get_db_converters(self, connection):
        field = self._output_field_or_none
        converter = getattr(field, "from_db_value", None)
        return [converter] if converter is not None else []

    def get_group_by_cols(self):
        if not self.contains_aggregate:
            return [self]
        cols = []
        for source in self.get_source_expressions():
            cols.extend(source.get_group_by_cols())
        return cols

    def get_refs(self):
        return set()

    def asc(self, **kwargs):
        return OrderBy(self, **kwargs)

    def desc(self, **kwargs):
        return OrderBy(self, descending=True, **kwargs)

    def select_format(self, compiler, sql, params):
        return sql, params


class Expression(BaseExpression, Combinable):
    pass


def _contains_aggregate(expressions):
    return any(expr is not None and expr.contains_aggregate for expr in expressions)


class F(Combinable):
    """A reference to a field (or annotation) of the model being queried: ``F("price") * 2``."""

    contains_aggregate = False

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "F(%s)" % self.name

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return query.resolve_ref(self.name, allow_joins, reuse, summarize)

    def asc(self, **kwargs):
        return OrderBy(self, **kwargs)

    def desc(self, **kwargs):
        return OrderBy(self, descending=True, **kwargs)

    def __eq__(self, other):
        return type(self) is type(other) and self.name == other.name

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.name)


class OuterRef(F):
    """A reference to a field of the query that contains the subquery it appears in."""

    def resolve_expression(self, *args, **kwargs):
        return ResolvedOuterRef(self.name)


class ResolvedOuterRef(F):
    """Stays unresolved inside the inner query; the enclosing ``Subquery`` replaces it."""

    contains_aggregate = False

    def as_sql(self, compiler, connection):
        raise FieldError("OuterRef(%r) can only be used inside a Subquery or Exists." % self.name)

    def relabeled_clone(self, change_map):
        return self

    def get_group_by_cols(self):
        return []

    def get_source_expressions(self):
        return []


class Value(Expression):
    """A literal value, always sent as a query parameter."""

    def __init__(self, value, output_field=None):
        super(Value, self).__init__(output_field=output_field)
        self.value = value
        self.for_save = False

    def __repr__(self):
        return "Value(%r)" % (self.value,)

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.for_save = for_save
        return clone

    def as_sql(self, compiler, connection):
        value = self.value
        field = self._output_field
        if field is not None:
            if self.for_save:
                value = field.get_db_prep_save(value, connection=connection)
            else:
                value = field.get_db_prep_value(value, connection=connection)
        if value is None:
            # NULL stays a literal so that ``IS NULL`` style comparisons stay valid.
            return "NULL", []
        return "%s", [value]

    def _resolve_output_field(self):
        if self._output_field is not None:
            return self._output_field
        fields = _fields()
        value = self.value
        if isinstance(value, bool):
            return fields.BooleanField()
        if isinstance(value, int):
            return fields.IntegerField()
        if isinstance(value, float):
            return fields.FloatField()
        if isinstance(value, string_types):
            return fields.CharField()
        return None

    def get_group_by_cols(self):
        return []


class RawSQL(Expression):
    """A piece of SQL with its own parameters: ``RawSQL("price * %s", [2])``."""

    def __init__(self, sql, params, output_field=None):
        super(RawSQL, self).__init__(output_field=output_field)
        self.sql, self.params = sql, list(params)

    def as_sql(self, compiler, connection):
        return "(%s)" % self.sql, list(self.params)


class Star(Expression):
    def as_sql(self, compiler, connection):
        return "*", []


class Col(Expression):
    """One column of one table alias of the query."""

    contains_column_references = True

    def __init__(self, alias, target, output_field=None):
        super(Col, self).__init__(output_field=output_field or target)
        self.alias, self.target = alias, target

    def __repr__(self):
        return "Col(%s, %s)" % (self.alias, getattr(self.target, "column", self.target))

    def as_sql(self, compiler, connection):
        qn = compiler.quote_name_unless_alias
        if self.alias is None:
            return qn(self.target.column), []
        return "%s.%s" % (qn(self.alias), qn(self.target.column)), []

    def relabeled_clone(self, change_map):
        if self.alias not in change_map:
            return self
        return Col(change_map[self.alias], self.target, self._output_field)

    def resolve_expression(self, *args, **kwargs):
        return self

    def get_group_by_cols(self):
        return [self]

    def __eq__(self, other):
        return isinstance(other, Col) and self.alias == other.alias and self.target is other.target

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((self.alias, id(self.target)))


class Ref(Expression):
    """A reference to an expression already selected under ``refs`` (an annotation alias)."""

    def __init__(self, refs, source):
        super(Ref, self).__init__()
        self.refs, self.source = refs, source

    def get_source_expressions(self):
        return [self.source]

    def set_source_expressions(self, exprs):
        self.source, = exprs

    def resolve_expression(self, *args, **kwargs):
        return self

    def as_sql(self, compiler, connection):
        return compiler.quote_name_unless_alias(self.refs), []

    def get_group_by_cols(self):
        return [self]


class Func(Expression):
    """An SQL function call; subclasses set ``function`` or ``template``."""

    function = None
    template = "%(function)s(%(expressions)s)"
    arg_joiner = ", "
    arity = None

    def __init__(self, *expressions, **extra):
        output_field = extra.pop("output_field", None)
        super(Func, self).__init__(output_field=output_field)
        if self.arity is not None and len(expressions) != self.arity:
            raise TypeError("%s takes exactly %d argument(s) (%d given)" % (
                self.__class__.__name__, self.arity, len(expressions)))
        self.source_expressions = [_parse(expr) for expr in expressions]
        self.extra = extra

    def __repr__(self):
        return "%s(%s)" % (self.__class__.__name__, ", ".join(repr(e) for e in self.source_expressions))

    def get_source_expressions(self):
        return self.source_expressions

    def set_source_expressions(self, exprs):
        self.source_expressions = list(exprs)

    @property
    def contains_aggregate(self):
        return _contains_aggregate(self.source_expressions)

    def copy(self):
        clone = copy.copy(self)
        clone.source_expressions = list(self.source_expressions)
        clone.extra = dict(self.extra)
        return clone

    def as_sql(self, compiler, connection, function=None, template=None, **extra_context):
        sql_parts, params = [], []
        for expr in self.source_expressions:
            sql, expr_params = compiler.compile(expr)
            sql_parts.append(sql)
            params.extend(expr_params)
        data = dict(self.extra)
        data.update(extra_context)
        data.setdefault("function", function or self.function)
        data["expressions"] = data["field"] = self.arg_joiner.join(sql_parts)
        return (template or data.get("template") or self.template) % data, params


def _parse(value):
    """Field names become F() references, other plain values become Value()."""
    if hasattr(value, "resolve_expression"):
        return value
    if isinstance(value, string_types):
        return F(value)
    return Value(value)


class CombinedExpression(Expression):
    """``lhs <connector> rhs``, e.g. ``F("price") * 2``."""

    def __init__(self, lhs, connector, rhs, output_field=None):
        super(CombinedExpression, self).__init__(output_field=output_field)
        self.lhs, self.connector, self.rhs = lhs, connector, rhs

    def __repr__(self):
        return "<%r %s %r>" % (self.lhs, self.connector, self.rhs)

    def get_source_expressions(self):
        return [self.lhs, self.rhs]

    def set_source_expressions(self, exprs):
        self.lhs, self.rhs = exprs

    @property
    def contains_aggregate(self):
        return _contains_aggregate([self.lhs, self.rhs])

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = compiler.compile(self.lhs)
        rhs_sql, rhs_params = compiler.compile(self.rhs)
        combine = getattr(connection.ops, "combine_expression", None)
        if combine is not None:
            sql = combine(self.connector, [lhs_sql, rhs_sql])
        else:
            sql = (" %s " % self.connector).join([lhs_sql, rhs_sql])
        return "(%s)" % sql, lhs_params + rhs_params


class WrapsOneExpression(object):
    """For expressions around exactly one inner ``self.expression``."""

    def get_source_expressions(self):
        return [self.expression]

    def set_source_expressions(self, exprs):
        self.expression, = exprs

    @property
    def contains_aggregate(self):
        return self.expression.contains_aggregate


class ExpressionWrapper(WrapsOneExpression, Expression):
    """Gives an expression an explicit ``output_field``."""

    def __init__(self, expression, output_field):
        super(ExpressionWrapper, self).__init__(output_field=output_field)
        self.expression = expression

    def as_sql(self, compiler, connection):
        return compiler.compile(self.expression)


class DatabaseDefault(WrapsOneExpression, Expression):
    """The value of a field with ``db_default`` on an instance not saved yet: the INSERT stores
    the field's ``db_default`` (compiled in the statement, so Now() is the insert's time), and
    the saved instance reads the stored value back."""

    def __init__(self, expression, output_field=None):
        super(DatabaseDefault, self).__init__(output_field=output_field)
        self.expression = expression

    def __repr__(self):
        return "DatabaseDefault(%r)" % (self.expression,)

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.expression = self.expression.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return clone

    def as_sql(self, compiler, connection):
        return compiler.compile(self.expression)


class OrderBy(WrapsOneExpression, BaseExpression):
    """``expr ASC|DESC`` in ORDER BY, optionally with NULLS FIRST/LAST."""

    def __init__(self, expression, descending=False, nulls_first=False, nulls_last=False):
        super(OrderBy, self).__init__()
        self.expression, self.descending = expression, descending
        self.nulls_first, self.nulls_last = nulls_first, nulls_last

    def __repr__(self):
        return "OrderBy(%r, descending=%r)" % (self.expression, self.descending)

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.expression)
        direction = "DESC" if self.descending else "ASC"
        if self.nulls_first or self.nulls_last:
            # Portable emulation: sort on "is null" first, which every backend understands.
            nulls = "0" if self.nulls_first else "1"
            other = "1" if self.nulls_first else "0"
            return ("CASE WHEN %s IS NULL THEN %s ELSE %s END, %s %s" % (sql, nulls, other, sql, direction),
                    params + params)
        return "%s %s" % (sql, direction), params

    def get_group_by_cols(self):
        return self.expression.get_group_by_cols()

    def reverse_ordering(self):
        clone = self.copy()
        clone.descending = not self.descending
        clone.nulls_first, clone.nulls_last = self.nulls_last, self.nulls_first
        return clone


class Subquery(Expression):
    """A queryset used as a value: ``Subquery(Book.objects.filter(author=OuterRef("pk")).values("title")[:1])``."""

    template = "(%(subquery)s)"
    contains_aggregate = False

    def __init__(self, queryset, output_field=None):
        super(Subquery, self).__init__(output_field=output_field)
        self.query = getattr(queryset, "query", queryset)

    def get_source_expressions(self):
        return []

    def _resolve_output_field(self):
        if self._output_field is not None:
            return self._output_field
        selected = self.query.selected_expressions()
        return selected[0]._output_field_or_none if selected else None

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.query = self.query.as_subquery_of(query)
        return clone

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.query = self.query.relabeled_clone(change_map)
        return clone

    def as_sql(self, compiler, connection):
        sql, params = self.query.get_compiler(connection=connection).as_sql(subquery=True)
        return self.template % {"subquery": sql}, params

    def get_group_by_cols(self):
        return []


class Exists(Subquery):
    """``EXISTS(subquery)``, optionally negated with ``~Exists(...)``."""

    template = "EXISTS(%(subquery)s)"

    def __init__(self, queryset, negated=False, output_field=None):
        super(Exists, self).__init__(queryset, output_field=output_field)
        self.negated = negated
        self.query = self.query.exists_query()

    def __invert__(self):
        clone = self.copy()
        clone.negated = not self.negated
        return clone

    conditional = True

    def _resolve_output_field(self):
        return self._output_field or _fields().BooleanField()

    def as_sql(self, compiler, connection):
        sql, params = super(Exists, self).as_sql(compiler, connection)
        if self.negated:
            sql = "NOT %s" % sql
        return sql, params

    def select_format(self, compiler, sql, params):
        # Some databases cannot select a bare boolean condition.
        return "CASE WHEN %s THEN 1 ELSE 0 END" % sql, params


class When(Expression):
    """One branch of a ``Case``: ``When(Q(kind="a") | Q(qty__gt=5), then=Value(1))``.

    The condition is a ``Q``, a boolean expression (``Exists``...) or lookups as keyword
    arguments (``When(kind="a", then="qty")``); ``then`` names a field or is an expression.
    """

    template = "WHEN %(condition)s THEN %(result)s"

    def __init__(self, condition=None, then=None, **lookups):
        if lookups:
            if condition is None:
                condition, lookups = Q(**lookups), None
            elif getattr(condition, "conditional", False):
                condition, lookups = Q(condition, **lookups), None
        if condition is None or not getattr(condition, "conditional", False) or lookups:
            raise TypeError("When() supports a Q object, a boolean expression, or lookups as a condition.")
        if isinstance(condition, Q) and not condition:
            raise ValueError("An empty Q() can't be used as a When() condition.")
        super(When, self).__init__(output_field=None)
        self.condition = condition
        self.result = _parse(then)

    def __repr__(self):
        return "<When: %r THEN %r>" % (self.condition, self.result)

    def get_source_expressions(self):
        return [self.condition, self.result]

    def set_source_expressions(self, exprs):
        self.condition, self.result = exprs

    @property
    def contains_aggregate(self):
        return _contains_aggregate([self.result]) or bool(getattr(self.condition, "contains_aggregate", False))

    def _resolve_output_field(self):
        return self.result._output_field_or_none

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        if hasattr(clone.condition, "resolve_expression"):
            clone.condition = clone.condition.resolve_expression(query, allow_joins, reuse, summarize, False)
        clone.result = clone.result.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return clone

    def as_sql(self, compiler, connection, **extra_context):
        """Raises EmptyResultSet when the condition never holds; an always-true
        condition compiles to ``''`` (the caller turns it into the ELSE branch)."""
        condition_sql, condition_params = compiler.compile(self.condition)
        result_sql, result_params = compiler.compile(self.result)
        if not condition_sql:
            return "", result_params
        return self.template % {"condition": condition_sql, "result": result_sql}, condition_params + result_params

    def get_group_by_cols(self):
        cols = []
        for source in self.get_source_expressions():
            cols.extend(source.get_group_by_cols())
        return cols


class Case(Expression):
    """``CASE WHEN ... THEN ... [ELSE default] END``: the first ``When`` whose condition holds
    gives the value, else ``default`` (NULL when omitted)::

        Client.objects.annotate(discount=Case(
            When(account_type="G", then=Value("5%")),
            When(account_type="P", then=Value("10%")),
            default=Value("0%")))
    """

    template = "CASE %(cases)s ELSE %(default)s END"
    case_joiner = " "

    def __init__(self, *cases, **extra):
        default = extra.pop("default", None)
        output_field = extra.pop("output_field", None)
        if extra:
            raise TypeError("Case() got unexpected keyword arguments: %s" % ", ".join(sorted(extra)))
        if not all(isinstance(case, When) for case in cases):
            raise TypeError("Positional arguments must all be When objects.")
        super(Case, self).__init__(output_field=output_field)
        self.cases = list(cases)
        self.default = _parse(default)

    def __repr__(self):
        return "<Case: %s, ELSE %r>" % (", ".join(repr(c) for c in self.cases), self.default)

    def get_source_expressions(self):
        return self.cases + [self.default]

    def set_source_expressions(self, exprs):
        self.cases, self.default = list(exprs[:-1]), exprs[-1]

    def copy(self):
        clone = copy.copy(self)
        clone.cases = list(self.cases)
        return clone

    @property
    def contains_aggregate(self):
        return _contains_aggregate(self.get_source_expressions())

    def as_sql(self, compiler, connection, template=None, **extra_context):
        case_parts, params = [], []
        default_sql, default_params = compiler.compile(self.default)
        for case in self.cases:
            try:
                case_sql, case_params = compiler.compile(case)
            except EmptyResultSet:
                continue
            if not case_sql:
                # Always true: this branch is the answer for every row that gets here.
                default_sql, default_params = compiler.compile(case.result)
                break
            case_parts.append(case_sql)
            params.extend(case_params)
        if not case_parts:
            return default_sql, default_params
        sql = (template or self.template) % {"cases": self.case_joiner.join(case_parts), "default": default_sql}
        return sql, params + default_params

    def get_group_by_cols(self):
        if not self.cases:
            return self.default.get_group_by_cols()
        return super(Case, self).get_group_by_cols()
