"""Compilers: turn a sql.Query into SQL text + parameters for one connection, run it, convert rows."""
from __future__ import absolute_import, unicode_literals

import weakref

from pyframework.core.exceptions import EmptyResultSet, FieldDoesNotExist, FieldError
from pyframework.db.models.expressions import OrderBy, RawSQL, Ref
from pyframework.db.models.query_utils import LOOKUP_SEP
from pyframework.db.models.sql import paths
from pyframework.db.models.sql.constants import (
    CURSOR, GET_ITERATOR_CHUNK_SIZE, INNER, LOUTER, MULTI, NO_RESULTS, SINGLE,
)
from pyframework.db.models.sql.datastructures import Join
from pyframework.utils.compat import string_types


class SQLCompiler(object):
    def __init__(self, query, connection, using):
        self.query, self.connection, self.using = query, connection, using
        self.quote_cache = {"*": "*"}
        self.select = None
        self.klass_info = None
        self.annotation_col_map = None
        self.col_names = None
        self.default_select_len = 0
        # Expressions may carry an as_<vendor>() variant for one database.
        self.vendor_method = "as_" + connection.vendor

    def quote_name_unless_alias(self, name):
        quoted = self.quote_cache.get(name)
        if quoted is None:
            quoted = self.quote_cache[name] = self.connection.ops.quote_name(name)
        return quoted

    def compile(self, node):
        vendor_impl = getattr(node, self.vendor_method, None)
        if vendor_impl is not None:
            return vendor_impl(self, self.connection)
        return node.as_sql(self, self.connection)

    # -- SELECT list ---------------------------------------------------------

    def setup_query(self):
        query = self.query
        select, klass_info, annotation_col_map = [], None, {}
        if query.values_select:
            for name, col in query.values_select:
                if col is None:
                    select.append((query.annotations[name], name))
                else:
                    select.append((col, None))
            self.col_names = [name for name, col in query.values_select]
        else:
            if query.default_cols:
                alias = query.get_initial_alias()
                select = list(_default_select(query, query.model, alias))
                if query.deferred_loading != _LOAD_ALL:
                    select = [column for column in select if query.loads_field(column[0].target)]
                self.default_select_len = len(select)
                klass_info = {"model": query.model, "select_fields": (0, len(select)), "related_klass_infos": []}
                if query.select_related:
                    self.get_related_selections(select, klass_info, query.model, alias, query.select_related, 1)
            for name, annotation in query.annotation_select.items():
                annotation_col_map[name] = len(select)
                select.append((annotation, name))
            self.col_names = list(annotation_col_map)
        self.select, self.klass_info, self.annotation_col_map = select, klass_info, annotation_col_map

    def get_related_selections(self, select, klass_info, model, alias, requested, depth):
        """Add the columns of the models followed by ``select_related`` (one JOIN per relation)."""
        query = self.query
        opts = model._meta
        restricted = isinstance(requested, dict)
        if not restricted and depth > query.max_depth:
            return
        followed = set()
        for field in opts.concrete_fields:
            if not field.is_relation or getattr(field, "remote_field", None) is None:
                continue
            if restricted:
                if field.name not in requested:
                    continue
            elif field.null:
                continue
            followed.add(field.name)
            info = paths.get_path_info(field)[0]
            from_alias = alias
            if field.model is not model and field.model._meta.concrete_model is not opts.concrete_model:
                from_alias = query.parent_alias(alias, model, field.model)  # a key inherited from a parent
            parent = query.alias_map[from_alias]
            join_type = LOUTER if (field.null or parent.join_type == LOUTER) else INNER
            join = Join(info.to_model._meta.db_table, from_alias, None, join_type, info.join_cols, info.nullable,
                        False, field)
            rel_alias = query.join(join, reuse=None)
            rel_model = info.to_model
            start = len(select)
            select.extend(_default_select(query, rel_model, rel_alias))
            child = {"model": rel_model, "field": field, "select_fields": (start, len(select)),
                     "related_klass_infos": []}
            klass_info["related_klass_infos"].append(child)
            next_requested = requested[field.name] if restricted else True
            if next_requested:
                self.get_related_selections(select, child, rel_model, rel_alias, next_requested, depth + 1)
        if restricted:
            invalid = set(requested) - followed
            if invalid:
                raise FieldError("Invalid field name(s) given in select_related: %s. Choices are: %s" % (
                    ", ".join("'%s'" % n for n in sorted(invalid)),
                    ", ".join(sorted(f.name for f in opts.concrete_fields if f.is_relation)) or "(none)"))

    # -- ORDER BY / GROUP BY ---------------------------------------------------

    def get_order_by(self):
        query = self.query
        if query.order_by:
            ordering = query.order_by
        elif query.default_ordering and query.group_by is None and query.model is not None:
            ordering = query.model._meta.ordering or ()
        else:
            ordering = ()
        result = []
        for item in self.expand_relation_ordering(ordering):
            if hasattr(item, "resolve_expression"):
                expr = item.resolve_expression(query, allow_joins=True, reuse=None)
                if not isinstance(expr, OrderBy):
                    expr = OrderBy(expr)
            elif item == "?":
                expr = OrderBy(RawSQL(self.connection.ops.random_function_sql(), ()))
            else:
                descending = item.startswith("-")
                name = item[1:] if descending else item
                if name in query.annotations:
                    target = (Ref(name, query.annotations[name]) if name in query.annotation_select
                              else query.annotations[name])
                else:
                    target = self.find_ordering_col(name)
                expr = OrderBy(target, descending=descending)
            if not query.standard_ordering:
                expr = expr.reverse_ordering()
            result.append(expr)
        return result

    def expand_relation_ordering(self, ordering, depth=0):
        """Ordering by a foreign key means by the related model's own ``Meta.ordering``."""
        query = self.query
        expanded = []
        for item in ordering:
            if hasattr(item, "resolve_expression") or item == "?" or depth > 3:
                expanded.append(item)
                continue
            descending = item.startswith("-")
            name = item[1:] if descending else item
            related = self._ordered_related_model(name) if name not in query.annotations else None
            if related is None:
                expanded.append(item)
                continue
            for sub_item in self.expand_relation_ordering(
                    ["%s%s" % (name + LOOKUP_SEP, o) if not o.startswith("-") else "-%s%s" % (name + LOOKUP_SEP, o[1:])
                     for o in related._meta.ordering if not hasattr(o, "resolve_expression")], depth + 1):
                flipped = sub_item.startswith("-") != descending
                expanded.append(("-" if flipped else "") + sub_item.lstrip("-"))
        return expanded

    def _ordered_related_model(self, name):
        path, final_field, targets, rest = paths.names_to_path(name.split(LOOKUP_SEP), self.query.model._meta)
        if rest or not final_field.is_relation or paths.is_reverse_relation(final_field) or path[-1].multi:
            return None
        if name.split(LOOKUP_SEP)[-1] != final_field.name:
            return None  # "author_id" (the column) rather than "author" (the related object)
        model = path[-1].to_model
        return model if model._meta.ordering else None

    def find_ordering_col(self, name):
        col, info = self.query.names_to_col(name, outer=True)
        return col

    def get_group_by(self, select, order_by):
        query = self.query
        if query.group_by is None:
            return []
        exprs = []
        if query.group_by is not True:
            exprs.extend(query.group_by)
        for expr, alias in select:
            if query.group_by is True or alias is not None:
                exprs.extend(expr.get_group_by_cols())
        for expr in order_by:
            if not expr.contains_aggregate and not isinstance(expr.expression, Ref):
                exprs.extend(expr.get_group_by_cols())
        result, seen = [], set()
        for expr in exprs:
            sql, params = self.compile(expr)
            key = (sql, tuple(params))
            if key not in seen:
                seen.add(key)
                result.append((sql, params))
        return result

    # -- SQL ----------------------------------------------------------------

    # Reuse the compiled SELECT list, FROM and ORDER BY/LIMIT of a query shape seen before on this
    # connection (see _shape_key); only the WHERE clause, where the parameters are, is compiled again.
    use_shape_cache = True

    def as_sql(self, with_limits=True, subquery=False):
        query = self.query
        if query.high_mark is not None and query.high_mark <= query.low_mark:
            raise EmptyResultSet
        if query.model is not None:
            query.get_initial_alias()
        key = _shape_key(self, with_limits, subquery) if self.use_shape_cache else None
        if key is not None:
            shapes = _compiled_shapes(self.connection)
            shape = shapes.get(key)
            if shape is not None:
                return self._sql_from_shape(shape)
        self.setup_query()
        if query.combinator:
            return self.get_combinator_sql(with_limits)
        order_by = self.get_order_by()
        ops = self.connection.ops
        qn = self.quote_name_unless_alias
        where, having = query.where.split_having()
        where_sql, where_params = self.compile(where) if where is not None else ("", [])
        having_sql, having_params = self.compile(having) if having is not None else ("", [])

        select = list(self.select)
        if query.distinct and order_by:
            # SELECT DISTINCT needs the ORDER BY terms in the select list on several databases.
            selected = set(repr(expr) for expr, alias in select)
            for ob in order_by:
                if not isinstance(ob.expression, (Ref, RawSQL)) and repr(ob.expression) not in selected:
                    select.append((ob.expression, None))
        parts, params = ["SELECT"], []
        if query.distinct:
            distinct_parts, distinct_params = ops.distinct_sql(
                [self.compile(query.resolve_ref(n))[0] for n in query.distinct_fields], [])
            parts.extend(distinct_parts)
            params.extend(distinct_params)
        columns = []
        for expr, alias in select:
            sql, col_params = self.compile(expr)
            sql, col_params = expr.select_format(self, sql, col_params)
            if alias:
                sql = "%s AS %s" % (sql, qn(alias))
            columns.append(sql)
            params.extend(col_params)
        if not columns:
            columns = ["1"]
        parts.append(", ".join(columns))
        from_parts = []
        refcount = query.alias_refcount
        for alias, join in query.alias_map.items():
            if join.parent_alias is not None and not refcount.get(alias, 1) and not self._needed_by_child(alias):
                continue
            sql, join_params = self.compile(join)
            from_parts.append(sql)
            params.extend(join_params)
        if from_parts:
            parts.append("FROM " + " ".join(from_parts))
        head_count, head_params_count = len(parts), len(params)
        if where_sql:
            parts.append("WHERE " + where_sql)
            params.extend(where_params)
        group_by = self.get_group_by(select, order_by)
        if group_by:
            parts.append("GROUP BY " + ", ".join(sql for sql, p in group_by))
            for sql, group_params in group_by:
                params.extend(group_params)
        if having_sql:
            parts.append("HAVING " + having_sql)
            params.extend(having_params)
        if order_by and not (subquery and not query.is_sliced):
            ordering = []
            for ob in order_by:
                sql, ob_params = self.compile(ob)
                ordering.append(sql)
                params.extend(ob_params)
            parts.append("ORDER BY " + ", ".join(ordering))
        if with_limits and query.is_sliced:
            parts.append(ops.limit_offset_sql(query.low_mark, query.high_mark))
        if query.select_for_update and self.connection.features.has_select_for_update:
            parts.append(self.for_update_sql())
        if key is not None:
            tail_start = head_count + (1 if where_sql else 0)
            tail_params_start = head_params_count + len(where_params)
            if len(shapes) >= SHAPE_CACHE_SIZE:
                shapes.clear()  # many one-off shapes (e.g. every page offset): start again
            shapes[key] = (self.select, self.klass_info, self.annotation_col_map, self.col_names,
                           self.default_select_len, " ".join(parts[:head_count]), tuple(params[:head_params_count]),
                           " ".join(parts[tail_start:]), tuple(params[tail_params_start:]))
        return " ".join(parts), params

    def _sql_from_shape(self, shape):
        (self.select, self.klass_info, self.annotation_col_map, self.col_names, self.default_select_len,
         head_sql, head_params, tail_sql, tail_params) = shape
        where = self.query.where
        where_sql, where_params = self.compile(where)
        parts = [head_sql]
        if where_sql:
            parts.append("WHERE " + where_sql)
        if tail_sql:
            parts.append(tail_sql)
        params = list(head_params)
        params.extend(where_params)
        params.extend(tail_params)
        return " ".join(parts), params

    def for_update_sql(self):
        query, connection = self.query, self.connection
        features = connection.features
        if connection.get_autocommit():
            from pyframework.db.transaction import TransactionManagementError
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        for wanted, supported, option in (
                (query.select_for_update_nowait, features.has_select_for_update_nowait, "NOWAIT"),
                (query.select_for_update_skip_locked, features.has_select_for_update_skip_locked, "SKIP LOCKED"),
                (query.select_for_update_of, features.has_select_for_update_of, "OF")):
            if wanted and not supported:
                from pyframework.db.utils import NotSupportedError
                raise NotSupportedError("%s is not supported on %s." % (option, connection.vendor))
        return connection.ops.for_update_sql(nowait=query.select_for_update_nowait,
                                             skip_locked=query.select_for_update_skip_locked,
                                             of=query.select_for_update_of)

    def _needed_by_child(self, alias):
        refcount = self.query.alias_refcount
        return any(j.parent_alias == alias and (refcount.get(a, 1) or self._needed_by_child(a))
                   for a, j in self.query.alias_map.items())

    def get_combinator_sql(self, with_limits):
        query = self.query
        sqls, params = [], []
        names = [name for name, col in query.values_select]
        for part in query.combined_queries:
            part = part.clone()
            part.combinator = None
            part.clear_ordering(force=True)
            if names and not part.values_select:
                part.set_values(names)
            try:
                sql, part_params = part.get_compiler(connection=self.connection).as_sql(with_limits=False)
            except EmptyResultSet:
                continue
            sqls.append(sql)
            params.extend(part_params)
        if not sqls:
            raise EmptyResultSet
        sql = (" %s " % query.combinator).join(sqls)
        if with_limits and query.is_sliced:
            sql = "SELECT * FROM (%s) combined %s" % (sql, self.connection.ops.limit_offset_sql(
                query.low_mark, query.high_mark))
        return sql, params

    # -- running ------------------------------------------------------------

    def execute_sql(self, result_type=MULTI, chunked_fetch=False, chunk_size=GET_ITERATOR_CHUNK_SIZE):
        try:
            sql, params = self.as_sql()
            if not sql:
                raise EmptyResultSet
        except EmptyResultSet:
            if result_type == MULTI:
                return []
            return None
        if chunked_fetch and hasattr(self.connection, "chunked_cursor"):
            cursor = self.connection.chunked_cursor()
        else:
            cursor = self.connection.cursor()
        try:
            cursor.execute(sql, params)
        except Exception:
            cursor.close()
            raise
        if result_type == CURSOR:
            return cursor
        if result_type == SINGLE:
            try:
                return cursor.fetchone()
            finally:
                cursor.close()
        if result_type == NO_RESULTS:
            cursor.close()
            return None
        if chunked_fetch:
            return _fetch_chunks(cursor, chunk_size)
        try:
            return cursor.fetchall()
        finally:
            cursor.close()

    def get_converters(self, expressions):
        """[(position, [converters], expression)] for the columns that need converting - once per query."""
        connection = self.connection
        converters = []
        for pos, expr in enumerate(expressions):
            if expr is None:
                continue
            functions = list(connection.ops.get_db_converters(expr)) + list(expr.get_db_converters(connection))
            if functions:
                converters.append((pos, functions, expr))
        return converters

    def select_converters(self):
        """Converters of the selected columns; the model's own columns come from a per-connection cache."""
        start = self.default_select_len
        if not start:
            return self.get_converters([expr for expr, alias in self.select])
        converters = _cached_model_converters(self, self.query.model, start)
        if len(self.select) > start:
            converters = converters + [(pos + start, functions, expr) for pos, functions, expr in
                                       self.get_converters([expr for expr, alias in self.select[start:]])]
        return converters

    def results_iter(self, results):
        """Rows as lists with every converter applied."""
        converters = self.select_converters()
        connection = self.connection
        if not converters:
            for row in results:
                yield list(row)
            return
        for row in results:
            yield convert_row(row, converters, connection)

    def apply_converters_to_row(self, row, expressions):
        return convert_row(row, self.get_converters(expressions), self.connection)

    def has_results(self):
        return self.execute_sql(SINGLE) is not None


