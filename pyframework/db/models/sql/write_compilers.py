"""Compilers of the statements that are not plain SELECTs: INSERT, UPDATE, DELETE, aggregate wrappers."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import EmptyResultSet
from pyframework.db.models.sql.compiler import SQLCompiler, convert_row
from pyframework.db.models.sql.constants import CURSOR


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

