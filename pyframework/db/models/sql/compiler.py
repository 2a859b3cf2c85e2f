"""Compilers: turn a sql.Query into SQL text + parameters for one connection, run it, convert rows."""
from __future__ import absolute_import, unicode_literals

import weakref

from pyframework.db.models.expressions import OrderBy, RawSQL, Ref
from pyframework.db.models.query_utils import EmptyResultSet, FieldError
from pyframework.db.models.sql import paths
from pyframework.db.models.sql.constants import (
    CURSOR, GET_ITERATOR_CHUNK_SIZE, INNER, LOUTER, MULTI, NO_RESULTS, SINGLE,
)
from pyframework.db.models.sql.datastructures import Join


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
                select = list(_default_select(query.model, alias))
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
            parent = query.alias_map[alias]
            join_type = LOUTER if (field.null or parent.join_type == LOUTER) else INNER
            join = Join(info.to_model._meta.db_table, alias, None, join_type, info.join_cols, info.nullable,
                        False, field)
            rel_alias = query.join(join, reuse=None)
            rel_model = info.to_model
            start = len(select)
            select.extend((f.get_col(rel_alias), None) for f in rel_model._meta.concrete_fields)
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
        for item in ordering:
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

    def as_sql(self, with_limits=True, subquery=False):
        query = self.query
        if query.high_mark is not None and query.high_mark <= query.low_mark:
            raise EmptyResultSet
        if query.model is not None:
            query.get_initial_alias()
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


def _default_select(model, alias):
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


class SQLInsertCompiler(SQLCompiler):
    returning_fields = None

    def prepare_value(self, field, value):
        if hasattr(value, "resolve_expression"):
            value = value.resolve_expression(self.query, allow_joins=False, for_save=True)
            return self.compile(value)
        return "%s", [field.get_db_prep_save(value, connection=self.connection)]

    def pre_save_val(self, field, obj):
        if self.query.raw:
            return getattr(obj, field.attname)
        return field.pre_save(obj, True)

    def as_sql(self):
        query = self.query
        opts = query.model._meta
        ops = self.connection.ops
        qn = ops.quote_name
        fields = list(query.fields)
        head = "INSERT INTO %s" % qn(opts.db_table)
        if fields:
            rows = [[self.prepare_value(f, self.pre_save_val(f, obj)) for f in fields] for obj in query.objs]
            columns = "(%s)" % ", ".join(qn(f.column) for f in fields)
        else:
            rows = [[(ops.pk_default_value(), [])] for obj in query.objs]
            columns = "(%s)" % qn(opts.pk.column)
        placeholder_rows = [[sql for sql, p in row] for row in rows]
        param_rows = [[param for sql, p in row for param in p] for row in rows]
        features = self.connection.features
        returning = self.returning_fields
        statements = []
        can_bulk = getattr(features, "has_bulk_insert", True) and len(rows) > 1 and (
            not returning or getattr(features, "can_return_rows_from_bulk_insert", False))
        if can_bulk:
            sql = "%s %s %s" % (head, columns, ops.bulk_insert_sql(fields, placeholder_rows))
            statements.append((sql, [p for row in param_rows for p in row]))
        else:
            for placeholders, params in zip(placeholder_rows, param_rows):
                statements.append(("%s %s VALUES (%s)" % (head, columns, ", ".join(placeholders)), params))
        if returning and getattr(features, "can_return_columns_from_insert", False):
            r_sql, r_params = ops.return_insert_columns(returning)
            if r_sql:
                statements = [("%s %s" % (sql, r_sql), list(params) + list(r_params)) for sql, params in statements]
        return statements

    def execute_sql(self, returning_fields=None):
        self.returning_fields = returning_fields
        features = self.connection.features
        opts = self.query.model._meta
        rows = []
        with self.connection.cursor() as cursor:
            statements = self.as_sql()
            can_return = returning_fields and getattr(features, "can_return_columns_from_insert", False)
            for sql, params in statements:
                cursor.execute(sql, params)
                if not returning_fields:
                    continue
                if can_return:
                    if len(statements) == 1 and len(self.query.objs) > 1:
                        rows.extend(self.connection.ops.fetch_returned_insert_rows(cursor))
                    else:
                        rows.append(self.connection.ops.fetch_returned_insert_columns(cursor, ()))
                else:
                    rows.append((self.connection.ops.last_insert_id(cursor, opts.db_table, opts.pk.column),))
        if not returning_fields:
            return []
        fields = returning_fields if can_return else [opts.pk]
        converters = self.get_converters([f.get_col(opts.db_table) for f in fields])
        return [tuple(convert_row(row, converters, self.connection)) for row in rows]


