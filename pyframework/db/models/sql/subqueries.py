"""The non-SELECT queries: INSERT, UPDATE, DELETE, and the aggregate-over-subquery wrapper."""
from __future__ import absolute_import, unicode_literals

from collections import OrderedDict

from pyframework.core.exceptions import FieldError
from pyframework.db.models.expressions import Col, Ref
from pyframework.db.models.sql.query import Query


class DeleteQuery(Query):
    compiler = "SQLDeleteCompiler"


class UpdateQuery(Query):
    compiler = "SQLUpdateCompiler"

    def __init__(self, model):
        super(UpdateQuery, self).__init__(model)
        self._setup_query()

    def _setup_query(self):
        self.values = []
        self.select_related = False

    def add_update_values(self, values):
        """``update(name=value)``: only this model's own concrete fields can be set."""
        triples = []
        opts = self.model._meta
        for name, value in values.items():
            field = opts.pk if name == "pk" else opts.get_field(name)
            if not getattr(field, "concrete", True) or getattr(field, "many_to_many", False) or \
                    hasattr(field, "get_accessor_name"):
                raise FieldError("Cannot update model field %r (only non-relations and foreign keys "
                                 "permitted)." % field)
            if hasattr(value, "_meta") and hasattr(value, "pk") and field.is_relation:
                value = value.pk
            triples.append((field, None, value))
        self.add_update_fields(triples)

    def add_update_fields(self, values_seq):
        for field, model, value in values_seq:
            if hasattr(value, "resolve_expression"):
                value = value.resolve_expression(self, allow_joins=False, for_save=True)
            self.values.append((field, model, value))


class InsertQuery(Query):
    compiler = "SQLInsertCompiler"

    def __init__(self, model):
        super(InsertQuery, self).__init__(model)
        self.fields, self.objs, self.raw = [], [], False

    def insert_values(self, fields, objs, raw=False):
        self.fields, self.objs, self.raw = list(fields), list(objs), raw


class AggregateQuery(Query):
    """``SELECT agg(...) FROM (<inner>) subquery`` for aggregates over grouped/sliced/distinct queries."""

    compiler = "SQLAggregateCompiler"

    def __init__(self, model, inner, names):
        super(AggregateQuery, self).__init__(model)
        inner = inner.clone()
        summaries = [inner.annotations.pop(name) for name in names]
        if inner.annotation_select_mask is not None:
            inner.annotation_select_mask = [n for n in inner.annotation_select_mask if n not in names]
        inner.values_select = tuple(item for item in inner.values_select if item[0] not in names)
        if inner.values_select or not inner.default_cols:
            inner.default_cols = False
        inner.select_related = False
        inner.clear_ordering(force=False)
        self.inner_query = inner
        self.names = list(names)
        self.summaries = [self._lift_columns(expr, inner) for expr in summaries]
        self.annotations = OrderedDict(zip(names, self.summaries))

    def _lift_columns(self, expr, inner):
        """Columns the outer aggregate reads must be selected (under an alias) by the inner query."""
        if isinstance(expr, Col):
            alias = "__col%d" % len(inner.annotations)
            inner.annotations[alias] = expr
            if inner.annotation_select_mask is not None:
                inner.annotation_select_mask = list(inner.annotation_select_mask) + [alias]
            if inner.values_select:
                inner.values_select = inner.values_select + ((alias, None),)
            return Ref(alias, expr)
        if isinstance(expr, Ref):
            if inner.values_select and expr.refs not in [n for n, c in inner.values_select]:
                inner.values_select = inner.values_select + ((expr.refs, None),)
            return expr
        clone = expr.copy()
        clone.set_source_expressions([self._lift_columns(e, inner) if e is not None else None
                                      for e in expr.get_source_expressions()])
        return clone
