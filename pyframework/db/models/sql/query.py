"""sql.Query: the database-independent description of one SELECT (and its UPDATE/DELETE/INSERT kin).

The QuerySet keeps one Query and clones it on every chained call; the compiler
(``get_compiler(using)``) turns it into SQL for a given connection.
"""
from __future__ import absolute_import, unicode_literals

import re
from collections import OrderedDict

from pyframework.core.exceptions import EmptyResultSet, FieldError
from pyframework.db import DEFAULT_DB_ALIAS, connections
from pyframework.db.models.aggregates import Count
from pyframework.db.models.expressions import RawSQL, Ref, ResolvedOuterRef, Value
from pyframework.db.models.lookups import Exact, In, IsNull, default_lookup, default_transform
from pyframework.db.models.sql import compiler
from pyframework.db.models.query_utils import LOOKUP_SEP, Q
from pyframework.db.models.sql import paths
from pyframework.db.models.sql.constants import AND, INNER, LOUTER, OR, SINGLE
from pyframework.db.models.sql.datastructures import BaseTable, Join
from pyframework.db.models.sql.where import NothingNode, WhereNode
from pyframework.utils.compat import string_types

# What an alias (annotate/aggregate/values keyword, values() name) may not contain: Django's
# pattern since its 2022 security release. Names become SQL identifiers, and although quote_name
# escapes the quote character, an alias with any of these is a mistake or an attack.
FORBIDDEN_ALIAS_PATTERN = re.compile(r"['`\"\]\[;\s\x00-\x1F\x7F-\x9F]|#|--|/\*|\*/", re.UNICODE)


class JoinInfo(object):
    __slots__ = ("final_field", "targets", "model", "joins", "path")

    def __init__(self, final_field, targets, model, joins, path):
        self.final_field, self.targets, self.model, self.joins, self.path = final_field, targets, model, joins, path