def convert_row(row, converters, connection):
    """``row`` as a list with the ``(position, functions, expression)`` converters applied."""
    row = list(row)
    for pos, functions, expr in converters:
        value = row[pos]
        for function in functions:
            value = function(value, expr, connection)
        row[pos] = value
    return row


# Per model: the SELECT list of its own columns under its table name (the usual case).
_default_selects = {}
# Per connection, per model: that list's converters; computed once, read without locking.
_model_converters = weakref.WeakKeyDictionary()


_LOAD_ALL = (frozenset(), True)

# Per connection: query shape -> its compiled parts (SQLCompiler.as_sql). Bounded: see as_sql.
_shapes_by_connection = weakref.WeakKeyDictionary()
SHAPE_CACHE_SIZE = 512


def _compiled_shapes(connection):
    shapes = _shapes_by_connection.get(connection)
    if shapes is None:
        shapes = _shapes_by_connection[connection] = {}
    return shapes


def _plain_ordering(opts, ordering):
    """True if every ordering term is a column of the model itself (no join, no expression)."""
    for item in ordering:
        if not isinstance(item, string_types) or LOOKUP_SEP in item or item == "?":
            return False
        name = item[1:] if item.startswith("-") else item
        if name == "pk":
            continue
        try:
            field = opts.get_field(name)
        except FieldDoesNotExist:
            return False
        if field.is_relation or not field.concrete:
            return False
    return True


