"""H2 2.x (the embedded default inside the WAR): identity columns, native UUID, REGEXP_LIKE."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.features import BaseDatabaseFeatures
from pyframework.db.backends.base.schema import BaseDatabaseSchemaEditor
from pyframework.db.backends.jdbc.converters import read_uuid
from pyframework.db.backends.jdbc.dialects.base import POSITIVE_CHECKS, STANDARD_DATA_TYPES, Dialect, JdbcOperations

DATA_TYPES = dict(STANDARD_DATA_TYPES, BinaryField="varbinary", GenericIPAddressField="varchar(39)",
                  JSONField="varchar", TextField="varchar")


class H2Operations(JdbcOperations):
    def regex_lookup(self, lookup_type):
        if lookup_type == "regex":
            return "REGEXP_LIKE(%s, %s, 'c')"
        return "REGEXP_LIKE(%s, %s, 'i')"

    def max_name_length(self):
        return 256

    def date_extract_sql(self, lookup_type, sql, params=()):
        if lookup_type == "week_day":
            return "DAY_OF_WEEK(%s)" % sql, params  # 1 = Sunday, like Django's week_day
        return super(H2Operations, self).date_extract_sql(lookup_type, sql, params)

    def date_trunc_sql(self, lookup_type, sql, params=(), tzname=None, as_date=False):
        if lookup_type == "week":  # H2's weeks start on Sunday; Django's (ISO) on Monday
            sql = "DATEADD(DAY, 1 - ISO_DAY_OF_WEEK(%s), DATE_TRUNC('DAY', %s))" % (sql, sql)
            sql, params = ("CAST(%s AS DATE)" % sql if as_date else sql), tuple(params) + tuple(params)
            return sql, params
        return super(H2Operations, self).date_trunc_sql(lookup_type, sql, params, tzname, as_date)

    # No disable_constraint_checking_sql: SET REFERENTIAL_INTEGRITY commits the transaction, so
    # fixtures loaded into H2 list referenced rows first (dumpdata writes them in that order).

    def sequence_reset_sql(self, style, model_list):
        # H2 takes only a literal after RESTART WITH: read each table's largest key first.
        statements = []
        qn = self.quote_name
        with self.connection.cursor() as cursor:
            for table, column in self.auto_increment_columns(model_list):
                cursor.execute("SELECT MAX(%s) FROM %s" % (qn(column), qn(table)))
                largest = cursor.fetchone()[0]
                statements.append("ALTER TABLE %s ALTER COLUMN %s RESTART WITH %d"
                                  % (qn(table), qn(column), (largest or 0) + 1))
        return statements

    def sql_flush(self, style, tables, reset_sequences=False, allow_cascade=False):
        if not tables:
            return []
        return (["SET REFERENTIAL_INTEGRITY FALSE;"] +
                ["TRUNCATE TABLE %s%s;" % (self.quote_name(t), " RESTART IDENTITY" if reset_sequences else "")
                 for t in tables] + ["SET REFERENTIAL_INTEGRITY TRUE;"])


class H2Features(BaseDatabaseFeatures):
    supports_aggregate_filter_clause = True
    has_select_for_update = True
    has_select_for_update_nowait = True
    has_native_uuid_field = True
    can_rollback_ddl = False
    supports_regex = True
    supports_deferrable_unique_constraints = False


class H2SchemaEditor(BaseDatabaseSchemaEditor):
    sql_alter_column_type = "ALTER COLUMN %(column)s SET DATA TYPE %(type)s"
    sql_delete_index = "DROP INDEX %(name)s"

    def quote_value(self, value):
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        return super(H2SchemaEditor, self).quote_value(value)


class H2Dialect(Dialect):
    NAME = "h2"
    VENDOR = "h2"
    DISPLAY_NAME = "H2"
    DEFAULT_DRIVER = "org.h2.Driver"
    DATA_TYPES = DATA_TYPES
    DATA_TYPE_CHECK_CONSTRAINTS = POSITIVE_CHECKS
    NATIVE_UUID = True
    READERS_BY_TYPE_NAME = {"uuid": read_uuid}
    CURRENT_SCHEMA_SQL = "CURRENT_SCHEMA"
    # An embedded file or in-memory H2 (not jdbc:h2:tcp:) with DB_CLOSE_DELAY=-1 stays open after its
    # last connection closes; SHUTDOWN writes it out and releases the file lock before a redeploy.
    SHUTDOWN_SQL = "SHUTDOWN"
    EMBEDDED_URL_PREFIXES = ("jdbc:h2:file:", "jdbc:h2:mem:", "jdbc:h2:./", "jdbc:h2:~/", "jdbc:h2:/")
    # org.h2.api.ErrorCode: CONNECTION_BROKEN_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN,
    # DATABASE_NOT_FOUND_1 / _WITH_IF_EXISTS_1, REMOTE_DATABASE_NOT_FOUND_1; then LOCK_TIMEOUT_1,
    # DEADLOCK_1, CONCURRENT_UPDATE_1.
    CONNECTION_LOST_CODES = frozenset([90067, 90098, 90121, 90013, 90146, 90149])
    LOCK_TIMEOUT_CODES = frozenset([50200, 40001, 90131])
    DatabaseOperations = H2Operations
    DatabaseFeatures = H2Features
    DatabaseSchemaEditor = H2SchemaEditor


dialect = H2Dialect()
