"""MariaDB and MySQL (MariaDB Connector/J or MySQL Connector/J): backticks, AUTO_INCREMENT, REGEXP."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.features import BaseDatabaseFeatures
from pyframework.db.backends.base.schema import BaseDatabaseSchemaEditor
from pyframework.db.backends.jdbc.dialects.base import COMMON_DATA_TYPES, Dialect, JdbcOperations

DATA_TYPES = dict(
    COMMON_DATA_TYPES,
    AutoField="integer AUTO_INCREMENT",
    BigAutoField="bigint AUTO_INCREMENT",
    SmallAutoField="smallint AUTO_INCREMENT",
    BinaryField="longblob",
    BooleanField="bool",
    NullBooleanField="bool",
    DateTimeField="datetime(6)",
    GenericIPAddressField="char(39)",
    JSONField="longtext",
    PositiveBigIntegerField="bigint UNSIGNED",
    PositiveIntegerField="integer UNSIGNED",
    PositiveSmallIntegerField="smallint UNSIGNED",
    TextField="longtext",
    TimeField="time(6)",
    UUIDField="char(32)",
)
# Backslash is MySQL's default LIKE escape (and an escape inside its string literals).
OPERATORS = {
    "exact": "= %s",
    "iexact": "LIKE %s",
    "contains": "LIKE BINARY %s",
    "icontains": "LIKE %s",
    "gt": "> %s",
    "gte": ">= %s",
    "lt": "< %s",
    "lte": "<= %s",
    "startswith": "LIKE BINARY %s",
    "endswith": "LIKE BINARY %s",
    "istartswith": "LIKE %s",
    "iendswith": "LIKE %s",
    "regex": "REGEXP BINARY %s",
    "iregex": "REGEXP %s",
}
PATTERN_ESC = r"REPLACE(REPLACE(REPLACE({}, '\\', '\\\\'), '%%', '\%%'), '_', '\_')"
PATTERN_OPS = {
    "contains": "LIKE BINARY CONCAT('%%', {}, '%%')",
    "icontains": "LIKE CONCAT('%%', {}, '%%')",
    "startswith": "LIKE BINARY CONCAT({}, '%%')",
    "istartswith": "LIKE CONCAT({}, '%%')",
    "endswith": "LIKE BINARY CONCAT('%%', {})",
    "iendswith": "LIKE CONCAT('%%', {})",
}


_TRUNC_FORMATS = {
    "year": "%%Y-01-01 00:00:00", "month": "%%Y-%%m-01 00:00:00", "day": "%%Y-%%m-%%d 00:00:00",
    "hour": "%%Y-%%m-%%d %%H:00:00", "minute": "%%Y-%%m-%%d %%H:%%i:00", "second": "%%Y-%%m-%%d %%H:%%i:%%s",
}


class MySQLOperations(JdbcOperations):
    no_limit_value_ = 18446744073709551615

    quote_char = "`"

    def migration_lock_sql(self):
        # GET_LOCK names are server-wide: the database's name makes them per database (64 chars at most).
        name = "LEFT(CONCAT('pyframework.migrate.', DATABASE()), 64)"
        return ("SELECT GET_LOCK(%s, 0)" % name, "SELECT GET_LOCK(%s, 60)" % name, "SELECT RELEASE_LOCK(%s)" % name)

    def lookup_cast(self, lookup_type, internal_type=None):
        return "%s"  # comparisons are case-insensitive under the default collations

    def max_name_length(self):
        return 64

    def regex_lookup(self, lookup_type):
        return "%s REGEXP BINARY %s" if lookup_type == "regex" else "%s REGEXP %s"

    def date_extract_sql(self, lookup_type, sql, params=()):
        if lookup_type == "week_day":
            return "DAYOFWEEK(%s)" % sql, params
        if lookup_type == "iso_week_day":
            return "(WEEKDAY(%s) + 1)" % sql, params
        if lookup_type == "week":
            return "WEEK(%s, 3)" % sql, params  # ISO-8601 weeks
        if lookup_type == "iso_year":
            return "(YEARWEEK(%s, 3) DIV 100)" % sql, params
        return "CAST(EXTRACT(%s FROM %s) AS SIGNED)" % (lookup_type.upper(), sql), params

    def date_trunc_sql(self, lookup_type, sql, params=(), tzname=None, as_date=False):
        params = tuple(params)
        if lookup_type == "week":
            truncated, params = "DATE_SUB(DATE(%s), INTERVAL WEEKDAY(%s) DAY)" % (sql, sql), params + params
        elif lookup_type == "quarter":
            truncated = "MAKEDATE(YEAR(%s), 1) + INTERVAL QUARTER(%s) QUARTER - INTERVAL 1 QUARTER" % (sql, sql)
            params = params + params
        else:
            fmt = _TRUNC_FORMATS.get(lookup_type)
            if fmt is None:
                raise ValueError("Unsupported truncation %r" % lookup_type)
            truncated = "DATE_FORMAT(%s, '%s')" % (sql, fmt)
        return "CAST(%s AS %s)" % (truncated, "DATE" if as_date else "DATETIME(6)"), params

    def random_function_sql(self):
        return "RAND()"

    disable_constraint_checking_sql = "SET foreign_key_checks = 0"
    enable_constraint_checking_sql = "SET foreign_key_checks = 1"

    def sql_flush(self, style, tables, reset_sequences=False, allow_cascade=False):
        if not tables:
            return []
        return (["SET FOREIGN_KEY_CHECKS = 0;"] + ["%s %s;" % ("TRUNCATE" if reset_sequences else "DELETE FROM",
                                                              self.quote_name(t)) for t in tables]
                + ["SET FOREIGN_KEY_CHECKS = 1;"])


class MySQLFeatures(BaseDatabaseFeatures):
    has_select_for_update = True
    has_select_for_update_nowait = True
    has_select_for_update_skip_locked = True
    update_can_self_select = False
    can_rollback_ddl = False
    has_case_insensitive_like = True
    supports_deferrable_unique_constraints = False


class MySQLSchemaEditor(BaseDatabaseSchemaEditor):
    sql_create_table = "CREATE TABLE %(table)s (%(definition)s) DEFAULT CHARACTER SET utf8mb4"
    sql_rename_table = "RENAME TABLE %(old_table)s TO %(new_table)s"
    sql_alter_column_type = "MODIFY %(column)s %(type)s"
    sql_alter_column_null = "MODIFY %(column)s %(type)s NULL"
    sql_alter_column_not_null = "MODIFY %(column)s %(type)s NOT NULL"
    sql_delete_unique = "ALTER TABLE %(table)s DROP INDEX %(name)s"
    sql_delete_fk = "ALTER TABLE %(table)s DROP FOREIGN KEY %(name)s"
    sql_delete_index = "DROP INDEX %(name)s ON %(table)s"
    sql_delete_check = "ALTER TABLE %(table)s DROP CHECK %(name)s"

    def _alter_type_sql(self, table, field, new_type):
        null = " NULL" if field.null else " NOT NULL"
        return "ALTER TABLE %s MODIFY %s %s%s" % (self.quote_name(table), self.quote_name(field.column), new_type,
                                                  null)


class MySQLDialect(Dialect):
    NAME = "mysql"
    VENDOR = "mysql"
    DISPLAY_NAME = "MariaDB/MySQL"
    DEFAULT_DRIVER = "org.mariadb.jdbc.Driver"
    DATA_TYPES = DATA_TYPES
    OPERATORS = OPERATORS
    PATTERN_ESC = PATTERN_ESC
    PATTERN_OPS = PATTERN_OPS
    CURRENT_SCHEMA_SQL = "DATABASE()"
    # ER_SERVER_SHUTDOWN, ER_CONNECTION_KILLED, CR_CONNECTION_ERROR, CR_CONN_HOST_ERROR,
    # CR_SERVER_GONE_ERROR, CR_SERVER_LOST; then ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK.
    CONNECTION_LOST_CODES = frozenset([1053, 1927, 2002, 2003, 2006, 2013])
    LOCK_TIMEOUT_CODES = frozenset([1205, 1213])
    DatabaseOperations = MySQLOperations
    DatabaseFeatures = MySQLFeatures
    DatabaseSchemaEditor = MySQLSchemaEditor


dialect = MySQLDialect()