def _shape_key(compiler, with_limits, subquery):
    """What the SQL of ``compiler.query`` apart from its WHERE clause depends on, or None.

    Only plain SELECTs qualify: the model's own columns (or deferred ones), no annotations,
    select_related, DISTINCT, GROUP BY, combinators, FOR UPDATE or aggregate conditions, joins
    without extra conditions, ordering by the model's own columns. Their compilation adds no
    join and no parameter outside the WHERE clause, so the cached parts are exactly what
    compiling again would give (tests/db_queries/test_compiled_sql_cache.py compares both).
    """
    query = compiler.query
    if (query.model is None or query.values_select or query.annotations or query.select_related
            or query.distinct or query.group_by is not None or query.combinator or query.select_for_update
            or query.extra_order_by or not query.default_cols or query.subquery):
        return None
    opts = query.model._meta
    if opts.concrete_model._meta.parents:
        return None
    ordering = query.order_by or (opts.ordering if query.default_ordering else ())
    if not _plain_ordering(opts, ordering):
        return None
    joins = []
    for alias, join in query.alias_map.items():
        if getattr(join, "extra", None):
            return None
        joins.append((alias, join.__class__, join.table_name, join.parent_alias,
                      getattr(join, "join_cols", None), getattr(join, "join_type", None),
                      query.alias_refcount.get(alias, 1)))
    if query.where.contains_aggregate:
        return None
    key = (compiler.__class__, query.__class__, query.model, tuple(joins), tuple(ordering),
           query.default_ordering, query.standard_ordering, query.low_mark, query.high_mark,
           query.deferred_loading[0], query.deferred_loading[1], with_limits, subquery)
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _default_select(query, model, alias):
    if model._meta.concrete_model._meta.parents:
        return [(col, None) for col in query.concrete_cols(model, alias)]
    if alias != model._meta.db_table:
        return [(field.get_col(alias), None) for field in model._meta.concrete_fields]
    select = _default_selects.get(model)
    if select is None:
        select = _default_selects[model] = tuple((field.get_col(alias), None)
                                                 for field in model._meta.concrete_fields)
    return select


def _cached_model_converters(compiler, model, count):
    per_connection = _model_converters.get(compiler.connection)
    if per_connection is None:
        per_connection = _model_converters[compiler.connection] = {}
    converters = per_connection.get(model)
    if converters is None:
        converters = per_connection[model] = compiler.get_converters(
            [expr for expr, alias in compiler.select[:count]])
    return converters


def _fetch_chunks(cursor, chunk_size):
    try:
        while True:
            rows = cursor.fetchmany(chunk_size)
            if not rows:
                return
            for row in rows:
                yield row
    finally:
        cursor.close()


# The INSERT/UPDATE/DELETE compilers build on SQLCompiler; Query.get_compiler finds them here.
from pyframework.db.models.sql.write_compilers import (  # noqa: E402,F401
    SQLAggregateCompiler, SQLDeleteCompiler, SQLInsertCompiler, SQLUpdateCompiler,
)
