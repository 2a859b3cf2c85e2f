"""The WHERE clause: a tree of conditions joined by AND/OR, each node optionally negated."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import EmptyResultSet
from pyframework.db.models.sql.constants import AND, OR


class WhereNode(object):
    default = AND
    conditional = True

    def __init__(self, children=None, connector=None, negated=False):
        self.children = list(children) if children else []
        self.connector = connector or self.default
        self.negated = negated

    def __repr__(self):
        body = (" %s " % self.connector).join(repr(c) for c in self.children)
        return "(%s%s)" % ("NOT " if self.negated else "", body)

    def __len__(self):
        return len(self.children)

    def __bool__(self):
        return bool(self.children)

    __nonzero__ = __bool__

    def add(self, child, connector=AND):
        """Add ``child``, flattening where the connectors agree."""
        if self.connector != connector or self.negated:
            inner = WhereNode(self.children, self.connector, self.negated)
            self.children = [inner] if self.children else []
            self.connector, self.negated = connector, False
        if isinstance(child, WhereNode) and not child.negated and (
                child.connector == connector or len(child) == 1):
            self.children.extend(child.children)
        else:
            self.children.append(child)

    def clone(self):
        clone = WhereNode(connector=self.connector, negated=self.negated)
        clone.children = [child.clone() if isinstance(child, WhereNode) else child for child in self.children]
        return clone

    def relabeled_clone(self, change_map):
        clone = WhereNode(connector=self.connector, negated=self.negated)
        clone.children = [child.relabeled_clone(change_map) for child in self.children]
        return clone

    def transform_leaves(self, func):
        clone = WhereNode(connector=self.connector, negated=self.negated)
        clone.children = [child.transform_leaves(func) if isinstance(child, WhereNode) else func(child)
                          for child in self.children]
        return clone

    @property
    def contains_aggregate(self):
        return any(getattr(child, "contains_aggregate", False) or _lhs_aggregate(child) for child in self.children)

    def split_having(self):
        """(where, having): conditions on aggregates go to HAVING."""
        if not self.contains_aggregate:
            return self, None
        if self.connector == OR or self.negated:
            return None, self
        where, having = [], []
        for child in self.children:
            if isinstance(child, WhereNode):
                child_where, child_having = child.split_having()
                if child_where is not None:
                    where.append(child_where)
                if child_having is not None:
                    having.append(child_having)
            elif _lhs_aggregate(child):
                having.append(child)
            else:
                where.append(child)
        return (WhereNode(where, self.connector) if where else None,
                WhereNode(having, self.connector) if having else None)

    def as_sql(self, compiler, connection):
        """Compile the tree; raises EmptyResultSet when it can never match (and
        ``FullResultSet`` logic is folded in by returning '' for "always true")."""
        parts, params = [], []
        if self.connector == AND:
            full_needed, empty_needed = len(self.children), 1
        else:
            full_needed, empty_needed = 1, len(self.children)
        for child in self.children:
            try:
                sql, child_params = compiler.compile(child)
            except EmptyResultSet:
                empty_needed -= 1
            else:
                if sql:
                    parts.append(sql)
                    params.extend(child_params)
                else:
                    full_needed -= 1
            if empty_needed == 0:
                if self.negated:
                    return "", []
                raise EmptyResultSet
            if full_needed == 0:
                if self.negated:
                    raise EmptyResultSet
                return "", []
        joiner = " %s " % self.connector
        sql = joiner.join(parts)
        if sql:
            if self.negated:
                sql = "NOT (%s)" % sql
            elif len(parts) > 1:
                sql = "(%s)" % sql
        return sql, params

    def get_group_by_cols(self):
        cols = []
        for child in self.children:
            cols.extend(child.get_group_by_cols())
        return cols


def _lhs_aggregate(child):
    lhs = getattr(child, "lhs", None)
    rhs = getattr(child, "rhs", None)
    return bool(getattr(lhs, "contains_aggregate", False) or getattr(rhs, "contains_aggregate", False))


class NothingNode(object):
    """A condition that never matches (``none()``)."""

    contains_aggregate = False

    def as_sql(self, compiler, connection):
        raise EmptyResultSet

    def relabeled_clone(self, change_map):
        return self

    def get_group_by_cols(self):
        return []


class ExtraWhere(object):
    """Raw SQL with its parameters, ANDed into the WHERE clause."""

    contains_aggregate = False

    def __init__(self, sql, params):
        self.sql, self.params = sql, list(params)

    def as_sql(self, compiler, connection):
        return "(%s)" % self.sql, list(self.params)

    def relabeled_clone(self, change_map):
        return self

    def get_group_by_cols(self):
        return []