class Query(object):
    compiler = "SQLCompiler"
    alias_prefix = "T"

    def __init__(self, model):
        self.model = model
        self.alias_map = OrderedDict()
        self.alias_refcount = {}
        self.table_map = {}
        self.where = WhereNode()
        self.default_cols = True
        self.values_select = ()
        self.annotations = OrderedDict()
        self.annotation_select_mask = None
        self.order_by = ()
        self.extra_order_by = ()
        self.default_ordering = True
        self.standard_ordering = True
        self.low_mark, self.high_mark = 0, None
        self.distinct = False
        self.distinct_fields = ()
        self.select_related = False
        self.max_depth = 5
        self.select_for_update = False
        self.select_for_update_nowait = False
        self.select_for_update_skip_locked = False
        self.select_for_update_of = ()
        self.group_by = None
        self.combinator = None
        self.combined_queries = ()
        self.subquery = False
        # (field names, True): load every field but these; (field names, False): only these (and the pk).
        self.deferred_loading = (frozenset(), True)

    def __repr__(self):
        return "<%s %s>" % (self.__class__.__name__, self.model.__name__ if self.model else None)

    def __str__(self):
        sql, params = self.sql_with_params()
        return sql % tuple(repr(p) for p in params)

    def sql_with_params(self, using=None):
        return self.get_compiler(using or DEFAULT_DB_ALIAS).as_sql()

    # -- cloning -------------------------------------------------------------

    def clone(self):
        obj = object.__new__(self.__class__)
        obj.__dict__.update(self.__dict__)
        # OrderedDict is pure Python on Jython, where copying one costs far more than making an
        # empty one (the JFR profile of `page`): the usual chained query has no joins or annotations yet.
        obj.alias_map = self.alias_map.copy() if self.alias_map else OrderedDict()
        obj.alias_refcount = self.alias_refcount.copy()
        obj.table_map = dict((k, list(v)) for k, v in self.table_map.items())
        obj.where = self.where.clone()
        obj.annotations = self.annotations.copy() if self.annotations else OrderedDict()
        if isinstance(self.select_related, dict):
            obj.select_related = _copy_tree(self.select_related)
        return obj

    def chain(self, klass=None):
        obj = self.clone()
        if klass is not None and obj.__class__ is not klass:
            obj.__class__ = klass
            setup = getattr(obj, "_setup_query", None)
            if setup is not None:
                setup()
        return obj

    def get_compiler(self, using=None, connection=None):
        if using is None and connection is None:
            raise ValueError("Need either using or connection")
        if using is not None:
            connection = connections[using]
        return getattr(compiler, self.compiler)(self, connection, using)

    # -- tables and joins ----------------------------------------------------

    def get_meta(self):
        return self.model._meta

    def get_initial_alias(self):
        if self.alias_map:
            return next(iter(self.alias_map))
        alias = self._new_alias(self.model._meta.db_table)
        self.alias_map[alias] = BaseTable(self.model._meta.db_table, alias)
        return alias

    @property
    def base_table(self):
        return self.get_initial_alias()

    def _new_alias(self, table_name):
        aliases = self.table_map.setdefault(table_name, [])
        if not aliases and self.alias_prefix == "T":
            alias = table_name
        else:
            alias = "%s%d" % (self.alias_prefix, len(self.alias_map))
            while alias in self.alias_map:
                alias = "%s%d" % (self.alias_prefix, len(self.alias_map) + len(aliases) + 1)
        aliases.append(alias)
        return alias

    def join(self, join, reuse=None):
        """Return the alias of an equal existing join (if reusable) or of the newly added ``join``."""
        identity = join.identity()
        for alias, existing in self.alias_map.items():
            if existing.identity() == identity and (reuse is None or not existing.multi or alias in reuse):
                if join.join_type == LOUTER and existing.join_type != LOUTER:
                    self.promote_joins([alias])
                self.alias_refcount[alias] = self.alias_refcount.get(alias, 0) + 1
                return alias
        alias = self._new_alias(join.table_name)
        join.table_alias = alias
        if join.join_type == INNER and self.alias_map[join.parent_alias].join_type == LOUTER:
            join.join_type = LOUTER  # an INNER join after a LEFT one would drop the LEFT's unmatched rows
        self.alias_map[alias] = join
        self.alias_refcount[alias] = 1
        return alias

    def parent_alias(self, alias, model, owner):
        """The alias of ``owner``'s table, joined from ``alias`` (a ``model`` row) through parent links."""
        for info in paths.get_path_to_parent(model._meta, owner):
            join = Join(info.to_model._meta.db_table, alias, None, INNER, info.join_cols, False, False,
                        info.join_field)
            alias = self.join(join)
        return alias

    def concrete_cols(self, model, alias):
        """The columns of every concrete field of ``model``, inherited ones from their parents' tables."""
        aliases = {}
        cols = []
        for field in model._meta.concrete_fields:
            owner = field.model
            if owner not in aliases:
                aliases[owner] = self.parent_alias(alias, model, owner)
            cols.append(field.get_col(aliases[owner]))
        return cols

    def promote_joins(self, aliases):
        """Make these joins (and every join hanging off them) LEFT OUTER."""
        pending = list(aliases)
        while pending:
            alias = pending.pop()
            join = self.alias_map[alias]
            if join.join_type == INNER:
                self.alias_map[alias] = join.promote()
                pending.extend(a for a, j in self.alias_map.items() if j.parent_alias == alias)

    def setup_joins(self, names, model, alias, can_reuse=None, outer=False):
        """Join along ``names`` from ``alias``; returns JoinInfo. ``outer`` makes nullable hops LEFT JOINs."""
        path, final_field, targets, rest = paths.names_to_path(
            names, model._meta, self.annotations, fail_on_missing=False)
        if rest:
            raise FieldError("Unresolvable lookup %r" % LOOKUP_SEP.join(names))
        joins = [alias]
        for info in path:
            join_type = LOUTER if (outer and (info.nullable or info.multi)) else INNER
            join = Join(info.to_model._meta.db_table, alias, None, join_type, info.join_cols,
                        info.nullable, info.multi, info.join_field, info.extra)
            alias = self.join(join, reuse=can_reuse if info.multi else None)
            joins.append(alias)
        final_model = path[-1].to_model if path else model
        return JoinInfo(final_field, targets, final_model, joins, path)

    def trim_joins(self, targets, joins, path):
        """Drop trailing joins whose target columns the previous table already holds (``author_id``)."""
        joins = list(joins)
        for info in reversed(path):
            if not info.direct or len(joins) == 1:
                break
            rhs_cols = dict((rhs, lhs) for lhs, rhs in info.join_cols)
            if not all(t.column in rhs_cols for t in targets):
                break
            targets = (info.join_field,)
            trimmed = joins.pop()
            # The join stays in alias_map for reuse; with no reference left the compiler skips it.
            self.alias_refcount[trimmed] -= 1
        return targets, joins[-1], joins

    def names_to_col(self, name, outer=True, reuse=None):
        """The column expression for a field path like ``author__name`` (joins added as needed)."""
        names = name.split(LOOKUP_SEP)
        info = self.setup_joins(names, self.model, self.get_initial_alias(), can_reuse=reuse, outer=outer)
        targets, alias, _ = self.trim_joins(info.targets, info.joins, info.path)
        return targets[0].get_col(alias), info

    def resolve_ref(self, name, allow_joins=True, reuse=None, summarize=False):
        if name in self.annotations:
            if summarize:
                return Ref(name, self.annotations[name])
            return self.annotations[name]
        if not allow_joins and LOOKUP_SEP in name:
            raise FieldError("Joined field references are not permitted in this query")
        col, info = self.names_to_col(name, outer=True, reuse=reuse)
        return col

    # -- filtering -----------------------------------------------------------

    def add_q(self, q_object):
        clause = self._add_q(q_object, used_aliases=set())
        if clause:
            self.where.add(clause, AND)

    def build_where(self, q_object, reuse=()):
        """The where-tree of ``q_object``. ``reuse=None`` lets it reuse every join already made
        (an aggregate's ``filter=`` refers to the rows its own joins bring in)."""
        return self._add_q(q_object, used_aliases=set(reuse) if reuse is not None else None)

    def _add_q(self, q_object, used_aliases, branch_negated=False, under_or=False):
        connector = q_object.connector
        negated = branch_negated ^ bool(q_object.negated)
        under_or = under_or or (connector == OR and len(q_object.children) > 1)
        node = WhereNode(connector=connector, negated=q_object.negated)
        for child in q_object.children:
            if isinstance(child, Q):
                clause = self._add_q(child, used_aliases, negated, under_or)
            else:
                clause = self.build_filter(child, used_aliases, negated, under_or)
            if clause is not None:
                node.children.append(clause)
        return node

    def build_filter(self, filter_expr, can_reuse, current_negated=False, under_or=False):
        """One ``name__lookup=value`` pair (or a conditional expression) -> a where-tree leaf."""
        if hasattr(filter_expr, "resolve_expression") and not isinstance(filter_expr, tuple):
            condition = filter_expr.resolve_expression(self, allow_joins=True, reuse=can_reuse)
            if isinstance(condition, WhereNode) or getattr(condition, "conditional", False):
                return condition
            return Exact(condition, Value(True))
        arg, value = filter_expr
        if not arg:
            raise FieldError("Cannot parse keyword query %r" % arg)
        names = arg.split(LOOKUP_SEP)
        value = self.resolve_lookup_value(value, can_reuse)

        if names[0] in self.annotations:
            lhs = self.annotations[names[0]]
            lookups = names[1:]
            return self.build_lookup(lookups, lhs, value)

        path, final_field, targets, lookups = paths.names_to_path(names, self.model._meta, self.annotations)
        if current_negated and any(info.multi for info in path):
            return self.split_exclude(filter_expr)
        lookup_name = lookups[-1] if lookups else "exact"
        is_null_match = (lookup_name == "isnull" and value is True) or (lookup_name == "exact" and value is None)
        outer = under_or or current_negated or is_null_match
        info = self.setup_joins(names[:len(names) - len(lookups)], self.model, self.get_initial_alias(),
                                can_reuse=can_reuse, outer=outer)
        if can_reuse is not None:
            can_reuse.update(info.joins)
        targets, alias, joins = self.trim_joins(info.targets, info.joins, info.path)
        if final_field.is_relation and (not lookups or lookups[0] in _RELATED_LOOKUPS):
            value = _related_value(value, info.targets[0] if info.path else final_field)
        col = targets[0].get_col(alias)
        condition = self.build_lookup(lookups, col, value)
        if current_negated and lookup_name != "isnull" and value is not None:
            nullable = getattr(targets[0], "null", False) or any(
                self.alias_map[a].join_type == LOUTER for a in joins[1:])
            if nullable:
                # NOT (col = v) must still keep the rows where col is NULL.
                return WhereNode([condition, IsNull(col, False)], AND)
        return condition

    def resolve_lookup_value(self, value, can_reuse):
        if hasattr(value, "resolve_expression"):
            return value.resolve_expression(self, reuse=can_reuse, allow_joins=True)
        if isinstance(value, (list, tuple)):
            return type(value)(self.resolve_lookup_value(v, can_reuse) for v in value)
        return value

    def build_lookup(self, lookups, lhs, rhs):
        """Apply the transforms in ``lookups`` to ``lhs`` and end with the lookup (``exact`` by default)."""
        lookups = list(lookups) or ["exact"]
        name = lookups[-1]
        for transform_name in lookups[:-1]:
            lhs = self.try_transform(lhs, transform_name)
        lookup_class = _lookup_class(lhs, name)
        if lookup_class is None:
            lhs = self.try_transform(lhs, name)
            name = "exact"
            lookup_class = _lookup_class(lhs, name)
        if rhs is None and name not in ("exact", "iexact", "isnull"):
            raise ValueError("Cannot use None as a query value")
        if rhs is None and name == "iexact":
            lookup_class = _lookup_class(lhs, "exact")
        return lookup_class(lhs, rhs)

    def try_transform(self, lhs, name):
        field = lhs._output_field_or_none
        getter = getattr(lhs, "get_transform", None) or getattr(field, "get_transform", None)
        transform_class = getter(name) if getter is not None else default_transform(name)
        if transform_class is None:
            raise FieldError("Unsupported lookup '%s' for %s or join on the field not permitted." % (
                name, field.__class__.__name__ if field is not None else lhs))
        return transform_class(lhs)

    def split_exclude(self, filter_expr):
        """``exclude(books__title=x)``: NOT pk IN (pks having such a book), like a set difference."""
        inner = Query(self.model)
        inner.alias_prefix = "U"
        inner.add_q(Q(filter_expr))
        pk = self.model._meta.pk
        inner.set_values_cols([pk.get_col(inner.get_initial_alias())])
        inner.clear_ordering(force=True)
        condition = In(pk.get_col(self.get_initial_alias()), inner)
        return WhereNode([condition], AND, negated=False)

    def set_empty(self):
        self.where.add(NothingNode(), AND)

    def is_empty(self):
        return any(isinstance(c, NothingNode) for c in self.where.children)

    def can_filter(self):
        return not self.is_sliced

    # -- limits and ordering -------------------------------------------------

    def set_limits(self, low=None, high=None):
        if high is not None:
            if self.high_mark is not None:
                self.high_mark = min(self.high_mark, self.low_mark + high)
            else:
                self.high_mark = self.low_mark + high
        if low is not None:
            if self.high_mark is not None:
                self.low_mark = min(self.high_mark, self.low_mark + low)
            else:
                self.low_mark = self.low_mark + low

    def clear_limits(self):
        self.low_mark, self.high_mark = 0, None

    @property
    def is_sliced(self):
        return self.low_mark != 0 or self.high_mark is not None

    def add_ordering(self, *ordering):
        for item in ordering:
            if isinstance(item, string_types):
                if item == "?":
                    continue
                name = item[1:] if item.startswith("-") else item
                if name.split(LOOKUP_SEP)[0] not in self.annotations and name != "pk":
                    paths.names_to_path(name.split(LOOKUP_SEP), self.model._meta, self.annotations,
                                        fail_on_missing=True)
            elif not hasattr(item, "resolve_expression"):
                raise FieldError("Invalid order_by arguments: %r" % (item,))
        if ordering:
            self.order_by += tuple(ordering)
        else:
            self.default_ordering = False

    def clear_ordering(self, force=False, clear_default=True):
        if not force and (self.is_sliced or self.distinct_fields or self.select_for_update):
            return
        self.order_by = ()
        self.extra_order_by = ()
        if clear_default:
            self.default_ordering = False

    def add_distinct_fields(self, *field_names):
        self.distinct_fields = field_names
        self.distinct = True

    # -- select clause -------------------------------------------------------

    def set_values(self, fields):
        """``values()``/``values_list()``: select these field paths and annotations, in order."""
        self.select_related = False
        names = list(fields)
        for name in names:
            self.check_alias(name)
        if not names:
            names = [f.attname for f in self.model._meta.concrete_fields] + list(self.annotations)
        cols = []
        for name in names:
            if name in self.annotations:
                cols.append((name, None))
            else:
                col, _ = self.names_to_col(name, outer=True)
                cols.append((name, col))
        self.default_cols = False
        self.values_select = tuple(cols)
        self.annotation_select_mask = [name for name, col in cols if col is None]
        if self.group_by is not None:
            self.set_group_by_values()

    def set_values_cols(self, cols):
        self.default_cols = False
        self.select_related = False
        self.values_select = tuple(("col%d" % i, col) for i, col in enumerate(cols))
        self.annotation_select_mask = []

    def set_group_by_values(self):
        self.group_by = tuple(col for name, col in self.values_select if col is not None)

    @property
    def annotation_select(self):
        if self.annotation_select_mask is None:
            return self.annotations
        return OrderedDict((name, self.annotations[name]) for name in self.annotation_select_mask
                           if name in self.annotations)

    def selected_expressions(self):
        if self.values_select:
            return [col if col is not None else self.annotations[name] for name, col in self.values_select]
        return self.concrete_cols(self.model, self.get_initial_alias())

    def check_alias(self, alias):
        """Refuse an alias that could not be a plain identifier (``ValueError``, Django's message)."""
        if FORBIDDEN_ALIAS_PATTERN.search(alias):
            raise ValueError(
                "Column aliases cannot contain whitespace characters, hashes, "
                "control characters, quotation marks, semicolons, or SQL comments."
            )

    def add_annotation(self, annotation, alias, is_summary=False, select=True):
        self.check_alias(alias)
        resolved = annotation.resolve_expression(self, allow_joins=True, reuse=None, summarize=is_summary)
        self.annotations[alias] = resolved
        if select:
            if self.annotation_select_mask is not None:
                self.annotation_select_mask = list(self.annotation_select_mask) + [alias]
                if self.values_select:
                    self.values_select = self.values_select + ((alias, None),)
        elif self.annotation_select_mask is None:
            self.annotation_select_mask = [a for a in self.annotations if a != alias]
        if resolved.contains_aggregate and not is_summary:
            if self.values_select:
                self.set_group_by_values()
            elif self.group_by is None:
                self.group_by = True

    def add_select_related(self, fields):
        tree = self.select_related if isinstance(self.select_related, dict) else {}
        for name in fields:
            node = tree
            for part in name.split(LOOKUP_SEP):
                node = node.setdefault(part, {})
        self.select_related = tree

    def add_combinator(self, combinator, queries, all_):
        self.combined_queries = (self.clone(),) + tuple(queries)
        self.combinator = combinator + (" ALL" if all_ else "")

    def combine(self, rhs, connector):
        """``qs1 & qs2`` / ``qs1 | qs2``: merge the WHERE trees (same model only)."""
        if self.model is not rhs.model:
            raise TypeError("Cannot combine queries on two different base models.")
        if self.is_sliced or rhs.is_sliced:
            raise TypeError("Cannot combine queries once a slice has been taken.")
        change_map = {}
        base = self.get_initial_alias()
        for alias, join in rhs.alias_map.items():
            if join.parent_alias is None:
                change_map[alias] = base
                continue
            new = join.relabeled_clone(change_map)
            if connector == OR:
                new = new.promote()
            change_map[alias] = self.join(new, reuse=set(self.alias_map) if connector == AND else None)
        if connector == OR:
            self.promote_joins([a for a, j in self.alias_map.items() if j.parent_alias is not None])
        rhs_where = rhs.where.relabeled_clone(change_map)
        combined = WhereNode([self.where, rhs_where] if self.where else [rhs_where], connector)
        self.where = combined
        self.order_by = rhs.order_by or self.order_by

    # -- subqueries ----------------------------------------------------------

    def relabeled_clone(self, change_map):
        clone = self.clone()
        clone.where = self.where.relabeled_clone(change_map)
        return clone

    def bump_prefix(self, prefix):
        """Rename every alias to ``prefix<n>`` so this query can nest inside another."""
        change_map = OrderedDict()
        for pos, alias in enumerate(self.alias_map):
            change_map[alias] = "%s%d" % (prefix, pos)
        clone = self.clone()
        clone.alias_prefix = prefix
        clone.alias_map = OrderedDict((change_map[a], j.relabeled_clone(change_map))
                                      for a, j in self.alias_map.items())
        clone.table_map = dict((t, [change_map[a] for a in aliases]) for t, aliases in self.table_map.items())
        clone.alias_refcount = dict((change_map[a], n) for a, n in self.alias_refcount.items())
        clone.where = self.where.relabeled_clone(change_map)
        clone.annotations = OrderedDict((k, v.relabeled_clone(change_map)) for k, v in self.annotations.items())
        clone.values_select = tuple((name, col.relabeled_clone(change_map) if col is not None else None)
                                    for name, col in self.values_select)
        if isinstance(clone.group_by, tuple):
            clone.group_by = tuple(c.relabeled_clone(change_map) for c in clone.group_by)
        return clone

    def as_subquery_of(self, outer):
        """A copy usable inside ``outer``: own aliases, OuterRef() resolved against ``outer``."""
        prefix = "U" if outer is None or outer.alias_prefix != "U" else "V"
        inner = self.bump_prefix(prefix)
        inner.subquery = True
        if outer is not None:
            def resolve(expr):
                if isinstance(expr, ResolvedOuterRef):
                    return outer.resolve_ref(expr.name)
                return expr
            inner.where = inner.where.transform_leaves(
                lambda leaf: leaf.resolve_outer(resolve) if hasattr(leaf, "resolve_outer") else leaf)
        return inner

    def exists_query(self):
        query = self.clone()
        query.default_cols = False
        query.values_select = (("a", RawSQL("1", ())),)
        query.annotation_select_mask = []
        query.clear_ordering(force=True)
        query.select_related = False
        if not query.distinct:
            query.set_limits(high=1)
        return query

    def resolve_expression(self, query=None, *args, **kwargs):
        clone = self.as_subquery_of(query)
        if not clone.values_select:
            # A queryset used as a value (``author__in=Author.objects.filter(...)``) stands for its pks.
            clone.set_values_cols([self.model._meta.pk.get_col(clone.get_initial_alias())])
        return clone

    def as_sql(self, compiler, connection):
        sql, params = self.get_compiler(connection=connection).as_sql(subquery=True)
        return "(%s)" % sql, params

    def get_group_by_cols(self):
        return []

    @property
    def contains_aggregate(self):
        return False

    @property
    def _output_field_or_none(self):
        exprs = self.selected_expressions()
        return exprs[0]._output_field_or_none if exprs else None

    output_field = _output_field_or_none

    # -- deferred fields (only() / defer()) ----------------------------------

    def _local_field_names(self, field_names):
        opts = self.model._meta
        by_attname = dict((field.attname, field.name) for field in opts.concrete_fields)
        names = set()
        for name in field_names:
            if LOOKUP_SEP in name:
                raise FieldError("only()/defer() of related fields (%r) is not supported yet; name fields "
                                 "of %s itself." % (name, self.model.__name__))
            if name == "pk":
                name = opts.pk.name
            names.add(by_attname.get(name) or opts.get_field(name).name)
        return frozenset(names)

    def add_deferred_loading(self, field_names):
        """``defer()``: leave these fields out (added to those already deferred)."""
        names = self._local_field_names(field_names)
        existing, defer = self.deferred_loading
        self.deferred_loading = (existing | names, True) if defer else (existing - names, False)

    def add_immediate_loading(self, field_names):
        """``only()``: load just these fields (and the primary key); replaces an earlier only()."""
        names = self._local_field_names(field_names)
        existing, defer = self.deferred_loading
        self.deferred_loading = (names - existing, False) if defer else (names, False)

    def clear_deferred_loading(self):
        self.deferred_loading = (frozenset(), True)

    def loads_field(self, field):
        """Whether the SELECT of model instances includes ``field``'s column."""
        names, defer = self.deferred_loading
        if field.primary_key:
            return True
        return (field.name not in names) if defer else (field.name in names)

    # -- aggregation and counting -------------------------------------------

    def get_aggregation(self, using, names):
        """Run the summary annotations ``names`` and return ``{name: value}``."""
        from pyframework.db.models.sql.subqueries import AggregateQuery  # it subclasses Query
        existing = [a for n, a in self.annotations.items() if n not in names]
        needs_subquery = (self.is_sliced or self.distinct or self.combinator or
                          any(a.contains_aggregate for a in existing) or self.group_by is not None)
        if needs_subquery:
            outer = AggregateQuery(self.model, self, names)
        else:
            outer = self.clone()
            outer.default_cols = False
            outer.select_related = False
            outer.values_select = tuple((name, None) for name in names)
            outer.annotation_select_mask = list(names)
            outer.clear_ordering(force=True)
        compiler = outer.get_compiler(using)
        try:
            row = compiler.execute_sql(SINGLE)
        except EmptyResultSet:
            row = None
        summary = [outer.annotations[n] for n in names] if not needs_subquery else outer.summaries
        if row is None:
            return dict((n, getattr(a, "empty_result", None)) for n, a in zip(names, summary))
        row = compiler.apply_converters_to_row(row, summary)
        return dict(zip(names, row))

    def get_count(self, using):
        obj = self.clone()
        obj.add_annotation(Count("*"), "__count", is_summary=True)
        return obj.get_aggregation(using, ["__count"])["__count"]

    def has_results(self, using):
        query = self.exists_query() if not (self.distinct or self.group_by) else self.clone()
        if self.distinct or self.group_by:
            query.clear_ordering(force=True)
            query.set_limits(high=1)
        try:
            return query.get_compiler(using).execute_sql(SINGLE) is not None
        except EmptyResultSet:
            return False


def _lookup_class(lhs, name):
    getter = getattr(lhs, "get_lookup", None) or getattr(lhs._output_field_or_none, "get_lookup", None)
    return getter(name) if getter is not None else default_lookup(name)


_RELATED_LOOKUPS = ("exact", "in", "lt", "gt", "lte", "gte", "isnull", "iexact")


def _related_value(value, target):
    """Model instances used as lookup values stand for their key value."""
    if hasattr(value, "_meta") and hasattr(value, "pk"):
        return getattr(value, target.attname, value.pk)
    if isinstance(value, (list, tuple, set)):
        return [_related_value(v, target) for v in value]
    return value


def _copy_tree(tree):
    return dict((k, _copy_tree(v)) for k, v in tree.items())
