"""PostgreSQL through pgJDBC: RETURNING, ~ regexes, native uuid/jsonb/bytea."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.features import BaseDatabaseFeatures
from pyframework.db.backends.base.schema import BaseDatabaseSchemaEditor
from pyframework.db.backends.jdbc.converters import JsonText, UntypedText, read_text, read_uuid
from pyframework.db.backends.base.operations import STANDARD_OPERATORS
from pyframework.db.backends.jdbc.dialects.base import POSITIVE_CHECKS, STANDARD_DATA_TYPES, Dialect, JdbcOperations

#: The advisory lock key of ``migrate`` (advisory locks are per database: one key suffices).
MIGRATION_LOCK_KEY = 0x70796d67  # "pymg"

DATA_TYPES = dict(STANDARD_DATA_TYPES, BinaryField="bytea", GenericIPAddressField="inet", JSONField="jsonb",
                  TextField="text")
OPERATORS = dict(STANDARD_OPERATORS, regex="~ %s", iregex="~* %s")


class PostgresOperations(JdbcOperations):
    def max_name_length(self):
        return 63

    def migration_lock_sql(self):
        # pg_advisory_lock() returns void: the FROM gives the waiting statement a true column.
        return ("SELECT pg_try_advisory_lock(%d)" % MIGRATION_LOCK_KEY,
                "SELECT TRUE FROM (SELECT pg_advisory_lock(%d)) AS waited" % MIGRATION_LOCK_KEY,
                "SELECT pg_advisory_unlock(%d)" % MIGRATION_LOCK_KEY)

    def regex_lookup(self, lookup_type):
        return "%s ~ %s" if lookup_type == "regex" else "%s ~* %s"

    def adapt_json_value(self, value, encoder=None):
        return JsonText(super(PostgresOperations, self).adapt_json_value(value, encoder))

    def adapt_ipaddressfield_value(self, value):
        return UntypedText(value) if value else None

    def distinct_sql(self, fields, params):
        if fields:
            return ["DISTINCT ON (%s)" % ", ".join(fields)], list(params)
        return ["DISTINCT"], []

    def sequence_reset_sql(self, style, model_list):
        qn = self.quote_name
        return ["SELECT setval(pg_get_serial_sequence('%s', '%s'), COALESCE(MAX(%s), 1), MAX(%s) IS NOT NULL) "
                "FROM %s" % (qn(table).replace("'", "''"), column.replace("'", "''"), qn(column), qn(column),
                             qn(table)) for table, column in self.auto_increment_columns(model_list)]

    def sql_flush(self, style, tables, reset_sequences=False, allow_cascade=False):
        if not tables:
            return []
        return ["TRUNCATE %s%s%s;" % (", ".join(self.quote_name(t) for t in tables),
                                      " RESTART IDENTITY" if reset_sequences else "",
                                      " CASCADE" if allow_cascade else "")]


class PostgresFeatures(BaseDatabaseFeatures):
    supports_aggregate_filter_clause = True
    can_return_columns_from_insert = True
    can_return_rows_from_bulk_insert = True
    can_rollback_ddl = True
    has_select_for_update = True
    has_select_for_update_nowait = True
    has_select_for_update_skip_locked = True
    has_select_for_update_of = True
    has_native_uuid_field = True
    has_native_json_field = True
    supports_timezones = True
    can_distinct_on_fields = True
    supports_deferrable_unique_constraints = True
    nulls_order_largest = True


class PostgresSchemaEditor(BaseDatabaseSchemaEditor):
    sql_deferrable = " DEFERRABLE INITIALLY DEFERRED"
    sql_alter_column_type = "ALTER COLUMN %(column)s TYPE %(type)s USING %(column)s::%(type)s"
    sql_delete_table_if_exists = "DROP TABLE IF EXISTS %(table)s CASCADE"

    def quote_value(self, value):
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (bytes, bytearray)) and not isinstance(value, type("")):
            return "'\\x%s'::bytea" % "".join("%02x" % c for c in bytearray(value))
        return super(PostgresSchemaEditor, self).quote_value(value)


class PostgresDialect(Dialect):
    NAME = "postgresql"
    VENDOR = "postgresql"
    DISPLAY_NAME = "PostgreSQL"
    DEFAULT_DRIVER = "org.postgresql.Driver"
    DATA_TYPES = DATA_TYPES
    DATA_TYPE_CHECK_CONSTRAINTS = POSITIVE_CHECKS
    OPERATORS = OPERATORS
    NATIVE_UUID = True
    NATIVE_JSON = True
    READERS_BY_TYPE_NAME = {"uuid": read_uuid, "jsonb": read_text, "json": read_text, "inet": read_text}
    CURRENT_SCHEMA_SQL = "current_schema()"
    # admin_shutdown, crash_shutdown, cannot_connect_now (class 08 is handled for every dialect);
    # serialization_failure, deadlock_detected, lock_not_available (lock_timeout, NOWAIT).
    CONNECTION_LOST_STATES = frozenset(["57P01", "57P02", "57P03"])
    LOCK_TIMEOUT_STATES = frozenset(["40001", "40P01", "55P03"])
    DatabaseOperations = PostgresOperations
    DatabaseFeatures = PostgresFeatures
    DatabaseSchemaEditor = PostgresSchemaEditor


dialect = PostgresDialect()
