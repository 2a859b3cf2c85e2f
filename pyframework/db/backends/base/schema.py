"""BaseDatabaseSchemaEditor: turns model and field changes into DDL.

Used by migrations and by the test fixtures::

    with connection.schema_editor() as editor:
        editor.create_model(Author)

Statements that must wait until every table exists (foreign keys, indexes)
go to ``deferred_sql`` and run when the block ends. With ``collect_sql=True``
nothing is executed: the statements are gathered in ``collected_sql`` for
``sqlmigrate``.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import logging

from pyframework.db.backends.utils import names_digest, truncate_name
from pyframework.db.transaction import atomic
from pyframework.utils.compat import binary_type, integer_types, string_types, text_type

logger = logging.getLogger("pyframework.db.backends.schema")


def _through_is_auto(field):
    through = getattr(field.remote_field, "through", None)
    return through is not None and not isinstance(through, string_types) and through._meta.auto_created


class BaseDatabaseSchemaEditor(object):
    sql_create_table = "CREATE TABLE %(table)s (%(definition)s)"
    sql_rename_table = "ALTER TABLE %(old_table)s RENAME TO %(new_table)s"
    sql_delete_table = "DROP TABLE %(table)s"
    sql_delete_table_if_exists = "DROP TABLE IF EXISTS %(table)s"
    sql_create_column = "ALTER TABLE %(table)s ADD COLUMN %(column)s %(definition)s"
    sql_delete_column = "ALTER TABLE %(table)s DROP COLUMN %(column)s"
    sql_rename_column = "ALTER TABLE %(table)s RENAME COLUMN %(old_column)s TO %(new_column)s"
    sql_alter_column = "ALTER TABLE %(table)s %(changes)s"
    sql_alter_column_type = "ALTER COLUMN %(column)s TYPE %(type)s"
    sql_alter_column_null = "ALTER COLUMN %(column)s DROP NOT NULL"
    sql_alter_column_not_null = "ALTER COLUMN %(column)s SET NOT NULL"
    sql_alter_column_default = "ALTER COLUMN %(column)s SET DEFAULT %(default)s"
    sql_alter_column_no_default = "ALTER COLUMN %(column)s DROP DEFAULT"
    sql_unique_constraint = "UNIQUE (%(columns)s)"
    sql_check_constraint = "CHECK (%(check)s)"
    sql_constraint = "CONSTRAINT %(name)s %(constraint)s"
    sql_create_unique = "ALTER TABLE %(table)s ADD CONSTRAINT %(name)s UNIQUE (%(columns)s)"
    sql_delete_unique = "ALTER TABLE %(table)s DROP CONSTRAINT %(name)s"
    sql_create_check = "ALTER TABLE %(table)s ADD CONSTRAINT %(name)s CHECK (%(check)s)"
    sql_delete_check = "ALTER TABLE %(table)s DROP CONSTRAINT %(name)s"
    sql_create_fk = ("ALTER TABLE %(table)s ADD CONSTRAINT %(name)s FOREIGN KEY (%(column)s) "
                     "REFERENCES %(to_table)s (%(to_column)s)%(deferrable)s")
    sql_delete_fk = "ALTER TABLE %(table)s DROP CONSTRAINT %(name)s"
    sql_create_inline_fk = None
    sql_create_index = "CREATE INDEX %(name)s ON %(table)s (%(columns)s)"
    sql_create_unique_index = "CREATE UNIQUE INDEX %(name)s ON %(table)s (%(columns)s)"
    sql_delete_index = "DROP INDEX %(name)s"
    sql_create_pk = "ALTER TABLE %(table)s ADD CONSTRAINT %(name)s PRIMARY KEY (%(columns)s)"
    sql_deferrable = ""

    def __init__(self, connection, collect_sql=False, atomic=True):
        self.connection = connection
        self.collect_sql = collect_sql
        self.collected_sql = [] if collect_sql else None
        self.atomic_migration = connection.features.can_rollback_ddl and atomic
        self.deferred_sql = []

    # -- block protocol ------------------------------------------------------------------

    def __enter__(self):
        self.deferred_sql = []
        if self.atomic_migration:
            self._atomic = atomic(self.connection.alias)
            self._atomic.__enter__()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        try:
            if exc_type is None:
                for sql in self.deferred_sql:
                    self.execute(sql)
        finally:
            if self.atomic_migration:
                self._atomic.__exit__(exc_type, exc_value, tb)
        return False

    def execute(self, sql, params=()):
        """Run one DDL statement (or collect it). DDL takes no bound parameters on most databases."""
        if self.collect_sql:
            text = sql if not params else sql % tuple(self.quote_value(p) for p in params)
            self.collected_sql.append(text + ";")
            return
        logger.debug("%s; (params %r)", sql, params)
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params or None)

    def quote_name(self, name):
        return self.connection.ops.quote_name(name)

    def quote_value(self, value):
        """A literal for DDL (column defaults), where placeholders are not accepted."""
        if value is None:
            return "NULL"
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, integer_types + (float, decimal.Decimal)):
            return text_type(value)
        if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
            value = value.isoformat(str(" ")) if isinstance(value, datetime.datetime) else value.isoformat()
        if isinstance(value, binary_type) and not isinstance(value, text_type):
            return "X'%s'" % "".join("%02x" % c for c in bytearray(value))
        return "'%s'" % text_type(value).replace("'", "''")

    # -- names ---------------------------------------------------------------------------

    def _create_index_name(self, table_name, column_names, suffix=""):
        """A deterministic, unique and short-enough name for an index or constraint."""
        hash_suffix = "_%s%s" % (names_digest(table_name, *column_names, length=8), suffix)
        max_length = self.connection.ops.max_name_length() or 200
        name = "%s_%s%s" % (table_name, "_".join(column_names), hash_suffix)
        if len(name) <= max_length:
            return name
        part = (max_length - len(hash_suffix)) // 3
        name = "%s_%s%s" % (table_name[:part], "_".join(column_names)[:part], hash_suffix)
        return truncate_name(name, max_length)

    # -- column definitions --------------------------------------------------------------

    def effective_default(self, field):
        if field.has_default():
            default = field.get_default()
        elif not field.null and field.blank and field.empty_strings_allowed:
            default = b"" if field.get_internal_type() == "BinaryField" else ""
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            internal = field.get_internal_type()
            now = datetime.datetime.now()
            default = now.date() if internal == "DateField" else now.time() if internal == "TimeField" else now
        else:
            default = None
        return field.get_db_prep_save(default, self.connection)

    def column_type(self, field):
        return field.db_parameters(connection=self.connection)["type"]

    def column_sql(self, model, field, include_default=False):
        """``type [NOT NULL] [PRIMARY KEY ...] [UNIQUE]`` for one column (None: no column, e.g. M2M)."""
        params = field.db_parameters(connection=self.connection)
        sql = params["type"]
        if sql is None:
            return None
        parts = [sql]
        if field.has_db_default():
            parts.append("DEFAULT %s" % self.db_default_sql(model, field))
        elif include_default:
            default = self.effective_default(field)
            if default is not None:
                parts.append("DEFAULT %s" % self.quote_value(default))
        if field.null and not field.primary_key:
            parts.append("NULL")
        else:
            parts.append("NOT NULL")
        if field.primary_key:
            parts.append("PRIMARY KEY")
            suffix = field.db_type_suffix(connection=self.connection)
            if suffix:
                parts.append(suffix)
        elif field.unique:
            parts.append("UNIQUE")
        if params.get("check") and self.connection.features.supports_column_check_constraints:
            parts.append(self.sql_check_constraint % {"check": params["check"]})
        return " ".join(parts)

    def _fk_target(self, field):
        to_model = field.remote_field.model
        to_field = field.target_field
        return to_model._meta.db_table, to_field.column

    def _inline_fk_sql(self, field):
        table, column = self._fk_target(field)
        return self.sql_create_inline_fk % {
            "to_table": self.quote_name(table), "to_column": self.quote_name(column),
            "deferrable": self.sql_deferrable}

    def _fk_sql(self, table_name, field):
        to_table, to_column = self._fk_target(field)
        return self.sql_create_fk % {
            "table": self.quote_name(table_name), "name": self.quote_name(
                self._create_index_name(table_name, [field.column], suffix="_fk_%s" % to_table)[:200]),
            "column": self.quote_name(field.column), "to_table": self.quote_name(to_table),
            "to_column": self.quote_name(to_column), "deferrable": self.sql_deferrable}

    def _wants_db_constraint(self, field):
        return (field.remote_field is not None and getattr(field, "db_constraint", True)
                and self.connection.features.supports_foreign_keys and field.is_relation
                and (field.many_to_one or field.one_to_one))

    def table_sql(self, model, table_name=None, fields=None):
        """CREATE TABLE for ``model`` (or for ``fields`` under ``table_name``); queues FKs and indexes."""
        meta = model._meta
        table_name = table_name or meta.db_table
        fields = meta.local_fields if fields is None else fields
        definitions = []
        for field in fields:
            definition = self.column_sql(model, field)
            if definition is None:
                continue
            if self._wants_db_constraint(field):
                if self.sql_create_inline_fk:
                    definition += " " + self._inline_fk_sql(field)
                else:
                    self.deferred_sql.append(self._fk_sql(table_name, field))
            definitions.append("%s %s" % (self.quote_name(field.column), definition))
        columns_of = dict((f.name, f.column) for f in fields)
        for names in getattr(meta, "unique_together", ()) or ():
            columns = [columns_of[name] for name in names if name in columns_of]
            if len(columns) == len(names):
                definitions.append(self.sql_unique_constraint % {
                    "columns": ", ".join(self.quote_name(c) for c in columns)})
        for constraint in getattr(meta, "constraints", ()) or ():
            sql = self._constraint_definition(model, constraint)
            if sql:
                definitions.append(sql)
        return self.sql_create_table % {"table": self.quote_name(table_name),
                                        "definition": ", ".join(definitions)}

    def _model_indexes_sql(self, model, table_name=None, fields=None):
        meta = model._meta
        table_name = table_name or meta.db_table
        fields = meta.local_fields if fields is None else fields
        statements = []
        for field in fields:
            if self._field_needs_index(field):
                statements.append(self._create_index_sql(table_name, [field.column], suffix="_idx"))
        for index in getattr(meta, "indexes", ()) or ():
            statements.append(self._index_sql(model, index, table_name))
        return statements

    def _field_needs_index(self, field):
        if field.db_parameters(connection=self.connection)["type"] is None:
            return False
        if field.unique or field.primary_key:
            return False
        return bool(field.db_index) or (field.is_relation and getattr(field, "many_to_one", False)
                                        and getattr(field, "db_index", True))

    def _create_index_sql(self, table_name, columns, name=None, suffix="", unique=False, orders=None):
        name = name or self._create_index_name(table_name, columns, suffix=suffix)
        rendered = []
        for position, column in enumerate(columns):
            order = orders[position] if orders else ""
            rendered.append(self.quote_name(column) + (" " + order if order else ""))
        template = self.sql_create_unique_index if unique else self.sql_create_index
        return template % {"name": self.quote_name(name), "table": self.quote_name(table_name),
                           "columns": ", ".join(rendered)}

    def _index_sql(self, model, index, table_name=None):
        columns, orders = [], []
        for name in index.fields:
            descending = name.startswith("-")
            columns.append(model._meta.get_field(name.lstrip("-")).column)
            orders.append("DESC" if descending else "")
        return self._create_index_sql(table_name or model._meta.db_table, columns, name=index.name, orders=orders)

    def _constraint_definition(self, model, constraint):
        """Inline SQL (``CONSTRAINT name ...``) for a UniqueConstraint or CheckConstraint."""
        fields = getattr(constraint, "fields", None)
        if fields and getattr(constraint, "condition", None) is None:
            columns = [model._meta.get_field(name).column for name in fields]
            return self.sql_constraint % {"name": self.quote_name(constraint.name),
                                          "constraint": self.sql_unique_constraint % {
                                              "columns": ", ".join(self.quote_name(c) for c in columns)}}
        check_sql = self._check_sql(model, constraint)
        if check_sql:
            return self.sql_constraint % {"name": self.quote_name(constraint.name),
                                          "constraint": self.sql_check_constraint % {"check": check_sql}}
        return None

    def _check_sql(self, model, constraint):
        """The condition of a CheckConstraint as literal SQL (DDL takes no parameters)."""
        check = getattr(constraint, "check", None)
        if check is None:
            return None
        from pyframework.db.models.sql.query import Query
        query = Query(model)
        where = query.build_where(check)
        sql, params = where.as_sql(query.get_compiler(connection=self.connection), self.connection)
        # Columns of the table being defined need no table prefix (and some databases reject one).
        sql = sql.replace(self.quote_name(model._meta.db_table) + ".", "")
        return sql % tuple(self.quote_value(p) for p in params)

    def db_default_sql(self, model, field):
        """``field.db_default`` as literal SQL for the column's DEFAULT clause: a value as a
        literal, an expression (Now(), Lower("x")...) compiled and parenthesised."""
        from pyframework.db.models.sql.query import Query
        expression = field.db_default_expression
        query = Query(model)
        compiler = query.get_compiler(connection=self.connection)
        sql, params = compiler.compile(expression.resolve_expression(query, allow_joins=False, for_save=True))
        literal = sql % tuple(self.quote_value(p) for p in params)
        return literal if not hasattr(field.db_default, "resolve_expression") else "(%s)" % literal

    # -- models --------------------------------------------------------------------------

    def create_model(self, model):
        """Create the table, its indexes and its auto-created M2M tables."""
        self.execute(self.table_sql(model))
        self.deferred_sql.extend(self._model_indexes_sql(model))
        for field in model._meta.local_many_to_many:
            if _through_is_auto(field):
                self.create_model(field.remote_field.through)

    def delete_model(self, model):
        for field in model._meta.local_many_to_many:
            if _through_is_auto(field):
                self.delete_model(field.remote_field.through)
        self.execute(self.sql_delete_table % {"table": self.quote_name(model._meta.db_table)})
        table = model._meta.db_table
        self.deferred_sql = [sql for sql in self.deferred_sql if self.quote_name(table) not in sql]

    def alter_db_table(self, model, old_db_table, new_db_table):
        if old_db_table == new_db_table:
            return
        self.execute(self.sql_rename_table % {"old_table": self.quote_name(old_db_table),
                                              "new_table": self.quote_name(new_db_table)})

    def alter_unique_together(self, model, old_unique_together, new_unique_together):
        old = set(tuple(names) for names in old_unique_together or ())
        new = set(tuple(names) for names in new_unique_together or ())
        table = model._meta.db_table
        for names in sorted(old - new):
            columns = [model._meta.get_field(name).column for name in names]
            self._drop_unique_on(model, columns)
        for names in sorted(new - old):
            columns = [model._meta.get_field(name).column for name in names]
            name = self._create_index_name(table, columns, suffix="_uniq")
            self.execute(self.sql_create_unique % {
                "table": self.quote_name(table), "name": self.quote_name(name),
                "columns": ", ".join(self.quote_name(c) for c in columns)})

    def alter_index_together(self, model, old_index_together, new_index_together):
        table = model._meta.db_table
        old = set(tuple(names) for names in old_index_together or ())
        new = set(tuple(names) for names in new_index_together or ())
        for names in sorted(old - new):
            columns = [model._meta.get_field(name).column for name in names]
            for name in self._constraint_names(model, columns, index=True, unique=False):
                self.execute(self._delete_index_sql(table, name))
        for names in sorted(new - old):
            columns = [model._meta.get_field(name).column for name in names]
            self.execute(self._create_index_sql(table, columns, suffix="_idx"))

    def _drop_unique_on(self, model, columns):
        table = model._meta.db_table
        for name in self._constraint_names(model, columns, unique=True, primary_key=False):
            self.execute(self.sql_delete_unique % {"table": self.quote_name(table), "name": self.quote_name(name)})

    def _constraint_names(self, model, columns, unique=None, primary_key=None, index=None, foreign_key=None,
                          check=None):
        """Names of the constraints on exactly ``columns`` that match the given kinds (introspected)."""
        wanted = [self.connection.introspection.identifier_converter(c) for c in columns]
        with self.connection.cursor() as cursor:
            constraints = self.connection.introspection.get_constraints(
                cursor, self.connection.introspection.identifier_converter(model._meta.db_table))
        names = []
        for name, info in sorted(constraints.items()):
            if [c for c in info["columns"]] != wanted:
                continue
            if unique is not None and bool(info["unique"]) != unique:
                continue
            if primary_key is not None and bool(info["primary_key"]) != primary_key:
                continue
            if index is not None and bool(info["index"]) != index:
                continue
            if foreign_key is not None and bool(info["foreign_key"]) != foreign_key:
                continue
            if check is not None and bool(info["check"]) != check:
                continue
            names.append(name)
        return names

    # -- indexes and constraints ---------------------------------------------------------

    def add_index(self, model, index):
        self.execute(self._index_sql(model, index))

    def remove_index(self, model, index):
        self.execute(self._delete_index_sql(model._meta.db_table, index.name))

    def _delete_index_sql(self, table, name):
        return self.sql_delete_index % {"table": self.quote_name(table), "name": self.quote_name(name)}

    def add_constraint(self, model, constraint):
        table = model._meta.db_table
        fields = getattr(constraint, "fields", None)
        if fields and getattr(constraint, "condition", None) is None:
            columns = [model._meta.get_field(name).column for name in fields]
            self.execute(self.sql_create_unique % {
                "table": self.quote_name(table), "name": self.quote_name(constraint.name),
                "columns": ", ".join(self.quote_name(c) for c in columns)})
            return
        check_sql = self._check_sql(model, constraint)
        if check_sql is None:
            raise NotImplementedError("Cannot add constraint %r on this backend." % constraint)
        self.execute(self.sql_create_check % {"table": self.quote_name(table), "name": self.quote_name(
            constraint.name), "check": check_sql})

    def remove_constraint(self, model, constraint):
        template = self.sql_delete_unique if getattr(constraint, "fields", None) else self.sql_delete_check
        self.execute(template % {"table": self.quote_name(model._meta.db_table),
                                 "name": self.quote_name(constraint.name)})

    # -- fields --------------------------------------------------------------------------

    def add_field(self, model, field):
        """Add a column; existing rows get the field's default."""
        if field.many_to_many:
            if _through_is_auto(field):
                self.create_model(field.remote_field.through)
            return
        definition = self.column_sql(model, field, include_default=True)
        if definition is None:
            return
        table = model._meta.db_table
        if self._wants_db_constraint(field):
            if self.sql_create_inline_fk:
                definition += " " + self._inline_fk_sql(field)
            else:
                self.deferred_sql.append(self._fk_sql(table, field))
        self.execute(self.sql_create_column % {"table": self.quote_name(table),
                                               "column": self.quote_name(field.column),
                                               "definition": definition})
        if not self.skip_default(field) and self.effective_default(field) is not None:
            # The default only backfilled existing rows: the ORM supplies defaults itself.
            self.execute(self.sql_alter_column % {"table": self.quote_name(table), "changes": (
                self.sql_alter_column_no_default % {"column": self.quote_name(field.column)})})
        if self._field_needs_index(field):
            self.deferred_sql.append(self._create_index_sql(table, [field.column], suffix="_idx"))

    def skip_default(self, field):
        return False

    def remove_field(self, model, field):
        if field.many_to_many:
            if _through_is_auto(field):
                self.delete_model(field.remote_field.through)
            return
        if field.db_parameters(connection=self.connection)["type"] is None:
            return
        table = model._meta.db_table
        if self._wants_db_constraint(field):
            for name in self._constraint_names(model, [field.column], foreign_key=True):
                self.execute(self.sql_delete_fk % {"table": self.quote_name(table), "name": self.quote_name(name)})
        self.execute(self.sql_delete_column % {"table": self.quote_name(table),
                                               "column": self.quote_name(field.column)})

    def alter_field(self, model, old_field, new_field, strict=False):
        """Change a column: name, type, null, default backfill, unique, db_index."""
        old_type = old_field.db_parameters(connection=self.connection)["type"]
        new_type = new_field.db_parameters(connection=self.connection)["type"]
        if old_type is None and new_type is None:
            through_old = getattr(old_field.remote_field, "through", None)
            through_new = getattr(new_field.remote_field, "through", None)
            if through_old is not None and through_new is not None and _through_is_auto(old_field) and \
                    through_old._meta.db_table != through_new._meta.db_table:
                self.alter_db_table(through_old, through_old._meta.db_table, through_new._meta.db_table)
            return
        if old_type is None or new_type is None:
            raise ValueError("Cannot alter field %s into %s: they are not compatible types." % (old_field, new_field))
        self._alter_field(model, old_field, new_field, old_type, new_type)

    def _alter_field(self, model, old_field, new_field, old_type, new_type):
        table = model._meta.db_table
        qtable = self.quote_name(table)
        if old_field.unique and (not new_field.unique or old_type != new_type) and not old_field.primary_key:
            self._drop_unique_on(model, [old_field.column])
        if self._field_needs_index(old_field) and (not self._field_needs_index(new_field) or old_type != new_type):
            for name in self._constraint_names(model, [old_field.column], index=True, unique=False,
                                               primary_key=False):
                self.execute(self._delete_index_sql(table, name))
        dropped_fk = False
        if self._wants_db_constraint(old_field) and (old_type != new_type or not self._wants_db_constraint(
                new_field)):
            for name in self._constraint_names(model, [old_field.column], foreign_key=True):
                self.execute(self.sql_delete_fk % {"table": qtable, "name": self.quote_name(name)})
            dropped_fk = True
        if old_field.column != new_field.column:
            self.execute(self.sql_rename_column % {"table": qtable, "old_column": self.quote_name(old_field.column),
                                                   "new_column": self.quote_name(new_field.column)})
        column = self.quote_name(new_field.column)
        if old_field.null and not new_field.null:
            # Fill NULLs first: some databases (MySQL) change type and nullability in one statement.
            default = self.effective_default(new_field)
            if default is not None:
                self.execute("UPDATE %s SET %s = %%s WHERE %s IS NULL" % (qtable, column, column), [default])
        if old_type != new_type:
            self.execute(self._alter_type_sql(table, new_field, new_type))
        if old_field.null != new_field.null:
            self.execute(self._alter_null_sql(table, new_field, new_type))
        if new_field.unique and (not old_field.unique or old_type != new_type) and not new_field.primary_key:
            name = self._create_index_name(table, [new_field.column], suffix="_uniq")
            self.execute(self.sql_create_unique % {"table": qtable, "name": self.quote_name(name),
                                                   "columns": column})
        if self._field_needs_index(new_field) and (not self._field_needs_index(old_field) or old_type != new_type):
            self.execute(self._create_index_sql(table, [new_field.column], suffix="_idx"))
        if self._wants_db_constraint(new_field) and (dropped_fk or not self._wants_db_constraint(old_field)):
            self.execute(self._fk_sql(table, new_field))

    def _alter_type_sql(self, table, field, new_type):
        return self.sql_alter_column % {"table": self.quote_name(table), "changes": self.sql_alter_column_type % {
            "column": self.quote_name(field.column), "type": new_type}}

    def _alter_null_sql(self, table, field, new_type):
        template = self.sql_alter_column_null if field.null else self.sql_alter_column_not_null
        return self.sql_alter_column % {"table": self.quote_name(table), "changes": template % {
            "column": self.quote_name(field.column), "type": new_type}}