class SQLDeleteCompiler(SQLCompiler):
    def as_sql(self):
        query = self.query
        qn = self.quote_name_unless_alias
        table = query.model._meta.db_table
        if len(query.alias_map) <= 1:
            where_sql, params = self.compile(query.where) if query.where else ("", [])
            base = query.get_initial_alias()
            sql = "DELETE FROM %s" % qn(table)
            if base != table:
                sql += " %s" % qn(base)
            if where_sql:
                sql += " WHERE %s" % where_sql
            return sql, params
        # Conditions across joins: delete by primary key through a subquery.
        inner = query.clone()
        inner.__class__ = _select_query_class()
        pk = query.model._meta.pk
        inner.set_values_cols([pk.get_col(inner.get_initial_alias())])
        inner = inner.bump_prefix("U")
        inner_sql, params = inner.get_compiler(connection=self.connection).as_sql()
        return "DELETE FROM %s WHERE %s IN (%s)" % (qn(table), qn(pk.column), inner_sql), params

    def execute_sql(self, result_type=CURSOR, **kwargs):
        return super(SQLDeleteCompiler, self).execute_sql(result_type)


def _select_query_class():
    from pyframework.db.models.sql.query import Query
    return Query


class SQLUpdateCompiler(SQLCompiler):
    def as_sql(self):
        query = self.query
        if not query.values:
            return "", []
        qn = self.connection.ops.quote_name
        table = query.model._meta.db_table
        assignments, params = [], []
        for field, model, value in query.values:
            if hasattr(value, "resolve_expression"):
                value = value.resolve_expression(query, allow_joins=False, for_save=True)
                sql, value_params = self.compile(value)
            elif value is None:
                sql, value_params = "NULL", []
            else:
                sql, value_params = "%s", [field.get_db_prep_save(value, connection=self.connection)]
            assignments.append("%s = %s" % (qn(field.column), sql))
            params.extend(value_params)
        sql = "UPDATE %s SET %s" % (qn(table), ", ".join(assignments))
        if len(query.alias_map) > 1:
            inner = query.clone()
            inner.__class__ = _select_query_class()
            pk = query.model._meta.pk
            inner.set_values_cols([pk.get_col(inner.get_initial_alias())])
            inner = inner.bump_prefix("U")
            inner_sql, inner_params = inner.get_compiler(connection=self.connection).as_sql()
            return "%s WHERE %s IN (%s)" % (sql, qn(pk.column), inner_sql), params + inner_params
        try:
            where_sql, where_params = self.compile(query.where)
        except EmptyResultSet:
            return "", []
        if where_sql:
            sql += " WHERE %s" % where_sql
        return sql, params + where_params

    def execute_sql(self, result_type=CURSOR):
        try:
            sql, params = self.as_sql()
        except EmptyResultSet:
            return 0
        if not sql:
            return 0
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.rowcount
        return rows if rows is not None and rows >= 0 else 0


class SQLAggregateCompiler(SQLCompiler):
    """``SELECT <aggregates> FROM (<inner query>) subquery``."""

    def as_sql(self):
        query = self.query
        inner_sql, inner_params = query.inner_query.get_compiler(connection=self.connection).as_sql(
            with_limits=True, subquery=True)
        columns, params = [], []
        for name, aggregate in zip(query.names, query.summaries):
            sql, agg_params = self.compile(aggregate)
            columns.append(sql)
            params.extend(agg_params)
        self.select = [(aggregate, name) for name, aggregate in zip(query.names, query.summaries)]
        return "SELECT %s FROM (%s) subquery" % (", ".join(columns), inner_sql), params + inner_params

