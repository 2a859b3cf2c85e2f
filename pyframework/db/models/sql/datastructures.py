"""The FROM clause: the base table and the joins hanging off it."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.sql.constants import INNER, LOUTER


class BaseTable(object):
    """The first table of the FROM clause."""

    join_type = None
    parent_alias = None
    multi = False
    nullable = False

    def __init__(self, table_name, alias):
        self.table_name, self.table_alias = table_name, alias

    def as_sql(self, compiler, connection):
        qn = compiler.quote_name_unless_alias
        if self.table_alias == self.table_name:
            return qn(self.table_name), []
        return "%s %s" % (qn(self.table_name), qn(self.table_alias)), []

    def identity(self):
        return (self.table_name, None, None)

    def relabeled_clone(self, change_map):
        return BaseTable(self.table_name, change_map.get(self.table_alias, self.table_alias))


class Join(object):
    """``<join_type> table alias ON parent.col = alias.col``.

    Joins are treated as immutable by the query: promotion to LEFT OUTER returns a new one,
    so cloned queries can share them. ``extra`` adds ``AND <side>.column = %s`` conditions
    (``(side, column, value)``, side "lhs" or "rhs"): a generic relation's content type.
    """

    def __init__(self, table_name, parent_alias, table_alias, join_type, join_cols, nullable, multi=False,
                 join_field=None, extra=None):
        self.table_name, self.parent_alias, self.table_alias = table_name, parent_alias, table_alias
        self.join_type, self.join_cols, self.nullable = join_type, tuple(join_cols), nullable
        self.multi, self.join_field = multi, join_field
        self.extra = tuple(extra or ())

    def __repr__(self):
        return "<Join %s %s %s ON %s.%r>" % (self.join_type, self.table_name, self.table_alias,
                                           self.parent_alias, self.join_cols)

    def identity(self):
        return (self.table_name, self.parent_alias, self.join_cols, self.extra)

    def as_sql(self, compiler, connection):
        qn = compiler.quote_name_unless_alias
        qn2 = connection.ops.quote_name
        conditions = ["%s.%s = %s.%s" % (qn(self.parent_alias), qn2(lhs), qn(self.table_alias), qn2(rhs))
                      for lhs, rhs in self.join_cols]
        params = []
        for side, column, value in self.extra:
            table = self.parent_alias if side == "lhs" else self.table_alias
            conditions.append("%s.%s = %%s" % (qn(table), qn2(column)))
            params.append(value)
        alias = "" if self.table_alias == self.table_name else " %s" % qn(self.table_alias)
        return "%s %s%s ON (%s)" % (self.join_type, qn(self.table_name), alias, " AND ".join(conditions)), params

    def _copy(self, **changes):
        clone = Join(self.table_name, self.parent_alias, self.table_alias, self.join_type, self.join_cols,
                     self.nullable, self.multi, self.join_field, self.extra)
        clone.__dict__.update(changes)
        return clone

    def promote(self):
        return self if self.join_type == LOUTER else self._copy(join_type=LOUTER)

    def demote(self):
        return self if self.join_type == INNER else self._copy(join_type=INNER)

    def relabeled_clone(self, change_map):
        return self._copy(parent_alias=change_map.get(self.parent_alias, self.parent_alias),
                          table_alias=change_map.get(self.table_alias, self.table_alias))
