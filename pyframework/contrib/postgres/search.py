"""Full-text search on PostgreSQL: ``SearchVector``, ``SearchQuery``, ``SearchRank``, the ``search`` lookup.

As in Django::

    Post.objects.filter(body__search="cheese")                       # with the app installed
    vector = SearchVector("title", weight="A") + SearchVector("body", weight="B")
    query = SearchQuery("cheese & !ham", search_type="raw", config="english")
    Post.objects.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0).order_by("-rank")

A search text and a ``config`` always travel as query parameters.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.postgres.utils import require_postgresql
from pyframework.db.models import Field, FloatField
from pyframework.db.models.expressions import Func, Value
from pyframework.db.models.lookups import Lookup
from pyframework.utils.compat import string_types

SEARCH_TYPES = {"plain": "plainto_tsquery", "phrase": "phraseto_tsquery", "raw": "to_tsquery",
                "websearch": "websearch_to_tsquery"}


class SearchVectorField(Field):
    """A ``tsvector`` column (kept up to date by the application or a trigger)."""

    def db_type(self, connection):
        require_postgresql(connection, "SearchVectorField")
        return "tsvector"

    def get_internal_type(self):
        return "SearchVectorField"


class SearchQueryField(Field):
    """The output type of SearchQuery (``tsquery``)."""

    def db_type(self, connection):
        require_postgresql(connection, "SearchQueryField")
        return "tsquery"

    def get_internal_type(self):
        return "SearchQueryField"


def _config_sql(compiler, config):
    """``%s::regconfig`` with the name as a parameter, or the compiled expression."""
    if config is None:
        return None, []
    if hasattr(config, "as_sql"):
        sql, params = compiler.compile(config)
        return "%s::regconfig" % sql, list(params)
    return "%s::regconfig", [config]


class SearchVector(Func):
    """``to_tsvector([config,] coalesce(a, '') || ' ' || coalesce(b, '') ...)``, optionally weighted."""

    function = "to_tsvector"

    def __init__(self, *expressions, **extra):
        self.config = extra.pop("config", None)
        self.weight = extra.pop("weight", None)
        if self.weight is not None and self.weight not in ("A", "B", "C", "D"):
            raise ValueError("SearchVector weight must be 'A', 'B', 'C' or 'D', not %r." % (self.weight,))
        extra.setdefault("output_field", SearchVectorField())
        super(SearchVector, self).__init__(*expressions, **extra)

    def as_sql(self, compiler, connection, function=None, template=None, **extra_context):
        require_postgresql(connection, "SearchVector")
        parts, params = [], []
        for expression in self.source_expressions:
            sql, expression_params = compiler.compile(expression)
            parts.append("COALESCE(CAST(%s AS text), '')" % sql)
            params.extend(expression_params)
        text = " || ' ' || ".join(parts)
        config, config_params = _config_sql(compiler, self.config)
        sql = "to_tsvector(%s, %s)" % (config, text) if config else "to_tsvector(%s)" % text
        params = config_params + params
        if self.weight is not None:
            sql = "setweight(%s, '%s')" % (sql, self.weight)
        return sql, params

    def __add__(self, other):
        return CombinedSearchVector(self, other)


class CombinedSearchVector(Func):
    """``vector || vector``."""

    template = "(%(expressions)s)"
    arg_joiner = " || "

    def __init__(self, *expressions, **extra):
        extra.setdefault("output_field", SearchVectorField())
        super(CombinedSearchVector, self).__init__(*expressions, **extra)

    def __add__(self, other):
        return CombinedSearchVector(self, other)


class _SearchQueryCombinable(object):
    def __and__(self, other):
        return CombinedSearchQuery(self, other, connector="&&")

    def __or__(self, other):
        return CombinedSearchQuery(self, other, connector="||")

    def __invert__(self):
        return InvertedSearchQuery(self)


class SearchQuery(_SearchQueryCombinable, Func):
    """``SearchQuery(value, config=None, search_type="plain")``: plain, phrase, raw or websearch."""

    def __init__(self, value, config=None, search_type="plain", invert=False, **extra):
        if search_type not in SEARCH_TYPES:
            raise ValueError("Unknown search_type %r: choose one of %s." % (search_type, ", ".join(sorted(SEARCH_TYPES))))
        self.config, self.search_type = config, search_type
        extra.setdefault("output_field", SearchQueryField())
        if not hasattr(value, "resolve_expression"):
            value = Value(value)  # the text to find, never a column name
        super(SearchQuery, self).__init__(value, **extra)

    def as_sql(self, compiler, connection, function=None, template=None, **extra_context):
        require_postgresql(connection, "SearchQuery")
        value, params = compiler.compile(self.source_expressions[0])
        config, config_params = _config_sql(compiler, self.config)
        function = SEARCH_TYPES[self.search_type]
        if config:
            return "%s(%s, %s)" % (function, config, value), config_params + list(params)
        return "%s(%s)" % (function, value), list(params)


class CombinedSearchQuery(_SearchQueryCombinable, Func):
    def __init__(self, lhs, rhs, connector, **extra):
        extra.setdefault("output_field", SearchQueryField())
        super(CombinedSearchQuery, self).__init__(lhs, rhs, **extra)
        self.arg_joiner = " %s " % connector
        self.template = "(%(expressions)s)"


class InvertedSearchQuery(_SearchQueryCombinable, Func):
    template = "(!!%(expressions)s)"

    def __init__(self, query, **extra):
        extra.setdefault("output_field", SearchQueryField())
        super(InvertedSearchQuery, self).__init__(query, **extra)


class SearchRank(Func):
    """``ts_rank([weights,] vector, query[, normalization])`` (``cover_density=True``: ts_rank_cd)."""

    def __init__(self, vector, query, weights=None, normalization=None, cover_density=False, **extra):
        if not hasattr(vector, "resolve_expression") or isinstance(vector, string_types):
            vector = SearchVector(vector)
        if not hasattr(query, "resolve_expression"):
            query = SearchQuery(query)
        self.weights, self.normalization, self.cover_density = weights, normalization, cover_density
        extra.setdefault("output_field", FloatField())
        super(SearchRank, self).__init__(vector, query, **extra)

    def as_sql(self, compiler, connection, function=None, template=None, **extra_context):
        require_postgresql(connection, "SearchRank")
        params, arguments = [], []
        if self.weights is not None:
            arguments.append("CAST(%s AS float4[])")
            params.append("{%s}" % ",".join("%g" % float(weight) for weight in self.weights))
        for expression in self.source_expressions:
            sql, expression_params = compiler.compile(expression)
            arguments.append(sql)
            params.extend(expression_params)
        if self.normalization is not None:
            arguments.append("%s")
            params.append(int(self.normalization))
        return "%s(%s)" % ("ts_rank_cd" if self.cover_density else "ts_rank", ", ".join(arguments)), params


class SearchVectorExact(Lookup):
    """``vector_field=SearchQuery(...)`` (or a plain text): ``vector @@ query``."""

    lookup_name = "exact"
    prepare_rhs = False

    def process_rhs(self, compiler, connection):
        if not hasattr(self.rhs, "as_sql"):
            self.rhs = SearchQuery(self.rhs, config=getattr(self.lhs, "config", None))
        return super(SearchVectorExact, self).process_rhs(compiler, connection)

    def as_sql(self, compiler, connection):
        require_postgresql(connection, "The search lookup")
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return "%s @@ %s" % (lhs, rhs), list(lhs_params) + list(rhs_params)


class SearchLookup(SearchVectorExact):
    """``body__search="cheese"``: the text column as a vector, matched against the query."""

    lookup_name = "search"

    def process_lhs(self, compiler, connection, lhs=None):
        lhs = self.lhs if lhs is None else lhs
        if not isinstance(lhs.output_field, SearchVectorField):
            config = getattr(self.rhs, "config", None)
            lhs = SearchVector(lhs, config=config)
        return compiler.compile(lhs)


SearchVectorField.register_lookup(SearchVectorExact)
