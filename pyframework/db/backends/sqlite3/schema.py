"""SQLite schema editor: most ALTERs are done by rebuilding the table.

SQLite cannot change a column's type, nullability or constraints in place, so
``_remake_table`` creates the new table under a temporary name, copies the
rows, drops the old table and renames the new one. Foreign key enforcement is
switched off for the duration of the editor block (it cannot change inside a
transaction, hence before ``atomic`` starts).
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.schema import BaseDatabaseSchemaEditor


class DatabaseSchemaEditor(BaseDatabaseSchemaEditor):
    sql_delete_table = "DROP TABLE %(table)s"
    sql_create_inline_fk = "REFERENCES %(to_table)s (%(to_column)s)%(deferrable)s"
    sql_deferrable = " DEFERRABLE INITIALLY DEFERRED"
    sql_create_unique = "CREATE UNIQUE INDEX %(name)s ON %(table)s (%(columns)s)"
    sql_delete_unique = "DROP INDEX %(name)s"

    def __enter__(self):
        if not self.collect_sql and not self.connection.in_atomic_block:
            self._set_foreign_keys(False)
            self._restore_foreign_keys = True
        else:
            self._restore_foreign_keys = False
        return super(DatabaseSchemaEditor, self).__enter__()

    def __exit__(self, exc_type, exc_value, tb):
        try:
            return super(DatabaseSchemaEditor, self).__exit__(exc_type, exc_value, tb)
        finally:
            if self._restore_foreign_keys:
                self._set_foreign_keys(True)

    def _set_foreign_keys(self, enabled):
        with self.connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys = %s" % ("ON" if enabled else "OFF"))

    def quote_value(self, value):
        if isinstance(value, bool):
            return "1" if value else "0"
        return super(DatabaseSchemaEditor, self).quote_value(value)

    # -- operations SQLite cannot do in place --------------------------------------------

    def add_field(self, model, field):
        if field.many_to_many:
            return super(DatabaseSchemaEditor, self).add_field(model, field)
        if field.db_parameters(connection=self.connection)["type"] is None:
            return
        simple = field.null and not field.unique and not field.primary_key and not field.has_default()
        if simple:
            return super(DatabaseSchemaEditor, self).add_field(model, field)
        self._remake_table(model, create_field=field)

    def remove_field(self, model, field):
        if field.many_to_many:
            return super(DatabaseSchemaEditor, self).remove_field(model, field)
        if field.db_parameters(connection=self.connection)["type"] is None:
            return
        self._remake_table(model, delete_field=field)

    def _alter_field(self, model, old_field, new_field, old_type, new_type):
        only_renamed = (old_field.column != new_field.column and old_type == new_type
                        and old_field.null == new_field.null and old_field.unique == new_field.unique
                        and old_field.primary_key == new_field.primary_key
                        and bool(old_field.db_index) == bool(new_field.db_index)
                        and old_field.is_relation == new_field.is_relation)
        if only_renamed:
            self.execute(self.sql_rename_column % {
                "table": self.quote_name(model._meta.db_table), "old_column": self.quote_name(old_field.column),
                "new_column": self.quote_name(new_field.column)})
            return
        self._remake_table(model, alter_field=(old_field, new_field))

    def alter_unique_together(self, model, old_unique_together, new_unique_together):
        self._remake_table(model, unique_together=new_unique_together)

    def add_constraint(self, model, constraint):
        constraints = list(model._meta.constraints)
        if constraint not in constraints:
            constraints.append(constraint)
        self._remake_table(model, constraints=constraints)

    def remove_constraint(self, model, constraint):
        self._remake_table(model, constraints=[c for c in model._meta.constraints if c.name != constraint.name])

    def _remake_table(self, model, create_field=None, delete_field=None, alter_field=None,
                      unique_together=None, constraints=None):
        meta = model._meta
        table = meta.db_table
        fields, select, params = [], [], []
        for field in meta.local_concrete_fields:
            if field.db_parameters(connection=self.connection)["type"] is None:
                continue
            if delete_field is not None and field.column == delete_field.column:
                continue
            if alter_field is not None and field.column == alter_field[0].column:
                old, new = alter_field
                fields.append(new)
                select.append(self._copy_expression(old, new, params))
                continue
            fields.append(field)
            select.append(self.quote_name(field.column))
        if alter_field is not None and all(f is not alter_field[1] for f in fields):
            old, new = alter_field  # the field is not (yet) on the model being passed in
            fields.append(new)
            select.append(self._copy_expression(old, new, params))
        if create_field is not None and all(f.column != create_field.column for f in fields):
            fields.append(create_field)
            default = self.effective_default(create_field)
            select.append("%s")
            params.append(default)
        kept_indexes = self._indexes_to_keep(table, [f for f in (delete_field, alter_field and alter_field[0]) if f])
        temp_table = "new__%s" % table
        create_sql = self._table_sql_with(model, temp_table, fields, unique_together, constraints)
        self.execute(create_sql)
        self.execute("INSERT INTO %s (%s) SELECT %s FROM %s" % (
            self.quote_name(temp_table), ", ".join(self.quote_name(f.column) for f in fields),
            ", ".join(select), self.quote_name(table)), params)
        self.execute(self.sql_delete_table % {"table": self.quote_name(table)})
        self.execute(self.sql_rename_table % {"old_table": self.quote_name(temp_table),
                                              "new_table": self.quote_name(table)})
        model_indexes = self._model_indexes_sql(model, table, fields)
        for sql in model_indexes:
            self.execute(sql)
        # An index an earlier operation of this block deferred (add_field's) now exists already.
        self.deferred_sql = [sql for sql in self.deferred_sql if sql not in model_indexes]
        for name, sql in kept_indexes:
            if not any(self.quote_name(name) in statement for statement in model_indexes):
                self.execute(sql)

    def _indexes_to_keep(self, table, changed_fields):
        """Indexes added outside the model's Meta (e.g. by earlier migrations) that survive a rebuild."""
        if self.collect_sql:
            return []
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                           "AND sql IS NOT NULL", [table])
            rows = cursor.fetchall()
        changed = [self.quote_name(f.column) for f in changed_fields]
        return [(name, sql) for name, sql in rows if not any(column in sql for column in changed)]

    def _copy_expression(self, old, new, params):
        """The SELECT expression filling ``new`` from ``old`` (NULLs get the default when needed)."""
        column = self.quote_name(old.column)
        if old.null and not new.null:
            default = self.effective_default(new)
            if default is not None:
                params.append(default)
                return "COALESCE(%s, %%s)" % column
        return column

    def _table_sql_with(self, model, table_name, fields, unique_together, constraints):
        meta = model._meta
        saved = (meta.unique_together, meta.constraints)
        try:
            if unique_together is not None:
                meta.unique_together = unique_together
            if constraints is not None:
                meta.constraints = constraints
            return self.table_sql(model, table_name, fields)
        finally:
            meta.unique_together, meta.constraints = saved
